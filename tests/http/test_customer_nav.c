/* HTTP tests of the customer's way in and the staff's nav against a
 * running stack ($SL_TEST_URL): "/" for visitors and each role, the
 * look-up of a ticket by phone and ticket number at /track (one answer
 * for every miss, the guessing limit shared with tracking codes), the
 * tracking page (technician's name as the admin allows, the absolute link
 * and its copy button), the nav of each role, the error page's way home,
 * and the header naming the user once. One scenario per test.
 *
 * The look-up tests connect from addresses of their own (127.0.19.x) and
 * empty their rows of track_failures before and after, so they neither
 * lock out other suites nor depend on reruns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define PASSWORD "demo1234"
#define PHONE    "13900139000"        /* hc_repair_ticket()'s phone */
#define TRACK_MAX_FAILURES 20         /* cgi/intake/track.c */

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The roles of the demo users and where each starts. */
static const struct {
	const char *login, *home;
} roles[] = {
	{ "viewer",     "/dash/" },
	{ "tech",       "/desk/my" },
	{ "agent",      "/desk/" },
	{ "supervisor", "/desk/" },
	{ "admin",      "/desk/" },
};

static void
forget_failures(const char *addr)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "DELETE FROM track_failures WHERE addr = '%s'", addr);
	assert_int_equal(stack_sql(sql), 0);
}

static int
setup_addrs(void **state)
{
	(void)state;
	forget_failures("127.0.19.1");
	forget_failures("127.0.19.2");
	forget_failures("127.0.19.3");
	forget_failures("127.0.19.4");
	forget_failures("127.0.19.5");
	return 0;
}

static struct hc *
signed_in(const char *login)
{
	struct hc *h = hc_new();

	assert_int_equal(hc_login(h, login, PASSWORD), 303);
	return h;
}

/* The Location of a GET, malloc'ed (fails when the answer is no 303). */
static char *
redirect_of(struct hc *h, const char *path)
{
	struct http_resp r;
	char *loc;

	assert_int_equal(hc_get(h, path, &r), 0);
	if (r.status != 303)
		fail_msg("GET %s: %ld, expected 303", path, r.status);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	http_resp_free(&r);
	return loc;
}

static long
status_of(struct hc *h, const char *path)
{
	struct http_resp r;
	long st;

	assert_int_equal(hc_get(h, path, &r), 0);
	st = r.status;
	http_resp_free(&r);
	return st;
}

/* A new ticket from the public form: its code, and its number in *number. */
static char *
new_ticket(char **number)
{
	char *code = hc_repair_ticket("客户查询测试：空调不制冷"), sql[160];

	snprintf(sql, sizeof(sql), "SELECT number FROM tickets WHERE track_code = '%s'", code);
	*number = stack_sql_value(sql);
	assert_non_null(*number);
	return code;
}

/* POST /track with phone and number from client h (its csrf first). */
static void
lookup(struct hc *h, const char *phone, const char *number, struct http_resp *r)
{
	char *csrf = hc_csrf(h, "/track"), *p = hc_escape(phone), *n = hc_escape(number);
	char body[512];

	assert_non_null(csrf);
	snprintf(body, sizeof(body), "csrf=%s&phone=%s&number=%s", csrf, p, n);
	assert_int_equal(hc_post_form(h, "/track", body, r), 0);
	free(csrf);
	free(p);
	free(n);
}

static long long
failures_of(const char *addr)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM track_failures WHERE addr = '%s'", addr);
	return stack_sql_int(sql);
}

/* ------------------------------------------------------------------ "/" */

