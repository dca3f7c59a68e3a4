CREATE TABLE "procedures" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"field" text NOT NULL,
	"sector" text,
	"level" text,
	"agency" text,
	"unit_id" integer,
	"processing_days" numeric(6, 1),
	"processing_hours" integer,
	"processing_note" text,
	"fee_text" text,
	"fee_amount" integer,
	"components" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"delivery_methods" text[] DEFAULT ARRAY['counter']::text[] NOT NULL,
	"cutoff_time" text,
	"supplement_clock" text DEFAULT 'pause' NOT NULL,
	"search_text" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_code_uq" ON "procedures" USING btree ("code") WHERE "procedures"."code" is not null;--> statement-breakpoint
CREATE INDEX "procedures_search_trgm_idx" ON "procedures" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "procedures_field_idx" ON "procedures" USING btree ("field");--> statement-breakpoint
CREATE INDEX "procedures_unit_idx" ON "procedures" USING btree ("unit_id");