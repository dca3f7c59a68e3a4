import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { chatFlowSessions } from "@/db/schema";
import { applyChatFlowInput } from "@/lib/chat-flows/engine";
import { foldInput } from "@/lib/chat-flows/words";
import { chatFlowCatalog, resolveTrigger, triggerResolver } from "@/lib/oa-menu/registry";
import { type HandlerDeps, type SharedInfo, type StoredEvent, eventTime, textField } from "./types";

/**
 * Routing of an incoming text: a running chat flow, or a menu keyword starting one, comes first; when this
 * returns false the text goes on to the look-up commands, then to the conversation.
 */
export async function routeTextToChatFlows(event: StoredEvent, deps: HandlerDeps, text: string): Promise<boolean> {
  if (!event.senderId) return false;
  if (!(await mayConcernChatFlows(deps, event.senderId, foldInput(text)))) return false;
  const msgId = textField(event.payload, "message", "msg_id") ?? `event-${event.id}`;
  const routed = await applyChatFlowInput(deps.db, chatFlowCatalog, {
    oaUserId: event.senderId,
    key: `text:${msgId}`,
    at: eventTime(event),
    input: { kind: "text", text, folded: foldInput(text) },
  });
  return routed === "handled";
}

/**
 * Most texts are for the inbox: no session runs and no flow starts with them. Answered from two reads, without
 * the engine's transaction; a redelivery that later meets a session is older than it, so the engine ignores it.
 */
async function mayConcernChatFlows(deps: HandlerDeps, oaUserId: string, folded: string): Promise<boolean> {
  const [active] = await deps.db
    .select({ id: chatFlowSessions.id })
    .from(chatFlowSessions)
    .where(and(eq(chatFlowSessions.oaUserId, oaUserId), eq(chatFlowSessions.status, "active")))
    .limit(1);
  return !!active || !!(await resolveTrigger(deps.db, folded));
}

/** mayConcernChatFlows for a batch of texts, in two reads: the users of those that may concern a chat flow. */
export async function usersConcerningChatFlows(
  db: DbOrTx,
  texts: { oaUserId: string; folded: string }[],
): Promise<Set<string>> {
  if (!texts.length) return new Set();
  const users = [...new Set(texts.map((t) => t.oaUserId))];
  const active = await db
    .selectDistinct({ oaUserId: chatFlowSessions.oaUserId })
    .from(chatFlowSessions)
    .where(and(inArray(chatFlowSessions.oaUserId, users), eq(chatFlowSessions.status, "active")));
  const trigger = await triggerResolver(db);
  const concerned = new Set(active.map((a) => a.oaUserId));
  for (const t of texts) if (trigger(t.folded)) concerned.add(t.oaUserId);
  return concerned;
}

/** user_submit_info answers the home-support flow's share-information card when that flow is waiting for it. */
export async function routeSubmitInfoToChatFlows(
  event: StoredEvent,
  deps: HandlerDeps,
  info: SharedInfo,
): Promise<boolean> {
  if (!event.senderId) return false;
  const routed = await applyChatFlowInput(deps.db, chatFlowCatalog, {
    oaUserId: event.senderId,
    key: `submit:${event.senderId}:${event.zaloTimestamp ?? `event-${event.id}`}`,
    at: eventTime(event),
    input: { kind: "submit_info", name: info.name, phone: info.phone, address: info.address },
  });
  return routed === "handled";
}
