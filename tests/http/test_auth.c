/* HTTP tests of the foundation: sign-in, sessions, CSRF, throttling,
 * security headers, errors, limits and the database-down page. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

static void
assert_header(const struct http_resp *r, const char *name, const char *want)
{
	char *v = http_header(r, name);

	if (v == NULL || strstr(v, want) == NULL) {
		fprintf(stderr, "header %s: got '%s', want '%s'\n", name, v ? v : "(none)", want);
		free(v);
		fail();
	}
	free(v);
}

static void
test_login_page_has_form(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf;

	(void)state;
	assert_int_equal(hc_get(h, "/login", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "<form method=\"post\" action=\"/login\"");
	assert_contains(r.body, "name=\"login\"");
	assert_contains(r.body, "name=\"password\"");
	csrf = html_input_value(r.body, "csrf");
	assert_non_null(csrf);
	assert_int_equal(strlen(csrf), 64);
	assert_contains(r.body, "员工登录");
	free(csrf);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_login_page_in_english(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get_h(h, "/login", "Accept-Language: en-US,en;q=0.9", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "Staff sign-in");
	assert_contains(r.body, "lang=\"en\"");
	http_resp_free(&r);
	hc_free(h);
}

static void
test_security_headers_on_pages(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(h, "/login", &r), 0);
	assert_header(&r, "Content-Security-Policy", "frame-ancestors 'none'");
	assert_header(&r, "Content-Security-Policy", "default-src 'none'");
	assert_header(&r, "X-Content-Type-Options", "nosniff");
	assert_header(&r, "Referrer-Policy", "same-origin");
	assert_header(&r, "X-Frame-Options", "DENY");
	assert_header(&r, "Content-Type", "text/html; charset=utf-8");
	http_resp_free(&r);
	hc_free(h);
}

static void
test_security_headers_on_errors(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(h, "/desk/no-such-page", &r), 0);
	assert_int_equal(r.status, 404);
	assert_header(&r, "Content-Security-Policy", "frame-ancestors 'none'");
	assert_header(&r, "X-Content-Type-Options", "nosniff");
	http_resp_free(&r);
	hc_free(h);
}

static void
test_login_success_sets_session_cookie(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf = hc_csrf(h, "/login"), body[256], *cookie, *loc;

	(void)state;
	snprintf(body, sizeof(body), "csrf=%s&login=agent&password=demo1234&next=%%2Fdesk%%2F", csrf);
	assert_int_equal(hc_post_form(h, "/login", body, &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_string_equal(loc, "/desk/");
	cookie = http_header(&r, "Set-Cookie");
	assert_non_null(cookie);
	assert_contains(cookie, "sl_session=");
	assert_contains(cookie, "HttpOnly");
	assert_contains(cookie, "SameSite=Lax");
	free(cookie);
	free(loc);
	free(csrf);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_authenticated_pages_are_not_stored(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_login(h, "agent", "demo1234"), 303);
	assert_int_equal(hc_get(h, "/account", &r), 0);
	assert_int_equal(r.status, 200);
	assert_header(&r, "Cache-Control", "no-store");
	assert_contains(r.body, "李客服");
	http_resp_free(&r);
	hc_free(h);
}

static void
test_login_wrong_password_is_refused(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf = hc_csrf(h, "/login"), body[256], *cookie;

	(void)state;
	snprintf(body, sizeof(body), "csrf=%s&login=viewer&password=wrong-password", csrf);
	assert_int_equal(hc_post_form(h, "/login", body, &r), 0);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "账号或密码错误");
	assert_contains(r.body, "value=\"viewer\"");
	cookie = http_header(&r, "Set-Cookie");
	assert_true(cookie == NULL || strstr(cookie, "sl_session=") == NULL);
	free(cookie);
	free(csrf);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_login_unknown_user_same_message(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf = hc_csrf(h, "/login"), body[256];

	(void)state;
	snprintf(body, sizeof(body), "csrf=%s&login=nobody-here&password=whatever1", csrf);
	assert_int_equal(hc_post_form(h, "/login", body, &r), 0);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "账号或密码错误");
	free(csrf);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_login_missing_fields_per_field_errors(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf = hc_csrf(h, "/login"), body[256];

	(void)state;
	snprintf(body, sizeof(body), "csrf=%s&login=&password=", csrf);
	assert_int_equal(hc_post_form(h, "/login", body, &r), 0);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "class=\"field-error\"");
	assert_contains(r.body, "必填项");
	free(csrf);
	http_resp_free(&r);
	hc_free(h);
}

/* A refused sign-in made no session (sessions as before, which is freed)
 * and h is still sent to the sign-in page. */
