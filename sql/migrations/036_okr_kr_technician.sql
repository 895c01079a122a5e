-- A key result bound to a metric may count one technician's tickets (the
-- tickets whose current assignee is that user), like a team's or a
-- category's: the KPI tree's technician nodes become such key results.
ALTER TABLE okr_krs
  ADD COLUMN IF NOT EXISTS f_assignee_id BIGINT UNSIGNED NULL AFTER f_channel,
  ADD CONSTRAINT fk_okr_krs_assignee FOREIGN KEY (f_assignee_id) REFERENCES users (id);
