/* HTTP tests of the maintenance-plan desk features: intervals in days,
 * weeks, months or years; "generate now" (idempotent, only for a due
 * plan); the default technician or team of the opened tickets (by the
 * button and by the daily run, `sl-cli plans-run`); the customer looked up
 * by phone from earlier tickets; plans in the nav for agents and up; no
 * command-line wording on the pages.
 *
 * Expected due dates are computed with the calendar functions of
 * cgi/service/plans.c (unit tested on their own in tests/unit/test_plans.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "harness.h"
#include "plans.h"

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

static void
date_of(long day, char out[PLANS_DATE_LEN])
{
	plans_date_format(day, out);
}

static long long
sqlf_int(const char *fmt, ...)
{
	char q[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(q, sizeof(q), fmt, ap);
	va_end(ap);
	return stack_sql_int(q);
}

static char *
sqlf_value(const char *fmt, ...)
{
	char q[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(q, sizeof(q), fmt, ap);
	va_end(ap);
	return stack_sql_value(q);
}

/* POST the new-plan form with fields (csrf and form_token added). */
static long
post_new(const char *fields, char **body, char **location)
{
	struct http_resp g, r;
	char buf[2048], *csrf, *token;
	long st;

	assert_int_equal(hc_get(agent, "/desk/plans/new", &g), 0);
	assert_int_equal(g.status, 200);
	csrf = html_input_value(g.body, "csrf");
	token = html_input_value(g.body, "form_token");
	http_resp_free(&g);
	snprintf(buf, sizeof(buf), "csrf=%s&form_token=%s&%s", csrf, token, fields);
	assert_int_equal(hc_post_form(agent, "/desk/plans/new", buf, &r), 0);
	st = r.status;
	if (body != NULL)
		*body = strdup(r.body != NULL ? r.body : "");
	if (location != NULL)
		*location = http_header(&r, "Location");
	free(csrf);
	free(token);
	http_resp_free(&r);
	return st;
}

static long long
category_ac(void)
{
	return stack_sql_int("SELECT id FROM categories WHERE code = 'ac'");
}

/* A plan due on `due`, every n units, with default fields extra (""):
 * its id. */
static long long
plan_new(const char *due, long n, const char *unit, const char *extra)
{
	char fields[1024], *loc;
	unsigned k = ++serial;
	long long id;

	snprintf(fields, sizeof(fields), "phone=13700%06u&customer_name=%%E5%%BC%%A0%%E5%%85%%88"
	    "%%E7%%94%%9F&address=%%E4%%B8%%8A%%E6%%B5%%B7%%E5%%B8%%82&category=%lld"
	    "&product=KFR-26GW&serial=PD%u&title=%%E7%%A9%%BA%%E8%%B0%%83%%E4%%BF%%9D%%E5%%85%%BB"
	    "&interval_n=%ld&interval_unit=%s&next_due=%s%s", k, category_ac(), k, n,
	    unit, due, extra);
	assert_int_equal(post_new(fields, NULL, &loc), 303);
	assert_non_null(loc);
	id = strtoll(loc + strlen("/desk/plans/"), NULL, 10);
	free(loc);
	assert_true(id > 0);
	return id;
}

/* POST generate now for plan id with due date due: status, Location. */
static long
generate(long long id, const char *due, char **location)
{
	char page[64], path[64], buf[512], *csrf;
	struct http_resp r;
	long st;

	snprintf(page, sizeof(page), "/desk/plans/%lld", id);
	snprintf(path, sizeof(path), "/desk/plans/%lld/generate", id);
	csrf = hc_csrf(agent, page);
	assert_non_null(csrf);
	snprintf(buf, sizeof(buf), "csrf=%s&due=%s", csrf, due);
	free(csrf);
	assert_int_equal(hc_post_form(agent, path, buf, &r), 0);
	st = r.status;
	if (location != NULL)
		*location = http_header(&r, "Location");
	http_resp_free(&r);
	return st;
}

static char *
get_body(struct hc *h, const char *path)
{
	struct http_resp r;
	char *b;

	assert_int_equal(hc_get(h, path, &r), 0);
	assert_int_equal(r.status, 200);
	b = strdup(r.body);
	http_resp_free(&r);
	return b;
}

static void
test_month_interval_generate_now_and_next_due(void **state)
{
	char today[PLANS_DATE_LEN], next[PLANS_DATE_LEN], *loc, *html, *v;
	long t = plans_today();
	long long id;

	(void)state;
	date_of(t, today);
	date_of(plans_add(t, PU_MONTH, 6), next);
	id = plan_new(today, 6, "month", "");
	assert_int_equal(sqlf_int("SELECT interval_n FROM maintenance_plans WHERE id = %lld", id), 6);
	v = sqlf_value("SELECT interval_unit FROM maintenance_plans WHERE id = %lld", id);
	assert_string_equal(v, "month");
	free(v);
	html = get_body(agent, "/desk/plans");
	assert_contains(html, "每 6 个月");
	assert_contains(html, "id=\"plan-generate-");
	free(html);

	assert_int_equal(generate(id, today, &loc), 303);
	assert_non_null(strstr(loc, "?generated="));
	assert_null(strstr(loc, "before=1"));
	assert_int_equal(sqlf_int("SELECT COUNT(*) FROM tickets WHERE form_token = 'plan:%lld:%s'",
	    id, today), 1);
	v = sqlf_value("SELECT next_due FROM maintenance_plans WHERE id = %lld", id);
	assert_string_equal(v, next);
	free(v);
	*strchr(loc, '#') = '\0';
	html = get_body(agent, loc);
	assert_contains(html, "id=\"plan-generated\"");
	assert_not_contains(html, "id=\"plan-generate\"");   /* not due any more */
	free(html);
	free(loc);
}

