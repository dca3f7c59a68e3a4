-- Ratings (vn-rules §4.2: three levels), their follow-ups, and the per-day statistics the dashboard reads.
CREATE TABLE "rating_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"criteria" jsonb NOT NULL,
	"star_levels" jsonb NOT NULL,
	"change_days" integer DEFAULT 7 NOT NULL,
	"followup_working_days" integer DEFAULT 5 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
INSERT INTO "rating_settings" ("id", "criteria", "star_levels") VALUES (1,
  '[{"key":"convenience","label":"Sự thuận tiện"},{"key":"attitude","label":"Thái độ của cán bộ"},{"key":"timeliness","label":"Thời gian giải quyết"}]',
  '{"1":"dissatisfied","2":"dissatisfied","3":"satisfied","4":"satisfied","5":"very_satisfied"}')
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" serial PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL REFERENCES "dossiers"("id"),
	"unit_id" integer NOT NULL,
	"procedure_id" integer NOT NULL,
	"received_by_id" integer,
	"level" text NOT NULL,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text,
	"channel" text NOT NULL,
	"zalo_tracking_id" text,
	"zalo_stars" integer,
	"returned_at" timestamp with time zone NOT NULL,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changes" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_dossier_uq" ON "ratings" ("dossier_id");--> statement-breakpoint
