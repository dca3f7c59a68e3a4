import { getDb } from "@/db/client";
import type { WorkerJob } from "@/lib/worker/loop";
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

/** The notification worker: outbox router, sender, receipts and the stuck-row sweeper. */
export function notificationJobs(): WorkerJob[] {
  const sweep = throttled(5_000, async () => {
    const db = getDb();
    const s = await getNotificationSettings(db);
    await applyDeliveryReceipts(db);
    const r = await sweepStuckSending(db, s.sendingTimeoutMs, s.maxAttempts);
    return r.requeued + r.failed;
  });
  return [
    { name: "notifications.route", runOnce: () => routeDossierEvents(getDb()) },
    { name: "notifications.send", runOnce: (workerId, signal) => sendDueNotifications(getDb(), workerId, signal) },
    { name: "notifications.receipts", runOnce: () => applyDeliveryReceipts(getDb()) },
    { name: "notifications.sweep", runOnce: sweep },
  ];
}
