-- Which records a ticket may have, for the desk's ticket page
-- (cgi/desk/ticket_page.c): its cards read photos, visits, the survey, the
-- dispatch decision and the parts used only when the ticket has any (most
-- tickets have none). One row per ticket that has had any, instead of five
-- EXISTS subqueries in the ticket query on every view.
--
-- flags: 1 photos (attachments other than a signature), 2 visits,
-- 4 a survey, 8 a dispatch decision, 16 parts used. Triggers set the bit
-- in the transaction that inserts the record, whoever inserts it, so a
-- reader sees the record and its bit together. A bit is never cleared:
-- it means "read it" (a card whose records were deleted reads and finds
-- none, as before).
CREATE TABLE ticket_records (
  ticket_id  BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  flags      TINYINT UNSIGNED NOT NULL,
  CONSTRAINT fk_ticket_records_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
    ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TRIGGER attachments_records_ins AFTER INSERT ON attachments FOR EACH ROW
  INSERT INTO ticket_records (ticket_id, flags)
  SELECT NEW.ticket_id, 1 FROM DUAL WHERE NEW.kind <> 'signature'
  ON DUPLICATE KEY UPDATE flags = flags | 1;
CREATE TRIGGER attachments_records_upd AFTER UPDATE ON attachments FOR EACH ROW
  INSERT INTO ticket_records (ticket_id, flags)
  SELECT NEW.ticket_id, 1 FROM DUAL WHERE NEW.kind <> 'signature'
  ON DUPLICATE KEY UPDATE flags = flags | 1;
CREATE TRIGGER visits_records_ins AFTER INSERT ON visits FOR EACH ROW
  INSERT INTO ticket_records (ticket_id, flags) VALUES (NEW.ticket_id, 2)
  ON DUPLICATE KEY UPDATE flags = flags | 2;
CREATE TRIGGER visits_records_upd AFTER UPDATE ON visits FOR EACH ROW
  INSERT INTO ticket_records (ticket_id, flags) VALUES (NEW.ticket_id, 2)
  ON DUPLICATE KEY UPDATE flags = flags | 2;
CREATE TRIGGER surveys_records_ins AFTER INSERT ON surveys FOR EACH ROW
  INSERT INTO ticket_records (ticket_id, flags) VALUES (NEW.ticket_id, 4)
  ON DUPLICATE KEY UPDATE flags = flags | 4;
CREATE TRIGGER surveys_records_upd AFTER UPDATE ON surveys FOR EACH ROW
  INSERT INTO ticket_records (ticket_id, flags) VALUES (NEW.ticket_id, 4)
  ON DUPLICATE KEY UPDATE flags = flags | 4;
CREATE TRIGGER dispatch_candidates_records_ins AFTER INSERT ON dispatch_candidates FOR EACH ROW
  INSERT INTO ticket_records (ticket_id, flags) VALUES (NEW.ticket_id, 8)
  ON DUPLICATE KEY UPDATE flags = flags | 8;
CREATE TRIGGER ticket_parts_records_ins AFTER INSERT ON ticket_parts FOR EACH ROW
  INSERT INTO ticket_records (ticket_id, flags) VALUES (NEW.ticket_id, 16)
  ON DUPLICATE KEY UPDATE flags = flags | 16;
CREATE TRIGGER ticket_parts_records_upd AFTER UPDATE ON ticket_parts FOR EACH ROW
  INSERT INTO ticket_records (ticket_id, flags) VALUES (NEW.ticket_id, 16)
  ON DUPLICATE KEY UPDATE flags = flags | 16;

-- The records there are already.
INSERT INTO ticket_records (ticket_id, flags)
  SELECT x.ticket_id, BIT_OR(x.f) FROM (
    SELECT DISTINCT ticket_id, 1 AS f FROM attachments WHERE kind <> 'signature'
    UNION ALL SELECT DISTINCT ticket_id, 2 FROM visits
    UNION ALL SELECT DISTINCT ticket_id, 4 FROM surveys
    UNION ALL SELECT DISTINCT ticket_id, 8 FROM dispatch_candidates
    UNION ALL SELECT DISTINCT ticket_id, 16 FROM ticket_parts) x
  GROUP BY x.ticket_id;
