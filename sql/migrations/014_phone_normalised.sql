-- Phone numbers are stored in the canonical form of cgi/core/phone.c (the
-- rule is written out in phone.h): a mobile as its 11 digits
-- (13800138000), a landline as AREA-NUMBER (010-12345678, 0755-88886666).
-- This brings the rows stored before into that form where it can: after
-- taking out spaces, '-', '(' and ')',
--   mobile    [+86 | 0086 | 86] 1[3-9] + 9 digits        -> the 11 digits
--   landline  0 + area code + 7-8 digit number            -> 0AREA-NUMBER
--             +86 | 0086, [0], area code, 7-8 digits      -> 0AREA-NUMBER
-- (area code 10 or 2x, or three digits starting 3-9; the number does not
-- start with 0). Rows that do not read so (extensions, letters, too few
-- digits, foreign numbers) stay as they were. A ticket whose phone
-- changes also gets the tokens of the new form in search_text (as
-- search_tokens() makes them: "aa13800138000", "aa010 aa12345678"), so the
-- queue finds it by any spelling. Re-running changes nothing.
--
-- The rows already in canonical form are skipped by the first REGEXP: at
-- 1M generated tickets (all canonical) the migration reads the table once.

CREATE TEMPORARY TABLE phone_fix (
  id    BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  canon VARCHAR(32) CHARACTER SET ascii NOT NULL
);

-- s: the phone without separators.
INSERT INTO phone_fix (id, canon)
SELECT id, canon FROM (
  SELECT id, phone, CASE
    WHEN s REGEXP '^(\\+86|0086|86)?1[3-9][0-9]{9}$' THEN RIGHT(s, 11)
    WHEN s REGEXP '^0(10|2[0-9]|[3-9][0-9]{2})[1-9][0-9]{6,7}$'
      THEN REGEXP_REPLACE(s, '^0(10|2[0-9]|[3-9][0-9]{2})([1-9][0-9]{6,7})$', '0\\1-\\2')
    WHEN s REGEXP '^(\\+86|0086)0?(10|2[0-9]|[3-9][0-9]{2})[1-9][0-9]{6,7}$'
      THEN REGEXP_REPLACE(s, '^(\\+86|0086)0?(10|2[0-9]|[3-9][0-9]{2})([1-9][0-9]{6,7})$',
                          '0\\2-\\3')
    END AS canon
  FROM (
    SELECT id, phone, REGEXP_REPLACE(phone, '[ ()\\t-]|\\x{3000}', '') AS s
    FROM tickets
    WHERE phone NOT REGEXP '^(1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-[1-9][0-9]{6,7}(-[0-9]{1,6})?)$'
  ) raw
) c
WHERE canon IS NOT NULL AND canon <> phone;

UPDATE tickets t JOIN phone_fix f ON f.id = t.id
SET t.search_text = CONCAT(t.search_text, ' aa', REPLACE(f.canon, '-', ' aa')),
    t.phone = f.canon;

-- The customers of maintenance plans and staff accounts: the same forms.
UPDATE customer_assets a JOIN (
  SELECT id, CASE
    WHEN s REGEXP '^(\\+86|0086|86)?1[3-9][0-9]{9}$' THEN RIGHT(s, 11)
    WHEN s REGEXP '^0(10|2[0-9]|[3-9][0-9]{2})[1-9][0-9]{6,7}$'
      THEN REGEXP_REPLACE(s, '^0(10|2[0-9]|[3-9][0-9]{2})([1-9][0-9]{6,7})$', '0\\1-\\2')
    WHEN s REGEXP '^(\\+86|0086)0?(10|2[0-9]|[3-9][0-9]{2})[1-9][0-9]{6,7}$'
      THEN REGEXP_REPLACE(s, '^(\\+86|0086)0?(10|2[0-9]|[3-9][0-9]{2})([1-9][0-9]{6,7})$',
                          '0\\2-\\3')
    END AS canon
  FROM (SELECT id, REGEXP_REPLACE(phone, '[ ()\\t-]|\\x{3000}', '') AS s FROM customer_assets) raw
) c ON c.id = a.id
SET a.phone = c.canon
WHERE c.canon IS NOT NULL AND c.canon <> a.phone;

UPDATE users u JOIN (
  SELECT id, CASE
    WHEN s REGEXP '^(\\+86|0086|86)?1[3-9][0-9]{9}$' THEN RIGHT(s, 11)
    WHEN s REGEXP '^0(10|2[0-9]|[3-9][0-9]{2})[1-9][0-9]{6,7}$'
      THEN REGEXP_REPLACE(s, '^0(10|2[0-9]|[3-9][0-9]{2})([1-9][0-9]{6,7})$', '0\\1-\\2')
    WHEN s REGEXP '^(\\+86|0086)0?(10|2[0-9]|[3-9][0-9]{2})[1-9][0-9]{6,7}$'
      THEN REGEXP_REPLACE(s, '^(\\+86|0086)0?(10|2[0-9]|[3-9][0-9]{2})([1-9][0-9]{6,7})$',
                          '0\\2-\\3')
    END AS canon
  FROM (SELECT id, REGEXP_REPLACE(phone, '[ ()\\t-]|\\x{3000}', '') AS s FROM users
        WHERE phone <> '') raw
) c ON c.id = u.id
SET u.phone = c.canon
WHERE c.canon IS NOT NULL AND c.canon <> u.phone;

DROP TEMPORARY TABLE phone_fix;
