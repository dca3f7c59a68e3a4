import { sql } from "drizzle-orm";
import { bigserial, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { units } from "./org";

/**
 * Keys of the integration API (existing one-door software), one unit each. Only the SHA-256 of the
 * full key is stored; the prefix is what staff see in the list to tell keys apart.
 */
/**
 * What a key may do beyond its unit's dossier intake: "statistics.read" = GET /statistics and /ratings over the unit's
 * subtree.
 */
export const apiKeyScopes = ["statistics.read"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export const apiKeys = pgTable(
  "api_keys",
  {
    id: serial().primaryKey(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    name: text().notNull(),
    prefix: text().notNull(),
    hash: text().notNull(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    scopes: text({ enum: apiKeyScopes })
      .array()
      .notNull()
      .default(sql`'{}'`),
  },
  (t) => [index("api_keys_prefix_idx").on(t.prefix), index("api_keys_unit_idx").on(t.unitId)],
);

export type ApiKey = typeof apiKeys.$inferSelect;

/**
 * First answer to each Idempotency-Key of a key. The row is inserted before the work runs (status null
 * = in progress), so a concurrent duplicate finds it and waits for the answer instead of running twice.
 */
export const apiIdempotency = pgTable(
  "api_idempotency",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    keyId: integer()
      .notNull()
      .references(() => apiKeys.id),
    idempotencyKey: text().notNull(),
    requestHash: text().notNull(),
    status: integer(),
    // The answer's exact JSON text, so a replay is byte-for-byte the first answer (jsonb would reorder keys).
    responseBody: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("api_idempotency_key_uq").on(t.keyId, t.idempotencyKey),
    index("api_idempotency_created_idx").on(t.createdAt),
  ],
);
