import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const unitKinds = ["province", "service_center", "department", "commune", "other"] as const;
export type UnitKind = (typeof unitKinds)[number];

export const units = pgTable(
  "units",
  {
    id: serial().primaryKey(),
    parentId: integer(),
    kind: text({ enum: unitKinds }).notNull(),
    name: text().notNull(),
    address: text(),
    /** Shown to citizens on the look-up page beside the address and office hours. */
    hotline: text(),
    // Materialised path of ids ("/1/4/9/") so a supervisor's subtree is one indexed prefix match.
    path: text().notNull().default(""),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("units_path_idx").on(t.path), index("units_parent_idx").on(t.parentId)],
);

// Electronic identification codes (mã định danh) are re-issued after mergers; each has a validity period.
export const unitCodes = pgTable(
  "unit_codes",
  {
    id: serial().primaryKey(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    code: text().notNull(),
    validFrom: date().notNull(),
    validTo: date(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("unit_codes_code_from_uq").on(t.code, t.validFrom),
    index("unit_codes_unit_idx").on(t.unitId),
    index("unit_codes_current_idx")
      .on(t.unitId)
      .where(sql`${t.validTo} is null`),
  ],
);
