#!/usr/bin/env bash
# Generate N realistic tickets (default 1,000,000) straight into the database
# of a local stack, for measuring the queue at scale.
#
#   tests/bench/gen_tickets.sh STACK [N] [DAYS]
#
#   STACK  a stack of conf/stack/stack.sh (its var/STACK/client.cnf is used),
#          or set SL_DB_CNF=FILE to a [client] option file instead
#          (and SL_DB_NAME to a database other than serviceloop)
#   N      tickets to add (default 1000000)
#   DAYS   spread over the DAYS local calendar days before today (default 730)
#
# Everything is done by the server: INSERT ... SELECT from the Sequence
# engine (seq_1_to_N) in chunks, with pseudo-random but deterministic
# choices (CRC32 of the row number) joined to small word lists. The word
# lists and their search tokens come from gen_tickets_tokens.c, which is
# linked with cgi/service/search.c, so search_text is exactly what
# ticket_create() would store for the same ticket (number, name, phone,
# product, serial, address, description).
#
# What the data looks like:
#   - created_at evenly spread over DAYS days (ids in time order), numbers
#     R-YYYYMMDD-NNNN continue the day counters (ticket_counters is set, so
#     tickets created later by the app never collide);
#   - older than 14 days: 99.8 % resolved / closed / cancelled, 0.2 % still
#     open (stale backlog, overdue); the last 14 days: open with a
#     probability falling from 95 % to 5 % with age (about 12k open of 1M);
#   - priority low 15 / normal 60 / high 20 / urgent 5 %; channel web 45 /
#     phone 30 / wechat 20 / api 4 / plan 1 %; 30 fault descriptions × 5
#     endings (7 of 30 mention 空调), 400 names, 24 products, 40 addresses;
#   - assignees: tech and tech2 (the demo logins) get 10 % each, the rest
#     goes to BENCH_TECHS extra technicians (default 40, logins
#     bench_tech01.., no usable password), teams as their users';
#   - SLA dues from created_at (wall-clock approximation of the policies),
#     first response, resolution and closing times consistent with status.
# Not generated: ticket_events, attachments, visits (the queue reads only
# tickets; generating a few events per ticket would triple the time).
#
# Refuses to run when the target days already have ticket numbers.
set -eu
set -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
STACK=${1:-}
N=${2:-1000000}
DAYS=${3:-730}
CHUNK=${CHUNK:-50000}
BENCH_TECHS=${BENCH_TECHS:-40}
BUILD=${BUILD:-build}

die() { printf 'gen_tickets: %s\n' "$*" >&2; exit 1; }

[ -n "$STACK" ] || [ -n "${SL_DB_CNF:-}" ] || die "usage: $0 STACK [N] [DAYS]"
case "$N$DAYS$CHUNK$BENCH_TECHS" in *[!0-9]*) die "N, DAYS, CHUNK, BENCH_TECHS: numbers" ;; esac
[ "$N" -ge 1 ] && [ "$DAYS" -ge 1 ] && [ "$CHUNK" -ge 1 ] || die "N, DAYS, CHUNK must be >= 1"
CNF=${SL_DB_CNF:-$ROOT/var/$STACK/client.cnf}
[ -r "$CNF" ] || die "no client option file $CNF (is the stack up?)"

PERDAY=$(( (N + DAYS - 1) / DAYS ))
[ "$PERDAY" -le 9999 ] || die "more than 9999 tickets per day: give more DAYS"

DB=${SL_DB_NAME:-serviceloop}
sql() { mariadb --defaults-file="$CNF" --batch --skip-column-names "$DB" "$@"; }

# The token helper, built from the core's own tokenizer.
HELPER=$ROOT/$BUILD/bench/gen_tickets_tokens
SRC="$ROOT/tests/bench/gen_tickets_tokens.c $ROOT/cgi/service/search.c $ROOT/cgi/core/arena.c"
if [ ! -x "$HELPER" ] || [ -n "$(find $SRC -newer "$HELPER" 2>/dev/null)" ]; then
    mkdir -p "$(dirname "$HELPER")"
    ${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -I"$ROOT/cgi/core" -I"$ROOT/cgi/service" -o "$HELPER" $SRC
fi

sql -e "SELECT COUNT(*) FROM seq_1_to_1" >/dev/null 2>&1 ||
    die "the Sequence engine (seq_1_to_N tables) is not available"
overlap=$(sql -e "SELECT COUNT(*) FROM ticket_counters
    WHERE day >= DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR) - INTERVAL $DAYS DAY
      AND day < DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR)")
