/**
 * npm run bench:dashboard — the supervisor's dashboard at scale (issue 14), against PostgreSQL
 * (DATABASE_URL, default postgres://root@127.0.0.1:5432/test; database "motcua_bench_dashboard" is created beside it).
 *   dashboard  1,000,000 dossiers, 1,000,000 notifications, 200,000 ratings: the province-wide page for a year
 *              (every service call /bao-cao awaits) p95 ≤ 300 ms; baseline in the same run = the same figures counted
 *              directly over the base tables (no per-day statistics), which must also be equal to them
 *   exports    the Circular 01 XLSX over a period of ≥ 100,000 dossiers, and the CSV of 1,000,000 ratings: peak RSS ≤
 * 300 MB
 * Env: ROWS (1000000), RUNS (30), KEEP_DB=1 keeps the database, REUSE_DB=1 measures again on a kept one,
 * EXPORTS=0 skips the two exports.
 */
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { openPostgres, setDbHandle } from "../../db/client";
import { seedDemo } from "@/lib/seed";
import { systemCtx } from "../../lib/auth/actor";
import { dashboardCharts } from "../../lib/reports/charts";
import { type DossierMetric, directCount } from "../../lib/reports/direct";
import { statutoryXlsxStream } from "../../lib/reports/export";
import { dashboard, deliveryFiguresDirect, ratingLevelsDirect } from "../../lib/reports/figures";
import { addDays, makePeriod, vnDay } from "../../lib/reports/period";
import { ratingsCsvStream } from "../../lib/reports/ratings-csv";
import { reportScope } from "../../lib/reports/scope";
import { statutoryReport } from "../../lib/reports/statutory";
import { reportUnits } from "../../lib/reports/units";
import { percentile } from "../http";

const ROWS = Number(process.env.ROWS || 1_000_000);
const RUNS = Number(process.env.RUNS || 30);
const DB_NAME = "motcua_bench_dashboard";
const serverUrl = process.env.DATABASE_URL || "postgres://root@127.0.0.1:5432/test";
const benchDbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();
const fmt = (v: number, d = 1) => v.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
const mb = (bytes: number) => fmt(bytes / 1024 / 1024, 0);

async function recreateDatabase(drop = false) {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
  if (!drop) await admin.unsafe(`create database ${DB_NAME}`);
  await admin.end();
}

/**
 * A year of dossiers across every unit and procedure, written by SQL with triggers off (the statistics are rebuilt
 * afterwards, as a bulk load must): outcomes 45% early, 35% on time, 12% late, the rest open, rejected or withdrawn.
 */
