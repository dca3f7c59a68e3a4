import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, dossierEvents, dossiers, notifications, ratingFollowups, ratings } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import type { Ctx } from "@/lib/auth/actor";
import { receiveDossier } from "@/lib/dossiers/receive";
import { apiCtxOf, citizen, seedTestProcedures } from "@/lib/dossiers/testing";
import { transitionDossier } from "@/lib/dossiers/transition";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { routeDossierEvents } from "@/lib/notifications/router";
import { seedTemplates } from "@/lib/notifications/testing";
import { trackingIdOf } from "@/lib/notifications/tracking";
import { seedTestOrg } from "@/lib/testing";
import { listFollowups, updateFollowup } from "./followups";
import { submitCounterRating, submitWebRating, webRatingPage } from "./submit";
import { recordZaloFeedback } from "./zalo-feedback";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let procs: Awaited<ReturnType<typeof seedTestProcedures>>;
let centre: Ctx;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  procs = await seedTestProcedures(h.db, org.unitIds.justice);
  centre = await apiCtxOf(h.db, org.unitIds.center);
  await seedTemplates(h.db);
});
afterAll(() => h.close());
afterEach(() => vi.useRealTimers());

const vn = (s: string) => new Date(`${s.replace(" ", "T")}:00+07:00`);
function at(s: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(vn(s));
}

async function dossier(opts: { returned?: boolean; zalo?: boolean } = {}) {
  const r = await receiveDossier(centre, {
    ...citizen,
    procedureId: procs.birth,
    notifyZalo: opts.zalo ?? false,
    receivedAt: vn("2026-03-02 09:00").toISOString(),
  });
  const [d] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
  if (opts.returned !== false) {
    for (const to of ["assigned", "appraising", "awaiting_signature", "result_ready", "returned"])
      await transitionDossier(centre, { code: r.code, to });
  }
  return { code: r.code, id: r.id, secret: d.lookupSecret };
}

const rate = (code: string, level: string, extra: Record<string, unknown> = {}) => ({ code, level, ...extra });

describe("web and counter ratings", () => {
  it("records a rating with criteria and comment, once per dossier, changeable for 7 days, then refused", async () => {
    at("2026-03-10 10:00");
    const d = await dossier();
    const first = await submitWebRating(
      rate(d.code, "satisfied", {
        "criteria.attitude": "very_satisfied",
        "criteria.bogus": "satisfied",
        comment: "  Cán bộ nhiệt tình  ",
      }),
      d.secret,
      "10.0.0.1",
      h.db,
    );
    expect(first.created).toBe(true);
    expect(first.rating).toMatchObject({
      level: "satisfied",
      channel: "web",
      criteria: { attitude: "very_satisfied" },
      comment: "Cán bộ nhiệt tình",
    });
    at("2026-03-16 10:00");
    const second = await submitWebRating(rate(d.code, "very_satisfied"), d.secret, "10.0.0.1", h.db);
    expect(second).toMatchObject({
      created: false,
      rating: { id: first.rating.id, level: "very_satisfied", changes: 1 },
    });
    at("2026-03-18 10:00");
    const late = await submitWebRating(rate(d.code, "dissatisfied"), d.secret, "10.0.0.1", h.db).catch(
      (e: unknown) => e,
    );
    expect(late).toBeInstanceOf(ConflictError);
    expect((late as Error).message).toBe(
      "Hồ sơ này đã được đánh giá ngày 10/03/2026. Đánh giá chỉ có thể thay đổi trong 7 ngày.",
    );
    const [{ n }] = await h.db.select({ n: count() }).from(ratings).where(eq(ratings.dossierId, d.id));
    expect(n).toBe(1);
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.entityType, "rating"));
    expect(audits.filter((a) => a.entityId === String(first.rating.id)).map((a) => a.action)).toEqual([
      "rating.create",
      "rating.change",
    ]);
  });

  it("refuses a link without the secret, a wrong secret, a dossier not yet returned and a missing level", async () => {
    const d = await dossier();
    const open = await dossier({ returned: false });
    await expect(submitWebRating(rate(d.code, "satisfied"), null, "10.0.0.2", h.db)).rejects.toThrow(
      "Đường dẫn đánh giá không đầy đủ. Vui lòng mở đường dẫn trên giấy tiếp nhận (mã QR) hoặc tin nhắn Zalo.",
    );
    await expect(submitWebRating(rate(d.code, "satisfied"), open.secret, "10.0.0.2", h.db)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(webRatingPage(d.code, "guess", "10.0.0.2", h.db)).rejects.toThrow("Không tìm thấy hồ sơ.");
    await expect(submitWebRating(rate(open.code, "satisfied"), open.secret, "10.0.0.2", h.db)).rejects.toThrow(
      "Hồ sơ chưa được trả kết quả nên chưa thể đánh giá.",
    );
    const bad = await submitWebRating(rate(d.code, "neutral"), d.secret, "10.0.0.2", h.db).catch((e: unknown) => e);
    expect((bad as ValidationError).fieldErrors.level).toBe(
      "Chọn một mức đánh giá: Rất hài lòng, Hài lòng hoặc Không hài lòng.",
    );
    expect((await h.db.select({ n: count() }).from(ratings).where(eq(ratings.dossierId, d.id)))[0].n).toBe(0);
  });

  it("counter device: the receptionist's unit only; publishers may not collect ratings", async () => {
    const d = await dossier();
    await expect(
      submitCounterRating({ ...org.receptionistThanhSen, db: h.db }, rate(d.code, "satisfied")),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitCounterRating({ ...org.publisher, db: h.db }, rate(d.code, "satisfied"))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const r = await submitCounterRating({ ...org.receptionist, db: h.db }, rate(d.code, "very_satisfied"));
    expect(r.rating).toMatchObject({ channel: "counter", level: "very_satisfied", unitId: org.unitIds.center });
  });
});

