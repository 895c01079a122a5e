-- OKR boards: cycles, aligned objectives, key results (manual or bound to a
-- registry metric by key), append-only check-ins, initiatives under a key
-- result. Scores are never stored while a cycle runs: they are computed
-- from check-ins and live metrics (cgi/service/okr.c, kr_score.c); closing a
-- cycle freezes them (025_okr_reviews.sql).

-- A cycle covers the China-time days [starts_on, ends_on] (inclusive).
CREATE TABLE okr_cycles (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(64) NOT NULL,
  kind        ENUM('quarter','year') NOT NULL,
  starts_on   DATE NOT NULL,
  ends_on     DATE NOT NULL,
  state       ENUM('planning','active','closed') NOT NULL DEFAULT 'planning',
  closed_at   DATETIME NULL,
  closed_by   BIGINT UNSIGNED NULL,
  version     INT UNSIGNED NOT NULL DEFAULT 1,
  created_at  DATETIME NOT NULL,
  UNIQUE KEY uk_okr_cycles_name (name),
  KEY ix_okr_cycles_state (state, starts_on),
  CONSTRAINT fk_okr_cycles_closed_by FOREIGN KEY (closed_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- parent_id aligns an objective under another of the same cycle (the
-- tree); parent2_id is an optional second parent, support_kr_id a key
-- result of another team it supports. status_set is an owner's status
-- chosen by hand (NULL: the weakest key result's).
CREATE TABLE okr_objectives (
  id             BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  cycle_id       BIGINT UNSIGNED NOT NULL,
  title          VARCHAR(200) NOT NULL,
  description    TEXT NOT NULL,
  level          ENUM('company','team','person') NOT NULL,
  owner_id       BIGINT UNSIGNED NULL,
  team_id        BIGINT UNSIGNED NULL,
  parent_id      BIGINT UNSIGNED NULL,
  parent2_id     BIGINT UNSIGNED NULL,
  support_kr_id  BIGINT UNSIGNED NULL,
  status_set     ENUM('on_track','at_risk','off_track') NULL,
  carried_from   BIGINT UNSIGNED NULL,
  form_token     CHAR(64) CHARACTER SET ascii NULL,
  version        INT UNSIGNED NOT NULL DEFAULT 1,
  created_at     DATETIME NOT NULL,
  updated_at     DATETIME NOT NULL,
  UNIQUE KEY uk_okr_obj_token (form_token),
  KEY ix_okr_obj_cycle (cycle_id, level, id),
  KEY ix_okr_obj_parent (parent_id),
  KEY ix_okr_obj_owner (owner_id, cycle_id),
  CONSTRAINT fk_okr_obj_cycle FOREIGN KEY (cycle_id) REFERENCES okr_cycles (id),
  CONSTRAINT fk_okr_obj_owner FOREIGN KEY (owner_id) REFERENCES users (id),
  CONSTRAINT fk_okr_obj_team FOREIGN KEY (team_id) REFERENCES teams (id),
  CONSTRAINT fk_okr_obj_parent FOREIGN KEY (parent_id) REFERENCES okr_objectives (id),
  CONSTRAINT fk_okr_obj_parent2 FOREIGN KEY (parent2_id) REFERENCES okr_objectives (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- source 'metric': metric_key names a registry metric (metric_key.h), with
-- optional filters; window_days NULL means the whole cycle, otherwise the
-- last window_days days. The value is computed live, never typed.
-- journey_id/stage_id remember a journey pain point it came from.
CREATE TABLE okr_krs (
  id              BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  objective_id    BIGINT UNSIGNED NOT NULL,
  title           VARCHAR(200) NOT NULL,
  kind            ENUM('increase_to','decrease_to','stay_above','stay_below','milestone') NOT NULL,
  start_value     DOUBLE NOT NULL DEFAULT 0,
  target_value    DOUBLE NOT NULL DEFAULT 0,
  unit            VARCHAR(16) NOT NULL DEFAULT '',
  weight          DOUBLE NOT NULL DEFAULT 1,
  owner_id        BIGINT UNSIGNED NULL,
  confidence      ENUM('on_track','at_risk','off_track') NOT NULL DEFAULT 'on_track',
  confidence_note VARCHAR(255) NOT NULL DEFAULT '',
  source          ENUM('manual','metric') NOT NULL DEFAULT 'manual',
  metric_key      VARCHAR(64) CHARACTER SET ascii NULL,
  f_category_id   BIGINT UNSIGNED NULL,
  f_team_id       BIGINT UNSIGNED NULL,
  f_channel       VARCHAR(16) CHARACTER SET ascii NULL,
  window_days     INT UNSIGNED NULL,
  journey_id      BIGINT UNSIGNED NULL,
  stage_id        BIGINT UNSIGNED NULL,
  form_token      CHAR(64) CHARACTER SET ascii NULL,
  version         INT UNSIGNED NOT NULL DEFAULT 1,
  created_at      DATETIME NOT NULL,
  updated_at      DATETIME NOT NULL,
  UNIQUE KEY uk_okr_kr_token (form_token),
  KEY ix_okr_kr_objective (objective_id, id),
  KEY ix_okr_kr_owner (owner_id),
  CONSTRAINT fk_okr_kr_objective FOREIGN KEY (objective_id) REFERENCES okr_objectives (id),
  CONSTRAINT fk_okr_kr_owner FOREIGN KEY (owner_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Check-ins: append-only (triggers refuse UPDATE and DELETE). value is NULL
-- for a key result bound to a metric (its value is computed).
CREATE TABLE okr_checkins (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  kr_id       BIGINT UNSIGNED NOT NULL,
  value       DOUBLE NULL,
  confidence  ENUM('on_track','at_risk','off_track') NOT NULL,
  comment     VARCHAR(1000) NOT NULL DEFAULT '',
  user_id     BIGINT UNSIGNED NOT NULL,
  created_at  DATETIME NOT NULL,
  KEY ix_okr_checkins_kr (kr_id, created_at),
  CONSTRAINT fk_okr_checkins_kr FOREIGN KEY (kr_id) REFERENCES okr_krs (id),
  CONSTRAINT fk_okr_checkins_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER okr_checkins_no_update BEFORE UPDATE ON okr_checkins FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'okr_checkins is append-only';
CREATE TRIGGER okr_checkins_no_delete BEFORE DELETE ON okr_checkins FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'okr_checkins is append-only';

-- Initiatives (重点举措) under a key result, optionally linked to a ticket
-- or a knowledge-base article (an SOP).
CREATE TABLE okr_initiatives (
  id             BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  kr_id          BIGINT UNSIGNED NOT NULL,
  title          VARCHAR(200) NOT NULL,
  owner_id       BIGINT UNSIGNED NULL,
  status         ENUM('planned','doing','done','dropped') NOT NULL DEFAULT 'planned',
  due_on         DATE NULL,
  ticket_id      BIGINT UNSIGNED NULL,
  kb_article_id  BIGINT UNSIGNED NULL,
  created_at     DATETIME NOT NULL,
  KEY ix_okr_init_kr (kr_id, id),
  CONSTRAINT fk_okr_init_kr FOREIGN KEY (kr_id) REFERENCES okr_krs (id),
  CONSTRAINT fk_okr_init_owner FOREIGN KEY (owner_id) REFERENCES users (id),
  CONSTRAINT fk_okr_init_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_okr_init_kb FOREIGN KEY (kb_article_id) REFERENCES kb_articles (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
