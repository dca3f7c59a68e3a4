import type { DbOrTx } from "@/db/client";
import type { Notification, NotificationSettings } from "@/db/schema";
import { log } from "@/lib/log";
import { ZaloApiError, nextMorningVn, zaloErrorReasonVi } from "@/lib/zalo/errors";
import { retryDelayMs } from "@/lib/retry";
import { markQuotaExhausted, quotaStopped, recordQuota } from "./quota";
import { bucketShape, takeSendTokens } from "./rate-limit";
import { getNotificationSettings } from "./settings";
import { groupCommit } from "@/db/group-commit";
import { type SentRecord, claimDue, markPermanent, markRetry, markSentMany, releaseClaims, switchToFallback } from "./status";
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
export async function sendDueNotifications(db: DbOrTx, workerId: string, signal: AbortSignal, opts: SenderOptions = {}): Promise<number> {
  const now = opts.now ?? (() => new Date());
  const settings = await getNotificationSettings(db);
  const rows = await claimDue(db, workerId, settings.batchSize, { skipZbs: quotaStopped(settings, now()) });
  if (!rows.length) return 0;
  const transport = opts.transport ?? zaloTransport(db);
  const take = settings.rateLimitEnabled ? tokenGate(db, settings) : null;
  // Zalo counts calls as they arrive: a send token granted now but spent after a token refresh would bunch.
  if (take) await transport.prepare?.();
  let quotaUntil: Date | null = null;
  const release: number[] = [];
  const quotaHeld: number[] = [];
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
      await sendOne(transport, markSent, row, now, onQuota);
    } catch (err) {
      const until = await recordFailure(db, workerId, row, err, settings, now(), opts.random);
      if (until) quotaUntil = until;
    }
  };

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (signal.aborted) {
      release.push(...rows.slice(i).map((r) => r.id));
      break;
    }
    if (quotaUntil && row.channel === "zbs") {
      quotaHeld.push(row.id);
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
  if (release.length) await releaseClaims(db, release, workerId);
  if (quotaHeld.length) await releaseClaims(db, quotaHeld, workerId, quotaUntil ?? undefined);
  return rows.length;
}

type Quota = { dailyQuota: number; remainingQuota: number };

async function sendOne(
  transport: NotificationTransport,
  markSent: (sent: SentRecord) => Promise<boolean>,
  row: Notification,
  now: () => Date,
  onQuota: (q: Quota) => Promise<void>,
): Promise<void> {
  if (row.channel === "zbs") {
    const r = await transport.sendTemplateByPhone({ phone: row.recipient ?? "", templateId: row.templateId ?? "", templateData: row.params, trackingId: trackingIdOf(row.id) });
    await markSent({ id: row.id, msgId: r.msgId, at: now() });
    if (r.quota) await onQuota(r.quota);
    return;
  }
  // Chat flows send buttons or the share-information card: the attachment is stored as JSON text.
  const attachment = row.params.attachment;
  const r =
    attachment && transport.sendConsultationMessage
      ? await transport.sendConsultationMessage(row.recipient ?? "", { ...(row.params.text ? { text: row.params.text } : {}), attachment: JSON.parse(attachment) })
      : await transport.sendConsultationText(row.recipient ?? "", row.params.text ?? "");
  await markSent({ id: row.id, msgId: r.messageId, at: now() });
}

function asZaloError(err: unknown): ZaloApiError {
  if (err instanceof ZaloApiError) return err;
  return new ZaloApiError({ kind: "retryable", code: null, httpStatus: null, message: err instanceof Error ? err.message : String(err) });
}

/** Plain Vietnamese for staff: the code's reason, or the message of a code-less failure that is not a network one. */
export function failureReason(err: ZaloApiError): string {
  if (err.code !== null || err.kind === "retryable") return zaloErrorReasonVi(err.code);
  return err.message;
}

/** Decides what a failure means for the row; returns the quota stop time when Zalo reported the quota spent. */
async function recordFailure(
  db: DbOrTx,
  workerId: string,
  row: Notification,
  raw: unknown,
  settings: NotificationSettings,
  now: Date,
  random?: () => number,
): Promise<Date | null> {
  const err = asZaloError(raw);
  const f = { code: err.code, reason: failureReason(err) };
  log.warn({ notification: row.id, kind: err.kind, code: err.code, attempt: row.attempts }, "notification send failed");
  switch (err.kind) {
    case "night_ban":
      await markRetry(db, row.id, workerId, { ...f, nextAttemptAt: err.retryAt ?? nextMorningVn(now), uncounted: true });
      return null;
    case "quota": {
      const until = await markQuotaExhausted(db, now);
      await markRetry(db, row.id, workerId, { ...f, nextAttemptAt: until, uncounted: true });
      return until;
    }
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
      await markRetry(db, row.id, workerId, { ...f, nextAttemptAt: new Date(now.getTime() + Math.max(backoff, notBefore)) });
      return null;
    }
  }
}
