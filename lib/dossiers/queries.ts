import { and, asc, count, desc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, pgArrayLiteral } from "@/db/client";
import { executePrepared } from "@/db/prepared";
import { type DossierStatus, dossierChannels, dossierHistory, dossierReceipts, dossierSearch, dossierSearchKeys, dossierStatuses, dossiers, procedures, staff, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { writeAudit } from "@/lib/audit/write";
import { NotFoundError } from "@/lib/errors";
import type { ReceiptSnapshot } from "@/lib/receipts/snapshot";
import { dayFromInput } from "@/lib/day-input";
import { normaliseDossierCode } from "./chat-lookup";
import { loadClock } from "./clock";
import { finishedStatuses, inProgressStatuses, pausedStatuses } from "./lifecycle";
import { type OnTimeState, onTimeState, onTimeStates } from "./on-time";
import { foldSearchTerm } from "./search-text";

const day = z.preprocess(dayFromInput, z.string().regex(/^\d{4}-\d{2}-\d{2}$/));
export const dossierSorts = ["receivedAt", "dueAt", "code", "status"] as const;

export const dossierListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(dossierStatuses).optional(),
  procedureId: z.coerce.number().int().positive().optional(),
  field: z.string().trim().min(1).max(200).optional(),
  channel: z.enum(dossierChannels).optional(),
  from: day.optional(),
  to: day.optional(),
  onTime: z.enum(onTimeStates).optional(),
  zalo: z.enum(["yes", "no"]).optional(),
  sort: z.enum(dossierSorts).default("receivedAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(200).default(25),
});
export type DossierListQuery = z.infer<typeof dossierListQuerySchema>;

/** A hand-edited URL must not break the list: each bad parameter falls back to its default on its own. */
export function parseDossierListQuery(raw: unknown): DossierListQuery {
  const input = (raw ?? {}) as Record<string, unknown>;
  const shape = dossierListQuerySchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  const clean = Object.fromEntries(
    Object.entries(input)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const)
      .filter(([k, v]) => v !== "" && v != null && shape[k]?.safeParse(v).success),
  );
  return dossierListQuerySchema.parse(clean);
}

const vnDate = (column: SQL | typeof dossiers.dueAt) => sql`(${column} at time zone 'Asia/Ho_Chi_Minh')::date`;
const statusIn = (list: readonly DossierStatus[]) => inArray(dossiers.status, [...list]);

/** The SQL twin of onTimeState, so the filter and the badge agree. */
function onTimeCondition(state: OnTimeState, now: Date, dueSoonLimit: Date): SQL {
  const finished = statusIn(finishedStatuses);
  const finishedDay = vnDate(sql`${dossiers.finishedAt}`);
  const dueDay = vnDate(dossiers.dueAt);
  const inProgress = statusIn(inProgressStatuses);
  const nowIso = sql`${now.toISOString()}::timestamptz`;
  const limitIso = sql`${dueSoonLimit.toISOString()}::timestamptz`;
  switch (state) {
    case "early":
      return and(finished, sql`${finishedDay} < ${dueDay}`)!;
    case "on_time":
      return and(finished, or(isNull(dossiers.dueAt), isNull(dossiers.finishedAt), sql`${finishedDay} = ${dueDay}`))!;
    case "late":
      return and(finished, sql`${finishedDay} > ${dueDay}`)!;
    case "overdue":
      return and(inProgress, sql`${dossiers.dueAt} < ${nowIso}`)!;
    case "due_soon":
      return and(inProgress, sql`${dossiers.dueAt} >= ${nowIso}`, sql`${dossiers.dueAt} <= ${limitIso}`)!;
    case "within":
      return and(inProgress, or(isNull(dossiers.dueAt), sql`${dossiers.dueAt} > ${limitIso}`))!;
    case "paused":
      return statusIn(pausedStatuses);
    case "none":
      return statusIn(["submitted", "rejected", "withdrawn"]);
  }
}

function likeEscape(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type KeyRange = [from: string, to: string];

/** The key range [from, to) of every key that starts with `prefix` (keys are in the "C" collation: byte order). */
function keyRange(prefix: string): KeyRange {
  return [prefix, prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)];
}

