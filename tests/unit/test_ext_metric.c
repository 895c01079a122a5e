/* Unit tests of cgi/service/ext_metric.c: keys, moments (dates and RFC
 * 3339), values, points with dimensions, aggregation (sum, average, last
 * per series) and its series, formatting, CSV records and headers. Every
 * expected number is worked out by hand in the comment next to it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "ext_metric.h"

static struct arena A;

static int
setup(void **state)
{
	(void)state;
	arena_init(&A);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

/* 2026-11-26 00:00 China time = 2026-11-25 16:00 UTC = 1795622400. */
#define NOV26_CN 1795622400LL

/* ---------------------------------------------------------------- keys */

static void
test_key_shapes(void **state)
{
	(void)state;
	assert_null(ext_key_check("membership_renewals"));
	assert_null(ext_key_check("a1"));
	assert_null(ext_key_check("abcdefghijabcdefghijabcdefghijabcdefghij"));    /* 40 */
	assert_string_equal(ext_key_check(""), "ERR_REQUIRED");
	assert_string_equal(ext_key_check("a"), "EXT_ERR_KEY_FORMAT");
	assert_string_equal(ext_key_check("abcdefghijabcdefghijabcdefghijabcdefghijk"),
	    "EXT_ERR_KEY_FORMAT");                                                  /* 41 */
	assert_string_equal(ext_key_check("Renewals"), "EXT_ERR_KEY_FORMAT");
	assert_string_equal(ext_key_check("renewals-2"), "EXT_ERR_KEY_FORMAT");
	assert_string_equal(ext_key_check("续费"), "EXT_ERR_KEY_FORMAT");
}

static void
test_key_of_builtin_metric_clashes(void **state)
{
	(void)state;
	assert_string_equal(ext_key_check("volume"), "EXT_ERR_KEY_BUILTIN");
	assert_string_equal(ext_key_check("time_to_dispatch"), "EXT_ERR_KEY_BUILTIN");
}

/* ---------------------------------------------------------------- moments */

static void
test_plain_date_is_china_midnight(void **state)
{
	long long t;

	(void)state;
	assert_null(ext_time_check("2026-11-26", &t));
	assert_int_equal(t, NOV26_CN);
	assert_null(ext_time_check("2024-02-29", &t));          /* a leap day */
	assert_string_equal(ext_time_check("2026-02-29", &t), "EXT_ERR_TIME");
	assert_string_equal(ext_time_check("2026-11-31", &t), "EXT_ERR_TIME");
	assert_string_equal(ext_time_check("2026-13-01", &t), "EXT_ERR_TIME");
	assert_string_equal(ext_time_check("26-11-26", &t), "EXT_ERR_TIME");
	assert_string_equal(ext_time_check("2026/11/26", &t), "EXT_ERR_TIME");
	assert_string_equal(ext_time_check("", &t), "ERR_REQUIRED");
}

static void
test_rfc3339_offsets(void **state)
{
	long long t;

	(void)state;
	/* 08:30 China time is 00:30 UTC: midnight + 8.5 h. */
	assert_int_equal(ext_rfc3339_parse("2026-11-26T08:30:00+08:00", &t), 0);
	assert_int_equal(t, NOV26_CN + 8 * 3600 + 1800);
	assert_int_equal(ext_rfc3339_parse("2026-11-26T00:30:00Z", &t), 0);
	assert_int_equal(t, NOV26_CN + 8 * 3600 + 1800);
	assert_int_equal(ext_rfc3339_parse("2026-11-25T19:30:00-05:00", &t), 0);
	assert_int_equal(t, NOV26_CN + 8 * 3600 + 1800);
	/* Lower-case separators and fractions (dropped). */
	assert_int_equal(ext_rfc3339_parse("2026-11-26t00:30:00.999z", &t), 0);
	assert_int_equal(t, NOV26_CN + 8 * 3600 + 1800);
	/* 1970-01-01T00:00:00Z is the epoch. */
	assert_int_equal(ext_rfc3339_parse("1970-01-01T00:00:00Z", &t), 0);
	assert_int_equal(t, 0);
}

static void
test_rfc3339_refusals(void **state)
{
	long long t;

	(void)state;
	assert_int_equal(ext_rfc3339_parse("2026-11-26T08:30:00", &t), -1);     /* no zone */
	assert_int_equal(ext_rfc3339_parse("2026-11-26T24:00:00Z", &t), -1);
	assert_int_equal(ext_rfc3339_parse("2026-11-26T08:60:00Z", &t), -1);
	assert_int_equal(ext_rfc3339_parse("2026-11-26T08:30:00+0800", &t), -1);
	assert_int_equal(ext_rfc3339_parse("2026-11-26T08:30:00.Z", &t), -1);
	assert_int_equal(ext_rfc3339_parse("2026-11-26T08:30:00Z ", &t), -1);
	assert_int_equal(ext_rfc3339_parse("2026-11-26T8:30:00Z", &t), -1);
	assert_string_equal(ext_time_check("2026-11-26T08:30", &t), "EXT_ERR_TIME");
}

