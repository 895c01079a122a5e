/* HTTP tests of the dash plugin against a running stack ($SL_TEST_URL):
 * who may see /dash/, its tiles and charts, the filters, the CSV export,
 * and the numbers themselves.
 *
 * Six tests arrange data straight in the database through
 * `conf/stack/stack.sh sql $SL_TEST_STACK` (run from the repository root)
 * and fail when that fails: five tickets of May 2019 with known
 * times (the metrics of that month are checked against hand-worked
 * values), a team whose name starts with '=' (the export must not let a
 * spreadsheet run it), a ticket resolved three days ago then reopened
 * (the incremental refresh must take it out of that day), and, in three
 * CSAT tests, a new technician each with tickets rated today (one named
 * like a formula). Reruns on the same database give the same results. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define PASSWORD "demo1234"
#define BOM      "\xEF\xBB\xBF"

#define assert_contains(hay, needle) do {                                   \
	if ((hay) == NULL || strstr((hay), (needle)) == NULL)                \
		fail_msg("expected to find \"%s\"", (needle));               \
} while (0)

/* ------------------------------------------------------------ helpers */

/* The stack's database is part of the test stack: no access to it is a
 * failure, never a reason to skip. */
static void
need_database(void)
{
	if (stack_sql("SELECT 1") != 0)
		fail_msg("no access to the database of stack %s", stack_name());
}