/**
 * A search term as ranges of the word-start keys (dossierSearchKeys), or null when it needs a substring match.
 * Words match from the start of a word of one part, in their order, the last one in part ("nguyen van a" finds
 * "Nguyễn Văn An", "van an" too, "0912 345" a phone); a phone typed without its 0 is looked up with it too.
 */
function keyRanges(term: string): KeyRange[] | null {
  if (/^\d{6,}$/.test(term)) return [term, ...(/^(0|84)/.test(term) ? [] : [`0${term}`])].map(keyRange);
  return term.split(" ").every((w) => /^[a-z]+$/.test(w)) ? [keyRange(term)] : null;
}

interface SearchTerm {
  folded: string;
  /** The term as ranges of the word-start keys, or null when it needs a substring match. */
  ranges: KeyRange[] | null;
}

function keysMatch(ranges: KeyRange[], key: SQL | typeof dossierSearchKeys.key = dossierSearchKeys.key): SQL {
  return or(...ranges.map(([from, to]) => sql`(${key} >= ${from} and ${key} < ${to})`))!;
}

const substringMatch = (term: SearchTerm) => sql`${dossierSearch.searchText} like ${`%${likeEscape(term.folded)}%`}`;

/** The search box's matches in the caller's scope: dossier ids with their list date. */
function searchIds(ctx: Ctx, term: SearchTerm) {
  const db = getDb();
  if (term.ranges) {
    return db
      .select({ id: dossierSearchKeys.dossierId, at: dossierSearchKeys.sortAt })
      .from(dossierSearchKeys)
      .where(and(keysMatch(term.ranges), inUnitScope(ctx, dossierSearchKeys.unitId)));
  }
  return db
    .select({ id: dossierSearch.dossierId, at: dossierSearch.sortAt })
    .from(dossierSearch)
    .where(and(inUnitScope(ctx, dossierSearch.unitId), substringMatch(term)));
}

function searchTermOf(q: DossierListQuery): SearchTerm | null {
  const folded = q.q ? foldSearchTerm(q.q) : "";
  return folded ? { folded, ranges: keyRanges(folded) } : null;
}

/** Matches passed by value up to this many; beyond, the filter stays a sub-select for the planner to join. */
export const SEARCH_FILTER_IDS = 20_000;

/**
 * The search beside other filters. The matching ids are read once and handed over as one array: left as a
 * sub-select, a planner without statistics (PGlite has no autovacuum) may re-run it for every dossier row.
 */
async function searchFilter(ctx: Ctx, term: SearchTerm): Promise<SQL> {
  const ids = await searchIds(ctx, term).limit(SEARCH_FILTER_IDS + 1);
  if (ids.length > SEARCH_FILTER_IDS) {
    const matches = searchIds(ctx, term).as("matches");
    return inArray(dossiers.id, getDb().select({ id: matches.id }).from(matches));
  }
  return sql`${dossiers.id} = any(${pgArrayLiteral([...new Set(ids.map((r) => r.id))])}::int[])`;
}

/** The list's conditions; `search: false` when the caller pages the search term on the search table itself. */
async function listConditions(ctx: Ctx, q: DossierListQuery, opts: { search: boolean } = { search: true }) {
  const where: SQL[] = [inUnitScope(ctx, dossiers.unitId)];
  const term = searchTermOf(q);
  if (term && opts.search) where.push(await searchFilter(ctx, term));
  if (q.status) where.push(eq(dossiers.status, q.status));
  if (q.procedureId) where.push(eq(dossiers.procedureId, q.procedureId));
  if (q.field) where.push(sql`${dossiers.procedure}->>'field' = ${q.field}`);
  if (q.channel) where.push(eq(dossiers.channel, q.channel));
  const receivedOrSubmitted = sql`coalesce(${dossiers.receivedAt}, ${dossiers.submittedAt})`;
  if (q.from) where.push(gte(receivedOrSubmitted, sql`${`${q.from}T00:00:00+07:00`}::timestamptz`));
  if (q.to) where.push(lt(receivedOrSubmitted, sql`(${`${q.to}T00:00:00+07:00`}::timestamptz + interval '1 day')`));
  if (q.zalo) where.push(eq(dossiers.notifyZalo, q.zalo === "yes"));
  const now = new Date();
  // The clock only shapes the badges unless the on-time filter needs it: it loads beside the page's queries.
  const dueSoon = loadClock(getDb(), ctx.actor.unitId).then((clock) => clock.dueSoonLimit(now));
  if (q.onTime) where.push(onTimeCondition(q.onTime, now, await dueSoon));
  return { where: and(...where), term, now, dueSoon };
}