/* ---------------------------------------------------------------- values */

static void
test_values(void **state)
{
	double v;

	(void)state;
	assert_null(ext_value_check("12", &v));
	assert_true(v == 12.0);
	assert_null(ext_value_check("-3.5", &v));
	assert_true(v == -3.5);
	assert_null(ext_value_check("1e3", &v));
	assert_true(v == 1000.0);
	assert_string_equal(ext_value_check("0x10", &v), "EXT_ERR_VALUE");
	assert_string_equal(ext_value_check("inf", &v), "EXT_ERR_VALUE");
	assert_string_equal(ext_value_check("nan", &v), "EXT_ERR_VALUE");
	assert_string_equal(ext_value_check("1e400", &v), "EXT_ERR_VALUE");
	assert_string_equal(ext_value_check("1e15", &v), "EXT_ERR_VALUE");
	assert_string_equal(ext_value_check("12 ", &v), "EXT_ERR_VALUE");
	assert_string_equal(ext_value_check("1.2.3", &v), "EXT_ERR_VALUE");
	assert_string_equal(ext_value_check("", &v), "ERR_REQUIRED");
}

/* ---------------------------------------------------------------- points */

/* A db_res of rows "id", "text" (row by row, as db.c fills it). */
static struct db_res *
res2(const char *const *cells, size_t nrows)
{
	struct db_res *r = arena_zalloc(&A, sizeof(*r));

	r->nrows = nrows;
	r->ncols = 2;
	r->v = (char **)arena_alloc(&A, sizeof(char *) * nrows * 2);
	r->len = arena_zalloc(&A, sizeof(unsigned long) * nrows * 2);
	memcpy(r->v, cells, sizeof(char *) * nrows * 2);
	return r;
}

static void
dims_of(struct ext_dims *d)
{
	static const char *const cats[] = { "3", "ac", "7", "fridge" };
	static const char *const teams[] = { "2", "华东服务中心", "9", "华南服务中心" };

	d->cats = res2(cats, 2);
	d->teams = res2(teams, 2);
}

static void
test_point_with_dimensions(void **state)
{
	struct ext_metric m = { .unit = EXT_U_COUNT, .dim_category = 1, .dim_team = 1,
		.dim_channel = 1 };
	const char *text[EXT_F__MAX] = { "2026-11-26", "4", "fridge", "华东服务中心", "phone" };
	struct ext_dims d;
	struct ext_point p;
	enum ext_field f;

	(void)state;
	dims_of(&d);
	assert_null(ext_point_check(&m, &d, text, &p, &f));
	assert_int_equal(p.at, NOV26_CN);
	assert_true(p.value == 4.0);
	assert_int_equal(p.category_id, 7);
	assert_int_equal(p.team_id, 2);
	assert_string_equal(p.channel, "phone");
	text[EXT_F_CATEGORY] = "3";     /* by id */
	text[EXT_F_TEAM] = "9";
	assert_null(ext_point_check(&m, &d, text, &p, &f));
	assert_int_equal(p.category_id, 3);
	assert_int_equal(p.team_id, 9);
}

static void
test_point_problems_name_their_field(void **state)
{
	struct ext_metric m = { .unit = EXT_U_PERCENT, .dim_team = 1 };
	const char *text[EXT_F__MAX] = { "2026-11-26", "101", NULL, NULL, NULL };
	struct ext_dims d;
	struct ext_point p;
	enum ext_field f;

	(void)state;
	dims_of(&d);
	assert_string_equal(ext_point_check(&m, &d, text, &p, &f), "EXT_ERR_PERCENT");
	assert_int_equal(f, EXT_F_VALUE);
	text[EXT_F_VALUE] = "99.5";
	text[EXT_F_CATEGORY] = "ac";    /* not a dimension of this metric */
	assert_string_equal(ext_point_check(&m, &d, text, &p, &f), "EXT_ERR_DIM_NOT_DEFINED");
	assert_int_equal(f, EXT_F_CATEGORY);
	text[EXT_F_CATEGORY] = NULL;
	text[EXT_F_TEAM] = "火星服务中心";
	assert_string_equal(ext_point_check(&m, &d, text, &p, &f), "EXT_ERR_TEAM");
	assert_int_equal(f, EXT_F_TEAM);
	text[EXT_F_TEAM] = "";          /* empty: not carried */
	assert_null(ext_point_check(&m, &d, text, &p, &f));
	assert_int_equal(p.team_id, 0);
	text[EXT_F_AT] = NULL;
	assert_string_equal(ext_point_check(&m, &d, text, &p, &f), "ERR_REQUIRED");
	assert_int_equal(f, EXT_F_AT);
}

