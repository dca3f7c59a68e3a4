import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notificationSettings } from "@/db/schema";
import { config } from "@/lib/zalo/config";

const VN_OFFSET_MS = 7 * 3600_000;

/** Zalo's daily quota resets with the Vietnamese day: the next 00:00 Asia/Ho_Chi_Minh after `now`. */
export function nextVnMidnight(now: Date = new Date()): Date {
  const local = new Date(now.getTime() + VN_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1) - VN_OFFSET_MS);
}

/** Remembers the quota Zalo reported with a send; at zero, ZBS sending stops until the next day. */
export async function recordQuota(
  db: DbOrTx,
  quota: { dailyQuota: number; remainingQuota: number },
  now = new Date(),
): Promise<void> {
  const exhausted = Number.isFinite(quota.remainingQuota) && quota.remainingQuota <= 0;
  await db
    .update(notificationSettings)
    .set({
      dailyQuota: Number.isFinite(quota.dailyQuota) ? quota.dailyQuota : null,
      remainingQuota: Number.isFinite(quota.remainingQuota) ? quota.remainingQuota : null,
      quotaUpdatedAt: now,
      ...(exhausted ? { quotaExhaustedUntil: nextVnMidnight(now) } : {}),
    })
    .where(eq(notificationSettings.id, 1));
}

/** Zalo refused for the OA's daily quota (-144): stop ZBS until the next Vietnamese day. */
export async function markQuotaExhausted(db: DbOrTx, now = new Date()): Promise<Date> {
  const until = nextVnMidnight(now);
  await db
    .update(notificationSettings)
    .set({ quotaExhaustedUntil: until, remainingQuota: 0, quotaUpdatedAt: now })
    .where(eq(notificationSettings.id, 1));
  return until;
}

export function quotaStopped(s: { quotaExhaustedUntil: Date | null }, now = new Date()): boolean {
  return !!s.quotaExhaustedUntil && s.quotaExhaustedUntil.getTime() > now.getTime();
}

/** A template hit its own daily limit (-147): only that template waits for the next Vietnamese day. */
export async function pauseTemplate(db: DbOrTx, templateId: string, now = new Date()): Promise<Date> {
  const until = nextVnMidnight(now);
  await db
    .update(notificationSettings)
    .set({
      pausedTemplates: sql`${notificationSettings.pausedTemplates}
        || jsonb_build_object(${templateId}::text, ${until.toISOString()}::text)`,
    })
    .where(eq(notificationSettings.id, 1));
  return until;
}

/** Template ids whose daily limit has not lifted yet. */
export function pausedTemplateIds(s: { pausedTemplates: Record<string, string> }, now = new Date()): string[] {
  return Object.entries(s.pausedTemplates ?? {})
    .filter(([, until]) => new Date(until).getTime() > now.getTime())
    .map(([id]) => id);
}

/** The account balance is spent (-115): ZBS pauses and admins are alerted until a probe send goes through. */
export async function markBalanceExhausted(db: DbOrTx, now = new Date()): Promise<Date> {
  const until = new Date(now.getTime() + config.balanceProbeMs);
  await db
    .update(notificationSettings)
    .set({
      balanceExhaustedAt: sql`coalesce(${notificationSettings.balanceExhaustedAt}, ${now.toISOString()}::timestamptz)`,
      balancePausedUntil: until,
    })
    .where(eq(notificationSettings.id, 1));
  return until;
}

/** A ZBS send went through: the balance alert, if any, is over. */
export async function clearBalanceExhausted(db: DbOrTx): Promise<void> {
  await db
    .update(notificationSettings)
    .set({ balanceExhaustedAt: null, balancePausedUntil: null })
    .where(and(eq(notificationSettings.id, 1), isNotNull(notificationSettings.balanceExhaustedAt)));
}

/** Whether ZBS must not be sent now: the OA's daily quota is spent or the balance pause is running. */
export function zbsStopped(s: { quotaExhaustedUntil: Date | null; balancePausedUntil: Date | null }, now = new Date()) {
  return quotaStopped(s, now) || (!!s.balancePausedUntil && s.balancePausedUntil.getTime() > now.getTime());
}
