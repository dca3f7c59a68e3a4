import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type NotificationSettings, notificationSettings } from "@/db/schema";

/** The shared settings row (id 1), created with the defaults on first use. */
export async function getNotificationSettings(db: DbOrTx): Promise<NotificationSettings> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.id, 1));
  if (row) return row;
  await db.insert(notificationSettings).values({ id: 1 }).onConflictDoNothing();
  const [created] = await db.select().from(notificationSettings).where(eq(notificationSettings.id, 1));
  return created;
}

export type SettingsPatch = Partial<Omit<NotificationSettings, "id" | "updatedAt">>;

/** For tests, benchmarks and the admin: change tuning without a deploy. */
export async function updateNotificationSettings(db: DbOrTx, patch: SettingsPatch): Promise<void> {
  await getNotificationSettings(db);
  await db
    .update(notificationSettings)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(notificationSettings.id, 1));
}
