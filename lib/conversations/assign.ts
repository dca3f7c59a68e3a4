import { and, eq } from "drizzle-orm";
import { conversations, staff } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { withTransaction } from "@/lib/services/context";
import { ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assignSchema } from "./schemas";
import { lockConversationInScope } from "./scope";

/** Assigns the conversation to an active staff member of its unit (or unassigns it). */
export async function assignConversation(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "conversations.reply");
  const input = parseInput(assignSchema, raw);
  return withTransaction(ctx, async (ctx, tx) => {
    const { conversation: c } = await lockConversationInScope(tx, ctx, input.conversationId);
    let name: string | null = null;
    if (input.assigneeId != null) {
      const [s] = await tx
        .select({ fullName: staff.fullName })
        .from(staff)
        .where(and(eq(staff.id, input.assigneeId), eq(staff.unitId, c.unitId), eq(staff.active, true)));
      if (!s) throw new ValidationError({ assigneeId: "errors.conversation.assigneeOutside" });
      name = s.fullName;
    }
    await tx
      .update(conversations)
      .set({ assigneeId: input.assigneeId, updatedAt: new Date() })
      .where(eq(conversations.id, c.id));
    await writeAudit(tx, ctx, {
      action: "conversation.assign",
      entityType: "conversation",
      entityId: c.id,
      unitId: c.unitId,
      summary: name ? `Giao hội thoại #${c.id} cho ${name}` : `Bỏ phân công hội thoại #${c.id}`,
      changes: { assigneeId: { from: c.assigneeId, to: input.assigneeId } },
    });
  });
}
