import { sql } from "drizzle-orm";
import { type DbOrTx, executedRows, getDb } from "@/db/client";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { type Period, makePeriod, reportQuerySchema } from "./period";
import { type ReportScope, inReportScope, reportScope } from "./scope";

export type Granularity = "day" | "week" | "month";

export function granularityFor(p: Period): Granularity {
  const days = (p.end.getTime() - p.start.getTime()) / 86_400_000;
  return days <= 62 ? "day" : days <= 200 ? "week" : "month";
}

export interface TrendPoint {
  bucket: string;
  received: number;
  finishedOnTime: number;
  finishedLate: number;
}
export interface OnTimeRow {
  id: number;
  name: string;
  received: number;
  onTime: number;
  late: number;
}
export interface RatingRow {
  id: number | null;
  name: string;
  very_satisfied: number;
  satisfied: number;
  dissatisfied: number;
}

const num = (v: unknown) => Number(v ?? 0);

async function trend(db: DbOrTx, scope: ReportScope, p: Period, g: Granularity): Promise<TrendPoint[]> {
  const rows = executedRows<Record<string, string>>(
    await db.execute(sql`
      select to_char(date_trunc(${g}, day), 'YYYY-MM-DD') as bucket,
             sum(received_direct + received_online + received_post) as received,
             sum(finished_early + finished_on_time) as on_time, sum(finished_late) as late
      from dossier_daily_stats
      where day between ${p.from}::date and ${p.to}::date and ${inReportScope(scope, sql`unit_id`)}
      group by 1 order by 1`),
  );
  return rows.map((r) => ({ bucket: r.bucket, received: num(r.received), finishedOnTime: num(r.on_time), finishedLate: num(r.late) }));
}

async function onTimeBy(db: DbOrTx, scope: ReportScope, p: Period, by: "unit" | "procedure"): Promise<OnTimeRow[]> {
  const key = by === "unit" ? sql`s.unit_id` : sql`s.procedure_id`;
  const name = by === "unit" ? sql`(select name from units where id = s.unit_id)` : sql`(select name from procedures where id = s.procedure_id)`;
  const rows = executedRows<Record<string, string>>(
    await db.execute(sql`
      select ${key} as id, ${name} as name, sum(received_direct + received_online + received_post) as received,
             sum(finished_early + finished_on_time) as on_time, sum(finished_late) as late
      from dossier_daily_stats s
      where day between ${p.from}::date and ${p.to}::date and ${inReportScope(scope, sql`s.unit_id`)}
      group by ${key} order by sum(finished_early + finished_on_time + finished_late) desc, 1 limit 15`),
  );
  return rows.map((r) => ({ id: num(r.id), name: r.name ?? "—", received: num(r.received), onTime: num(r.on_time), late: num(r.late) }));
}

async function ratingsBy(db: DbOrTx, scope: ReportScope, p: Period, by: "unit" | "receptionist"): Promise<RatingRow[]> {
  const key = by === "unit" ? sql`r.unit_id` : sql`r.received_by_id`;
  const name = by === "unit" ? sql`(select name from units where id = r.unit_id)` : sql`(select full_name from staff where id = r.received_by_id)`;
  const rows = executedRows<Record<string, string | null>>(
    await db.execute(sql`
      select ${key} as id, ${name} as name,
             sum(n) filter (where level = 'very_satisfied') as very_satisfied,
             sum(n) filter (where level = 'satisfied') as satisfied,
             sum(n) filter (where level = 'dissatisfied') as dissatisfied
      from rating_daily_stats r
      where day between ${p.from}::date and ${p.to}::date and ${inReportScope(scope, sql`r.unit_id`)}
      group by ${key} having sum(n) > 0 order by sum(n) desc limit 15`),
  );
  return rows.map((r) => ({
    id: r.id == null || r.id === "0" ? null : num(r.id),
    name: r.name ?? "—",
    very_satisfied: num(r.very_satisfied),
    satisfied: num(r.satisfied),
    dissatisfied: num(r.dissatisfied),
  }));
}

export interface DashboardCharts {
  granularity: Granularity;
  trend: TrendPoint[];
  onTimeByUnit: OnTimeRow[];
  onTimeByProcedure: OnTimeRow[];
  ratingsByUnit: RatingRow[];
  ratingsByReceptionist: RatingRow[];
}

/** The dashboard's charts: a trend per day, week or month (by the period's length), on-time and ratings breakdowns. */
export async function dashboardCharts(ctx: Ctx, raw: unknown, db: DbOrTx = getDb(), now = new Date()): Promise<DashboardCharts> {
  requirePermission(ctx, "reports.read");
  const q = parseInput(reportQuerySchema, raw);
  const scope = await reportScope(db, ctx, q.unit);
  const p = makePeriod(q.from, q.to, now);
  const g = granularityFor(p);
  const [t, byUnit, byProcedure, rUnit, rStaff] = await Promise.all([
    trend(db, scope, p, g),
    onTimeBy(db, scope, p, "unit"),
    onTimeBy(db, scope, p, "procedure"),
    ratingsBy(db, scope, p, "unit"),
    ratingsBy(db, scope, p, "receptionist"),
  ]);
  return { granularity: g, trend: t, onTimeByUnit: byUnit, onTimeByProcedure: byProcedure, ratingsByUnit: rUnit, ratingsByReceptionist: rStaff };
}
