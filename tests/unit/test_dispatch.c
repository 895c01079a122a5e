/* The auto-dispatch rule (cgi/service/dispatch.c): region containment
 * with real Chinese addresses, and the ranking of candidates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "dispatch.h"

#define SH_PUDONG  "上海市浦东新区世纪大道100号"
#define BJ_CHAOYANG "北京市朝阳区建国路88号"
#define GZ_TIANHE  "广州市天河区天河路385号"
#define SZ_NANSHAN "深圳市南山区科技园南区"
#define HZ_XIHU    "浙江省杭州市西湖区文三路90号"

static void
test_region_shanghai_pudong_containment(void **state)
{
	(void)state;
	assert_int_equal(dispatch_region_depth(SH_PUDONG, "上海浦东"), 2);
	assert_int_equal(dispatch_region_depth(SH_PUDONG, "浦东"), 2);
	assert_int_equal(dispatch_region_depth(SH_PUDONG, "浦东新区"), 2);
	assert_int_equal(dispatch_region_depth(SH_PUDONG, "上海市浦东新区"), 2);
	assert_int_equal(dispatch_region_depth(SH_PUDONG, "上海"), 1);
	assert_int_equal(dispatch_region_depth(SH_PUDONG, "上海市"), 1);
}

static void
test_region_other_cities(void **state)
{
	(void)state;
	assert_int_equal(dispatch_region_depth(BJ_CHAOYANG, "北京"), 1);
	assert_int_equal(dispatch_region_depth(BJ_CHAOYANG, "朝阳"), 2);
	assert_int_equal(dispatch_region_depth(BJ_CHAOYANG, "北京朝阳"), 2);
	assert_int_equal(dispatch_region_depth(GZ_TIANHE, "广州天河"), 2);
	assert_int_equal(dispatch_region_depth(GZ_TIANHE, "广州"), 1);
	assert_int_equal(dispatch_region_depth(SZ_NANSHAN, "南山区"), 2);
	assert_int_equal(dispatch_region_depth(SZ_NANSHAN, "深圳"), 1);
}

static void
test_region_province_three_levels(void **state)
{
	(void)state;
	assert_int_equal(dispatch_region_depth(HZ_XIHU, "浙江"), 1);
	assert_int_equal(dispatch_region_depth(HZ_XIHU, "杭州"), 2);
	assert_int_equal(dispatch_region_depth(HZ_XIHU, "杭州西湖"), 3);
	assert_int_equal(dispatch_region_depth(HZ_XIHU, "西湖区"), 3);
	assert_int_equal(dispatch_region_depth(HZ_XIHU, "浙江杭州"), 2);
}

static void
test_region_non_matches(void **state)
{
	(void)state;
	assert_int_equal(dispatch_region_depth(SH_PUDONG, "北京"), 0);
	assert_int_equal(dispatch_region_depth(SH_PUDONG, "上海徐汇"), 0);
	assert_int_equal(dispatch_region_depth(SH_PUDONG, "海"), 0);      /* not a unit */
	assert_int_equal(dispatch_region_depth(SH_PUDONG, "浦"), 0);
	assert_int_equal(dispatch_region_depth(SH_PUDONG, "世纪大道"), 0);  /* street, not a unit */
	assert_int_equal(dispatch_region_depth(BJ_CHAOYANG, "上海"), 0);
	assert_int_equal(dispatch_region_depth(GZ_TIANHE, "深圳南山"), 0);
	assert_int_equal(dispatch_region_depth(HZ_XIHU, "西湖杭州"), 0);   /* wrong order */
	assert_int_equal(dispatch_region_depth(SZ_NANSHAN, ""), 0);
	assert_int_equal(dispatch_region_depth("", "上海"), 0);
	assert_int_equal(dispatch_region_depth(NULL, "上海"), 0);
	assert_int_equal(dispatch_region_depth(SH_PUDONG, NULL), 0);
}

