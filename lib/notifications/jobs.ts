import { getDb } from "@/db/client";
import { ownLane } from "@/lib/worker/lane";
import type { WorkerJob } from "@/lib/worker/loop";
import { isDossierWorkDue } from "./due";
import { applyDeliveryStatuses } from "./delivery-status";
import { routeDossierEvents } from "./router";
import { sendDueNotifications } from "./sender";
import { getNotificationSettings } from "./settings";
import { sweepStuckSending } from "./status";

/**
 * The notification worker: outbox router and sender in a lane of their own (a status change waits for nothing
 * else the worker does, and is looked for every 50 ms), receipts and the stuck-row sweeper in the loop.
 */
export function notificationJobs(): WorkerJob[] {
  return [
    ownLane(
      "notifications.dispatch",
      async (workerId, signal) =>
        (await routeDossierEvents(getDb())) + (await sendDueNotifications(getDb(), workerId, signal)),
      {
        idleMs: 50,
        due: () => isDossierWorkDue(getDb()),
      },
    ),
    { name: "notifications.receipts", runOnce: () => applyDeliveryStatuses(getDb()) },
    {
      name: "notifications.sweep",
      everyMs: 5_000,
      async runOnce() {
        const db = getDb();
        const s = await getNotificationSettings(db);
        await applyDeliveryStatuses(db);
        const r = await sweepStuckSending(db, s.sendingTimeoutMs, s.maxAttempts);
        return r.requeued + r.failed;
      },
    },
  ];
}
