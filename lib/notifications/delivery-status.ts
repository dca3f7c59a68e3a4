import { asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notificationCursors, notifications, zaloDeliveryStatuses } from "@/db/schema";
import { markDelivered, markSeen } from "./status";
import { notificationIdFromTracking } from "./tracking";

const CURSOR = "delivery_receipts";

/**
 * Moves notifications forward from the delivery receipts the webhook stored (received → delivered,
 * seen → seen). One reader at a time: the cursor row is locked with SKIP LOCKED, so another worker
 * copy simply skips this job while one is at it.
 */
export async function applyDeliveryStatuses(db: DbOrTx, limit = 1000): Promise<number> {
  await db.insert(notificationCursors).values({ name: CURSOR }).onConflictDoNothing();
  return db.transaction(async (tx) => {
    const [cursor] = await tx
      .select()
      .from(notificationCursors)
      .where(eq(notificationCursors.name, CURSOR))
      .for("update", { skipLocked: true });
    if (!cursor) return 0;
    const receipts = await tx
      .select()
      .from(zaloDeliveryStatuses)
      .where(gt(zaloDeliveryStatuses.id, cursor.position))
      .orderBy(asc(zaloDeliveryStatuses.id))
      .limit(limit);
    if (!receipts.length) return 0;

    // CS messages carry no tracking id: match them by the message id Zalo gave when it accepted the send.
    const msgIds = receipts
      .filter((r) => notificationIdFromTracking(r.trackingId) === null && r.msgId)
      .map((r) => r.msgId as string);
    const byMsg = new Map(
      msgIds.length
        ? (
            await tx
              .select({ id: notifications.id, msgId: notifications.zaloMsgId })
              .from(notifications)
              .where(inArray(notifications.zaloMsgId, msgIds))
          ).map((r) => [r.msgId, r.id])
        : [],
    );
    for (const r of receipts) {
      const id = notificationIdFromTracking(r.trackingId) ?? (r.msgId ? byMsg.get(r.msgId) : undefined);
      if (id == null) continue;
      if (r.kind === "received") await markDelivered(tx, id, r.at, r.msgId);
      else if (r.kind === "seen") await markSeen(tx, id, r.at);
    }
    await tx
      .update(notificationCursors)
      .set({ position: receipts[receipts.length - 1].id, updatedAt: sql`now()` })
      .where(eq(notificationCursors.name, CURSOR));
    return receipts.length;
  });
}
