import { type SQL, sql, type AnyColumn } from "drizzle-orm";
import { units } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import type { Ctx } from "./actor";

export type UnitScope = { kind: "all" } | { kind: "subtree"; path: string } | { kind: "unit"; unitId: number };

/** Admin and the system see everything, a supervisor the unit's subtree, everyone else their own unit. */
export function unitScopeOf(ctx: Ctx): UnitScope {
  const { actor } = ctx;
  if (actor.kind === "system" || (actor.kind === "staff" && actor.role === "admin")) return { kind: "all" };
  if (actor.unitId == null) throw new ForbiddenError();
  if (actor.role === "supervisor" || actor.readsSubtree) return { kind: "subtree", path: actor.unitPath };
  return { kind: "unit", unitId: actor.unitId };
}

/** A WHERE condition restricting a unit-id column to the caller's scope. */
export function inUnitScope(ctx: Ctx, unitIdColumn: AnyColumn | SQL): SQL {
  const scope = unitScopeOf(ctx);
  if (scope.kind === "all") return sql`true`;
  if (scope.kind === "unit") return sql`${unitIdColumn} = ${scope.unitId}`;
  return sql`${unitIdColumn} in (select ${units.id} from ${units} where ${units.path} like ${scope.path + "%"})`;
}

export function unitInScope(ctx: Ctx, unit: { id: number; path: string }): boolean {
  const scope = unitScopeOf(ctx);
  if (scope.kind === "all") return true;
  if (scope.kind === "unit") return unit.id === scope.unitId;
  return unit.path.startsWith(scope.path);
}
