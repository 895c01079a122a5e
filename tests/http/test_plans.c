/* HTTP tests of the maintenance plans: GET /desk/plans, GET/POST
 * /desk/plans/new, GET /desk/plans/<id>, POST /desk/plans/<id>/edit, and
 * the command `sl-cli plans-run --date D` run against the test stack's
 * database (SL_CONFIG=var/$SL_TEST_STACK/serviceloop.conf, the binary from
 * ${BUILD:-build}/bin). Tickets of a plan are counted in the test database
 * by their idempotency key "plan:<id>:<due date>" (`conf/stack/stack.sh sql`).
 *
 * Dates are chosen relative to today in China time (UTC+8), the day the
 * plans pages and the command use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

#define PASSWORD "demo1234"

static struct hc *agent;
static unsigned   serial;

static struct hc *
staff(const char *login)
{
	struct hc *h = hc_new();

	assert_int_equal(hc_login(h, login, PASSWORD), 303);
	return h;
}

/* "YYYY-MM-DD" of today (China time) plus days. */
static void
day_str(int days, char out[16])
{
	time_t t = time(NULL) + 8 * 3600 + (time_t)days * 86400;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 16, "%Y-%m-%d", &tm);
}

/* Run sl-cli plans-run for date; returns its exit status. */
static int
plans_run(const char *date)
{
	char cmd[512];
	const char *build = getenv("BUILD");
	int st;

	snprintf(cmd, sizeof(cmd), "SL_CONFIG=var/%s/serviceloop.conf %s/bin/sl-cli plans-run "
	    "--date %s >/dev/null 2>&1", stack_name(), build != NULL ? build : "build", date);
	st = system(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* A number from a SQL query on the test database (-1 on failure). */
static long long
sql_number(const char *sql)
{
	char *v = stack_sql_value(sql);
	long long n = -1;

	if (v != NULL && isdigit((unsigned char)v[0]))
		n = strtoll(v, NULL, 10);
	free(v);
	return n;
}

/* How many tickets plan id has opened (all due dates). */
static long long
plan_tickets(long long id)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM tickets WHERE form_token LIKE 'plan:%lld:%%'",
	    id);
	return sql_number(sql);
}

/* POST the new-plan form as h with fields (csrf and form_token added). */
static void
post_new(struct hc *h, const char *fields, struct http_resp *r)
{
	struct http_resp g;
	char body[2048], *csrf, *token;

	assert_int_equal(hc_get(h, "/desk/plans/new", &g), 0);
	assert_int_equal(g.status, 200);
	csrf = html_input_value(g.body, "csrf");
	token = html_input_value(g.body, "form_token");
	http_resp_free(&g);
	assert_non_null(csrf);
	assert_non_null(token);
	snprintf(body, sizeof(body), "csrf=%s&form_token=%s&%s", csrf, token, fields);
	assert_int_equal(hc_post_form(h, "/desk/plans/new", body, r), 0);
	free(csrf);
	free(token);
}

/* The value of the first <option> with a number (a category). */
static long long
first_category(void)
{
	struct http_resp r;
	const char *p;
	long long id = 0;

	assert_int_equal(hc_get(agent, "/desk/plans/new", &r), 0);
	for (p = r.body; (p = strstr(p, "<option value=\"")) != NULL; p += 15)
		if (isdigit((unsigned char)p[15])) {
			id = strtoll(p + 15, NULL, 10);
			break;
		}
	http_resp_free(&r);
	assert_true(id > 0);
	return id;
}

