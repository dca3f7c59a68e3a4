import type http from "node:http";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, notifications, zaloFollowers, zaloSettings, zaloTokens, zaloWebhookHealth } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { withdrawnReason } from "@/lib/dossiers/zalo-withdraw";
import { consentReasons } from "@/lib/followers/consent";
import { latestPhoneCode } from "@/lib/followers/testing";
import { zaloHealth } from "@/lib/health";
import { routeDossierEvents } from "@/lib/notifications/router";
import { skipReasons } from "@/lib/notifications/routing";
import { insertTestDossier, insertTestEvent, seedTemplates } from "@/lib/notifications/testing";
import { seedTestOrg } from "@/lib/testing";
import { zaloAlerts } from "@/lib/zalo/alerts";
import { clearZaloSettingsCache } from "@/lib/zalo/settings";
import { useZaloSimulator } from "@/lib/sim/testing";
import { processDueEvents } from "./process";
import { WEBHOOK_PATH, listen, webhookListener } from "./webhook-listener";

/** Citizens acting in the simulated Zalo app; their signed events reach the real webhook listener. */
let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let sim: Awaited<ReturnType<typeof useZaloSimulator>>;
let listener: http.Server;
let webhookUrl: string;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  await seedTemplates(h.db);
  sim = await useZaloSimulator();
  listener = webhookListener();
  webhookUrl = `${await listen(listener, 0, "127.0.0.1")}${WEBHOOK_PATH}`;
});
afterAll(async () => {
  await new Promise((r) => listener.close(r));
  await sim.close();
  await h.close();
});
beforeEach(async () => {
  await sim.control("/reset", {});
  await sim.control("/settings", { webhookUrl, deliveryStatuses: false });
});

type Act = { ok: boolean; webhooks: { status: number | null }[]; citizen: { userId: string } };
const act = (phone: string, action: string, extra: Record<string, unknown> = {}) =>
  sim.control<Act>("/act", { phone, action, ...extra });

async function processAll() {
  while ((await processDueEvents(h.db, "test")) > 0);
}

async function csNotificationFor(phone84: string) {
  await h.db.execute(sql`update notification_templates set channels = '["cs","zbs"]'::jsonb
    where event_type = 'assigned'`);
  const d = await insertTestDossier(h.db, org.unitIds.center, { phone84 });
  const e = await insertTestEvent(h.db, d, "assigned", { phone84 });
  await routeDossierEvents(h.db);
  const [n] = await h.db.select().from(notifications).where(eq(notifications.eventId, e.id));
  return { dossier: d, n };
}

/** Types back the one-time code ZBS brought to the phone, as the phone's owner does. */
async function confirmPhone(phone84: string) {
  await act(phone84, "text", { text: `XN ${await latestPhoneCode(h.db, phone84)}` });
  await processAll();
}

const followerOf = async (oaUserId: string) =>
  (await h.db.select().from(zaloFollowers).where(eq(zaloFollowers.oaUserId, oaUserId)))[0];
const notification = async (id: number) => (await h.db.select().from(notifications).where(eq(notifications.id, id)))[0];

