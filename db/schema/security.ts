import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

// Failed sign-ins per user name, known or not, so that locking reveals nothing about which accounts exist.
export const loginAttempts = pgTable("login_attempts", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  lockedUntil: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// Fixed-window counters shared by every process (sign-in per IP, public look-ups, API keys).
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
