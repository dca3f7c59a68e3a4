import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
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
import { units } from "./org";
import { procedures } from "./procedures";

export const dossierStatuses = [
  "submitted",
  "received",
  "assigned",
  "appraising",
  "awaiting_signature",
  "result_ready",
  "returned",
  "supplement_requested",
  "fee_requested",
  "fee_paid",
  "rejected",
  "withdrawn",
  "stopped",
] as const;
export type DossierStatus = (typeof dossierStatuses)[number];

export const dossierChannels = ["direct", "post", "online"] as const;
export type DossierChannel = (typeof dossierChannels)[number];

export const resultDeliveries = ["counter", "post_ems", "online"] as const;
export type ResultDelivery = (typeof resultDeliveries)[number];

export type ReceivedComponent = { name: string; copies: number; original?: boolean };

/** What the due date was computed from, frozen at receipt: later catalogue edits do not move it. */
export interface ProcedureSnapshot {
  id: number;
  code: string | null;
  name: string;
  field: string;
  processingDays: number | null;
  processingHours: number | null;
  cutoffTime: string | null;
  supplementClock: "pause" | "restart";
}

export const dossiers = pgTable(
  "dossiers",
  {
    id: serial().primaryKey(),
    code: text().notNull(),
    // Code given by the national portal (dichvucong.gov.vn) for online dossiers, kept beside ours.
    nationalCode: text(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    procedureId: integer()
      .notNull()
      .references(() => procedures.id),
    procedure: jsonb().$type<ProcedureSnapshot>().notNull(),
    status: text({ enum: dossierStatuses }).notNull(),
    channel: text({ enum: dossierChannels }).notNull(),
    resultDelivery: text({ enum: resultDeliveries }).notNull(),

    submitterName: text().notNull(),
    submitterIdNumber: text(),
    submitterPhone84: text(),
    submitterEmail: text(),
    submitterAddress: text(),
    ownerSameAsSubmitter: boolean().notNull().default(true),
    ownerName: text().notNull(),
    ownerIdNumber: text(),
    ownerPhone84: text(),
    ownerEmail: text(),
    ownerAddress: text(),
    // Giấy ủy quyền when the submitter acts for the owner (Form 01, power-of-attorney block).
    authorizationDocument: text(),

    components: jsonb().$type<ReceivedComponent[]>().notNull().default([]),
    setsCount: integer().notNull().default(1),
    notes: text(),

    notifyZalo: boolean().notNull().default(false),
    // The citizen's consent to Zalo messages and when it was given (Law 91/2025/QH15, Decree 356/2025).
    zaloConsentAt: timestamp({ withTimezone: true }),
    zaloConsentChannel: text({ enum: ["counter", "api"] }),
    zaloConsentVersion: text(),
    zaloConsentText: text(),
    // Withdrawn by a chat keyword, at the counter or by Zalo's user_withdraw: no more Zalo/ZBS messages.
    zaloWithdrawnAt: timestamp({ withTimezone: true }),
    zaloWithdrawnVia: text({ enum: ["chat", "counter", "zalo"] }),
    notifySms: boolean().notNull().default(false),
    deliverByPost: boolean().notNull().default(false),

    submittedAt: timestamp({ withTimezone: true }),
    receivedAt: timestamp({ withTimezone: true }),
    receivedById: integer(),
    receivedByName: text(),
    // dueAt is the legal appointment (moved only by the supplement clock); originalDueAt never changes.
    dueAt: timestamp({ withTimezone: true }),
    originalDueAt: timestamp({ withTimezone: true }),
    pausedAt: timestamp({ withTimezone: true }),
    pausedMinutes: integer().notNull().default(0),
    finishedAt: timestamp({ withTimezone: true }),
    returnedAt: timestamp({ withTimezone: true }),
    // Set by a trigger (migration 0014) when the dossier is finished, rejected or withdrawn; statistics read it.
    closedAt: timestamp({ withTimezone: true }),

    // Phiếu xin lỗi (Mẫu 04): a promised new date beside the legal one, so the late record stays.
    apologyAt: timestamp({ withTimezone: true }),
    apologyReason: text(),
    newDueAt: timestamp({ withTimezone: true }),

    feeAmount: integer(),
    feePaymentUrl: text(),
    feePaidAt: timestamp({ withTimezone: true }),
    missingItems: jsonb().$type<string[]>(),
    rejectionReason: text(),

    // Sổ theo dõi hồ sơ (Form 06): book = reception year, line = yearly sequence of the unit.
    registerBook: text(),
    registerLine: integer(),

    lookupSecret: text().notNull(),
    searchText: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("dossiers_code_uq").on(t.code),
    uniqueIndex("dossiers_national_code_uq")
      .on(t.nationalCode)
      .where(sql`${t.nationalCode} is not null`),
    index("dossiers_unit_received_idx").on(t.unitId, t.receivedAt),
    index("dossiers_status_idx").on(t.status),
    index("dossiers_procedure_idx").on(t.procedureId),
    index("dossiers_due_idx").on(t.dueAt),
    index("dossiers_submitter_phone_idx").on(t.submitterPhone84),
    index("dossiers_owner_phone_idx").on(t.ownerPhone84),
    index("dossiers_submitter_id_number_idx").on(t.submitterIdNumber),
    index("dossiers_owner_id_number_idx").on(t.ownerIdNumber),
  ],
);

export type Dossier = typeof dossiers.$inferSelect;

/**
 * The search box's narrow twin of `dossiers` (scope, list order, folded text), kept by triggers on
 * dossiers (migrations 0008, 0010): substrings are matched here through trigrams, and a common term's newest
 * matches are found by walking its date indexes; ~60 rows share a block instead of ~11 in `dossiers`.
 */
export const dossierSearch = pgTable(
  "dossier_search",
  {
    dossierId: integer()
      .primaryKey()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    unitId: integer().notNull(),
    /** coalesce(received_at, submitted_at, created_at): the list's default order, never empty. */
    sortAt: timestamp({ withTimezone: true }).notNull(),
    searchText: text().notNull(),
  },
  (t) => [
    index("dossier_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    index("dossier_search_unit_sort_idx").on(t.unitId, t.sortAt, t.dossierId),
    // Newest first across units (a supervisor's or admin's scope).
    index("dossier_search_sort_idx").on(t.sortAt, t.dossierId),
  ],
);

/**
 * What the search box finds by the start of a word: every word-aligned tail of each part of a dossier's search
 * text ("nguyen van an", "van an", "an"; a phone, an ID number, a code's date), kept from dossier_search by
 * triggers (migration 0011). Typed words match the start of a key, so a search is one range of the key index,
 * read without visiting the table: a common name's thousands of matches are counted from a few index pages
 * instead of one table block each. The key column is in the "C" collation, where a range is a byte range.
 */
export const dossierSearchKeys = pgTable(
  "dossier_search_keys",
  {
    dossierId: integer()
      .notNull()
      .references(() => dossierSearch.dossierId, { onDelete: "cascade" }),
    key: text().notNull(),
    unitId: integer().notNull(),
    sortAt: timestamp({ withTimezone: true }).notNull(),
  },
  // No primary key: dossier_search_keys() returns each key once, and the dossier's ~10 keys share one deduplicated entry here.
  (t) => [
    index("dossier_search_keys_dossier_idx").on(t.dossierId),
    index("dossier_search_keys_key_idx").on(t.key, t.unitId, t.sortAt, t.dossierId),
  ],
);

/**
 * One counter per (unit code, key): key "YYMMDD" numbers the dossier codes of a day, key "YYYY" the
 * lines of the yearly register. Incremented with insert … on conflict … returning inside the intake
 * transaction, so a rolled-back intake also rolls back its number and the sequence has no gaps.
 */
export const dossierSequences = pgTable(
  "dossier_sequences",
  {
    unitCode: text().notNull(),
    day: text().notNull(),
    last: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.day] })],
);

