import { and, eq, inArray, lt, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type ConversationMessage, conversationMessages } from "@/db/schema";
import { log } from "@/lib/log";
import { retryDelayMs } from "@/lib/retry";
import { failureReason } from "@/lib/notifications/sender";
import { getNotificationSettings } from "@/lib/notifications/settings";
import { noAcceptanceEvidence } from "@/lib/notifications/acceptance";
import { STUCK_REQUEUED, allowedFrom } from "@/lib/notifications/status";
import { type NotificationTransport, zaloTransport } from "@/lib/notifications/transport";
import { ZaloApiError, nextMorningVn } from "@/lib/zalo/errors";

const m = conversationMessages;
const TUNING = { maxAttempts: 8, retryBaseMs: 30_000, retryCapMs: 3_600_000 };
const BATCH = 50;
/** A reply left "sending" this long by a dead worker goes back to the queue. */
const SENDING_TIMEOUT_MS = 120_000;

const inStates = (to: keyof typeof allowedFrom) => inArray(m.status, [...allowedFrom[to]]);

/** tracking_id of a reply sent as a ZBS template: constant over its attempts, so its receipt proves acceptance. */
const replyTrackingId = (id: number) => `c${id}`;
const trackingSql = sql`'c' || conversation_messages.id::text`;

/**
 * Claims due replies for one worker (FOR UPDATE SKIP LOCKED: copies never share one). A reply tried before is
 * only tried again when nothing says Zalo accepted that attempt (its answer may have been lost on the way back).
 */
export async function claimDueReplies(db: DbOrTx, workerId: string, limit = BATCH): Promise<ConversationMessage[]> {
  const unproven = noAcceptanceEvidence(trackingSql, sql`conversation_messages.claimed_at`, SENDING_TIMEOUT_MS);
  return db
    .update(m)
    .set({ status: "sending", claimedBy: workerId, claimedAt: sql`now()`, attempts: sql`${m.attempts} + 1` })
    .where(
      sql`${m.id} in (select id from conversation_messages where status in ('queued', 'failed_temporary')
        and next_attempt_at <= now()
        and zalo_msg_id is null and (claimed_at is null or ${unproven})
        order by next_attempt_at, id limit ${limit} for update skip locked)`,
    )
    .returning();
}

/**
 * Records Zalo's message id. If the oa_send_* echo of this very reply was processed first, it holds the
 * id as an "OA manager" message: that row is removed in the same transaction, so the reply shows once.
 */
async function markReplySent(db: DbOrTx, id: number, msgId: string, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(m).where(and(eq(m.zaloMsgId, msgId), eq(m.source, "oa_manager"), ne(m.id, id)));
    await tx
      .update(m)
      .set({
        zaloMsgId: msgId,
        sentAt: at,
        claimedBy: null,
        lastError: null,
        lastErrorCode: null,
        status: sql`case when ${m.status} in ('queued', 'sending', 'failed_temporary') then 'sent'
          else ${m.status} end`,
      })
      .where(eq(m.id, id));
  });
}

async function markFailure(db: DbOrTx, row: ConversationMessage, raw: unknown, now: Date): Promise<void> {
  const err =
    raw instanceof ZaloApiError
      ? raw
      : new ZaloApiError({
          kind: "retryable",
          code: null,
          httpStatus: null,
          message: raw instanceof Error ? raw.message : String(raw),
        });
  const reason = failureReason(err);
  log.warn({ reply: row.id, kind: err.kind, code: err.code, attempt: row.attempts }, "conversation reply failed");
  // Waiting for a token (an admin reconnecting the OA) is not the reply's fault: it spends no attempt.
  const tokenWait = err.kind === "token";
  const permanent = err.kind === "permanent" || (!tokenWait && row.attempts >= TUNING.maxAttempts);
  const waitMs =
    err.kind === "night_ban" || tokenWait
      ? (err.retryAt ?? (tokenWait ? new Date(now.getTime() + 60_000) : nextMorningVn(now))).getTime() - now.getTime()
      : retryDelayMs(row.attempts, TUNING);
  await db
    .update(m)
    .set(
      permanent
        ? { status: "failed_permanent", failedAt: now, lastErrorCode: err.code, lastError: reason, claimedBy: null }
        : {
            status: "failed_temporary",
            nextAttemptAt: new Date(now.getTime() + Math.max(waitMs, 0)),
            lastErrorCode: err.code,
            lastError: reason,
            claimedBy: null,
            ...(tokenWait ? { attempts: sql`greatest(${m.attempts} - 1, 0)` } : {}),
          },
    )
    .where(and(eq(m.id, row.id), inStates(permanent ? "failed_permanent" : "failed_temporary")));
}

async function sendOne(
  transport: NotificationTransport,
  row: ConversationMessage,
  mode: "development" | undefined,
): Promise<string> {
  if (row.channel === "zbs") {
    const r = await transport.sendTemplateByPhone({
      phone: row.recipient ?? "",
      templateId: row.templateId ?? "",
      templateData: row.templateParams ?? {},
      trackingId: replyTrackingId(row.id),
      mode,
    });
    return r.msgId;
  }
  return (await transport.sendConsultationText(row.recipient ?? "", row.text ?? "")).messageId;
}

/**
 * One batch of the reply sender: each claimed reply is sent once and its outcome recorded; no transaction spans a Zalo
 * call.
 */
export async function sendDueReplies(
  db: DbOrTx,
  workerId: string,
  opts: { transport?: NotificationTransport; now?: () => Date } = {},
): Promise<number> {
  const rows = await claimDueReplies(db, workerId);
  if (!rows.length) return 0;
  const transport = opts.transport ?? zaloTransport(db);
  const now = opts.now ?? (() => new Date());
  const mode = (await getNotificationSettings(db)).zbsDevelopmentMode ? ("development" as const) : undefined;
  await Promise.all(
    rows.map(async (row) => {
      try {
        await markReplySent(db, row.id, await sendOne(transport, row, mode), now());
      } catch (err) {
        await markFailure(db, row, err, now());
      }
    }),
  );
  return rows.length;
}

/**
 * Replies a crashed worker left "sending" without a Zalo id go back to the queue, unless Zalo may have accepted
 * them: a receipt for the tracking id, or webhook events of the window still unprocessed (the OA echo of a
 * consultation text records the reply as sent when it is processed, see adoptEchoedReply).
 */
export async function sweepStuckReplies(db: DbOrTx, timeoutMs = SENDING_TIMEOUT_MS): Promise<number> {
  const rows = await db
    .update(m)
    .set({ status: "queued", claimedBy: null, nextAttemptAt: sql`now()`, lastError: STUCK_REQUEUED })
    .where(
      and(
        eq(m.status, "sending"),
        sql`${m.zaloMsgId} is null`,
        lt(m.claimedAt, new Date(Date.now() - timeoutMs)),
        noAcceptanceEvidence(sql`'c' || ${m.id}::text`, m.claimedAt, SENDING_TIMEOUT_MS),
      ),
    )
    .returning({ id: m.id });
  return rows.length;
}
