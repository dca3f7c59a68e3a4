import { asc } from "drizzle-orm";
import { executedRows } from "@/db/client";
import { announcementCategories, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { dbOf } from "@/lib/services/context";
import { oaDisplayName } from "@/lib/zalo/oa-name";
import { sql } from "drizzle-orm";
import { getAnnouncementSettings } from "./settings";
import { categoryLabels } from "./status";

/** What the compose and review screens offer: categories, tags in use, units (dossier segments), the OA's name. */
export async function composeData(ctx: Ctx) {
  requirePermission(ctx, "announcements.read");
  const db = dbOf(ctx);
  const tags = executedRows<{ tag: string }>(
    await db.execute(sql`select distinct unnest(tags) as tag from zalo_followers order by 1`),
  ).map((r) => r.tag);
  const unitList = await db.select({ id: units.id, name: units.name }).from(units).orderBy(asc(units.path));
  return {
    categories: announcementCategories.map((value) => ({ value, label: categoryLabels[value] })),
    tags,
    units: unitList,
    oaName: (await oaDisplayName(db)).name,
    settings: await getAnnouncementSettings(db),
  };
}
