-- The part picker of a ticket (cgi/desk/parts_picker.c) is drawn from the
-- active parts, the categories they fit, the active stock locations and
-- the stock. Each desk worker keeps a copy of those four lists with this
-- number, read in the ticket page's own statement; any insert, update or
-- delete of their rows bumps it, whoever makes it (the parts and stock
-- pages, a part used on a ticket, sl-cli, SQL by hand), and the next
-- picker of every worker reads them again. (Rows deleted by a cascade fire
-- no trigger; the delete of the part or location that caused it does.)
INSERT INTO settings (name, value) VALUES ('parts_version', '1')
  ON DUPLICATE KEY UPDATE value = value;

CREATE TRIGGER parts_version_ins AFTER INSERT ON parts FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'parts_version';
CREATE TRIGGER parts_version_upd AFTER UPDATE ON parts FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'parts_version';
CREATE TRIGGER parts_version_del AFTER DELETE ON parts FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'parts_version';

CREATE TRIGGER part_categories_version_ins AFTER INSERT ON part_categories FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'parts_version';
CREATE TRIGGER part_categories_version_upd AFTER UPDATE ON part_categories FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'parts_version';
CREATE TRIGGER part_categories_version_del AFTER DELETE ON part_categories FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'parts_version';

CREATE TRIGGER stock_locations_version_ins AFTER INSERT ON stock_locations FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'parts_version';
CREATE TRIGGER stock_locations_version_upd AFTER UPDATE ON stock_locations FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'parts_version';
CREATE TRIGGER stock_locations_version_del AFTER DELETE ON stock_locations FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'parts_version';

CREATE TRIGGER part_stock_version_ins AFTER INSERT ON part_stock FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'parts_version';
CREATE TRIGGER part_stock_version_upd AFTER UPDATE ON part_stock FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'parts_version';
CREATE TRIGGER part_stock_version_del AFTER DELETE ON part_stock FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'parts_version';
