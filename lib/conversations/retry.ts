import { and, eq, inArray, sql } from "drizzle-orm";
import { conversationMessages } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { withTransaction } from "@/lib/services/context";
import { ConflictError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { retrySchema } from "./schemas";
import { lockConversationInScope } from "./scope";

/** Sends a failed reply again (the same row: the citizen can never receive it twice from the portal's side). */
export async function retryReply(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "conversations.reply");
  const input = parseInput(retrySchema, raw);
  return withTransaction(ctx, async (ctx, tx) => {
    const { conversation: c } = await lockConversationInScope(tx, ctx, input.conversationId);
    const rows = await tx
      .update(conversationMessages)
      .set({ status: "queued", attempts: 0, nextAttemptAt: sql`now()`, failedAt: null, claimedBy: null })
      .where(
        and(
          eq(conversationMessages.id, input.messageId),
          eq(conversationMessages.conversationId, c.id),
          inArray(conversationMessages.status, ["failed_permanent"]),
        ),
      )
      .returning({ id: conversationMessages.id });
    if (!rows.length) throw new ConflictError("errors.conversation.retryOnlyFailed");
    await writeAudit(tx, ctx, {
      action: "conversation.retry",
      entityType: "conversation",
      entityId: c.id,
      unitId: c.unitId,
      summary: `Gửi lại tin trả lời #${input.messageId}`,
    });
  });
}
