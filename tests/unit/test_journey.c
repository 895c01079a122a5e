/* Journey maps: the rules of cgi/service/journey.c (evidence, ordering,
 * target status, trend) and the geometry of the emotion curve and of
 * sparklines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "arena.h"
#include "journey.h"

#define W 700.0
#define H 120.0
#define PAD 10.0

static void
test_emotion_scores_map_to_heights(void **state)
{
	struct journey_xy top = journey_emotion_xy(0, 7, 2, W, H, PAD);
	struct journey_xy mid = journey_emotion_xy(0, 7, 0, W, H, PAD);
	struct journey_xy bot = journey_emotion_xy(0, 7, -2, W, H, PAD);
	struct journey_xy one = journey_emotion_xy(0, 7, 1, W, H, PAD);

	assert_true(fabs(top.y - PAD) < 1e-9);
	assert_true(fabs(bot.y - (H - PAD)) < 1e-9);
	assert_true(fabs(mid.y - H / 2) < 1e-9);
	/* +1 is a quarter of the range below +2. */
	assert_true(fabs(one.y - (PAD + (H - 2 * PAD) / 4)) < 1e-9);
}

static void
test_emotion_x_is_the_centre_of_the_stage_column(void **state)
{
	size_t i;

	for (i = 0; i < 7; i++) {
		struct journey_xy p = journey_emotion_xy(i, 7, 0, W, H, PAD);

		assert_true(fabs(p.x - (W / 7) * ((double)i + 0.5)) < 1e-9);
	}
	/* One stage: the middle. */
	assert_true(fabs(journey_emotion_xy(0, 1, 0, W, H, PAD).x - W / 2) < 1e-9);
}

static void
test_emotion_out_of_range_is_clamped(void **state)
{
	assert_true(fabs(journey_emotion_xy(2, 5, 9, W, H, PAD).y - PAD) < 1e-9);
	assert_true(fabs(journey_emotion_xy(2, 5, -9, W, H, PAD).y - (H - PAD)) < 1e-9);
}

static void
test_curve_path_passes_through_every_point(void **state)
{
	struct arena a;
	struct journey_xy p[3] = { { 50, 10 }, { 150, 110 }, { 250, 60 } };
	const char *path;

	arena_init(&a);
	path = journey_curve_path(&a, p, 3);
	assert_true(strncmp(path, "M50.0,10.0 C", 12) == 0);
	/* Each cubic segment ends on the next point. */
	assert_non_null(strstr(path, " 150.0,110.0 C"));
	assert_true(strlen(path) > 10 && strcmp(path + strlen(path) - 11, " 250.0,60.0") == 0);
	/* A flat line keeps its control points on the line. */
	p[0].y = p[1].y = p[2].y = 60;
	path = journey_curve_path(&a, p, 3);
	assert_null(strstr(path, ",10.0"));
	assert_string_equal(journey_curve_path(&a, p, 0), "");
	arena_free(&a);
}

static void
test_spark_scales_lowest_to_bottom(void **state)
{
	double v[4] = { 10, 30, 0, 20 };
	int has[4] = { 1, 1, 0, 1 };
	struct journey_xy out[4];

	assert_int_equal(journey_spark(v, has, 4, 90, 20, out), 3);
	assert_true(fabs(out[0].y - 20) < 1e-9);      /* lowest */
	assert_true(fabs(out[1].y - 0) < 1e-9);       /* highest */
	assert_true(fabs(out[3].y - 10) < 1e-9);
	assert_true(fabs(out[3].x - 90) < 1e-9);
	assert_true(fabs(out[1].x - 30) < 1e-9);
}

static void
test_spark_flat_series_in_the_middle(void **state)
{
	double v[3] = { 5, 5, 5 };
	int has[3] = { 1, 1, 1 };
	struct journey_xy out[3];

	assert_int_equal(journey_spark(v, has, 3, 60, 20, out), 3);
	assert_true(fabs(out[2].y - 10) < 1e-9);
}

static void
test_target_higher_is_better(void **state)
{
	assert_int_equal(journey_target_status(1, 1, 95, 1, 95), JOURNEY_TARGET_ON);
	assert_int_equal(journey_target_status(1, 1, 94.9, 1, 95), JOURNEY_TARGET_OFF);
}

static void
test_target_lower_is_better(void **state)
{
	assert_int_equal(journey_target_status(-1, 1, 30, 1, 30), JOURNEY_TARGET_ON);
	assert_int_equal(journey_target_status(-1, 1, 31, 1, 30), JOURNEY_TARGET_OFF);
	assert_int_equal(journey_target_status(-1, 1, 0, 1, 0), JOURNEY_TARGET_ON);
}

static void
test_target_none_without_value_target_or_direction(void **state)
{
	assert_int_equal(journey_target_status(1, 0, 0, 1, 95), JOURNEY_TARGET_NONE);
	assert_int_equal(journey_target_status(1, 1, 99, 0, 0), JOURNEY_TARGET_NONE);
	assert_int_equal(journey_target_status(0, 1, 99, 1, 95), JOURNEY_TARGET_NONE);
}

