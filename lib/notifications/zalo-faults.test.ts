import type http from "node:http";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, notifications, zaloDeliveryStatuses, zaloFollowers, zaloSettings, zaloTokens } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { processDueEvents } from "@/lib/zalo-webhook/process";
import { WEBHOOK_PATH, listen, webhookListener } from "@/lib/zalo-webhook/webhook-listener";
import { zaloHealth } from "@/lib/health";
import type { SimSend } from "@/lib/sim/state";
import { seedTestOrg } from "@/lib/testing";
import { zaloAlerts } from "@/lib/zalo/alerts";
import { saveRefreshToken } from "@/lib/zalo/connect";
import { useZaloSimulator } from "@/lib/sim/testing";
import { tokenRefreshFailed } from "@/lib/zalo/tokens";
import { nextVnMidnight } from "./quota";
import { applyDeliveryStatuses } from "./delivery-status";
import { routeDossierEvents } from "./router";
import { OUTCOME_UNKNOWN_REASON, sendDueNotifications } from "./sender";
import { setZbsDevelopmentMode } from "./set-development-mode";
import { getNotificationSettings, updateNotificationSettings } from "./settings";
import { insertTestDossier, insertTestEvent, seedTemplates } from "./testing";
import { trackingIdOf } from "./tracking";

/**
 * The faulty network's side: the real HTTP Zalo simulator answers (or loses its answers), the webhook listener takes
 * its delivery receipts, and the sender talks to it through the production transport.
 */
let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let sim: Awaited<ReturnType<typeof useZaloSimulator>>;
let listener: http.Server;
const never = new AbortController().signal;
const SEND_TIMEOUT_MS = "400";

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  await seedTemplates(h.db);
  sim = await useZaloSimulator();
  listener = webhookListener();
  const base = await listen(listener, 0, "127.0.0.1");
  process.env.NOTIFICATIONS_SEND_TIMEOUT_MS = SEND_TIMEOUT_MS;
  process.env.ZALO_SIM_WEBHOOK_URL = `${base}${WEBHOOK_PATH}`;
});
afterAll(async () => {
  delete process.env.NOTIFICATIONS_SEND_TIMEOUT_MS;
  await new Promise((r) => listener.close(r));
  await sim.close();
  await h.close();
});
beforeEach(async () => {
  await h.db
    .update(notifications)
    .set({ status: "failed_permanent", lastError: "test reset" })
    .where(sql`${notifications.status} in ('queued', 'failed_temporary', 'sending')`);
  await updateNotificationSettings(h.db, {
    rateLimitEnabled: false,
    retryBaseMs: 50,
    retryCapMs: 100,
    maxAttempts: 3,
    concurrency: 4,
    quotaExhaustedUntil: null,
    balanceExhaustedAt: null,
    balancePausedUntil: null,
    pausedTemplates: {},
    zbsDevelopmentMode: false,
  });
  await sim.control("/reset", {});
  await sim.control("/settings", { webhookUrl: process.env.ZALO_SIM_WEBHOOK_URL, receiptDelayMs: 20 });
});

async function notificationFor(type: string, phone84 = "84912345678") {
  const d = await insertTestDossier(h.db, org.unitIds.center, { phone84 });
  const e = await insertTestEvent(h.db, d, type, { phone84 });
  await routeDossierEvents(h.db);
  const [n] = await h.db.select().from(notifications).where(eq(notifications.eventId, e.id));
  return n;
}

const setChannels = (eventType: string, channels: string[]) =>
  h.db.execute(sql`update notification_templates set channels = ${JSON.stringify(channels)}::jsonb
    where event_type = ${eventType}`);
const byId = async (id: number) => (await h.db.select().from(notifications).where(eq(notifications.id, id)))[0];
const dueNow = (id: number) =>
  h.db
    .update(notifications)
    .set({ nextAttemptAt: new Date(0) })
    .where(eq(notifications.id, id));
type Sends = { total: number; sends: SimSend[] };
const sendsOf = (id: number) => sim.control<Sends>(`/sends?tracking_id=${trackingIdOf(id)}`);

