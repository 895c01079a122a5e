/* The metric readers' per-process cache (cgi/service/metric_cache.c):
 * entries hold while the generation holds and until they expire (except
 * within the request that read them), copies are independent of the
 * request's memory, and the bounds evict the least recently used entry. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "metric_cache.h"

/* A one-row, two-column result: ("a", NULL) or the given text. */
static struct db_res *
one_row(struct arena *a, const char *text)
{
	struct db_res *r = arena_zalloc(a, sizeof(*r));

	r->nrows = 1;
	r->ncols = 2;
	r->v = arena_zalloc(a, sizeof(char *) * 3);
	r->len = arena_zalloc(a, sizeof(unsigned long) * 3);
	r->v[0] = arena_strdup(a, text);
	r->len[0] = (unsigned long)strlen(text);
	return r;
}

static int
teardown(void **state)
{
	(void)state;
	metric_cache_clear();
	return 0;
}

static void
test_copy_survives_the_request(void **state)
{
	struct arena a;
	struct db_res *r;
	const struct db_res *hit;

	(void)state;
	arena_init(&a);
	r = one_row(&a, "2026-11-01");
	metric_cache_put("daily|1", r, 7, MC_NEVER, &a);
	r->v[0][0] = 'X';               /* the request's copy changes ... */
	arena_reset(&a);                /* ... and goes */
	hit = metric_cache_find("daily|1", 7, 1000, &a);
	assert_non_null(hit);
	assert_int_equal(hit->nrows, 1);
	assert_int_equal(hit->ncols, 2);
	assert_string_equal(db_gets(hit, 0, 0), "2026-11-01");
	assert_int_equal(hit->len[0], 10);
	assert_null(db_get(hit, 0, 1));  /* SQL NULL stays NULL */
	arena_free(&a);
}

static void
test_generation_invalidates(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a);
	metric_cache_put("daily|1", one_row(&a, "5"), 7, MC_NEVER, &a);
	assert_non_null(metric_cache_find("daily|1", 7, 1000, &a));
	assert_null(metric_cache_find("daily|1", 8, 1000, &a));
	assert_null(metric_cache_find("daily|2", 7, 1000, &a));
	/* A new read replaces the entry of the same key. */
	metric_cache_put("daily|1", one_row(&a, "6"), 8, MC_NEVER, &a);
	assert_string_equal(db_gets(metric_cache_find("daily|1", 8, 1000, &a), 0, 0), "6");
	arena_free(&a);
}

static void
test_live_reads_expire_except_within_their_request(void **state)
{
	struct arena a, b;

	(void)state;
	arena_init(&a);
	arena_init(&b);
	metric_cache_put("live|1", one_row(&a, "5"), 1, 1010, &a);
	assert_non_null(metric_cache_find("live|1", 1, 1009, &b));
	assert_null(metric_cache_find("live|1", 1, 1010, &b));       /* expired */
	assert_non_null(metric_cache_find("live|1", 1, 5000, &a));   /* same request */
	arena_reset(&a);                                              /* the next one */
	assert_null(metric_cache_find("live|1", 1, 1010, &a));
	assert_null(metric_cache_find("live|1", 1, 2000, NULL));     /* no request: expired */
	arena_free(&a);
	arena_free(&b);
}

static void
test_entry_bound_evicts_least_recently_used(void **state)
{
	struct arena a;
	size_t n, bytes, i;
	char key[32];

	(void)state;
	arena_init(&a);
	for (i = 0; i < MC_MAX_ENTRIES; i++) {
		snprintf(key, sizeof(key), "k|%zu", i);
		metric_cache_put(key, one_row(&a, "1"), 1, MC_NEVER, &a);
	}
	metric_cache_usage(&n, &bytes);
	assert_int_equal(n, MC_MAX_ENTRIES);
	assert_non_null(metric_cache_find("k|0", 1, 0, &a));   /* k|1 is now the oldest */
	metric_cache_put("k|new", one_row(&a, "1"), 1, MC_NEVER, &a);
	metric_cache_usage(&n, &bytes);
	assert_int_equal(n, MC_MAX_ENTRIES);
	assert_non_null(metric_cache_find("k|0", 1, 0, &a));
	assert_null(metric_cache_find("k|1", 1, 0, &a));
	assert_non_null(metric_cache_find("k|2", 1, 0, &a));
	assert_non_null(metric_cache_find("k|new", 1, 0, &a));
	arena_free(&a);
}