/* A new plan as the agent, due on `due` every interval days; its id. */
static long long
create_plan(const char *title, int interval, const char *due)
{
	struct http_resp r;
	char fields[1024], *t = hc_escape(title), *loc;
	long long id;

	snprintf(fields, sizeof(fields), "customer_name=%%E7%%8E%%8B%%E5%%A5%%B3%%E5%%A3%%AB"
	    "&phone=13912345678&address=%%E4%%B8%%8A%%E6%%B5%%B7&category=%lld&product=KFR-35GW"
	    "&serial=SN%u&title=%s&interval_days=%d&next_due=%s",
	    first_category(), ++serial, t, interval, due);
	free(t);
	post_new(agent, fields, &r);
	if (r.status != 303)
		fprintf(stderr, "POST /desk/plans/new: %ld\n%s\n", r.status, r.body);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	assert_int_equal(strncmp(loc, "/desk/plans/", 12), 0);
	id = strtoll(loc + 12, NULL, 10);
	assert_true(id > 0);
	free(loc);
	http_resp_free(&r);
	return id;
}

static void
get_plan(long long id, struct http_resp *r)
{
	char path[64];

	snprintf(path, sizeof(path), "/desk/plans/%lld", id);
	assert_int_equal(hc_get(agent, path, r), 0);
	assert_int_equal(r->status, 200);
}

/* The text after `after` up to the next '<' (e.g. a cell's content). */
static char *
text_after(const char *html, const char *after)
{
	const char *p = strstr(html, after), *e;

	if (p == NULL)
		return NULL;
	p += strlen(after);
	e = strchr(p, '<');
	return e != NULL ? strndup(p, (size_t)(e - p)) : NULL;
}

static void
assert_next_due(long long id, const char *want)
{
	struct http_resp r;
	char *v;

	get_plan(id, &r);
	v = text_after(r.body, "<dd class=\"plan-next-due\"><time>");
	assert_non_null(v);
	assert_string_equal(v, want);
	free(v);
	http_resp_free(&r);
}

/* The ticket number shown as the plan's last ticket, or NULL. */
static char *
last_ticket(long long id)
{
	struct http_resp r;
	const char *p;
	char *num = NULL;

	get_plan(id, &r);
	p = strstr(r.body, "<dd class=\"plan-last-ticket\"><a href=\"/desk/tickets/");
	if (p != NULL)
		num = text_after(p + strlen("<dd class=\"plan-last-ticket\">"), "\">");
	http_resp_free(&r);
	return num;
}

/* --- the run ------------------------------------------------------------------ */

static void
test_due_plan_runs_once_and_advances(void **state)
{
	char today[16], next[16], title[64], row[96], sql[256], *num, *num2;
	struct http_resp r;
	long long id;

	(void)state;
	day_str(0, today);
	day_str(30, next);
	snprintf(title, sizeof(title), "空调年度保养 %u-%ld", ++serial, (long)getpid());
	id = create_plan(title, 30, today);
	assert_null(last_ticket(id));
	assert_int_equal(plans_run(today), 0);
	assert_int_equal(plan_tickets(id), 1);
	num = last_ticket(id);
	assert_non_null(num);
	assert_int_equal(strncmp(num, "R-", 2), 0);
	assert_next_due(id, next);

	assert_int_equal(plans_run(today), 0);                  /* again: nothing new */
	assert_int_equal(plan_tickets(id), 1);
	num2 = last_ticket(id);
	assert_non_null(num2);
	assert_string_equal(num, num2);
	assert_next_due(id, next);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM plan_runs WHERE plan_id = %lld", id);
	assert_int_equal(sql_number(sql), 1);

	/* the list shows the plan with its last ticket, the ticket says why */
	assert_int_equal(hc_get(agent, "/desk/plans", &r), 0);
	assert_int_equal(r.status, 200);
	snprintf(row, sizeof(row), "id=\"plan-%lld\"", id);
	assert_contains(r.body, row);
	assert_contains(r.body, num);
	http_resp_free(&r);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM tickets WHERE form_token = 'plan:%lld:%s'"
	    " AND channel = 'plan' AND description LIKE '定期保养：空调年度保养%%'", id, today);
	assert_int_equal(sql_number(sql), 1);
	free(num);
	free(num2);
}

