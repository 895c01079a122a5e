#!/usr/bin/env bash
# `make bench`: load tests of ServiceLoop with wrk, against a private stack
# 'bench' (conf/stack/stack.sh, 127.0.0.1:18580) holding 1,000,000 tickets,
# next to two baselines served by a second, equivalent nginx of our own
# (127.0.0.1:18581): a static file and a hello-world FastCGI program.
#
#   tests/bench/run.sh
#
# Environment:
#   BENCH_TICKETS=N      tickets in the bench database (default 1000000). The
#                        generator (tests/bench/gen_tickets.sh) runs only when
#                        the database has fewer; as it fills past days once
#                        per database, a smaller database is wiped first.
#   BENCH_SIZES="N..."   scaling: database sizes to run the read scenarios at
#                        (default "10000 100000 $BENCH_TICKETS"). The largest is
#                        the main run (every scenario, var/bench); each smaller
#                        one gets its own stack and database made the same way
#                        (var/bench-10k, var/bench-100k, ...; port P + 2, one
#                        at a time, after the main run) and runs the read
#                        scenarios only. results.md shows the worker time per
#                        page (p50 of the workers' own request log) at each size.
#   BENCH_SECONDS=S      length of each measured wrk run (default 10)
#   BENCH_WARMUP=S       unmeasured wrk run before each scenario (default 2; 0 = none)
#   BENCH_THREADS=N      wrk threads (default 2)
#   BENCH_CONNECTIONS=N  wrk connections (default 16)
#   BENCH_TIMEOUT=S      wrk --timeout: slower responses count as errors (default 10)
#   BENCH_POST_RATE=R    exported as SL_POST_RATE (e.g. 100000r/s) for a stack.sh that
#                        makes the limit_req rate of POSTs configurable; the
#                        table notes the rate found in the stack's nginx.conf
#   BENCH_KEEP=1         leave the stack 'bench' running at the end
#   BENCH_QUICK=1        leave out the metric pages (metrics API, OKR, journey
#                        map: seconds per request today), for before/after runs
#   BENCH_PORT=P         the stack's port (default 18580; our nginx takes P + 1,
#                        the smaller databases' stacks P + 2)
#   BUILD=DIR            build directory of the programs (default build)
#
# Output: a Markdown table on stdout and in var/bench/results.md (with the
# workers' own time per page, and the table of that time by database size),
# the same numbers in var/bench/results.csv, raw wrk output in
# var/bench/wrk/. Only loopback addresses are used. With the defaults the
# whole run takes about 5 minutes, plus the one-time load of the tickets
# (1M: about 4 minutes; 10k and 100k: seconds).
set -eu
set -o pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$(pwd -P)
export PATH=$PATH:/usr/sbin:/sbin
export BUILD=${BUILD:-build}
export LC_ALL=C

NAME=bench
PORT=${BENCH_PORT:-18580}        # the stack's nginx
BPORT=$(( PORT + 1 ))            # our nginx: baselines and unthrottled POST
HOST=127.0.0.1
TICKETS=${BENCH_TICKETS:-1000000}
SIZES=${BENCH_SIZES:-10000 100000 $TICKETS}
SECONDS_RUN=${BENCH_SECONDS:-10}
WARMUP=${BENCH_WARMUP:-2}
THREADS=${BENCH_THREADS:-2}
CONNS=${BENCH_CONNECTIONS:-16}
WRK_TIMEOUT=${BENCH_TIMEOUT:-10}
KEEP=${BENCH_KEEP:-0}
QUICK=${BENCH_QUICK:-0}
[ -z "${BENCH_POST_RATE:-}" ] || export SL_POST_RATE=$BENCH_POST_RATE

STACK=$ROOT/conf/stack/stack.sh
LUA=$ROOT/tests/bench/scenario.lua
GEN=$ROOT/tests/bench/gen_tickets.sh
OUT=$ROOT/var/bench            # also the stack's own directory (var/NAME)
WRKDIR=$OUT/wrk
BN=$ROOT/var/bench-nginx       # our nginx, the hello program, the static file
MD=$OUT/results.md
CSV=$OUT/results.csv

say()  { printf 'bench: %s\n' "$*"; }
die()  { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

for v in TICKETS SECONDS_RUN WARMUP THREADS CONNS WRK_TIMEOUT; do
    case "${!v}" in ''|*[!0-9]*) die "$v must be a whole number (got '${!v}')" ;; esac
done
for n in $SIZES; do
    case "$n" in ''|*[!0-9]*|0) die "BENCH_SIZES holds whole numbers > 0 (got '$n')" ;; esac
done
[ -n "${SIZES// /}" ] || die "BENCH_SIZES is empty"
# the largest size is the main run; the others, ascending, only read
SIZES=$(printf '%s\n' $SIZES | sort -n -u | tr '\n' ' ')
TICKETS=$(printf '%s\n' $SIZES | tail -n 1)
SMALL_SIZES=$(printf '%s\n' $SIZES | sed '$d' | tr '\n' ' ')
SPORT=$(( PORT + 2 ))            # the stacks of the smaller databases
[ "$TICKETS" -ge 0 ] && [ "$SECONDS_RUN" -ge 1 ] && [ "$SECONDS_RUN" -le 120 ] ||
    die "BENCH_SECONDS must be 1..120"
[ "$THREADS" -ge 1 ] && [ "$CONNS" -ge "$THREADS" ] ||
    die "BENCH_CONNECTIONS must be >= BENCH_THREADS >= 1"
[ "$WRK_TIMEOUT" -ge 1 ] || die "BENCH_TIMEOUT must be >= 1"

missing=""
for tool in wrk curl spawn-fcgi nginx cc mariadb awk timeout flock; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
[ -z "$missing" ] || die "not found:$missing (conf/stack/deps.sh installs them: make deps)"
[ -x "$STACK" ] || die "missing $STACK"
for p in intake auth desk dash; do
    [ -x "$ROOT/$BUILD/bin/sl-$p" ] || die "$BUILD/bin/sl-$p is not built: run make bench (or make all)"
done

mkdir -p "$OUT" "$WRKDIR" "$BN"
# One run at a time (two would fight over the ports and the database).
exec 8>"$BN/.lock"
flock -n 8 || die "another tests/bench/run.sh is running (lock var/bench-nginx/.lock)"

T_START=$(date +%s)

# ---------------------------------------------------------------- cleanup

# Our processes: nginx master (pid file) and the hello workers (pid file),
# checked by command line / name before any signal.
pid_is() { # pid pattern
    case "$1" in ''|*[!0-9]*) return 1 ;; esac
    kill -0 "$1" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"
}

