-- A phone shared by user_submit_info is only a claim; phone84 keeps the phone the account proved it owns.
ALTER TABLE "zalo_followers" ADD COLUMN "phone_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "zalo_followers" ADD COLUMN "phone_confirmed_by" text;--> statement-breakpoint
ALTER TABLE "zalo_followers" ADD COLUMN "phone_claim84" text;--> statement-breakpoint
ALTER TABLE "zalo_followers" ADD COLUMN "consent_version" text;--> statement-breakpoint
ALTER TABLE "zalo_followers" ADD COLUMN "consent_text" text;--> statement-breakpoint
-- Links made before this release were never proved: they become claims the citizen confirms again.
UPDATE "zalo_followers" SET "phone_claim84" = "phone84", "phone84" = NULL
WHERE "phone84" IS NOT NULL;--> statement-breakpoint
CREATE TABLE "zalo_phone_verifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"follower_id" bigint NOT NULL,
	"phone84" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);--> statement-breakpoint
CREATE INDEX "zalo_phone_verifications_follower_idx"
ON "zalo_phone_verifications" USING btree ("follower_id","sent_at");--> statement-breakpoint
-- Consent to Zalo messages: the text and version shown, the channel, and its withdrawal (Law 91/2025).
ALTER TABLE "dossiers" ADD COLUMN "zalo_consent_channel" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "zalo_consent_version" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "zalo_consent_text" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "zalo_withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "zalo_withdrawn_via" text;
