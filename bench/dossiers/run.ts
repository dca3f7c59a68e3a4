/**
 * npm run bench:dossiers — the two dossier-desk benchmarks of issue 3, against PostgreSQL
 * (DATABASE_URL, default postgres://root@127.0.0.1:5432/test; each uses a database of its own, dropped after).
 *   search  1,000,000 dossiers, the list page's query with a search term: p95 ≤ 50 ms and ≥ 20× faster than without the
 * search indexes
 *   intake  POST /api/v1/dossiers on the production build: ≥ 300 dossiers/s with 50 clients, gap-free numbering
 * `npm run bench:dossiers -- search` or `-- intake` runs one. The intake part builds and holds /tmp/motcua-build.lock.
 */
import { spawnSync } from "node:child_process";

const only = process.argv[2];
let failed = false;

if (!only || only === "search") {
  const { runSearchBenchmark } = await import("./search");
  const r = await runSearchBenchmark();
  console.log(["", "== Search (1,000,000 dossiers) ==", ...r.lines, ""].join("\n"));
  failed ||= !r.ok;
}

if (!only || only === "intake") {
  if (process.env.MOTCUA_BUILD_LOCK_HELD === "1") {
    const { runIntakeBenchmark } = await import("./intake");
    const r = await runIntakeBenchmark();
    console.log(["", "== Intake through the API ==", ...r.lines, ""].join("\n"));
    failed ||= !r.ok;
  } else {
    // One .next folder and port range on the machine: build and serve while holding the shared lock.
    const child = spawnSync("flock", ["/tmp/motcua-build.lock", "npx", "tsx", "bench/dossiers/run.ts", "intake"], {
      stdio: "inherit",
      env: { ...process.env, MOTCUA_BUILD_LOCK_HELD: "1" },
    });
    failed ||= child.status !== 0;
  }
}

process.exit(failed ? 1 : 0);
