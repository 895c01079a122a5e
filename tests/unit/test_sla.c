/* The SLA clock on a hand-made calendar: Monday-Friday 09:00-18:00 local
 * (UTC+8), a holiday and a make-up Saturday. Expected values by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <time.h>

#include "sla.h"

static struct work_calendar cal;

/* UTC epoch of a local (UTC+8) wall-clock time. */
static time_t
local(int y, int mo, int d, int h, int mi)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	return timegm(&tm) - 8 * 3600;
}

static long
day_number(int y, int mo, int d)
{
	return (long)(local(y, mo, d, 8, 0) / 86400);
}

static int
setup(void **state)
{
	int wd;

	(void)state;
	memset(&cal, 0, sizeof(cal));
	cal.tz_offset_min = 480;
	for (wd = 1; wd <= 5; wd++) {
		cal.start_min[wd] = 9 * 60;
		cal.end_min[wd] = 18 * 60;
	}
	/* 2026-10-01 (Thursday) holiday; 2026-10-10 (Saturday) make-up workday. */
	cal.ex[0].days = day_number(2026, 10, 1);
	cal.ex[0].is_workday = 0;
	cal.ex[1].days = day_number(2026, 10, 10);
	cal.ex[1].is_workday = 1;
	cal.nex = 2;
	return 0;
}

static void
test_add_within_same_day(void **state)
{
	(void)state;
	/* Tue 2026-11-24 10:00 + 2 h = 12:00 */
	assert_int_equal(sla_add_business(&cal, local(2026, 11, 24, 10, 0), 2 * 3600),
	    local(2026, 11, 24, 12, 0));
}

static void
test_add_rolls_over_night(void **state)
{
	(void)state;
	/* Tue 17:00 + 2 h = Wed 10:00 */
	assert_int_equal(sla_add_business(&cal, local(2026, 11, 24, 17, 0), 2 * 3600),
	    local(2026, 11, 25, 10, 0));
}

static void
test_add_skips_weekend(void **state)
{
	(void)state;
	/* Fri 2026-11-27 17:30 + 1 h = Mon 2026-11-30 09:30 */
	assert_int_equal(sla_add_business(&cal, local(2026, 11, 27, 17, 30), 3600),
	    local(2026, 11, 30, 9, 30));
}

static void
test_start_before_opening_counts_from_opening(void **state)
{
	(void)state;
	/* Tue 06:00 + 30 min = 09:30 */
	assert_int_equal(sla_add_business(&cal, local(2026, 11, 24, 6, 0), 1800),
	    local(2026, 11, 24, 9, 30));
}

static void
test_start_on_saturday_counts_from_monday(void **state)
{
	(void)state;
	assert_int_equal(sla_add_business(&cal, local(2026, 11, 28, 11, 0), 3600),
	    local(2026, 11, 30, 10, 0));
}

static void
test_holiday_is_skipped(void **state)
{
	(void)state;
	/* Wed 2026-09-30 17:00 + 2 h: Thu 10-01 is a holiday → Fri 10-02 10:00 */
	assert_int_equal(sla_add_business(&cal, local(2026, 9, 30, 17, 0), 2 * 3600),
	    local(2026, 10, 2, 10, 0));
}

static void
test_makeup_saturday_is_worked(void **state)
{
	(void)state;
	/* Fri 2026-10-09 17:00 + 2 h → Sat 10-10 (make-up day, Monday hours) 10:00 */
	assert_int_equal(sla_add_business(&cal, local(2026, 10, 9, 17, 0), 2 * 3600),
	    local(2026, 10, 10, 10, 0));
}

static void
test_full_day_of_nine_hours(void **state)
{
	(void)state;
	/* 24 business hours from Mon 09:00 = Wed 15:00 (9 + 9 + 6) */
	assert_int_equal(sla_add_business(&cal, local(2026, 11, 23, 9, 0), 24 * 3600),
	    local(2026, 11, 25, 15, 0));
}

static void
test_zero_adds_nothing(void **state)
{
	time_t t = local(2026, 11, 28, 3, 0);

	(void)state;
	assert_int_equal(sla_add_business(&cal, t, 0), t);
}

static void
test_between_same_day(void **state)
{
	(void)state;
	assert_int_equal(sla_business_between(&cal, local(2026, 11, 24, 10, 0),
	    local(2026, 11, 24, 11, 30)), 5400);
}

