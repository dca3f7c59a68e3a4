import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type DbHandle, executedRows } from "@/db/client";
import { calendarDays, conversations, dossiers, notifications, zaloFollowers } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import type { Ctx } from "@/lib/auth/actor";
import { receiveDossier } from "@/lib/dossiers/receive";
import { apiCtxOf, citizen, seedTestProcedures } from "@/lib/dossiers/testing";
import { transitionDossier } from "@/lib/dossiers/transition";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { submitWebRating } from "@/lib/ratings/submit";
import { seedTestOrg } from "@/lib/testing";
import { type DossierMetric, directCount, drillDown } from "./direct";
import {
  dashboard,
  deliveryFigures,
  deliveryFiguresDirect,
  dossierFigures,
  ratingFigures,
  ratingLevelsDirect,
} from "./figures";
import { addDays, makePeriod } from "./period";
import { reportScope } from "./scope";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let procs: Awaited<ReturnType<typeof seedTestProcedures>>;
let centre: Ctx;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  procs = await seedTestProcedures(h.db, org.unitIds.justice);
  centre = await apiCtxOf(h.db, org.unitIds.center);
  // 30/4 and 1/5/2026 (Thursday, Friday) are days off.
  await h.db.insert(calendarDays).values([
    { date: "2026-04-30", kind: "holiday", name: "Ngày Giải phóng miền Nam", confirmed: true },
    { date: "2026-05-01", kind: "holiday", name: "Ngày Quốc tế Lao động", confirmed: true },
  ]);
});
afterAll(() => h.close());
afterEach(() => vi.useRealTimers());

const vn = (s: string) => new Date(`${s.replace(" ", "T")}:00+07:00`);
function at(s: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(vn(s));
}
async function move(code: string, when: string, to: string, extra: Record<string, unknown> = {}) {
  at(when);
  await transitionDossier(centre, { code, to, ...extra });
}
async function finish(code: string, when: string) {
  for (const to of ["assigned", "appraising", "awaiting_signature"]) await move(code, when, to);
  await move(code, when, "result_ready");
}

