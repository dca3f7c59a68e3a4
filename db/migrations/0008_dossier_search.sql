-- The search table's keys: every word of each " | "-separated part (names, phones, ID numbers, codes), the
-- pieces of hyphenated ones (a code's date and number), every pair of adjacent words, as lexemes taken as
-- they are (the text is already folded), and the 30-day period of the list date ("#p690"), so that the newest
-- matches of a common name are found without reading the older ones.
CREATE OR REPLACE FUNCTION dossier_search_words(t text, at timestamptz) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT array_to_tsvector(coalesce(array_agg(DISTINCT tok), '{}') || ('#p' || floor(extract(epoch FROM at) / 2592000)::int))
    FROM unnest(string_to_array(t, ' | ')) AS part,
      LATERAL (SELECT string_to_array(part, ' ') AS w) words,
      LATERAL (
        SELECT w[i] AS tok FROM generate_subscripts(w, 1) AS i
        UNION ALL
        SELECT unnest(string_to_array(w[i], '-')) FROM generate_subscripts(w, 1) AS i WHERE w[i] LIKE '%-%'
        UNION ALL
        SELECT w[i] || ' ' || w[i + 1] FROM generate_series(1, cardinality(w) - 1) AS i
      ) toks
    WHERE tok <> '' AND tok NOT LIKE ' %' AND tok NOT LIKE '% '
  $$;--> statement-breakpoint
CREATE TABLE "dossier_search" (
	"dossier_id" integer PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"sort_at" timestamp with time zone NOT NULL,
	"search_text" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "dossiers_search_trgm_idx";--> statement-breakpoint
ALTER TABLE "dossier_search" ADD CONSTRAINT "dossier_search_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_search_trgm_idx" ON "dossier_search" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "dossier_search_words_idx" ON "dossier_search" USING gin (dossier_search_words("search_text", "sort_at"));--> statement-breakpoint
CREATE INDEX "dossier_search_unit_sort_idx" ON "dossier_search" USING btree ("unit_id","sort_at","dossier_id");--> statement-breakpoint
-- The application writes dossiers.search_text; this trigger keeps the narrow search table in step, so no
-- writer (intake, API, corrections, bulk loads) can forget it.
CREATE OR REPLACE FUNCTION dossier_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_search (dossier_id, unit_id, sort_at, search_text)
  VALUES (NEW.id, NEW.unit_id, coalesce(NEW.received_at, NEW.submitted_at, NEW.created_at), NEW.search_text)
  ON CONFLICT (dossier_id) DO UPDATE
    SET unit_id = excluded.unit_id, sort_at = excluded.sort_at, search_text = excluded.search_text;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER dossier_search_sync AFTER INSERT OR UPDATE OF unit_id, received_at, submitted_at, search_text ON dossiers
  FOR EACH ROW EXECUTE FUNCTION dossier_search_sync();--> statement-breakpoint
INSERT INTO dossier_search (dossier_id, unit_id, sort_at, search_text)
  SELECT id, unit_id, coalesce(received_at, submitted_at, created_at), search_text FROM dossiers
  ON CONFLICT (dossier_id) DO NOTHING;
