import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { NotificationStatus } from "./notifications";
import { units } from "./org";
import { ratingLevels } from "./ratings";
import { staff } from "./staff";
import { zaloFollowers } from "./zalo-events";

export const conversationStatuses = ["open", "pending", "resolved"] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

/** hỏi đáp / phản ánh / kiến nghị / góp ý / khác. */
export const conversationCategories = ["question", "report", "petition", "suggestion", "other"] as const;
export type ConversationCategory = (typeof conversationCategories)[number];

export const conversationPriorities = ["low", "normal", "high", "urgent"] as const;
export type ConversationPriority = (typeof conversationPriorities)[number];

// A citizen's thread with the OA, owned by one unit; "pending" = answered, waiting for the citizen.
export const conversations = pgTable(
  "conversations",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    followerId: bigint({ mode: "number" })
      .notNull()
      .references(() => zaloFollowers.id),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    status: text({ enum: conversationStatuses }).notNull().default("open"),
    category: text({ enum: conversationCategories }).notNull().default("question"),
    priority: text({ enum: conversationPriorities }).notNull().default("normal"),
    assigneeId: integer().references(() => staff.id),
    labels: text()
      .array()
      .notNull()
      .default(sql`'{}'`),
    subject: text().notNull().default(""),
    // Petitions (phản ánh, kiến nghị): reference number, legal deadline on the working calendar, outcome.
    referenceNumber: text(),
    petitionAt: timestamp({ withTimezone: true }),
    dueAt: timestamp({ withTimezone: true }),
    outcome: text(),
    outcomeSentAt: timestamp({ withTimezone: true }),
    // The citizen's rating of the outcome, answered on Zalo (Decision 766's complaint satisfaction ratio).
    satisfaction: text({ enum: ratingLevels }),
    satisfactionAt: timestamp({ withTimezone: true }),
    suggestedDossierCodes: text()
      .array()
      .notNull()
      .default(sql`'{}'`),
    lastMessageAt: timestamp({ withTimezone: true }).notNull(),
    lastIncomingAt: timestamp({ withTimezone: true }),
    // The citizen's oldest unanswered message: the SLA timer runs from here.
    waitingSince: timestamp({ withTimezone: true }),
    unreadCount: integer().notNull().default(0),
    // Folded (no diacritics, lower case) text of the latest messages, for the inbox search.
    searchText: text().notNull().default(""),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "conversations_satisfaction_check",
      sql`${t.satisfaction} IS NULL OR ${t.satisfaction} IN ('very_satisfied', 'satisfied', 'dissatisfied')`,
    ),
    uniqueIndex("conversations_follower_active_uq")
      .on(t.followerId)
      .where(sql`${t.status} <> 'resolved'`),
    index("conversations_follower_idx").on(t.followerId, t.lastMessageAt),
    index("conversations_unit_list_idx").on(t.unitId, t.lastMessageAt.desc(), t.id.desc()),
    index("conversations_list_idx").on(t.lastMessageAt.desc(), t.id.desc()),
    index("conversations_unit_status_idx").on(t.unitId, t.status, t.lastMessageAt.desc(), t.id.desc()),
    index("conversations_assignee_idx")
      .on(t.assigneeId, t.lastMessageAt.desc())
      .where(sql`${t.assigneeId} is not null`),
    index("conversations_unread_idx")
      .on(t.unitId)
      .where(sql`${t.unreadCount} > 0`),
    index("conversations_due_idx")
      .on(t.unitId, t.dueAt)
      .where(sql`${t.dueAt} is not null and ${t.status} <> 'resolved'`),
    uniqueIndex("conversations_reference_uq")
      .on(t.referenceNumber)
      .where(sql`${t.referenceNumber} is not null`),
    index("conversations_search_trgm_idx").using("gin", t.searchText.op("gin_trgm_ops")),
  ],
);
export type Conversation = typeof conversations.$inferSelect;

