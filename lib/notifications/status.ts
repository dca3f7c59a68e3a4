import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { type DbOrTx, executedRows, pgArrayLiteral } from "@/db/client";
import {
  type Notification,
  type NotificationRoute,
  type NotificationStatus,
  notifications,
  zaloDeliveryStatuses,
} from "@/db/schema";
import { noAcceptanceEvidence } from "./acceptance";

type Target = Exclude<NotificationStatus, "skipped">;

/**
 * Statuses only move forward. Each UPDATE names the states it may start from in its WHERE, so a late or
 * duplicate write (a receipt before the send was recorded, a sweeper racing a slow send) cannot move a
 * notification back. The two returns to "queued" are deliberate: the sweeper / a shutting-down worker
 * giving back rows it never finished, and a permitted user re-sending a permanent failure.
 */
export const allowedFrom: Record<Target, readonly NotificationStatus[]> = {
  queued: ["sending", "failed_permanent"],
  sending: ["queued", "failed_temporary"],
  sent: ["queued", "sending", "failed_temporary"],
  delivered: ["queued", "sending", "sent", "failed_temporary"],
  seen: ["queued", "sending", "sent", "delivered", "failed_temporary"],
  failed_temporary: ["sending"],
  failed_permanent: ["sending"],
};

export function canMove(from: NotificationStatus, to: Target): boolean {
  return allowedFrom[to].includes(from);
}

const from = (to: Target) => inArray(notifications.status, [...allowedFrom[to]]);
const mine = (workerId: string) => eq(notifications.claimedBy, workerId);

/**
 * Claims due rows for one worker: one short statement, FOR UPDATE SKIP LOCKED so copies never share a row.
 * A row whose last send lost its answer is not claimed once its delivery receipt is in: Zalo had accepted it.
 */
export async function claimDue(
  db: DbOrTx,
  workerId: string,
  limit: number,
  opts: { skipZbs?: boolean; pausedTemplates?: string[] } = {},
): Promise<Notification[]> {
  const channelFilter = opts.skipZbs ? sql`and channel <> 'zbs'` : sql``;
  const templateFilter = opts.pausedTemplates?.length
    ? sql`and not (channel = 'zbs' and template_id = any(${pgArrayLiteral(opts.pausedTemplates)}::text[]))`
    : sql``;
  const receiptFilter = sql`and (outcome_unknown_at is null
    or not exists (select 1 from ${zaloDeliveryStatuses} r where r.tracking_id = 'n' || notifications.id::text))`;
  return db
    .update(notifications)
    .set({
      status: "sending",
      claimedBy: workerId,
      claimedAt: sql`now()`,
      attempts: sql`${notifications.attempts} + 1`,
      lastAttemptAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        sql`${notifications.id} in (select id from notifications
          where status in ('queued', 'failed_temporary') and next_attempt_at <= now()
            ${channelFilter} ${templateFilter} ${receiptFilter}
          order by next_attempt_at, id limit ${limit} for update skip locked)`,
        from("sending"),
      ),
    )
    .returning();
}

export interface SentRecord {
  id: number;
  msgId: string;
  at: Date;
}

export async function markSent(db: DbOrTx, id: number, result: { msgId: string; at: Date }): Promise<boolean> {
  return (await markSentMany(db, [{ id, ...result }])).has(id);
}

const statusList = (to: Target) =>
  sql.join(
    allowedFrom[to].map((s) => sql`${s}`),
    sql`, `,
  );

/**
 * Records sends Zalo accepted, all in one statement; returns the ids that moved to "sent". A row a receipt
 * already moved further keeps its status and still gets what Zalo answered.
 */
export async function markSentMany(db: DbOrTx, sent: SentRecord[]): Promise<Set<number>> {
  if (!sent.length) return new Set();
  const ids = pgArrayLiteral(sent.map((s) => s.id));
  const msgIds = pgArrayLiteral(sent.map((s) => s.msgId));
  const ats = pgArrayLiteral(sent.map((s) => s.at.toISOString()));
  const result = await db.execute(sql`
    with v as (select * from unnest(${ids}::bigint[], ${msgIds}::text[], ${ats}::timestamptz[]) as v(id, msg_id, at)),
    moved as (
      update notifications n set status = 'sent', zalo_msg_id = v.msg_id, sent_at = v.at, claimed_by = null,
        last_error_code = null, last_error = null, outcome_unknown_at = null, updated_at = now()
      from v where n.id = v.id and n.status in (${statusList("sent")})
      returning n.id),
    kept as (
      update notifications n set zalo_msg_id = v.msg_id, sent_at = v.at, claimed_by = null
      from v where n.id = v.id and n.zalo_msg_id is null and n.id not in (select id from moved)
      returning n.id)
    select id from moved`);
  return new Set(executedRows<{ id: string | number }>(result).map((r) => Number(r.id)));
}

export interface FailureRecord {
  code: number | null;
  reason: string;
}

/**
 * Ends this worker's claim on a row with a failure: the status, the error, and whatever else the outcome sets.
 * False when the row is no longer this worker's or has already moved on.
 */