stop_pids() { # pids...: TERM, wait up to 5 s, KILL
    local p i left
    [ $# -gt 0 ] || return 0
    kill -TERM "$@" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        left=""
        for p in "$@"; do
            if kill -0 "$p" 2>/dev/null && ! grep -q '^[^)]*) Z' "/proc/$p/stat" 2>/dev/null; then
                left="$left $p"
            fi
        done
        [ -z "$left" ] && return 0
        sleep 0.1
    done
    kill -KILL $left 2>/dev/null || true
}

stop_floor() { # the ticket page's floor program (floor_scenario)
    local p pids=""
    [ -f "$BN/floor.pid" ] || return 0
    for p in $(cat "$BN/floor.pid" 2>/dev/null); do
        pid_is "$p" "ticket_floor" && pids="$pids $p"
    done
    [ -z "$pids" ] || stop_pids $pids
    rm -f "$BN/floor.pid" "${FLOOR_SOCK:-}"
}

stop_ours() {
    local p pids=""
    if [ -f "$BN/nginx.pid" ]; then
        p=$(cat "$BN/nginx.pid" 2>/dev/null || true)
        pid_is "$p" "$BN/nginx.conf" && pids="$p"
    fi
    [ -z "$pids" ] || stop_pids $pids
    pids=""
    for f in "$BN/hello.pid" "$BN/hello-close.pid"; do
        [ -f "$f" ] || continue
        for p in $(cat "$f" 2>/dev/null); do
            pid_is "$p" "hello_fcgi" && pids="$pids $p"
        done
    done
    [ -z "$pids" ] || stop_pids $pids
    stop_floor
    rm -f "$BN/nginx.pid" "$BN/hello.pid" "$BN/hello-close.pid" "${HELLO_SOCK:-}" "${HELLO2_SOCK:-}"
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_ours
    if [ "$KEEP" = 1 ]; then
        say "BENCH_KEEP=1: stack '$NAME' left running (conf/stack/stack.sh down $NAME stops it)"
    else
        "$STACK" down "$NAME" >/dev/null 2>&1 8>&- || say "warning: 'stack.sh down $NAME' failed"
    fi
    [ -z "${SINK_PID:-}" ] || kill "$SINK_PID" 2>/dev/null || true
    if [ -n "${SMALL_NAME:-}" ]; then
        "$STACK" down "$SMALL_NAME" >/dev/null 2>&1 8>&- || say "warning: 'stack.sh down $SMALL_NAME' failed"
    fi
    [ -z "${TMPD:-}" ] || rm -rf "$TMPD"
    exit $rc
}
TMPD=""
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

TMPD=$(mktemp -d /tmp/sl-bench.XXXXXX)

# ---------------------------------------------------------------- stack

stack_up() {
    say "starting stack '$NAME' on $HOST:$PORT"
    if ! "$STACK" up "$NAME" "$PORT" >"$TMPD/stack-up.log" 2>&1 8>&-; then
        tail -n 30 "$TMPD/stack-up.log" >&2
        die "the stack '$NAME' did not start"
    fi
    grep -E 'warning|error' "$TMPD/stack-up.log" >&2 || true
}

sql() { "$STACK" sql "$NAME" --batch --skip-column-names "$@"; }

# Start stack NAME (on PORT) and fill its database to $1 tickets; sets count.
load_db() { # tickets
    local want=$1 t0
    stack_up
    count=$(sql -e "SELECT COUNT(*) FROM tickets") || die "cannot count the tickets"
    if [ "$count" -ge "$want" ]; then
        say "database of '$NAME' has $count tickets (>= $want): not loading"
        return 0
    fi
    [ -x "$GEN" ] || die "the generator $GEN is missing: cannot load $want tickets"
    if [ "$count" -gt 0 ]; then
        # gen_tickets.sh fills the past days once per database: start afresh.
        say "database of '$NAME' has $count tickets (< $want): wiping it first"
        "$STACK" down "$NAME" >/dev/null 8>&-
        rm -rf "$ROOT/var/$NAME/db"
        stack_up
    fi
    say "loading $want tickets into '$NAME' with tests/bench/gen_tickets.sh (one time)"
    t0=$(date +%s)
    "$GEN" "$NAME" "$want" 8>&- || die "gen_tickets.sh failed"
    count=$(sql -e "SELECT COUNT(*) FROM tickets")
    say "loaded: $count tickets in $(( $(date +%s) - t0 )) s"
}

# Tickets left by an earlier run's POST /repair (customers named 压测…, all
# of that day) would make "today" tens of times a real day for every read
# measured after it, on that day: every run reads the same database.
forget_post_tickets() {
    local left
    left=$(sql -e "SELECT COUNT(*) FROM tickets WHERE customer_name LIKE '压测%'") || left=0
    [ "${left:-0}" -gt 0 ] || return 0
    say "deleting $left tickets of earlier POST /repair runs"
    # ticket_events is append-only (sql/migrations/002_tickets.sql): its
    # delete trigger is lifted for this statement of the bench's own database.
    sql -e "DROP TRIGGER IF EXISTS ticket_events_no_delete;
            DELETE x FROM notify_outbox x JOIN tickets t ON t.id = x.ticket_id
              WHERE t.customer_name LIKE '压测%';
            DELETE x FROM ticket_flags x JOIN tickets t ON t.id = x.ticket_id
              WHERE t.customer_name LIKE '压测%';
            DELETE x FROM dispatch_candidates x JOIN tickets t ON t.id = x.ticket_id
              WHERE t.customer_name LIKE '压测%';
            DELETE x FROM ticket_events x JOIN tickets t ON t.id = x.ticket_id
              WHERE t.customer_name LIKE '压测%';
            DELETE FROM tickets WHERE customer_name LIKE '压测%';
            CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events FOR EACH ROW
              SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ticket_events is append-only';" ||
        die "cannot delete the tickets of earlier POST runs"
}

stop_ours      # left over from an interrupted run
load_db "$TICKETS"
forget_post_tickets
MAIN_COUNT=$(sql -e "SELECT COUNT(*) FROM tickets")
T_LOADED=$(date +%s)
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
# share of the CPUs idle during one second before the scenarios (others'
# work on the machine makes every number here smaller)
cpu_idle() {
    local a b
    a=$(awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $5 + $6 }' /proc/stat)
    sleep 1
    b=$(awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $5 + $6 }' /proc/stat)
    awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ");
        t = y[1] - x[1]; printf "%.0f%%", (t > 0 ? 100 * (y[2] - x[2]) / t : 0) }'
}
IDLE0=$(cpu_idle)

# the limit_req of POST /repair in the stack's generated nginx.conf
POST_RATE=$(sed -n 's/^[[:space:]]*limit_req_zone .*zone=sl_post:[^ ]* rate=\([^; ]*\).*/\1/p' "$OUT/nginx.conf" | head -n 1)
POST_BURST=$(awk '/location = \/repair/ { f = 1 } f && /limit_req zone=/ { for (i = 1; i <= NF; i++) if ($i ~ /^burst=/) { sub(/^burst=/, "", $i); print $i; exit } }' "$OUT/nginx.conf")

# ---------------------------------------------------------------- our nginx

RUN_DIR=$(readlink -f "$OUT/run")
INTAKE_SOCK=$RUN_DIR/intake.sock
[ -S "$INTAKE_SOCK" ] || die "no intake socket $INTAKE_SOCK"

