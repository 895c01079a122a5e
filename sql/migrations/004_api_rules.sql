-- API keys for other channels, and complaint early-warning keyword rules.
CREATE TABLE api_keys (
  id            BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  name          VARCHAR(100) NOT NULL,
  key_prefix    CHAR(8) CHARACTER SET ascii NOT NULL,
  key_hash      CHAR(64) CHARACTER SET ascii NOT NULL,
  active        TINYINT(1) NOT NULL DEFAULT 1,
  created_by    BIGINT UNSIGNED NULL,
  created_at    DATETIME NOT NULL,
  last_used_at  DATETIME NULL,
  UNIQUE KEY uk_api_keys_hash (key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE tickets ADD COLUMN api_key_id BIGINT UNSIGNED NULL AFTER created_by,
  ADD KEY ix_tickets_api_key (api_key_id, id),
  ADD COLUMN flagged TINYINT(1) NOT NULL DEFAULT 0 AFTER priority,
  ADD KEY ix_tickets_flagged (flagged, status, id);

-- A rule matches when its phrase occurs in the text (case-insensitive).
CREATE TABLE keyword_rules (
  id              BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  phrase          VARCHAR(100) NOT NULL,
  raise_priority  ENUM('low','normal','high','urgent') NULL,
  active          TINYINT(1) NOT NULL DEFAULT 1,
  created_at      DATETIME NOT NULL,
  UNIQUE KEY uk_keyword_rules_phrase (phrase)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which rule flagged which ticket, from which text.
CREATE TABLE ticket_flags (
  id        BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id BIGINT UNSIGNED NOT NULL,
  rule_id   BIGINT UNSIGNED NOT NULL,
  source    ENUM('ticket','reply','survey') NOT NULL,
  at        DATETIME NOT NULL,
  KEY ix_flags_ticket (ticket_id),
  KEY ix_flags_at (at),
  CONSTRAINT fk_flags_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_flags_rule FOREIGN KEY (rule_id) REFERENCES keyword_rules (id)
) ENGINE=InnoDB;

INSERT INTO keyword_rules (phrase, raise_priority, created_at) VALUES
  ('投诉', 'high', UTC_TIMESTAMP()),
  ('12315', 'urgent', UTC_TIMESTAMP()),
  ('媒体', 'high', UTC_TIMESTAMP()),
  ('律师', 'urgent', UTC_TIMESTAMP()),
  ('退货', NULL, UTC_TIMESTAMP()),
  ('漏电', 'urgent', UTC_TIMESTAMP()),
  ('冒烟', 'urgent', UTC_TIMESTAMP());
