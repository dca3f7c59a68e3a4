import { getDb } from "@/db/client";
import { pruneRateLimits } from "@/lib/rate-limit";
import { every } from "./every";
import { purgeExpiredPersonalData } from "./retention";
import type { WorkerJob } from "./loop";

/** Rate-limit windows are at most a day long; older rows only grow the table (one per address seen). */
export const RATE_LIMIT_KEEP_MS = 24 * 60 * 60 * 1000;

export function housekeepingJobs(): WorkerJob[] {
  return [
    every("rate-limits.prune", 10 * 60_000, () => pruneRateLimits(getDb(), new Date(Date.now() - RATE_LIMIT_KEEP_MS))),
    every("retention.purge", 60 * 60_000, () => purgeExpiredPersonalData(getDb())),
  ];
}