static void
test_missed_intervals_make_one_ticket_and_skip_ahead(void **state)
{
	char due[16], today[16], next[16], sql[256];
	long long id;

	(void)state;
	day_str(-70, due);                  /* 3 dates passed: -70, -40, -10 */
	day_str(0, today);
	day_str(20, next);                  /* -70 + 3 * 30 */
	id = create_plan("洗衣机季度保养", 30, due);
	assert_int_equal(plans_run(today), 0);
	assert_int_equal(plan_tickets(id), 1);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM tickets WHERE form_token = 'plan:%lld:%s'",
	    id, due);                       /* the oldest missed date */
	assert_int_equal(sql_number(sql), 1);
	assert_next_due(id, next);
	assert_int_equal(plans_run(today), 0);
	assert_int_equal(plan_tickets(id), 1);
}

static void
test_plan_not_due_or_inactive_is_not_run(void **state)
{
	char today[16], later[16], body[512], path[64], *csrf, *version;
	struct http_resp r;
	long long future, off;

	(void)state;
	day_str(0, today);
	day_str(5, later);
	future = create_plan("热水器保养(未到期)", 90, later);
	off = create_plan("电视保养(停用)", 90, today);
	get_plan(off, &r);
	csrf = html_input_value(r.body, "csrf");
	version = html_input_value(r.body, "version");
	http_resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s&version=%s&interval_days=90&next_due=%s", csrf,
	    version, today);                /* no active=1: switched off */
	snprintf(path, sizeof(path), "/desk/plans/%lld/edit", off);
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_int_equal(plans_run(today), 0);
	assert_int_equal(plan_tickets(future), 0);
	assert_int_equal(plan_tickets(off), 0);
	get_plan(off, &r);
	assert_contains(r.body, "已停用");
	http_resp_free(&r);
	free(csrf);
	free(version);
}

static void
test_run_with_bad_date_is_usage_error(void **state)
{
	(void)state;
	assert_int_equal(plans_run("2026-02-30"), 2);
	assert_int_equal(plans_run("tomorrow"), 2);
}

/* --- pages --------------------------------------------------------------------- */

static void
test_viewer_and_technician_are_forbidden(void **state)
{
	static const char *const who[] = { "viewer", "tech" };
	struct http_resp r;
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		struct hc *h = staff(who[i]);

		assert_int_equal(hc_get(h, "/desk/plans", &r), 0);
		assert_int_equal(r.status, 403);
		http_resp_free(&r);
		assert_int_equal(hc_get(h, "/desk/plans/new", &r), 0);
		assert_int_equal(r.status, 403);
		http_resp_free(&r);
		hc_free(h);
	}
}

static void
test_post_without_or_with_wrong_csrf_is_403(void **state)
{
	char today[16], body[512], path[64], *before;
	struct http_resp r;
	long long id;

	(void)state;
	day_str(10, today);
	snprintf(body, sizeof(body), "customer_name=x&phone=13912345678&category=1&title=t"
	    "&interval_days=30&next_due=%s", today);
	before = tables_checksum("maintenance_plans, customer_assets");
	assert_int_equal(hc_post_form(agent, "/desk/plans/new", body, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_tables_unchanged("maintenance_plans, customer_assets", before);
	id = create_plan("CSRF 测试", 30, today);
	snprintf(body, sizeof(body), "csrf=%064d&version=1&interval_days=5&next_due=%s&active=1",
	    0, today);
	snprintf(path, sizeof(path), "/desk/plans/%lld/edit", id);
	before = tables_checksum("maintenance_plans, customer_assets");
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_tables_unchanged("maintenance_plans, customer_assets", before);
	get_plan(id, &r);
	assert_contains(r.body, "<dd class=\"plan-interval\">每 30 天<");   /* unchanged */
	http_resp_free(&r);
}

static void
test_invalid_plan_is_422_with_values_kept(void **state)
{
	struct http_resp r;

	(void)state;
	post_new(agent, "customer_name=%E5%BC%A0%E4%B8%89&phone=abc&category=&title=%E4%BF%9D%E5%85%BB"
	    "&interval_days=0&next_due=2026-02-30&product=KEEP-ME", &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"phone-err\"");
	assert_contains(r.body, "id=\"category-err\"");
	assert_contains(r.body, "id=\"interval_days-err\"");
	assert_contains(r.body, "id=\"next_due-err\"");
	assert_not_contains(r.body, "id=\"title-err\"");
	assert_contains(r.body, "value=\"张三\"");
	assert_contains(r.body, "value=\"KEEP-ME\"");
	assert_contains(r.body, "value=\"2026-02-30\"");
	http_resp_free(&r);
}

static void
test_edit_plan_and_stale_version_is_409(void **state)
{
	char today[16], due[16], body[512], path[64], *csrf, *version;
	struct http_resp r;
	long long id;

	(void)state;
	day_str(40, today);
	day_str(60, due);
	id = create_plan("冰箱半年保养", 180, today);
	get_plan(id, &r);
	csrf = html_input_value(r.body, "csrf");
	version = html_input_value(r.body, "version");
	http_resp_free(&r);
	assert_non_null(csrf);
	assert_non_null(version);
	snprintf(path, sizeof(path), "/desk/plans/%lld/edit", id);
	snprintf(body, sizeof(body), "csrf=%s&version=%s&interval_days=90&next_due=%s&active=1",
	    csrf, version, due);
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_next_due(id, due);
	get_plan(id, &r);
	assert_contains(r.body, "<dd class=\"plan-interval\">每 90 天<");
	http_resp_free(&r);
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);   /* the old version */
	assert_int_equal(r.status, 409);
	http_resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s&version=%s&interval_days=99999&next_due=x&active=1",
	    csrf, version);
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "value=\"99999\"");
	http_resp_free(&r);
	free(csrf);
	free(version);
}