CREATE INDEX "ratings_returned_idx" ON "ratings" ("returned_at") INCLUDE ("unit_id", "level");--> statement-breakpoint
CREATE INDEX "ratings_rated_idx" ON "ratings" ("rated_at", "id");--> statement-breakpoint
CREATE TABLE "rating_followups" (
	"id" serial PRIMARY KEY NOT NULL,
	"rating_id" integer NOT NULL REFERENCES "ratings"("id"),
	"dossier_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"assignee_id" integer,
	"assignee_name" text,
	"action_taken" text,
	"answer" text,
	"answer_channel" text,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "rating_followups_rating_uq" ON "rating_followups" ("rating_id");--> statement-breakpoint
CREATE INDEX "rating_followups_unit_idx" ON "rating_followups" ("unit_id", "status", "due_at");--> statement-breakpoint
-- When the dossier left the work queue (finished, rejected or withdrawn): "carried over" and "in progress"
-- at a past date need it. Kept by a trigger so every writer sets it the same way.
ALTER TABLE "dossiers" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossier_closed_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IN ('result_ready', 'returned') THEN
    NEW.closed_at := coalesce(NEW.finished_at, NEW.closed_at, now());
  ELSIF NEW.status IN ('rejected', 'withdrawn') THEN
    NEW.closed_at := coalesce(NEW.closed_at, now());
  ELSE
    NEW.closed_at := NULL;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER dossier_closed_at BEFORE INSERT OR UPDATE ON dossiers FOR EACH ROW EXECUTE FUNCTION dossier_closed_at();--> statement-breakpoint
UPDATE dossiers SET closed_at = coalesce(finished_at, updated_at) WHERE status IN ('result_ready', 'returned', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE INDEX "dossiers_open_due_idx" ON "dossiers" ("due_at") WHERE "closed_at" IS NULL AND "received_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "dossiers_closed_idx" ON "dossiers" ("closed_at") WHERE "closed_at" IS NOT NULL;--> statement-breakpoint
CREATE OR REPLACE FUNCTION vn_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT (t AT TIME ZONE 'Asia/Ho_Chi_Minh')::date $$;--> statement-breakpoint
-- Per unit, procedure and Viet Nam day: what happened to dossiers that day. Each dossier row contributes
-- to a few days (received, finished, closed, returned, apology, overdue start/end); a change removes the
-- old row's contributions and adds the new row's, so edits and late transitions land where they belong.
-- Dossiers in progress at the end of day D = received up to D − closed up to D; overdue at the end of D =
-- overdue starts up to D − overdue ends up to D (an overdue interval runs from the due date to closing).
CREATE TABLE "dossier_daily_stats" (
	"unit_id" integer NOT NULL,
	"procedure_id" integer NOT NULL,
	"day" date NOT NULL,
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
	CONSTRAINT "dossier_daily_stats_pk" PRIMARY KEY ("day", "unit_id", "procedure_id")
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossier_stat_rows(d dossiers) RETURNS TABLE(day date, metric text, n integer)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT vn_day(d.received_at), 'received_' || d.channel, 1 WHERE d.received_at IS NOT NULL
    UNION ALL SELECT vn_day(d.received_at), 'received_zalo', 1 WHERE d.received_at IS NOT NULL AND d.notify_zalo
    UNION ALL SELECT vn_day(d.closed_at), 'closed', 1 WHERE d.received_at IS NOT NULL AND d.closed_at IS NOT NULL
    UNION ALL SELECT vn_day(d.finished_at),
        CASE WHEN d.due_at IS NULL OR vn_day(d.finished_at) = vn_day(d.due_at) THEN 'finished_on_time'
             WHEN vn_day(d.finished_at) < vn_day(d.due_at) THEN 'finished_early' ELSE 'finished_late' END, 1
      WHERE d.received_at IS NOT NULL AND d.finished_at IS NOT NULL AND d.status IN ('result_ready', 'returned')
    UNION ALL SELECT vn_day(d.returned_at), 'returned', 1 WHERE d.received_at IS NOT NULL AND d.returned_at IS NOT NULL
    UNION ALL SELECT vn_day(d.apology_at), 'apologies', 1 WHERE d.received_at IS NOT NULL AND d.apology_at IS NOT NULL
    UNION ALL SELECT vn_day(d.due_at), 'overdue_start', 1
      WHERE d.received_at IS NOT NULL AND d.due_at IS NOT NULL AND (d.closed_at IS NULL OR d.closed_at > d.due_at)
    UNION ALL SELECT vn_day(d.closed_at), 'overdue_end', 1
      WHERE d.received_at IS NOT NULL AND d.due_at IS NOT NULL AND d.closed_at > d.due_at
  $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossier_daily_stats_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_daily_stats AS s (unit_id, procedure_id, day, received_direct, received_online, received_post,
      received_zalo, closed, finished_early, finished_on_time, finished_late, returned, apologies, overdue_start, overdue_end)
    SELECT unit_id, procedure_id, day,
      coalesce(sum(n) FILTER (WHERE metric = 'received_direct'), 0), coalesce(sum(n) FILTER (WHERE metric = 'received_online'), 0),
      coalesce(sum(n) FILTER (WHERE metric = 'received_post'), 0), coalesce(sum(n) FILTER (WHERE metric = 'received_zalo'), 0),
      coalesce(sum(n) FILTER (WHERE metric = 'closed'), 0), coalesce(sum(n) FILTER (WHERE metric = 'finished_early'), 0),
      coalesce(sum(n) FILTER (WHERE metric = 'finished_on_time'), 0), coalesce(sum(n) FILTER (WHERE metric = 'finished_late'), 0),
      coalesce(sum(n) FILTER (WHERE metric = 'returned'), 0), coalesce(sum(n) FILTER (WHERE metric = 'apologies'), 0),
      coalesce(sum(n) FILTER (WHERE metric = 'overdue_start'), 0), coalesce(sum(n) FILTER (WHERE metric = 'overdue_end'), 0)
    FROM (
      SELECT r.unit_id, r.procedure_id, c.day, c.metric, c.n FROM new_rows r, LATERAL dossier_stat_rows(r) c
      UNION ALL
      SELECT r.unit_id, r.procedure_id, c.day, c.metric, -c.n FROM old_rows r, LATERAL dossier_stat_rows(r) c
    ) x
    GROUP BY unit_id, procedure_id, day
    HAVING bool_or(n <> 0)
  ON CONFLICT (day, unit_id, procedure_id) DO UPDATE SET
    received_direct = s.received_direct + excluded.received_direct, received_online = s.received_online + excluded.received_online,
    received_post = s.received_post + excluded.received_post, received_zalo = s.received_zalo + excluded.received_zalo,
    closed = s.closed + excluded.closed, finished_early = s.finished_early + excluded.finished_early,
    finished_on_time = s.finished_on_time + excluded.finished_on_time, finished_late = s.finished_late + excluded.finished_late,
    returned = s.returned + excluded.returned, apologies = s.apologies + excluded.apologies,
    overdue_start = s.overdue_start + excluded.overdue_start, overdue_end = s.overdue_end + excluded.overdue_end;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossier_daily_stats_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_daily_stats AS s (unit_id, procedure_id, day, received_direct, received_online, received_post,
      received_zalo, closed, finished_early, finished_on_time, finished_late, returned, apologies, overdue_start, overdue_end)
    SELECT unit_id, procedure_id, day,
      coalesce(sum(n) FILTER (WHERE metric = 'received_direct'), 0), coalesce(sum(n) FILTER (WHERE metric = 'received_online'), 0),
      coalesce(sum(n) FILTER (WHERE metric = 'received_post'), 0), coalesce(sum(n) FILTER (WHERE metric = 'received_zalo'), 0),
      coalesce(sum(n) FILTER (WHERE metric = 'closed'), 0), coalesce(sum(n) FILTER (WHERE metric = 'finished_early'), 0),
      coalesce(sum(n) FILTER (WHERE metric = 'finished_on_time'), 0), coalesce(sum(n) FILTER (WHERE metric = 'finished_late'), 0),
      coalesce(sum(n) FILTER (WHERE metric = 'returned'), 0), coalesce(sum(n) FILTER (WHERE metric = 'apologies'), 0),
      coalesce(sum(n) FILTER (WHERE metric = 'overdue_start'), 0), coalesce(sum(n) FILTER (WHERE metric = 'overdue_end'), 0)
    FROM (SELECT r.unit_id, r.procedure_id, c.day, c.metric, c.n FROM new_rows r, LATERAL dossier_stat_rows(r) c) x
    GROUP BY unit_id, procedure_id, day
  ON CONFLICT (day, unit_id, procedure_id) DO UPDATE SET
    received_direct = s.received_direct + excluded.received_direct, received_online = s.received_online + excluded.received_online,
    received_post = s.received_post + excluded.received_post, received_zalo = s.received_zalo + excluded.received_zalo,
    closed = s.closed + excluded.closed, finished_early = s.finished_early + excluded.finished_early,
    finished_on_time = s.finished_on_time + excluded.finished_on_time, finished_late = s.finished_late + excluded.finished_late,
    returned = s.returned + excluded.returned, apologies = s.apologies + excluded.apologies,
    overdue_start = s.overdue_start + excluded.overdue_start, overdue_end = s.overdue_end + excluded.overdue_end;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER dossier_daily_stats_insert AFTER INSERT ON dossiers REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_daily_stats_insert();--> statement-breakpoint
CREATE TRIGGER dossier_daily_stats_update AFTER UPDATE ON dossiers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_daily_stats_sync();--> statement-breakpoint
-- Supplement requests are counted on the day they were made, from the (append-only) history.
CREATE OR REPLACE FUNCTION dossier_daily_supplements() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_daily_stats AS s (unit_id, procedure_id, day, supplements)
    SELECT d.unit_id, d.procedure_id, vn_day(h.at), count(*)
    FROM new_rows h JOIN dossiers d ON d.id = h.dossier_id
    WHERE h.to_status = 'supplement_requested' AND h.from_status IS DISTINCT FROM 'supplement_requested'
    GROUP BY 1, 2, 3
  ON CONFLICT (day, unit_id, procedure_id) DO UPDATE SET supplements = s.supplements + excluded.supplements;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER dossier_daily_supplements AFTER INSERT ON dossier_history REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_daily_supplements();--> statement-breakpoint
-- Rebuild from the base tables (after bulk loads that bypass the triggers, and in the correctness test).
CREATE OR REPLACE FUNCTION dossier_daily_stats_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM dossier_daily_stats;
  INSERT INTO dossier_daily_stats (unit_id, procedure_id, day, received_direct, received_online, received_post,
      received_zalo, closed, finished_early, finished_on_time, finished_late, returned, apologies, overdue_start, overdue_end, supplements)
    SELECT unit_id, procedure_id, day,
      coalesce(sum(n) FILTER (WHERE metric = 'received_direct'), 0), coalesce(sum(n) FILTER (WHERE metric = 'received_online'), 0),
      coalesce(sum(n) FILTER (WHERE metric = 'received_post'), 0), coalesce(sum(n) FILTER (WHERE metric = 'received_zalo'), 0),
      coalesce(sum(n) FILTER (WHERE metric = 'closed'), 0), coalesce(sum(n) FILTER (WHERE metric = 'finished_early'), 0),
      coalesce(sum(n) FILTER (WHERE metric = 'finished_on_time'), 0), coalesce(sum(n) FILTER (WHERE metric = 'finished_late'), 0),
      coalesce(sum(n) FILTER (WHERE metric = 'returned'), 0), coalesce(sum(n) FILTER (WHERE metric = 'apologies'), 0),
      coalesce(sum(n) FILTER (WHERE metric = 'overdue_start'), 0), coalesce(sum(n) FILTER (WHERE metric = 'overdue_end'), 0),
      coalesce(sum(n) FILTER (WHERE metric = 'supplements'), 0)
    FROM (
      SELECT d.unit_id, d.procedure_id, c.day, c.metric, c.n FROM dossiers d, LATERAL dossier_stat_rows(d) c
      UNION ALL
      SELECT d.unit_id, d.procedure_id, vn_day(h.at), 'supplements', 1 FROM dossier_history h JOIN dossiers d ON d.id = h.dossier_id
        WHERE h.to_status = 'supplement_requested' AND h.from_status IS DISTINCT FROM 'supplement_requested'
    ) x
    GROUP BY unit_id, procedure_id, day;
$$;--> statement-breakpoint
SELECT dossier_daily_stats_rebuild();--> statement-breakpoint
CREATE INDEX "notifications_created_idx" ON "notifications" ("created_at") INCLUDE ("unit_id", "status");
--> statement-breakpoint
-- Notifications per unit and Viet Nam day of the dossier event (created_at): counts, failure reasons and whole
-- seconds to Zalo, kept by statement triggers (old rows out, new rows in) so a year reads a few thousand rows.
CREATE TABLE "notification_daily_stats" (
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"delivered" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "notification_daily_stats_pk" PRIMARY KEY ("day", "unit_id")
);
--> statement-breakpoint
CREATE TABLE "notification_daily_reasons" (
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"reason" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "notification_daily_reasons_pk" PRIMARY KEY ("day", "unit_id", "reason")
);
--> statement-breakpoint
CREATE TABLE "notification_daily_delays" (
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"seconds" integer NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "notification_daily_delays_pk" PRIMARY KEY ("day", "unit_id", "seconds")
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION notification_daily_stats_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO notification_daily_stats AS s (unit_id, day, created, sent, delivered, failed)
    SELECT unit_id, vn_day(created_at), coalesce(sum(sign) FILTER (WHERE status <> 'skipped'), 0), coalesce(sum(sign) FILTER (WHERE sent_at IS NOT NULL), 0),
           coalesce(sum(sign) FILTER (WHERE delivered_at IS NOT NULL), 0), coalesce(sum(sign) FILTER (WHERE status = 'failed_permanent'), 0)
    FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM new_rows) x GROUP BY 1, 2
  ON CONFLICT (day, unit_id) DO UPDATE SET created = s.created + coalesce(excluded.created, 0), sent = s.sent + coalesce(excluded.sent, 0),
    delivered = s.delivered + coalesce(excluded.delivered, 0), failed = s.failed + coalesce(excluded.failed, 0);
  INSERT INTO notification_daily_reasons AS s (unit_id, day, reason, n)
    SELECT unit_id, vn_day(created_at), coalesce(last_error, ''), sum(sign) FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM new_rows) x WHERE status = 'failed_permanent' GROUP BY 1, 2, 3
  ON CONFLICT (day, unit_id, reason) DO UPDATE SET n = s.n + excluded.n;
  INSERT INTO notification_daily_delays AS s (unit_id, day, seconds, n)
    SELECT unit_id, vn_day(created_at), floor(extract(epoch FROM sent_at - created_at))::int, sum(sign) FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM new_rows) x WHERE sent_at IS NOT NULL GROUP BY 1, 2, 3
  ON CONFLICT (day, unit_id, seconds) DO UPDATE SET n = s.n + excluded.n;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION notification_daily_stats_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO notification_daily_stats AS s (unit_id, day, created, sent, delivered, failed)
    SELECT unit_id, vn_day(created_at), coalesce(sum(sign) FILTER (WHERE status <> 'skipped'), 0), coalesce(sum(sign) FILTER (WHERE sent_at IS NOT NULL), 0),
           coalesce(sum(sign) FILTER (WHERE delivered_at IS NOT NULL), 0), coalesce(sum(sign) FILTER (WHERE status = 'failed_permanent'), 0)
    FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM new_rows UNION ALL SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, -1 FROM old_rows) x GROUP BY 1, 2
  ON CONFLICT (day, unit_id) DO UPDATE SET created = s.created + coalesce(excluded.created, 0), sent = s.sent + coalesce(excluded.sent, 0),
    delivered = s.delivered + coalesce(excluded.delivered, 0), failed = s.failed + coalesce(excluded.failed, 0);
  INSERT INTO notification_daily_reasons AS s (unit_id, day, reason, n)
    SELECT unit_id, vn_day(created_at), coalesce(last_error, ''), sum(sign) FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM new_rows UNION ALL SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, -1 FROM old_rows) x WHERE status = 'failed_permanent' GROUP BY 1, 2, 3
  ON CONFLICT (day, unit_id, reason) DO UPDATE SET n = s.n + excluded.n;
  INSERT INTO notification_daily_delays AS s (unit_id, day, seconds, n)
    SELECT unit_id, vn_day(created_at), floor(extract(epoch FROM sent_at - created_at))::int, sum(sign) FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM new_rows UNION ALL SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, -1 FROM old_rows) x WHERE sent_at IS NOT NULL GROUP BY 1, 2, 3
  ON CONFLICT (day, unit_id, seconds) DO UPDATE SET n = s.n + excluded.n;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER notification_daily_stats_insert AFTER INSERT ON notifications REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION notification_daily_stats_insert();--> statement-breakpoint
