import { type HandlerDeps, type SharedInfo, type StoredEvent, eventTime, textField } from "@/lib/zalo-webhook/types";
import { and, eq } from "drizzle-orm";
import { chatFlowSessions } from "@/db/schema";
import { applyChatFlowInput } from "./engine";
import { resolveTrigger } from "./registry";
import { foldInput } from "./words";

/**
 * Routing of an incoming text: a running chat flow, or a menu keyword starting one, comes first; when this
 * returns false the text goes on to the look-up commands, then to the conversation.
 */
export async function routeTextToChatFlows(event: StoredEvent, deps: HandlerDeps, text: string): Promise<boolean> {
  if (!event.senderId) return false;
  if (!(await mayConcernChatFlows(deps, event.senderId, foldInput(text)))) return false;
  const msgId = textField(event.payload, "message", "msg_id") ?? `event-${event.id}`;
  const routed = await applyChatFlowInput(deps.db, {
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

/** user_submit_info answers the home-support flow's share-information card when that flow is waiting for it. */
export async function routeSubmitInfoToChatFlows(
  event: StoredEvent,
  deps: HandlerDeps,
  info: SharedInfo,
): Promise<boolean> {
  if (!event.senderId) return false;
  const routed = await applyChatFlowInput(deps.db, {
    oaUserId: event.senderId,
    key: `submit:${event.senderId}:${event.zaloTimestamp ?? `event-${event.id}`}`,
    at: eventTime(event),
    input: { kind: "submit_info", name: info.name, phone: info.phone, address: info.address },
  });
  return routed === "handled";
}
