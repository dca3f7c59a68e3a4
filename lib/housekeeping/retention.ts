import { and, inArray, isNotNull, isNull, lt, notInArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  conversationMessages,
  conversations,
  zaloDeliveryReceipts,
  zaloIncomingMessages,
  zaloWebhookEvents,
} from "@/db/schema";
import { log } from "@/lib/log";

export const PURGED_PAYLOAD = { purged: true };

/**
 * `PERSONAL_DATA_RETENTION_DAYS` (default 365): how long raw webhook payloads, delivery receipts and the
 * bodies of citizens' chat messages are kept. The rows stay (dedupe keys, counts, dates); what the citizen
 * wrote or shared goes.
 */
export function retentionDays(): number {
  const days = Number(process.env.PERSONAL_DATA_RETENTION_DAYS);
  return Number.isFinite(days) && days > 0 ? days : 365;
}

export async function purgeExpiredPersonalData(db: DbOrTx, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays() * 86_400_000);
  const purged = sql`${JSON.stringify(PURGED_PAYLOAD)}::jsonb`;
  const events = await db
    .update(zaloWebhookEvents)
    .set({ payload: purged })
    .where(
      and(
        lt(zaloWebhookEvents.receivedAt, cutoff),
        inArray(zaloWebhookEvents.status, ["done", "failed", "ignored"]),
        sql`${zaloWebhookEvents.payload} <> ${purged}`,
      ),
    )
    .returning({ id: zaloWebhookEvents.id });
  const receipts = await db
    .update(zaloDeliveryReceipts)
    .set({ payload: purged })
    .where(and(lt(zaloDeliveryReceipts.createdAt, cutoff), sql`${zaloDeliveryReceipts.payload} <> ${purged}`))
    .returning({ id: zaloDeliveryReceipts.id });
  const messages = await db
    .update(zaloIncomingMessages)
    .set({ text: null, attachments: null })
    .where(
      and(
        lt(zaloIncomingMessages.receivedAt, cutoff),
        or(isNotNull(zaloIncomingMessages.text), isNotNull(zaloIncomingMessages.attachments)),
      ),
    )
    .returning({ id: zaloIncomingMessages.id });
  // Both directions of the inbox: the citizen's words and the answers quoting them.
  const conversation = await db
    .update(conversationMessages)
    .set({ text: null, attachments: null, templateParams: null })
    .where(
      and(
        lt(conversationMessages.at, cutoff),
        or(isNull(conversationMessages.status), notInArray(conversationMessages.status, ["queued", "sending"])),
        or(
          isNotNull(conversationMessages.text),
          isNotNull(conversationMessages.attachments),
          isNotNull(conversationMessages.templateParams),
        ),
      ),
    )
    .returning({ id: conversationMessages.id });
  // The subject and the search words are the first and latest messages' words.
  await db
    .update(conversations)
    .set({ subject: "", searchText: "" })
    .where(
      and(
        lt(conversations.lastMessageAt, cutoff),
        or(sql`${conversations.subject} <> ''`, sql`${conversations.searchText} <> ''`),
      ),
    );
  const total = events.length + receipts.length + messages.length + conversation.length;
  if (total)
    log.info(
      {
        events: events.length,
        receipts: receipts.length,
        messages: messages.length,
        conversationMessages: conversation.length,
        cutoff,
      },
      "personal data past retention purged",
    );
  return total;
}
