import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type OaMenuSettings, oaMenuSettings } from "@/db/schema";

// The OA menu's settings row: home support's unit, keyword and default capacity, and the contacts entry's unit and
// phone. Home support reads it without depending on the menu; the menu (lib/oa-menu) reads it from here.
const defaultMenuSettings = (): OaMenuSettings => ({
  id: 1,
  homeSupportUnitId: null,
  homeSupportKeyword: null,
  defaultCapacity: 2,
  contactsUnitId: null,
  contactsPhone: null,
  updatedAt: new Date(0),
});

export async function loadMenuSettings(db: DbOrTx): Promise<OaMenuSettings> {
  const [row] = await db.select().from(oaMenuSettings).where(eq(oaMenuSettings.id, 1));
  return row ?? defaultMenuSettings();
}
