/* The pure part of the metric registry (metrics.h, svg.h): China-time
 * calendar, histogram medians, the formulas over sums, frames, trends,
 * formatting and CSV fields. Expected values are worked out by hand in
 * the comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <time.h>

#include "arena.h"
#include "metrics.h"
#include "svg.h"

static struct arena a;

#define MIN  60LL
#define HOUR 3600LL

/* UTC epoch of a UTC wall-clock time. */
static long long
utc(int y, int mo, int d, int h, int mi)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	return (long long)timegm(&tm);
}

static void
assert_near(double got, double want)
{
	double d = got - want;

	if (d < -1e-6 || d > 1e-6)
		fail_msg("got %.6f, want %.6f", got, want);
}

/* What md_select adds for one ticket: its first response after secs
 * (within target or not), its resolution, its rating. */
static void
add_first_response(struct metric_sums *s, long long secs, int ok)
{
	s->fr_n++;
	s->fr_s += secs;
	s->fr_ok += ok;
	s->fr_h[metric_hist_bucket(secs)]++;
}

static void
add_resolution(struct metric_sums *s, long long secs, int ok, int reopened)
{
	s->res_n++;
	s->res_s += secs;
	s->res_ok += ok;
	s->reopened_n += reopened;
	s->res_h[metric_hist_bucket(secs)]++;
}

static int
setup(void **state)
{
	(void)state;
	arena_init(&a);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&a);
	return 0;
}

/* ------------------------------------------------------------ calendar */

static void
test_day_turns_at_china_midnight(void **state)
{
	long d = metric_day_from_ymd(2026, 11, 26);

	(void)state;
	/* 15:59:59 UTC is 23:59:59 in China; 16:00 UTC is the next day. */
	assert_int_equal(metric_day_of(utc(2026, 11, 26, 15, 59) + 59), d);
	assert_int_equal(metric_day_of(utc(2026, 11, 26, 16, 0)), d + 1);
	assert_int_equal(metric_day_of(utc(2026, 11, 25, 16, 0)), d);
	assert_true(metric_day_start(d) == utc(2026, 11, 25, 16, 0));
}

static void
test_civil_days_round_trip(void **state)
{
	static const int dates[][3] = {
		{ 1970, 1, 1 }, { 1969, 12, 31 }, { 2000, 2, 29 }, { 2000, 3, 1 },
		{ 2024, 2, 29 }, { 2026, 12, 31 }, { 2100, 3, 1 },
	};
	size_t i;
	int y, m, d;

	(void)state;
	assert_int_equal(metric_day_from_ymd(1970, 1, 1), 0);
	assert_int_equal(metric_day_from_ymd(1969, 12, 31), -1);
	assert_int_equal(metric_day_from_ymd(2000, 3, 1) - metric_day_from_ymd(2000, 2, 28), 2);
	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		long day = metric_day_from_ymd(dates[i][0], dates[i][1], dates[i][2]);
		metric_day_ymd(day, &y, &m, &d);
		assert_int_equal(y, dates[i][0]);
		assert_int_equal(m, dates[i][1]);
		assert_int_equal(d, dates[i][2]);
	}
}

static void
test_week_runs_monday_to_sunday(void **state)
{
	long mon = metric_day_from_ymd(2026, 11, 23);   /* a Monday */

	(void)state;
	assert_int_equal(metric_bucket_start(metric_day_from_ymd(2026, 11, 26), METRIC_WEEK), mon);
	assert_int_equal(metric_bucket_start(metric_day_from_ymd(2026, 11, 29), METRIC_WEEK), mon);
	assert_int_equal(metric_bucket_start(mon, METRIC_WEEK), mon);
	assert_int_equal(metric_bucket_start(mon + 7, METRIC_WEEK), mon + 7);
	assert_int_equal(metric_bucket_next(mon + 3, METRIC_WEEK), mon + 7);
	/* 1970-01-01 was a Thursday: its week began on Monday 1969-12-29. */
	assert_int_equal(metric_bucket_start(0, METRIC_WEEK), metric_day_from_ymd(1969, 12, 29));
}

static void
test_month_buckets_follow_the_calendar(void **state)
{
	(void)state;
	assert_int_equal(metric_bucket_start(metric_day_from_ymd(2026, 11, 26), METRIC_MONTH),
	    metric_day_from_ymd(2026, 11, 1));
	assert_int_equal(metric_bucket_next(metric_day_from_ymd(2026, 11, 26), METRIC_MONTH),
	    metric_day_from_ymd(2026, 12, 1));
	assert_int_equal(metric_bucket_next(metric_day_from_ymd(2026, 12, 31), METRIC_MONTH),
	    metric_day_from_ymd(2027, 1, 1));
	assert_int_equal(metric_bucket_next(metric_day_from_ymd(2024, 2, 1), METRIC_MONTH) -
	    metric_day_from_ymd(2024, 2, 1), 29);
	assert_int_equal(metric_bucket_next(100, METRIC_DAY), 101);
}

