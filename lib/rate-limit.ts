import { and, eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rateLimits } from "@/db/schema";

export interface RateWindow {
  limit: number;
  windowSeconds: number;
}

function windowStart(windowSeconds: number, now: Date): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/** The fixed window `now` falls in, and the seconds until the next one starts. */
export function rateWindow(w: RateWindow, now = new Date()): { start: Date; retryAfterSeconds: number } {
  const start = windowStart(w.windowSeconds, now);
  return { start, retryAfterSeconds: Math.ceil((start.getTime() + w.windowSeconds * 1000 - now.getTime()) / 1000) };
}

/**
 * Fixed-window counter in the database, so every server and worker process shares it
 * (the embedded PGlite and PostgreSQL alike, without another moving part such as Redis).
 */
export async function hitRateLimit(db: DbOrTx, key: string, w: RateWindow, now = new Date()) {
  const { start, retryAfterSeconds } = rateWindow(w, now);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: start, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  return { allowed: row.count <= w.limit, count: row.count, retryAfterSeconds };
}

export async function peekRateLimit(db: DbOrTx, key: string, w: RateWindow, now = new Date()) {
  const start = windowStart(w.windowSeconds, now);
  const [row] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, start)));
  return { allowed: (row?.count ?? 0) < w.limit, count: row?.count ?? 0 };
}

/** Deletes the counters of windows that started before `olderThan`; returns how many went. */
export async function pruneRateLimits(db: DbOrTx, olderThan: Date): Promise<number> {
  const gone = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, olderThan))
    .returning({ key: rateLimits.key });
  return gone.length;
}
