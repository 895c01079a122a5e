/* Unit tests of OKR scoring (cgi/service/kr_score.c): progress of every
 * key-result type at its boundaries, expected progress, status, bands and
 * the weighted roll-up. Expected values are worked out by hand in the
 * comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>

#include "kr_score.h"

#define TOL 1e-9

static void
assert_near(double got, double want)
{
	double d = got - want;

	if (d > TOL || -d > TOL)
		fail_msg("got %.12f, want %.12f", got, want);
}

static double
prog(enum kr_type t, double start, double target, double current, int *has)
{
	struct kr_input in = { t, start, target, current, 1, NULL, 0 };
	struct kr_result r;

	kr_progress(&in, &r);
	if (has != NULL)
		*has = r.has;
	return r.progress;
}

static double
stay(enum kr_type t, double target, const double *pts, size_t n, int *has)
{
	struct kr_input in = { t, 0, target, 0, 0, pts, n };
	struct kr_result r;

	kr_progress(&in, &r);
	*has = r.has;
	return r.progress;
}

/* --- increase-to --- */

static void
test_increase_linear(void **s)
{
	(void)s;
	assert_near(prog(KR_INCREASE_TO, 80, 90, 80, NULL), 0);    /* at start */
	assert_near(prog(KR_INCREASE_TO, 80, 90, 87, NULL), 0.7);  /* 7 of 10 */
	assert_near(prog(KR_INCREASE_TO, 80, 90, 90, NULL), 1);    /* at target */
}

static void
test_increase_clipped(void **s)
{
	(void)s;
	assert_near(prog(KR_INCREASE_TO, 80, 90, 95, NULL), 1);    /* past target */
	assert_near(prog(KR_INCREASE_TO, 80, 90, 70, NULL), 0);    /* below start */
}

static void
test_increase_negative_values(void **s)
{
	(void)s;
	/* -10 → 10: -5 is 5 of 20 = 0.25; 0 is half way */
	assert_near(prog(KR_INCREASE_TO, -10, 10, -5, NULL), 0.25);
	assert_near(prog(KR_INCREASE_TO, -10, 10, 0, NULL), 0.5);
	assert_near(prog(KR_INCREASE_TO, -20, -10, -12, NULL), 0.8);
}

static void
test_increase_start_equals_target(void **s)
{
	(void)s;
	assert_near(prog(KR_INCREASE_TO, 5, 5, 5, NULL), 1);
	assert_near(prog(KR_INCREASE_TO, 5, 5, 6, NULL), 1);
	assert_near(prog(KR_INCREASE_TO, 5, 5, 4.999, NULL), 0);
}

static void
test_increase_target_below_start_is_threshold(void **s)
{
	(void)s;
	/* a wrongly oriented target: met or not, never a negative span */
	assert_near(prog(KR_INCREASE_TO, 10, 5, 7, NULL), 1);
	assert_near(prog(KR_INCREASE_TO, 10, 5, 4, NULL), 0);
}

/* --- decrease-to --- */

static void
test_decrease_linear(void **s)
{
	(void)s;
	/* 120 → 60 minutes: 90 is 30 of 60 = 0.5; 78 is 42 of 60 = 0.7 */
	assert_near(prog(KR_DECREASE_TO, 120, 60, 120, NULL), 0);
	assert_near(prog(KR_DECREASE_TO, 120, 60, 90, NULL), 0.5);
	assert_near(prog(KR_DECREASE_TO, 120, 60, 78, NULL), 0.7);
	assert_near(prog(KR_DECREASE_TO, 120, 60, 60, NULL), 1);
}

static void
test_decrease_clipped(void **s)
{
	(void)s;
	assert_near(prog(KR_DECREASE_TO, 120, 60, 30, NULL), 1);
	assert_near(prog(KR_DECREASE_TO, 120, 60, 150, NULL), 0);
}

