import { log } from "@/lib/log";
import { abortableSleep } from "./sleep";

export interface WorkerJob {
  name: string;
  /** Housekeeping that need not run on every turn: at most once per this many milliseconds. */
  everyMs?: number;
  /** Does one batch of due work; returns how many items it handled (0 = idle). */
  runOnce(workerId: string, signal: AbortSignal): Promise<number>;
  /** Work the job still has under way when the loop stops (see lane.ts). */
  drain?(): Promise<void>;
}

/** Runs every job in turn until the signal aborts; sleeps briefly when nothing was due. */
export async function runWorkerLoop({
  jobs,
  signal,
  name,
  idleMs = 200,
}: {
  jobs: WorkerJob[];
  signal: AbortSignal;
  name: string;
  idleMs?: number;
}) {
  log.info({ worker: name, jobs: jobs.map((j) => j.name) }, "worker started");
  const lastRun = new Map<WorkerJob, number>();
  while (!signal.aborted) {
    let handled = 0;
    for (const job of jobs) {
      if (signal.aborted) break;
      if (job.everyMs && Date.now() - (lastRun.get(job) ?? -Infinity) < job.everyMs) continue;
      lastRun.set(job, Date.now());
      try {
        handled += await job.runOnce(name, signal);
      } catch (err) {
        log.error({ err, job: job.name, worker: name }, "worker job failed");
      }
    }
    if (handled === 0 && !signal.aborted) {
      await abortableSleep(idleMs, signal);
    }
  }
  await Promise.all(jobs.map((j) => j.drain?.()));
  log.info({ worker: name }, "worker stopped");
}
