#!/bin/sh
# Replays the seed corpus and the saved crashes of every fuzz harness
# (tests/fuzz/fuzz_*.c) without libFuzzer: each harness is linked with
# tests/fuzz/driver.c and its "// fuzz-sources:" files using $CC (gcc is
# fine), with ASan + UBSan when the compiler supports them. An input that
# aborts or trips a sanitizer fails the script. Used by `make test`.
#
# Usage: tests/fuzz/regress.sh [name ...]
set -u

cd "$(dirname "$0")/../.." || exit 1
CC=${CC:-cc}
OUT=${BUILD:-build}/fuzz-regress
CFLAGS="-std=c11 -D_GNU_SOURCE -g -O1 -Wall -Wextra -Icgi/core -Icgi/service"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"

mkdir -p "$OUT"
echo 'int main(void) { return 0; }' > "$OUT/probe.c"
# shellcheck disable=SC2086
$CC $SAN -o "$OUT/probe" "$OUT/probe.c" >/dev/null 2>&1 || SAN=

if [ $# -eq 0 ]; then
	set -- tests/fuzz/fuzz_*.c
else
	for n in "$@"; do
		shift
		set -- "$@" "tests/fuzz/fuzz_${n#fuzz_}.c"
	done
fi
fail=0
for src in "$@"; do
	name=$(basename "$src" .c)
	name=${name#fuzz_}
	bin="$OUT/fuzz_$name"
	srcs=$(sed -n 's|^// fuzz-sources: *||p' "$src" | head -n 1)
	# shellcheck disable=SC2086
	if ! $CC $CFLAGS $SAN -o "$bin" "$src" tests/fuzz/driver.c $srcs; then
		echo "regress: $name: build failed" >&2
		fail=1
		continue
	fi
	set --
	for d in "tests/fuzz/corpus/$name" "tests/fuzz/crashes/$name"; do
		[ -d "$d" ] && [ -n "$(ls -A "$d")" ] && set -- "$@" "$d"
	done
	[ $# -eq 0 ] && { echo "regress: $name: no inputs"; continue; }
	if ! ASAN_OPTIONS=detect_leaks=1 "$bin" "$@"; then
		echo "regress: $name FAILED" >&2
		fail=1
	fi
done
exit $fail