static void
test_day_text_and_parse(void **state)
{
	long d;

	(void)state;
	assert_string_equal(metric_day_text(&a, metric_day_from_ymd(2026, 3, 5)), "2026-03-05");
	assert_int_equal(metric_day_parse("2026-03-05", &d), 0);
	assert_int_equal(d, metric_day_from_ymd(2026, 3, 5));
	assert_int_equal(metric_day_parse("2026-3-5", &d), -1);
	assert_int_equal(metric_day_parse("2026-13-01", &d), -1);
	assert_int_equal(metric_day_parse("2026-03-05x", &d), -1);
	assert_int_equal(metric_day_parse(NULL, &d), -1);
}

/* ---------------------------------------------------------- histograms */

static void
test_hist_buckets_at_their_bounds(void **state)
{
	(void)state;
	assert_int_equal(metric_hist_bucket(-5), 0);
	assert_int_equal(metric_hist_bucket(0), 0);
	assert_int_equal(metric_hist_bucket(299), 0);
	assert_int_equal(metric_hist_bucket(300), 1);        /* [5 min, 10 min) */
	assert_int_equal(metric_hist_bucket(1800), 4);       /* [30 min, 1 h) */
	assert_int_equal(metric_hist_bucket(2592000 - 1), METRIC_NBUCKETS - 2);
	assert_int_equal(metric_hist_bucket(2592000), METRIC_NBUCKETS - 1);
	assert_int_equal(metric_hist_bucket(100000000), METRIC_NBUCKETS - 1);
}

static void
test_median_of_empty_histogram_is_none(void **state)
{
	long long h[METRIC_NBUCKETS] = { 0 };

	(void)state;
	assert_near(metric_hist_median(h), -1);
}

static void
test_median_of_one_sample_is_its_bucket_middle(void **state)
{
	long long h[METRIC_NBUCKETS] = { 0 };

	(void)state;
	h[metric_hist_bucket(700)] = 1;    /* [600, 900): the middle is 750 */
	assert_near(metric_hist_median(h), 750);
}

static void
test_median_in_open_last_bucket_is_its_bound(void **state)
{
	long long h[METRIC_NBUCKETS] = { 0 };

	(void)state;
	h[METRIC_NBUCKETS - 1] = 3;
	assert_near(metric_hist_median(h), 2592000);   /* "30 days or more" */
}

/* Five tickets created at the same time, first answered after 10, 20,
 * 30, 40 and 50 minutes, each with a 30-minute target.
 *   buckets: 600 s in [600, 900); 1200 s in [900, 1800); 1800, 2400 and
 *   3000 s in [1800, 3600).
 *   median: the middle is the 2.5th of 5; two lie below 1800 s, so it is
 *   0.5 of the 3 in [1800, 3600): 1800 + 0.5 / 3 * 1800 = 2100 s = 35 min
 *   (the exact median is 30 min: within the bucket, as promised).
 *   average: (10 + 20 + 30 + 40 + 50) / 5 = 30 min, exact.
 *   compliance: 10, 20 and 30 min are within 30 min: 3 / 5 = 60 %. */
static void
test_five_tickets_first_response(void **state)
{
	struct metric_sums f, none;
	struct metric_value v;
	int i;

	(void)state;
	memset(&f, 0, sizeof(f));
	memset(&none, 0, sizeof(none));
	for (i = 1; i <= 5; i++)
		add_first_response(&f, i * 10 * MIN, i * 10 <= 30);
	metric_eval(METRIC_FIRST_RESPONSE, &f, &none, 0, &v);
	assert_true(v.has);
	assert_int_equal(v.n, 5);
	assert_near(v.value, 35);
	assert_near(v.aux, 30);
	metric_eval(METRIC_FR_COMPLIANCE, &f, &none, 0, &v);
	assert_int_equal(v.n, 5);
	assert_near(v.value, 60);
}

/* Five resolutions after 2, 5, 20, 30 and 100 hours with a 24-hour target;
 * the 30-hour one had been reopened.
 *   buckets: 7200 in [2 h, 3 h); 18000 in [4 h, 6 h); 72000 in [18 h, 24 h);
 *   108000 in [24 h, 36 h); 360000 in [4 d, 5 d).
 *   median: 2 lie below 18 h, the middle (2.5th) is half-way through the
 *   one in [18 h, 24 h): 18 + 0.5 * 6 = 21 h. average: 157 / 5 = 31.4 h.
 *   compliance: 2, 5 and 20 h: 3 / 5 = 60 %. reopen rate: 1 / 5 = 20 %. */
static void
test_five_tickets_resolution(void **state)
{
	static const long long hours[] = { 2, 5, 20, 30, 100 };
	struct metric_sums f, none;
	struct metric_value v;
	int i;

	(void)state;
	memset(&f, 0, sizeof(f));
	memset(&none, 0, sizeof(none));
	for (i = 0; i < 5; i++)
		add_resolution(&f, hours[i] * HOUR, hours[i] <= 24, hours[i] == 30);
	metric_eval(METRIC_TIME_TO_RESOLVE, &f, &none, 0, &v);
	assert_near(v.value, 21);
	assert_near(v.aux, 31.4);
	assert_int_equal(v.n, 5);
	metric_eval(METRIC_SLA_COMPLIANCE, &f, &none, 0, &v);
	assert_near(v.value, 60);
	metric_eval(METRIC_REOPEN_RATE, &f, &none, 0, &v);
	assert_near(v.value, 20);
}

