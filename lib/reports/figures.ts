import { sql } from "drizzle-orm";
import { type DbOrTx, executedRows, getDb } from "@/db/client";
import type { Ctx } from "@/lib/auth/actor";
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

/** Ratings of the dossiers returned in the period (each dossier once, its current rating). */
export async function ratingFigures(db: DbOrTx, scope: ReportScope, p: Period, returned: number, now = new Date()): Promise<RatingFigures> {
  const [r] = executedRows<Record<string, string>>(
    await db.execute(sql`
      select count(*) filter (where level = 'very_satisfied') as very_satisfied,
             count(*) filter (where level = 'satisfied') as satisfied,
             count(*) filter (where level = 'dissatisfied') as dissatisfied
      from ratings
      where returned_at >= ${p.start.toISOString()}::timestamptz and returned_at < ${p.end.toISOString()}::timestamptz
        and ${inReportScope(scope, sql`unit_id`)}`),
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

export async function deliveryFigures(db: DbOrTx, scope: ReportScope, p: Period): Promise<DeliveryFigures> {
  const window = sql`created_at >= ${p.start.toISOString()}::timestamptz and created_at < ${p.end.toISOString()}::timestamptz`;
  const [r] = executedRows<Record<string, string | null>>(
    await db.execute(sql`
      select count(*) filter (where status <> 'skipped') as created,
             count(sent_at) as sent,
             count(delivered_at) as delivered,
             count(*) filter (where status = 'failed_permanent') as failed,
             percentile_cont(0.5) within group (order by extract(epoch from sent_at - created_at)) as median
      from notifications where ${window} and ${inReportScope(scope, sql`unit_id`)}`),
  );
  const reasons = executedRows<{ reason: string | null; count: string }>(
    await db.execute(sql`
      select last_error as reason, count(*) as count from notifications
      where ${window} and status = 'failed_permanent' and ${inReportScope(scope, sql`unit_id`)}
      group by last_error order by count(*) desc limit 10`),
  );
  const [fol] = executedRows<{ n: string }>(
    await db.execute(sql`select count(*) as n from zalo_followers
      where followed_at >= ${p.start.toISOString()}::timestamptz and followed_at < ${p.end.toISOString()}::timestamptz`),
  );
  return {
    created: n(r?.created),
    sent: n(r?.sent),
    delivered: n(r?.delivered),
    failed: n(r?.failed),
    failedByReason: reasons.map((x) => ({ reason: x.reason ?? "Không rõ lý do", count: n(x.count) })),
    medianSecondsToZalo: r?.median == null ? null : Math.round(Number(r.median)),
    followersGained: n(fol?.n),
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
  const q = parseInput(reportQuerySchema, raw);
  const scope = await reportScope(db, ctx, q.unit);
  const period = makePeriod(q.from, q.to, now);
  const [dossiers, overdue, delivery] = await Promise.all([dossierFigures(db, scope, period), overdueNow(db, scope, now), deliveryFigures(db, scope, period)]);
  const ratings = await ratingFigures(db, scope, period, dossiers.returned, now);
  return { period, unit: scope.unit, dossiers, overdueNow: overdue, zaloShare: ratio(dossiers.received.zalo, dossiers.received.total), ratings, delivery };
}
