/* HTTP tests of the responses nginx makes itself, against the test stack
 * ($SL_TEST_URL, stack $SL_TEST_STACK): its 404, its redirects, 400, 405,
 * 413, 429 and 502 carry the programs' security headers, with the same values as an
 * application page, and show the bilingual static page of static/errors/
 * with the right status code. Also: the programs' own pages carry each
 * header once (nginx must not add a second copy), and the production site
 * passes `nginx -t` (tests/nginx-site-check.sh).
 *
 * The 429 and 502 tests change the running stack (a low POST rate, a
 * stopped plugin) and put it back with `conf/stack/stack.sh up` in their
 * tear-down, which cmocka runs when the test fails too. Run from the
 * repository root, like the harness's test_stack(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

/* The header set of cgi/core/resp.c that nginx must repeat. */
static const char *const sec_headers[] = {
	"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
	"Referrer-Policy",
};
#define N_SEC (sizeof(sec_headers) / sizeof(sec_headers[0]))

/* The burst of limit_req on POST /repair in conf/nginx/local.conf.in. */
#define REPAIR_BURST 60

/* How often NAME appears in the raw header block. */
static int
header_count(const char *headers, const char *name)
{
	size_t n = strlen(name);
	const char *p = headers;
	int count = 0;

	while (p != NULL && *p != '\0') {
		if (strncasecmp(p, name, n) == 0 && p[n] == ':')
			count++;
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return count;
}

/* Each security header once, with the value an application page has. */
static void
assert_app_headers(const struct http_resp *r)
{
	struct hc *h = hc_new();
	struct http_resp app;
	size_t i;

	assert_int_equal(hc_get(h, "/login", &app), 0);
	assert_int_equal(app.status, 200);
	for (i = 0; i < N_SEC; i++) {
		char *want = http_header(&app, sec_headers[i]);
		char *got = http_header(r, sec_headers[i]);

		if (want == NULL)
			fail_msg("the application page has no %s", sec_headers[i]);
		if (got == NULL)
			fail_msg("no %s on nginx's %ld", sec_headers[i], r->status);
		if (strcmp(want, got) != 0)
			fail_msg("%s: nginx sends \"%s\", the application \"%s\"",
			    sec_headers[i], got, want);
		if (header_count(r->headers, sec_headers[i]) != 1)
			fail_msg("%s comes %d times", sec_headers[i],
			    header_count(r->headers, sec_headers[i]));
		free(want);
		free(got);
	}
	http_resp_free(&app);
	hc_free(h);
}

/* The static page of static/errors/: UTF-8 HTML, the product's style
 * sheet, the status on the page, the Chinese and the English text. */
static void
assert_error_page(const struct http_resp *r, long status, const char *zh, const char *en)
{
	char *ct = http_header(r, "Content-Type");
	char code[64];

	assert_int_equal(r->status, status);
	assert_non_null(ct);
	assert_string_equal(ct, "text/html; charset=utf-8");
	free(ct);
	assert_app_headers(r);
	assert_contains(r->body, "<html lang=\"zh-CN\">");
	assert_contains(r->body, "<link rel=\"stylesheet\" href=\"/static/css/app.css\">");
	snprintf(code, sizeof(code), "<small class=\"code\">%ld</small>", status);
	assert_contains(r->body, code);
	assert_contains(r->body, zh);
	assert_contains(r->body, "<div lang=\"en\">");
	assert_contains(r->body, en);
	assert_not_contains(r->body, "<center>nginx</center>");
}

/* A redirect: the status, the Location, the headers and the "moved" page
 * whose link is the Location. */
static void
assert_redirect(const char *path, long status, const char *location, const char *link)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *loc, *ct, want[512];

	assert_int_equal(hc_get(h, path, &r), 0);
	if (r.status != status)
		fail_msg("%s: status %ld, expected %ld", path, r.status, status);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	assert_string_equal(loc, location);
	ct = http_header(&r, "Content-Type");
	assert_non_null(ct);
	assert_string_equal(ct, "text/html; charset=utf-8");
	assert_app_headers(&r);
	assert_contains(r.body, "<link rel=\"stylesheet\" href=\"/static/css/app.css\">");
	assert_contains(r.body, "页面已移动");
	assert_contains(r.body, "This page has moved");
	snprintf(want, sizeof(want), "<a class=\"button\" href=\"%s\">", link);
	assert_contains(r.body, want);
	free(loc);
	free(ct);
	http_resp_free(&r);
	hc_free(h);
}

/* The port of $SL_TEST_URL (http://127.0.0.1:PORT). */
static const char *
test_port(void)
{
	const char *c = strrchr(test_base_url(), ':');

	return c != NULL ? c + 1 : "18080";
}

/* `conf/stack/stack.sh up` for the test stack, with the environment as
 * the test run has it (SL_POST_RATE, WORKERS, BUILD) unless post_rate. */