/** Beyond this many matches a search-only list says "more than 500" instead of counting them all. */
export const SEARCH_COUNT_CAP = 500;

/** Up to this many matching keys are read, counted and ordered from the key index alone. */
export const SEARCH_KEY_SCAN = 5_000;

type SearchPage = { ids: number[]; total: number; totalCapped: boolean };

const capped = (ids: number[], total: number): SearchPage => ({ ids, total: Math.min(total, SEARCH_COUNT_CAP), totalCapped: total > SEARCH_COUNT_CAP });

/**
 * One page of ids for a search term alone. A word-start term reads up to SEARCH_KEY_SCAN of its keys from the
 * key index, in one statement that counts the dossiers and orders the page; a commoner term (a surname alone)
 * walks the date index from the newest, where its matches are dense. A substring term (part of a code) is
 * matched on the search table through the trigram index, and walks the date index too beyond the cap.
 */
async function searchPage(ctx: Ctx, term: SearchTerm, q: DossierListQuery): Promise<SearchPage> {
  const offset = (q.page - 1) * q.pageSize;
  const order = q.dir === "asc" ? sql`asc` : sql`desc`;
  const db = getDb();
  if (term.ranges) {
    const [found] = await executePrepared<{ scanned: number; total: number; ids: number[] }>(
      db,
      sql`with m as materialized (
            select ${dossierSearchKeys.dossierId} as id, ${dossierSearchKeys.sortAt} as at from ${dossierSearchKeys}
            where ${keysMatch(term.ranges)} and ${inUnitScope(ctx, dossierSearchKeys.unitId)} limit ${SEARCH_KEY_SCAN + 1})
          select (select count(*) from m)::int as scanned, (select count(distinct id) from m)::int as total,
            array(select id from (select distinct id, at from m) d order by at ${order}, id desc limit ${q.pageSize} offset ${offset}) as ids`,
    );
    if (found.scanned <= SEARCH_KEY_SCAN) return capped(found.ids.map(Number), found.total);
    // A sub-select with a limit stays a per-row probe of the key index: joined, the planner would read every key of the range.
    const hasKey = sql`(select true from ${dossierSearchKeys} k where k.dossier_id = ${dossierSearch.dossierId} and (${keysMatch(term.ranges, sql`k.key`)}) limit 1)`;
    return { ids: await walkInOrder(ctx, hasKey, q), total: SEARCH_COUNT_CAP, totalCapped: true };
  }
  const hits = await searchIds(ctx, term).limit(SEARCH_COUNT_CAP + 1);
  if (hits.length <= SEARCH_COUNT_CAP) {
    const sign = q.dir === "asc" ? 1 : -1;
    hits.sort((a, b) => sign * (a.at.getTime() - b.at.getTime()) || b.id - a.id);
    return capped(hits.slice(offset, offset + q.pageSize).map((h) => h.id), hits.length);
  }
  return { ids: await walkInOrder(ctx, substringMatch(term), q), total: SEARCH_COUNT_CAP, totalCapped: true };
}

