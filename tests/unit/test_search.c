/* Chinese-capable search tokens: documents and queries must agree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "search.h"

static struct arena a;

static int
setup(void **state)
{
	(void)state;
	arena_init(&a);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&a);
	return 0;
}

/* 1 if every "+token" of the query occurs as a token of the document
 * (a trailing '*' matches as a prefix), as InnoDB BOOLEAN MODE would. */
static int
matches(const char *doc, const char *query)
{
	char q[1024], d[4096], *save1, *save2, *qt, *dt;

	strcpy(q, query);
	for (qt = strtok_r(q, " ", &save1); qt != NULL; qt = strtok_r(NULL, " ", &save1)) {
		size_t n;
		int prefix, found = 0;

		qt++;   /* '+' */
		n = strlen(qt);
		prefix = qt[n - 1] == '*';
		if (prefix)
			n--;
		strcpy(d, doc);
		for (dt = strtok_r(d, " ", &save2); dt != NULL; dt = strtok_r(NULL, " ", &save2))
			if (prefix ? strncmp(dt, qt, n) == 0 : strcmp(dt, qt) == 0)
				found = 1;
		if (!found)
			return 0;
	}
	return 1;
}

static void
test_bigrams_of_chinese(void **state)
{
	(void)state;
	/* 空 U+7A7A 调 U+8C03 */
	assert_string_equal(search_tokens(&a, "空调"), "c7a7a8c03 c8c03");
	assert_string_equal(search_tokens(&a, "家用空调"), "c5bb67528 c75287a7a c7a7a8c03 c8c03");
}

static void
test_last_character_of_each_run_is_a_token(void **state)
{
	(void)state;
	/* 不 U+4E0D 制 U+5236 冷 U+51B7, 有 U+6709 响 U+54CD */
	assert_string_equal(search_tokens(&a, "不制冷,有响"),
	    "c4e0d5236 c523651b7 c51b7 c670954cd c54cd");
}

static void
test_single_character_finds_every_position(void **state)
{
	const char *doc = search_tokens(&a, "家用空调不制冷");
	const char *chars[] = { "家", "用", "空", "调", "不", "制", "冷" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(chars) / sizeof(chars[0]); i++)
		assert_true(matches(doc, search_query(&a, chars[i])));
	assert_false(matches(doc, search_query(&a, "热")));
	assert_false(matches(doc, search_query(&a, "冰")));
}

static void
test_cold_finds_not_cooling_at_the_end(void **state)
{
	(void)state;
	assert_string_equal(search_query(&a, "冷"), "+c51b7*");
	assert_true(matches(search_tokens(&a, "空调不制冷"), search_query(&a, "冷")));
	assert_true(matches(search_tokens(&a, "冷气不足"), search_query(&a, "冷")));
	assert_true(matches(search_tokens(&a, "R-20261122-0042 冷"), search_query(&a, "冷")));
	assert_false(matches(search_tokens(&a, "空调不制热"), search_query(&a, "冷")));
}

/* Five-hex-digit characters (CJK extension B) keep prefixes unambiguous:
 * 𠀀 U+20000 shares no token with a four-digit one. */
static void
test_supplementary_character_tokens(void **state)
{
	const char *doc = search_tokens(&a, "𠀀𠀁");

	(void)state;
	assert_string_equal(doc, "c2000020001 c20001");
	assert_true(matches(doc, search_query(&a, "𠀁")));
	assert_true(matches(doc, search_query(&a, "𠀀")));
	assert_false(matches(doc, search_query(&a, "一")));
}

static void
test_query_has_no_last_character_token(void **state)
{
	(void)state;
	assert_string_equal(search_query(&a, "家用空调"), "+c5bb67528 +c75287a7a +c7a7a8c03");
}

static void
test_lone_character_is_a_token(void **state)
{
	(void)state;
	assert_string_equal(search_tokens(&a, "A 修 B"), "aaa c4fee aab");
}

static void
test_latin_words_lowercased_and_prefixed(void **state)
{
	(void)state;
	assert_string_equal(search_tokens(&a, "Haier KFR-35GW"), "aahaier aakfr aa35gw");
}

static void
test_query_requires_every_token(void **state)
{
	(void)state;
	assert_string_equal(search_query(&a, "空调"), "+c7a7a8c03");
	assert_string_equal(search_query(&a, "不制冷"), "+c4e0d5236 +c523651b7");
}

