-- Notifications through a durable outbox (README "Notifications").
--
-- notify_outbox: one row per message to send, written in the transaction of
-- the ticket event that causes it (cgi/service/outbox.c) and sent by
-- sl-notify. idem_key is unique: the same event never queues the same
-- message twice, and it goes to the receiving system with every attempt so
-- a retry after a crash is recognised there. A sender claims a due row by
-- setting claimed_by/claimed_until (a lease): a sender that dies leaves the
-- row to be claimed again when the lease has run out.
CREATE TABLE notify_outbox (
  id               BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  idem_key         VARCHAR(128) CHARACTER SET ascii NOT NULL,
  event            VARCHAR(32) CHARACTER SET ascii NOT NULL,
  ticket_id        BIGINT UNSIGNED NULL,
  event_id         BIGINT UNSIGNED NULL,
  recipient_kind   ENUM('customer','staff','group') NOT NULL,
  recipient_user   BIGINT UNSIGNED NULL,
  address          VARCHAR(254) NOT NULL DEFAULT '',
  channel          VARCHAR(16) CHARACTER SET ascii NOT NULL,
  lang             VARCHAR(8) CHARACTER SET ascii NOT NULL DEFAULT 'zh-CN',
  -- the values of the message (the text is rendered when it is sent)
  p_number         VARCHAR(32) NOT NULL DEFAULT '',
  p_customer       VARCHAR(100) NOT NULL DEFAULT '',
  p_code           VARCHAR(32) CHARACTER SET ascii NOT NULL DEFAULT '',
  p_staff          VARCHAR(100) NOT NULL DEFAULT '',
  p_window         VARCHAR(64) NOT NULL DEFAULT '',
  p_text           VARCHAR(1000) NOT NULL DEFAULT '',
  status           ENUM('queued','sending','sent','failed') NOT NULL DEFAULT 'queued',
  attempts         INT UNSIGNED NOT NULL DEFAULT 0,
  next_attempt_at  DATETIME NOT NULL,
  claimed_by       VARCHAR(64) CHARACTER SET ascii NULL,
  claimed_until    DATETIME NULL,
  last_error       VARCHAR(500) NOT NULL DEFAULT '',
  created_at       DATETIME NOT NULL,
  sent_at          DATETIME NULL,
  UNIQUE KEY uk_outbox_idem (idem_key),
  KEY ix_outbox_due (status, next_attempt_at),
  KEY ix_outbox_ticket (ticket_id),
  KEY ix_outbox_claim (claimed_by),
  KEY ix_outbox_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per channel, edited on /admin/notify. url: the endpoint (robot
-- webhook, generic webhook, SMS adapter) or for e-mail the relay
-- (smtp://host:port or smtps://host:port). secret: the HMAC key of the
-- signature (webhook, 钉钉, 飞书, SMS). text_limit: longest SMS text in
-- characters (300: a long SMS of a few segments; 70 keeps one segment).
-- A disabled channel queues nothing.
CREATE TABLE notify_channels (
  kind          VARCHAR(16) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  enabled       TINYINT(1) NOT NULL DEFAULT 0,
  url           VARCHAR(500) NOT NULL DEFAULT '',
  secret        VARCHAR(200) NOT NULL DEFAULT '',
  username      VARCHAR(200) NOT NULL DEFAULT '',
  password      VARCHAR(200) NOT NULL DEFAULT '',
  from_addr     VARCHAR(254) NOT NULL DEFAULT '',
  reply_to      VARCHAR(254) NOT NULL DEFAULT '',
  starttls      TINYINT(1) NOT NULL DEFAULT 0,
  text_limit    INT UNSIGNED NOT NULL DEFAULT 300,
  test_result   VARCHAR(500) NOT NULL DEFAULT '',
  test_at       DATETIME NULL,
  updated_at    DATETIME NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO notify_channels (kind) VALUES
  ('webhook'), ('wecom'), ('dingtalk'), ('feishu'), ('sms'), ('email');

-- Who gets what: a row sends EVENT on CHANNEL. Customer events go to the
-- customer's phone (sms) or address (email), staff events to the staff
-- member's; robots and the webhook post to their group.
CREATE TABLE notify_rules (
  event    VARCHAR(32) CHARACTER SET ascii NOT NULL,
  channel  VARCHAR(16) CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (event, channel),
  CONSTRAINT fk_notify_rules_channel FOREIGN KEY (channel) REFERENCES notify_channels (kind)
) ENGINE=InnoDB;

INSERT INTO notify_rules (event, channel) VALUES
  ('dispatched', 'sms'), ('resolved', 'sms'), ('assigned', 'wecom'),
  ('created', 'email'), ('dispatched', 'email'), ('resolved', 'email'), ('reply', 'email');

-- Customers who asked for no more messages: for one ticket (from its
-- tracking page) or for a phone number (every ticket of it).
CREATE TABLE notify_optouts (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id   BIGINT UNSIGNED NULL,
  phone       VARCHAR(32) NULL,
  created_at  DATETIME NOT NULL,
  UNIQUE KEY uk_optout_ticket (ticket_id),
  UNIQUE KEY uk_optout_phone (phone)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
