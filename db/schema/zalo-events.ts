import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const zaloEventStatuses = ["pending", "processing", "done", "failed", "ignored"] as const;
export type ZaloEventStatus = (typeof zaloEventStatuses)[number];

// Every signed webhook delivery, stored before it is acknowledged; the worker processes it later.
export const zaloWebhookEvents = pgTable(
  "zalo_webhook_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    // Zalo delivers at least once: message.msg_id (or event + sender + timestamp) makes a redelivery a no-op.
    dedupeKey: text().notNull(),
    eventName: text().notNull(),
    senderId: text(),
    recipientId: text(),
    // Zalo's epoch milliseconds, kept as text because Zalo sends ids and times as strings.
    zaloTimestamp: text(),
    payload: jsonb().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    status: text({ enum: zaloEventStatuses }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedAt: timestamp({ withTimezone: true }),
    lockedBy: text(),
    lastError: text(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("zalo_webhook_events_dedupe_uq").on(t.dedupeKey),
    index("zalo_webhook_events_claim_idx").on(t.status, t.nextAttemptAt),
    index("zalo_webhook_events_received_idx").on(t.receivedAt),
  ],
);

// A Zalo user known to the OA (followed, wrote, or shared info); phone84 links them to dossiers' contact phone.
export const zaloFollowers = pgTable(
  "zalo_followers",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    oaUserId: text().notNull(),
    appUserId: text(),
    displayName: text(),
    following: boolean().notNull().default(false),
    followedAt: timestamp({ withTimezone: true }),
    unfollowedAt: timestamp({ withTimezone: true }),
    // The phone this account proved it owns (one-time code or receipt secret): only this one gives the owner's view.
    phone84: text(),
    phoneConfirmedAt: timestamp({ withTimezone: true }),
    phoneConfirmedBy: text({ enum: ["otp", "receipt", "demo"] }),
    // A phone shared by user_submit_info is a claim until confirmed; it reaches no dossier.
    phoneClaim84: text(),
    sharedName: text(),
    sharedAddress: text(),
    consentAt: timestamp({ withTimezone: true }),
    consentVersion: text(),
    consentText: text(),
    // user_withdraw: the shared phone, name and address are erased; only the time of withdrawal is kept.
    consentWithdrawnAt: timestamp({ withTimezone: true }),
    // Consultation messages are free only within 48 h of the user's last interaction.
    lastInteractionAt: timestamp({ withTimezone: true }),
    // Filled by the follower sync (user/detail) and the tag screens; nameKey = folded display name for search.
    avatar: text(),
    tags: text()
      .array()
      .notNull()
      .default(sql`'{}'`),
    nameKey: text(),
    syncedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("zalo_followers_oa_user_uq").on(t.oaUserId),
    index("zalo_followers_phone_idx")
      .on(t.phone84)
      .where(sql`${t.phone84} is not null`),
    index("zalo_followers_tags_idx").using("gin", t.tags),
  ],
);

/** One-time codes sent by ZBS to a claimed phone; the code itself is stored only as an HMAC. */
export const zaloPhoneVerifications = pgTable(
  "zalo_phone_verifications",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    followerId: bigint({ mode: "number" }).notNull(),
    phone84: text().notNull(),
    codeHash: text().notNull(),
    attempts: integer().notNull().default(0),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("zalo_phone_verifications_follower_idx").on(t.followerId, t.sentAt)],
);
export type ZaloPhoneVerification = typeof zaloPhoneVerifications.$inferSelect;

export const incomingMessageKinds = ["lookup", "keyword", "other"] as const;
export type IncomingMessageKind = (typeof incomingMessageKinds)[number];

// What citizens wrote to the OA; "other" messages are the inbox's work.
export const zaloIncomingMessages = pgTable(
  "zalo_incoming_messages",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    followerId: bigint({ mode: "number" })
      .notNull()
      .references(() => zaloFollowers.id),
    msgId: text().notNull(),
    eventName: text().notNull(),
    text: text(),
    attachments: jsonb(),
    kind: text({ enum: incomingMessageKinds }).notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("zalo_incoming_messages_msg_uq").on(t.msgId),
    index("zalo_incoming_messages_follower_idx").on(t.followerId, t.receivedAt),
  ],
);

export const deliveryReceiptKinds = ["received", "seen", "feedback"] as const;
export type DeliveryReceiptKind = (typeof deliveryReceiptKinds)[number];

// Delivery, seen and rating events, keyed by the outgoing message's msg_id / tracking_id for the notification outbox.
export const zaloDeliveryReceipts = pgTable(
  "zalo_delivery_receipts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    eventId: bigint({ mode: "number" }).references(() => zaloWebhookEvents.id),
    msgId: text(),
    trackingId: text(),
    kind: text({ enum: deliveryReceiptKinds }).notNull(),
    // ZNS receipts name the recipient by phone, OA receipts by user id.
    recipient: text(),
    at: timestamp({ withTimezone: true }).notNull(),
    payload: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A retried event must not record its receipts twice.
    unique("zalo_delivery_receipts_event_msg_uq").on(t.eventId, t.msgId).nullsNotDistinct(),
    index("zalo_delivery_receipts_msg_idx").on(t.msgId),
    index("zalo_delivery_receipts_tracking_idx").on(t.trackingId),
  ],
);
