#!/bin/sh
# Install the Debian packages ServiceLoop needs to build, run and test, but
# only those that are missing. Silent (and fast) when everything is present.
#
#   conf/stack/deps.sh            install what is missing
#   conf/stack/deps.sh --list     print the package list and exit
#
# Extra packages can be added with SL_EXTRA_DEPS="pkg1 pkg2".
set -eu

PACKAGES="build-essential g++ pkg-config
libfcgi-dev libfcgi-bin spawn-fcgi multiwatch nginx-light
mariadb-server mariadb-client libmariadb-dev
libctemplate-dev libsodium-dev libcmocka-dev libcurl4-openssl-dev libvips-dev libqrencode-dev
curl wrk chromium clang cppcheck fonts-wqy-microhei python3 ${SL_EXTRA_DEPS:-}"

if [ "${1:-}" = "--list" ]; then
    printf '%s\n' $PACKAGES
    exit 0
fi

# One dpkg-query call for all of them: a package counts as present when dpkg
# says "installed" (not merely "config-files" or "half-installed").
# nginx-light stands for "some nginx": nginx, nginx-core, nginx-full,
# nginx-extras each provide the same binary and modules we use.
installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' \
                $PACKAGES nginx nginx-core nginx-full nginx-extras 2>/dev/null \
            | awk '$2 == "installed" { print $1 }') || true

installed=" $(echo $installed) "
missing=""
for p in $PACKAGES; do
    case "$installed" in
        *" $p "*) continue ;;
    esac
    if [ "$p" = nginx-light ]; then
        case "$installed" in
            *" nginx "*|*" nginx-core "*|*" nginx-full "*|*" nginx-extras "*) continue ;;
        esac
    fi
    missing="$missing $p"
done

[ -z "$missing" ] && exit 0

echo "deps: installing missing Debian packages (may take minutes):$missing"
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "deps: not root and no sudo: install these packages by hand:$missing" >&2
    exit 1
fi

# apt's output goes to a log, shown only when something fails.
log=$(mktemp /tmp/sl-deps.XXXXXX)
trap 'rm -f "$log"' EXIT
if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >"$log" 2>&1 ||
   ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >>"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "deps: apt-get failed (see above)" >&2
    exit 1
fi

# The Debian packages start system-wide services we do not use (the local
# stack runs its own private mariadbd and nginx under var/). Leave them as
# the admin has them: stopping them here could break someone else's setup.
echo "deps: done"
