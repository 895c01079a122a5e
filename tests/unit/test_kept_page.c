/* Kept pages with token holes (kept_page.c): the tokens of a request land
 * where the template put the tokens of the rendering, and nothing is kept
 * when a token is not found exactly once, in order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "kept_page.h"

static void
test_fill_puts_each_token_into_its_hole(void **state)
{
	static const char page[] = "<input value=\"AAAA\"><input value=\"BBBB\"><p>end</p>";
	const char *render[2] = { "AAAA", "BBBB" }, *mine[2] = { "1234", "5678" };
	struct kept_page k = KEPT_PAGE_INIT;
	struct arena a;
	size_t len = 0;
	char *out;

	(void)state;
	arena_init(&a);
	assert_int_equal(kept_page_keep(&k, 7, page, strlen(page), render, 2), 0);
	assert_true(kept_page_fresh(&k, 7));
	assert_false(kept_page_fresh(&k, 8));
	out = kept_page_fill(&a, &k, mine, 2, &len);
	assert_non_null(out);
	assert_int_equal(len, strlen(page));
	assert_string_equal(out, "<input value=\"1234\"><input value=\"5678\"><p>end</p>");
	/* The kept page itself is unchanged: the next request gets its own. */
	mine[0] = "abcd";
	out = kept_page_fill(&a, &k, mine, 2, &len);
	assert_string_equal(out, "<input value=\"abcd\"><input value=\"5678\"><p>end</p>");
	kept_page_drop(&k);
	assert_false(kept_page_fresh(&k, 7));
	arena_free(&a);
}

static void
test_token_not_once_keeps_nothing(void **state)
{
	static const char twice[] = "AAAA BBBB AAAA";
	static const char missing[] = "AAAA CCCC";
	static const char swapped[] = "BBBB AAAA";
	const char *render[2] = { "AAAA", "BBBB" };
	struct kept_page k = KEPT_PAGE_INIT;

	(void)state;
	assert_int_equal(kept_page_keep(&k, 1, twice, strlen(twice), render, 2), -1);
	assert_false(kept_page_fresh(&k, 1));
	assert_int_equal(kept_page_keep(&k, 1, missing, strlen(missing), render, 2), -1);
	assert_false(kept_page_fresh(&k, 1));
	assert_int_equal(kept_page_keep(&k, 1, swapped, strlen(swapped), render, 2), -1);
	assert_false(kept_page_fresh(&k, 1));
}

static void
test_token_of_other_length_is_refused(void **state)
{
	static const char page[] = "x=AAAA;y=BBBB";
	const char *render[2] = { "AAAA", "BBBB" }, *longer[2] = { "AAAAA", "BBBB" };
	struct kept_page k = KEPT_PAGE_INIT;
	struct arena a;
	size_t len;

	(void)state;
	arena_init(&a);
	assert_int_equal(kept_page_keep(&k, 1, page, strlen(page), render, 2), 0);
	assert_null(kept_page_fill(&a, &k, longer, 2, &len));
	assert_null(kept_page_fill(&a, &k, render, 1, &len));
	kept_page_drop(&k);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fill_puts_each_token_into_its_hole),
		cmocka_unit_test(test_token_not_once_keeps_nothing),
		cmocka_unit_test(test_token_of_other_length_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