/* What the resolution row source adds for one resolved ticket with nv
 * visits, rated or not, and its waits (seconds; 0: did not wait). */
static void
add_stage_resolution(struct metric_sums *s, int nv, int reopened, int rated, long long wp,
    long long wc)
{
	s->res_n++;
	s->ftf_d += nv >= 1;
	s->ftf_n += nv == 1 && !reopened;
	s->rated_n += rated;
	if (wp > 0) {
		s->wparts_n++;
		s->wparts_s += wp;
		s->wparts_h[metric_hist_bucket(wp)]++;
	}
	if (wc > 0) {
		s->wcust_n++;
		s->wcust_s += wc;
		s->wcust_h[metric_hist_bucket(wc)]++;
	}
}

/* Stage metrics by hand. Acceptance after 35, 40, 45, 50, 55 min: all in
 * the bucket [30, 60) min, median 30 + 2.5 / 5 * 30 = 45 min, average 45.
 * Dispatch after 62 and 70 min (bucket [60, 90)): median 60 + 1 / 2 * 30
 * = 75 min. Arrival 5 h after dispatch, once (bucket [4, 6) h): 5 h.
 * Visits of 40 min and 50 min: median 45 min.
 * Four resolutions: no visit (remote fix, rated); one visit (rated);
 * one visit but reopened; two visits (waited 48 h for parts and 2 h for
 * the customer, not rated). First-time fix 1 / 3 (the remote fix is not
 * in it); survey response 2 / 4; waits: one sample each, the middle of
 * its bucket: [48, 72) h gives 60 h, [2, 3) h gives 2.5 h. */
static void
test_stage_metrics_by_hand(void **state)
{
	static const long long acc_min[] = { 35, 40, 45, 50, 55 };
	struct metric_sums f, none;
	struct metric_value v;
	int i;

	(void)state;
	memset(&f, 0, sizeof(f));
	memset(&none, 0, sizeof(none));
	for (i = 0; i < 5; i++) {
		f.acc_n++;
		f.acc_s += acc_min[i] * MIN;
		f.acc_h[metric_hist_bucket(acc_min[i] * MIN)]++;
	}
	f.disp_n = 2;
	f.disp_s = (62 + 70) * MIN;
	f.disp_h[metric_hist_bucket(62 * MIN)]++;
	f.disp_h[metric_hist_bucket(70 * MIN)]++;
	f.arr_n = 1;
	f.arr_s = 5 * HOUR;
	f.arr_h[metric_hist_bucket(5 * HOUR)]++;
	f.onsite_n = 2;
	f.onsite_s = 90 * MIN;
	f.onsite_h[metric_hist_bucket(40 * MIN)]++;
	f.onsite_h[metric_hist_bucket(50 * MIN)]++;
	add_stage_resolution(&f, 0, 0, 1, 0, 0);
	add_stage_resolution(&f, 1, 0, 1, 0, 0);
	add_stage_resolution(&f, 1, 1, 0, 0, 0);
	add_stage_resolution(&f, 2, 0, 0, 48 * HOUR, 2 * HOUR);

	metric_eval(METRIC_TIME_TO_ACCEPT, &f, &none, 0, &v);
	assert_near(v.value, 45);
	assert_near(v.aux, 45);
	assert_int_equal(v.n, 5);
	metric_eval(METRIC_TIME_TO_DISPATCH, &f, &none, 0, &v);
	assert_near(v.value, 75);
	assert_near(v.aux, 66);
	metric_eval(METRIC_TIME_TO_ARRIVAL, &f, &none, 0, &v);
	assert_near(v.value, 5);
	metric_eval(METRIC_ONSITE_TIME, &f, &none, 0, &v);
	assert_near(v.value, 45);
	assert_int_equal(v.n, 2);
	metric_eval(METRIC_FIRST_TIME_FIX, &f, &none, 0, &v);
	assert_near(v.value, 100.0 / 3.0);
	assert_int_equal(v.n, 3);
	metric_eval(METRIC_SURVEY_RESPONSE, &f, &none, 0, &v);
	assert_near(v.value, 50);
	assert_int_equal(v.n, 4);
	metric_eval(METRIC_WAITING_PARTS, &f, &none, 0, &v);
	assert_near(v.value, 60);
	assert_near(v.aux, 48);
	assert_int_equal(v.n, 1);
	metric_eval(METRIC_WAITING_CUSTOMER, &f, &none, 0, &v);
	assert_near(v.value, 2.5);
	/* Nothing measured: no value rather than 0 (no survey, no visit). */
	metric_eval(METRIC_FIRST_TIME_FIX, &none, &none, 0, &v);
	assert_false(v.has);
	metric_eval(METRIC_SURVEY_RESPONSE, &none, &none, 0, &v);
	assert_false(v.has);
	metric_eval(METRIC_WAITING_PARTS, &none, &none, 0, &v);
	assert_false(v.has);
	assert_int_equal(v.n, 0);
}