# the hello socket: under var/bench-nginx/ unless that path is too long
HELLO_SOCK=$BN/hello.sock
[ ${#HELLO_SOCK} -le 100 ] || HELLO_SOCK=$TMPD/hello.sock
HELLO2_SOCK=${HELLO_SOCK%.sock}-close.sock
FLOOR_SOCK=${HELLO_SOCK%hello.sock}floor.sock

say "building tests/bench/hello_fcgi.c"
cc -std=c11 -O2 -Wall -Wextra -o "$BN/hello_fcgi" "$ROOT/tests/bench/hello_fcgi.c" -lfcgi ||
    die "could not build hello_fcgi (is libfcgi-dev installed?)"
cc -std=c11 -O2 -Wall -Wextra -DHELLO_CLOSE_AT_ONCE -o "$BN/hello_fcgi_close" \
    "$ROOT/tests/bench/hello_fcgi.c" -lfcgi || die "could not build hello_fcgi_close"
say "building tests/bench/ticket_floor_fcgi.c"
rm -f "$BN/ticket_floor"
cc -std=c11 -O2 -Wall -Wextra -D_GNU_SOURCE -I"$ROOT/cgi/core" -I"$ROOT/cgi/desk" \
    -I/usr/include/mariadb -o "$BN/ticket_floor" "$ROOT/tests/bench/ticket_floor_fcgi.c" \
    -lfcgi -lmariadb || say "warning: could not build ticket_floor_fcgi.c (its row is skipped)"

rm -f "$HELLO_SOCK"
spawn-fcgi -s "$HELLO_SOCK" -M 0660 -F 2 -P "$BN/hello.pid" -- "$BN/hello_fcgi" \
    >"$BN/spawn-fcgi.log" 2>&1 8>&- || { cat "$BN/spawn-fcgi.log" >&2; die "spawn-fcgi failed for hello_fcgi"; }
rm -f "$HELLO2_SOCK"
spawn-fcgi -s "$HELLO2_SOCK" -M 0660 -F 2 -P "$BN/hello-close.pid" -- "$BN/hello_fcgi_close" \
    >>"$BN/spawn-fcgi.log" 2>&1 8>&- || { cat "$BN/spawn-fcgi.log" >&2; die "spawn-fcgi failed for hello_fcgi_close"; }

# The server-level FastCGI settings of the stack's generated nginx.conf
# (parameters, buffering, buffers, timeouts), so that /hello and our /repair
# get exactly what the app gets behind the stack's nginx.
FCGI_SETTINGS=$(grep -E '^[[:space:]]+fastcgi_(param|request_buffering|buffering|buffer_size|buffers|connect_timeout|read_timeout|intercept_errors)[[:space:]]' \
    "$OUT/nginx.conf") || die "no fastcgi settings found in $OUT/nginx.conf"

printf 'hello world\n' >"$BN/static.txt"
mkdir -p "$BN/tmp"
: >"$BN/access.log"
USER_LINE=""
[ "$(id -u)" -ne 0 ] || USER_LINE="user root root;"
cat >"$BN/nginx.conf" <<EOF
# Generated by tests/bench/run.sh: the baselines of the benchmark. Same
# http settings, access log and FastCGI settings as the stack's nginx.
$USER_LINE
worker_processes 2;
pid "$BN/nginx.pid";
error_log "$BN/error.log" warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    server_tokens off;
    absolute_redirect off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    client_body_temp_path "$BN/tmp/client_body";
    fastcgi_temp_path     "$BN/tmp/fastcgi";
    proxy_temp_path       "$BN/tmp/proxy";
    uwsgi_temp_path       "$BN/tmp/uwsgi";
    scgi_temp_path        "$BN/tmp/scgi";
    log_format sl escape=json '{"time":"\$time_iso8601","request_id":"\$request_id",'
        '"remote":"\$remote_addr","method":"\$request_method","uri":"\$request_uri",'
        '"status":\$status,"bytes":\$body_bytes_sent,"request_time":\$request_time,'
        '"upstream":"\$upstream_addr","upstream_time":"\$upstream_response_time",'
        '"referer":"\$http_referer","agent":"\$http_user_agent"}';
    access_log "$BN/access.log" sl;
    client_max_body_size 20m;
    client_body_buffer_size 128k;

    server {
        listen $HOST:$BPORT;
        server_name localhost 127.0.0.1;
$FCGI_SETTINGS

        location = /static.txt {
            root "$BN";
            charset utf-8;
            add_header X-Content-Type-Options nosniff always;
            add_header Referrer-Policy same-origin always;
            add_header X-Frame-Options DENY always;
        }
        location = /hello  { fastcgi_pass "unix:$HELLO_SOCK"; }
        location = /hello-close { fastcgi_pass "unix:$HELLO2_SOCK"; }
        location ^~ /floor/ { fastcgi_pass "unix:$FLOOR_SOCK"; }
        # the app's intake workers of the stack, without limit_req
        location = /repair { fastcgi_pass "unix:$INTAKE_SOCK"; }
        location / { return 404; }
    }
}
EOF

nginx -t -q -p "$BN/" -c "$BN/nginx.conf" -e "$BN/error.log" 2>"$TMPD/nginx-t" ||
    { cat "$TMPD/nginx-t" >&2; die "nginx rejects $BN/nginx.conf"; }
if curl -s -o /dev/null -m 2 "http://$HOST:$BPORT/" 2>/dev/null; then
    die "port $BPORT is in use by another program"
fi
nginx -p "$BN/" -c "$BN/nginx.conf" -e "$BN/error.log" </dev/null >>"$BN/error.log" 2>&1 8>&- ||
    { tail -n 10 "$BN/error.log" >&2; die "our nginx did not start"; }
for ((i = 0; i < 50; i++)); do
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://$HOST:$BPORT/hello" || true)
    [ "$code" = 200 ] && break
    sleep 0.1
done
[ "$code" = 200 ] || { tail -n 10 "$BN/error.log" >&2; die "/hello on port $BPORT answers $code"; }
say "baseline nginx on $HOST:$BPORT (static file, hello FastCGI, unthrottled /repair)"

# the stack's access log grows by a few hundred MB per run otherwise
: >"$OUT/log/nginx-access.log" 2>/dev/null || true

# ---------------------------------------------------------------- sessions

BASE=http://$HOST:$PORT
hidden() { # file name -> value of <input ... name="NAME" value="...">
    grep -o "name=\"$2\" value=\"[^\"]*\"" "$1" | head -n 1 | sed 's/.*value="//; s/"$//'
}
cookie_of() { # jar name
    awk -v n="$2" '$6 == n { v = $7 } END { print v }' "$1"
}

# anonymous: sl_anon cookie + its csrf + a category, for POST /repair
anon_session() {
    local code
    code=$(curl -s -m 30 -c "$TMPD/anon.jar" -o "$TMPD/repair.html" -w '%{http_code}' "$BASE/repair")
    [ "$code" = 200 ] || die "GET /repair answered $code"
    ANON=$(cookie_of "$TMPD/anon.jar" sl_anon)
    CSRF=$(hidden "$TMPD/repair.html" csrf)
    CATEGORY=$(grep -o '<option value="[0-9][0-9]*"' "$TMPD/repair.html" | head -n 1 | grep -o '[0-9][0-9]*' || true)
    [ -n "$ANON" ] && [ -n "$CSRF" ] && [ -n "$CATEGORY" ] ||
        die "GET /repair gave no sl_anon cookie, csrf or category"
}
anon_session

login() { # user -> "sl_session=..." on stdout
    local jar=$TMPD/$1.jar csrf code
    curl -s -m 30 -c "$jar" -o "$TMPD/login.html" "$BASE/login"
    csrf=$(hidden "$TMPD/login.html" csrf)
    [ -n "$csrf" ] || die "GET /login gave no csrf"
    code=$(curl -s -m 30 -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' \
        --data-urlencode "login=$1" --data-urlencode "password=demo1234" \
        --data-urlencode "csrf=$csrf" "$BASE/login")
    [ "$code" = 303 ] || die "login as $1 answered $code (expected 303)"
    local s
    s=$(cookie_of "$jar" sl_session)
    [ -n "$s" ] || die "login as $1 set no sl_session cookie"
    echo "sl_session=$s"
}
AGENT=$(login agent)
SUPER=$(login supervisor)
TECH=$(login tech)

# ---------------------------------------------------------------- scenarios

# Results: one line per scenario in $ROWS ($TMPD/rows for the main run,
# $TMPD/rows-N for the smaller databases), tab-separated:
# id label via expected requests duration_us ok p50_us p99_us sock_errors statuses note worker_p50_us
ROWS=$TMPD/rows
: >"$ROWS"
LOGDIR=$OUT/log     # the workers' request logs of the stack being measured

# The workers' own time per request (the "us" of their JSON request log,
# without queueing in nginx or on the socket): the median over the lines
# the plugin wrote since byte offset off (health checks excluded), in us.
log_size() { stat -c %s "$1" 2>/dev/null || echo 0; }
worker_p50() { # logfile offset
    tail -c +$(( $2 + 1 )) "$1" 2>/dev/null | grep -v '/healthz"' |
        sed -n 's/.*"us":\([0-9][0-9]*\).*/\1/p' | sort -n |
        awk '{ v[NR] = $1 } END { if (NR > 0) print v[int((NR + 1) / 2)]; else print "-" }'
}

hex() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }

# wrk once; env: the BENCH_* of scenario.lua. Writes results to $2.
wrk_once() { # seconds outfile url
    local secs=$1 res=$2 url=$3
    BENCH_OUT=$res BENCH_NONCE=$(hex 24) timeout $(( secs + WRK_TIMEOUT + 30 )) \
        wrk -t"$THREADS" -c"$CONNS" -d"${secs}s" --timeout "${WRK_TIMEOUT}s" --latency \
            -s "$LUA" "$url"
}

# CPU time by kind of process, for the CPU per request of each row: the
# stack's and the bench nginx's processes (those in their pid files and
# their children) from /proc/PID/stat, and the load generator (wrk, or the
# insert program) from this shell's waited-for children. Prints
# "mariadb workers nginx programs load" in clock ticks.
cpu_snap() { # the pid of the shell that runs the load generator
    local pids
    pids=$(awk '{ print }' "$ROOT/var/$NAME/run/"*.pid "$BN/"*.pid 2>/dev/null | tr '\n' ' ')
    { cat /proc/[0-9]*/stat 2>/dev/null; echo "self $(cut -d')' -f2- "/proc/$1/stat")"; } |
        awk -v pids="$pids" '
        BEGIN { n = split(pids, p, " "); for (i = 1; i <= n; i++) ours[p[i]] = 1 }
        $1 == "self" { load = $15 + $16; next }   # cutime, cstime after "pid (comm)"
        {
            o = index($0, " ("); c = index($0, ") "); pid = substr($0, 1, o - 1)
            comm = substr($0, o + 2, c - o - 2); split(substr($0, c + 2), f, " ")
            if (!(pid in ours) && !(f[2] in ours)) next          # f[2]: the parent
            t = f[12] + f[13]                                    # utime, stime
            if (comm == "mariadbd") db += t
            else if (comm ~ /^sl-/) app += t
            else if (comm == "nginx") ngx += t
            else prog += t
        }
        END { printf "%d %d %d %d %d\n", db, app, ngx, prog, load }'
}
# The CPU per OK request between two cpu_snap lines, in µs, tab-separated
# (five "-" when nothing was OK).
cpu_per_ok() { # before after ok
    awk -v a="$1" -v b="$2" -v ok="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN {
        split(a, x, " "); split(b, y, " ")
        for (i = 1; i <= 5; i++) {
            v = (ok > 0) ? sprintf("%.0f", (y[i] - x[i]) * 1e6 / hz / ok) : "-"
            printf "%s%s", v, (i < 5) ? "\t" : "\n"
        }
    }'
}

