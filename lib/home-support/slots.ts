import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type HomeSupportSlot, homeSupportCapacity, homeSupportSlotLoad, homeSupportSlots } from "@/db/schema";
import {
  type OfficeHours,
  formatLocalDate,
  loadCalendar,
  nextWorkingDay,
  toLocalDate,
  weekdayName,
} from "@/lib/calendar";
import { weekday } from "@/lib/calendar/time";
import { vi } from "@/lib/i18n/messages/vi";
import { loadMenuSettings } from "./settings";

export interface SlotOption {
  date: string;
  slot: HomeSupportSlot;
}

/** How many working days ahead the citizen may choose from, and how many choices the chat shows (Zalo's 5 buttons). */
const SLOT_HORIZON_DAYS = 10;
const MAX_SLOT_CHOICES = 5;

/** "Sáng Thứ Hai 08/12/2026 (07:30–11:30)". */
export function slotLabel(s: SlotOption, hours: OfficeHours): string {
  const [from, to] = s.slot === "morning" ? hours.morning : hours.afternoon;
  return `${vi.homeSupport.slotNames[s.slot]} ${weekdayName(s.date)} ${formatLocalDate(s.date)} (${from}–${to})`;
}

/** A unit's capacity per "weekday|slot"; what is not configured uses the default. */
async function capacityTable(
  db: DbOrTx,
  unitId: number,
): Promise<{ get(date: string, slot: HomeSupportSlot): number }> {
  const settings = await loadMenuSettings(db);
  const rows = await db.select().from(homeSupportCapacity).where(eq(homeSupportCapacity.unitId, unitId));
  const map = new Map(rows.map((r) => [`${r.weekday}|${r.slot}`, r.capacity]));
  return { get: (date, slot) => map.get(`${weekday(date)}|${slot}`) ?? settings.defaultCapacity };
}

/**
 * Slots the citizen may choose: working days (the portal's calendar) after today, morning and afternoon,
 * that still have a free place. Full slots are left out.
 */
export async function availableSlots(
  db: DbOrTx,
  unitId: number,
  now: Date,
  limit = MAX_SLOT_CHOICES,
): Promise<SlotOption[]> {
  const cal = await loadCalendar(db);
  const days: string[] = [];
  for (let d = toLocalDate(now), i = 0; i < SLOT_HORIZON_DAYS; i++) days.push((d = nextWorkingDay(cal, d)));
  const caps = await capacityTable(db, unitId);
  const loads = await db
    .select()
    .from(homeSupportSlotLoad)
    .where(and(eq(homeSupportSlotLoad.unitId, unitId), inArray(homeSupportSlotLoad.slotDate, days)));
  const booked = new Map(loads.map((l) => [`${l.slotDate}|${l.slot}`, l.booked]));
  const out: SlotOption[] = [];
  for (const date of days) {
    for (const slot of homeSupportSlots) {
      if ((booked.get(`${date}|${slot}`) ?? 0) < caps.get(date, slot)) out.push({ date, slot });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/**
 * Takes one place, or returns false when the slot is full. One conditional UPDATE: concurrent bookings of the
 * last place queue on the row lock and re-check `booked < capacity`, so the slot is never oversold.
 */
export async function takePlace(db: DbOrTx, unitId: number, s: SlotOption): Promise<boolean> {
  const capacity = (await capacityTable(db, unitId)).get(s.date, s.slot);
  if (capacity <= 0) return false;
  await db
    .insert(homeSupportSlotLoad)
    .values({ unitId, slotDate: s.date, slot: s.slot, booked: 0 })
    .onConflictDoNothing();
  const taken = await db
    .update(homeSupportSlotLoad)
    .set({ booked: sql`${homeSupportSlotLoad.booked} + 1` })
    .where(
      and(
        eq(homeSupportSlotLoad.unitId, unitId),
        eq(homeSupportSlotLoad.slotDate, s.date),
        eq(homeSupportSlotLoad.slot, s.slot),
        sql`${homeSupportSlotLoad.booked} < ${capacity}`,
      ),
    )
    .returning({ booked: homeSupportSlotLoad.booked });
  return taken.length === 1;
}

export async function releasePlace(db: DbOrTx, unitId: number, s: SlotOption): Promise<void> {
  await db
    .update(homeSupportSlotLoad)
    .set({ booked: sql`greatest(${homeSupportSlotLoad.booked} - 1, 0)` })
    .where(
      and(
        eq(homeSupportSlotLoad.unitId, unitId),
        eq(homeSupportSlotLoad.slotDate, s.date),
        eq(homeSupportSlotLoad.slot, s.slot),
      ),
    );
}
