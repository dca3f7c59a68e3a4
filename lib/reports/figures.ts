import { sql } from "drizzle-orm";
import { type DbOrTx, executedRows } from "@/db/client";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { dbOf } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { metricCondition } from "./direct";
import { reportRows } from "./query";
import { addUp, dossierTotals } from "./dossier-totals";
import { type Period, makePeriod, reportQuerySchema } from "./period";
import { type ReportScope, inReportScope, reportScope } from "./scope";

export interface DossierFigures {
  carriedOver: number;
  received: { total: number; direct: number; online: number; post: number; zalo: number };
  finished: { total: number; early: number; onTime: number; late: number };
  /** (early + on time) ÷ finished, null when nothing finished. */
  onTimeRate: number | null;
  returned: number;
  /** Open at the end of the period, by the appointment at that moment. */
  inProgress: { total: number; onTime: number; overdue: number };
  supplements: number;
  apologies: number;
}

const n = (v: unknown) => Number(v ?? 0);
const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

/**
 * The dossier figures of a period from the per-day statistics (dossier_daily_stats): sums of the days inside
 * the period, and running sums up to its start and end for the dossiers carried over and still in progress.
 */
export async function dossierFigures(db: DbOrTx, scope: ReportScope, p: Period): Promise<DossierFigures> {
  const t = addUp(await dossierTotals(db, scope, p));
  const finishedTotal = t.early + t.onTime + t.late;
  return {
    carriedOver: t.carried,
    received: { total: t.direct + t.online + t.post, direct: t.direct, online: t.online, post: t.post, zalo: t.zalo },
    finished: { total: finishedTotal, early: t.early, onTime: t.onTime, late: t.late },
    onTimeRate: ratio(t.early + t.onTime, finishedTotal),
    returned: t.returned,
    inProgress: { total: t.openNet, onTime: t.openNet - t.overdueNet, overdue: t.overdueNet },
    supplements: t.supplements,
    apologies: t.apologies,
  };
}

export interface RatingFigures {
  byLevel: { very_satisfied: number; satisfied: number; dissatisfied: number };
  rated: number;
  /** Rated ÷ returned in the period. */
  ratingRate: number | null;
  /** Dossiers returned in the period that a petition names (Decision 766's "with complaints"). */
  complained: number;
  /** Rated "Không hài lòng" or complained about, each dossier once. */
  dissatisfiedOrComplained: number;
  /** Decision 766: (returned − rated "Không hài lòng" or complained about) ÷ returned. */
  ratio766: number | null;
  followups: { open: number; overdue: number; closed: number };
}

/**
 * Ratings of the dossiers returned in the period (each dossier once, its current rating), from rating_daily_stats;
 * the dossiers a petition names that were not rated "Không hài lòng" (Decision 766 subtracts them too: petitions are
 * few, the codes they name lead to the dossiers); the follow-ups. One statement. `returned` may still be on its way.
 */
