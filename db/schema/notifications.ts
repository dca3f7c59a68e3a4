import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const notificationChannels = ["zbs", "cs"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/**
 * GOV.UK Notify-style lifecycle. Statuses only move forward (the allowed "from" states are part of each
 * UPDATE's WHERE, lib/notifications/status.ts); "skipped" records an event that produced no send and why.
 */
export const notificationStatuses = [
  "queued",
  "sending",
  "sent",
  "delivered",
  "seen",
  "failed_temporary",
  "failed_permanent",
  "skipped",
] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

/** One ready-to-send message on one channel; the router renders it once so retries send identical content. */
export interface NotificationRoute {
  channel: NotificationChannel;
  /** "84…" for ZBS, the follower's OA user id for CS. */
  recipient: string;
  templateId: string | null;
  params: Record<string, string>;
}

/** Map of a ZBS template parameter to a field of the dossier snapshot, cut to Zalo's per-parameter limit. */
export interface TemplateParam {
  param: string;
  field: string;
  maxLength: number;
}

export const notifications = pgTable(
  "notifications",
  {
    // tracking_id = "n" + id: constant across every attempt of the notification.
    id: bigserial({ mode: "number" }).primaryKey(),
    // Null for chat replies that belong to no dossier (chat flows); unit null = not tied to a unit.
    dossierId: integer(),
    unitId: integer(),
    eventId: bigint({ mode: "number" }),
    eventType: text().notNull(),
    channel: text({ enum: notificationChannels }),
    recipient: text(),
    templateId: text(),
    params: jsonb().$type<Record<string, string>>().notNull().default({}),
    // Channels still to try, in order, if this one fails permanently (routing fallback).
    fallbacks: jsonb().$type<NotificationRoute[]>().notNull().default([]),
    status: text({ enum: notificationStatuses }).notNull().default("queued"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedBy: text(),
    claimedAt: timestamp({ withTimezone: true }),
    lastErrorCode: integer(),
    lastError: text(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    zaloMsgId: text(),
    sentAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    seenAt: timestamp({ withTimezone: true }),
    failedAt: timestamp({ withTimezone: true }),
    resendCount: integer().notNull().default(0),
    // The last send timed out or lost its answer: it may have been accepted, so it waits for a receipt first.
    outcomeUnknownAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('queued', 'failed_temporary')`),
    index("notifications_sending_idx")
      .on(t.claimedAt)
      .where(sql`${t.status} = 'sending'`),
    index("notifications_dossier_idx").on(t.dossierId, t.createdAt),
    index("notifications_status_idx").on(t.status, t.updatedAt),
    index("notifications_msg_idx").on(t.zaloMsgId),
    index("notifications_event_idx").on(t.eventId),
  ],
);
export type Notification = typeof notifications.$inferSelect;

/** Per dossier event type: routing (channel order) and the message on each channel. */
export const notificationTemplates = pgTable("notification_templates", {
  eventType: text().primaryKey(),
  label: text().notNull(),
  enabled: boolean().notNull().default(true),
  // Order of preference; later channels are fallbacks, e.g. ["cs", "zbs"] = free CS inside 48 h, else ZBS.
  channels: jsonb().$type<NotificationChannel[]>().notNull().default(["zbs"]),
  zbsTemplateId: text(),
  zbsParams: jsonb().$type<TemplateParam[]>().notNull().default([]),
  // Consultation text with {placeholders} naming snapshot fields.
  csText: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedBy: text(),
});
export type NotificationTemplate = typeof notificationTemplates.$inferSelect;

/**
 * One row (id 1) shared by every worker copy: the app-wide token bucket, the daily quota reported by
 * Zalo, and retry tuning.
 */
export const notificationSettings = pgTable("notification_settings", {
  id: integer().primaryKey().default(1),
  rateLimitEnabled: boolean().notNull().default(true),
  ratePerMinute: integer().notNull().default(4000),
  bucketTokens: integer().notNull().default(0),
  // Milli-tokens not yet whole, so slow refills are not lost to rounding.
  bucketRemainderMilli: integer().notNull().default(0),
  bucketRefilledAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  dailyQuota: integer(),
  remainingQuota: integer(),
  quotaUpdatedAt: timestamp({ withTimezone: true }),
  quotaExhaustedUntil: timestamp({ withTimezone: true }),
  maxAttempts: integer().notNull().default(12),
  retryBaseMs: integer().notNull().default(60_000),
  retryCapMs: integer().notNull().default(3_600_000),
  sendingTimeoutMs: integer().notNull().default(120_000),
  // How long a send whose answer was lost waits for its delivery receipt before it is sent again.
  unknownOutcomeWaitMs: integer().notNull().default(900_000),
  // Template id → ISO time its daily limit (-147) lifts; other templates keep sending.
  pausedTemplates: jsonb().$type<Record<string, string>>().notNull().default({}),
  // Zalo reported the account balance spent (-115): ZBS pauses, admins are alerted, a probe retries later.
  balanceExhaustedAt: timestamp({ withTimezone: true }),
  balancePausedUntil: timestamp({ withTimezone: true }),
  // Go-live checks: ZBS goes out with mode "development" (delivered to the OA's administrators only).
  zbsDevelopmentMode: boolean().notNull().default(false),
  batchSize: integer().notNull().default(200),
  concurrency: integer().notNull().default(32),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type NotificationSettings = typeof notificationSettings.$inferSelect;

/** Positions of single-reader loops over other domains' append-only tables (e.g. delivery receipts). */
export const notificationCursors = pgTable("notification_cursors", {
  name: text().primaryKey(),
  position: bigint({ mode: "number" }).notNull().default(0),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