skip() { # id label via note
    say "skipped $2: $4"
    printf '%s\t%s\t%s\t-\t-\t-\t-\t-\t-\t-\t-\t%s\t-\t-\t-\t-\t-\t-\n' "$1" "$2" "$3" "$4" >>"$ROWS"
}

# When wrk stops, the requests it had in flight are still queued on the
# FastCGI socket, and the workers run them to the end (a slow page keeps
# them busy for seconds). Before the next measurement, wait until the
# workers of the scenario's plugin are free: DRAIN is a /healthz URL on the
# same socket; two concurrent requests to it are answered once the queue
# ahead of them is gone.
drain() {
    [ -n "${DRAIN:-}" ] || return 0
    local t0=$SECONDS
    curl -s -o /dev/null -m 120 "$DRAIN" & local a=$!
    curl -s -o /dev/null -m 120 "$DRAIN" & local b=$!
    wait $a $b || say "warning: $DRAIN did not answer while draining"
    [ $(( SECONDS - t0 )) -lt 2 ] || say "  (waited $(( SECONDS - t0 )) s for the workers to finish queued requests)"
    sleep 0.3
}

# BENCH_QUICK=1: the scenarios left out
quick_skip() { # id
    [ "$QUICK" = 1 ] || return 1
    case "$1" in metrics_api|okr_board|okr_kpi|journey_map) return 0 ;; esac
    return 1
}

scenario() { # id label via expected url note  (env: BENCH_*, DRAIN, WLOG: the plugin's log)
    local id=$1 label=$2 via=$3 expect=$4 url=$5 note=${6:-} res=$WRKDIR/${WRKTAG:-}$1.res
    local wlog="" woff=0 wp50=-
    ! quick_skip "$id" || { skip "$id" "$label" "$via" "left out (BENCH_QUICK=1)"; return 0; }
    export BENCH_EXPECT=$expect
    drain
    if [ "$WARMUP" -gt 0 ]; then
        wrk_once "$WARMUP" "$TMPD/warm.res" "$url" >/dev/null 2>&1 ||
            say "warning: warm-up of $label failed"
        drain
    fi
    say "$label: ${SECONDS_RUN} s, $THREADS threads, $CONNS connections"
    rm -f "$res"
    if [ -n "${WLOG:-}" ]; then
        wlog=$LOGDIR/$WLOG.log
        woff=$(log_size "$wlog")
    fi
    local cpu0 cpu1 me=$BASHPID
    cpu0=$(cpu_snap "$me")
    if ! wrk_once "$SECONDS_RUN" "$res" "$url" >"$WRKDIR/${WRKTAG:-}$id.log" 2>&1 || [ ! -s "$res" ]; then
        tail -n 5 "$WRKDIR/${WRKTAG:-}$id.log" >&2
        drain
        skip "$id" "$label" "$via" "wrk failed (see var/bench/wrk/${WRKTAG:-}$id.log)"
        return 0
    fi
    drain
    cpu1=$(cpu_snap "$me")   # after the drain: the requests still queued count too (a few of thousands)
    [ -z "$wlog" ] || wp50=$(worker_p50 "$wlog" "$woff")
    local requests duration ok p50 p99 sockerr statuses
    requests=$(sed -n 's/^requests=//p' "$res")
    [ "$requests" != 0 ] || note="${note:+$note; }no response within the ${SECONDS_RUN} s run"
    duration=$(sed -n 's/^duration_us=//p' "$res")
    ok=$(sed -n 's/^ok=//p' "$res")
    p50=$(sed -n 's/^p50_us=//p' "$res")
    p99=$(sed -n 's/^p99_us=//p' "$res")
    sockerr=$(awk -F= '/^err_/ { s += $2 } END { print s + 0 }' "$res")
    statuses=$(sed -n 's/^statuses=//p' "$res")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$label" "$via" "$expect" \
        "$requests" "$duration" "$ok" "$p50" "$p99" "$sockerr" "${statuses:--}" "$note" "$wp50" \
        "$(cpu_per_ok "$cpu0" "$cpu1" "${ok:-0}")" >>"$ROWS"
    awk -v r="$requests" -v d="$duration" -v ok="$ok" -v p50="$p50" -v p99="$p99" -v st="$statuses" \
        -v w="$wp50" \
        'BEGIN { printf "bench:   %.0f req/s (%.0f ok/s), p50 %.2f ms, p99 %.2f ms, statuses %s%s\n",
                 r / (d / 1e6), ok / (d / 1e6), p50 / 1000, p99 / 1000, st,
                 w == "-" ? "" : sprintf(", worker p50 %.2f ms", w / 1000) }'
}

reset_env() {
    unset BENCH_COOKIE BENCH_AUTH BENCH_METHOD BENCH_CSRF BENCH_CATEGORY BENCH_IDS_FILE \
        BENCH_PATH_FMT || true
}

probe() { # cookie url -> status; body in $TMPD/probe.html, seconds in $TMPD/probe.time
    local out
    out=$(curl -s -m 60 -H "Cookie: $1" -o "$TMPD/probe.html" -w '%{http_code} %{time_total}' "$2") ||
        out="000 $(sed -n 's/.* //p' <<<"${out:-0 60}")"
    printf '%s\n' "${out#* }" >"$TMPD/probe.time"
    printf '%s\n' "${out%% *}"
}
probe_note() { # status -> "probe answered STATUS after S s"
    printf 'probe answered %s after %.1f s' "$1" "$(cat "$TMPD/probe.time" 2>/dev/null || echo 0)"
}

BURL=http://$HOST:$BPORT

reset_env
scenario static "static file" "bench nginx" 200 "$BURL/static.txt" "12-byte file"
scenario hello "hello FastCGI" "bench nginx" 200 "$BURL/hello" "libfcgi, 2 processes"
scenario hello_close "hello FastCGI, closing at once" "bench nginx" 200 "$BURL/hello-close" \
    "as above, each connection closed the way the app's workers close it (not the baseline of the ratios)"

# The read scenarios, run at every database size: the form, the sign-in
# page, the queue, the ticket page and the dashboard.
# The ticket page's floor (tests/bench/ticket_floor_fcgi.c): for the same
# tickets ($TMPD/ids) and the agent's session, the page's own statement and
# a saved ticket page of the same size, nothing else, behind the bench nginx
# like the hello program. Started for this row only (each database size has
# its own stack).
floor_scenario() {
    local label="ticket page floor (C)" hash first body=$BN/floor-body.html code
    [ -x "$BN/ticket_floor" ] ||
        { skip desk_ticket_floor "$label" "bench nginx" "ticket_floor_fcgi.c not built"; return 0; }
    first=$(head -n 1 "$TMPD/ids")
    hash=$(printf '%s' "${AGENT#sl_session=}" | sha256sum | cut -d' ' -f1)
    curl -s -m 30 -H "Cookie: $AGENT" -o "$body" "$BASE/desk/tickets/$first" ||
        { skip desk_ticket_floor "$label" "bench nginx" "could not save a ticket page"; return 0; }
    stop_floor
    spawn-fcgi -s "$FLOOR_SOCK" -M 0660 -F 2 -P "$BN/floor.pid" -- "$BN/ticket_floor" \
        "$ROOT/var/$NAME/client.cnf" serviceloop "$hash" "$body" >>"$BN/spawn-fcgi.log" 2>&1 8>&- ||
        { skip desk_ticket_floor "$label" "bench nginx" "spawn-fcgi failed"; return 0; }
    code=$(probe "" "$BURL/floor/$first")
    if [ "$code" = 200 ]; then
        BENCH_PATH_FMT=/floor/%d scenario desk_ticket_floor "$label" "bench nginx" 200 "$BURL/floor/1" \
            "the ticket page's statement for the same tickets and session, a saved page of $(wc -c <"$body") bytes, nothing else"
    else
        skip desk_ticket_floor "$label" "bench nginx" "$(probe_note "$code")"
    fi
    stop_floor
}

