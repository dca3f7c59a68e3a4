import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

function run(script: string, env: Record<string, string | undefined>, args: string[] = []) {
  const cleanEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) cleanEnv[k] = v;
  return spawnSync("npx", ["tsx", script, ...args], {
    env: cleanEnv as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 180_000,
  });
}

describe("command-line tools on the embedded database", { timeout: 240_000 }, () => {
  it("refuse to open a data folder that a running server holds, and say so", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-lock-"));
    // The parent test runner stands in for a live server process holding the folder.
    fs.writeFileSync(path.join(dataDir, "owner.pid"), String(process.pid));
    for (const script of ["scripts/db-migrate.ts", "scripts/db-seed.ts"]) {
      const r = run(script, { DATA_DIR: dataDir, DATABASE_URL: undefined });
      expect(r.status, script).toBe(2);
      expect(r.stderr).toContain("đang được tiến trình");
    }
    expect(fs.existsSync(path.join(dataDir, "pglite"))).toBe(false);
  });

  it("take over a lock left by a dead process, and admin:create makes a first administrator", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-admin-"));
    fs.writeFileSync(path.join(dataDir, "owner.pid"), "999999");
    const r = run(
      "scripts/admin-create.ts",
      { DATA_DIR: dataDir, DATABASE_URL: undefined, ADMIN_PASSWORD: "Mat-khau-quan-tri-1" },
      [
        "--username",
        "quantri",
        "--name",
        "Quản trị tỉnh",
        "--unit-name",
        "UBND tỉnh Hà Tĩnh",
        "--unit-code",
        "000.00.00.H27",
      ],
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("Đã tạo quản trị viên quantri");
    expect(r.stdout).not.toContain("Mat-khau-quan-tri-1");
    const again = run(
      "scripts/admin-create.ts",
      { DATA_DIR: dataDir, DATABASE_URL: undefined, ADMIN_PASSWORD: "Mat-khau-quan-tri-1" },
      ["--username", "quantri", "--name", "X", "--unit-id", "1"],
    );
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain("đã tồn tại");
  });

  it("the production start refuses without AUTH_SECRET", () => {
    const r = run("scripts/start.ts", { AUTH_SECRET: undefined, MOTCUA_DEMO: undefined, NEXTAUTH_SECRET: undefined });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("AUTH_SECRET");
  });
});
