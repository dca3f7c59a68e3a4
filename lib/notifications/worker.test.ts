import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { dossierEvents, notifications, zaloDeliveryStatuses, zaloFollowers } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { seedTestOrg } from "@/lib/testing";
import { nextMorningVn } from "@/lib/zalo/errors";
import { applyDeliveryStatuses } from "./delivery-status";
import { routeDossierEvents } from "./router";
import { skipReasons } from "./routing";
import { sendDueNotifications } from "./sender";
import { getNotificationSettings, updateNotificationSettings } from "./settings";
import { canMove, markSent, markSentMany, sweepStuckSending } from "./status";
import { takeSendTokens } from "./rate-limit";
import { fakeTransport, insertTestDossier, insertTestEvent, seedTemplates } from "./testing";
import { trackingIdOf } from "./tracking";

let h: DbHandle;
let unitId: number;
const never = new AbortController().signal;

beforeAll(async () => {
  h = await useTestDb();
  const org = await seedTestOrg(h.db);
  unitId = org.unitIds.center;
  await seedTemplates(h.db);
  await updateNotificationSettings(h.db, { rateLimitEnabled: false, retryBaseMs: 1000, retryCapMs: 60_000 });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.db
    .update(notifications)
    .set({ status: "failed_permanent", lastError: "test reset" })
    .where(sql`${notifications.status} in ('queued', 'failed_temporary', 'sending')`);
  await updateNotificationSettings(h.db, { quotaExhaustedUntil: null, remainingQuota: null, maxAttempts: 12 });
});

async function notificationFor(
  type: string,
  over: Parameters<typeof insertTestEvent>[3] = {},
  dossierOver: Parameters<typeof insertTestDossier>[2] = {},
) {
  const d = await insertTestDossier(h.db, unitId, dossierOver);
  const e = await insertTestEvent(h.db, d, type, over);
  await routeDossierEvents(h.db);
  const [n] = await h.db.select().from(notifications).where(eq(notifications.eventId, e.id));
  return { dossier: d, event: e, n };
}

const byId = async (id: number) => (await h.db.select().from(notifications).where(eq(notifications.id, id)))[0];

describe("outbox router", () => {
  it("turns each event into one queued notification and marks the event dispatched in the same step", async () => {
    const { event, n } = await notificationFor("received");
    expect(n).toMatchObject({ status: "queued", channel: "zbs", recipient: "84912345678", templateId: "310001" });
    expect(n.params.due_date).toBe("09:09 26/02/2024");
    const [e] = await h.db.select().from(dossierEvents).where(eq(dossierEvents.id, event.id));
    expect(e.dispatchedAt).not.toBeNull();
    expect(await routeDossierEvents(h.db)).toBe(0);
  });

  it("records why no message goes out for an unregistered dossier or one without a mobile", async () => {
    expect((await notificationFor("received", { notifyZalo: false })).n).toMatchObject({
      status: "skipped",
      lastError: skipReasons.notRegistered,
      channel: null,
    });
    expect((await notificationFor("received", { phone84: "0241234567" })).n).toMatchObject({
      status: "skipped",
      lastError: skipReasons.noMobile,
    });
  });

  it("uses the linked follower's consultation window when the template prefers it", async () => {
    await h.db.execute(
      sql`update notification_templates set channels = '["cs","zbs"]'::jsonb where event_type = 'assigned'`,
    );
    await h.db
      .insert(zaloFollowers)
      .values({ oaUserId: "oa-777", phone84: "84987000777", following: true, lastInteractionAt: new Date() });
    const { n } = await notificationFor("assigned", { phone84: "84987000777" });
    expect(n).toMatchObject({ channel: "cs", recipient: "oa-777" });
    expect(n.fallbacks.map((f) => f.channel)).toEqual(["zbs"]);
  });
});

