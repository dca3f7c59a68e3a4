import type { Db } from "@/db/client";
import { zaloIncomingMessages } from "@/db/schema";
import { foldInput } from "@/lib/chat-flows/words";
import { messageKindOf } from "@/lib/conversations/hook";
import type { IncomingMessage } from "@/lib/conversations/incoming";
import { addIncomingMessages } from "@/lib/conversations/ingest-batch";
import { touchFollowers } from "@/lib/followers/record";
import { usersConcerningChatFlows } from "../chat-flows";
import { classifyText } from "../classify-text";
import { mayBePrivacyCommand } from "../privacy-chat";
import { type StoredEvent, eventTime, field, textField } from "../types";

interface Planned {
  event: StoredEvent;
  userId: string;
  msg: IncomingMessage;
  /** Folded text of a user_send_text, which chat flows may claim. */
  folded: string | null;
}

const isCitizenMessage = (e: StoredEvent) => e.eventName.startsWith("user_send_") && !e.eventName.includes("_group_");

/** What handleUserSendText / handleUserSendOther would store, or null for a look-up or command they answer. */
function plan(event: StoredEvent, userId: string): Planned | null {
  const msgId = textField(event.payload, "message", "msg_id") ?? `event-${event.id}`;
  const at = eventTime(event);
  if (event.eventName === "user_send_text") {
    const text = (textField(event.payload, "message", "text") ?? "").normalize("NFC");
    if (classifyText(text).kind !== "other" || mayBePrivacyCommand(text)) return null;
    return { event, userId, msg: { msgId, kind: "text", text, attachments: null, at }, folded: foldInput(text) };
  }
  const msg: IncomingMessage = {
    msgId,
    kind: messageKindOf(event.eventName),
    text: textField(event.payload, "message", "text")?.normalize("NFC") ?? null,
    attachments: field(event.payload, "message", "attachments") ?? null,
    at,
  };
  return { event, userId, msg, folded: null };
}

/**
 * The users whose every event in the batch is a citizen's message for the inbox (no look-up, no chat flow), each
 * with its messages in arrival order. Anyone the batch also holds another kind of event for (a follow, a
 * receipt, an OA echo…) keeps the one by one path, so the order of that user's events is never changed.
 */
async function inboxOnlyUsers(db: Db, events: StoredEvent[]): Promise<Map<string, Planned[]>> {
  const others = new Set<string>();
  const byUser = new Map<string, Planned[]>();
  for (const event of events) {
    const planned = isCitizenMessage(event) && event.senderId ? plan(event, event.senderId) : null;
    if (!planned) {
      for (const id of [event.senderId, event.recipientId]) if (id) others.add(id);
      continue;
    }
    byUser.set(planned.userId, [...(byUser.get(planned.userId) ?? []), planned]);
  }
  for (const id of others) byUser.delete(id);
  const texts = [...byUser.values()]
    .flat()
    .flatMap((p) => (p.folded ? [{ oaUserId: p.userId, folded: p.folded }] : []));
  for (const id of await usersConcerningChatFlows(db, texts)) byUser.delete(id);
  return byUser;
}

/**
 * The fast path of a claimed batch: citizens' messages bound for the inbox are stored and joined to their
 * conversations with a few statements for the whole batch instead of some twenty per message. Returns the ids
 * of the events it completed; the caller processes the others one by one.
 */
export async function processInboxBatch(db: Db, events: StoredEvent[]): Promise<number[]> {
  const byUser = await inboxOnlyUsers(db, events);
  const planned = [...byUser.values()].flat();
  if (!planned.length) return [];
  const followers = await touchFollowers(
    db,
    planned.map((p) => ({ oaUserId: p.userId, at: p.msg.at, appUserId: textField(p.event.payload, "user_id_by_app") })),
  );
  await db
    .insert(zaloIncomingMessages)
    .values(
      planned.map((p) => ({
        followerId: followers.get(p.userId)!.id,
        msgId: p.msg.msgId,
        eventName: p.event.eventName,
        text: p.msg.text,
        attachments: p.msg.attachments ?? null,
        kind: "other" as const,
        receivedAt: p.msg.at,
      })),
    )
    .onConflictDoNothing({ target: zaloIncomingMessages.msgId });
  const handled = await addIncomingMessages(
    db,
    [...byUser].map(([userId, list]) => ({ follower: followers.get(userId)!, messages: list.map((p) => p.msg) })),
  );
  return planned.filter((p) => handled.has(followers.get(p.userId)!.id)).map((p) => p.event.id);
}
