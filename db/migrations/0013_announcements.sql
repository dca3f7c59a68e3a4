-- Followers and announcements (issue 13): follower profile fields kept by the sync, tags, the resumable
-- follower sync, announcements with their approval trail, per-recipient send rows, and the publisher's settings.
ALTER TABLE "zalo_followers" ADD COLUMN "avatar" text;--> statement-breakpoint
ALTER TABLE "zalo_followers" ADD COLUMN "tags" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "zalo_followers" ADD COLUMN "name_key" text;--> statement-breakpoint
ALTER TABLE "zalo_followers" ADD COLUMN "synced_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "zalo_followers_tags_idx" ON "zalo_followers" USING gin ("tags");--> statement-breakpoint
CREATE TABLE "follower_sync" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'idle' NOT NULL,
	"next_offset" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"processed" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"last_error" text,
	"requested_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "announcement_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"monthly_cap" integer DEFAULT 4 NOT NULL,
	"daily_cap" integer DEFAULT 1 NOT NULL,
	"quiet_start_hour" integer DEFAULT 22 NOT NULL,
	"quiet_end_hour" integer DEFAULT 6 NOT NULL,
	"beyond_window" text DEFAULT 'skip' NOT NULL,
	"zbs_template_id" text,
	"batch_size" integer DEFAULT 100 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "announcement_images" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"content_type" text NOT NULL,
	"bytes" bytea NOT NULL,
	"size" integer NOT NULL,
	"width" integer,
	"height" integer,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "announcements" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL REFERENCES "units"("id"),
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"category" text DEFAULT 'khac' NOT NULL,
	"cover_image_id" bigint REFERENCES "announcement_images"("id"),
	"cover_image_url" text,
	"body" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"audience" jsonb DEFAULT '{"kind":"all"}'::jsonb NOT NULL,
	"beyond_window" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"source" text DEFAULT 'portal' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"review_comment" text,
	"created_by" integer,
	"submitted_at" timestamp with time zone,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"scheduled_at" timestamp with time zone,
	"send_started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"plan" jsonb,
	"zalo_article_token" text,
	"zalo_article_id" text,
	"broadcast_msg_id" text,
	"broadcast_started_at" timestamp with time zone,
	"last_error" text,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "announcements_slug_uq" ON "announcements" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "announcements_unit_idx" ON "announcements" USING btree ("unit_id","updated_at");--> statement-breakpoint
CREATE INDEX "announcements_due_idx" ON "announcements" USING btree ("scheduled_at") WHERE "status" in ('approved', 'sending');--> statement-breakpoint
CREATE TABLE "announcement_recipients" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"announcement_id" integer NOT NULL REFERENCES "announcements"("id"),
	"follower_id" bigint NOT NULL,
	"oa_user_id" text NOT NULL,
	"channel" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"skip_reason" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"zalo_msg_id" text,
	"last_error_code" integer,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "announcement_recipients_uq" ON "announcement_recipients" USING btree ("announcement_id","follower_id");--> statement-breakpoint
CREATE INDEX "announcement_recipients_due_idx" ON "announcement_recipients" USING btree ("announcement_id","id") WHERE "status" in ('queued', 'failed_temporary');--> statement-breakpoint
CREATE INDEX "announcement_recipients_sending_idx" ON "announcement_recipients" USING btree ("claimed_at") WHERE "status" = 'sending';--> statement-breakpoint
CREATE INDEX "announcement_recipients_follower_idx" ON "announcement_recipients" USING btree ("follower_id","sent_at") WHERE "status" = 'sent';
