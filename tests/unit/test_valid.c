/* Unit tests of the pure validators of cgi/core/valid.c: one scenario per
 * test. form_check_field() needs a request and a template dictionary and
 * is covered by the HTTP tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>

#include <cmocka.h>

#include "valid.h"

#define ZH10 "服务闭环售后服务工单"     /* 10 characters, 30 bytes */

/* --- utf8_chars --- */

static void
test_utf8_chars_ascii(void **state)
{
	(void)state;
	assert_int_equal(utf8_chars(""), 0);
	assert_int_equal(utf8_chars("abc"), 3);
}

static void
test_utf8_chars_multibyte(void **state)
{
	(void)state;
	assert_int_equal(utf8_chars(ZH10), 10);
	assert_int_equal(utf8_chars("a服b"), 3);
	assert_int_equal(utf8_chars("é"), 1);                /* 2 bytes */
	assert_int_equal(utf8_chars("\xF0\x9F\x98\x80"), 1); /* emoji, 4 bytes */
}

/* --- valid_text --- */

static void
test_text_ok(void **state)
{
	(void)state;
	assert_null(valid_text("空调不制冷", 100, 1, 0));
}

static void
test_text_required_missing(void **state)
{
	(void)state;
	assert_string_equal(valid_text(NULL, 10, 1, 0), "ERR_REQUIRED");
	assert_string_equal(valid_text("", 10, 1, 0), "ERR_REQUIRED");
}

static void
test_text_required_blank(void **state)
{
	(void)state;
	assert_string_equal(valid_text("   ", 10, 1, 0), "ERR_REQUIRED");
	assert_string_equal(valid_text(" \n\t ", 10, 1, 1), "ERR_REQUIRED");
}

static void
test_text_optional_empty_ok(void **state)
{
	(void)state;
	assert_null(valid_text(NULL, 10, 0, 0));
	assert_null(valid_text("", 10, 0, 0));
	assert_null(valid_text("  ", 10, 0, 0));
}

static void
test_text_ascii_at_max_ok(void **state)
{
	(void)state;
	assert_null(valid_text("0123456789", 10, 1, 0));
}

static void
test_text_ascii_over_max_too_long(void **state)
{
	(void)state;
	assert_string_equal(valid_text("0123456789a", 10, 1, 0), "ERR_TOO_LONG");
}

static void
test_text_chinese_10_chars_max_10_ok(void **state)
{
	(void)state;
	assert_int_equal(strlen(ZH10), 30);
	assert_null(valid_text(ZH10, 10, 1, 0));
}

static void
test_text_chinese_11_chars_max_10_too_long(void **state)
{
	(void)state;
	assert_string_equal(valid_text(ZH10 "单", 10, 1, 0), "ERR_TOO_LONG");
}

static void
test_text_invalid_utf8_refused(void **state)
{
	(void)state;
	assert_string_equal(valid_text("ab\xFF" "cd", 100, 1, 0), "ERR_INVALID");
	assert_string_equal(valid_text("\xC0\xAF", 100, 1, 1), "ERR_INVALID");  /* overlong */
	assert_string_equal(valid_text("\xE6\x9C", 100, 1, 1), "ERR_INVALID");  /* truncated */
}

static void
test_text_single_line_refuses_newline_and_tab(void **state)
{
	(void)state;
	assert_string_equal(valid_text("a\nb", 100, 1, 0), "ERR_INVALID");
	assert_string_equal(valid_text("a\r\nb", 100, 1, 0), "ERR_INVALID");
	assert_string_equal(valid_text("a\tb", 100, 1, 0), "ERR_INVALID");
}

static void
test_text_multiline_accepts_newline_and_tab(void **state)
{
	(void)state;
	assert_null(valid_text("第一行\r\n第二行\n\t缩进", 100, 1, 1));
}

static void
test_text_control_chars_refused_even_multiline(void **state)
{
	(void)state;
	assert_string_equal(valid_text("a\x01" "b", 100, 1, 1), "ERR_INVALID");
	assert_string_equal(valid_text("a\x1B[31m", 100, 1, 1), "ERR_INVALID");
	assert_string_equal(valid_text("a\x7F", 100, 1, 1), "ERR_INVALID");
	assert_string_equal(valid_text("a\x01" "b", 100, 1, 0), "ERR_INVALID");
}

static void
test_text_multiline_newlines_count_as_chars(void **state)
{
	(void)state;
	assert_null(valid_text("ab\ncd", 5, 1, 1));
	assert_string_equal(valid_text("ab\ncde", 5, 1, 1), "ERR_TOO_LONG");
}

/* --- valid_int --- */

static void
test_int_ok(void **state)
{
	long long n = -1;

	(void)state;
	assert_null(valid_int("42", 1, 100, &n));
	assert_int_equal(n, 42);
}

static void
test_int_negative_ok(void **state)
{
	long long n = 0;

	(void)state;
	assert_null(valid_int("-5", -10, 10, &n));
	assert_int_equal(n, -5);
}