static void
test_search_kongtiao_finds_household_ac_not_cooling(void **state)
{
	const char *doc = search_tokens(&a, "家用空调不制冷,外机有异响");

	(void)state;
	assert_true(matches(doc, search_query(&a, "空调")));
	assert_true(matches(doc, search_query(&a, "不制冷")));
	assert_true(matches(doc, search_query(&a, "空调 异响")));
	assert_false(matches(doc, search_query(&a, "冰箱")));
}

static void
test_single_character_query_is_prefix(void **state)
{
	const char *doc = search_tokens(&a, "家用空调不制冷");

	(void)state;
	assert_string_equal(search_query(&a, "空"), "+c7a7a*");
	assert_true(matches(doc, search_query(&a, "空")));
}

static void
test_model_number_prefix(void **state)
{
	const char *doc = search_tokens(&a, "型号 KFR-35GW/BP");

	(void)state;
	assert_true(matches(doc, search_query(&a, "kfr")));
	assert_true(matches(doc, search_query(&a, "35G")));
	assert_false(matches(doc, search_query(&a, "36")));
}

static void
test_ticket_number_is_searchable(void **state)
{
	const char *doc = search_tokens(&a, "R-20261122-0042 张三");

	(void)state;
	assert_true(matches(doc, search_query(&a, "R-20261122-0042")));
}

static void
test_punctuation_only_query_is_null(void **state)
{
	(void)state;
	assert_null(search_query(&a, " ,。!? "));
	assert_null(search_query(&a, ""));
}

static void
test_query_token_limit(void **state)
{
	const char *q = search_query(&a, "一二三四五六七八九十一二三四五六七八九十一二三");
	size_t n = 0;
	const char *p;

	(void)state;
	for (p = q; *p != '\0'; p++)
		n += *p == '+';
	assert_int_equal(n, SEARCH_MAX_QUERY_TOKENS);
}

static void
test_tokens_are_ascii(void **state)
{
	const char *t = search_tokens(&a, "冰箱 Fridge ñ 日本語 한국어 😀");
	const unsigned char *p;

	(void)state;
	for (p = (const unsigned char *)t; *p != '\0'; p++)
		assert_true(*p < 0x80);
}

/* The queue's LIKE search relies on tokens of [a-z0-9] separated by
 * single spaces (desk/queue_db.c): keep it so. */
static void
test_tokens_are_lowercase_alnum_words(void **state)
{
	const char *t = search_tokens(&a, "R-20261126-0001 家用空调 KFR-35GW 𠀀𠀁 冰");
	const char *p;

	(void)state;
	for (p = t; *p != '\0'; p++)
		assert_true((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    (*p == ' ' && p[1] != ' ' && p[1] != '\0'));
}

/* An overlong UTF-8 form of a digit ("\xC0\xB6" for '6') is not a
 * word: reading it as one used to stop the tokenizer from advancing. */
static void
test_overlong_utf8_is_skipped(void **state)
{
	(void)state;
	assert_string_equal(search_tokens(&a, "ab\xC0\xB6" "cd 冷"), "aaab aacd c51b7");
	assert_null(search_query(&a, "\xC0\xB6"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bigrams_of_chinese),
		cmocka_unit_test(test_last_character_of_each_run_is_a_token),
		cmocka_unit_test(test_single_character_finds_every_position),
		cmocka_unit_test(test_cold_finds_not_cooling_at_the_end),
		cmocka_unit_test(test_supplementary_character_tokens),
		cmocka_unit_test(test_query_has_no_last_character_token),
		cmocka_unit_test(test_lone_character_is_a_token),
		cmocka_unit_test(test_latin_words_lowercased_and_prefixed),
		cmocka_unit_test(test_query_requires_every_token),
		cmocka_unit_test(test_search_kongtiao_finds_household_ac_not_cooling),
		cmocka_unit_test(test_single_character_query_is_prefix),
		cmocka_unit_test(test_model_number_prefix),
		cmocka_unit_test(test_ticket_number_is_searchable),
		cmocka_unit_test(test_punctuation_only_query_is_null),
		cmocka_unit_test(test_query_token_limit),
		cmocka_unit_test(test_tokens_are_ascii),
		cmocka_unit_test(test_tokens_are_lowercase_alnum_words),
		cmocka_unit_test(test_overlong_utf8_is_skipped),
	};
	return cmocka_run_group_tests_name("search", tests, setup, teardown);
}
