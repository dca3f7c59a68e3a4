import { sql } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { conversationSettings } from "@/db/schema";

export type ConversationSettings = typeof conversationSettings.$inferSelect;

/** The settings row, created with its defaults on first use. */
export async function getConversationSettings(db: DbOrTx = getDb()): Promise<ConversationSettings> {
  const [row] = await db.insert(conversationSettings).values({ id: 1 }).onConflictDoUpdate({ target: conversationSettings.id, set: { id: sql`excluded.id` } }).returning();
  return row;
}
