import { eq } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { conversationSettings } from "@/db/schema";

export type ConversationSettings = typeof conversationSettings.$inferSelect;

/** The settings row (a plain read on every message); created with its defaults the first time. */
export async function getConversationSettings(db: DbOrTx = getDb()): Promise<ConversationSettings> {
  const [row] = await db.select().from(conversationSettings).where(eq(conversationSettings.id, 1));
  if (row) return row;
  await db.insert(conversationSettings).values({ id: 1 }).onConflictDoNothing();
  const [created] = await db.select().from(conversationSettings).where(eq(conversationSettings.id, 1));
  return created;
}
