/* External metrics and the metrics API against the real stack: keys and
 * scopes (401/403), points stored all or nothing and idempotently (a
 * correction replaces the value and is recorded), the limits (10,000
 * points pass, 10,001 are 413 with nothing stored), bad JSON and bad
 * points (4xx naming the point and field, nothing stored), the read API
 * (list and series), the value read through metric_compute_key() against
 * sums worked out by hand, and the admin pages (roles, CSRF, 422 with the
 * values kept, CSV import with preview and confirmation). Each run makes
 * its own metrics and keys (unique names). */
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

#include "arena.h"
#include "config.h"
#include "db.h"
#include "harness.h"
#include "metric_key.h"

#define KEY_LEN 67
#define DEMO_PW "demo1234"

static char run[16];                        /* unique per run */
static char k_write[KEY_LEN + 1], k_read[KEY_LEN + 1], k_tickets[KEY_LEN + 1];
static char m_sum[48], m_avg[48], m_last[48], m_off[48];
static int have_db, have_conn;
static struct arena A;

/* ---------------------------------------------------------------- helpers */

static void
random_key(char out[KEY_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	memcpy(out, "sl_", 3);
	for (i = 0; i < 64; i++)
		out[3 + i] = hex[rand() & 15];
	out[KEY_LEN] = '\0';
}

static int
insert_key(const char *key, const char *scopes)
{
	char sql[512];

	snprintf(sql, sizeof(sql), "INSERT INTO api_keys (name, key_prefix, key_hash, active,"
	    " scopes, created_at) VALUES ('test-ext %s', '%.8s', SHA2('%s', 256), 1, '%s',"
	    " UTC_TIMESTAMP())", scopes, key + 3, key, scopes);
	return stack_sql(sql);
}

/* An external metric straight into the database. */
static int
insert_metric(const char *key, const char *unit, const char *agg, int team, int active)
{
	char sql[512];

	snprintf(sql, sizeof(sql), "INSERT INTO ext_metrics (mkey, name_zh, name_en, unit, agg,"
	    " better, dim_team, active, created_at, updated_at) VALUES ('%s', '测试 %s',"
	    " 'Test %s', '%s', '%s', 1, %d, %d, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	    key, key, key, unit, agg, team, active);
	return stack_sql(sql);
}

/* The first column of a query with one %s (arg) as a number. */
#define sql_int(fmt, arg) sql_int_of(sql_buf, snprintf(sql_buf, sizeof(sql_buf), fmt, arg))
static char sql_buf[512];

static long long
sql_int_of(const char *sql, int len)
{
	char *v;
	long long n;

	assert_true(len > 0 && (size_t)len < sizeof(sql_buf));
	v = stack_sql_value(sql);
	assert_non_null(v);
	n = strtoll(v, NULL, 10);
	free(v);
	return n;
}

static long long
npoints(const char *metric)
{
	return sql_int("SELECT COUNT(*) FROM ext_metric_points p JOIN ext_metrics m"
	    " ON m.id = p.metric_id WHERE m.mkey = '%s'", metric);
}

/* POST points (body) of metric with key (NULL: none). */
static void
post_points(const char *key, const char *metric, const char *body, struct http_resp *r)
{
	struct hc *h = hc_new();
	char path[128], auth[128];

	snprintf(path, sizeof(path), "/api/v1/metrics/%s/points", metric);
	snprintf(auth, sizeof(auth), "Authorization: Bearer %s", key);
	assert_int_equal(hc_post_raw(h, path, "application/json", body, strlen(body),
	    key != NULL ? auth : NULL, r), 0);
	hc_free(h);
}

static void
get_api(const char *key, const char *path, struct http_resp *r)
{
	struct hc *h = hc_new();
	char auth[128];

	snprintf(auth, sizeof(auth), "Authorization: Bearer %s", key);
	assert_int_equal(hc_get_h(h, path, key != NULL ? auth : NULL, r), 0);
	hc_free(h);
}

static void
expect(const char *key, const char *metric, const char *body, long status, const char *needle)
{
	struct http_resp r;

	post_points(key, metric, body, &r);
	if (r.status != status)
		fprintf(stderr, "status %ld, body %s\n", r.status, r.body);
	assert_int_equal(r.status, status);
	if (needle != NULL)
		assert_contains(r.body, needle);
	http_resp_free(&r);
}

/* ---------------------------------------------------------------- setup */

static int
group_setup(void **state)
{
	char conf[256];

	(void)state;
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	snprintf(run, sizeof(run), "%x", (unsigned)rand() & 0xffffff);
	snprintf(m_sum, sizeof(m_sum), "t%s_sum", run);
	snprintf(m_avg, sizeof(m_avg), "t%s_avg", run);
	snprintf(m_last, sizeof(m_last), "t%s_last", run);
	snprintf(m_off, sizeof(m_off), "t%s_off", run);
	random_key(k_write);
	random_key(k_read);
	random_key(k_tickets);
	have_db = insert_key(k_write, "points_write") == 0 &&
	    insert_key(k_read, "metrics_read") == 0 && insert_key(k_tickets, "tickets") == 0 &&
	    insert_metric(m_sum, "count", "sum", 1, 1) == 0 &&
	    insert_metric(m_avg, "percent", "avg", 0, 1) == 0 &&
	    insert_metric(m_last, "count", "last", 1, 1) == 0 &&
	    insert_metric(m_off, "count", "sum", 0, 0) == 0;
	if (!have_db)
		fprintf(stderr, "note: no access to the stack's database: tests skipped\n");
	/* The registry read directly too, through the stack's own database. */
	snprintf(conf, sizeof(conf), "var/%s/serviceloop.conf", stack_name());
	have_conn = have_db && config_load(conf) == 0 && db_open() == 0;
	arena_init(&A);
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	if (have_db)
		(void)stack_sql("UPDATE api_keys SET active = 0 WHERE name LIKE 'test-ext %'");
	if (have_conn)
		db_close();
	arena_free(&A);
	return 0;
}

static int
test_setup(void **state)
{
	(void)state;
	if (!have_db)
		skip();
	return 0;
}

/* ---------------------------------------------------------------- auth */

static void
test_points_without_key_is_401(void **state)
{
	(void)state;
	expect(NULL, m_sum, "[{\"at\":\"2026-11-01\",\"value\":1}]", 401, "unauthorized");
}

static void
test_points_with_key_lacking_scope_is_403(void **state)
{
	(void)state;
	expect(k_read, m_sum, "[{\"at\":\"2026-11-01\",\"value\":1}]", 403, "points_write");
	expect(k_tickets, m_sum, "[{\"at\":\"2026-11-01\",\"value\":1}]", 403, "forbidden");
	assert_int_equal(npoints(m_sum), 0);
}

static void
test_read_api_scopes(void **state)
{
	struct http_resp r;

	(void)state;
	get_api(NULL, "/api/v1/metrics", &r);
	assert_int_equal(r.status, 401);
	http_resp_free(&r);
	get_api(k_write, "/api/v1/metrics", &r);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	get_api(k_tickets, "/api/v1/metrics/volume", &r);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	get_api(k_read, "/api/v1/metrics", &r);
	assert_int_equal(r.status, 200);
	http_resp_free(&r);
}

static void
test_ticket_creation_needs_its_scope(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char auth[128];

	(void)state;
	snprintf(auth, sizeof(auth), "Authorization: Bearer %s", k_read);
	assert_int_equal(hc_post_raw(h, "/api/v1/tickets", "application/json", "{}", 2, auth,
	    &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	hc_free(h);
}

/* ---------------------------------------------------------------- points */

static void
test_points_idempotent_and_corrections_recorded(void **state)
{
	const char *body = "[{\"at\":\"2026-10-01\",\"value\":5,\"team\":\"华东服务中心\"},"
	    "{\"at\":\"2026-10-02T10:00:00+08:00\",\"value\":7}]";
	char sql[256], *v;

	(void)state;
	expect(k_write, m_sum, body, 200, "\"added\":2");
	expect(k_write, m_sum, body, 200, "\"unchanged\":2");
	assert_int_equal(npoints(m_sum), 2);
	expect(k_write, m_sum, "[{\"at\":\"2026-10-02T02:00:00Z\",\"value\":7.5}]", 200,
	    "\"replaced\":1");
	assert_int_equal(npoints(m_sum), 2);
	snprintf(sql, sizeof(sql), "SELECT CONCAT(h.old_value, ' ', h.new_value, ' ', h.source)"
	    " FROM ext_metric_point_history h JOIN ext_metric_points p ON p.id = h.point_id"
	    " JOIN ext_metrics m ON m.id = p.metric_id WHERE m.mkey = '%s'", m_sum);
	v = stack_sql_value(sql);
	assert_non_null(v);
	assert_string_equal(v, "7 7.5 api");
	free(v);
	/* The history is append-only. */
	assert_int_not_equal(stack_sql("DELETE FROM ext_metric_point_history"), 0);
}

static void
test_bad_point_is_422_naming_it_and_nothing_stored(void **state)
{
	(void)state;
	expect(k_write, m_avg, "[{\"at\":\"2026-10-01\",\"value\":50},"
	    "{\"at\":\"2026-10-02\",\"value\":\"50\"}]", 422,
	    "{\"index\":1,\"field\":\"value\",\"code\":\"EXT_ERR_TYPE_NUMBER\"");
	expect(k_write, m_avg, "[{\"at\":\"2026-10-01\",\"value\":101}]", 422,
	    "\"field\":\"value\",\"code\":\"EXT_ERR_PERCENT\"");
	expect(k_write, m_avg, "[{\"at\":\"yesterday\",\"value\":1}]", 422,
	    "\"field\":\"at\"");
	expect(k_write, m_avg, "[{\"at\":\"2026-10-01\",\"value\":1,\"team\":\"2\"}]", 422,
	    "EXT_ERR_DIM_NOT_DEFINED");
	expect(k_write, m_avg, "[{\"at\":\"2026-10-01\",\"value\":1,\"colour\":\"red\"}]", 422,
	    "\"field\":\"colour\"");
	expect(k_write, m_avg, "[1]", 422, "EXT_ERR_TYPE_OBJECT");
	assert_int_equal(npoints(m_avg), 0);
}

static void
test_bad_json_is_400_and_nothing_stored(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char auth[128];

	(void)state;
	expect(k_write, m_avg, "[{\"at\":\"2026-10-01\",\"value\":1}", 400, "malformed_json");
	expect(k_write, m_avg, "{\"at\":\"2026-10-01\",\"value\":1}", 400, "array");
	expect(k_write, m_avg, "[]", 400, "no points");
	expect(k_write, m_avg, "[{\"at\":\"2026-10-01\",\"value\":1,\"value\":2}]", 400,
	    "duplicate key");
	{
		char path[128];

		snprintf(auth, sizeof(auth), "Authorization: Bearer %s", k_write);
		snprintf(path, sizeof(path), "/api/v1/metrics/%s/points", m_avg);
		assert_int_equal(hc_post_raw(h, path, "text/csv", "at,value", 8, auth, &r), 0);
	}
	assert_int_equal(r.status, 415);
	http_resp_free(&r);
	hc_free(h);
	assert_int_equal(npoints(m_avg), 0);
}

static void
test_unknown_builtin_and_inactive_metrics(void **state)
{
	const char *p = "[{\"at\":\"2026-10-01\",\"value\":1}]";

	(void)state;
	expect(k_write, "no_such_metric_x", p, 404, "not_found");
	expect(k_write, "volume", p, 404, "built-in");
	expect(k_write, m_off, p, 409, "inactive");
	assert_int_equal(npoints(m_off), 0);
}

/* n points, one a minute from 2026-09-01T00:00:00Z (malloc'ed). */
static char *
many_points(size_t n)
{
	char *s = malloc(n * 64 + 16), *p = s;
	size_t i;

	assert_non_null(s);
	*p++ = '[';
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s{\"at\":\"2026-09-%02zuT%02zu:%02zu:00Z\",\"value\":1}",
		    i > 0 ? "," : "", 1 + i / 1440, i / 60 % 24, i % 60);
	strcpy(p, "]");
	return s;
}

static void
test_10001_points_are_413_and_nothing_stored(void **state)
{
	char *s = many_points(10001);

	(void)state;
	expect(k_write, m_last, s, 413, "too_large");
	assert_int_equal(npoints(m_last), 0);
	free(s);
}

static void
test_10000_points_pass(void **state)
{
	char *s = many_points(10000);

	(void)state;
	expect(k_write, m_last, s, 200, "\"added\":10000");
	assert_int_equal(npoints(m_last), 10000);
	free(s);
}

/* ---------------------------------------------------------------- reading */

static void
test_list_has_builtin_and_external_metrics(void **state)
{
	struct http_resp r;
	char needle[96];

	(void)state;
	get_api(k_read, "/api/v1/metrics", &r);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "{\"key\":\"time_to_dispatch\",\"source\":\"builtin\"");
	snprintf(needle, sizeof(needle), "{\"key\":\"%s\",\"source\":\"external\"", m_sum);
	assert_contains(r.body, needle);
	assert_contains(r.body, "\"aggregation\":\"sum\",\"dimensions\":[\"team\"]");
	snprintf(needle, sizeof(needle), "\"%s\"", m_off);
	assert_not_contains(r.body, needle);       /* inactive: not listed */
	http_resp_free(&r);
}

static void
test_series_of_external_metric(void **state)
{
	struct http_resp r;
	char path[160];

	(void)state;
	expect(k_write, m_avg, "[{\"at\":\"2026-08-03\",\"value\":40},"
	    "{\"at\":\"2026-08-03T12:00:00+08:00\",\"value\":60},"
	    "{\"at\":\"2026-08-05\",\"value\":90}]", 200, "\"added\":3");
	/* Monday 3 August .. Sunday 9: one week, average (40 + 60 + 90) / 3 = 63.33... */
	snprintf(path, sizeof(path), "/api/v1/metrics/%s?from=2026-08-03&to=2026-08-09&grain=week",
	    m_avg);
	get_api(k_read, path, &r);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "\"points\":[{\"from\":\"2026-08-03\",\"to\":\"2026-08-09\","
	    "\"value\":63.33333333333333");
	assert_contains(r.body, "\"n\":3}]");
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/metrics/%s?from=2026-08-03&to=2026-08-05", m_avg);
	get_api(k_read, path, &r);
	assert_contains(r.body, "{\"from\":\"2026-08-03\",\"to\":\"2026-08-03\",\"value\":50,\"n\":2},"
	    "{\"from\":\"2026-08-04\",\"to\":\"2026-08-04\",\"value\":null,\"n\":0},"
	    "{\"from\":\"2026-08-05\",\"to\":\"2026-08-05\",\"value\":90,\"n\":1}");
	http_resp_free(&r);
}

static void
test_series_of_stage_metric_and_bad_parameters(void **state)
{
	struct http_resp r;

	(void)state;
	get_api(k_read, "/api/v1/metrics/time_to_dispatch?from=2026-08-01&to=2026-10-29&grain=day",
	    &r);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "\"unit\":\"minutes\",\"grain\":\"day\",\"from\":\"2026-08-01\"");
	http_resp_free(&r);
	get_api(k_read, "/api/v1/metrics/volume?grain=hour", &r);
	assert_int_equal(r.status, 400);
	assert_contains(r.body, "grain");
	http_resp_free(&r);
	get_api(k_read, "/api/v1/metrics/volume?from=2026-09-01&to=2026-08-01", &r);
	assert_int_equal(r.status, 400);
	http_resp_free(&r);
	get_api(k_read, "/api/v1/metrics/volume?channel=fax", &r);
	assert_int_equal(r.status, 400);
	http_resp_free(&r);
	get_api(k_read, "/api/v1/metrics/no_such_metric_x", &r);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
}

/* The registry's own value (metric_compute_key) against hand sums. */
static void
test_compute_key_matches_hand_sums(void **state)
{
	struct metric_filter f;
	struct metric_value v;
	struct metric_info m;
	int found;

	(void)state;
	if (!have_conn)
		skip();
	/* Sum: team 华东 (id from the demo) 3 + 4 on 20 July, no team 10. */
	expect(k_write, m_sum, "[{\"at\":\"2026-07-20\",\"value\":3,\"team\":\"华东服务中心\"},"
	    "{\"at\":\"2026-07-20T15:00:00+08:00\",\"value\":4,\"team\":\"华东服务中心\"},"
	    "{\"at\":\"2026-07-21\",\"value\":10}]", 200, "\"added\":3");
	memset(&f, 0, sizeof(f));
	f.from = metric_day_start(metric_day_from_ymd(2026, 7, 20));
	f.to = metric_day_start(metric_day_from_ymd(2026, 7, 22));
	assert_int_equal(metric_compute_key(&A, m_sum, &f, &v), DB_OK);
	assert_true(v.has && v.value == 17.0);             /* 3 + 4 + 10 */
	assert_int_equal(v.n, 3);
	f.team_id = sql_int("SELECT id FROM teams WHERE name = '%s'", "华东服务中心");
	assert_int_equal(metric_compute_key(&A, m_sum, &f, &v), DB_OK);
	assert_true(v.value == 7.0);                       /* 3 + 4 */
	/* Average: 40, 60 (3 Aug), 90 (5 Aug): 63.33; 3 Aug alone: 50. */
	memset(&f, 0, sizeof(f));
	f.from = metric_day_start(metric_day_from_ymd(2026, 8, 3));
	f.to = metric_day_start(metric_day_from_ymd(2026, 8, 4));
	assert_int_equal(metric_compute_key(&A, m_avg, &f, &v), DB_OK);
	assert_true(v.value == 50.0);
	/* Last: 10,000 points of 1 on 1-7 Sept, then 5 for team 华东 on 8 Sept:
	 * two series, their latest 1 + 5 = 6 (counts add up). */
	expect(k_write, m_last, "[{\"at\":\"2026-09-08\",\"value\":5,\"team\":\"华东服务中心\"}]",
	    200, "\"added\":1");
	f.from = metric_day_start(metric_day_from_ymd(2026, 9, 1));
	f.to = metric_day_start(metric_day_from_ymd(2026, 9, 9));
	assert_int_equal(metric_compute_key(&A, m_last, &f, &v), DB_OK);
	assert_true(v.value == 6.0);
	assert_int_equal(v.n, 2);
	/* And its definition through the registry. */
	assert_int_equal(metric_info_by_key(&A, m_last, &m, &found), DB_OK);
	assert_true(found && m.external);
	assert_string_equal(metric_info_format(&A, &m, &v, "en"), "6");
	assert_int_equal(metric_info_by_key(&A, m_off, &m, &found), DB_OK);
	assert_true(found);                                /* inactive: still readable */
}

/* ---------------------------------------------------------------- admin */

struct ac {
	struct hc *h;
	char      *csrf;
};

static struct ac *
ac_login(const char *login)
{
	struct ac *a = calloc(1, sizeof(*a));

	assert_non_null(a);
	a->h = hc_new();
	assert_int_equal(hc_login(a->h, login, DEMO_PW), 303);
	a->csrf = hc_csrf(a->h, "/account");
	assert_non_null(a->csrf);
	return a;
}

static void
ac_free(struct ac *a)
{
	hc_free(a->h);
	free(a->csrf);
	free(a);
}

/* POST path with csrf (when with_csrf) and name, value pairs. */
static void
ac_post(struct ac *a, int with_csrf, const char *path, struct http_resp *r, ...)
{
	char body[8192];
	size_t n = 0;
	const char *name;
	va_list ap;

	body[0] = '\0';
	if (with_csrf)
		n = (size_t)snprintf(body, sizeof(body), "csrf=%s", a->csrf);
	va_start(ap, r);
	while ((name = va_arg(ap, const char *)) != NULL) {
		char *v = hc_escape(va_arg(ap, const char *));

		n += (size_t)snprintf(body + n, sizeof(body) - n, "&%s=%s", name, v);
		free(v);
		assert_true(n < sizeof(body));
	}
	va_end(ap);
	assert_int_equal(hc_post_form(a->h, path, body, r), 0);
}

static void
test_admin_pages_only_for_admins(void **state)
{
	static const char *const who[] = { "supervisor", "agent", "viewer" };
	struct http_resp r;
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		struct ac *a = ac_login(who[i]);

		assert_int_equal(hc_get(a->h, "/admin/metrics", &r), 0);
		assert_int_equal(r.status, 403);
		http_resp_free(&r);
		ac_free(a);
	}
}

