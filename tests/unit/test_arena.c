/* Unit tests of cgi/core/arena.c: one scenario per test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"

#define BLOCK (64 * 1024)   /* ARENA_BLOCK_MIN in arena.c */

static int
setup(void **state)
{
	struct arena *a = malloc(sizeof(*a));

	if (a == NULL)
		return -1;
	arena_init(a);
	*state = a;
	return 0;
}

static int
teardown(void **state)
{
	arena_free(*state);
	free(*state);
	return 0;
}

static int
aligned16(const void *p)
{
	return ((uintptr_t)p & 15u) == 0;
}

static void
test_arena_init_is_empty(void **state)
{
	struct arena *a = *state;

	assert_null(a->head);
	assert_int_equal(a->total, 0);
}

static void
test_arena_alloc_first_is_aligned16(void **state)
{
	void *p = arena_alloc(*state, 1);

	assert_non_null(p);
	assert_true(aligned16(p));
}

static void
test_arena_alloc_odd_sizes_stay_aligned16(void **state)
{
	static const size_t sizes[] = { 1, 3, 7, 15, 16, 17, 31, 33, 100, 1000, 4095 };
	size_t i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		void *p = arena_alloc(*state, sizes[i]);

		assert_non_null(p);
		if (!aligned16(p))
			fail_msg("allocation %zu (size %zu) at %p is not 16-byte aligned",
			    i, sizes[i], p);
	}
}

static void
test_arena_alloc_zero_gives_distinct_pointers(void **state)
{
	char *p = arena_alloc(*state, 0), *q = arena_alloc(*state, 0);

	assert_non_null(p);
	assert_non_null(q);
	assert_ptr_not_equal(p, q);
}

static void
test_arena_allocations_do_not_overlap(void **state)
{
	unsigned char *p = arena_alloc(*state, 40), *q = arena_alloc(*state, 40);
	size_t i;

	memset(p, 0xAA, 40);
	memset(q, 0x55, 40);
	for (i = 0; i < 40; i++)
		assert_int_equal(p[i], 0xAA);
	assert_true(q >= p + 40 || p >= q + 40);
}

static void
test_arena_total_counts_rounded_bytes(void **state)
{
	struct arena *a = *state;

	arena_alloc(a, 1);
	assert_int_equal(a->total, 16);
	arena_alloc(a, 17);
	assert_int_equal(a->total, 48);
}

static void
test_arena_large_allocation_bigger_than_block(void **state)
{
	size_t n = 3 * BLOCK + 5;
	unsigned char *p = arena_alloc(*state, n);

	assert_non_null(p);
	assert_true(aligned16(p));
	memset(p, 0x7E, n);     /* valgrind/ASan catch an undersized block */
	assert_int_equal(p[0], 0x7E);
	assert_int_equal(p[n - 1], 0x7E);
}

static void
test_arena_small_after_large_still_works(void **state)
{
	unsigned char *big = arena_alloc(*state, 2 * BLOCK);
	char *s;

	memset(big, 1, 2 * BLOCK);
	s = arena_strdup(*state, "after");
	assert_string_equal(s, "after");
	assert_true(aligned16(s));
	assert_int_equal(big[2 * BLOCK - 1], 1);
}

static void
test_arena_exactly_block_size(void **state)
{
	unsigned char *p = arena_alloc(*state, BLOCK);

	assert_non_null(p);
	memset(p, 9, BLOCK);
	assert_int_equal(p[BLOCK - 1], 9);
}

static void
test_arena_strdup_copies(void **state)
{
	char src[] = "服务闭环 ServiceLoop";
	char *s = arena_strdup(*state, src);

	assert_ptr_not_equal(s, src);
	assert_string_equal(s, src);
	src[0] = 'X';
	assert_string_equal(s, "服务闭环 ServiceLoop");
}

static void
test_arena_strdup_empty(void **state)
{
	char *s = arena_strdup(*state, "");

	assert_non_null(s);
	assert_string_equal(s, "");
}

static void
test_arena_strndup_terminates(void **state)
{
	char *s = arena_strndup(*state, "abcdef", 3);

	assert_string_equal(s, "abc");
	assert_int_equal(s[3], '\0');
}

static void
test_arena_strndup_embedded_bytes_kept(void **state)
{
	char *s = arena_strndup(*state, "a\0b", 3);

	assert_int_equal(s[0], 'a');
	assert_int_equal(s[1], '\0');
	assert_int_equal(s[2], 'b');
	assert_int_equal(s[3], '\0');
}

static void
test_arena_printf_formats(void **state)
{
	char *s = arena_printf(*state, "%s-%d-%05.1f-%x", "id", 42, 3.14159, 255u);

	assert_string_equal(s, "id-42-003.1-ff");
}

static void
test_arena_printf_empty(void **state)
{
	const char *empty = "";
	char *s = arena_printf(*state, "%s", empty);

	assert_non_null(s);
	assert_string_equal(s, "");
}

static void
test_arena_printf_long_output(void **state)
{
	char *big = malloc(BLOCK + 100), *s;

	assert_non_null(big);
	memset(big, 'x', BLOCK + 99);
	big[BLOCK + 99] = '\0';
	s = arena_printf(*state, "[%s]", big);
	assert_int_equal(strlen(s), BLOCK + 101);
	assert_int_equal(s[0], '[');
	assert_int_equal(s[BLOCK + 100], ']');
	free(big);
}

/* A text that does not fit in the rest of the block: formatted again into
 * a new block, whole, and what was allocated before is untouched. */
