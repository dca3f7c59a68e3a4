import { and, eq, inArray, sql } from "drizzle-orm";
import { type DbOrTx, executedRows } from "@/db/client";
import {
  type AnnouncementRecipient,
  type RecipientStatus,
  type SkipReason,
  announcementRecipients as r,
} from "@/db/schema";

const mine = (id: number, workerId: string) => and(eq(r.id, id), eq(r.claimedBy, workerId), eq(r.status, "sending"));

/**
 * Claims due rows of running segment sends (FOR UPDATE SKIP LOCKED: copies of the worker never share a row).
 * An all-followers send's rows wait for its one broadcast.
 */
export async function claimRecipients(db: DbOrTx, workerId: string, limit: number): Promise<AnnouncementRecipient[]> {
  const rows = executedRows<Record<string, unknown>>(
    await db.execute(sql`
      update announcement_recipients set status = 'sending', claimed_by = ${workerId}, claimed_at = now(),
        attempts = attempts + 1, updated_at = now()
      where id in (
        select x.id from announcement_recipients x join announcements a on a.id = x.announcement_id
        where a.status = 'sending' and a.audience->>'kind' = 'segment'
          and x.status in ('queued', 'failed_temporary') and x.next_attempt_at <= now()
        order by x.announcement_id, x.id limit ${limit} for update of x skip locked)
      returning id`),
  );
  if (!rows.length) return [];
  return db
    .select()
    .from(r)
    .where(
      inArray(
        r.id,
        rows.map((x) => Number(x.id)),
      ),
    );
}

export async function markRecipientSent(db: DbOrTx, id: number, workerId: string, msgId: string): Promise<boolean> {
  const rows = await db
    .update(r)
    .set({
      status: "sent",
      zaloMsgId: msgId,
      sentAt: sql`now()`,
      claimedBy: null,
      lastError: null,
      lastErrorCode: null,
      updatedAt: sql`now()`,
    })
    .where(mine(id, workerId))
    .returning({ id: r.id });
  return rows.length > 0;
}

export async function markRecipientSkipped(
  db: DbOrTx,
  id: number,
  workerId: string,
  reason: SkipReason,
  code: number | null,
): Promise<void> {
  await db
    .update(r)
    .set({
      status: "skipped",
      skipReason: reason,
      channel: null,
      lastErrorCode: code,
      claimedBy: null,
      updatedAt: sql`now()`,
    })
    .where(mine(id, workerId));
}

export async function markRecipientFailed(
  db: DbOrTx,
  id: number,
  workerId: string,
  f: {
    status: Extract<RecipientStatus, "failed_temporary" | "failed_permanent">;
    code: number | null;
    reason: string;
    nextAttemptAt?: Date;
    uncounted?: boolean;
  },
): Promise<void> {
  await db
    .update(r)
    .set({
      status: f.status,
      lastErrorCode: f.code,
      lastError: f.reason,
      nextAttemptAt: f.nextAttemptAt ?? sql`now()`,
      attempts: f.uncounted ? sql`greatest(${r.attempts} - 1, 0)` : r.attempts,
      claimedBy: null,
      updatedAt: sql`now()`,
    })
    .where(mine(id, workerId));
}

/** Beyond the window with the ZBS setting: the same row goes again on the template channel. */
export async function switchRecipientToZbs(db: DbOrTx, id: number, workerId: string): Promise<void> {
  await db
    .update(r)
    .set({
      status: "failed_temporary",
      channel: "zbs",
      nextAttemptAt: sql`now()`,
      claimedBy: null,
      updatedAt: sql`now()`,
    })
    .where(mine(id, workerId));
}