/* A client signed in as one of the demo logins. */
static struct hc *
signed_in(const char *login)
{
	struct hc *h = hc_new();

	assert_int_equal(hc_login(h, login, PASSWORD), 303);
	return h;
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

/* Rows of a CSV (CRLF-terminated lines), header included. */
static int
csv_rows(const char *csv)
{
	return (int)count_of(csv, "\r\n");
}

/* GET an export as h; asserts 200 and returns the body (malloc'ed). */
static char *
export_body(struct hc *h, const char *query)
{
	char path[512];
	struct http_resp r;
	char *body;

	snprintf(path, sizeof(path), "/dash/export.csv?%s", query);
	assert_int_equal(hc_get(h, path, &r), 0);
	if (r.status != 200)
		fail_msg("%s: HTTP %ld", path, r.status);
	body = strdup(r.body);
	http_resp_free(&r);
	return body;
}

/* The value of the volume export's last row: today. */
static long
volume_today(struct hc *h)
{
	char *csv = export_body(h, "metric=volume&period=7&by=day"), *v;
	long n;

	v = csv_cell(csv, csv_rows(csv) - 1, 2);
	assert_non_null(v);
	n = strtol(v, NULL, 10);
	free(v);
	free(csv);
	return n;
}

/* value="..." of the first <option value="X"> with a non-empty X. */
static char *
first_option_value(const char *html)
{
	const char *p = html;

	while ((p = strstr(p, "<option value=\"")) != NULL) {
		const char *v = p + strlen("<option value=\""), *end = strchr(v, '"');
		if (end != NULL && end > v)
			return strndup(v, (size_t)(end - v));
		p = v;
	}
	return NULL;
}

/* "空调不制冷了" */
#define DESC_PLAIN "%E7%A9%BA%E8%B0%83%E4%B8%8D%E5%88%B6%E5%86%B7%E4%BA%86"
/* "空调不制冷了，我要投诉": matches the seeded complaint rule 投诉. */
#define DESC_COMPLAINT DESC_PLAIN "%EF%BC%8C%E6%88%91%E8%A6%81%E6%8A%95%E8%AF%89"

/* Report a fault with a description (URL-encoded) through the public
 * form; returns the tracking code. */
static char *
repair_ticket_saying(const char *description)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf, *token, *cat, *loc, *code, body[2048];

	assert_int_equal(hc_get(h, "/repair", &r), 0);
	assert_int_equal(r.status, 200);
	csrf = html_input_value(r.body, "csrf");
	token = html_input_value(r.body, "form_token");
	cat = first_option_value(r.body);
	http_resp_free(&r);
	assert_non_null(csrf);
	assert_non_null(token);
	assert_non_null(cat);
	snprintf(body, sizeof(body), "csrf=%s&form_token=%s&category=%s"
	    "&name=%%E7%%8E%%8B%%E4%%BA%%94&phone=13800138000&address=x&product=KFR"
	    "&description=%s", csrf, token, cat, description);
	assert_int_equal(hc_post_form(h, "/repair", body, &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	code = strdup(strrchr(loc, '/') + 1);
	free(loc);
	http_resp_free(&r);
	free(csrf);
	free(token);
	free(cat);
	hc_free(h);
	return code;
}

static char *
repair_ticket(void)
{
	return repair_ticket_saying(DESC_PLAIN);
}

/* ------------------------------------------------------------- access */

static void
test_anonymous_is_sent_to_login(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *loc;

	(void)state;
	assert_int_equal(hc_get(h, "/dash/", &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	assert_contains(loc, "/login?next=");
	free(loc);
	http_resp_free(&r);
	assert_int_equal(status_of(h, "/dash/export.csv?metric=volume"), 303);
	hc_free(h);
}

static void
test_technician_is_forbidden(void **state)
{
	struct hc *h = signed_in("tech");

	(void)state;
	assert_int_equal(status_of(h, "/dash/"), 403);
	assert_int_equal(status_of(h, "/dash/export.csv?metric=volume"), 403);
	hc_free(h);
}

static void
test_agent_is_forbidden(void **state)
{
	struct hc *h = signed_in("agent");

	(void)state;
	assert_int_equal(status_of(h, "/dash/"), 403);
	assert_int_equal(status_of(h, "/dash/export.csv?metric=all"), 403);
	hc_free(h);
}

/* ---------------------------------------------------------------- page */

static void
test_viewer_sees_every_tile_and_the_charts(void **state)
{
	struct hc *h = signed_in("viewer");
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(h, "/dash/", &r), 0);
	assert_int_equal(r.status, 200);
	assert_int_equal(count_of(r.body, "<article class=\"tile\""), 20);
	assert_contains(r.body, "id=\"tile-volume\"");
	/* the stage metrics */
	assert_contains(r.body, "id=\"tile-time_to_accept\"");
	assert_contains(r.body, "id=\"tile-time_to_dispatch\"");
	assert_contains(r.body, "id=\"tile-time_to_arrival\"");
	assert_contains(r.body, "id=\"tile-onsite_time\"");
	assert_contains(r.body, "id=\"tile-first_time_fix\"");
	assert_contains(r.body, "id=\"tile-waiting_parts\"");
	assert_contains(r.body, "id=\"tile-waiting_customer\"");
	assert_contains(r.body, "id=\"tile-survey_response_rate\"");
	assert_contains(r.body, "一次修复率");
	assert_contains(r.body, "id=\"tile-complaints\"");
	assert_contains(r.body, "投诉预警");
	assert_contains(r.body, "id=\"tile-sla_compliance\"");
	assert_contains(r.body, "id=\"tile-csat\"");
	assert_contains(r.body, "id=\"tile-parts_use\"");
	assert_int_equal(count_of(r.body, "<svg"), 3);
	assert_contains(r.body, "服务仪表盘");
	assert_contains(r.body, "按产品类别");
	assert_contains(r.body, "id=\"dash-warnings\"");
	assert_contains(r.body, "最近预警");
	assert_contains(r.body, "id=\"dash-csat-technician\"");
	assert_contains(r.body, "满意度 · 按技术员");
	assert_contains(r.body, "id=\"dash-csat-category\"");
	assert_contains(r.body, "样本数");
	assert_contains(r.body, "/dash/export.csv?metric=volume&amp;period=30");
	http_resp_free(&r);
	hc_free(h);
}

static void
test_supervisor_and_admin_see_the_dashboard(void **state)
{
	struct hc *s = signed_in("supervisor"), *a = signed_in("admin");

	(void)state;
	assert_int_equal(status_of(s, "/dash/"), 200);
	assert_int_equal(status_of(a, "/dash/?period=7"), 200);
	hc_free(s);
	hc_free(a);
}

static void
test_dashboard_in_english(void **state)
{
	struct hc *h = signed_in("viewer");
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(h, "/dash/?lang=en", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "Service dashboard");
	assert_contains(r.body, "Ticket volume");
	assert_contains(r.body, "Resolution SLA met");
	assert_contains(r.body, "lang=\"en\"");
	http_resp_free(&r);
	/* back to Chinese for the other tests of this client */
	assert_int_equal(status_of(h, "/dash/?lang=zh-CN"), 200);
	hc_free(h);
}

static void
test_month_filter_shows_that_month(void **state)
{
	struct hc *h = signed_in("viewer");
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(h, "/dash/?month=2026-02&period=7", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "2026-02-01 – 2026-02-28");     /* the month wins */
	assert_contains(r.body, "2026-01-01 – 2026-01-31");     /* compared with */
	assert_contains(r.body, "value=\"2026-02\"");
	/* ... and says so; the period select shows "by month", not 7 days. */
	assert_contains(r.body, "同时选了月份和天数");
	assert_contains(r.body, "“最近 7 天”");
	assert_contains(r.body, "<option value=\"\" selected>按月份");
	assert_not_contains(r.body, "<option value=\"7\" selected>");
	http_resp_free(&r);
	/* A month alone (the select left on "by month"): no note. */
	assert_int_equal(hc_get(h, "/dash/?month=2026-02&period=", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "2026-02-01 – 2026-02-28");
	assert_not_contains(r.body, "同时选了月份和天数");
	http_resp_free(&r);
	/* No month: the days chosen are selected. */
	assert_int_equal(hc_get(h, "/dash/?period=90&month=", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "<option value=\"90\" selected>");
	assert_not_contains(r.body, "<option value=\"\" selected>按月份");
	http_resp_free(&r);
	hc_free(h);
}

static void
test_valid_filters_are_accepted(void **state)
{
	struct hc *h = signed_in("viewer");

	(void)state;
	assert_int_equal(status_of(h, "/dash/?period=90&channel=web"), 200);
	assert_int_equal(status_of(h, "/dash/?period=7&category=&team=&channel="), 200);
	assert_int_equal(status_of(h, "/dash/?period=30&channel=phone&unknown=ignored"), 200);
	hc_free(h);
}

static void
test_bad_period_is_400(void **state)
{
	struct hc *h = signed_in("viewer");
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(h, "/dash/?period=8", &r), 0);
	assert_int_equal(r.status, 400);
	assert_contains(r.body, "7、30 或 90");
	http_resp_free(&r);
	assert_int_equal(status_of(h, "/dash/?period=abc"), 400);
	assert_int_equal(status_of(h, "/dash/?period=-30"), 400);
	assert_int_equal(status_of(h, "/dash/export.csv?metric=volume&period=365"), 400);
	hc_free(h);
}

static void
test_bad_month_is_400(void **state)
{
	struct hc *h = signed_in("viewer");

	(void)state;
	assert_int_equal(status_of(h, "/dash/?month=2026-13"), 400);
	assert_int_equal(status_of(h, "/dash/?month=26-11"), 400);
	assert_int_equal(status_of(h, "/dash/?month=2026-11-01"), 400);
	assert_int_equal(status_of(h, "/dash/?month=1999-12"), 400);
	hc_free(h);
}

static void
test_unknown_category_team_or_channel_is_400(void **state)
{
	struct hc *h = signed_in("viewer");

	(void)state;
	assert_int_equal(status_of(h, "/dash/?category=999999999"), 400);
	assert_int_equal(status_of(h, "/dash/?category=ac"), 400);
	assert_int_equal(status_of(h, "/dash/?team=999999999"), 400);
	assert_int_equal(status_of(h, "/dash/?team=1%20OR%201=1"), 400);
	assert_int_equal(status_of(h, "/dash/?channel=fax"), 400);
	hc_free(h);
}

/* -------------------------------------------------------------- export */

static void
test_export_is_excel_ready_csv(void **state)
{
	struct hc *h = signed_in("viewer");
	struct http_resp r;
	char *ct, *cd, *first;

	(void)state;
	assert_int_equal(hc_get(h, "/dash/export.csv?metric=sla_compliance&period=7", &r), 0);
	assert_int_equal(r.status, 200);
	ct = http_header(&r, "Content-Type");
	cd = http_header(&r, "Content-Disposition");
	assert_non_null(ct);
	assert_non_null(cd);
	assert_string_equal(ct, "text/csv; charset=utf-8");
	assert_contains(cd, "attachment");
	assert_contains(cd, "filename=\"serviceloop-sla_compliance-day-");
	assert_true(r.len > 3 && memcmp(r.body, BOM, 3) == 0);
	first = csv_cell(r.body + 3, 0, 0);
	assert_string_equal(first, "开始日期");
	assert_contains(r.body, "开始日期,结束日期（含）,解决时效达标率 (%),解决时效达标率 · 样本数\r\n");
	assert_int_equal(csv_rows(r.body), 1 + 7);    /* header and 7 days */
	free(first);
	free(ct);
	free(cd);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_export_of_every_metric_by_week(void **state)
{
	struct hc *h = signed_in("supervisor");
	char *csv = export_body(h, "metric=all&by=week&period=90&lang=en");
	int rows = csv_rows(csv);

	(void)state;
	assert_contains(csv, "From,To (inclusive),Ticket volume (tickets),Ticket volume · sample,");
	assert_contains(csv, "Parts used (units),Parts used · sample,"
	    "Complaint warnings (tickets),Complaint warnings · sample,"
	    "Time to accept (median) (min),Time to accept (median) · sample,");
	assert_contains(csv, "Survey response rate (%),Survey response rate · sample\r\n");
	assert_true(rows >= 1 + 13 && rows <= 1 + 14);   /* 90 days: 13 or 14 weeks */
	free(csv);
	hc_free(h);
}

static void
test_export_bad_metric_or_breakdown_is_400(void **state)
{
	struct hc *h = signed_in("viewer");

	(void)state;
	assert_int_equal(status_of(h, "/dash/export.csv?metric=revenue"), 400);
	assert_int_equal(status_of(h, "/dash/export.csv?metric=volume&by=hour"), 400);
	assert_int_equal(status_of(h, "/dash/export.csv?metric=volume&channel=fax"), 400);
	hc_free(h);
}

/* A team named like a formula, with a ticket of today: its row in the
 * export by team must start with ' so Excel shows the text. */
static void
test_export_neutralises_formula_names(void **state)
{
	struct hc *h;
	char *code, sql[512], *csv;

	(void)state;
	need_database();
	assert_int_equal(stack_sql("INSERT IGNORE INTO teams (name) VALUES "
	    "('=HYPERLINK(1+1) dash-test')"), 0);
	code = repair_ticket();
	snprintf(sql, sizeof(sql), "UPDATE tickets SET team_id = (SELECT id FROM teams WHERE "
	    "name = '=HYPERLINK(1+1) dash-test') WHERE track_code = '%s'", code);
	assert_int_equal(stack_sql(sql), 0);
	h = signed_in("viewer");
	csv = export_body(h, "metric=volume&by=team&period=7");
	assert_contains(csv, ",'=HYPERLINK(1+1) dash-test,");
	assert_null(strstr(csv, ",=HYPERLINK"));
	assert_null(strstr(csv, "\n=HYPERLINK"));
	free(csv);
	free(code);
	hc_free(h);
}

/* ------------------------------------------------------------- numbers */

static void
test_volume_today_grows_with_a_repair_request(void **state)
{
	struct hc *h = signed_in("viewer");
	long before, after;
	char *code;

	(void)state;
	before = volume_today(h);
	code = repair_ticket();
	after = volume_today(h);
	assert_int_equal(after, before + 1);
	free(code);
	hc_free(h);
}

/* Five tickets created 2019-05-10 10:00 China time, closed, with:
 *   first response after 10, 20, 30, 40, 50 min (target 30 min);
 *   resolution after 2, 5, 20, 30, 100 h (target 24 h), the 30-h one once
 *   reopened; ratings 5, 4, 3, 5, 2; parts 2 and 3 units on two tickets.
 * Worked by hand (see tests/unit/test_metrics.c for the medians):
 *   volume 5; first response median 35 min (average 30); first-response
 *   compliance 60 %; time to resolve median 21.0 h; resolution compliance
 *   60 %; CSAT 3.80, satisfied 60 %; backlog at the month's end 0; reopen
 *   rate 20 %; parts 5 units on 2 records; complaint warnings 3 (2 tickets
 *   flagged on May 10 — one by two rules —, one of them again on May 11).
 * Their milestones and visits (the stage metrics):
 *   accepted after 35, 40, 45, 50, 55 min: all in the histogram bucket
 *   [30, 60) min, so the median is its middle, 45 min;
 *   tickets 1 and 2 fixed remotely; 3, 4, 5 dispatched after 62, 70, 78 min
 *   (bucket [60, 90) min: median 75 min) and reached 4.5, 5, 5.5 h later
 *   (bucket [4, 6) h: median 5.0 h);
 *   visits of 40 min (ticket 3), 40 and 50 min (ticket 4, the reopened one)
 *   and 50 min (ticket 5): 4 visits in [30, 60) min, median 45 min;
 *   first-time fix: of the 3 resolved with a visit, 3 and 5 took one visit
 *   and were never reopened: 66.7 %;
 *   ticket 5 waited 48 h for parts (bucket [48, 72) h: median 60.0 h),
 *   ticket 2 waited 2 h for the customer (bucket [2, 3) h: median 2.5 h);
 *   all five were rated: survey response rate 100 %. */
static const char *const known_sql[] = {
	"INSERT IGNORE INTO tickets (number, track_code, channel, status, priority, category_id,"
	" customer_name, phone, description, search_text, created_at, updated_at,"
	" first_response_at, first_response_due, resolved_at, resolve_due, closed_at)"
	" SELECT CONCAT('R-20190510-900', s.seq), CONCAT('dashtestknownticketsaaaa0', s.seq),"
	" 'web', 'closed', 'normal', (SELECT MIN(id) FROM categories), 'dash test',"
	" '13800138000', 'dash test', '', TIMESTAMP('2019-05-10 02:00:00'),"
	" TIMESTAMP('2019-05-10 02:00:00') + INTERVAL ELT(s.seq, 2, 5, 20, 30, 100) + 1 HOUR,"
	" TIMESTAMP('2019-05-10 02:00:00') + INTERVAL s.seq * 10 MINUTE,"
	" TIMESTAMP('2019-05-10 02:00:00') + INTERVAL 30 MINUTE,"
	" TIMESTAMP('2019-05-10 02:00:00') + INTERVAL ELT(s.seq, 2, 5, 20, 30, 100) HOUR,"
	" TIMESTAMP('2019-05-10 02:00:00') + INTERVAL 24 HOUR,"
	" TIMESTAMP('2019-05-10 02:00:00') + INTERVAL ELT(s.seq, 2, 5, 20, 30, 100) + 1 HOUR"
	" FROM seq_1_to_5 s",
	"INSERT INTO ticket_events (ticket_id, at, actor_kind, kind, public, from_status,"
	" to_status) SELECT t.id, t.created_at + INTERVAL 25 HOUR, 'staff', 'status', 1,"
	" 'resolved', 'reopened'"
	" FROM tickets t WHERE t.number = 'R-20190510-9004' AND NOT EXISTS (SELECT 1"
	" FROM ticket_events e WHERE e.ticket_id = t.id AND e.to_status = 'reopened')",
	"INSERT IGNORE INTO surveys (ticket_id, rating, created_at)"
	" SELECT id, ELT(CAST(RIGHT(number, 1) AS UNSIGNED), 5, 4, 3, 5, 2),"
	" resolved_at + INTERVAL 2 HOUR FROM tickets WHERE number LIKE 'R-20190510-900_'",
	"INSERT IGNORE INTO parts (sku, name_zh, name_en)"
	" VALUES ('DASH-TEST-1', '测试备件', 'Test part')",
	/* flags: 9001 by two rules at creation and again by a reply the next
	 * day, 9002 at creation: 2 tickets on May 10, 1 on May 11. */
	"INSERT INTO ticket_flags (ticket_id, rule_id, source, at)"
	" SELECT t.id, k.id, x.src, t.created_at + INTERVAL x.d DAY FROM ("
	"SELECT '9001' AS n, '投诉' AS p, 'ticket' AS src, 0 AS d"
	" UNION ALL SELECT '9001', '12315', 'ticket', 0 UNION ALL SELECT '9002', '投诉', 'ticket', 0"
	" UNION ALL SELECT '9001', '投诉', 'reply', 1) x"
	" JOIN tickets t ON t.number = CONCAT('R-20190510-', x.n)"
	" JOIN keyword_rules k ON k.phrase = x.p WHERE NOT EXISTS (SELECT 1 FROM ticket_flags f"
	" WHERE f.ticket_id = t.id AND f.rule_id = k.id AND f.source = x.src)",
	"UPDATE tickets t JOIN surveys s ON s.ticket_id = t.id"
	" JOIN (SELECT 1 AS seq UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
	" UNION ALL SELECT 5) x ON t.number = CONCAT('R-20190510-900', x.seq)"
	" SET t.accepted_at = t.created_at + INTERVAL 30 + 5 * x.seq MINUTE,"
	" t.dispatched_at = IF(x.seq >= 3, t.created_at + INTERVAL ELT(x.seq, 0, 0, 62, 70, 78)"
	" MINUTE, NULL),"
	" t.arrived_at = IF(x.seq >= 3, t.created_at + INTERVAL ELT(x.seq, 0, 0, 332, 370, 408)"
	" MINUTE, NULL),"
	" t.first_resolved_at = t.resolved_at, t.rated_at = s.created_at,"
	" t.waiting_parts_secs = IF(x.seq = 5, 172800, 0),"
	" t.waiting_customer_secs = IF(x.seq = 2, 7200, 0), t.updated_at = UTC_TIMESTAMP()",
	"INSERT INTO visits (ticket_id, technician_id, arrived_at, finished_at)"
	" SELECT t.id, (SELECT MIN(id) FROM users WHERE role = 'technician'),"
	" t.created_at + INTERVAL v.a MINUTE, t.created_at + INTERVAL v.a + v.len MINUTE"
	" FROM (SELECT '9003' AS n, 332 AS a, 40 AS len UNION ALL SELECT '9004', 370, 40"
	" UNION ALL SELECT '9004', 1560, 50 UNION ALL SELECT '9005', 408, 50) v"
	" JOIN tickets t ON t.number = CONCAT('R-20190510-', v.n)"
	" WHERE NOT EXISTS (SELECT 1 FROM visits w WHERE w.ticket_id = t.id AND"
	" w.arrived_at = t.created_at + INTERVAL v.a MINUTE)",
	"INSERT INTO ticket_parts (ticket_id, part_id, qty, created_at)"
	" SELECT t.id, (SELECT id FROM parts WHERE sku = 'DASH-TEST-1'), CAST(RIGHT(t.number, 1)"
	" AS UNSIGNED) + 1, t.created_at + INTERVAL 1 HOUR FROM tickets t"
	" WHERE t.number IN ('R-20190510-9001', 'R-20190510-9002') AND NOT EXISTS (SELECT 1"
	" FROM ticket_parts p WHERE p.ticket_id = t.id)",
};

static void
test_known_tickets_give_hand_worked_numbers(void **state)
{
	/* column of each metric's value in the export of every metric */
	static const struct { int col; const char *want; } expect[] = {
		{ 2, "5" },        /* volume */
		{ 3, "5" },        /* its sample */
		{ 4, "35" },       /* first response, median minutes */
		{ 5, "5" },
		{ 6, "21.0" },     /* time to resolve, median hours */
		{ 8, "60.0" },     /* resolution SLA */
		{ 10, "60.0" },    /* first-response SLA */
		{ 12, "3.80" },    /* CSAT */
		{ 14, "60.0" },    /* satisfied */
		{ 16, "0" },       /* backlog at the end of May 2019 */
		{ 18, "" },        /* backlog age: nothing open */
		{ 20, "20.0" },    /* reopen rate */
		{ 22, "5" },       /* parts: units */
		{ 23, "2" },       /* parts: records */
		{ 24, "3" },       /* complaint warnings */
		{ 25, "3" },
		{ 26, "45" },      /* time to accept, median minutes */
		{ 27, "5" },
		{ 28, "75" },      /* time to dispatch, median minutes */
		{ 29, "3" },
		{ 30, "5.0" },     /* time to arrival, median hours */
		{ 31, "3" },
		{ 32, "45" },      /* on-site time, median minutes */
		{ 33, "4" },       /* visits */
		{ 34, "66.7" },    /* first-time fix */
		{ 35, "3" },
		{ 36, "60.0" },    /* waiting for parts, median hours */
		{ 37, "1" },
		{ 38, "2.5" },     /* waiting for the customer, median hours */
		{ 39, "1" },
		{ 40, "100.0" },   /* survey response rate */
		{ 41, "5" },
	};
	struct hc *h;
	char *csv, *v;
	size_t i;

	(void)state;
	need_database();
	for (i = 0; i < sizeof(known_sql) / sizeof(known_sql[0]); i++)
		assert_int_equal(stack_sql(known_sql[i]), 0);
	h = signed_in("supervisor");
	csv = export_body(h, "metric=all&by=month&month=2019-05");
	assert_int_equal(csv_rows(csv), 2);
	for (i = 0; i < sizeof(expect) / sizeof(expect[0]); i++) {
		v = csv_cell(csv, 1, expect[i].col);
		assert_non_null(v);
		if (strcmp(v, expect[i].want) != 0)
			fail_msg("column %d: got \"%s\", want \"%s\"", expect[i].col, v,
			    expect[i].want);
		free(v);
	}
	free(csv);
	/* The page shows the same numbers. */
	csv = NULL;
	{
		struct http_resp r;
		assert_int_equal(hc_get(h, "/dash/?month=2019-05", &r), 0);
		assert_int_equal(r.status, 200);
		assert_contains(r.body, "<p class=\"value\">60.0%</p>");
		assert_contains(r.body, "<p class=\"value\">21.0小时</p>");
		http_resp_free(&r);
	}
	hc_free(h);
}

/* The sample (tickets resolved) on row `row` of the 7-day export of time
 * to resolve (row 1 = 6 days ago, row 7 = today). */
static long
resolved_on(struct hc *h, int row)
{
	char *csv = export_body(h, "metric=time_to_resolve&period=7&by=day"), *v;
	long n;

	v = csv_cell(csv, row, 3);
	assert_non_null(v);
	n = strtol(v, NULL, 10);
	free(v);
	free(csv);
	return n;
}

/* A ticket created four days ago and resolved three days ago (with its
 * events, as the desk writes them) counts on the day it was resolved; once
 * reopened it counts there no more. Nothing of the reopened ticket points
 * at that day any more but its events: the refresh finds it there. */
static void
test_reopen_moves_the_resolution_out_of_its_old_day(void **state)
{
	struct hc *h;
	char number[32], code[32], sql[2048];
	long before, counted, after;
	int i;

	(void)state;
	need_database();
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	snprintf(number, sizeof(number), "R-DASH-%08d", rand() % 100000000);
	for (i = 0; i < 26; i++)
		code[i] = "abcdefghijklmnopqrstuvwxyz234567"[rand() % 32];
	code[26] = '\0';
	h = signed_in("supervisor");
	before = resolved_on(h, 4);
	snprintf(sql, sizeof(sql),
	    "SET @day = DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR) - INTERVAL 3 DAY;"
	    " SET @res = TIMESTAMP(@day) + INTERVAL 2 HOUR;"
	    " INSERT INTO tickets (number, track_code, channel, status, category_id, customer_name,"
	    " phone, description, search_text, created_at, updated_at, first_response_at,"
	    " resolved_at, resolve_due) VALUES ('%s', '%s', 'phone', 'resolved',"
	    " (SELECT MIN(id) FROM categories), 'dash test', '13800138000', 'dash test', '',"
	    " @res - INTERVAL 30 HOUR, @res, @res - INTERVAL 29 HOUR, @res, @res + INTERVAL 1 DAY);"
	    " INSERT INTO ticket_events (ticket_id, at, actor_kind, kind, public, from_status,"
	    " to_status) SELECT id, created_at, 'customer', 'created', 1, NULL, 'new' FROM tickets"
	    " WHERE number = '%s' UNION ALL SELECT id, resolved_at, 'staff', 'status', 1,"
	    " 'in_progress', 'resolved' FROM tickets WHERE number = '%s'", number, code, number,
	    number);
	assert_int_equal(stack_sql(sql), 0);
	counted = resolved_on(h, 4);
	assert_int_equal(counted, before + 1);
	snprintf(sql, sizeof(sql),
	    "UPDATE tickets SET status = 'reopened', resolved_at = NULL,"
	    " updated_at = UTC_TIMESTAMP(), version = version + 1 WHERE number = '%s';"
	    " INSERT INTO ticket_events (ticket_id, at, actor_kind, kind, public, from_status,"
	    " to_status) SELECT id, UTC_TIMESTAMP(), 'customer', 'status', 1, 'resolved',"
	    " 'reopened'"
	    " FROM tickets WHERE number = '%s'", number, number);
	assert_int_equal(stack_sql(sql), 0);
	after = resolved_on(h, 4);
	assert_int_equal(after, before);
	hc_free(h);
}

/* ---------------------------------------------------------- complaints */

/* The number of a tile as the page shows it ("3件" gives 3). */
static long
tile_value(struct hc *h, const char *path, const char *key)
{
	struct http_resp r;
	char id[64];
	const char *p;
	long n;

	snprintf(id, sizeof(id), "id=\"tile-%s\"", key);
	assert_int_equal(hc_get(h, path, &r), 0);
	assert_int_equal(r.status, 200);
	p = strstr(r.body, id);
	assert_non_null(p);
	p = strstr(p, "<p class=\"value\">");
	assert_non_null(p);
	n = strtol(p + strlen("<p class=\"value\">"), NULL, 10);
	http_resp_free(&r);
	return n;
}

/* Today's complaint warnings: the last row of the 7-day export. */
static long
complaints_today(struct hc *h)
{
	char *csv = export_body(h, "metric=complaints&period=7&by=day"), *v;
	long n;

	v = csv_cell(csv, csv_rows(csv) - 1, 2);
	assert_non_null(v);
	n = strtol(v, NULL, 10);
	free(v);
	free(csv);
	return n;
}

/* The text of the page's <section id="id"> (malloc'ed), or NULL. */
static char *
section_of(const char *html, const char *id)
{
	char attr[96];
	const char *p, *end;

	snprintf(attr, sizeof(attr), "id=\"%s\"", id);
	if ((p = strstr(html, attr)) == NULL || (end = strstr(p, "</section>")) == NULL)
		return NULL;
	return strndup(p, (size_t)(end - p));
}

static void
test_complaint_repair_request_adds_one_warning_today(void **state)
{
	struct hc *h = signed_in("supervisor");
	long tile0, today0;
	char *code;

	(void)state;
	tile0 = tile_value(h, "/dash/?period=7", "complaints");
	today0 = complaints_today(h);
	code = repair_ticket_saying(DESC_COMPLAINT);
	assert_int_equal(tile_value(h, "/dash/?period=7", "complaints"), tile0 + 1);
	assert_int_equal(complaints_today(h), today0 + 1);
	free(code);
	hc_free(h);
}

static void
test_plain_repair_request_adds_no_warning(void **state)
{
	struct hc *h = signed_in("supervisor");
	long today0;
	char *code;

	(void)state;
	today0 = complaints_today(h);
	code = repair_ticket();
	assert_int_equal(complaints_today(h), today0);
	free(code);
	hc_free(h);
}

/* The newest warning (a complaint just reported) links to the desk ticket
 * for a supervisor; a viewer, who has no desk, sees the number as text. */
static void
test_recent_warnings_link_only_for_desk_roles(void **state)
{
	struct hc *s = signed_in("supervisor"), *v = signed_in("viewer");
	struct http_resp r;
	char *code, *sec;

	(void)state;
	code = repair_ticket_saying(DESC_COMPLAINT);
	assert_int_equal(hc_get(s, "/dash/?period=7", &r), 0);
	sec = section_of(r.body, "dash-warnings");
	http_resp_free(&r);
	assert_non_null(sec);
	assert_contains(sec, "<th scope=\"row\"><a href=\"/desk/tickets/");
	assert_contains(sec, "投诉");
	assert_contains(sec, "工单描述");
	free(sec);
	assert_int_equal(hc_get(v, "/dash/?period=7", &r), 0);
	sec = section_of(r.body, "dash-warnings");
	http_resp_free(&r);
	assert_non_null(sec);
	assert_contains(sec, "<th scope=\"row\">R-");
	assert_null(strstr(sec, "/desk/"));
	assert_contains(sec, "投诉");
	free(sec);
	free(code);
	hc_free(s);
	hc_free(v);
}

/* ---------------------------------------------------------------- CSAT */

/* A new technician named `name` with one closed ticket per rating (a
 * digit each, e.g. "53"), every ticket rated now. 0 ok. */
static int
rated_technician(const char *name, const char *ratings)
{
	char tag[16], sql[4096], elt[64] = "";
	size_t i, n = strlen(ratings);

	snprintf(tag, sizeof(tag), "%08d", rand() % 100000000);
	for (i = 0; i < n && i < 9; i++)
		snprintf(elt + strlen(elt), sizeof(elt) - strlen(elt), ", %c", ratings[i]);
	snprintf(sql, sizeof(sql),
	    "INSERT INTO users (login, name, role, password_hash) VALUES"
	    " ('csat-%s', '%s', 'technician', 'x');"
	    " INSERT INTO tickets (number, track_code, channel, status, category_id, assignee_id,"
	    " customer_name, phone, description, search_text, created_at, updated_at,"
	    " first_response_at, resolved_at, resolve_due, closed_at)"
	    " SELECT CONCAT('R-CSAT-%s-', s.seq), CONCAT('csattest%sabcdefghi', s.seq), 'web',"
	    " 'closed', (SELECT MIN(id) FROM categories), (SELECT id FROM users WHERE"
	    " login = 'csat-%s'), 'dash test', '13800138000', 'dash test', '',"
	    " UTC_TIMESTAMP() - INTERVAL 3 HOUR, UTC_TIMESTAMP(),"
	    " UTC_TIMESTAMP() - INTERVAL 2 HOUR,"
	    " UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() + INTERVAL 1 DAY, UTC_TIMESTAMP()"
	    " FROM seq_1_to_%zu s;"
	    " INSERT INTO surveys (ticket_id, rating, created_at) SELECT id,"
	    " ELT(CAST(SUBSTRING_INDEX(number, '-', -1) AS UNSIGNED)%s), UTC_TIMESTAMP()"
	    " FROM tickets WHERE number LIKE 'R-CSAT-%s-%%'",
	    tag, name, tag, tag, tag, n, elt, tag);
	return stack_sql(sql);
}

/* Ratings 5 and 3 today: 2 surveys, average 4.00, 50 % satisfied. */
static void
test_csat_by_technician_shows_hand_worked_numbers(void **state)
{
	struct hc *h;
	struct http_resp r;
	char name[64], row[512], *sec;

	(void)state;
	need_database();
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	snprintf(name, sizeof(name), "CSAT Tech %06d", rand() % 1000000);
	assert_int_equal(rated_technician(name, "53"), 0);
	h = signed_in("viewer");     /* plain numbers: no links to the desk */
	assert_int_equal(hc_get(h, "/dash/?period=7", &r), 0);
	assert_int_equal(r.status, 200);
	sec = section_of(r.body, "dash-csat-technician");
	http_resp_free(&r);
	assert_non_null(sec);
	assert_contains(sec, "满意度 · 按技术员");
	snprintf(row, sizeof(row), "<th scope=\"row\">%s</th><td data-label=\"评价数\">2</td>"
	    "<td data-label=\"满意度评分\">4.00分</td><td data-label=\"满意率\">50.0%%</td>",
	    name);
	assert_contains(sec, row);
	assert_contains(sec, "/dash/export.csv?table=csat_by_technician&amp;period=7");
	free(sec);
	hc_free(h);
}

/* The export of the table: a header, then one row per technician; a name
 * starting with = gets a leading ' (no formula in a spreadsheet). */
static void
test_csat_export_by_technician_is_formula_safe(void **state)
{
	struct hc *h;
	char name[64], row[128], *csv;

	(void)state;
	need_database();
	srand((unsigned)time(NULL) ^ ((unsigned)getpid() << 8));
	snprintf(name, sizeof(name), "=CSAT(%06d)", rand() % 1000000);
	assert_int_equal(rated_technician(name, "4"), 0);
	h = signed_in("viewer");
	csv = export_body(h, "table=csat_by_technician&period=7");
	assert_true(memcmp(csv, BOM, 3) == 0);
	assert_contains(csv, BOM "编号,技术员,评价数,满意度评分 (分),满意率 (%)\r\n");
	snprintf(row, sizeof(row), ",'%s,1,4.00,100.0\r\n", name);
	assert_contains(csv, row);
	snprintf(row, sizeof(row), ",%s,", name);
	assert_null(strstr(csv, row));
	free(csv);
	hc_free(h);
}

static void
test_csat_by_category_table_and_export(void **state)
{
	struct hc *h;
	struct http_resp r;
	char *csv, *sec, *n;

	(void)state;
	need_database();
	srand((unsigned)time(NULL) ^ ((unsigned)getpid() << 16));
	assert_int_equal(rated_technician("CSAT category test", "5"), 0);
	h = signed_in("supervisor");
	assert_int_equal(hc_get(h, "/dash/?period=7&lang=en", &r), 0);
	sec = section_of(r.body, "dash-csat-category");
	http_resp_free(&r);
	assert_non_null(sec);
	assert_contains(sec, "Satisfaction by category");
	assert_contains(sec, "<th scope=\"row\">");
	free(sec);
	csv = export_body(h, "table=csat_by_category&period=7&lang=en");
	assert_contains(csv, BOM "Key,Category,Surveys,CSAT score (/ 5),"
	    "Satisfied customers (%)\r\n");
	assert_true(csv_rows(csv) >= 2);
	n = csv_cell(csv + 3, 1, 2);        /* surveys of the first category */
	assert_non_null(n);
	assert_true(strtol(n, NULL, 10) >= 1);
	free(n);
	free(csv);
	assert_int_equal(status_of(h, "/dash/?lang=zh-CN"), 200);
	hc_free(h);
}

static void
test_export_bad_table_is_400(void **state)
{
	struct hc *h = signed_in("viewer");
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(h, "/dash/export.csv?table=csat_by_team", &r), 0);
	assert_int_equal(r.status, 400);
	assert_contains(r.body, "csat_by_technician");
	http_resp_free(&r);
	assert_int_equal(status_of(h, "/dash/export.csv?table=&metric=volume"), 200);
	hc_free(h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_anonymous_is_sent_to_login),
		cmocka_unit_test(test_technician_is_forbidden),
		cmocka_unit_test(test_agent_is_forbidden),
		cmocka_unit_test(test_viewer_sees_every_tile_and_the_charts),
		cmocka_unit_test(test_supervisor_and_admin_see_the_dashboard),
		cmocka_unit_test(test_dashboard_in_english),
		cmocka_unit_test(test_month_filter_shows_that_month),
		cmocka_unit_test(test_valid_filters_are_accepted),
		cmocka_unit_test(test_bad_period_is_400),
		cmocka_unit_test(test_bad_month_is_400),
		cmocka_unit_test(test_unknown_category_team_or_channel_is_400),
		cmocka_unit_test(test_export_is_excel_ready_csv),
		cmocka_unit_test(test_export_of_every_metric_by_week),
		cmocka_unit_test(test_export_bad_metric_or_breakdown_is_400),
		cmocka_unit_test(test_export_neutralises_formula_names),
		cmocka_unit_test(test_volume_today_grows_with_a_repair_request),
		cmocka_unit_test(test_known_tickets_give_hand_worked_numbers),
		cmocka_unit_test(test_reopen_moves_the_resolution_out_of_its_old_day),
		cmocka_unit_test(test_complaint_repair_request_adds_one_warning_today),
		cmocka_unit_test(test_plain_repair_request_adds_no_warning),
		cmocka_unit_test(test_recent_warnings_link_only_for_desk_roles),
		cmocka_unit_test(test_csat_by_technician_shows_hand_worked_numbers),
		cmocka_unit_test(test_csat_export_by_technician_is_formula_safe),
		cmocka_unit_test(test_csat_by_category_table_and_export),
		cmocka_unit_test(test_export_bad_table_is_400),
	};
	return cmocka_run_group_tests_name("dash", tests, NULL, NULL);
}
