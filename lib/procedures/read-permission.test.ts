import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { seedProcedures } from "@/lib/seed/procedures";
import { useTestDb } from "@/db/testing";
import { ForbiddenError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { getProcedure, listProcedureFields, listProcedures } from "./queries";
import { searchProceduresForIntake } from "./search";

// Every demo role may read the catalogue today; take procedures.read away from the publisher to prove the reads check
// it.
vi.mock("@/lib/auth/permissions", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/permissions")>();
  return {
    ...real,
    roleCan: (role: Parameters<typeof real.roleCan>[0], p: Parameters<typeof real.roleCan>[1]) =>
      role === "publisher" && p === "procedures.read" ? false : real.roleCan(role, p),
  };
});

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  await seedProcedures(h.db);
});
afterAll(() => h.close());

describe("reading the catalogue", () => {
  it("is refused without procedures.read", async () => {
    await expect(listProcedures(org.publisher, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listProcedureFields(org.publisher)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getProcedure(org.publisher, 1)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(searchProceduresForIntake(org.publisher, "khai sinh")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("is allowed with it", async () => {
    expect((await searchProceduresForIntake(org.receptionist, "khai sinh")).length).toBeGreaterThan(0);
  });
});