static void
test_between_over_weekend(void **state)
{
	(void)state;
	/* Fri 17:00 → Mon 10:00 = 1 h + 1 h */
	assert_int_equal(sla_business_between(&cal, local(2026, 11, 27, 17, 0),
	    local(2026, 11, 30, 10, 0)), 7200);
}

static void
test_between_outside_hours_is_zero(void **state)
{
	(void)state;
	assert_int_equal(sla_business_between(&cal, local(2026, 11, 24, 19, 0),
	    local(2026, 11, 25, 8, 59)), 0);
}

static void
test_between_reversed_is_zero(void **state)
{
	(void)state;
	assert_int_equal(sla_business_between(&cal, local(2026, 11, 25, 12, 0),
	    local(2026, 11, 24, 12, 0)), 0);
}

static void
test_add_and_between_agree(void **state)
{
	time_t start = local(2026, 9, 28, 14, 17);
	long long secs;

	(void)state;
	for (secs = 60; secs < 40LL * 3600; secs += 3517) {
		time_t due = sla_add_business(&cal, start, secs);
		assert_int_equal(sla_business_between(&cal, start, due), secs);
	}
}

static void
test_no_hours_means_around_the_clock(void **state)
{
	struct work_calendar open;

	(void)state;
	memset(&open, 0, sizeof(open));
	open.tz_offset_min = 480;
	assert_int_equal(sla_add_business(&open, 1000, 500), 1500);
	assert_int_equal(sla_business_between(&open, 1000, 1500), 500);
}

static void
test_day_window_closed_on_sunday(void **state)
{
	int s, e;

	(void)state;
	assert_int_equal(sla_day_window(&cal, day_number(2026, 11, 29), &s, &e), 0);
	assert_int_equal(sla_day_window(&cal, day_number(2026, 11, 30), &s, &e), 1);
	assert_int_equal(s, 540);
	assert_int_equal(e, 1080);
}

static void
test_resume_gives_back_the_time_left(void **state)
{
	(void)state;
	/* Due Tue 17:30; paused Tue 16:30 (1 h left); resumed Wed 10:00 → Wed 11:00 */
	assert_int_equal(sla_resume_due(&cal, local(2026, 11, 24, 17, 30), local(2026, 11, 24, 16, 30),
	    local(2026, 11, 25, 10, 0)), local(2026, 11, 25, 11, 0));
}

static void
test_resume_time_left_rolls_over_evening(void **state)
{
	(void)state;
	/* Due Tue 17:30, paused Tue 17:00 (30 min left), resumed Tue 17:50 → Wed 09:20 */
	assert_int_equal(sla_resume_due(&cal, local(2026, 11, 24, 17, 30), local(2026, 11, 24, 17, 0),
	    local(2026, 11, 24, 17, 50)), local(2026, 11, 25, 9, 20));
}

static void
test_resume_keeps_a_due_time_already_missed(void **state)
{
	time_t due = local(2026, 11, 24, 12, 0);

	(void)state;
	assert_int_equal(sla_resume_due(&cal, due, local(2026, 11, 24, 13, 0),
	    local(2026, 11, 25, 9, 0)), due);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_within_same_day),
		cmocka_unit_test(test_add_rolls_over_night),
		cmocka_unit_test(test_add_skips_weekend),
		cmocka_unit_test(test_start_before_opening_counts_from_opening),
		cmocka_unit_test(test_start_on_saturday_counts_from_monday),
		cmocka_unit_test(test_holiday_is_skipped),
		cmocka_unit_test(test_makeup_saturday_is_worked),
		cmocka_unit_test(test_full_day_of_nine_hours),
		cmocka_unit_test(test_zero_adds_nothing),
		cmocka_unit_test(test_between_same_day),
		cmocka_unit_test(test_between_over_weekend),
		cmocka_unit_test(test_between_outside_hours_is_zero),
		cmocka_unit_test(test_between_reversed_is_zero),
		cmocka_unit_test(test_add_and_between_agree),
		cmocka_unit_test(test_no_hours_means_around_the_clock),
		cmocka_unit_test(test_day_window_closed_on_sunday),
		cmocka_unit_test(test_resume_gives_back_the_time_left),
		cmocka_unit_test(test_resume_time_left_rolls_over_evening),
		cmocka_unit_test(test_resume_keeps_a_due_time_already_missed),
	};
	return cmocka_run_group_tests_name("sla", tests, setup, NULL);
}
