import { localDayNumber, localMsOfDay, instantOf, dayStartMs } from "@/lib/calendar/time";

export const CONSULTATION_WINDOW_MS = 48 * 3600_000;

export interface QuietHours {
  quietStartHour: number;
  quietEndHour: number;
}

/** Whether `at` (Asia/Ho_Chi_Minh) falls in the night window, which may wrap midnight (22 → 6). */
export function inQuietHours(at: Date, q: QuietHours): boolean {
  const hour = localMsOfDay(at) / 3600_000;
  if (q.quietStartHour === q.quietEndHour) return false;
  if (q.quietStartHour < q.quietEndHour) return hour >= q.quietStartHour && hour < q.quietEndHour;
  return hour >= q.quietStartHour || hour < q.quietEndHour;
}

/** The first instant at or after `at` outside the night window. */
export function nextSendableAt(at: Date, q: QuietHours): Date {
  if (!inQuietHours(at, q)) return at;
  const day = localDayNumber(at);
  const hour = localMsOfDay(at) / 3600_000;
  const endDay = q.quietStartHour > q.quietEndHour && hour >= q.quietStartHour ? day + 1 : day;
  return instantOf(endDay, q.quietEndHour * 60);
}

/** Start of the local (Vietnam) day and month of `at`: the per-follower caps count from there. */
export function capPeriodStarts(at: Date): { dayStart: Date; monthStart: Date } {
  const day = localDayNumber(at);
  const dayStart = new Date(dayStartMs(day));
  const local = new Date(dayStart.getTime() + 7 * 3600_000);
  const monthStart = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - 7 * 3600_000);
  return { dayStart, monthStart };
}
