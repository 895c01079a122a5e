/* Unit tests of the pure matcher of cgi/service/rules.c (rules_match): one
 * scenario per test. rules_apply() needs the database: the HTTP tests
 * (test_api.c, test_survey.c) cover it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rules.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void
test_rules_ascii_phrase_matches_any_case(void **state)
{
	const char *ph[] = { "lawyer" };
	unsigned char hit[1];

	(void)state;
	assert_int_equal(rules_match("I will call MY LAWYER today", ph, 1, hit), 1);
	assert_int_equal(hit[0], 1);
	assert_int_equal(rules_match("my Lawyer", ph, 1, hit), 1);
}

static void
test_rules_upper_case_phrase_matches_lower_text(void **state)
{
	const char *ph[] = { "CCTV" };
	unsigned char hit[1];

	(void)state;
	assert_int_equal(rules_match("我要找cctv曝光", ph, 1, hit), 1);
}

static void
test_rules_chinese_phrase_matches(void **state)
{
	const char *ph[] = { "投诉" };
	unsigned char hit[1];

	(void)state;
	assert_int_equal(rules_match("空调修了三次还坏,我要投诉!", ph, 1, hit), 1);
	assert_int_equal(hit[0], 1);
}

static void
test_rules_no_match_gives_zero(void **state)
{
	const char *ph[] = { "投诉", "12315", "lawyer" };
	unsigned char hit[3] = { 9, 9, 9 };

	(void)state;
	assert_int_equal(rules_match("空调不制冷,外机不转。", ph, N(ph), hit), 0);
	assert_int_equal(hit[0], 0);
	assert_int_equal(hit[1], 0);
	assert_int_equal(hit[2], 0);
}

static void
test_rules_several_phrases_report_each(void **state)
{
	const char *ph[] = { "12315", "律师", "退货", "冒烟" };
	unsigned char hit[4];

	(void)state;
	assert_int_equal(rules_match("不给退货我就打12315", ph, N(ph), hit), 2);
	assert_int_equal(hit[0], 1);
	assert_int_equal(hit[1], 0);
	assert_int_equal(hit[2], 1);
	assert_int_equal(hit[3], 0);
}

static void
test_rules_overlapping_phrases_all_match(void **state)
{
	const char *ph[] = { "投诉电话", "投诉", "电话", "诉电" };
	unsigned char hit[4];

	(void)state;
	assert_int_equal(rules_match("我已经打了投诉电话", ph, N(ph), hit), 4);
}

static void
test_rules_overlapping_occurrences_count_once(void **state)
{
	const char *ph[] = { "aa" };
	unsigned char hit[1];

	(void)state;
	assert_int_equal(rules_match("aaaaa", ph, 1, hit), 1);
	assert_int_equal(hit[0], 1);
}

static void
test_rules_partial_prefix_then_match(void **state)
{
	const char *ph[] = { "aab" };
	unsigned char hit[1];

	(void)state;
	assert_int_equal(rules_match("aaab", ph, 1, hit), 1);
	assert_int_equal(rules_match("aaba", ph, 1, hit), 1);
	assert_int_equal(rules_match("aaaa", ph, 1, hit), 0);
}

static void
test_rules_empty_phrase_ignored(void **state)
{
	const char *ph[] = { "", "投诉" };
	unsigned char hit[2] = { 9, 9 };

	(void)state;
	assert_int_equal(rules_match("投诉", ph, N(ph), hit), 1);
	assert_int_equal(hit[0], 0);
	assert_int_equal(hit[1], 1);
}

static void
test_rules_null_phrase_ignored(void **state)
{
	const char *ph[] = { NULL, "x" };
	unsigned char hit[2];

	(void)state;
	assert_int_equal(rules_match("xyz", ph, N(ph), hit), 1);
	assert_int_equal(hit[0], 0);
}

static void
test_rules_empty_or_null_text_matches_nothing(void **state)
{
	const char *ph[] = { "a" };
	unsigned char hit[1] = { 9 };

	(void)state;
	assert_int_equal(rules_match("", ph, 1, hit), 0);
	assert_int_equal(hit[0], 0);
	assert_int_equal(rules_match(NULL, ph, 1, hit), 0);
}

static void
test_rules_phrase_longer_than_text_no_match(void **state)
{
	const char *ph[] = { "投诉电话" };
	unsigned char hit[1];

	(void)state;
	assert_int_equal(rules_match("投诉", ph, 1, hit), 0);
}

static void
test_rules_phrase_at_start_and_end(void **state)
{
	const char *ph[] = { "媒体", "律师" };
	unsigned char hit[2];

	(void)state;
	assert_int_equal(rules_match("媒体已经知道了,明天找律师", ph, N(ph), hit), 2);
	assert_int_equal(rules_match("律师", ph, N(ph), hit), 1);
	assert_int_equal(hit[1], 1);
}

static void
test_rules_whole_text_equals_phrase(void **state)
{
	const char *ph[] = { "12315" };
	unsigned char hit[1];

	(void)state;
	assert_int_equal(rules_match("12315", ph, 1, hit), 1);
}

static void
test_rules_split_phrase_does_not_match(void **state)
{
	const char *ph[] = { "投诉" };
	unsigned char hit[1];

	(void)state;
	assert_int_equal(rules_match("投 诉", ph, 1, hit), 0);
	assert_int_equal(rules_match("投\n诉", ph, 1, hit), 0);
}

static void
test_rules_only_ascii_is_case_folded(void **state)
{
	const char *ph[] = { "\xC3\xA9", "abc" };   /* é, abc */
	unsigned char hit[2];

	(void)state;
	/* É (C3 89) is not é, and full-width ＡＢＣ is not abc. */
	assert_int_equal(rules_match("\xC3\x89 \xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", ph,
	    N(ph), hit), 0);
	assert_int_equal(rules_match("\xC3\xA9 ABC", ph, N(ph), hit), 2);
}

