import { eq, type SQL, sql, type AnyColumn } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope, unitInScope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";

/** The units a report covers: the caller's scope, narrowed to a chosen unit's subtree when one is given. */
export interface ReportScope {
  ctx: Ctx;
  unit: { id: number; name: string; path: string } | null;
}

export async function reportScope(db: DbOrTx, ctx: Ctx, unitId: number | undefined): Promise<ReportScope> {
  requirePermission(ctx, "reports.read");
  if (!unitId) return { ctx, unit: null };
  const [u] = await db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(eq(units.id, unitId));
  // Another unit's id answers like a missing one.
  if (!u || !unitInScope(ctx, u)) throw new NotFoundError("errors.notFound.unit");
  return { ctx, unit: u };
}

/** WHERE condition on a unit-id column: inside the caller's scope and the chosen subtree. */
export function inReportScope(scope: ReportScope, column: AnyColumn | SQL): SQL {
  const base = inUnitScope(scope.ctx, column);
  if (!scope.unit) return base;
  return sql`(${base} and ${column} in (select ${units.id} from ${units} where ${units.path}
    like ${scope.unit.path + "%"}))`;
}