async function endClaimWithFailure(
  db: DbOrTx,
  id: number,
  workerId: string,
  to: "failed_temporary" | "failed_permanent",
  f: FailureRecord,
  set: PgUpdateSetSource<typeof notifications>,
): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ ...set, status: to, lastErrorCode: f.code, lastError: f.reason, claimedBy: null, updatedAt: sql`now()` })
    .where(and(eq(notifications.id, id), mine(workerId), from(to)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/**
 * A failure that will be tried again at `nextAttemptAt`; `uncounted` for waits that are not the message's fault
 * (night, quota).
 */
export function markRetry(
  db: DbOrTx,
  id: number,
  workerId: string,
  f: FailureRecord & { nextAttemptAt: Date; uncounted?: boolean },
): Promise<boolean> {
  return endClaimWithFailure(db, id, workerId, "failed_temporary", f, {
    nextAttemptAt: f.nextAttemptAt,
    attempts: f.uncounted ? sql`greatest(${notifications.attempts} - 1, 0)` : notifications.attempts,
  });
}

export function markPermanent(db: DbOrTx, id: number, workerId: string, f: FailureRecord): Promise<boolean> {
  return endClaimWithFailure(db, id, workerId, "failed_permanent", f, { failedAt: sql`now()` });
}

/** The route failed for good but the template names another channel: try that one now, same tracking id. */
export function switchToFallback(
  db: DbOrTx,
  id: number,
  workerId: string,
  next: NotificationRoute,
  rest: NotificationRoute[],
  f: FailureRecord,
): Promise<boolean> {
  return endClaimWithFailure(db, id, workerId, "failed_temporary", f, {
    channel: next.channel,
    recipient: next.recipient,
    templateId: next.templateId,
    params: next.params,
    fallbacks: rest,
    nextAttemptAt: sql`now()`,
  });
}

/**
 * The send timed out or its answer was lost: Zalo may have accepted it. The row waits `waitMs` for its delivery
 * receipt (which moves it to "delivered"); only without one is it sent again, with the same tracking id.
 */
export function markOutcomeUnknown(
  db: DbOrTx,
  id: number,
  workerId: string,
  f: FailureRecord & { waitMs: number; now: Date },
): Promise<boolean> {
  return endClaimWithFailure(db, id, workerId, "failed_temporary", f, {
    outcomeUnknownAt: sql`coalesce(${notifications.outcomeUnknownAt}, ${f.now.toISOString()}::timestamptz)`,
    nextAttemptAt: new Date(f.now.getTime() + f.waitMs),
  });
}

/** Gives back rows a worker claimed but did not start (shutdown, quota stop); the claim's attempt is undone. */
export async function releaseClaims(
  db: DbOrTx,
  ids: number[],
  workerId: string,
  nextAttemptAt?: Date,
): Promise<number> {
  if (!ids.length) return 0;
  const rows = await db
    .update(notifications)
    .set({
      status: "queued",
      claimedBy: null,
      claimedAt: null,
      attempts: sql`greatest(${notifications.attempts} - 1, 0)`,
      nextAttemptAt: nextAttemptAt ?? sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(inArray(notifications.id, ids), mine(workerId), eq(notifications.status, "sending")))
    .returning({ id: notifications.id });
  return rows.length;
}

/**
 * Rows left in "sending" by a worker that died: back to the queue, or a permanent failure once out of
 * attempts. The worker may have died after Zalo accepted the message, so a row whose delivery receipt has
 * arrived is left for the receipts job instead of being sent twice; the timeout should exceed the usual
 * receipt delay.
 */
export async function sweepStuckSending(
  db: DbOrTx,
  timeoutMs: number,
  maxAttempts: number,
): Promise<{ requeued: number; failed: number }> {
  const cutoff = sql`now() - ${`${Math.max(0, Math.floor(timeoutMs))} milliseconds`}::interval`;
  const stuck = and(
    eq(notifications.status, "sending"),
    lt(notifications.claimedAt, cutoff),
    noAcceptanceEvidence(sql`'n' || ${notifications.id}::text`, notifications.claimedAt, timeoutMs),
  );
  const failed = await db
    .update(notifications)
    .set({
      status: "failed_permanent",
      lastErrorCode: null,
      lastError: STUCK_REASON,
      failedAt: sql`now()`,
      claimedBy: null,
      updatedAt: sql`now()`,
    })
    .where(and(stuck, sql`${notifications.attempts} >= ${maxAttempts}`))
    .returning({ id: notifications.id });
  const requeued = await db
    .update(notifications)
    .set({
      status: "queued",
      claimedBy: null,
      claimedAt: null,
      nextAttemptAt: sql`now()`,
      lastError: STUCK_REQUEUED,
      updatedAt: sql`now()`,
    })
    .where(stuck)
    .returning({ id: notifications.id });
  return { requeued: requeued.length, failed: failed.length };
}

const STUCK_REASON = "Tiến trình gửi dừng giữa chừng nhiều lần; đã hết số lần thử";
export const STUCK_REQUEUED = "Tiến trình gửi dừng giữa chừng; tin được đưa lại hàng đợi";

/** A delivery receipt: also the proof that a send whose answer was lost had been accepted (its msg id is kept). */
export async function markDelivered(db: DbOrTx, id: number, at: Date, msgId?: string | null): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({
      status: "delivered",
      deliveredAt: at,
      claimedBy: null,
      outcomeUnknownAt: null,
      zaloMsgId: msgId ? sql`coalesce(${notifications.zaloMsgId}, ${msgId})` : notifications.zaloMsgId,
      updatedAt: sql`now()`,
    })
    .where(and(eq(notifications.id, id), from("delivered")))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markSeen(db: DbOrTx, id: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({
      status: "seen",
      seenAt: at,
      outcomeUnknownAt: null,
      deliveredAt: sql`coalesce(${notifications.deliveredAt}, ${at.toISOString()}::timestamptz)`,
      claimedBy: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(notifications.id, id), from("seen")))
    .returning({ id: notifications.id });
  return rows.length > 0;
}
