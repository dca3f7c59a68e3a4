import { and, eq, gt, inArray, isNull, lt, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { homeSupportRegistrations, units } from "@/db/schema";
import {
  isWorkingDay,
  loadCalendar,
  loadOfficeHours,
  localDateTime,
  nextWorkingDay,
  toLocalDate,
} from "@/lib/calendar";
import { queueChatReplies } from "@/lib/chat-flows/outbox";
import { loadBotTexts } from "@/lib/chat-flows/texts";
import { OPEN_STATUSES } from "./register";
import { slotLabel } from "./slots";

/** Reminders leave from this local time on the working day before, not in the night. */
const REMINDER_FROM = "08:00";

/**
 * On the working day before a booking, tells the citizen once. Each booking is claimed by setting
 * reminder_sent_at where it is still null, in the transaction that queues the message: a second run, or a
 * second worker, finds nothing to claim. Bookings made that same day were just confirmed and get none.
 */
export async function sendDueReminders(db: Db, now: Date = new Date()): Promise<number> {
  const today = toLocalDate(now);
  const cal = await loadCalendar(db);
  if (!isWorkingDay(cal, today) || now < localDateTime(today, REMINDER_FROM)) return 0;
  const tomorrow = nextWorkingDay(cal, today);
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(homeSupportRegistrations)
      .set({ reminderSentAt: now })
      .where(
        and(
          isNull(homeSupportRegistrations.reminderSentAt),
          inArray(homeSupportRegistrations.status, [...OPEN_STATUSES]),
          gt(homeSupportRegistrations.slotDate, today),
          lte(homeSupportRegistrations.slotDate, tomorrow),
          lt(homeSupportRegistrations.createdAt, localDateTime(today, 0)),
        ),
      )
      .returning();
    if (!claimed.length) return 0;
    const texts = await loadBotTexts(tx);
    for (const r of claimed) {
      const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, r.unitId));
      const slot = slotLabel({ date: r.slotDate, slot: r.slot }, await loadOfficeHours(tx, r.unitId));
      const text = texts.t("reminder", { unit: unit?.name ?? "", procedure: r.procedureText, slot, code: r.code });
      await queueChatReplies(tx, {
        oaUserId: r.oaUserId,
        flow: "home-support-reminder",
        unitId: r.unitId,
        replies: [{ text }],
      });
    }
    return claimed.length;
  });
}
