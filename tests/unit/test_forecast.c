/* Unit tests of the spare-part demand forecast (cgi/service/forecast.c): known
 * series with results worked out by hand in the comments. One scenario per
 * test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "forecast.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define TOL  1e-9

static void
assert_near(double got, double want, double tol)
{
	double d = got - want;

	if (d > tol || -d > tol)
		fail_msg("got %.12f, want %.12f (±%g)", got, want, tol);
}

/* --- method choice and the forecast itself --- */

static void
test_empty_series_is_zero(void **state)
{
	struct forecast f;

	(void)state;
	forecast_monthly(NULL, 0, &f);
	assert_int_equal(f.method, FORECAST_NONE);
	assert_near(f.next, 0, TOL);
	assert_near(f.sigma, 0, TOL);
	assert_near(forecast_lead_demand(&f, 3), 0, TOL);
	assert_int_equal(forecast_reorder_qty(&f, 30, FORECAST_SERVICE_Z, 0), 0);
}

/* One month: the average of one value is that value; no error yet. */
static void
test_one_month_is_its_value(void **state)
{
	const double y[] = { 7 };
	struct forecast f;

	(void)state;
	forecast_monthly(y, N(y), &f);
	assert_int_equal(f.method, FORECAST_SMA);
	assert_near(f.next, 7, TOL);
	assert_int_equal(f.nerrors, 0);
	assert_near(f.sigma, 0, TOL);
}

/* Two months 4, 8: moving average (4 + 8) / 2 = 6. The one error is that
 * of month 2 forecast by month 1: 8 - 4 = 4, so sigma = 4. */
static void
test_short_series_is_moving_average(void **state)
{
	const double y[] = { 4, 8 };
	struct forecast f;

	(void)state;
	forecast_monthly(y, N(y), &f);
	assert_int_equal(f.method, FORECAST_SMA);
	assert_near(f.next, 6, TOL);
	assert_int_equal(f.nerrors, 1);
	assert_near(f.sigma, 4, TOL);
}

/* Constant 5: l0 = 5, b0 = 0, every step keeps l = 5, b = 0: forecast 5,
 * every error 0. */
static void
test_constant_series_forecasts_the_same_value(void **state)
{
	const double y[] = { 5, 5, 5, 5, 5, 5 };
	struct forecast f;

	(void)state;
	forecast_monthly(y, N(y), &f);
	assert_int_equal(f.method, FORECAST_HOLT);
	assert_near(f.next, 5, TOL);
	assert_near(forecast_at(&f, 3), 5, TOL);
	assert_near(f.sigma, 0, TOL);
}

/* 10, 20, 30, 40 with alpha 0.5, beta 0.3:
 *   l0 = 10, b0 = 20 - 10 = 10
 *   t1: l = .5*20 + .5*(10+10) = 20   b = .3*(20-10) + .7*10 = 10
 *   t2: l = .5*30 + .5*(20+10) = 30   b = .3*(30-20) + .7*10 = 10  (error 30-30 = 0)
 *   t3: l = .5*40 + .5*(30+10) = 40   b = .3*(40-30) + .7*10 = 10  (error 40-40 = 0)
 *   next = l + b = 50; two months ahead 60; sigma 0. */
static void
test_linear_trend_holt_gives_50(void **state)
{
	const double y[] = { 10, 20, 30, 40 };
	struct forecast f;

	(void)state;
	forecast_monthly(y, N(y), &f);
	assert_int_equal(f.method, FORECAST_HOLT);
	assert_near(f.level, 40, TOL);
	assert_near(f.trend, 10, TOL);
	assert_near(f.next, 50, TOL);
	assert_near(forecast_at(&f, 2), 60, TOL);
	assert_int_equal(f.nerrors, 2);
	assert_near(f.sigma, 0, TOL);
}

/* 10, 12, 11, 15:
 *   l0 = 10, b0 = 2
 *   t1: forecast 12 (fitted, not an error)
 *       l = .5*12 + .5*12 = 12          b = .3*2 + .7*2 = 2
 *   t2: forecast 14, error 11 - 14 = -3
 *       l = .5*11 + .5*14 = 12.5        b = .3*.5 + .7*2 = 1.55
 *   t3: forecast 14.05, error 15 - 14.05 = .95
 *       l = .5*15 + .5*14.05 = 14.525   b = .3*2.025 + .7*1.55 = 1.6925
 *   next = 14.525 + 1.6925 = 16.2175
 *   sigma = sqrt((9 + .9025) / 2) = sqrt(4.95125) = 2.225140445...  */
