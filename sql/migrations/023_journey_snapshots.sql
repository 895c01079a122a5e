-- Snapshots freeze a map as it was: its stages (name, emotion), every item
-- of every lane and every bound metric's value for the period shown then.
-- Rows are copies (names, not ids), so later edits never change a snapshot.
CREATE TABLE journey_snapshots (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  journey_id  BIGINT UNSIGNED NOT NULL,
  label       VARCHAR(60) NOT NULL,
  taken_at    DATETIME NOT NULL,
  taken_by    BIGINT UNSIGNED NULL,
  period_from DATE NOT NULL,
  period_to   DATE NOT NULL,
  KEY ix_jsnap (journey_id, id),
  CONSTRAINT fk_jsnap_journey FOREIGN KEY (journey_id) REFERENCES journeys (id),
  CONSTRAINT fk_jsnap_user FOREIGN KEY (taken_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE journey_snapshot_stages (
  snapshot_id BIGINT UNSIGNED NOT NULL,
  pos         INT NOT NULL,
  name        VARCHAR(40) NOT NULL,
  emotion     TINYINT NOT NULL,
  PRIMARY KEY (snapshot_id, pos),
  CONSTRAINT fk_jsnaps_snap FOREIGN KEY (snapshot_id) REFERENCES journey_snapshots (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE journey_snapshot_items (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  snapshot_id BIGINT UNSIGNED NOT NULL,
  stage_pos   INT NOT NULL,
  lane_name   VARCHAR(40) NOT NULL,
  lane_role   VARCHAR(16) CHARACTER SET ascii NOT NULL DEFAULT '',
  body        VARCHAR(200) NOT NULL,
  evidence    VARCHAR(12) CHARACTER SET ascii NOT NULL,
  KEY ix_jsnapi (snapshot_id, stage_pos),
  CONSTRAINT fk_jsnapi_snap FOREIGN KEY (snapshot_id) REFERENCES journey_snapshots (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE journey_snapshot_metrics (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  snapshot_id BIGINT UNSIGNED NOT NULL,
  stage_pos   INT NOT NULL,
  metric_key  VARCHAR(64) CHARACTER SET ascii NOT NULL,
  target      DOUBLE NULL,
  value       DOUBLE NULL,            -- NULL: nothing measured
  n           BIGINT NOT NULL DEFAULT 0,
  KEY ix_jsnapm (snapshot_id, stage_pos),
  CONSTRAINT fk_jsnapm_snap FOREIGN KEY (snapshot_id) REFERENCES journey_snapshots (id)
) ENGINE=InnoDB;
