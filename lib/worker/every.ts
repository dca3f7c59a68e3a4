import type { WorkerJob } from "./loop";

/** A job that runs `fn` at most once per `ms` in this process. */
export function every(name: string, ms: number, fn: () => Promise<number>): WorkerJob {
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
