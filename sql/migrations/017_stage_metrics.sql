-- Stage metrics (cgi/service/metrics.c): time to accept, to dispatch, to
-- arrival, on-site time, first-time fix, waiting for parts and for the
-- customer, survey response rate.

-- How long a ticket has waited in the two waiting statuses, summed over its
-- life (wall-clock seconds), and when its status last changed: added up by
-- cgi/service/ticket.c in the transaction that leaves the status.
ALTER TABLE tickets
  ADD COLUMN status_changed_at     DATETIME NULL AFTER rated_at,
  ADD COLUMN waiting_parts_secs    INT UNSIGNED NOT NULL DEFAULT 0 AFTER status_changed_at,
  ADD COLUMN waiting_customer_secs INT UNSIGNED NOT NULL DEFAULT 0 AFTER waiting_parts_secs,
  ADD KEY ix_tickets_accepted (accepted_at),
  ADD KEY ix_tickets_dispatched (dispatched_at),
  ADD KEY ix_tickets_arrived (arrived_at);
ALTER TABLE visits ADD KEY ix_visits_finished (finished_at);

-- Backfill from the status history: each status lasts until the next status
-- change of its ticket (a waiting status still current counts from then on).
UPDATE tickets t JOIN (
    SELECT ticket_id, MAX(at) AS at FROM ticket_events WHERE to_status IS NOT NULL
    GROUP BY ticket_id) e ON e.ticket_id = t.id
SET t.status_changed_at = e.at;
UPDATE tickets SET status_changed_at = created_at WHERE status_changed_at IS NULL;
UPDATE tickets t JOIN (
    SELECT ticket_id,
      SUM(IF(to_status = 'waiting_parts', GREATEST(0, TIMESTAMPDIFF(SECOND, at, nx)), 0)) AS wp,
      SUM(IF(to_status = 'waiting_customer', GREATEST(0, TIMESTAMPDIFF(SECOND, at, nx)), 0)) AS wc
    FROM (SELECT ticket_id, at, to_status,
            LEAD(at) OVER (PARTITION BY ticket_id ORDER BY id) AS nx
          FROM ticket_events WHERE to_status IS NOT NULL) x
    WHERE nx IS NOT NULL GROUP BY ticket_id) w ON w.ticket_id = t.id
SET t.waiting_parts_secs = w.wp, t.waiting_customer_secs = w.wc;

-- The stage sums per China-time day and slice, beside the others: anchors
-- accepted_at (acc_*), dispatched_at (disp_*), arrived_at (arr_*), a visit's
-- finish (onsite_*), and the resolution (ftf_*, rated_n, wparts_*, wcust_*).
ALTER TABLE metric_daily
  ADD COLUMN acc_n     INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN acc_s     BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN disp_n    INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN disp_s    BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN arr_n     INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN arr_s     BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN onsite_n  INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN onsite_s  BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN ftf_d     INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN ftf_n     INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN rated_n   INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN wparts_n  INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN wparts_s  BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN wcust_n   INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN wcust_s   BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_hist
  ADD COLUMN acc_n     INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN disp_n    INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN arr_n     INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN onsite_n  INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN wparts_n  INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN wcust_n   INT UNSIGNED NOT NULL DEFAULT 0;

-- The days summed so far lack the new columns: build them all again.
UPDATE metric_state SET refreshed_at = NULL, build_started = NULL, build_next_id = NULL
  WHERE id = 1;
