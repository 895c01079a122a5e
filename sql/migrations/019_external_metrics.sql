-- External metrics (cgi/service/ext_metric.c): defined by an admin, their
-- data points pushed by other systems (POST /api/v1/metrics/<key>/points),
-- imported as CSV or typed in on the admin page. Read through the metric
-- registry by key (metric_key.c) like the built-in metrics.
CREATE TABLE ext_metrics (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  mkey        VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  name_zh     VARCHAR(100) NOT NULL,
  name_en     VARCHAR(100) NOT NULL,
  def_zh      VARCHAR(500) NOT NULL DEFAULT '',
  def_en      VARCHAR(500) NOT NULL DEFAULT '',
  unit        ENUM('count','percent','cny','minutes','hours','score','custom') NOT NULL,
  unit_label  VARCHAR(20) NOT NULL DEFAULT '',     -- the free unit of 'custom'
  better      TINYINT NOT NULL DEFAULT 0,          -- +1 higher is better, -1 lower, 0 neither
  agg         ENUM('sum','avg','last') NOT NULL,
  dim_category TINYINT(1) NOT NULL DEFAULT 0,      -- points may carry a category
  dim_team     TINYINT(1) NOT NULL DEFAULT 0,
  dim_channel  TINYINT(1) NOT NULL DEFAULT 0,
  active      TINYINT(1) NOT NULL DEFAULT 1,
  created_at  DATETIME NOT NULL,
  updated_at  DATETIME NOT NULL,
  UNIQUE KEY uk_ext_metrics_key (mkey)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One value per metric, moment (UTC epoch seconds) and dimensions (0 / ''
-- when a point does not carry that dimension). The same point sent again
-- changes nothing; another value replaces this one and is recorded below.
CREATE TABLE ext_metric_points (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  metric_id   BIGINT UNSIGNED NOT NULL,
  at          BIGINT NOT NULL,
  category_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  team_id     BIGINT UNSIGNED NOT NULL DEFAULT 0,
  channel     VARCHAR(20) CHARACTER SET ascii NOT NULL DEFAULT '',
  value       DOUBLE NOT NULL,
  updated_at  DATETIME NOT NULL,
  UNIQUE KEY uk_ext_points (metric_id, at, category_id, team_id, channel),
  CONSTRAINT fk_ext_points_metric FOREIGN KEY (metric_id) REFERENCES ext_metrics (id)
) ENGINE=InnoDB;

-- Every correction of a point: append-only (triggers refuse UPDATE/DELETE).
CREATE TABLE ext_metric_point_history (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  point_id    BIGINT UNSIGNED NOT NULL,
  old_value   DOUBLE NOT NULL,
  new_value   DOUBLE NOT NULL,
  source      ENUM('api','csv','manual','cli') NOT NULL,
  api_key_id  BIGINT UNSIGNED NULL,
  user_id     BIGINT UNSIGNED NULL,
  at          DATETIME NOT NULL,
  KEY ix_ext_history_point (point_id, id),
  CONSTRAINT fk_ext_history_point FOREIGN KEY (point_id) REFERENCES ext_metric_points (id)
) ENGINE=InnoDB;

CREATE TRIGGER ext_metric_point_history_no_update BEFORE UPDATE ON ext_metric_point_history
  FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ext_metric_point_history is append-only';
CREATE TRIGGER ext_metric_point_history_no_delete BEFORE DELETE ON ext_metric_point_history
  FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ext_metric_point_history is append-only';

-- A CSV file uploaded on the admin page, kept for its preview until the
-- admin confirms it (then its points are stored and done_at is set).
-- Nothing of it reaches ext_metric_points before the confirmation.
CREATE TABLE ext_metric_imports (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  metric_id   BIGINT UNSIGNED NOT NULL,
  user_id     BIGINT UNSIGNED NOT NULL,
  filename    VARCHAR(255) NOT NULL,
  body        MEDIUMBLOB NOT NULL,
  created_at  DATETIME NOT NULL,
  done_at     DATETIME NULL,
  KEY ix_ext_imports_metric (metric_id, id),
  CONSTRAINT fk_ext_imports_metric FOREIGN KEY (metric_id) REFERENCES ext_metrics (id)
) ENGINE=InnoDB;
