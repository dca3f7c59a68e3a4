import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import type { Role } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { ForbiddenError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import type { Ctx } from "@/lib/auth/actor";
import { type Permission, roleCan } from "@/lib/auth/permissions";
import { type Verb, serviceVerbs } from "./verbs";

/**
 * Every service verb, called as every role with throw-away input: refused (ForbiddenError, or the quiet
 * null/false of the verbs that hide themselves) exactly when lib/auth/permissions.ts says so, before any
 * validation or lookup. A new verb that takes a Ctx must be listed, so a verb without its check fails here.
 */
const roles: Role[] = ["admin", "receptionist", "publisher", "supervisor"];

let h: DbHandle;
let ctxByRole: Record<Role, Ctx>;

beforeAll(async () => {
  h = await useTestDb();
  const org = await seedTestOrg(h.db);
  ctxByRole = {
    admin: org.admin,
    receptionist: org.receptionist,
    publisher: org.publisher,
    supervisor: org.supervisor,
  };
});
afterAll(() => h.close());

function allowed(role: Role, verb: Verb): boolean {
  if (verb.permission === "any staff") return true;
  const needs: Permission[][] = Array.isArray(verb.permission[0])
    ? (verb.permission as Permission[][])
    : [verb.permission as Permission[]];
  // An inner list is "all of"; the outer list is "any of".
  return needs.some((all) => all.every((p) => roleCan(role, p)));
}

async function outcome(verb: Verb, ctx: Ctx): Promise<"refused" | "passed"> {
  try {
    const result = await verb.call(ctx);
    // A quiet verb's empty answer is a refusal only for a caller who lacks the permission.
    if (verb.quiet && !allowed(ctx.actor.role, verb) && (result === null || result === false)) return "refused";
    return "passed";
  } catch (e) {
    return e instanceof ForbiddenError ? "refused" : "passed";
  }
}

describe("permission matrix", () => {
  for (const verb of serviceVerbs) {
    it(`${verb.name}: ${JSON.stringify(verb.permission)}`, async () => {
      const seen = Object.fromEntries(
        await Promise.all(roles.map(async (r) => [r, await outcome(verb, ctxByRole[r])])),
      );
      const expected = Object.fromEntries(roles.map((r) => [r, allowed(r, verb) ? "passed" : "refused"]));
      expect(seen).toEqual(expected);
    });
  }

  it("lists every exported function of lib/ that takes a Ctx first", () => {
    const listed = new Set(serviceVerbs.map((v) => v.name));
    const helpers = new Set([
      // Building blocks that receive an already-checked Ctx, not entry points.
      "unitScopeOf",
      "inUnitScope",
      "unitInScope",
      "can",
      "requirePermission",
      "historyRow",
      "auditRow",
      "auditExport",
      "sendProgress",
      "receiptRow",
      "reportScope",
      "searchFilter",
      "searchPage",
      "withTransaction",
      "dbOf",
    ]);
    const missing: string[] = [];
    for (const file of sourceFiles(path.resolve("lib"))) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/^export (?:async )?function (\w+)(?:<[^>]*>)?\(ctx: (?:Ctx|StaffSession)\b/gm)) {
        if (!listed.has(m[1]) && !helpers.has(m[1])) missing.push(`${path.relative(".", file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}