read_scenarios() {
    local code
    WLOG=intake DRAIN=$BASE/repair/healthz scenario repair_get "GET /repair" "stack nginx" 200 "$BASE/repair" "form, anonymous"
    WLOG=auth DRAIN=$BASE/login/healthz scenario login_get "GET /login" "stack nginx" 200 "$BASE/login" "sign-in form, anonymous"

    export BENCH_COOKIE=$AGENT
    code=$(probe "$AGENT" "$BASE/desk/")
    case "$code" in
        200) WLOG=desk DRAIN=$BASE/desk/healthz scenario desk_queue "GET /desk/ (queue)" "stack nginx" 200 "$BASE/desk/" "agent" ;;
        404) skip desk_queue "GET /desk/ (queue)" "stack nginx" "not there yet (404)" ;;
        *)   skip desk_queue "GET /desk/ (queue)" "stack nginx" "$(probe_note "$code")" ;;
    esac
    # page 2: the "next page" link of the first page
    local next
    next=$(grep -o 'href="/desk/?after=[0-9]*"' "$TMPD/probe.html" 2>/dev/null | head -n 1 |
        sed 's/^href="//; s/"$//') || next=""
    if [ "$code" != 200 ] || [ -z "$next" ]; then
        skip desk_queue_p2 "GET /desk/ page 2" "stack nginx" "the first page has no next-page link"
    else
        WLOG=desk DRAIN=$BASE/desk/healthz scenario desk_queue_p2 "GET /desk/ page 2" "stack nginx" 200 \
            "$BASE$next" "agent, the first page's next link"
    fi
    export BENCH_COOKIE=$TECH
    code=$(probe "$TECH" "$BASE/desk/")
    case "$code" in
        200) WLOG=desk DRAIN=$BASE/desk/healthz scenario desk_queue_tech "GET /desk/ (technician)" "stack nginx" 200 \
                 "$BASE/desk/" "technician: the tickets assigned to them" ;;
        *)   skip desk_queue_tech "GET /desk/ (technician)" "stack nginx" "$(probe_note "$code")" ;;
    esac
    export BENCH_COOKIE=$AGENT

    # ticket pages: random among 1000 existing tickets
    sql -e "SELECT id FROM tickets ORDER BY RAND() LIMIT 1000" >"$TMPD/ids" || true
    if [ ! -s "$TMPD/ids" ]; then
        skip desk_ticket "GET /desk/tickets/<id>" "stack nginx" "no tickets in the database"
    else
        code=$(probe "$AGENT" "$BASE/desk/tickets/$(head -n 1 "$TMPD/ids")")
        case "$code" in
            200)
                export BENCH_IDS_FILE=$TMPD/ids BENCH_PATH_FMT=/desk/tickets/%d
                WLOG=desk DRAIN=$BASE/desk/healthz scenario desk_ticket "GET /desk/tickets/<id>" "stack nginx" 200 "$BASE/desk/tickets/1" \
                    "agent, 1000 random tickets"
                floor_scenario ;;
            404) skip desk_ticket "GET /desk/tickets/<id>" "stack nginx" "not there yet (404)" ;;
            *)   skip desk_ticket "GET /desk/tickets/<id>" "stack nginx" "$(probe_note "$code")" ;;
        esac
    fi
    reset_env

    export BENCH_COOKIE=$SUPER
    # The first dashboard requests after a bulk load build the daily
    # pre-aggregates in steps ("building n%"): finish that before measuring the
    # steady state (at most 3 minutes).
    code=$(probe "$SUPER" "$BASE/dash/")
    for _ in $(seq 1 90); do
        [ "$code" = 200 ] && grep -q 'class="note warn" role="status"' "$TMPD/probe.html" || break
        sleep 1
        code=$(probe "$SUPER" "$BASE/dash/")
    done
    if [ "$code" = 200 ] && grep -qE '本模块的功能正在建设中|This module.s features are being built' "$TMPD/probe.html"; then
        skip dash "GET /dash/ (dashboard)" "stack nginx" "placeholder page (module not built yet)"
    elif [ "$code" = 200 ]; then
        WLOG=dash DRAIN=$BASE/dash/healthz scenario dash "GET /dash/ (dashboard)" "stack nginx" 200 "$BASE/dash/" "supervisor"
    elif [ "$code" = 404 ]; then
        skip dash "GET /dash/ (dashboard)" "stack nginx" "not there yet (404)"
    else
        skip dash "GET /dash/ (dashboard)" "stack nginx" "$(probe_note "$code")"
    fi
    reset_env
}

read_scenarios

# The metrics read API of BI tools: a stage metric's daily series over the
# last 90 days, with a key of scope metrics_read made for this run.
API_KEY=sl_$(hex 32)
if sql -e "INSERT INTO api_keys (name, key_prefix, key_hash, active, scopes, created_at)
        VALUES ('bench metrics_read', '${API_KEY:3:8}', SHA2('$API_KEY', 256), 1,
        'metrics_read', UTC_TIMESTAMP())"; then
    TO=$(TZ=Asia/Shanghai date +%F)
    FROM=$(TZ=Asia/Shanghai date -d "$TO -89 days" +%F)
    MURL="$BASE/api/v1/metrics/time_to_dispatch?from=$FROM&to=$TO&grain=day"
    code=$(curl -s -m 60 -o "$TMPD/probe.html" -w '%{http_code}' \
        -H "Authorization: Bearer $API_KEY" "$MURL" || echo 000)
    if [ "$code" = 200 ]; then
        export BENCH_AUTH=$API_KEY
        WLOG=intake DRAIN=$BASE/repair/healthz scenario metrics_api "GET /api/v1/metrics/<key>" "stack nginx" 200 \
            "$MURL" "time_to_dispatch, 90 days by day, read-only key"
    else
        skip metrics_api "GET /api/v1/metrics/<key>" "stack nginx" "probe answered $code"
    fi
    sql -e "UPDATE api_keys SET active = 0 WHERE name = 'bench metrics_read'" || true
else
    skip metrics_api "GET /api/v1/metrics/<key>" "stack nginx" "could not make an API key"
fi

# The registry read itself, in one process as a worker runs it (sl-cli
# bench-series): metric_series of a metric by day; "cold" is a process's
# first read (its cache empty: a worker's first page, or the first after a
# refresh changed past days), "warm" the next 200 reads, each a request.
SERIES=$TMPD/series.md
{
    echo "Registry reads in one process (sl-cli bench-series; 5 processes each, cold = median of their first reads):"
    echo
    echo "| metric_series | days | cold ms | warm ms (median) | warm ms (max) | points |"
    echo "|---|---:|---:|---:|---:|---:|"
} >"$SERIES"
for spec in "time_to_dispatch 90" "time_to_dispatch 30" "volume 90" "csat 90"; do
    set -- $spec
    colds="" warm="" wmax="" pts=""
    for _ in 1 2 3 4 5; do
        out=$(SL_CONFIG="$OUT/serviceloop.conf" "$ROOT/$BUILD/bin/sl-cli" bench-series "$1" "$2" 200 \
            2>/dev/null) || { out=""; break; }
        read -r c w m p <<<"$out"
        colds="$colds $c" warm=$w wmax=$m pts=$p
    done
    if [ -n "$out" ]; then
        cold=$(printf '%s\n' $colds | sort -n | sed -n 3p)
        echo "| $1 | $2 | $cold | $warm | $wmax | $pts |" >>"$SERIES"
    else
        echo "| $1 | $2 | failed | | | |" >>"$SERIES"
    fi
done
reset_env

# OKR: the board of a cycle with 10 objectives and 30 key results (half
# bound to metrics, computed live), and a KPI tree by team → technician.
export BENCH_COOKIE=$SUPER
OKR_CYCLE=$(SL_CONFIG="$OUT/serviceloop.conf" "$ROOT/$BUILD/bin/sl-cli" bench-okr 2>/dev/null)
case "$OKR_CYCLE" in
    ''|*[!0-9]*) skip okr_board "GET /okr/ (board, 10 objectives, 30 KRs)" "stack nginx" "sl-cli bench-okr failed"
                 skip okr_kpi "GET /okr/kpi (team → technician)" "stack nginx" "sl-cli bench-okr failed" ;;
    *)
        WLOG=okr DRAIN=$BASE/okr/healthz scenario okr_board "GET /okr/ (board, 10 objectives, 30 KRs)" "stack nginx" 200 \
            "$BASE/okr/?cycle=$OKR_CYCLE" "supervisor, 15 KRs bound to metrics"
        WLOG=okr DRAIN=$BASE/okr/healthz scenario okr_kpi "GET /okr/kpi (team → technician)" "stack nginx" 200 \
            "$BASE/okr/kpi?metric=csat&threshold=4&by1=team&by2=technician" "supervisor, current cycle" ;;
