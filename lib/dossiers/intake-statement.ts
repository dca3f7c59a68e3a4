import { randomBytes, randomInt } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { type Db, pgArrayLiteral } from "@/db/client";
import { groupCommit } from "@/db/group-commit";
import { perDb } from "@/lib/cache/per-db";
import { columnList, jsonRecord } from "@/db/json-record";
import { executePrepared } from "@/db/prepared";
import { auditLog, dossierEvents, dossierHistory, dossierReceipts, dossiers } from "@/db/schema";
import { dossierCodeSql } from "./code";

// What only the numbering inside the statement knows (the code, the register line) is written into the rows
// as these stand-ins and replaced there. They are random per process, so no text a user types can hold them;
// the code's stand-in is made of characters that URLs and JSON keep as they are, and search folding lowercases.
const nonce = randomBytes(8).toString("hex").toUpperCase();
const PENDING_CODE = `QQ${nonce}QQ`;
const PENDING_REGISTER_LINE = 100_000_000_000_000 + randomInt(0, 2 ** 47);
const PENDING_NUMBER = { code: PENDING_CODE, registerLine: PENDING_REGISTER_LINE };

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

/** A dossier's code and register line, as the rows of its intake carry them. */
export interface IntakeNumber {
  code: string;
  registerLine: number | null;
}

export interface InsertedIntake {
  id: number;
  code: string;
  registerLine: number | null;
}

interface Encoded {
  record: Record<string, unknown>;
  columns: { dossier: string[]; history: string[]; events: string[]; receipt: string[] | null; audit: string[] };
}

const withoutDossierId = (columns: string[]) => columns.filter((c) => c !== "dossier_id");

function encode(rows: IntakeRows): Encoded {
  const d = jsonRecord(dossiers, rows.dossier);
  const h = jsonRecord(dossierHistory, rows.history);
  const events = rows.events.map((e) => jsonRecord(dossierEvents, e));
  const receipt = rows.receipt ? jsonRecord(dossierReceipts, rows.receipt) : null;
  const audit = jsonRecord(auditLog, rows.audit);
  return {
    record: {
      dossier: d.record,
      history: h.record,
      events: events.map((e) => e.record),
      receipt: receipt?.record ?? null,
      audit: audit.record,
    },
    columns: {
      dossier: d.columns,
      history: withoutDossierId(h.columns),
      events: withoutDossierId(events[0]?.columns ?? ["type"]),
      receipt: receipt ? withoutDossierId(receipt.columns) : null,
      audit: audit.columns,
    },
  };
}

/**
 * Intakes as one statement: the counters, the dossiers, their history, outbox events, receipts and audit
 * rows. The day's counter row is then locked only while PostgreSQL runs the statement and commits, with no
 * round trip to a busy application process under it; several intakes of one unit and day share one
 * statement and one commit (see insertIntake). Nothing is written unless `referenceVersion` is still current
 * (the caller read procedure, unit, calendar and office hours at that version): every answer is null then.
 */
