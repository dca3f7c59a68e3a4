import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { useTestDb } from "@/db/testing";
import { ForbiddenError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { createUnit } from "@/lib/units/save";
import { listAudit } from "./list";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  for (let i = 1; i <= 12; i++) await createUnit(org.admin, { name: `Đơn vị thử ${i}`, kind: "other" });
});
afterAll(() => h.close());

describe("audit log", () => {
  it("is admin-only", async () => {
    for (const ctx of [org.receptionist, org.publisher, org.supervisor])
      await expect(listAudit(ctx, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
  it("paginates on the server, newest first, and filters", async () => {
    const page1 = await listAudit(org.admin, { pageSize: "10" });
    expect(page1.total).toBe(12);
    expect(page1.rows).toHaveLength(10);
    expect(page1.rows[0].summary).toContain("Đơn vị thử 12");
    const page2 = await listAudit(org.admin, { pageSize: "10", page: "2" });
    expect(page2.rows).toHaveLength(2);
    expect((await listAudit(org.admin, { q: "thử 7" })).rows.map((r) => r.summary)).toEqual([
      'Tạo đơn vị "Đơn vị thử 7"',
    ]);
    expect((await listAudit(org.admin, { action: "staff.create" })).total).toBe(0);
  });
  it("ignores malformed filters instead of failing", async () => {
    const r = await listAudit(org.admin, { page: "abc", from: "31/12/2026" });
    expect(r.page).toBe(1);
  });
});
