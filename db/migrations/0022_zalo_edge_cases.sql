-- A send whose answer was lost may have reached Zalo: the row waits for its delivery receipt before any resend.
ALTER TABLE "notifications" ADD COLUMN "outcome_unknown_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD COLUMN "unknown_outcome_wait_ms" integer DEFAULT 900000 NOT NULL;--> statement-breakpoint
-- Quota codes told apart: one template's daily limit pauses that template; an empty balance pauses ZBS and alerts.
ALTER TABLE "notification_settings" ADD COLUMN "paused_templates" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD COLUMN "balance_exhausted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD COLUMN "balance_paused_until" timestamp with time zone;--> statement-breakpoint
-- Go-live checks: ZBS sent with mode "development" reaches only the OA's and the app's administrators.
ALTER TABLE "notification_settings" ADD COLUMN "zbs_development_mode" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Webhook deliveries refused since the last verified one (Zalo disables a webhook that keeps failing).
CREATE TABLE "zalo_webhook_health" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"signature_failures" integer DEFAULT 0 NOT NULL,
	"unconfigured_events" integer DEFAULT 0 NOT NULL,
	"first_refused_at" timestamp with time zone,
	"last_refused_at" timestamp with time zone,
	"last_verified_at" timestamp with time zone
);--> statement-breakpoint
-- A citizen who withdrew consent on Zalo (user_withdraw): the shared phone link is erased, the withdrawal kept.
ALTER TABLE "zalo_followers" ADD COLUMN "consent_withdrawn_at" timestamp with time zone;
