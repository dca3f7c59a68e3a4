import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createDossierRoute } from "@/app/api/v1/dossiers/route";
import { openPglite, setDbHandle } from "@/db/client";
import { DEMO_PASSWORD } from "@/lib/seed";
import { seedOrg } from "@/lib/seed/org";
import { seedProcedures } from "@/lib/seed/procedures";

let dataDir: string;

function apikeyCreate(args: string[]) {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, DATA_DIR: dataDir }))
    if (v !== undefined && k !== "DATABASE_URL") env[k] = v;
  return spawnSync("npx", ["tsx", "scripts/apikey-create.ts", ...args], {
    env: env as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-apikey-"));
  const h = openPglite(dataDir);
  await h.migrate();
  await seedOrg(h.db, DEMO_PASSWORD);
  await seedProcedures(h.db);
  await h.close();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("npm run apikey:create", () => {
  it("refuses clearly while another process holds the embedded database", async () => {
    const held = openPglite(dataDir);
    try {
      const r = apikeyCreate(["--unit", "H27.37", "--name", "Bị từ chối"]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("đang được tiến trình");
      expect(r.stdout).not.toMatch(/mcz_/);
    } finally {
      await held.close();
    }
  });

  it("explains usage and an unknown unit code", () => {
    const usage = apikeyCreate(["--unit", "H27.37"]);
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain("--name");
    const unknown = apikeyCreate(["--unit", "X99.99", "--name", "Thử"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("X99.99");
  });

  it("prints a key once, which then works against the API for that unit", async () => {
    const r = apikeyCreate(["--unit", "h27.37", "--name", "Phần mềm một cửa tỉnh"]);
    expect(r.status, r.stderr).toBe(0);
    const key = r.stdout.trim().split("\n").at(-1)!;
    expect(key).toMatch(/^mcz_[A-Za-z0-9_-]{40,}$/);

    const h = openPglite(dataDir);
    setDbHandle(h);
    try {
      const [proc] = (
        await h.db.query.procedures.findMany({ where: (p, { isNotNull }) => isNotNull(p.code), limit: 1 })
      ).map((p) => p.code!);
      const body = {
        procedureCode: proc,
        channel: "direct",
        submitter: { name: "Phạm Thị Dung", idNumber: "042301009876" },
        notifyZalo: false,
      };
      const res = await createDossierRoute(
        new Request("http://localhost/api/v1/dossiers", {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({}) } as never,
      );
      const json = await res.json();
      expect(res.status, JSON.stringify(json)).toBe(201);
      expect(json.code).toMatch(/^H27\.37-/);
      const keys = await h.db.query.apiKeys.findMany();
      expect(keys.map((k) => [k.name, k.createdBy])).toEqual([["Phần mềm một cửa tỉnh", "cli:apikey:create"]]);
      expect(JSON.stringify(keys)).not.toContain(key);
    } finally {
      setDbHandle(undefined);
      await h.close();
    }
  });
});
