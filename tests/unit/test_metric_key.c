/* Metrics by key (cgi/service/metric_key.c): every built-in metric is
 * found by its key with its registry definition; unknown keys are not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "metric_key.h"

static void
test_builtin_metrics_by_key(void **state)
{
	struct arena a;
	struct metric_info m;
	struct metric_filter f;
	size_t i;
	int found;

	(void)state;
	arena_init(&a);
	/* Built-in keys never reach the database (none here); the list, with
	 * the external metrics, is checked by the HTTP tests. */
	for (i = 0; i < METRIC__MAX; i++) {
		assert_int_equal(metric_info_by_key(&a, metric_def((enum metric_id)i)->key, &m,
		    &found), DB_OK);
		assert_true(found);
		assert_int_equal(m.id, (int)i);
		assert_false(m.external);
		assert_string_equal(metric_info_label(&m, "en"), metric_def((enum metric_id)i)->en);
	}
	assert_int_equal(metric_info_by_key(&a, "first_time_fix", &m, &found), DB_OK);
	assert_int_equal(m.unit, METRIC_U_PERCENT);
	/* Not even the shape of a key: no query. */
	assert_int_equal(metric_info_by_key(&a, "No such metric", &m, &found), DB_OK);
	assert_false(found);
	memset(&f, 0, sizeof(f));
	assert_null(metric_drill_path(&a, "no_such_metric", &f));
	f.category_id = 3;
	f.channel = "phone";
	f.from = metric_day_start(metric_day_from_ymd(2026, 11, 1));
	f.to = metric_day_start(metric_day_from_ymd(2026, 12, 1));
	assert_string_equal(metric_drill_path(&a, "volume", &f),
	    "/desk/?metric=volume&from=2026-11-01&to=2026-11-30&category=3&channel=phone");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_metrics_by_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
