CREATE TABLE "dossier_search" (
	"dossier_id" integer PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"sort_at" timestamp with time zone,
	"search_text" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "dossiers_search_trgm_idx";--> statement-breakpoint
ALTER TABLE "dossier_search" ADD CONSTRAINT "dossier_search_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_search_trgm_idx" ON "dossier_search" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "dossier_search_unit_sort_idx" ON "dossier_search" USING btree ("unit_id","sort_at");--> statement-breakpoint
-- The application writes dossiers.search_text; this trigger keeps the narrow search table in step, so no
-- writer (intake, API, corrections, bulk loads) can forget it.
CREATE OR REPLACE FUNCTION dossier_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_search (dossier_id, unit_id, sort_at, search_text)
  VALUES (NEW.id, NEW.unit_id, coalesce(NEW.received_at, NEW.submitted_at), NEW.search_text)
  ON CONFLICT (dossier_id) DO UPDATE
    SET unit_id = excluded.unit_id, sort_at = excluded.sort_at, search_text = excluded.search_text;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER dossier_search_sync AFTER INSERT OR UPDATE OF unit_id, received_at, submitted_at, search_text ON dossiers
  FOR EACH ROW EXECUTE FUNCTION dossier_search_sync();--> statement-breakpoint
INSERT INTO dossier_search (dossier_id, unit_id, sort_at, search_text)
  SELECT id, unit_id, coalesce(received_at, submitted_at), search_text FROM dossiers
  ON CONFLICT (dossier_id) DO NOTHING;