export const dossierHistory = pgTable(
  "dossier_history",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    dossierId: integer()
      .notNull()
      .references(() => dossiers.id),
    fromStatus: text({ enum: dossierStatuses }),
    toStatus: text({ enum: dossierStatuses }).notNull(),
    action: text().notNull(),
    actorLabel: text().notNull(),
    actorId: integer(),
    note: text(),
    data: jsonb().$type<Record<string, unknown>>(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dossier_history_dossier_idx").on(t.dossierId, t.at)],
);

export const dossierReceipts = pgTable(
  "dossier_receipts",
  {
    id: serial().primaryKey(),
    dossierId: integer()
      .notNull()
      .references(() => dossiers.id),
    version: integer().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    issuedBy: text().notNull(),
    // Everything printed on that version, so an earlier receipt reads exactly as it was handed over.
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
  },
  (t) => [uniqueIndex("dossier_receipts_version_uq").on(t.dossierId, t.version)],
);

/** Snapshot carried by each outbox row: enough to write the citizen's message without another query. */
export interface DossierEventPayload {
  code: string;
  nationalCode: string | null;
  status: DossierStatus;
  statusLabel: string;
  ownerName: string;
  submitterName: string;
  procedureName: string;
  /** The registered contact mobile (submitter's, else owner's), "84…". */
  phone84: string | null;
  notifyZalo: boolean;
  notifySms: boolean;
  receivedAt: string | null;
  dueAt: string | null;
  newDueAt: string | null;
  finishedAt: string | null;
  feeAmount: number | null;
  paymentUrl: string | null;
  missing: string[] | null;
  reason: string | null;
  note: string | null;
  receiptVersion: number | null;
  /** Public look-up page with the dossier's secret (the QR target). */
  lookupUrl: string;
}

/**
 * Outbox: written in the same transaction as each change; the notification worker reads undispatched
 * rows with FOR UPDATE SKIP LOCKED. The payload carries everything a citizen message needs.
 */
export const dossierEvents = pgTable(
  "dossier_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    dossierId: integer()
      .notNull()
      .references(() => dossiers.id),
    unitId: integer().notNull(),
    type: text().notNull(),
    payload: jsonb().$type<DossierEventPayload>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    dispatchedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("dossier_events_pending_idx").on(t.dispatchedAt.asc().nullsFirst(), t.id),
    index("dossier_events_dossier_idx").on(t.dossierId),
  ],
);
