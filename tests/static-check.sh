#!/bin/sh
# Static analysis of all C code with cppcheck (warnings, portability,
# performance); fails on any finding. Run by `make test`.
set -u
cd "$(dirname "$0")/.." || exit 2
if ! command -v cppcheck >/dev/null 2>&1; then
	echo "static-check: cppcheck missing (conf/stack/deps.sh installs it)"
	exit 1
fi
if cppcheck --quiet --enable=warning,performance,portability --std=c11 \
    --error-exitcode=1 --inline-suppr -Icgi/core -Icgi/service -I/usr/include/mariadb \
    -D__GNUC__ cgi/ tests/http/harness.c; then
	echo "static-check: ok"
	echo "1 passed, 0 failed"
else
	echo "0 passed, 1 failed"
	exit 1
fi
