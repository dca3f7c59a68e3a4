import { getDb } from "@/db/client";
import type { WorkerJob } from "@/lib/worker/loop";
import { sendDueReplies, sweepStuckReplies } from "./sender";

/** Worker jobs: the conversation reply sender and, once a minute, its stuck-row sweeper. */
export function conversationJobs(): WorkerJob[] {
  return [
    { name: "conversations.send", runOnce: (workerId) => sendDueReplies(getDb(), workerId) },
    { name: "conversations.sweep", everyMs: 60_000, runOnce: () => sweepStuckReplies(getDb()) },
  ];
}
