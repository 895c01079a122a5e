/* Unit tests of the pure parts of cgi/service/ticket_bulk.c: reading the
 * ticket ids of the queue's bulk form, and which changes leave a ticket
 * as it is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>

#include "ticket_bulk.h"

static void
test_ids_in_order_each_once(void **state)
{
	const char *v[] = { "12", "7", "12", "900000000001" };
	long long ids[BULK_MAX];
	size_t n;

	(void)state;
	assert_null(bulk_ids_parse(v, 4, ids, &n));
	assert_int_equal(n, 3);
	assert_int_equal(ids[0], 12);
	assert_int_equal(ids[1], 7);
	assert_int_equal(ids[2], 900000000001LL);
}

static void
test_ids_none_is_refused(void **state)
{
	long long ids[BULK_MAX];
	size_t n = 99;

	(void)state;
	assert_string_equal(bulk_ids_parse(NULL, 0, ids, &n), "BULK_ERR_NONE");
	assert_int_equal(n, 0);
}

static void
test_ids_not_numbers_are_refused(void **state)
{
	const char *bad[] = { "0", "-3", "12a", "", " 4", "04", "99999999999999999999", "1e3" };
	long long ids[BULK_MAX];
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *v[] = { "5", bad[i] };

		assert_string_equal(bulk_ids_parse(v, 2, ids, &n), "BULK_ERR_ID");
	}
}

static void
test_ids_more_than_a_page_are_refused(void **state)
{
	static char buf[BULK_MAX + 1][16];
	const char *v[BULK_MAX + 1];
	long long ids[BULK_MAX];
	size_t i, n;

	(void)state;
	for (i = 0; i <= BULK_MAX; i++) {
		snprintf(buf[i], sizeof(buf[i]), "%zu", i + 1);
		v[i] = buf[i];
	}
	assert_null(bulk_ids_parse(v, BULK_MAX, ids, &n));
	assert_int_equal(n, BULK_MAX);
	assert_string_equal(bulk_ids_parse(v, BULK_MAX + 1, ids, &n), "BULK_ERR_TOO_MANY");
	v[BULK_MAX] = buf[0];   /* a repeated id is not one more */
	assert_null(bulk_ids_parse(v, BULK_MAX + 1, ids, &n));
	assert_int_equal(n, BULK_MAX);
}

static void
test_noop_status_and_priority(void **state)
{
	struct bulk_change c = { BULK_STATUS, 0, 0, TS_ACCEPTED, TP__MAX };

	(void)state;
	assert_true(bulk_is_noop(&c, TS_ACCEPTED, TP_LOW, 0, 0));
	assert_false(bulk_is_noop(&c, TS_NEW, TP_LOW, 0, 0));
	c.op = BULK_PRIORITY;
	c.priority = TP_URGENT;
	assert_true(bulk_is_noop(&c, TS_NEW, TP_URGENT, 0, 0));
	assert_false(bulk_is_noop(&c, TS_NEW, TP_HIGH, 0, 0));
}

static void
test_noop_assign_compares_what_is_given(void **state)
{
	struct bulk_change c = { BULK_ASSIGN, 4, 0, TS__MAX, TP__MAX };

	(void)state;
	assert_true(bulk_is_noop(&c, TS_ASSIGNED, TP_LOW, 4, 9));    /* team not asked */
	assert_false(bulk_is_noop(&c, TS_ASSIGNED, TP_LOW, 5, 9));
	assert_false(bulk_is_noop(&c, TS_NEW, TP_LOW, 0, 0));
	c.team = 9;
	assert_true(bulk_is_noop(&c, TS_ASSIGNED, TP_LOW, 4, 9));
	assert_false(bulk_is_noop(&c, TS_ASSIGNED, TP_LOW, 4, 8));
	c.assignee = 0;
	assert_true(bulk_is_noop(&c, TS_ACCEPTED, TP_LOW, 0, 9));
	assert_false(bulk_is_noop(&c, TS_ACCEPTED, TP_LOW, 0, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids_in_order_each_once),
		cmocka_unit_test(test_ids_none_is_refused),
		cmocka_unit_test(test_ids_not_numbers_are_refused),
		cmocka_unit_test(test_ids_more_than_a_page_are_refused),
		cmocka_unit_test(test_noop_status_and_priority),
		cmocka_unit_test(test_noop_assign_compares_what_is_given),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
