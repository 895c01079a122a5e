-- Sign-in compares logins byte for byte: under utf8mb4_unicode_ci "AGENT",
-- "ágent" and "agent " (PAD SPACE) all equalled "agent". utf8mb4_bin is
-- PAD SPACE too, so the exact collation is utf8mb4_nopad_bin.
-- Uniqueness stays as wide as before: login_folded (the login under the old
-- collation) is UNIQUE, so no account can be created that differs from an
-- existing one only by case, accents or trailing spaces ("Agent" next to
-- "agent" is refused as taken).
ALTER TABLE users
  MODIFY login VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
  ADD COLUMN login_folded VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci
    AS (login) VIRTUAL,
  ADD UNIQUE KEY uk_users_login_folded (login_folded);

-- Failed sign-ins count per exact login, per address and per device cookie
-- (the nonce of a valid sl_dev_ cookie; NULL for clients without one). The
-- rule is in cgi/core/login_guard.h. Rows older than the window count for
-- nothing; each failure deletes a few of them through ix_lf_at.
ALTER TABLE login_failures
  MODIFY login VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
  ADD COLUMN device CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD KEY ix_lf_device (device, at),
  ADD KEY ix_lf_at (at);
