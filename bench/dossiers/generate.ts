import type { Sql } from "postgres";
import { expand, familyNameWeights, givenNames, middleNameWeights, mobilePrefixes } from "./people";

/**
 * Fills `dossiers` with `count` realistic rows in one INSERT … SELECT over generate_series (no COPY, no
 * client round trips): weighted Vietnamese family and middle names, mobiles with real prefixes, CCCDs,
 * 20 % of dossiers with an owner other than the submitter, statuses and dates over the ~3 years up to today (1,000 a
 * day), as in a portal in use. The search
 * column is folded in SQL exactly as lib/dossiers/search-text.ts does it (checked by the caller).
 * Indexes are dropped for the load and rebuilt afterwards, which is several times faster.
 */
export async function generateDossiers(sql: Sql, count: number, busiestUnitCode: string): Promise<void> {
  const indexes = await sql<{ indexname: string; indexdef: string }[]>`
    select indexname, indexdef from pg_indexes where tablename in ('dossiers', 'dossier_search', 'dossier_search_keys')
      and indexname not in ('dossiers_pkey', 'dossier_search_pkey')`;
  for (const i of indexes) await sql.unsafe(`drop index ${i.indexname}`);
  // The search table (and through its trigger the search keys) is filled in one statement after the load.
  await sql.unsafe("alter table dossiers disable trigger dossier_search_insert");
  await sql.unsafe("set maintenance_work_mem = '512MB'");
  await sql.unsafe(
    `
    insert into dossiers (code, unit_id, procedure_id, procedure, status, channel, result_delivery,
      submitter_name, submitter_id_number, submitter_phone84, owner_same_as_submitter, owner_name, owner_id_number,
        owner_phone84,
      notify_zalo, zalo_consent_at, received_at, due_at, original_due_at, finished_at, returned_at,
      register_book, register_line, lookup_secret, search_text, created_at, updated_at)
    select code, unit_id, procedure_id, snapshot, status, channel, 'counter',
      sname, sid, sphone, same, oname, oid, ophone,
      sphone is not null, case when sphone is not null then received_at end, received_at, due_at, due_at,
      case when status in ('returned', 'result_ready') then received_at + (random() * interval '6 days') end,
      case when status = 'returned' then received_at + interval '6 days' end,
      to_char(day, 'YYYY'), g + 1, md5(g::text || random()::text), 
      lower(regexp_replace(f_unaccent(concat_ws(' | ', code, sname,
        case when oname <> sname then oname end,
        sphone, '0' || substr(sphone, 3),
        case when ophone is distinct from sphone then ophone end, case when ophone is distinct from sphone then '0'
          || substr(ophone, 3) end,
        sid, case when oid is distinct from sid then oid end)), '\\s+', ' ', 'g')),
      received_at, received_at
    from (
      select g, day, received_at, received_at + interval '5 days' as due_at, unit_id, procedure_id, snapshot, sname,
        sid, sphone,
        same, case when same then sname else oname_alt end as oname, case when same then sid else oid_alt end as
          oid, case when same then sphone else ophone_alt end as ophone,
        -- Numbers from 5001 so that the demo's own dossiers of the same days keep theirs.
        unit_code || '-' || to_char(day, 'YYMMDD') || '-' || lpad(((g % 1000) + 5001)::text, 4, '0') as code,
        case when r < 0.80 then 'returned' when r < 0.85 then 'result_ready' when r < 0.89 then 'appraising' when r
          < 0.92 then 'received'
             when r < 0.94 then 'assigned' when r < 0.96 then 'supplement_requested' when r < 0.97 then
               'awaiting_signature'
             when r < 0.98 then 'rejected' when r < 0.99 then 'withdrawn' else 'fee_requested' end as status,
        case when random() < 0.7 then 'direct' when random() < 0.5 then 'online' else 'post' end as channel
      from (
        select g, day,
          (day::timestamp + interval '7 hours 30 minutes' + random() * interval '9 hours') at time zone
            'Asia/Ho_Chi_Minh' as received_at,
          u.ids[ui] as unit_id, u.codes[ui] as unit_code,
          p.ids[1 + (g * 7) % cardinality(p.ids)] as procedure_id, p.snaps[1 + (g * 7) % cardinality(p.ids)] as
            snapshot,
          ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int] || ' ' || ($2::text[])[1 + floor(random()
            * cardinality($2::text[]))::int] || ' ' || ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int]
            as sname,
          ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int] || ' ' || ($2::text[])[1 + floor(random()
            * cardinality($2::text[]))::int] || ' ' || ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int]
            as oname_alt,
          '0' || (array['42','40','38','01','79','44'])[1 + floor(random() * 6)::int] || floor(random() * 4)::int ||
            lpad(floor(random() * 100000000)::bigint::text, 8, '0') as sid,
          '0' || (array['42','40','38','01','79','44'])[1 + floor(random() * 6)::int] || floor(random() * 4)::int ||
            lpad(floor(random() * 100000000)::bigint::text, 8, '0') as oid_alt,
          case when random() < 0.9 then ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] ||
            lpad(floor(random() * 10000000)::int::text, 7, '0') end as sphone,
          case when random() < 0.5 then ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] ||
            lpad(floor(random() * 10000000)::int::text, 7, '0') end as ophone_alt,
          random() < 0.8 as same, random() as r
        from generate_series(0, $5::int - 1) g
        cross join lateral (select current_date - ($5::int / 1000) + (g / 1000) as day) d
        cross join (select array_agg(uc.unit_id order by uc.unit_id) as ids, array_agg(uc.code order by uc.unit_id)
          as codes from unit_codes uc where uc.valid_to is null) u
        cross join (select array_agg(id order by id) as ids,
                           array_agg(jsonb_build_object('id', id, 'code', code, 'name', name, 'field', field,
                             'processingDays', processing_days,
                             'processingHours', processing_hours, 'cutoffTime', cutoff_time, 'supplementClock',
                               supplement_clock) order by id) as snaps
                    from procedures) p
        -- 60 % at the provincial service centre (the busiest desk), the rest spread over the other units.
        cross join lateral (select case when g % 10 < 6 then array_position(u.codes, $6) else 1 + g %
          cardinality(u.ids) end as ui) x
        offset 0
      ) s
    ) t`,
    [expand(familyNameWeights), expand(middleNameWeights), [...givenNames], mobilePrefixes, count, busiestUnitCode],
  );
  await sql.unsafe(`insert into dossier_search (dossier_id, unit_id, sort_at, search_text)
    select id, unit_id, coalesce(received_at, submitted_at, created_at), search_text from dossiers on conflict
      (dossier_id) do nothing`);
  await sql.unsafe("alter table dossiers enable trigger dossier_search_insert");
  for (const i of indexes) await sql.unsafe(i.indexdef);
  await sql.unsafe("vacuum analyze dossiers");
  await sql.unsafe("vacuum analyze dossier_search");
  // Sets the visibility map, as autovacuum does on a live database: the key index is read without the table.
  await sql.unsafe("vacuum analyze dossier_search_keys");
}
