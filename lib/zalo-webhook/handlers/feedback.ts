import { recordZaloFeedback } from "@/lib/ratings/zalo-feedback";
import { type EventHandler, field, textField } from "../types";
import { handleDeliveryStatus } from "./delivery-status";

/** user_feedback: stored as a receipt of the rating message, then recorded as the dossier's rating. */
export const handleFeedback: EventHandler = async (event, deps) => {
  await handleDeliveryStatus(event, deps);
  const message = field(event.payload, "message");
  const reasons = field(message, "feedbacks");
  await recordZaloFeedback(deps.db, {
    trackingId: textField(message, "tracking_id"),
    stars: Number(textField(message, "rate")),
    note: textField(message, "note"),
    feedbacks: Array.isArray(reasons) ? reasons.map(String) : [],
  });
  return "done";
};
