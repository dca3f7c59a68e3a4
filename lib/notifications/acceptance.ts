import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { zaloDeliveryStatuses, zaloWebhookEvents } from "@/db/schema";

/**
 * A send whose outcome is unknown (the worker died, or Zalo's answer was lost) may still have been accepted.
 * True only when nothing says so: no delivery receipt for its tracking id, and no webhook event received in
 * `windowMs` after the claim still waiting to be processed (it may be that receipt, or the OA echo that records
 * the message). Sending again is safe only then; the window should exceed the usual receipt delay.
 */
export function noAcceptanceEvidence(trackingId: SQL, claimedAt: SQLWrapper, windowMs: number): SQL {
  const window = `${Math.max(0, Math.floor(windowMs))} milliseconds`;
  return sql`(not exists (select 1 from ${zaloDeliveryStatuses} r where r.tracking_id = ${trackingId})
    and not exists (select 1 from ${zaloWebhookEvents} e where e.status in ('pending', 'processing')
      and e.received_at between ${claimedAt} and ${claimedAt} + ${window}::interval))`;
}
