import { eq, sql } from "drizzle-orm";
import { staff, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { diff, writeAudit } from "@/lib/audit/write";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { changeOwnPasswordSchema, resetPasswordSchema, staffCreateSchema, staffUpdateSchema } from "./schemas";
import { dbOf, withTransaction } from "@/lib/services/context";

export async function createStaff(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "staff.manage");
  const input = parseInput(staffCreateSchema, raw);
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx, async (ctx, tx) => {
    const [unit] = await tx.select().from(units).where(eq(units.id, input.unitId));
    if (!unit) throw new ValidationError({ unitId: "errors.unit.notExists" });
    const [existing] = await tx.select({ id: staff.id }).from(staff).where(eq(staff.username, input.username));
    if (existing) throw new ValidationError({ username: "errors.staff.usernameTaken" });
    const [row] = await tx
      .insert(staff)
      .values({
        username: input.username,
        fullName: input.fullName,
        email: input.email,
        phone: input.phone,
        role: input.role,
        unitId: input.unitId,
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: staff.id });
    await writeAudit(tx, ctx, {
      action: "staff.create",
      entityType: "staff",
      entityId: row.id,
      unitId: input.unitId,
      summary: `Tạo tài khoản ${input.username} (${input.role}) tại ${unit.name}`,
      changes: { username: input.username, fullName: input.fullName, role: input.role, unitId: input.unitId },
    });
    return row;
  });
}

export async function updateStaff(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "staff.manage");
  const input = parseInput(staffUpdateSchema, raw);
  if (ctx.actor.id === input.id && (!input.active || input.role !== "admin")) {
    throw new ValidationError({ role: "errors.staff.selfDemote" });
  }
  return withTransaction(ctx, async (ctx, tx) => {
    const [before] = await tx.select().from(staff).where(eq(staff.id, input.id)).for("update");
    if (!before) throw new NotFoundError("errors.notFound.staff");
    const [unit] = await tx.select().from(units).where(eq(units.id, input.unitId));
    if (!unit) throw new ValidationError({ unitId: "errors.unit.notExists" });
    const next = {
      fullName: input.fullName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      role: input.role,
      unitId: input.unitId,
      active: input.active,
    };
    const changes = diff(before, next);
    const endsSessions = "role" in changes || "unitId" in changes || "active" in changes;
    await tx
      .update(staff)
      .set({
        ...next,
        updatedAt: ctx.now ?? new Date(),
        ...(endsSessions ? { sessionVersion: sql`${staff.sessionVersion} + 1` } : {}),
      })
      .where(eq(staff.id, input.id));
    await writeAudit(tx, ctx, {
      action: input.active ? "staff.update" : "staff.deactivate",
      entityType: "staff",
      entityId: input.id,
      unitId: input.unitId,
      summary: input.active ? `Cập nhật tài khoản ${before.username}` : `Khóa tài khoản ${before.username}`,
      changes,
    });
    return { id: input.id };
  });
}

export async function resetStaffPassword(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "staff.manage");
  const input = parseInput(resetPasswordSchema, raw);
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx, async (ctx, tx) => {
    const [row] = await tx
      .update(staff)
      .set({
        passwordHash,
        mustChangePassword: true,
        sessionVersion: sql`${staff.sessionVersion} + 1`,
        updatedAt: ctx.now ?? new Date(),
      })
      .where(eq(staff.id, input.id))
      .returning({ username: staff.username, unitId: staff.unitId });
    if (!row) throw new NotFoundError("errors.notFound.staff");
    await writeAudit(tx, ctx, {
      action: "staff.reset_password",
      entityType: "staff",
      entityId: input.id,
      unitId: row.unitId,
      summary: `Đặt lại mật khẩu cho ${row.username}`,
    });
    return { id: input.id };
  });
}

export async function changeOwnPassword(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "account.self");
  if (ctx.actor.kind !== "staff" || ctx.actor.id == null) throw new ForbiddenError();
  const input = parseInput(changeOwnPasswordSchema, raw);
  const staffId = ctx.actor.id;
  const [me] = await dbOf(ctx).select().from(staff).where(eq(staff.id, staffId));
  if (!me || !(await verifyPassword(input.currentPassword, me.passwordHash))) {
    throw new ValidationError({ currentPassword: "errors.staff.wrongPassword" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return withTransaction(ctx, async (ctx, tx) => {
    const [row] = await tx
      .update(staff)
      .set({
        passwordHash,
        mustChangePassword: false,
        sessionVersion: sql`${staff.sessionVersion} + 1`,
        updatedAt: ctx.now ?? new Date(),
      })
      .where(eq(staff.id, staffId))
      .returning({ sessionVersion: staff.sessionVersion });
    await writeAudit(tx, ctx, {
      action: "staff.change_password",
      entityType: "staff",
      entityId: staffId,
      summary: `${me.username} đổi mật khẩu`,
    });
    return row;
  });
}
