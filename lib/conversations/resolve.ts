import { eq } from "drizzle-orm";
import { conversations } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { withTransaction } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { z } from "zod";
import { authorName } from "./actor";
import { queueOutgoing } from "./outbox";
import { routeReply } from "./reply";
import { SATISFACTION_PROMPT } from "./satisfaction";
import { resolveSchema } from "./schemas";
import { lockConversationInScope } from "./scope";
import { getConversationSettings } from "./settings";

const flags = z.object({ confirmPaid: z.unknown().optional(), useTemplate: z.unknown().optional() });
const on = (v: unknown) => v === true || v === "on" || v === "true";

/**
 * Resolves the conversation. A petition's outcome (kết quả giải quyết) is sent to the citizen through the
 * outbox under the same window rules as a reply, and recorded with its time for the on-time ratio.
 */
export async function resolveConversation(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "conversations.reply");
  const input = parseInput(resolveSchema, raw);
  const f = flags.parse(raw ?? {});
  const now = ctx.now ?? new Date();
  return withTransaction(ctx, async (ctx, tx) => {
    const { conversation: c, follower } = await lockConversationInScope(tx, ctx, input.conversationId);
    if (input.outcome) {
      const text = c.referenceNumber
        ? `Kết quả giải quyết ${c.referenceNumber}: ${input.outcome}\n${SATISFACTION_PROMPT}`
        : input.outcome;
      const route = routeReply(
        c,
        follower,
        await getConversationSettings(tx),
        { text, confirmPaid: on(f.confirmPaid), useTemplate: on(f.useTemplate) },
        now,
      );
      await queueOutgoing(tx, {
        conversationId: c.id,
        text,
        ...route,
        source: "portal",
        authorId: ctx.actor.id,
        authorName: await authorName(tx, ctx),
        at: now,
      });
    }
    await tx
      .update(conversations)
      .set({
        status: "resolved",
        resolvedAt: now,
        waitingSince: null,
        unreadCount: 0,
        ...(input.outcome ? { outcome: input.outcome, outcomeSentAt: now } : {}),
        updatedAt: now,
      })
      .where(eq(conversations.id, c.id));
    await writeAudit(tx, ctx, {
      action: "conversation.resolve",
      entityType: "conversation",
      entityId: c.id,
      unitId: c.unitId,
      summary: `Kết thúc hội thoại #${c.id}${c.referenceNumber ? ` (${c.referenceNumber})` : ""}`,
      changes: input.outcome ? { outcome: input.outcome } : undefined,
    });
  });
}
