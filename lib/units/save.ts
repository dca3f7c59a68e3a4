import { and, eq, isNull, like, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { unitCodes, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write";
import { localToday } from "@/lib/calendar/time";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { assertUnitCodeFreeOfNationalCodes } from "./national-code";
import { parseInput } from "@/lib/validation";
import { unitInputSchema, unitUpdateSchema } from "./schemas";
import { withTransaction } from "@/lib/services/context";

/** A new code closes the current one the day before it starts, so old dossiers keep theirs. */
async function issueCode(tx: Tx, unitId: number, code: string, validFrom: string) {
  const [current] = await tx
    .select()
    .from(unitCodes)
    .where(and(eq(unitCodes.unitId, unitId), isNull(unitCodes.validTo)));
  if (current?.code === code) return false;
  await assertUnitCodeFreeOfNationalCodes(tx, code);
  if (current) {
    if (current.validFrom >= validFrom) throw new ValidationError({ codeValidFrom: "errors.unit.codeValidFrom" });
    const dayBefore = new Date(`${validFrom}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    await tx
      .update(unitCodes)
      .set({ validTo: dayBefore.toISOString().slice(0, 10) })
      .where(eq(unitCodes.id, current.id));
  }
  await tx.insert(unitCodes).values({ unitId, code, validFrom });
  return true;
}

export async function createUnit(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "units.manage");
  const input = parseInput(unitInputSchema, raw);
  return withTransaction(ctx, async (ctx, tx) => {
    let parentPath = "/";
    if (input.parentId) {
      const [parent] = await tx.select().from(units).where(eq(units.id, input.parentId));
      if (!parent) throw new ValidationError({ parentId: "errors.unit.parentMissing" });
      parentPath = parent.path;
    }
    const [unit] = await tx
      .insert(units)
      .values({
        name: input.name,
        kind: input.kind,
        parentId: input.parentId,
        address: input.address,
        hotline: input.hotline,
      })
      .returning();
    const path = `${parentPath}${unit.id}/`;
    await tx.update(units).set({ path }).where(eq(units.id, unit.id));
    if (input.code) await issueCode(tx, unit.id, input.code, input.codeValidFrom ?? localToday());
    await writeAudit(tx, ctx, {
      action: "unit.create",
      entityType: "unit",
      entityId: unit.id,
      unitId: unit.id,
      summary: `Tạo đơn vị "${unit.name}"${input.code ? ` (mã ${input.code})` : ""}`,
      changes: { ...input },
    });
    return { ...unit, path };
  });
}

export async function updateUnit(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "units.manage");
  const input = parseInput(unitUpdateSchema, raw);
  return withTransaction(ctx, async (ctx, tx) => {
    const [before] = await tx.select().from(units).where(eq(units.id, input.id)).for("update");
    if (!before) throw new NotFoundError("errors.notFound.unit");
    let path = before.path;
    if (input.parentId !== before.parentId) {
      let parentPath = "/";
      if (input.parentId) {
        const [parent] = await tx.select().from(units).where(eq(units.id, input.parentId));
        if (!parent) throw new ValidationError({ parentId: "errors.unit.parentMissing" });
        if (parent.path.startsWith(before.path)) throw new ValidationError({ parentId: "errors.unit.parentIsChild" });
        parentPath = parent.path;
      }
      path = `${parentPath}${before.id}/`;
      await tx
        .update(units)
        .set({ path: sql`${path} || substr(${units.path}, ${before.path.length + 1})` })
        .where(like(units.path, `${before.path}%`));
    }
    const changes = diff(before, {
      name: input.name,
      kind: input.kind,
      parentId: input.parentId,
      address: input.address ?? null,
      hotline: input.hotline ?? null,
      active: input.active,
    });
    await tx
      .update(units)
      .set({
        name: input.name,
        kind: input.kind,
        parentId: input.parentId,
        address: input.address ?? null,
        hotline: input.hotline ?? null,
        active: input.active,
        updatedAt: ctx.now ?? new Date(),
      })
      .where(eq(units.id, input.id));
    const newCode = input.code ? await issueCode(tx, input.id, input.code, input.codeValidFrom ?? localToday()) : false;
    await writeAudit(tx, ctx, {
      action: input.active ? "unit.update" : "unit.deactivate",
      entityType: "unit",
      entityId: input.id,
      unitId: input.id,
      summary: `Cập nhật đơn vị "${input.name}"${
        newCode ? ` — mã định danh mới ${input.code} từ ${input.codeValidFrom ?? localToday()}` : ""
      }`,
      changes: { ...changes, ...(newCode ? { code: { to: input.code } } : {}) },
    });
    return { id: input.id, path };
  });
}