describe("dashboard formulas against hand-computed examples", () => {
  const codes: Record<string, string> = {};
  const secrets: Record<string, string> = {};

  beforeAll(async () => {
    // Five birth registrations (3 working days, supplement pauses the clock) received on Tuesday 28/4/2026.
    for (const [key, time] of [
      ["A", "09:00"],
      ["B", "10:00"],
      ["C", "11:00"],
      ["D", "14:00"],
      ["E", "15:00"],
    ] as const) {
      at(`2026-04-28 ${time}`);
      const r = await receiveDossier(centre, {
        ...citizen,
        procedureId: procs.birth,
        receivedAt: vn(`2026-04-28 ${time}`).toISOString(),
      });
      codes[key] = r.code;
      const [d] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
      secrets[key] = d.lookupSecret;
    }
    // C waits for papers from Wednesday 11:00 to Monday 11:00: one working day (the holidays and weekend do not count).
    await move(codes.C, "2026-04-29 11:00", "supplement_requested", { missing: "Giấy chứng sinh" });
    await move(codes.C, "2026-05-04 11:00", "appraising");
    await finish(codes.A, "2026-05-04 15:00");
    await finish(codes.B, "2026-05-05 16:00");
    for (const to of ["awaiting_signature", "result_ready"]) await move(codes.C, "2026-05-06 09:00", to);
    await move(codes.D, "2026-05-04 08:00", "assigned");
    await finish(codes.E, "2026-05-07 08:00");
    await move(codes.A, "2026-05-06 10:00", "returned");
    await move(codes.B, "2026-05-06 11:00", "returned");
    await move(codes.C, "2026-05-07 10:00", "returned");
    await move(codes.E, "2026-05-08 09:00", "returned");
    at("2026-05-08 10:00");
    await submitWebRating({ code: codes.A, level: "very_satisfied" }, secrets.A, null, h.db);
    await submitWebRating({ code: codes.B, level: "dissatisfied" }, secrets.B, null, h.db);
    await submitWebRating({ code: codes.C, level: "satisfied" }, secrets.C, null, h.db);
  });

  it(
    "due dates skip the 30/4–1/5 holidays and the weekend; " + "the supplement pause moves C's by one working day",
    async () => {
      const due = Object.fromEntries(
        await Promise.all(
          Object.entries(codes).map(async ([k, code]) => [
            k,
            (await h.db.select().from(dossiers).where(eq(dossiers.code, code)))[0].dueAt?.toISOString(),
          ]),
        ),
      );
      expect(due).toEqual({
        A: vn("2026-05-05 09:00").toISOString(),
        B: vn("2026-05-05 10:00").toISOString(),
        C: vn("2026-05-06 11:00").toISOString(),
        D: vn("2026-05-05 14:00").toISOString(),
        E: vn("2026-05-05 15:00").toISOString(),
      });
    },
  );

  it(
    "early / on time / late by the day of completion, " + "carried over and in progress at the period's edges",
    async () => {
      at("2026-05-08 12:00");
      const fig = async (from: string, to: string) =>
        (await dashboard({ ...org.admin, db: h.db }, { from, to, unit: org.unitIds.center })).dossiers;
      const week0 = await fig("2026-04-27", "2026-05-03");
      expect(week0).toMatchObject({
        carriedOver: 0,
        received: { total: 5, direct: 5 },
        finished: { total: 0 },
        inProgress: { total: 5, overdue: 0 },
        supplements: 1,
      });
      const may4 = await fig("2026-05-04", "2026-05-04");
      expect(may4).toMatchObject({
        carriedOver: 5,
        received: { total: 0 },
        finished: { early: 1, onTime: 0, late: 0 },
        inProgress: { total: 4, onTime: 4, overdue: 0 },
      });
      const may5 = await fig("2026-05-05", "2026-05-05");
      // B finished on its due day after the due hour: on time. D and E are past their appointment at the end of the
      // day.
      expect(may5).toMatchObject({
        carriedOver: 4,
        finished: { early: 0, onTime: 1, late: 0 },
        inProgress: { total: 3, onTime: 1, overdue: 2 },
      });
      const week1 = await fig("2026-05-04", "2026-05-08");
      expect(week1).toMatchObject({
        carriedOver: 5,
        finished: { total: 4, early: 1, onTime: 2, late: 1 },
        onTimeRate: 0.75,
        returned: 4,
        inProgress: { total: 1, onTime: 0, overdue: 1 },
        supplements: 0,
      });
    },
  );

  it("the 766 ratio and the rating rate over the dossiers returned in the period", async () => {
    at("2026-05-08 12:00");
    const week = { from: "2026-05-04", to: "2026-05-08" };
    let d = await dashboard({ ...org.supervisor, db: h.db }, week);
    expect(d.ratings.byLevel).toEqual({ very_satisfied: 1, satisfied: 1, dissatisfied: 1 });
    expect(d.ratings.ratingRate).toBe(0.75);
    // Returned A, B, C, E; B rated Không hài lòng: (4 − 1) ÷ 4.
    expect(d.ratings.ratio766).toBe(0.75);
    // Petitions: one names B (already dissatisfied: counted once), one names E (not rated), one names D (not
    // returned); a plain question naming C is no petition. (4 − |{B, E}|) ÷ 4 = 0.5.
    const [citizenOnZalo] = await h.db
      .insert(zaloFollowers)
      .values({ oaUserId: "u-766", lastInteractionAt: new Date() })
      .returning();
    const conv = (category: "report" | "petition" | "question", codesNamed: string[], ref: string | null) => ({
      followerId: citizenOnZalo.id,
      unitId: org.unitIds.center,
      category,
      referenceNumber: ref,
      petitionAt: ref ? new Date() : null,
      status: "resolved" as const,
      suggestedDossierCodes: codesNamed,
      lastMessageAt: new Date(),
    });
    await h.db
      .insert(conversations)
      .values([
        conv("report", [codes.B], "PAKN-2026-000901"),
        conv("petition", [codes.E, codes.D], "PAKN-2026-000902"),
        conv("question", [codes.C], null),
      ]);
    d = await dashboard({ ...org.supervisor, db: h.db }, week);
    expect(d.ratings).toMatchObject({ complained: 2, dissatisfiedOrComplained: 2, ratio766: 0.5 });
    const behind = await drillDown({ ...org.supervisor, db: h.db }, { metric: "dissatisfied_or_complained", ...week });
    expect(behind.rows.map((r) => r.code).sort()).toEqual([codes.B, codes.E].sort());
    expect((await drillDown({ ...org.supervisor, db: h.db }, { metric: "complained", ...week })).total).toBe(2);
    expect(d.ratings.followups.open).toBe(1);
    expect(d.overdueNow).toBe(1);
  });

  it("drills down to the dossiers behind a number, and keeps other units out", async () => {
    at("2026-05-08 12:00");
    const late = await drillDown(
      { ...org.supervisor, db: h.db },
      { metric: "finished_late", from: "2026-05-04", to: "2026-05-08" },
    );
    expect(late.rows.map((r) => r.code)).toEqual([codes.E]);
    const dissatisfied = await drillDown(
      { ...org.supervisor, db: h.db },
      { metric: "rated_dissatisfied", from: "2026-05-04", to: "2026-05-08" },
    );
    expect(dissatisfied.rows.map((r) => [r.code, r.level])).toEqual([[codes.B, "dissatisfied"]]);
    await expect(drillDown({ ...org.receptionist, db: h.db }, { metric: "received" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const thanhSenSupervisor = await org.ctxOf("supervisor"); // moved to a commune that is not the centre's parent
    const other = {
      ...thanhSenSupervisor,
      actor: { ...thanhSenSupervisor.actor, unitId: org.unitIds.thanhsen, unitPath: "/nowhere/" },
    };
    await expect(
      dashboard({ ...other, db: h.db }, { from: "2026-05-04", to: "2026-05-08", unit: org.unitIds.center }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("every figure equals a direct count over the base tables", () => {
  it("on generated dossiers with late transitions and edits, for many periods and units", async () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    const day0 = "2026-06-01";
    const made: string[] = [];
    for (let i = 0; i < 40; i++) {
      const day = addDays(day0, Math.floor(rnd() * 40));
      at(`${day} 08:00`);
      const r = await receiveDossier(centre, {
        ...citizen,
        procedureId: pick([procs.birth, procs.alcohol]),
        channel: pick(["direct", "online", "post"] as const),
        notifyZalo: rnd() < 0.5,
        receivedAt: vn(`${day} 08:00`).toISOString(),
      });
      made.push(r.code);
      const steps = Math.floor(rnd() * 7);
      let when = vn(`${day} 09:00`).getTime();
      const path = ["assigned", "appraising", "awaiting_signature", "result_ready", "returned"];
      for (let s = 0; s < Math.min(steps, path.length); s++) {
        when += Math.floor(rnd() * 4 * 86_400_000);
        vi.setSystemTime(new Date(when));
        if (s === 1 && rnd() < 0.3) {
          await transitionDossier(centre, { code: r.code, to: "supplement_requested", missing: "Giấy tờ" });
          when += Math.floor(rnd() * 3 * 86_400_000);
          vi.setSystemTime(new Date(when));
        }
        await transitionDossier(centre, { code: r.code, to: path[s] });
      }
      if (steps === 6) await transitionDossier(centre, { code: r.code, to: "withdrawn" }).catch(() => undefined);
    }
    // Ratings (some changed), and notifications whose status moves on after they were written.
    for (const code of made) {
      const [d] = await h.db.select().from(dossiers).where(eq(dossiers.code, code));
      if (d.status !== "returned" || rnd() < 0.3) continue;
      vi.setSystemTime(new Date(d.returnedAt!.getTime() + 3600_000));
      await submitWebRating(
        { code, level: pick(["very_satisfied", "satisfied", "dissatisfied"]) },
        d.lookupSecret,
        null,
        h.db,
      );
      if (rnd() < 0.4)
        await submitWebRating({ code, level: pick(["very_satisfied", "dissatisfied"]) }, d.lookupSecret, null, h.db);
    }
    // Petitions naming some of them (Decision 766 subtracts those dossiers too), and a question that is no petition.
    const [petitioner] = await h.db
      .insert(zaloFollowers)
      .values({ oaUserId: "u-eq-766", lastInteractionAt: new Date() })
      .returning();
    const petition = (k: number, category: "report" | "petition" | "question") => ({
      followerId: petitioner.id,
      unitId: org.unitIds.center,
      category,
      status: "resolved" as const,
      referenceNumber: category === "question" ? null : `PAKN-2026-0009${10 + k}`,
      suggestedDossierCodes: made.filter((_, i) => i % 5 === k),
      lastMessageAt: new Date(),
    });
    await h.db.insert(conversations).values([petition(0, "report"), petition(1, "petition"), petition(2, "question")]);
    const all = await h.db.select().from(dossiers);
    for (const d of all) {
      const createdAt = d.receivedAt ?? d.createdAt;
      const status = pick(["queued", "sent", "delivered", "failed_permanent", "skipped"] as const);
      const sentAt =
        status === "sent" || status === "delivered" ? new Date(createdAt.getTime() + Math.floor(rnd() * 90_000)) : null;
      await h.db.insert(notifications).values({
        dossierId: d.id,
        unitId: d.unitId,
        eventId: 0,
        eventType: "received",
        status,
        sentAt,
        deliveredAt: status === "delivered" ? sentAt : null,
        lastError: status === "failed_permanent" ? pick(["Số điện thoại không dùng Zalo", "Hết hạn mức"]) : null,
        createdAt,
      });
    }
    await h.db.execute(sql`update notifications set status = 'delivered', sent_at = created_at + interval '7 seconds',
        delivered_at = created_at + interval '9 seconds'
      where status = 'queued'`);
    await h.db.execute(sql`update notifications set status = 'failed_permanent', last_error = 'Người dùng đã chặn OA',
        sent_at = null, delivered_at = null
      where id % 7 = 0`);
    // Edits behind the services' back: another unit, another channel, a moved appointment.
    await h.db.execute(sql`update dossiers set unit_id = ${org.unitIds.justice} where code = ${made[3]}`);
    await h.db.execute(
      sql`update dossiers set channel = 'post', notify_zalo = not notify_zalo where code in (${made[5]}, ${made[6]})`,
    );
    await h.db.execute(sql`update dossiers set due_at = due_at + interval '3 days' where code = ${made[7]}`);

    at("2026-08-15 12:00");
    const now = new Date();
    const metrics: [DossierMetric, (f: Awaited<ReturnType<typeof dossierFigures>>) => number][] = [
      ["received", (f) => f.received.total],
      ["received_direct", (f) => f.received.direct],
      ["received_online", (f) => f.received.online],
      ["received_post", (f) => f.received.post],
      ["received_zalo", (f) => f.received.zalo],
      ["carried_over", (f) => f.carriedOver],
      ["finished_early", (f) => f.finished.early],
      ["finished_on_time", (f) => f.finished.onTime],
      ["finished_late", (f) => f.finished.late],
      ["returned", (f) => f.returned],
      ["in_progress", (f) => f.inProgress.total],
      ["in_progress_on_time", (f) => f.inProgress.onTime],
      ["in_progress_overdue", (f) => f.inProgress.overdue],
      ["supplements", (f) => f.supplements],
      ["apologies", (f) => f.apologies],
    ];
    let compared = 0;
    for (const ctx of [org.admin, org.supervisor]) {
      for (const unit of [undefined, org.unitIds.center, org.unitIds.justice]) {
        const scope = await reportScope(h.db, ctx, unit).catch(() => null);
        if (!scope) continue;
        for (let k = 0; k < 8; k++) {
          // Short periods (days from the daily table, earlier months from the monthly one), and long ones read by
          // whole months with partial months at either edge, or starting and ending on a month's bounds.
          const from = k === 6 ? "2026-06-01" : addDays(day0, Math.floor(rnd() * 60) - (k < 6 ? 5 : 45));
          const to =
            k === 6 ? "2026-07-31" : addDays(from, k < 6 ? Math.floor(rnd() * 20) : 210 + Math.floor(rnd() * 30));
          const p = makePeriod(from, to, now);
          const f = await dossierFigures(h.db, scope, p);
          for (const [metric, get] of metrics) {
            expect(get(f), `${metric} ${p.from}..${p.to} unit ${unit}`).toBe(
              await directCount(h.db, scope, metric, p, now),
            );
            compared++;
          }
          expect(await deliveryFigures(h.db, scope, p), `delivery ${p.from}..${p.to}`).toEqual(
            await deliveryFiguresDirect(h.db, scope, p),
          );
          const rf = await ratingFigures(h.db, scope, p, f.returned, now);
          expect(rf.byLevel, `ratings ${p.from}..${p.to}`).toEqual(await ratingLevelsDirect(h.db, scope, p));
          expect(rf.dissatisfiedOrComplained, `766 ${p.from}..${p.to}`).toBe(
            await directCount(h.db, scope, "dissatisfied_or_complained", p, now),
          );
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
    // The trigger-kept table equals a rebuild from scratch.
    const snapshot = async () =>
      executedRows(await h.db.execute(sql`select * from dossier_daily_stats order by day, unit_id, procedure_id`));
    const kept = await snapshot();
    await h.db.execute(sql`select dossier_daily_stats_rebuild()`);
    const rebuilt = await snapshot();
    const nonZero = (rows: unknown[]) =>
      rows.filter((r) =>
        Object.entries(r as Record<string, unknown>).some(
          ([k, v]) => !["day", "unit_id", "procedure_id"].includes(k) && Number(v) !== 0,
        ),
      );
    expect(nonZero(kept)).toEqual(nonZero(rebuilt));
    // The monthly table follows the daily one through every change, the rebuild included.
    const months = async (table: "dossier_daily_stats" | "dossier_monthly_stats") => {
      const at = table === "dossier_daily_stats" ? sql`day - (extract(day from day)::int - 1)` : sql`month`;
      return executedRows(
        await h.db.execute(sql`select (${at})::text as month, unit_id, procedure_id,
        sum(received_direct + received_online + received_post) as received, sum(closed) as closed,
          sum(finished_late) as late,
        sum(returned) as returned, sum(supplements) as supplements, sum(overdue_start - overdue_end) as overdue
        from ${sql.raw(table)} group by 1, 2, 3 having sum(abs(received_direct) + abs(closed) + abs(returned) +
          abs(supplements)
          + abs(overdue_start) + abs(overdue_end) + abs(finished_late)) > 0 order by 1, 2, 3`),
      );
    };
    expect(await months("dossier_monthly_stats")).toEqual(await months("dossier_daily_stats"));
  }, 180_000);
});
