import { dbHandle, isEmbedded } from "../db/client";
import { log } from "../lib/log";
import { loadJobs } from "../lib/background-jobs";
import { runWorkerLoop } from "../lib/worker/loop";

/**
 * npm run worker: background work (outbox dispatch, webhook events, sweepers) against PostgreSQL.
 * Run as many copies as needed; rows are claimed with FOR UPDATE SKIP LOCKED.
 * On the embedded database the server process runs this loop itself.
 */
if (isEmbedded()) {
  console.error(
    "npm run worker cần DATABASE_URL (PostgreSQL). Với cơ sở dữ liệu nhúng, máy chủ tự chạy tiến trình nền. / The " +
      "worker needs DATABASE_URL; in embedded mode the server runs it.",
  );
  process.exit(2);
}
const controller = new AbortController();
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    log.info({ signal: sig }, "worker shutting down");
    controller.abort();
  });
}
const handle = dbHandle();
const jobs = await loadJobs();
await runWorkerLoop({ jobs, signal: controller.signal, name: process.env.WORKER_NAME || `worker-${process.pid}` });
await handle.close();
process.exit(0);
