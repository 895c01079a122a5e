#!/bin/sh
# Builds every tests/fuzz/fuzz_*.c with libFuzzer + ASan + UBSan and runs it
# for FUZZ_SECONDS (default 20) over its seed corpus tests/fuzz/corpus/<name>/.
# A harness names its extra sources in a line "// fuzz-sources: a.c b.c"
# (paths from the repository root) and may set "// fuzz-max-len: N".
# A dictionary tests/fuzz/<harness>.dict is used if present.
# Crashes, leaks, timeouts and OOMs are copied to tests/fuzz/crashes/<name>/
# and make the script fail. New inputs found go to $BUILD/fuzz/corpus/<name>/
# (not into the seed corpus: minimise and copy by hand what is worth keeping).
#
# Usage: tests/fuzz/run.sh [name ...]     e.g. run.sh multipart cookies
set -u

cd "$(dirname "$0")/../.." || exit 1
FUZZ_SECONDS=${FUZZ_SECONDS:-20}
FUZZ_CC=${FUZZ_CC:-clang}
OUT=${BUILD:-build}/fuzz
FLAGS="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
-std=c11 -D_GNU_SOURCE -Icgi/core -Icgi/service"

# -fsanitize=fuzzer needs clang's runtime (libclang-rt-<ver>-dev on Debian).
check_toolchain() {
	command -v "$FUZZ_CC" >/dev/null 2>&1 || {
		echo "fuzz: $FUZZ_CC not found (apt-get install clang)" >&2
		return 1
	}
	mkdir -p "$OUT"
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);\n%s\n' \
	    'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n; }' \
	    > "$OUT/probe.c"
	"$FUZZ_CC" -fsanitize=fuzzer,address,undefined -o "$OUT/probe" "$OUT/probe.c" \
	    >/dev/null 2>&1 && return 0
	ver=$("$FUZZ_CC" -dumpversion | cut -d. -f1)
	pkg="libclang-rt-$ver-dev"
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "fuzz: installing $pkg for -fsanitize=fuzzer" >&2
		if ! apt-get install -y "$pkg" >&2; then
			apt-get update >&2 && apt-get install -y "$pkg" >&2 || return 1
		fi
		"$FUZZ_CC" -fsanitize=fuzzer,address,undefined -o "$OUT/probe" \
		    "$OUT/probe.c" && return 0
	fi
	echo "fuzz: $FUZZ_CC cannot link -fsanitize=fuzzer; install it with:" >&2
	echo "      sudo apt-get install $pkg" >&2
	return 1
}

# Value of a "// fuzz-<key>: value" line of a harness.
directive() {
	sed -n "s|^// fuzz-$2: *||p" "$1" | head -n 1
}

run_one() {
	src=$1
	name=$(basename "$src" .c)
	name=${name#fuzz_}
	bin="$OUT/fuzz_$name"
	work="$OUT/corpus/$name"
	art="$OUT/artifacts/$name"
	seeds="tests/fuzz/corpus/$name"
	maxlen=$(directive "$src" max-len)
	dict="tests/fuzz/fuzz_$name.dict"

	mkdir -p "$work" "$art" "$seeds"
	rm -f "$art"/*
	# shellcheck disable=SC2046,SC2086
	if ! "$FUZZ_CC" $FLAGS -o "$bin" "$src" $(directive "$src" sources); then
		echo "fuzz: $name: build failed" >&2
		return 1
	fi
	set -- -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix="$art/" -max_len="${maxlen:-8192}"
	[ -f "$dict" ] && set -- "$@" -dict="$dict"
	echo "fuzz: $name for ${FUZZ_SECONDS}s"
	"$bin" "$@" "$work" "$seeds" > "$OUT/$name.log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/$name.log")
	if [ "$rc" -ne 0 ] || [ -n "$(ls -A "$art")" ]; then
		mkdir -p "tests/fuzz/crashes/$name"
		cp "$art"/* "tests/fuzz/crashes/$name/" 2>/dev/null
		echo "fuzz: $name FAILED (rc $rc, ${execs:-?} execs); see $OUT/$name.log," \
		    "inputs in tests/fuzz/crashes/$name/" >&2
		grep -m 5 -E 'ERROR|SUMMARY|runtime error' "$OUT/$name.log" >&2
		return 1
	fi
	echo "fuzz: $name ok, ${execs:-?} execs, corpus $(ls "$work" | wc -l) inputs"
}

check_toolchain || exit 2
fail=0
if [ $# -eq 0 ]; then
	set -- tests/fuzz/fuzz_*.c
else
	for n in "$@"; do
		shift
		set -- "$@" "tests/fuzz/fuzz_${n#fuzz_}.c"
	done
fi
for src in "$@"; do
	[ -f "$src" ] || { echo "fuzz: no harness $src" >&2; fail=1; continue; }
	run_one "$src" || fail=1
done
exit $fail
