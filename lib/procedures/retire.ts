import { eq } from "drizzle-orm";
import { procedures } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { procedureReactivateSchema, procedureRetireSchema } from "./schemas";
import { withTransaction } from "@/lib/services/context";

/** Retired procedures stay in the catalogue (old dossiers point at them) but can no longer be received. */
export async function retireProcedure(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "procedures.manage");
  const input = parseInput(procedureRetireSchema, raw);
  return withTransaction(ctx, async (ctx, tx) => {
    const [before] = await tx.select().from(procedures).where(eq(procedures.id, input.id)).for("update");
    if (!before) throw new NotFoundError("errors.notFound.procedure");
    if (!before.active) throw new ConflictError("errors.procedure.alreadyRetired");
    const now = ctx.now ?? new Date();
    await tx
      .update(procedures)
      .set({ active: false, retiredAt: now, updatedAt: now })
      .where(eq(procedures.id, input.id));
    await writeAudit(tx, ctx, {
      action: "procedure.retire",
      entityType: "procedure",
      entityId: input.id,
      unitId: before.unitId,
      summary: `Ngừng áp dụng thủ tục ${before.code ? `${before.code} – ` : ""}${before.name}`,
      changes: { active: { from: true, to: false }, ...(input.reason ? { reason: input.reason } : {}) },
    });
    return { id: input.id };
  });
}

export async function reactivateProcedure(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "procedures.manage");
  const input = parseInput(procedureReactivateSchema, raw);
  return withTransaction(ctx, async (ctx, tx) => {
    const [before] = await tx.select().from(procedures).where(eq(procedures.id, input.id)).for("update");
    if (!before) throw new NotFoundError("errors.notFound.procedure");
    if (before.active) throw new ConflictError("errors.procedure.alreadyActive");
    await tx
      .update(procedures)
      .set({ active: true, retiredAt: null, updatedAt: ctx.now ?? new Date() })
      .where(eq(procedures.id, input.id));
    await writeAudit(tx, ctx, {
      action: "procedure.reactivate",
      entityType: "procedure",
      entityId: input.id,
      unitId: before.unitId,
      summary: `Áp dụng lại thủ tục ${before.code ? `${before.code} – ` : ""}${before.name}`,
      changes: { active: { from: false, to: true } },
    });
    return { id: input.id };
  });
}