async function insertIntakes(
  db: Db,
  referenceVersion: number,
  numbering: Numbering | null,
  batch: Encoded[],
): Promise<(InsertedIntake | null)[]> {
  const { columns } = batch[0];
  const n = batch.length;
  const payload = JSON.stringify(batch.map((b) => b.record));
  const numbered: SQL = numbering
    ? sql`seq as (
        insert into dossier_sequences (unit_code, day, last)
        select ${numbering.unitCode}, k.key, ${n}::int from guard,
          unnest(${pgArrayLiteral([numbering.day, numbering.book])}::text[]) with ordinality as k(key, ord)
        order by k.ord
        on conflict (unit_code, day) do update set last = dossier_sequences.last + excluded.last
        returning day, last
      ),
      p as (
        select items.i, replace(replace(replace(items.v::text, ${PENDING_CODE},
          c.code), ${PENDING_CODE.toLowerCase()}, lower(c.code)), ${String(PENDING_REGISTER_LINE)},
            c.line::text)::jsonb as j
        from items, lateral (
          select ${dossierCodeSql(numbering.unitCode, numbering.day, sql`x.no`)} as code, x.line
          from (
            select s.last - ${n}::int + items.i as no, b.last - ${n}::int + items.i as line
            from seq s join seq b on s.day = ${numbering.day} and b.day = ${numbering.book}
          ) x
        ) c
      )`
    : sql`p as (select items.i, items.v as j from items)`;
  const receiptInsert = columns.receipt
    ? sql`, rc as (
        insert into dossier_receipts (dossier_id, ${columnList(columns.receipt)})
        select dp.id, ${columnList(columns.receipt, "r")} from dp, jsonb_populate_record(null::dossier_receipts,
          dp.j->'receipt') r order by dp.i
      )`
    : sql``;

  const rows = await executePrepared<{ i: number; id: number; code: string; register_line: number | null }>(
    db,
    sql`
    with guard as (select 1 from reference_version where id = 1 and version = ${referenceVersion}),
    items as (select x.ord as i, x.v from guard, jsonb_array_elements(${payload}::jsonb) with ordinality as x(v, ord)),
    ${numbered},
    d as (
      insert into dossiers (${columnList(columns.dossier)})
      select ${columnList(columns.dossier, "r")} from p, jsonb_populate_record(null::dossiers, p.j->'dossier') r
        order by p.i
      returning id, code, register_line
    ),
    dp as (select p.i, p.j, d.id, d.code, d.register_line from p join d on d.code = p.j->'dossier'->>'code'),
    h as (
      insert into dossier_history (dossier_id, ${columnList(columns.history)})
      select dp.id, ${columnList(columns.history, "r")} from dp, jsonb_populate_record(null::dossier_history,
        dp.j->'history') r order by dp.i
    ),
    e as (
      insert into dossier_events (dossier_id, ${columnList(columns.events)})
      select dp.id, ${columnList(columns.events, "r")} from dp, jsonb_populate_recordset(null::dossier_events,
        dp.j->'events') with ordinality r
      order by dp.i, r.ordinality
    ),
    a as (
      insert into audit_log (${columnList(columns.audit)})
      select ${columnList(columns.audit, "r")} from dp, jsonb_populate_record(null::audit_log, dp.j->'audit') r
        order by dp.i
    )${receiptInsert}
    select i, id, code, register_line from dp`,
  );
  const byItem = new Map(rows.map((r) => [Number(r.i), r]));
  return batch.map((_, k) => {
    const row = byItem.get(k + 1);
    return row
      ? {
          id: Number(row.id),
          code: row.code,
          registerLine: row.register_line == null ? null : Number(row.register_line),
        }
      : null;
  });
}

type Settled = { ok: true; value: InsertedIntake | null } | { ok: false; error: unknown };

const MAX_QUEUES = 1_000;
const queuesOf = perDb(() => new Map<string, (e: Encoded) => Promise<Settled>>());

/**
 * One intake, group-committed with the others of the same unit, day and reference version that arrive while
 * a statement of theirs is running: the counter row's lock and the commit's flush to disk are then paid once
 * per batch instead of once per dossier. If a batch fails (say, one duplicate national code), each of its
 * intakes runs again alone, so only the faulty one fails. The dossier is numbered by the counters of
 * `numbering`, or keeps the code it already has; `rowsFor` writes the rows for that number.
 */
export async function insertIntake(
  db: Db,
  referenceVersion: number,
  numbering: Numbering | { code: string },
  rowsFor: (number: IntakeNumber) => IntakeRows,
): Promise<InsertedIntake | null> {
  const counted = "code" in numbering ? null : numbering;
  const number = "code" in numbering ? { code: numbering.code, registerLine: null } : PENDING_NUMBER;
  const encoded = encode(rowsFor(number));
  const key = JSON.stringify([referenceVersion, counted, encoded.columns]);
  const byKey = queuesOf(db);
  let queue = byKey.get(key);
  if (!queue) {
    if (byKey.size >= MAX_QUEUES) byKey.clear();
    queue = groupCommit((batch: Encoded[]) => insertSettled(db, referenceVersion, counted, batch));
    byKey.set(key, queue);
  }
  const settled = await queue(encoded);
  if (!settled.ok) throw settled.error;
  return settled.value;
}

async function insertSettled(
  db: Db,
  referenceVersion: number,
  numbering: Numbering | null,
  batch: Encoded[],
): Promise<Settled[]> {
  try {
    return (await insertIntakes(db, referenceVersion, numbering, batch)).map((value) => ({ ok: true, value }));
  } catch (error) {
    if (batch.length === 1) return [{ ok: false, error }];
    return Promise.all(
      batch.map((one) =>
        insertIntakes(db, referenceVersion, numbering, [one]).then(
          ([value]): Settled => ({ ok: true, value }),
          (err: unknown): Settled => ({ ok: false, error: err }),
        ),
      ),
    );
  }
}
