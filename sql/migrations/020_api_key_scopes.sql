-- What an API key may do: create tickets (every key made before scopes
-- existed keeps this), read metrics (BI tools), write points of external
-- metrics. Chosen by the admin when the key is created.
ALTER TABLE api_keys
  ADD COLUMN scopes SET('tickets','metrics_read','points_write') NOT NULL DEFAULT 'tickets'
  AFTER active;