/* Every metric has a key, labels and a one-sentence definition in both
 * languages, and keys are unique. */
static void
test_every_metric_is_defined(void **state)
{
	int i, j;

	(void)state;
	for (i = 0; i < METRIC__MAX; i++) {
		const struct metric_def *d = metric_def((enum metric_id)i);
		assert_non_null(d);
		assert_non_null(d->key);
		assert_true(*d->zh && *d->en && *d->def_zh && *d->def_en);
		assert_int_equal(metric_by_key(d->key), i);
		for (j = 0; j < i; j++)
			assert_string_not_equal(metric_def((enum metric_id)j)->key, d->key);
	}
}

/* Ratings 5, 4, 3, 5, 2: average 19 / 5 = 3.8; satisfied (4-5) 3 / 5. */
static void
test_five_ratings_csat(void **state)
{
	static const int ratings[] = { 5, 4, 3, 5, 2 };
	struct metric_sums f, none;
	struct metric_value v;
	int i;

	(void)state;
	memset(&f, 0, sizeof(f));
	memset(&none, 0, sizeof(none));
	for (i = 0; i < 5; i++) {
		f.csat_n++;
		f.csat_sum += ratings[i];
		f.csat_sat += ratings[i] >= 4;
	}
	metric_eval(METRIC_CSAT, &f, &none, 0, &v);
	assert_near(v.value, 3.8);
	assert_int_equal(v.n, 5);
	metric_eval(METRIC_CSAT_SATISFIED, &f, &none, 0, &v);
	assert_near(v.value, 60);
}

/* Four tickets created at T-10 h, T-6 h, T-4 h and T-2 h; the first left
 * the backlog. At T three are open, aged 6, 4 and 2 h: average 4 h. */
static void
test_backlog_and_its_age_at_a_moment(void **state)
{
	static const long long ago[] = { 10, 6, 4, 2 };
	long long t = utc(2026, 11, 26, 8, 0);
	struct metric_sums s, none;
	struct metric_value v;
	int i;

	(void)state;
	memset(&s, 0, sizeof(s));
	memset(&none, 0, sizeof(none));
	for (i = 0; i < 4; i++) {
		s.created_n++;
		s.created_t += t - ago[i] * HOUR;
	}
	s.end_n = 1;
	s.end_t = t - 10 * HOUR;
	metric_eval(METRIC_BACKLOG, &none, &s, t, &v);
	assert_near(v.value, 3);
	assert_near(v.aux, 4);
	metric_eval(METRIC_BACKLOG_AGE, &none, &s, t, &v);
	assert_near(v.value, 4);
	assert_int_equal(v.n, 3);
}

static void
test_nothing_measured_has_no_value_but_counts_do(void **state)
{
	struct metric_sums none;
	struct metric_value v;

	(void)state;
	memset(&none, 0, sizeof(none));
	metric_eval(METRIC_SLA_COMPLIANCE, &none, &none, 0, &v);
	assert_false(v.has);
	metric_eval(METRIC_CSAT, &none, &none, 0, &v);
	assert_false(v.has);
	metric_eval(METRIC_BACKLOG_AGE, &none, &none, 0, &v);
	assert_false(v.has);
	metric_eval(METRIC_VOLUME, &none, &none, 0, &v);
	assert_true(v.has);      /* zero tickets is a measurement */
	assert_near(v.value, 0);
	assert_near(metric_pct(1, 0), -1);
	assert_near(metric_pct(1, 3), 100.0 / 3);
}

static void
test_parts_use_counts_units_and_records(void **state)
{
	struct metric_sums f, none;
	struct metric_value v;

	(void)state;
	memset(&f, 0, sizeof(f));
	memset(&none, 0, sizeof(none));
	f.parts_qty = 5;
	f.parts_lines = 2;
	metric_eval(METRIC_PARTS_USE, &f, &none, 0, &v);
	assert_near(v.value, 5);
	assert_int_equal(v.n, 2);
}

static void
test_sums_add_every_member(void **state)
{
	struct metric_sums x, y;

	(void)state;
	memset(&x, 0, sizeof(x));
	memset(&y, 0, sizeof(y));
	y.created_n = 2;
	y.parts_lines = 3;
	y.res_h[METRIC_NBUCKETS - 1] = 4;
	metric_sums_add(&x, &y);
	metric_sums_add(&x, &y);
	assert_int_equal(x.created_n, 4);
	assert_int_equal(x.parts_lines, 6);
	assert_int_equal(x.res_h[METRIC_NBUCKETS - 1], 8);
}

/* -------------------------------------------------------------- frames */

/* A frame of 14 days from Wednesday 2026-11-04 to today (the last day),
 * day i with i + 1 tickets created and 1 ended. */
