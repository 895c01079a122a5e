/* Unit tests of cgi/service/frag_cache.c: when a worker's rendered page
 * part (the queue's rows, filter form, ...) may be used, and which one a
 * full table gives up. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "frag_cache.h"

static struct frag slots[3];
static struct frag_cache cache = { slots, 3, 0 };

static int
clear(void **state)
{
	(void)state;
	frag_clear(&cache);
	return 0;
}

static void
put(const char *name, long long version, time_t now, time_t until, const char *text)
{
	frag_put(&cache, name, version, now, until, text, strlen(text), 7);
}

static void
test_kept_part_is_found_with_its_text(void **state)
{
	const struct frag *f;

	(void)state;
	put("zh-CN|1|/desk/?", 42, 1000, 1010, "<tr>a</tr>");
	f = frag_get(&cache, "zh-CN|1|/desk/?", 42, 1005);
	assert_non_null(f);
	assert_string_equal(f->text, "<tr>a</tr>");
	assert_int_equal(f->len, 10);
	assert_int_equal(f->aux, 7);
	assert_null(frag_get(&cache, "en|1|/desk/?", 42, 1005));   /* another name */
}

static void
test_new_version_is_stale_at_once(void **state)
{
	(void)state;
	put("p", 42, 1000, 1010, "x");
	assert_null(frag_get(&cache, "p", 43, 1000));
	assert_null(frag_get(&cache, "p", 41, 1000));
}

static void
test_end_is_a_bound(void **state)
{
	(void)state;
	put("p", 42, 1000, 1010, "x");
	assert_non_null(frag_get(&cache, "p", 42, 1009));
	assert_null(frag_get(&cache, "p", 42, 1010));
}

static void
test_clock_going_back_is_stale(void **state)
{
	(void)state;
	put("p", 42, 1000, 1010, "x");
	assert_null(frag_get(&cache, "p", 42, 999));
}

static void
test_part_already_ended_is_not_kept(void **state)
{
	char name[FRAG_NAME_MAX + 2];

	(void)state;
	put("p", 42, 1000, 1000, "x");
	assert_null(frag_get(&cache, "p", 42, 1000));
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	put(name, 42, 1000, 2000, "x");
	assert_null(frag_get(&cache, name, 42, 1000));
}

static void
test_same_name_is_replaced(void **state)
{
	(void)state;
	put("p", 42, 1000, 1010, "old");
	put("p", 43, 1001, 1011, "new");
	assert_string_equal(frag_get(&cache, "p", 43, 1002)->text, "new");
	assert_null(frag_get(&cache, "p", 42, 1002));
}

static void
test_full_table_gives_up_least_recently_used(void **state)
{
	(void)state;
	put("a", 1, 1000, 2000, "A");
	put("b", 1, 1000, 2000, "B");
	put("c", 1, 1000, 2000, "C");
	assert_non_null(frag_get(&cache, "a", 1, 1001));   /* a is used again: b is the oldest */
	put("d", 1, 1002, 2000, "D");
	assert_null(frag_get(&cache, "b", 1, 1003));
	assert_non_null(frag_get(&cache, "a", 1, 1003));
	assert_non_null(frag_get(&cache, "c", 1, 1003));
	assert_non_null(frag_get(&cache, "d", 1, 1003));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_kept_part_is_found_with_its_text, clear),
		cmocka_unit_test_setup(test_new_version_is_stale_at_once, clear),
		cmocka_unit_test_setup(test_end_is_a_bound, clear),
		cmocka_unit_test_setup(test_clock_going_back_is_stale, clear),
		cmocka_unit_test_setup(test_part_already_ended_is_not_kept, clear),
		cmocka_unit_test_setup(test_same_name_is_replaced, clear),
		cmocka_unit_test_setup(test_full_table_gives_up_least_recently_used, clear),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