static void
test_byte_bound(void **state)
{
	struct arena a;
	size_t n, bytes, big = MC_MAX_BYTES / 3;
	char *text;

	(void)state;
	arena_init(&a);
	text = arena_alloc(&a, big + 1);
	memset(text, 'x', big);
	text[big] = '\0';
	metric_cache_put("big|1", one_row(&a, text), 1, MC_NEVER, &a);
	metric_cache_put("big|2", one_row(&a, text), 1, MC_NEVER, &a);
	metric_cache_put("big|3", one_row(&a, text), 1, MC_NEVER, &a);
	metric_cache_usage(&n, &bytes);
	assert_true(bytes <= MC_MAX_BYTES);
	assert_int_equal(n, 2);
	assert_null(metric_cache_find("big|1", 1, 0, &a));
	/* Bigger than the whole cache: not kept, nothing evicted for it. */
	text = arena_alloc(&a, MC_MAX_BYTES + 1);
	memset(text, 'y', MC_MAX_BYTES);
	text[MC_MAX_BYTES] = '\0';
	metric_cache_put("huge", one_row(&a, text), 1, MC_NEVER, &a);
	assert_null(metric_cache_find("huge", 1, 0, &a));
	assert_non_null(metric_cache_find("big|3", 1, 0, &a));
	arena_free(&a);
}

/* The compact copy gives back every cell: values with their lengths, an
 * empty string apart from SQL NULL, and a fresh view in the next request. */
static void
test_copy_keeps_nulls_empties_and_lengths(void **state)
{
	struct arena a;
	struct db_res *r;
	const struct db_res *hit;

	(void)state;
	arena_init(&a);
	r = arena_zalloc(&a, sizeof(*r));
	r->nrows = 2;
	r->ncols = 2;
	r->v = arena_zalloc(&a, sizeof(char *) * 5);
	r->len = arena_zalloc(&a, sizeof(unsigned long) * 5);
	r->v[0] = arena_strdup(&a, "2026-01-01");
	r->len[0] = 10;
	r->v[1] = NULL;
	r->v[2] = arena_strdup(&a, "");
	r->v[3] = arena_strdup(&a, "12345");
	r->len[3] = 5;
	metric_cache_put("rows|1", r, 1, MC_NEVER, &a);
	arena_reset(&a);
	hit = metric_cache_find("rows|1", 1, 0, &a);
	assert_non_null(hit);
	assert_int_equal(hit->nrows, 2);
	assert_int_equal(hit->ncols, 2);
	assert_string_equal(db_gets(hit, 0, 0), "2026-01-01");
	assert_int_equal(hit->len[0], 10);
	assert_null(db_get(hit, 0, 1));
	assert_non_null(db_get(hit, 1, 0));
	assert_string_equal(db_gets(hit, 1, 0), "");
	assert_int_equal(db_get_int(hit, 1, 1), 12345);
	assert_int_equal(hit->len[3], 5);
	assert_ptr_equal(metric_cache_find("rows|1", 1, 0, &a), hit);   /* one view a request */
	arena_reset(&a);
	hit = metric_cache_find("rows|1", 1, 0, &a);
	assert_string_equal(db_gets(hit, 0, 0), "2026-01-01");
	assert_null(metric_cache_find("rows|1", 1, 0, NULL));          /* no request */
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_copy_survives_the_request, teardown),
		cmocka_unit_test_teardown(test_generation_invalidates, teardown),
		cmocka_unit_test_teardown(test_live_reads_expire_except_within_their_request,
		    teardown),
		cmocka_unit_test_teardown(test_entry_bound_evicts_least_recently_used, teardown),
		cmocka_unit_test_teardown(test_byte_bound, teardown),
		cmocka_unit_test_teardown(test_copy_keeps_nulls_empties_and_lengths, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
