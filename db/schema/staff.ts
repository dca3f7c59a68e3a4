import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { units } from "./org";

export const roles = ["admin", "receptionist", "publisher", "supervisor"] as const;
export type Role = (typeof roles)[number];

export const staff = pgTable(
  "staff",
  {
    id: serial().primaryKey(),
    username: text().notNull(),
    fullName: text().notNull(),
    email: text(),
    phone: text(),
    role: text({ enum: roles }).notNull(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    // Bumped on password reset, deactivation or role change so that existing sessions end.
    sessionVersion: integer().notNull().default(1),
    mustChangePassword: boolean().notNull().default(false),
    lastLoginAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("staff_username_uq").on(t.username), index("staff_unit_idx").on(t.unitId)],
);