static void
test_rules_folding_does_not_touch_symbols(void **state)
{
	/* '@' (0x40) and '`' (0x60), '[' (0x5B) and '{' (0x7B) differ by 0x20 too. */
	const char *ph[] = { "@", "[" };
	unsigned char hit[2];

	(void)state;
	assert_int_equal(rules_match("`{", ph, N(ph), hit), 0);
}

static void
test_rules_chinese_bytes_never_match_across_characters(void **state)
{
	/* 投 = E6 8A 95; a phrase of the last byte of one character and the
	 * first of the next cannot come from valid UTF-8 phrases, but a
	 * character sharing a lead byte must not match either. */
	const char *ph[] = { "报" };     /* E6 8A A5 */
	unsigned char hit[1];

	(void)state;
	assert_int_equal(rules_match("投诉", ph, 1, hit), 0);
}

static void
test_rules_zero_phrases(void **state)
{
	unsigned char hit[1] = { 9 };

	(void)state;
	assert_int_equal(rules_match("投诉", NULL, 0, hit), 0);
	assert_int_equal(hit[0], 9);
}

static void
test_rules_long_text_worst_case(void **state)
{
	static char text[12001];
	const char *ph[] = { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "AAAAB" };
	unsigned char hit[2];

	(void)state;
	memset(text, 'a', sizeof(text) - 1);
	text[sizeof(text) - 2] = 'b';
	assert_int_equal(rules_match(text, ph, N(ph), hit), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules_ascii_phrase_matches_any_case),
		cmocka_unit_test(test_rules_upper_case_phrase_matches_lower_text),
		cmocka_unit_test(test_rules_chinese_phrase_matches),
		cmocka_unit_test(test_rules_no_match_gives_zero),
		cmocka_unit_test(test_rules_several_phrases_report_each),
		cmocka_unit_test(test_rules_overlapping_phrases_all_match),
		cmocka_unit_test(test_rules_overlapping_occurrences_count_once),
		cmocka_unit_test(test_rules_partial_prefix_then_match),
		cmocka_unit_test(test_rules_empty_phrase_ignored),
		cmocka_unit_test(test_rules_null_phrase_ignored),
		cmocka_unit_test(test_rules_empty_or_null_text_matches_nothing),
		cmocka_unit_test(test_rules_phrase_longer_than_text_no_match),
		cmocka_unit_test(test_rules_phrase_at_start_and_end),
		cmocka_unit_test(test_rules_whole_text_equals_phrase),
		cmocka_unit_test(test_rules_split_phrase_does_not_match),
		cmocka_unit_test(test_rules_only_ascii_is_case_folded),
		cmocka_unit_test(test_rules_folding_does_not_touch_symbols),
		cmocka_unit_test(test_rules_chinese_bytes_never_match_across_characters),
		cmocka_unit_test(test_rules_zero_phrases),
		cmocka_unit_test(test_rules_long_text_worst_case),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
