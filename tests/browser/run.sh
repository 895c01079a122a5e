#!/bin/sh
# Browser tests: headless Chromium (Debian's /usr/bin/chromium) driven by
# playwright-core (npm, pinned in package-lock.json), run by node's test
# runner against a running stack at $SL_TEST_URL. Ends with one line
# "N passed, N failed"; exits 1 when anything failed or could not run.
#
# Installs what is missing: Debian's chromium, nodejs and npm (when run as
# root), and node_modules by `npm ci` from the lock file. Offline-safe: an
# existing node_modules that matches the lock file is used as it is.
#
# Usage: SL_TEST_URL=http://127.0.0.1:18080 tests/browser/run.sh [FILE.test.mjs...]
set -u

cd "$(dirname "$0")" || exit 2
SL_TEST_URL=${SL_TEST_URL:-http://127.0.0.1:18080}
export SL_TEST_URL

give_up() {
	echo "browser: $*"
	echo "0 passed, 1 failed"
	exit 1
}

missing=""
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -x "${SL_CHROMIUM:-/usr/bin/chromium}" ] || missing="$missing chromium"
if [ -n "$missing" ]; then
	[ "$(id -u)" -eq 0 ] || give_up "missing:$missing (apt-get install$missing)"
	echo "browser: installing$missing"
	# shellcheck disable=SC2086  # a list of package names
	{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing; } \
	    >/dev/null 2>&1 || give_up "apt-get install$missing failed"
fi

# npm ci only when node_modules is missing or older than the lock file.
if [ ! -f node_modules/playwright-core/package.json ] ||
   [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1 ||
	    give_up "npm ci failed (no registry and no node_modules?)"
fi

curl -fsS -o /dev/null "$SL_TEST_URL/healthz" 2>/dev/null ||
    echo "browser: warning: $SL_TEST_URL/healthz does not answer"

out=$(mktemp "${TMPDIR:-/tmp}/sl-browser.XXXXXX") || exit 2
trap 'rm -f "$out"' EXIT
trap 'exit 130' INT TERM

if [ $# -eq 0 ]; then
	set -- ./*.test.mjs
fi
node --test --test-reporter=tap "$@" >"$out" 2>&1
rc=$?
cat "$out"

pass=$(sed -n 's/^# pass \([0-9][0-9]*\)$/\1/p' "$out" | tail -n 1)
fail=$(sed -n 's/^# fail \([0-9][0-9]*\)$/\1/p' "$out" | tail -n 1)
pass=${pass:-0}
fail=${fail:-0}
if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
	fail=1   # the runner itself failed (syntax error, crash)
fi
echo
echo "$pass passed, $fail failed"
[ "$rc" -eq 0 ] && [ "$fail" -eq 0 ]