async function generate(sql: postgres.Sql, rows: number) {
  await sql`set session_replication_role = replica`;
  await sql.unsafe(`
    create temp table gen_units as select id, row_number() over (order by id) - 1 as k from units;
    create temp table gen_procs as select id, row_number() over (order by id) - 1 as k, jsonb_build_object('id', id,
      'code', code, 'name', name, 'field', field,
      'processingDays', processing_days, 'processingHours', processing_hours, 'cutoffTime', cutoff_time,
        'supplementClock', supplement_clock) as snap
      from procedures where processing_days is not null;`);
  const [{ nu }] = await sql`select count(*)::int as nu from gen_units`;
  const [{ np }] = await sql`select count(*)::int as np from gen_procs`;
  const batch = 100_000;
  for (let start = 0; start < rows; start += batch) {
    await sql.unsafe(`
      insert into dossiers (code, unit_id, procedure_id, procedure, status, channel, result_delivery,
        submitter_name, owner_name, notify_zalo,
        received_at, due_at, original_due_at, finished_at, returned_at, closed_at, apology_at, lookup_secret,
          search_text, created_at, updated_at)
      select 'B-' || g, u.id, p.id, p.snap,
        case when r.o < 0.92 then (case when fin > now() then 'appraising' when ret > now() then 'result_ready' else
          'returned' end)
             when r.o < 0.96 then 'rejected' else 'withdrawn' end,
        case when r.c < 0.25 then 'online' when r.c < 0.31 then 'post' else 'direct' end, 'counter', 'Bench',
          'Bench', r.z < 0.55,
        rec, due, due,
        case when r.o < 0.92 and fin <= now() then fin end,
        case when r.o < 0.92 and ret <= now() then ret end,
        case when r.o < 0.92 and fin <= now() then fin when r.o >= 0.92 then rec + interval '2 days' end,
        case when r.o >= 0.8 and r.o < 0.86 then due - interval '2 days' end,
        'b' || g, 'b-' || g, rec, rec
      from generate_series(${start + 1}, ${Math.min(rows, start + batch)}) g
      cross join lateral (select g as gg, random() as o, random() as c, random() as z, random() as t, random() as s) r
      join gen_units u on u.k = g % ${nu}
      join gen_procs p on p.k = (g / 7) % ${np}
      cross join lateral (select now() - r.t * 365 * interval '1 day' as rec) a
      cross join lateral (select rec + (3 + (g % 10)) * interval '1 day' as due) b
      cross join lateral (select case when r.o < 0.45 then rec + (due - rec) * (0.3 + r.s * 0.5)
                                      when r.o < 0.8 then due - interval '1 hour'
                                      else due + (1 + r.s * 6) * interval '1 day' end as fin) f
      cross join lateral (select fin + (0.2 + r.s * 3) * interval '1 day' as ret) rt`);
    process.stdout.write(`  ${Math.min(rows, start + batch).toLocaleString("en-US")} dossiers\r`);
  }
  console.log("");
  await sql.unsafe(`
    insert into dossier_history (dossier_id, from_status, to_status, action, actor_label, at)
      select id, 'appraising', 'supplement_requested', 'transition', 'Bench', received_at + interval '1 day'
      from dossiers where id % 10 = 0 and received_at + interval '1 day' < now();
    insert into notifications (dossier_id, unit_id, event_id, event_type, channel, template_id, status, attempts,
      last_error, sent_at, delivered_at, failed_at, created_at, updated_at)
      select d.id, d.unit_id, 0, 'received', 'zbs', '310001', case when r < 0.04 then 'failed_permanent' else
        'delivered' end, 1,
        case when r < 0.02 then 'Số điện thoại không dùng Zalo' when r < 0.04 then 'Người dùng đã từ chối nhận tin' end,
        case when r >= 0.04 then d.received_at + (2 + r * 40) * interval '1 second' end,
        case when r >= 0.04 then d.received_at + (5 + r * 40) * interval '1 second' end,
        case when r < 0.04 then d.received_at + interval '5 seconds' end, d.received_at, d.received_at
      from (select id, unit_id, received_at, random() as r from dossiers order by id limit ${ROWS}) d;
    insert into ratings (dossier_id, unit_id, procedure_id, received_by_id, level, criteria, channel, returned_at,
      rated_at, updated_at)
      select id, unit_id, procedure_id, null, case when r < 0.06 then 'dissatisfied' when r < 0.4 then 'satisfied'
        else 'very_satisfied' end,
        '{"attitude":"very_satisfied"}', case when r < 0.5 then 'zalo' when r < 0.8 then 'counter' else 'web' end,
          returned_at, returned_at + interval '1 hour', returned_at + interval '1 hour'
      from (select id, unit_id, procedure_id, returned_at, random() as r from dossiers where status = 'returned' and
        code like 'B-%' order by id limit 200000) d;`);
  await sql`set session_replication_role = origin`;
  await sql`select dossier_daily_stats_rebuild()`;
  await sql`select notification_rating_stats_rebuild()`;
  // A live system writes the per-day rows day after day, so a day's rows sit together; the rebuild writes them in
  // hash order. Put them back in day order, as they would be.
  for (const t of [
    "dossier_daily_stats",
    "dossier_monthly_stats",
    "notification_daily_delays",
    "notification_daily_stats",
  ]) {
    await sql.unsafe(`cluster ${t} using ${t}_pk`);
  }
  await sql`vacuum analyze`;
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
}

