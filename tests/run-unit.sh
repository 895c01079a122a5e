#!/bin/sh
# Runs cmocka unit test binaries, shows their output, and ends with one line
# "N passed, N failed" (individual tests, from cmocka's summary lines).
# A skipped test (cmocka's skip()) did not test anything: it counts as
# failed unless tests/expected-skips.txt declares it, with its reason, as
# "BINARY:TEST  reason" (BINARY without its directory, e.g. http_intake).
# Skips are listed and counted on the line before the last one.
# Exits 1 if any test failed or was skipped undeclared, or any binary
# crashed, was missing or gave no summary; 2 on bad usage.
#
# Usage: tests/run-unit.sh BIN...
#        UNIT_WRAPPER="valgrind --error-exitcode=1 --leak-check=full -q" tests/run-unit.sh BIN...
#        SL_EXPECTED_SKIPS=FILE tests/run-unit.sh BIN...   (another declaration file)
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
total_skip=0
total_skip_ok=0
skip_lines=""
bad_bins=""
expected=${SL_EXPECTED_SKIPS:-$(dirname "$0")/expected-skips.txt}

# The reason tests/expected-skips.txt gives for BINARY:TEST, or nothing
# (a declaration without a reason declares nothing).
expected_reason() { # binary:test
	[ -r "$expected" ] || return 0
	awk -v key="$1" '$1 == key && NF > 1 {
		sub(/^[ \t]*[^ \t]+[ \t]+/, ""); print; exit }' "$expected"
}

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
	# Skipped tests by name: cmocka prints "[  SKIPPED ] NAME" when one
	# skips and again in its list; "[  SKIPPED ] N test(s)" is the count.
	base=${bin##*/}
	nskip=$(count 's/^\[  SKIPPED \] \([0-9][0-9]*\) test(s).*/\1/p')
	names=$(sed -n 's/^\[  SKIPPED \] \([A-Za-z_][A-Za-z0-9_]*\)$/\1/p' "$tmp" | sort -u)
	named=0
	for t in $names; do
		named=$((named + 1))
		why=$(expected_reason "$base:$t")
		if [ -n "$why" ]; then
			total_skip_ok=$((total_skip_ok + 1))
			skip_lines="$skip_lines
  skipped (expected): $base:$t  $why"
		else
			fail=$((fail + 1))
			skip_lines="$skip_lines
  SKIPPED, NOT DECLARED (counts as failed): $base:$t"
			case " $bad_bins " in *" $bin "*) ;; *) bad_bins="$bad_bins $bin" ;; esac
		fi
	done
	if [ "$nskip" -gt "$named" ]; then
		# skips cmocka counted but did not name: none can be declared
		fail=$((fail + nskip - named))
		skip_lines="$skip_lines
  SKIPPED, NOT NAMED (counts as failed): $((nskip - named)) test(s) of $base"
		case " $bad_bins " in *" $bin "*) ;; *) bad_bins="$bad_bins $bin" ;; esac
		named=$nskip
	fi
	total_skip=$((total_skip + named))
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
done

echo
[ -n "$skip_lines" ] && echo "skipped tests:$skip_lines"
echo "$total_skip skipped ($total_skip_ok expected, declared in ${expected#./})"
[ -n "$bad_bins" ] && echo "failing:$bad_bins"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ] && [ -z "$bad_bins" ]
