import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Conversation, type RatingLevel, conversationMessages, conversations } from "@/db/schema";
import { foldForSearch } from "@/lib/text";
import type { IncomingMessage } from "./incoming";
import { isPetition } from "./labels";
import { queueOutgoing } from "./outbox";

/** The citizen may rate (and re-rate) a petition's outcome on Zalo this long after it was sent. */
const SATISFACTION_WINDOW_MS = 7 * 24 * 3600_000;

/** Appended to a petition's outcome message on Zalo. */
export const SATISFACTION_PROMPT =
  "Ông/Bà vui lòng đánh giá kết quả giải quyết bằng cách trả lời tin này: " +
  "1 - Rất hài lòng, 2 - Hài lòng, 3 - Không hài lòng.";

const ANSWERS: Record<string, RatingLevel> = {
  "1": "very_satisfied",
  "rat hai long": "very_satisfied",
  "2": "satisfied",
  "hai long": "satisfied",
  "3": "dissatisfied",
  "khong hai long": "dissatisfied",
};

/** "1" / "Rất hài lòng" / "3." → the official level; anything else is not a rating. */
export function parseSatisfaction(text: string | null): RatingLevel | null {
  if (!text) return null;
  return (
    ANSWERS[
      foldForSearch(text)
        .replace(/[.!,;:)\s-]+$/, "")
        .replace(/^[(\s]+/, "")
    ] ?? null
  );
}

export function acceptsSatisfaction(c: Conversation, at: Date): boolean {
  return (
    isPetition(c.category) && !!c.outcomeSentAt && at.getTime() - c.outcomeSentAt.getTime() <= SATISFACTION_WINDOW_MS
  );
}

const THANKS: Record<RatingLevel, string> = {
  very_satisfied: "Cảm ơn Ông/Bà đã đánh giá Rất hài lòng với kết quả giải quyết.",
  satisfied: "Cảm ơn Ông/Bà đã đánh giá Hài lòng với kết quả giải quyết.",
  dissatisfied: "Cảm ơn Ông/Bà đã đánh giá. Bộ phận Một cửa ghi nhận Ông/Bà chưa hài lòng và sẽ xem xét lại.",
};

/**
 * The citizen's answer to the outcome's rating question: kept in the timeline, recorded on the petition (the
 * latest answer counts), thanked on Zalo; the resolved conversation is not reopened. In the caller's transaction.
 */
export async function recordSatisfaction(
  tx: DbOrTx,
  c: Conversation,
  recipient: string,
  msg: IncomingMessage,
  level: RatingLevel,
) {
  const [message] = await tx
    .insert(conversationMessages)
    .values({
      conversationId: c.id,
      direction: "in",
      kind: msg.kind,
      source: "citizen",
      text: msg.text,
      zaloMsgId: msg.msgId,
      at: msg.at,
    })
    .returning({ id: conversationMessages.id });
  await tx
    .update(conversations)
    .set({
      satisfaction: level,
      satisfactionAt: msg.at,
      lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${msg.at.toISOString()}::timestamptz)`,
      lastIncomingAt: msg.at,
      updatedAt: new Date(),
    })
    .where(eq(conversations.id, c.id));
  await queueOutgoing(tx, {
    conversationId: c.id,
    text: THANKS[level],
    channel: "cs",
    recipient,
    source: "system",
    at: msg.at,
  });
  return { conversationId: c.id, messageId: message.id };
}
