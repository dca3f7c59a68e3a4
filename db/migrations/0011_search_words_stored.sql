DROP INDEX "dossier_search_words_idx";--> statement-breakpoint
ALTER TABLE "dossier_search" ADD COLUMN "words" "tsvector" GENERATED ALWAYS AS (dossier_search_words(search_text, sort_at)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "dossier_search_words_idx" ON "dossier_search" USING gin ("words");