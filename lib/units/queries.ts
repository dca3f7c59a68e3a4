import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { unitCodes, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";
import { dbOf } from "@/lib/services/context";

/** The identification code valid for a unit on a given day (dossiers keep the code of their reception day). */
export async function unitCodeOn(db: DbOrTx, unitId: number, day: string): Promise<string | null> {
  const [row] = await db
    .select({ code: unitCodes.code })
    .from(unitCodes)
    .where(
      and(
        eq(unitCodes.unitId, unitId),
        lte(unitCodes.validFrom, day),
        or(isNull(unitCodes.validTo), gte(unitCodes.validTo, day)),
      ),
    )
    .orderBy(sql`${unitCodes.validFrom} desc`)
    .limit(1);
  return row?.code ?? null;
}

export async function listUnits(ctx: Ctx) {
  const db = dbOf(ctx);
  const rows = await db
    .select({
      id: units.id,
      parentId: units.parentId,
      kind: units.kind,
      name: units.name,
      address: units.address,
      path: units.path,
      active: units.active,
    })
    .from(units)
    .where(inUnitScope(ctx, units.id))
    .orderBy(asc(units.path));
  // Each unit's own open-ended code, the latest if several (read apart: a correlated sub-select here lost its unit).
  const open = rows.length
    ? await db
        .select({ unitId: unitCodes.unitId, code: unitCodes.code })
        .from(unitCodes)
        .where(
          and(
            inArray(
              unitCodes.unitId,
              rows.map((r) => r.id),
            ),
            isNull(unitCodes.validTo),
          ),
        )
        .orderBy(asc(unitCodes.validFrom))
    : [];
  const current = new Map(open.map((c) => [c.unitId, c.code]));
  return rows.map((r) => ({ ...r, code: current.get(r.id) ?? null }));
}

export async function getUnit(ctx: Ctx, id: number) {
  requirePermission(ctx, "units.manage");
  const db = dbOf(ctx);
  const [unit] = await db.select().from(units).where(eq(units.id, id));
  if (!unit) throw new NotFoundError("errors.notFound.unit");
  const codes = await db.select().from(unitCodes).where(eq(unitCodes.unitId, id)).orderBy(asc(unitCodes.validFrom));
  return { ...unit, codes };
}
