#!/usr/bin/env bash
# Every test suite of `make test`: project rules, unit tests, fuzz corpus
# replay, then HTTP and browser tests against a private stack (var/test on
# port $1) with a fresh database. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 2
PORT=${1:-18080}
export BUILD=${BUILD:-build}
# One stack per port, so two runs on other ports never share a database.
if [ "$PORT" = 18080 ]; then NAME=${SL_TEST_STACK:-test}; else NAME=${SL_TEST_STACK:-test-$PORT}; fi
export SL_TEST_STACK=$NAME
export SL_TEST_URL=http://127.0.0.1:$PORT
# The suites post hundreds of forms from one address within seconds: nginx's
# per-address POST limit is not what they test.
export SL_POST_RATE=${SL_POST_RATE:-1000r/s}
passed=0
failed=0
skipped=0
skipped_ok=0
suites_failed=""

# Add the "N passed, N failed" line of a suite's output to the totals.
tally() { # suite-name logfile rc
	local line p f sline s k
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$2" | tail -n 1)
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
	f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	# "N skipped (K expected, ...)" of tests/run-unit.sh: an undeclared
	# skip is already among the failed.
	sline=$(grep -E '^[0-9]+ skipped \([0-9]+ expected' "$2" | tail -n 1)
	s=$(echo "$sline" | sed -n 's/^\([0-9]*\) skipped.*/\1/p')
	k=$(echo "$sline" | sed -n 's/^[0-9]* skipped (\([0-9]*\) expected.*/\1/p')
	skipped=$((skipped + ${s:-0}))
	skipped_ok=$((skipped_ok + ${k:-0}))
	if [ "$3" -ne 0 ] || [ -z "$line" ]; then
		suites_failed="$suites_failed $1"
		[ -z "$line" ] && failed=$((failed + 1))
	fi
}

suite() { # name command...
	local name=$1 log rc
	shift
	log=$(mktemp)
	echo "==== $name"
	"$@" 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	tally "$name" "$log" "$rc"
	rm -f "$log"
}

lint_suite() {
	if tests/lint.sh; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; return 1; fi
}

fuzz_suite() {
	if tests/fuzz/regress.sh; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; return 1; fi
}

# node's test runner counts skipped, todo and cancelled tests apart from
# the failed ones; in `make test` each is a test that did not pass.
browser_suite() {
	local log rc line p f n=0 k v
	log=$(mktemp)
	tests/browser/run.sh "$@" 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	for k in skipped todo cancelled; do
		v=$(sed -n "s/^# $k \([0-9][0-9]*\)\$/\1/p" "$log" | tail -n 1)
		n=$((n + ${v:-0}))
	done
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	rm -f "$log"
	[ "$n" -eq 0 ] && return "$rc"
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
	f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
	echo "browser: $n test(s) skipped, todo or cancelled: counted as failed"
	echo "${p:-0} passed, $((${f:-0} + n)) failed"
	return 1
}

stop_stack() { conf/stack/stack.sh down "$NAME" >/dev/null 2>&1 || true; }
trap stop_stack EXIT

suite lint lint_suite
suite static-check tests/static-check.sh
suite unit tests/run-unit.sh "$BUILD"/tests/test_*
suite fuzz-corpus fuzz_suite

stop_stack
rm -rf "var/$NAME"
# today's figures live on every read (the suites check them right after a change)
if SL_METRIC_LIVE_SECS=0 conf/stack/stack.sh up "$NAME" "$PORT"; then
	suite http tests/run-unit.sh "$BUILD"/tests/http_*
	if [ -x tests/browser/run.sh ]; then
		suite browser browser_suite
	fi
else
	echo "the test stack did not start"
	failed=$((failed + 1))
	suites_failed="$suites_failed stack"
fi
stop_stack

# The demo of `make run` (conf/stack/demo.sh), loaded into a fresh stack of
# its own: a change that breaks it fails here, not on a newcomer's machine.
demo_suite() {
	local name=$NAME-demo port=$((PORT + 40)) rc=0
	conf/stack/stack.sh down "$name" >/dev/null 2>&1 || true
	rm -rf "var/$name"
	if ! conf/stack/stack.sh up "$name" "$port" >/dev/null 2>&1; then
		echo "the demo stack did not start"
		rc=1
	elif ! conf/stack/demo.sh "$name"; then
		rc=1
	fi
	conf/stack/stack.sh down "$name" >/dev/null 2>&1 || true
	rm -rf "var/$name"
	if [ "$rc" -eq 0 ]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; fi
	return "$rc"
}
suite demo demo_suite

# A sanitizer report in a worker's log fails the run even if no test noticed.
# The scan proves nothing without logs: every plugin the stack runs must
# have left its log with request lines (one JSON line per request).
sanitizer_suite() {
	local plugins p log missing=""
	plugins=$(sed -n 's/^PLUGINS="\(.*\)"$/\1/p' conf/stack/stack.sh)
	[ -n "$plugins" ] || missing=" (no PLUGINS= line in conf/stack/stack.sh)"
	for p in $plugins; do
		log=var/$NAME/log/$p.log
		grep -q "^{\"plugin\":\"$p\"," "$log" 2>/dev/null || missing="$missing $log"
	done
	if [ -n "$missing" ]; then
		echo "worker logs missing or without a request line:$missing"
		echo "0 passed, 1 failed"
		return 1
	fi
	if grep -l -E 'AddressSanitizer|runtime error:|ERROR: LeakSanitizer' "var/$NAME"/log/*.log 2>/dev/null; then
		echo "sanitizer reports found in the logs above"
		echo "0 passed, 1 failed"
		return 1
	fi
	# LeakSanitizer's own tracer sometimes crashes while it stops a
	# worker's threads at exit ("Tracer caught signal 11 ... LeakSanitizer
	# has encountered a fatal error"): no check ran, nothing was found.
	# Said, not counted as a finding.
	if grep -l 'LeakSanitizer has encountered a fatal error' "var/$NAME"/log/*.log 2>/dev/null; then
		echo "note: LeakSanitizer could not check a worker's exit in the logs above (its tracer failed)"
	fi
	echo "1 passed, 0 failed"
}
suite worker-logs sanitizer_suite

echo
[ -n "$suites_failed" ] && echo "failed suites:$suites_failed"
echo "$skipped skipped ($skipped_ok expected; the others are among the failed)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ -z "$suites_failed" ]
