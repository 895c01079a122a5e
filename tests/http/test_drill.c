/* HTTP tests of the drill-down from a metric's value to the tickets behind
 * it, against a running stack ($SL_TEST_URL): for every metric, the
 * queue that the dashboard's tile links to lists as many tickets as the
 * metric's sample n (the CSV export of the same month and slice), whole
 * and sliced by category, team and channel; for the metrics not counted in
 * tickets (part records, visits, ticket-days of complaints) the documented
 * number of tickets behind them. Viewers get no links; bad drill filters
 * are 400.
 *
 * The data are made straight in the database (`conf/stack/stack.sh sql
 * $SL_TEST_STACK`, skipped when that fails): eleven tickets around March
 * 2020 (China time) with known times, R-20200301-80xx:
 *   8001 web, closed, air conditioner (ac), team A: created, answered in
 *        time, accepted, dispatched, one visit, resolved in time 03-05,
 *        rated 5 on 03-05;
 *   8002 phone, resolved, ac, team A: answered late, two visits, reopened
 *        once, resolved late 03-09, waited 2 h for the customer, rated 2,
 *        two part records (1 + 3 units), flagged by two rules on 03-06 and
 *        again on 03-07 (two ticket-days);
 *   8003 web, in progress, fridge, team B: created, answered, accepted,
 *        dispatched 03-10, one part record, flagged on 03-10;
 *   8004 web, new, ac: created 02-29 17:00 UTC = 03-01 01:00 China (March);
 *   8005 web, new, ac: created 03-31 16:30 UTC = 04-01 China (not March);
 *   8006 phone, fridge, team A: created in February, resolved 04-05 (open
 *        at the end of March);
 *   8007 cancelled 03-15 (left in March), 8008 cancelled 04-10 (open at
 *        the end of March), both created in February;
 *   8009 phone, ac, team B: one visit, resolved 03-12 in time, waited 48 h
 *        for parts, rated 4 only in April;
 *   8010 web, fridge: resolved 03-20, no target, no visit, no survey;
 *   8011 wechat, ac, team A: resolved in February, rated 1 on 03-02.
 * Hand-worked for March 2020 (all slices): created 6 (8001-8004, 8009,
 * 8010); first answered 5; resolved 4 (8001, 8002, 8009, 8010), 1 late,
 * 1 reopened, 3 rated by now, 3 with a visit of which 2 fixed first time,
 * 1 waited for parts, 1 for the customer; rated in March 3 (8001, 8002,
 * 8011), 2 of them <= 2; open at the end 4 (8003, 8004, 8006, 8008);
 * accepted 4, dispatched 4, arrived 3; 4 visits on 3 tickets; 3 part
 * records on 2 tickets; 3 complaint ticket-days on 2 tickets. Reruns on
 * the same database give the same results. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

#define PASSWORD "demo1234"
#define MONTH    "2020-03"

static const char *const drill_sql[] = {
	"INSERT IGNORE INTO tickets (number, track_code, channel, status, category_id, team_id,"
	" customer_name, phone, description, search_text, created_at, updated_at,"
	" first_response_at, first_response_due, resolved_at, resolve_due, accepted_at,"
	" dispatched_at, arrived_at, rated_at, waiting_parts_secs, waiting_customer_secs)"
	" SELECT CONCAT('R-20200301-', x.n), CONCAT('drilltestmonthticketsa', x.n), x.ch, x.st,"
	" (SELECT id FROM categories WHERE code = x.cat), IF(x.tm = 0, NULL, IF(x.tm = 1,"
	" (SELECT MIN(id) FROM teams), (SELECT MAX(id) FROM teams))), 'drill test',"
	" '13800138000', 'drill test', '', x.c, x.u, x.fr, x.frd, x.res, x.rd, x.acc, x.dis,"
	" x.arr, x.rat, x.wp, x.wc FROM ("
	"SELECT '8001' AS n, 'web' AS ch, 'closed' AS st, 'ac' AS cat, 1 AS tm,"
	" '2020-03-05 02:00' AS c, '2020-03-05 08:00' AS u, '2020-03-05 02:20' AS fr,"
	" '2020-03-05 02:30' AS frd, '2020-03-05 06:00' AS res, '2020-03-06 02:00' AS rd,"
	" '2020-03-05 02:10' AS acc, '2020-03-05 02:30' AS dis, '2020-03-05 04:00' AS arr,"
	" '2020-03-05 08:00' AS rat, 0 AS wp, 0 AS wc"
	" UNION ALL SELECT '8002', 'phone', 'resolved', 'ac', 1, '2020-03-06 02:00',"
	" '2020-03-09 05:00', '2020-03-06 04:00', '2020-03-06 02:30', '2020-03-09 02:00',"
	" '2020-03-07 02:00', '2020-03-06 02:40', '2020-03-06 03:00', '2020-03-06 05:00',"
	" '2020-03-09 05:00', 0, 7200"
	" UNION ALL SELECT '8003', 'web', 'in_progress', 'fridge', 2, '2020-03-10 02:00',"
	" '2020-03-10 03:00', '2020-03-10 02:05', '2020-03-10 02:30', NULL, '2020-03-11 02:00',"
	" '2020-03-10 02:05', '2020-03-10 03:00', NULL, NULL, 0, 0"
	" UNION ALL SELECT '8004', 'web', 'new', 'ac', 0, '2020-02-29 17:00', '2020-02-29 17:00',"
	" NULL, '2020-02-29 17:30', NULL, '2020-03-01 17:00', NULL, NULL, NULL, NULL, 0, 0"
	" UNION ALL SELECT '8005', 'web', 'new', 'ac', 0, '2020-03-31 16:30', '2020-03-31 16:30',"
	" NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0"
	" UNION ALL SELECT '8006', 'phone', 'closed', 'fridge', 1, '2020-02-20 02:00',"
	" '2020-04-05 02:00', '2020-02-20 03:00', NULL, '2020-04-05 02:00', '2020-02-21 02:00',"
	" '2020-02-20 03:00', NULL, NULL, NULL, 0, 0"
	" UNION ALL SELECT '8007', 'web', 'cancelled', 'ac', 0, '2020-02-10 02:00',"
	" '2020-03-15 02:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0"
	" UNION ALL SELECT '8008', 'web', 'cancelled', 'ac', 0, '2020-02-10 02:00',"
	" '2020-04-10 02:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0"
	" UNION ALL SELECT '8009', 'phone', 'closed', 'ac', 2, '2020-03-12 02:00',"
	" '2020-04-02 02:00', '2020-03-12 02:10', '2020-03-12 02:30', '2020-03-12 10:00',"
	" '2020-03-13 02:00', '2020-03-12 02:10', '2020-03-12 03:00', '2020-03-12 05:00',"
	" '2020-04-02 02:00', 172800, 0"
	" UNION ALL SELECT '8010', 'web', 'resolved', 'fridge', 0, '2020-03-20 02:00',"
	" '2020-03-20 08:00', '2020-03-20 02:15', NULL, '2020-03-20 08:00', NULL, NULL, NULL,"
	" NULL, NULL, 0, 0"
	" UNION ALL SELECT '8011', 'wechat', 'closed', 'ac', 1, '2020-02-25 02:00',"
	" '2020-03-02 02:00', '2020-02-25 02:10', NULL, '2020-02-27 02:00', '2020-02-26 02:00',"
	" NULL, NULL, NULL, '2020-03-02 02:00', 0, 0) x",
	"INSERT INTO ticket_events (ticket_id, at, actor_kind, kind, public, from_status,"
	" to_status) SELECT t.id, '2020-03-08 02:00', 'staff', 'status', 1, 'resolved',"
	" 'reopened' FROM tickets t WHERE t.number = 'R-20200301-8002' AND NOT EXISTS (SELECT 1"
	" FROM ticket_events e WHERE e.ticket_id = t.id AND e.to_status = 'reopened')",
	"INSERT IGNORE INTO surveys (ticket_id, rating, created_at)"
	" SELECT t.id, x.r, x.at FROM (SELECT '8001' AS n, 5 AS r, '2020-03-05 08:00' AS at"
	" UNION ALL SELECT '8002', 2, '2020-03-09 05:00' UNION ALL SELECT '8009', 4,"
	" '2020-04-02 02:00' UNION ALL SELECT '8011', 1, '2020-03-02 02:00') x"
	" JOIN tickets t ON t.number = CONCAT('R-20200301-', x.n)",
	"INSERT INTO visits (ticket_id, technician_id, arrived_at, finished_at)"
	" SELECT t.id, (SELECT MIN(id) FROM users WHERE role = 'technician'), x.a, x.f"
	" FROM (SELECT '8001' AS n, '2020-03-05 04:00' AS a, '2020-03-05 05:00' AS f"
	" UNION ALL SELECT '8002', '2020-03-06 05:00', '2020-03-06 06:00'"
	" UNION ALL SELECT '8002', '2020-03-08 05:00', '2020-03-08 05:30'"
	" UNION ALL SELECT '8009', '2020-03-12 05:00', '2020-03-12 06:30') x"
	" JOIN tickets t ON t.number = CONCAT('R-20200301-', x.n) WHERE NOT EXISTS"
	" (SELECT 1 FROM visits v WHERE v.ticket_id = t.id AND v.arrived_at = x.a)",
	"INSERT IGNORE INTO parts (sku, name_zh, name_en)"
	" VALUES ('DRILL-TEST-1', '测试备件', 'Test part')",
	"INSERT INTO ticket_parts (ticket_id, part_id, qty, created_at)"
	" SELECT t.id, (SELECT id FROM parts WHERE sku = 'DRILL-TEST-1'), x.q, x.at"
	" FROM (SELECT '8002' AS n, 1 AS q, '2020-03-06 06:00' AS at"
	" UNION ALL SELECT '8002', 3, '2020-03-08 05:30'"
	" UNION ALL SELECT '8003', 2, '2020-03-10 03:00') x"
	" JOIN tickets t ON t.number = CONCAT('R-20200301-', x.n) WHERE NOT EXISTS"
	" (SELECT 1 FROM ticket_parts p WHERE p.ticket_id = t.id AND p.created_at = x.at)",
	"INSERT INTO ticket_flags (ticket_id, rule_id, source, at)"
	" SELECT t.id, k.id, x.src, x.at FROM (SELECT '8002' AS n, '投诉' AS p,"
	" 'ticket' AS src, '2020-03-06 02:00' AS at"
	" UNION ALL SELECT '8002', '12315', 'ticket', '2020-03-06 02:00'"
	" UNION ALL SELECT '8002', '投诉', 'reply', '2020-03-07 03:00'"
	" UNION ALL SELECT '8003', '投诉', 'ticket', '2020-03-10 02:00') x"
	" JOIN tickets t ON t.number = CONCAT('R-20200301-', x.n)"
	" JOIN keyword_rules k ON k.phrase = x.p WHERE NOT EXISTS (SELECT 1 FROM ticket_flags f"
	" WHERE f.ticket_id = t.id AND f.rule_id = k.id AND f.at = x.at)",
	/* the next reader refreshes the pre-aggregate */
	"UPDATE metric_state SET refreshed_at = refreshed_at - INTERVAL 1 DAY"
	" WHERE refreshed_at IS NOT NULL",
};