/** A page of a common term's matches, found by walking the date index in the list's order (dense matches come soon). */
async function walkInOrder(ctx: Ctx, match: SQL, q: DossierListQuery): Promise<number[]> {
  return getDb().transaction(async (tx) => {
    // Starting parallel workers or compiling with JIT costs more (~10 ms) than the walk; sorting every match is what the walk avoids.
    await tx.execute(
      sql`select set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true), set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true)`,
    );
    const page = await tx
      .select({ id: dossierSearch.dossierId })
      .from(dossierSearch)
      .where(and(inUnitScope(ctx, dossierSearch.unitId), match))
      .orderBy(...(q.dir === "asc" ? [asc(dossierSearch.sortAt), desc(dossierSearch.dossierId)] : [desc(dossierSearch.sortAt), desc(dossierSearch.dossierId)]))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    return page.map((r) => r.id);
  });
}
/** Only a search term, in the default order: the page and the count come from the search keys or table alone. */
function searchOnly(q: DossierListQuery): boolean {
  const { q: term, status, procedureId, field, channel, from, to, onTime, zalo, sort } = q;
  return !!term && sort === "receivedAt" && [status, procedureId, field, channel, from, to, onTime, zalo].every((v) => v === undefined);
}

const sortColumns = { receivedAt: sql`coalesce(${dossiers.receivedAt}, ${dossiers.submittedAt})`, dueAt: dossiers.dueAt, code: dossiers.code, status: dossiers.status };

/** Descending puts dossiers without a value (no appointment yet) last, as ascending does; the export follows the list. */
const listOrder = (q: DossierListQuery) => (q.dir === "asc" ? asc(sortColumns[q.sort]) : sql`${sortColumns[q.sort]} desc nulls last`);

const listColumns = {
  id: dossiers.id,
  code: dossiers.code,
  nationalCode: dossiers.nationalCode,
  status: dossiers.status,
  channel: dossiers.channel,
  procedureName: sql<string>`${dossiers.procedure}->>'name'`,
  procedureField: sql<string>`${dossiers.procedure}->>'field'`,
  ownerName: dossiers.ownerName,
  submitterName: dossiers.submitterName,
  submitterPhone84: dossiers.submitterPhone84,
  submitterIdNumber: dossiers.submitterIdNumber,
  receivedAt: dossiers.receivedAt,
  submittedAt: dossiers.submittedAt,
  dueAt: dossiers.dueAt,
  newDueAt: dossiers.newDueAt,
  finishedAt: dossiers.finishedAt,
  notifyZalo: dossiers.notifyZalo,
};

export type DossierListRow = Awaited<ReturnType<typeof listDossiers>>["rows"][number];

/** One page of the caller's dossiers (own unit; a supervisor's subtree; admin all) with filters and sorting. */
export async function listDossiers(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "dossiers.read");
  const q = parseDossierListQuery(raw);
  const fromSearchTable = searchOnly(q);
  const { where, term, now, dueSoon } = await listConditions(ctx, q, { search: !fromSearchTable });
  const db = getDb();
  const offset = (q.page - 1) * q.pageSize;
  if (term && fromSearchTable) {
    const [{ ids, total, totalCapped }, dueSoonLimit] = await Promise.all([searchPage(ctx, term, q), dueSoon]);
    const found = ids.length ? await db.select(listColumns).from(dossiers).where(inArray(dossiers.id, ids)) : [];
    const position = new Map(ids.map((id, i) => [id, i]));
    const rows = found.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    return { rows: rows.map((r) => ({ ...r, onTime: onTimeState(r, now, dueSoonLimit) })), total, totalCapped, page: q.page, pageSize: q.pageSize, query: q };
  }
  const order = listOrder(q);
  const [rows, [{ total }], dueSoonLimit] = await Promise.all([
    db.select(listColumns).from(dossiers).where(where).orderBy(order, desc(dossiers.id)).limit(q.pageSize).offset(offset),
    db.select({ total: count() }).from(dossiers).where(where),
    dueSoon,
  ]);
  return { rows: rows.map((r) => ({ ...r, onTime: onTimeState(r, now, dueSoonLimit) })), total, totalCapped: false, page: q.page, pageSize: q.pageSize, query: q };
}

const CSV_LIMIT = 50_000;

