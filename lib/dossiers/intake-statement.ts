import { randomBytes, randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Db, executedRows, pgArrayLiteral } from "@/db/client";
import { columnList, jsonRecord } from "@/db/json-record";
import { auditLog, dossierEvents, dossierHistory, dossierReceipts, dossiers } from "@/db/schema";

// What only the numbering inside the statement knows (the code, the register line) is written into the rows
// as these stand-ins and replaced there. They are random per process, so no text a user types can hold them;
// the code's stand-in is made of characters that URLs and JSON keep as they are, and search folding lowercases.
const nonce = randomBytes(8).toString("hex").toUpperCase();
export const PENDING_CODE = `QQ${nonce}QQ`;
export const PENDING_REGISTER_LINE = 100_000_000_000_000 + randomInt(0, 2 ** 47);

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

export interface IntakeRows {
  dossier: Row<typeof dossiers>;
  /** dossier_id is set by the statement. */
  history: Row<typeof dossierHistory>;
  events: Row<typeof dossierEvents>[];
  receipt: Row<typeof dossierReceipts> | null;
  audit: Row<typeof auditLog>;
}

/** The counters to take: the day's number (`<unitCode>-<day>-<n>`) and the register book's line. */
export interface Numbering {
  unitCode: string;
  day: string;
  book: string;
}

export interface InsertedIntake {
  id: number;
  code: string;
  registerLine: number | null;
}

const withoutDossierId = (columns: string[]) => columns.filter((c) => c !== "dossier_id");

/**
 * The whole intake as one statement, so the day's counter row is locked only while PostgreSQL itself runs
 * the inserts and commits: no round trip, and no wait for a busy application process, happens under it.
 * Nothing is written unless `referenceVersion` is still current (the caller read the procedure, unit,
 * calendar and office hours at that version); null then, and the caller reads them again.
 */
export async function insertIntake(db: Db, referenceVersion: number, numbering: Numbering | null, rows: IntakeRows): Promise<InsertedIntake | null> {
  const d = jsonRecord(dossiers, rows.dossier);
  const h = jsonRecord(dossierHistory, rows.history);
  const events = rows.events.map((e) => jsonRecord(dossierEvents, e));
  const receipt = rows.receipt ? jsonRecord(dossierReceipts, rows.receipt) : null;
  const audit = jsonRecord(auditLog, rows.audit);
  const payload = JSON.stringify({ dossier: d.record, history: h.record, events: events.map((e) => e.record), receipt: receipt?.record ?? null, audit: audit.record });

  const eventColumns = withoutDossierId(events[0]?.columns ?? ["type"]);
  const hColumns = withoutDossierId(h.columns);
  const numbered = numbering
    ? sql`seq as (
        insert into dossier_sequences (unit_code, day, last)
        select ${numbering.unitCode}, k.key, 1 from guard, unnest(${pgArrayLiteral([numbering.day, numbering.book])}::text[]) with ordinality as k(key, ord)
        order by k.ord
        on conflict (unit_code, day) do update set last = dossier_sequences.last + 1
        returning day, last
      ),
      num as (
        select ${numbering.unitCode} || '-' || ${numbering.day} || '-' || case when s.last < 10000 then lpad(s.last::text, 4, '0') else s.last::text end as code,
               b.last as line
        from seq s join seq b on s.day = ${numbering.day} and b.day = ${numbering.book}
      ),
      p as (
        select replace(replace(replace(${payload}::text, ${PENDING_CODE}, num.code), ${PENDING_CODE.toLowerCase()}, lower(num.code)), ${String(PENDING_REGISTER_LINE)}, num.line::text)::jsonb as j
        from num
      )`
    : sql`p as (select ${payload}::jsonb as j from guard)`;
  const receiptInsert = receipt
    ? sql`, rc as (
        insert into dossier_receipts (dossier_id, ${columnList(withoutDossierId(receipt.columns))})
        select d.id, ${columnList(withoutDossierId(receipt.columns), "r")} from d, p, jsonb_populate_record(null::dossier_receipts, p.j->'receipt') r
      )`
    : sql``;

  const result = await db.execute(sql`
    with guard as (select 1 from reference_version where id = 1 and version = ${referenceVersion}),
    ${numbered},
    d as (
      insert into dossiers (${columnList(d.columns)})
      select ${columnList(d.columns, "r")} from p, jsonb_populate_record(null::dossiers, p.j->'dossier') r
      returning id, code, register_line
    ),
    h as (
      insert into dossier_history (dossier_id, ${columnList(hColumns)})
      select d.id, ${columnList(hColumns, "r")} from d, p, jsonb_populate_record(null::dossier_history, p.j->'history') r
    ),
    e as (
      insert into dossier_events (dossier_id, ${columnList(eventColumns)})
      select d.id, ${columnList(eventColumns, "r")} from d, p, jsonb_populate_recordset(null::dossier_events, p.j->'events') with ordinality r
      order by r.ordinality
    ),
    a as (
      insert into audit_log (${columnList(audit.columns)})
      select ${columnList(audit.columns, "r")} from d, p, jsonb_populate_record(null::audit_log, p.j->'audit') r
    )${receiptInsert}
    select id, code, register_line from d`);
  const [row] = executedRows<{ id: number; code: string; register_line: number | null }>(result);
  return row ? { id: Number(row.id), code: row.code, registerLine: row.register_line == null ? null : Number(row.register_line) } : null;
}
