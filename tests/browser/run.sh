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
# Run without file arguments, it then runs the POST-route coverage gate
# (coverage.mjs) on the stack's nginx access log, counted as one more test:
# it fails when a POST route of a plugin's route table was not submitted by
# a browser of the run, and lists the missing ones. The log is
# var/$SL_TEST_STACK/log/nginx-access.log (SL_TEST_STACK defaults as in
# tests/run-all.sh: "test" on port 18080, else "test-PORT"), or the absolute
# path $SL_ACCESS_LOG.
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

gate=0
if [ $# -eq 0 ]; then
	set -- ./*.test.mjs
	gate=1
	port=$(echo "$SL_TEST_URL" | sed -n 's|^[a-z]*://[^/:]*:\([0-9][0-9]*\).*|\1|p')
	if [ "${port:-18080}" = 18080 ]; then stack=${SL_TEST_STACK:-test}; else stack=${SL_TEST_STACK:-test-$port}; fi
	access_log=${SL_ACCESS_LOG:-../../var/$stack/log/nginx-access.log}
	# Only what this run's browsers wrote counts: start after the log's present end.
	log_from=0
	[ -f "$access_log" ] && log_from=$(($(wc -c <"$access_log")))
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
if [ "$gate" -eq 1 ]; then
	echo
	if node coverage.mjs "$access_log" "$log_from"; then
		pass=$((pass + 1))
	else
		echo "browser: the POST-route coverage gate failed (see above)"
		fail=$((fail + 1))
		rc=1
	fi
fi
echo
echo "$pass passed, $fail failed"
[ "$rc" -eq 0 ] && [ "$fail" -eq 0 ]