static void
test_generate_now_twice_opens_one_ticket(void **state)
{
	char today[PLANS_DATE_LEN], *loc1, *loc2;
	long long id;

	(void)state;
	date_of(plans_today(), today);
	id = plan_new(today, 2, "week", "");
	assert_int_equal(generate(id, today, &loc1), 303);
	assert_int_equal(generate(id, today, &loc2), 303);
	assert_non_null(strstr(loc2, "before=1"));
	/* The same ticket both times. */
	assert_int_equal(strncmp(loc1, loc2, (size_t)(strchr(loc1, '#') - loc1)), 0);
	assert_int_equal(sqlf_int("SELECT COUNT(*) FROM tickets WHERE form_token LIKE 'plan:%lld:%%'",
	    id), 1);
	assert_int_equal(sqlf_int("SELECT COUNT(*) FROM plan_runs WHERE plan_id = %lld", id), 1);
	free(loc1);
	free(loc2);
}

static void
test_generate_for_a_plan_not_due_is_409(void **state)
{
	char later[PLANS_DATE_LEN];
	long long id;

	(void)state;
	date_of(plans_today() + 10, later);
	id = plan_new(later, 1, "year", "");
	assert_int_equal(generate(id, later, NULL), 409);
	assert_int_equal(sqlf_int("SELECT COUNT(*) FROM plan_runs WHERE plan_id = %lld", id), 0);
	assert_int_equal(generate(id, "2026-02-30", NULL), 400);
	assert_int_equal(generate(999999999, later, NULL), 404);
}

static void
test_default_technician_gets_the_generated_ticket(void **state)
{
	char today[PLANS_DATE_LEN], extra[128];
	long long id, tech = stack_sql_int("SELECT id FROM users WHERE login = 'tech'");

	(void)state;
	date_of(plans_today(), today);
	snprintf(extra, sizeof(extra), "&assignee=%lld&team=", tech);
	id = plan_new(today, 30, "day", extra);
	assert_int_equal(generate(id, today, NULL), 303);
	assert_int_equal(sqlf_int("SELECT COUNT(*) FROM tickets t JOIN users u ON u.id = t.assignee_id"
	    " WHERE t.form_token = 'plan:%lld:%s' AND u.login = 'tech' AND t.status = 'assigned'"
	    " AND t.team_id <=> u.team_id", id, today), 1);
}

static void
test_default_team_gets_the_daily_runs_ticket(void **state)
{
	char today[PLANS_DATE_LEN], extra[128], cmd[512];
	const char *build = getenv("BUILD");
	long long id, team = stack_sql_int("SELECT MIN(id) FROM teams");
	int st;

	(void)state;
	date_of(plans_today(), today);
	snprintf(extra, sizeof(extra), "&assignee=&team=%lld", team);
	id = plan_new(today, 1, "month", extra);
	snprintf(cmd, sizeof(cmd), "SL_CONFIG=var/%s/serviceloop.conf %s/bin/sl-cli plans-run"
	    " --date %s >/dev/null 2>&1", stack_name(), build != NULL ? build : "build", today);
	st = system(cmd);
	assert_true(WIFEXITED(st));
	assert_int_equal(sqlf_int("SELECT COUNT(*) FROM tickets WHERE form_token = 'plan:%lld:%s'"
	    " AND team_id = %lld AND assignee_id IS NULL", id, today, team), 1);
}

static void
test_bad_interval_or_default_is_422_and_saves_nothing(void **state)
{
	char today[PLANS_DATE_LEN], fields[512], *body, *before;

	(void)state;
	date_of(plans_today(), today);
	before = tables_checksum("maintenance_plans, customer_assets");
	snprintf(fields, sizeof(fields), "phone=13711112222&customer_name=x&category=%lld&title=t"
	    "&interval_n=3&interval_unit=fortnight&next_due=%s", category_ac(), today);
	assert_int_equal(post_new(fields, &body, NULL), 422);
	assert_contains(body, "id=\"interval_unit-err\"");
	free(body);
	snprintf(fields, sizeof(fields), "phone=13711112222&customer_name=x&category=%lld&title=t"
	    "&interval_n=11&interval_unit=year&next_due=%s&assignee=999999999", category_ac(),
	    today);
	assert_int_equal(post_new(fields, &body, NULL), 422);
	assert_contains(body, "id=\"interval_n-err\"");
	assert_contains(body, "id=\"assignee-err\"");
	assert_contains(body, "value=\"11\"");
	free(body);
	assert_tables_unchanged("maintenance_plans, customer_assets", before);
}

