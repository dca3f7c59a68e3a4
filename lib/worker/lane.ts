import { log } from "@/lib/log";
import type { WorkerJob } from "./loop";
import { abortableSleep } from "./sleep";

/**
 * A job that runs beside the worker loop instead of in it: each loop turn starts it when it is not running,
 * and it repeats `step` while that finds work. However long a stretch of it lasts, the loop's next turn
 * never waits for it. The loop awaits it (`drain`) before the process ends.
 */
export function besideTheLoop(
  name: string,
  step: (workerId: string, signal: AbortSignal) => Promise<number>,
): WorkerJob {
  let lane: Promise<void> | null = null;
  return {
    name,
    async runOnce(workerId, signal) {
      lane ??= (async () => {
        while (!signal.aborted && (await step(workerId, signal)) > 0);
      })()
        .catch((err) => log.error({ err, job: name, worker: workerId }, "worker job failed"))
        .finally(() => (lane = null));
      return 0;
    },
    drain: () => lane ?? Promise.resolve(),
  };
}

/**
 * A job with a lane of its own for the life of the worker: it repeats `step` while that finds work and, when
 * idle, asks the cheap `due` question every `idleMs` instead of waiting for the loop to come round again.
 */
export function ownLane(
  name: string,
  step: (workerId: string, signal: AbortSignal) => Promise<number>,
  opts: { idleMs: number; due: () => Promise<boolean> },
): WorkerJob {
  let lane: Promise<void> | null = null;
  const run = async (workerId: string, signal: AbortSignal) => {
    while (!signal.aborted) {
      try {
        if ((await opts.due()) && (await step(workerId, signal)) > 0) continue;
      } catch (err) {
        log.error({ err, job: name, worker: workerId }, "worker job failed");
      }
      await abortableSleep(opts.idleMs, signal);
    }
  };
  return {
    name,
    async runOnce(workerId, signal) {
      lane ??= run(workerId, signal);
      return 0;
    },
    drain: () => lane ?? Promise.resolve(),
  };
}
