import { and, asc, eq, inArray, lt, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { zaloWebhookEvents } from "@/db/schema";
import { retryDelayMs } from "@/lib/retry";
import type { StoredEvent } from "./types";

const t = zaloWebhookEvents;

/** After this many failed attempts an event stops retrying and waits for an administrator (it is never deleted). */
const MAX_ATTEMPTS = 8;
/** A worker that died mid-event leaves it "processing"; after this long the sweeper hands it back. */
export const STUCK_AFTER_MS = Number(process.env.ZALO_EVENTS_STUCK_MS) || 5 * 60_000;

/**
 * Claims up to `limit` due events for one worker: FOR UPDATE SKIP LOCKED, so concurrent workers never take the
 * same event, and one statement, so the claim is atomic even without a transaction.
 * "Due" is read on the database's clock, which stamps `next_attempt_at` in microseconds: against this process's
 * millisecond clock an event stored in the same millisecond would look a fraction of it early and wait a poll.
 */
export async function claimEvents(
  db: DbOrTx,
  workerId: string,
  limit: number,
  now: Date = new Date(),
): Promise<StoredEvent[]> {
  const due = db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.status, "pending"), lte(t.nextAttemptAt, sql`now()`)))
    .orderBy(asc(t.nextAttemptAt), asc(t.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(t)
    .set({ status: "processing", attempts: sql`${t.attempts} + 1`, lockedAt: now, lockedBy: workerId })
    .where(inArray(t.id, due))
    .returning();
  return rows
    .sort((a, b) => a.id - b.id)
    .map((r) => ({
      id: r.id,
      eventName: r.eventName,
      senderId: r.senderId,
      recipientId: r.recipientId,
      zaloTimestamp: r.zaloTimestamp,
      payload: r.payload as Record<string, unknown>,
      receivedAt: r.receivedAt,
      attempts: r.attempts,
    }));
}

export async function finishEvent(
  db: DbOrTx,
  id: number,
  status: "done" | "ignored",
  now: Date = new Date(),
): Promise<void> {
  await finishEvents(db, [id], status, now);
}

export async function finishEvents(
  db: DbOrTx,
  ids: number[],
  status: "done" | "ignored",
  now: Date = new Date(),
): Promise<void> {
  if (!ids.length) return;
  await db
    .update(t)
    .set({ status, processedAt: now, lockedAt: null, lockedBy: null, lastError: null })
    .where(inArray(t.id, ids));
}

/** Backoff from 30 s, capped at one hour. */
const EVENT_RETRY = { maxAttempts: MAX_ATTEMPTS, retryBaseMs: 30_000, retryCapMs: 3_600_000 };

/**
 * A failed attempt: back to "pending" for a later retry (at `retryAt` when Zalo said when, else backoff),
 * or "failed" when `permanent` or out of attempts. The event and its error stay visible either way.
 */
export async function failEvent(
  db: DbOrTx,
  event: Pick<StoredEvent, "id" | "attempts">,
  error: string,
  opts: { permanent?: boolean; retryAt?: Date; now?: Date } = {},
): Promise<"pending" | "failed"> {
  const now = opts.now ?? new Date();
  const giveUp = opts.permanent || event.attempts >= MAX_ATTEMPTS;
  const backoff = new Date(now.getTime() + retryDelayMs(event.attempts, EVENT_RETRY));
  const nextAttemptAt = opts.retryAt && opts.retryAt > backoff ? opts.retryAt : backoff;
  await db
    .update(t)
    .set({
      status: giveUp ? "failed" : "pending",
      nextAttemptAt,
      lastError: error.slice(0, 1000),
      lockedAt: null,
      lockedBy: null,
    })
    .where(eq(t.id, event.id));
  return giveUp ? "failed" : "pending";
}

/** Returns events left "processing" by a crashed worker to the queue. */
export async function sweepStuckEvents(db: DbOrTx, now: Date = new Date()): Promise<number> {
  const rows = await db
    .update(t)
    .set({
      status: "pending",
      nextAttemptAt: now,
      lockedAt: null,
      lockedBy: null,
      lastError: "Tiến trình xử lý bị gián đoạn, đưa lại vào hàng đợi.",
    })
    .where(and(eq(t.status, "processing"), lt(t.lockedAt, new Date(now.getTime() - STUCK_AFTER_MS))))
    .returning({ id: t.id });
  return rows.length;
}
