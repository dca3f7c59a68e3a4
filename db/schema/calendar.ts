import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { units } from "./org";
import { staff } from "./staff";

export const calendarDayKinds = ["holiday", "compensatory_day_off", "makeup_working_day"] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

// The yearly calendar as the notices publish it: days off on weekdays, and weekend days worked.
// Only confirmed rows count for due dates; unconfirmed rows are proposals awaiting an admin.
export const calendarDays = pgTable(
  "calendar_days",
  {
    id: serial().primaryKey(),
    date: date({ mode: "string" }).notNull(),
    kind: text({ enum: calendarDayKinds }).notNull(),
    name: text().notNull(),
    sourceNote: text(),
    confirmed: boolean().notNull().default(false),
    confirmedBy: integer().references(() => staff.id),
    confirmedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("calendar_days_date_uq").on(t.date),
    index("calendar_days_confirmed_idx")
      .on(t.date)
      .where(sql`${t.confirmed}`),
  ],
);

// Office hours of a receiving point; the row with unit_id null is the default for every unit.
export const officeHours = pgTable(
  "office_hours",
  {
    id: serial().primaryKey(),
    unitId: integer().references(() => units.id, { onDelete: "cascade" }),
    morningStart: text().notNull().default("07:30"),
    morningEnd: text().notNull().default("11:30"),
    afternoonStart: text().notNull().default("13:30"),
    afternoonEnd: text().notNull().default("17:00"),
    saturdayMorning: boolean().notNull().default(false),
    updatedBy: integer().references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("office_hours_unit_uq").on(t.unitId).nullsNotDistinct(),
    check(
      "office_hours_order_ck",
      sql`${t.morningStart} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and ${t.morningEnd} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
        and ${t.afternoonStart} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and ${t.afternoonEnd} ~
          '^([01][0-9]|2[0-3]):[0-5][0-9]$'
        and ${t.morningStart} < ${t.morningEnd} and ${t.morningEnd} <= ${t.afternoonStart} and ${t.afternoonStart}
          < ${t.afternoonEnd}`,
    ),
  ],
);
