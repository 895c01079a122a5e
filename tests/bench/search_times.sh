#!/usr/bin/env bash
# Time the staff queue's search on a running stack: single requests with
# curl, one after another, signed in as the demo agent. Prints, per query
# and view (open queue / status=all), the median and the slowest of RUNS
# timed requests after one unmeasured warm-up, in milliseconds, end to end.
#
#   tests/bench/search_times.sh BASE_URL [RUNS] [QUERY...]
#
# BASE_URL  e.g. http://127.0.0.1:18580 (a stack with the bench tickets)
# RUNS      timed requests per query and view (default 9)
# QUERY     default: 空调 不制冷 冷 修, a phone number and a ticket number
#           taken from the database behind the stack when SL_STACK names
#           it (conf/stack/stack.sh sql), else only the words.
# Only loopback addresses should be given; nothing runs in the background.
set -eu
set -o pipefail

BASE=${1:?usage: $0 BASE_URL [RUNS] [QUERY...]}
RUNS=${2:-9}
shift $(( $# >= 2 ? 2 : 1 ))
case "$RUNS" in ''|*[!0-9]*) echo "RUNS: a number" >&2; exit 2 ;; esac
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

if [ $# -eq 0 ]; then
    set -- 空调 不制冷 冷 修
    if [ -n "${SL_STACK:-}" ]; then
        sql() { "$ROOT/conf/stack/stack.sh" sql "$SL_STACK" --batch --skip-column-names -e "$1"; }
        # A phone as a customer would say it, and a ticket number.
        p=$(sql "SELECT phone FROM tickets WHERE id = (SELECT MAX(id) DIV 2 FROM tickets)")
        n=$(sql "SELECT number FROM tickets WHERE id = (SELECT MAX(id) DIV 3 FROM tickets)")
        set -- "$@" "${p:0:3} ${p:3:4} ${p:7}" "$n"
    fi
fi

# Sign in as the demo agent: the session cookie goes into the jar.
curl -s -m 30 -c "$TMP/jar" -o "$TMP/login.html" "$BASE/login"
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$TMP/login.html" | head -n 1)
code=$(curl -s -m 30 -b "$TMP/jar" -c "$TMP/jar" -o /dev/null -w '%{http_code}' \
    --data-urlencode login=agent --data-urlencode password=demo1234 \
    --data-urlencode "csrf=$csrf" "$BASE/login")
[ "$code" = 303 ] || { echo "sign-in answered $code" >&2; exit 1; }

# One view: prints "median max rows" (ms; rows of the page).
time_view() { # query extra-params
    local url i t
    url="$BASE/desk/?q=$(printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')$2"
    curl -s -m 60 -b "$TMP/jar" -o "$TMP/page" "$url"
    for ((i = 0; i < RUNS; i++)); do
        t=$(curl -s -m 60 -b "$TMP/jar" -o "$TMP/page" -w '%{http_code} %{time_total}' "$url")
        [ "${t%% *}" = 200 ] || { echo "$url answered ${t%% *}" >&2; exit 1; }
        echo "${t#* }"
    done | sort -n >"$TMP/times"
    sort -n "$TMP/times" | awk -v rows="$(grep -o 'href="/desk/tickets/[0-9]*"' "$TMP/page" |
        sort -u | wc -l)" \
        '{ v[NR] = $1 * 1000 } END { printf "%.0f %.0f %d\n", v[int((NR + 1) / 2)], v[NR], rows }'
}

printf '| query | open: median / max ms (rows) | all: median / max ms (rows) |\n|---|---|---|\n'
for q in "$@"; do
    read -r om ox orows < <(time_view "$q" "")
    read -r am ax arows < <(time_view "$q" "&status=all")
    printf '| %s | %s / %s (%s) | %s / %s (%s) |\n' "$q" "$om" "$ox" "$orows" "$am" "$ax" "$arows"
done
