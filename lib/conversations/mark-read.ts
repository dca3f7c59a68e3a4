import { and, eq, gt } from "drizzle-orm";
import { conversations } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { dbOf } from "@/lib/services/context";

/** Opening a conversation reads it: its unread count goes to zero (not audited: reading changes no decision). */
export async function markConversationRead(ctx: Ctx, id: number): Promise<void> {
  requirePermission(ctx, "conversations.read");
  await dbOf(ctx)
    .update(conversations)
    .set({ unreadCount: 0 })
    .where(and(eq(conversations.id, id), gt(conversations.unreadCount, 0), inUnitScope(ctx, conversations.unitId)));
}
