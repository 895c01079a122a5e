-- The version of the staff lists the desk workers keep between requests
-- (the assignee and team options of the ticket page, cgi/desk/ticket_page.c
-- with cgi/core/db_cache.h). The ticket query reads this number with the
-- ticket (no extra round trip); any change to the rows the lists show
-- bumps it, whoever makes the change (admin pages, sl-cli, SQL), and each
-- worker reads the lists again on its next ticket page.
INSERT INTO settings (name, value) VALUES ('staff_lists_version', '1')
  ON DUPLICATE KEY UPDATE value = value;

CREATE TRIGGER users_staff_lists_ins AFTER INSERT ON users FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'staff_lists_version';
-- A sign-in, a language or password change does not bump it.
CREATE TRIGGER users_staff_lists_upd AFTER UPDATE ON users FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1
   WHERE name = 'staff_lists_version'
     AND NOT (OLD.name <=> NEW.name AND OLD.role <=> NEW.role AND OLD.active <=> NEW.active);
CREATE TRIGGER users_staff_lists_del AFTER DELETE ON users FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'staff_lists_version';
CREATE TRIGGER teams_staff_lists_ins AFTER INSERT ON teams FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'staff_lists_version';
CREATE TRIGGER teams_staff_lists_upd AFTER UPDATE ON teams FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'staff_lists_version';
CREATE TRIGGER teams_staff_lists_del AFTER DELETE ON teams FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'staff_lists_version';
