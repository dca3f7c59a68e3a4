import { getDb } from "@/db/client";
import { ownLane } from "@/lib/worker/lane";
import type { WorkerJob } from "@/lib/worker/loop";
import { isDossierWorkDue } from "./due";
import { applyDeliveryReceipts } from "./receipts";
import { routeDossierEvents } from "./router";
import { sendDueNotifications } from "./sender";
import { getNotificationSettings } from "./settings";
import { sweepStuckSending } from "./status";

/** At most every `everyMs`: housekeeping that need not run on every loop turn. */
function throttled(everyMs: number, fn: () => Promise<number>): () => Promise<number> {
  let last = 0;
  return async () => {
    if (Date.now() - last < everyMs) return 0;
    last = Date.now();
    return fn();
  };
}

/**
 * The notification worker: outbox router and sender in a lane of their own (a status change waits for nothing
 * else the worker does, and is looked for every 50 ms), receipts and the stuck-row sweeper in the loop.
 */
export function notificationJobs(): WorkerJob[] {
  const sweep = throttled(5_000, async () => {
    const db = getDb();
    const s = await getNotificationSettings(db);
    await applyDeliveryReceipts(db);
    const r = await sweepStuckSending(db, s.sendingTimeoutMs, s.maxAttempts);
    return r.requeued + r.failed;
  });
  return [
    ownLane("notifications.dispatch", async (workerId, signal) => (await routeDossierEvents(getDb())) + (await sendDueNotifications(getDb(), workerId, signal)), {
      idleMs: 50,
      due: () => isDossierWorkDue(getDb()),
    }),
    { name: "notifications.receipts", runOnce: () => applyDeliveryReceipts(getDb()) },
    { name: "notifications.sweep", runOnce: sweep },
  ];
}
