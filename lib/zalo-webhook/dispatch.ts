import { handleFeedback } from "./handlers/feedback";
import { handleFollow, handleUnfollow, handleUserWithdraw } from "./handlers/follow";
import { handleOaEcho } from "./handlers/oa-echo";
import { handleDeliveryStatus } from "./handlers/delivery-status";
import { handleSubmitInfo } from "./handlers/submit-info";
import { handleUserSendOther, handleUserSendText } from "./handlers/user-message";
import type { EventHandler } from "./types";

const ignore: EventHandler = async () => "ignored";

const handlers: Record<string, EventHandler> = {
  follow: handleFollow,
  unfollow: handleUnfollow,
  user_withdraw: handleUserWithdraw,
  user_send_text: handleUserSendText,
  user_submit_info: handleSubmitInfo,
  user_received_message: handleDeliveryStatus,
  user_seen_message: handleDeliveryStatus,
  user_feedback: handleFeedback,
};

/**
 * The handler for an event name. OA echoes (oa_send_*) join the conversation; unknown events are stored but ignored.
 */
export function handlerFor(eventName: string): EventHandler {
  if (handlers[eventName]) return handlers[eventName];
  // Group-chat (GMF) twins are not conversations with the OA.
  if (eventName.includes("_group_")) return ignore;
  if (eventName.startsWith("oa_send_")) return handleOaEcho;
  if (eventName.startsWith("user_send_")) return handleUserSendOther;
  return ignore;
}
