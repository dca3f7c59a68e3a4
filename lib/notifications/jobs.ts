import { getDb } from "@/db/client";
import type { WorkerJob } from "@/lib/worker/loop";
import { applyDeliveryReceipts } from "./receipts";
import { routeDossierEvents } from "./router";
import { sendDueNotifications } from "./sender";
import { getNotificationSettings } from "./settings";
import { sweepStuckSending } from "./status";

/** The notification worker: outbox router, sender, receipts and the stuck-row sweeper. */
export function notificationJobs(): WorkerJob[] {
  return [
    { name: "notifications.route", runOnce: () => routeDossierEvents(getDb()) },
    { name: "notifications.send", runOnce: (workerId, signal) => sendDueNotifications(getDb(), workerId, signal) },
    { name: "notifications.receipts", runOnce: () => applyDeliveryReceipts(getDb()) },
    {
      name: "notifications.sweep",
      everyMs: 5_000,
      async runOnce() {
        const db = getDb();
        const s = await getNotificationSettings(db);
        await applyDeliveryReceipts(db);
        const r = await sweepStuckSending(db, s.sendingTimeoutMs, s.maxAttempts);
        return r.requeued + r.failed;
      },
    },
  ];
}
