-- Search by word starts through a btree instead of the GIN words index (0008). A prefix match on GIN collected
-- every matching lexeme's postings and then visited one table block per candidate (~500 for a common full name,
-- 20–30 ms when they are not cached); each key here is a word-aligned tail of a part of the search text, so a
-- typed term is one key range, answered by an index-only scan of a few pages.
CREATE TABLE "dossier_search_keys" (
	"dossier_id" integer NOT NULL,
	"key" text COLLATE "C" NOT NULL,
	"unit_id" integer NOT NULL,
	"sort_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "dossier_search_words_idx";--> statement-breakpoint
DROP FUNCTION dossier_search_words(text, timestamptz);--> statement-breakpoint
ALTER TABLE "dossier_search_keys" ADD CONSTRAINT "dossier_search_keys_dossier_id_dossier_search_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier_search"("dossier_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The keys of a search text: for each " | "-separated part (a name, a phone, an ID number, a code), the tail
-- starting at each word and at each piece of a hyphenated word ("h27.37-250812-0001" gives "250812-0001" and
-- "0001"). Capped at 200 characters, twice the longest search term.
CREATE OR REPLACE FUNCTION dossier_search_keys(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT coalesce(array_agg(DISTINCT k), '{}') FROM (
      SELECT left(array_to_string(w[i:], ' '), 200) AS k
      FROM unnest(string_to_array(t, ' | ')) AS part,
        LATERAL (SELECT array_remove(string_to_array(part, ' '), '') AS w) words,
        LATERAL generate_subscripts(w, 1) AS i
      UNION ALL
      SELECT left(array_to_string(p[j:], '-') || coalesce(' ' || nullif(array_to_string(w[i + 1:], ' '), ''), ''), 200)
      FROM unnest(string_to_array(t, ' | ')) AS part,
        LATERAL (SELECT array_remove(string_to_array(part, ' '), '') AS w) words,
        LATERAL generate_subscripts(w, 1) AS i,
        LATERAL (SELECT string_to_array(w[i], '-') AS p) pieces,
        LATERAL generate_series(2, cardinality(p)) AS j
      WHERE w[i] LIKE '%-%' AND p[j] <> ''
    ) keys
  $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossier_search_keys_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_search_keys (dossier_id, key, unit_id, sort_at)
  SELECT s.dossier_id, k, s.unit_id, s.sort_at FROM inserted_search s, unnest(dossier_search_keys(s.search_text)) AS k;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossier_search_keys_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM dossier_search_keys WHERE dossier_id = OLD.dossier_id;
  INSERT INTO dossier_search_keys (dossier_id, key, unit_id, sort_at)
  SELECT NEW.dossier_id, k, NEW.unit_id, NEW.sort_at FROM unnest(dossier_search_keys(NEW.search_text)) AS k;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER dossier_search_keys_insert AFTER INSERT ON dossier_search REFERENCING NEW TABLE AS inserted_search
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_search_keys_insert();--> statement-breakpoint
CREATE TRIGGER dossier_search_keys_sync AFTER UPDATE ON dossier_search
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION dossier_search_keys_sync();--> statement-breakpoint
INSERT INTO dossier_search_keys (dossier_id, key, unit_id, sort_at)
  SELECT s.dossier_id, k, s.unit_id, s.sort_at FROM dossier_search s, unnest(dossier_search_keys(s.search_text)) AS k;--> statement-breakpoint
CREATE INDEX "dossier_search_keys_dossier_idx" ON "dossier_search_keys" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_search_keys_key_idx" ON "dossier_search_keys" USING btree ("key","unit_id","sort_at","dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_search_sort_idx" ON "dossier_search" USING btree ("sort_at","dossier_id");
