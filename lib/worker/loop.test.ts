import { describe, expect, it } from "vitest";
import { runWorkerLoop, type WorkerJob } from "./loop";

describe("runWorkerLoop", () => {
  it("runs every job each turn, and a job with everyMs at most once per period", async () => {
    const controller = new AbortController();
    const runs = { busy: 0, housekeeping: 0 };
    const jobs: WorkerJob[] = [
      {
        name: "busy",
        async runOnce() {
          runs.busy++;
          if (runs.busy === 50) controller.abort();
          return 1;
        },
      },
      { name: "housekeeping", everyMs: 60_000, runOnce: async () => ++runs.housekeeping },
    ];
    await runWorkerLoop({ jobs, signal: controller.signal, name: "test" });
    expect(runs.busy).toBe(50);
    expect(runs.housekeeping).toBe(1);
  });
});
