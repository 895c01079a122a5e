-- Field work: the visit window agreed with the customer, the completion of
-- the job on site (resolution note, photo of the repaired unit, the
-- customer's signature) and the customer's own confirmation from the
-- tracking page when nobody signed.

-- The appointment (UTC, like every time; shown in local time). Both or none.
-- completed_at: the latest completion on site; customer_confirmed_at: when
-- the customer confirmed the repair, by signature on the technician's phone
-- or by the button of the tracking page (confirmed_by says which), once.
ALTER TABLE tickets
  ADD COLUMN appt_start            DATETIME NULL AFTER rated_at,
  ADD COLUMN appt_end              DATETIME NULL AFTER appt_start,
  ADD COLUMN resolution_note       TEXT NULL AFTER appt_end,
  ADD COLUMN completed_at          DATETIME NULL AFTER resolution_note,
  ADD COLUMN customer_confirmed_at DATETIME NULL AFTER completed_at,
  ADD COLUMN confirmed_by          ENUM('signature','customer') NULL AFTER customer_confirmed_at,
  ADD KEY ix_tickets_assignee_appt (assignee_id, appt_start);

-- What an attachment is: a photo (the customer's or staff's), the photo of
-- the repaired unit, or the customer's signature (a PNG, never shown on the
-- tracking page or counted among the photos).
ALTER TABLE attachments
  ADD COLUMN kind ENUM('photo','completion','signature') NOT NULL DEFAULT 'photo' AFTER event_id;

-- New event kinds (appended: existing rows keep their values).
ALTER TABLE ticket_events
  MODIFY kind ENUM('created','status','assigned','reply','note','visit','priority',
                   'customer_reply','sla','appointment','completion','confirmed') NOT NULL;
