import { eq } from "drizzle-orm";
import { conversations } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write";
import { withTransaction } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { isPetition } from "./labels";
import { deadlineFor, openPetition } from "./petition";
import { classifySchema } from "./schemas";
import { lockConversationInScope } from "./scope";

/**
 * Category, priority and labels. Classifying as phản ánh / kiến nghị opens the petition (reference, deadline,
 * acknowledgement).
 */
export async function classifyConversation(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "conversations.reply");
  const input = parseInput(classifySchema, raw);
  const now = ctx.now ?? new Date();
  return withTransaction(ctx, async (ctx, tx) => {
    const { conversation: c, follower } = await lockConversationInScope(tx, ctx, input.conversationId);
    const changes = { category: input.category, priority: input.priority, labels: input.labels };
    const categoryChanged = c.category !== input.category && !c.referenceNumber;
    const dueAt = categoryChanged ? await deadlineFor(tx, c.unitId, input.category, c.createdAt) : c.dueAt;
    let [updated] = await tx
      .update(conversations)
      .set({ ...changes, dueAt, updatedAt: now })
      .where(eq(conversations.id, c.id))
      .returning();
    if (isPetition(updated.category) && !updated.referenceNumber)
      updated = await openPetition(tx, updated, follower.oaUserId, now);
    await writeAudit(tx, ctx, {
      action: "conversation.classify",
      entityType: "conversation",
      entityId: c.id,
      unitId: c.unitId,
      summary:
        updated.referenceNumber && !c.referenceNumber
          ? `Tiếp nhận phản ánh, kiến nghị ${updated.referenceNumber}`
          : `Phân loại hội thoại #${c.id}`,
      changes: diff(c as unknown as Record<string, unknown>, changes),
    });
    return updated;
  });
}
