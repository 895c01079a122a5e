-- The queue's "complaint warnings only" view sorted by due time walks this
-- index per status instead of sorting every flagged ticket.
ALTER TABLE tickets ADD KEY ix_tickets_flagged_due (flagged, status, resolve_due);
