-- Service metrics (cgi/core/metrics.c): the tables the metrics read besides
-- tickets, and metric_daily, the pre-aggregate refreshed incrementally by
-- metric_refresh().

-- The metrics find changed tickets and the tickets of a day by these times.
ALTER TABLE tickets
  ADD KEY IF NOT EXISTS ix_tickets_updated (updated_at),
  ADD KEY IF NOT EXISTS ix_tickets_first_response (first_response_at),
  ADD KEY IF NOT EXISTS ix_tickets_resolved (resolved_at);

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
-- (res_*), left the backlog (end_*: resolved or cancelled), or rated
-- (csat_*). *_h00..*_h23 count durations per bucket of METRIC_HIST_BOUNDS
-- (cgi/core/metrics.h): medians come from these histograms.
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
  fr_h00 INT UNSIGNED NOT NULL, fr_h01 INT UNSIGNED NOT NULL, fr_h02 INT UNSIGNED NOT NULL,
  fr_h03 INT UNSIGNED NOT NULL, fr_h04 INT UNSIGNED NOT NULL, fr_h05 INT UNSIGNED NOT NULL,
  fr_h06 INT UNSIGNED NOT NULL, fr_h07 INT UNSIGNED NOT NULL, fr_h08 INT UNSIGNED NOT NULL,
  fr_h09 INT UNSIGNED NOT NULL, fr_h10 INT UNSIGNED NOT NULL, fr_h11 INT UNSIGNED NOT NULL,
  fr_h12 INT UNSIGNED NOT NULL, fr_h13 INT UNSIGNED NOT NULL, fr_h14 INT UNSIGNED NOT NULL,
  fr_h15 INT UNSIGNED NOT NULL, fr_h16 INT UNSIGNED NOT NULL, fr_h17 INT UNSIGNED NOT NULL,
  fr_h18 INT UNSIGNED NOT NULL, fr_h19 INT UNSIGNED NOT NULL, fr_h20 INT UNSIGNED NOT NULL,
  fr_h21 INT UNSIGNED NOT NULL, fr_h22 INT UNSIGNED NOT NULL, fr_h23 INT UNSIGNED NOT NULL,
  res_h00 INT UNSIGNED NOT NULL, res_h01 INT UNSIGNED NOT NULL, res_h02 INT UNSIGNED NOT NULL,
  res_h03 INT UNSIGNED NOT NULL, res_h04 INT UNSIGNED NOT NULL, res_h05 INT UNSIGNED NOT NULL,
  res_h06 INT UNSIGNED NOT NULL, res_h07 INT UNSIGNED NOT NULL, res_h08 INT UNSIGNED NOT NULL,
  res_h09 INT UNSIGNED NOT NULL, res_h10 INT UNSIGNED NOT NULL, res_h11 INT UNSIGNED NOT NULL,
  res_h12 INT UNSIGNED NOT NULL, res_h13 INT UNSIGNED NOT NULL, res_h14 INT UNSIGNED NOT NULL,
  res_h15 INT UNSIGNED NOT NULL, res_h16 INT UNSIGNED NOT NULL, res_h17 INT UNSIGNED NOT NULL,
  res_h18 INT UNSIGNED NOT NULL, res_h19 INT UNSIGNED NOT NULL, res_h20 INT UNSIGNED NOT NULL,
  res_h21 INT UNSIGNED NOT NULL, res_h22 INT UNSIGNED NOT NULL, res_h23 INT UNSIGNED NOT NULL,
  PRIMARY KEY (day, category_id, team_id, channel)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where the incremental refresh stands: refreshed_at NULL means "build
-- everything on the next refresh".
CREATE TABLE metric_state (
  id             TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  refreshed_at   DATETIME NULL,
  max_ticket_id  BIGINT UNSIGNED NOT NULL DEFAULT 0,
  max_survey_id  BIGINT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=InnoDB;
INSERT INTO metric_state (id) VALUES (1);

-- Seconds between two refreshes of metric_daily (today is always live).
INSERT IGNORE INTO settings (name, value) VALUES ('metric_refresh_secs', '60');
