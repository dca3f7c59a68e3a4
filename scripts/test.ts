import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { chromiumPath } from "../e2e/chromium";

/**
 * npm test: unit and integration tests on PGlite, again on PostgreSQL when TEST_DATABASE_URL is set,
 * then the browser tests against the built app in Debian's Chromium.
 */
process.env.NEXT_TELEMETRY_DISABLED = "1";

function run(title: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`✗ ${title} failed`);
    process.exit(r.status ?? 1);
  }
}

const only = process.argv[2];

if (!only || only === "unit") {
  run("Unit and integration tests on PGlite", "npx", ["vitest", "run"], { TEST_DB: "pglite" });
  if (process.env.TEST_DATABASE_URL) {
    run("Unit and integration tests on PostgreSQL", "npx", ["vitest", "run"], { TEST_DB: "postgres" });
  } else {
    console.log("\n(TEST_DATABASE_URL is not set: PostgreSQL run skipped)");
  }
}

if (!only || only === "e2e") {
  const browser = chromiumPath();
  if (!browser) {
    const msg = "BROWSER TESTS SKIPPED: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).";
    console.error(`\n${msg}`);
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync("test-results/e2e-skipped", msg);
    process.exit(process.env.REQUIRE_BROWSER_TESTS === "1" ? 1 : 0);
  }
  if (process.env.SKIP_BUILD !== "1") run("Production build", "npx", ["next", "build"]);
  run("Browser tests (Playwright, Chromium)", "npx", ["playwright", "test"]);
}
