import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { perDb } from "@/lib/cache/per-db";
import { type Period, addDays } from "./period";
import { reportRows } from "./query";
import { type ReportScope, inReportScope } from "./scope";

export type Granularity = "day" | "week" | "month";

export function granularityFor(p: Period): Granularity {
  const days = (p.end.getTime() - p.start.getTime()) / 86_400_000;
  return days <= 62 ? "day" : days <= 200 ? "week" : "month";
}

/** Sums of dossier_daily_stats for one unit, procedure and chart bucket of the period (bucket null: before it). */
export interface DossierTotalsRow {
  unitId: number;
  unitName: string;
  unitPath: string;
  procedureId: number;
  procedureName: string;
  field: string;
  bucket: string | null;
  direct: number;
  online: number;
  post: number;
  zalo: number;
  early: number;
  onTime: number;
  late: number;
  returned: number;
  supplements: number;
  apologies: number;
  /** Received − closed: summed before the period it is the carried-over count, summed to its end the open count. */
  openNet: number;
  /** Overdue-interval starts − ends: summed to the period's end, the dossiers overdue then. */
  overdueNet: number;
}

const num = (v: unknown) => Number(v ?? 0);

// Plain date arithmetic: date_trunc() would turn every day into a timestamp with time zone and back.
const bucketOf: Record<Granularity, SQL> = {
  day: sql`day`,
  week: sql`day - (extract(isodow from day)::int - 1)`,
  month: sql`day - (extract(day from day)::int - 1)`,
};

const sums = sql`sum(received_direct) as direct, sum(received_online) as online, sum(received_post) as post,
  sum(received_zalo) as zalo, sum(finished_early) as early, sum(finished_on_time) as on_time,
  sum(finished_late) as late,
  sum(returned) as returned, sum(supplements) as supplements, sum(apologies) as apologies,
  sum(received_direct + received_online + received_post - closed) as open_net,
  sum(overdue_start - overdue_end) as overdue_net`;

const firstOfMonth = (dayIso: string) => `${dayIso.slice(0, 8)}01`;
function nextMonth(dayIso: string): string {
  const [y, m] = dayIso.split("-").map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

/**
 * Months read from dossier_monthly_stats: every month before the period's first one (running sums only) and, for a
 * chart by month, the months lying wholly inside it. The other days come from dossier_daily_stats.
 */
function monthSplit(p: Period, g: Granularity) {
  const before = firstOfMonth(p.from);
  if (g !== "month") return { before, wholeFrom: before, wholeTo: before };
  const wholeFrom = p.from === before ? before : nextMonth(p.from);
  const wholeTo = addDays(p.to, 1) === nextMonth(p.to) ? nextMonth(p.to) : firstOfMonth(p.to);
  return wholeFrom < wholeTo ? { before, wholeFrom, wholeTo } : { before, wholeFrom: before, wholeTo: before };
}

async function load(db: DbOrTx, scope: ReportScope, p: Period, g: Granularity): Promise<DossierTotalsRow[]> {
  const m = monthSplit(p, g);
  const units = inReportScope(scope, sql`unit_id`);
  const rows = await reportRows(
    db,
    sql`
      select t.*, t.bucket::text as bucket, u.name as unit_name, u.path as unit_path, pr.name as procedure_name,
        coalesce(pr.field, 'Khác') as field
      from (
        select unit_id, procedure_id, case when month >= ${p.from}::date then month end as bucket, ${sums}
        from dossier_monthly_stats
        where (month < ${m.before}::date or (month >= ${m.wholeFrom}::date and month < ${m.wholeTo}::date)) and ${units}
        group by 1, 2, 3
        union all
        select unit_id, procedure_id, case when day >= ${p.from}::date then ${bucketOf[g]} end as bucket, ${sums}
        from dossier_daily_stats
        where day >= ${m.before}::date and day <= ${p.to}::date
          and not (day >= ${m.wholeFrom}::date and day < ${m.wholeTo}::date) and ${units}
        group by 1, 2, 3
      ) t
      join units u on u.id = t.unit_id
      left join procedures pr on pr.id = t.procedure_id`,
  );
  return rows.map((r) => ({
    unitId: num(r.unit_id),
    unitName: r.unit_name ?? "—",
    unitPath: r.unit_path ?? "",
    procedureId: num(r.procedure_id),
    procedureName: r.procedure_name ?? "—",
    field: r.field ?? "Khác",
    bucket: r.bucket,
    direct: num(r.direct),
    online: num(r.online),
    post: num(r.post),
    zalo: num(r.zalo),
    early: num(r.early),
    onTime: num(r.on_time),
    late: num(r.late),
    returned: num(r.returned),
    supplements: num(r.supplements),
    apologies: num(r.apologies),
    openNet: num(r.open_net),
    overdueNet: num(r.overdue_net),
  }));
}

const inFlight = perDb<Map<string, Promise<DossierTotalsRow[]>>, DbOrTx>(() => new Map());

/**
 * One pass over the per-day statistics serves every dossier number of a report page: the figures, the Circular 01
 * lines by unit and by field, the trend and the on-time charts. Callers asking for the same scope and period
 * while the pass runs (the page awaits them together) share it; nothing is kept once it has answered.
 */
export function dossierTotals(db: DbOrTx, scope: ReportScope, p: Period): Promise<DossierTotalsRow[]> {
  const g = granularityFor(p);
  const { actor } = scope.ctx;
  const who = [actor.kind, actor.role, actor.unitId, actor.unitPath, actor.readsSubtree];
  const key = JSON.stringify([...who, scope.unit?.id, p.from, p.to, g]);
  const running = inFlight(db);
  const shared = running.get(key);
  if (shared) return shared;
  const started = load(db, scope, p, g).finally(() => running.delete(key));
  running.set(key, started);
  return started;
}

type RowKeys = "unitId" | "unitName" | "unitPath" | "procedureId" | "procedureName" | "field" | "bucket";
export type Totals = Omit<DossierTotalsRow, RowKeys> & {
  carried: number;
};

const emptyTotals = (): Totals => ({
  direct: 0,
  online: 0,
  post: 0,
  zalo: 0,
  early: 0,
  onTime: 0,
  late: 0,
  returned: 0,
  supplements: 0,
  apologies: 0,
  openNet: 0,
  overdueNet: 0,
  carried: 0,
});

/** Adds rows up: the period's own sums from the rows inside it, the running sums from all. */
export function addUp(rows: DossierTotalsRow[]): Totals {
  const t = emptyTotals();
  for (const r of rows) {
    t.openNet += r.openNet;
    t.overdueNet += r.overdueNet;
    if (r.bucket === null) {
      t.carried += r.openNet;
      continue;
    }
    t.direct += r.direct;
    t.online += r.online;
    t.post += r.post;
    t.zalo += r.zalo;
    t.early += r.early;
    t.onTime += r.onTime;
    t.late += r.late;
    t.returned += r.returned;
    t.supplements += r.supplements;
    t.apologies += r.apologies;
  }
  return t;
}

/** The rows grouped by a key, in first-seen order. */
export function groupRows<K>(rows: DossierTotalsRow[], key: (r: DossierTotalsRow) => K): Map<K, DossierTotalsRow[]> {
  const groups = new Map<K, DossierTotalsRow[]>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}
