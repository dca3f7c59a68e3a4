import { getDb } from "@/db/client";
import type { WorkerJob } from "@/lib/worker/loop";
import { expireIdleSessions } from "./expire";

/** Idle chat flows end (and say so) within about 15 s of their 30 minutes. */
export function chatFlowJobs(): WorkerJob[] {
  return [{ name: "chat-flows.expire", everyMs: 15_000, runOnce: () => expireIdleSessions(getDb()) }];
}
