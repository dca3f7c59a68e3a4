import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// The one connected Official Account. Secrets are AES-256-GCM ciphertexts (lib/zalo/crypto.ts); id is always 1.
export const zaloSettings = pgTable("zalo_settings", {
  id: integer().primaryKey().default(1),
  appId: text().notNull(),
  appSecretEnc: text().notNull(),
  oaId: text().notNull(),
  oaSecretKeyEnc: text().notNull(),
  welcomeMessage: text(),
  source: text().notNull().default("admin"), // "env" when seeded from ZALO_* variables, "admin" once edited
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const zaloTokenStates = ["none", "ok", "failed"] as const;
export type ZaloTokenStateName = (typeof zaloTokenStates)[number];

// The OA token pair. The refresh token is single-use, so the pair is rotated under an advisory lock
// (lib/zalo/tokens.ts).
export const zaloTokens = pgTable("zalo_tokens", {
  id: integer().primaryKey().default(1),
  accessTokenEnc: text(),
  refreshTokenEnc: text(),
  accessTokenExpiresAt: timestamp({ withTimezone: true }),
  refreshedAt: timestamp({ withTimezone: true }),
  state: text({ enum: zaloTokenStates }).notNull().default("none"),
  lastError: text(),
  lastErrorAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// OAuth v4 permission-link attempts: state → PKCE verifier (encrypted), valid for a few minutes, single use.
export const zaloOauthStates = pgTable("zalo_oauth_states", {
  state: text().primaryKey(),
  codeVerifierEnc: text().notNull(),
  staffId: integer(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});

// Webhook deliveries refused since the last verified one: a wrong OA secret or an unconfigured OA must alert,
// because Zalo disables a webhook that keeps failing.
export const zaloWebhookHealth = pgTable("zalo_webhook_health", {
  id: integer().primaryKey().default(1),
  signatureFailures: integer().notNull().default(0),
  unconfiguredEvents: integer().notNull().default(0),
  firstRefusedAt: timestamp({ withTimezone: true }),
  lastRefusedAt: timestamp({ withTimezone: true }),
  lastVerifiedAt: timestamp({ withTimezone: true }),
});
