import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { builtinModules } from "node:module";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "@/db/client";
import { procedures, staff, units } from "@/db/schema";
import pkg from "../package.json";
import { buildEntryPoints, entryPoints } from "./build-entry-points";

// Inside the repository, so the bundles find node_modules the way dist/ does.
const outdir = path.resolve(".test-data", `dist-${process.pid}`);

/** Runs a bundle with plain node — no tsx, no loader — as `npm run <script>` does in a pruned install. */
function runBuilt(name: string, env: Record<string, string | undefined>) {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) clean[k] = v;
  return spawnSync(process.execPath, [path.join(outdir, `${name}.js`)], {
    env: clean as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 180_000,
  });
}

function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

beforeAll(async () => {
  await buildEntryPoints(process.cwd(), outdir);
}, 120_000);
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

describe("entry points bundled for a production install (npm run build)", { timeout: 240_000 }, () => {
  it("import nothing but node's modules and runtime dependencies, so npm prune --omit=dev leaves them working", () => {
    const runtime = new Set([...Object.keys(pkg.dependencies), ...builtinModules]);
    for (const name of entryPoints) {
      const code = fs.readFileSync(path.join(outdir, `${name}.js`), "utf8");
      const imported = [
        ...code.matchAll(
          /^\s*(?:import|export)\s[^;]*?from\s*"([^"]+)";?$|^\s*import\s*"([^"]+)";?$|\bimport\("([^"]+)"\)/gm,
        ),
      ].map((m) => m[1] ?? m[2] ?? m[3]);
      expect(imported.length, name).toBeGreaterThan(0);
      expect(
        imported.filter((s) => !s.startsWith("node:") && !runtime.has(packageOf(s))),
        name,
      ).toEqual([]);
      expect(code, name).not.toMatch(/from "@\//);
    }
  });

  it(
    "load the reference data into a new database in production, " + "and db:seed refuses to add demo accounts there",
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-ref-"));
      const env = { DATA_DIR: dataDir, DATABASE_URL: undefined, NODE_ENV: "production", MOTCUA_DEMO: undefined };
      const refused = runBuilt("db-seed", env);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain("db:seed:reference");
      expect(fs.existsSync(path.join(dataDir, "pglite"))).toBe(false);

      const loaded = runBuilt("db-seed-reference", env);
      expect(loaded.status, loaded.stderr).toBe(0);
      expect(loaded.stdout).toContain("32 thủ tục mới");
      const h = openPglite(dataDir);
      try {
        expect((await h.db.select({ n: count() }).from(procedures))[0].n).toBe(32);
        expect((await h.db.select({ n: count() }).from(staff))[0].n).toBe(0);
        expect((await h.db.select({ n: count() }).from(units))[0].n).toBe(0);
      } finally {
        await h.close();
      }
    },
  );

  it("the simulator and the server refuse in production without their flag and secret", () => {
    const sim = runBuilt("zalo-sim", { NODE_ENV: "production", MOTCUA_DEMO: undefined, ZALO_SIM_PORT: "0" });
    expect(sim.status).toBe(1);
    expect(sim.stderr).toContain("MOTCUA_DEMO=1");
    const start = runBuilt("start", {
      NODE_ENV: "production",
      AUTH_SECRET: undefined,
      MOTCUA_DEMO: undefined,
      NEXTAUTH_SECRET: undefined,
    });
    expect(start.status).toBe(1);
    expect(start.stderr).toContain("AUTH_SECRET");
  });
});
