import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { units } from "./org";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const followerSyncStatuses = ["idle", "running", "done", "failed"] as const;
export type FollowerSyncStatus = (typeof followerSyncStatuses)[number];

/** One row: the resumable full sync of Zalo's follower list (next_offset is where a restart continues). */
export const followerSync = pgTable("follower_sync", {
  id: integer().primaryKey().default(1),
  status: text({ enum: followerSyncStatuses }).notNull().default("idle"),
  nextOffset: integer().notNull().default(0),
  total: integer(),
  processed: integer().notNull().default(0),
  failed: integer().notNull().default(0),
  startedAt: timestamp({ withTimezone: true }),
  finishedAt: timestamp({ withTimezone: true }),
  lastError: text(),
  requestedBy: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const beyondWindowPolicies = ["skip", "zbs"] as const;
export type BeyondWindowPolicy = (typeof beyondWindowPolicies)[number];

/** Province-wide limits of the OA package (zalo-api.md §6.2) and the night window, configurable. */
export const announcementSettings = pgTable("announcement_settings", {
  id: integer().primaryKey().default(1),
  monthlyCap: integer().notNull().default(4),
  dailyCap: integer().notNull().default(1),
  quietStartHour: integer().notNull().default(22),
  quietEndHour: integer().notNull().default(6),
  beyondWindow: text({ enum: beyondWindowPolicies }).notNull().default("skip"),
  zbsTemplateId: text(),
  batchSize: integer().notNull().default(100),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type AnnouncementSettings = typeof announcementSettings.$inferSelect;

/** Cover and body images uploaded by publishers, stored by the portal and served from /tin-tuc/anh/<id>. */
export const announcementImages = pgTable("announcement_images", {
  id: bigserial({ mode: "number" }).primaryKey(),
  unitId: integer().notNull(),
  contentType: text().notNull(),
  bytes: bytea().notNull(),
  size: integer().notNull(),
  width: integer(),
  height: integer(),
  uploadedBy: integer(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const announcementCategories = ["thu_tuc", "van_ban", "huong_dan", "su_kien", "khac"] as const;
export type AnnouncementCategory = (typeof announcementCategories)[number];

export type AnnouncementBlock =
  | { type: "text"; content: string }
  | { type: "image"; url: string; caption?: string }
  | { type: "link"; url: string; text: string };

export type AnnouncementAudience =
  | { kind: "all"; target?: { gender?: string; ages?: string; cities?: string } }
  | { kind: "segment"; tags?: string[]; unitIds?: number[]; recency?: "48h" | "7d" | "any" };

/**
 * draft → submitted → approved → sending → sent; returned (back to the author with a comment), paused and
 * cancelled on the side. Every move names the states it may start from (lib/announcements/status.ts).
 */
export const announcementStatuses = [
  "draft",
  "submitted",
  "returned",
  "approved",
  "sending",
  "paused",
  "sent",
  "cancelled",
] as const;
export type AnnouncementStatus = (typeof announcementStatuses)[number];

/** The planner's counts, shown before approval and kept with the send. */
export interface AnnouncementPlan {
  at: string;
  audience: number;
  willSend: number;
  byChannel: Record<string, number>;
  skipped: Record<string, number>;
  startAt: string;
}

export const announcements = pgTable(
  "announcements",
  {
    id: serial().primaryKey(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    slug: text().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(""),
    category: text({ enum: announcementCategories }).notNull().default("khac"),
    coverImageId: bigint({ mode: "number" }).references(() => announcementImages.id),
    coverImageUrl: text(),
    body: jsonb().$type<AnnouncementBlock[]>().notNull().default([]),
    audience: jsonb().$type<AnnouncementAudience>().notNull().default({ kind: "all" }),
    beyondWindow: text({ enum: beyondWindowPolicies }),
    status: text({ enum: announcementStatuses }).notNull().default("draft"),
    source: text({ enum: ["portal", "api"] })
      .notNull()
      .default("portal"),
    version: integer().notNull().default(1),
    reviewComment: text(),
    createdBy: integer(),
    submittedAt: timestamp({ withTimezone: true }),
    approvedBy: integer(),
    approvedAt: timestamp({ withTimezone: true }),
    scheduledAt: timestamp({ withTimezone: true }),
    sendStartedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    plan: jsonb().$type<AnnouncementPlan>(),
    zaloArticleToken: text(),
    zaloArticleId: text(),
    broadcastMsgId: text(),
    // Set before the broadcast call: a crash after it leaves the send for a person to check, never a second broadcast.
    broadcastStartedAt: timestamp({ withTimezone: true }),
    lastError: text(),
    claimedBy: text(),
    claimedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("announcements_slug_uq").on(t.slug),
    index("announcements_unit_idx").on(t.unitId, t.updatedAt),
    index("announcements_due_idx")
      .on(t.scheduledAt)
      .where(sql`${t.status} in ('approved', 'sending')`),
  ],
);
export type Announcement = typeof announcements.$inferSelect;

export const recipientStatuses = [
  "queued",
  "sending",
  "sent",
  "failed_temporary",
  "failed_permanent",
  "skipped",
  "cancelled",
] as const;
export type RecipientStatus = (typeof recipientStatuses)[number];

export const skipReasons = ["cap_month", "cap_day", "window", "quiet_hours", "not_following"] as const;
export type SkipReason = (typeof skipReasons)[number];

/** One follower of one announcement: the outbox row of a segment send, or the record of a broadcast's reach. */
export const announcementRecipients = pgTable(
  "announcement_recipients",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    announcementId: integer()
      .notNull()
      .references(() => announcements.id),
    followerId: bigint({ mode: "number" }).notNull(),
    oaUserId: text().notNull(),
    channel: text({ enum: ["cs", "zbs", "broadcast"] }),
    status: text({ enum: recipientStatuses }).notNull().default("queued"),
    skipReason: text({ enum: skipReasons }),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedBy: text(),
    claimedAt: timestamp({ withTimezone: true }),
    zaloMsgId: text(),
    lastErrorCode: integer(),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("announcement_recipients_uq").on(t.announcementId, t.followerId),
    index("announcement_recipients_due_idx")
      .on(t.announcementId, t.id)
      .where(sql`${t.status} in ('queued', 'failed_temporary')`),
    index("announcement_recipients_sending_idx")
      .on(t.claimedAt)
      .where(sql`${t.status} = 'sending'`),
    index("announcement_recipients_follower_idx")
      .on(t.followerId, t.sentAt)
      .where(sql`${t.status} = 'sent'`),
  ],
);
export type AnnouncementRecipient = typeof announcementRecipients.$inferSelect;
