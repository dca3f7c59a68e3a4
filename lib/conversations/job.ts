import { getDb } from "@/db/client";
import type { WorkerJob } from "@/lib/worker/loop";
import { sendDueReplies, sweepStuckReplies } from "./sender";

/** Worker jobs: the conversation reply sender and, once a minute, its stuck-row sweeper. */
export function conversationJobs(): WorkerJob[] {
  let lastSweep = 0;
  return [
    { name: "conversations.send", runOnce: (workerId) => sendDueReplies(getDb(), workerId) },
    {
      name: "conversations.sweep",
      async runOnce() {
        if (Date.now() - lastSweep < 60_000) return 0;
        lastSweep = Date.now();
        return sweepStuckReplies(getDb());
      },
    },
  ];
}
