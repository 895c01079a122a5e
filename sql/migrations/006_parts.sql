-- Spare parts: the catalogue, stock per location, the append-only log of
-- stock movements, and the parts used on tickets (cgi/desk/parts*.c).
--
-- 003_metrics.sql may already have created minimal `parts` (id, sku,
-- name_zh, name_en) and `ticket_parts` (id, ticket_id, part_id, qty,
-- created_at) tables for the metrics registry: every table here is created
-- IF NOT EXISTS with all its columns, and every column beyond those is
-- added again with ADD COLUMN IF NOT EXISTS, so this file gives the same
-- schema whether or not 003 ran first.

CREATE TABLE IF NOT EXISTS parts (
  id              BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  sku             VARCHAR(64) NOT NULL,
  name_zh         VARCHAR(100) NOT NULL,
  name_en         VARCHAR(100) NOT NULL,
  unit            VARCHAR(16) NOT NULL DEFAULT '个',
  unit_cost       DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  reorder_level   INT UNSIGNED NOT NULL DEFAULT 0,
  reorder_qty     INT UNSIGNED NOT NULL DEFAULT 0,
  lead_time_days  INT UNSIGNED NOT NULL DEFAULT 7,
  active          TINYINT(1) NOT NULL DEFAULT 1,
  category_id     BIGINT UNSIGNED NULL,
  created_at      DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at      DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  UNIQUE KEY uk_parts_sku (sku)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE parts
  ADD COLUMN IF NOT EXISTS unit VARCHAR(16) NOT NULL DEFAULT '个' AFTER name_en,
  ADD COLUMN IF NOT EXISTS unit_cost DECIMAL(12,2) NOT NULL DEFAULT 0.00 AFTER unit,
  ADD COLUMN IF NOT EXISTS reorder_level INT UNSIGNED NOT NULL DEFAULT 0 AFTER unit_cost,
  ADD COLUMN IF NOT EXISTS reorder_qty INT UNSIGNED NOT NULL DEFAULT 0 AFTER reorder_level,
  ADD COLUMN IF NOT EXISTS lead_time_days INT UNSIGNED NOT NULL DEFAULT 7 AFTER reorder_qty,
  ADD COLUMN IF NOT EXISTS active TINYINT(1) NOT NULL DEFAULT 1 AFTER lead_time_days,
  ADD COLUMN IF NOT EXISTS category_id BIGINT UNSIGNED NULL AFTER active,
  ADD COLUMN IF NOT EXISTS created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP() AFTER category_id,
  ADD COLUMN IF NOT EXISTS updated_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP() AFTER created_at,
  ADD KEY IF NOT EXISTS ix_parts_category (category_id),
  ADD KEY IF NOT EXISTS ix_parts_name_zh (name_zh),
  ADD CONSTRAINT fk_parts_category FOREIGN KEY IF NOT EXISTS (category_id)
    REFERENCES categories (id);

-- Where stock is kept: warehouses, and technicians' vans.
CREATE TABLE IF NOT EXISTS stock_locations (
  id       BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  name     VARCHAR(64) NOT NULL,
  name_en  VARCHAR(64) NOT NULL DEFAULT '',
  active   TINYINT(1) NOT NULL DEFAULT 1,
  sort     INT NOT NULL DEFAULT 0,
  UNIQUE KEY uk_stock_locations_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Units on hand per part and location. Never negative: the CHECK is the
-- last line of defence; the application takes stock out only with
-- "UPDATE ... SET qty = qty - n WHERE ... AND qty >= n".
CREATE TABLE IF NOT EXISTS part_stock (
  part_id      BIGINT UNSIGNED NOT NULL,
  location_id  BIGINT UNSIGNED NOT NULL,
  qty          INT NOT NULL DEFAULT 0,
  updated_at   DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (part_id, location_id),
  KEY ix_part_stock_location (location_id),
  CONSTRAINT ck_part_stock_qty CHECK (qty >= 0),
  CONSTRAINT fk_part_stock_part FOREIGN KEY (part_id) REFERENCES parts (id),
  CONSTRAINT fk_part_stock_location FOREIGN KEY (location_id) REFERENCES stock_locations (id)
) ENGINE=InnoDB;

-- Append-only: every change of part_stock, with its reason, actor and time
-- (a transfer is two rows: out of one location, into another).
CREATE TABLE IF NOT EXISTS stock_moves (
  id           BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  part_id      BIGINT UNSIGNED NOT NULL,
  location_id  BIGINT UNSIGNED NOT NULL,
  delta        INT NOT NULL,
  reason       ENUM('receive','use','adjust','transfer') NOT NULL,
  ticket_id    BIGINT UNSIGNED NULL,
  actor_id     BIGINT UNSIGNED NULL,
  note         VARCHAR(255) NOT NULL DEFAULT '',
  at           DATETIME NOT NULL,
  KEY ix_stock_moves_part (part_id, id),
  KEY ix_stock_moves_ticket (ticket_id),
  KEY ix_stock_moves_at (at),
  CONSTRAINT ck_stock_moves_delta CHECK (delta <> 0),
  CONSTRAINT fk_stock_moves_part FOREIGN KEY (part_id) REFERENCES parts (id),
  CONSTRAINT fk_stock_moves_location FOREIGN KEY (location_id) REFERENCES stock_locations (id),
  CONSTRAINT fk_stock_moves_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_stock_moves_actor FOREIGN KEY (actor_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS stock_moves_no_update BEFORE UPDATE ON stock_moves FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'stock_moves is append-only';
CREATE TRIGGER IF NOT EXISTS stock_moves_no_delete BEFORE DELETE ON stock_moves FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'stock_moves is append-only';

-- Parts used on a ticket (METRIC_PARTS_USE sums qty by created_at).
CREATE TABLE IF NOT EXISTS ticket_parts (
  id           BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id    BIGINT UNSIGNED NOT NULL,
  part_id      BIGINT UNSIGNED NOT NULL,
  qty          INT UNSIGNED NOT NULL,
  created_at   DATETIME NOT NULL,
  location_id  BIGINT UNSIGNED NULL,
  actor_id     BIGINT UNSIGNED NULL,
  unit_cost    DECIMAL(12,2) NULL,
  KEY ix_ticket_parts_ticket (ticket_id),
  CONSTRAINT fk_ticket_parts_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_ticket_parts_part FOREIGN KEY (part_id) REFERENCES parts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE ticket_parts
  ADD COLUMN IF NOT EXISTS id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY FIRST,
  ADD COLUMN IF NOT EXISTS location_id BIGINT UNSIGNED NULL AFTER created_at,
  ADD COLUMN IF NOT EXISTS actor_id BIGINT UNSIGNED NULL AFTER location_id,
  ADD COLUMN IF NOT EXISTS unit_cost DECIMAL(12,2) NULL AFTER actor_id,
  ADD KEY IF NOT EXISTS ix_ticket_parts_ticket (ticket_id),
  ADD KEY IF NOT EXISTS ix_ticket_parts_part (part_id, created_at),
  ADD CONSTRAINT fk_ticket_parts_ticket FOREIGN KEY IF NOT EXISTS (ticket_id)
    REFERENCES tickets (id),
  ADD CONSTRAINT fk_ticket_parts_part FOREIGN KEY IF NOT EXISTS (part_id)
    REFERENCES parts (id),
  ADD CONSTRAINT fk_ticket_parts_location FOREIGN KEY IF NOT EXISTS (location_id)
    REFERENCES stock_locations (id),
  ADD CONSTRAINT fk_ticket_parts_actor FOREIGN KEY IF NOT EXISTS (actor_id)
    REFERENCES users (id);
CREATE INDEX IF NOT EXISTS ix_ticket_parts_created ON ticket_parts (created_at);

INSERT IGNORE INTO stock_locations (name, name_en, sort) VALUES
  ('上海仓', 'Shanghai warehouse', 1),
  ('广州仓', 'Guangzhou warehouse', 2);
