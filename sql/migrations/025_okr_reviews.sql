-- Reviews (复盘) of a closed cycle: closing freezes each key result's final
-- value and score and each objective's score (so later changes to tickets
-- or metric definitions never rewrite history), then every objective's
-- owner writes a retrospective: what worked, what did not, the standard to
-- keep (the A of PDCA).
ALTER TABLE okr_krs
  ADD COLUMN final_value DOUBLE NULL,
  ADD COLUMN final_has TINYINT(1) NULL,
  ADD COLUMN final_score DOUBLE NULL,
  ADD COLUMN final_status ENUM('no_data','on_track','at_risk','off_track') NULL;
ALTER TABLE okr_objectives
  ADD COLUMN final_score DOUBLE NULL,
  ADD COLUMN final_status ENUM('no_data','on_track','at_risk','off_track') NULL;

CREATE TABLE okr_reviews (
  objective_id  BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  worked        TEXT NOT NULL,
  not_worked    TEXT NOT NULL,
  standard      TEXT NOT NULL,
  author_id     BIGINT UNSIGNED NOT NULL,
  version       INT UNSIGNED NOT NULL DEFAULT 1,
  created_at    DATETIME NOT NULL,
  updated_at    DATETIME NOT NULL,
  CONSTRAINT fk_okr_reviews_objective FOREIGN KEY (objective_id) REFERENCES okr_objectives (id),
  CONSTRAINT fk_okr_reviews_author FOREIGN KEY (author_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
