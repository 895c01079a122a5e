/* Maintenance plans: the due-date arithmetic (cgi/service/plans.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "plans.h"

/* Day number of a date that must parse. */
static long
day(const char *s)
{
	long d = -1;

	assert_int_equal(plans_date_parse(s, &d), 0);
	return d;
}

static void
assert_date(long d, const char *want)
{
	char out[PLANS_DATE_LEN];

	plans_date_format(d, out);
	assert_string_equal(out, want);
}

static void
test_epoch_and_known_days(void **state)
{
	(void)state;
	assert_int_equal(day("1970-01-01"), 0);
	assert_int_equal(day("2000-01-01"), PLANS_DAY_MIN);
	assert_int_equal(day("2099-12-31"), PLANS_DAY_MAX);
	assert_int_equal(day("2026-03-01") - day("2026-02-28"), 1);
	assert_int_equal(day("2024-03-01") - day("2024-02-28"), 2);   /* leap year */
	assert_int_equal(day("2027-01-01") - day("2026-01-01"), 365);
}

static void
test_format_round_trips(void **state)
{
	long d;

	(void)state;
	for (d = PLANS_DAY_MIN; d <= PLANS_DAY_MAX; d += 17) {
		char s[PLANS_DATE_LEN];
		long back = -1;

		plans_date_format(d, s);
		assert_int_equal(plans_date_parse(s, &back), 0);
		assert_int_equal(back, d);
	}
	assert_date(day("2024-02-29"), "2024-02-29");
	assert_date(day("2026-12-31") + 1, "2027-01-01");
}

static void
test_parse_refuses_what_is_not_a_date(void **state)
{
	static const char *const bad[] = {
		"", "2026-1-01", "2026-01-1", "2026/01/01", "2026-13-01", "2026-00-10",
		"2026-01-00", "2026-01-32", "2026-02-29", "2100-02-29", "1900-02-29",
		"2026-04-31", "20260101", "2026-01-01 ", " 2026-01-01", "2026-01-0a",
		"+026-01-01", "2026-01-01T00", "0000-01-01",
	};
	size_t i;
	long d;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(plans_date_parse(bad[i], &d), -1);
	assert_int_equal(plans_date_parse(NULL, &d), -1);
	assert_int_equal(plans_date_parse("2000-02-29", &d), 0);   /* divisible by 400 */
}

static void
test_due_today_moves_one_interval(void **state)
{
	long t = day("2026-05-10");

	(void)state;
	assert_date(plans_next_due(t, 30, t), "2026-06-09");
	assert_int_equal(plans_missed(t, 30, t), 1);
}

static void
test_one_missed_interval_skips_to_after_today(void **state)
{
	long due = day("2026-01-01"), t = day("2026-01-20");

	(void)state;
	/* due 01-01, every 7 days: 01-08, 01-15 passed as well; next 01-22 */
	assert_date(plans_next_due(due, 7, t), "2026-01-22");
	assert_int_equal(plans_missed(due, 7, t), 3);
}

static void
test_landing_exactly_on_today_goes_one_further(void **state)
{
	long due = day("2026-01-01"), t = day("2026-01-15");

	(void)state;
	/* 01-15 is itself a date of the schedule: it is covered by this run */
	assert_date(plans_next_due(due, 7, t), "2026-01-22");
	assert_int_equal(plans_missed(due, 7, t), 3);
}

static void
test_many_missed_intervals_one_step(void **state)
{
	long due = day("2020-02-29"), t = day("2026-06-01");
	long next = plans_next_due(due, 90, t);

	(void)state;
	assert_true(next > t);
	assert_true(next - 90 <= t);
	assert_int_equal((next - due) % 90, 0);
	assert_int_equal(plans_missed(due, 90, t), (t - due) / 90 + 1);
}

static void
test_not_yet_due(void **state)
{
	long due = day("2026-07-01"), t = day("2026-06-01");

	(void)state;
	assert_int_equal(plans_missed(due, 30, t), 0);
	assert_date(plans_next_due(due, 30, t), "2026-07-31");
}

static void
test_interval_of_one_day_and_bad_interval(void **state)
{
	long due = day("2026-03-30"), t = day("2026-04-02");

	(void)state;
	assert_date(plans_next_due(due, 1, t), "2026-04-03");
	assert_int_equal(plans_missed(due, 1, t), 4);
	/* never loops or divides by zero on a bad interval (treated as 1) */
	assert_date(plans_next_due(due, 0, t), "2026-04-03");
	assert_int_equal(plans_missed(due, -5, t), 4);
}

