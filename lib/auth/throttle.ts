import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { loginAttempts } from "@/db/schema";
import { hitRateLimit, peekRateLimit, type RateWindow } from "@/lib/rate-limit";

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
const IP_WINDOW: RateWindow = { limit: 30, windowSeconds: 15 * 60 };

export type SignInGate = { ok: true } | { ok: false; reason: "locked" | "ip_limited" };

function userKey(username: string) {
  return username.trim().toLowerCase();
}

export async function signInGate(db: DbOrTx, username: string, ip: string, now = new Date()): Promise<SignInGate> {
  const ipState = await peekRateLimit(db, `signin-ip:${ip}`, IP_WINDOW, now);
  if (!ipState.allowed) return { ok: false, reason: "ip_limited" };
  const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.key, userKey(username)));
  if (row?.lockedUntil && row.lockedUntil > now) return { ok: false, reason: "locked" };
  return { ok: true };
}

/** Counts a failure for the user name (known or not) and the IP; returns whether the name is now locked. */
export async function recordSignInFailure(db: DbOrTx, username: string, ip: string, now = new Date()): Promise<{ locked: boolean }> {
  await hitRateLimit(db, `signin-ip:${ip}`, IP_WINDOW, now);
  const nowIso = now.toISOString();
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  const [row] = await db
    .insert(loginAttempts)
    .values({ key: userKey(username), failures: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        // A lock that has run out starts a fresh count.
        failures: sql`case when ${loginAttempts.lockedUntil} is not null and ${loginAttempts.lockedUntil} <= ${nowIso}::timestamptz then 1 else ${loginAttempts.failures} + 1 end`,
        lockedUntil: sql`case when ${loginAttempts.lockedUntil} is not null and ${loginAttempts.lockedUntil} <= ${nowIso}::timestamptz then null else ${loginAttempts.lockedUntil} end`,
        updatedAt: now,
      },
    })
    .returning();
  if (row.failures >= MAX_FAILURES) {
    await db.update(loginAttempts).set({ lockedUntil: lockUntil, failures: 0 }).where(eq(loginAttempts.key, row.key));
    return { locked: true };
  }
  return { locked: false };
}

export async function recordSignInSuccess(db: DbOrTx, username: string) {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, userKey(username)));
}