static void
make_frame(struct metric_frame *fr)
{
	long i;

	memset(fr, 0, sizeof(*fr));
	fr->day0 = metric_day_from_ymd(2026, 11, 4);
	fr->ndays = 14;
	fr->days = arena_zalloc(&a, sizeof(*fr->days) * 14);
	for (i = 0; i < 14; i++) {
		fr->days[i].created_n = i + 1;
		fr->days[i].created_t = (i + 1) * metric_day_start(fr->day0 + i);
	}
	for (i = 0; i < 14; i++)
		fr->days[i].end_n = 1;
	fr->has_open = 1;
	fr->now = metric_day_start(fr->day0 + 13) + 10 * HOUR;
}

static void
test_frame_sums_only_the_period(void **state)
{
	struct metric_frame fr;
	struct metric_value v;

	(void)state;
	make_frame(&fr);
	/* days 2..4 of the frame: 3 + 4 + 5 */
	metric_frame_eval(&fr, METRIC_VOLUME, metric_day_start(fr.day0 + 2),
	    metric_day_start(fr.day0 + 5), &v);
	assert_near(v.value, 12);
	/* backlog at the end of day 1: the 100 open now, less the tickets
	 * created on days 2..13 (3 + 4 + ... + 14 = 102), plus the 12 that
	 * left on those days: 100 - 102 + 12 = 10. */
	fr.open.created_n = 100;
	metric_frame_eval(&fr, METRIC_BACKLOG, metric_day_start(fr.day0),
	    metric_day_start(fr.day0 + 2), &v);
	assert_near(v.value, 10);
	/* now: the tickets open now */
	metric_frame_eval(&fr, METRIC_BACKLOG, metric_day_start(fr.day0),
	    metric_day_start(fr.day0 + 14), &v);
	assert_near(v.value, 100);
}

/* Weeks of 2026-11-04 (Wed) .. 11-17 (Tue): cut at the period's ends into
 * Wed-Sun (5 days), Mon-Sun (7) and Mon-Tue (2). */
static void
test_frame_series_weeks_cut_at_period_ends(void **state)
{
	struct metric_frame fr;
	struct metric_point *p;
	size_t n;

	(void)state;
	make_frame(&fr);
	n = metric_frame_series(&a, &fr, METRIC_VOLUME, metric_day_start(fr.day0),
	    metric_day_start(fr.day0 + 14), METRIC_WEEK, &p);
	assert_int_equal(n, 3);
	assert_true(p[0].from == metric_day_start(fr.day0));
	assert_true(p[0].to == metric_day_start(fr.day0 + 5));
	assert_near(p[0].v.value, 1 + 2 + 3 + 4 + 5);
	assert_near(p[1].v.value, 6 + 7 + 8 + 9 + 10 + 11 + 12);
	assert_near(p[2].v.value, 13 + 14);
	assert_true(p[2].to == metric_day_start(fr.day0 + 14));
}

/* ----------------------------------------------- trend, format and CSV */

static struct metric_value
val(double v)
{
	struct metric_value x;

	memset(&x, 0, sizeof(x));
	x.value = v;
	x.n = 1;
	x.has = 1;
	return x;
}

static void
test_trend_knows_which_way_is_better(void **state)
{
	struct metric_value c, p;
	int good;

	(void)state;
	c = val(25);
	p = val(30);
	assert_int_equal(metric_trend(METRIC_FIRST_RESPONSE, &c, &p, &good), METRIC_TREND_DOWN);
	assert_int_equal(good, 1);      /* faster answers are better */
	c = val(80);
	p = val(90);
	assert_int_equal(metric_trend(METRIC_SLA_COMPLIANCE, &c, &p, &good), METRIC_TREND_DOWN);
	assert_int_equal(good, -1);
	c = val(120);
	p = val(100);
	assert_int_equal(metric_trend(METRIC_VOLUME, &c, &p, &good), METRIC_TREND_UP);
	assert_int_equal(good, 0);      /* more tickets: neither good nor bad */
	c = val(92.51);
	p = val(92.49);
	assert_int_equal(metric_trend(METRIC_SLA_COMPLIANCE, &c, &p, &good), METRIC_TREND_FLAT);
	p.has = 0;
	assert_int_equal(metric_trend(METRIC_SLA_COMPLIANCE, &c, &p, &good), METRIC_TREND_NONE);
}

/* English counts take the singular for exactly one: "1 ticket", "2 tickets". */
static void
test_format_english_plurals(void **state)
{
	struct metric_value v = val(1);

	(void)state;
	assert_string_equal(metric_format(&a, METRIC_VOLUME, &v, "en"), "1 ticket");
	assert_string_equal(metric_format(&a, METRIC_PARTS_USE, &v, "en"), "1 unit");
	assert_string_equal(metric_format(&a, METRIC_VOLUME, &v, "zh-CN"), "1件");
	v = val(2);
	assert_string_equal(metric_format(&a, METRIC_VOLUME, &v, "en"), "2 tickets");
	assert_string_equal(metric_format(&a, METRIC_PARTS_USE, &v, "en"), "2 units");
	v = val(0);
	assert_string_equal(metric_format(&a, METRIC_BACKLOG, &v, "en"), "0 tickets");
	v = val(10001);
	assert_string_equal(metric_format(&a, METRIC_VOLUME, &v, "en"), "10,001 tickets");
}

