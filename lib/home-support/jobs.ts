import { getDb } from "@/db/client";
import type { WorkerJob } from "@/lib/worker/loop";
import { sendDueReminders } from "./reminders";

/** Home-support reminders are checked each minute. */
export function homeSupportJobs(): WorkerJob[] {
  return [{ name: "home-support.reminders", everyMs: 60_000, runOnce: () => sendDueReminders(getDb()) }];
}