describe("sender", () => {
  it("sends with tracking id n<id> and records Zalo's message id", async () => {
    const { n } = await notificationFor("fee_requested", { feeAmount: 1_000_000, paymentUrl: "https://pay.example/x" });
    const zalo = fakeTransport();
    expect(await sendDueNotifications(h.db, "w1", never, { transport: zalo.transport })).toBe(1);
    expect(zalo.accepted[0]).toMatchObject({
      trackingId: trackingIdOf(n.id),
      templateData: { amount: "1.000.000 đồng", payment_url: "https://pay.example/x" },
    });
    expect(await byId(n.id)).toMatchObject({ status: "sent", zaloMsgId: "m1", attempts: 1, claimedBy: null });
  });

  it.each([
    [-108, "Số điện thoại không hợp lệ"],
    [-118, "Số điện thoại chưa đăng ký Zalo"],
    [-213, "Người dùng chưa quan tâm OA"],
  ])("does not retry permanent error %i and shows its reason", async (code, reason) => {
    const { n } = await notificationFor("received");
    const zalo = fakeTransport({ failWith: () => code });
    await sendDueNotifications(h.db, "w1", never, { transport: zalo.transport });
    expect(await byId(n.id)).toMatchObject({
      status: "failed_permanent",
      lastErrorCode: code,
      lastError: reason,
      attempts: 1,
    });
    expect(await sendDueNotifications(h.db, "w1", never, { transport: zalo.transport })).toBe(0);
    expect(zalo.calls()).toBe(1);
  });

  it("retries server errors with backoff, then fails permanently after the last attempt", async () => {
    await updateNotificationSettings(h.db, { maxAttempts: 3 });
    const { n } = await notificationFor("received");
    const zalo = fakeTransport({ failWith: () => "network" });
    const before = Date.now();
    await sendDueNotifications(h.db, "w1", never, { transport: zalo.transport, random: () => 0.5 });
    const first = await byId(n.id);
    expect(first).toMatchObject({ status: "failed_temporary", attempts: 1, lastErrorCode: null });
    expect(first.nextAttemptAt.getTime() - before).toBeGreaterThanOrEqual(900);
    expect(first.nextAttemptAt.getTime() - before).toBeLessThan(5_000);
    for (let i = 0; i < 2; i++) {
      await h.db
        .update(notifications)
        .set({ nextAttemptAt: new Date(0) })
        .where(eq(notifications.id, n.id));
      await sendDueNotifications(h.db, "w1", never, { transport: zalo.transport });
    }
    const last = await byId(n.id);
    expect(last.status).toBe("failed_permanent");
    expect(last.attempts).toBe(3);
    expect(last.lastError).toMatch(/đã thử 3 lần/);
  });

  it("postpones a night-banned send to 06:00 without spending an attempt", async () => {
    const { n } = await notificationFor("received");
    const zalo = fakeTransport({ failWith: () => -133 });
    await sendDueNotifications(h.db, "w1", never, { transport: zalo.transport });
    const row = await byId(n.id);
    expect(row).toMatchObject({ status: "failed_temporary", attempts: 0, lastErrorCode: -133 });
    expect(row.lastError).toMatch(/06:00/);
    expect(row.nextAttemptAt.toISOString()).toBe(nextMorningVn(new Date()).toISOString());
    expect(row.nextAttemptAt.getUTCHours()).toBe(23);
    expect(nextMorningVn(new Date("2024-02-26T16:30:00Z")).toISOString()).toBe("2024-02-26T23:00:00.000Z");
  });

  it("stops ZBS when the daily quota is spent and resumes the next day", async () => {
    await updateNotificationSettings(h.db, { concurrency: 1 });
    const a = await notificationFor("received");
    const b = await notificationFor("received");
    const zalo = fakeTransport({ failWith: (_p, call) => (call === 1 ? -144 : null) });
    const now = new Date();
    await sendDueNotifications(h.db, "w1", never, { transport: zalo.transport, now: () => now });
    const settings = await getNotificationSettings(h.db);
    expect(settings.quotaExhaustedUntil!.getTime()).toBeGreaterThan(now.getTime());
    for (const id of [a.n.id, b.n.id]) {
      const row = await byId(id);
      expect(["queued", "failed_temporary"]).toContain(row.status);
      expect(row.nextAttemptAt.getTime()).toBe(settings.quotaExhaustedUntil!.getTime());
      expect(row.attempts).toBe(0);
    }
    expect(zalo.calls()).toBe(1);
    await h.db
      .update(notifications)
      .set({ nextAttemptAt: new Date(0) })
      .where(sql`${notifications.id} in (${a.n.id}, ${b.n.id})`);
    expect(await sendDueNotifications(h.db, "w1", never, { transport: zalo.transport })).toBe(0);
    await updateNotificationSettings(h.db, { quotaExhaustedUntil: new Date(Date.now() - 1000) });
    expect(await sendDueNotifications(h.db, "w1", never, { transport: zalo.transport })).toBe(2);
    expect((await byId(a.n.id)).status).toBe("sent");
    await updateNotificationSettings(h.db, { concurrency: 32 });
  });

  it("records the quota Zalo reports and stops at zero", async () => {
    await notificationFor("received");
    const zalo = fakeTransport({ quota: { dailyQuota: 500, remainingQuota: 0 } });
    await sendDueNotifications(h.db, "w1", never, { transport: zalo.transport });
    const s = await getNotificationSettings(h.db);
    expect(s).toMatchObject({ dailyQuota: 500, remainingQuota: 0 });
    expect(s.quotaExhaustedUntil).not.toBeNull();
  });

  it("falls back to ZBS when the consultation window turns out closed", async () => {
    await h.db.execute(
      sql`update notification_templates set channels = '["cs","zbs"]'::jsonb where event_type = 'appraising'`,
    );
    await h.db
      .insert(zaloFollowers)
      .values({ oaUserId: "oa-888", phone84: "84987000888", following: true, lastInteractionAt: new Date() });
    const { n } = await notificationFor("appraising", { phone84: "84987000888" });
    const zalo = fakeTransport({ failWith: (to) => (to === "oa-888" ? -230 : null) });
    await sendDueNotifications(h.db, "w1", never, { transport: zalo.transport });
    expect(await byId(n.id)).toMatchObject({ status: "failed_temporary", channel: "zbs", lastErrorCode: -230 });
    await sendDueNotifications(h.db, "w1", never, { transport: zalo.transport });
    expect(await byId(n.id)).toMatchObject({ status: "sent", channel: "zbs" });
    expect(zalo.accepted.map((s) => s.trackingId)).toEqual([trackingIdOf(n.id)]);
  });

  it("two workers at once never send the same notification twice", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 40; i++) {
      const d = await insertTestDossier(h.db, unitId);
      ids.push((await insertTestEvent(h.db, d, "assigned")).id);
    }
    await routeDossierEvents(h.db);
    const zalo = fakeTransport({ latencyMs: 2 });
    await updateNotificationSettings(h.db, { batchSize: 7 });
    const loop = async (w: string) => {
      while ((await sendDueNotifications(h.db, w, never, { transport: zalo.transport })) > 0);
    };
    await Promise.all([loop("w1"), loop("w2")]);
    await updateNotificationSettings(h.db, { batchSize: 200 });
    const counts = new Map<string, number>();
    for (const s of zalo.accepted) counts.set(s.trackingId, (counts.get(s.trackingId) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(40);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
  });

  it("gives back claimed rows it has not started when asked to stop", async () => {
    const { n } = await notificationFor("received");
    const stop = new AbortController();
    stop.abort();
    await sendDueNotifications(h.db, "w1", stop.signal, { transport: fakeTransport().transport });
    expect(await byId(n.id)).toMatchObject({ status: "queued", attempts: 0, claimedBy: null });
  });
});

