-- What the desk's ticket page (cgi/desk/ticket_page.c) need not compute on
-- every view.
--
-- 1. The knowledge-base suggestion of a ticket (cgi/desk/kb_ticket.c): the
--    FULLTEXT match of the ticket's text against the published articles,
--    stored per ticket with what it was computed from: the version of the
--    articles (kb_version below), the ticket's category and the search
--    query made of its product and description. The ticket query reads the
--    stored row with the ticket; the page uses it only when all three are
--    still the same, else it matches again and stores the new result. Any
--    change to an article (created, edited, published or withdrawn, a
--    helpful vote: all of them change what a match shows or its order)
--    bumps kb_version in the same transaction, whoever makes it; an edited
--    ticket text or category gives another query or category.
INSERT INTO settings (name, value) VALUES ('kb_version', '1')
  ON DUPLICATE KEY UPDATE value = value;

CREATE TRIGGER kb_articles_version_ins AFTER INSERT ON kb_articles FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'kb_version';
CREATE TRIGGER kb_articles_version_upd AFTER UPDATE ON kb_articles FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'kb_version';
CREATE TRIGGER kb_articles_version_del AFTER DELETE ON kb_articles FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'kb_version';

-- matches: the articles best first, each "<id> <kind> <yes> <no> <bytes>:<title>"
-- (kb_ticket.c writes and reads it); '' when nothing matched.
CREATE TABLE ticket_kb_matches (
  ticket_id    BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  kb_version   BIGINT UNSIGNED NOT NULL,
  category_id  BIGINT UNSIGNED NOT NULL,
  query        TEXT CHARACTER SET ascii NOT NULL,
  matches      TEXT NOT NULL,
  CONSTRAINT fk_ticket_kb_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 2. The canned replies offered in the reply card (cgi/desk/ticket_compose.c),
--    kept by each desk worker while canned_version, read with the ticket,
--    stays the same: any change of canned_replies bumps it.
INSERT INTO settings (name, value) VALUES ('canned_version', '1')
  ON DUPLICATE KEY UPDATE value = value;

CREATE TRIGGER canned_replies_version_ins AFTER INSERT ON canned_replies FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'canned_version';
CREATE TRIGGER canned_replies_version_upd AFTER UPDATE ON canned_replies FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'canned_version';
CREATE TRIGGER canned_replies_version_del AFTER DELETE ON canned_replies FOR EACH ROW
  UPDATE settings SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'canned_version';
