import { and, eq } from "drizzle-orm";
import { homeSupportCapacity, homeSupportSlots, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { writeAudit } from "@/lib/audit/write";
import { NotFoundError } from "@/lib/errors";
import { dbOf, withTransaction } from "@/lib/services/context";
import { loadMenuSettings } from "./settings";
import { parseInput } from "@/lib/validation";
import { capacitySchema } from "./schemas";

export { homeSupportSlots } from "@/db/schema";

/** The units the caller may set capacity for, each with its configured cells ("weekday|slot" → places). */
export async function capacityOverview(ctx: Ctx) {
  requirePermission(ctx, "homesupport.manage");
  const db = dbOf(ctx);
  const scoped = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.active, true), inUnitScope(ctx, units.id)))
    .orderBy(units.path);
  const rows = await db.select().from(homeSupportCapacity);
  const cells = new Map<number, Record<string, number>>();
  for (const row of rows)
    cells.set(row.unitId, { ...(cells.get(row.unitId) ?? {}), [`${row.weekday}|${row.slot}`]: row.capacity });
  const settings = await loadMenuSettings(db);
  return {
    units: scoped.map((u) => ({ ...u, cells: cells.get(u.id) ?? {} })),
    defaultCapacity: settings.defaultCapacity,
  };
}

/** Form fields "cap-<weekday>-<slot>" → the schema's cells. */
export function capacityCellsFromForm(raw: Record<string, unknown>) {
  const cells = [];
  for (let weekday = 0; weekday <= 6; weekday++)
    for (const slot of homeSupportSlots) cells.push({ weekday, slot, capacity: raw[`cap-${weekday}-${slot}`] });
  return { unitId: raw.unitId, cells };
}

/** Replaces a unit's capacity table: a filled cell is stored, an empty one falls back to the default. */
export async function saveCapacity(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "homesupport.manage");
  const input = parseInput(capacitySchema, raw);
  return withTransaction(ctx, async (ctx, tx) => {
    const [unit] = await tx
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.id, input.unitId), inUnitScope(ctx, units.id)));
    if (!unit) throw new NotFoundError("errors.notFound.unit");
    await tx.delete(homeSupportCapacity).where(eq(homeSupportCapacity.unitId, unit.id));
    const filled = input.cells
      .filter((c) => c.capacity !== undefined)
      .map((c) => ({ unitId: unit.id, weekday: c.weekday, slot: c.slot, capacity: c.capacity! }));
    if (filled.length) await tx.insert(homeSupportCapacity).values(filled);
    await writeAudit(tx, ctx, {
      action: "homesupport.capacity",
      entityType: "unit",
      entityId: unit.id,
      unitId: unit.id,
      summary: `Số lượt hỗ trợ tại nhà của ${unit.name}: ${filled.length} ô được đặt`,
      changes: { cells: filled.map((c) => `${c.weekday}|${c.slot}=${c.capacity}`) },
    });
  });
}
