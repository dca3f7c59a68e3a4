import { getDb } from "@/db/client";
import type { WorkerJob } from "@/lib/worker/loop";
import { processDueEvents } from "./process";
import { STUCK_AFTER_MS, sweepStuckEvents } from "./queue";

/** Worker jobs: processes stored Zalo webhook events; once a minute returns events a crashed worker left behind. */
export function zaloEventsJobs(): WorkerJob[] {
  return [
    { name: "zalo-events", runOnce: (workerId, signal) => processDueEvents(getDb(), workerId, { signal }) },
    {
      name: "zalo-events.sweep",
      everyMs: Math.min(60_000, STUCK_AFTER_MS / 2),
      async runOnce() {
        await sweepStuckEvents(getDb());
        return 0;
      },
    },
  ];
}
