import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { units } from "./org";

export const procedureLevels = ["tinh", "xa"] as const;
export type ProcedureLevel = (typeof procedureLevels)[number];

export const deliveryMethods = ["counter", "post", "online"] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];

export const supplementClockModes = ["pause", "restart"] as const;
export type SupplementClockMode = (typeof supplementClockModes)[number];

export type ProcedureComponent = { name: string; copies: number; original?: boolean };

// Thủ tục hành chính: the province-wide catalogue every dossier is received against.
export const procedures = pgTable(
  "procedures",
  {
    id: serial().primaryKey(),
    // National TTHC code ("1.004227"); some local procedures have none.
    code: text(),
    name: text().notNull(),
    field: text().notNull(),
    sector: text(),
    level: text({ enum: procedureLevels }),
    agency: text(),
    // Handling unit; null means any receiving unit may take it.
    unitId: integer().references(() => units.id),
    // Working days; half days are published for some procedures.
    processingDays: numeric({ precision: 6, scale: 1, mode: "number" }),
    processingHours: integer(),
    processingNote: text(),
    feeText: text(),
    feeAmount: integer(),
    components: jsonb().$type<ProcedureComponent[]>().notNull().default([]),
    deliveryMethods: text({ enum: deliveryMethods })
      .array()
      .notNull()
      .default(sql`ARRAY['counter']::text[]`),
    // Received after this time of day ("15:00"), the clock starts on the next working day.
    cutoffTime: text(),
    supplementClock: text({ enum: supplementClockModes }).notNull().default("pause"),
    searchText: text().notNull(),
    active: boolean().notNull().default(true),
    retiredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("procedures_code_uq")
      .on(t.code)
      .where(sql`${t.code} is not null`),
    index("procedures_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    index("procedures_field_idx").on(t.field),
    index("procedures_unit_idx").on(t.unitId),
  ],
);

export type Procedure = typeof procedures.$inferSelect;
export type NewProcedure = typeof procedures.$inferInsert;
