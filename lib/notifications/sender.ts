import type { DbOrTx } from "@/db/client";
import type { Notification, NotificationSettings } from "@/db/schema";
import { log } from "@/lib/log";
import { ZaloApiError, asZaloError, nextMorningVn, quotaScopeOf, zaloErrorReasonVi } from "@/lib/zalo/errors";
import { retryDelayMs } from "@/lib/retry";
import {
  clearBalanceExhausted,
  markBalanceExhausted,
  markQuotaExhausted,
  nextVnMidnight,
  pauseTemplate,
  pausedTemplateIds,
  recordQuota,
  zbsStopped,
} from "./quota";
import { bucketShape, takeSendTokens } from "./rate-limit";
import { getNotificationSettings } from "./settings";
import { groupCommit } from "@/db/group-commit";
import {
  type SentRecord,
  claimDue,
  markOutcomeUnknown,
  markPermanent,
  markRetry,
  markSentMany,
  releaseClaims,
  switchToFallback,
} from "./status";
import { trackingIdOf } from "./tracking";
import { type NotificationTransport, zaloTransport } from "./transport";
import { abortableSleep } from "@/lib/worker/sleep";

export interface SenderOptions {
  transport?: NotificationTransport;
  now?: () => Date;
  random?: () => number;
}

const sleep = abortableSleep;

/** Local share of the app-wide token bucket: asks the database for a few tokens at a time. */
function tokenGate(db: DbOrTx, settings: NotificationSettings) {
  let available = 0;
  const chunk = bucketShape(settings.ratePerMinute).capacity;
  return async function take(stillNeeded: number, signal: AbortSignal): Promise<boolean> {
    while (available === 0) {
      if (signal.aborted) return false;
      const { granted, waitMs } = await takeSendTokens(db, Math.max(1, Math.min(stillNeeded, chunk)));
      available += granted;
      if (!granted) await sleep(waitMs, signal);
    }
    available--;
    return true;
  };
}

/**
 * One batch of the sending worker: claim due rows (one short statement), send each to Zalo with bounded
 * concurrency under the shared rate limit, record each outcome in its own statement — no transaction is
 * open while Zalo is called. On abort, rows not yet started go back to the queue; started ones finish.
 */
export async function sendDueNotifications(
  db: DbOrTx,
  workerId: string,
  signal: AbortSignal,
  opts: SenderOptions = {},
): Promise<number> {
  const now = opts.now ?? (() => new Date());
  const settings = await getNotificationSettings(db);
  const rows = await claimDue(db, workerId, settings.batchSize, {
    skipZbs: zbsStopped(settings, now()),
    pausedTemplates: pausedTemplateIds(settings, now()),
  });
  if (!rows.length) return 0;
  const transport = opts.transport ?? zaloTransport(db);
  const mode = settings.zbsDevelopmentMode ? ("development" as const) : undefined;
  const take = settings.rateLimitEnabled ? tokenGate(db, settings) : null;
  // Zalo counts calls as they arrive: a send token granted now but spent after a token refresh would bunch.
  if (take) await transport.prepare?.();
  // What a failure in this batch stopped: all ZBS (daily quota, balance), one template, or every send (no token).
  const stop = { zbsUntil: null as Date | null, tokenUntil: null as Date | null, templates: new Map<string, Date>() };
  const heldUntil = (row: Notification): Date | null => {
    if (stop.tokenUntil || row.channel !== "zbs") return stop.tokenUntil;
    return stop.zbsUntil ?? stop.templates.get(row.templateId ?? "") ?? null;
  };
  const release: number[] = [];
  const held = new Map<number, number[]>();
  let zbsSent = false;
  const inFlight = new Set<Promise<void>>();

  // The settings row is shared by every worker: write the reported quota once per batch, or at once when spent.
  let lastQuota: Quota | null = null;
  const onQuota = async (q: Quota) => {
    if (lastQuota && lastQuota.remainingQuota <= q.remainingQuota) return;
    lastQuota = q;
    if (q.remainingQuota <= 0) await recordQuota(db, q, now());
  };

  const markSent = groupCommit<SentRecord, boolean>(async (sent) => {
    const moved = await markSentMany(db, sent);
    return sent.map((s) => moved.has(s.id));
  });
  const record = async (row: Notification) => {
    try {
      await sendOne(transport, markSent, row, now, onQuota, mode);
      if (row.channel === "zbs") zbsSent = true;
    } catch (err) {
      const stopped = await recordFailure(db, workerId, row, err, settings, now(), opts.random);
      if (stopped?.scope === "token") stop.tokenUntil = stopped.until;
      else if (stopped?.scope === "zbs") stop.zbsUntil = stopped.until;
      else if (stopped?.scope === "template") stop.templates.set(row.templateId ?? "", stopped.until);
    }
  };

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (signal.aborted) {
      release.push(...rows.slice(i).map((r) => r.id));
      break;
    }
    const until = heldUntil(row);
    if (until) {
      held.set(until.getTime(), [...(held.get(until.getTime()) ?? []), row.id]);
      continue;
    }
    if (take && !(await take(rows.length - i, signal))) {
      release.push(...rows.slice(i).map((r) => r.id));
      break;
    }
    const p: Promise<void> = record(row).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= settings.concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (lastQuota) await recordQuota(db, lastQuota, now());
  if (zbsSent && settings.balanceExhaustedAt) await clearBalanceExhausted(db);
  if (release.length) await releaseClaims(db, release, workerId);
  for (const [at, ids] of held) await releaseClaims(db, ids, workerId, new Date(at));
  return rows.length;
}