static void
test_lookup_by_phone_fills_the_form_from_earlier_tickets(void **state)
{
	char phone[32], fields[512], q[512], *code, *body, *before;
	long long older, newer;

	(void)state;
	snprintf(phone, sizeof(phone), "1360%07ld", (long)(time(NULL) % 10000000));
	code = hc_repair_ticket("查找测试 旧空调");
	snprintf(q, sizeof(q), "UPDATE tickets SET phone = '%s', customer_name = '赵查找',"
	    " address = '广州市天河区体育西路1号', product = 'OLD-FRIDGE-1', serial = 'S-OLD'"
	    " WHERE track_code = '%s'", phone, code);
	assert_int_equal(stack_sql(q), 0);
	older = sqlf_int("SELECT id FROM tickets WHERE track_code = '%s'", code);
	free(code);
	code = hc_repair_ticket("查找测试 新空调");
	snprintf(q, sizeof(q), "UPDATE tickets SET phone = '%s', customer_name = '赵查找',"
	    " address = '广州市天河区体育西路1号', product = 'NEW-AC-2', serial = 'S-NEW'"
	    " WHERE track_code = '%s'", phone, code);
	assert_int_equal(stack_sql(q), 0);
	newer = sqlf_int("SELECT id FROM tickets WHERE track_code = '%s'", code);
	free(code);
	assert_true(newer > older);

	before = tables_checksum("maintenance_plans, customer_assets");
	snprintf(fields, sizeof(fields), "lookup=1&phone=%s&customer_name=&title=&interval_n=6"
	    "&interval_unit=month", phone);
	assert_int_equal(post_new(fields, &body, NULL), 200);
	assert_contains(body, "value=\"赵查找\"");
	assert_contains(body, "value=\"广州市天河区体育西路1号\"");
	assert_contains(body, "value=\"NEW-AC-2\"");         /* the latest ticket */
	assert_contains(body, "id=\"lookup-found\"");
	snprintf(q, sizeof(q), "name=\"from_ticket\" value=\"%lld\"", older);
	assert_contains(body, q);                            /* the other appliance offered */
	free(body);

	snprintf(fields, sizeof(fields), "from_ticket=%lld&phone=%s&interval_n=6"
	    "&interval_unit=month", older, phone);
	assert_int_equal(post_new(fields, &body, NULL), 200);
	assert_contains(body, "value=\"OLD-FRIDGE-1\"");
	free(body);

	assert_int_equal(post_new("lookup=1&phone=13099999999", &body, NULL), 200);
	assert_contains(body, "id=\"lookup-none\"");
	free(body);
	assert_int_equal(post_new("lookup=1&phone=abc", &body, NULL), 422);
	assert_contains(body, "id=\"phone-err\"");
	free(body);
	assert_tables_unchanged("maintenance_plans, customer_assets", before);
}

static void
test_plans_in_nav_for_agents_only(void **state)
{
	struct hc *tech = staff("tech");
	char *html;

	(void)state;
	html = get_body(agent, "/desk/");
	assert_contains(html, "href=\"/desk/plans\"");
	free(html);
	html = get_body(tech, "/desk/my");
	assert_not_contains(html, "href=\"/desk/plans\"");
	free(html);
	hc_free(tech);
}

static void
test_no_command_line_wording_on_plan_pages(void **state)
{
	static const char *const words[] = { "sl-cli", "plans-run", "cron", "--date" };
	char today[PLANS_DATE_LEN], path[64], *html[3];
	long long id;
	size_t i, j;

	(void)state;
	date_of(plans_today(), today);
	id = plan_new(today, 1, "year", "");
	snprintf(path, sizeof(path), "/desk/plans/%lld", id);
	html[0] = get_body(agent, "/desk/plans");
	html[1] = get_body(agent, "/desk/plans/new");
	html[2] = get_body(agent, path);
	for (i = 0; i < 3; i++) {
		for (j = 0; j < sizeof(words) / sizeof(words[0]); j++)
			assert_not_contains(html[i], words[j]);
		free(html[i]);
	}
}

static int
setup(void **state)
{
	(void)state;
	agent = staff("agent");
	return 0;
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
		cmocka_unit_test(test_month_interval_generate_now_and_next_due),
		cmocka_unit_test(test_generate_now_twice_opens_one_ticket),
		cmocka_unit_test(test_generate_for_a_plan_not_due_is_409),
		cmocka_unit_test(test_default_technician_gets_the_generated_ticket),
		cmocka_unit_test(test_default_team_gets_the_daily_runs_ticket),
		cmocka_unit_test(test_bad_interval_or_default_is_422_and_saves_nothing),
		cmocka_unit_test(test_lookup_by_phone_fills_the_form_from_earlier_tickets),
		cmocka_unit_test(test_plans_in_nav_for_agents_only),
		cmocka_unit_test(test_no_command_line_wording_on_plan_pages),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
