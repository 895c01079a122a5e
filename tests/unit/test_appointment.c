/* Visit windows (appointment.c): each rule with a pinned "now", the UTC
 * result of a local window, and the display in both languages. Expected
 * values worked out by hand (local time is UTC+8). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <time.h>

#include "appointment.h"
#include "arena.h"

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

/* "Now" for every test: 2026-12-05 10:00 local. */
#define NOW local(2026, 12, 5, 10, 0)

static int
check(const char *date, const char *from, const char *to, struct appt_window *w,
    struct appt_problems *pb)
{
	return appt_check(date, from, to, NOW, w, pb);
}

static void
test_valid_window_is_converted_to_utc(void **state)
{
	struct appt_window w;
	struct appt_problems pb;

	(void)state;
	assert_int_equal(check("2026-12-05", "14:00", "16:00", &w, &pb), 0);
	assert_int_equal(w.start, local(2026, 12, 5, 14, 0));
	assert_int_equal(w.end, local(2026, 12, 5, 16, 0));
	/* 14:00 local is 06:00 UTC. */
	assert_int_equal(w.start % 86400, 6 * 3600);
	assert_int_equal(check("2026-12-06", "9:30", "10:00", &w, &pb), 0);
	assert_int_equal(w.start, local(2026, 12, 6, 9, 30));
}

static void
test_end_must_be_after_start(void **state)
{
	struct appt_window w;
	struct appt_problems pb;

	(void)state;
	assert_int_equal(check("2026-12-06", "16:00", "14:00", &w, &pb), 1);
	assert_string_equal(pb.to, "APPT_ERR_ORDER");
	assert_null(pb.date);
	assert_null(pb.from);
	assert_int_equal(check("2026-12-06", "14:00", "14:00", &w, &pb), 1);
	assert_string_equal(pb.to, "APPT_ERR_ORDER");
}

static void
test_window_length_limits(void **state)
{
	struct appt_window w;
	struct appt_problems pb;

	(void)state;
	assert_int_equal(check("2026-12-06", "14:00", "14:15", &w, &pb), 1);
	assert_string_equal(pb.to, "APPT_ERR_SHORT");
	assert_int_equal(check("2026-12-06", "14:00", "14:30", &w, &pb), 0);
	assert_int_equal(check("2026-12-06", "08:00", "16:00", &w, &pb), 0);
	assert_int_equal(check("2026-12-06", "08:00", "16:01", &w, &pb), 1);
	assert_string_equal(pb.to, "APPT_ERR_LONG");
}

static void
test_business_hours(void **state)
{
	struct appt_window w;
	struct appt_problems pb;

	(void)state;
	assert_int_equal(check("2026-12-06", "06:30", "08:00", &w, &pb), 1);
	assert_string_equal(pb.from, "APPT_ERR_HOURS");
	assert_int_equal(check("2026-12-06", "21:00", "22:30", &w, &pb), 1);
	assert_string_equal(pb.to, "APPT_ERR_HOURS");
	assert_int_equal(check("2026-12-06", "07:00", "08:00", &w, &pb), 0);
	assert_int_equal(check("2026-12-06", "21:00", "22:00", &w, &pb), 0);
}

static void
test_past_beyond_a_day_and_far_future_are_refused(void **state)
{
	struct appt_window w;
	struct appt_problems pb;

	(void)state;
	/* Yesterday 14:00 is 20 hours ago: a late entry, accepted. */
	assert_int_equal(check("2026-12-04", "14:00", "16:00", &w, &pb), 0);
	/* Yesterday 09:00 is 25 hours ago. */
	assert_int_equal(check("2026-12-04", "09:00", "10:00", &w, &pb), 1);
	assert_string_equal(pb.date, "APPT_ERR_PAST");
	assert_int_equal(check("2027-06-01", "09:00", "10:00", &w, &pb), 0);
	assert_int_equal(check("2027-06-10", "09:00", "10:00", &w, &pb), 1);
	assert_string_equal(pb.date, "APPT_ERR_FAR");
}

static void
test_malformed_fields_each_get_their_problem(void **state)
{
	struct appt_window w;
	struct appt_problems pb;
	static const char *const bad_dates[] = { "", "2026-13-01", "2026-02-29", "2026-12-5",
	    "2026/12/05", "20261205xx", "2026-12-32", "abcd-ef-gh" };
	static const char *const bad_times[] = { "", "24:00", "12:60", "1200", "12:0", "x2:00",
	    "123:00" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad_dates) / sizeof(bad_dates[0]); i++) {
		assert_int_equal(check(bad_dates[i], "14:00", "16:00", &w, &pb), 1);
		assert_string_equal(pb.date, "APPT_ERR_DATE");
	}
	assert_int_equal(check(NULL, NULL, NULL, &w, &pb), 3);
	for (i = 0; i < sizeof(bad_times) / sizeof(bad_times[0]); i++) {
		assert_int_equal(check("2026-12-06", bad_times[i], "16:00", &w, &pb), 1);
		assert_string_equal(pb.from, "APPT_ERR_TIME");
		assert_int_equal(check("2026-12-06", "14:00", bad_times[i], &w, &pb), 1);
		assert_string_equal(pb.to, "APPT_ERR_TIME");
	}
	/* A leap day is a date. */
	assert_int_equal(appt_check("2028-02-29", "14:00", "16:00", local(2028, 2, 1, 8, 0), &w,
	    &pb), 0);
}

static void
test_format_and_split_in_local_time(void **state)
{
	struct arena ar, *a = &ar;
	char date[11], hm[6];
	time_t s = local(2026, 12, 5, 14, 0), e = local(2026, 12, 5, 16, 30);

	(void)state;
	arena_init(a);
	assert_string_equal(appt_format(a, s, e, "zh-CN"), "12月5日 14:00–16:30");
	assert_string_equal(appt_format(a, s, e, "en"), "5 Dec 14:00–16:30");
	/* 07:30 local on Jan 1 is the previous day in UTC. */
	s = local(2027, 1, 1, 7, 30);
	assert_string_equal(appt_format(a, s, s + 3600, "zh-CN"), "1月1日 07:30–08:30");
	appt_split(s, date, hm);
	assert_string_equal(date, "2027-01-01");
	assert_string_equal(hm, "07:30");
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_window_is_converted_to_utc),
		cmocka_unit_test(test_end_must_be_after_start),
		cmocka_unit_test(test_window_length_limits),
		cmocka_unit_test(test_business_hours),
		cmocka_unit_test(test_past_beyond_a_day_and_far_future_are_refused),
		cmocka_unit_test(test_malformed_fields_each_get_their_problem),
		cmocka_unit_test(test_format_and_split_in_local_time),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