static void
test_point_bad_channel(void **state)
{
	struct ext_metric m = { .unit = EXT_U_COUNT, .dim_channel = 1 };
	const char *text[EXT_F__MAX] = { "2026-11-26", "1", NULL, NULL, "fax" };
	struct ext_dims d;
	struct ext_point p;
	enum ext_field f;

	(void)state;
	dims_of(&d);
	assert_string_equal(ext_point_check(&m, &d, text, &p, &f), "EXT_ERR_CHANNEL");
	assert_int_equal(f, EXT_F_CHANNEL);
}

/* ---------------------------------------------------------------- aggregation */

static struct ext_point
pt(long long at, double v, long long team, const char *channel)
{
	struct ext_point p = { at, v, 0, team, channel };

	return p;
}

static void
test_sum_and_average(void **state)
{
	struct ext_metric m = { .unit = EXT_U_COUNT, .agg = EXT_AGG_SUM };
	struct ext_point p[3] = { pt(0, 10, 0, ""), pt(100, 2.5, 0, ""), pt(200, -0.5, 0, "") };
	struct metric_value v;

	(void)state;
	ext_aggregate(&m, p, 3, &v);
	assert_true(v.has);
	assert_true(v.value == 12.0);       /* 10 + 2.5 - 0.5 */
	assert_int_equal(v.n, 3);
	m.agg = EXT_AGG_AVG;
	ext_aggregate(&m, p, 3, &v);
	assert_true(v.value == 4.0);        /* 12 / 3 */
	assert_int_equal(v.n, 3);
	ext_aggregate(&m, p, 0, &v);
	assert_false(v.has);
	assert_int_equal(v.n, 0);
}

static void
test_last_value_per_series(void **state)
{
	/* Sorted by series, then moment: team 1 (5 then 7), team 2 (3). */
	struct ext_point p[3] = { pt(100, 5, 1, ""), pt(300, 7, 1, ""), pt(200, 3, 2, "") };
	struct ext_metric m = { .unit = EXT_U_COUNT, .agg = EXT_AGG_LAST };
	struct metric_value v;

	(void)state;
	ext_aggregate(&m, p, 3, &v);
	assert_true(v.value == 10.0);       /* counts add up: 7 + 3 */
	assert_int_equal(v.n, 2);           /* two series */
	m.unit = EXT_U_PERCENT;
	ext_aggregate(&m, p, 3, &v);
	assert_true(v.value == 5.0);        /* percentages average: (7 + 3) / 2 */
	ext_aggregate(&m, p, 2, &v);        /* team 1 only */
	assert_true(v.value == 7.0);
	assert_int_equal(v.n, 1);
}

static void
test_series_by_day_and_week(void **state)
{
	/* 2026-11-23 is a Monday; points on Mon 23 (2), Tue 24 (3), Mon 30 (4). */
	long long mon = NOV26_CN - 3 * 86400;
	struct ext_point p[3] = { pt(mon + 3600, 2, 0, ""), pt(mon + 86400, 3, 0, ""),
		pt(mon + 7 * 86400, 4, 0, "") };
	struct ext_metric m = { .unit = EXT_U_COUNT, .agg = EXT_AGG_SUM };
	struct metric_point *b;
	size_t n;

	(void)state;
	/* Days Tue 24 .. Mon 30: 7 buckets; the Monday-23 point lies outside. */
	n = ext_series(&A, &m, p, 3, mon + 86400, mon + 8 * 86400, METRIC_DAY, &b);
	assert_int_equal(n, 7);
	assert_true(b[0].v.has && b[0].v.value == 3.0);
	assert_false(b[1].v.has);
	assert_true(b[6].v.value == 4.0);
	/* Weeks over Mon 23 .. Sun Dec 6: two buckets, 2 + 3 and 4. */
	n = ext_series(&A, &m, p, 3, mon, mon + 14 * 86400, METRIC_WEEK, &b);
	assert_int_equal(n, 2);
	assert_true(b[0].v.value == 5.0);
	assert_int_equal(b[0].v.n, 2);
	assert_true(b[1].v.value == 4.0);
	/* A period starting on Wednesday cuts the first week there. */
	n = ext_series(&A, &m, p, 3, mon + 2 * 86400, mon + 14 * 86400, METRIC_WEEK, &b);
	assert_int_equal(n, 2);
	assert_int_equal(b[0].from, mon + 2 * 86400);
	assert_false(b[0].v.has);
}

