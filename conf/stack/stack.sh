#!/usr/bin/env bash
# ServiceLoop local stack: a private MariaDB, the FastCGI workers and nginx,
# all under var/NAME/ of the repository, all run as the current user.
#
#   conf/stack/stack.sh up NAME PORT   start (or complete) stack NAME on 127.0.0.1:PORT
#   conf/stack/stack.sh down NAME      stop everything of NAME
#   conf/stack/stack.sh status NAME    what runs (exit 0 all up, 3 otherwise)
#   conf/stack/stack.sh db-stop NAME   stop only the MariaDB of NAME
#   conf/stack/stack.sh db-start NAME  start only the MariaDB of NAME
#   conf/stack/stack.sh sql NAME [ARGS]  mariadb client as the app user
#   conf/stack/stack.sh url NAME       print the base URL
#   conf/stack/stack.sh workers NAME PLUGIN       pids of PLUGIN's workers
#   conf/stack/stack.sh workers-stop NAME PLUGIN  stop PLUGIN's workers
#                                      (`up` starts them again)
#   conf/stack/stack.sh notify NAME    pids of the sl-notify senders
#
# Environment:
#   WORKERS=N       FastCGI processes per plugin (default 2), kept alive by
#                   multiwatch: a worker that dies is replaced
#   SL_BIN_DIR=DIR  where sl-<plugin> and sl-cli are (default <repo>/$BUILD/bin,
#                   BUILD defaulting to "build"; `make check` sets BUILD=build-san)
#   SL_VAR_DIR=DIR  instead of <repo>/var
#   SL_METRIC_LIVE_SECS=N  set the setting metric_live_secs (the tests use 0)
#   STOP_TIMEOUT=S  seconds to wait after TERM before KILL (default 10)
#   SL_POST_RATE=R  nginx limit_req rate of POST /login and /repair, as
#                   NNNr/s or NNNr/m (default 30r/s; the bench raises it)
#
# Layout of var/NAME/:
#   db/                 MariaDB datadir          db.password  app user's password (0600)
#   secret              the app secret (0600)    serviceloop.conf  SL_CONFIG (0600)
#   client.cnf          [client] options for `mariadb --defaults-file=...` (0600)
#   nginx.conf          generated from conf/nginx/local.conf.in
#   snippets/           conf/nginx/security-headers.conf, included by nginx.conf
#   run/                sockets and pid files (a symlink into /tmp when the
#                       real path would be too long for a unix socket)
#   log/                mariadb.log, nginx-error.log, nginx-access.log, <plugin>.log
#   tmp/                nginx and MariaDB temporary files
#   demo.txt            output of `sl-cli demo` (the demo logins)
set -eu
set -o pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd "$SCRIPT_DIR/../.." && pwd -P)
PLUGINS="intake auth desk dash journey okr admin"
WORKERS=${WORKERS:-2}
STOP_TIMEOUT=${STOP_TIMEOUT:-10}
POST_RATE=${SL_POST_RATE:-30r/s}
ME=$(id -un)
MY_UID=$(id -u)

