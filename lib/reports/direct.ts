import {
  type AnyColumn,
  type SQL,
  and,
  asc,
  count,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  sql,
} from "drizzle-orm";
import { type DbOrTx } from "@/db/client";
import { conversations, dossierHistory, dossiers, ratingLevels, ratings } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import { dbOf } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { z } from "zod";
import { type Period, makePeriod, reportQuerySchema } from "./period";
import { type ReportScope, inReportScope, reportScope } from "./scope";

/** Every dashboard figure that has a list of dossiers behind it. */
const dossierMetrics = [
  "received",
  "received_direct",
  "received_online",
  "received_post",
  "received_zalo",
  "carried_over",
  "finished",
  "finished_early",
  "finished_on_time",
  "finished_late",
  "returned",
  "in_progress",
  "in_progress_on_time",
  "in_progress_overdue",
  "overdue_now",
  "supplements",
  "apologies",
  "rated",
  ...ratingLevels.map((l) => `rated_${l}` as const),
  "complained",
  "dissatisfied_or_complained",
] as const;
export type DossierMetric = (typeof dossierMetrics)[number];

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const vnDay = (c: SQL | typeof dossiers.dueAt) => sql`vn_day(${c})`;
const within = (c: AnyColumn, p: Period) => and(gte(c, p.start), lt(c, p.end))!;
const finishedStatus = inArray(dossiers.status, ["result_ready", "returned"]);
const received = isNotNull(dossiers.receivedAt);
/** Open at instant t: received before it and not closed before it. */
const openAt = (t: Date) =>
  and(received, lt(dossiers.receivedAt, t), or(isNull(dossiers.closedAt), gte(dossiers.closedAt, t)))!;

function finishedIn(p: Period, outcome?: "early" | "on_time" | "late"): SQL {
  const base = and(received, finishedStatus, isNotNull(dossiers.finishedAt), within(dossiers.finishedAt, p))!;
  const done = vnDay(sql`${dossiers.finishedAt}`);
  const due = vnDay(dossiers.dueAt);
  if (outcome === "early") return and(base, sql`${done} < ${due}`)!;
  if (outcome === "late") return and(base, sql`${done} > ${due}`)!;
  if (outcome === "on_time") return and(base, or(isNull(dossiers.dueAt), sql`${done} = ${due}`))!;
  return base;
}

function ratedIn(p: Period, level?: string): SQL {
  const levelCond = level ? sql` and ${ratings.level} = ${level}` : sql``;
  return sql`exists (select 1 from ${ratings} where ${ratings.dossierId} = ${dossiers.id}
    and ${ratings.returnedAt} >= ${ts(p.start)} and ${ratings.returnedAt} < ${ts(p.end)}${levelCond})`;
}

/**
 * Named by a petition (phản ánh, kiến nghị with a reference number, issue 15) of the citizen: the dossier codes
 * the petition mentions or that its follower's phone links it to. Decision 766 subtracts these from satisfied dossiers.
 */
const namedByPetition = inArray(
  dossiers.code,
  sql`(select unnest(${conversations.suggestedDossierCodes}) from ${conversations}
    where ${conversations.referenceNumber} is not null and ${conversations.category} in ('report', 'petition'))`,
);

/**
 * The dossiers behind a figure, straight from the base tables (no statistics table): the drill-down lists use
 * it, and the tests compare every dashboard figure with its count.
 */
