import { log } from "@/lib/log";

export interface WorkerJob {
  name: string;
  /** Does one batch of due work; returns how many items it handled (0 = idle). */
  runOnce(workerId: string): Promise<number>;
}

const jobs: WorkerJob[] = [];

/** Domains register their background jobs (outbox dispatch, webhook events, sweepers) here. */
export function registerJob(job: WorkerJob) {
  if (!jobs.some((j) => j.name === job.name)) jobs.push(job);
}

export function registeredJobs(): readonly WorkerJob[] {
  return jobs;
}

export async function runWorkerLoop({ signal, name, idleMs = 250 }: { signal: AbortSignal; name: string; idleMs?: number }) {
  log.info({ worker: name, jobs: jobs.map((j) => j.name) }, "worker started");
  while (!signal.aborted) {
    let handled = 0;
    for (const job of jobs) {
      if (signal.aborted) break;
      try {
        handled += await job.runOnce(name);
      } catch (err) {
        log.error({ err, job: job.name, worker: name }, "worker job failed");
      }
    }
    if (handled === 0) await new Promise((r) => setTimeout(r, idleMs));
  }
  log.info({ worker: name }, "worker stopped");
}