/* Every built-in metric; tickets: the hand-worked number of tickets behind
 * it in March 2020 (-1: at least those of this file, others may add open
 * ones); n_rows: its sample when that is not counted in tickets (else 0). */
static const struct drilled {
	const char *key;
	long        tickets, n_rows;
} metrics[] = {
	{ "volume", 6, 0 }, { "first_response", 5, 0 }, { "time_to_resolve", 4, 0 },
	{ "sla_compliance", 4, 0 }, { "first_response_compliance", 5, 0 }, { "csat", 3, 0 },
	{ "csat_satisfied", 3, 0 }, { "backlog", -1, 0 }, { "backlog_age", -1, 0 },
	{ "reopen_rate", 4, 0 }, { "parts_use", 2, 3 }, { "complaints", 2, 3 },
	{ "time_to_accept", 4, 0 }, { "time_to_dispatch", 4, 0 }, { "time_to_arrival", 3, 0 },
	{ "onsite_time", 3, 4 }, { "first_time_fix", 3, 0 }, { "waiting_parts", 1, 0 },
	{ "waiting_customer", 1, 0 }, { "survey_response_rate", 4, 0 },
};
#define NMETRICS (sizeof(metrics) / sizeof(metrics[0]))

static void
skip_without_database(void)
{
	if (stack_sql("SELECT 1") != 0) {
		fprintf(stderr, "note: no access to the stack's database: skipped\n");
		skip();
	}
}

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