static void
test_format_with_units(void **state)
{
	struct metric_value v = val(92.46);

	(void)state;
	assert_string_equal(metric_format(&a, METRIC_SLA_COMPLIANCE, &v, "zh-CN"), "92.5%");
	v = val(35.4);
	assert_string_equal(metric_format(&a, METRIC_FIRST_RESPONSE, &v, "zh-CN"), "35分钟");
	assert_string_equal(metric_format(&a, METRIC_FIRST_RESPONSE, &v, "en"), "35 min");
	v = val(3.8);
	assert_string_equal(metric_format(&a, METRIC_CSAT, &v, "en"), "3.80 / 5");
	v = val(39634);
	assert_string_equal(metric_format(&a, METRIC_VOLUME, &v, "zh-CN"), "39,634件");
	v = val(1234567.25);
	assert_string_equal(metric_format(&a, METRIC_BACKLOG_AGE, &v, "en"), "1,234,567.2 h");
	v = val(1634.6);
	assert_string_equal(metric_format(&a, METRIC_BACKLOG_AGE, &v, "en"), "1634.6 h");
	/* Under an hour: minutes, never "0.0 h". */
	v.value = 0.04;
	assert_string_equal(metric_format(&a, METRIC_BACKLOG_AGE, &v, "zh-CN"), "2分钟");
	v.value = 0.5;
	assert_string_equal(metric_format(&a, METRIC_TIME_TO_RESOLVE, &v, "en"), "30 min");
	v.value = 0.0;
	assert_string_equal(metric_format(&a, METRIC_TIME_TO_RESOLVE, &v, "zh-CN"), "0分钟");
	v.value = 1.0;
	assert_string_equal(metric_format(&a, METRIC_TIME_TO_RESOLVE, &v, "zh-CN"), "1.0小时");
	v.has = 0;
	assert_string_equal(metric_format(&a, METRIC_CSAT, &v, "en"), "—");
	assert_string_equal(metric_number(&a, METRIC_TIME_TO_RESOLVE, 21.04, 1), "21.0");
	assert_string_equal(metric_number(&a, METRIC_TIME_TO_RESOLVE, 21.04, 0), "");
}