static void
test_noisy_trend_holt_by_hand(void **state)
{
	const double y[] = { 10, 12, 11, 15 };
	struct forecast f;

	(void)state;
	forecast_monthly(y, N(y), &f);
	assert_int_equal(f.method, FORECAST_HOLT);
	assert_near(f.level, 14.525, 1e-9);
	assert_near(f.trend, 1.6925, 1e-9);
	assert_near(f.next, 16.2175, 1e-9);
	assert_near(f.sigma, 2.225140445006, 1e-9);
}

/* Falling 40, 30, 20, 10: l = 10, b = -10, so l + b = 0 and l + 2b = -10:
 * never a negative forecast. */
static void
test_falling_trend_never_negative(void **state)
{
	const double y[] = { 40, 30, 20, 10 };
	struct forecast f;

	(void)state;
	forecast_monthly(y, N(y), &f);
	assert_int_equal(f.method, FORECAST_HOLT);
	assert_near(f.next, 0, TOL);
	assert_near(forecast_at(&f, 2), 0, TOL);
	assert_near(forecast_lead_demand(&f, 3), 0, TOL);
}

/* 0, 0, 6, 0, 0, 0, 3, 0: 6 zeros of 8 (> 50 %) → Croston, alpha 0.1.
 *   first demand in month 3: z = 6, p = 3
 *   next demand in month 7, q = 7 - 3 = 4:
 *     z = 6 + .1*(3 - 6) = 5.7,  p = 3 + .1*(4 - 3) = 3.1
 *   forecast = 5.7 / 3.1 = 1.838709677...
 * One-step errors from month 4 on: forecasts 6/3 = 2 for months 4-7,
 * then 5.7/3.1 for month 8:
 *   (0-2)² + (0-2)² + (0-2)² + (3-2)² + (0-1.83871)² = 4+4+4+1+3.380854
 *   sigma = sqrt((13 + 3.380853278) / 5) = sqrt(3.276170656) = 1.810019518 */
static void
test_intermittent_series_uses_croston(void **state)
{
	const double y[] = { 0, 0, 6, 0, 0, 0, 3, 0 };
	struct forecast f;
	double c = 5.7 / 3.1;

	(void)state;
	forecast_monthly(y, N(y), &f);
	assert_int_equal(f.method, FORECAST_CROSTON);
	assert_near(f.next, c, 1e-9);
	assert_near(f.next, 1.838709677, 1e-8);
	assert_int_equal(f.nerrors, 5);
	assert_near(f.sigma * f.sigma, (13 + c * c) / 5, 1e-9);
	assert_near(f.sigma, 1.810019518, 1e-8);
	/* flat over the lead time: 2 months → 2 × 1.8387 */
	assert_near(forecast_lead_demand(&f, 2), 2 * c, 1e-9);
}

/* Exactly half zeros is not intermittent (the rule is "more than half"). */
static void
test_half_zeros_is_not_intermittent(void **state)
{
	const double y[] = { 0, 4, 0, 4 };
	struct forecast f;

	(void)state;
	forecast_monthly(y, N(y), &f);
	assert_int_equal(f.method, FORECAST_HOLT);
}

/* All zeros: Croston without any demand forecasts 0. */
static void
test_no_demand_at_all_is_zero(void **state)
{
	const double y[] = { 0, 0, 0, 0, 0, 0 };
	struct forecast f;

	(void)state;
	forecast_monthly(y, N(y), &f);
	assert_int_equal(f.method, FORECAST_CROSTON);
	assert_near(f.next, 0, TOL);
	assert_int_equal(forecast_reorder_qty(&f, 60, FORECAST_SERVICE_Z, 0), 0);
}

/* Negative months (returns booked as negative use) count as 0: 2 zeros of
 * 3 → Croston with first demand 9 in month 3: z = 9, p = 3, forecast 3. */
static void
test_negative_months_count_as_zero(void **state)
{
	const double y[] = { -5, 0, 9 };
	struct forecast f;

	(void)state;
	forecast_monthly(y, N(y), &f);
	assert_int_equal(f.method, FORECAST_CROSTON);
	assert_near(f.next, 3, TOL);
}