/* GET path as h: asserts 200, returns the body (malloc'ed). */
static char *
body_of(struct hc *h, const char *path)
{
	struct http_resp r;
	char *body;

	assert_int_equal(hc_get(h, path, &r), 0);
	if (r.status != 200)
		fail_msg("%s: HTTP %ld", path, r.status);
	body = strdup(r.body);
	http_resp_free(&r);
	return body;
}

/* The month's value and sample n of a metric for the slice (the export). */
static void
metric_of(struct hc *h, const char *key, const char *slice, double *value, long *n)
{
	char path[512], *csv, *v;

	snprintf(path, sizeof(path), "/dash/export.csv?metric=%s&by=month&month=" MONTH "%s",
	    key, slice);
	csv = body_of(h, path);
	v = csv_cell(csv, 1, 2);
	assert_non_null(v);
	*value = strtod(v, NULL);
	free(v);
	v = csv_cell(csv, 1, 3);
	assert_non_null(v);
	*n = strtol(v, NULL, 10);
	free(v);
	free(csv);
}

/* The href (decoded &amp;) after `after` in html, starting with prefix;
 * malloc'ed or NULL. */
static char *
href_after(const char *html, const char *after, const char *prefix)
{
	const char *p = strstr(html, after), *end;
	char pat[64], *out, *o;

	if (p == NULL)
		return NULL;
	snprintf(pat, sizeof(pat), "href=\"%s", prefix);
	if ((p = strstr(p, pat)) == NULL)
		return NULL;
	p += strlen("href=\"");
	end = strchr(p, '"');
	out = strndup(p, (size_t)(end - p));
	for (o = out; (o = strstr(o, "&amp;")) != NULL; o++)
		memmove(o + 1, o + 5, strlen(o + 5) + 1);
	return out;
}

