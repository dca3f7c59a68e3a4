import { type SQL, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notificationSettings } from "@/db/schema";

/**
 * Zalo's limit is per minute over the whole app, so a bucket that may burst its capacity inside any
 * minute must refill a little slower: refill at 99.5 % of the limit with a capacity of 0.2 % of it,
 * and no 60-second window ever sees more than the limit while steady throughput stays within 1 %.
 */
export function bucketShape(ratePerMinute: number) {
  return {
    refillPerMinute: ratePerMinute * 0.995,
    capacity: Math.max(1, Math.floor(ratePerMinute * 0.002)),
  };
}

/** Pure refill step, kept apart from the SQL so it can be tested. */
export function refillBucket(
  state: { tokens: number; remainderMilli: number },
  elapsedMs: number,
  ratePerMinute: number,
): { tokens: number; remainderMilli: number } {
  const { refillPerMinute, capacity } = bucketShape(ratePerMinute);
  const milli = state.tokens * 1000 + state.remainderMilli + Math.max(0, elapsedMs) * (refillPerMinute / 60);
  const whole = Math.floor(milli / 1000);
  if (whole >= capacity) return { tokens: capacity, remainderMilli: 0 };
  return { tokens: whole, remainderMilli: Math.floor(milli - whole * 1000) };
}

/**
 * Takes up to `want` send tokens from the bucket shared by every worker (row lock on the settings row,
 * database clock so processes with skewed clocks agree). Returns how many were granted and, when none,
 * how long until the bucket has one for this caller. While `reserveWhen` holds, a caller of lower rank
 * leaves half the bucket to the others: it gets only what is above that reserve, so the refill goes to
 * them first and it still uses whatever they leave.
 */
export async function takeSendTokens(
  db: DbOrTx,
  want: number,
  options: { reserveWhen?: SQL<boolean> } = {},
): Promise<{ granted: number; waitMs: number }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        enabled: notificationSettings.rateLimitEnabled,
        rate: notificationSettings.ratePerMinute,
        tokens: notificationSettings.bucketTokens,
        remainderMilli: notificationSettings.bucketRemainderMilli,
        // One instant for both the refill and the new mark (as text, to keep microseconds): marking a later
        // clock_timestamp() would drop the round trip between the two from every refill (a fifth of the rate).
        at: sql<string>`clock_timestamp()::text`,
        elapsedMs: sql<string>`extract(epoch from (clock_timestamp() - ${notificationSettings.bucketRefilledAt})) *
          1000`,
        reserved: options.reserveWhen ?? sql<boolean>`false`,
      })
      .from(notificationSettings)
      .where(eq(notificationSettings.id, 1))
      .for("update");
    if (!row || !row.enabled) return { granted: want, waitMs: 0 };
    const shape = bucketShape(row.rate);
    const reserve = row.reserved ? reserveOf(shape.capacity) : 0;
    const next = refillBucket(row, Number(row.elapsedMs), row.rate);
    const granted = Math.min(want, Math.max(0, next.tokens - reserve));
    await tx
      .update(notificationSettings)
      .set({
        bucketTokens: next.tokens - granted,
        bucketRemainderMilli: next.remainderMilli,
        bucketRefilledAt: sql`${row.at}::timestamptz`,
      })
      .where(eq(notificationSettings.id, 1));
    const perTokenMs = 60_000 / shape.refillPerMinute;
    const missingMilli = (reserve + 1 - next.tokens) * 1000 - next.remainderMilli;
    return { granted, waitMs: granted > 0 ? 0 : Math.max(1, Math.ceil((perTokenMs * missingMilli) / 1000)) };
  });
}

/** Tokens a caller of lower rank leaves in the bucket while its betters have work waiting. */
function reserveOf(capacity: number): number {
  return Math.ceil(capacity / 2);
}
