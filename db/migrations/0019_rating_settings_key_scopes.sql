-- API keys get scopes: "statistics.read" lets a key read GET /statistics and /ratings over its unit's subtree.
-- Existing keys keep dossier intake only.
ALTER TABLE "api_keys" ADD COLUMN "scopes" text[] DEFAULT '{}' NOT NULL;
--> statement-breakpoint
-- The per-day dossier statistics rolled up per month, so a year's dashboard reads a few thousand rows (whole
-- months, and everything before the period) plus the days of the two partial months at its edges. Kept from
-- dossier_daily_stats by statement triggers (new rows in, old rows out), so it follows every change there,
-- including dossier_daily_stats_rebuild().
CREATE TABLE "dossier_monthly_stats" (
	"unit_id" integer NOT NULL,
	"procedure_id" integer NOT NULL,
	"month" date NOT NULL,
	"received_direct" integer DEFAULT 0 NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"received_post" integer DEFAULT 0 NOT NULL,
	"received_zalo" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"finished_early" integer DEFAULT 0 NOT NULL,
	"finished_on_time" integer DEFAULT 0 NOT NULL,
	"finished_late" integer DEFAULT 0 NOT NULL,
	"returned" integer DEFAULT 0 NOT NULL,
	"apologies" integer DEFAULT 0 NOT NULL,
	"supplements" integer DEFAULT 0 NOT NULL,
	"overdue_start" integer DEFAULT 0 NOT NULL,
	"overdue_end" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_monthly_stats_pk" PRIMARY KEY ("month", "unit_id", "procedure_id")
);
--> statement-breakpoint
-- Days added: their counts go to their month.
CREATE OR REPLACE FUNCTION dossier_monthly_stats_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_monthly_stats AS s (unit_id, procedure_id, month, received_direct, received_online, received_post, received_zalo, closed, finished_early, finished_on_time, finished_late, returned, apologies, supplements, overdue_start, overdue_end)
    SELECT unit_id, procedure_id, day - (extract(day FROM day)::int - 1), sum(received_direct), sum(received_online), sum(received_post), sum(received_zalo), sum(closed), sum(finished_early), sum(finished_on_time), sum(finished_late), sum(returned), sum(apologies), sum(supplements), sum(overdue_start), sum(overdue_end)
    FROM (
      SELECT unit_id, procedure_id, day, received_direct, received_online, received_post, received_zalo, closed, finished_early, finished_on_time, finished_late, returned, apologies, supplements, overdue_start, overdue_end FROM new_rows
    ) x
    GROUP BY 1, 2, 3
  ON CONFLICT (month, unit_id, procedure_id) DO UPDATE SET
    received_direct = s.received_direct + excluded.received_direct,
    received_online = s.received_online + excluded.received_online,
    received_post = s.received_post + excluded.received_post,
    received_zalo = s.received_zalo + excluded.received_zalo,
    closed = s.closed + excluded.closed,
    finished_early = s.finished_early + excluded.finished_early,
    finished_on_time = s.finished_on_time + excluded.finished_on_time,
    finished_late = s.finished_late + excluded.finished_late,
    returned = s.returned + excluded.returned,
    apologies = s.apologies + excluded.apologies,
    supplements = s.supplements + excluded.supplements,
    overdue_start = s.overdue_start + excluded.overdue_start,
    overdue_end = s.overdue_end + excluded.overdue_end;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Days changed: the new counts in, the old ones out.
CREATE OR REPLACE FUNCTION dossier_monthly_stats_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_monthly_stats AS s (unit_id, procedure_id, month, received_direct, received_online, received_post, received_zalo, closed, finished_early, finished_on_time, finished_late, returned, apologies, supplements, overdue_start, overdue_end)
    SELECT unit_id, procedure_id, day - (extract(day FROM day)::int - 1), sum(received_direct), sum(received_online), sum(received_post), sum(received_zalo), sum(closed), sum(finished_early), sum(finished_on_time), sum(finished_late), sum(returned), sum(apologies), sum(supplements), sum(overdue_start), sum(overdue_end)
    FROM (
      SELECT unit_id, procedure_id, day, received_direct, received_online, received_post, received_zalo, closed, finished_early, finished_on_time, finished_late, returned, apologies, supplements, overdue_start, overdue_end FROM new_rows
      UNION ALL
      SELECT unit_id, procedure_id, day, -received_direct AS received_direct, -received_online AS received_online, -received_post AS received_post, -received_zalo AS received_zalo, -closed AS closed, -finished_early AS finished_early, -finished_on_time AS finished_on_time, -finished_late AS finished_late, -returned AS returned, -apologies AS apologies, -supplements AS supplements, -overdue_start AS overdue_start, -overdue_end AS overdue_end FROM old_rows
    ) x
    GROUP BY 1, 2, 3
  ON CONFLICT (month, unit_id, procedure_id) DO UPDATE SET
    received_direct = s.received_direct + excluded.received_direct,
    received_online = s.received_online + excluded.received_online,
    received_post = s.received_post + excluded.received_post,
    received_zalo = s.received_zalo + excluded.received_zalo,
    closed = s.closed + excluded.closed,
    finished_early = s.finished_early + excluded.finished_early,
    finished_on_time = s.finished_on_time + excluded.finished_on_time,
    finished_late = s.finished_late + excluded.finished_late,
    returned = s.returned + excluded.returned,
    apologies = s.apologies + excluded.apologies,
    supplements = s.supplements + excluded.supplements,
    overdue_start = s.overdue_start + excluded.overdue_start,
    overdue_end = s.overdue_end + excluded.overdue_end;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Days removed (the rebuild): their counts out.
