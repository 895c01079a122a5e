/* The drill-down mapping (metric_drill.h, metric_drill_path): which set of
 * tickets each metric lists, and the queue link of a value. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "arena.h"
#include "metric_drill.h"
#include "metric_key.h"

/* Every metric drills into a set; a part, when there is one, is another
 * set; every set has a label in both languages. */
static void
test_every_metric_has_a_set(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < METRIC__MAX; i++) {
		const struct metric_drill_def *d = metric_drill_def((enum metric_id)i);

		assert_non_null(d);
		assert_true(d->all < MDS__MAX);
		assert_true(d->part == MDS__MAX || (d->part < MDS__MAX && d->part != d->all));
		assert_true(strlen(metric_drill_set_label(d->all, "zh-CN")) > 0);
		assert_true(strlen(metric_drill_set_label(d->all, "en")) > 0);
	}
	assert_null(metric_drill_def(METRIC__MAX));
	assert_string_equal(metric_drill_set_label(MDS__MAX, "en"), "");
}

/* The metrics whose n are the tickets themselves, and those counted in
 * other rows (records, visits, ticket-days) listed as distinct tickets. */
static void
test_sets_of_metrics(void **state)
{
	(void)state;
	assert_int_equal(metric_drill_def(METRIC_VOLUME)->all, MDS_CREATED);
	assert_int_equal(metric_drill_def(METRIC_SLA_COMPLIANCE)->all, MDS_RESOLVED);
	assert_int_equal(metric_drill_def(METRIC_SLA_COMPLIANCE)->part, MDS_RESOLVED_LATE);
	assert_int_equal(metric_drill_def(METRIC_REOPEN_RATE)->part, MDS_RESOLVED_REOPENED);
	assert_int_equal(metric_drill_def(METRIC_CSAT)->all, MDS_RATED);
	assert_int_equal(metric_drill_def(METRIC_CSAT)->part, MDS_RATED_LOW);
	assert_int_equal(metric_drill_def(METRIC_BACKLOG)->all, MDS_OPEN_AT_END);
	assert_int_equal(metric_drill_def(METRIC_BACKLOG_AGE)->all, MDS_OPEN_AT_END);
	assert_int_equal(metric_drill_def(METRIC_FIRST_TIME_FIX)->all, MDS_VISITED);
	assert_int_equal(metric_drill_def(METRIC_FIRST_TIME_FIX)->part, MDS_FIXED_FIRST);
	assert_int_equal(metric_drill_def(METRIC_WAITING_PARTS)->all, MDS_WAITED_PARTS);
	assert_int_equal(metric_drill_def(METRIC_TIME_TO_ARRIVAL)->all, MDS_ARRIVED);
	assert_int_equal(metric_drill_def(METRIC_ONSITE_TIME)->all, MDS_VISITS);
	assert_false(metric_drill_def(METRIC_PARTS_USE)->per_ticket);
	assert_false(metric_drill_def(METRIC_ONSITE_TIME)->per_ticket);
	assert_false(metric_drill_def(METRIC_COMPLAINTS)->per_ticket);
	assert_true(metric_drill_def(METRIC_VOLUME)->per_ticket);
	assert_true(metric_drill_def(METRIC_CSAT)->per_ticket);
	assert_string_equal(metric_drill_set_label(MDS_RESOLVED_LATE, "en"), "resolved late");
}

/* The link: the key, the period as China-time days (last day inclusive),
 * the slice; nothing for an unknown key or channel. */
static void
test_drill_path(void **state)
{
	struct arena a;
	struct metric_filter f;

	(void)state;
	arena_init(&a);
	memset(&f, 0, sizeof(f));
	f.from = metric_day_start(metric_day_from_ymd(2026, 11, 1));
	f.to = metric_day_start(metric_day_from_ymd(2026, 12, 1));
	assert_string_equal(metric_drill_path(&a, "backlog", &f),
	    "/desk/?metric=backlog&from=2026-11-01&to=2026-11-30");
	f.team_id = 2;
	f.channel = "web";
	assert_string_equal(metric_drill_path(&a, "first_response", &f),
	    "/desk/?metric=first_response&from=2026-11-01&to=2026-11-30&team=2&channel=web");
	f.to = f.from;   /* empty: the day of from */
	assert_string_equal(metric_drill_path(&a, "csat", &f),
	    "/desk/?metric=csat&from=2026-11-01&to=2026-11-01&team=2&channel=web");
	f.channel = "fax";
	assert_null(metric_drill_path(&a, "csat", &f));
	f.channel = "";
	assert_null(metric_drill_path(&a, "nope", &f));
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_metric_has_a_set),
		cmocka_unit_test(test_sets_of_metrics),
		cmocka_unit_test(test_drill_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
