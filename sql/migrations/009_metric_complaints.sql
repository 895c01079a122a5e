-- The metric `complaints` and the CSAT tables per technician of /dash/
-- (cgi/core/metrics.c).

-- Per China-time day and slice, the tickets flagged by the complaint
-- keyword rules that day (ticket_flags.at; a ticket once a day however
-- many rules or texts matched).
ALTER TABLE metric_daily
  ADD COLUMN IF NOT EXISTS flagged_n INT UNSIGNED NOT NULL DEFAULT 0 AFTER parts_lines;

-- The ratings of metric_daily (csat_*) once more per assignee: the ticket's
-- assignee when the refresh read it (0: none). Refreshed with metric_daily
-- (the same days, the same first build); today is always live.
CREATE TABLE IF NOT EXISTS metric_rated_daily (
  day          DATE NOT NULL,
  category_id  BIGINT UNSIGNED NOT NULL,
  team_id      BIGINT UNSIGNED NOT NULL,
  channel      VARCHAR(16) CHARACTER SET ascii NOT NULL,
  assignee_id  BIGINT UNSIGNED NOT NULL,
  csat_n       INT UNSIGNED NOT NULL,
  csat_sum     INT UNSIGNED NOT NULL,
  csat_sat     INT UNSIGNED NOT NULL,
  PRIMARY KEY (day, category_id, team_id, channel, assignee_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The days already summed have no flagged_n and no metric_rated_daily rows
-- yet: start the first build again (metric_refresh() rebuilds every day
-- from the tickets, a chunk per step, and /dash/ shows its progress).
UPDATE metric_state SET refreshed_at = NULL, build_started = NULL, build_next_id = NULL
  WHERE id = 1;

-- Indexes: the recent warnings of /dash/ read ticket_flags by ix_flags_at
-- and ix_flags_ticket (004_api_rules.sql); the live ratings of today read
-- surveys by ix_surveys_created (003_metrics.sql). Nothing to add.