/* The link of tile key on the month's dashboard with slice, or NULL when
 * the tile has none (nothing measured). */
static char *
tile_link(struct hc *h, const char *key, const char *slice)
{
	char path[256], id[96], *page, *tile, *end, *href;

	snprintf(path, sizeof(path), "/dash/?month=" MONTH "%s", slice);
	snprintf(id, sizeof(id), "id=\"tile-%s\"", key);
	page = body_of(h, path);
	tile = strstr(page, id);
	assert_non_null(tile);
	assert_non_null(end = strstr(tile, "</article>"));
	*end = '\0';
	href = href_after(tile, id, "/desk/?metric=");
	free(page);
	return href;
}

/* The tickets a drill-down lists (every page) and the count its banner
 * shows. */
static long
listed(struct hc *h, const char *link, long *banner)
{
	char *path = strdup(link), *page, *next;
	const char *p;
	long rows = 0;

	*banner = -1;
	while (path != NULL) {
		page = body_of(h, path);
		if (*banner < 0) {
			assert_non_null(p = strstr(page, "class=\"q-drill-n\">"));
			*banner = strtol(p + strlen("class=\"q-drill-n\">"), NULL, 10);
		}
		rows += (long)count_of(page, "<td class=\"q-num\"");
		next = href_after(page, "rel=\"next\"", "/desk/");
		free(page);
		free(path);
		path = next;
	}
	return rows;
}

static int
arranged(void)
{
	struct hc *h = signed_in("supervisor");
	size_t i;

	/* a first read builds the pre-aggregate before the data arrive */
	free(body_of(h, "/dash/export.csv?metric=volume&by=month&month=" MONTH));
	hc_free(h);
	for (i = 0; i < sizeof(drill_sql) / sizeof(drill_sql[0]); i++)
		if (stack_sql(drill_sql[i]) != 0)
			return -1;
	sleep(6);   /* past the workers' 5 s between checks for a due refresh */
	return 0;
}

/* Every metric of a slice: the link lists exactly n tickets (or, for the
 * metrics counted in other rows, at most n and the documented number on
 * the whole month). */
