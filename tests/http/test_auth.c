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
	/* Now even the right password is refused for a while. */
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
		cmocka_unit_test_teardown(test_db_down_gives_503_then_recovers, db_start_again),
	};
	return cmocka_run_group_tests_name("http_auth", tests, NULL, NULL);
}
