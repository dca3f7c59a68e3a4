import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type ConversationMessage, type MessageSource, type ReplyChannel, conversationMessages } from "@/db/schema";
import { foldForSearch } from "@/lib/text";

export const SEARCH_TEXT_MAX = 4000;

/** search_text keeps the latest messages' folded text, newest last, within a bounded length. */
export function appendSearchText(text: string | null) {
  const folded = text ? foldForSearch(text) : "";
  if (!folded) return undefined;
  return sql`right(${sql.raw('"search_text"')} || ' ' || ${folded}, ${SEARCH_TEXT_MAX})`;
}

export interface QueuedReply {
  conversationId: number;
  text: string;
  channel: ReplyChannel;
  recipient: string;
  source: MessageSource;
  authorId?: number | null;
  authorName?: string | null;
  templateId?: string | null;
  templateParams?: Record<string, string> | null;
  at: Date;
}

/** An outgoing message written to the outbox in the caller's transaction; the reply sender delivers it once. */
export async function queueOutgoing(tx: DbOrTx, r: QueuedReply): Promise<ConversationMessage> {
  const [row] = await tx
    .insert(conversationMessages)
    .values({
      conversationId: r.conversationId,
      direction: "out",
      kind: r.channel === "zbs" ? "template" : "text",
      source: r.source,
      text: r.text,
      authorId: r.authorId ?? null,
      authorName: r.authorName ?? null,
      channel: r.channel,
      recipient: r.recipient,
      templateId: r.templateId ?? null,
      templateParams: r.templateParams ?? null,
      status: "queued",
      nextAttemptAt: r.at,
      at: r.at,
    })
    .returning();
  return row;
}