CREATE OR REPLACE FUNCTION dossier_monthly_stats_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_monthly_stats AS s (unit_id, procedure_id, month, received_direct, received_online, received_post, received_zalo, closed, finished_early, finished_on_time, finished_late, returned, apologies, supplements, overdue_start, overdue_end)
    SELECT unit_id, procedure_id, day - (extract(day FROM day)::int - 1), sum(received_direct), sum(received_online), sum(received_post), sum(received_zalo), sum(closed), sum(finished_early), sum(finished_on_time), sum(finished_late), sum(returned), sum(apologies), sum(supplements), sum(overdue_start), sum(overdue_end)
    FROM (
      SELECT unit_id, procedure_id, day, -received_direct AS received_direct, -received_online AS received_online, -received_post AS received_post, -received_zalo AS received_zalo, -closed AS closed, -finished_early AS finished_early, -finished_on_time AS finished_on_time, -finished_late AS finished_late, -returned AS returned, -apologies AS apologies, -supplements AS supplements, -overdue_start AS overdue_start, -overdue_end AS overdue_end FROM old_rows
    ) x
    GROUP BY 1, 2, 3
  ON CONFLICT (month, unit_id, procedure_id) DO UPDATE SET
    received_direct = s.received_direct + excluded.received_direct,
    received_online = s.received_online + excluded.received_online,
    received_post = s.received_post + excluded.received_post,
    received_zalo = s.received_zalo + excluded.received_zalo,
    closed = s.closed + excluded.closed,
    finished_early = s.finished_early + excluded.finished_early,
    finished_on_time = s.finished_on_time + excluded.finished_on_time,
    finished_late = s.finished_late + excluded.finished_late,
    returned = s.returned + excluded.returned,
    apologies = s.apologies + excluded.apologies,
    supplements = s.supplements + excluded.supplements,
    overdue_start = s.overdue_start + excluded.overdue_start,
    overdue_end = s.overdue_end + excluded.overdue_end;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER dossier_monthly_stats_insert AFTER INSERT ON dossier_daily_stats REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_monthly_stats_insert();--> statement-breakpoint
CREATE TRIGGER dossier_monthly_stats_update AFTER UPDATE ON dossier_daily_stats REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_monthly_stats_update();--> statement-breakpoint
CREATE TRIGGER dossier_monthly_stats_delete AFTER DELETE ON dossier_daily_stats REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_monthly_stats_delete();--> statement-breakpoint
INSERT INTO dossier_monthly_stats (unit_id, procedure_id, month, received_direct, received_online, received_post, received_zalo, closed, finished_early, finished_on_time, finished_late, returned, apologies, supplements, overdue_start, overdue_end)
  SELECT unit_id, procedure_id, day - (extract(day FROM day)::int - 1), sum(received_direct), sum(received_online), sum(received_post), sum(received_zalo), sum(closed), sum(finished_early), sum(finished_on_time), sum(finished_late), sum(returned), sum(apologies), sum(supplements), sum(overdue_start), sum(overdue_end)
  FROM dossier_daily_stats GROUP BY 1, 2, 3;--> statement-breakpoint
-- "Overdue now" counts the open dossiers past their appointment: the unit comes from the index, not the table.
DROP INDEX IF EXISTS "dossiers_open_due_idx";--> statement-breakpoint
CREATE INDEX "dossiers_open_due_idx" ON "dossiers" ("due_at") INCLUDE ("unit_id") WHERE "closed_at" IS NULL AND "received_at" IS NOT NULL;
