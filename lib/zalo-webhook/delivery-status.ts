import { inArray, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type DeliveryStatusKind, zaloDeliveryStatuses } from "@/db/schema";

export interface DeliveryStatus {
  /** The webhook event it came from (one event may acknowledge several messages). */
  eventId: number | null;
  msgId: string | null;
  trackingId: string | null;
  kind: DeliveryStatusKind;
  /** Phone (ZNS) or OA user id. */
  recipient: string | null;
  at: Date;
  payload: Record<string, unknown>;
}

/**
 * Stores a delivery / seen / feedback receipt keyed by the outgoing message's msg_id and tracking_id; the
 * notification outbox joins on these. Idempotent per (event, msg_id), so a retried event records nothing twice.
 */
export async function recordDeliveryStatus(db: DbOrTx, receipt: DeliveryStatus): Promise<void> {
  await db.insert(zaloDeliveryStatuses).values(receipt).onConflictDoNothing();
}
