import { and, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { procedures, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { type ProcedureInput, procedureCreateSchema, procedureUpdateSchema } from "./schemas";
import { procedureSearchText } from "./search-text";
import { msg } from "@/lib/i18n/translate";
import { withTransaction } from "@/lib/services/context";

function columnsOf(input: ProcedureInput) {
  return {
    code: input.code ?? null,
    name: input.name,
    field: input.field,
    sector: input.sector ?? null,
    level: input.level ?? null,
    agency: input.agency ?? null,
    unitId: input.unitId ?? null,
    processingDays: input.processingDays ?? null,
    processingHours: input.processingHours ?? null,
    processingNote: input.processingNote ?? null,
    feeText: input.feeText ?? null,
    feeAmount: input.feeAmount ?? null,
    components: input.components.map((c) => ({
      name: c.name,
      copies: c.copies,
      ...(c.original ? { original: true } : {}),
    })),
    deliveryMethods: input.deliveryMethods,
    cutoffTime: input.cutoffTime ?? null,
    supplementClock: input.supplementClock,
    searchText: procedureSearchText(input),
  };
}

async function checkReferences(tx: Tx, input: ProcedureInput, selfId?: number) {
  if (input.unitId != null) {
    const [unit] = await tx
      .select({ id: units.id, active: units.active })
      .from(units)
      .where(eq(units.id, input.unitId));
    if (!unit || !unit.active) throw new ValidationError({ unitId: "errors.unit.processingInactive" });
  }
  if (input.code) {
    const [dup] = await tx
      .select({ id: procedures.id, name: procedures.name })
      .from(procedures)
      .where(
        selfId ? and(eq(procedures.code, input.code), ne(procedures.id, selfId)) : eq(procedures.code, input.code),
      );
    if (dup)
      throw new ValidationError({ code: msg("errors.procedure.codeTakenBy", { code: input.code, name: dup.name }) });
  }
}

function duplicateCode(code: string | undefined) {
  return new ValidationError({ code: msg("errors.procedure.codeTaken", { code: code ?? "" }) });
}

export async function createProcedure(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "procedures.manage");
  const input = parseInput(procedureCreateSchema, raw);
  const save = withTransaction(ctx, async (ctx, tx) => {
    await checkReferences(tx, input);
    const values = columnsOf(input);
    const [row] = await tx.insert(procedures).values(values).returning({ id: procedures.id });
    const { searchText: _, ...changes } = values;
    await writeAudit(tx, ctx, {
      action: "procedure.create",
      entityType: "procedure",
      entityId: row.id,
      unitId: input.unitId ?? null,
      summary: `Thêm thủ tục ${input.code ? `${input.code} – ` : ""}${input.name}`,
      changes,
    });
    return row;
  });
  return save.catch((err) => {
    throw isUniqueViolation(err) ? duplicateCode(input.code) : err;
  });
}

export async function updateProcedure(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "procedures.manage");
  const input = parseInput(procedureUpdateSchema, raw);
  const save = withTransaction(ctx, async (ctx, tx) => {
    const [before] = await tx.select().from(procedures).where(eq(procedures.id, input.id)).for("update");
    if (!before) throw new NotFoundError("errors.notFound.procedure");
    await checkReferences(tx, input, input.id);
    const next = columnsOf(input);
    const { searchText: _, ...changes } = diff(before, next);
    if (Object.keys(changes).length === 0) return { id: input.id, changed: false };
    await tx
      .update(procedures)
      .set({ ...next, updatedAt: ctx.now ?? new Date() })
      .where(eq(procedures.id, input.id));
    await writeAudit(tx, ctx, {
      action: "procedure.update",
      entityType: "procedure",
      entityId: input.id,
      unitId: next.unitId,
      summary: `Cập nhật thủ tục ${next.code ? `${next.code} – ` : ""}${next.name}`,
      changes,
    });
    return { id: input.id, changed: true };
  });
  return save.catch((err) => {
    throw isUniqueViolation(err) ? duplicateCode(input.code) : err;
  });
}