export async function ratingFigures(
  db: DbOrTx,
  scope: ReportScope,
  p: Period,
  returnedIn: number | Promise<number>,
  now = new Date(),
): Promise<RatingFigures> {
  const [[r], returned] = await Promise.all([
    reportRows(
      db,
      sql`select l.*, c.*, f.* from
      (select sum(n) filter (where level = 'very_satisfied') as very_satisfied,
              sum(n) filter (where level = 'satisfied') as satisfied,
              sum(n) filter (where level = 'dissatisfied') as dissatisfied
       from rating_daily_stats
       where day between ${p.from}::date and ${p.to}::date and ${inReportScope(scope, sql`unit_id`)}) l,
      (select count(*) as complained, count(*) filter (where ratings.level is distinct from 'dissatisfied') as
        not_dissatisfied
       from dossiers left join ratings on ratings.dossier_id = dossiers.id
       where ${metricCondition("complained", p, now)} and ${inReportScope(scope, sql`dossiers.unit_id`)}) c,
      (select count(*) filter (where status <> 'closed') as open,
              count(*) filter (where status <> 'closed' and due_at < ${now.toISOString()}::timestamptz) as overdue,
              count(*) filter (where status = 'closed') as closed
       from rating_followups
       where created_at >= ${p.start.toISOString()}::timestamptz and created_at < ${p.end.toISOString()}::timestamptz
         and ${inReportScope(scope, sql`unit_id`)}) f`,
    ),
    returnedIn,
  ]);
  const byLevel = {
    very_satisfied: n(r?.very_satisfied),
    satisfied: n(r?.satisfied),
    dissatisfied: n(r?.dissatisfied),
  };
  const rated = byLevel.very_satisfied + byLevel.satisfied + byLevel.dissatisfied;
  const dissatisfiedOrComplained = byLevel.dissatisfied + n(r?.not_dissatisfied);
  return {
    byLevel,
    rated,
    ratingRate: ratio(rated, returned),
    complained: n(r?.complained),
    dissatisfiedOrComplained,
    ratio766: ratio(returned - dissatisfiedOrComplained, returned),
    followups: { open: n(r?.open), overdue: n(r?.overdue), closed: n(r?.closed) },
  };
}

/** The same rating counts straight from the ratings table (tests and the benchmark's baseline). */
export async function ratingLevelsDirect(db: DbOrTx, scope: ReportScope, p: Period): Promise<RatingFigures["byLevel"]> {
  const [r] = executedRows<Record<string, string>>(
    await db.execute(sql`
      select count(*) filter (where level = 'very_satisfied') as very_satisfied,
             count(*) filter (where level = 'satisfied') as satisfied,
             count(*) filter (where level = 'dissatisfied') as dissatisfied
      from ratings
      where returned_at >= ${p.start.toISOString()}::timestamptz and returned_at < ${p.end.toISOString()}::timestamptz
        and ${inReportScope(scope, sql`unit_id`)}`),
  );
  return { very_satisfied: n(r?.very_satisfied), satisfied: n(r?.satisfied), dissatisfied: n(r?.dissatisfied) };
}

export interface DeliveryFigures {
  created: number;
  sent: number;
  delivered: number;
  failed: number;
  failedByReason: { reason: string; count: number }[];
  /** Median seconds from the dossier event to Zalo accepting the message. */
  medianSecondsToZalo: number | null;
  followersGained: number;
}

async function followersGained(db: DbOrTx, p: Period): Promise<number> {
  const [fol] = executedRows<{ n: string }>(
    await db.execute(sql`select count(*) as n from zalo_followers
      where followed_at >= ${p.start.toISOString()}::timestamptz and followed_at
        < ${p.end.toISOString()}::timestamptz`),
  );
  return n(fol?.n);
}

/** Notification figures of the period from the per-day tables kept by triggers on notifications (one statement). */
export async function deliveryFigures(db: DbOrTx, scope: ReportScope, p: Period): Promise<DeliveryFigures> {
  const days = sql`day between ${p.from}::date and ${p.to}::date and ${inReportScope(scope, sql`unit_id`)}`;
  const [r] = await reportRows<Record<string, string | null> & { reasons: { reason: string; count: number }[] | null }>(
    db,
    sql`select t.*, m.seconds, fo.gained,
      (select json_agg(json_build_object('reason', reason, 'count', count)) from (
         select reason, sum(n) as count from notification_daily_reasons where ${days}
         group by reason having sum(n) > 0 order by sum(n) desc, reason limit 10) x) as reasons
    from (select sum(created) as created, sum(sent) as sent, sum(delivered) as delivered, sum(failed) as failed
          from notification_daily_stats where ${days}) t
    -- The lower median of whole seconds (percentile_disc(0.5)) from the per-second counts.
    left join lateral (select seconds from (
        select seconds, sum(k) over (order by seconds) as cum, sum(k) over () as total
        from (select seconds, sum(n) as k from notification_daily_delays where ${days} group by seconds having
          sum(n) > 0) x
      ) y where cum >= total * 0.5 order by seconds limit 1) m on true
    cross join (select count(*) as gained from zalo_followers
      where followed_at >= ${p.start.toISOString()}::timestamptz and followed_at
        < ${p.end.toISOString()}::timestamptz) fo`,
  );
  return {
    created: n(r?.created),
    sent: n(r?.sent),
    delivered: n(r?.delivered),
    failed: n(r?.failed),
    failedByReason: (r?.reasons ?? []).map((x) => ({ reason: x.reason || "Không rõ lý do", count: n(x.count) })),
    medianSecondsToZalo: r?.seconds == null ? null : Number(r.seconds),
    followersGained: n(r?.gained),
  };
}

