-- Issue-to-resolution: categories, SLA policies and the work calendar,
-- tickets, their append-only event log, attachments and visits.
CREATE TABLE categories (
  id        BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  code      VARCHAR(32) CHARACTER SET ascii NOT NULL,
  name_zh   VARCHAR(64) NOT NULL,
  name_en   VARCHAR(64) NOT NULL,
  active    TINYINT(1) NOT NULL DEFAULT 1,
  sort      INT NOT NULL DEFAULT 0,
  UNIQUE KEY uk_categories_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Targets in business minutes; a NULL category is the default of a priority.
CREATE TABLE sla_policies (
  id                  BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  category_id         BIGINT UNSIGNED NULL,
  priority            ENUM('low','normal','high','urgent') NOT NULL,
  first_response_mins INT UNSIGNED NOT NULL,
  resolve_mins        INT UNSIGNED NOT NULL,
  UNIQUE KEY uk_sla (category_id, priority),
  CONSTRAINT fk_sla_category FOREIGN KEY (category_id) REFERENCES categories (id)
) ENGINE=InnoDB;

-- Working hours per weekday (0 = Sunday) in minutes after midnight, local time.
CREATE TABLE work_hours (
  weekday    TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  start_min  SMALLINT UNSIGNED NOT NULL,
  end_min    SMALLINT UNSIGNED NOT NULL
) ENGINE=InnoDB;

-- Public holidays (is_workday = 0) and make-up working days (is_workday = 1).
CREATE TABLE calendar_days (
  day         DATE NOT NULL PRIMARY KEY,
  is_workday  TINYINT(1) NOT NULL,
  name        VARCHAR(64) NOT NULL DEFAULT ''
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE settings (
  name   VARCHAR(64) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  value  VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Skills of technicians (the categories they repair) for auto-dispatch.
CREATE TABLE user_skills (
  user_id      BIGINT UNSIGNED NOT NULL,
  category_id  BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (user_id, category_id),
  CONSTRAINT fk_skill_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_skill_category FOREIGN KEY (category_id) REFERENCES categories (id)
) ENGINE=InnoDB;

-- Ticket numbers R-YYYYMMDD-NNNN count per day.
CREATE TABLE ticket_counters (
  day  DATE NOT NULL PRIMARY KEY,
  n    INT UNSIGNED NOT NULL
) ENGINE=InnoDB;

CREATE TABLE tickets (
  id                  BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  number              VARCHAR(20) CHARACTER SET ascii NOT NULL,
  track_code          CHAR(26) CHARACTER SET ascii NOT NULL,
  form_token          VARCHAR(64) CHARACTER SET ascii NULL,
  channel             ENUM('web','phone','wechat','api','plan') NOT NULL,
  status              ENUM('new','accepted','assigned','in_progress','waiting_customer',
                           'waiting_parts','resolved','closed','reopened','cancelled') NOT NULL DEFAULT 'new',
  priority            ENUM('low','normal','high','urgent') NOT NULL DEFAULT 'normal',
  category_id         BIGINT UNSIGNED NOT NULL,
  customer_name       VARCHAR(100) NOT NULL,
  phone               VARCHAR(32) NOT NULL,
  email               VARCHAR(254) NOT NULL DEFAULT '',
  product             VARCHAR(100) NOT NULL DEFAULT '',
  serial              VARCHAR(64) NOT NULL DEFAULT '',
  address             VARCHAR(255) NOT NULL DEFAULT '',
  region              VARCHAR(100) NOT NULL DEFAULT '',
  description         TEXT NOT NULL,
  search_text         MEDIUMTEXT CHARACTER SET ascii NOT NULL,
  assignee_id         BIGINT UNSIGNED NULL,
  team_id             BIGINT UNSIGNED NULL,
  created_by          BIGINT UNSIGNED NULL,
  version             INT UNSIGNED NOT NULL DEFAULT 1,
  created_at          DATETIME NOT NULL,
  updated_at          DATETIME NOT NULL,
  first_response_at   DATETIME NULL,
  first_response_due  DATETIME NULL,
  resolve_due         DATETIME NULL,
  sla_paused_since    DATETIME NULL,
  sla_paused_secs     INT UNSIGNED NOT NULL DEFAULT 0,
  resolved_at         DATETIME NULL,
  closed_at           DATETIME NULL,
  UNIQUE KEY uk_tickets_number (number),
  UNIQUE KEY uk_tickets_code (track_code),
  UNIQUE KEY uk_tickets_form_token (form_token),
  KEY ix_tickets_status (status, id),
  KEY ix_tickets_assignee (assignee_id, status, id),
  KEY ix_tickets_team (team_id, status, id),
  KEY ix_tickets_category (category_id, status, id),
  KEY ix_tickets_priority (priority, status, id),
  KEY ix_tickets_channel (channel, id),
  KEY ix_tickets_resolve_due (resolve_due),
  KEY ix_tickets_created (created_at),
  FULLTEXT KEY ft_tickets_search (search_text),
  CONSTRAINT fk_tickets_category FOREIGN KEY (category_id) REFERENCES categories (id),
  CONSTRAINT fk_tickets_assignee FOREIGN KEY (assignee_id) REFERENCES users (id),
  CONSTRAINT fk_tickets_team FOREIGN KEY (team_id) REFERENCES teams (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only: every change of a ticket, with actor and time.
CREATE TABLE ticket_events (
  id           BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id    BIGINT UNSIGNED NOT NULL,
  at           DATETIME NOT NULL,
  actor_kind   ENUM('customer','staff','system','api') NOT NULL,
  actor_id     BIGINT UNSIGNED NULL,
  kind         ENUM('created','status','assigned','reply','note','visit','priority','customer_reply','sla') NOT NULL,
  public       TINYINT(1) NOT NULL DEFAULT 0,
  from_status  VARCHAR(20) CHARACTER SET ascii NULL,
  to_status    VARCHAR(20) CHARACTER SET ascii NULL,
  body         TEXT NULL,
  KEY ix_events_ticket (ticket_id, id),
  CONSTRAINT fk_events_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ticket_events is append-only';
CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ticket_events is append-only';

CREATE TABLE attachments (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id   BIGINT UNSIGNED NOT NULL,
  event_id    BIGINT UNSIGNED NULL,
  filename    VARCHAR(255) NOT NULL,
  ctype       VARCHAR(32) CHARACTER SET ascii NOT NULL,
  size        INT UNSIGNED NOT NULL,
  data        MEDIUMBLOB NOT NULL,
  created_at  DATETIME NOT NULL,
  KEY ix_attachments_ticket (ticket_id),
  CONSTRAINT fk_attachments_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE visits (
  id             BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id      BIGINT UNSIGNED NOT NULL,
  technician_id  BIGINT UNSIGNED NOT NULL,
  arrived_at     DATETIME NOT NULL,
  finished_at    DATETIME NULL,
  notes          TEXT NULL,
  KEY ix_visits_ticket (ticket_id),
  KEY ix_visits_tech (technician_id, arrived_at),
  CONSTRAINT fk_visits_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_visits_tech FOREIGN KEY (technician_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed tracking-code look-ups, to rate-limit guessing per address.
CREATE TABLE track_failures (
  id    BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  addr  VARCHAR(64) NOT NULL,
  at    DATETIME NOT NULL,
  KEY ix_tf_addr (addr, at)
) ENGINE=InnoDB;

ALTER TABLE users ADD COLUMN region VARCHAR(100) NOT NULL DEFAULT '' AFTER team_id;

INSERT INTO categories (code, name_zh, name_en, sort) VALUES
  ('ac', '空调', 'Air conditioner', 1),
  ('fridge', '冰箱', 'Refrigerator', 2),
  ('washer', '洗衣机', 'Washing machine', 3),
  ('water_heater', '热水器', 'Water heater', 4),
  ('tv', '电视', 'Television', 5),
  ('other', '其他', 'Other', 99);

INSERT INTO sla_policies (category_id, priority, first_response_mins, resolve_mins) VALUES
  (NULL, 'urgent', 30, 480),
  (NULL, 'high', 60, 960),
  (NULL, 'normal', 120, 1440),
  (NULL, 'low', 480, 2880);

-- Monday to Saturday 08:30-18:00 (China service centres often work Saturdays).
INSERT INTO work_hours (weekday, start_min, end_min) VALUES
  (1, 510, 1080), (2, 510, 1080), (3, 510, 1080), (4, 510, 1080), (5, 510, 1080), (6, 510, 1080);

INSERT INTO settings (name, value) VALUES ('timezone_offset_min', '480');