static void
test_int_bounds_inclusive(void **state)
{
	long long n = 0;

	(void)state;
	assert_null(valid_int("1", 1, 5, &n));
	assert_int_equal(n, 1);
	assert_null(valid_int("5", 1, 5, &n));
	assert_int_equal(n, 5);
}

static void
test_int_out_of_range(void **state)
{
	long long n = 77;

	(void)state;
	assert_string_equal(valid_int("0", 1, 5, &n), "ERR_INVALID");
	assert_string_equal(valid_int("6", 1, 5, &n), "ERR_INVALID");
	assert_string_equal(valid_int("-1", 0, 5, &n), "ERR_INVALID");
	assert_int_equal(n, 77);    /* untouched on error */
}

static void
test_int_missing_required(void **state)
{
	long long n = 0;

	(void)state;
	assert_string_equal(valid_int(NULL, 0, 5, &n), "ERR_REQUIRED");
	assert_string_equal(valid_int("", 0, 5, &n), "ERR_REQUIRED");
}

static void
test_int_garbage_refused(void **state)
{
	static const char *const bad[] = {
		"abc", "12abc", " 12", "12 ", "+12", "-", "--1", "1.5", "0x10", "1e3", "١٢",
	};
	long long n = 0;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (valid_int(bad[i], LLONG_MIN, LLONG_MAX, &n) == NULL)
			fail_msg("\"%s\" accepted as an integer", bad[i]);
}

static void
test_int_extremes_ok(void **state)
{
	long long n = 0;

	(void)state;
	assert_null(valid_int("9223372036854775807", LLONG_MIN, LLONG_MAX, &n));
	assert_true(n == LLONG_MAX);
	assert_null(valid_int("-9223372036854775808", LLONG_MIN, LLONG_MAX, &n));
	assert_true(n == LLONG_MIN);
}

static void
test_int_overflow_refused(void **state)
{
	long long n = 3;

	(void)state;
	assert_string_equal(valid_int("9223372036854775808", LLONG_MIN, LLONG_MAX, &n),
	    "ERR_INVALID");
	assert_string_equal(valid_int("-9223372036854775809", LLONG_MIN, LLONG_MAX, &n),
	    "ERR_INVALID");
	assert_string_equal(valid_int("99999999999999999999999999", 0, 10, &n), "ERR_INVALID");
	assert_int_equal(n, 3);
}

static void
test_int_leading_zeros_decimal(void **state)
{
	long long n = 0;

	(void)state;
	assert_null(valid_int("010", 0, 100, &n));
	assert_int_equal(n, 10);    /* decimal, not octal */
}

/* --- valid_choice --- */

static const char *const prio[] = { "low", "normal", "high", NULL };

static void
test_choice_ok(void **state)
{
	int idx = -1;

	(void)state;
	assert_null(valid_choice("high", prio, &idx));
	assert_int_equal(idx, 2);
	assert_null(valid_choice("low", prio, &idx));
	assert_int_equal(idx, 0);
}

static void
test_choice_missing(void **state)
{
	int idx = -1;

	(void)state;
	assert_string_equal(valid_choice(NULL, prio, &idx), "ERR_REQUIRED");
	assert_string_equal(valid_choice("", prio, &idx), "ERR_REQUIRED");
	assert_int_equal(idx, -1);
}

static void
test_choice_not_in_list(void **state)
{
	int idx = -1;

	(void)state;
	assert_string_equal(valid_choice("urgent", prio, &idx), "ERR_INVALID");
	assert_string_equal(valid_choice("HIGH", prio, &idx), "ERR_INVALID");
	assert_string_equal(valid_choice("hig", prio, &idx), "ERR_INVALID");
	assert_string_equal(valid_choice("high ", prio, &idx), "ERR_INVALID");
	assert_int_equal(idx, -1);
}

/* --- valid_phone (the rule itself: test_phone.c) --- */

static void
test_phone_ok(void **state)
{
	(void)state;
	assert_null(valid_phone("13800138000", 1));
	assert_null(valid_phone("+86 138-0013-8000", 1));
	assert_null(valid_phone("(010) 6552 9988", 1));
	assert_null(valid_phone("0755-8888 6666 转 123", 1));
}

static void
test_phone_missing(void **state)
{
	(void)state;
	assert_string_equal(valid_phone(NULL, 1), "ERR_REQUIRED");
	assert_string_equal(valid_phone("  ", 1), "ERR_REQUIRED");
	assert_null(valid_phone(NULL, 0));
	assert_null(valid_phone("", 0));
}

static void
test_phone_too_few_digits(void **state)
{
	(void)state;
	assert_string_equal(valid_phone("12345", 1), "ERR_PHONE_MOBILE");
	assert_string_equal(valid_phone("1380013800", 1), "ERR_PHONE_MOBILE");   /* 10 */
	assert_string_equal(valid_phone("+-() ", 1), "ERR_PHONE");
}