static void
test_root_sends_visitor_to_repair_form_with_lookup_link(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *loc = redirect_of(h, "/");

	(void)state;
	assert_string_equal(loc, "/repair");
	assert_int_equal(hc_get(h, loc, &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "<a href=\"/track\" id=\"lookup-link\">");
	assert_not_contains(r.body, "action=\"/login\"");
	http_resp_free(&r);
	free(loc);
	hc_free(h);
}

static void
test_root_sends_each_role_to_its_start_page(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N(roles); i++) {
		struct hc *h = signed_in(roles[i].login);
		char *loc = redirect_of(h, "/");

		if (strcmp(loc, roles[i].home) != 0)
			fail_msg("%s: / leads to %s, expected %s", roles[i].login, loc, roles[i].home);
		if (status_of(h, loc) != 200)
			fail_msg("%s: its start page %s is not 200", roles[i].login, loc);
		free(loc);
		hc_free(h);
	}
}

/* ------------------------------------------------------------ look-up */

static void
test_lookup_form_is_a_public_page(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(h, "/track", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "<form method=\"post\" action=\"/track\"");
	assert_contains(r.body, "name=\"phone\"");
	assert_contains(r.body, "name=\"number\"");
	http_resp_free(&r);
	hc_free(h);
}

static void
test_lookup_by_phone_and_number_redirects_to_tracking_page(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *number, *code = new_ticket(&number), want[96], *loc, lower[32];
	size_t i;

	(void)state;
	hc_set_source(h, "127.0.19.1");
	/* another spelling of the phone and a lower-case number still match */
	for (i = 0; number[i] != '\0' && i + 1 < sizeof(lower); i++)
		lower[i] = (char)(number[i] >= 'A' && number[i] <= 'Z' ? number[i] + 32 : number[i]);
	lower[i] = '\0';
	lookup(h, "+86 139-0013-9000", lower, &r);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	snprintf(want, sizeof(want), "/track/%s", code);
	assert_non_null(loc);
	assert_string_equal(loc, want);
	assert_int_equal(failures_of("127.0.19.1"), 0);
	http_resp_free(&r);
	free(loc);
	free(code);
	free(number);
	hc_free(h);
	forget_failures("127.0.19.1");
}

static void
test_lookup_same_answer_for_wrong_phone_and_wrong_number(void **state)
{
	struct hc *h = hc_new();
	struct http_resp wrong_phone, wrong_number;
	char *number, *code = new_ticket(&number);

	(void)state;
	hc_set_source(h, "127.0.19.2");
	lookup(h, "13800138000", number, &wrong_phone);
	lookup(h, PHONE, "R-20000101-9999", &wrong_number);
	assert_int_equal(wrong_phone.status, 404);
	assert_int_equal(wrong_number.status, 404);
	assert_contains(wrong_phone.body, "id=\"not-found\"");
	assert_not_contains(wrong_phone.body, code);
	/* the same page but for the values sent back in the form */
	assert_int_equal((long long)strlen(strstr(wrong_phone.body, "id=\"not-found\"")) > 0, 1);
	{
		char *a = strstr(wrong_phone.body, "<form"), *b = strstr(wrong_number.body, "<form");
		size_t la = (size_t)(a - wrong_phone.body), lb = (size_t)(b - wrong_number.body);

		assert_non_null(a);
		assert_non_null(b);
		assert_int_equal(la, lb);
		assert_memory_equal(wrong_phone.body, wrong_number.body, la);
	}
	/* both misses count against the address */
	assert_int_equal(failures_of("127.0.19.2"), 2);
	http_resp_free(&wrong_phone);
	http_resp_free(&wrong_number);
	free(code);
	free(number);
	hc_free(h);
	forget_failures("127.0.19.2");
}

