/* Unit tests of cgi/core/i18n.c (catalog look-up and language choice):
 * one scenario per test. i18n_fill() needs the template engine and is
 * covered by the HTTP tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "i18n.h"

static const struct i18n_msg test_msgs[] = {
	{ "T_GREETING", "您好", "Hello" },
	{ "T_TICKET",   "工单", "Ticket" },
};

/* The core table is registered implicitly only while no table is, so touch
 * it first (as app.c registers it first), then add the test table. */
static int
group_setup(void **state)
{
	(void)state;
	(void)i18n("zh-CN", "APP_NAME");
	i18n_register(test_msgs, sizeof(test_msgs) / sizeof(test_msgs[0]));
	return 0;
}

/* --- i18n_choose --- */

static void
test_choose_explicit_en(void **state)
{
	(void)state;
	assert_string_equal(i18n_choose("en", NULL), "en");
}

static void
test_choose_explicit_zh(void **state)
{
	(void)state;
	assert_string_equal(i18n_choose("zh-CN", NULL), "zh-CN");
}

static void
test_choose_explicit_beats_header(void **state)
{
	(void)state;
	assert_string_equal(i18n_choose("zh-CN", "en-US,en;q=0.9"), "zh-CN");
	assert_string_equal(i18n_choose("en", "zh-CN,zh;q=0.9"), "en");
}

static void
test_choose_explicit_unknown_is_zh(void **state)
{
	(void)state;
	assert_string_equal(i18n_choose("fr", "en"), "zh-CN");
}

static void
test_choose_explicit_empty_uses_header(void **state)
{
	(void)state;
	assert_string_equal(i18n_choose("", "en"), "en");
}

static void
test_choose_no_header_is_zh(void **state)
{
	(void)state;
	assert_string_equal(i18n_choose(NULL, NULL), "zh-CN");
	assert_string_equal(i18n_choose(NULL, ""), "zh-CN");
}

static void
test_choose_en_us_header(void **state)
{
	(void)state;
	assert_string_equal(i18n_choose(NULL, "en-US,en;q=0.9"), "en");
}

static void
test_choose_zh_cn_header(void **state)
{
	(void)state;
	assert_string_equal(i18n_choose(NULL, "zh-CN,zh;q=0.9,en;q=0.8"), "zh-CN");
}

static void
test_choose_fr_defaults_to_zh(void **state)
{
	(void)state;
	assert_string_equal(i18n_choose(NULL, "fr"), "zh-CN");
	assert_string_equal(i18n_choose(NULL, "fr-FR,de;q=0.5,*;q=0.1"), "zh-CN");
}

static void
test_choose_q_values_order(void **state)
{
	(void)state;
	assert_string_equal(i18n_choose(NULL, "zh;q=0.3, en;q=0.8"), "en");
	assert_string_equal(i18n_choose(NULL, "en;q=0.3, zh;q=0.8"), "zh-CN");
}

static void
test_choose_skips_other_languages(void **state)
{
	(void)state;
	assert_string_equal(i18n_choose(NULL, "fr-FR,fr;q=0.9,en;q=0.5,zh;q=0.4"), "en");
}

static void
test_choose_tie_keeps_first(void **state)
{
	(void)state;
	assert_string_equal(i18n_choose(NULL, "en;q=0.5,zh;q=0.5"), "en");
	assert_string_equal(i18n_choose(NULL, "zh-TW,en"), "zh-CN");
}

static void
test_choose_case_insensitive(void **state)
{
	(void)state;
	assert_string_equal(i18n_choose(NULL, "EN-gb"), "en");
}

static void
test_choose_q_of_other_param_not_confused(void **state)
{
	(void)state;
	/* "q=" of the next entry must not be taken for this one's. */
	assert_string_equal(i18n_choose(NULL, "en;level=1, zh;q=0.5"), "en");
}

static void
test_choose_q_zero_means_not_acceptable(void **state)
{
	(void)state;
	/* RFC 9110 12.4.2: q=0 means "not acceptable". */
	assert_string_equal(i18n_choose(NULL, "en;q=0"), "zh-CN");
	assert_string_equal(i18n_choose(NULL, "fr, en;q=0"), "zh-CN");
}