static void
assert_nobody_signed_in(struct hc *h, char *sessions_before)
{
	struct http_resp r;

	assert_tables_unchanged("sessions", sessions_before);
	assert_int_equal(hc_get(h, "/account", &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
}

static void
test_login_without_csrf_is_forbidden(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *before;

	(void)state;
	assert_int_equal(hc_get(h, "/login", &r), 0);   /* has the anon cookie now */
	http_resp_free(&r);
	before = tables_checksum("sessions");
	assert_int_equal(hc_post_form(h, "/login", "login=agent&password=demo1234", &r), 0);
	assert_int_equal(r.status, 403);
	assert_contains(r.body, "表单已过期");
	http_resp_free(&r);
	assert_nobody_signed_in(h, before);
	hc_free(h);
}

static void
test_login_with_wrong_csrf_is_forbidden(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char body[256], *before;

	(void)state;
	assert_int_equal(hc_get(h, "/login", &r), 0);
	http_resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%064d&login=agent&password=demo1234", 0);
	before = tables_checksum("sessions");
	assert_int_equal(hc_post_form(h, "/login", body, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_nobody_signed_in(h, before);
	hc_free(h);
}

static void
test_csrf_of_another_visitor_is_forbidden(void **state)
{
	struct hc *a = hc_new(), *b = hc_new();
	struct http_resp r;
	char *csrf = hc_csrf(a, "/login"), body[256], *before;

	(void)state;
	assert_int_equal(hc_get(b, "/login", &r), 0);
	http_resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s&login=agent&password=demo1234", csrf);
	before = tables_checksum("sessions");
	assert_int_equal(hc_post_form(b, "/login", body, &r), 0);
	assert_int_equal(r.status, 403);
	free(csrf);
	http_resp_free(&r);
	assert_nobody_signed_in(b, before);
	hc_free(a);
	hc_free(b);
}

static void
test_cross_origin_post_is_forbidden(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf = hc_csrf(h, "/login"), body[256], *before;

	(void)state;
	snprintf(body, sizeof(body), "csrf=%s&login=agent&password=demo1234", csrf);
	before = tables_checksum("sessions");
	assert_int_equal(hc_post_form_h(h, "/login", body, "Origin: http://evil.example", &r), 0);
	assert_int_equal(r.status, 403);
	free(csrf);
	http_resp_free(&r);
	assert_nobody_signed_in(h, before);
	hc_free(h);
}

static void
test_session_token_changes_at_login(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf1, *csrf2;

	(void)state;
	csrf1 = hc_csrf(h, "/login");
	assert_int_equal(hc_login(h, "agent", "demo1234"), 303);
	assert_int_equal(hc_get(h, "/account", &r), 0);
	csrf2 = html_input_value(r.body, "csrf");
	assert_non_null(csrf2);
	assert_string_not_equal(csrf1, csrf2);
	free(csrf1);
	free(csrf2);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_logout_ends_session(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf, body[128], *loc;

	(void)state;
	assert_int_equal(hc_login(h, "agent", "demo1234"), 303);
	csrf = hc_csrf(h, "/account");
	snprintf(body, sizeof(body), "csrf=%s", csrf);
	assert_int_equal(hc_post_form(h, "/logout", body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_int_equal(hc_get(h, "/account", &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	assert_contains(loc, "/login?next=/account");
	free(loc);
	free(csrf);
	http_resp_free(&r);
	hc_free(h);
}

/* An expired session is refused alike by pages that check it with their
 * own columns in one statement (route.session_q: the queue, the ticket
 * page with its id) and by the others (/account). */
static void
test_expired_session_is_refused_on_every_kind_of_page(void **state)
{
	char ticket[64], ip[32], sql[160], *loc;
	const char *pages[] = { "/desk/", ticket, "/account" };
	struct http_resp r;
	size_t i;

	(void)state;
	snprintf(ticket, sizeof(ticket), "/desk/tickets/%lld",
	    stack_sql_int("SELECT MIN(id) FROM tickets"));
	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		struct hc *h = hc_new();

		snprintf(ip, sizeof(ip), "127.0.0.%zu", 131 + i);
		hc_set_source(h, ip);
		assert_int_equal(hc_login(h, "agent", "demo1234"), 303);
		assert_int_equal(hc_get(h, pages[i], &r), 0);
		assert_int_equal(r.status, 200);
		http_resp_free(&r);
		snprintf(sql, sizeof(sql), "UPDATE sessions SET expires_at = UTC_TIMESTAMP()"
		    " - INTERVAL 1 MINUTE WHERE addr = '%s'", ip);
		assert_int_equal(stack_sql(sql), 0);
		assert_int_equal(hc_get(h, pages[i], &r), 0);
		assert_int_equal(r.status, 303);
		loc = http_header(&r, "Location");
		assert_non_null(loc);
		assert_contains(loc, "/login?next=");
		free(loc);
		http_resp_free(&r);
		hc_free(h);
	}
}

static void
test_logout_without_csrf_keeps_session(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_login(h, "agent", "demo1234"), 303);
	assert_int_equal(hc_post_form(h, "/logout", "x=1", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_int_equal(hc_get(h, "/account", &r), 0);
	assert_int_equal(r.status, 200);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_open_redirect_after_login_is_refused(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf = hc_csrf(h, "/login"), body[256], *loc;

	(void)state;
	snprintf(body, sizeof(body), "csrf=%s&login=agent&password=demo1234&next=%%2F%%2Fevil.example",
	    csrf);
	assert_int_equal(hc_post_form(h, "/login", body, &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_string_equal(loc, "/desk/");
	free(loc);
	free(csrf);
	http_resp_free(&r);
	hc_free(h);
}

/* Browsers drop tabs from URLs: "/\t/evil" would become "//evil". */
static void
test_redirect_with_control_character_is_refused(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf = hc_csrf(h, "/login"), body[256], *loc;

	(void)state;
	snprintf(body, sizeof(body), "csrf=%s&login=agent&password=demo1234&next=%%2F%%09%%2Fevil.example",
	    csrf);
	assert_int_equal(hc_post_form(h, "/login", body, &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_string_equal(loc, "/desk/");
	free(loc);
	free(csrf);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_csrf_in_query_string_is_refused(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf, path[160];

	(void)state;
	assert_int_equal(hc_login(h, "agent", "demo1234"), 303);
	csrf = hc_csrf(h, "/account");
	snprintf(path, sizeof(path), "/logout?csrf=%s", csrf);
	assert_int_equal(hc_post_form(h, path, "x=1", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_int_equal(hc_get(h, "/account", &r), 0);
	assert_int_equal(r.status, 200);                /* still signed in */
	http_resp_free(&r);
	free(csrf);
	hc_free(h);
}

static void
test_role_forbidden_page(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_login(h, "tech", "demo1234"), 303);
	assert_int_equal(hc_get(h, "/admin/", &r), 0);
	assert_int_equal(r.status, 403);
	assert_contains(r.body, "没有权限");
	http_resp_free(&r);
	assert_int_equal(hc_get(h, "/dash/", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_admin_reaches_admin(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_login(h, "admin", "demo1234"), 303);
	assert_int_equal(hc_get(h, "/admin/", &r), 0);
	assert_int_equal(r.status, 200);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_account_language_saved(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf, body[256];

	(void)state;
	assert_int_equal(hc_login(h, "supervisor", "demo1234"), 303);
	csrf = hc_csrf(h, "/account");
	snprintf(body, sizeof(body), "csrf=%s&lang=en&current_password=&new_password=", csrf);
	assert_int_equal(hc_post_form(h, "/account", body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_int_equal(hc_get(h, "/account", &r), 0);
	assert_contains(r.body, "My account");
	http_resp_free(&r);
	free(csrf);
	csrf = hc_csrf(h, "/account");
	snprintf(body, sizeof(body), "csrf=%s&lang=&current_password=&new_password=", csrf);
	assert_int_equal(hc_post_form(h, "/account", body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	free(csrf);
	hc_free(h);
}

static void
test_account_bad_language_is_422(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf, body[256];

	(void)state;
	assert_int_equal(hc_login(h, "supervisor", "demo1234"), 303);
	csrf = hc_csrf(h, "/account");
	snprintf(body, sizeof(body), "csrf=%s&lang=klingon", csrf);
	assert_int_equal(hc_post_form(h, "/account", body, &r), 0);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "field-error");
	http_resp_free(&r);
	free(csrf);
	hc_free(h);
}

static void
test_account_password_needs_current(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf, body[256];

	(void)state;
	assert_int_equal(hc_login(h, "supervisor", "demo1234"), 303);
	csrf = hc_csrf(h, "/account");
	snprintf(body, sizeof(body), "csrf=%s&lang=&current_password=wrong&new_password=newpass123", csrf);
	assert_int_equal(hc_post_form(h, "/account", body, &r), 0);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "当前密码不正确");
	http_resp_free(&r);
	free(csrf);
	/* The old password still works. */
	hc_free(h);
	h = hc_new();
	assert_int_equal(hc_login(h, "supervisor", "demo1234"), 303);
	hc_free(h);
}

static void
test_not_found_is_404_page(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(h, "/login/nothing", &r), 0);
	assert_int_equal(r.status, 404);
	assert_contains(r.body, "找不到这个页面");
	http_resp_free(&r);
	hc_free(h);
}

static void
test_wrong_method_is_405(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *allow;

	(void)state;
	assert_int_equal(hc_get(h, "/logout", &r), 0);
	assert_int_equal(r.status, 405);
	allow = http_header(&r, "Allow");
	assert_non_null(allow);
	free(allow);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_oversize_body_is_413(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	size_t n = 21u * 1024 * 1024;
	char *big = malloc(n + 1);

	(void)state;
	memset(big, 'a', n);
	memcpy(big, "login=", 6);
	big[n] = '\0';
	assert_int_equal(hc_post_raw(h, "/login", "application/x-www-form-urlencoded", big, n,
	    NULL, &r), 0);
	assert_int_equal(r.status, 413);
	http_resp_free(&r);
	free(big);
	hc_free(h);
}

static void
test_too_many_fields_is_413(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *body = malloc(300 * 8 + 1);
	size_t i, o = 0;

	(void)state;
	for (i = 0; i < 300; i++)
		o += (size_t)sprintf(body + o, "f%03zu=1&", i);
	assert_int_equal(hc_post_raw(h, "/login", "application/x-www-form-urlencoded", body, o,
	    NULL, &r), 0);
	assert_int_equal(r.status, 413);
	http_resp_free(&r);
	free(body);
	hc_free(h);
}

static void
test_invalid_utf8_is_400(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_post_form(h, "/login", "login=%C0%AF&password=x", &r), 0);
	assert_int_equal(r.status, 400);
	assert_contains(r.body, "请求无效");
	http_resp_free(&r);
	assert_int_equal(hc_get(h, "/login?next=%FF", &r), 0);
	assert_int_equal(r.status, 400);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_unsupported_content_type_is_415(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_post_raw(h, "/login", "text/xml", "<a/>", 4, NULL, &r), 0);
	assert_int_equal(r.status, 415);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_healthz_of_every_plugin(void **state)
{
	static const char *const paths[] = {
		"/healthz", "/repair/healthz", "/desk/healthz", "/dash/healthz",
		"/journeys/healthz", "/okr/healthz", "/admin/healthz", "/login/healthz",
	};
	struct hc *h = hc_new();
	struct http_resp r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		assert_int_equal(hc_get(h, paths[i], &r), 0);
		if (r.status != 200)
			fprintf(stderr, "%s -> %ld\n", paths[i], r.status);
		assert_int_equal(r.status, 200);
		assert_string_equal(r.body, "ok\n");
		http_resp_free(&r);
	}
	hc_free(h);
}

/* --- sign-in: exact logins, throttling and device cookies ------------------
 * Limits of cgi/core/login_guard.h. Every scenario uses accounts of its own
 * and, for its guessing, client addresses of its own (127.x.y.n), so no
 * other test or suite finds agent or 127.0.0.1 locked. */
#define PER_ACCOUNT 5
#define PER_ADDR    50
#define PER_DEVICE  5

/* A client address of this test run: 127.A.B.n (never 127.0.0.1). */
static void
run_addr(char out[32], int n)
{
	long pid = (long)getpid();

	snprintf(out, 32, "127.%ld.%ld.%d", 1 + (pid / 256) % 250, pid % 256, n);
}

/* A new agent account "<prefix><pid>" with password pw (login to out). */
static void
new_account(const char *prefix, const char *pw, char out[64])
{
	const char *stack = getenv("SL_TEST_STACK"), *build = getenv("BUILD");
	char cmd[512];

	snprintf(out, 64, "%s%ld", prefix, (long)getpid());
	snprintf(cmd, sizeof(cmd), "echo %s | SL_CONFIG=var/%s/serviceloop.conf "
	    "%s/bin/sl-cli user-add %s agent Guard", pw, stack ? stack : "test",
	    build ? build : "build", out);
	assert_int_equal(system(cmd), 0);
}

/* One sign-in attempt through the form (login and pw as typed); the
 * response in r. */
static void
try_login(struct hc *h, const char *login, const char *pw, struct http_resp *r)
{
	char *csrf = hc_csrf(h, "/login"), *l = hc_escape(login), *p = hc_escape(pw);
	char body[1024];

	assert_non_null(csrf);
	snprintf(body, sizeof(body), "csrf=%s&login=%s&password=%s", csrf, l, p);
	assert_int_equal(hc_post_form(h, "/login", body, r), 0);
	free(csrf);
	free(l);
	free(p);
}

static long
login_status(struct hc *h, const char *login, const char *pw)
{
	struct http_resp r;
	long st;

	try_login(h, login, pw, &r);
	st = r.status;
	http_resp_free(&r);
	return st;
}

/* Wrong passwords for login until the answer is 429; returns how many were
 * answered 422 first (at most limit + 3 tries). */
static int
guess_until_locked(struct hc *h, const char *login, int limit)
{
	int n = 0;
	long st;

	while ((st = login_status(h, login, "wrong-guess-1")) == 422 && n <= limit + 3)
		n++;
	assert_int_equal(st, 429);
	return n;
}

static void
sign_out(struct hc *h)
{
	struct http_resp r;
	char *csrf = hc_csrf(h, "/account"), body[128];

	assert_non_null(csrf);
	snprintf(body, sizeof(body), "csrf=%s", csrf);
	assert_int_equal(hc_post_form(h, "/logout", body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	free(csrf);
}

static long long
sql_count(const char *sql)
{
	char *v = stack_sql_value(sql);
	long long n;

	assert_non_null(v);
	n = strtoll(v, NULL, 10);
	free(v);
	return n;
}

/* AGENT, "agent " and ágent are other logins: refused with the message of
 * a wrong password, counted under their own spelling, never against agent. */
static void
test_login_compares_exactly(void **state)
{
	static const char *const spellings[] = { "AGENT", "Agent", "agent ", " agent",
	    "\xc3\xa1gent", "agent\xc2\xa0" };
	struct hc *h = hc_new();
	struct http_resp r;
	char addr[32];
	long long before = sql_count("SELECT COUNT(*) FROM login_failures WHERE login = 'agent'");
	size_t i;
	int n;

	(void)state;
	/* A run of moments ago on the same stack left these counted. */
	assert_int_equal(stack_sql("DELETE FROM login_failures WHERE login IN"
	    " ('AGENT', 'Agent', 'agent ', ' agent', '\xc3\xa1gent', 'agent\xc2\xa0')"), 0);
	run_addr(addr, 10);
	hc_set_source(h, addr);
	for (i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++) {
		try_login(h, spellings[i], "demo1234", &r);
		if (r.status != 422)
			fprintf(stderr, "login '%s' -> %ld\n", spellings[i], r.status);
		assert_int_equal(r.status, 422);
		assert_contains(r.body, "账号或密码错误");
		assert_null(strstr(r.headers, "sl_session="));
		http_resp_free(&r);
	}
	assert_int_equal(sql_count("SELECT COUNT(*) FROM login_failures WHERE login = 'AGENT'"), 1);
	assert_int_equal(sql_count("SELECT COUNT(*) FROM login_failures WHERE login = 'agent '"), 1);
	/* AGENT locks only AGENT: agent still signs in from a fresh client. */
	n = guess_until_locked(h, "AGENT", PER_ACCOUNT);
	assert_int_equal(n, PER_ACCOUNT - 1);
	assert_int_equal(sql_count("SELECT COUNT(*) FROM login_failures WHERE login = 'agent'"),
	    before);
	hc_free(h);
	h = hc_new();
	assert_int_equal(login_status(h, "agent", "demo1234"), 303);
	hc_free(h);
}

/* No login may differ from another only by case, accents or trailing
 * spaces: the database refuses it as a duplicate (the admin form already
 * allows only [a-z0-9._-]). The control row, the same statement with a new
 * login, proves the refusals are not a broken statement. Its hash "x"
 * matches no password. */
static void
test_confusable_login_cannot_be_created(void **state)
{
	static const char *const spellings[] = { "Agent", "AGENT", "agent ", "\xc3\xa1gent" };
	char sql[256], control[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++) {
		snprintf(sql, sizeof(sql), "INSERT INTO users (login, name, role, password_hash)"
		    " VALUES ('%s', 'x', 'agent', 'x')", spellings[i]);
		assert_int_not_equal(stack_sql(sql), 0);
	}
	assert_int_equal(sql_count("SELECT COUNT(*) FROM users WHERE login_folded = 'agent'"), 1);
	snprintf(control, sizeof(control), "fold-control%ld", (long)getpid());
	snprintf(sql, sizeof(sql), "INSERT INTO users (login, name, role, password_hash)"
	    " VALUES ('%s', 'x', 'agent', 'x')", control);
	assert_int_equal(stack_sql(sql), 0);
}

/* Device cookie: set at sign-in, only for /login, not readable by scripts. */
static void
test_login_sets_device_cookie(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char login[64];
	const char *c;

	(void)state;
	new_account("devck", "device-pass-1", login);
	try_login(h, login, "device-pass-1", &r);
	assert_int_equal(r.status, 303);
	c = strstr(r.headers, "Set-Cookie: sl_dev_");
	assert_non_null(c);
	c = strchr(c, '=');
	assert_non_null(c);
	assert_int_equal(strspn(c + 1, "0123456789"), 10);
	assert_contains(c, "; Path=/login; Max-Age=15552000; HttpOnly; SameSite=Strict");
	http_resp_free(&r);
	hc_free(h);
}

/* The attack: another address floods the owner's account with wrong
 * passwords until the lock engages. The owner's earlier device still signs
 * in; a fresh client, the attacker included, stays locked out. */
static void
test_flooded_account_lets_owner_device_in(void **state)
{
	struct hc *owner = hc_new(), *att = hc_new(), *fresh = hc_new();
	struct http_resp r;
	char login[64], addr[32];

	(void)state;
	new_account("flood", "owner-pass-1", login);
	assert_int_equal(login_status(owner, login, "owner-pass-1"), 303);
	sign_out(owner);
	run_addr(addr, 20);
	hc_set_source(att, addr);
	assert_int_equal(guess_until_locked(att, login, PER_ACCOUNT), PER_ACCOUNT);
	assert_int_equal(login_status(att, login, "owner-pass-1"), 429);
	assert_int_equal(login_status(fresh, login, "owner-pass-1"), 429);
	try_login(owner, login, "owner-pass-1", &r);
	assert_int_equal(r.status, 303);
	assert_non_null(strstr(r.headers, "sl_dev_"));
	http_resp_free(&r);
	assert_int_equal(hc_get(owner, "/account", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, login);
	http_resp_free(&r);
	/* The owner's success did not reopen the account to the attacker. */
	assert_int_equal(login_status(att, login, "wrong-guess-2"), 429);
	try_login(fresh, login, "owner-pass-1", &r);
	assert_int_equal(r.status, 429);
	assert_contains(r.body, "尝试次数过多");
	http_resp_free(&r);
	hc_free(owner);
	hc_free(att);
	hc_free(fresh);
}

/* One address may not spray guesses over many accounts: after PER_ADDR
 * failures it is refused for any login, but an owner's device behind the
 * same address (an office NAT) still gets in. */
static void
test_address_limit_holds(void **state)
{
	struct hc *spray = hc_new(), *owner = hc_new();
	char login[64], addr[32], other[64];
	int i;

	(void)state;
	new_account("nat", "owner-pass-2", login);
	assert_int_equal(login_status(owner, login, "owner-pass-2"), 303);
	sign_out(owner);
	run_addr(addr, 30);
	hc_set_source(spray, addr);
	for (i = 0; i < PER_ADDR; i++) {
		snprintf(other, sizeof(other), "nobody%ld-%d", (long)getpid(), i);
		assert_int_equal(login_status(spray, other, "wrong-guess-3"), 422);
	}
	snprintf(other, sizeof(other), "nobody%ld-last", (long)getpid());
	assert_int_equal(login_status(spray, other, "wrong-guess-3"), 429);
	assert_int_equal(login_status(spray, login, "owner-pass-2"), 429);
	hc_set_source(owner, addr);
	assert_int_equal(login_status(owner, login, "owner-pass-2"), 303);
	hc_free(spray);
	hc_free(owner);
}

/* A stolen device cookie gives PER_DEVICE guesses, then that device is
 * locked too; its failures do not lock the account for other clients. */
static void
test_device_has_own_failure_limit(void **state)
{
	struct hc *dev = hc_new(), *fresh = hc_new();
	char login[64], addr[32], sql[256];

	(void)state;
	new_account("stolen", "owner-pass-3", login);
	run_addr(addr, 40);
	hc_set_source(dev, addr);
	assert_int_equal(login_status(dev, login, "owner-pass-3"), 303);
	sign_out(dev);
	assert_int_equal(guess_until_locked(dev, login, PER_DEVICE), PER_DEVICE);
	assert_int_equal(login_status(dev, login, "owner-pass-3"), 429);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM login_failures WHERE login = '%s'"
	    " AND device IS NOT NULL", login);
	assert_int_equal(sql_count(sql), PER_DEVICE);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM login_failures WHERE login = '%s'"
	    " AND device IS NULL", login);
	assert_int_equal(sql_count(sql), 0);
	assert_int_equal(login_status(fresh, login, "owner-pass-3"), 303);
	hc_free(dev);
	hc_free(fresh);
}

/* A new password revokes the devices of the old one; the browser that
 * changed it gets a new device cookie. */
static void
test_password_change_revokes_devices(void **state)
{
	struct hc *a = hc_new(), *b = hc_new(), *att = hc_new();
	struct http_resp r;
	char login[64], addr[32], *csrf, body[256];

	(void)state;
	new_account("revoke", "owner-pass-4", login);
	assert_int_equal(login_status(b, login, "owner-pass-4"), 303);
	sign_out(b);
	assert_int_equal(login_status(a, login, "owner-pass-4"), 303);
	csrf = hc_csrf(a, "/account");
	assert_non_null(csrf);
	snprintf(body, sizeof(body), "csrf=%s&lang=&current_password=owner-pass-4"
	    "&new_password=owner-pass-5", csrf);
	assert_int_equal(hc_post_form(a, "/account", body, &r), 0);
	assert_int_equal(r.status, 303);
	assert_non_null(strstr(r.headers, "Set-Cookie: sl_dev_"));
	http_resp_free(&r);
	free(csrf);
	sign_out(a);
	run_addr(addr, 50);
	hc_set_source(att, addr);
	assert_int_equal(guess_until_locked(att, login, PER_ACCOUNT), PER_ACCOUNT);
	assert_int_equal(login_status(b, login, "owner-pass-5"), 429);
	assert_int_equal(login_status(a, login, "owner-pass-5"), 303);
	hc_free(a);
	hc_free(b);
	hc_free(att);
}

static int
count_expired_device_cookies(const char *headers)
{
	const char *p = headers;
	int n = 0;

	while ((p = strstr(p, "Set-Cookie: sl_dev_")) != NULL) {
		const char *eol = strchr(p, '\n'), *z = strstr(p, "=; Path=/login; Max-Age=0;");

		if (z != NULL && (eol == NULL || z < eol))
			n++;
		p += 19;
	}
	return n;
}

/* A shared desk computer keeps at most 10 device cookies (one per account):
 * the eleventh account's sign-in expires the oldest. */
static void
test_shared_computer_keeps_ten_devices(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char login[64], prefix[16];
	int i;

	(void)state;
	for (i = 0; i <= 10; i++) {
		snprintf(prefix, sizeof(prefix), "desk%d-", i);
		new_account(prefix, "shared-pass-1", login);
		try_login(h, login, "shared-pass-1", &r);
		assert_int_equal(r.status, 303);
		assert_int_equal(count_expired_device_cookies(r.headers), i < 10 ? 0 : 1);
		http_resp_free(&r);
		sign_out(h);
	}
	hc_free(h);
}

/* A user of its own, so no other suite finds its login locked. */
static void
test_login_throttled_after_failures(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf = hc_csrf(h, "/login"), body[256], login[64], cmd[512];
	const char *stack = getenv("SL_TEST_STACK"), *build = getenv("BUILD");
	int i;

	(void)state;
	snprintf(login, sizeof(login), "throttle%ld", (long)getpid());
	snprintf(cmd, sizeof(cmd), "echo throttle-pass-1 | SL_CONFIG=var/%s/serviceloop.conf "
	    "%s/bin/sl-cli user-add %s agent Throttle", stack ? stack : "test",
	    build ? build : "build", login);
	assert_int_equal(system(cmd), 0);
	{
		struct hc *first = hc_new();
		assert_int_equal(hc_login(first, login, "throttle-pass-1"), 303);
		hc_free(first);
	}
	snprintf(body, sizeof(body), "csrf=%s&login=%s&password=wrong-one", csrf, login);
	for (i = 0; i < 5; i++) {
		assert_int_equal(hc_post_form(h, "/login", body, &r), 0);
		assert_int_equal(r.status, 422);
		http_resp_free(&r);
	}
	/* Now even the right password is refused for a while to a client that
	 * never signed in as this account (h has no device cookie for it; the
	 * owner's device is let in: test_flooded_account_lets_owner_device_in). */
	snprintf(body, sizeof(body), "csrf=%s&login=%s&password=throttle-pass-1", csrf, login);
	assert_int_equal(hc_post_form(h, "/login", body, &r), 0);
	assert_int_equal(r.status, 429);
	assert_contains(r.body, "尝试次数过多");
	http_resp_free(&r);
	free(csrf);
	hc_free(h);
}

/* Last: the database goes away and comes back. */
static void
test_db_down_gives_503_then_recovers(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	int i;

	(void)state;
	assert_int_equal(hc_login(h, "admin", "demo1234"), 303);
	assert_int_equal(test_stack("db-stop"), 0);
	assert_int_equal(hc_get(h, "/account", &r), 0);
	assert_int_equal(r.status, 503);
	assert_contains(r.body, "服务暂时不可用");
	http_resp_free(&r);
	assert_int_equal(hc_get(h, "/desk/healthz", &r), 0);
	assert_int_equal(r.status, 503);
	http_resp_free(&r);
	assert_int_equal(test_stack("db-start"), 0);
	for (i = 0; i < 20; i++) {
		assert_int_equal(hc_get(h, "/account", &r), 0);
		if (r.status == 200)
			break;
		http_resp_free(&r);
		usleep(250000);
	}
	assert_int_equal(r.status, 200);
	http_resp_free(&r);
	hc_free(h);
}

/* Whatever the test did, the database must be running afterwards. */
static int
db_start_again(void **state)
{
	(void)state;
	return test_stack("db-start") == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_login_page_has_form),
		cmocka_unit_test(test_login_page_in_english),
		cmocka_unit_test(test_security_headers_on_pages),
		cmocka_unit_test(test_security_headers_on_errors),
		cmocka_unit_test(test_login_success_sets_session_cookie),
		cmocka_unit_test(test_authenticated_pages_are_not_stored),
		cmocka_unit_test(test_login_wrong_password_is_refused),
		cmocka_unit_test(test_login_unknown_user_same_message),
		cmocka_unit_test(test_login_missing_fields_per_field_errors),
		cmocka_unit_test(test_login_without_csrf_is_forbidden),
		cmocka_unit_test(test_login_with_wrong_csrf_is_forbidden),
		cmocka_unit_test(test_csrf_of_another_visitor_is_forbidden),
		cmocka_unit_test(test_cross_origin_post_is_forbidden),
		cmocka_unit_test(test_session_token_changes_at_login),
		cmocka_unit_test(test_logout_ends_session),
		cmocka_unit_test(test_expired_session_is_refused_on_every_kind_of_page),
		cmocka_unit_test(test_logout_without_csrf_keeps_session),
		cmocka_unit_test(test_open_redirect_after_login_is_refused),
		cmocka_unit_test(test_redirect_with_control_character_is_refused),
		cmocka_unit_test(test_csrf_in_query_string_is_refused),
		cmocka_unit_test(test_role_forbidden_page),
		cmocka_unit_test(test_admin_reaches_admin),
		cmocka_unit_test(test_account_language_saved),
		cmocka_unit_test(test_account_bad_language_is_422),
		cmocka_unit_test(test_account_password_needs_current),
		cmocka_unit_test(test_not_found_is_404_page),
		cmocka_unit_test(test_wrong_method_is_405),
		cmocka_unit_test(test_oversize_body_is_413),
		cmocka_unit_test(test_too_many_fields_is_413),
		cmocka_unit_test(test_invalid_utf8_is_400),
		cmocka_unit_test(test_unsupported_content_type_is_415),
		cmocka_unit_test(test_healthz_of_every_plugin),
		cmocka_unit_test(test_login_throttled_after_failures),
		cmocka_unit_test(test_login_compares_exactly),
		cmocka_unit_test(test_confusable_login_cannot_be_created),
		cmocka_unit_test(test_login_sets_device_cookie),
		cmocka_unit_test(test_flooded_account_lets_owner_device_in),
		cmocka_unit_test(test_address_limit_holds),
		cmocka_unit_test(test_device_has_own_failure_limit),
		cmocka_unit_test(test_password_change_revokes_devices),
		cmocka_unit_test(test_shared_computer_keeps_ten_devices),
		cmocka_unit_test_teardown(test_db_down_gives_503_then_recovers, db_start_again),
	};
	return cmocka_run_group_tests_name("http_auth", tests, NULL, NULL);
}
