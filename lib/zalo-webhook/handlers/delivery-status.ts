import type { DeliveryStatusKind } from "@/db/schema";
import { applyReplyDeliveryStatus } from "@/lib/conversations/delivery-status";
import { recordDeliveryStatus } from "../delivery-status";
import { type EventHandler, eventTime, field, textField } from "../types";

const KINDS: Record<string, DeliveryStatusKind> = {
  user_received_message: "received",
  user_seen_message: "seen",
  user_feedback: "feedback",
};

function msToDate(v: string | null): Date | null {
  const ms = Number(v);
  return v && Number.isFinite(ms) && ms > 0 ? new Date(ms) : null;
}

/**
 * user_received_message / user_seen_message / user_feedback, for OA messages and ZNS templates alike
 * (ZNS ones carry tracking_id and name the recipient by phone). Seen events may list several msg_ids.
 */
export const handleDeliveryStatus: EventHandler = async (event, deps) => {
  const kind = KINDS[event.eventName];
  if (!kind) return "ignored";
  const message = field(event.payload, "message");
  const listed = field(message, "msg_ids");
  const msgIds = Array.isArray(listed) ? listed.map(String) : [textField(message, "msg_id")];
  const trackingId = textField(message, "tracking_id");
  const at =
    msToDate(textField(message, "delivery_time")) ?? msToDate(textField(message, "submit_time")) ?? eventTime(event);
  const recipient = kind === "feedback" ? null : (event.recipientId ?? null);
  for (const msgId of msgIds) {
    await recordDeliveryStatus(deps.db, {
      eventId: event.id,
      msgId,
      trackingId,
      kind,
      recipient,
      at,
      payload: event.payload,
    });
  }
  // OA 1:1 messages (no tracking id) may be conversation replies.
  if (!trackingId && kind !== "feedback") await applyReplyDeliveryStatus(deps.db, msgIds, kind, at);
  return "done";
};