static void
test_csv_field_neutralises_formulas(void **state)
{
	(void)state;
	assert_string_equal(metric_csv_field(&a, "=1+1"), "'=1+1");
	assert_string_equal(metric_csv_field(&a, "+86 138"), "'+86 138");
	assert_string_equal(metric_csv_field(&a, "-2+3"), "'-2+3");
	assert_string_equal(metric_csv_field(&a, "-A1"), "'-A1");
	assert_string_equal(metric_csv_field(&a, "-"), "'-");
	assert_string_equal(metric_csv_field(&a, "-2."), "'-2.");
	/* a negative number is a value (an emotion of -1, a trend of -0.5) */
	assert_string_equal(metric_csv_field(&a, "-2"), "-2");
	assert_string_equal(metric_csv_field(&a, "-0.5"), "-0.5");
	assert_string_equal(metric_csv_field(&a, "@SUM(A1)"), "'@SUM(A1)");
	assert_string_equal(metric_csv_field(&a, "\tx"), "'\tx");
	assert_string_equal(metric_csv_field(&a, "=HYPERLINK(\"http://x\",\"y\")"),
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
}

static void
test_csv_field_quotes_only_when_needed(void **state)
{
	(void)state;
	assert_string_equal(metric_csv_field(&a, "空调"), "空调");
	assert_string_equal(metric_csv_field(&a, "92.5"), "92.5");
	assert_string_equal(metric_csv_field(&a, "a,b"), "\"a,b\"");
	assert_string_equal(metric_csv_field(&a, "say \"hi\""), "\"say \"\"hi\"\"\"");
	assert_string_equal(metric_csv_field(&a, "two\nlines"), "\"two\nlines\"");
	assert_string_equal(metric_csv_field(&a, ""), "");
	assert_string_equal(metric_csv_field(&a, NULL), "");
}

/* ---------------------------------------------------------- complaints */

/* Tickets A, B flagged on day 0 (A by two rules at once: once), A again on
 * day 1, nobody on day 2: the statement gives 2, 1, 0 per day. */
static void
complaint_days(struct metric_frame *fr)
{
	memset(fr, 0, sizeof(*fr));
	fr->day0 = metric_day_from_ymd(2026, 11, 23);
	fr->ndays = 3;
	fr->days = arena_zalloc(&a, sizeof(*fr->days) * 3);
	fr->days[0].flagged_n = 2;
	fr->days[1].flagged_n = 1;
	fr->now = metric_day_start(fr->day0 + 2) + 10 * HOUR;
}

static void
test_complaints_count_flagged_tickets(void **state)
{
	const struct metric_def *def = metric_def(METRIC_COMPLAINTS);
	struct metric_sums f, none;
	struct metric_value v;

	(void)state;
	assert_string_equal(def->key, "complaints");
	assert_string_equal(def->zh, "投诉预警");
	assert_string_equal(def->en, "Complaint warnings");
	assert_int_equal(def->better, -1);
	assert_int_equal(def->stock, 0);
	assert_int_equal(def->unit, METRIC_U_TICKETS);
	memset(&f, 0, sizeof(f));
	memset(&none, 0, sizeof(none));
	metric_eval(METRIC_COMPLAINTS, &none, &none, 0, &v);
	assert_true(v.has);      /* no warning is a measurement: 0 */
	assert_near(v.value, 0);
	f.flagged_n = 3;
	f.created_n = 40;        /* other sums do not count */
	metric_eval(METRIC_COMPLAINTS, &f, &none, 0, &v);
	assert_near(v.value, 3);
	assert_int_equal(v.n, 3);
	assert_string_equal(metric_format(&a, METRIC_COMPLAINTS, &v, "zh-CN"), "3件");
	assert_string_equal(metric_number(&a, METRIC_COMPLAINTS, v.value, v.has), "3");
}

/* Days 0-2: 2 + 1 + 0 = 3 (A counts on each day it was flagged); day 1
 * alone: 1; the series by day: 2, 1, 0. */
static void
test_complaints_add_up_the_days_of_the_period(void **state)
{
	struct metric_frame fr;
	struct metric_value v;
	struct metric_point *p;
	struct metric_sums x;
	size_t n;

	(void)state;
	complaint_days(&fr);
	metric_frame_eval(&fr, METRIC_COMPLAINTS, metric_day_start(fr.day0),
	    metric_day_start(fr.day0 + 3), &v);
	assert_near(v.value, 3);
	metric_frame_eval(&fr, METRIC_COMPLAINTS, metric_day_start(fr.day0 + 1),
	    metric_day_start(fr.day0 + 2), &v);
	assert_near(v.value, 1);
	n = metric_frame_series(&a, &fr, METRIC_COMPLAINTS, metric_day_start(fr.day0),
	    metric_day_start(fr.day0 + 3), METRIC_DAY, &p);
	assert_int_equal(n, 3);
	assert_near(p[0].v.value, 2);
	assert_near(p[1].v.value, 1);
	assert_near(p[2].v.value, 0);
	assert_true(p[2].v.has);
	memset(&x, 0, sizeof(x));
	metric_sums_add(&x, &fr.days[0]);
	metric_sums_add(&x, &fr.days[1]);
	assert_int_equal(x.flagged_n, 3);
}

/* More warnings than before is worse: 3 against 1 goes up, badly. */
static void
test_more_complaints_trend_badly(void **state)
{
	struct metric_value c = val(3), p = val(1);
	int good;

	(void)state;
	assert_int_equal(metric_trend(METRIC_COMPLAINTS, &c, &p, &good), METRIC_TREND_UP);
	assert_int_equal(good, -1);
	assert_int_equal(metric_trend(METRIC_COMPLAINTS, &p, &c, &good), METRIC_TREND_DOWN);
	assert_int_equal(good, 1);
}

/* A ratings group (metric_ratings) of ratings 5 and 3: average 8 / 2 =
 * 4.00, satisfied 1 / 2 = 50 %. */
static void
test_ratings_group_gives_csat_and_satisfied(void **state)
{
	struct metric_group g;
	struct metric_filter f;
	struct metric_value v;

	(void)state;
	memset(&g, 0, sizeof(g));
	memset(&f, 0, sizeof(f));
	g.key = "7";
	g.name = "王工";
	g.flow.csat_n = 2;
	g.flow.csat_sum = 5 + 3;
	g.flow.csat_sat = 1;
	metric_group_eval(&g, METRIC_CSAT, &f, 0, &v);
	assert_string_equal(metric_format(&a, METRIC_CSAT, &v, "zh-CN"), "4.00分");
	assert_int_equal(v.n, 2);
	metric_group_eval(&g, METRIC_CSAT_SATISFIED, &f, 0, &v);
	assert_string_equal(metric_number(&a, METRIC_CSAT_SATISFIED, v.value, v.has), "50.0");
}

/* ------------------------------------------------------------ registry */

static void
test_registry_has_one_definition_per_key(void **state)
{
	int i, j;

	(void)state;
	for (i = 0; i < METRIC__MAX; i++) {
		const struct metric_def *d = metric_def((enum metric_id)i);
		assert_non_null(d);
		assert_int_equal(metric_by_key(d->key), i);
		assert_true(d->zh[0] != '\0' && d->en[0] != '\0');
		assert_true(d->def_zh[0] != '\0' && d->def_en[0] != '\0');
		assert_true(d->better >= -1 && d->better <= 1);
		for (j = 0; j < i; j++)
			assert_string_not_equal(d->key, metric_def((enum metric_id)j)->key);
	}
	assert_int_equal(metric_by_key("sla_compliance"), METRIC_SLA_COMPLIANCE);
	assert_int_equal(metric_by_key("nope"), METRIC__MAX);
	assert_int_equal(metric_by_key(NULL), METRIC__MAX);
	assert_null(metric_def(METRIC__MAX));
}

/* ----------------------------------------------------------------- SVG */

static void
test_axis_steps_are_round(void **state)
{
	struct svg_axis ax;

	(void)state;
	svg_axis_nice(37, 1, 0, &ax);         /* 37 / 4 = 9.25 -> steps of 10 */
	assert_near(ax.step, 10);
	assert_int_equal(ax.nticks, 4);
	assert_near(ax.max, 40);
	svg_axis_nice(3, 1, 0, &ax);          /* counts never step below 1 */
	assert_near(ax.step, 1);
	assert_near(ax.max, 3);
	svg_axis_nice(1370, 1, 0, &ax);       /* 342.5 -> 500: 0..1500 */
	assert_near(ax.step, 500);
	assert_near(ax.max, 1500);
	svg_axis_nice(0.9, 0, 0, &ax);        /* 0.225 -> 0.25: 0..1 */
	assert_near(ax.step, 0.25);
	assert_near(ax.max, 1);
	svg_axis_nice(0, 1, 0, &ax);
	assert_true(ax.max > 0);
	svg_axis_nice(12, 0, 1, &ax);
	assert_near(ax.max, 100);
	assert_near(ax.step, 25);
}

static void
test_plot_geometry(void **state)
{
	struct svg_plot p;
	struct svg_bar b;
	double bottom = SVG_H - SVG_BOTTOM;

	(void)state;
	svg_plot_init(&p, 4, 40, 1, 0);
	assert_near(p.slot, (SVG_W - SVG_LEFT - SVG_RIGHT) / 4.0);
	assert_near(svg_plot_x(&p, 0), SVG_LEFT + p.slot / 2);
	assert_near(svg_plot_y(&p, 0), bottom);
	assert_near(svg_plot_y(&p, 40), SVG_TOP);
	assert_near(svg_plot_y(&p, 80), SVG_TOP);     /* clamped */
	assert_near(svg_plot_y(&p, 20), (bottom + SVG_TOP) / 2);
	b = svg_plot_bar(&p, 1, 20);
	assert_near(b.y + b.h, bottom);
	assert_near(b.h, (bottom - SVG_TOP) / 2);
	assert_true(b.x > SVG_LEFT + p.slot && b.x + b.w < SVG_LEFT + 2 * p.slot);
	assert_int_equal(svg_label_every(7), 1);
	assert_int_equal(svg_label_every(30), 4);
	assert_int_equal(svg_label_every(90), 12);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stage_metrics_by_hand),
		cmocka_unit_test(test_every_metric_is_defined),
		cmocka_unit_test(test_day_turns_at_china_midnight),
		cmocka_unit_test(test_civil_days_round_trip),
		cmocka_unit_test(test_week_runs_monday_to_sunday),
		cmocka_unit_test(test_month_buckets_follow_the_calendar),
		cmocka_unit_test(test_day_text_and_parse),
		cmocka_unit_test(test_hist_buckets_at_their_bounds),
		cmocka_unit_test(test_median_of_empty_histogram_is_none),
		cmocka_unit_test(test_median_of_one_sample_is_its_bucket_middle),
		cmocka_unit_test(test_median_in_open_last_bucket_is_its_bound),
		cmocka_unit_test(test_five_tickets_first_response),
		cmocka_unit_test(test_five_tickets_resolution),
		cmocka_unit_test(test_five_ratings_csat),
		cmocka_unit_test(test_backlog_and_its_age_at_a_moment),
		cmocka_unit_test(test_nothing_measured_has_no_value_but_counts_do),
		cmocka_unit_test(test_parts_use_counts_units_and_records),
		cmocka_unit_test(test_sums_add_every_member),
		cmocka_unit_test(test_complaints_count_flagged_tickets),
		cmocka_unit_test(test_complaints_add_up_the_days_of_the_period),
		cmocka_unit_test(test_more_complaints_trend_badly),
		cmocka_unit_test(test_ratings_group_gives_csat_and_satisfied),
		cmocka_unit_test(test_frame_sums_only_the_period),
		cmocka_unit_test(test_frame_series_weeks_cut_at_period_ends),
		cmocka_unit_test(test_trend_knows_which_way_is_better),
		cmocka_unit_test(test_format_with_units),
		cmocka_unit_test(test_format_english_plurals),
		cmocka_unit_test(test_csv_field_neutralises_formulas),
		cmocka_unit_test(test_csv_field_quotes_only_when_needed),
		cmocka_unit_test(test_registry_has_one_definition_per_key),
		cmocka_unit_test(test_axis_steps_are_round),
		cmocka_unit_test(test_plot_geometry),
	};
	return cmocka_run_group_tests_name("metrics", tests, setup, teardown);
}
