import { type HandlerDeps, type SharedInfo, type StoredEvent, eventTime, textField } from "@/lib/events/types";
import { applyChatFlowInput } from "./engine";
import { foldInput } from "./words";

/**
 * Routing of an incoming text: a running chat flow, or a menu keyword starting one, comes first; when this
 * returns false the text goes on to the look-up commands, then to the conversation.
 */
export async function routeTextToChatFlows(event: StoredEvent, deps: HandlerDeps, text: string): Promise<boolean> {
  if (!event.senderId) return false;
  const msgId = textField(event.payload, "message", "msg_id") ?? `event-${event.id}`;
  const routed = await applyChatFlowInput(deps.db, {
    oaUserId: event.senderId,
    key: `text:${msgId}`,
    at: eventTime(event),
    input: { kind: "text", text, folded: foldInput(text) },
  });
  return routed === "handled";
}

/** user_submit_info answers the home-support flow's share-information card when that flow is waiting for it. */
export async function routeSubmitInfoToChatFlows(event: StoredEvent, deps: HandlerDeps, info: SharedInfo): Promise<boolean> {
  if (!event.senderId) return false;
  const routed = await applyChatFlowInput(deps.db, {
    oaUserId: event.senderId,
    key: `submit:${event.senderId}:${event.zaloTimestamp ?? `event-${event.id}`}`,
    at: eventTime(event),
    input: { kind: "submit_info", name: info.name, phone: info.phone, address: info.address },
  });
  return routed === "handled";
}
