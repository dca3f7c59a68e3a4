import { and, eq, isNull, or } from "drizzle-orm";
import { type DeliveryMethod, type ProcedureComponent, procedures } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { procedureTermMatch } from "./search-text";
import { dbOf } from "@/lib/services/context";

/** What a procedure picker needs to show an option and prefill the intake form. */
export interface ProcedureOption {
  id: number;
  code: string | null;
  name: string;
  field: string;
  unitId: number | null;
  processingDays: number | null;
  processingHours: number | null;
  feeText: string | null;
  feeAmount: number | null;
  components: ProcedureComponent[];
  deliveryMethods: DeliveryMethod[];
  cutoffTime: string | null;
}

const MAX_INTAKE_RESULTS = 50;

/**
 * Active procedures the caller's desk may receive, matching code or name without diacritics
 * ("khai sinh", "ruou", "1.001193"). A procedure tied to a handling unit is offered only inside that unit's scope;
 * one without a unit may be received anywhere.
 */
export async function searchProceduresForIntake(ctx: Ctx, q: string, limit = 20): Promise<ProcedureOption[]> {
  requirePermission(ctx, "procedures.read");
  const match = procedureTermMatch(q);
  if (!match) return [];
  const take = Math.min(Math.max(1, Math.trunc(limit) || 20), MAX_INTAKE_RESULTS);
  return dbOf(ctx)
    .select({
      id: procedures.id,
      code: procedures.code,
      name: procedures.name,
      field: procedures.field,
      unitId: procedures.unitId,
      processingDays: procedures.processingDays,
      processingHours: procedures.processingHours,
      feeText: procedures.feeText,
      feeAmount: procedures.feeAmount,
      components: procedures.components,
      deliveryMethods: procedures.deliveryMethods,
      cutoffTime: procedures.cutoffTime,
    })
    .from(procedures)
    .where(
      and(eq(procedures.active, true), or(isNull(procedures.unitId), inUnitScope(ctx, procedures.unitId)), match.where),
    )
    .orderBy(...match.orderBy, procedures.id)
    .limit(take);
}