[ "$overlap" = 0 ] || die "$overlap of the target days already have tickets (generate once per database)"
[ "$(sql -e "SELECT COUNT(*) FROM categories")" -gt 0 ] || die "no categories (migrations not applied?)"

echo "gen_tickets: $N tickets over $DAYS days ($PERDAY a day), chunks of $CHUNK"
t0=$(date +%s)

{
cat <<SQL
SET SESSION foreign_key_checks = 0, unique_checks = 0;
SET @n = $N, @perday = $PERDAY, @step = 86400 DIV $PERDAY, @now = UTC_TIMESTAMP(),
    @day0 = DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR) - INTERVAL $DAYS DAY,
    @salt = MD5(CONCAT(RAND(), UTC_TIMESTAMP(6)));
-- local midnight of day0 (China time, UTC+8) in UTC
SET @t0 = TIMESTAMP(@day0) - INTERVAL 8 HOUR;
SET @agent = (SELECT MIN(id) FROM users WHERE role = 'agent' AND active = 1);

SQL
if [ "$BENCH_TECHS" -gt 0 ]; then
cat <<SQL
-- Extra technicians so that a technician's queue is realistically small
-- (password hash '!': nobody can sign in as them). Teams alternate.
INSERT IGNORE INTO users (login, name, role, team_id, password_hash, active)
SELECT CONCAT('bench_tech', LPAD(s.seq, 2, '0')), CONCAT('技术员', LPAD(s.seq, 2, '0'), '号'),
       'technician', IF(s.seq MOD 2 = 1, (SELECT MIN(id) FROM teams), (SELECT MAX(id) FROM teams)),
       '!', 1
FROM seq_1_to_${BENCH_TECHS} s;
SQL
fi
cat <<SQL

-- 100 assignment slots: tech and tech2 ten each, the rest round-robin.
CREATE TEMPORARY TABLE gen_tech (idx INT PRIMARY KEY, id BIGINT UNSIGNED, team_id BIGINT UNSIGNED);
INSERT INTO gen_tech
SELECT ROW_NUMBER() OVER (ORDER BY login = 'tech' DESC, login = 'tech2' DESC, id) - 1, id, team_id
FROM users WHERE role = 'technician' AND active = 1;
SET @k = (SELECT COUNT(*) FROM gen_tech);
CREATE TEMPORARY TABLE gen_slot (slot INT PRIMARY KEY, user_id BIGINT UNSIGNED, team_id BIGINT UNSIGNED);
INSERT INTO gen_slot
SELECT s.seq, t.id, t.team_id FROM seq_0_to_99 s JOIN gen_tech t ON t.idx =
  CASE WHEN @k <= 2 THEN s.seq MOD @k WHEN s.seq < 10 THEN 0 WHEN s.seq < 20 THEN 1
       ELSE 2 + (s.seq - 20) MOD (@k - 2) END;
SQL
"$HELPER"
cat <<SQL
ALTER TABLE gen_desc ADD COLUMN category_id BIGINT UNSIGNED;
UPDATE gen_desc d SET category_id = COALESCE((SELECT id FROM categories c WHERE c.code = d.cat),
                                            (SELECT MIN(id) FROM categories));
UPDATE gen_addr a SET region = COALESCE((SELECT region FROM teams t
    WHERE t.region <> '' AND INSTR(a.text, t.region) > 0
    ORDER BY CHAR_LENGTH(t.region) DESC LIMIT 1), '');
SQL
lo=1
while [ "$lo" -le "$N" ]; do
    hi=$(( lo + CHUNK - 1 )); [ "$hi" -le "$N" ] || hi=$N
    cat <<SQL
