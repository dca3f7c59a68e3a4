import { dbHandle, isEmbedded } from "@/db/client";
import { authSecret } from "@/lib/auth/secret";
import { log } from "@/lib/log";

/** Runs once per server process: refuse to start without a session secret, open the database, start in-process work. */
export async function onServerStart() {
  try {
    authSecret();
  } catch (err) {
    log.fatal({ err }, (err as Error).message);
    console.error((err as Error).message);
    process.exit(1);
  }
  const handle = dbHandle();
  if (isEmbedded()) {
    await handle.migrate();
    const [{ startEmbeddedWorker }, { loadJobs }] = await Promise.all([
      import("@/lib/worker/embedded"),
      import("@/lib/background-jobs"),
    ]);
    startEmbeddedWorker(await loadJobs());
  }
  log.info({ db: handle.kind }, "server started");
}
