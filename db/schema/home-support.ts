import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { dossiers } from "./dossiers";
import { units } from "./org";
import { procedures } from "./procedures";
import { staff } from "./staff";

export const chatFlowStatuses = ["active", "done", "cancelled", "expired"] as const;
export type ChatFlowStatus = (typeof chatFlowStatuses)[number];

/** One conversation with the OA's chat bot per follower; at most one active at a time. */
export const chatFlowSessions = pgTable(
  "chat_flow_sessions",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    oaUserId: text().notNull(),
    flow: text().notNull(),
    step: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: text({ enum: chatFlowStatuses }).notNull().default("active"),
    // Zalo's time of the last input applied: an older input delivered late is not applied.
    lastEventAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("chat_flow_sessions_active_uq")
      .on(t.oaUserId)
      .where(sql`${t.status} = 'active'`),
    index("chat_flow_sessions_expiry_idx")
      .on(t.expiresAt)
      .where(sql`${t.status} = 'active'`),
  ],
);
export type ChatFlowSession = typeof chatFlowSessions.$inferSelect;

/** Every input the chat flows saw, by Zalo's message id: a redelivered input is recognised and not applied twice. */
export const chatFlowInputs = pgTable("chat_flow_inputs", {
  key: text().primaryKey(),
  oaUserId: text().notNull(),
  sessionId: bigint({ mode: "number" }),
  outcome: text().notNull(),
  at: timestamp({ withTimezone: true }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Administrators' wording of the bot's texts; a missing key uses the catalogue's text. */
export const chatFlowTexts = pgTable("chat_flow_texts", {
  key: text().primaryKey(),
  text: text().notNull(),
  updatedBy: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const homeSupportStatuses = [
  "new",
  "verified",
  "contacted",
  "scheduled",
  "done",
  "cancelled",
  "no_show",
] as const;
export type HomeSupportStatus = (typeof homeSupportStatuses)[number];

export const homeSupportSlots = ["morning", "afternoon"] as const;
export type HomeSupportSlot = (typeof homeSupportSlots)[number];

/** Seed 004: a citizen's request, from the OA chat, for staff to help them submit a dossier online at home. */
export const homeSupportRegistrations = pgTable(
  "home_support_registrations",
  {
    id: serial().primaryKey(),
    code: text().notNull(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    oaUserId: text().notNull(),
    citizenName: text().notNull(),
    phone84: text(),
    address: text(),
    consentAt: timestamp({ withTimezone: true }).notNull(),
    // The words the citizen agreed to, as shown on the share-information card.
    consentText: text().notNull(),
    procedureId: integer().references(() => procedures.id),
    procedureText: text().notNull(),
    slotDate: date({ mode: "string" }).notNull(),
    slot: text({ enum: homeSupportSlots }).notNull(),
    status: text({ enum: homeSupportStatuses }).notNull().default("new"),
    assigneeId: integer().references(() => staff.id),
    dossierId: integer().references(() => dossiers.id),
    reminderSentAt: timestamp({ withTimezone: true }),
    searchText: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("home_support_registrations_code_uq").on(t.code),
    index("home_support_registrations_unit_idx").on(t.unitId, t.status, t.slotDate),
    index("home_support_registrations_user_idx").on(t.oaUserId),
    index("home_support_registrations_reminder_idx")
      .on(t.slotDate)
      .where(sql`${t.reminderSentAt} is null`),
  ],
);
export type HomeSupportRegistration = typeof homeSupportRegistrations.$inferSelect;

export const homeSupportNoteKinds = ["note", "call"] as const;
export type HomeSupportNoteKind = (typeof homeSupportNoteKinds)[number];
export const callOutcomes = ["reached", "no_answer", "wrong_number", "call_back"] as const;
export type CallOutcome = (typeof callOutcomes)[number];

export const homeSupportNotes = pgTable(
  "home_support_notes",
  {
    id: serial().primaryKey(),
    registrationId: integer()
      .notNull()
      .references(() => homeSupportRegistrations.id),
    kind: text({ enum: homeSupportNoteKinds }).notNull(),
    outcome: text({ enum: callOutcomes }),
    body: text().notNull(),
    staffId: integer().references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("home_support_notes_registration_idx").on(t.registrationId)],
);

/** How many home visits/calls a unit takes per weekday (0 = Sunday) and slot; no row = the default capacity. */
export const homeSupportCapacity = pgTable(
  "home_support_capacity",
  {
    unitId: integer()
      .notNull()
      .references(() => units.id),
    weekday: smallint().notNull(),
    slot: text({ enum: homeSupportSlots }).notNull(),
    capacity: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "home_support_capacity_pk", columns: [t.unitId, t.weekday, t.slot] }),
    check("home_support_capacity_ck", sql`${t.capacity} >= 0 AND ${t.weekday} BETWEEN 0 AND 6`),
  ],
);

/** Places taken per unit, date and slot: booking is one conditional UPDATE on this row, so it never oversells. */
export const homeSupportSlotLoad = pgTable(
  "home_support_slot_load",
  {
    unitId: integer()
      .notNull()
      .references(() => units.id),
    slotDate: date({ mode: "string" }).notNull(),
    slot: text({ enum: homeSupportSlots }).notNull(),
    booked: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ name: "home_support_slot_load_pk", columns: [t.unitId, t.slotDate, t.slot] }),
    check("home_support_slot_load_ck", sql`${t.booked} >= 0`),
  ],
);

export const oaMenuKinds = ["lookup", "home_support", "petition", "news", "procedure_search", "contacts"] as const;
export type OaMenuKind = (typeof oaMenuKinds)[number];

/** The OA's menu of services: each entry sends its keyword into the chat when tapped. */
export const oaMenuEntries = pgTable("oa_menu_entries", {
  id: serial().primaryKey(),
  kind: text({ enum: oaMenuKinds }).notNull().unique("oa_menu_entries_kind_uq"),
  label: text().notNull(),
  keyword: text().notNull(),
  position: integer().notNull(),
  enabled: boolean().notNull().default(true),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type OaMenuEntry = typeof oaMenuEntries.$inferSelect;

/** One row (id 1): which unit takes home-support requests by default, its extra keyword, and the contacts entry. */
export const oaMenuSettings = pgTable("oa_menu_settings", {
  id: integer().primaryKey().default(1),
  homeSupportUnitId: integer().references(() => units.id),
  homeSupportKeyword: text(),
  defaultCapacity: integer().notNull().default(2),
  contactsUnitId: integer().references(() => units.id),
  contactsPhone: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type OaMenuSettings = typeof oaMenuSettings.$inferSelect;
