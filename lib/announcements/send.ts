import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  type Announcement,
  type AnnouncementRecipient,
  type AnnouncementSettings,
  announcementRecipients,
  announcements,
} from "@/db/schema";
import { log } from "@/lib/log";
import { retryDelayMs } from "@/lib/retry";
import { ZaloApiError, asZaloError, zaloErrorReasonVi } from "@/lib/zalo/errors";
import { abortableSleep } from "@/lib/worker/sleep";
import { takeLeftoverTokens } from "@/lib/notifications/leftover-tokens";
import { consultationText, recipientLink, recipientMarker } from "./content";
import {
  claimRecipients,
  markRecipientFailed,
  markRecipientSent,
  markRecipientSkipped,
  switchRecipientToZbs,
} from "./recipients";
import { getAnnouncementSettings } from "./settings";
import { inQuietHours, nextSendableAt } from "./time";
import type { AnnouncementTransport } from "./transport";
import { vi } from "@/lib/i18n/messages/vi";

export interface SendOptions {
  transport: AnnouncementTransport;
  now?: () => Date;
  /** One call stops asking for tokens after this long (the settings and the running sends are read again). */
  budgetMs?: number;
  concurrency?: number;
}

const WINDOW_CODES = new Set([-230, -232]);
const NOT_FOLLOWING = -213;
const MAX_ATTEMPTS = 8;
const MIN_TOKEN_WAIT_MS = 25;

async function sendOne(
  db: DbOrTx,
  workerId: string,
  row: AnnouncementRecipient,
  a: Announcement,
  s: AnnouncementSettings,
  o: Required<Pick<SendOptions, "transport" | "now">>,
) {
  try {
    if (row.channel === "zbs") {
      if (!s.zbsTemplateId) {
        await markRecipientFailed(db, row.id, workerId, {
          status: "failed_permanent",
          code: null,
          reason: vi.announcements.errors.zbsNotConfigured,
        });
        return;
      }
      const r = await o.transport.sendTemplateByUserId({
        userId: row.oaUserId,
        templateId: s.zbsTemplateId,
        templateData: {
          title: a.title.slice(0, 100),
          summary: (a.summary || a.title).slice(0, 400),
          url: recipientLink(a, row.id),
        },
      });
      await markRecipientSent(db, row.id, workerId, r.msgId);
    } else {
      const r = await o.transport.sendConsultationText(row.oaUserId, consultationText(a, row.id));
      await markRecipientSent(db, row.id, workerId, r.messageId);
    }
  } catch (raw) {
    const err = asZaloError(raw);
    const beyond = a.beyondWindow ?? s.beyondWindow;
    if (err.code !== null && WINDOW_CODES.has(err.code)) {
      if (row.channel === "cs" && beyond === "zbs") await switchRecipientToZbs(db, row.id, workerId);
      else await markRecipientSkipped(db, row.id, workerId, "window", err.code);
      return;
    }
    if (err.code === NOT_FOLLOWING) return markRecipientSkipped(db, row.id, workerId, "not_following", err.code);
    const reason = err.code !== null || err.kind === "retryable" ? zaloErrorReasonVi(err.code) : err.message;
    log.warn({ recipient: row.id, kind: err.kind, code: err.code }, "announcement send failed");
    if (err.kind === "night_ban") {
      await markRecipientFailed(db, row.id, workerId, {
        status: "failed_temporary",
        code: err.code,
        reason,
        nextAttemptAt: nextSendableAt(o.now(), s),
        uncounted: true,
      });
    } else if (err.kind === "token") {
      // Waiting for an admin to reconnect the OA spends no attempt.
      const nextAttemptAt = err.retryAt ?? new Date(o.now().getTime() + 60_000);
      await markRecipientFailed(db, row.id, workerId, {
        status: "failed_temporary",
        code: err.code,
        reason,
        nextAttemptAt,
        uncounted: true,
      });
    } else if (err.kind === "permanent" || row.attempts >= MAX_ATTEMPTS) {
      await markRecipientFailed(db, row.id, workerId, { status: "failed_permanent", code: err.code, reason });
    } else {
      const delay = retryDelayMs(row.attempts, {
        maxAttempts: MAX_ATTEMPTS,
        retryBaseMs: 30_000,
        retryCapMs: 1_800_000,
      });
      await markRecipientFailed(db, row.id, workerId, {
        status: "failed_temporary",
        code: err.code,
        reason,
        nextAttemptAt: new Date(o.now().getTime() + delay),
      });
    }
  }
}