static void
test_choose_one_letter_tag_ignored(void **state)
{
	(void)state;
	assert_string_equal(i18n_choose(NULL, "e,z"), "zh-CN");
}

/* --- i18n --- */

static void
test_i18n_missing_key_returns_key(void **state)
{
	const char *key = "NO_SUCH_KEY_ANYWHERE";

	(void)state;
	assert_ptr_equal(i18n("en", key), key);
	assert_ptr_equal(i18n("zh-CN", key), key);
}

static void
test_i18n_registered_zh(void **state)
{
	(void)state;
	assert_string_equal(i18n("zh-CN", "T_GREETING"), "您好");
	assert_string_equal(i18n("zh-CN", "T_TICKET"), "工单");
}

static void
test_i18n_registered_en(void **state)
{
	(void)state;
	assert_string_equal(i18n("en", "T_GREETING"), "Hello");
	assert_string_equal(i18n("en", "T_TICKET"), "Ticket");
}

static void
test_i18n_null_or_other_lang_is_zh(void **state)
{
	(void)state;
	assert_string_equal(i18n(NULL, "T_GREETING"), "您好");
	assert_string_equal(i18n("fr", "T_GREETING"), "您好");
	assert_string_equal(i18n("EN", "T_GREETING"), "您好");
}

static void
test_i18n_core_catalog_present(void **state)
{
	(void)state;
	assert_string_equal(i18n("en", "APP_NAME"), "ServiceLoop");
	assert_string_equal(i18n("zh-CN", "APP_NAME"), "服务闭环");
	assert_string_equal(i18n("en", "ERR_NOT_FOUND"), "This page does not exist.");
}

static void
test_i18n_key_match_is_exact(void **state)
{
	(void)state;
	assert_string_equal(i18n("en", "T_GREETIN"), "T_GREETIN");
	assert_string_equal(i18n("en", "t_greeting"), "t_greeting");
}

/* A table registered after look-ups is found (the index is rebuilt), and
 * a key in two tables answers from the first one registered. */
static void
test_lookup_after_late_registration_and_first_table_wins(void **state)
{
	static const struct i18n_msg late[] = {
		{ "T_TICKET",  "另一个", "Another" },
		{ "A_FIRST",   "甲",     "A" },
		{ "Z_LAST",    "乙",     "Z" },
	};

	(void)state;
	assert_string_equal(i18n("en", "T_TICKET"), "Ticket");
	i18n_register(late, sizeof(late) / sizeof(late[0]));
	assert_string_equal(i18n("en", "A_FIRST"), "A");
	assert_string_equal(i18n("zh-CN", "Z_LAST"), "乙");
	assert_string_equal(i18n("en", "T_TICKET"), "Ticket");
	assert_string_equal(i18n("en", "APP_NAME"), "ServiceLoop");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_choose_explicit_en),
		cmocka_unit_test(test_choose_explicit_zh),
		cmocka_unit_test(test_choose_explicit_beats_header),
		cmocka_unit_test(test_choose_explicit_unknown_is_zh),
		cmocka_unit_test(test_choose_explicit_empty_uses_header),
		cmocka_unit_test(test_choose_no_header_is_zh),
		cmocka_unit_test(test_choose_en_us_header),
		cmocka_unit_test(test_choose_zh_cn_header),
		cmocka_unit_test(test_choose_fr_defaults_to_zh),
		cmocka_unit_test(test_choose_q_values_order),
		cmocka_unit_test(test_choose_skips_other_languages),
		cmocka_unit_test(test_choose_tie_keeps_first),
		cmocka_unit_test(test_choose_case_insensitive),
		cmocka_unit_test(test_choose_q_of_other_param_not_confused),
		cmocka_unit_test(test_choose_q_zero_means_not_acceptable),
		cmocka_unit_test(test_choose_one_letter_tag_ignored),
		cmocka_unit_test(test_i18n_missing_key_returns_key),
		cmocka_unit_test(test_i18n_registered_zh),
		cmocka_unit_test(test_i18n_registered_en),
		cmocka_unit_test(test_i18n_null_or_other_lang_is_zh),
		cmocka_unit_test(test_i18n_core_catalog_present),
		cmocka_unit_test(test_i18n_key_match_is_exact),
		cmocka_unit_test(test_lookup_after_late_registration_and_first_table_wins),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
