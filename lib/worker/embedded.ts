import { log } from "@/lib/log";
import { runWorkerLoop, type WorkerJob } from "./loop";

/** On PGlite only this process may open the database, so background work runs here instead of `npm run worker`. */
export function startEmbeddedWorker(jobs: WorkerJob[]): void {
  const g = globalThis as unknown as { __motcuaWorker?: boolean };
  if (g.__motcuaWorker) return;
  g.__motcuaWorker = true;
  const controller = new AbortController();
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => controller.abort());
  runWorkerLoop({ jobs, signal: controller.signal, name: `embedded-${process.pid}` }).catch((err) =>
    log.error({ err }, "embedded worker stopped"),
  );
}
