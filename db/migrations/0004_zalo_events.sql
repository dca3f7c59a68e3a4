CREATE TABLE "zalo_oauth_states" (
	"state" text PRIMARY KEY NOT NULL,
	"code_verifier_enc" text NOT NULL,
	"staff_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zalo_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"app_id" text NOT NULL,
	"app_secret_enc" text NOT NULL,
	"oa_id" text NOT NULL,
	"oa_secret_key_enc" text NOT NULL,
	"welcome_message" text,
	"source" text DEFAULT 'admin' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zalo_tokens" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"access_token_enc" text,
	"refresh_token_enc" text,
	"access_token_expires_at" timestamp with time zone,
	"refreshed_at" timestamp with time zone,
	"state" text DEFAULT 'none' NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zalo_delivery_receipts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" bigint,
	"msg_id" text,
	"tracking_id" text,
	"kind" text NOT NULL,
	"recipient" text,
	"at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "zalo_delivery_receipts_event_msg_uq" UNIQUE NULLS NOT DISTINCT("event_id","msg_id")
);
--> statement-breakpoint
CREATE TABLE "zalo_followers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"oa_user_id" text NOT NULL,
	"app_user_id" text,
	"display_name" text,
	"following" boolean DEFAULT false NOT NULL,
	"followed_at" timestamp with time zone,
	"unfollowed_at" timestamp with time zone,
	"phone84" text,
	"shared_name" text,
	"shared_address" text,
	"consent_at" timestamp with time zone,
	"last_interaction_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zalo_incoming_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"follower_id" bigint NOT NULL,
	"msg_id" text NOT NULL,
	"event_name" text NOT NULL,
	"text" text,
	"attachments" jsonb,
	"kind" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zalo_webhook_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"event_name" text NOT NULL,
	"sender_id" text,
	"recipient_id" text,
	"zalo_timestamp" text,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" text,
	"last_error" text,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "zalo_delivery_receipts" ADD CONSTRAINT "zalo_delivery_receipts_event_id_zalo_webhook_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."zalo_webhook_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zalo_incoming_messages" ADD CONSTRAINT "zalo_incoming_messages_follower_id_zalo_followers_id_fk" FOREIGN KEY ("follower_id") REFERENCES "public"."zalo_followers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "zalo_delivery_receipts_msg_idx" ON "zalo_delivery_receipts" USING btree ("msg_id");--> statement-breakpoint
CREATE INDEX "zalo_delivery_receipts_tracking_idx" ON "zalo_delivery_receipts" USING btree ("tracking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "zalo_followers_oa_user_uq" ON "zalo_followers" USING btree ("oa_user_id");--> statement-breakpoint
CREATE INDEX "zalo_followers_phone_idx" ON "zalo_followers" USING btree ("phone84") WHERE "zalo_followers"."phone84" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "zalo_incoming_messages_msg_uq" ON "zalo_incoming_messages" USING btree ("msg_id");--> statement-breakpoint
CREATE INDEX "zalo_incoming_messages_follower_idx" ON "zalo_incoming_messages" USING btree ("follower_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "zalo_webhook_events_dedupe_uq" ON "zalo_webhook_events" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "zalo_webhook_events_claim_idx" ON "zalo_webhook_events" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "zalo_webhook_events_received_idx" ON "zalo_webhook_events" USING btree ("received_at");