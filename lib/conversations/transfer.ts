import { and, eq } from "drizzle-orm";
import { conversationMessages, conversations, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { withTransaction } from "@/lib/services/context";
import { ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { authorName } from "./actor";
import { transferSchema } from "./schemas";
import { lockConversationInScope } from "./scope";

/**
 * Hands the conversation to another unit with a reason (kept as a note on the timeline). The assignee is
 * cleared; the deadline is the legal one and stays.
 */
export async function transferConversation(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "conversations.reply");
  const input = parseInput(transferSchema, raw);
  const now = ctx.now ?? new Date();
  return withTransaction(ctx, async (ctx, tx) => {
    const { conversation: c } = await lockConversationInScope(tx, ctx, input.conversationId);
    const [target] = await tx
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.id, input.unitId), eq(units.active, true)));
    if (!target) throw new ValidationError({ unitId: "errors.conversation.transferTargetMissing" });
    if (target.id === c.unitId) throw new ValidationError({ unitId: "errors.conversation.transferSameUnit" });
    await tx
      .update(conversations)
      .set({ unitId: target.id, assigneeId: null, updatedAt: now })
      .where(eq(conversations.id, c.id));
    await tx.insert(conversationMessages).values({
      conversationId: c.id,
      direction: "note",
      source: "staff_note",
      text: `Chuyển sang ${target.name}. Lý do: ${input.reason}`,
      authorId: ctx.actor.id,
      authorName: await authorName(tx, ctx),
      at: now,
    });
    await writeAudit(tx, ctx, {
      action: "conversation.transfer",
      entityType: "conversation",
      entityId: c.id,
      unitId: c.unitId,
      summary: `Chuyển hội thoại #${c.id} sang ${target.name}`,
      changes: { unitId: { from: c.unitId, to: target.id }, reason: input.reason },
    });
  });
}