describe("consent and routing after user_withdraw and unfollow (item 16)", () => {
  it("user_withdraw erases the shared phone, stops consultations and ZBS, records the withdrawal", async () => {
    const phone = "84358123456";
    const { citizen } = await act(phone, "follow");
    await act(phone, "submit_info", { name: "Lê Văn Cường", address: "Thạch Hà" });
    await processAll();
    await confirmPhone(phone);
    expect(await followerOf(citizen.userId)).toMatchObject({ phone84: phone, following: true });
    const { dossier, n } = await csNotificationFor(phone);
    expect(n).toMatchObject({ channel: "cs", recipient: citizen.userId, status: "queued" });

    const withdraw = await act(phone, "withdraw");
    expect(withdraw.webhooks.map((w) => w.status)).toEqual([200]);
    await processAll();
    const f = await followerOf(citizen.userId);
    expect(f).toMatchObject({ phone84: null, sharedName: null, sharedAddress: null, consentAt: null });
    expect(f.consentWithdrawnAt).not.toBeNull();
    // Withdrawing on Zalo stops Zalo messages to the proven phone too: the waiting one fails, the next is skipped.
    const stopped = await notification(n.id);
    expect(stopped).toMatchObject({ channel: "zbs", status: "failed_permanent", lastError: withdrawnReason });
    const next = await insertTestEvent(h.db, dossier, "assigned", { phone84: phone });
    await routeDossierEvents(h.db);
    const [after] = await h.db.select().from(notifications).where(eq(notifications.eventId, next.id));
    expect(after).toMatchObject({ status: "skipped", lastError: skipReasons.notRegistered });
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.action, "zalo.follower.consent_withdrawn"));
    expect(audit.changes).toEqual({ linkRemoved: true, waitingMessagesStopped: 1, dossiersStopped: 1 });
    expect(JSON.stringify(audit)).not.toContain(phone);
  });

  it("unfollow sends waiting consultations to their next channel, or fails them with the reason", async () => {
    const phone = "84912345678";
    const { citizen } = await act(phone, "follow");
    await act(phone, "submit_info", { name: "Nguyễn Văn An", address: "Hà Tĩnh" });
    await processAll();
    await confirmPhone(phone);
    const { n } = await csNotificationFor(phone);
    const { n: alone } = await csNotificationFor(phone);
    await h.db.update(notifications).set({ fallbacks: [] }).where(eq(notifications.id, alone.id));

    await act(phone, "unfollow");
    await processAll();
    expect(await followerOf(citizen.userId)).toMatchObject({ following: false, phone84: phone });
    const reason = consentReasons.unfollowed;
    expect(await notification(n.id)).toMatchObject({ channel: "zbs", recipient: phone, lastError: reason });
    const failed = await notification(alone.id);
    expect(failed).toMatchObject({ channel: "cs", status: "failed_permanent", lastError: reason });
  });
});

describe("refused webhook deliveries raise an alert (item 14)", () => {
  it("a run of signature failures alerts admins and /api/health; a verified event ends it", async () => {
    await sim.control("/citizens", { phone: "84706543210", isFollower: true });
    process.env.ZALO_SIM_OA_SECRET_KEY = "a-secret-that-is-not-the-oa-one";
    try {
      for (let i = 0; i < 3; i++) {
        expect((await act("84706543210", "text", { text: `câu hỏi ${i}` })).webhooks[0].status).toBe(401);
      }
    } finally {
      delete process.env.ZALO_SIM_OA_SECRET_KEY;
    }
    const alert = (await zaloAlerts(h.db)).find((a) => a.kind === "webhook_signature");
    expect(alert?.count).toBe(3);
    expect(await zaloHealth()).toContain("webhook_signature");

    expect((await act("84706543210", "text", { text: "xin chào" })).webhooks[0].status).toBe(200);
    expect(await zaloHealth()).not.toContain("webhook_signature");
  });

  it("events arriving while the OA is not configured alert at once", async () => {
    const saved = { ...process.env };
    const names = ["ZALO_APP_ID", "ZALO_APP_SECRET", "ZALO_OA_ID", "ZALO_OA_SECRET_KEY", "ZALO_REFRESH_TOKEN"];
    for (const k of names) delete process.env[k];
    await h.db.delete(zaloTokens);
    await h.db.delete(zaloSettings);
    clearZaloSettingsCache();
    try {
      expect((await act("84706543210", "follow")).webhooks[0].status).toBe(503);
      expect(await zaloHealth()).toContain("webhook_unconfigured");
      const [row] = await h.db.select().from(zaloWebhookHealth);
      expect(row.unconfiguredEvents).toBe(1);
    } finally {
      Object.assign(process.env, saved);
      clearZaloSettingsCache();
    }
    expect((await act("84706543210", "unfollow")).webhooks[0].status).toBe(200);
    expect(await zaloHealth()).not.toContain("webhook_unconfigured");
  });
});