static void
check_slice(struct hc *h, const char *slice, int whole)
{
	size_t i;

	for (i = 0; i < NMETRICS; i++) {
		const struct drilled *m = &metrics[i];
		char *link = tile_link(h, m->key, slice);
		double value;
		long n, rows, banner;

		metric_of(h, m->key, slice, &value, &n);
		if (link == NULL) {     /* "—": nothing measured, nothing to list */
			if (n != 0 || whole)
				fail_msg("no drill-down link on tile %s%s (n = %ld)", m->key, slice, n);
			continue;
		}
		rows = listed(h, link, &banner);
		if (rows != banner)
			fail_msg("%s%s: %ld rows listed, the banner says %ld", m->key, slice, rows,
			    banner);
		if (m->n_rows == 0 && rows != n)
			fail_msg("%s%s: n = %ld but %s lists %ld", m->key, slice, n, link, rows);
		if (m->n_rows > 0 && (rows > n || (rows == 0) != (n == 0)))
			fail_msg("%s%s: %ld rows for %ld tickets", m->key, slice, n, rows);
		if (whole && m->tickets >= 0 && rows != m->tickets)
			fail_msg("%s: %ld tickets, hand-worked %ld", m->key, rows, m->tickets);
		if (whole && m->tickets < 0 && rows < 4)
			fail_msg("%s: %ld tickets, at least 4 by hand", m->key, rows);
		if (whole && m->n_rows > 0 && n != m->n_rows)
			fail_msg("%s: n = %ld, hand-worked %ld", m->key, n, m->n_rows);
		free(link);
	}
}

static void
test_every_metric_lists_its_sample(void **state)
{
	struct hc *h;
	char slice[128], *cat, *team;

	(void)state;
	skip_without_database();
	assert_int_equal(arranged(), 0);
	h = signed_in("supervisor");
	check_slice(h, "", 1);
	cat = stack_sql_value("SELECT id FROM categories WHERE code = 'ac'");
	team = stack_sql_value("SELECT MIN(id) FROM teams");
	assert_non_null(cat);
	assert_non_null(team);
	snprintf(slice, sizeof(slice), "&category=%s", cat);
	check_slice(h, slice, 0);
	snprintf(slice, sizeof(slice), "&team=%s", team);
	check_slice(h, slice, 0);
	check_slice(h, "&channel=phone", 0);
	snprintf(slice, sizeof(slice), "&category=%s&channel=web", cat);
	check_slice(h, slice, 0);
	free(cat);
	free(team);
	hc_free(h);
}

/* The notable share of a rate: its numerator (or the rest), as the value
 * says: late = n - met; reopened, satisfied, fixed first time, rated. */
static void
test_parts_of_rates_match_their_values(void **state)
{
	static const struct { const char *key; int rest; long hand; } parts[] = {
		{ "sla_compliance", 1, 1 }, { "first_response_compliance", 1, 1 },
		{ "reopen_rate", 0, 1 }, { "csat_satisfied", 0, 1 },
		{ "first_time_fix", 0, 2 }, { "survey_response_rate", 0, 3 },
		{ "csat", -1, 2 },    /* rated 2 or lower: not a share of the value */
	};
	struct hc *h;
	size_t i;

	(void)state;
	skip_without_database();
	h = signed_in("supervisor");
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		char *link = tile_link(h, parts[i].key, ""), path[512];
		double value;
		long n, rows, banner, hit;

		assert_non_null(link);
		metric_of(h, parts[i].key, "", &value, &n);
		snprintf(path, sizeof(path), "%s&part=1", link);
		rows = listed(h, path, &banner);
		assert_int_equal(rows, banner);
		hit = lround(value * (double)n / 100.0);
		if (parts[i].rest >= 0 && rows != (parts[i].rest ? n - hit : hit))
			fail_msg("%s part: %ld listed, the value %.1f of %ld says %ld", parts[i].key,
			    rows, value, n, parts[i].rest ? n - hit : hit);
		if (rows != parts[i].hand)
			fail_msg("%s part: %ld listed, hand-worked %ld", parts[i].key, rows,
			    parts[i].hand);
		free(link);
	}
	hc_free(h);
}

