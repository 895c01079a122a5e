#!/bin/sh
# Checks of the nginx configurations that need no running stack (called by
# tests/http/test_nginx.c; prints what is wrong and exits 1):
#  - the production site conf/nginx/serviceloop.conf passes `nginx -t`, in a
#    throw-away prefix with the shared header snippet, a self-signed
#    certificate in place of the real one and logs under the prefix;
#  - it and the local stack's template name the same error_page lines;
#  - every page they name exists under static/errors/, in both languages,
#    with the product's style sheet.
set -u
cd "$(dirname "$0")/.." || exit 2
PATH=$PATH:/usr/sbin:/sbin
site=conf/nginx/serviceloop.conf
local_tmpl=conf/nginx/local.conf.in
bad=0
problem() { echo "nginx-site-check: $*"; bad=1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sl-site.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/snippets" "$tmp/ssl" "$tmp/log" "$tmp/tmp"
cp conf/nginx/security-headers.conf "$tmp/snippets/serviceloop-security-headers.conf"
if ! openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=service.example.com \
        -keyout "$tmp/ssl/privkey.pem" -out "$tmp/ssl/fullchain.pem" >"$tmp/openssl.out" 2>&1; then
    cat "$tmp/openssl.out"
    problem "openssl could not make a test certificate"
fi
sed -e "s|/etc/ssl/serviceloop/|$tmp/ssl/|g" -e "s|/var/log/nginx/|$tmp/log/|g" \
    "$site" >"$tmp/site.conf"
cat >"$tmp/nginx.conf" <<CONF
pid $tmp/nginx.pid;
error_log $tmp/log/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    client_body_temp_path $tmp/tmp/body;
    fastcgi_temp_path $tmp/tmp/fastcgi;
    proxy_temp_path $tmp/tmp/proxy;
    uwsgi_temp_path $tmp/tmp/uwsgi;
    scgi_temp_path $tmp/tmp/scgi;
    access_log $tmp/log/access.log;
    include site.conf;
}
CONF
if ! nginx -t -p "$tmp/" -c "$tmp/nginx.conf" -e "$tmp/log/error.log" >"$tmp/t.out" 2>&1; then
    cat "$tmp/t.out"
    problem "nginx -t rejects $site"
fi

# error_page lines of the HTTPS server (the port-80 server has fewer) and of
# the local template, compared as sets
pages() { # file
    awk '/^ *error_page /' "$1" | sed 's/^ *//' | sort -u
}
awk '/listen 443/ { on = 1 } on' "$site" | awk '/^ *error_page /' | sed 's/^ *//' |
    sort -u >"$tmp/site.pages"
pages "$local_tmpl" >"$tmp/local.pages"
[ -s "$tmp/site.pages" ] || problem "no error_page in $site"
if ! cmp -s "$tmp/site.pages" "$tmp/local.pages"; then
    diff "$tmp/site.pages" "$tmp/local.pages"
    problem "$site and $local_tmpl name different error pages"
fi
for f in $(grep -h '^ *error_page ' "$site" "$local_tmpl" |
           grep -o '/_errors/[A-Za-z0-9_.-]*' | sort -u); do
    page=static/errors/${f#/_errors/}
    if [ ! -f "$page" ]; then problem "missing $page"; continue; fi
    grep -q '<html lang="zh-CN">' "$page" || problem "$page: not a zh-CN page"
    grep -q 'lang="en"' "$page" || problem "$page: no English part"
    grep -q 'href="/static/css/app.css"' "$page" || problem "$page: not in the product's style"
done

if [ "$bad" = 0 ]; then echo "nginx-site-check: ok"; fi
exit "$bad"
