/* Unit tests of cgi/service/tz_zones.c: the time zones of the admin
 * calendar and the fixed offsets the SLA clock gets from them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "tz_zones.h"

static void
test_named_zone_gives_its_offset(void **state)
{
	int off = 0;

	(void)state;
	assert_int_equal(tz_parse("Asia/Shanghai", &off), 0);
	assert_int_equal(off, 480);
	assert_int_equal(tz_parse("Asia/Kolkata", &off), 0);
	assert_int_equal(off, 330);
	assert_int_equal(tz_parse("UTC", &off), 0);
	assert_int_equal(off, 0);
}

static void
test_plain_offset_is_read(void **state)
{
	int off = 0;

	(void)state;
	assert_int_equal(tz_parse("UTC+05:45", &off), 0);
	assert_int_equal(off, 345);
	assert_int_equal(tz_parse("UTC-03:30", &off), 0);
	assert_int_equal(off, -210);
	assert_int_equal(tz_parse("UTC+14:00", &off), 0);
	assert_int_equal(off, 840);
}

static void
test_unknown_or_out_of_range_is_refused(void **state)
{
	int off = 7;

	(void)state;
	assert_int_equal(tz_parse("Europe/Berlin", &off), -1);   /* DST: not offered */
	assert_int_equal(tz_parse("UTC+15:00", &off), -1);
	assert_int_equal(tz_parse("UTC-12:15", &off), -1);
	assert_int_equal(tz_parse("UTC+08:10", &off), -1);
	assert_int_equal(tz_parse("480", &off), -1);
	assert_int_equal(tz_parse("", &off), -1);
	assert_int_equal(tz_parse(NULL, &off), -1);
	assert_int_equal(off, 7);
}

static void
test_zones_run_west_to_east_within_range(void **state)
{
	size_t n, i;
	const struct tz_zone *z = tz_zones(&n);

	(void)state;
	assert_true(n > 10);
	for (i = 0; i < n; i++) {
		assert_true(z[i].offset_min >= TZ_OFFSET_MIN && z[i].offset_min <= TZ_OFFSET_MAX);
		if (i > 0)
			assert_true(z[i - 1].offset_min <= z[i].offset_min);
	}
}

static void
test_zone_for_prefers_the_stored_name(void **state)
{
	(void)state;
	assert_string_equal(tz_zone_for("Asia/Singapore", 480)->name, "Asia/Singapore");
	assert_string_equal(tz_zone_for(NULL, 480)->name, "Asia/Shanghai");
	/* a name whose offset is not the stored one: the offset wins */
	assert_string_equal(tz_zone_for("Asia/Tokyo", 480)->name, "Asia/Shanghai");
	assert_null(tz_zone_for(NULL, 485));
}

static void
test_offset_text(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a);
	assert_string_equal(tz_offset_text(&a, 480), "UTC+08:00");
	assert_string_equal(tz_offset_text(&a, -210), "UTC-03:30");
	assert_string_equal(tz_offset_text(&a, 0), "UTC+00:00");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_named_zone_gives_its_offset),
		cmocka_unit_test(test_plain_offset_is_read),
		cmocka_unit_test(test_unknown_or_out_of_range_is_refused),
		cmocka_unit_test(test_zones_run_west_to_east_within_range),
		cmocka_unit_test(test_zone_for_prefers_the_stored_name),
		cmocka_unit_test(test_offset_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
