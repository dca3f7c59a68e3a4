import type { Db } from "@/db/client";
import { log } from "@/lib/log";
import { safeErrorMessage } from "@/lib/privacy";
import { zaloClient } from "@/lib/zalo/client";
import { ZaloApiError } from "@/lib/zalo/errors";
import { handlerFor } from "./dispatch";
import { processInboxBatch } from "./handlers/inbox-batch";
import { claimEvents, failEvent, finishEvent, finishEvents } from "./queue";
import type { HandlerDeps, StoredEvent } from "./types";

/** Handles one claimed event and records the outcome; never throws, so one bad event cannot stop the batch. */
export async function processEvent(
  event: StoredEvent,
  deps: HandlerDeps,
): Promise<"done" | "ignored" | "pending" | "failed"> {
  try {
    const outcome = await handlerFor(event.eventName)(event, deps);
    await finishEvent(deps.db, event.id, outcome);
    return outcome;
  } catch (err) {
    const zaloError = err instanceof ZaloApiError ? err : null;
    // Stored on the event and logged: a database error keeps its code, never the statement's values.
    const message = safeErrorMessage(err);
    const state = await failEvent(deps.db, event, message, {
      permanent: zaloError?.kind === "permanent",
      retryAt: zaloError?.retryAt,
    });
    log.warn(
      {
        eventId: event.id,
        event: event.eventName,
        attempt: event.attempts,
        state,
        kind: zaloError?.kind,
        code: zaloError?.code,
        reason: message,
      },
      "zalo event processing failed",
    );
    return state;
  }
}

/**
 * The batch's citizen messages for the inbox, all at once (handlers/inbox-batch.ts). Should that fail, every
 * event goes its own way instead, so one that cannot be processed fails alone; what the batch did is idempotent.
 */
async function processInboxFastPath(db: Db, events: StoredEvent[]): Promise<Set<number>> {
  try {
    const ids = await processInboxBatch(db, events);
    await finishEvents(db, ids, "done");
    return new Set(ids);
  } catch (err) {
    log.warn({ events: events.length, reason: safeErrorMessage(err) }, "zalo event batch processed one by one");
    return new Set();
  }
}

/** Claims a batch of due events and processes them, each user's in arrival order; returns how many were claimed. */
export async function processDueEvents(
  db: Db,
  workerId: string,
  opts: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<number> {
  const events = await claimEvents(db, workerId, opts.batchSize ?? 50);
  if (events.length === 0) return 0;
  const done = await processInboxFastPath(db, events);
  const deps: HandlerDeps = { db, zalo: zaloClient(db) };
  for (const event of events) {
    // An aborted worker leaves the rest "processing"; the sweeper returns them to the queue.
    if (opts.signal?.aborted) break;
    if (!done.has(event.id)) await processEvent(event, deps);
  }
  return events.length;
}
