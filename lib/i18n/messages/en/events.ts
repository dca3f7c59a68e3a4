import type { Widen } from "../vi";
import type { events as viEvents } from "../vi/events";

export const events: Widen<typeof viEvents> = {
  navLabel: "Zalo events",
  title: "Zalo events (webhook)",
  intro:
    "Events Zalo sends to the webhook URL: stored as soon as they arrive, then processed in the background (look-up " +
    "replies, welcome messages, phone linking). Failed events are retried automatically; administrators can re-queue " +
    "them.",
  event: "Event",
  sender: "Sender (Zalo ID)",
  receivedAt: "Received",
  status: "State",
  attempts: "Attempts",
  lastError: "Last error",
  nextAttemptAt: "Next attempt",
  processedAt: "Processed",
  allStatuses: "All states",
  eventNamePlaceholder: "E.g. user_send_text",
  statuses: {
    pending: "Pending",
    processing: "Processing",
    done: "Processed",
    failed: "Failed",
    ignored: "Ignored",
  },
  requeue: "Re-queue",
  requeueing: "Re-queueing…",
  requeued: "The event is back in the queue.",
  webhookUrl: "Webhook URL to register on developers.zalo.me",
};
