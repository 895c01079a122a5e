-- Auto-dispatch explained, parts tied to categories and kept per region,
-- and maintenance plans with calendar intervals and a default assignee.

-- The candidates an auto-dispatch considered, stored with its 'assigned'
-- event (append-only like the event): the ticket page shows why the
-- technician was picked and why each other one lost, also much later.
-- Names and regions are copied as they were at the decision.
CREATE TABLE dispatch_candidates (
  id            BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id     BIGINT UNSIGNED NOT NULL,
  event_id      BIGINT UNSIGNED NOT NULL,
  pos           SMALLINT UNSIGNED NOT NULL,
  user_id       BIGINT UNSIGNED NOT NULL,
  name          VARCHAR(100) NOT NULL,
  region        VARCHAR(100) NOT NULL DEFAULT '',
  skill         TINYINT(1) NOT NULL,
  region_depth  TINYINT UNSIGNED NOT NULL,
  open_tickets  INT UNSIGNED NOT NULL,
  reason        ENUM('chosen','no_skill','region','load','tie') NOT NULL,
  UNIQUE KEY uk_dispatch_cand (event_id, pos),
  KEY ix_dispatch_cand_ticket (ticket_id, event_id),
  CONSTRAINT fk_dispatch_cand_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_dispatch_cand_event FOREIGN KEY (event_id) REFERENCES ticket_events (id),
  CONSTRAINT fk_dispatch_cand_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER dispatch_candidates_no_update BEFORE UPDATE ON dispatch_candidates FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'dispatch_candidates is append-only';

-- A part fits any number of categories (the picker on a ticket lists the
-- parts of the ticket's category first). parts.category_id stays as it
-- was (the forecast and list filters read it) and is copied here.
CREATE TABLE part_categories (
  part_id      BIGINT UNSIGNED NOT NULL,
  category_id  BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (part_id, category_id),
  KEY ix_part_categories_category (category_id),
  CONSTRAINT fk_part_categories_part FOREIGN KEY (part_id) REFERENCES parts (id)
    ON DELETE CASCADE,
  CONSTRAINT fk_part_categories_category FOREIGN KEY (category_id) REFERENCES categories (id)
) ENGINE=InnoDB;

INSERT IGNORE INTO part_categories (part_id, category_id)
  SELECT id, category_id FROM parts WHERE category_id IS NOT NULL;

-- The region a location serves, in the words of the dispatch rule
-- (cgi/service/dispatch.h): the picker offers first the locations whose
-- region matches the technician's region.
ALTER TABLE stock_locations ADD COLUMN region VARCHAR(100) NOT NULL DEFAULT '' AFTER name_en;
UPDATE stock_locations SET region = '上海' WHERE name = '上海仓' AND region = '';
UPDATE stock_locations SET region = '广州' WHERE name = '广州仓' AND region = '';

-- Plans repeat every interval_n days, weeks, months or years.
-- interval_days stays the interval's length in days (approximate for
-- months and years: 30 and 365 per unit), for sorting and old readers.
ALTER TABLE maintenance_plans
  ADD COLUMN interval_unit ENUM('day','week','month','year') NOT NULL DEFAULT 'day'
    AFTER interval_days,
  ADD COLUMN interval_n SMALLINT UNSIGNED NOT NULL DEFAULT 1 AFTER interval_unit,
  ADD COLUMN default_assignee_id BIGINT UNSIGNED NULL AFTER active,
  ADD COLUMN default_team_id BIGINT UNSIGNED NULL AFTER default_assignee_id,
  ADD CONSTRAINT fk_plans_assignee FOREIGN KEY (default_assignee_id) REFERENCES users (id),
  ADD CONSTRAINT fk_plans_team FOREIGN KEY (default_team_id) REFERENCES teams (id),
  ADD CONSTRAINT ck_plans_interval_n CHECK (interval_n BETWEEN 1 AND 3650);

-- Existing day intervals keep their exact length: whole weeks are said
-- so (a week is always 7 days; a year of 365 days is not), the rest stays
-- in days.
UPDATE maintenance_plans SET interval_unit = 'day', interval_n = interval_days;
UPDATE maintenance_plans SET interval_unit = 'week', interval_n = interval_days DIV 7
  WHERE interval_days % 7 = 0;

-- The plan form looks up a customer's earlier tickets by phone number,
-- latest first.
CREATE INDEX IF NOT EXISTS ix_tickets_phone_id ON tickets (phone, id);
