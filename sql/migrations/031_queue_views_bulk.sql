-- The queue's comforts: the walk-in channel, the "customer replied"
-- marker, saved views per user, and the version of the filter lists that
-- the desk workers cache.

-- Walk-in (到店): a customer at the service counter, entered by staff at
-- /desk/new. Appending an ENUM value at the end is an instant change.
ALTER TABLE tickets
  MODIFY channel ENUM('web','phone','wechat','api','plan','walkin') NOT NULL;

-- 1 while the last message on the ticket is the customer's (a reply from
-- the tracking page) and no public staff reply has followed: set and
-- cleared by cgi/service/ticket.c in the transaction that writes the
-- message (not by a trigger on ticket_events: a trigger that updates
-- tickets would refuse every INSERT ... SELECT FROM tickets into the
-- events). Open ones per status are a range of ix_tickets_replied.
ALTER TABLE tickets
  ADD COLUMN customer_replied TINYINT(1) NOT NULL DEFAULT 0,
  ADD KEY ix_tickets_replied (customer_replied, status, id);

UPDATE tickets t
  JOIN (SELECT ticket_id, MAX(id) AS last_id FROM ticket_events
         WHERE kind IN ('customer_reply', 'reply') GROUP BY ticket_id) m ON m.ticket_id = t.id
  JOIN ticket_events e ON e.id = m.last_id
   SET t.customer_replied = 1
 WHERE e.kind = 'customer_reply';

-- A user's saved queue views: a name and the queue's query string (the
-- filters, validated by the queue before it is stored). Nobody else sees
-- or deletes them.
CREATE TABLE saved_views (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  user_id     BIGINT UNSIGNED NOT NULL,
  name        VARCHAR(60) NOT NULL,
  query       VARCHAR(1000) NOT NULL,
  created_at  DATETIME NOT NULL,
  UNIQUE KEY uk_saved_views_name (user_id, name),
  CONSTRAINT fk_saved_views_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The queue's filter lists (categories, teams, active technicians) are
-- cached by each desk worker with this number; any change to the rows they
-- show bumps it, whoever makes the change (admin pages, sl-cli, SQL), and
-- the next queue request of every worker reads the lists again.
INSERT INTO settings (name, value) VALUES ('desk_lists_version', '1')
  ON DUPLICATE KEY UPDATE value = value;

CREATE TRIGGER categories_lists_ins AFTER INSERT ON categories FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'desk_lists_version';
CREATE TRIGGER categories_lists_upd AFTER UPDATE ON categories FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'desk_lists_version';
CREATE TRIGGER categories_lists_del AFTER DELETE ON categories FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'desk_lists_version';
CREATE TRIGGER teams_lists_ins AFTER INSERT ON teams FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'desk_lists_version';
CREATE TRIGGER teams_lists_upd AFTER UPDATE ON teams FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'desk_lists_version';
CREATE TRIGGER teams_lists_del AFTER DELETE ON teams FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'desk_lists_version';
-- Users: only what the technician list shows (a sign-in or a password
-- change does not bump it).
CREATE TRIGGER users_lists_ins AFTER INSERT ON users FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1
   WHERE name = 'desk_lists_version' AND NEW.role = 'technician';
CREATE TRIGGER users_lists_upd AFTER UPDATE ON users FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1
   WHERE name = 'desk_lists_version'
     AND NOT (OLD.name <=> NEW.name AND OLD.role <=> NEW.role AND OLD.active <=> NEW.active);
CREATE TRIGGER users_lists_del AFTER DELETE ON users FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1
   WHERE name = 'desk_lists_version' AND OLD.role = 'technician';
