-- The saved queue views (migration 031) are kept by each desk worker with
-- this number, read in the queue's one key statement; any insert, update
-- or delete of a saved view bumps it, whoever makes it (the desk's forms,
-- sl-cli, SQL by hand), and the next queue request of every worker reads
-- that user's views again. (A user's views deleted by the cascade of
-- deleting the user fire no trigger: that user cannot sign in any more.)
INSERT INTO settings (name, value) VALUES ('saved_views_version', '1')
  ON DUPLICATE KEY UPDATE value = value;

CREATE TRIGGER saved_views_version_ins AFTER INSERT ON saved_views FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'saved_views_version';
CREATE TRIGGER saved_views_version_upd AFTER UPDATE ON saved_views FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'saved_views_version';
CREATE TRIGGER saved_views_version_del AFTER DELETE ON saved_views FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'saved_views_version';