describe("follow-ups of dissatisfied ratings", () => {
  it(
    "opens one follow-up due in working days (weekend skipped); " + "the supervisor assigns, answers and closes it",
    async () => {
      at("2026-03-13 10:00"); // a Friday: 5 working days later is Friday 20/03
      const d = await dossier({ zalo: true });
      const r = await submitWebRating(rate(d.code, "dissatisfied", { comment: "Chờ lâu" }), d.secret, "10.0.0.3", h.db);
      expect(r.followupDueAt?.toISOString()).toBe(vn("2026-03-20 10:00").toISOString());
      await submitWebRating(rate(d.code, "dissatisfied", { comment: "Chờ rất lâu" }), d.secret, "10.0.0.3", h.db);
      const [f] = await h.db.select().from(ratingFollowups).where(eq(ratingFollowups.dossierId, d.id));
      expect(f.status).toBe("open");
      expect(
        (await h.db.select({ n: count() }).from(ratingFollowups).where(eq(ratingFollowups.dossierId, d.id)))[0].n,
      ).toBe(1);

      expect((await listFollowups({ ...org.supervisor, db: h.db })).map((x) => x.code)).toContain(d.code);
      expect(await listFollowups({ ...org.receptionistThanhSen, db: h.db }).catch((e: unknown) => e)).toBeInstanceOf(
        ForbiddenError,
      );
      await expect(updateFollowup({ ...org.supervisor, db: h.db }, { id: f.id, close: "on" })).rejects.toThrow(
        "Dữ liệu chưa hợp lệ",
      );
      await updateFollowup(
        { ...org.supervisor, db: h.db },
        {
          id: f.id,
          assigneeId: String(org.receptionist.actor.id),
          actionTaken: "Đã nhắc nhở bộ phận thụ lý",
          answer: "Xin lỗi Ông/Bà vì chậm trễ.",
          close: "on",
        },
      );
      const [done] = await h.db.select().from(ratingFollowups).where(eq(ratingFollowups.id, f.id));
      expect(done).toMatchObject({
        status: "closed",
        assigneeName: "Nguyễn Thị Hương",
        answer: "Xin lỗi Ông/Bà vì chậm trễ.",
        answerChannel: "zalo",
      });
      const events = await h.db
        .select()
        .from(dossierEvents)
        .where(eq(dossierEvents.dossierId, d.id))
        .orderBy(asc(dossierEvents.id));
      expect(events.at(-1)).toMatchObject({ type: "rating_answer", payload: { note: "Xin lỗi Ông/Bà vì chậm trễ." } });
      // Another unit's supervisor-less receptionist cannot touch it.
      await expect(
        updateFollowup({ ...org.receptionistThanhSen, db: h.db }, { id: f.id, actionTaken: "x" }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    },
  );
});

describe("Zalo rating requests and user_feedback", () => {
  it(
    "follows the returned message of a Zalo dossier with a rating " +
      "request; stars map to levels; duplicates collapse",
    async () => {
      const d = await dossier({ zalo: true });
      const types = (
        await h.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, d.id)).orderBy(asc(dossierEvents.id))
      ).map((e) => e.type);
      expect(types.slice(-2)).toEqual(["returned", "rating_request"]);
      while ((await routeDossierEvents(h.db)) > 0);
      const [request] = await h.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.dossierId, d.id), eq(notifications.eventType, "rating_request")));
      const fb = {
        trackingId: trackingIdOf(request.id),
        stars: 2,
        note: "Phải đi lại nhiều lần",
        feedbacks: ["Thời gian chờ lâu"],
      };
      expect(await recordZaloFeedback(h.db, fb)).toBe("recorded");
      expect(await recordZaloFeedback(h.db, fb)).toBe("duplicate");
      const rows = await h.db.select().from(ratings).where(eq(ratings.dossierId, d.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        channel: "zalo",
        level: "dissatisfied",
        zaloStars: 2,
        comment: "Thời gian chờ lâu; Phải đi lại nhiều lần",
      });
      expect(
        (await h.db.select({ n: count() }).from(ratingFollowups).where(eq(ratingFollowups.dossierId, d.id)))[0].n,
      ).toBe(1);
      expect(await recordZaloFeedback(h.db, { ...fb, stars: 5 })).toBe("recorded");
      expect((await h.db.select().from(ratings).where(eq(ratings.dossierId, d.id)))[0].level).toBe("very_satisfied");
      // A tracking id of another kind of message, or an invented one, records nothing.
      const [returnedMsg] = await h.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.dossierId, d.id), eq(notifications.eventType, "returned")));
      expect(await recordZaloFeedback(h.db, { ...fb, trackingId: trackingIdOf(returnedMsg.id) })).toBe(
        "unknown_request",
      );
      expect(await recordZaloFeedback(h.db, { ...fb, trackingId: "n999999" })).toBe("unknown_request");
    },
  );

  it("a dossier without the Zalo tick gets no rating request", async () => {
    const d = await dossier({ zalo: false });
    const types = (await h.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, d.id))).map((e) => e.type);
    expect(types).not.toContain("rating_request");
  });
});
