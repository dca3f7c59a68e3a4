import { eq, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { calendarDays, officeHours } from "@/db/schema/calendar";
import { DEFAULT_OFFICE_HOURS, type OfficeHours, type WorkCalendar } from "./working-time";

/**
 * The confirmed calendar, read fresh on every call (a few dozen rows a year), so an admin's edit
 * applies to the next dossier without any cache to invalidate.
 */
export async function loadCalendar(db: DbOrTx): Promise<WorkCalendar> {
  const rows = await db
    .select({ date: calendarDays.date, kind: calendarDays.kind })
    .from(calendarDays)
    .where(eq(calendarDays.confirmed, true));
  const daysOff = new Set<string>();
  const workingWeekendDays = new Set<string>();
  for (const r of rows) (r.kind === "makeup_working_day" ? workingWeekendDays : daysOff).add(r.date);
  return { daysOff, workingWeekendDays };
}

type OfficeHoursRow = typeof officeHours.$inferSelect;

function officeHoursFromRow(
  row: Pick<OfficeHoursRow, "morningStart" | "morningEnd" | "afternoonStart" | "afternoonEnd" | "saturdayMorning">,
): OfficeHours {
  return {
    morning: [row.morningStart, row.morningEnd],
    afternoon: [row.afternoonStart, row.afternoonEnd],
    saturdayMorning: row.saturdayMorning,
  };
}

/** The unit's own office hours, else the default row, else DEFAULT_OFFICE_HOURS. */
export async function loadOfficeHours(db: DbOrTx, unitId: number | null): Promise<OfficeHours> {
  const rows = await db
    .select()
    .from(officeHours)
    .where(
      unitId == null ? isNull(officeHours.unitId) : or(eq(officeHours.unitId, unitId), isNull(officeHours.unitId)),
    );
  const row = rows.find((r) => r.unitId != null) ?? rows.find((r) => r.unitId == null);
  return row
    ? officeHoursFromRow(row)
    : {
        ...DEFAULT_OFFICE_HOURS,
        morning: [...DEFAULT_OFFICE_HOURS.morning],
        afternoon: [...DEFAULT_OFFICE_HOURS.afternoon],
      };
}
