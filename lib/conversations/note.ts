import { type Db, getDb } from "@/db/client";
import { conversationMessages } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { parseInput } from "@/lib/validation";
import { authorName } from "./actor";
import { noteSchema } from "./schemas";
import { lockConversationInScope } from "./scope";

/** An internal note: on the timeline for staff, never sent to the citizen. */
export async function addNote(ctx: Ctx, raw: unknown, db: Db = getDb(), now: Date = new Date()) {
  requirePermission(ctx, "conversations.reply");
  const input = parseInput(noteSchema, raw);
  return db.transaction(async (tx) => {
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