/** The same figures straight from the notifications table (tests and the benchmark's baseline). */
export async function deliveryFiguresDirect(db: DbOrTx, scope: ReportScope, p: Period): Promise<DeliveryFigures> {
  const window = sql`created_at >= ${p.start.toISOString()}::timestamptz and created_at
    < ${p.end.toISOString()}::timestamptz`;
  const [r] = executedRows<Record<string, string | null>>(
    await db.execute(sql`
      select count(*) filter (where status <> 'skipped') as created,
             count(sent_at) as sent,
             count(delivered_at) as delivered,
             count(*) filter (where status = 'failed_permanent') as failed,
             percentile_disc(0.5) within group (order by floor(extract(epoch from sent_at - created_at))::int) as median
      from notifications where ${window} and ${inReportScope(scope, sql`unit_id`)}`),
  );
  const reasons = executedRows<{ reason: string | null; count: string }>(
    await db.execute(sql`
      select coalesce(last_error, '') as reason, count(*) as count from notifications
      where ${window} and status = 'failed_permanent' and ${inReportScope(scope, sql`unit_id`)}
      group by 1 order by count(*) desc, 1 limit 10`),
  );
  return {
    created: n(r?.created),
    sent: n(r?.sent),
    delivered: n(r?.delivered),
    failed: n(r?.failed),
    failedByReason: reasons.map((x) => ({ reason: x.reason || "Không rõ lý do", count: n(x.count) })),
    medianSecondsToZalo: r?.median == null ? null : Number(r.median),
    followersGained: await followersGained(db, p),
  };
}

export interface Dashboard {
  period: Period;
  unit: ReportScope["unit"];
  dossiers: DossierFigures;
  overdueNow: number;
  zaloShare: number | null;
  ratings: RatingFigures;
  delivery: DeliveryFigures;
}

/** Dossiers in progress whose appointment has passed, now (not a period figure). */
export async function overdueNow(db: DbOrTx, scope: ReportScope, now = new Date()): Promise<number> {
  const [r] = await reportRows<{ n: string }>(
    db,
    sql`select count(*) as n from dossiers
      where closed_at is null and received_at is not null and due_at < ${now.toISOString()}::timestamptz
        and ${inReportScope(scope, sql`unit_id`)}`,
  );
  return n(r?.n);
}

/** Every figure of the supervisor's dashboard for a period and unit (item 4 of issue 14). */
export async function dashboard(ctx: Ctx, raw: unknown): Promise<Dashboard> {
  requirePermission(ctx, "reports.read");
  const db = dbOf(ctx);
  const now = ctx.now ?? new Date();
  const q = parseInput(reportQuerySchema, raw);
  const scope = await reportScope(db, ctx, q.unit);
  const period = makePeriod(q.from, q.to, now);
  const figures = dossierFigures(db, scope, period);
  const [d, overdue, delivery, ratingFigs] = await Promise.all([
    figures,
    overdueNow(db, scope, now),
    deliveryFigures(db, scope, period),
    ratingFigures(
      db,
      scope,
      period,
      figures.then((f) => f.returned),
      now,
    ),
  ]);
  return {
    period,
    unit: scope.unit,
    dossiers: d,
    overdueNow: overdue,
    zaloShare: ratio(d.received.zalo, d.received.total),
    ratings: ratingFigs,
    delivery,
  };
}