/* The overview counts active / all external metrics, from the database. */
static void
test_admin_overview_counts_metrics(void **state)
{
	struct ac *a = ac_login("admin");
	struct http_resp r;
	char want[96];
	long long on, all;

	(void)state;
	on = sql_int("SELECT COUNT(*) FROM ext_metrics WHERE active = %s", "1");
	all = sql_int("SELECT COUNT(*) FROM ext_metrics WHERE %s", "1");
	snprintf(want, sizeof(want), "id=\"count-metrics\">%lld <small>/ %lld</small>", on, all);
	assert_int_equal(hc_get(a->h, "/admin/", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, want);
	assert_contains(r.body, "href=\"/admin/metrics\"");
	http_resp_free(&r);
	ac_free(a);
}

static void
test_admin_create_needs_csrf(void **state)
{
	struct ac *a = ac_login("admin");
	struct http_resp r;
	char key[48];

	(void)state;
	snprintf(key, sizeof(key), "t%s_nocsrf", run);
	ac_post(a, 0, "/admin/metrics", &r, "key", key, "name_zh", "甲", "name_en", "A",
	    "unit", "count", "agg", "sum", "better", "1", NULL);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM ext_metrics WHERE mkey = '%s'", key), 0);
	ac_free(a);
}

static void
test_admin_create_clash_is_422_with_values_kept(void **state)
{
	struct ac *a = ac_login("admin");
	struct http_resp r;

	(void)state;
	ac_post(a, 1, "/admin/metrics", &r, "key", "sla_compliance", "name_zh", "会员续费",
	    "name_en", "Renewals", "unit", "count", "agg", "sum", "better", "1", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"key-err\"");
	assert_contains(r.body, "value=\"会员续费\"");
	assert_contains(r.body, "<option value=\"count\" selected>");
	http_resp_free(&r);
	ac_post(a, 1, "/admin/metrics", &r, "key", m_sum, "name_zh", "重复", "name_en", "Dup",
	    "unit", "count", "agg", "sum", "better", "1", NULL);
	assert_int_equal(r.status, 422);            /* another external metric's key */
	assert_contains(r.body, "id=\"key-err\"");
	http_resp_free(&r);
	ac_post(a, 1, "/admin/metrics", &r, "key", "Bad Key", "name_zh", "", "name_en", "x",
	    "unit", "custom", "agg", "median", "better", "1", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"name_zh-err\"");
	assert_contains(r.body, "id=\"unit_label-err\"");
	assert_contains(r.body, "id=\"agg-err\"");
	assert_contains(r.body, "value=\"Bad Key\"");
	http_resp_free(&r);
	ac_free(a);
}

/* Create a metric through the page; its id. */
static long long
admin_create(struct ac *a, const char *key)
{
	struct http_resp r;
	char *loc;
	long long id;

	ac_post(a, 1, "/admin/metrics", &r, "key", key, "name_zh", "会员续费", "name_en",
	    "Renewals", "unit", "count", "agg", "sum", "better", "1", "dim_channel", "1", NULL);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	assert_non_null(strstr(loc, "/admin/metrics/"));
	id = strtoll(strstr(loc, "/admin/metrics/") + 15, NULL, 10);
	free(loc);
	http_resp_free(&r);
	return id;
}

static void
test_admin_edit_point_and_deactivate(void **state)
{
	struct ac *a = ac_login("admin");
	struct http_resp r;
	char key[48], path[96];
	long long id;

	(void)state;
	snprintf(key, sizeof(key), "t%s_admin", run);
	id = admin_create(a, key);
	snprintf(path, sizeof(path), "/admin/metrics/%lld/points", id);
	ac_post(a, 1, path, &r, "at", "2026-11-31", "value", "12", "channel", "phone", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"at-err\"");
	assert_contains(r.body, "value=\"2026-11-31\"");
	assert_contains(r.body, "<option value=\"phone\" selected>");
	http_resp_free(&r);
	ac_post(a, 1, path, &r, "at", "2026-11-30", "value", "12", "channel", "phone", NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_int_equal(npoints(key), 1);
	snprintf(path, sizeof(path), "/admin/metrics/%lld", id);
	ac_post(a, 1, path, &r, "name_zh", "会员续费数", "name_en", "Renewals", "unit", "count",
	    "agg", "last", "better", "1", "active", "1", NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_int_equal(sql_int("SELECT agg = 'last' AND name_zh = '会员续费数' FROM ext_metrics"
	    " WHERE mkey = '%s'", key), 1);
	snprintf(path, sizeof(path), "/admin/metrics/%lld/deactivate", id);
	ac_post(a, 1, path, &r, NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_int_equal(sql_int("SELECT active FROM ext_metrics WHERE mkey = '%s'", key), 0);
	snprintf(path, sizeof(path), "/admin/metrics/%lld/points", id);
	ac_post(a, 1, path, &r, "at", "2026-11-29", "value", "1", NULL);
	assert_int_equal(r.status, 409);
	http_resp_free(&r);
	assert_int_equal(npoints(key), 1);
	ac_free(a);
}

/* Upload a CSV to metric id; the Location of the 303 (malloc'ed), or NULL
 * with *status set. */
static char *
upload_csv(struct ac *a, long long id, const char *csv, long *status)
{
	struct hc_part parts[2] = {
		{ "csrf", a->csrf, 0, NULL, NULL },
		{ "file", csv, strlen(csv), "points.csv", "text/csv" },
	};
	struct http_resp r;
	char path[96], *loc;

	snprintf(path, sizeof(path), "/admin/metrics/%lld/imports", id);
	assert_int_equal(hc_post_multipart(a->h, path, parts, 2, &r), 0);
	*status = r.status;
	loc = r.status == 303 ? http_header(&r, "Location") : NULL;
	http_resp_free(&r);
	return loc;
}

static void
test_admin_csv_preview_then_confirm(void **state)
{
	struct ac *a = ac_login("admin");
	struct http_resp r;
	char key[48], path[160], *loc;
	long long id;
	long status;

	(void)state;
	snprintf(key, sizeof(key), "t%s_csv", run);
	id = admin_create(a, key);
	/* Not CSV of points: refused at the upload. */
	assert_null(upload_csv(a, id, "date,amount\n2026-11-01,3\n", &status));
	assert_int_equal(status, 422);
	/* Rows with problems: the preview lists them, confirming is refused. */
	loc = upload_csv(a, id, "at,value,channel\n2026-11-01,3,web\n2026-11-02,x,web\n"
	    "2026-11-03,4,fax\n", &status);
	assert_non_null(loc);
	assert_int_equal(hc_get(a->h, strstr(loc, "/admin/"), &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "id=\"import-errors\">2<");
	assert_contains(r.body, "<td>3</td><td><code>value</code></td>");
	assert_contains(r.body, "<td>4</td><td><code>channel</code></td>");
	assert_not_contains(r.body, "/confirm");
	http_resp_free(&r);
	snprintf(path, sizeof(path), "%s/confirm", strstr(loc, "/admin/"));
	ac_post(a, 1, path, &r, NULL);
	assert_int_equal(r.status, 422);
	http_resp_free(&r);
	free(loc);
	assert_int_equal(npoints(key), 0);
	/* A good file: nothing stored before the confirmation. */
	loc = upload_csv(a, id, "at,value,channel\n2026-11-01,3,web\n2026-11-02,5,phone\n",
	    &status);
	assert_non_null(loc);
	assert_int_equal(npoints(key), 0);
	snprintf(path, sizeof(path), "%s/confirm", strstr(loc, "/admin/"));
	ac_post(a, 1, path, &r, NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_int_equal(npoints(key), 2);
	free(loc);
	/* The same file again changes nothing; a corrected row replaces. */
	loc = upload_csv(a, id, "at,value,channel\n2026-11-01,3,web\n2026-11-02,6,phone\n",
	    &status);
	snprintf(path, sizeof(path), "%s/confirm", strstr(loc, "/admin/"));
	ac_post(a, 1, path, &r, NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	free(loc);
	assert_int_equal(npoints(key), 2);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM ext_metric_point_history h JOIN"
	    " ext_metric_points p ON p.id = h.point_id JOIN ext_metrics m ON m.id = p.metric_id"
	    " WHERE m.mkey = '%s' AND h.source = 'csv' AND h.new_value = 6", key), 1);
	ac_free(a);
}

static void
test_admin_key_with_read_scope_only(void **state)
{
	struct ac *a = ac_login("admin");
	struct http_resp r;
	char name[64], *key, *p;

	(void)state;
	snprintf(name, sizeof(name), "BI %s", run);
	ac_post(a, 1, "/admin/api-keys", &r, "name", name, NULL);
	assert_int_equal(r.status, 422);                   /* no scope chosen */
	assert_contains(r.body, "field-error");
	http_resp_free(&r);
	ac_post(a, 1, "/admin/api-keys", &r, "name", name, "scope_metrics_read", "1", NULL);
	assert_int_equal(r.status, 201);
	p = strstr(r.body, "sl_");
	assert_non_null(p);
	key = strndup(p, KEY_LEN);
	http_resp_free(&r);
	get_api(key, "/api/v1/metrics", &r);
	assert_int_equal(r.status, 200);
	http_resp_free(&r);
	post_points(key, m_sum, "[{\"at\":\"2026-10-01\",\"value\":1}]", &r);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	free(key);
	ac_free(a);
}

/* The dashboard's tile of an external metric: October holds 5 (team
 * 华东) and 7.5 (no team, corrected from 7): 12.5; by that team 5; a metric
 * without the team dimension says it is not broken down by it. */
static void
test_dashboard_tile_of_external_metric(void **state)
{
	struct ac *a = ac_login("supervisor");
	struct http_resp r;
	char path[128], tile[96];
	const char *t;
	long long team;

	(void)state;
	assert_int_equal(hc_get(a->h, "/dash/?month=2026-10", &r), 0);
	assert_int_equal(r.status, 200);
	snprintf(tile, sizeof(tile), "id=\"tile-%s\"", m_sum);
	assert_non_null(t = strstr(r.body, tile));
	assert_non_null(strstr(t, "<p class=\"value\">12.5</p>"));
	http_resp_free(&r);
	team = sql_int("SELECT id FROM teams WHERE name = '%s'", "华东服务中心");
	snprintf(path, sizeof(path), "/dash/?month=2026-10&team=%lld", team);
	assert_int_equal(hc_get(a->h, path, &r), 0);
	assert_non_null(t = strstr(r.body, tile));
	assert_non_null(strstr(t, "<p class=\"value\">5</p>"));
	snprintf(tile, sizeof(tile), "id=\"tile-%s\"", m_avg);
	assert_non_null(t = strstr(r.body, tile));
	assert_non_null(strstr(t, "此指标不按当前筛选的维度统计"));
	http_resp_free(&r);
	ac_free(a);
}

#define T(f) cmocka_unit_test_setup_teardown(f, test_setup, NULL)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_points_without_key_is_401),
		T(test_points_with_key_lacking_scope_is_403),
		T(test_read_api_scopes),
		T(test_ticket_creation_needs_its_scope),
		T(test_points_idempotent_and_corrections_recorded),
		T(test_bad_point_is_422_naming_it_and_nothing_stored),
		T(test_bad_json_is_400_and_nothing_stored),
		T(test_unknown_builtin_and_inactive_metrics),
		T(test_10001_points_are_413_and_nothing_stored),
		T(test_10000_points_pass),
		T(test_list_has_builtin_and_external_metrics),
		T(test_series_of_external_metric),
		T(test_series_of_stage_metric_and_bad_parameters),
		T(test_compute_key_matches_hand_sums),
		T(test_dashboard_tile_of_external_metric),
		T(test_admin_pages_only_for_admins),
		T(test_admin_overview_counts_metrics),
		T(test_admin_create_needs_csrf),
		T(test_admin_create_clash_is_422_with_values_kept),
		T(test_admin_edit_point_and_deactivate),
		T(test_admin_csv_preview_then_confirm),
		T(test_admin_key_with_read_scope_only),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
