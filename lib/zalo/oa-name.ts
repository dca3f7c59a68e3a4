import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { units } from "@/db/schema";

/** "UBND tỉnh Hà Tĩnh" → "tỉnh Hà Tĩnh": the area the OA serves, from the province unit; ZALO_OA_AREA overrides. */
async function oaArea(db: DbOrTx): Promise<string> {
  if (process.env.ZALO_OA_AREA) return process.env.ZALO_OA_AREA;
  const [province] = await db
    .select({ name: units.name })
    .from(units)
    .where(eq(units.kind, "province"))
    .orderBy(asc(units.id))
    .limit(1);
  const area = province?.name.replace(/^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/i, "").trim();
  return area || "tỉnh";
}

/** The OA's name in messages: ZALO_OA_NAME, or "Cổng Dịch vụ công <area>". */
export async function oaDisplayName(db: DbOrTx): Promise<{ name: string; area: string }> {
  const area = await oaArea(db);
  return { name: process.env.ZALO_OA_NAME || `Cổng Dịch vụ công ${area}`, area };
}
