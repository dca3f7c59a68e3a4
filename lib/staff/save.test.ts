import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, staff } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { verifyPassword } from "@/lib/auth/password";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { getStaffMember, listStaff } from "./queries";
import { changeOwnPassword, createStaff, resetStaffPassword, updateStaff } from "./save";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
});
afterAll(() => h.close());

const valid = () => ({
  username: "Tran.Binh",
  password: "Mat-khau-2026",
  fullName: "  Trần   Bình ",
  role: "receptionist",
  unitId: String(org.unitIds.thanhsen),
});

describe("staff administration", () => {
  it("refuses every verb to roles without staff.manage", async () => {
    for (const ctx of [org.receptionist, org.publisher, org.supervisor]) {
      await expect(createStaff(ctx, valid())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateStaff(ctx, { id: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(resetStaffPassword(ctx, { id: 1, password: "Mat-khau-2026" })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(listStaff(ctx)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getStaffMember(ctx, 1)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("creates an account with a hashed password, cleaned name and an audit row in the same transaction", async () => {
    const { id } = await createStaff(org.admin, valid());
    const [row] = await h.db.select().from(staff).where(eq(staff.id, id));
    expect(row.username).toBe("tran.binh");
    expect(row.fullName).toBe("Trần Bình");
    expect(row.passwordHash).not.toContain("Mat-khau");
    expect(await verifyPassword("Mat-khau-2026", row.passwordHash)).toBe(true);
    expect(row.mustChangePassword).toBe(true);
    const audits = await h.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)));
    expect(audits.map((a) => a.action)).toEqual(["staff.create"]);
    expect(audits[0].actorLabel).toBe("admin");
    expect(JSON.stringify(audits[0].changes)).not.toContain("Mat-khau");
  });

  it("explains bad input in Vietnamese, field by field, and writes nothing", async () => {
    const before = (await h.db.select().from(staff)).length;
    const err = await createStaff(org.admin, { ...valid(), username: "a", password: "short", fullName: "" }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors.username).toMatch(/Tên đăng nhập/);
    expect(err.fieldErrors.password).toMatch(/ít nhất 10 ký tự/);
    expect(err.fieldErrors.fullName).toMatch(/Họ và tên/);
    await expect(createStaff(org.admin, { ...valid(), username: "admin" })).rejects.toMatchObject({
      fieldErrors: { username: "Tên đăng nhập đã được dùng." },
    });
    expect((await h.db.select().from(staff)).length).toBe(before);
  });

  it("deactivating or changing a role ends existing sessions", async () => {
    const { id } = await createStaff(org.admin, { ...valid(), username: "to.deactivate" });
    const [before] = await h.db.select().from(staff).where(eq(staff.id, id));
    await updateStaff(org.admin, {
      id,
      fullName: "Trần Bình",
      role: "receptionist",
      unitId: org.unitIds.thanhsen,
      active: "",
    });
    const [after] = await h.db.select().from(staff).where(eq(staff.id, id));
    expect(after.active).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
  });

  it("an admin cannot lock themself out", async () => {
    await expect(
      updateStaff(org.admin, {
        id: org.admin.actor.id,
        fullName: "Quản trị",
        role: "receptionist",
        unitId: org.unitIds.province,
        active: "on",
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("resets a password and forces a change; the owner changes it with the current one", async () => {
    const { id } = await createStaff(org.admin, { ...valid(), username: "reset.me" });
    await resetStaffPassword(org.admin, { id, password: "Mat-khau-moi-1" });
    const ctx = await org.ctxOf("reset.me");
    await expect(
      changeOwnPassword(ctx, {
        currentPassword: "wrong",
        newPassword: "Mat-khau-moi-2",
        confirmPassword: "Mat-khau-moi-2",
      }),
    ).rejects.toMatchObject({
      fieldErrors: { currentPassword: "Mật khẩu hiện tại không đúng." },
    });
    await expect(
      changeOwnPassword(ctx, {
        currentPassword: "Mat-khau-moi-1",
        newPassword: "Mat-khau-moi-2",
        confirmPassword: "khac",
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await changeOwnPassword(ctx, {
      currentPassword: "Mat-khau-moi-1",
      newPassword: "Mat-khau-moi-2",
      confirmPassword: "Mat-khau-moi-2",
    });
    const [row] = await h.db.select().from(staff).where(eq(staff.id, id));
    expect(row.mustChangePassword).toBe(false);
    expect(await verifyPassword("Mat-khau-moi-2", row.passwordHash)).toBe(true);
  });
});
