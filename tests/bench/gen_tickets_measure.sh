#!/usr/bin/env bash
# Time the staff queue (GET /desk/) on a stack filled by gen_tickets.sh.
#
#   tests/bench/gen_tickets_measure.sh STACK PORT [RUNS]
#
# Signs in as the demo agent and technician, then requests each common
# view RUNS times (default 20) after one warm-up request and prints, per
# view: HTTP status, rows on the page, whether a next page is linked, and
# the median and 95th percentile of
#   curl   time_total as the client sees it (nginx + FastCGI + database),
#   worker the "us" of the desk worker's own log line (var/STACK/log/desk.log).
# "page 2" follows the next link of the default view (keyset cursor).
set -eu
set -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
STACK=${1:?usage: $0 STACK PORT [RUNS]}
PORT=${2:?usage: $0 STACK PORT [RUNS]}
RUNS=${3:-20}
BASE=http://127.0.0.1:$PORT
LOG=$ROOT/var/$STACK/log/desk.log
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

login() { # user -> cookie jar $TMP/jar.user
    local jar=$TMP/jar.$1 csrf
    csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" |
        sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "login=$1" \
        --data-urlencode "password=demo1234" --data-urlencode "csrf=$csrf" "$BASE/login"
}

# median and p95 (ms) of the numbers in file $1 (given in unit $2 seconds)
stats() {
    sort -n "$1" | awk -v u="$2" '{ a[NR] = $1 * u * 1000 }
        END { printf "%7.1f %7.1f", a[int((NR + 1) / 2)], a[int(NR * 0.95 + 0.999)] }'
}

measure() { # label user path
    local label=$1 jar=$TMP/jar.$2 path=$3 i code rows next
    curl -s -o /dev/null -b "$jar" "$BASE$path"
    : >"$TMP/c"; : >"$TMP/w"
    for ((i = 0; i < RUNS; i++)); do
        curl -s -o "$TMP/page" -w '%{time_total}\n' -b "$jar" "$BASE$path" >>"$TMP/c"
        tail -n 5 "$LOG" | grep '"method":"GET"' | tail -n 1 |
            sed 's/.*"us":\([0-9]*\).*/\1/' >>"$TMP/w"
    done
    code=$(curl -s -o "$TMP/page" -w '%{http_code}' -b "$jar" "$BASE$path")
    rows=$(grep -c '<td class="q-num"' "$TMP/page" || true)
    next=$(grep -c 'rel="next"' "$TMP/page" || true)
    printf '%-34s %3s %4s %4s  curl %s  worker %s\n' "$label" "$code" "$rows" "$next" \
        "$(stats "$TMP/c" 1)" "$(stats "$TMP/w" 0.000001)"
}

login agent
login tech
page1=$(curl -s -b "$TMP/jar.agent" "$BASE/desk/")
page2=$(printf '%s' "$page1" | sed -n 's/.*rel="next" href="\([^"]*\)".*/\1/p' | head -n 1 |
    sed 's/&amp;/\&/g')
number=$(printf '%s' "$page1" | sed -n 's/.*<a href="\/desk\/tickets\/[0-9]*">\(R-[0-9-]*\)<.*/\1/p' |
    tail -n 1)
tech_id=$(curl -s -b "$TMP/jar.agent" "$BASE/desk/" |
    sed -n 's/.*<option value="\([0-9]*\)">张师傅 Zhang<\/option>.*/\1/p' | head -n 1)
AC=%E7%A9%BA%E8%B0%83   # 空调

echo "view                               st rows next       median     p95   (ms)"
measure "open queue (default)"      agent "/desk/"
measure "page 2 (keyset)"           agent "$page2"
measure "status=new"                agent "/desk/?status=new"
measure "status=closed"             agent "/desk/?status=closed"
measure "status=all"                agent "/desk/?status=all"
measure "assignee=tech"             agent "/desk/?assignee=${tech_id:-4}"
measure "assignee=none"             agent "/desk/?assignee=none"
measure "technician's own queue"    tech  "/desk/"
measure "overdue=1"                 agent "/desk/?overdue=1"
measure "category+priority"         agent "/desk/?category=1&priority=urgent"
measure "sort=priority"             agent "/desk/?sort=priority"
measure "sort=due"                  agent "/desk/?sort=due"
measure "search 空调 (open)"        agent "/desk/?q=$AC"
measure "search 空调 (all)"         agent "/desk/?q=$AC&status=all"
measure "search number"             agent "/desk/?q=${number:-R-20260101-0001}"
measure "search phone (all)"        agent "/desk/?q=13800138000&status=all"
measure "search name 王伟 (all)"    agent "/desk/?q=%E7%8E%8B%E4%BC%9F&status=all"
