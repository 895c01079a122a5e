/* Unit tests of cgi/core/worker_cache.c: when a worker's copy of
 * database values (the queue's lists and counts) may still be used. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "worker_cache.h"

static void
test_empty_stamp_is_never_fresh(void **state)
{
	struct worker_stamp s = { 0, 0, 0 };

	(void)state;
	assert_false(worker_stamp_fresh(&s, 0, 100, 0));
	assert_false(worker_stamp_fresh(&s, 0, 100, 5));
}

static void
test_same_key_within_ttl_is_fresh(void **state)
{
	struct worker_stamp s = { 0, 0, 0 };

	(void)state;
	worker_stamp_set(&s, 42, 1000);
	assert_true(worker_stamp_fresh(&s, 42, 1000, 5));
	assert_true(worker_stamp_fresh(&s, 42, 1004, 5));
	assert_false(worker_stamp_fresh(&s, 42, 1005, 5));   /* the ttl is a bound */
}

static void
test_new_key_is_stale_at_once(void **state)
{
	struct worker_stamp s = { 0, 0, 0 };

	(void)state;
	worker_stamp_set(&s, 42, 1000);
	assert_false(worker_stamp_fresh(&s, 43, 1000, 5));
	assert_false(worker_stamp_fresh(&s, 41, 1000, 0));
}

static void
test_no_ttl_key_alone_decides(void **state)
{
	struct worker_stamp s = { 0, 0, 0 };

	(void)state;
	worker_stamp_set(&s, 7, 1000);
	assert_true(worker_stamp_fresh(&s, 7, 1000 + 86400 * 365, 0));
}

static void
test_clock_going_back_is_stale(void **state)
{
	struct worker_stamp s = { 0, 0, 0 };

	(void)state;
	worker_stamp_set(&s, 7, 1000);
	assert_false(worker_stamp_fresh(&s, 7, 999, 5));
	assert_false(worker_stamp_fresh(&s, 7, 999, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_stamp_is_never_fresh),
		cmocka_unit_test(test_same_key_within_ttl_is_fresh),
		cmocka_unit_test(test_new_key_is_stale_at_once),
		cmocka_unit_test(test_no_ttl_key_alone_decides),
		cmocka_unit_test(test_clock_going_back_is_stale),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
