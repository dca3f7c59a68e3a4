import { asc } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";

/** The units a report may be narrowed to: the caller's scope, in tree order. */
export async function reportUnits(ctx: Ctx, db: DbOrTx = getDb()) {
  requirePermission(ctx, "reports.read");
  return db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(inUnitScope(ctx, units.id))
    .orderBy(asc(units.path));
}
