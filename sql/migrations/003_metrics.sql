-- Service metrics (cgi/core/metrics.c): the tables the metrics read besides
-- tickets, and metric_daily, the pre-aggregate refreshed incrementally by
-- metric_refresh().

-- The metrics find changed tickets and the tickets of a day by these times,
-- and count the open tickets of a slice from ix_tickets_open_slice alone.
ALTER TABLE tickets
  ADD KEY IF NOT EXISTS ix_tickets_updated (updated_at),
  ADD KEY IF NOT EXISTS ix_tickets_first_response (first_response_at),
  ADD KEY IF NOT EXISTS ix_tickets_resolved (resolved_at),
  ADD KEY IF NOT EXISTS ix_tickets_open_slice (status, category_id, team_id, channel, created_at);

-- Customer satisfaction, one survey per ticket (the survey pages add more).
CREATE TABLE IF NOT EXISTS surveys (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id   BIGINT UNSIGNED NOT NULL UNIQUE,
  rating      TINYINT UNSIGNED NOT NULL,
  comment     TEXT NULL,
  created_at  DATETIME NOT NULL,
  CONSTRAINT fk_surveys_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX IF NOT EXISTS ix_surveys_created ON surveys (created_at);

-- Spare parts and their use on tickets (minimal; the parts pages extend them).
CREATE TABLE IF NOT EXISTS parts (
  id       BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  sku      VARCHAR(64) NOT NULL,
  name_zh  VARCHAR(100) NOT NULL,
  name_en  VARCHAR(100) NOT NULL,
  UNIQUE KEY uk_parts_sku (sku)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ticket_parts (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id   BIGINT UNSIGNED NOT NULL,
  part_id     BIGINT UNSIGNED NOT NULL,
  qty         INT UNSIGNED NOT NULL,
  created_at  DATETIME NOT NULL,
  KEY ix_ticket_parts_ticket (ticket_id),
  CONSTRAINT fk_ticket_parts_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_ticket_parts_part FOREIGN KEY (part_id) REFERENCES parts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX IF NOT EXISTS ix_ticket_parts_created ON ticket_parts (created_at);

-- Additive sums per China-time calendar day (UTC+8) and slice (category,
-- team — 0 for none —, channel). Each column belongs to one anchor: the
-- day a ticket was created (created_*), first answered (fr_*), resolved
-- (res_*, reopened_n), left the backlog (end_*: resolved or cancelled), or
-- rated (csat_*), or a spare part was recorded (parts_*: units, records).
-- *_t are sums of created_at as UNIX time (for the backlog's age).
CREATE TABLE metric_daily (
  day          DATE NOT NULL,
  category_id  BIGINT UNSIGNED NOT NULL,
  team_id      BIGINT UNSIGNED NOT NULL,
  channel      VARCHAR(16) CHARACTER SET ascii NOT NULL,
  created_n    INT UNSIGNED NOT NULL,
  created_t    BIGINT NOT NULL,
  fr_n         INT UNSIGNED NOT NULL,
  fr_s         BIGINT NOT NULL,
  fr_ok        INT UNSIGNED NOT NULL,
  res_n        INT UNSIGNED NOT NULL,
  res_s        BIGINT NOT NULL,
  res_ok       INT UNSIGNED NOT NULL,
  reopened_n   INT UNSIGNED NOT NULL,
  end_n        INT UNSIGNED NOT NULL,
  end_t        BIGINT NOT NULL,
  csat_n       INT UNSIGNED NOT NULL,
  csat_sum     INT UNSIGNED NOT NULL,
  csat_sat     INT UNSIGNED NOT NULL,
  parts_qty    INT UNSIGNED NOT NULL,
  parts_lines  INT UNSIGNED NOT NULL,
  PRIMARY KEY (day, category_id, team_id, channel)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Duration histograms of the same days and slices, for medians: of the
-- first responses (fr_n) and resolutions (res_n) of the day, how many took
-- a time in bucket b, [bound b-1, bound b) of METRIC_HIST_BOUNDS
-- (cgi/core/metrics.h).
CREATE TABLE metric_hist (
  day          DATE NOT NULL,
  category_id  BIGINT UNSIGNED NOT NULL,
  team_id      BIGINT UNSIGNED NOT NULL,
  channel      VARCHAR(16) CHARACTER SET ascii NOT NULL,
  bucket       TINYINT UNSIGNED NOT NULL,
  fr_n         INT UNSIGNED NOT NULL,
  res_n        INT UNSIGNED NOT NULL,
  PRIMARY KEY (day, category_id, team_id, channel, bucket)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where the refresh stands. refreshed_at NULL: the first build runs (or
-- resumes at build_next_id, a chunk of ticket ids per step) until every
-- ticket up to build_max_id is in; then refreshed_at = build_started and
-- the incremental refresh takes over.
CREATE TABLE metric_state (
  id                TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  refreshed_at      DATETIME NULL,
  max_ticket_id     BIGINT UNSIGNED NOT NULL DEFAULT 0,
  max_survey_id     BIGINT UNSIGNED NOT NULL DEFAULT 0,
  build_started     DATETIME NULL,
  build_next_id     BIGINT UNSIGNED NULL,
  build_max_id      BIGINT UNSIGNED NOT NULL DEFAULT 0,
  build_max_survey  BIGINT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=InnoDB;
INSERT INTO metric_state (id) VALUES (1);

-- Seconds between two refreshes of metric_daily (today is always live).
INSERT IGNORE INTO settings (name, value) VALUES ('metric_refresh_secs', '60');
