-- API keys get scopes: "statistics.read" lets a key read GET /statistics and /ratings over its unit's subtree.
-- Existing keys keep dossier intake only.
ALTER TABLE "api_keys" ADD COLUMN "scopes" text[] DEFAULT '{}' NOT NULL;