static void
test_same_form_sent_twice_makes_one_plan(void **state)
{
	struct http_resp g, r1, r2;
	char body[1024], today[16], *csrf, *token, *l1, *l2;

	(void)state;
	day_str(3, today);
	assert_int_equal(hc_get(agent, "/desk/plans/new", &g), 0);
	csrf = html_input_value(g.body, "csrf");
	token = html_input_value(g.body, "form_token");
	http_resp_free(&g);
	snprintf(body, sizeof(body), "csrf=%s&form_token=%s&customer_name=x&phone=13912345678"
	    "&category=%lld&title=twice&interval_days=30&next_due=%s", csrf, token,
	    first_category(), today);
	assert_int_equal(hc_post_form(agent, "/desk/plans/new", body, &r1), 0);
	assert_int_equal(hc_post_form(agent, "/desk/plans/new", body, &r2), 0);
	assert_int_equal(r1.status, 303);
	assert_int_equal(r2.status, 303);
	l1 = http_header(&r1, "Location");
	l2 = http_header(&r2, "Location");
	assert_non_null(l1);
	assert_non_null(l2);
	assert_string_equal(l1, l2);
	free(l1);
	free(l2);
	http_resp_free(&r1);
	http_resp_free(&r2);
	free(csrf);
	free(token);
}

static void
test_unknown_plan_is_404(void **state)
{
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(agent, "/desk/plans/999999999", &r), 0);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	assert_int_equal(hc_get(agent, "/desk/plans/abc", &r), 0);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
}

static int
setup(void **state)
{
	(void)state;
	agent = hc_new();
	return hc_login(agent, "agent", PASSWORD) == 303 ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	hc_free(agent);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_due_plan_runs_once_and_advances),
		cmocka_unit_test(test_missed_intervals_make_one_ticket_and_skip_ahead),
		cmocka_unit_test(test_plan_not_due_or_inactive_is_not_run),
		cmocka_unit_test(test_run_with_bad_date_is_usage_error),
		cmocka_unit_test(test_viewer_and_technician_are_forbidden),
		cmocka_unit_test(test_post_without_or_with_wrong_csrf_is_403),
		cmocka_unit_test(test_invalid_plan_is_422_with_values_kept),
		cmocka_unit_test(test_edit_plan_and_stale_version_is_409),
		cmocka_unit_test(test_same_form_sent_twice_makes_one_plan),
		cmocka_unit_test(test_unknown_plan_is_404),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