esac
reset_env

# The repair journey map with all its bound metrics (10 over 7 stages: each
# value, the previous period and a sparkline), made through the model by
# `sl-cli demo-journeys` (the golden design is compared on the same page).
export BENCH_COOKIE=$SUPER
if SL_CONFIG=$ROOT/var/$NAME/serviceloop.conf "$ROOT/$BUILD/bin/sl-cli" demo-journeys \
    >"$TMPD/demo-journeys.log" 2>&1 8>&-; then
    JID=$(sql -e "SELECT MIN(id) FROM journeys WHERE template = 'repair' AND golden = 0")
    code=$(probe "$SUPER" "$BASE/journeys/$JID")
    if [ "$code" = 200 ]; then
        WLOG=journey DRAIN=$BASE/journeys/healthz scenario journey_map "GET /journeys/<id> (repair map)" \
            "stack nginx" 200 "$BASE/journeys/$JID" "supervisor, 10 metrics, golden"
    else
        skip journey_map "GET /journeys/<id> (repair map)" "stack nginx" "$(probe_note "$code")"
    fi
else
    skip journey_map "GET /journeys/<id> (repair map)" "stack nginx" "sl-cli demo-journeys failed"
fi
reset_env

# POST /repair last: the tickets it creates (a few thousand, all "new" and
# of today) would otherwise weigh on the queue and the dashboard measured
# after it.

export BENCH_METHOD=POST BENCH_COOKIE="sl_anon=$ANON" BENCH_CSRF=$CSRF BENCH_CATEGORY=$CATEGORY
code=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -H "Cookie: sl_anon=$ANON" \
    --data-urlencode "name=压测" --data-urlencode "phone=13800138000" --data "category=$CATEGORY" \
    --data-urlencode "description=空调不制冷压测探针" --data "csrf=$CSRF" \
    --data "form_token=$(hex 32)" "$BURL/repair" || echo 000)
if [ "$code" = 303 ]; then
    DRAIN=$BASE/repair/healthz scenario repair_post "POST /repair" "stack nginx" 303 "$BASE/repair" \
        "stack limit_req: rate ${POST_RATE:-none} burst ${POST_BURST:-none}"
    WLOG=intake DRAIN=$BASE/repair/healthz scenario repair_post_direct "POST /repair" "bench nginx" 303 \
        "$BURL/repair" "same intake workers, no limit_req"
else
    skip repair_post "POST /repair" "stack nginx" "probe POST answered $code (expected 303)"
fi
reset_env

# ---------------------------------------------------------------- raw insert

# What MariaDB allows for one-row transactions here, the baseline of POST
# /repair (tests/bench/insert_baseline.c): CONNS connections insert copies
# of the probe's ticket (the same columns and sizes) into a table made LIKE
# tickets (the same indexes, FULLTEXT included), one commit per row.
RAW_TABLE=bench_raw_insert
raw_insert() {
    local sample res=$WRKDIR/raw_insert.res flush
    say "building tests/bench/insert_baseline.c"
    cc -std=c11 -O2 -Wall -Wextra -D_GNU_SOURCE -I/usr/include/mariadb -o "$BN/insert_baseline" \
        "$ROOT/tests/bench/insert_baseline.c" -lmariadb -lpthread ||
        { skip raw_insert "raw durable insert (C)" "MariaDB" "could not build insert_baseline.c"; return 0; }
    sample=$(sql -e "SELECT MAX(id) FROM tickets WHERE customer_name = '压测'") || sample=""
    case "$sample" in ''|NULL|*[!0-9]*)
        skip raw_insert "raw durable insert (C)" "MariaDB" "no probe ticket to copy"; return 0 ;;
    esac
    sql -e "DROP TABLE IF EXISTS $RAW_TABLE; CREATE TABLE $RAW_TABLE LIKE tickets" ||
        { skip raw_insert "raw durable insert (C)" "MariaDB" "could not create $RAW_TABLE"; return 0; }
    say "raw durable insert: ${SECONDS_RUN} s, $CONNS connections, one commit per row"
    local cpu0 cpu1 me=$BASHPID
    cpu0=$(cpu_snap "$me")
    if ! "$BN/insert_baseline" "$OUT/client.cnf" serviceloop "$RAW_TABLE" "$sample" "$CONNS" \
        "$SECONDS_RUN" >"$res" 2>"$WRKDIR/raw_insert.log" 8>&-; then
        tail -n 3 "$WRKDIR/raw_insert.log" >&2
    fi
    cpu1=$(cpu_snap "$me")
    sql -e "DROP TABLE IF EXISTS $RAW_TABLE" || say "warning: could not drop $RAW_TABLE"
    [ -s "$res" ] || { skip raw_insert "raw durable insert (C)" "MariaDB" "insert_baseline failed"; return 0; }
    flush=$(sed -n 's/^flush_log_at_trx_commit=//p' "$res")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' raw_insert \
        "raw durable insert (C)" "MariaDB" commit "$(sed -n 's/^requests=//p' "$res")" \
        "$(sed -n 's/^duration_us=//p' "$res")" "$(sed -n 's/^ok=//p' "$res")" \
        "$(sed -n 's/^p50_us=//p' "$res")" "$(sed -n 's/^p99_us=//p' "$res")" 0 \
        "$(sed -n 's/^statuses=//p' "$res")" \
        "$CONNS connections, one ticket-sized row per commit into a table LIKE tickets, innodb_flush_log_at_trx_commit=$flush" \
        - "$(cpu_per_ok "$cpu0" "$cpu1" "$(sed -n 's/^ok=//p' "$res")")" >>"$ROWS"
    awk -F= '/^(ok|duration_us|p50_us)=/ { v[$1] = $2 } END {
        printf "bench:   %.0f commits/s, p50 %.2f ms\n", v["ok"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000 }' "$res"
}
raw_insert

# ---------------------------------------------------------------- notifications

# Notifications on: POST /repair again (same route as repair_post_direct,
# the row to compare it with), each ticket now queueing its messages in its
# own transaction (webhook and SMS: the form has no e-mail) for the stack's
# sl-notify senders; then the outbox's throughput on its own: messages/s
# from queued to sent, to a loopback webhook sink that answers at once
# (tests/notify/http_sink.py, which also checks each signature).
# A statement that may meet the running senders' claims in a deadlock
# (MariaDB then rolls it back): tried again, up to 10 times.
sql_retry() {
    local i
    for ((i = 0; i < 10; i++)); do
        sql "$@" && return 0
        sleep 0.2
    done
    return 1
}
SINK_PORT=$(( PORT + 2 ))
python3 "$ROOT/tests/notify/http_sink.py" "$SINK_PORT" bench-secret /dev/null >/dev/null 2>&1 &
SINK_PID=$!
sleep 0.5
sql -e "UPDATE notify_channels SET enabled = 1, secret = 'bench-secret',
          url = CONCAT('http://$HOST:$SINK_PORT/', kind) WHERE kind IN ('webhook', 'sms');
        DELETE FROM notify_rules;
        INSERT INTO notify_rules (event, channel) VALUES ('created', 'webhook'), ('created', 'sms')" ||
    die "could not switch notifications on"
if [ "$code" = 303 ]; then
    export BENCH_METHOD=POST BENCH_COOKIE="sl_anon=$ANON" BENCH_CSRF=$CSRF BENCH_CATEGORY=$CATEGORY
    # The ticket's own cost of notifications: the messages it queues in its
    # transaction. The senders and the sink (which on a real site run
    # elsewhere) are paused meanwhile, not to take the same two CPUs; the
    # sending is measured on its own below.
    NOTIFY_PIDS=$("$STACK" notify "$NAME" 2>/dev/null | tr -c '0-9' ' ') || NOTIFY_PIDS=""
    # On and off alternate twice, each off run right after an on run (the
    # tables grow as they go): the pairs give the ratio of the 10 % rule.
    for p in $NOTIFY_PIDS $SINK_PID; do kill -STOP "$p" 2>/dev/null || true; done
    for round in 1 2; do
        tag=""; [ "$round" = 1 ] || tag=" ($round)"
        sql -e "UPDATE notify_channels SET enabled = 1 WHERE kind IN ('webhook', 'sms')" ||
            die "could not switch notifications on"
        WLOG=intake DRAIN=$BASE/repair/healthz scenario repair_post_notify$round \
            "POST /repair, notifications on$tag" "bench nginx" 303 "$BURL/repair" \
            "as repair_post_direct, 2 messages queued per ticket (senders paused: sent afterwards)"
        sql -e "UPDATE notify_channels SET enabled = 0 WHERE kind IN ('webhook', 'sms')" ||
            die "could not switch notifications off"
        WLOG=intake DRAIN=$BASE/repair/healthz scenario repair_post_quiet$round \
            "POST /repair, notifications off$tag" "bench nginx" 303 "$BURL/repair" \
            "right after the row above, the same rules, the channels switched off"
    done
    sql -e "UPDATE notify_channels SET enabled = 1 WHERE kind IN ('webhook', 'sms')" ||
        die "could not switch notifications on"
    # What the POST runs queued (tens of thousands of messages) is not part
    # of the throughput run below: set aside while the senders are still
    # paused (with them running, the statement met their claims in
    # deadlocks, and the sending below competed with all of it).
    sql_retry -e "UPDATE notify_outbox SET status = 'failed', last_error = 'bench: left over'
            WHERE status IN ('queued', 'sending') AND claimed_by IS NULL" ||
        say "warning: could not set aside the messages of the POST runs"
    for p in $NOTIFY_PIDS $SINK_PID; do kill -CONT "$p" 2>/dev/null || true; done
    reset_env
