/** Times each query the dashboard page awaits, alone (for finding the slow one). REUSE of motcua_bench_dashboard. */
import { performance } from "node:perf_hooks";
import { openPostgres, setDbHandle } from "../../db/client";
import { systemCtx } from "../../lib/auth/actor";
import { dashboardCharts } from "../../lib/reports/charts";
import { deliveryFigures, dossierFigures, overdueNow, ratingFigures } from "../../lib/reports/figures";
import { addDays, makePeriod, vnDay } from "../../lib/reports/period";
import { reportScope } from "../../lib/reports/scope";
import { statutoryRows } from "../../lib/reports/statutory";
import { reportUnits } from "../../lib/reports/units";

const h = openPostgres("postgres://root@127.0.0.1:5432/motcua_bench_dashboard", { max: 4 });
setDbHandle(h);
const ctx = systemCtx();
const today = vnDay(new Date());
const q = { from: addDays(today, -364), to: today };
const p = makePeriod(q.from, q.to);
const scope = await reportScope(h.db, ctx, undefined);
const parts: [string, () => Promise<unknown>][] = [
  ["dossierFigures", () => dossierFigures(h.db, scope, p)],
  ["overdueNow", () => overdueNow(h.db, scope)],
  ["deliveryFigures", () => deliveryFigures(h.db, scope, p)],
  ["ratingFigures", () => ratingFigures(h.db, scope, p, 1000)],
  ["charts", () => dashboardCharts(ctx, q)],
  ["statutory unit", () => statutoryRows(h.db, scope, p, "unit")],
  ["units", () => reportUnits(ctx)],
];
for (const [name, f] of parts) {
  await f();
  const t: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await f();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  console.log(name.padEnd(18), "median", t[3].toFixed(1), "min", t[0].toFixed(1));
}
await h.close();
