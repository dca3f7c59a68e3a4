import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { dossiers } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { seedTestOrg } from "@/lib/testing";
import { homeFigures } from "./home-figures";
import { receiveDossier } from "./receive";
import { apiCtxOf, citizen, seedTestProcedures } from "./testing";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
const HOUR = 3_600_000;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  const procs = await seedTestProcedures(h.db, org.unitIds.justice);
  const now = Date.now();
  const due = async (code: string, at: number, status?: "returned") => {
    await h.db
      .update(dossiers)
      .set({ dueAt: new Date(at), ...(status ? { status } : {}) })
      .where(eq(dossiers.code, code));
  };
  const at = (ctx: Parameters<typeof receiveDossier>[0]) =>
    receiveDossier(ctx, { ...citizen, procedureId: procs.birth });
  // The receptionist's own three: one overdue, one due within the hour, one due in a month.
  await due((await at(org.receptionist)).code, now - HOUR);
  await due((await at(org.receptionist)).code, now + HOUR / 6);
  await due((await at(org.receptionist)).code, now + 30 * 24 * HOUR);
  // Overdue but already returned: not counted as overdue.
  await due((await at(org.receptionist)).code, now - HOUR, "returned");
  // Received by the API in the centre, and one in Thành Sen: overdue, not the receptionist's.
  await due((await at(await apiCtxOf(h.db, org.unitIds.center))).code, now - 2 * HOUR);
  await due((await at(org.receptionistThanhSen)).code, now - 2 * HOUR);
});
afterAll(() => h.close());

describe("home figures", () => {
  it("counts a receptionist's own dossiers: received today, due in the next two working days, overdue", async () => {
    expect(await homeFigures(org.receptionist)).toMatchObject({
      scope: "own",
      receivedToday: 4,
      dueSoon: 1,
      overdue: 1,
    });
    expect(await homeFigures(org.receptionistThanhSen)).toMatchObject({
      scope: "own",
      receivedToday: 1,
      dueSoon: 0,
      overdue: 1,
    });
  });

  it("counts a supervisor's whole unit subtree and nothing outside it", async () => {
    // The office's subtree holds the centre: the receptionist's four and the API's one; Thành Sen is outside.
    expect(await homeFigures(org.supervisor)).toMatchObject({
      scope: "unit",
      receivedToday: 5,
      dueSoon: 1,
      overdue: 2,
    });
  });

  it("has no figures for a role that does not read dossiers", async () => {
    expect(await homeFigures(org.publisher)).toBeNull();
  });
});
