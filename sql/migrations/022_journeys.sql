-- Customer-journey maps (cgi/service/journey.c): a map is ordered stages
-- (columns) x ordered lanes (rows); a cell (stage, lane) holds ordered
-- items, each with its evidence. Every change bumps journeys.version in the
-- same transaction (a form carrying an older version is refused: 409) and
-- appends a row to journey_history, which triggers keep append-only.
CREATE TABLE journeys (
  id                  BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  name                VARCHAR(100) NOT NULL,
  template            VARCHAR(20) CHARACTER SET ascii NOT NULL DEFAULT 'blank',
  golden              TINYINT(1) NOT NULL DEFAULT 0,
  golden_of           BIGINT UNSIGNED NULL,        -- golden: the current map it designs
  persona_name        VARCHAR(60) NOT NULL DEFAULT '',
  persona_situation   VARCHAR(400) NOT NULL DEFAULT '',
  persona_goals       VARCHAR(400) NOT NULL DEFAULT '',
  persona_frustrations VARCHAR(400) NOT NULL DEFAULT '',
  category_id         BIGINT UNSIGNED NULL,        -- scope of the metrics lane
  team_id             BIGINT UNSIGNED NULL,
  channel             VARCHAR(20) CHARACTER SET ascii NULL,
  archived            TINYINT(1) NOT NULL DEFAULT 0,
  owner_id            BIGINT UNSIGNED NULL,
  version             INT UNSIGNED NOT NULL DEFAULT 1,
  created_at          DATETIME NOT NULL,
  updated_at          DATETIME NOT NULL,
  KEY ix_journeys_list (archived, updated_at),
  KEY ix_journeys_golden (golden_of),
  CONSTRAINT fk_journeys_golden FOREIGN KEY (golden_of) REFERENCES journeys (id),
  CONSTRAINT fk_journeys_category FOREIGN KEY (category_id) REFERENCES categories (id),
  CONSTRAINT fk_journeys_team FOREIGN KEY (team_id) REFERENCES teams (id),
  CONSTRAINT fk_journeys_owner FOREIGN KEY (owner_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE journey_stages (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  journey_id  BIGINT UNSIGNED NOT NULL,
  pos         INT NOT NULL,
  name        VARCHAR(40) NOT NULL,
  emotion     TINYINT NOT NULL DEFAULT 0,
  KEY ix_jstages (journey_id, pos),
  CONSTRAINT fk_jstages_journey FOREIGN KEY (journey_id) REFERENCES journeys (id),
  CONSTRAINT ck_jstages_emotion CHECK (emotion BETWEEN -2 AND 2)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- kind: text lanes hold items; emotion, metrics and visibility are drawn
-- from the stages (a curve, the bound metrics, the line of visibility).
CREATE TABLE journey_lanes (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  journey_id  BIGINT UNSIGNED NOT NULL,
  pos         INT NOT NULL,
  kind        VARCHAR(12) CHARACTER SET ascii NOT NULL DEFAULT 'text',
  role        VARCHAR(16) CHARACTER SET ascii NOT NULL DEFAULT '',
  name        VARCHAR(40) NOT NULL,
  hidden      TINYINT(1) NOT NULL DEFAULT 0,
  KEY ix_jlanes (journey_id, pos),
  CONSTRAINT fk_jlanes_journey FOREIGN KEY (journey_id) REFERENCES journeys (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- evidence: data (source = a metric key or a /desk/ path), research
-- (source = where it was heard or read) or assumption (no source).
CREATE TABLE journey_items (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  journey_id  BIGINT UNSIGNED NOT NULL,
  stage_id    BIGINT UNSIGNED NOT NULL,
  lane_id     BIGINT UNSIGNED NOT NULL,
  pos         INT NOT NULL,
  body        VARCHAR(200) NOT NULL,
  evidence    VARCHAR(12) CHARACTER SET ascii NOT NULL DEFAULT 'assumption',
  source      VARCHAR(200) NOT NULL DEFAULT '',
  KEY ix_jitems (journey_id, stage_id, lane_id, pos),
  CONSTRAINT fk_jitems_journey FOREIGN KEY (journey_id) REFERENCES journeys (id),
  CONSTRAINT fk_jitems_stage FOREIGN KEY (stage_id) REFERENCES journey_stages (id) ON DELETE CASCADE,
  CONSTRAINT fk_jitems_lane FOREIGN KEY (lane_id) REFERENCES journey_lanes (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A metric of the registry (metric_key.h) bound to a stage, with a target.
CREATE TABLE journey_metrics (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  journey_id  BIGINT UNSIGNED NOT NULL,
  stage_id    BIGINT UNSIGNED NOT NULL,
  pos         INT NOT NULL,
  metric_key  VARCHAR(64) CHARACTER SET ascii NOT NULL,
  target      DOUBLE NULL,
  KEY ix_jmetrics (journey_id, stage_id, pos),
  CONSTRAINT fk_jmetrics_journey FOREIGN KEY (journey_id) REFERENCES journeys (id),
  CONSTRAINT fk_jmetrics_stage FOREIGN KEY (stage_id) REFERENCES journey_stages (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE journey_history (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  journey_id  BIGINT UNSIGNED NOT NULL,
  user_id     BIGINT UNSIGNED NULL,
  at          DATETIME NOT NULL,
  version     INT UNSIGNED NOT NULL,
  action      VARCHAR(24) CHARACTER SET ascii NOT NULL,
  detail      VARCHAR(300) NOT NULL DEFAULT '',
  KEY ix_jhistory (journey_id, id),
  CONSTRAINT fk_jhistory_journey FOREIGN KEY (journey_id) REFERENCES journeys (id),
  CONSTRAINT fk_jhistory_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER journey_history_no_update BEFORE UPDATE ON journey_history FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journey_history is append-only';
CREATE TRIGGER journey_history_no_delete BEFORE DELETE ON journey_history FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journey_history is append-only';
