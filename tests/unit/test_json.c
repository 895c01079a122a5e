/* Unit tests of cgi/core/json.c: one scenario per test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "json.h"
#include "parse.h"

#define FFFD "\xEF\xBF\xBD"

static int
setup(void **state)
{
	struct arena *a = malloc(sizeof(*a));

	if (a == NULL)
		return -1;
	arena_init(a);
	*state = a;
	return 0;
}

static int
teardown(void **state)
{
	arena_free(*state);
	free(*state);
	return 0;
}

static const char *
esc(void **state, const char *s)
{
	return json_escape(*state, s);
}

static void
test_json_plain_ascii_unchanged(void **state)
{
	assert_string_equal(esc(state, "GET /desk/ 200"), "GET /desk/ 200");
}

static void
test_json_empty_and_null(void **state)
{
	assert_string_equal(esc(state, ""), "");
	assert_string_equal(esc(state, NULL), "");
}

static void
test_json_quote_escaped(void **state)
{
	assert_string_equal(esc(state, "say \"hi\""), "say \\\"hi\\\"");
}

static void
test_json_backslash_escaped(void **state)
{
	assert_string_equal(esc(state, "C:\\dir\\"), "C:\\\\dir\\\\");
}

static void
test_json_newline_tab_cr_escaped(void **state)
{
	assert_string_equal(esc(state, "a\nb\tc\rd"), "a\\u000ab\\u0009c\\u000dd");
}

static void
test_json_all_c0_controls_escaped(void **state)
{
	char in[2] = { 0, 0 }, want[8];
	int c;

	for (c = 1; c < 0x20; c++) {
		in[0] = (char)c;
		snprintf(want, sizeof(want), "\\u%04x", c);
		assert_string_equal(esc(state, in), want);
	}
}

static void
test_json_del_and_slash_kept(void **state)
{
	assert_string_equal(esc(state, "a/b\x7F"), "a/b\x7F");
}

static void
test_json_chinese_kept(void **state)
{
	assert_string_equal(esc(state, "空调不制冷,请尽快上门"), "空调不制冷,请尽快上门");
}

static void
test_json_four_byte_utf8_kept(void **state)
{
	assert_string_equal(esc(state, "ok \xF0\x9F\x98\x80"), "ok \xF0\x9F\x98\x80");
}

static void
test_json_invalid_byte_replaced(void **state)
{
	assert_string_equal(esc(state, "a\xFF" "b"), "a" FFFD "b");
	assert_string_equal(esc(state, "\xFE"), FFFD);
}

static void
test_json_lone_continuation_replaced(void **state)
{
	assert_string_equal(esc(state, "\x80\xBF"), FFFD FFFD);
}

static void
test_json_truncated_sequence_replaced(void **state)
{
	/* First two bytes of U+670D, then the end of the string. */
	assert_string_equal(esc(state, "x\xE6\x9C"), "x" FFFD FFFD);
	/* Truncated sequence followed by ASCII: the ASCII survives. */
	assert_string_equal(esc(state, "\xE6\x9C" "a"), FFFD FFFD "a");
}

static void
test_json_overlong_replaced(void **state)
{
	assert_string_equal(esc(state, "\xC0\xAF"), FFFD FFFD);
	assert_string_equal(esc(state, "\xE0\x80\xAF"), FFFD FFFD FFFD);
}

static void
test_json_surrogate_replaced(void **state)
{
	assert_string_equal(esc(state, "\xED\xA0\x80"), FFFD FFFD FFFD);
}

static void
test_json_above_max_codepoint_replaced(void **state)
{
	assert_string_equal(esc(state, "\xF4\x90\x80\x80"), FFFD FFFD FFFD FFFD);
	assert_string_equal(esc(state, "\xF5\x80\x80\x80"), FFFD FFFD FFFD FFFD);
}

static void
test_json_output_is_valid_utf8(void **state)
{
	unsigned char in[256];
	const char *out;
	int i, n = 0;

	/* Every byte but NUL and DEL (DEL is valid JSON, but utf8_valid_text
	 * refuses it). */
	for (i = 1; i < 256; i++)
		if (i != 0x7F)
			in[n++] = (unsigned char)i;
	in[n] = '\0';
	out = esc(state, (const char *)in);
	assert_true(utf8_valid_text(out, strlen(out)));
	for (i = 0; out[i] != '\0'; i++)
		assert_true((unsigned char)out[i] >= 0x20);
}

static void
test_json_worst_case_not_truncated(void **state)
{
	char in[1001];
	const char *out;

	memset(in, 0x01, 1000);
	in[1000] = '\0';
	out = esc(state, in);
	assert_int_equal(strlen(out), 6000);
	assert_memory_equal(out + 5994, "\\u0001", 6);
}

static void
test_json_buf_fits(void **state)
{
	char buf[32];

	(void)state;
	assert_ptr_equal(json_escape_buf(buf, sizeof(buf), "a\"b"), buf);
	assert_string_equal(buf, "a\\\"b");
}

