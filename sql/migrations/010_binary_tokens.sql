-- Idempotency tokens and tracking codes compare byte for byte: an API
-- external id "abC1" is not "ABc1" (ascii_general_ci would say it is).
ALTER TABLE tickets
  MODIFY form_token VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
  MODIFY track_code CHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
ALTER TABLE kb_articles
  MODIFY form_token CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL;
ALTER TABLE maintenance_plans
  MODIFY form_token CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL;
