import { and, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications, oaMenuSettings, zaloWebhookEvents } from "@/db/schema";
import { seedProcedures } from "@/lib/seed/procedures";
import { processDueEvents, processEvent } from "@/lib/zalo-webhook/process";
import { WEBHOOK_PATH, listen, webhookListener } from "@/lib/zalo-webhook/webhook-listener";
import { sendDueNotifications } from "@/lib/notifications/sender";
import { seedTestOrg } from "@/lib/testing";
import { zaloClient } from "@/lib/zalo/client";
import { useZaloSimulator as startZaloSimulator } from "@/lib/sim/testing";

type Sim = Awaited<ReturnType<typeof startZaloSimulator>>;
export interface SimMessage {
  direction: "oa" | "citizen";
  kind: string;
  text: string;
  attachment?: { payload?: { template_type?: string; buttons?: { title: string; payload: string }[] } };
}

/** A webhook endpoint for the simulator: the same ingest the portal's route and listener run. */
async function startWebhook(): Promise<{ url: string; close(): Promise<void> }> {
  const server = webhookListener();
  const url = `${await listen(server, 0, "127.0.0.1")}${WEBHOOK_PATH}`;
  return { url, close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

/**
 * The whole chat loop for tests: simulated citizens act in the Zalo simulator, events reach the real webhook,
 * the worker's steps (events, outbox sender) run on demand, and the citizens' phones are read back.
 */
export async function startHomeSupportHarness(db: Db) {
  const sim: Sim = await startZaloSimulator();
  const webhook = await startWebhook();
  await sim.control("/settings", { webhookUrl: webhook.url, deliveryStatuses: false });
  const org = await seedTestOrg(db);
  await seedProcedures(db);
  await db
    .insert(oaMenuSettings)
    .values({ id: 1, homeSupportUnitId: org.unitIds.center, contactsPhone: "0239 3855 000" })
    .onConflictDoNothing();

  const signal = new AbortController().signal;
  /** Runs the worker until nothing is due (waiting out replies spaced a moment apart). */
  async function pump() {
    for (let idle = 0; idle < 20;) {
      const n = (await processDueEvents(db, "test")) + (await sendDueNotifications(db, "test", signal));
      if (n > 0) continue;
      const [soon] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(
          and(
            inArray(notifications.status, ["queued", "failed_temporary"]),
            lte(notifications.nextAttemptAt, new Date(Date.now() + 3_000)),
          ),
        );
      if (!soon.n) return;
      idle++;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async function citizen(phone: string, displayName: string) {
    await sim.control("/citizens", { phone, displayName, isFollower: true });
  }

  async function act(phone: string, action: string, extra: Record<string, unknown> = {}) {
    const r = await sim.control<{ ok: boolean; webhooks: { error?: string }[] }>("/act", { phone, action, ...extra });
    if (!r.ok) throw new Error(`webhook failed: ${JSON.stringify(r.webhooks)}`);
    await pump();
  }

  const say = (phone: string, text: string) => act(phone, "text", { text });

  async function messages(phone: string): Promise<SimMessage[]> {
    return (await sim.control<{ messages: SimMessage[] }>(`/messages?phone=84${phone.replace(/^0/, "")}`)).messages;
  }

  async function oaMessages(phone: string): Promise<SimMessage[]> {
    return (await messages(phone)).filter((m) => m.direction === "oa");
  }

  async function lastReply(phone: string): Promise<SimMessage> {
    const all = await oaMessages(phone);
    return all[all.length - 1];
  }

  /** Processes the latest stored chat event again, as a redelivery after a crash would. */
  async function replayLastEvent() {
    const [row] = await db
      .select()
      .from(zaloWebhookEvents)
      .where(inArray(zaloWebhookEvents.eventName, ["user_send_text", "user_submit_info"]))
      .orderBy(desc(zaloWebhookEvents.id))
      .limit(1);
    await processEvent({ ...row, payload: row.payload as Record<string, unknown> }, { db, zalo: zaloClient(db) });
    await pump();
  }

  async function close() {
    await webhook.close();
    await sim.close();
  }

  return { sim, org, pump, citizen, act, say, messages, oaMessages, lastReply, replayLastEvent, close };
}

export async function eventCount(db: Db, name: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(zaloWebhookEvents)
    .where(eq(zaloWebhookEvents.eventName, name));
  return r.n;
}