static void
test_json_buf_null_source(void **state)
{
	char buf[4] = "xyz";

	(void)state;
	json_escape_buf(buf, sizeof(buf), NULL);
	assert_string_equal(buf, "");
}

static void
test_json_buf_cap_zero_writes_nothing(void **state)
{
	char buf[2] = { 'Q', 'R' };

	(void)state;
	assert_ptr_equal(json_escape_buf(buf, 0, "abc"), buf);
	assert_int_equal(buf[0], 'Q');
	assert_int_equal(buf[1], 'R');
}

static void
test_json_buf_cap_one_is_empty(void **state)
{
	char buf[2] = { 'Q', 'R' };

	(void)state;
	json_escape_buf(buf, 1, "abc");
	assert_int_equal(buf[0], '\0');
	assert_int_equal(buf[1], 'R');
}

static void
test_json_buf_ascii_truncated(void **state)
{
	char buf[4];

	(void)state;
	json_escape_buf(buf, sizeof(buf), "abcdef");
	assert_string_equal(buf, "abc");
}

static void
test_json_buf_never_splits_utf8(void **state)
{
	char buf[8];

	(void)state;
	json_escape_buf(buf, 3, "服务");
	assert_string_equal(buf, "");
	json_escape_buf(buf, 4, "服务");
	assert_string_equal(buf, "服");
	json_escape_buf(buf, 6, "服务");
	assert_string_equal(buf, "服");
	json_escape_buf(buf, 7, "服务");
	assert_string_equal(buf, "服务");
}

static void
test_json_buf_never_splits_escape(void **state)
{
	char buf[8];

	(void)state;
	json_escape_buf(buf, 3, "a\"b");
	assert_string_equal(buf, "a");
	json_escape_buf(buf, 7, "\x01");
	assert_string_equal(buf, "\\u0001");
	json_escape_buf(buf, 6, "\x01");
	assert_string_equal(buf, "");
}

static void
test_json_buf_never_splits_replacement(void **state)
{
	char buf[8];

	(void)state;
	json_escape_buf(buf, 4, "a\xFF");
	assert_string_equal(buf, "a");
	json_escape_buf(buf, 5, "a\xFF");
	assert_string_equal(buf, "a" FFFD);
}

/* For every capacity the output is the longest whole-piece prefix of the
 * full escape that fits with its NUL, and the buffer past it is untouched. */
static void
test_json_buf_every_cap_cuts_on_piece_boundary(void **state)
{
	static const char in[] = "a\"\xE6\x9C\x8D\x01\xFF" "z";
	/* pieces: a | \" | 服 | \u0001 | U+FFFD | z */
	static const size_t bounds[] = { 0, 1, 3, 6, 12, 15, 16 };
	static const char full[] = "a\\\"\xE6\x9C\x8D\\u0001" FFFD "z";
	char buf[32];
	size_t cap, i, want;

	(void)state;
	assert_int_equal(strlen(full), 16);
	for (cap = 1; cap <= sizeof(buf) - 4; cap++) {
		memset(buf, '#', sizeof(buf));
		json_escape_buf(buf, cap, in);
		want = 0;
		for (i = 0; i < sizeof(bounds) / sizeof(bounds[0]); i++)
			if (bounds[i] < cap)
				want = bounds[i];
		if (strlen(buf) != want || memcmp(buf, full, want) != 0)
			fail_msg("cap %zu: got \"%s\", want %zu bytes", cap, buf, want);
		for (i = cap; i < sizeof(buf); i++)
			if (buf[i] != '#')
				fail_msg("cap %zu: byte %zu written past the buffer", cap, i);
	}
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_json_plain_ascii_unchanged),
		T(test_json_empty_and_null),
		T(test_json_quote_escaped),
		T(test_json_backslash_escaped),
		T(test_json_newline_tab_cr_escaped),
		T(test_json_all_c0_controls_escaped),
		T(test_json_del_and_slash_kept),
		T(test_json_chinese_kept),
		T(test_json_four_byte_utf8_kept),
		T(test_json_invalid_byte_replaced),
		T(test_json_lone_continuation_replaced),
		T(test_json_truncated_sequence_replaced),
		T(test_json_overlong_replaced),
		T(test_json_surrogate_replaced),
		T(test_json_above_max_codepoint_replaced),
		T(test_json_output_is_valid_utf8),
		T(test_json_worst_case_not_truncated),
		T(test_json_buf_fits),
		T(test_json_buf_null_source),
		T(test_json_buf_cap_zero_writes_nothing),
		T(test_json_buf_cap_one_is_empty),
		T(test_json_buf_ascii_truncated),
		T(test_json_buf_never_splits_utf8),
		T(test_json_buf_never_splits_escape),
		T(test_json_buf_never_splits_replacement),
		T(test_json_buf_every_cap_cuts_on_piece_boundary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
