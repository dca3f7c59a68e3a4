import { conversationMessages } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { withTransaction } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { authorName } from "./actor";
import { noteSchema } from "./schemas";
import { lockConversationInScope } from "./scope";

/** An internal note: on the timeline for staff, never sent to the citizen. */
export async function addNote(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "conversations.reply");
  const input = parseInput(noteSchema, raw);
  const now = ctx.now ?? new Date();
  return withTransaction(ctx, async (ctx, tx) => {
    const { conversation: c } = await lockConversationInScope(tx, ctx, input.conversationId);
    const [row] = await tx
      .insert(conversationMessages)
      .values({
        conversationId: c.id,
        direction: "note",
        source: "staff_note",
        text: input.text,
        authorId: ctx.actor.id,
        authorName: await authorName(tx, ctx),
        at: now,
      })
      .returning();
    await writeAudit(tx, ctx, {
      action: "conversation.note",
      entityType: "conversation",
      entityId: c.id,
      unitId: c.unitId,
      summary: `Ghi chú nội bộ hội thoại #${c.id}`,
    });
    return row;
  });
}
