import { getDb } from "@/db/client";
import { forgetExpiredCodes } from "@/lib/followers/phone-proof";
import { pruneRateLimits } from "@/lib/rate-limit";
import type { WorkerJob } from "@/lib/worker/loop";
import { purgeExpiredPersonalData } from "./retention";

/** Rate-limit windows are at most a day long; older rows only grow the table (one per address seen). */
export const RATE_LIMIT_KEEP_MS = 24 * 60 * 60 * 1000;

export function housekeepingJobs(): WorkerJob[] {
  return [
    {
      name: "rate-limits.prune",
      everyMs: 10 * 60_000,
      runOnce: () => pruneRateLimits(getDb(), new Date(Date.now() - RATE_LIMIT_KEEP_MS)),
    },
    { name: "retention.purge", everyMs: 60 * 60_000, runOnce: () => purgeExpiredPersonalData(getDb()) },
    { name: "phone-codes.forget", everyMs: 5 * 60_000, runOnce: () => forgetExpiredCodes(getDb()) },
  ];
}
