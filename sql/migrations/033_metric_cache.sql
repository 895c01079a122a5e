-- The metric readers of each worker keep what they read (cgi/service/
-- metric_cache.h). generation names the pre-aggregate's content: every
-- refresh step bumps it, so a worker's copy of metric_daily sums is used
-- only while nothing refreshed them.
ALTER TABLE metric_state
  ADD COLUMN IF NOT EXISTS generation BIGINT UNSIGNED NOT NULL DEFAULT 0;

-- Today's figures and the tickets open now are read live from the tickets;
-- a worker may reuse such a read for this many seconds (0: every page
-- reads them anew).
INSERT IGNORE INTO settings (name, value) VALUES ('metric_live_secs', '10');