/* --- lead time, safety stock and the suggested order --- */

/* Holt on 10, 20, 30, 40 (l = 40, b = 10) over 2.5 months:
 * 50 + 60 + 0.5 × 70 = 145. */
static void
test_lead_demand_sums_holt_months(void **state)
{
	const double y[] = { 10, 20, 30, 40 };
	struct forecast f;

	(void)state;
	forecast_monthly(y, N(y), &f);
	assert_near(forecast_lead_demand(&f, 2.5), 145, 1e-9);
	assert_near(forecast_lead_demand(&f, 0), 0, TOL);
}

/* Constant 10 a month, sigma 0, lead time one mean month (30.4375 days):
 * D = 10, SS = 0; with 4 in stock the suggestion is 10 - 4 = 6 (not 7:
 * no rounding up of floating-point dust). */
static void
test_reorder_qty_without_uncertainty(void **state)
{
	const double y[] = { 10, 10, 10, 10 };
	struct forecast f;

	(void)state;
	forecast_monthly(y, N(y), &f);
	assert_int_equal(forecast_reorder_qty(&f, FORECAST_DAYS_PER_MONTH, FORECAST_SERVICE_Z, 4),
	    6);
	assert_int_equal(forecast_reorder_qty(&f, FORECAST_DAYS_PER_MONTH, FORECAST_SERVICE_Z, 10),
	    0);
	assert_int_equal(forecast_reorder_qty(&f, FORECAST_DAYS_PER_MONTH, FORECAST_SERVICE_Z, 50),
	    0);
}

/* Two months 4, 8: forecast 6, sigma 4. Lead time 4 months (121.75 days),
 * z = 1.65: D = 4 × 6 = 24, SS = 1.65 × 4 × sqrt(4) = 13.2;
 * stock 10: 24 + 13.2 - 10 = 27.2 → 28. */
static void
test_reorder_qty_with_safety_stock(void **state)
{
	const double y[] = { 4, 8 };
	struct forecast f;

	(void)state;
	forecast_monthly(y, N(y), &f);
	assert_near(forecast_safety_stock(&f, 1.65, 4), 13.2, 1e-9);
	assert_int_equal(forecast_reorder_qty(&f, 4 * FORECAST_DAYS_PER_MONTH, 1.65, 10), 28);
}

/* Only the last FORECAST_MAX_MONTHS months count. */
static void
test_long_series_uses_the_last_months(void **state)
{
	double y[FORECAST_MAX_MONTHS + 5];
	struct forecast f;
	size_t i;

	(void)state;
	for (i = 0; i < N(y); i++)
		y[i] = i < 5 ? 1000 : 3;
	forecast_monthly(y, N(y), &f);
	assert_int_equal(f.n, FORECAST_MAX_MONTHS);
	assert_near(f.next, 3, TOL);
}

static void
test_method_names(void **state)
{
	(void)state;
	assert_string_equal(forecast_method_name(FORECAST_NONE), "none");
	assert_string_equal(forecast_method_name(FORECAST_SMA), "sma");
	assert_string_equal(forecast_method_name(FORECAST_HOLT), "holt");
	assert_string_equal(forecast_method_name(FORECAST_CROSTON), "croston");
	assert_string_equal(forecast_method_name(FORECAST__MAX), "none");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_series_is_zero),
		cmocka_unit_test(test_one_month_is_its_value),
		cmocka_unit_test(test_short_series_is_moving_average),
		cmocka_unit_test(test_constant_series_forecasts_the_same_value),
		cmocka_unit_test(test_linear_trend_holt_gives_50),
		cmocka_unit_test(test_noisy_trend_holt_by_hand),
		cmocka_unit_test(test_falling_trend_never_negative),
		cmocka_unit_test(test_intermittent_series_uses_croston),
		cmocka_unit_test(test_half_zeros_is_not_intermittent),
		cmocka_unit_test(test_no_demand_at_all_is_zero),
		cmocka_unit_test(test_negative_months_count_as_zero),
		cmocka_unit_test(test_lead_demand_sums_holt_months),
		cmocka_unit_test(test_reorder_qty_without_uncertainty),
		cmocka_unit_test(test_reorder_qty_with_safety_stock),
		cmocka_unit_test(test_long_series_uses_the_last_months),
		cmocka_unit_test(test_method_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