static void
test_yearly_plan_across_leap_day(void **state)
{
	long due = day("2027-03-01"), t = day("2028-03-05");

	(void)state;
	/* 365 days after 2027-03-01 is 2028-02-29 (leap year) */
	assert_date(plans_next_due(due, 365, day("2027-03-01")), "2028-02-29");
	assert_date(plans_next_due(due, 365, t), "2029-02-28");
}

static void
test_today_is_a_plausible_date(void **state)
{
	long t = plans_today();

	(void)state;
	assert_true(t >= day("2024-01-01"));
	assert_true(t <= PLANS_DAY_MAX);
}

static void
test_units_parse_and_limits(void **state)
{
	(void)state;
	assert_int_equal(plans_unit_parse("day"), PU_DAY);
	assert_int_equal(plans_unit_parse("week"), PU_WEEK);
	assert_int_equal(plans_unit_parse("month"), PU_MONTH);
	assert_int_equal(plans_unit_parse("year"), PU_YEAR);
	assert_int_equal(plans_unit_parse("fortnight"), PU__MAX);
	assert_int_equal(plans_unit_parse(NULL), PU__MAX);
	assert_string_equal(plans_unit_name(PU_MONTH), "month");
	assert_int_equal(plans_unit_max(PU_YEAR), 10);
	assert_int_equal(plans_unit_max(PU_WEEK), 521);
	assert_int_equal(plans_unit_days(PU_WEEK, 2), 14);
	assert_int_equal(plans_unit_days(PU_MONTH, 6), 180);
	assert_int_equal(plans_unit_days(PU_YEAR, 20), PLANS_INTERVAL_MAX);
}

static void
test_months_keep_the_day_and_clamp_at_month_end(void **state)
{
	(void)state;
	assert_date(plans_add(day("2026-01-15"), PU_MONTH, 1), "2026-02-15");
	assert_date(plans_add(day("2026-01-31"), PU_MONTH, 1), "2026-02-28");
	assert_date(plans_add(day("2028-01-31"), PU_MONTH, 1), "2028-02-29");
	assert_date(plans_add(day("2026-11-30"), PU_MONTH, 3), "2027-02-28");
	assert_date(plans_add(day("2026-12-05"), PU_MONTH, 1), "2027-01-05");
	assert_date(plans_add(day("2026-03-10"), PU_MONTH, 12), "2027-03-10");
	assert_date(plans_add(day("2024-02-29"), PU_YEAR, 1), "2025-02-28");
	assert_date(plans_add(day("2026-03-10"), PU_WEEK, 2), "2026-03-24");
	assert_date(plans_add(day("2026-03-10"), PU_DAY, 21), "2026-03-31");
}

static void
test_next_due_in_units_skips_missed_dates(void **state)
{
	long t = day("2026-06-09");

	(void)state;
	/* Due today, every 6 months: half a year on. */
	assert_date(plans_next_due_unit(t, PU_MONTH, 6, t), "2026-12-09");
	/* Missed since January, monthly: the first date after today. */
	assert_date(plans_next_due_unit(day("2026-01-20"), PU_MONTH, 1, t), "2026-06-20");
	/* Landing on today goes one further. */
	assert_date(plans_next_due_unit(day("2026-04-09"), PU_MONTH, 1, t), "2026-07-09");
	/* Yearly, not due yet: one year after due. */
	assert_date(plans_next_due_unit(day("2026-08-01"), PU_YEAR, 1, t), "2027-08-01");
	/* Weeks are days times seven. */
	assert_date(plans_next_due_unit(day("2026-06-01"), PU_WEEK, 1, t), "2026-06-15");
	assert_date(plans_next_due_unit(t, PU_DAY, 10, t), "2026-06-19");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_epoch_and_known_days),
		cmocka_unit_test(test_format_round_trips),
		cmocka_unit_test(test_parse_refuses_what_is_not_a_date),
		cmocka_unit_test(test_due_today_moves_one_interval),
		cmocka_unit_test(test_one_missed_interval_skips_to_after_today),
		cmocka_unit_test(test_landing_exactly_on_today_goes_one_further),
		cmocka_unit_test(test_many_missed_intervals_one_step),
		cmocka_unit_test(test_not_yet_due),
		cmocka_unit_test(test_interval_of_one_day_and_bad_interval),
		cmocka_unit_test(test_yearly_plan_across_leap_day),
		cmocka_unit_test(test_today_is_a_plausible_date),
		cmocka_unit_test(test_units_parse_and_limits),
		cmocka_unit_test(test_months_keep_the_day_and_clamp_at_month_end),
		cmocka_unit_test(test_next_due_in_units_skips_missed_dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
