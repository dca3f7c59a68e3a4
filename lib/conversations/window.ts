const HOUR_MS = 3600_000;
/** Consultation messages are free within 48 h of the citizen's last interaction (zalo-api.md §6.4). */
export const FREE_WINDOW_MS = 48 * HOUR_MS;
/** Between 48 h and 7 days a consultation message is billable; after 7 days Zalo refuses it (-230 / -232). */
export const PAID_WINDOW_MS = 7 * 24 * HOUR_MS;

export type ReplyZone = "free" | "paid" | "closed";

export interface ReplyWindow {
  zone: ReplyZone;
  /** When the free window closes (null when there was never an interaction). */
  freeUntil: Date | null;
  /** When even a paid consultation stops being possible. */
  paidUntil: Date | null;
}

/**
 * Where a reply to a citizen who last interacted at `lastInteractionAt` falls. Exactly 48 h is already paid; exactly 7
 * days closed.
 */
export function replyWindow(lastInteractionAt: Date | null, now: Date = new Date()): ReplyWindow {
  if (!lastInteractionAt) return { zone: "closed", freeUntil: null, paidUntil: null };
  const freeUntil = new Date(lastInteractionAt.getTime() + FREE_WINDOW_MS);
  const paidUntil = new Date(lastInteractionAt.getTime() + PAID_WINDOW_MS);
  const zone: ReplyZone = now < freeUntil ? "free" : now < paidUntil ? "paid" : "closed";
  return { zone, freeUntil, paidUntil };
}