/** Peak resident memory while `work` runs (sampled every 20 ms). */
async function peakRss(work: () => Promise<number>): Promise<{ peak: number; bytes: number; ms: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const bytes = await work();
  clearInterval(timer);
  return { peak: Math.max(peak, process.memoryUsage().rss), bytes, ms: performance.now() - t0 };
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let n = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return n;
    n += value.byteLength;
  }
}

const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  console.log(`  ${line}`);
};
let ok = true;
const reuse = process.env.REUSE_DB === "1";
if (!reuse) await recreateDatabase();
const h = openPostgres(benchDbUrl, { max: 4 });
const sql = postgres(benchDbUrl, { max: 1, onnotice: () => {} });
try {
  await h.migrate();
  setDbHandle(h);
  if (!reuse) {
    await seedDemo(h.db);
    console.log(`dashboard: generating ${ROWS.toLocaleString("en-US")} dossiers, notifications and 200,000 ratings…`);
    const [, ms] = await timed(() => generate(sql, ROWS));
    say(`generated in ${fmt(ms / 1000, 0)} s`);
  }
  const [{ d, n, r }] =
    await sql`select (select count(*) from dossiers)::int as d, (select count(*) from notifications)::int as n,
      (select count(*) from ratings)::int as r`;
  say(
    `data: ${d.toLocaleString("en-US")} dossiers, ${n.toLocaleString("en-US")} ` +
      `notifications, ${r.toLocaleString("en-US")} ratings`,
  );

  const ctx = systemCtx();
  const today = vnDay(new Date());
  const q = { from: addDays(today, -364), to: today };
  const page = () =>
    Promise.all([
      dashboard(ctx, q),
      dashboardCharts(ctx, q),
      statutoryReport(ctx, { ...q, by: "unit" }),
      reportUnits(ctx),
    ]);
  await page();
  const times: number[] = [];
  let figures: Awaited<ReturnType<typeof dashboard>> | null = null;
  for (let i = 0; i < RUNS; i++) {
    const [res, ms] = await timed(page);
    figures = res[0];
    times.push(ms);
  }
  times.sort((a, b) => a - b);

  // Baseline: the same dossier figures counted straight from the base tables (what the page would do without them).
  const scope = await reportScope(h.db, ctx, undefined);
  const period = makePeriod(q.from, q.to);
  const metrics: [DossierMetric, number][] = [
    ["received", figures!.dossiers.received.total],
    ["received_zalo", figures!.dossiers.received.zalo],
    ["carried_over", figures!.dossiers.carriedOver],
    ["finished_early", figures!.dossiers.finished.early],
    ["finished_on_time", figures!.dossiers.finished.onTime],
    ["finished_late", figures!.dossiers.finished.late],
    ["returned", figures!.dossiers.returned],
    ["in_progress", figures!.dossiers.inProgress.total],
    ["in_progress_overdue", figures!.dossiers.inProgress.overdue],
    ["supplements", figures!.dossiers.supplements],
    ["apologies", figures!.dossiers.apologies],
  ];
  const baseTimes: number[] = [];
  const mismatches: string[] = [];
  for (let i = 0; i < Math.min(RUNS, 5); i++) {
    const [[counts, delivery, levels], ms] = await timed(() =>
      Promise.all([
        Promise.all(metrics.map(([m]) => directCount(h.db, scope, m, period))),
        deliveryFiguresDirect(h.db, scope, period),
        ratingLevelsDirect(h.db, scope, period),
      ]),
    );
    baseTimes.push(ms);
    if (i > 0) continue;
    metrics.forEach(([m, v], k) => v !== counts[k] && mismatches.push(`${m}: ${v} ≠ ${counts[k]}`));
    if (JSON.stringify(delivery) !== JSON.stringify(figures!.delivery))
      mismatches.push(`delivery: ${JSON.stringify(figures!.delivery)} ≠ ${JSON.stringify(delivery)}`);
    if (JSON.stringify(levels) !== JSON.stringify(figures!.ratings.byLevel))
      mismatches.push(`ratings: ${JSON.stringify(figures!.ratings.byLevel)} ≠ ${JSON.stringify(levels)}`);
  }
  baseTimes.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  const base95 = percentile(baseTimes, 95);
  say(
    `dashboard (province, 1 year, ${RUNS} runs): p50 ${fmt(percentile(times, 50))} ms, p95 ${fmt(p95)} ms (target ≤ ` +
      `300)`,
  );
  say(
    `baseline, dossier, delivery and rating figures by direct counts (${baseTimes.length} runs): p95 ${fmt(base95)} ` +
      `ms → ${fmt(base95 / p95)}× the whole page`,
  );
  say(
    mismatches.length
      ? `MISMATCH with direct counts: ${mismatches.join("; ")}`
      : `every dossier figure (${metrics.length}), the delivery figures and the rating levels equal their direct ` +
          `counts`,
  );
  ok &&= p95 <= 300 && mismatches.length === 0;

  // EXPORTS=0: the page and its baseline only (the exports take minutes and did not change between runs).
  if (process.env.EXPORTS !== "0") {
    // XLSX over a period holding ≥ 100,000 dossiers (by field: a few dozen lines, read from the per-day table).
    const [{ from100k }] =
      await sql`select vn_day(received_at)::text as from100k from dossiers order by received_at desc
        offset ${Math.min(100_000, d - 1)} limit 1`;
    const report = await statutoryReport(ctx, { from: from100k, to: today, by: "field" });
    const xlsx = await peakRss(() => drain(statutoryXlsxStream(report)));
    say(
      `XLSX (Circular 01, ${from100k}..${today}, ${report.rows.at(-1)!.total.toLocaleString("en-US")} dossiers to ` +
        `handle): ${fmt(xlsx.ms, 0)} ms, ${mb(xlsx.bytes)} MB, peak RSS ${mb(xlsx.peak)} MB`,
    );
    ok &&= xlsx.peak <= 300 * 1024 * 1024;

    // CSV of 1,000,000 ratings: top the table up to a million (one per dossier), stream it, then take the extra rows
    // away again (triggers off both ways, so the per-day statistics keep the 200,000 and a REUSE_DB run measures the
    // same).
    const [{ lastRating }] = await sql`select coalesce(max(id), 0)::int as "lastRating" from ratings`;
    await sql`set session_replication_role = replica`;
    await sql.unsafe(`
      insert into ratings (dossier_id, unit_id, procedure_id, level, criteria, channel, returned_at, rated_at,
        updated_at)
        select id, unit_id, procedure_id, 'satisfied', '{}', 'web', coalesce(returned_at, received_at),
          coalesce(returned_at, received_at), coalesce(returned_at, received_at)
        from dossiers d where not exists (select 1 from ratings r where r.dossier_id = d.id) order by id limit
          greatest(0, 1000000 - (select count(*) from ratings))`);
    await sql`analyze ratings`;
    const [{ rr }] = await sql`select count(*)::int as rr from ratings`;
    const csv = await peakRss(() => ratingsCsvStream(ctx, { from: addDays(today, -366), to: today }).then(drain));
    say(
      `CSV of ${rr.toLocaleString("en-US")} ratings: ${fmt(csv.ms / 1000)} s, ${mb(csv.bytes)} MB, peak ` +
        `RSS ${mb(csv.peak)} MB (target ≤ 300)`,
    );
    ok &&= csv.peak <= 300 * 1024 * 1024;
    await sql`delete from ratings where id > ${lastRating}`;
    await sql`set session_replication_role = origin`;
    await sql`analyze ratings`;
  }
} finally {
  await sql.end();
  await h.close();
  if (process.env.KEEP_DB !== "1") await recreateDatabase(true);
}
console.log(["", "== Dashboard ==", ...lines, ok ? "MET" : "NOT MET", ""].join("\n"));
process.exit(ok ? 0 : 1);
