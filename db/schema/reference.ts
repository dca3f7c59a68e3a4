import { sql } from "drizzle-orm";
import { bigint, check, integer, pgTable } from "drizzle-orm/pg-core";

// One row, bumped by statement triggers on the tables intake reads (units, unit codes, procedures, calendar,
// office hours; migration 0009). A process may keep those in memory: its intake statement writes nothing
// unless the version it cached is still the current one.
export const referenceVersion = pgTable(
  "reference_version",
  {
    id: integer().primaryKey().default(1),
    version: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [check("reference_version_single_row_ck", sql`${t.id} = 1`)],
);
