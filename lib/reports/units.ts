import { asc } from "drizzle-orm";
import { units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { dbOf } from "@/lib/services/context";

/** The units a report may be narrowed to: the caller's scope, in tree order. */
export async function reportUnits(ctx: Ctx) {
  requirePermission(ctx, "reports.read");
  return dbOf(ctx)
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(inUnitScope(ctx, units.id))
    .orderBy(asc(units.path));
}
