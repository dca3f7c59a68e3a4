import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { dossiers } from "./dossiers";

/** The official three levels (vn-rules §4.2); no neutral level. */
export const ratingLevels = ["very_satisfied", "satisfied", "dissatisfied"] as const;
export type RatingLevel = (typeof ratingLevels)[number];

export const ratingChannels = ["web", "counter", "zalo"] as const;
export type RatingChannel = (typeof ratingChannels)[number];

export interface RatingCriterion {
  key: string;
  label: string;
}

/** One row (id 1): the criteria a citizen can judge, the Zalo stars → level table, and the time limits. */
export const ratingSettings = pgTable("rating_settings", {
  id: integer().primaryKey().default(1),
  criteria: jsonb().$type<RatingCriterion[]>().notNull(),
  starLevels: jsonb().$type<Record<string, RatingLevel>>().notNull(),
  changeDays: integer().notNull().default(7),
  followupWorkingDays: integer().notNull().default(5),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type RatingSettings = typeof ratingSettings.$inferSelect;

/** One rating per returned dossier (its citizen), changeable for `changeDays`; every channel lands here. */
export const ratings = pgTable(
  "ratings",
  {
    id: serial().primaryKey(),
    dossierId: integer()
      .notNull()
      .references(() => dossiers.id),
    unitId: integer().notNull(),
    procedureId: integer().notNull(),
    receivedById: integer(),
    level: text({ enum: ratingLevels }).notNull(),
    criteria: jsonb().$type<Record<string, RatingLevel>>().notNull().default({}),
    comment: text(),
    channel: text({ enum: ratingChannels }).notNull(),
    zaloTrackingId: text(),
    zaloStars: integer(),
    // Copied from the dossier (final once returned): the dashboard counts ratings of dossiers returned in a period.
    returnedAt: timestamp({ withTimezone: true }).notNull(),
    ratedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    changes: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex("ratings_dossier_uq").on(t.dossierId),
    index("ratings_returned_idx").on(t.returnedAt),
    index("ratings_rated_idx").on(t.ratedAt, t.id),
  ],
);
export type Rating = typeof ratings.$inferSelect;

export const followupStatuses = ["open", "assigned", "closed"] as const;
export type FollowupStatus = (typeof followupStatuses)[number];

/** Opened by a "Không hài lòng" rating for the dossier's unit; due in working days. */
export const ratingFollowups = pgTable(
  "rating_followups",
  {
    id: serial().primaryKey(),
    ratingId: integer()
      .notNull()
      .references(() => ratings.id),
    dossierId: integer().notNull(),
    unitId: integer().notNull(),
    status: text({ enum: followupStatuses }).notNull().default("open"),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    assigneeId: integer(),
    assigneeName: text(),
    actionTaken: text(),
    answer: text(),
    answerChannel: text(),
    answeredAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("rating_followups_rating_uq").on(t.ratingId),
    index("rating_followups_unit_idx").on(t.unitId, t.status, t.dueAt),
  ],
);
export type RatingFollowup = typeof ratingFollowups.$inferSelect;

/** Maintained by triggers on dossiers and dossier_history (migration 0014); see the migration for the meaning. */
export const dossierDailyStats = pgTable(
  "dossier_daily_stats",
  {
    unitId: integer().notNull(),
    procedureId: integer().notNull(),
    day: date({ mode: "string" }).notNull(),
    receivedDirect: integer().notNull().default(0),
    receivedOnline: integer().notNull().default(0),
    receivedPost: integer().notNull().default(0),
    receivedZalo: integer().notNull().default(0),
    closed: integer().notNull().default(0),
    finishedEarly: integer().notNull().default(0),
    finishedOnTime: integer().notNull().default(0),
    finishedLate: integer().notNull().default(0),
    returned: integer().notNull().default(0),
    apologies: integer().notNull().default(0),
    supplements: integer().notNull().default(0),
    overdueStart: integer().notNull().default(0),
    overdueEnd: integer().notNull().default(0),
  },
  (t) => [primaryKey({ name: "dossier_daily_stats_pk", columns: [t.day, t.unitId, t.procedureId] })],
);

/** dossier_daily_stats summed per month (the first day of it); kept by triggers on that table (migration 0019). */
export const dossierMonthlyStats = pgTable(
  "dossier_monthly_stats",
  {
    unitId: integer().notNull(),
    procedureId: integer().notNull(),
    month: date({ mode: "string" }).notNull(),
    receivedDirect: integer().notNull().default(0),
    receivedOnline: integer().notNull().default(0),
    receivedPost: integer().notNull().default(0),
    receivedZalo: integer().notNull().default(0),
    closed: integer().notNull().default(0),
    finishedEarly: integer().notNull().default(0),
    finishedOnTime: integer().notNull().default(0),
    finishedLate: integer().notNull().default(0),
    returned: integer().notNull().default(0),
    apologies: integer().notNull().default(0),
    supplements: integer().notNull().default(0),
    overdueStart: integer().notNull().default(0),
    overdueEnd: integer().notNull().default(0),
  },
  (t) => [primaryKey({ name: "dossier_monthly_stats_pk", columns: [t.month, t.unitId, t.procedureId] })],
);

/** Notifications per unit and day of the dossier event; kept by triggers (migration 0014). */
export const notificationDailyStats = pgTable(
  "notification_daily_stats",
  {
    unitId: integer().notNull(),
    day: date({ mode: "string" }).notNull(),
    created: integer().notNull().default(0),
    sent: integer().notNull().default(0),
    delivered: integer().notNull().default(0),
    failed: integer().notNull().default(0),
  },
  (t) => [primaryKey({ name: "notification_daily_stats_pk", columns: [t.day, t.unitId] })],
);

export const notificationDailyReasons = pgTable(
  "notification_daily_reasons",
  {
    unitId: integer().notNull(),
    day: date({ mode: "string" }).notNull(),
    reason: text().notNull(),
    n: integer().notNull().default(0),
  },
  (t) => [primaryKey({ name: "notification_daily_reasons_pk", columns: [t.day, t.unitId, t.reason] })],
);

/** Whole seconds from the dossier event to Zalo accepting the message, counted per unit and day (for the median). */
export const notificationDailyDelays = pgTable(
  "notification_daily_delays",
  {
    unitId: integer().notNull(),
    day: date({ mode: "string" }).notNull(),
    seconds: integer().notNull(),
    n: integer().notNull().default(0),
  },
  (t) => [primaryKey({ name: "notification_daily_delays_pk", columns: [t.day, t.unitId, t.seconds] })],
);

/** Ratings per unit, receptionist (0 = none), day the dossier was returned and level; kept by triggers. */
export const ratingDailyStats = pgTable(
  "rating_daily_stats",
  {
    unitId: integer().notNull(),
    receivedById: integer().notNull().default(0),
    day: date({ mode: "string" }).notNull(),
    level: text({ enum: ratingLevels }).notNull(),
    n: integer().notNull().default(0),
  },
  (t) => [primaryKey({ name: "rating_daily_stats_pk", columns: [t.day, t.unitId, t.receivedById, t.level] })],
);