static void
test_format_by_unit(void **state)
{
	struct ext_metric m = { .unit = EXT_U_CNY };
	struct metric_value v = { 1234567.5, METRIC_NONE, 3, 1 };

	(void)state;
	assert_string_equal(ext_format(&A, &m, &v, "zh-CN"), "1,234,567.5元");
	assert_string_equal(ext_format(&A, &m, &v, "en"), "CNY 1,234,567.5");
	m.unit = EXT_U_PERCENT;
	v.value = 92.456;
	assert_string_equal(ext_format(&A, &m, &v, "en"), "92.46%");
	m.unit = EXT_U_CUSTOM;
	m.unit_label = "人次";
	v.value = 12;
	assert_string_equal(ext_format(&A, &m, &v, "zh-CN"), "12 人次");
	m.unit = EXT_U_COUNT;
	assert_string_equal(ext_format(&A, &m, &v, "en"), "12");
	v.has = 0;
	assert_string_equal(ext_format(&A, &m, &v, "en"), "—");
}

/* ---------------------------------------------------------------- CSV */

static void
test_csv_records_and_quotes(void **state)
{
	const char *t = "\xEF\xBB\xBF" "at,value,team\r\n2026-11-26,\"1,5\",\"华东\"\"中心\"\n\n"
	    "2026-11-27,2,\"two\nlines\"\n2026-11-28,3";
	struct ext_csv_row *rows;
	size_t n, bad;

	(void)state;
	assert_int_equal(ext_csv_parse(&A, t, strlen(t), &rows, &n, &bad), 0);
	assert_int_equal(n, 4);
	assert_string_equal(rows[0].f[0], "at");     /* the BOM is skipped */
	assert_int_equal(rows[1].n, 3);
	assert_string_equal(rows[1].f[1], "1,5");
	assert_string_equal(rows[1].f[2], "华东\"中心");
	assert_int_equal(rows[2].line, 4);           /* after the empty line 3 */
	assert_string_equal(rows[2].f[2], "two\nlines");
	assert_int_equal(rows[3].line, 6);
	assert_string_equal(rows[3].f[1], "3");
}

static void
test_csv_unclosed_quote(void **state)
{
	const char *t = "at,value\n2026-11-26,\"12\n";
	struct ext_csv_row *rows;
	size_t n, bad = 0;

	(void)state;
	assert_int_equal(ext_csv_parse(&A, t, strlen(t), &rows, &n, &bad), -1);
	assert_int_equal(bad, 2);
}

static void
test_csv_header(void **state)
{
	static const char *h1[] = { " Value ", "AT", "channel" };
	static const char *h2[] = { "at", "amount" };
	static const char *h3[] = { "at", "at", "value" };
	static const char *h4[] = { "value", "team" };
	struct ext_csv_row r = { 1, 3, h1 };
	const char *text[EXT_F__MAX], *bad;
	struct ext_csv_row row;
	static const char *cells[] = { "7", "2026-11-26", "web" };
	int col[EXT_F__MAX];

	(void)state;
	assert_null(ext_csv_header(&r, col, &bad));
	assert_int_equal(col[EXT_F_AT], 1);
	assert_int_equal(col[EXT_F_VALUE], 0);
	assert_int_equal(col[EXT_F_TEAM], -1);
	row.line = 2;
	row.n = 3;
	row.f = cells;
	ext_csv_fields(&row, col, text);
	assert_string_equal(text[EXT_F_AT], "2026-11-26");
	assert_string_equal(text[EXT_F_VALUE], "7");
	assert_null(text[EXT_F_TEAM]);
	r.n = 2;
	r.f = h2;
	assert_string_equal(ext_csv_header(&r, col, &bad), "EXT_ERR_CSV_COLUMN");
	assert_string_equal(bad, "amount");
	r.n = 3;
	r.f = h3;
	assert_string_equal(ext_csv_header(&r, col, &bad), "EXT_ERR_CSV_COLUMN_TWICE");
	r.n = 2;
	r.f = h4;
	assert_string_equal(ext_csv_header(&r, col, &bad), "EXT_ERR_CSV_NO_COLUMN");
	assert_string_equal(bad, "at");
}

#define T(f) cmocka_unit_test(f)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_key_shapes),
		T(test_key_of_builtin_metric_clashes),
		T(test_plain_date_is_china_midnight),
		T(test_rfc3339_offsets),
		T(test_rfc3339_refusals),
		T(test_values),
		T(test_point_with_dimensions),
		T(test_point_problems_name_their_field),
		T(test_point_bad_channel),
		T(test_sum_and_average),
		T(test_last_value_per_series),
		T(test_series_by_day_and_week),
		T(test_format_by_unit),
		T(test_csv_records_and_quotes),
		T(test_csv_unclosed_quote),
		T(test_csv_header),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
