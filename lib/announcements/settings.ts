import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type AnnouncementSettings, announcementSettings } from "@/db/schema";

/** The province-wide settings row (id 1), created with the defaults on first use. */
export async function getAnnouncementSettings(db: DbOrTx): Promise<AnnouncementSettings> {
  const [row] = await db.select().from(announcementSettings).where(eq(announcementSettings.id, 1));
  if (row) return row;
  await db.insert(announcementSettings).values({ id: 1 }).onConflictDoNothing();
  const [created] = await db.select().from(announcementSettings).where(eq(announcementSettings.id, 1));
  return created;
}

export type AnnouncementSettingsPatch = Partial<Omit<AnnouncementSettings, "id" | "updatedAt">>;

export async function updateAnnouncementSettings(db: DbOrTx, patch: AnnouncementSettingsPatch): Promise<void> {
  await getAnnouncementSettings(db);
  await db
    .update(announcementSettings)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(announcementSettings.id, 1));
}