static void
test_phone_too_many_digits(void **state)
{
	(void)state;
	assert_string_equal(valid_phone("138001380001", 1), "ERR_PHONE_MOBILE");
	assert_string_equal(valid_phone("12345678901234567890", 1), "ERR_PHONE_MOBILE");
	assert_string_equal(valid_phone("123456789012345678901", 1), "ERR_PHONE");
}

static void
test_phone_too_long_with_separators(void **state)
{
	(void)state;
	assert_string_equal(valid_phone("1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7", 1), "ERR_PHONE_MOBILE");
	assert_string_equal(valid_phone("138 0013 8000                                                     ",
	    1), "ERR_PHONE");   /* past 64 bytes */
}

static void
test_phone_letters_refused(void **state)
{
	(void)state;
	assert_string_equal(valid_phone("138a0013800", 1), "ERR_PHONE");
	assert_string_equal(valid_phone("1380013800;", 1), "ERR_PHONE");
	assert_null(valid_phone("１３８００１３８０００", 1));   /* full-width: an input method's */
}

/* --- valid_email --- */

static void
test_email_ok(void **state)
{
	(void)state;
	assert_null(valid_email("li.wei@example.com.cn", 1));
	assert_null(valid_email("a+tag@b.io", 1));
	assert_null(valid_email("张三@例子.中国", 1));
}

static void
test_email_missing(void **state)
{
	(void)state;
	assert_string_equal(valid_email(NULL, 1), "ERR_REQUIRED");
	assert_string_equal(valid_email(" ", 1), "ERR_REQUIRED");
	assert_null(valid_email(NULL, 0));
	assert_null(valid_email("", 0));
}

static void
test_email_malformed(void **state)
{
	static const char *const bad[] = {
		"no-at.example.com", "@example.com", "a@b@c.com", "a@example",
		"a@.com", "a@example.", "a b@example.com", "a@exa mple.com",
		"<a@b.com>", "\"a\"@b.com", "a@b.com\n", "\xFF@b.com",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *p = valid_email(bad[i], 1);

		if (p == NULL || strcmp(p, "ERR_EMAIL") != 0)
			fail_msg("\"%s\" gave %s", bad[i], p != NULL ? p : "ok");
	}
}

static void
test_email_too_long(void **state)
{
	char v[300];

	(void)state;
	memset(v, 'a', sizeof(v));
	memcpy(v + 250 - 6, "@b.com", 7);           /* 250 bytes: ok */
	assert_null(valid_email(v, 1));
	memset(v, 'a', sizeof(v));
	memcpy(v + 255 - 6, "@b.com", 7);           /* 255 bytes: too long */
	assert_string_equal(valid_email(v, 1), "ERR_EMAIL");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_chars_ascii),
		cmocka_unit_test(test_utf8_chars_multibyte),
		cmocka_unit_test(test_text_ok),
		cmocka_unit_test(test_text_required_missing),
		cmocka_unit_test(test_text_required_blank),
		cmocka_unit_test(test_text_optional_empty_ok),
		cmocka_unit_test(test_text_ascii_at_max_ok),
		cmocka_unit_test(test_text_ascii_over_max_too_long),
		cmocka_unit_test(test_text_chinese_10_chars_max_10_ok),
		cmocka_unit_test(test_text_chinese_11_chars_max_10_too_long),
		cmocka_unit_test(test_text_invalid_utf8_refused),
		cmocka_unit_test(test_text_single_line_refuses_newline_and_tab),
		cmocka_unit_test(test_text_multiline_accepts_newline_and_tab),
		cmocka_unit_test(test_text_control_chars_refused_even_multiline),
		cmocka_unit_test(test_text_multiline_newlines_count_as_chars),
		cmocka_unit_test(test_int_ok),
		cmocka_unit_test(test_int_negative_ok),
		cmocka_unit_test(test_int_bounds_inclusive),
		cmocka_unit_test(test_int_out_of_range),
		cmocka_unit_test(test_int_missing_required),
		cmocka_unit_test(test_int_garbage_refused),
		cmocka_unit_test(test_int_extremes_ok),
		cmocka_unit_test(test_int_overflow_refused),
		cmocka_unit_test(test_int_leading_zeros_decimal),
		cmocka_unit_test(test_choice_ok),
		cmocka_unit_test(test_choice_missing),
		cmocka_unit_test(test_choice_not_in_list),
		cmocka_unit_test(test_phone_ok),
		cmocka_unit_test(test_phone_missing),
		cmocka_unit_test(test_phone_too_few_digits),
		cmocka_unit_test(test_phone_too_many_digits),
		cmocka_unit_test(test_phone_too_long_with_separators),
		cmocka_unit_test(test_phone_letters_refused),
		cmocka_unit_test(test_email_ok),
		cmocka_unit_test(test_email_missing),
		cmocka_unit_test(test_email_malformed),
		cmocka_unit_test(test_email_too_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