/* The banner names the metric, the period and the slice, with a way out. */
static void
test_banner_names_metric_period_and_slice(void **state)
{
	struct hc *h;
	char *cat, path[256], *page;

	(void)state;
	skip_without_database();
	h = signed_in("supervisor");
	cat = stack_sql_value("SELECT id FROM categories WHERE code = 'ac'");
	assert_non_null(cat);
	snprintf(path, sizeof(path), "/desk/?metric=first_response&from=2020-03-01"
	    "&to=2020-03-31&category=%s", cat);
	page = body_of(h, path);
	assert_contains(page, "工单来自指标");
	assert_contains(page, "首次响应时长");
	assert_contains(page, "2020-03-01 – 2020-03-31");
	assert_contains(page, "类别 空调");
	assert_contains(page, "只看响应超时");
	assert_contains(page, "清除指标筛选");
	assert_contains(page, "R-20200301-8001");
	assert_not_contains(page, "R-20200301-8010");   /* a fridge */
	/* The filter form narrows within the drill: the drill's keys go along,
	 * the fields a drill stands alone against are not sent. */
	assert_contains(page, "<input type=\"hidden\" name=\"metric\" value=\"first_response\">");
	assert_contains(page, "<input type=\"hidden\" name=\"from\" value=\"2020-03-01\">");
	assert_contains(page, "<input type=\"hidden\" name=\"to\" value=\"2020-03-31\">");
	assert_contains(page, "name=\"sort\" disabled");
	assert_contains(page, "name=\"overdue\" value=\"1\" disabled");
	free(page);
	/* what that form sends: the drill and the slice, empty selects */
	snprintf(path, sizeof(path), "/desk/?metric=first_response&from=2020-03-01"
	    "&to=2020-03-31&category=%s&team=&channel=&assignee=", cat);
	page = body_of(h, path);
	assert_contains(page, "工单来自指标");
	assert_contains(page, "R-20200301-8001");
	free(page);
	free(cat);
	hc_free(h);
}

/* Viewers read the dashboard but may not open the desk: plain numbers. */
static void
test_viewer_gets_no_links(void **state)
{
	struct hc *h;
	char *page;

	(void)state;
	h = signed_in("viewer");
	page = body_of(h, "/dash/?month=" MONTH);
	assert_contains(page, "id=\"tile-volume\"");
	assert_not_contains(page, "/desk/?metric=");
	free(page);
	hc_free(h);
	h = signed_in("agent");   /* agents have the desk but not the dashboard */
	assert_int_equal(status_of(h, "/desk/?metric=volume&from=2020-03-01&to=2020-03-31"),
	    200);
	hc_free(h);
}

static void
test_bad_drill_filters_are_400(void **state)
{
	static const char *const bad[] = {
		"/desk/?metric=revenue&from=2020-03-01&to=2020-03-31",
		"/desk/?metric=volume",
		"/desk/?metric=volume&from=2020-03-01",
		"/desk/?metric=volume&from=2020-03-31&to=2020-03-01",
		"/desk/?metric=volume&from=2020-02-30&to=2020-03-01",
		"/desk/?metric=volume&from=2000-01-01&to=2020-03-01",
		"/desk/?from=2020-03-01&to=2020-03-31",
		"/desk/?part=1",
		"/desk/?metric=volume&from=2020-03-01&to=2020-03-31&part=1",
		"/desk/?metric=csat&from=2020-03-01&to=2020-03-31&part=2",
		"/desk/?metric=volume&from=2020-03-01&to=2020-03-31&q=abc",
		"/desk/?metric=volume&from=2020-03-01&to=2020-03-31&status=open",
		"/desk/?metric=volume&from=2020-03-01&to=2020-03-31&overdue=1",
	};
	struct hc *h = signed_in("supervisor");
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (status_of(h, bad[i]) != 400)
			fail_msg("%s: not 400", bad[i]);
	assert_int_equal(status_of(h, "/desk/?metric=volume&from=2020-03-01&to=2020-03-31"
	    "&status=all"), 200);
	hc_free(h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_metric_lists_its_sample),
		cmocka_unit_test(test_parts_of_rates_match_their_values),
		cmocka_unit_test(test_banner_names_metric_period_and_slice),
		cmocka_unit_test(test_viewer_gets_no_links),
		cmocka_unit_test(test_bad_drill_filters_are_400),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