static void
test_decrease_negative_values(void **s)
{
	(void)s;
	/* 0 → -10: -4 is 0.4 */
	assert_near(prog(KR_DECREASE_TO, 0, -10, -4, NULL), 0.4);
	assert_near(prog(KR_DECREASE_TO, 5, -5, 0, NULL), 0.5);
}

static void
test_decrease_start_equals_target(void **s)
{
	(void)s;
	assert_near(prog(KR_DECREASE_TO, 3, 3, 3, NULL), 1);
	assert_near(prog(KR_DECREASE_TO, 3, 3, 2, NULL), 1);
	assert_near(prog(KR_DECREASE_TO, 3, 3, 3.5, NULL), 0);
}

static void
test_no_current_value_has_no_data(void **s)
{
	struct kr_input in = { KR_INCREASE_TO, 0, 10, 5, 0, NULL, 0 };
	struct kr_result r;

	(void)s;
	kr_progress(&in, &r);
	assert_int_equal(r.has, 0);
	assert_near(r.progress, 0);
	in.has_current = 1;
	in.current = NAN;
	kr_progress(&in, &r);
	assert_int_equal(r.has, 0);
}

/* --- stay-above / stay-below over the period --- */

static void
test_stay_above_share_of_points(void **s)
{
	double pts[] = { 95, 90, 89.9, 92 };   /* 3 of 4 >= 90 */
	int has;

	(void)s;
	assert_near(stay(KR_STAY_ABOVE, 90, pts, 4, &has), 0.75);
	assert_int_equal(has, 1);
}

static void
test_stay_above_boundary_counts(void **s)
{
	double pts[] = { 90, 90 };
	int has;

	(void)s;
	assert_near(stay(KR_STAY_ABOVE, 90, pts, 2, &has), 1);
}

static void
test_stay_below_share_of_points(void **s)
{
	double pts[] = { 30, 31, 29, -5, 30.01 };   /* <= 30: 30, 29, -5 */
	int has;

	(void)s;
	assert_near(stay(KR_STAY_BELOW, 30, pts, 5, &has), 0.6);
}

static void
test_stay_negative_threshold(void **s)
{
	double pts[] = { -3, -1, -2 };   /* >= -2: -1, -2 */
	int has;

	(void)s;
	assert_near(stay(KR_STAY_ABOVE, -2, pts, 3, &has), 2.0 / 3.0);
}

static void
test_stay_without_points_has_no_data(void **s)
{
	double pts[] = { NAN };
	int has;

	(void)s;
	assert_near(stay(KR_STAY_BELOW, 30, NULL, 0, &has), 0);
	assert_int_equal(has, 0);
	assert_near(stay(KR_STAY_BELOW, 30, pts, 1, &has), 0);
	assert_int_equal(has, 0);
}

/* --- milestone --- */

static void
test_milestone_done_or_not(void **s)
{
	int has;

	(void)s;
	assert_near(prog(KR_MILESTONE, 0, 1, 0, &has), 0);
	assert_int_equal(has, 1);
	assert_near(prog(KR_MILESTONE, 0, 1, 1, NULL), 1);
	assert_near(prog(KR_MILESTONE, 0, 1, -1, NULL), 1);
}

static void
test_milestone_status_by_time(void **s)
{
	(void)s;
	assert_int_equal(kr_status(KR_MILESTONE, 0, 1, 0.5), OKR_ON_TRACK);
	assert_int_equal(kr_status(KR_MILESTONE, 0, 1, 0.51), OKR_AT_RISK);
	assert_int_equal(kr_status(KR_MILESTONE, 0, 1, 0.9), OKR_AT_RISK);
	assert_int_equal(kr_status(KR_MILESTONE, 0, 1, 0.91), OKR_OFF_TRACK);
	assert_int_equal(kr_status(KR_MILESTONE, 1, 1, 1), OKR_ON_TRACK);
}

/* --- expected progress and status --- */

