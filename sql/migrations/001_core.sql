-- Staff, teams, sessions and login throttling.
CREATE TABLE teams (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  region      VARCHAR(100) NOT NULL DEFAULT '',
  created_at  DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  UNIQUE KEY uk_teams_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE users (
  id             BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  login          VARCHAR(64) NOT NULL,
  name           VARCHAR(100) NOT NULL,
  email          VARCHAR(254) NOT NULL DEFAULT '',
  phone          VARCHAR(32) NOT NULL DEFAULT '',
  role           ENUM('viewer','technician','agent','supervisor','admin') NOT NULL,
  team_id        BIGINT UNSIGNED NULL,
  lang           VARCHAR(8) NOT NULL DEFAULT '',
  password_hash  VARCHAR(128) NOT NULL,
  active         TINYINT(1) NOT NULL DEFAULT 1,
  created_at     DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  UNIQUE KEY uk_users_login (login),
  KEY ix_users_team (team_id),
  CONSTRAINT fk_users_team FOREIGN KEY (team_id) REFERENCES teams (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sessions (
  token_hash  CHAR(64) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  user_id     BIGINT UNSIGNED NOT NULL,
  created_at  DATETIME NOT NULL,
  expires_at  DATETIME NOT NULL,
  addr        VARCHAR(64) NOT NULL DEFAULT '',
  KEY ix_sessions_user (user_id, expires_at),
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- One row per failed sign-in; counted over a window for throttling.
CREATE TABLE login_failures (
  id       BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  login    VARCHAR(64) NOT NULL,
  addr     VARCHAR(64) NOT NULL,
  at       DATETIME NOT NULL,
  KEY ix_lf_login (login, at),
  KEY ix_lf_addr (addr, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