type Quota = { dailyQuota: number; remainingQuota: number };

async function sendOne(
  transport: NotificationTransport,
  markSent: (sent: SentRecord) => Promise<boolean>,
  row: Notification,
  now: () => Date,
  onQuota: (q: Quota) => Promise<void>,
  mode: "development" | undefined,
): Promise<void> {
  if (row.channel === "zbs") {
    const r = await transport.sendTemplateByPhone({
      phone: row.recipient ?? "",
      templateId: row.templateId ?? "",
      templateData: row.params,
      trackingId: trackingIdOf(row.id),
      mode,
    });
    await markSent({ id: row.id, msgId: r.msgId, at: now() });
    if (r.quota) await onQuota(r.quota);
    return;
  }
  const already = row.outcomeUnknownAt ? await consultationAlreadySent(transport, row) : null;
  if (already) {
    await markSent({ id: row.id, msgId: already, at: now() });
    return;
  }
  // Chat flows send buttons or the share-information card: the attachment is stored as JSON text.
  const attachment = row.params.attachment;
  const r =
    attachment && transport.sendConsultationMessage
      ? await transport.sendConsultationMessage(row.recipient ?? "", {
          ...(row.params.text ? { text: row.params.text } : {}),
          attachment: JSON.parse(attachment),
        })
      : await transport.sendConsultationText(row.recipient ?? "", row.params.text ?? "");
  await markSent({ id: row.id, msgId: r.messageId, at: now() });
}

/** A consultation has no tracking id to receive a receipt by: the conversation itself shows whether it went out. */
async function consultationAlreadySent(transport: NotificationTransport, row: Notification): Promise<string | null> {
  const text = row.params.text;
  if (!text || !transport.getConversation) return null;
  const recent = await transport.getConversation(row.recipient ?? "");
  return recent.find((m) => m.fromOa && m.text === text)?.messageId ?? null;
}

/** Plain Vietnamese for staff: the code's reason, or the message of a code-less failure that is not a network one. */
export function failureReason(err: ZaloApiError): string {
  if (err.code !== null || err.kind === "retryable") return zaloErrorReasonVi(err.code);
  return err.message;
}

type Stopped = { scope: "zbs" | "template" | "token"; until: Date } | null;

export const OUTCOME_UNKNOWN_REASON =
  "Không nhận được phản hồi của Zalo: đang chờ xác nhận đã nhận tin trước khi gửi lại";

/** What a failure means for the row; returns what else it stops (all ZBS, a template, every send) and until when. */
async function recordFailure(
  db: DbOrTx,
  workerId: string,
  row: Notification,
  raw: unknown,
  settings: NotificationSettings,
  now: Date,
  random?: () => number,
): Promise<Stopped> {
  const err = asZaloError(raw);
  const f = { code: err.code, reason: failureReason(err) };
  const { kind, code, ambiguous } = err;
  log.warn({ notification: row.id, kind, code, ambiguous, attempt: row.attempts }, "notification send failed");
  if (ambiguous && row.attempts < settings.maxAttempts) {
    const waitMs = settings.unknownOutcomeWaitMs;
    await markOutcomeUnknown(db, row.id, workerId, { code: null, reason: OUTCOME_UNKNOWN_REASON, waitMs, now });
    return null;
  }
  switch (err.kind) {
    case "night_ban":
      await markRetry(db, row.id, workerId, {
        ...f,
        nextAttemptAt: err.retryAt ?? nextMorningVn(now),
        uncounted: true,
      });
      return null;
    case "token": {
      // Waiting for a token (or for an admin to reconnect the OA) is not the message's fault: no attempt is spent.
      const until = err.retryAt ?? new Date(now.getTime() + 60_000);
      await markRetry(db, row.id, workerId, { ...f, nextAttemptAt: until, uncounted: true });
      return { scope: "token", until };
    }
    case "quota":
      return recordQuotaFailure(db, workerId, row, err, f, now);
    case "permanent": {
      const [next, ...rest] = row.fallbacks;
      if (next) await switchToFallback(db, row.id, workerId, next, rest, f);
      else await markPermanent(db, row.id, workerId, f);
      return null;
    }
    default: {
      if (row.attempts >= settings.maxAttempts) {
        await markPermanent(db, row.id, workerId, { ...f, reason: `${f.reason} (đã thử ${row.attempts} lần)` });
        return null;
      }
      const backoff = retryDelayMs(row.attempts, settings, random);
      const notBefore = err.retryAt ? err.retryAt.getTime() - now.getTime() : 0;
      await markRetry(db, row.id, workerId, {
        ...f,
        nextAttemptAt: new Date(now.getTime() + Math.max(backoff, notBefore)),
      });
      return null;
    }
  }
}

/** Quota codes differ (zalo-api.md §11): the OA's day, one template's day, the balance, or one feature's limit. */
async function recordQuotaFailure(
  db: DbOrTx,
  workerId: string,
  row: Notification,
  err: ZaloApiError,
  f: { code: number | null; reason: string },
  now: Date,
): Promise<Stopped> {
  const scope = quotaScopeOf(err.code);
  const until =
    scope === "template" && row.templateId
      ? await pauseTemplate(db, row.templateId, now)
      : scope === "balance"
        ? await markBalanceExhausted(db, now)
        : scope === "feature"
          ? nextVnMidnight(now)
          : await markQuotaExhausted(db, now);
  await markRetry(db, row.id, workerId, { ...f, nextAttemptAt: until, uncounted: true });
  if (scope === "feature") return null;
  return { scope: scope === "template" ? "template" : "zbs", until };
}
