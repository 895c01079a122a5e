-- Each worker keeps the notification rules (which enabled channel takes
-- which event) with this number, read in the statement that starts a new
-- ticket; any insert, update or delete of a rule or a channel bumps it,
-- whoever makes it (the admin pages, sl-cli, SQL by hand), and the next
-- new ticket in every worker reads the rules again.
INSERT INTO settings (name, value) VALUES ('notify_rules_version', '1')
  ON DUPLICATE KEY UPDATE value = value;

CREATE TRIGGER notify_rules_version_ins AFTER INSERT ON notify_rules FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'notify_rules_version';
CREATE TRIGGER notify_rules_version_upd AFTER UPDATE ON notify_rules FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'notify_rules_version';
CREATE TRIGGER notify_rules_version_del AFTER DELETE ON notify_rules FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'notify_rules_version';
CREATE TRIGGER notify_channels_version_ins AFTER INSERT ON notify_channels FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'notify_rules_version';
CREATE TRIGGER notify_channels_version_upd AFTER UPDATE ON notify_channels FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'notify_rules_version';
CREATE TRIGGER notify_channels_version_del AFTER DELETE ON notify_channels FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'notify_rules_version';