describe("forward-only statuses", () => {
  it("allows only forward moves", () => {
    expect(canMove("sent", "delivered")).toBe(true);
    expect(canMove("delivered", "sent")).toBe(false);
    expect(canMove("seen", "delivered")).toBe(false);
    expect(canMove("failed_permanent", "sent")).toBe(false);
  });

  it("does not move a delivered notification back when its send is recorded late", async () => {
    const { n } = await notificationFor("received");
    await h.db.update(notifications).set({ status: "delivered" }).where(eq(notifications.id, n.id));
    expect(await markSent(h.db, n.id, { msgId: "late", at: new Date() })).toBe(false);
    expect(await byId(n.id)).toMatchObject({ status: "delivered", zaloMsgId: "late" });
  });

  it("records many accepted sends in one statement, each from the states it may leave", async () => {
    const [a, b, c] = [
      (await notificationFor("received")).n,
      (await notificationFor("assigned")).n,
      (await notificationFor("returned")).n,
    ];
    await h.db.update(notifications).set({ status: "sending", claimedBy: "w1" }).where(eq(notifications.id, a.id));
    await h.db
      .update(notifications)
      .set({ status: "seen", zaloMsgId: "from-receipt" })
      .where(eq(notifications.id, b.id));
    await h.db.update(notifications).set({ status: "failed_permanent" }).where(eq(notifications.id, c.id));
    const at = new Date("2026-02-26T02:09:00Z");
    const moved = await markSentMany(h.db, [
      { id: a.id, msgId: "m-a", at },
      { id: b.id, msgId: "m-b", at },
      { id: c.id, msgId: "m-c", at },
    ]);
    expect([...moved]).toEqual([a.id]);
    expect(await byId(a.id)).toMatchObject({ status: "sent", zaloMsgId: "m-a", sentAt: at, claimedBy: null });
    expect(await byId(b.id)).toMatchObject({ status: "seen", zaloMsgId: "from-receipt" });
    expect(await byId(c.id)).toMatchObject({ status: "failed_permanent", zaloMsgId: "m-c" });
  });
});