static void
test_elapsed_share(void **s)
{
	(void)s;
	assert_near(kr_elapsed(100, 200, 100), 0);
	assert_near(kr_elapsed(100, 200, 125), 0.25);
	assert_near(kr_elapsed(100, 200, 200), 1);
	assert_near(kr_elapsed(100, 200, 50), 0);     /* before the cycle */
	assert_near(kr_elapsed(100, 200, 500), 1);    /* after it */
	assert_near(kr_elapsed(100, 100, 0), 1);      /* empty period */
}

static void
test_status_thresholds(void **s)
{
	(void)s;
	/* expected 0.7: on track from 0.6, at risk from 0.45, off below */
	assert_int_equal(kr_status(KR_INCREASE_TO, 0.6, 1, 0.7), OKR_ON_TRACK);
	assert_int_equal(kr_status(KR_INCREASE_TO, 0.599, 1, 0.7), OKR_AT_RISK);
	assert_int_equal(kr_status(KR_INCREASE_TO, 0.45, 1, 0.7), OKR_AT_RISK);
	assert_int_equal(kr_status(KR_INCREASE_TO, 0.449, 1, 0.7), OKR_OFF_TRACK);
	assert_int_equal(kr_status(KR_DECREASE_TO, 0, 1, 0.05), OKR_ON_TRACK);
	assert_int_equal(kr_status(KR_DECREASE_TO, 1, 1, 1), OKR_ON_TRACK);
	assert_int_equal(kr_status(KR_DECREASE_TO, 0.5, 0, 1), OKR_NO_DATA);
}

static void
test_evaluate_stay_expects_full(void **s)
{
	double pts[] = { 95, 80 };   /* half met: 0.5 against 1.0 → off track */
	struct kr_input in = { KR_STAY_ABOVE, 0, 90, 0, 0, pts, 2 };
	struct kr_result r;

	(void)s;
	kr_evaluate(&in, 0.1, &r);
	assert_near(r.expected, 1);
	assert_near(r.progress, 0.5);
	assert_int_equal(r.status, OKR_OFF_TRACK);
}

static void
test_evaluate_increase_uses_elapsed(void **s)
{
	struct kr_input in = { KR_INCREASE_TO, 0, 100, 30, 1, NULL, 0 };
	struct kr_result r;

	(void)s;
	kr_evaluate(&in, 0.5, &r);   /* 0.3 vs 0.5: gap 0.2 → at risk */
	assert_near(r.expected, 0.5);
	assert_int_equal(r.status, OKR_AT_RISK);
	kr_evaluate(&in, 0.35, &r);  /* gap 0.05 → on track */
	assert_int_equal(r.status, OKR_ON_TRACK);
	kr_evaluate(&in, 0.6, &r);   /* gap 0.3 → off track */
	assert_int_equal(r.status, OKR_OFF_TRACK);
}

/* --- bands --- */

static void
test_bands_and_gaps(void **s)
{
	(void)s;
	assert_int_equal(okr_band_of(0, 1), OKR_BAND_RED);
	assert_int_equal(okr_band_of(0.3, 1), OKR_BAND_RED);
	assert_int_equal(okr_band_of(0.349, 1), OKR_BAND_RED);
	assert_int_equal(okr_band_of(0.35, 1), OKR_BAND_YELLOW);
	assert_int_equal(okr_band_of(0.4, 1), OKR_BAND_YELLOW);
	assert_int_equal(okr_band_of(0.6, 1), OKR_BAND_YELLOW);
	assert_int_equal(okr_band_of(0.649, 1), OKR_BAND_YELLOW);
	assert_int_equal(okr_band_of(0.65, 1), OKR_BAND_GREEN);
	assert_int_equal(okr_band_of(0.7, 1), OKR_BAND_GREEN);
	assert_int_equal(okr_band_of(1, 1), OKR_BAND_GREEN);
	assert_int_equal(okr_band_of(0.9, 0), OKR_BAND_NONE);
	assert_int_equal(okr_band_of(NAN, 1), OKR_BAND_NONE);
}

