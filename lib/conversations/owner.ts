import { asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { units } from "@/db/schema";

/**
 * The unit that receives a new conversation: the one holding the citizen's latest dossier, else the
 * one-stop service centre, else the top unit. Staff transfer it from there.
 */
export async function owningUnitFor(db: DbOrTx, dossierUnitIds: number[]): Promise<number> {
  if (dossierUnitIds.length) return dossierUnitIds[0];
  const [centre] = await db
    .select({ id: units.id })
    .from(units)
    .where(eq(units.kind, "service_center"))
    .orderBy(asc(units.id))
    .limit(1);
  if (centre) return centre.id;
  const [root] = await db
    .select({ id: units.id })
    .from(units)
    .where(isNull(units.parentId))
    .orderBy(asc(units.id))
    .limit(1);
  if (!root) throw new Error("Chưa có đơn vị nào để nhận hội thoại.");
  return root.id;
}
