-- Ticket milestones: when a ticket was first accepted, first dispatched to a
-- technician, first visited (arrival), first resolved and rated. Each is set
-- by cgi/service/ticket.c in the same transaction as the event that causes it
-- and never moves again: a reopened ticket keeps its first milestones
-- (resolved_at, by contrast, is the latest resolution and is cleared on
-- reopening). The stage metrics (time to accept, to dispatch, to arrival ...)
-- read these columns.
ALTER TABLE tickets
  ADD COLUMN accepted_at       DATETIME NULL AFTER first_response_at,
  ADD COLUMN dispatched_at     DATETIME NULL AFTER accepted_at,
  ADD COLUMN arrived_at        DATETIME NULL AFTER dispatched_at,
  ADD COLUMN first_resolved_at DATETIME NULL AFTER arrived_at,
  ADD COLUMN rated_at          DATETIME NULL AFTER first_resolved_at;

-- Backfill from the history. Accepted: the first change to "accepted" or the
-- first assignment (an assignment accepts the ticket).
UPDATE tickets t JOIN (
    SELECT ticket_id, MIN(at) AS at FROM ticket_events
    WHERE (kind = 'status' AND to_status = 'accepted') OR kind = 'assigned'
    GROUP BY ticket_id) e ON e.ticket_id = t.id
SET t.accepted_at = e.at;

-- Dispatched: the first assignment whose recorded name is a technician's
-- (the event keeps the assignee's name, or the team's for a team only).
UPDATE tickets t JOIN (
    SELECT e.ticket_id, MIN(e.at) AS at FROM ticket_events e
    JOIN users u ON u.name = e.body AND u.role = 'technician'
    WHERE e.kind = 'assigned'
    GROUP BY e.ticket_id) e ON e.ticket_id = t.id
SET t.dispatched_at = e.at;

UPDATE tickets t JOIN (
    SELECT ticket_id, MIN(arrived_at) AS at FROM visits GROUP BY ticket_id) v
    ON v.ticket_id = t.id
SET t.arrived_at = v.at;

UPDATE tickets t JOIN (
    SELECT ticket_id, MIN(at) AS at FROM ticket_events
    WHERE kind = 'status' AND to_status = 'resolved'
    GROUP BY ticket_id) e ON e.ticket_id = t.id
SET t.first_resolved_at = e.at;

UPDATE tickets t JOIN surveys s ON s.ticket_id = t.id SET t.rated_at = s.created_at;
