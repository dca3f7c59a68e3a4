CREATE TABLE "api_idempotency" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key_id" integer NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"position" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"rate_limit_enabled" boolean DEFAULT true NOT NULL,
	"rate_per_minute" integer DEFAULT 4000 NOT NULL,
	"bucket_tokens" integer DEFAULT 0 NOT NULL,
	"bucket_remainder_milli" integer DEFAULT 0 NOT NULL,
	"bucket_refilled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"daily_quota" integer,
	"remaining_quota" integer,
	"quota_updated_at" timestamp with time zone,
	"quota_exhausted_until" timestamp with time zone,
	"max_attempts" integer DEFAULT 12 NOT NULL,
	"retry_base_ms" integer DEFAULT 60000 NOT NULL,
	"retry_cap_ms" integer DEFAULT 3600000 NOT NULL,
	"sending_timeout_ms" integer DEFAULT 120000 NOT NULL,
	"batch_size" integer DEFAULT 200 NOT NULL,
	"concurrency" integer DEFAULT 32 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_templates" (
	"event_type" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"channels" jsonb DEFAULT '["zbs"]'::jsonb NOT NULL,
	"zbs_template_id" text,
	"zbs_params" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cs_text" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"event_id" bigint NOT NULL,
	"event_type" text NOT NULL,
	"channel" text,
	"recipient" text,
	"template_id" text,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fallbacks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"last_error_code" integer,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"zalo_msg_id" text,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"seen_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"resend_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_idempotency" ADD CONSTRAINT "api_idempotency_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_idempotency_key_uq" ON "api_idempotency" USING btree ("key_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "api_idempotency_created_idx" ON "api_idempotency" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "api_keys_prefix_idx" ON "api_keys" USING btree ("prefix");--> statement-breakpoint
CREATE INDEX "api_keys_unit_idx" ON "api_keys" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "notifications_due_idx" ON "notifications" USING btree ("next_attempt_at") WHERE "notifications"."status" in ('queued', 'failed_temporary');--> statement-breakpoint
CREATE INDEX "notifications_sending_idx" ON "notifications" USING btree ("claimed_at") WHERE "notifications"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "notifications_dossier_idx" ON "notifications" USING btree ("dossier_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_status_idx" ON "notifications" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "notifications_msg_idx" ON "notifications" USING btree ("zalo_msg_id");--> statement-breakpoint
CREATE INDEX "notifications_event_idx" ON "notifications" USING btree ("event_id");