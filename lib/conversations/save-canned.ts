import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cannedAnswers, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { unitScopeOf, unitInScope } from "@/lib/auth/scope";
import { writeAudit } from "@/lib/audit/write";
import { withTransaction } from "@/lib/services/context";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { CANNED_PLACEHOLDERS, unknownPlaceholders } from "./canned";
import { cannedSchema } from "./schemas";
import { msg } from "@/lib/i18n/translate";

const NOT_FOUND = "errors.notFound.cannedAnswer";

/** A canned answer the caller may change: one of a unit in their scope, or (for whole-province scope) a shared one. */
export async function cannedInScope(tx: DbOrTx, ctx: Ctx, id: number) {
  const [row] = await tx
    .select({ canned: cannedAnswers, unit: units })
    .from(cannedAnswers)
    .leftJoin(units, eq(units.id, cannedAnswers.unitId))
    .where(eq(cannedAnswers.id, id))
    .for("update", { of: cannedAnswers });
  if (!row || !(row.unit ? unitInScope(ctx, row.unit) : unitScopeOf(ctx).kind === "all"))
    throw new NotFoundError(NOT_FOUND);
  return row.canned;
}

async function checkUnit(tx: DbOrTx, ctx: Ctx, unitId: number | undefined) {
  if (unitId === undefined) {
    if (unitScopeOf(ctx).kind !== "all")
      throw new ValidationError({ unitId: "errors.conversation.cannedUnitRequired" });
    return;
  }
  const [unit] = await tx
    .select()
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.active, true)));
  if (!unit || !unitInScope(ctx, unit)) throw new ValidationError({ unitId: "errors.unit.invalid" });
}

/** Creates (no id) or edits a canned answer; its placeholders must be ones the reply box can fill. */
export async function saveCannedAnswer(ctx: Ctx, raw: unknown): Promise<number> {
  requirePermission(ctx, "conversations.manage");
  const input = parseInput(cannedSchema, raw);
  const unknown = unknownPlaceholders(input.body);
  if (unknown.length) {
    const allowed = CANNED_PLACEHOLDERS.map((p) => `{${p}}`).join(", ");
    throw new ValidationError({
      body: msg("errors.conversation.cannedPlaceholders", {
        unknown: unknown.map((k) => `{${k}}`).join(", "),
        allowed,
      }),
    });
  }
  return withTransaction(ctx, async (ctx, tx) => {
    await checkUnit(tx, ctx, input.unitId);
    const values = { unitId: input.unitId ?? null, title: input.title, body: input.body };
    if (input.id) {
      const before = await cannedInScope(tx, ctx, input.id);
      await tx.update(cannedAnswers).set(values).where(eq(cannedAnswers.id, input.id));
      await writeAudit(tx, ctx, {
        action: "canned.update",
        entityType: "canned_answer",
        entityId: input.id,
        unitId: values.unitId,
        summary: `Sửa mẫu trả lời "${values.title}"`,
        changes: { before: { unitId: before.unitId, title: before.title, body: before.body }, after: values },
      });
      return input.id;
    }
    const [row] = await tx.insert(cannedAnswers).values(values).returning({ id: cannedAnswers.id });
    await writeAudit(tx, ctx, {
      action: "canned.create",
      entityType: "canned_answer",
      entityId: row.id,
      unitId: values.unitId,
      summary: `Thêm mẫu trả lời "${values.title}"`,
      changes: values,
    });
    return row.id;
  });
}
