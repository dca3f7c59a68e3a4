CREATE TABLE "reference_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "reference_version_single_row_ck" CHECK ("reference_version"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "reference_version" ("id", "version") VALUES (1, 0);--> statement-breakpoint
CREATE OR REPLACE FUNCTION reference_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER units_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units FOR EACH STATEMENT EXECUTE FUNCTION reference_version_bump();--> statement-breakpoint
CREATE TRIGGER unit_codes_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_codes FOR EACH STATEMENT EXECUTE FUNCTION reference_version_bump();--> statement-breakpoint
CREATE TRIGGER procedures_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON procedures FOR EACH STATEMENT EXECUTE FUNCTION reference_version_bump();--> statement-breakpoint
CREATE TRIGGER calendar_days_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_days FOR EACH STATEMENT EXECUTE FUNCTION reference_version_bump();--> statement-breakpoint
CREATE TRIGGER office_hours_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON office_hours FOR EACH STATEMENT EXECUTE FUNCTION reference_version_bump();
