-- The pre-aggregate slices tickets by their current assignee too, so every
-- registry metric can be broken down by technician (the KPI tree's
-- technician level). A change of assignee touches the ticket (updated_at),
-- so the refresh rebuilds its days like any other change.
ALTER TABLE metric_daily
  ADD COLUMN IF NOT EXISTS assignee_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER channel,
  DROP PRIMARY KEY, ADD PRIMARY KEY (day, category_id, team_id, channel, assignee_id);
ALTER TABLE metric_hist
  ADD COLUMN IF NOT EXISTS assignee_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER channel,
  DROP PRIMARY KEY, ADD PRIMARY KEY (day, category_id, team_id, channel, assignee_id, bucket);
ALTER TABLE metric_daily_all
  ADD COLUMN IF NOT EXISTS assignee_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER channel,
  DROP PRIMARY KEY, ADD PRIMARY KEY (day, category_id, team_id, channel, assignee_id);
ALTER TABLE metric_hist_all
  ADD COLUMN IF NOT EXISTS assignee_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER channel,
  DROP PRIMARY KEY, ADD PRIMARY KEY (day, category_id, team_id, channel, assignee_id, bucket);

-- The sums so far have no assignee: build them anew (the readers do it in
-- steps, showing how far it is; `sl-cli metrics-rebuild` does it at once).
UPDATE metric_state SET refreshed_at = NULL, build_started = NULL, build_next_id = NULL,
  generation = generation + 1 WHERE id = 1;
