import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, executedRows } from "@/db/client";
import { dossiers, ratings } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { systemCtx } from "@/lib/auth/actor";
import { type DossierMetric, directCount } from "@/lib/reports/direct";
import { dossierFigures } from "@/lib/reports/figures";
import { addDays, makePeriod, vnDay } from "@/lib/reports/period";
import { reportScope } from "@/lib/reports/scope";
import { seedDemo } from "./index";
import { REPORT_YEAR_NOTE } from "./report-year";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
afterAll(() => h.close());

describe("demo year for the dashboard", () => {
  it("seeds a year of dossiers and ratings once; its figures equal direct counts", { timeout: 120_000 }, async () => {
    await seedDemo(h.db);
    const [{ n }] = await h.db.select({ n: count() }).from(dossiers).where(eq(dossiers.notes, REPORT_YEAR_NOTE));
    expect(n).toBeGreaterThan(1200);
    const [{ r }] = await h.db.select({ r: count() }).from(ratings);
    expect(r).toBeGreaterThan(400);
    await seedDemo(h.db);
    expect((await h.db.select({ n: count() }).from(dossiers).where(eq(dossiers.notes, REPORT_YEAR_NOTE)))[0].n).toBe(n);

    const now = new Date();
    const scope = await reportScope(h.db, systemCtx(), undefined);
    const p = makePeriod(addDays(vnDay(now), -180), vnDay(now), now);
    const f = await dossierFigures(h.db, scope, p);
    expect(f.finished.early).toBeGreaterThan(f.finished.late);
    const pairs: [DossierMetric, number][] = [
      ["received", f.received.total],
      ["carried_over", f.carriedOver],
      ["finished_early", f.finished.early],
      ["finished_on_time", f.finished.onTime],
      ["finished_late", f.finished.late],
      ["returned", f.returned],
      ["in_progress_overdue", f.inProgress.overdue],
      ["supplements", f.supplements],
    ];
    for (const [metric, value] of pairs) expect(value, metric).toBe(await directCount(h.db, scope, metric, p, now));
  });

  it("numbers each unit's day 1..n, and the day's counter is n, so intake that day goes on", async () => {
    await seedDemo(h.db);
    const wrong = executedRows(
      await h.db.execute(sql`
        with d as (select split_part(code, '-', 1) as unit_code, split_part(code, '-', 2) as day,
          split_part(code, '-', 3)::int as n from dossiers)
        select d.unit_code, d.day, count(*)::int as count, min(d.n) as min, max(d.n) as max, s.last
        from d left join dossier_sequences s on s.unit_code = d.unit_code and s.day = d.day
        group by d.unit_code, d.day, s.last
        having min(d.n) <> 1 or max(d.n) <> count(*) or count(distinct d.n) <> count(*)
          or s.last is distinct from max(d.n)`),
    );
    expect(wrong).toEqual([]);
  });
});
