import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { seedTestOrg } from "@/lib/testing";
import { correctDossier } from "./correct";
import { exportDossierRows } from "./list";
import { receiveDossier } from "./receive";
import { citizen, seedTestProcedures } from "./testing";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let procs: Awaited<ReturnType<typeof seedTestProcedures>>;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  procs = await seedTestProcedures(h.db, org.unitIds.justice);
});
afterAll(() => h.close());

async function lastAudit(action: string) {
  const [row] = await h.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe("personal data in the audit log", () => {
  it("a correction's audit row names the fields changed, not the old or new values", async () => {
    const d = await receiveDossier(org.receptionist, { ...citizen, procedureId: procs.birth });
    await correctDossier(org.receptionist, {
      ...citizen,
      code: d.code,
      submitterName: "Nguyễn Văn Lâm Sửa",
      submitterAddress: "Số 99 phố Bí Mật",
      reason: "Sai tên",
    });
    const row = await lastAudit("dossier.correct");
    expect(row.changes).toEqual({ fields: expect.arrayContaining(["submitterName", "submitterAddress", "ownerName"]) });
    const text = JSON.stringify(row);
    for (const value of ["Nguyễn Văn Lâm", "Số 99 phố Bí Mật", citizen.submitterAddress])
      expect(text).not.toContain(value);
  });

  it("a bulk CSV export is audited with its filter and row count", async () => {
    const rows = await exportDossierRows(org.receptionist, { status: "received" });
    const row = await lastAudit("dossier.export");
    expect(row.actorId).toBe(org.receptionist.actor.id);
    expect(row.changes).toMatchObject({ filter: expect.objectContaining({ status: "received" }), rows: rows.length });
    expect(rows.length).toBeGreaterThan(0);
  });
});
