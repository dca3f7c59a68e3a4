import type { DossierStatus } from "@/db/schema/dossiers";
import { toLocalDate } from "@/lib/calendar/time";
import { dossiers as dossierMessages } from "@/lib/i18n/messages/vi/dossiers";
import { finishedStatuses, inProgressStatuses, pausedStatuses } from "./lifecycle";

export const onTimeStates = ["early", "on_time", "late", "within", "due_soon", "overdue", "paused", "none"] as const;
export type OnTimeState = (typeof onTimeStates)[number];

export const onTimeLabels: Record<OnTimeState, string> = dossierMessages.onTime;

/**
 * Finished dossiers compare the day of completion with the day of the (legal) appointment, as the
 * national statistics do (vn-rules §3.5); an apology's new date does not erase lateness. Dossiers in
 * progress are overdue past the appointment and "due soon" within one working day of it
 * (`dueSoonLimit` = now + 1 working day). No appointment counts as on time.
 */
export function onTimeState(
  d: { status: DossierStatus; dueAt: Date | null; finishedAt: Date | null },
  now: Date,
  dueSoonLimit: Date,
): OnTimeState {
  if (finishedStatuses.includes(d.status)) {
    if (!d.dueAt || !d.finishedAt) return "on_time";
    const done = toLocalDate(d.finishedAt);
    const due = toLocalDate(d.dueAt);
    return done < due ? "early" : done === due ? "on_time" : "late";
  }
  if (pausedStatuses.includes(d.status)) return "paused";
  if (!inProgressStatuses.includes(d.status)) return "none";
  if (!d.dueAt) return "within";
  if (d.dueAt.getTime() < now.getTime()) return "overdue";
  return d.dueAt.getTime() <= dueSoonLimit.getTime() ? "due_soon" : "within";
}
