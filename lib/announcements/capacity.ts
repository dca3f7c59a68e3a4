import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notificationSettings } from "@/db/schema";
import { bucketShape, refillBucket } from "@/lib/notifications/rate-limit";

/** Dossier notifications due in the outbox: while any wait, announcements take nothing from the shared bucket. */
const dossierWorkWaiting = sql<boolean>`exists (select 1 from notifications where status in ('queued', 'failed_temporary') and next_attempt_at <= now())`;

/**
 * Up to `want` tokens from the app-wide bucket the dossier notifications use (lib/notifications/rate-limit.ts),
 * granted only when no dossier notification is waiting: an announcement only ever uses leftover capacity.
 * `waitMs` says when to ask again; `busy` that dossier work is waiting (the caller should step aside at once).
 */
export async function takeLeftoverTokens(db: DbOrTx, want: number): Promise<{ granted: number; waitMs: number; busy?: boolean }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        enabled: notificationSettings.rateLimitEnabled,
        rate: notificationSettings.ratePerMinute,
        tokens: notificationSettings.bucketTokens,
        remainderMilli: notificationSettings.bucketRemainderMilli,
        at: sql<string>`clock_timestamp()::text`,
        elapsedMs: sql<string>`extract(epoch from (clock_timestamp() - ${notificationSettings.bucketRefilledAt})) * 1000`,
        busy: dossierWorkWaiting,
      })
      .from(notificationSettings)
      .where(eq(notificationSettings.id, 1))
      .for("update");
    if (row?.busy) return { granted: 0, waitMs: 20, busy: true };
    if (!row || !row.enabled) return { granted: want, waitMs: 0 };
    const next = refillBucket(row, Number(row.elapsedMs), row.rate);
    const granted = Math.min(want, next.tokens);
    await tx
      .update(notificationSettings)
      .set({ bucketTokens: next.tokens - granted, bucketRemainderMilli: next.remainderMilli, bucketRefilledAt: sql`${row.at}::timestamptz` })
      .where(eq(notificationSettings.id, 1));
    const perTokenMs = 60_000 / bucketShape(row.rate).refillPerMinute;
    return { granted, waitMs: granted > 0 ? 0 : Math.max(1, Math.ceil((perTokenMs * (1000 - next.remainderMilli)) / 1000)) };
  });
}