/**
 * One stretch of the one-by-one sender: takes tokens from what dossier notifications leave of the shared rate
 * limit (capacity.ts), claims that many due recipients and sends them, until the budget is spent or nothing
 * is left to claim. Nothing is sent in the night window.
 */
export async function sendAnnouncementBatch(
  db: DbOrTx,
  workerId: string,
  signal: AbortSignal,
  opts: SendOptions,
): Promise<number> {
  const now = opts.now ?? (() => new Date());
  const s = await getAnnouncementSettings(db);
  if (inQuietHours(now(), s)) return 0;
  const [running] = await db
    .select({ id: announcements.id })
    .from(announcements)
    .where(and(eq(announcements.status, "sending"), sql`${announcements.audience}->>'kind' = 'segment'`))
    .limit(1);
  if (!running) return 0;
  const deadline = Date.now() + (opts.budgetMs ?? 100);
  const byId = new Map<number, Announcement>();
  const inFlight = new Set<Promise<void>>();
  let handled = 0;
  // At least one round, then more while the budget lasts. Tokens are asked for again while earlier messages are
  // still on their way, so the leftover is used as it comes rather than one round trip at a time.
  for (let first = true; first || (Date.now() < deadline && !signal.aborted); first = false) {
    const t = await takeLeftoverTokens(db, s.batchSize);
    if (!t.granted) {
      // A few tokens at a time (not each as it appears), but before the bucket is full and its refill lost.
      await abortableSleep(Math.min(Math.max(t.waitMs, MIN_TOKEN_WAIT_MS), Math.max(1, deadline - Date.now())), signal);
      continue;
    }
    const rows = await claimRecipients(db, workerId, t.granted);
    if (!rows.length) break;
    const missing = [...new Set(rows.map((r) => r.announcementId))].filter((id) => !byId.has(id));
    if (missing.length)
      for (const a of await db.select().from(announcements).where(inArray(announcements.id, missing)))
        byId.set(a.id, a);
    for (const row of rows) {
      const p: Promise<void> = sendOne(db, workerId, row, byId.get(row.announcementId)!, s, {
        transport: opts.transport,
        now,
      }).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= (opts.concurrency ?? 8)) await Promise.race(inFlight);
    }
    handled += rows.length;
  }
  await Promise.all(inFlight);
  return handled;
}

/** Running segment sends with nothing left to send are finished. */
export async function finishCompletedSends(db: DbOrTx): Promise<number> {
  const rows = await db
    .update(announcements)
    .set({ status: "sent", finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(
        eq(announcements.status, "sending"),
        sql`${announcements.audience}->>'kind' = 'segment'`,
        sql`not exists (select 1 from announcement_recipients r where r.announcement_id = ${announcements.id}
          and r.status in ('queued', 'sending', 'failed_temporary'))`,
      ),
    )
    .returning({ id: announcements.id });
  return rows.length;
}

/**
 * Rows a dead worker left in "sending". Zalo has no idempotency key for these messages, so before sending
 * again the OA's conversation with that follower is read: the row's own link (…?r=<id>) there means it went.
 */
export async function recoverStuckRecipients(
  db: DbOrTx,
  transport: AnnouncementTransport,
  timeoutMs: number,
  limit = 50,
): Promise<{ sent: number; requeued: number }> {
  const stuck = await db
    .select()
    .from(announcementRecipients)
    .where(
      and(
        eq(announcementRecipients.status, "sending"),
        lt(announcementRecipients.claimedAt, new Date(Date.now() - timeoutMs)),
      ),
    )
    .limit(limit);
  let sent = 0;
  let requeued = 0;
  for (const row of stuck) {
    let found: string | null = null;
    try {
      const messages = await transport.getConversation(row.oaUserId);
      found = messages.find((m) => m.fromOa && m.text.includes(recipientMarker(row.id)))?.messageId ?? null;
    } catch (err) {
      log.warn({ recipient: row.id, err: (err as Error).message }, "conversation check failed; will try again");
      continue;
    }
    const claimedBy = row.claimedBy ?? "";
    const same = and(
      eq(announcementRecipients.id, row.id),
      eq(announcementRecipients.status, "sending"),
      or(isNull(announcementRecipients.claimedBy), eq(announcementRecipients.claimedBy, claimedBy)),
    );
    if (found) {
      await db
        .update(announcementRecipients)
        .set({ status: "sent", zaloMsgId: found, sentAt: sql`now()`, claimedBy: null, updatedAt: sql`now()` })
        .where(same);
      sent++;
    } else {
      await db
        .update(announcementRecipients)
        .set({ status: "queued", claimedBy: null, claimedAt: null, nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
        .where(same);
      requeued++;
    }
  }
  return { sent, requeued };
}