else
    skip repair_post_notify "POST /repair, notifications on" "bench nginx" "probe POST answered $code"
fi

OUTBOX_N=${BENCH_OUTBOX:-5000}
sql -e "INSERT IGNORE INTO notify_outbox (idem_key, event, ticket_id, event_id, recipient_kind,
          address, channel, lang, p_number, p_code, next_attempt_at, created_at)
        SELECT CONCAT('bench-', id), 'created', id, id, 'group', '', 'webhook', 'zh-CN', number,
          track_code, UTC_TIMESTAMP() + INTERVAL 1 DAY, UTC_TIMESTAMP()
        FROM tickets ORDER BY id DESC LIMIT $OUTBOX_N" || die "could not fill the outbox"
say "outbox: $OUTBOX_N messages to the webhook sink"
t0=$(date +%s%N)
sql_retry -e "UPDATE notify_outbox SET next_attempt_at = UTC_TIMESTAMP() WHERE idem_key LIKE 'bench-%'" ||
    say "warning: could not make the outbox's messages due"
left=1
for ((i = 0; i < 3000; i++)); do
    left=$(sql -e "SELECT COUNT(*) FROM notify_outbox WHERE idem_key LIKE 'bench-%'
                   AND status IN ('queued', 'sending')")
    [ "$left" = 0 ] && break
    sleep 0.1
done
t1=$(date +%s%N)
sent=$(sql -e "SELECT COUNT(*) FROM notify_outbox WHERE idem_key LIKE 'bench-%' AND status = 'sent'")
total=$(sql -e "SELECT COUNT(*) FROM notify_outbox WHERE idem_key LIKE 'bench-%'")
if [ "$left" = 0 ] && [ "${total:-0}" -gt 0 ]; then
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' outbox_throughput \
        "outbox → webhook sink (messages/s)" "sl-notify ×2" 200 "$total" $(( (t1 - t0) / 1000 )) \
        "$sent" 0 0 0 "200:$sent" "req/s = messages/s, queued to sent; batch 20; no latency measured" \
        - >>"$ROWS"
    awk -v n="$sent" -v d=$(( (t1 - t0) / 1000 )) 'BEGIN { printf "bench:   %.0f messages/s\n", n / (d / 1e6) }'
else
    skip outbox_throughput "outbox → webhook sink (messages/s)" "sl-notify ×2" \
        "${left:-?} of ${total:-?} messages not sent within 300 s"
fi
sql -e "UPDATE notify_channels SET enabled = 0; DELETE FROM notify_rules" || true
kill "$SINK_PID" 2>/dev/null || true

# ---------------------------------------------------------------- memory

# RSS of every worker process, after the run: "name pid rss_kb" lines
rss_of() { # label pid...
    local label=$1 p r
    shift
    for p in "$@"; do
        r=$(ps -o rss= -p "$p" 2>/dev/null | tr -d ' ') || continue
        [ -n "$r" ] && printf '%s %s %s\n' "$label" "$p" "$r"
    done
}
children() { ps -o pid= --ppid "$1" 2>/dev/null | tr -d ' ' | tr '\n' ' '; }
{
    for p in intake auth desk dash journey okr admin; do
        # the pid file names the plugin's multiwatch; its children serve
        [ -f "$RUN_DIR/$p.pid" ] && rss_of "sl-$p" $(children "$(cat "$RUN_DIR/$p.pid")")
    done
    rss_of hello_fcgi $(cat "$BN/hello.pid" 2>/dev/null)
    m=$(cat "$RUN_DIR/nginx.pid" 2>/dev/null || true)
    [ -z "$m" ] || rss_of "nginx worker (stack)" $(children "$m")
    m=$(cat "$BN/nginx.pid" 2>/dev/null || true)
    [ -z "$m" ] || rss_of "nginx worker (bench)" $(children "$m")
    rss_of mariadbd $(cat "$RUN_DIR/mariadbd.pid" 2>/dev/null)
} >"$TMPD/rss" || true

# ---------------------------------------------------------------- scaling

# The read scenarios again on smaller databases made the same way, each in
# its own stack (var/bench-10k, ...), one at a time, on port SPORT.
size_name() { # tickets -> 10k, 100k, 1m, ...
    local n=$1
    if [ $(( n % 1000000 )) -eq 0 ]; then echo "$(( n / 1000000 ))m"
    elif [ $(( n % 1000 )) -eq 0 ]; then echo "$(( n / 1000 ))k"
    else echo "$n"; fi
}
M_NAME=$NAME M_PORT=$PORT M_BASE=$BASE M_LOGDIR=$LOGDIR M_AGENT=$AGENT M_SUPER=$SUPER M_TECH=$TECH
for n in $SMALL_SIZES; do
    SMALL_NAME=bench-$(size_name "$n")
    NAME=$SMALL_NAME PORT=$SPORT BASE=http://$HOST:$SPORT LOGDIR=$ROOT/var/$SMALL_NAME/log
    ROWS=$TMPD/rows-$n WRKTAG=$n-
    : >"$ROWS"
    say "scaling: the read scenarios at $n tickets (stack '$NAME', port $PORT)"
    load_db "$n"
    echo "$count" >"$TMPD/count-$n"
    AGENT=$(login agent)
    SUPER=$(login supervisor)
    TECH=$(login tech)
    reset_env
    read_scenarios
    "$STACK" down "$NAME" >/dev/null 2>&1 8>&- || say "warning: 'stack.sh down $NAME' failed"
    SMALL_NAME=""
done
NAME=$M_NAME PORT=$M_PORT BASE=$M_BASE LOGDIR=$M_LOGDIR AGENT=$M_AGENT SUPER=$M_SUPER TECH=$M_TECH
ROWS=$TMPD/rows WRKTAG=""
count=$MAIN_COUNT

# ---------------------------------------------------------------- report

CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
[ -n "$CPU" ] || CPU=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
MEM=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
NGINX_V=$(nginx -v 2>&1 | sed 's/.*version: //')
WRK_V=$( (wrk --version 2>&1 || true) | head -n 1 | awk '{ print $2 }')
DB_V=$(sql -e "SELECT VERSION()" 2>/dev/null || echo '?')
T_END=$(date +%s)

{
awk -F'\t' -v secs="$SECONDS_RUN" -v th="$THREADS" -v co="$CONNS" \
    -v tickets="$count" -v when="$(date -u '+%Y-%m-%d %H:%M UTC')" \
    -v cpu="$CPU" -v ncpu="$(nproc)" -v mem="$MEM" -v kern="$(uname -r)" -v loadavg="$LOAD" -v load0="$LOAD0" -v idle0="$IDLE0" \
    -v nginxv="$NGINX_V" -v wrkv="$WRK_V" -v dbv="$DB_V" -v csv="$CSV" -v rssf="$TMPD/rss" \
    -v took="$(( T_END - T_LOADED ))" -v bport="$BPORT" '
function ms(us) { return sprintf("%.2f", us / 1000) }
function ratio(x, base) { return base > 0 ? sprintf("%.3f", x / base) : "-" }
{
    n++; id[n] = $1; label[n] = $2; via[n] = $3; expect[n] = $4; req[n] = $5; dur[n] = $6
    ok[n] = $7; p50[n] = $8; p99[n] = $9; serr[n] = $10; st[n] = $11; note[n] = $12
    wp[n] = (NF >= 13 && $13 != "-") ? ms($13) : "–"
    cpuus[n] = (NF >= 18 && $14 != "-") ? $14 " | " $15 " | " $16 " | " $17 " | " $18 " | " $14 + $15 + $16 + $17 + $18 : ""
    if (req[n] != "-" && dur[n] > 0) {
        rps[n] = req[n] / (dur[n] / 1e6); okps[n] = ok[n] / (dur[n] / 1e6)
        if ($1 == "hello") hello = okps[n]
        if ($1 == "static") static = okps[n]
        if ($1 == "raw_insert") raw = okps[n]
        if ($1 == "desk_ticket") tpage = okps[n]
        if ($1 == "desk_ticket_floor") tfloor = okps[n]
        if ($1 == "repair_post_direct") post = okps[n]
        if ($1 ~ /^repair_post_notify[0-9]$/) notify_on += okps[n]
        if ($1 ~ /^repair_post_quiet[0-9]$/) notify_off += okps[n]
    }
}
END {
    printf "## ServiceLoop benchmark (%s)\n\n", when
    printf "Machine: %s CPU(s), %s, %s RAM, Linux %s.  \n", ncpu, cpu, mem, kern
    printf "Before the scenarios: load average %s, CPU idle %s (over 1 s). After: load average %s.  \n", load0, idle0, loadavg
    printf "nginx %s, MariaDB %s, wrk %s: %s threads, %s connections, %s s per scenario (after a warm-up), keep-alive.  \n", nginxv, dbv, wrkv, th, co, secs
    printf "Database: %s tickets.\n\n", tickets
    print "| Scenario | Via | req/s | OK req/s | p50 ms | p99 ms | Worker p50 ms | Requests | Not OK (status×count) | Socket errors | ÷ hello | ÷ static | Notes |"
    print "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |"
    print "scenario,via,expected_status,requests,duration_s,req_per_s,ok_req_per_s,p50_ms,p99_ms,not_ok,socket_errors,statuses,ratio_hello,ratio_static,note" > csv
    for (i = 1; i <= n; i++) {
        if (req[i] == "-") {
            printf "| %s | %s | – | – | – | – | – | – | – | – | – | – | skipped: %s |\n", label[i], via[i], note[i]
            printf "\"%s\",\"%s\",,,,,,,,,,,,,\"skipped: %s\"\n", label[i], via[i], note[i] > csv
            continue
        }
        bad = ""; nbad = 0
        k = split(st[i], parts, ",")
        for (j = 1; j <= k; j++) {
            if (split(parts[j], sc, ":") != 2) continue
            if (sc[1] != expect[i]) { bad = bad (bad == "" ? "" : ", ") sc[1] "×" sc[2]; nbad += sc[2] }
        }
        if (bad == "") bad = "0"
        printf "| %s | %s | %.0f | %.0f | %s | %s | %s | %d | %s | %d | %s | %s | %s |\n", label[i], via[i], \
            rps[i], okps[i], ms(p50[i]), ms(p99[i]), wp[i], req[i], bad, serr[i], \
            ratio(okps[i], hello), ratio(okps[i], static), note[i]
        printf "\"%s\",\"%s\",%s,%d,%.3f,%.1f,%.1f,%s,%s,%d,%d,\"%s\",%s,%s,\"%s\"\n", label[i], via[i], expect[i], \
            req[i], dur[i] / 1e6, rps[i], okps[i], ms(p50[i]), ms(p99[i]), nbad, serr[i], st[i], \
            ratio(okps[i], hello), ratio(okps[i], static), note[i] > csv
    }
    print ""
    print "OK = the expected status (200; 303 for POST /repair). The ratios divide OK req/s by the OK req/s of the"
    print "hello-world FastCGI program and of the static file, both behind an nginx with the same settings (port " bport ")."
    print "p50/p99 cover every response, 429s included. wrk, nginx, the workers and MariaDB share the same CPUs."
    print "Worker p50 = the median of the time the workers themselves log per request (no queueing in nginx or"
    print "on the FastCGI socket). The raw durable insert commits per second count as its OK req/s."
    if (raw > 0 && post > 0)
        printf "\nPOST /repair (bench nginx, no limit_req) ÷ raw durable insert: **%.3f** (%.0f ÷ %.0f per second).\n", post / raw, post, raw
    if (tpage > 0 && tfloor > 0 && hello > 0)
        printf "\nTicket page ÷ its floor (the same statement and bytes, nothing else): **%.3f** (%.0f ÷ %.0f per second); the floor itself is %.3f× hello.\n", tpage / tfloor, tpage, tfloor, tfloor / hello
    if (notify_on > 0 && notify_off > 0)
        printf "\nPOST /repair with notifications on ÷ off (the two pairs summed): **%.3f** (%.0f ÷ %.0f per second).\n", notify_on / notify_off, notify_on, notify_off
    print ""
    print "CPU per OK request, µs (user + system time from /proc over the run, divided by the OK requests): MariaDB,"
    print "the workers of the stack (sl-*), both nginx, the FastCGI programs of the bench, and the load generator (wrk, or the"
    print "insert program of the raw insert). The two CPUs give 2,000,000 µs a second to share.\n"
    print "| Scenario | Via | MariaDB | workers | nginx | bench programs | load generator | total |"
    print "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    for (i = 1; i <= n; i++)
        if (cpuus[i] != "") printf "| %s | %s | %s |\n", label[i], via[i], cpuus[i]
    print ""
    # memory footer
    while ((getline line < rssf) > 0) {
        m = split(line, f, " "); kb = f[m]; pid = f[m - 1]
        name = f[1]; for (j = 2; j <= m - 2; j++) name = name " " f[j]
        if (!(name in list)) { order[++no] = name; list[name] = "" }
        list[name] = list[name] (list[name] == "" ? "" : ", ") sprintf("%.1f", kb / 1024)
    }
    printf "Memory after the run, RSS in MiB of each process (ps -o rss):  \n"
    for (j = 1; j <= no; j++) printf "%s: %s%s\n", order[j], list[order[j]], j < no ? "  " : ""
    printf "\nScenarios took %d s (excluding the ticket load).\n", took
}' "$TMPD/rows"
} >"$MD"

# Scaling: worker time per page (p50 of the workers' own log) at each size.
if [ -n "$SMALL_SIZES" ]; then
    {
        echo
        echo "### Worker time per page by database size (p50 ms of the workers' request log; OK req/s in brackets)"
        echo
        files=""
        hdr="| Scenario |"; sep="| --- |"
        for n in $SMALL_SIZES $TICKETS; do
            if [ "$n" = "$TICKETS" ]; then f=$TMPD/rows; c=$MAIN_COUNT
            else f=$TMPD/rows-$n; c=$(cat "$TMPD/count-$n" 2>/dev/null || echo "$n"); fi
            files="$files $f"
            hdr="$hdr $c tickets |"; sep="$sep ---: |"
        done
        hdr="$hdr largest ÷ smallest |"; sep="$sep ---: |"
        echo "$hdr"; echo "$sep"
        awk -F'\t' '
            FNR == 1 { k++ }
            $1 ~ /^(repair_get|login_get|desk_queue|desk_queue_p2|desk_queue_tech|desk_ticket|dash)$/ {
                if (!($1 in seen)) { seen[$1] = 1; order[++no] = $1; label[$1] = $2 }
                if ($5 != "-" && $6 > 0 && $13 != "-") {
                    v[$1, k] = sprintf("%.2f (%.0f)", $13 / 1000, $7 / ($6 / 1e6)); w[$1, k] = $13
                } else v[$1, k] = "–"
            }
            END {
                for (i = 1; i <= no; i++) {
                    id = order[i]; line = "| " label[id] " |"
                    for (j = 1; j <= k; j++) line = line " " ((id, j) in v ? v[id, j] : "–") " |"
                    g = ((id, 1) in w && (id, k) in w && w[id, 1] > 0) ? sprintf("%.2f", w[id, k] / w[id, 1]) : "–"
                    print line " " g " |"
                }
            }' $files
    } >>"$MD"
fi

# Photo uploads: decode + re-encode + thumbnail of a 12-MP phone JPEG, in
# one process without the stack (tests/bench/image_bench.c).
say "photo re-encoding (build/tests/bench_image)"
{ echo; "$ROOT/$BUILD/tests/bench_image"; } >>"$MD" || die "$BUILD/tests/bench_image failed"
{ echo; cat "$SERIES"; } >>"$MD"

echo
cat "$MD"
echo
say "written $MD and $CSV (raw wrk output in var/bench/wrk/)"
