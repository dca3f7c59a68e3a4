import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Procedure, procedures, units } from "@/db/schema";
import { procedureTermMatch } from "@/lib/procedures/search-text";
import { loadMenuSettings } from "./settings";

const MAX_PROCEDURE_CHOICES = 5;

/** Active catalogue procedures whose name holds every word of the keyword, diacritics ignored ("ruou" finds "rượu"). */
export async function matchProcedures(
  db: DbOrTx,
  keyword: string,
  limit = MAX_PROCEDURE_CHOICES,
): Promise<Procedure[]> {
  const match = procedureTermMatch(keyword);
  if (!match) return [];
  return db
    .select()
    .from(procedures)
    .where(and(eq(procedures.active, true), match.where))
    .orderBy(...match.orderBy, procedures.id)
    .limit(limit);
}

export async function procedureById(db: DbOrTx, id: number): Promise<Procedure | null> {
  const [p] = await db.select().from(procedures).where(eq(procedures.id, id));
  return p ?? null;
}

/**
 * The unit that takes the request: the procedure's handling unit, else the configured one, else the province's top
 * unit.
 */
export async function unitForRequest(
  db: DbOrTx,
  procedure: Pick<Procedure, "unitId"> | null,
): Promise<{ id: number; name: string; address: string | null }> {
  const settings = await loadMenuSettings(db);
  const id = procedure?.unitId ?? settings.homeSupportUnitId;
  const [unit] = id
    ? await db.select({ id: units.id, name: units.name, address: units.address }).from(units).where(eq(units.id, id))
    : await db
        .select({ id: units.id, name: units.name, address: units.address })
        .from(units)
        .where(isNull(units.parentId))
        .orderBy(units.id)
        .limit(1);
  if (!unit) throw new Error("Chưa có đơn vị nào để nhận đăng ký hỗ trợ tại nhà.");
  return unit;
}
