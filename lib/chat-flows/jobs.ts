import { getDb } from "@/db/client";
import { sendDueReminders } from "@/lib/home-support/reminders";
import type { WorkerJob } from "@/lib/worker/loop";
import { expireIdleSessions } from "./expire";

/**
 * Idle chat flows end (and say so) within about 15 s of their 30 minutes; home-support reminders are checked each
 * minute.
 */
export function chatFlowJobs(): WorkerJob[] {
  return [
    { name: "chat-flows.expire", everyMs: 15_000, runOnce: () => expireIdleSessions(getDb()) },
    { name: "home-support.reminders", everyMs: 60_000, runOnce: () => sendDueReminders(getDb()) },
  ];
}
