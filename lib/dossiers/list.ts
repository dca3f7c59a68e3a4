import { and, asc, count, desc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { type DossierStatus, dossiers, procedures, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { writeAudit } from "@/lib/audit/write";
import { dbOf } from "@/lib/services/context";
import { loadClock } from "./clock";
import { finishedStatuses, inProgressStatuses, pausedStatuses } from "./lifecycle";
import { type DossierListQuery, parseDossierListQuery } from "./list-query";
import { type OnTimeState, onTimeState } from "./on-time";
import { searchFilter, searchOnly, searchPage, searchTermOf } from "./search";

export { dossierChannels, dossierStatuses } from "@/db/schema";

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
  const now = ctx.now ?? new Date();
  // The clock only shapes the badges unless the on-time filter needs it: it loads beside the page's queries.
  const dueSoon = loadClock(dbOf(ctx), ctx.actor.unitId).then((clock) => clock.dueSoonLimit(now));
  if (q.onTime) where.push(onTimeCondition(q.onTime, now, await dueSoon));
  return { where: and(...where), term, now, dueSoon };
}

const sortColumns = {
  receivedAt: sql`coalesce(${dossiers.receivedAt}, ${dossiers.submittedAt})`,
  dueAt: dossiers.dueAt,
  code: dossiers.code,
  status: dossiers.status,
};

/**
 * Descending puts dossiers without a value (no appointment yet) last, as ascending does; the export follows the list.
 */
const listOrder = (q: DossierListQuery) =>
  q.dir === "asc" ? asc(sortColumns[q.sort]) : sql`${sortColumns[q.sort]} desc nulls last`;

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
  const db = dbOf(ctx);
  const offset = (q.page - 1) * q.pageSize;
  if (term && fromSearchTable) {
    const [{ ids, total, totalCapped }, dueSoonLimit] = await Promise.all([searchPage(ctx, term, q), dueSoon]);
    const found = ids.length ? await db.select(listColumns).from(dossiers).where(inArray(dossiers.id, ids)) : [];
    const position = new Map(ids.map((id, i) => [id, i]));
    const rows = found.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    return {
      rows: rows.map((r) => ({ ...r, onTime: onTimeState(r, now, dueSoonLimit) })),
      total,
      totalCapped,
      page: q.page,
      pageSize: q.pageSize,
      query: q,
    };
  }
  const order = listOrder(q);
  const [rows, [{ total }], dueSoonLimit] = await Promise.all([
    db
      .select(listColumns)
      .from(dossiers)
      .where(where)
      .orderBy(order, desc(dossiers.id))
      .limit(q.pageSize)
      .offset(offset),
    db.select({ total: count() }).from(dossiers).where(where),
    dueSoon,
  ]);
  return {
    rows: rows.map((r) => ({ ...r, onTime: onTimeState(r, now, dueSoonLimit) })),
    total,
    totalCapped: false,
    page: q.page,
    pageSize: q.pageSize,
    query: q,
  };
}

const CSV_LIMIT = 50_000;

/** Every dossier of the current filter (up to 50 000 rows), for the CSV export. */
export async function exportDossierRows(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "dossiers.export");
  const q = parseDossierListQuery(raw);
  const { where, now, dueSoon } = await listConditions(ctx, q);
  const dueSoonLimit = await dueSoon;
  const db = dbOf(ctx);
  const rows = await db
    .select({
      ...listColumns,
      ownerIdNumber: dossiers.ownerIdNumber,
      resultDelivery: dossiers.resultDelivery,
      unitName: units.name,
    })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(where)
    .orderBy(listOrder(q), desc(dossiers.id))
    .limit(CSV_LIMIT);
  // A bulk copy of personal data leaves the system: who, with which filter, how many rows.
  await writeAudit(db, ctx, {
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
  const db = dbOf(ctx);
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
