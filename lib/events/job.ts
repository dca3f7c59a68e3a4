import { getDb } from "@/db/client";
import type { WorkerJob } from "@/lib/worker/loop";
import { processDueEvents } from "./process";
import { sweepStuckEvents } from "./queue";

const SWEEP_EVERY_MS = 60_000;

/** Worker job: processes stored Zalo webhook events; once a minute returns events a crashed worker left behind. */
export function zaloEventsJob(): WorkerJob {
  let lastSweep = 0;
  return {
    name: "zalo-events",
    async runOnce(workerId, signal) {
      const db = getDb();
      if (Date.now() - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = Date.now();
        await sweepStuckEvents(db);
      }
      return processDueEvents(db, workerId, { signal });
    },
  };
}