if [ -n "${SL_BIN_DIR:-}" ]; then
    case "$SL_BIN_DIR" in
        /*) BIN_DIR=$SL_BIN_DIR ;;
        *)  BIN_DIR=$PWD/$SL_BIN_DIR ;;
    esac
else
    case "${BUILD:-build}" in
        /*) BIN_DIR=${BUILD}/bin ;;
        *)  BIN_DIR=$ROOT/${BUILD:-build}/bin ;;
    esac
fi
VAR_BASE=${SL_VAR_DIR:-$ROOT/var}
case "$VAR_BASE" in /*) ;; *) VAR_BASE=$PWD/$VAR_BASE ;; esac

# ---------------------------------------------------------------- helpers

say()  { printf 'stack: %s\n' "$*"; }
warn() { printf 'stack: warning: %s\n' "$*" >&2; }
die()  { printf 'stack: error: %s\n' "$*" >&2; exit 1; }

usage() {
    sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
}

random_hex() { # bytes
    od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'
}

# is PID alive and does its command line (or, for workers, its binary) contain PATTERN?
alive() {
    local pid=$1 pat=$2
    case "$pid" in ''|*[!0-9]*) return 1 ;; esac
    running "$pid" || return 1
    [ -r "/proc/$pid/cmdline" ] || return 0
    tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$pat"
}

# pids listed in a pid file that are alive and match PATTERN
live_pids() { # pidfile pattern
    local f=$1 pat=$2 p out=""
    [ -f "$f" ] || return 0
    for p in $(cat "$f" 2>/dev/null); do
        if alive "$p" "$pat"; then out="$out $p"; fi
    done
    echo $out
}

# alive and not a zombie (a stopped daemon stays a zombie until init reaps it)
running() { # pid
    local st rest
    kill -0 "$1" 2>/dev/null || return 1
    [ -r "/proc/$1/stat" ] || return 0
    read -r st 2>/dev/null <"/proc/$1/stat" || return 1
    rest=${st##*) }
    [ "${rest%% *}" != Z ]
}

# short name of a process into $COMM (no fork: called for every process)
comm_of() { # pid
    COMM=""
    read -r COMM 2>/dev/null <"/proc/$1/comm" || true
}

children_of() { # pid -> direct children
    ps -o pid= --ppid "$1" 2>/dev/null | tr -d ' ' | tr '\n' ' '
}

# TERM the given pids, wait up to STOP_TIMEOUT s, then KILL what is left.
stop_pids() { # what pid...
    local what=$1; shift
    local pids="$*" left p i
    [ -n "$pids" ] || return 0
    kill -TERM $pids 2>/dev/null || true
    for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
        left=""
        for p in $pids; do running "$p" && left="$left $p"; done
        [ -z "$left" ] && return 0
        sleep 0.1
    done
    warn "$what did not stop within ${STOP_TIMEOUT}s: sending KILL to$left"
    kill -KILL $left 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        left=""
        for p in $pids; do running "$p" && left="$left $p"; done
        [ -z "$left" ] && return 0
        sleep 0.1
    done
    warn "$what: still alive after KILL:$left"
}

# processes whose short name is COMM and whose command line contains PATTERN
# (a sweep for anything of ours whose pid file was lost)
find_procs() { # comm pattern
    local comm=$1 pat=$2 d pid out=""
    for d in /proc/[0-9]*; do
        pid=${d#/proc/}
        [ "$pid" = "$$" ] && continue
        comm_of "$pid"
        [ "$COMM" = "$comm" ] || continue
        running "$pid" || continue
        tr '\0' ' ' 2>/dev/null <"$d/cmdline" | grep -qF -- "$pat" || continue
        out="$out $pid"
    done
    echo $out
}

# processes of this stack named COMM (started with SL_CONFIG=<our conf>)
# whose command line, if PATTERN is given, contains it
find_ours() { # comm [pattern]
    local comm=$1 pat=${2:-} d pid out=""
    for d in /proc/[0-9]*; do
        pid=${d#/proc/}
        comm_of "$pid"
        [ "$COMM" = "$comm" ] || continue
        running "$pid" || continue
        tr '\0' '\n' 2>/dev/null <"$d/environ" | grep -qxF -- "SL_CONFIG=$CONF" || continue
        if [ -n "$pat" ]; then
            tr '\0' ' ' 2>/dev/null <"$d/cmdline" | grep -qF -- "$pat" || continue
        fi
        out="$out $pid"
    done
    echo $out
}

# workers of this stack: named sl-<plugin>, whoever their parent is
find_workers() { find_ours "sl-$1"; } # plugin
# the multiwatch supervising a plugin's workers (its command line ends
# with the program: ".../sl-<plugin> ")
find_watchers() { find_ours multiwatch "/sl-$1 "; } # plugin

# orphaned nginx workers listening on 127.0.0.1:PORT: left behind when a
# master was killed with -9 (their command line names no stack). A worker
# whose parent is still an nginx master belongs to that master (maybe
# another stack's), so only workers without an nginx parent count.
nginx_on_port() { # port
    local port=$1 hex inodes d out="" fd link st ppid
    case "$port" in ''|*[!0-9]*) return 0 ;; esac
    hex=$(printf '0100007F:%04X' "$port")
    inodes=" $(awk -v a="$hex" '$2 == a && $4 == "0A" { print $10 }' /proc/net/tcp 2>/dev/null | tr '\n' ' ') "
    [ -n "${inodes// /}" ] || return 0
    for d in /proc/[0-9]*; do
        comm_of "${d#/proc/}"
        [ "$COMM" = nginx ] || continue
        running "${d#/proc/}" || continue
        read -r st 2>/dev/null <"$d/stat" || continue
        st=${st##*) }; st=${st#* }; ppid=${st%% *}
        comm_of "$ppid"
        [ "$COMM" != nginx ] || continue
        tr '\0' ' ' 2>/dev/null <"$d/cmdline" | grep -q 'worker process' || continue
        for fd in "$d"/fd/*; do
            link=$(readlink "$fd" 2>/dev/null) || continue
            case "$link" in socket:\[*\]) ;; *) continue ;; esac
            link=${link#socket:[}
            case "$inodes" in *" ${link%]} "*) out="$out ${d#/proc/}"; break ;; esac
        done
    done
    echo $out
}

# is something (not our nginx) listening on TCP PORT?
port_in_use() { # port
    local hex
    hex=$(printf '%04X' "$1")
    awk -v p=":$hex" '$4 == "0A" && substr($2, length($2) - 4) == p { f = 1 } END { exit !f }' \
        /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

tail_log() { # file [lines]
    if [ -f "$1" ]; then
        echo "---- last lines of $1:" >&2
        tail -n "${2:-25}" "$1" >&2
        echo "----" >&2
    fi
}

# escape a string for the replacement part of a sed s||| command
sed_repl() { printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'; }

# ---------------------------------------------------------------- paths

setup_paths() { # NAME
    NAME=$1
    case "$NAME" in
        ''|*[!A-Za-z0-9_.-]*|.*) die "bad stack name '$NAME' (letters, digits, . _ - only)" ;;
    esac
    VAR=$VAR_BASE/$NAME
    DATADIR=$VAR/db
    LOG=$VAR/log
    TMP=$VAR/tmp
    CONF=$VAR/serviceloop.conf
    CLIENT_CNF=$VAR/client.cnf
    NGINX_CONF=$VAR/nginx.conf
    LINK_RUN=$VAR/run
    # Unix socket paths must fit in sun_path (108 bytes with the NUL). The
    # longest name we put there is "journey.sock" (12). If var/NAME/run is too
    # deep, keep the sockets in a short directory under /tmp instead and make
    # var/NAME/run a symlink to it (that is the record of where they are).
    if [ -L "$LINK_RUN" ]; then
        RUN=$(readlink "$LINK_RUN")
    elif [ $(( ${#LINK_RUN} + 1 + 12 )) -le 107 ]; then
        RUN=$LINK_RUN
    else
        local h
        h=$(printf '%s' "$VAR" | sha1sum | cut -c1-10)
        RUN=/tmp/sl-$h-$(printf '%s' "$NAME" | cut -c1-40)
    fi
    SOCK=$RUN/mysqld.sock
    DB_PID=$RUN/mariadbd.pid
    NGINX_PID=$RUN/nginx.pid
}

make_dirs() {
    mkdir -p "$VAR" "$LOG" "$TMP" "$TMP/mariadb"
    chmod 0700 "$VAR"
    if [ "$RUN" != "$LINK_RUN" ]; then
        mkdir -p "$RUN"
        chmod 0700 "$RUN"
        if [ ! -L "$LINK_RUN" ]; then
            rm -rf "$LINK_RUN"
            ln -s "$RUN" "$LINK_RUN"
            say "var path too long for unix sockets: sockets and pids in $RUN (var/$NAME/run links there)"
        fi
    else
        mkdir -p "$RUN"
    fi
}

lock_stack() {
    mkdir -p "$VAR"
    exec 9>"$VAR/.lock"
    if ! flock -w 300 9; then
        die "another stack.sh is working on '$NAME' (lock $VAR/.lock)"
    fi
}

# ---------------------------------------------------------------- MariaDB

db_pids()    { live_pids "$DB_PID" "--datadir=$DATADIR"; }
db_running() { [ -n "$(db_pids)" ]; }

admin_sql() { # SQL...
    mariadb --no-defaults --socket="$SOCK" --user="$ME" --batch --skip-column-names \
        --default-character-set=utf8mb4 "$@"
}

app_sql() { # mariadb args (reads client.cnf: socket, user, password, charset)
    mariadb --defaults-file="$CLIENT_CNF" --batch --skip-column-names serviceloop "$@"
}

db_init() {
    [ -d "$DATADIR/mysql" ] && return 0
    say "initialising MariaDB datadir $DATADIR"
    rm -rf "$DATADIR"
    mkdir -p "$DATADIR"
    if ! mariadb-install-db --no-defaults --datadir="$DATADIR" --user="$ME" \
            --auth-root-authentication-method=socket --skip-test-db \
            --skip-name-resolve >"$LOG/mariadb-install.log" 2>&1; then
        tail_log "$LOG/mariadb-install.log" 40
        rm -rf "$DATADIR"
        die "mariadb-install-db failed"
    fi
}

# sets DID=1 when it started something (never called in an `if`, so that
# set -e stays in force inside)
db_start() {
    local stray
    if db_running; then return 0; fi
    # a server on our datadir whose pid file was lost: adopt it
    stray=$(find_procs mariadbd "--datadir=$DATADIR")
    if [ -n "$stray" ]; then
        echo "${stray%% *}" >"$DB_PID"
        return 0
    fi
    [ -d "$DATADIR/mysql" ] || db_init
    rm -f "$SOCK" "$SOCK.lock" "$DB_PID"
    say "starting MariaDB (socket $SOCK)"
    # setsid: not in our process group, so ^C on `make run` does not hit it.
    setsid mariadbd --no-defaults \
        --user="$ME" \
        --datadir="$DATADIR" \
        --socket="$SOCK" \
        --skip-networking \
        --pid-file="$DB_PID" \
        --log-error="$LOG/mariadb.log" \
        --tmpdir="$TMP/mariadb" \
        --innodb-flush-log-at-trx-commit=1 \
        --innodb-autoinc-lock-mode=2 \
        --innodb-buffer-pool-size=256M \
        --innodb-file-per-table=1 \
        --character-set-server=utf8mb4 \
        --collation-server=utf8mb4_unicode_ci \
        --default-time-zone=+00:00 \
        --max-connections=200 \
        --max-allowed-packet=64M \
        --skip-name-resolve \
        --skip-log-bin \
        --log-warnings=2 \
        </dev/null >>"$LOG/mariadb.log" 2>&1 9>&- &
    local bgpid=$! i
    for ((i = 0; i < 300; i++)); do
        if mariadb-admin --no-defaults --socket="$SOCK" --user="$ME" \
                --connect-timeout=2 ping >/dev/null 2>&1; then
            DID=1
            return 0
        fi
        if ! running "$bgpid"; then
            tail_log "$LOG/mariadb.log" 30
            die "mariadbd exited during start-up (log: $LOG/mariadb.log)"
        fi
        sleep 0.1
    done
    tail_log "$LOG/mariadb.log" 30
    die "MariaDB did not answer on $SOCK within 30 s (log: $LOG/mariadb.log)"
}

db_stop() {
    local pids
    pids=$(db_pids)
    [ -n "$pids" ] || pids=$(find_procs mariadbd "--datadir=$DATADIR")
    if [ -n "$pids" ]; then
        say "stopping MariaDB ($pids)"
        stop_pids mariadbd $pids
        STOPPED=1
    fi
    rm -f "$SOCK" "$SOCK.lock" "$DB_PID"
}

# database, app user, password, secret, config files
db_setup() {
    local pw secret
    if [ ! -s "$VAR/db.password" ]; then
        (umask 077; random_hex 24 >"$VAR/db.password.tmp")
        mv "$VAR/db.password.tmp" "$VAR/db.password"
    fi
    chmod 0600 "$VAR/db.password"
    pw=$(cat "$VAR/db.password")
    if [ ! -s "$VAR/secret" ]; then
        (umask 077; random_hex 32 >"$VAR/secret.tmp")
        mv "$VAR/secret.tmp" "$VAR/secret"
    fi
    chmod 0600 "$VAR/secret"
    secret=$(cat "$VAR/secret")

    # Only the first time: create the database and the user.
    if [ ! -f "$DATADIR/.sl-user-created" ] ||
       [ -z "$(admin_sql -e "SELECT 1 FROM mysql.global_priv WHERE User='serviceloop' AND Host='localhost'")" ]; then
        say "creating database serviceloop and user 'serviceloop'@'localhost'"
        admin_sql <<SQL || die "could not create the database or the user"
CREATE DATABASE IF NOT EXISTS serviceloop CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'serviceloop'@'localhost' IDENTIFIED BY '$pw';
ALTER USER 'serviceloop'@'localhost' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON serviceloop.* TO 'serviceloop'@'localhost';
FLUSH PRIVILEGES;
SQL
        touch "$DATADIR/.sl-user-created"
    fi

    write_file "$CLIENT_CNF" 0600 <<EOF
# mariadb --defaults-file=$CLIENT_CNF serviceloop
[client]
socket = $SOCK
user = serviceloop
password = $pw
default-character-set = utf8mb4
EOF

    write_file "$CONF" 0600 <<EOF
# ServiceLoop configuration for the local stack '$NAME'.
# Generated by conf/stack/stack.sh on every 'up'; edit conf/stack/stack.sh,
# not this file. Keys are documented in conf/serviceloop.conf.example.
db_socket = $SOCK
db_name = serviceloop
db_user = serviceloop
db_password = $pw
template_dir = $ROOT/templates
static_dir = $ROOT/static
secret = $secret
secure_cookies = 0
base_url = http://127.0.0.1:$PORT
log_level = info
EOF
}

# write stdin to FILE with MODE; sets CHANGED=1 when the content changed
write_file() { # file mode
    local f=$1 mode=$2 tmp
    tmp=$(mktemp "$f.XXXXXX")
    chmod "$mode" "$tmp"
    cat >"$tmp"
    if [ -f "$f" ] && cmp -s "$tmp" "$f"; then
        rm -f "$tmp"
    else
        mv -f "$tmp" "$f"
        CHANGED=1
    fi
}

# ---------------------------------------------------------------- migrations

apply_sql_file() { # file version
    local f=$1 v=$2 out
    if ! out=$(app_sql --default-character-set=utf8mb4 <"$f" 2>&1); then
        printf '%s\n' "$out" >&2
        die "$v failed. Statements before the error stay applied (DDL is not transactional in MariaDB); nothing after it was applied. Fix it, then run 'up' again."
    fi
    [ -z "$out" ] || printf '%s\n' "$out"
    app_sql -e "INSERT INTO schema_migrations (version, applied_at) VALUES ('$v', UTC_TIMESTAMP())" \
        || die "could not record $v in schema_migrations"
}

migrate() {
    local applied base n prev="" count=0
    app_sql -e "CREATE TABLE IF NOT EXISTS schema_migrations (
                  version VARCHAR(64) NOT NULL PRIMARY KEY,
                  applied_at DATETIME NOT NULL
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci" \
        || die "cannot create schema_migrations (is MariaDB up? log: $LOG/mariadb.log)"
    applied=$(app_sql -e "SELECT version FROM schema_migrations")

    # sql/migrations/NNN_name.sql, numeric order
    local files
    files=$(for f in "$ROOT"/sql/migrations/[0-9]*_*.sql; do
                [ -f "$f" ] && basename "$f"
            done | grep -E '^[0-9]+_.*\.sql$' | sort -t_ -k1,1n -k2 || true)
    for base in $files; do   # check them all before applying any
        case "$base" in *[!A-Za-z0-9_.-]*) die "bad migration file name: $base" ;; esac
        [ ${#base} -le 64 ] || die "migration file name longer than 64 characters: $base"
        n=$((10#${base%%_*}))
        [ "$n" != "$prev" ] || die "two migrations share number $n: see sql/migrations/"
        prev=$n
    done
    for base in $files; do
        if printf '%s\n' "$applied" | grep -qxF -- "$base"; then continue; fi
        say "migration $base"
        apply_sql_file "$ROOT/sql/migrations/$base" "$base"
        count=$((count + 1))
    done
    [ $count -eq 0 ] || say "$count migration(s) applied"

    # sql/demo/*.sql: each loaded once, after the migrations
    files=$(for f in "$ROOT"/sql/demo/*.sql; do
                [ -f "$f" ] && basename "$f"
            done | sort || true)
    for base in $files; do
        case "$base" in *[!A-Za-z0-9_.-]*) die "bad demo file name: $base" ;; esac
        if printf '%s\n' "$applied" | grep -qxF -- "demo:$base"; then continue; fi
        say "demo data $base"
        apply_sql_file "$ROOT/sql/demo/$base" "demo:$base"
    done

    # The test suites check today's figures right after changing tickets:
    # they run with SL_METRIC_LIVE_SECS=0 (workers never reuse a live read).
    if [ -n "${SL_METRIC_LIVE_SECS:-}" ]; then
        case "$SL_METRIC_LIVE_SECS" in *[!0-9]*) die "SL_METRIC_LIVE_SECS must be a number" ;; esac
        app_sql -e "UPDATE settings SET value = '$SL_METRIC_LIVE_SECS' WHERE name = 'metric_live_secs'" \
            || die "cannot set metric_live_secs"
    fi
}

demo_cli() {
    local cli=$BIN_DIR/sl-cli out
    if [ ! -x "$cli" ]; then
        rm -f "$VAR/demo.txt"
        return 0
    fi
    if ! out=$(cd "$VAR" && SL_CONFIG=$CONF "$cli" demo 2>&1 9>&-); then
        printf '%s\n' "$out" >&2
        die "'sl-cli demo' failed"
    fi
    printf '%s\n' "$out" >"$VAR/demo.txt"
}

# ---------------------------------------------------------------- workers

# Each plugin: spawn-fcgi creates the socket and starts multiwatch on it
# (as the production unit conf/systemd/serviceloop-worker@.service does);
# multiwatch forks WORKERS copies of sl-<plugin>, replaces any that dies and,
# on TERM, passes TERM on and waits for them. $RUN/<plugin>.pid holds the
# multiwatch pid.
watcher_pid() { # plugin
    local w
    for w in $(live_pids "$RUN/$1.pid" "/sl-$1 "); do
        comm_of "$w"
        [ "$COMM" != multiwatch ] || echo "$w"
    done
}

# the serving processes of a plugin: multiwatch's sl-<plugin> children
worker_pids() { # plugin
    local w c out=""
    w=$(watcher_pid "$1")
    [ -n "$w" ] || return 0
    for c in $(children_of "$w"); do
        comm_of "$c"
        [ "$COMM" = "sl-$1" ] && running "$c" && out="$out $c"
    done
    echo $out
}

# Stop the multiwatch of each PLUGIN first (TERM: it stops restarting,
# passes TERM to its workers and exits once they have), then any worker
# left without one (a multiwatch killed with -9, a stack started before
# multiwatch). All plugins at once: libfcgi takes about a second on TERM.
workers_stop() { # plugin...
    local p pids="" left=""
    for p in "$@"; do pids="$pids $(watcher_pid "$p") $(find_watchers "$p")"; done
    pids=$(printf '%s\n' $pids | sort -u | tr '\n' ' ')
    if [ -n "${pids// /}" ]; then
        say "stopping multiwatch ($pids)"
        stop_pids multiwatch $pids
        STOPPED=1
    fi
    for p in "$@"; do left="$left $(find_workers "$p")"; done
    left=$(printf '%s\n' $left | sort -u | tr '\n' ' ')
    if [ -n "${left// /}" ]; then
        say "stopping FastCGI workers ($left)"
        stop_pids "FastCGI workers" $left
        STOPPED=1
    fi
    for p in "$@"; do rm -f "$RUN/$p.sock" "$RUN/$p.pid"; done
}

workers_start() { # plugin; sets DID=1 when it (re)started them
    local p=$1 bin=$BIN_DIR/sl-$1 w pids n i
    if [ ! -x "$bin" ]; then
        if [ -n "$(watcher_pid "$p")$(find_workers "$p")" ]; then workers_stop "$p"; fi
        return 0
    fi
    w=$(watcher_pid "$p")
    pids=$(worker_pids "$p")
    n=$(echo $pids | wc -w)
    if [ -n "$w" ] && [ "$n" -eq "$WORKERS" ] && [ -S "$RUN/$p.sock" ] &&
       [ "$CONF_CHANGED" = 0 ] && [ ! "$bin" -nt "$RUN/$p.pid" ]; then
        return 0
    fi
    if [ -n "$w" ]; then
        if [ "$bin" -nt "$RUN/$p.pid" ]; then say "sl-$p was rebuilt: restarting it"
        elif [ "$CONF_CHANGED" = 1 ]; then say "configuration changed: restarting sl-$p"
        else say "sl-$p has $n of $WORKERS processes: restarting it"; fi
    fi
    workers_stop "$p" >/dev/null
    # spawn-fcgi points its child's stdout/stderr at /dev/null; the sh
    # wrapper re-opens them on the plugin's log and then execs multiwatch
    # (so the pid spawn-fcgi writes is multiwatch's), whose workers inherit
    # the socket on stdin and the log.
    if ! (cd "$VAR" && SL_CONFIG=$CONF spawn-fcgi \
            -s "$RUN/$p.sock" -M 0660 -P "$RUN/$p.pid" -d "$VAR" \
            -- /bin/sh -c 'exec multiwatch -f "$2" -s TERM -- "$0" >>"$1" 2>&1' \
            "$bin" "$LOG/$p.log" "$WORKERS") \
            >>"$LOG/spawn-fcgi.log" 2>&1 9>&-; then
        tail_log "$LOG/spawn-fcgi.log" 4
        tail_log "$LOG/$p.log" 15
        workers_stop "$p" >/dev/null
        die "sl-$p did not start (log: $LOG/$p.log)"
    fi
    for ((i = 0; i < 30; i++)); do
        sleep 0.1
        pids=$(worker_pids "$p")
        [ "$(echo $pids | wc -w)" -lt "$WORKERS" ] || break
        [ -n "$(watcher_pid "$p")" ] || break
    done
    if [ -z "$pids" ]; then
        tail_log "$LOG/$p.log" 20
        workers_stop "$p" >/dev/null
        die "sl-$p exited right after start (log: $LOG/$p.log)"
    fi
    say "sl-$p: $(echo $pids | wc -w) process(es) under multiwatch $(watcher_pid "$p") on $RUN/$p.sock"
    DID=1
}

# ---------------------------------------------------------------- sl-notify

# The notification senders: multiwatch keeps NOTIFY_SENDERS copies of
# sl-notify running (two by default, so the claims are tested with
# concurrent senders) and replaces any that dies, as systemd does with
# conf/systemd/serviceloop-notify.service. Short lease, poll interval and
# scan period: the tests wait for messages. $RUN/notify.pid holds the multiwatch pid.
NOTIFY_SENDERS=${NOTIFY_SENDERS:-2}
notify_watcher() { live_pids "$RUN/notify.pid" "/sl-notify "; }
notify_pids() {
    local w c out=""
    w=$(notify_watcher)
    [ -n "$w" ] || return 0
    for c in $(children_of "$w"); do
        comm_of "$c"
        [ "$COMM" = sl-notify ] && running "$c" && out="$out $c"
    done
    echo $out
}

notify_stop() {
    local pids
    pids="$(notify_watcher) $(find_ours multiwatch "/sl-notify ")"
    pids=$(printf '%s\n' $pids | sort -u | tr '\n' ' ')
    if [ -n "${pids// /}" ]; then
        say "stopping sl-notify's multiwatch ($pids)"
        stop_pids multiwatch $pids
        STOPPED=1
    fi
    pids=$(find_ours sl-notify)
    if [ -n "$pids" ]; then
        say "stopping sl-notify ($pids)"
        stop_pids sl-notify $pids
        STOPPED=1
    fi
    rm -f "$RUN/notify.pid"
}

notify_start() {
    local bin=$BIN_DIR/sl-notify i
    if [ ! -x "$bin" ]; then
        [ -z "$(notify_watcher)$(find_ours sl-notify)" ] || notify_stop
        return 0
    fi
    if [ -n "$(notify_watcher)" ] && [ "$CONF_CHANGED" = 0 ] && [ ! "$bin" -nt "$RUN/notify.pid" ]; then
        return 0
    fi
    notify_stop >/dev/null
    # the subshell execs setsid, which execs multiwatch: $! is multiwatch
    (cd "$VAR" && SL_CONFIG=$CONF exec setsid multiwatch -f "$NOTIFY_SENDERS" -s TERM -- \
        "$bin" --lease 5 --interval-ms 200 --scan-secs 2) </dev/null >>"$LOG/notify.log" 2>&1 9>&- &
    echo $! >"$RUN/notify.pid"
    for ((i = 0; i < 30; i++)); do
        sleep 0.1
        [ "$(notify_pids | wc -w)" -lt "$NOTIFY_SENDERS" ] || break
    done
    [ -n "$(notify_pids)" ] || { tail_log "$LOG/notify.log" 20; die "sl-notify did not start"; }
    say "sl-notify: $(notify_pids | wc -w) sender(s) under multiwatch $(notify_watcher)"
    DID=1
}

# ---------------------------------------------------------------- nginx

nginx_pids() {
    local p
    p=$(live_pids "$NGINX_PID" "$NGINX_CONF")
    [ -n "$p" ] && echo "$p $(children_of "$p")"
    return 0
}
nginx_master() { live_pids "$NGINX_PID" "$NGINX_CONF"; }

nginx_write_conf() {
    local user_line="" tmpl=$ROOT/conf/nginx/local.conf.in
    [ -f "$tmpl" ] || die "missing $tmpl"
    # nginx started by root switches its workers to "nobody" unless told:
    # the workers must reach the FastCGI sockets (mode 0660, owner root).
    [ "$MY_UID" -eq 0 ] && user_line="user root root;"
    sed -e "s|@PORT@|$(sed_repl "$PORT")|g" \
        -e "s|@NAME@|$(sed_repl "$NAME")|g" \
        -e "s|@ROOT@|$(sed_repl "$ROOT")|g" \
        -e "s|@VAR@|$(sed_repl "$VAR")|g" \
        -e "s|@RUN@|$(sed_repl "$RUN")|g" \
        -e "s|@LOG@|$(sed_repl "$LOG")|g" \
        -e "s|@TMP@|$(sed_repl "$TMP")|g" \
        -e "s|@STATIC_DIR@|$(sed_repl "$ROOT/static")|g" \
        -e "s|@USER_DIRECTIVE@|$(sed_repl "$user_line")|g" \
        -e "s|@POST_RATE@|$(sed_repl "$POST_RATE")|g" \
        "$tmpl" >"$NGINX_CONF.new"
    write_file "$NGINX_CONF" 0644 <"$NGINX_CONF.new"
    rm -f "$NGINX_CONF.new"
    # the header set shared with the production site (included by nginx.conf)
    [ -f "$ROOT/conf/nginx/security-headers.conf" ] ||
        die "missing $ROOT/conf/nginx/security-headers.conf"
    mkdir -p "$VAR/snippets"
    write_file "$VAR/snippets/serviceloop-security-headers.conf" 0644 \
        <"$ROOT/conf/nginx/security-headers.conf"
}

nginx_test() {
    if ! nginx -t -q -p "$VAR/" -c "$NGINX_CONF" -e "$LOG/nginx-error.log" >"$TMP/nginx-t.out" 2>&1; then
        cat "$TMP/nginx-t.out" >&2
        die "nginx rejects $NGINX_CONF"
    fi
}

nginx_start() {
    local master i
    mkdir -p "$TMP/nginx"
    CHANGED=0
    nginx_write_conf
    master=$(nginx_master)
    if [ -n "$master" ]; then
        if [ "$CHANGED" = 1 ]; then
            nginx_test
            say "nginx configuration changed: reloading"
            kill -HUP $master
            sleep 0.3
            DID=1
        fi
        return 0
    fi
    # a stale master of ours without a pid file
    local stray
    stray=$(find_procs nginx "$NGINX_CONF")
    [ -z "$stray" ] || stop_pids nginx $stray
    nginx_test
    if port_in_use "$PORT"; then
        die "port $PORT is already in use by another program (try another PORT)"
    fi
    say "starting nginx on 127.0.0.1:$PORT"
    if ! setsid nginx -p "$VAR/" -c "$NGINX_CONF" -e "$LOG/nginx-error.log" \
            </dev/null >>"$LOG/nginx-error.log" 2>&1 9>&-; then
        tail_log "$LOG/nginx-error.log" 10
        die "nginx did not start"
    fi
    for ((i = 0; i < 50; i++)); do
        if [ -n "$(nginx_master)" ]; then DID=1; return 0; fi
        sleep 0.1
    done
    tail_log "$LOG/nginx-error.log" 10
    die "nginx did not start (no live pid in $NGINX_PID)"
}

nginx_stop() {
    local pids port=""
    [ -f "$VAR/port" ] && port=$(cat "$VAR/port")
    pids=$(nginx_pids)
    [ -n "$pids" ] || pids=$(find_procs nginx "$NGINX_CONF")
    pids="$pids $(nginx_on_port "$port")"
    pids=$(printf '%s\n' $pids | sort -u | tr '\n' ' ')
    if [ -n "${pids// /}" ]; then
        say "stopping nginx ($pids)"
        stop_pids nginx $pids
        STOPPED=1
    fi
    rm -f "$NGINX_PID"
}

wait_http() {
    local url="http://127.0.0.1:$PORT/healthz" code i
    for ((i = 0; i < 150; i++)); do
        code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url" 2>/dev/null || true)
        if [ -n "$code" ] && [ "$code" != 000 ]; then
            HEALTH=$code
            return 0
        fi
        sleep 0.1
    done
    tail_log "$LOG/nginx-error.log" 10
    die "no answer from $url within 15 s"
}

# ---------------------------------------------------------------- commands

cmd_up() {
    [ $# -eq 2 ] || usage
    setup_paths "$1"
    PORT=$2
    case "$PORT" in ''|*[!0-9]*) die "bad port '$PORT'" ;; esac
    [ "$PORT" -ge 1 ] && [ "$PORT" -le 65535 ] || die "bad port '$PORT'"
    case "$WORKERS" in ''|*[!0-9]*|0) die "bad WORKERS '$WORKERS'" ;; esac
    printf '%s' "$POST_RATE" | grep -qE '^[1-9][0-9]{0,6}r/[sm]$' ||
        die "bad SL_POST_RATE '$POST_RATE' (NNNr/s or NNNr/m)"
    export PATH=$PATH:/usr/sbin:/sbin
    for tool in mariadbd mariadb mariadb-admin mariadb-install-db spawn-fcgi multiwatch \
                nginx curl flock setsid; do
        command -v "$tool" >/dev/null 2>&1 ||
            die "'$tool' not found: run conf/stack/deps.sh (or make deps)"
    done

    lock_stack
    make_dirs
    # shellcheck disable=SC2154
    trap 'rc=$?; [ $rc -eq 0 ] || echo "stack: '"'"'$NAME'"'"' may be partly started: conf/stack/stack.sh down $NAME stops it" >&2' EXIT
    local old_port=""
    [ -f "$VAR/port" ] && old_port=$(cat "$VAR/port")
    if [ -z "$(nginx_master)" ] && port_in_use "$PORT"; then
        die "port $PORT is already in use by another program (try another PORT)"
    fi

    DID=0
    db_start
    CHANGED=0
    db_setup
    CONF_CHANGED=$CHANGED
    echo "$PORT" >"$VAR/port"
    migrate
    # sl-cli demo is idempotent; run it unless nothing changed since last time
    if [ ! -f "$VAR/demo.txt" ] || [ "$DID" = 1 ] || [ "$CONF_CHANGED" = 1 ] ||
       [ "$BIN_DIR/sl-cli" -nt "$VAR/demo.txt" ]; then
        demo_cli
    fi

    local p missing=""
    for p in $PLUGINS; do
        if [ ! -x "$BIN_DIR/sl-$p" ]; then missing="$missing sl-$p"; fi
        workers_start "$p"
    done
    notify_start
    nginx_start
    HEALTH=""
    wait_http

    echo
    if [ "$DID" = 0 ]; then
        say "'$NAME' was already running"
    fi
    [ -z "$old_port" ] || [ "$old_port" = "$PORT" ] || say "port changed from $old_port to $PORT"
    [ -z "$missing" ] || warn "not built (not started):$missing (in $BIN_DIR)"
    [ "$HEALTH" = 200 ] || warn "/healthz answered HTTP $HEALTH"
    echo "ServiceLoop '$NAME' is up: http://127.0.0.1:$PORT/"
    echo "  config  $CONF"
    echo "  logs    $LOG/"
    echo "  sql     conf/stack/stack.sh sql $NAME"
    echo "  stop    conf/stack/stack.sh down $NAME"
    if [ -s "$VAR/demo.txt" ]; then
        echo
        cat "$VAR/demo.txt"
    fi
}

cmd_down() {
    [ $# -eq 1 ] || usage
    setup_paths "$1"
    if [ ! -d "$VAR" ]; then
        say "'$NAME' is not running (no $VAR)"
        return 0
    fi
    lock_stack
    STOPPED=0
    nginx_stop
    # shellcheck disable=SC2086
    workers_stop $PLUGINS
    notify_stop
    db_stop
    rm -f "$RUN"/*.sock "$RUN"/*.pid 2>/dev/null || true
    if [ "$STOPPED" = 1 ]; then say "'$NAME' stopped"; else say "'$NAME' was not running"; fi
}

cmd_db_stop() {
    [ $# -eq 1 ] || usage
    setup_paths "$1"
    [ -d "$VAR" ] || { say "'$NAME' has no database"; return 0; }
    lock_stack
    STOPPED=0
    db_stop
    if [ "$STOPPED" = 1 ]; then say "MariaDB of '$NAME' stopped"; else say "MariaDB of '$NAME' was not running"; fi
}

cmd_db_start() {
    [ $# -eq 1 ] || usage
    setup_paths "$1"
    [ -d "$DATADIR/mysql" ] || die "'$NAME' has no database yet: use 'up $NAME PORT'"
    export PATH=$PATH:/usr/sbin:/sbin
    lock_stack
    make_dirs
    DID=0
    db_start
    if [ "$DID" = 1 ]; then say "MariaDB of '$NAME' started"; else say "MariaDB of '$NAME' already running"; fi
}

cmd_status() {
    [ $# -eq 1 ] || usage
    setup_paths "$1"
    local all=1 pids p port=""
    [ -f "$VAR/port" ] && port=$(cat "$VAR/port")
    if [ ! -d "$VAR" ]; then
        echo "$NAME: not set up ($VAR does not exist)"
        return 3
    fi
    echo "stack $NAME ($VAR)"
    pids=$(db_pids)
    if [ -n "$pids" ]; then printf '  %-10s running  pid %s  socket %s\n' mariadb "$pids" "$SOCK"
    else printf '  %-10s stopped\n' mariadb; all=0; fi
    for p in $PLUGINS; do
        pids=$(worker_pids "$p")
        if [ -n "$pids" ]; then
            printf '  %-10s running  pids %s  (multiwatch %s)\n' "sl-$p" "$pids" "$(watcher_pid "$p")"
        elif [ -x "$BIN_DIR/sl-$p" ]; then printf '  %-10s stopped\n' "sl-$p"; all=0
        else printf '  %-10s not built\n' "sl-$p"; fi
    done
    pids=$(nginx_master)
    if [ -n "$pids" ]; then printf '  %-10s running  pid %s  http://127.0.0.1:%s/\n' nginx "$pids" "$port"
    else printf '  %-10s stopped\n' nginx; all=0; fi
    [ "$all" = 1 ]  || return 3
}

plugin_arg() { # plugin
    case " $PLUGINS " in *" $1 "*) ;; *) die "unknown plugin '$1' (one of: $PLUGINS)" ;; esac
}

cmd_workers() {
    [ $# -eq 2 ] || usage
    setup_paths "$1"
    plugin_arg "$2"
    local pids
    pids=$(worker_pids "$2")
    [ -n "$pids" ] || return 3
    echo $pids
}

cmd_workers_stop() {
    [ $# -eq 2 ] || usage
    setup_paths "$1"
    plugin_arg "$2"
    [ -d "$VAR" ] || { say "'$NAME' is not set up"; return 0; }
    lock_stack
    STOPPED=0
    workers_stop "$2"
    if [ "$STOPPED" = 1 ]; then say "sl-$2 of '$NAME' stopped"; else say "sl-$2 of '$NAME' was not running"; fi
}

cmd_notify() {
    [ $# -eq 1 ] || usage
    setup_paths "$1"
    local pids
    pids=$(notify_pids)
    [ -n "$pids" ] || return 3
    echo $pids
}

cmd_sql() {
    [ $# -ge 1 ] || usage
    setup_paths "$1"; shift
    [ -f "$CLIENT_CNF" ] || die "'$NAME' is not set up"
    exec mariadb --defaults-file="$CLIENT_CNF" serviceloop "$@"
}

cmd_url() {
    [ $# -eq 1 ] || usage
    setup_paths "$1"
    [ -f "$VAR/port" ] || die "'$NAME' is not set up"
    echo "http://127.0.0.1:$(cat "$VAR/port")/"
}

[ $# -ge 1 ] || usage
cmd=$1; shift
case "$cmd" in
    up)       cmd_up "$@" ;;
    down)     cmd_down "$@" ;;
    status)   cmd_status "$@" ;;
    db-stop)  cmd_db_stop "$@" ;;
    db-start) cmd_db_start "$@" ;;
    sql)      cmd_sql "$@" ;;
    url)      cmd_url "$@" ;;
    workers)  cmd_workers "$@" ;;
    workers-stop) cmd_workers_stop "$@" ;;
    notify)   cmd_notify "$@" ;;
    -h|--help|help) usage ;;
    *) usage ;;
esac