static int
stack_up(const char *post_rate)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd), "%s%s conf/stack/stack.sh up %s %s >/dev/null 2>&1",
	    post_rate != NULL ? "SL_POST_RATE=" : "", post_rate != NULL ? post_rate : "",
	    stack_name(), test_port());
	return system(cmd) == 0 ? 0 : -1;
}

static int
stack_restore(void **state)
{
	(void)state;
	return stack_up(NULL);
}

/* ---------------------------------------------------------------- tests */

/* The programs send the set themselves: nginx must not add a copy. */
static void
test_app_pages_carry_each_header_once(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(h, "/repair", &r), 0);
	assert_int_equal(r.status, 200);
	assert_app_headers(&r);
	http_resp_free(&r);
	/* a page of the application's own 404 (not nginx's) */
	assert_int_equal(hc_get(h, "/desk/no-such-page", &r), 0);
	assert_int_equal(r.status, 404);
	assert_app_headers(&r);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_unknown_path_is_404_page(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(h, "/no/such/place", &r), 0);
	assert_error_page(&r, 404, "找不到这个页面。", "This page does not exist.");
	http_resp_free(&r);
	/* a missing static file, and the internal location asked for directly */
	assert_int_equal(hc_get(h, "/static/css/no-such.css", &r), 0);
	assert_error_page(&r, 404, "找不到这个页面。", "This page does not exist.");
	http_resp_free(&r);
	assert_int_equal(hc_get(h, "/_errors/413.html", &r), 0);
	assert_error_page(&r, 404, "找不到这个页面。", "This page does not exist.");
	http_resp_free(&r);
	hc_free(h);
}

/* The other errors nginx makes before any program sees the request. */
static void
test_other_nginx_errors_are_pages(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_post_raw(h, "/static/css/app.css", "text/plain", "x", 1, NULL, &r), 0);
	assert_error_page(&r, 405, "此页面不支持该请求方式。",
	    "This page does not accept that request method.");
	http_resp_free(&r);
	assert_int_equal(hc_get_h(h, "/", "Host: a/b", &r), 0);
	assert_error_page(&r, 400, "请求无效", "The request is invalid");
	http_resp_free(&r);
	hc_free(h);
}

/* "/" is no nginx redirect any more: the auth program answers it (staff
 * to their start page, visitors to the repair form), with the
 * application's security headers, each once (test_customer_nav.c checks
 * where each role lands). */
static void
test_root_is_answered_by_the_application(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *loc;

	(void)state;
	assert_int_equal(hc_get(h, "/", &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	assert_string_equal(loc, "/repair");
	assert_app_headers(&r);
	assert_not_contains(r.body, "页面已移动");
	free(loc);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_mounts_without_slash_redirect(void **state)
{
	static const char *const mounts[] = {
		"/desk", "/dash", "/journeys", "/okr", "/admin", "/api/v1",
	};
	size_t i;
	char loc[64];

	(void)state;
	for (i = 0; i < sizeof(mounts) / sizeof(mounts[0]); i++) {
		snprintf(loc, sizeof(loc), "%s/", mounts[i]);
		assert_redirect(mounts[i], 301, loc, loc);
	}
	/* the query string is kept, and escaped on the page */
	assert_redirect("/desk?lang=en&q=%22x%22", 301, "/desk/?lang=en&q=%22x%22",
	    "/desk/?lang=en&amp;q=%22x%22");
}

/* More than client_max_body_size (20 MB): nginx refuses before the
 * program sees it. */
static void
test_body_over_limit_is_413_page(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	size_t len = 21u * 1024 * 1024;
	char *body = malloc(len);

	(void)state;
	assert_non_null(body);
	memset(body, 'a', len);
	assert_int_equal(hc_post_raw(h, "/repair", "application/x-www-form-urlencoded",
	    body, len, NULL, &r), 0);
	assert_error_page(&r, 413, "提交的内容太大。", "What you sent is too large.");
	http_resp_free(&r);
	free(body);
	hc_free(h);
}

/* POST from source address SRC (any 127.0.0.0/8 address reaches the
 * stack); fills r like the harness. */
struct sbuf {
	char   *p;
	size_t  len;
};

static size_t
sbuf_write(char *data, size_t size, size_t n, void *ud)
{
	struct sbuf *b = ud;
	size_t add = size * n;
	char *p = realloc(b->p, b->len + add + 1);

	if (p == NULL)
		return 0;
	memcpy(p + b->len, data, add);
	b->p = p;
	b->len += add;
	b->p[b->len] = '\0';
	return add;
}

static int
post_from(const char *src, const char *path, struct http_resp *r)
{
	CURL *c = curl_easy_init();
	struct sbuf body = { NULL, 0 }, hdr = { NULL, 0 };
	char url[512], iface[64];
	CURLcode rc;

	if (c == NULL)
		return -1;
	snprintf(url, sizeof(url), "%s%s", test_base_url(), path);
	snprintf(iface, sizeof(iface), "host!%s", src);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_INTERFACE, iface);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, "x=1");
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sbuf_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, sbuf_write);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &hdr);
	rc = curl_easy_perform(c);
	memset(r, 0, sizeof(*r));
	if (rc == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	curl_easy_cleanup(c);
	if (rc != CURLE_OK) {
		fprintf(stderr, "curl %s from %s: %s\n", url, src, curl_easy_strerror(rc));
		free(body.p);
		free(hdr.p);
		return -1;
	}
	r->body = body.p != NULL ? body.p : strdup("");
	r->len = body.len;
	r->headers = hdr.p != NULL ? hdr.p : strdup("");
	return 0;
}

