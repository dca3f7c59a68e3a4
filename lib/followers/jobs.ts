import { getDb } from "@/db/client";
import type { WorkerJob } from "@/lib/worker/loop";
import { zaloClient } from "@/lib/zalo/client";
import { syncFollowersStep } from "./sync";

/** The follower sync, a step at a time; in the loop right after the announcement jobs (lib/background-jobs.ts). */
export function followerJobs(): WorkerJob[] {
  return [{ name: "followers.sync", runOnce: () => syncFollowersStep(getDb(), zaloClient(getDb())) }];
}