export function metricCondition(metric: DossierMetric, p: Period, now: Date): SQL {
  switch (metric) {
    case "received":
      return and(received, within(dossiers.receivedAt, p))!;
    case "received_direct":
    case "received_online":
    case "received_post":
      return and(
        received,
        within(dossiers.receivedAt, p),
        eq(dossiers.channel, metric.slice("received_".length) as "direct"),
      )!;
    case "received_zalo":
      return and(received, within(dossiers.receivedAt, p), eq(dossiers.notifyZalo, true))!;
    case "carried_over":
      return openAt(p.start);
    case "finished":
      return finishedIn(p);
    case "finished_early":
      return finishedIn(p, "early");
    case "finished_on_time":
      return finishedIn(p, "on_time");
    case "finished_late":
      return finishedIn(p, "late");
    case "returned":
      return and(received, within(dossiers.returnedAt, p))!;
    case "in_progress":
      return openAt(p.end);
    case "in_progress_overdue":
      return and(openAt(p.end), lt(dossiers.dueAt, p.end))!;
    case "in_progress_on_time":
      return and(openAt(p.end), or(isNull(dossiers.dueAt), gte(dossiers.dueAt, p.end)))!;
    case "overdue_now":
      return and(received, isNull(dossiers.closedAt), lt(dossiers.dueAt, now))!;
    case "supplements":
      return sql`exists (select 1 from ${dossierHistory} where ${dossierHistory.dossierId} = ${dossiers.id}
        and ${dossierHistory.toStatus} = 'supplement_requested' and ${dossierHistory.fromStatus} is distinct from
          'supplement_requested'
        and ${dossierHistory.at} >= ${ts(p.start)} and ${dossierHistory.at} < ${ts(p.end)})`;
    case "apologies":
      return and(received, within(dossiers.apologyAt, p))!;
    case "rated":
      return ratedIn(p);
    case "complained":
      return and(received, within(dossiers.returnedAt, p), namedByPetition)!;
    case "dissatisfied_or_complained":
      return or(ratedIn(p, "dissatisfied"), and(received, within(dossiers.returnedAt, p), namedByPetition))!;
    default:
      return ratedIn(p, metric.slice("rated_".length));
  }
}

/** Direct count of a figure; "supplements" counts requests (a dossier may have several), the rest dossiers. */
export async function directCount(
  db: DbOrTx,
  scope: ReportScope,
  metric: DossierMetric,
  p: Period,
  now = new Date(),
): Promise<number> {
  if (metric === "supplements") {
    const [r] = await db
      .select({ n: count() })
      .from(dossierHistory)
      .innerJoin(dossiers, eq(dossiers.id, dossierHistory.dossierId))
      .where(
        and(
          eq(dossierHistory.toStatus, "supplement_requested"),
          sql`${dossierHistory.fromStatus} is distinct from 'supplement_requested'`,
          gte(dossierHistory.at, p.start),
          lt(dossierHistory.at, p.end),
          inReportScope(scope, dossiers.unitId),
        ),
      );
    return r.n;
  }
  const [r] = await db
    .select({ n: count() })
    .from(dossiers)
    .where(and(metricCondition(metric, p, now), inReportScope(scope, dossiers.unitId)));
  return r.n;
}

const drillDownSchema = reportQuerySchema.extend({
  metric: z.enum(dossierMetrics, { error: "Chỉ số không hợp lệ." }),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

const DRILL_PAGE_SIZE = 50;

/** The list behind one dashboard number, in the caller's scope, 50 a page. */
export async function drillDown(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "reports.read");
  const db = dbOf(ctx);
  const now = ctx.now ?? new Date();
  const q = parseInput(drillDownSchema, raw);
  const scope = await reportScope(db, ctx, q.unit);
  const period = makePeriod(q.from, q.to, now);
  const where = and(metricCondition(q.metric, period, now), inReportScope(scope, dossiers.unitId));
  const [{ total }] = await db.select({ total: count() }).from(dossiers).where(where);
  if (q.page > 1 && (q.page - 1) * DRILL_PAGE_SIZE >= total)
    throw new ValidationError({ page: "errors.report.noPage" });
  const rows = await db
    .select({
      code: dossiers.code,
      ownerName: dossiers.ownerName,
      procedure: sql<string>`${dossiers.procedure}->>'name'`,
      status: dossiers.status,
      channel: dossiers.channel,
      receivedAt: dossiers.receivedAt,
      dueAt: dossiers.dueAt,
      finishedAt: dossiers.finishedAt,
      returnedAt: dossiers.returnedAt,
      level: ratings.level,
    })
    .from(dossiers)
    .leftJoin(ratings, eq(ratings.dossierId, dossiers.id))
    .where(where)
    .orderBy(asc(dossiers.receivedAt), asc(dossiers.id))
    .limit(DRILL_PAGE_SIZE)
    .offset((q.page - 1) * DRILL_PAGE_SIZE);
  return { metric: q.metric, period, unit: scope.unit, total, page: q.page, pageSize: DRILL_PAGE_SIZE, rows };
}
