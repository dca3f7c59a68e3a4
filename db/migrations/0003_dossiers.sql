CREATE TABLE "dossier_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dossier_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"action" text NOT NULL,
	"actor_label" text NOT NULL,
	"actor_id" integer,
	"note" text,
	"data" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_receipts" (
	"id" serial PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL,
	"version" integer NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" text NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_sequences" (
	"unit_code" text NOT NULL,
	"day" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "dossier_sequences_unit_code_day_pk" PRIMARY KEY("unit_code","day")
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"national_code" text,
	"unit_id" integer NOT NULL,
	"procedure_id" integer NOT NULL,
	"procedure" jsonb NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"result_delivery" text NOT NULL,
	"submitter_name" text NOT NULL,
	"submitter_id_number" text,
	"submitter_phone84" text,
	"submitter_email" text,
	"submitter_address" text,
	"owner_same_as_submitter" boolean DEFAULT true NOT NULL,
	"owner_name" text NOT NULL,
	"owner_id_number" text,
	"owner_phone84" text,
	"owner_email" text,
	"owner_address" text,
	"authorization_document" text,
	"components" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sets_count" integer DEFAULT 1 NOT NULL,
	"notes" text,
	"notify_zalo" boolean DEFAULT false NOT NULL,
	"zalo_consent_at" timestamp with time zone,
	"notify_sms" boolean DEFAULT false NOT NULL,
	"deliver_by_post" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"received_by_id" integer,
	"received_by_name" text,
	"due_at" timestamp with time zone,
	"original_due_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"paused_minutes" integer DEFAULT 0 NOT NULL,
	"finished_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"apology_at" timestamp with time zone,
	"apology_reason" text,
	"new_due_at" timestamp with time zone,
	"fee_amount" integer,
	"fee_payment_url" text,
	"fee_paid_at" timestamp with time zone,
	"missing_items" jsonb,
	"rejection_reason" text,
	"register_book" text,
	"register_line" integer,
	"lookup_secret" text NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_history" ADD CONSTRAINT "dossier_history_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_receipts" ADD CONSTRAINT "dossier_receipts_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_events_pending_idx" ON "dossier_events" USING btree ("dispatched_at" NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "dossier_events_dossier_idx" ON "dossier_events" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_history_dossier_idx" ON "dossier_history" USING btree ("dossier_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_receipts_version_uq" ON "dossier_receipts" USING btree ("dossier_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_uq" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_national_code_uq" ON "dossiers" USING btree ("national_code") WHERE "dossiers"."national_code" is not null;--> statement-breakpoint
CREATE INDEX "dossiers_search_trgm_idx" ON "dossiers" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "dossiers_unit_received_idx" ON "dossiers" USING btree ("unit_id","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_status_idx" ON "dossiers" USING btree ("status");--> statement-breakpoint
CREATE INDEX "dossiers_procedure_idx" ON "dossiers" USING btree ("procedure_id");--> statement-breakpoint
CREATE INDEX "dossiers_due_idx" ON "dossiers" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "dossiers_submitter_phone_idx" ON "dossiers" USING btree ("submitter_phone84");--> statement-breakpoint
CREATE INDEX "dossiers_owner_phone_idx" ON "dossiers" USING btree ("owner_phone84");--> statement-breakpoint
CREATE INDEX "dossiers_submitter_id_number_idx" ON "dossiers" USING btree ("submitter_id_number");--> statement-breakpoint
CREATE INDEX "dossiers_owner_id_number_idx" ON "dossiers" USING btree ("owner_id_number");