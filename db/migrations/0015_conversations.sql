CREATE TABLE "conversations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"follower_id" bigint NOT NULL REFERENCES "zalo_followers"("id"),
	"unit_id" integer NOT NULL REFERENCES "units"("id"),
	"status" text DEFAULT 'open' NOT NULL,
	"category" text DEFAULT 'question' NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"assignee_id" integer REFERENCES "staff"("id"),
	"labels" text[] DEFAULT '{}' NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"reference_number" text,
	"petition_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"outcome" text,
	"outcome_sent_at" timestamp with time zone,
	"suggested_dossier_codes" text[] DEFAULT '{}' NOT NULL,
	"last_message_at" timestamp with time zone NOT NULL,
	"last_incoming_at" timestamp with time zone,
	"waiting_since" timestamp with time zone,
	"unread_count" integer DEFAULT 0 NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- At most one conversation per follower is not resolved: a new message joins it, atomically.
CREATE UNIQUE INDEX "conversations_follower_active_uq" ON "conversations" ("follower_id") WHERE "status" <> 'resolved';
--> statement-breakpoint
CREATE INDEX "conversations_follower_idx" ON "conversations" ("follower_id", "last_message_at");
--> statement-breakpoint
CREATE INDEX "conversations_unit_list_idx" ON "conversations" ("unit_id", "last_message_at" DESC, "id" DESC);
--> statement-breakpoint
CREATE INDEX "conversations_list_idx" ON "conversations" ("last_message_at" DESC, "id" DESC);
--> statement-breakpoint
CREATE INDEX "conversations_unit_status_idx" ON "conversations" ("unit_id", "status", "last_message_at" DESC, "id" DESC);
--> statement-breakpoint
CREATE INDEX "conversations_assignee_idx" ON "conversations" ("assignee_id", "last_message_at" DESC) WHERE "assignee_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "conversations_unread_idx" ON "conversations" ("unit_id") WHERE "unread_count" > 0;
--> statement-breakpoint
CREATE INDEX "conversations_due_idx" ON "conversations" ("unit_id", "due_at") WHERE "due_at" IS NOT NULL AND "status" <> 'resolved';
--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_reference_uq" ON "conversations" ("reference_number") WHERE "reference_number" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "conversations_search_trgm_idx" ON "conversations" USING gin ("search_text" gin_trgm_ops);
--> statement-breakpoint
CREATE SEQUENCE "petition_reference_seq";
--> statement-breakpoint
CREATE TABLE "conversation_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conversation_id" bigint NOT NULL REFERENCES "conversations"("id"),
	"direction" text NOT NULL,
	"kind" text DEFAULT 'text' NOT NULL,
	"source" text NOT NULL,
	"text" text,
	"attachments" jsonb,
	"zalo_msg_id" text,
	"author_id" integer,
	"author_name" text,
	"channel" text,
	"template_id" text,
	"template_params" jsonb,
	"recipient" text,
	"status" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"last_error_code" integer,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"seen_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Webhook redeliveries and oa_send_* echoes of the portal's own replies carry the same msg_id.
CREATE UNIQUE INDEX "conversation_messages_msg_uq" ON "conversation_messages" ("zalo_msg_id") WHERE "zalo_msg_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "conversation_messages_conv_idx" ON "conversation_messages" ("conversation_id", "at", "id");
--> statement-breakpoint
CREATE INDEX "conversation_messages_due_idx" ON "conversation_messages" ("next_attempt_at") WHERE "status" IN ('queued', 'failed_temporary');
--> statement-breakpoint
CREATE INDEX "conversation_messages_sending_idx" ON "conversation_messages" ("claimed_at") WHERE "status" = 'sending';
--> statement-breakpoint
CREATE TABLE "canned_answers" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer REFERENCES "units"("id"),
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "faq_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL REFERENCES "units"("id"),
	"conversation_id" bigint REFERENCES "conversations"("id"),
	"field" text NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "faq_entries_published_idx" ON "faq_entries" ("field") WHERE "published";
--> statement-breakpoint
CREATE TABLE "conversation_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"deadline_days" jsonb DEFAULT '{"question":5,"report":10,"petition":10,"suggestion":10,"other":10}'::jsonb NOT NULL,
	"allow_paid_replies" boolean DEFAULT true NOT NULL,
	"zbs_template_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