static void
test_arena_printf_past_the_block_end(void **state)
{
	char *before = arena_alloc(*state, BLOCK - 48), *s;

	memset(before, 'b', BLOCK - 48);
	s = arena_printf(*state, "%s-%s", "0123456789abcdef0123456789abcdef",
	    "0123456789abcdef0123456789abcdef");   /* 65 bytes, 48 left */
	assert_string_equal(s, "0123456789abcdef0123456789abcdef-0123456789abcdef0123456789abcdef");
	assert_int_equal(before[BLOCK - 49], 'b');
	s = arena_printf(*state, "%d", 7);
	assert_string_equal(s, "7");
}

static void
test_arena_zalloc_zeroes(void **state)
{
	unsigned char *p;
	size_t i;

	/* Dirty the block first so zalloc has something to clear after reset. */
	p = arena_alloc(*state, 256);
	memset(p, 0xFF, 256);
	arena_reset(*state);
	p = arena_zalloc(*state, 256);
	for (i = 0; i < 256; i++)
		assert_int_equal(p[i], 0);
}

static void
test_arena_zalloc_large_zeroes(void **state)
{
	size_t n = BLOCK + 123, i;
	unsigned char *p = arena_zalloc(*state, n);

	for (i = 0; i < n; i++)
		if (p[i] != 0)
			fail_msg("byte %zu not zero", i);
}

static void
test_arena_reset_reuses_memory(void **state)
{
	struct arena *a = *state;
	void *first = arena_alloc(a, 100), *again;

	arena_alloc(a, 1000);
	arena_reset(a);
	assert_int_equal(a->total, 0);
	again = arena_alloc(a, 100);
	assert_ptr_equal(first, again);
}

static void
test_arena_reset_keeps_oldest_block(void **state)
{
	struct arena *a = *state;
	char *first = arena_alloc(a, BLOCK / 2), *p;
	int i;

	for (i = 0; i < 10; i++)
		arena_alloc(a, BLOCK / 2);
	arena_reset(a);
	assert_non_null(a->head);
	p = arena_alloc(a, BLOCK / 2);
	assert_ptr_equal(p, first);
	p = arena_alloc(a, BLOCK / 2);
	assert_ptr_equal(p, first + BLOCK / 2);
}

static void
test_arena_reset_then_keeps_working(void **state)
{
	struct arena *a = *state;
	int round, i;

	for (round = 0; round < 5; round++) {
		char *s[100];

		for (i = 0; i < 100; i++)
			s[i] = arena_printf(a, "round %d item %d", round, i);
		(void)arena_alloc(a, 3 * BLOCK);
		for (i = 0; i < 100; i++) {
			char want[64];

			snprintf(want, sizeof(want), "round %d item %d", round, i);
			assert_string_equal(s[i], want);
		}
		arena_reset(a);
	}
	assert_string_equal(arena_strdup(a, "still ok"), "still ok");
}

static void
test_arena_reset_empty_is_noop(void **state)
{
	struct arena *a = *state;

	arena_reset(a);
	assert_null(a->head);
	assert_string_equal(arena_strdup(a, "x"), "x");
}

static void
test_arena_free_then_reuse(void **state)
{
	struct arena *a = *state;

	arena_alloc(a, 10);
	arena_free(a);
	assert_null(a->head);
	assert_int_equal(a->total, 0);
	assert_string_equal(arena_strdup(a, "again"), "again");
}

static void
test_arena_many_allocations(void **state)
{
	enum { N = 20000 };
	struct arena *a = *state;
	unsigned **p = malloc(N * sizeof(*p));
	size_t i;

	assert_non_null(p);
	for (i = 0; i < N; i++) {
		p[i] = arena_alloc(a, sizeof(unsigned) * (1 + i % 7));
		assert_true(aligned16(p[i]));
		p[i][0] = (unsigned)i;
		p[i][i % 7] = (unsigned)i ^ 0xA5A5u;
	}
	for (i = 0; i < N; i++) {
		assert_int_equal(p[i][0], (unsigned)i ^ (i % 7 == 0 ? 0xA5A5u : 0));
		assert_int_equal(p[i][i % 7], (unsigned)i ^ 0xA5A5u);
	}
	assert_true(a->total > 2 * BLOCK);  /* spread over several blocks */
	free(p);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_arena_init_is_empty),
		T(test_arena_alloc_first_is_aligned16),
		T(test_arena_alloc_odd_sizes_stay_aligned16),
		T(test_arena_alloc_zero_gives_distinct_pointers),
		T(test_arena_allocations_do_not_overlap),
		T(test_arena_total_counts_rounded_bytes),
		T(test_arena_large_allocation_bigger_than_block),
		T(test_arena_small_after_large_still_works),
		T(test_arena_exactly_block_size),
		T(test_arena_strdup_copies),
		T(test_arena_strdup_empty),
		T(test_arena_strndup_terminates),
		T(test_arena_strndup_embedded_bytes_kept),
		T(test_arena_printf_formats),
		T(test_arena_printf_empty),
		T(test_arena_printf_long_output),
		T(test_arena_printf_past_the_block_end),
		T(test_arena_zalloc_zeroes),
		T(test_arena_zalloc_large_zeroes),
		T(test_arena_reset_reuses_memory),
		T(test_arena_reset_keeps_oldest_block),
		T(test_arena_reset_then_keeps_working),
		T(test_arena_reset_empty_is_noop),
		T(test_arena_free_then_reuse),
		T(test_arena_many_allocations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
