import { getDb } from "@/db/client";
import { sendDueReminders } from "@/lib/home-support/reminders";
import type { WorkerJob } from "@/lib/worker/loop";
import { expireIdleSessions } from "./expire";

function every(name: string, ms: number, fn: () => Promise<number>): WorkerJob {
  let last = 0;
  return {
    name,
    async runOnce() {
      if (Date.now() - last < ms) return 0;
      last = Date.now();
      return fn();
    },
  };
}

/** Idle chat flows end (and say so) within about 15 s of their 30 minutes; home-support reminders are checked each minute. */
export function chatFlowJobs(): WorkerJob[] {
  return [every("chat-flows.expire", 15_000, () => expireIdleSessions(getDb())), every("home-support.reminders", 60_000, () => sendDueReminders(getDb()))];
}