/* limit_req on POST /repair, at one request a minute: from a fresh client
 * address the first one and the burst pass (to the program, which refuses
 * the form without a CSRF token), the next ones are nginx's 429. */
static void
test_post_flood_is_429_page(void **state)
{
	struct http_resp r;
	char src[32];
	int i;

	(void)state;
	/* a client address no earlier run has used in this zone */
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	snprintf(src, sizeof(src), "127.%d.%d.%d", 100 + rand() % 150, rand() % 250,
	    1 + rand() % 250);
	assert_int_equal(stack_up("1r/m"), 0);
	for (i = 1; i <= REPAIR_BURST + 1; i++) {
		assert_int_equal(post_from(src, "/repair", &r), 0);
		if (r.status == 429)
			fail_msg("request %d of %d within the burst was refused", i,
			    REPAIR_BURST + 1);
		assert_int_equal(r.status, 403);
		http_resp_free(&r);
	}
	for (i = 0; i < 3; i++) {
		assert_int_equal(post_from(src, "/repair", &r), 0);
		assert_error_page(&r, 429, "请求过于频繁", "Too many requests.");
		http_resp_free(&r);
	}
}

/* A unix socket at PATH with nobody listening (a worker that died and
 * left its socket): bound, never listened on, closed. */
static void
dead_socket(const char *path)
{
	struct sockaddr_un a;
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	assert_true(fd >= 0);
	memset(&a, 0, sizeof(a));
	a.sun_family = AF_UNIX;
	assert_true(strlen(path) < sizeof(a.sun_path));
	strcpy(a.sun_path, path);
	unlink(path);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	close(fd);
}

/* A plugin whose workers are gone: no socket at all, or a socket nobody
 * listens on. nginx answers 502 (it could not reach the program). */
static void
test_dead_plugin_is_502_page(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char sock[1024], cmd[512];

	(void)state;
	snprintf(cmd, sizeof(cmd),
	    "conf/stack/stack.sh workers-stop %s journey >/dev/null 2>&1", stack_name());
	assert_int_equal(system(cmd), 0);
	assert_int_equal(hc_get(h, "/journeys/healthz", &r), 0);
	assert_error_page(&r, 502, "服务暂时不可用", "The service is temporarily unavailable.");
	http_resp_free(&r);

	snprintf(sock, sizeof(sock), "var/%s/run/journey.sock", stack_name());
	dead_socket(sock);
	assert_int_equal(hc_get(h, "/journeys/", &r), 0);
	assert_error_page(&r, 502, "服务暂时不可用", "The service is temporarily unavailable.");
	http_resp_free(&r);

	/* the other plugins are not affected */
	assert_int_equal(hc_get(h, "/desk/healthz", &r), 0);
	assert_int_equal(r.status, 200);
	http_resp_free(&r);
	hc_free(h);
}

/* After the restore: the plugin answers again. */
static void
test_plugin_answers_after_up(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(h, "/journeys/healthz", &r), 0);
	assert_int_equal(r.status, 200);
	assert_string_equal(r.body, "ok\n");
	http_resp_free(&r);
	hc_free(h);
}

static void
test_production_site_passes_nginx_t(void **state)
{
	(void)state;
	assert_int_equal(system("tests/nginx-site-check.sh"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_app_pages_carry_each_header_once),
		cmocka_unit_test(test_unknown_path_is_404_page),
		cmocka_unit_test(test_other_nginx_errors_are_pages),
		cmocka_unit_test(test_root_is_answered_by_the_application),
		cmocka_unit_test(test_mounts_without_slash_redirect),
		cmocka_unit_test(test_body_over_limit_is_413_page),
		cmocka_unit_test_teardown(test_post_flood_is_429_page, stack_restore),
		cmocka_unit_test_teardown(test_dead_plugin_is_502_page, stack_restore),
		cmocka_unit_test(test_plugin_answers_after_up),
		cmocka_unit_test(test_production_site_passes_nginx_t),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
