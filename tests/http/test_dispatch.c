/* HTTP tests of auto-dispatch (POST /desk/tickets/<id>/dispatch): region
 * containment picks the technician of the most specific region, and the
 * ticket page explains the choice from the decision stored with the
 * event (still the same after the technicians' data changed).
 *
 * Each test makes its own category, so only the technicians the test
 * gives a skill for it can win, whatever other suites did to the demo
 * users (tech = 张师傅, tech2 = 陈师傅, password demo1234). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"

#define PASSWORD "demo1234"
#define PUDONG   "上海市浦东新区世纪大道100号"

static struct hc *agent;
static unsigned   serial;

/* A fresh category only this test's technicians know: its id. */
static long long
fresh_category(void)
{
	char sql[512];
	unsigned n = ++serial;

	snprintf(sql, sizeof(sql), "INSERT INTO categories (code, name_zh, name_en, sort)"
	    " VALUES ('dsp-%ld-%u', '派工测试%u', 'Dispatch test %u', 99)", (long)time(NULL),
	    n, n, n);
	assert_int_equal(stack_sql(sql), 0);
	return stack_sql_int("SELECT MAX(id) FROM categories WHERE code LIKE 'dsp-%'");
}

/* A new ticket of category cat at address: its id. */
static long long
ticket_at(long long cat, const char *address)
{
	char *code = hc_repair_ticket("派工测试 空调不制冷");
	char sql[768];
	long long id;

	snprintf(sql, sizeof(sql), "SELECT id FROM tickets WHERE track_code = '%s'", code);
	id = stack_sql_int(sql);
	snprintf(sql, sizeof(sql), "UPDATE tickets SET category_id = %lld, address = '%s'"
	    " WHERE id = %lld", cat, address, id);
	assert_int_equal(stack_sql(sql), 0);
	free(code);
	return id;
}

/* Technician login gets region and a skill for cat. */
static void
tech_setup(const char *login, const char *region, long long cat)
{
	char sql[512];

	snprintf(sql, sizeof(sql), "UPDATE users SET region = '%s', active = 1 WHERE login = '%s'",
	    region, login);
	assert_int_equal(stack_sql(sql), 0);
	snprintf(sql, sizeof(sql), "INSERT IGNORE INTO user_skills (user_id, category_id)"
	    " SELECT id, %lld FROM users WHERE login = '%s'", cat, login);
	assert_int_equal(stack_sql(sql), 0);
}

/* POST the dispatch form of ticket id; returns the status. */
static long
dispatch(long long id)
{
	char path[64], body[256], *csrf, *version;
	struct http_resp r;
	long status;

	snprintf(path, sizeof(path), "/desk/tickets/%lld", id);
	assert_int_equal(hc_get(agent, path, &r), 0);
	csrf = html_input_value(r.body, "csrf");
	version = html_input_value(r.body, "version");
	http_resp_free(&r);
	assert_non_null(csrf);
	assert_non_null(version);
	snprintf(body, sizeof(body), "csrf=%s&version=%s", csrf, version);
	snprintf(path, sizeof(path), "/desk/tickets/%lld/dispatch", id);
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);
	status = r.status;
	http_resp_free(&r);
	free(csrf);
	free(version);
	return status;
}

static char *
ticket_page(long long id)
{
	char path[64];
	struct http_resp r;
	char *body;

	snprintf(path, sizeof(path), "/desk/tickets/%lld", id);
	assert_int_equal(hc_get(agent, path, &r), 0);
	assert_int_equal(r.status, 200);
	body = strdup(r.body);
	http_resp_free(&r);
	return body;
}

static long long
assignee_login_is(long long id, const char *login)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM tickets t JOIN users u ON u.id ="
	    " t.assignee_id WHERE t.id = %lld AND u.login = '%s'", id, login);
	return stack_sql_int(sql);
}

static void
test_district_region_beats_city_region(void **state)
{
	long long cat = fresh_category(), id = ticket_at(cat, PUDONG);
	char *html;

	(void)state;
	tech_setup("tech", "上海", cat);
	tech_setup("tech2", "浦东", cat);
	assert_int_equal(dispatch(id), 303);
	assert_int_equal(assignee_login_is(id, "tech2"), 1);
	html = ticket_page(id);
	assert_contains(html, "id=\"dispatch-why\"");
	assert_contains(html, "<strong id=\"dw-winner\">陈师傅");
	assert_contains(html, "服务区域与地址匹配：<span class=\"dw-v\">浦东</span>（第 2 级）");
	assert_contains(html, "data-reason=\"region\"");
	free(html);
}