INSERT INTO tickets (number, track_code, form_token, channel, status, priority, category_id,
  customer_name, phone, email, product, serial, address, region, description, search_text,
  assignee_id, team_id, created_by, version, created_at, updated_at, first_response_at,
  first_response_due, resolve_due, sla_paused_since, sla_paused_secs, resolved_at, closed_at)
SELECT number, code, NULL, channel, status, priority, category_id,
  name, phone, '', product, serial, address, region, description,
  CONCAT_WS(' ', CONCAT('aar aa', DATE_FORMAT(day, '%Y%m%d'), ' aa', LPAD(k + 1, 4, '0')),
            name_tokens, CONCAT('aa', phone), product_tokens, CONCAT('aa', LOWER(serial)),
            addr_tokens, desc_tokens),
  IF(assigned, slot_user, NULL), IF(assigned, slot_team, NULL),
  IF(channel IN ('phone', 'wechat'), @agent, NULL),
  ELT(FIELD(status, 'new', 'accepted', 'assigned', 'in_progress', 'waiting_customer',
      'waiting_parts', 'resolved', 'closed', 'reopened', 'cancelled'), 1, 2, 3, 4, 5, 5, 5, 6, 7, 2),
  created_at,
  GREATEST(created_at, COALESCE(closed_at, resolved_at, first_response_at, created_at),
           COALESCE(paused_since, created_at)),
  first_response_at, first_response_due, resolve_due, paused_since, 0, resolved_at, closed_at
