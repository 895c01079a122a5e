-- Canned replies: texts an admin keeps for the desk's replies
-- (/admin/canned), inserted into the reply box of a ticket with the
-- placeholders filled in (cgi/service/canned.c): {客户} / {customer} the
-- customer's name, {工单号} / {ticket} the ticket number. Switched off,
-- never deleted, like keyword rules.
CREATE TABLE canned_replies (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title       VARCHAR(100) NOT NULL,
  body        TEXT NOT NULL,
  active      TINYINT(1) NOT NULL DEFAULT 1,
  created_at  DATETIME NOT NULL,
  updated_at  DATETIME NOT NULL,
  UNIQUE KEY uq_canned_title (title)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Two to start with; the admin edits or switches them off.
INSERT INTO canned_replies (title, body, active, created_at, updated_at) VALUES
  ('已受理', '{客户}您好，您的报修（工单号 {工单号}）已受理，我们会尽快安排师傅与您联系。', 1,
   UTC_TIMESTAMP(), UTC_TIMESTAMP()),
  ('预约上门', '{客户}您好，工单 {工单号} 的师傅将按预约时间上门，请保持电话畅通。', 1,
   UTC_TIMESTAMP(), UTC_TIMESTAMP());
