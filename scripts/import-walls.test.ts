import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { folderOf, wallBreaches } from "./import-walls";

let root: string | undefined;
function house(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walls-"));
  root = dir;
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
afterEach(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe("import walls", () => {
  it("names a folder by its domain", () => {
    expect(folderOf("lib/dossiers/receive.ts")).toBe("lib/dossiers");
    expect(folderOf("lib/log.ts")).toBe("lib/log");
    expect(folderOf("components/ui/table.tsx")).toBe("components/ui");
    expect(folderOf("app/(staff)/page.tsx")).toBe("app");
  });

  it("keeps a house whose imports run one way", () => {
    const r = house({
      "lib/a/x.ts": 'import { y } from "@/lib/b/y";',
      "lib/b/y.ts": 'import { z } from "../c";',
      "lib/c.ts": 'import { t } from "@/db/schema";',
      "db/schema.ts": "export const t = 1;",
      "app/page.tsx": 'import type { T } from "@/db/schema";\nimport { x } from "@/lib/a/x";',
      "lib/b/y.test.ts": 'import { x } from "@/lib/a/x";',
    });
    expect(wallBreaches(r)).toEqual([]);
  });

  it("finds a loop of folders of any length, db/ reaching into lib/, and a page querying db/", () => {
    const r = house({
      "lib/a/x.ts": 'import { y } from "@/lib/b/y";',
      "lib/b/y.ts": 'import { z } from "@/lib/c/z";',
      "lib/c/z.ts": 'export { x } from "../a/x";',
      "db/client.ts": 'import { log } from "@/lib/log";',
      "lib/log.ts": "export const log = 1;",
      "app/page.tsx": 'import { getDb } from "@/db/client";',
    });
    const breaches = wallBreaches(r);
    expect(breaches).toHaveLength(3);
    expect(breaches.join("\n")).toContain("folders import each other: lib/a, lib/b, lib/c");
    expect(breaches.join("\n")).toContain("db/ imports lib/: db/client.ts → lib/log");
    expect(breaches.join("\n")).toContain("app takes more than types from db/: app/page.tsx → db/client");
  });
});
