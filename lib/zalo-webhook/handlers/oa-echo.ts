import { addEchoMessage } from "@/lib/conversations/echo";
import { messageKindOf } from "@/lib/conversations/hook";
import { findFollowerByOaUserId } from "@/lib/followers/queries";
import { touchFollower } from "@/lib/followers/record";
import { type EventHandler, eventTime, field, textField } from "../types";

/** oa_send_*: what the OA sent (typed in Zalo's OA manager, or our own reply's echo) joins the conversation once. */
export const handleOaEcho: EventHandler = async (event, deps) => {
  const userId = event.recipientId;
  const msgId = textField(event.payload, "message", "msg_id");
  if (!userId || !msgId) return "ignored";
  const at = eventTime(event);
  // The OA writing is not the citizen interacting: the reply window does not move.
  const follower =
    (await findFollowerByOaUserId(deps.db, userId)) ?? (await touchFollower(deps.db, userId, at, null, false));
  const added = await addEchoMessage(deps.db, follower, {
    msgId,
    kind: messageKindOf(event.eventName),
    text: textField(event.payload, "message", "text"),
    attachments: field(event.payload, "message", "attachments") ?? null,
    at,
  });
  return added ? "done" : "ignored";
};