CREATE TRIGGER notification_daily_stats_update AFTER UPDATE ON notifications REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION notification_daily_stats_update();--> statement-breakpoint
-- Ratings per unit, receptionist, day the dossier was returned and level (the dashboard counts ratings of the
-- dossiers returned in a period).
CREATE TABLE "rating_daily_stats" (
	"unit_id" integer NOT NULL,
	"received_by_id" integer DEFAULT 0 NOT NULL,
	"day" date NOT NULL,
	"level" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rating_daily_stats_pk" PRIMARY KEY ("day", "unit_id", "received_by_id", "level")
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rating_daily_stats_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rating_daily_stats AS s (unit_id, received_by_id, day, level, n)
    SELECT unit_id, coalesce(received_by_id, 0), vn_day(returned_at), level, sum(sign)
    FROM (
      SELECT unit_id, received_by_id, returned_at, level, 1 AS sign FROM new_rows WHERE TG_OP <> 'DELETE'
      UNION ALL
      SELECT unit_id, received_by_id, returned_at, level, -1 FROM old_rows WHERE TG_OP <> 'INSERT'
    ) x
    GROUP BY 1, 2, 3, 4
  ON CONFLICT (day, unit_id, received_by_id, level) DO UPDATE SET n = s.n + excluded.n;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION rating_daily_stats_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rating_daily_stats AS s (unit_id, received_by_id, day, level, n)
    SELECT unit_id, coalesce(received_by_id, 0), vn_day(returned_at), level, count(*) FROM new_rows GROUP BY 1, 2, 3, 4
  ON CONFLICT (day, unit_id, received_by_id, level) DO UPDATE SET n = s.n + excluded.n;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER rating_daily_stats_insert AFTER INSERT ON ratings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rating_daily_stats_insert();--> statement-breakpoint
CREATE TRIGGER rating_daily_stats_update AFTER UPDATE ON ratings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rating_daily_stats_sync();--> statement-breakpoint
-- Bulk loads that bypass the triggers rebuild these two from their base tables.
CREATE OR REPLACE FUNCTION notification_rating_stats_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM notification_daily_stats;
  DELETE FROM notification_daily_reasons;
  DELETE FROM notification_daily_delays;
  INSERT INTO notification_daily_stats AS s (unit_id, day, created, sent, delivered, failed)
    SELECT unit_id, vn_day(created_at), coalesce(sum(sign) FILTER (WHERE status <> 'skipped'), 0), coalesce(sum(sign) FILTER (WHERE sent_at IS NOT NULL), 0),
           coalesce(sum(sign) FILTER (WHERE delivered_at IS NOT NULL), 0), coalesce(sum(sign) FILTER (WHERE status = 'failed_permanent'), 0)
    FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM notifications) x GROUP BY 1, 2
  ON CONFLICT (day, unit_id) DO UPDATE SET created = s.created + coalesce(excluded.created, 0), sent = s.sent + coalesce(excluded.sent, 0),
    delivered = s.delivered + coalesce(excluded.delivered, 0), failed = s.failed + coalesce(excluded.failed, 0);
  INSERT INTO notification_daily_reasons AS s (unit_id, day, reason, n)
    SELECT unit_id, vn_day(created_at), coalesce(last_error, ''), sum(sign) FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM notifications) x WHERE status = 'failed_permanent' GROUP BY 1, 2, 3
  ON CONFLICT (day, unit_id, reason) DO UPDATE SET n = s.n + excluded.n;
  INSERT INTO notification_daily_delays AS s (unit_id, day, seconds, n)
    SELECT unit_id, vn_day(created_at), floor(extract(epoch FROM sent_at - created_at))::int, sum(sign) FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM notifications) x WHERE sent_at IS NOT NULL GROUP BY 1, 2, 3
  ON CONFLICT (day, unit_id, seconds) DO UPDATE SET n = s.n + excluded.n;
  DELETE FROM rating_daily_stats;
  INSERT INTO rating_daily_stats (unit_id, received_by_id, day, level, n)
    SELECT unit_id, coalesce(received_by_id, 0), vn_day(returned_at), level, count(*) FROM ratings GROUP BY 1, 2, 3, 4;
END
$$;--> statement-breakpoint
SELECT notification_rating_stats_rebuild();
