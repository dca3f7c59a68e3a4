CREATE TABLE "calendar_days" (
	"id" serial PRIMARY KEY NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source_note" text,
	"confirmed" boolean DEFAULT false NOT NULL,
	"confirmed_by" integer,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "office_hours" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer,
	"morning_start" text DEFAULT '07:30' NOT NULL,
	"morning_end" text DEFAULT '11:30' NOT NULL,
	"afternoon_start" text DEFAULT '13:30' NOT NULL,
	"afternoon_end" text DEFAULT '17:00' NOT NULL,
	"saturday_morning" boolean DEFAULT false NOT NULL,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "office_hours_unit_uq" UNIQUE NULLS NOT DISTINCT("unit_id"),
	CONSTRAINT "office_hours_order_ck" CHECK ("office_hours"."morning_start" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "office_hours"."morning_end" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
        and "office_hours"."afternoon_start" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "office_hours"."afternoon_end" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
        and "office_hours"."morning_start" < "office_hours"."morning_end" and "office_hours"."morning_end" <= "office_hours"."afternoon_start" and "office_hours"."afternoon_start" < "office_hours"."afternoon_end")
);
--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_confirmed_by_staff_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_hours" ADD CONSTRAINT "office_hours_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_hours" ADD CONSTRAINT "office_hours_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_days_date_uq" ON "calendar_days" USING btree ("date");--> statement-breakpoint
CREATE INDEX "calendar_days_confirmed_idx" ON "calendar_days" USING btree ("date") WHERE "calendar_days"."confirmed";