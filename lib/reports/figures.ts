import { sql } from "drizzle-orm";
import { type DbOrTx, executedRows, getDb } from "@/db/client";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
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
  const inside = sql`day between ${p.from}::date and ${p.to}::date`;
  const [r] = executedRows<Record<string, string>>(
    await db.execute(sql`
      select
        sum(received_direct) filter (where ${inside}) as direct,
        sum(received_online) filter (where ${inside}) as online,
        sum(received_post) filter (where ${inside}) as post,
        sum(received_zalo) filter (where ${inside}) as zalo,
        sum(finished_early) filter (where ${inside}) as early,
        sum(finished_on_time) filter (where ${inside}) as on_time,
        sum(finished_late) filter (where ${inside}) as late,
        sum(returned) filter (where ${inside}) as returned,
        sum(supplements) filter (where ${inside}) as supplements,
        sum(apologies) filter (where ${inside}) as apologies,
        sum(received_direct + received_online + received_post - closed) filter (where day < ${p.from}::date) as carried,
        sum(received_direct + received_online + received_post - closed) as open_end,
        sum(overdue_start - overdue_end) as overdue_end
      from dossier_daily_stats
      where day <= ${p.to}::date and ${inReportScope(scope, sql`unit_id`)}`),
  );
  const received = { direct: n(r?.direct), online: n(r?.online), post: n(r?.post), zalo: n(r?.zalo) };
  const finished = { early: n(r?.early), onTime: n(r?.on_time), late: n(r?.late) };
  const finishedTotal = finished.early + finished.onTime + finished.late;
  const open = n(r?.open_end);
  const overdue = n(r?.overdue_end);
  return {
    carriedOver: n(r?.carried),
    received: { total: received.direct + received.online + received.post, ...received },
    finished: { total: finishedTotal, ...finished },
    onTimeRate: ratio(finished.early + finished.onTime, finishedTotal),
    returned: n(r?.returned),
    inProgress: { total: open, onTime: open - overdue, overdue },
    supplements: n(r?.supplements),
    apologies: n(r?.apologies),
  };
}

export interface RatingFigures {
  byLevel: { very_satisfied: number; satisfied: number; dissatisfied: number };
  rated: number;
  /** Rated ÷ returned in the period. */
  ratingRate: number | null;
  /** Decision 766: (returned − rated "Không hài lòng") ÷ returned. */
  ratio766: number | null;
  followups: { open: number; overdue: number; closed: number };
}

/** Ratings of the dossiers returned in the period (each dossier once, its current rating), from rating_daily_stats. */
export async function ratingFigures(db: DbOrTx, scope: ReportScope, p: Period, returned: number, now = new Date()): Promise<RatingFigures> {
  const [r] = executedRows<Record<string, string>>(
    await db.execute(sql`
      select sum(n) filter (where level = 'very_satisfied') as very_satisfied,
             sum(n) filter (where level = 'satisfied') as satisfied,
             sum(n) filter (where level = 'dissatisfied') as dissatisfied
      from rating_daily_stats
      where day between ${p.from}::date and ${p.to}::date and ${inReportScope(scope, sql`unit_id`)}`),
  );
  const [f] = executedRows<Record<string, string>>(
    await db.execute(sql`
      select count(*) filter (where status <> 'closed') as open,
             count(*) filter (where status <> 'closed' and due_at < ${now.toISOString()}::timestamptz) as overdue,
             count(*) filter (where status = 'closed') as closed
      from rating_followups
      where created_at >= ${p.start.toISOString()}::timestamptz and created_at < ${p.end.toISOString()}::timestamptz
        and ${inReportScope(scope, sql`unit_id`)}`),
  );
  const byLevel = { very_satisfied: n(r?.very_satisfied), satisfied: n(r?.satisfied), dissatisfied: n(r?.dissatisfied) };
  const rated = byLevel.very_satisfied + byLevel.satisfied + byLevel.dissatisfied;
  return {
    byLevel,
    rated,
    ratingRate: ratio(rated, returned),
    ratio766: ratio(returned - byLevel.dissatisfied, returned),
    followups: { open: n(f?.open), overdue: n(f?.overdue), closed: n(f?.closed) },
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
      where followed_at >= ${p.start.toISOString()}::timestamptz and followed_at < ${p.end.toISOString()}::timestamptz`),
  );
  return n(fol?.n);
}

/** Notification figures of the period from the per-day tables kept by triggers on notifications. */
export async function deliveryFigures(db: DbOrTx, scope: ReportScope, p: Period): Promise<DeliveryFigures> {
  const days = sql`day between ${p.from}::date and ${p.to}::date and ${inReportScope(scope, sql`unit_id`)}`;
  const [r] = executedRows<Record<string, string | null>>(
    await db.execute(sql`select sum(created) as created, sum(sent) as sent, sum(delivered) as delivered, sum(failed) as failed
      from notification_daily_stats where ${days}`),
  );
  const reasons = executedRows<{ reason: string; count: string }>(
    await db.execute(sql`select reason, sum(n) as count from notification_daily_reasons where ${days}
      group by reason having sum(n) > 0 order by sum(n) desc, reason limit 10`),
  );
  // The lower median of whole seconds (percentile_disc(0.5)) from the per-second counts.
  const [m] = executedRows<{ seconds: number | null }>(
    await db.execute(sql`select seconds from (
        select seconds, sum(k) over (order by seconds) as cum, sum(k) over () as total
        from (select seconds, sum(n) as k from notification_daily_delays where ${days} group by seconds having sum(n) > 0) x
      ) y where cum >= total * 0.5 order by seconds limit 1`),
  );
  return {
    created: n(r?.created),
    sent: n(r?.sent),
    delivered: n(r?.delivered),
    failed: n(r?.failed),
    failedByReason: reasons.map((x) => ({ reason: x.reason || "Không rõ lý do", count: n(x.count) })),
    medianSecondsToZalo: m?.seconds == null ? null : Number(m.seconds),
    followersGained: await followersGained(db, p),
  };
}

/** The same figures straight from the notifications table (tests and the benchmark's baseline). */
export async function deliveryFiguresDirect(db: DbOrTx, scope: ReportScope, p: Period): Promise<DeliveryFigures> {
  const window = sql`created_at >= ${p.start.toISOString()}::timestamptz and created_at < ${p.end.toISOString()}::timestamptz`;
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
  const [r] = executedRows<{ n: string }>(
    await db.execute(sql`select count(*) as n from dossiers
      where closed_at is null and received_at is not null and due_at < ${now.toISOString()}::timestamptz
        and ${inReportScope(scope, sql`unit_id`)}`),
  );
  return n(r?.n);
}

/** Every figure of the supervisor's dashboard for a period and unit (item 4 of issue 14). */
export async function dashboard(ctx: Ctx, raw: unknown, db: DbOrTx = getDb(), now = new Date()): Promise<Dashboard> {
  requirePermission(ctx, "reports.read");
  const q = parseInput(reportQuerySchema, raw);
  const scope = await reportScope(db, ctx, q.unit);
  const period = makePeriod(q.from, q.to, now);
  const [dossiers, overdue, delivery] = await Promise.all([dossierFigures(db, scope, period), overdueNow(db, scope, now), deliveryFigures(db, scope, period)]);
  const ratings = await ratingFigures(db, scope, period, dossiers.returned, now);
  return { period, unit: scope.unit, dossiers, overdueNow: overdue, zaloShare: ratio(dossiers.received.zalo, dossiers.received.total), ratings, delivery };
}