describe("receipts and sweeper", () => {
  it("moves notifications to delivered then seen from webhook receipts", async () => {
    const { n } = await notificationFor("received");
    const zalo = fakeTransport();
    await sendDueNotifications(h.db, "w1", never, { transport: zalo.transport });
    const at = new Date();
    await h.db
      .insert(zaloDeliveryStatuses)
      .values({ msgId: "m1", trackingId: trackingIdOf(n.id), kind: "received", at, payload: {} });
    await applyDeliveryStatuses(h.db);
    expect((await byId(n.id)).status).toBe("delivered");
    await h.db.insert(zaloDeliveryStatuses).values({
      msgId: "m1-seen",
      trackingId: trackingIdOf(n.id),
      kind: "seen",
      at: new Date(at.getTime() + 1000),
      payload: {},
    });
    await h.db
      .insert(zaloDeliveryStatuses)
      .values({ msgId: "m1-again", trackingId: trackingIdOf(n.id), kind: "received", at, payload: {} });
    await applyDeliveryStatuses(h.db);
    const row = await byId(n.id);
    expect(row.status).toBe("seen");
    expect(row.seenAt).not.toBeNull();
    expect(await applyDeliveryStatuses(h.db)).toBe(0);
  });

  it("returns rows stuck in sending to the queue after the timeout", async () => {
    const { n } = await notificationFor("received");
    await h.db
      .update(notifications)
      .set({ status: "sending", claimedBy: "dead", claimedAt: new Date(Date.now() - 10 * 60_000), attempts: 1 })
      .where(eq(notifications.id, n.id));
    const r = await sweepStuckSending(h.db, 120_000, 12);
    expect(r.requeued).toBeGreaterThanOrEqual(1);
    expect(await byId(n.id)).toMatchObject({ status: "queued", claimedBy: null, attempts: 1 });
  });
});

describe("shared rate limit", () => {
  it("grants no more than the bucket holds", async () => {
    await updateNotificationSettings(h.db, {
      rateLimitEnabled: true,
      ratePerMinute: 600,
      bucketTokens: 0,
      bucketRefilledAt: new Date(),
    });
    const first = await takeSendTokens(h.db, 100);
    expect(first.granted).toBeLessThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 250));
    const later = await takeSendTokens(h.db, 100);
    expect(later.granted).toBeGreaterThanOrEqual(1);
    expect(later.granted).toBeLessThanOrEqual(3);
    await updateNotificationSettings(h.db, { rateLimitEnabled: false });
  });
});
