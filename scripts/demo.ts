import { spawnSync } from "node:child_process";
import path from "node:path";
import { seedDemo } from "@/lib/seed";
import { ensureLocalSecret } from "../lib/auth/secret";
import { withDatabase } from "./cli";
import { printDemoAccounts } from "./demo-accounts";
import { startServer } from "./server-process";
import { applySimZaloEnv } from "../lib/sim/demo-env";

/** npm run demo: migrate, seed (idempotent), build, start with the embedded database unless DATABASE_URL is set. */
process.env.MOTCUA_DEMO = "1";
process.env.NEXT_TELEMETRY_DISABLED = "1";
const dataDir = path.resolve(process.env.DATA_DIR || ".data");
process.env.DATA_DIR = dataDir;
process.env.AUTH_SECRET ||= ensureLocalSecret(dataDir);
process.env.ZALO_SIMULATOR ??= "1";
const port = process.env.PORT || "3000";
process.env.PUBLIC_BASE_URL ||= `http://localhost:${port}`;
process.env.NEXTAUTH_URL ||= process.env.PUBLIC_BASE_URL;
applySimZaloEnv(); // Zalo: point at the built-in simulator when ZALO_SIMULATOR=1

await withDatabase(async (h) => {
  await h.migrate();
  await seedDemo(h.db);
  console.log(`Cơ sở dữ liệu sẵn sàng (${h.kind}${h.kind === "pglite" ? `, ${dataDir}` : ""}).`);
});

if (process.env.SKIP_BUILD !== "1") {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

printDemoAccounts();
console.log(`\nMở / open http://localhost:${port}\n`);
startServer(port);
