/* QR codes as SVG runs (qr.c): runs of a hand-made matrix, then a real
 * code from libqrencode — its finder patterns, and runs that cover exactly
 * its dark modules, each maximal (two runs never touch on a row). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "qr.h"

static void
test_runs_of_a_small_matrix(void **state)
{
	/* 4 × 4, dark = bit 0 (other bits, as libqrencode sets them, ignored):
	 *   X X . X
	 *   . . . .
	 *   X X X X
	 *   . X . . */
	static const unsigned char m[16] = {
		1, 3, 2, 0x81,
		0, 0, 0, 0,
		1, 1, 1, 1,
		0, 1, 0, 0,
	};
	struct qr_run out[10];
	size_t n = qr_runs(m, 4, out);

	(void)state;
	assert_int_equal(n, 4);
	assert_int_equal(out[0].x, 0); assert_int_equal(out[0].y, 0); assert_int_equal(out[0].w, 2);
	assert_int_equal(out[1].x, 3); assert_int_equal(out[1].y, 0); assert_int_equal(out[1].w, 1);
	assert_int_equal(out[2].x, 0); assert_int_equal(out[2].y, 2); assert_int_equal(out[2].w, 4);
	assert_int_equal(out[3].x, 1); assert_int_equal(out[3].y, 3); assert_int_equal(out[3].w, 1);
}

static void
test_a_checkerboard_needs_the_most_runs(void **state)
{
	unsigned char m[25];
	struct qr_run out[5 * 6 / 2];
	int i;

	(void)state;
	for (i = 0; i < 25; i++)
		m[i] = (unsigned char)((i % 5 + i / 5) % 2 == 0);
	/* Rows 0, 2, 4 have 3 dark modules, rows 1, 3 have 2: 13 runs of 1. */
	assert_int_equal(qr_runs(m, 5, out), 13);
	for (i = 0; i < 13; i++)
		assert_int_equal(out[i].w, 1);
}

static void
test_real_code_runs_cover_exactly_the_dark_modules(void **state)
{
	const char *url = "http://127.0.0.1:18080/track/abcdefghijklmnopqrstuvwxyz";
	QRcode *ref = QRcode_encodeString8bit(url, 0, QR_ECLEVEL_M);
	struct arena a;
	struct qr_code q;
	unsigned char *seen;
	size_t i, dark = 0, covered = 0;
	int x, y;

	(void)state;
	assert_non_null(ref);
	arena_init(&a);
	assert_int_equal(qr_encode(&a, url, &q), 0);
	assert_int_equal(q.size, ref->width);
	assert_int_equal((q.size - 17) % 4, 0);            /* 21, 25, 29 ... modules */
	seen = calloc((size_t)q.size * (size_t)q.size, 1);
	assert_non_null(seen);
	for (i = 0; i < q.nruns; i++) {
		const struct qr_run *r = &q.runs[i];

		assert_true(r->w >= 1 && r->x >= 0 && r->x + r->w <= q.size);
		assert_true(r->y >= 0 && r->y < q.size);
		for (x = r->x; x < r->x + r->w; x++) {
			assert_true(ref->data[r->y * q.size + x] & 1);
			assert_int_equal(seen[r->y * q.size + x], 0);   /* no overlap */
			seen[r->y * q.size + x] = 1;
			covered++;
		}
		/* Maximal: the modules just outside the run are light. */
		if (r->x > 0)
			assert_false(ref->data[r->y * q.size + r->x - 1] & 1);
		if (r->x + r->w < q.size)
			assert_false(ref->data[r->y * q.size + r->x + r->w] & 1);
	}
	for (y = 0; y < q.size * q.size; y++)
		dark += ref->data[y] & 1;
	assert_int_equal(covered, dark);
	/* The top-left and top-right finder patterns: 7 dark modules on row 0. */
	assert_int_equal(q.runs[0].x, 0);
	assert_int_equal(q.runs[0].y, 0);
	assert_int_equal(q.runs[0].w, 7);
	free(seen);
	QRcode_free(ref);
	arena_free(&a);
}

static void
test_too_long_text_is_refused(void **state)
{
	struct arena a;
	struct qr_code q;
	char *big = malloc(8000);

	(void)state;
	assert_non_null(big);
	memset(big, 'x', 7999);
	big[7999] = '\0';
	arena_init(&a);
	assert_int_equal(qr_encode(&a, big, &q), -1);
	free(big);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_runs_of_a_small_matrix),
		cmocka_unit_test(test_a_checkerboard_needs_the_most_runs),
		cmocka_unit_test(test_real_code_runs_cover_exactly_the_dark_modules),
		cmocka_unit_test(test_too_long_text_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