/** Every dossier of the current filter (up to 50 000 rows), for the CSV export. */
export async function exportDossierRows(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "dossiers.export");
  const q = parseDossierListQuery(raw);
  const { where, now, dueSoon } = await listConditions(ctx, q);
  const dueSoonLimit = await dueSoon;
  const rows = await getDb()
    .select({ ...listColumns, ownerIdNumber: dossiers.ownerIdNumber, resultDelivery: dossiers.resultDelivery, unitName: units.name })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(where)
    .orderBy(listOrder(q), desc(dossiers.id))
    .limit(CSV_LIMIT);
  // A bulk copy of personal data leaves the system: who, with which filter, how many rows.
  await writeAudit(getDb(), ctx, {
    action: "dossier.export",
    entityType: "dossier",
    summary: `Xuất danh sách ${rows.length} hồ sơ ra CSV`,
    changes: { filter: q, rows: rows.length },
  });
  return rows.map((r) => ({ ...r, onTime: onTimeState(r, now, dueSoonLimit) }));
}

/** Fields and procedures that occur in the caller's dossiers, for the list filters. */
export async function listFilterOptions(ctx: Ctx) {
  requirePermission(ctx, "dossiers.read");
  const db = getDb();
  const scope = inUnitScope(ctx, dossiers.unitId);
  const procs = await db
    .selectDistinct({ id: procedures.id, name: procedures.name, field: procedures.field })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .where(scope)
    .orderBy(asc(procedures.field), asc(procedures.name));
  const fields = [...new Set(procs.map((p) => p.field))];
  return { procedures: procs, fields };
}

/** A dossier in the caller's scope with everything the detail page shows; out of scope = not found. */
export async function getDossier(ctx: Ctx, code: string) {
  requirePermission(ctx, "dossiers.read");
  const db = getDb();
  const wanted = normaliseDossierCode(code);
  const [row] = await db
    .select({ d: dossiers, unitName: units.name })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(and(or(eq(dossiers.code, wanted), eq(dossiers.nationalCode, wanted)), inUnitScope(ctx, dossiers.unitId)));
  if (!row) throw new NotFoundError("Không tìm thấy hồ sơ.");
  const [history, receipts, clock, [procedure]] = await Promise.all([
    db.select().from(dossierHistory).where(eq(dossierHistory.dossierId, row.d.id)).orderBy(asc(dossierHistory.at), asc(dossierHistory.id)),
    // Receipts record the login name; staff read the person's full name.
    db
      .select({
        version: dossierReceipts.version,
        issuedAt: dossierReceipts.issuedAt,
        issuedBy: sql<string>`coalesce(${staff.fullName}, ${dossierReceipts.issuedBy})`,
      })
      .from(dossierReceipts)
      .leftJoin(staff, eq(staff.username, dossierReceipts.issuedBy))
      .where(eq(dossierReceipts.dossierId, row.d.id))
      .orderBy(asc(dossierReceipts.version)),
    loadClock(db, row.d.unitId),
    db.select({ components: procedures.components }).from(procedures).where(eq(procedures.id, row.d.procedureId)),
  ]);
  const now = new Date();
  return {
    ...row.d,
    unitName: row.unitName,
    history,
    receipts,
    procedureComponents: procedure?.components ?? [],
    onTime: onTimeState(row.d, now, clock.dueSoonLimit(now)),
  };
}

/** One printed version of the receipt (the latest when no version is given). */
export async function getReceipt(ctx: Ctx, code: string, version?: number): Promise<ReceiptSnapshot> {
  requirePermission(ctx, "dossiers.read");
  const wanted = normaliseDossierCode(code);
  const rows = await getDb()
    .select({ snapshot: dossierReceipts.snapshot })
    .from(dossierReceipts)
    .innerJoin(dossiers, eq(dossiers.id, dossierReceipts.dossierId))
    .where(
      and(
        or(eq(dossiers.code, wanted), eq(dossiers.nationalCode, wanted)),
        inUnitScope(ctx, dossiers.unitId),
        version ? eq(dossierReceipts.version, version) : undefined,
      ),
    )
    .orderBy(desc(dossierReceipts.version))
    .limit(1);
  if (!rows[0]) throw new NotFoundError("Không tìm thấy giấy tiếp nhận.");
  return rows[0].snapshot as unknown as ReceiptSnapshot;
}