static void
test_region_list_deepest_counts(void **state)
{
	(void)state;
	assert_int_equal(dispatch_region_depth(SH_PUDONG, "北京 上海"), 1);
	assert_int_equal(dispatch_region_depth(SH_PUDONG, "上海，浦东"), 2);
	assert_int_equal(dispatch_region_depth(SH_PUDONG, "徐汇、闵行"), 0);
	assert_int_equal(dispatch_region_depth(SH_PUDONG, "徐汇、浦东"), 2);
}

static void
test_region_address_without_units(void **state)
{
	(void)state;
	assert_int_equal(dispatch_region_depth("浦东世纪大道100号", "浦东"), 1);
	assert_int_equal(dispatch_region_depth("世纪大道100号", "浦东"), 0);
	assert_int_equal(dispatch_region_depth("  上海市浦东新区", "浦东"), 2);
}

static void
test_rank_skill_then_region_then_load(void **state)
{
	struct dispatch_cand c[] = {
		{ 1, "no-skill", "上海浦东", 0, 0, 0, DR__MAX },
		{ 2, "city", "上海", 1, 0, 0, DR__MAX },
		{ 3, "district busy", "浦东", 1, 5, 0, DR__MAX },
		{ 4, "district free", "上海浦东", 1, 2, 0, DR__MAX },
		{ 5, "district free too", "浦东新区", 1, 2, 0, DR__MAX },
		{ 6, "beijing", "北京", 1, 0, 0, DR__MAX },
	};
	(void)state;
	assert_int_equal(dispatch_rank(SH_PUDONG, c, 6), 0);
	assert_int_equal(c[0].id, 4);
	assert_int_equal(c[0].reason, DR_CHOSEN);
	assert_int_equal(c[0].depth, 2);
	assert_int_equal(c[1].id, 5);
	assert_int_equal(c[1].reason, DR_TIE);
	assert_int_equal(c[2].id, 3);
	assert_int_equal(c[2].reason, DR_LOAD);
	assert_int_equal(c[3].id, 2);
	assert_int_equal(c[3].reason, DR_REGION);
	assert_int_equal(c[4].id, 6);
	assert_int_equal(c[4].reason, DR_REGION);
	assert_int_equal(c[4].depth, 0);
	assert_int_equal(c[5].id, 1);
	assert_int_equal(c[5].reason, DR_NO_SKILL);
}

static void
test_rank_nobody_skilled(void **state)
{
	struct dispatch_cand c[] = {
		{ 7, "a", "上海", 0, 0, 0, DR__MAX },
		{ 8, "b", "浦东", 0, 0, 0, DR__MAX },
	};
	(void)state;
	assert_int_equal(dispatch_rank(SH_PUDONG, c, 2), -1);
	assert_int_equal(c[0].reason, DR_NO_SKILL);
	assert_int_equal(c[1].reason, DR_NO_SKILL);
	assert_int_equal(dispatch_rank(SH_PUDONG, c, 0), -1);
}

static void
test_rank_load_beats_nothing_without_region(void **state)
{
	struct dispatch_cand c[] = {
		{ 9, "busy", "", 1, 3, 0, DR__MAX },
		{ 10, "idle", "", 1, 1, 0, DR__MAX },
	};
	(void)state;
	assert_int_equal(dispatch_rank(GZ_TIANHE, c, 2), 0);
	assert_int_equal(c[0].id, 10);
	assert_int_equal(c[1].reason, DR_LOAD);
}

static void
test_reason_names_round_trip(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < DR__MAX; i++)
		assert_int_equal(dispatch_reason_parse(dispatch_reason_name((enum dispatch_reason)i)), i);
	assert_int_equal(dispatch_reason_parse("nope"), DR__MAX);
	assert_int_equal(dispatch_reason_parse(NULL), DR__MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_region_shanghai_pudong_containment),
		cmocka_unit_test(test_region_other_cities),
		cmocka_unit_test(test_region_province_three_levels),
		cmocka_unit_test(test_region_non_matches),
		cmocka_unit_test(test_region_list_deepest_counts),
		cmocka_unit_test(test_region_address_without_units),
		cmocka_unit_test(test_rank_skill_then_region_then_load),
		cmocka_unit_test(test_rank_nobody_skilled),
		cmocka_unit_test(test_rank_load_beats_nothing_without_region),
		cmocka_unit_test(test_reason_names_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
