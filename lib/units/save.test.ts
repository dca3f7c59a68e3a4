import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, units } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { getUnit, listUnits, unitCodeOn } from "./queries";
import { createUnit, updateUnit } from "./save";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
});
afterAll(() => h.close());

describe("units", () => {
  it("only admins manage units", async () => {
    for (const ctx of [org.receptionist, org.publisher, org.supervisor]) {
      await expect(createUnit(ctx, { name: "X", kind: "commune" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        updateUnit(ctx, { id: org.unitIds.thachha, name: "X", kind: "commune", active: "on" }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getUnit(ctx, org.unitIds.thachha)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("scopes the unit list: admin everything, supervisor the subtree, receptionist the own unit", async () => {
    const all = await listUnits(org.admin);
    expect(all.length).toBe(7);
    const supervised = (await listUnits(org.supervisor)).map((u) => u.id).sort();
    expect(supervised).toEqual([org.unitIds.office, org.unitIds.center].sort());
    expect((await listUnits(org.receptionistThanhSen)).map((u) => u.id)).toEqual([org.unitIds.thanhsen]);
  });

  it("lists each unit with its own current code, the re-issued one for a unit with two", async () => {
    const byId = new Map((await listUnits(org.admin)).map((u) => [u.id, u.code]));
    expect(byId.get(org.unitIds.province)).toBe("000.00.00.H27");
    expect(byId.get(org.unitIds.office)).toBe("H27.01");
    expect(byId.get(org.unitIds.center)).toBe("H27.37");
    expect(byId.get(org.unitIds.thanhsen)).toBe("H27.18073");
    expect(new Set(byId.values()).size).toBe(byId.size);
  });

  it("creates a unit under a parent with its path, code and audit row", async () => {
    const unit = await createUnit(org.admin, {
      name: "UBND xã Cẩm Xuyên",
      kind: "commune",
      parentId: String(org.unitIds.province),
      code: "h27.18673",
      codeValidFrom: "2025-07-01",
    });
    expect(unit.path).toBe(`/${org.unitIds.province}/${unit.id}/`);
    expect(await unitCodeOn(h.db, unit.id, "2025-08-01")).toBe("H27.18673");
    const audits = await h.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(unit.id)));
    expect(audits[0].action).toBe("unit.create");
  });

  it("a re-issued code applies from its date; the old code stays valid for earlier days", async () => {
    const id = org.unitIds.thachha;
    const [u] = await h.db.select().from(units).where(eq(units.id, id));
    await updateUnit(org.admin, {
      id,
      name: u.name,
      kind: u.kind,
      parentId: String(u.parentId),
      code: "H27.99",
      codeValidFrom: "2026-01-01",
      active: "on",
    });
    expect(await unitCodeOn(h.db, id, "2025-12-31")).toBe("H27.18562");
    expect(await unitCodeOn(h.db, id, "2026-01-01")).toBe("H27.99");
    const detail = await getUnit(org.admin, id);
    expect(detail.codes.map((c) => [c.code, c.validTo])).toEqual([
      ["H27.18562", "2025-12-31"],
      ["H27.99", null],
    ]);
  });

  it("rejects a malformed code and a cycle in the tree", async () => {
    await expect(createUnit(org.admin, { name: "Y", kind: "commune", code: "abc" })).rejects.toMatchObject({
      fieldErrors: { code: expect.stringMatching(/Mã định danh/) },
    });
    const err = await updateUnit(org.admin, {
      id: org.unitIds.office,
      name: "VP",
      kind: "department",
      parentId: String(org.unitIds.center),
      active: "on",
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
  });

  it("moving a unit moves its subtree", async () => {
    const [office] = await h.db.select().from(units).where(eq(units.id, org.unitIds.office));
    await updateUnit(org.admin, {
      id: org.unitIds.office,
      name: office.name,
      kind: office.kind,
      parentId: "",
      active: "on",
    });
    const [center] = await h.db.select().from(units).where(eq(units.id, org.unitIds.center));
    expect(center.path).toBe(`/${org.unitIds.office}/${org.unitIds.center}/`);
  });
});
