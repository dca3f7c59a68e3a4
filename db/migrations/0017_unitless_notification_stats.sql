-- Chat replies (0016) are notifications without a unit: the per-unit delivery figures leave them out.
CREATE OR REPLACE FUNCTION notification_daily_stats_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO notification_daily_stats AS s (unit_id, day, created, sent, delivered, failed)
    SELECT unit_id, vn_day(created_at), coalesce(sum(sign) FILTER (WHERE status <> 'skipped'), 0), coalesce(sum(sign) FILTER (WHERE sent_at IS NOT NULL), 0),
           coalesce(sum(sign) FILTER (WHERE delivered_at IS NOT NULL), 0), coalesce(sum(sign) FILTER (WHERE status = 'failed_permanent'), 0)
    FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM new_rows) x WHERE unit_id IS NOT NULL GROUP BY 1, 2
  ON CONFLICT (day, unit_id) DO UPDATE SET created = s.created + coalesce(excluded.created, 0), sent = s.sent + coalesce(excluded.sent, 0),
    delivered = s.delivered + coalesce(excluded.delivered, 0), failed = s.failed + coalesce(excluded.failed, 0);
  INSERT INTO notification_daily_reasons AS s (unit_id, day, reason, n)
    SELECT unit_id, vn_day(created_at), coalesce(last_error, ''), sum(sign) FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM new_rows) x WHERE unit_id IS NOT NULL AND status = 'failed_permanent' GROUP BY 1, 2, 3
  ON CONFLICT (day, unit_id, reason) DO UPDATE SET n = s.n + excluded.n;
  INSERT INTO notification_daily_delays AS s (unit_id, day, seconds, n)
    SELECT unit_id, vn_day(created_at), floor(extract(epoch FROM sent_at - created_at))::int, sum(sign) FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM new_rows) x WHERE unit_id IS NOT NULL AND sent_at IS NOT NULL GROUP BY 1, 2, 3
  ON CONFLICT (day, unit_id, seconds) DO UPDATE SET n = s.n + excluded.n;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION notification_daily_stats_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO notification_daily_stats AS s (unit_id, day, created, sent, delivered, failed)
    SELECT unit_id, vn_day(created_at), coalesce(sum(sign) FILTER (WHERE status <> 'skipped'), 0), coalesce(sum(sign) FILTER (WHERE sent_at IS NOT NULL), 0),
           coalesce(sum(sign) FILTER (WHERE delivered_at IS NOT NULL), 0), coalesce(sum(sign) FILTER (WHERE status = 'failed_permanent'), 0)
    FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM new_rows UNION ALL SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, -1 FROM old_rows) x WHERE unit_id IS NOT NULL GROUP BY 1, 2
  ON CONFLICT (day, unit_id) DO UPDATE SET created = s.created + coalesce(excluded.created, 0), sent = s.sent + coalesce(excluded.sent, 0),
    delivered = s.delivered + coalesce(excluded.delivered, 0), failed = s.failed + coalesce(excluded.failed, 0);
  INSERT INTO notification_daily_reasons AS s (unit_id, day, reason, n)
    SELECT unit_id, vn_day(created_at), coalesce(last_error, ''), sum(sign) FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM new_rows UNION ALL SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, -1 FROM old_rows) x WHERE unit_id IS NOT NULL AND status = 'failed_permanent' GROUP BY 1, 2, 3
  ON CONFLICT (day, unit_id, reason) DO UPDATE SET n = s.n + excluded.n;
  INSERT INTO notification_daily_delays AS s (unit_id, day, seconds, n)
    SELECT unit_id, vn_day(created_at), floor(extract(epoch FROM sent_at - created_at))::int, sum(sign) FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM new_rows UNION ALL SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, -1 FROM old_rows) x WHERE unit_id IS NOT NULL AND sent_at IS NOT NULL GROUP BY 1, 2, 3
  ON CONFLICT (day, unit_id, seconds) DO UPDATE SET n = s.n + excluded.n;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION notification_rating_stats_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM notification_daily_stats;
  DELETE FROM notification_daily_reasons;
  DELETE FROM notification_daily_delays;
  INSERT INTO notification_daily_stats AS s (unit_id, day, created, sent, delivered, failed)
    SELECT unit_id, vn_day(created_at), coalesce(sum(sign) FILTER (WHERE status <> 'skipped'), 0), coalesce(sum(sign) FILTER (WHERE sent_at IS NOT NULL), 0),
           coalesce(sum(sign) FILTER (WHERE delivered_at IS NOT NULL), 0), coalesce(sum(sign) FILTER (WHERE status = 'failed_permanent'), 0)
    FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM notifications) x WHERE unit_id IS NOT NULL GROUP BY 1, 2
  ON CONFLICT (day, unit_id) DO UPDATE SET created = s.created + coalesce(excluded.created, 0), sent = s.sent + coalesce(excluded.sent, 0),
    delivered = s.delivered + coalesce(excluded.delivered, 0), failed = s.failed + coalesce(excluded.failed, 0);
  INSERT INTO notification_daily_reasons AS s (unit_id, day, reason, n)
    SELECT unit_id, vn_day(created_at), coalesce(last_error, ''), sum(sign) FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM notifications) x WHERE unit_id IS NOT NULL AND status = 'failed_permanent' GROUP BY 1, 2, 3
  ON CONFLICT (day, unit_id, reason) DO UPDATE SET n = s.n + excluded.n;
  INSERT INTO notification_daily_delays AS s (unit_id, day, seconds, n)
    SELECT unit_id, vn_day(created_at), floor(extract(epoch FROM sent_at - created_at))::int, sum(sign) FROM (SELECT unit_id, created_at, status, sent_at, delivered_at, last_error, 1 AS sign FROM notifications) x WHERE unit_id IS NOT NULL AND sent_at IS NOT NULL GROUP BY 1, 2, 3
  ON CONFLICT (day, unit_id, seconds) DO UPDATE SET n = s.n + excluded.n;
  DELETE FROM rating_daily_stats;
  INSERT INTO rating_daily_stats (unit_id, received_by_id, day, level, n)
    SELECT unit_id, coalesce(received_by_id, 0), vn_day(returned_at), level, count(*) FROM ratings GROUP BY 1, 2, 3, 4;
END
$$;
