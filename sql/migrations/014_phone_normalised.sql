-- Phone numbers are stored in the canonical form of cgi/core/phone.c (the
-- rule is written out in phone.h): a mobile as its 11 digits
-- (13800138000), a landline as AREA-NUMBER[-EXT] (010-12345678,
-- 0755-88886666-123). This brings the rows stored before into that form
-- where it can: after taking out spaces, tabs, '-', '(' and ')',
--   mobile    [+86 | 0086 | 86] 1[3-9] + 9 digits          -> the 11 digits
--   landline  [+86 | 0086] 0AREA NUMBER [mark EXT]          -> 0AREA-NUMBER[-EXT]
-- with AREA 10, 2x or three digits starting 3-9 (the 0 may be missing
-- after +86 / 0086), NUMBER 7-8 digits not starting with 0, mark one of
-- 转 分机 转分机 ext ext. x # and EXT 1-6 digits. Rows that do not read so
-- (letters, too few digits, foreign numbers) stay as they were. A ticket
-- whose phone changes also gets the tokens of the new form in search_text
-- (as search_tokens() makes them: "aa13800138000", "aa010 aa12345678"), so
-- the queue finds it by any spelling. Re-running changes nothing.
--
-- Only rows not already in canonical form are read into phone_old: at 1M
-- generated tickets (all canonical) the migration reads the table once
-- (3 s; 9 s while other work loaded the machine).

CREATE TEMPORARY TABLE phone_old (
  src    CHAR(1) NOT NULL,                 -- t tickets, a customer_assets, u users
  id     BIGINT UNSIGNED NOT NULL,
  phone  VARCHAR(32) NOT NULL,
  s      VARCHAR(64) NOT NULL,             -- phone without separators
  canon  VARCHAR(32) CHARACTER SET ascii NULL,
  PRIMARY KEY (src, id)
) DEFAULT CHARSET=utf8mb4;

INSERT INTO phone_old (src, id, phone, s)
SELECT 't', id, phone, REGEXP_REPLACE(phone, '[ ()\\t-]|\\x{3000}', '') FROM tickets
WHERE phone NOT REGEXP '^(1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-[1-9][0-9]{6,7}(-[0-9]{1,6})?)$'
UNION ALL
SELECT 'a', id, phone, REGEXP_REPLACE(phone, '[ ()\\t-]|\\x{3000}', '') FROM customer_assets
WHERE phone NOT REGEXP '^(1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-[1-9][0-9]{6,7}(-[0-9]{1,6})?)$'
UNION ALL
SELECT 'u', id, phone, REGEXP_REPLACE(phone, '[ ()\\t-]|\\x{3000}', '') FROM users
WHERE phone <> ''
  AND phone NOT REGEXP '^(1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-[1-9][0-9]{6,7}(-[0-9]{1,6})?)$';

UPDATE phone_old SET canon = CASE
  WHEN s REGEXP '^(\\+86|0086|86)?1[3-9][0-9]{9}$' THEN RIGHT(s, 11)
  WHEN s REGEXP '^(?i)(\\+86|0086)?0?(10|2[0-9]|[3-9][0-9]{2})[1-9][0-9]{6,7}((转|分机|转分机|ext\\.?|x|#)[0-9]{1,6})?$'
   AND (s REGEXP '^0' OR s REGEXP '^(\\+86|0086)')
    THEN REGEXP_REPLACE(s,
      '^(?i)(?:\\+86|0086)?0?(10|2[0-9]|[3-9][0-9]{2})([1-9][0-9]{6,7})(?:(?:转|分机|转分机|ext\\.?|x|#)([0-9]{1,6}))?$',
      '0\\1-\\2-\\3')
  END;
-- No extension: drop the empty third part ("010-12345678-").
UPDATE phone_old SET canon = LEFT(canon, CHAR_LENGTH(canon) - 1) WHERE canon LIKE '%-';

UPDATE tickets t JOIN phone_old f ON f.src = 't' AND f.id = t.id
SET t.search_text = CONCAT(t.search_text, ' aa', REPLACE(f.canon, '-', ' aa')),
    t.phone = f.canon
WHERE f.canon IS NOT NULL AND f.canon <> t.phone;

UPDATE customer_assets a JOIN phone_old f ON f.src = 'a' AND f.id = a.id
SET a.phone = f.canon
WHERE f.canon IS NOT NULL AND f.canon <> a.phone;

UPDATE users u JOIN phone_old f ON f.src = 'u' AND f.id = u.id
SET u.phone = f.canon
WHERE f.canon IS NOT NULL AND f.canon <> u.phone;

DROP TEMPORARY TABLE phone_old;