FROM (
 SELECT v.*,
   IF(status = 'closed', LEAST(@now, resolved_at + INTERVAL (24 + h9 MOD 72) HOUR), NULL) AS closed_at
 FROM (
  SELECT z.*,
    IF(status = 'new', NULL, LEAST(@now, created_at + INTERVAL (5 + h7 MOD 150) MINUTE)) AS first_response_at,
    IF(status IN ('resolved', 'closed'),
       LEAST(@now, created_at + INTERVAL (60 + h8 MOD 4320) MINUTE), NULL) AS resolved_at,
    IF(status = 'waiting_customer',
       GREATEST(created_at, @now - INTERVAL (h9 MOD 48) HOUR), NULL) AS paused_since,
    status NOT IN ('new', 'accepted') AND NOT (status = 'cancelled' AND h4 MOD 2 = 1) AS assigned
  FROM (
    SELECT y.*,
      CASE
        WHEN age_h > 336 THEN
          CASE WHEN h2 MOD 1000 < 2 THEN ELT(1 + h3 MOD 4, 'waiting_parts', 'waiting_customer',
                                             'reopened', 'in_progress')
               WHEN h2 MOD 1000 < 70 THEN 'cancelled'
               WHEN h2 MOD 1000 < 120 THEN 'resolved'
               ELSE 'closed' END
        WHEN h2 MOD 1000 < 950 - age_h * 900 DIV 336 THEN
          CASE WHEN age_h < 2 THEN ELT(1 + h3 MOD 2, 'new', 'accepted')
               WHEN age_h < 24 THEN ELT(1 + h3 MOD 5, 'new', 'accepted', 'assigned', 'assigned',
                                        'in_progress')
               ELSE ELT(1 + h3 MOD 8, 'accepted', 'assigned', 'in_progress', 'in_progress',
                        'waiting_customer', 'waiting_parts', 'waiting_parts', 'reopened') END
        ELSE ELT(1 + h3 MOD 10, 'resolved', 'resolved', 'resolved', 'resolved', 'closed',
                 'closed', 'closed', 'closed', 'closed', 'cancelled')
      END AS status,
      created_at + INTERVAL ELT(pri_i, 480, 120, 60, 30) MINUTE AS first_response_due,
      created_at + INTERVAL ELT(pri_i, 72, 36, 24, 12) HOUR AS resolve_due
    FROM (
      SELECT x.*, TIMESTAMPDIFF(HOUR, created_at, @now) AS age_h,
        ELT(pri_i, 'low', 'normal', 'high', 'urgent') AS priority
      FROM (
        SELECT s.seq, (s.seq - 1) DIV @perday AS d, (s.seq - 1) MOD @perday AS k,
          @day0 + INTERVAL ((s.seq - 1) DIV @perday) DAY AS day,
          @t0 + INTERVAL ((s.seq - 1) DIV @perday) DAY
              + INTERVAL (((s.seq - 1) MOD @perday) * @step + CRC32(CONCAT('t', s.seq)) MOD @step) SECOND
              AS created_at,
          CONCAT('R-', DATE_FORMAT(@day0 + INTERVAL ((s.seq - 1) DIV @perday) DAY, '%Y%m%d'), '-',
                 LPAD((s.seq - 1) MOD @perday + 1, 4, '0')) AS number,
          LEFT(REPLACE(REPLACE(REPLACE(REPLACE(MD5(CONCAT(@salt, s.seq)), '0', 'g'), '1', 'h'),
               '8', 'i'), '9', 'j'), 26) AS code,
          CRC32(CONCAT('b', s.seq)) AS h2, CRC32(CONCAT('c', s.seq)) AS h3,
          CRC32(CONCAT('d', s.seq)) AS h4, CRC32(CONCAT('g', s.seq)) AS h7,
          CRC32(CONCAT('h', s.seq)) AS h8, CRC32(CONCAT('i', s.seq)) AS h9,
          CASE WHEN CRC32(CONCAT('e', s.seq)) MOD 100 < 5 THEN 4
               WHEN CRC32(CONCAT('e', s.seq)) MOD 100 < 25 THEN 3
               WHEN CRC32(CONCAT('e', s.seq)) MOD 100 < 85 THEN 2 ELSE 1 END AS pri_i,
          CASE WHEN CRC32(CONCAT('f', s.seq)) MOD 100 < 45 THEN 'web'
               WHEN CRC32(CONCAT('f', s.seq)) MOD 100 < 75 THEN 'phone'
               WHEN CRC32(CONCAT('f', s.seq)) MOD 100 < 95 THEN 'wechat'
               WHEN CRC32(CONCAT('f', s.seq)) MOD 100 < 99 THEN 'api' ELSE 'plan' END AS channel,
          CONCAT('1', ELT(1 + CRC32(CONCAT('p', s.seq)) MOD 6, '38', '39', '58', '86', '35', '77'),
                 LPAD(CRC32(CONCAT('q', s.seq)) MOD 100000000, 8, '0')) AS phone,
          CONCAT('SN', LPAD(s.seq, 9, '0')) AS serial,
          dd.category_id, dd.text AS description, dd.tokens AS desc_tokens,
          nn.text AS name, nn.tokens AS name_tokens,
          pp.text AS product, pp.tokens AS product_tokens,
          aa.text AS address, aa.tokens AS addr_tokens, aa.region,
          sl.user_id AS slot_user, sl.team_id AS slot_team
        FROM seq_1_to_${N} s
        JOIN gen_desc dd ON dd.id = CRC32(CONCAT('j', s.seq)) MOD 150
        JOIN gen_name nn ON nn.id = CRC32(CONCAT('k', s.seq)) MOD 400
        JOIN gen_product pp ON pp.cat = dd.cat AND pp.id = CRC32(CONCAT('l', s.seq)) MOD 4
        JOIN gen_addr aa ON aa.id = CRC32(CONCAT('m', s.seq)) MOD 40
        JOIN gen_slot sl ON sl.slot = CRC32(CONCAT('n', s.seq)) MOD 100
        WHERE s.seq BETWEEN $lo AND $hi
      ) x
    ) y
  ) z
 ) v
) w;
SELECT CONCAT('gen_tickets: ', $hi, ' / ', @n);
SQL
    lo=$(( hi + 1 ))
done
cat <<SQL
INSERT INTO ticket_counters (day, n)
SELECT @day0 + INTERVAL s.seq DAY, LEAST(@perday, @n - s.seq * @perday)
FROM seq_0_to_$(( DAYS - 1 )) s WHERE s.seq * @perday < @n
ON DUPLICATE KEY UPDATE n = GREATEST(n, VALUES(n));
ANALYZE TABLE tickets;
SQL
} | sql --unbuffered | grep --line-buffered -v '\.tickets	analyze' || die "generation failed"

t1=$(date +%s)
echo "gen_tickets: done in $(( t1 - t0 )) s"
sql -e "SELECT status, COUNT(*) FROM tickets GROUP BY status" | column -t