static void
test_trend_direction_and_goodness(void **state)
{
	int good;

	assert_int_equal(journey_trend(-1, 1, 40, 1, 30, &good), 2);
	assert_int_equal(good, -1);           /* slower is worse */
	assert_int_equal(journey_trend(1, 1, 90, 1, 80, &good), 2);
	assert_int_equal(good, 1);
	assert_int_equal(journey_trend(1, 1, 80.001, 1, 80, &good), 1);
	assert_int_equal(good, 0);
	assert_int_equal(journey_trend(1, 0, 1, 1, 80, &good), 0);
}

static void
test_evidence_rules(void **state)
{
	assert_null(journey_evidence_check(JOURNEY_EV_DATA, "time_to_accept", 1));
	assert_null(journey_evidence_check(JOURNEY_EV_DATA, "/desk/?status=all", 0));
	assert_string_equal(journey_evidence_check(JOURNEY_EV_DATA, "", 0), "J_ERR_SOURCE_DATA");
	assert_string_equal(journey_evidence_check(JOURNEY_EV_DATA, "no_such_metric", 0),
	    "J_ERR_SOURCE_DATA");
	assert_string_equal(journey_evidence_check(JOURNEY_EV_DATA, "https://x.example/", 0),
	    "J_ERR_SOURCE_DATA");
	assert_null(journey_evidence_check(JOURNEY_EV_RESEARCH, "2026-11 用户访谈 #3", 0));
	assert_string_equal(journey_evidence_check(JOURNEY_EV_RESEARCH, "", 0),
	    "J_ERR_SOURCE_RESEARCH");
	assert_null(journey_evidence_check(JOURNEY_EV_ASSUMPTION, "", 0));
	assert_string_equal(journey_evidence_check(JOURNEY_EV_ASSUMPTION, "访谈", 0),
	    "J_ERR_SOURCE_ASSUMPTION");
	assert_int_equal(journey_evidence_parse("research"), JOURNEY_EV_RESEARCH);
	assert_int_equal(journey_evidence_parse("guess"), JOURNEY_EV__MAX);
	assert_int_equal(journey_evidence_parse(NULL), JOURNEY_EV__MAX);
}

static void
test_move_swaps_with_neighbour(void **state)
{
	long long ids[4] = { 11, 12, 13, 14 };

	assert_int_equal(journey_move_index(ids, 4, 1, 1), 2);
	assert_true(ids[0] == 11 && ids[1] == 13 && ids[2] == 12 && ids[3] == 14);
	assert_int_equal(journey_move_index(ids, 4, 2, -1), 1);
	assert_true(ids[1] == 12 && ids[2] == 13);
}

static void
test_move_at_the_ends_changes_nothing(void **state)
{
	long long ids[3] = { 1, 2, 3 };

	assert_int_equal(journey_move_index(ids, 3, 0, -1), -1);
	assert_int_equal(journey_move_index(ids, 3, 2, 1), -1);
	assert_int_equal(journey_move_index(ids, 3, 3, -1), -1);
	assert_int_equal(journey_move_index(ids, 3, 1, 2), -1);
	assert_true(ids[0] == 1 && ids[1] == 2 && ids[2] == 3);
}

static void
test_slowest_stage_against_target(void **state)
{
	double ratio[4] = { 0.5, 2.5, 1.2, 2.5 };
	int has[4] = { 1, 1, 1, 1 };

	/* Ties go to the earlier stage. */
	assert_int_equal(journey_slowest(ratio, has, 4), 1);
	has[1] = 0;
	assert_int_equal(journey_slowest(ratio, has, 4), 3);
	has[3] = 0;
	assert_int_equal(journey_slowest(ratio, has, 4), 2);
	memset(has, 0, sizeof(has));
	assert_int_equal(journey_slowest(ratio, has, 4), -1);
}

static void
test_measured_score_from_bad_share(void **state)
{
	assert_true(fabs(journey_measured_score(0, 10) - 2.0) < 1e-9);
	assert_true(fabs(journey_measured_score(10, 10) + 2.0) < 1e-9);
	assert_true(fabs(journey_measured_score(5, 10) - 0.0) < 1e-9);
	assert_true(fabs(journey_measured_score(1, 4) - 1.0) < 1e-9);
	assert_true(fabs(journey_measured_score(20, 10) + 2.0) < 1e-9);
	assert_true(fabs(journey_measured_score(3, 0)) < 1e-9);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_emotion_scores_map_to_heights),
		cmocka_unit_test(test_emotion_x_is_the_centre_of_the_stage_column),
		cmocka_unit_test(test_emotion_out_of_range_is_clamped),
		cmocka_unit_test(test_curve_path_passes_through_every_point),
		cmocka_unit_test(test_spark_scales_lowest_to_bottom),
		cmocka_unit_test(test_spark_flat_series_in_the_middle),
		cmocka_unit_test(test_target_higher_is_better),
		cmocka_unit_test(test_target_lower_is_better),
		cmocka_unit_test(test_target_none_without_value_target_or_direction),
		cmocka_unit_test(test_trend_direction_and_goodness),
		cmocka_unit_test(test_evidence_rules),
		cmocka_unit_test(test_move_swaps_with_neighbour),
		cmocka_unit_test(test_move_at_the_ends_changes_nothing),
		cmocka_unit_test(test_slowest_stage_against_target),
		cmocka_unit_test(test_measured_score_from_bad_share),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
