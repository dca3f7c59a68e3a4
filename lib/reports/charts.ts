import { sql } from "drizzle-orm";
import { type DbOrTx } from "@/db/client";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { dbOf } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { type Granularity, addUp, dossierTotals, granularityFor, groupRows } from "./dossier-totals";
import { reportRows } from "./query";
import { type Period, makePeriod, reportQuerySchema } from "./period";
import { type ReportScope, inReportScope, reportScope } from "./scope";

interface TrendPoint {
  bucket: string;
  received: number;
  finishedOnTime: number;
  finishedLate: number;
}
interface OnTimeRow {
  id: number;
  name: string;
  received: number;
  onTime: number;
  late: number;
}
interface RatingRow {
  id: number | null;
  name: string;
  very_satisfied: number;
  satisfied: number;
  dissatisfied: number;
}

const num = (v: unknown) => Number(v ?? 0);

async function trend(db: DbOrTx, scope: ReportScope, p: Period): Promise<TrendPoint[]> {
  const inside = (await dossierTotals(db, scope, p)).filter((r) => r.bucket !== null);
  const buckets = groupRows(inside, (r) => r.bucket!);
  return [...buckets.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([bucket, rows]) => {
      const t = addUp(rows);
      return {
        bucket,
        received: t.direct + t.online + t.post,
        finishedOnTime: t.early + t.onTime,
        finishedLate: t.late,
      };
    });
}

/** The 15 units or procedures with the most dossiers finished in the period. */
async function onTimeBy(db: DbOrTx, scope: ReportScope, p: Period, by: "unit" | "procedure"): Promise<OnTimeRow[]> {
  const inside = (await dossierTotals(db, scope, p)).filter((r) => r.bucket !== null);
  const groups = groupRows(inside, (r) => (by === "unit" ? r.unitId : r.procedureId));
  return [...groups.entries()]
    .map(([id, rows]) => {
      const t = addUp(rows);
      return {
        id,
        name: by === "unit" ? rows[0].unitName : rows[0].procedureName,
        received: t.direct + t.online + t.post,
        onTime: t.early + t.onTime,
        late: t.late,
      };
    })
    .sort((a, b) => b.onTime + b.late - (a.onTime + a.late) || a.id - b.id)
    .slice(0, 15);
}

async function ratingsBy(db: DbOrTx, scope: ReportScope, p: Period, by: "unit" | "receptionist"): Promise<RatingRow[]> {
  const key = by === "unit" ? sql`r.unit_id` : sql`r.received_by_id`;
  const name =
    by === "unit"
      ? sql`(select name from units where id = r.unit_id)`
      : sql`(select full_name from staff where id = r.received_by_id)`;
  const rows = await reportRows(
    db,
    sql`
      select ${key} as id, ${name} as name,
             sum(n) filter (where level = 'very_satisfied') as very_satisfied,
             sum(n) filter (where level = 'satisfied') as satisfied,
             sum(n) filter (where level = 'dissatisfied') as dissatisfied
      from rating_daily_stats r
      where day between ${p.from}::date and ${p.to}::date and ${inReportScope(scope, sql`r.unit_id`)}
      group by ${key} having sum(n) > 0 order by sum(n) desc limit 15`,
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
export async function dashboardCharts(ctx: Ctx, raw: unknown): Promise<DashboardCharts> {
  requirePermission(ctx, "reports.read");
  const db = dbOf(ctx);
  const now = ctx.now ?? new Date();
  const q = parseInput(reportQuerySchema, raw);
  const scope = await reportScope(db, ctx, q.unit);
  const p = makePeriod(q.from, q.to, now);
  const g = granularityFor(p);
  const [t, byUnit, byProcedure, rUnit, rStaff] = await Promise.all([
    trend(db, scope, p),
    onTimeBy(db, scope, p, "unit"),
    onTimeBy(db, scope, p, "procedure"),
    ratingsBy(db, scope, p, "unit"),
    ratingsBy(db, scope, p, "receptionist"),
  ]);
  return {
    granularity: g,
    trend: t,
    onTimeByUnit: byUnit,
    onTimeByProcedure: byProcedure,
    ratingsByUnit: rUnit,
    ratingsByReceptionist: rStaff,
  };
}
