import { getDb } from "@/db/client";
import { zaloWebhookEvents } from "@/db/schema";
import { log } from "@/lib/log";
import { cachedZaloSettings } from "@/lib/zalo/settings";
import { verifyZaloEventSignature } from "@/lib/zalo/signature";
import { describeEvent, parseEventJson } from "./parse";

export type IngestResult =
  | { status: 200; stored: boolean; eventName: string }
  | { status: 400 | 401 | 503; error: string };

export interface WebhookDelivery {
  rawBody: string;
  signature: string | null;
  /** X-ZEvent-Timestamp; used only when the body has no `timestamp` (zalo-api.md §4.2). */
  headerTimestamp?: string | null;
}

/**
 * The webhook's hot path: parse, verify the signature against the OA secret, store once. One INSERT and
 * nothing else (settings come from a short-lived cache); the worker does the processing.
 */
export async function ingestZaloWebhook(delivery: WebhookDelivery): Promise<IngestResult> {
  let body: unknown;
  try {
    body = parseEventJson(delivery.rawBody);
  } catch {
    return { status: 400, error: "malformed JSON" };
  }
  const envelope = describeEvent(body);
  if (!envelope) return { status: 400, error: "not a Zalo event" };
  const db = getDb();
  const settings = await cachedZaloSettings(db);
  if (!settings) {
    log.warn({ event: envelope.eventName }, "zalo webhook received but the OA is not configured");
    return { status: 503, error: "Zalo OA not configured" };
  }
  const timestamp = envelope.timestamp ?? delivery.headerTimestamp ?? "";
  if (!verifyZaloEventSignature(delivery.signature, settings.appId, delivery.rawBody, timestamp, settings.oaSecretKey)) {
    log.warn({ event: envelope.eventName, hasSignature: !!delivery.signature }, "zalo webhook signature rejected");
    return { status: 401, error: "invalid signature" };
  }
  const inserted = await db
    .insert(zaloWebhookEvents)
    .values({
      dedupeKey: envelope.dedupeKey,
      eventName: envelope.eventName,
      senderId: envelope.senderId,
      recipientId: envelope.recipientId,
      zaloTimestamp: envelope.timestamp,
      payload: body,
    })
    .onConflictDoNothing({ target: zaloWebhookEvents.dedupeKey })
    .returning({ id: zaloWebhookEvents.id });
  return { status: 200, stored: inserted.length > 0, eventName: envelope.eventName };
}