static void
test_no_region_match_goes_to_skill_then_load(void **state)
{
	long long cat = fresh_category(), id = ticket_at(cat, "北京市朝阳区建国路88号");
	char *html, sql[256];

	(void)state;
	tech_setup("tech", "上海浦东", cat);
	tech_setup("tech2", "广州天河", cat);
	/* Neither region matches: the one with fewer open tickets (or, equal,
	 * the earlier account) wins; the loser's reason says which. */
	assert_int_equal(dispatch(id), 303);
	html = ticket_page(id);
	assert_contains(html, "无人的服务区域与地址匹配");
	assert_contains(html, "id=\"dw-cands\"");
	assert_true(strstr(html, "data-reason=\"load\"") != NULL ||
	    strstr(html, "data-reason=\"tie\"") != NULL);
	free(html);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM dispatch_candidates WHERE ticket_id = %lld"
	    " AND reason = 'chosen' AND region_depth = 0", id);
	assert_int_equal(stack_sql_int(sql), 1);
}

static void
test_explanation_is_stored_and_shown_later(void **state)
{
	long long cat = fresh_category(), id = ticket_at(cat, "广州市天河区天河路385号");
	char *html, sql[256];

	(void)state;
	tech_setup("tech", "广州天河", cat);
	tech_setup("tech2", "广州", cat);
	assert_int_equal(dispatch(id), 303);
	assert_int_equal(assignee_login_is(id, "tech"), 1);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM dispatch_candidates WHERE ticket_id = %lld"
	    " AND event_id = (SELECT MAX(id) FROM ticket_events WHERE ticket_id = %lld"
	    " AND kind = 'assigned')", id, id);
	assert_true(stack_sql_int(sql) >= 2);
	/* The technicians move on: the page still shows the decision as made. */
	assert_int_equal(stack_sql("UPDATE users SET region = '深圳' WHERE login = 'tech'"), 0);
	html = ticket_page(id);
	assert_contains(html, "服务区域与地址匹配：<span class=\"dw-v\">广州天河</span>（第 2 级）");
	assert_not_contains(html, "深圳");
	free(html);
	snprintf(sql, sizeof(sql), "UPDATE dispatch_candidates SET name = 'x' WHERE ticket_id = %lld",
	    id);
	assert_sql_refused(sql, "ERROR 1644 (45000)", "dispatch_candidates is append-only");
}

static void
test_nobody_skilled_is_422_and_stores_nothing(void **state)
{
	long long cat = fresh_category(), id = ticket_at(cat, PUDONG);
	char sql[256];

	(void)state;
	assert_int_equal(dispatch(id), 422);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM dispatch_candidates WHERE ticket_id = %lld",
	    id);
	assert_int_equal(stack_sql_int(sql), 0);
}

static void
test_technician_does_not_see_the_reasoning(void **state)
{
	long long cat = fresh_category(), id = ticket_at(cat, PUDONG);
	struct hc *tech = hc_new();
	struct http_resp r;
	char path[64];

	(void)state;
	tech_setup("tech", "上海浦东", cat);
	assert_int_equal(stack_sql("UPDATE users SET region = '' WHERE login = 'tech2'"), 0);
	assert_int_equal(dispatch(id), 303);
	assert_int_equal(assignee_login_is(id, "tech"), 1);
	assert_int_equal(hc_login(tech, "tech", PASSWORD), 303);
	snprintf(path, sizeof(path), "/desk/tickets/%lld", id);
	assert_int_equal(hc_get(tech, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_not_contains(r.body, "dispatch-why");
	http_resp_free(&r);
	hc_free(tech);
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
	/* Leave the demo regions as the demo loader set them. */
	(void)stack_sql("UPDATE users SET region = '上海' WHERE login = 'tech'");
	(void)stack_sql("UPDATE users SET region = '广州' WHERE login = 'tech2'");
	hc_free(agent);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_district_region_beats_city_region),
		cmocka_unit_test(test_no_region_match_goes_to_skill_then_load),
		cmocka_unit_test(test_explanation_is_stored_and_shown_later),
		cmocka_unit_test(test_nobody_skilled_is_422_and_stores_nothing),
		cmocka_unit_test(test_technician_does_not_see_the_reasoning),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