static void
test_lookup_bad_shapes_are_field_errors_not_counted(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	hc_set_source(h, "127.0.19.3");
	lookup(h, "12345", "R-2026<script>", &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"phone-err\"");
	assert_contains(r.body, "id=\"number-err\"");
	assert_not_contains(r.body, "<script>");
	assert_int_equal(failures_of("127.0.19.3"), 0);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_lookup_without_csrf_is_refused(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_post_form(h, "/track", "phone=13900139000&number=R-1", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	hc_free(h);
}

/* Misses of codes and of look-ups add up to one limit per address. */
static void
test_lookup_shares_the_guessing_limit_of_codes(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *number, *code = new_ticket(&number), path[96];
	int i;

	(void)state;
	hc_set_source(h, "127.0.19.4");
	for (i = 0; i < TRACK_MAX_FAILURES - 1; i++) {
		snprintf(path, sizeof(path), "/track/%026d", i);
		assert_int_equal(status_of(h, path), 404);
	}
	lookup(h, "13800138000", number, &r);            /* the 20th miss */
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	lookup(h, PHONE, number, &r);                    /* right, but locked out */
	assert_int_equal(r.status, 429);
	assert_non_null(strstr(r.headers, "Retry-After: 600"));
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/track/%s", code);
	assert_int_equal(status_of(h, path), 429);
	free(code);
	free(number);
	hc_free(h);
	forget_failures("127.0.19.4");
}

/* -------------------------------------------------------- tracking page */

static void
set_staff_name_mode(const char *mode)
{
	struct hc *h = signed_in("admin");
	struct http_resp r;
	char *csrf = hc_csrf(h, "/admin/tracking"), body[160];

	assert_non_null(csrf);
	snprintf(body, sizeof(body), "csrf=%s&staff_name=%s", csrf, mode);
	assert_int_equal(hc_post_form(h, "/admin/tracking", body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	free(csrf);
	hc_free(h);
}

static char *
tracking_page(const char *code)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char path[96], *body;

	snprintf(path, sizeof(path), "/track/%s", code);
	assert_int_equal(hc_get(h, path, &r), 0);
	assert_int_equal(r.status, 200);
	body = strdup(r.body);
	http_resp_free(&r);
	hc_free(h);
	return body;
}

static void
test_tracking_page_names_technician_as_admin_allows(void **state)
{
	char *number, *code = new_ticket(&number), sql[256], *page;

	(void)state;
	snprintf(sql, sizeof(sql), "UPDATE tickets SET assignee_id ="
	    " (SELECT id FROM users WHERE login = 'tech') WHERE track_code = '%s'", code);
	assert_int_equal(stack_sql(sql), 0);

	set_staff_name_mode("surname");
	page = tracking_page(code);
	assert_contains(page, "<dd class=\"tech-name\">张师傅</dd>");
	free(page);

	set_staff_name_mode("full");
	page = tracking_page(code);
	assert_contains(page, "<dd class=\"tech-name\">张师傅 Zhang</dd>");
	free(page);

	set_staff_name_mode("hidden");
	page = tracking_page(code);
	assert_not_contains(page, "tech-name");
	assert_not_contains(page, "张师傅");
	free(page);

	set_staff_name_mode("surname");
	free(code);
	free(number);
}

static void
test_staff_name_setting_refuses_unknown_mode(void **state)
{
	struct hc *h = signed_in("admin");
	struct http_resp r;
	char *csrf = hc_csrf(h, "/admin/tracking"), body[160];

	(void)state;
	assert_non_null(csrf);
	snprintf(body, sizeof(body), "csrf=%s&staff_name=nickname", csrf);
	assert_int_equal(hc_post_form(h, "/admin/tracking", body, &r), 0);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"staff-name-err\"");
	http_resp_free(&r);
	free(csrf);
	hc_free(h);
}

static void
test_tracking_page_shows_absolute_link_and_hidden_copy_button(void **state)
{
	char *number, *code = new_ticket(&number), *page, want[256];

	(void)state;
	page = tracking_page(code);
	snprintf(want, sizeof(want), "<a href=\"%s/track/%s\" id=\"track-url\">", test_base_url(),
	    code);
	assert_contains(page, want);
	/* the button is shown by static/js/copy-link.js only */
	assert_contains(page, "class=\"js-copy\"");
	assert_contains(page, " hidden>");
	assert_contains(page, "<script src=\"/static/js/copy-link.js\" defer></script>");
	assert_contains(page, "<span class=\"muted small\">北京时间</span>");
	/* not assigned: no technician line */
	assert_not_contains(page, "tech-name");
	free(page);
	free(code);
	free(number);
}

/* A photo on the ticket's first (public) event, straight in the database
 * (the upload path is tested in test_photos.c); returns its id. */
static long long
add_photo(const char *code)
{
	char sql[640];

	snprintf(sql, sizeof(sql), "INSERT INTO attachments (ticket_id, event_id, filename, ctype,"
	    " size, data, created_at) SELECT t.id, MIN(e.id), 'fit.png', 'image/png', 69,"
	    " UNHEX('89504E470D0A1A0A0000000D4948445200000001000000010802000000907753DE0000000C4944"
	    "4154789C63F8CFC00000030101"
	    "00C9FE92EF0000000049454E44AE426082'), UTC_TIMESTAMP()"
	    " FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id"
	    " WHERE t.track_code = '%s' GROUP BY t.id", code);
	assert_int_equal(stack_sql(sql), 0);
	return stack_sql_int("SELECT MAX(id) FROM attachments WHERE filename = 'fit.png'");
}

static void
test_photo_opens_in_a_page_that_fits_it(void **state)
{
	struct hc *v = hc_new(), *agent;
	struct http_resp r;
	char *number, *code = new_ticket(&number), path[160], want[256], *page;
	long long id = add_photo(code), tid;

	(void)state;
	hc_set_source(v, "127.0.19.5");
	/* the customer: the thumbnail links the viewer page */
	page = tracking_page(code);
	snprintf(want, sizeof(want), "<a href=\"/track/%s/photos/%lld/view\"", code, id);
	assert_contains(page, want);
	assert_contains(page, "已附 1 张照片");
	free(page);
	snprintf(path, sizeof(path), "/track/%s/photos/%lld/view", code, id);
	assert_int_equal(hc_get(v, path, &r), 0);
	assert_int_equal(r.status, 200);
	snprintf(want, sizeof(want), "<img src=\"/track/%s/photos/%lld\" alt=\"fit.png\"", code, id);
	assert_contains(r.body, want);
	assert_contains(r.body, "<body class=\"photo-view\">");
	snprintf(want, sizeof(want), "href=\"/track/%s#history\"", code);
	assert_contains(r.body, want);
	http_resp_free(&r);
	/* another code does not open it */
	snprintf(path, sizeof(path), "/track/%026d/photos/%lld/view", 7, id);
	assert_int_equal(status_of(v, path), 404);
	hc_free(v);
	forget_failures("127.0.19.5");

	/* staff: the same page, back to the ticket */
	tid = stack_sql_int("SELECT MAX(ticket_id) FROM attachments WHERE filename = 'fit.png'");
	agent = signed_in("agent");
	snprintf(path, sizeof(path), "/desk/attachments/%lld/view", id);
	assert_int_equal(hc_get(agent, path, &r), 0);
	assert_int_equal(r.status, 200);
	snprintf(want, sizeof(want), "<img src=\"/desk/attachments/%lld\"", id);
	assert_contains(r.body, want);
	snprintf(want, sizeof(want), "href=\"/desk/tickets/%lld\"", tid);
	assert_contains(r.body, want);
	http_resp_free(&r);
	hc_free(agent);
	free(code);
	free(number);
}

/* ---------------------------------------------------------------- nav */

/* The hrefs of the main nav of page body, joined with spaces. */
static void
nav_hrefs(const char *body, char *out, size_t outsz)
{
	const char *p = strstr(body, "<nav class=\"nav\""), *end;

	out[0] = '\0';
	assert_non_null(p);
	end = strstr(p, "</nav>");
	assert_non_null(end);
	while ((p = strstr(p, "href=\"")) != NULL && p < end) {
		const char *q = strchr(p + 6, '"');

		if (out[0] != '\0')
			strncat(out, " ", outsz - strlen(out) - 1);
		strncat(out, p + 6, (size_t)(q - p - 6) < outsz - strlen(out) - 1 ?
		    (size_t)(q - p - 6) : outsz - strlen(out) - 1);
		p = q;
	}
}

static void
test_nav_of_each_role_lists_only_what_it_may_open(void **state)
{
	static const char *const want[] = {
		"/dash/ /journeys/ /okr/",
		"/desk/ /desk/my /desk/kb /desk/parts /okr/",
		"/desk/ /desk/kb /desk/parts /desk/plans /journeys/ /okr/",
		"/desk/ /desk/kb /desk/parts /desk/plans /dash/ /journeys/ /okr/",
		"/desk/ /desk/kb /desk/parts /desk/plans /dash/ /journeys/ /okr/ /admin/",
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(roles); i++) {
		struct hc *h = signed_in(roles[i].login);
		struct http_resp r;
		char got[512], *item, *save = NULL;

		assert_int_equal(hc_get(h, roles[i].home, &r), 0);
		assert_int_equal(r.status, 200);
		nav_hrefs(r.body, got, sizeof(got));
		http_resp_free(&r);
		if (strcmp(got, want[i]) != 0)
			fail_msg("%s: nav \"%s\", expected \"%s\"", roles[i].login, got, want[i]);
		/* every item opens for the role: no 403 behind a nav link */
		for (item = strtok_r(got, " ", &save); item != NULL; item = strtok_r(NULL, " ", &save))
			if (status_of(h, item) != 200)
				fail_msg("%s: nav item %s is not 200", roles[i].login, item);
		hc_free(h);
	}
}

/* The error page's "返回首页" leads to a page that answers 200 within a
 * redirect or two, for every role and for a visitor: no loop. */
static void
follow_home_link(struct hc *h, const char *who, const char *forbidden_path)
{
	struct http_resp r;
	const char *p;
	char href[128];
	int hops;

	assert_int_equal(hc_get(h, forbidden_path, &r), 0);
	if (r.status != 403 && r.status != 404)
		fail_msg("%s: %s answered %ld", who, forbidden_path, r.status);
	p = strstr(r.body, "<a class=\"button\" href=\"");
	assert_non_null(p);
	p += strlen("<a class=\"button\" href=\"");
	snprintf(href, sizeof(href), "%.*s", (int)(strchr(p, '"') - p), p);
	http_resp_free(&r);
	for (hops = 0; hops < 3; hops++) {
		char *loc;

		assert_int_equal(hc_get(h, href, &r), 0);
		if (r.status == 200) {
			http_resp_free(&r);
			return;
		}
		if (r.status != 303 && r.status != 302)
			fail_msg("%s: home link %s answered %ld", who, href, r.status);
		loc = http_header(&r, "Location");
		snprintf(href, sizeof(href), "%s", loc);
		free(loc);
		http_resp_free(&r);
	}
	fail_msg("%s: the home link does not settle in 3 hops", who);
}

static void
test_error_page_home_link_never_loops(void **state)
{
	struct hc *v = hc_new();
	size_t i;

	(void)state;
	follow_home_link(v, "visitor", "/repair/no-such-page");
	hc_free(v);
	for (i = 0; i < N(roles); i++) {
		struct hc *h = signed_in(roles[i].login);

		follow_home_link(h, roles[i].login, strcmp(roles[i].login, "admin") == 0 ?
		    "/desk/no-such-page" : "/admin/");
		hc_free(h);
	}
}

/* ------------------------------------------------------------ plurals */

/* One ticket of March 2018 (a month no other suite uses) per call, n = 1, 2. */
static void
add_march_2018_ticket(int n)
{
	char sql[900];

	snprintf(sql, sizeof(sql),
	    "INSERT IGNORE INTO tickets (number, track_code, channel, status, priority, category_id,"
	    " customer_name, phone, description, search_text, created_at, updated_at)"
	    " VALUES ('R-20180315-990%d', 'navpluraltestticketaaaaa%02d', 'web', 'new', 'normal',"
	    " (SELECT MIN(id) FROM categories), 'plural test', '13800138000', 'plural test', '',"
	    " TIMESTAMP('2018-03-15 02:00:00'), TIMESTAMP('2018-03-15 02:00:00'))", n, n);
	assert_int_equal(stack_sql(sql), 0);
}

static char *
dash_en(struct hc *h)
{
	struct http_resp r;
	char *body;

	assert_int_equal(hc_get(h, "/dash/?month=2018-03&lang=en", &r), 0);
	assert_int_equal(r.status, 200);
	body = strdup(r.body);
	http_resp_free(&r);
	return body;
}

static void
test_dashboard_counts_in_english_plurals(void **state)
{
	struct hc *h = signed_in("supervisor");
	char *body;

	(void)state;
	assert_int_equal(stack_sql("DELETE FROM tickets WHERE number LIKE 'R-20180315-990_'"), 0);
	add_march_2018_ticket(1);
	body = dash_en(h);
	assert_contains(body, ">1 ticket<");
	assert_not_contains(body, "1 tickets");
	free(body);
	add_march_2018_ticket(2);
	body = dash_en(h);
	assert_contains(body, ">2 tickets<");
	free(body);
	assert_int_equal(stack_sql("DELETE FROM tickets WHERE number LIKE 'R-20180315-990_'"), 0);
	hc_free(h);
}

/* --------------------------------------------------------------- header */

static void
test_header_names_the_user_once(void **state)
{
	struct hc *h = signed_in("admin");
	struct http_resp r;

	(void)state;
	/* "系统管理员 Admin" already says 管理员: no second 管理员 beside it */
	assert_int_equal(hc_get(h, "/admin/", &r), 0);
	assert_contains(r.body, "title=\"管理员\">系统管理员 Admin</a>");
	assert_not_contains(r.body, "<small>管理员</small>");
	http_resp_free(&r);
	assert_int_equal(hc_get(h, "/admin/?lang=en", &r), 0);
	assert_contains(r.body, "title=\"Administrator\">系统管理员 Admin</a>");
	http_resp_free(&r);
	hc_free(h);
	h = signed_in("tech");
	assert_int_equal(hc_get(h, "/desk/my", &r), 0);
	assert_contains(r.body, ">张师傅 Zhang <small>技术员</small></a>");
	http_resp_free(&r);
	hc_free(h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_root_sends_visitor_to_repair_form_with_lookup_link),
		cmocka_unit_test(test_root_sends_each_role_to_its_start_page),
		cmocka_unit_test(test_lookup_form_is_a_public_page),
		cmocka_unit_test(test_lookup_by_phone_and_number_redirects_to_tracking_page),
		cmocka_unit_test(test_lookup_same_answer_for_wrong_phone_and_wrong_number),
		cmocka_unit_test(test_lookup_bad_shapes_are_field_errors_not_counted),
		cmocka_unit_test(test_lookup_without_csrf_is_refused),
		cmocka_unit_test(test_lookup_shares_the_guessing_limit_of_codes),
		cmocka_unit_test(test_tracking_page_names_technician_as_admin_allows),
		cmocka_unit_test(test_staff_name_setting_refuses_unknown_mode),
		cmocka_unit_test(test_tracking_page_shows_absolute_link_and_hidden_copy_button),
		cmocka_unit_test(test_photo_opens_in_a_page_that_fits_it),
		cmocka_unit_test(test_nav_of_each_role_lists_only_what_it_may_open),
		cmocka_unit_test(test_error_page_home_link_never_loops),
		cmocka_unit_test(test_dashboard_counts_in_english_plurals),
		cmocka_unit_test(test_header_names_the_user_once),
	};
	return cmocka_run_group_tests_name("http_customer_nav", tests, setup_addrs, setup_addrs);
}
