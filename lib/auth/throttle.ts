import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { loginAttempts } from "@/db/schema";
import { hitRateLimit, peekRateLimit, type RateWindow } from "@/lib/rate-limit";

const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
const MAX_LOCK_MINUTES = 24 * 60;
/** A count with no failure for this long starts again from zero. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;
const IP_WINDOW: RateWindow = { limit: 30, windowSeconds: 15 * 60 };

export type SignInGate = { ok: true } | { ok: false; reason: "locked" | "ip_limited" };

/**
 * Failures count per user name *and* source address: a stranger guessing the admin's password locks only
 * themselves, and the admin signs in from the office as usual.
 */
function attemptKey(username: string, ip: string) {
  return `${username.trim().toLowerCase()}|${ip}`;
}

/** The lock after `failures` failures: none below five, then 15 minutes doubling with each further failure. */
export function lockMinutesAfter(failures: number): number {
  if (failures < MAX_FAILURES) return 0;
  return Math.min(LOCK_MINUTES * 2 ** (failures - MAX_FAILURES), MAX_LOCK_MINUTES);
}

export async function signInGate(db: DbOrTx, username: string, ip: string, now = new Date()): Promise<SignInGate> {
  const ipState = await peekRateLimit(db, `signin-ip:${ip}`, IP_WINDOW, now);
  if (!ipState.allowed) return { ok: false, reason: "ip_limited" };
  const [row] = await db
    .select()
    .from(loginAttempts)
    .where(eq(loginAttempts.key, attemptKey(username, ip)));
  if (row?.lockedUntil && row.lockedUntil > now) return { ok: false, reason: "locked" };
  return { ok: true };
}

/** Counts a failure for the user name (known or not) from this address; returns whether that pair is now locked. */
export async function recordSignInFailure(
  db: DbOrTx,
  username: string,
  ip: string,
  now = new Date(),
): Promise<{ locked: boolean }> {
  await hitRateLimit(db, `signin-ip:${ip}`, IP_WINDOW, now);
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
  const [row] = await db
    .insert(loginAttempts)
    .values({ key: attemptKey(username, ip), failures: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`case when ${loginAttempts.updatedAt} < ${forgetBefore}::timestamptz then 1
          else ${loginAttempts.failures} + 1 end`,
        updatedAt: now,
      },
    })
    .returning();
  const minutes = lockMinutesAfter(row.failures);
  if (!minutes) return { locked: false };
  await db
    .update(loginAttempts)
    .set({ lockedUntil: new Date(now.getTime() + minutes * 60_000) })
    .where(eq(loginAttempts.key, row.key));
  return { locked: true };
}

export async function recordSignInSuccess(db: DbOrTx, username: string, ip: string) {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, attemptKey(username, ip)));
}
