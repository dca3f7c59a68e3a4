CREATE TABLE "chat_flow_sessions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"oa_user_id" text NOT NULL,
	"flow" text NOT NULL,
	"step" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"last_event_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "chat_flow_sessions_active_uq" ON "chat_flow_sessions" ("oa_user_id") WHERE "status" = 'active';
--> statement-breakpoint
CREATE INDEX "chat_flow_sessions_expiry_idx" ON "chat_flow_sessions" ("expires_at") WHERE "status" = 'active';
--> statement-breakpoint
CREATE TABLE "chat_flow_inputs" (
	"key" text PRIMARY KEY NOT NULL,
	"oa_user_id" text NOT NULL,
	"session_id" bigint,
	"outcome" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_flow_texts" (
	"key" text PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "dossier_id" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "event_id" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "unit_id" DROP NOT NULL;
--> statement-breakpoint
CREATE TABLE "home_support_registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"unit_id" integer NOT NULL REFERENCES "units"("id"),
	"oa_user_id" text NOT NULL,
	"citizen_name" text NOT NULL,
	"phone84" text,
	"address" text,
	"consent_at" timestamp with time zone NOT NULL,
	"consent_text" text NOT NULL,
	"procedure_id" integer REFERENCES "procedures"("id"),
	"procedure_text" text NOT NULL,
	"slot_date" date NOT NULL,
	"slot" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"assignee_id" integer REFERENCES "staff"("id"),
	"dossier_id" integer REFERENCES "dossiers"("id"),
	"reminder_sent_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "home_support_registrations_code_uq" UNIQUE ("code")
);
--> statement-breakpoint
CREATE INDEX "home_support_registrations_unit_idx" ON "home_support_registrations" ("unit_id", "status", "slot_date");
--> statement-breakpoint
CREATE INDEX "home_support_registrations_user_idx" ON "home_support_registrations" ("oa_user_id");
--> statement-breakpoint
CREATE INDEX "home_support_registrations_reminder_idx" ON "home_support_registrations" ("slot_date") WHERE "reminder_sent_at" IS NULL;
--> statement-breakpoint
CREATE TABLE "home_support_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"registration_id" integer NOT NULL REFERENCES "home_support_registrations"("id"),
	"kind" text NOT NULL,
	"outcome" text,
	"body" text NOT NULL,
	"staff_id" integer REFERENCES "staff"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "home_support_notes_registration_idx" ON "home_support_notes" ("registration_id");
--> statement-breakpoint
CREATE TABLE "home_support_capacity" (
	"unit_id" integer NOT NULL REFERENCES "units"("id"),
	"weekday" smallint NOT NULL,
	"slot" text NOT NULL,
	"capacity" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "home_support_capacity_pk" PRIMARY KEY ("unit_id", "weekday", "slot"),
	CONSTRAINT "home_support_capacity_ck" CHECK ("capacity" >= 0 AND "weekday" BETWEEN 0 AND 6)
);
--> statement-breakpoint
CREATE TABLE "home_support_slot_load" (
	"unit_id" integer NOT NULL REFERENCES "units"("id"),
	"slot_date" date NOT NULL,
	"slot" text NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "home_support_slot_load_pk" PRIMARY KEY ("unit_id", "slot_date", "slot"),
	CONSTRAINT "home_support_slot_load_ck" CHECK ("booked" >= 0)
);
--> statement-breakpoint
CREATE TABLE "oa_menu_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"keyword" text NOT NULL,
	"position" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oa_menu_entries_kind_uq" UNIQUE ("kind")
);
--> statement-breakpoint
CREATE TABLE "oa_menu_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"home_support_unit_id" integer REFERENCES "units"("id"),
	"home_support_keyword" text,
	"default_capacity" integer DEFAULT 2 NOT NULL,
	"contacts_unit_id" integer REFERENCES "units"("id"),
	"contacts_phone" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
