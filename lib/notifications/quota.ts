import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notificationSettings } from "@/db/schema";

const VN_OFFSET_MS = 7 * 3600_000;

/** Zalo's daily quota resets with the Vietnamese day: the next 00:00 Asia/Ho_Chi_Minh after `now`. */
export function nextVnMidnight(now: Date = new Date()): Date {
  const local = new Date(now.getTime() + VN_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1) - VN_OFFSET_MS);
}

/** Remembers the quota Zalo reported with a send; at zero, ZBS sending stops until the next day. */
export async function recordQuota(db: DbOrTx, quota: { dailyQuota: number; remainingQuota: number }, now = new Date()): Promise<void> {
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

/** Zalo refused for quota (-144 and kin): stop ZBS until the next Vietnamese day. */
export async function markQuotaExhausted(db: DbOrTx, now = new Date()): Promise<Date> {
  const until = nextVnMidnight(now);
  await db.update(notificationSettings).set({ quotaExhaustedUntil: until, remainingQuota: 0, quotaUpdatedAt: now }).where(eq(notificationSettings.id, 1));
  return until;
}

export function quotaStopped(s: { quotaExhaustedUntil: Date | null }, now = new Date()): boolean {
  return !!s.quotaExhaustedUntil && s.quotaExhaustedUntil.getTime() > now.getTime();
}
