import { sql } from "drizzle-orm";
import { type Db, executedRows, getDb } from "@/db/client";
import { groupCommit } from "@/db/group-commit";
import { perDb } from "@/lib/cache/per-db";
import { zaloWebhookEvents } from "@/db/schema";
import { log } from "@/lib/log";
import { cachedZaloSettings } from "@/lib/zalo/settings";
import { verifyZaloEventSignature } from "@/lib/zalo/signature";
import { describeEvent, parseEventJson } from "./parse";
import { recordWebhookRefusal, recordWebhookVerified } from "./webhook-health";

export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

export type IngestResult =
  { status: 200; stored: boolean; eventName: string } | { status: 400 | 401 | 503; error: string };

export interface WebhookDelivery {
  rawBody: string;
  signature: string | null;
  /** X-ZEvent-Timestamp; used only when the body has no `timestamp` (zalo-api.md §4.2). */
  headerTimestamp?: string | null;
}

/**
 * How far an event's signed timestamp may be from now (`WEBHOOK_MAX_AGE_SECONDS`, default 15 minutes): a
 * captured, validly signed delivery replayed later (once its dedupe key is gone, or with a new one) is refused.
 */
function isFresh(timestamp: string, now = Date.now()): boolean {
  const configured = Number(process.env.WEBHOOK_MAX_AGE_SECONDS);
  const maxAgeMs = (Number.isFinite(configured) && configured > 0 ? configured : 15 * 60) * 1000;
  const at = Number(timestamp);
  return Number.isFinite(at) && Math.abs(now - at) <= maxAgeMs;
}

/**
 * The webhook's hot path: parse, verify the signature against the OA secret, store once. One INSERT (shared
 * with the deliveries arriving at the same moment) and nothing else (settings come from a short-lived
 * cache); the worker does the processing. Answered only once the row is committed.
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
    await recordWebhookRefusal(db, "unconfigured");
    return { status: 503, error: "Zalo OA not configured" };
  }
  const timestamp = envelope.timestamp ?? delivery.headerTimestamp ?? "";
  if (
    !verifyZaloEventSignature(delivery.signature, settings.appId, delivery.rawBody, timestamp, settings.oaSecretKey)
  ) {
    log.warn({ event: envelope.eventName, hasSignature: !!delivery.signature }, "zalo webhook signature rejected");
    await recordWebhookRefusal(db, "signature");
    return { status: 401, error: "invalid signature" };
  }
  if (!isFresh(timestamp)) {
    log.warn({ event: envelope.eventName, timestamp }, "zalo webhook event outside the freshness window refused");
    return { status: 400, error: "stale event" };
  }
  const stored = await storeEvent(db, {
    dedupeKey: envelope.dedupeKey,
    eventName: envelope.eventName,
    senderId: envelope.senderId,
    recipientId: envelope.recipientId,
    zaloTimestamp: envelope.timestamp,
    payload: body,
  });
  await recordWebhookVerified(db);
  return { status: 200, stored, eventName: envelope.eventName };
}

type NewEvent = typeof zaloWebhookEvents.$inferInsert & { dedupeKey: string };

/**
 * Events arriving together are stored by one INSERT (group commit); each learns whether it was new. The batch
 * travels as one JSON parameter: building a statement with six parameters per event cost more CPU than the rest
 * of the webhook.
 */
async function insertEvents(db: Db, events: NewEvent[]): Promise<boolean[]> {
  const firsts = new Map<string, number>();
  events.forEach((e, i) => firsts.has(e.dedupeKey) || firsts.set(e.dedupeKey, i));
  const rows = [...firsts.values()].map((i) => {
    const e = events[i];
    return {
      dedupe_key: e.dedupeKey,
      event_name: e.eventName,
      sender_id: e.senderId,
      recipient_id: e.recipientId,
      zalo_timestamp: e.zaloTimestamp,
      payload: e.payload,
    };
  });
  const result = await db.execute(sql`
    insert into ${zaloWebhookEvents} (dedupe_key, event_name, sender_id, recipient_id, zalo_timestamp, payload)
    select dedupe_key, event_name, sender_id, recipient_id, zalo_timestamp, payload
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(dedupe_key text, event_name text, sender_id text, recipient_id text, zalo_timestamp text, payload jsonb)
    on conflict (dedupe_key) do nothing
    returning dedupe_key`);
  const stored = new Set(executedRows<{ dedupe_key: string }>(result).map((r) => r.dedupe_key));
  return events.map((e, i) => firsts.get(e.dedupeKey) === i && stored.has(e.dedupeKey));
}

const writerOf = perDb((db) => groupCommit((events: NewEvent[]) => insertEvents(db, events)));

function storeEvent(db: Db, event: NewEvent): Promise<boolean> {
  return writerOf(db)(event);
}
