import { and, eq, gt } from "drizzle-orm";
import { type Db, getDb } from "@/db/client";
import { conversations } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";

/** Opening a conversation reads it: its unread count goes to zero (not audited: reading changes no decision). */
export async function markConversationRead(ctx: Ctx, id: number, db: Db = getDb()): Promise<void> {
  requirePermission(ctx, "conversations.read");
  await db
    .update(conversations)
    .set({ unreadCount: 0 })
    .where(and(eq(conversations.id, id), gt(conversations.unreadCount, 0), inUnitScope(ctx, conversations.unitId)));
}
