import type { DbOrTx } from "@/db/client";
import { zaloWebhookEvents } from "@/db/schema";

/**
 * Benchmark baseline only (bench/webhook): the webhook's INSERT without signature verification, big-id-safe
 * parsing or settings, so the benchmark can measure what verification and deduplication cost on top.
 */
export async function rawInsertEvent(db: DbOrTx, rawBody: string): Promise<boolean> {
  const body = JSON.parse(rawBody) as {
    event_name: string;
    timestamp?: string;
    sender?: { id?: string };
    recipient?: { id?: string };
    message?: { msg_id?: string };
  };
  const inserted = await db
    .insert(zaloWebhookEvents)
    .values({
      dedupeKey: `${body.event_name}:msg:${body.message?.msg_id}`,
      eventName: body.event_name,
      senderId: body.sender?.id ?? null,
      recipientId: body.recipient?.id ?? null,
      zaloTimestamp: body.timestamp ?? null,
      payload: body,
    })
    .onConflictDoNothing({ target: zaloWebhookEvents.dedupeKey })
    .returning({ id: zaloWebhookEvents.id });
  return inserted.length > 0;
}