async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe("a ZBS send whose answer was lost (item 11)", () => {
  it("is marked unknown, not sent again while it waits, and settled by its delivery receipt: one send", async () => {
    const n = await notificationFor("received");
    await sim.control("/faults", { lostReplies: 1, hangMs: 3_000 });
    await sendDueNotifications(h.db, "w1", never);
    const unknown = await byId(n.id);
    expect(unknown).toMatchObject({ status: "failed_temporary", lastError: OUTCOME_UNKNOWN_REASON });
    expect(unknown.outcomeUnknownAt).not.toBeNull();
    const settings = await getNotificationSettings(h.db);
    expect(unknown.nextAttemptAt.getTime() - unknown.outcomeUnknownAt!.getTime()).toBe(settings.unknownOutcomeWaitMs);
    expect((await sendsOf(n.id)).total).toBe(1);

    // The receipt reaches the webhook and is stored; even a row already due is then never claimed again.
    const receipts = () =>
      h.db
        .select()
        .from(zaloDeliveryStatuses)
        .where(eq(zaloDeliveryStatuses.trackingId, trackingIdOf(n.id)));
    await until(async () => {
      await processDueEvents(h.db, "ev");
      return (await receipts()).length > 0;
    }, "the delivery receipt");
    await dueNow(n.id);
    expect(await sendDueNotifications(h.db, "w1", never)).toBe(0);
    await applyDeliveryStatuses(h.db);
    const delivered = await byId(n.id);
    expect(delivered).toMatchObject({ status: "delivered", outcomeUnknownAt: null });
    const sends = await sendsOf(n.id);
    expect(sends.total).toBe(1);
    expect(delivered.zaloMsgId).toBe(sends.sends[0].msgId);
  });

  it("a consultation whose answer was lost is found in the conversation, not sent twice", async () => {
    await setChannels("assigned", ["cs", "zbs"]);
    const phone84 = "84358123456";
    type Added = { citizen: { userId: string } };
    const { citizen } = await sim.control<Added>("/citizens", { phone: phone84, isFollower: true });
    const follower = { oaUserId: citizen.userId, phone84, following: true, lastInteractionAt: new Date() };
    await h.db.insert(zaloFollowers).values(follower).onConflictDoNothing();
    const n = await notificationFor("assigned", "84358123456");
    expect(n.channel).toBe("cs");
    await sim.control("/faults", { lostReplies: 1, hangMs: 3_000 });
    await sendDueNotifications(h.db, "w1", never);
    expect((await byId(n.id)).outcomeUnknownAt).not.toBeNull();
    await dueNow(n.id);
    await sendDueNotifications(h.db, "w1", never);
    const row = await byId(n.id);
    expect(row.status).toBe("sent");
    type Chat = { messages: { id: string; direction: string; text: string }[] };
    const { messages } = await sim.control<Chat>(`/messages?user_id=${citizen.userId}`);
    const copies = messages.filter((m) => m.direction === "oa" && m.text === n.params.text);
    expect(copies).toHaveLength(1);
    expect(row.zaloMsgId).toBe(copies[0].id);
    await setChannels("assigned", ["zbs"]);
  });
});

