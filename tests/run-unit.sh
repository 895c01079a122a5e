#!/bin/sh
# Runs cmocka unit test binaries, shows their output, and ends with one line
# "N passed, N failed" (individual tests, from cmocka's summary lines).
# Exits 1 if any test failed or any binary crashed, was missing or gave no
# summary; 2 on bad usage.
#
# Usage: tests/run-unit.sh BIN...
#        UNIT_WRAPPER="valgrind --error-exitcode=1 --leak-check=full -q" tests/run-unit.sh BIN...
set -u

if [ $# -eq 0 ]; then
	echo "usage: $0 BIN..." >&2
	exit 2
fi

tmp=$(mktemp "${TMPDIR:-/tmp}/run-unit.XXXXXX") || exit 2
trap 'rm -f "$tmp"' EXIT
trap 'exit 130' INT TERM

# cmocka writes its plain-text report to stdout unless told otherwise.
CMOCKA_MESSAGE_OUTPUT=STDOUT
export CMOCKA_MESSAGE_OUTPUT

total_pass=0
total_fail=0
bad_bins=""

# Number in the first line of $tmp matching the sed pattern, or 0.
count() {
	n=$(sed -n "$1" "$tmp" | head -n 1)
	echo "${n:-0}"
}

for bin in "$@"; do
	echo "== $bin"
	if [ ! -x "$bin" ]; then
		echo "run-unit: $bin: not an executable file"
		total_fail=$((total_fail + 1))
		bad_bins="$bad_bins $bin"
		continue
	fi
	# shellcheck disable=SC2086  # the wrapper is a command line on purpose
	${UNIT_WRAPPER:-} "$bin" >"$tmp" 2>&1
	rc=$?
	cat "$tmp"

	pass=$(count 's/^\[  PASSED  \] \([0-9][0-9]*\) test(s)\..*/\1/p')
	fail=$(count 's/^\[  FAILED  \] \([0-9][0-9]*\) test(s).*/\1/p')
	planned=$(count 's/^\[==========\] Running \([0-9][0-9]*\) test(s)\..*/\1/p')
	ran=$(grep -c '^\[==========\] [0-9][0-9]* test(s) run\.' "$tmp")

	if [ "$ran" -eq 0 ] || { [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; }; then
		# Crashed, killed, stopped early or failed outside any test: what
		# did not pass counts as failed (at least one).
		oks=$(grep -c '^\[       OK \]' "$tmp")
		[ "$ran" -eq 0 ] && pass=$oks
		missing=$((planned - pass))
		[ "$missing" -lt 1 ] && missing=1
		fail=$((fail + missing))
		if [ "$rc" -gt 128 ]; then
			echo "run-unit: $bin: killed by signal $((rc - 128))"
		else
			echo "run-unit: $bin: exit status $rc but no failed test" \
			    "(crash, sanitizer or valgrind error?)"
		fi
		bad_bins="$bad_bins $bin"
	elif [ "$fail" -gt 0 ]; then
		bad_bins="$bad_bins $bin"
	fi
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
done

echo
[ -n "$bad_bins" ] && echo "failing:$bad_bins"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ] && [ -z "$bad_bins" ]