/* --- roll-up --- */

static void
test_rollup_weighted_mean(void **s)
{
	struct okr_item it[] = {
		{ 1.0, 3, 1, OKR_ON_TRACK },
		{ 0.2, 1, 1, OKR_OFF_TRACK },
	};
	enum okr_status w;
	int has;

	(void)s;
	/* (3 * 1 + 1 * 0.2) / 4 = 0.8 */
	assert_near(okr_rollup(it, 2, &has, &w), 0.8);
	assert_int_equal(has, 1);
	assert_int_equal(w, OKR_OFF_TRACK);
}

static void
test_rollup_weights_summing_to_zero(void **s)
{
	struct okr_item it[] = {
		{ 0.9, 0, 1, OKR_ON_TRACK },
		{ 0.3, 0, 1, OKR_AT_RISK },
	};
	int has;

	(void)s;
	assert_near(okr_rollup(it, 2, &has, NULL), 0.6);   /* plain mean */
	it[0].weight = -2;   /* negative weights count as 0 */
	assert_near(okr_rollup(it, 2, &has, NULL), 0.6);
}

static void
test_rollup_skips_items_without_data(void **s)
{
	struct okr_item it[] = {
		{ 0.4, 1, 1, OKR_AT_RISK },
		{ 0.0, 5, 0, OKR_NO_DATA },
	};
	enum okr_status w;
	int has;

	(void)s;
	assert_near(okr_rollup(it, 2, &has, &w), 0.4);
	assert_int_equal(w, OKR_AT_RISK);
	assert_near(okr_rollup(it + 1, 1, &has, &w), 0);
	assert_int_equal(has, 0);
	assert_int_equal(w, OKR_NO_DATA);
	okr_rollup(NULL, 0, &has, &w);
	assert_int_equal(has, 0);
}

static void
test_names_round_trip(void **s)
{
	int i;

	(void)s;
	for (i = 0; i < KR_TYPE__MAX; i++)
		assert_int_equal(kr_type_parse(kr_type_name((enum kr_type)i)), i);
	for (i = 0; i < OKR_STATUS__MAX; i++)
		assert_int_equal(okr_status_parse(okr_status_name((enum okr_status)i)), i);
	assert_int_equal(kr_type_parse("grow"), -1);
	assert_int_equal(kr_type_parse(NULL), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_increase_linear),
		cmocka_unit_test(test_increase_clipped),
		cmocka_unit_test(test_increase_negative_values),
		cmocka_unit_test(test_increase_start_equals_target),
		cmocka_unit_test(test_increase_target_below_start_is_threshold),
		cmocka_unit_test(test_decrease_linear),
		cmocka_unit_test(test_decrease_clipped),
		cmocka_unit_test(test_decrease_negative_values),
		cmocka_unit_test(test_decrease_start_equals_target),
		cmocka_unit_test(test_no_current_value_has_no_data),
		cmocka_unit_test(test_stay_above_share_of_points),
		cmocka_unit_test(test_stay_above_boundary_counts),
		cmocka_unit_test(test_stay_below_share_of_points),
		cmocka_unit_test(test_stay_negative_threshold),
		cmocka_unit_test(test_stay_without_points_has_no_data),
		cmocka_unit_test(test_milestone_done_or_not),
		cmocka_unit_test(test_milestone_status_by_time),
		cmocka_unit_test(test_elapsed_share),
		cmocka_unit_test(test_status_thresholds),
		cmocka_unit_test(test_evaluate_stay_expects_full),
		cmocka_unit_test(test_evaluate_increase_uses_elapsed),
		cmocka_unit_test(test_bands_and_gaps),
		cmocka_unit_test(test_rollup_weighted_mean),
		cmocka_unit_test(test_rollup_weights_summing_to_zero),
		cmocka_unit_test(test_rollup_skips_items_without_data),
		cmocka_unit_test(test_names_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