describe("quota codes told apart (item 12)", () => {
  it("a template's daily limit (-147) holds that template only until midnight; others keep sending", async () => {
    const limited = await notificationFor("received");
    const other = await notificationFor("assigned");
    await sim.control("/faults", { templateQuotaSpent: [limited.templateId] });
    const now = new Date();
    await sendDueNotifications(h.db, "w1", never, { now: () => now });
    expect(await byId(other.id)).toMatchObject({ status: "sent" });
    const held = await byId(limited.id);
    expect(held).toMatchObject({ status: "failed_temporary", lastErrorCode: -147, attempts: 0 });
    expect(held.nextAttemptAt.toISOString()).toBe(nextVnMidnight(now).toISOString());
    const s = await getNotificationSettings(h.db);
    expect(s.quotaExhaustedUntil).toBeNull();
    expect(Object.keys(s.pausedTemplates)).toEqual([limited.templateId]);

    // Another message on the paused template waits without a call; one on another template goes.
    const later = await notificationFor("received");
    const another = await notificationFor("assigned");
    await dueNow(limited.id);
    await sendDueNotifications(h.db, "w1", never);
    expect(await byId(another.id)).toMatchObject({ status: "sent" });
    expect(await byId(later.id)).toMatchObject({ status: "queued", attempts: 0 });
    expect((await sendsOf(limited.id)).total + (await sendsOf(later.id)).total).toBe(0);
  });

  it("a per-recipient limit (-218) fails that recipient only; ZBS goes on for everyone else", async () => {
    const capped = await notificationFor("received", "84912000218");
    const fine = await notificationFor("received");
    await sendDueNotifications(h.db, "w1", never);
    const reason = "Người dân đã nhận tối đa số tin cho phép";
    expect(await byId(capped.id)).toMatchObject({ status: "failed_permanent", lastErrorCode: -218, lastError: reason });
    expect(await byId(fine.id)).toMatchObject({ status: "sent" });
    const s = await getNotificationSettings(h.db);
    expect(s.quotaExhaustedUntil).toBeNull();
    expect(s.pausedTemplates).toEqual({});
  });

  it("the OA's daily quota (-144) pauses all ZBS until midnight Asia/Ho_Chi_Minh", async () => {
    const a = await notificationFor("received");
    await sim.control("/settings", { remainingQuota: 0 });
    const now = new Date();
    await sendDueNotifications(h.db, "w1", never, { now: () => now });
    expect(await byId(a.id)).toMatchObject({ status: "failed_temporary", lastErrorCode: -144, attempts: 0 });
    const { quotaExhaustedUntil } = await getNotificationSettings(h.db);
    expect(quotaExhaustedUntil?.toISOString()).toBe(nextVnMidnight(now).toISOString());
  });

  it("a spent balance (-115) pauses ZBS with an admin alert; a later send that goes through ends both", async () => {
    const a = await notificationFor("received");
    await sim.control("/faults", { balanceSpent: true });
    await sendDueNotifications(h.db, "w1", never);
    expect(await byId(a.id)).toMatchObject({ status: "failed_temporary", lastErrorCode: -115, attempts: 0 });
    const s = await getNotificationSettings(h.db);
    expect(s.balanceExhaustedAt).not.toBeNull();
    expect(s.balancePausedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect((await zaloAlerts(h.db)).map((x) => x.kind)).toContain("zbs_balance");
    expect(await zaloHealth()).toContain("zbs_balance");
    const b = await notificationFor("assigned");
    await dueNow(a.id);
    expect(await sendDueNotifications(h.db, "w1", never)).toBe(0);
    expect((await byId(b.id)).status).toBe("queued");

    await sim.control("/faults", { balanceSpent: false });
    await updateNotificationSettings(h.db, { balancePausedUntil: new Date(Date.now() - 1000) });
    await sendDueNotifications(h.db, "w1", never);
    expect((await byId(a.id)).status).toBe("sent");
    expect((await byId(b.id)).status).toBe("sent");
    expect((await getNotificationSettings(h.db)).balanceExhaustedAt).toBeNull();
    expect((await zaloAlerts(h.db)).map((x) => x.kind)).not.toContain("zbs_balance");
  });
});

describe("a token outage (item 13)", () => {
  it("spends no attempt while the refresh fails, alerts admins and /api/health, sends after reconnection", async () => {
    await h.db.delete(zaloTokens);
    await h.db.delete(zaloSettings);
    const n = await notificationFor("received");
    await sendDueNotifications(h.db, "w1", never);
    expect((await byId(n.id)).status).toBe("sent");

    // Zalo forgets every token: the access token is refused and the refresh token with it.
    await sim.control("/expire-tokens", {});
    await sim.control("/revoke-refresh-tokens", {});
    const waiting = await notificationFor("assigned");
    for (let round = 0; round < 5; round++) {
      await dueNow(waiting.id);
      await sendDueNotifications(h.db, "w1", never);
    }
    const row = await byId(waiting.id);
    expect(row).toMatchObject({ status: "failed_temporary", attempts: 0 });
    expect(await tokenRefreshFailed(h.db)).toBe(true);
    expect(await zaloHealth()).toContain("token_failed");

    const { refreshToken } = await sim.control<{ refreshToken: string }>("/issue-refresh-token", {});
    await saveRefreshToken(org.admin, { refreshToken });
    await dueNow(waiting.id);
    await sendDueNotifications(h.db, "w1", never);
    expect(await byId(waiting.id)).toMatchObject({ status: "sent", attempts: 1 });
    expect(await zaloHealth()).not.toContain("token_failed");
  });
});

describe("ZBS development mode (item 15)", () => {
  it("is an audited admin setting; while on, template messages go out with mode development", async () => {
    await expect(setZbsDevelopmentMode(org.receptionist, { developmentMode: "on" })).rejects.toThrow();
    await setZbsDevelopmentMode(org.admin, { developmentMode: "on" });
    const n = await notificationFor("received");
    await sendDueNotifications(h.db, "w1", never);
    expect((await sendsOf(n.id)).sends[0].mode).toBe("development");
    expect((await zaloAlerts(h.db)).map((x) => x.kind)).toContain("zbs_development_mode");

    await setZbsDevelopmentMode(org.admin, {});
    const live = await notificationFor("received");
    await sendDueNotifications(h.db, "w1", never);
    expect((await sendsOf(live.id)).sends[0].mode).toBeNull();
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.action, "zalo.zbs_development_mode"));
    expect(audits.map((a) => a.changes)).toEqual([
      { zbsDevelopmentMode: { from: false, to: true } },
      { zbsDevelopmentMode: { from: true, to: false } },
    ]);
  });
});