export const messageDirections = ["in", "out", "note"] as const;
export type MessageDirection = (typeof messageDirections)[number];

export const messageKinds = [
  "text",
  "image",
  "file",
  "sticker",
  "location",
  "link",
  "audio",
  "video",
  "template",
  "other",
] as const;
export type MessageKind = (typeof messageKinds)[number];

/**
 * citizen = webhook; portal = staff reply; oa_manager = oa_send_* echo typed in Zalo's OA manager; system =
 * acknowledgement.
 */
export const messageSources = ["citizen", "portal", "oa_manager", "system", "staff_note"] as const;
export type MessageSource = (typeof messageSources)[number];

/**
 * cs = free consultation (< 48 h); cs_paid = billable consultation (48 h – 7 days); zbs = approved template by phone.
 */
export const replyChannels = ["cs", "cs_paid", "zbs"] as const;
export type ReplyChannel = (typeof replyChannels)[number];

// Every message of a conversation; outgoing ones are also the reply outbox (statuses as lib/notifications).
export const conversationMessages = pgTable(
  "conversation_messages",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    conversationId: bigint({ mode: "number" })
      .notNull()
      .references(() => conversations.id),
    direction: text({ enum: messageDirections }).notNull(),
    kind: text({ enum: messageKinds }).notNull().default("text"),
    source: text({ enum: messageSources }).notNull(),
    text: text(),
    attachments: jsonb(),
    zaloMsgId: text(),
    authorId: integer(),
    authorName: text(),
    channel: text({ enum: replyChannels }),
    templateId: text(),
    templateParams: jsonb().$type<Record<string, string>>(),
    recipient: text(),
    status: text().$type<NotificationStatus>(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }),
    claimedBy: text(),
    claimedAt: timestamp({ withTimezone: true }),
    lastErrorCode: integer(),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    seenAt: timestamp({ withTimezone: true }),
    failedAt: timestamp({ withTimezone: true }),
    at: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("conversation_messages_msg_uq")
      .on(t.zaloMsgId)
      .where(sql`${t.zaloMsgId} is not null`),
    index("conversation_messages_conv_idx").on(t.conversationId, t.at, t.id),
    index("conversation_messages_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('queued', 'failed_temporary')`),
    index("conversation_messages_sending_idx")
      .on(t.claimedAt)
      .where(sql`${t.status} = 'sending'`),
  ],
);
export type ConversationMessage = typeof conversationMessages.$inferSelect;

// Canned answers with {placeholders}; unitId null = offered to every unit.
export const cannedAnswers = pgTable("canned_answers", {
  id: serial().primaryKey(),
  unitId: integer().references(() => units.id),
  title: text().notNull(),
  body: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type CannedAnswer = typeof cannedAnswers.$inferSelect;

// Public FAQ: an answered question, anonymised and edited by staff, published by field (lĩnh vực).
export const faqEntries = pgTable(
  "faq_entries",
  {
    id: serial().primaryKey(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    conversationId: bigint({ mode: "number" }).references(() => conversations.id),
    field: text().notNull(),
    question: text().notNull(),
    answer: text().notNull(),
    published: boolean().notNull().default(false),
    publishedAt: timestamp({ withTimezone: true }),
    updatedBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("faq_entries_published_idx")
      .on(t.field)
      .where(sql`${t.published}`),
  ],
);
export type FaqEntry = typeof faqEntries.$inferSelect;

/** Working days allowed to answer, per category. */
export type DeadlineDays = Record<ConversationCategory, number>;

// One row (id 1): petition deadlines, whether paid replies (48 h – 7 days) are allowed, the ZBS template offered after
// 7 days.
export const conversationSettings = pgTable("conversation_settings", {
  id: integer().primaryKey().default(1),
  deadlineDays: jsonb()
    .$type<DeadlineDays>()
    .notNull()
    .default({ question: 5, report: 10, petition: 10, suggestion: 10, other: 10 }),
  allowPaidReplies: boolean().notNull().default(true),
  zbsTemplateId: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
