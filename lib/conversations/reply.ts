import { eq, sql } from "drizzle-orm";
import { type Conversation, type ReplyChannel, conversations } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { withTransaction } from "@/lib/services/context";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { Follower } from "@/lib/followers/record";
import { parseInput } from "@/lib/validation";
import { authorName } from "./actor";
import { appendSearchText, queueOutgoing } from "./outbox";
import { replySchema } from "./schemas";
import { lockConversationInScope } from "./scope";
import { type ConversationSettings, getConversationSettings } from "./settings";
import { replyWindow } from "./window";

const ZBS_ANSWER_MAX = 400;
const channelNames: Record<ReplyChannel, string> = {
  zbs: "tin mẫu ZBS",
  cs_paid: "tin tư vấn có phí",
  cs: "tin tư vấn",
};

interface Route {
  channel: ReplyChannel;
  recipient: string;
  templateId?: string;
  templateParams?: Record<string, string>;
}

/** ZBS template parameters of an answer sent after the 7-day window (the simulator's template 320001 has these). */
function zbsAnswerParams(
  c: Pick<Conversation, "id" | "referenceNumber">,
  f: Follower,
  text: string,
): Record<string, string> {
  return {
    customer_name: (f.sharedName ?? f.displayName ?? "Ông/Bà").slice(0, 30),
    reference: c.referenceNumber ?? `HT-${c.id}`,
    answer: text.length > ZBS_ANSWER_MAX ? `${text.slice(0, ZBS_ANSWER_MAX - 1)}…` : text,
  };
}

/**
 * Chooses the channel the window allows: free consultation, confirmed paid consultation, or an approved ZBS template.
 */
export function routeReply(
  c: Conversation,
  f: Follower,
  settings: ConversationSettings,
  input: { text: string; confirmPaid?: boolean; useTemplate?: boolean },
  now: Date,
): Route {
  const w = replyWindow(f.lastInteractionAt, now);
  if (w.zone === "free") return { channel: "cs", recipient: f.oaUserId };
  if (w.zone === "paid") {
    if (!settings.allowPaidReplies) throw new ConflictError("errors.conversation.paidNotAllowed");
    if (!input.confirmPaid) throw new ValidationError({ confirmPaid: "errors.conversation.confirmPaid" });
    return { channel: "cs_paid", recipient: f.oaUserId };
  }
  if (!settings.zbsTemplateId) throw new ConflictError("errors.conversation.noZbsTemplate");
  if (!f.phone84) throw new ConflictError("errors.conversation.noPhone");
  if (!input.useTemplate) throw new ValidationError({ useTemplate: "errors.conversation.useTemplate" });
  return {
    channel: "zbs",
    recipient: f.phone84,
    templateId: settings.zbsTemplateId,
    templateParams: zbsAnswerParams(c, f, input.text),
  };
}

/**
 * A staff reply: permission → validation → scope → the Zalo window's rules, then in one transaction the
 * reply enters the outbox (the sender delivers it once), the conversation waits for the citizen, and an
 * audit row is written.
 */
export async function replyToConversation(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "conversations.reply");
  const input = parseInput(replySchema, raw);
  const now = ctx.now ?? new Date();
  return withTransaction(ctx, async (ctx, tx) => {
    const { conversation: c, follower: f } = await lockConversationInScope(tx, ctx, input.conversationId);
    const route = routeReply(c, f, await getConversationSettings(tx), input, now);
    const who = await authorName(tx, ctx);
    const message = await queueOutgoing(tx, {
      conversationId: c.id,
      text: input.text,
      ...route,
      source: "portal",
      authorId: ctx.actor.id,
      authorName: who,
      at: now,
    });
    await tx
      .update(conversations)
      .set({
        status: c.status === "resolved" ? "resolved" : "pending",
        waitingSince: null,
        unreadCount: 0,
        assigneeId: c.assigneeId ?? (ctx.actor.kind === "staff" ? ctx.actor.id : null),
        lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${now.toISOString()}::timestamptz)`,
        searchText: appendSearchText(input.text),
        updatedAt: now,
      })
      .where(eq(conversations.id, c.id));
    await writeAudit(tx, ctx, {
      action: "conversation.reply",
      entityType: "conversation",
      entityId: c.id,
      unitId: c.unitId,
      summary: `Trả lời hội thoại #${c.id} qua ${channelNames[route.channel]}`,
      changes: { messageId: message.id, channel: route.channel },
    });
    return message;
  });
}
