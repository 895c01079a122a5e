/* Unit tests of cgi/core/json_parse.c: one scenario per test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "json_parse.h"

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

/* Parse a NUL-terminated text; the tree (or NULL) into *v. */
static enum json_err
parse(void **state, const char *text, const struct json_value **v)
{
	return json_parse(*state, text, strlen(text), v, NULL);
}

/* Parse text that must be valid; returns the tree. */
static const struct json_value *
ok(void **state, const char *text)
{
	const struct json_value *v = NULL;

	assert_int_equal(parse(state, text, &v), JSON_OK);
	assert_non_null(v);
	return v;
}

/* The error of text; checks that no tree comes back. */
static enum json_err
bad(void **state, const char *text)
{
	static const struct json_value dummy;
	const struct json_value *v = &dummy;
	enum json_err e = parse(state, text, &v);

	assert_null(v);
	return e;
}

/* "[[[...0...]]]" with depth brackets (malloc'ed). */
static char *
nested(int depth)
{
	char *s = malloc((size_t)depth * 2 + 2);
	int i;

	assert_non_null(s);
	for (i = 0; i < depth; i++)
		s[i] = '[';
	s[depth] = '0';
	for (i = 0; i < depth; i++)
		s[depth + 1 + i] = ']';
	s[depth * 2 + 1] = '\0';
	return s;
}

/* An object with n members "k0".."k<n-1>" (malloc'ed). */
static char *
object_of(size_t n)
{
	char *s = malloc(n * 16 + 3), *p = s;
	size_t i;

	assert_non_null(s);
	*p++ = '{';
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s\"k%zu\":1", i > 0 ? "," : "", i);
	*p++ = '}';
	*p = '\0';
	return s;
}

/* --------------------------------------------------------------- values */

static void
test_json_parse_object_with_every_type(void **state)
{
	const struct json_value *v = ok(state,
	    "{\"s\":\"x\",\"n\":-1.5e2,\"t\":true,\"f\":false,\"z\":null,\"a\":[1,2],\"o\":{}}");

	assert_int_equal(v->type, JSON_OBJECT);
	assert_int_equal(v->n, 7);
	assert_string_equal(json_get(v, "s")->str, "x");
	assert_true(json_get(v, "n")->num == -150.0);
	assert_int_equal(json_get(v, "t")->type, JSON_TRUE);
	assert_int_equal(json_get(v, "f")->type, JSON_FALSE);
	assert_int_equal(json_get(v, "z")->type, JSON_NULL);
	assert_int_equal(json_get(v, "a")->n, 2);
	assert_int_equal(json_get(v, "o")->type, JSON_OBJECT);
	assert_int_equal(json_get(v, "o")->n, 0);
}

static void
test_json_parse_members_keep_document_order(void **state)
{
	const struct json_value *v = ok(state, "{\"b\":1,\"a\":2,\"c\":3}");

	assert_string_equal(v->members[0].key, "b");
	assert_string_equal(v->members[1].key, "a");
	assert_string_equal(v->members[2].key, "c");
}

static void
test_json_parse_array_items_in_order(void **state)
{
	const struct json_value *v = ok(state, "[\"a\", 2, [3], {\"x\": 4}]");

	assert_int_equal(v->type, JSON_ARRAY);
	assert_int_equal(v->n, 4);
	assert_string_equal(v->items[0]->str, "a");
	assert_string_equal(v->items[1]->str, "2");
	assert_int_equal(v->items[2]->type, JSON_ARRAY);
	assert_int_equal(v->items[3]->type, JSON_OBJECT);
}

static void
test_json_parse_scalar_at_top_level(void **state)
{
	assert_int_equal(ok(state, "42")->type, JSON_NUMBER);
	assert_int_equal(ok(state, "\"s\"")->type, JSON_STRING);
	assert_int_equal(ok(state, "null")->type, JSON_NULL);
}

static void
test_json_parse_white_space_around_and_inside(void **state)
{
	const struct json_value *v = ok(state, " \t\r\n{ \"a\" :\n[ 1 , 2 ] }\n ");

	assert_int_equal(json_get(v, "a")->n, 2);
}

static void
test_json_parse_empty_containers(void **state)
{
	assert_int_equal(ok(state, "[]")->n, 0);
	assert_int_equal(ok(state, "{ }")->n, 0);
	assert_int_equal(ok(state, "[ ]")->n, 0);
}

/* -------------------------------------------------------------- strings */

static void
test_json_parse_simple_escapes(void **state)
{
	const struct json_value *v = ok(state, "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"");

	assert_int_equal(v->len, 8);
	assert_memory_equal(v->str, "\"\\/\b\f\n\r\t", 8);
}

static void
test_json_parse_unicode_escape_to_utf8(void **state)
{
	const struct json_value *v = ok(state, "\"\\u0041\\u00e9\\u6295\\u8BC9\"");

	assert_string_equal(v->str, "A\xC3\xA9\xE6\x8A\x95\xE8\xAF\x89");   /* Aé投诉 */
}

static void
test_json_parse_surrogate_pair_joined(void **state)
{
	const struct json_value *v = ok(state, "\"\\ud83d\\ude00\"");

	assert_string_equal(v->str, "\xF0\x9F\x98\x80");   /* U+1F600 */
}

static void
test_json_parse_raw_chinese_kept(void **state)
{
	const struct json_value *v = ok(state, "{\"description\":\"空调不制冷,我要投诉\"}");

	assert_string_equal(json_get(v, "description")->str, "空调不制冷,我要投诉");
}

static void
test_json_parse_escaped_nul_kept_with_length(void **state)
{
	const struct json_value *v = ok(state, "\"a\\u0000b\"");

	assert_int_equal(v->len, 3);
	assert_int_equal(strlen(v->str), 1);
	assert_memory_equal(v->str, "a\0b", 3);
}

static void
test_json_parse_lone_high_surrogate_refused(void **state)
{
	assert_int_equal(bad(state, "\"\\ud83d\""), JSON_ERR_UTF8);
	assert_int_equal(bad(state, "\"\\ud83dx\""), JSON_ERR_UTF8);
	assert_int_equal(bad(state, "\"\\ud83d\\u0041\""), JSON_ERR_UTF8);
}

static void
test_json_parse_lone_low_surrogate_refused(void **state)
{
	assert_int_equal(bad(state, "\"\\ude00\""), JSON_ERR_UTF8);
}

static void
test_json_parse_bad_escape_refused(void **state)
{
	assert_int_equal(bad(state, "\"\\x41\""), JSON_ERR_SYNTAX);
	assert_int_equal(bad(state, "\"\\u12\""), JSON_ERR_SYNTAX);
	assert_int_equal(bad(state, "\"\\u12g4\""), JSON_ERR_SYNTAX);
	assert_int_equal(bad(state, "\"\\'\""), JSON_ERR_SYNTAX);
}

static void
test_json_parse_control_char_in_string_refused(void **state)
{
	assert_int_equal(bad(state, "\"a\nb\""), JSON_ERR_SYNTAX);
	assert_int_equal(bad(state, "\"a\tb\""), JSON_ERR_SYNTAX);
}

static void
test_json_parse_invalid_utf8_refused(void **state)
{
	assert_int_equal(bad(state, "\"\xFF\""), JSON_ERR_UTF8);
	assert_int_equal(bad(state, "\"\xC0\xAF\""), JSON_ERR_UTF8);          /* overlong */
	assert_int_equal(bad(state, "\"\xED\xA0\x80\""), JSON_ERR_UTF8);      /* surrogate */
	assert_int_equal(bad(state, "\"\xF4\x90\x80\x80\""), JSON_ERR_UTF8);  /* > U+10FFFF */
	assert_int_equal(bad(state, "\"\xE6\x8A\""), JSON_ERR_UTF8);          /* truncated */
}

static void
test_json_parse_unterminated_string_refused(void **state)
{
	assert_int_equal(bad(state, "\"abc"), JSON_ERR_SYNTAX);
	assert_int_equal(bad(state, "\"abc\\"), JSON_ERR_SYNTAX);
	assert_int_equal(bad(state, "\"abc\\\""), JSON_ERR_SYNTAX);
}

static void
test_json_parse_single_quotes_refused(void **state)
{
	assert_int_equal(bad(state, "{'a':1}"), JSON_ERR_SYNTAX);
}

/* -------------------------------------------------------------- numbers */

static void
test_json_parse_numbers_of_the_grammar(void **state)
{
	static const char *const good[] = {
		"0", "-0", "7", "-12", "3.25", "1e3", "1E+3", "2.5e-3", "-0.0", "123456789012",
	};
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		const struct json_value *v = ok(state, good[i]);

		assert_int_equal(v->type, JSON_NUMBER);
		assert_string_equal(v->str, good[i]);
	}
	assert_true(ok(state, "2.5e-3")->num == 2.5e-3);
}

static void
test_json_parse_numbers_outside_the_grammar_refused(void **state)
{
	static const char *const wrong[] = {
		"01", "+1", ".5", "1.", "1e", "1e+", "-", "0x10", "NaN", "Infinity", "-.5", "1.e3",
	};
	size_t i;

	for (i = 0; i < sizeof(wrong) / sizeof(wrong[0]); i++) {
		static const struct json_value dummy;
		const struct json_value *v = &dummy;

		assert_int_not_equal(parse(state, wrong[i], &v), JSON_OK);
		assert_null(v);
	}
}

static void
test_json_parse_int_accepts_integers_in_range(void **state)
{
	long long n = 0;

	assert_int_equal(json_int(ok(state, "42"), 1, 100, &n), 0);
	assert_int_equal(n, 42);
	assert_int_equal(json_int(ok(state, "-7"), -10, 10, &n), 0);
	assert_int_equal(n, -7);
}

static void
test_json_parse_int_refuses_fractions_and_out_of_range(void **state)
{
	long long n = 0;

	assert_int_equal(json_int(ok(state, "4.0"), 0, 10, &n), -1);
	assert_int_equal(json_int(ok(state, "4e0"), 0, 10, &n), -1);
	assert_int_equal(json_int(ok(state, "11"), 0, 10, &n), -1);
	assert_int_equal(json_int(ok(state, "99999999999999999999"), 0, 10, &n), -1);
	assert_int_equal(json_int(ok(state, "\"4\""), 0, 10, &n), -1);
	assert_int_equal(json_int(NULL, 0, 10, &n), -1);
}

/* ------------------------------------------------------- structure rules */

static void
test_json_parse_duplicate_key_refused(void **state)
{
	size_t off = 0;
	const struct json_value *v;
	const char *text = "{\"a\":1,\"b\":2,\"a\":3}";

	assert_int_equal(json_parse(*state, text, strlen(text), &v, &off), JSON_ERR_DUP_KEY);
	assert_null(v);
	assert_int_equal(off, 13);    /* the second "a" */
}

static void
test_json_parse_duplicate_key_by_escape_refused(void **state)
{
	assert_int_equal(bad(state, "{\"a\":1,\"\\u0061\":2}"), JSON_ERR_DUP_KEY);
}

static void
test_json_parse_same_key_in_nested_objects_allowed(void **state)
{
	const struct json_value *v = ok(state, "{\"a\":{\"a\":1},\"b\":{\"a\":2}}");

	assert_int_equal(v->n, 2);
}

static void
test_json_parse_trailing_garbage_refused(void **state)
{
	assert_int_equal(bad(state, "{} x"), JSON_ERR_TRAILING);
	assert_int_equal(bad(state, "{}{}"), JSON_ERR_TRAILING);
	assert_int_equal(bad(state, "1 2"), JSON_ERR_TRAILING);
}

static void
test_json_parse_trailing_commas_refused(void **state)
{
	assert_int_equal(bad(state, "[1,]"), JSON_ERR_SYNTAX);
	assert_int_equal(bad(state, "{\"a\":1,}"), JSON_ERR_SYNTAX);
	assert_int_equal(bad(state, "[,1]"), JSON_ERR_SYNTAX);
}

static void
test_json_parse_missing_colon_or_value_refused(void **state)
{
	assert_int_equal(bad(state, "{\"a\" 1}"), JSON_ERR_SYNTAX);
	assert_int_equal(bad(state, "{\"a\":}"), JSON_ERR_SYNTAX);
	assert_int_equal(bad(state, "{a:1}"), JSON_ERR_SYNTAX);
	assert_int_equal(bad(state, "{\"a\":1"), JSON_ERR_SYNTAX);
}

static void
test_json_parse_empty_input_refused(void **state)
{
	const struct json_value *v;

	assert_int_equal(bad(state, ""), JSON_ERR_SYNTAX);
	assert_int_equal(bad(state, "  \n "), JSON_ERR_SYNTAX);
	assert_int_equal(json_parse(*state, NULL, 0, &v, NULL), JSON_ERR_SYNTAX);
	assert_null(v);
}

static void
test_json_parse_bom_and_comments_refused(void **state)
{
	assert_int_equal(bad(state, "\xEF\xBB\xBF{}"), JSON_ERR_SYNTAX);
	assert_int_equal(bad(state, "{} // c"), JSON_ERR_TRAILING);
	assert_int_equal(bad(state, "/* c */ {}"), JSON_ERR_SYNTAX);
}

static void
test_json_parse_misspelt_literals_refused(void **state)
{
	assert_int_equal(bad(state, "tru"), JSON_ERR_SYNTAX);
	assert_int_equal(bad(state, "True"), JSON_ERR_SYNTAX);
	assert_int_equal(bad(state, "nul"), JSON_ERR_SYNTAX);
	assert_int_equal(bad(state, "falsey"), JSON_ERR_TRAILING);
}

static void
test_json_parse_nul_byte_outside_string_refused(void **state)
{
	const struct json_value *v;

	assert_int_equal(json_parse(*state, "{}\0", 3, &v, NULL), JSON_ERR_TRAILING);
	assert_int_equal(json_parse(*state, "[1,\0 2]", 7, &v, NULL), JSON_ERR_SYNTAX);
}

static void
test_json_parse_input_need_not_be_nul_terminated(void **state)
{
	const struct json_value *v;

	assert_int_equal(json_parse(*state, "[1]xyz", 3, &v, NULL), JSON_OK);
	assert_int_equal(v->n, 1);
}

/* --------------------------------------------------------------- limits */

static void
test_json_parse_depth_32_accepted(void **state)
{
	char *s = nested(JSON_MAX_DEPTH);

	ok(state, s);
	free(s);
}

static void
test_json_parse_depth_33_refused(void **state)
{
	char *s = nested(JSON_MAX_DEPTH + 1);

	assert_int_equal(bad(state, s), JSON_ERR_DEPTH);
	free(s);
}

static void
test_json_parse_deep_nesting_does_not_recurse_unbounded(void **state)
{
	char *s = nested(200000);

	assert_int_equal(bad(state, s), JSON_ERR_DEPTH);
	free(s);
}

static void
test_json_parse_256_members_accepted(void **state)
{
	char *s = object_of(JSON_MAX_MEMBERS);

	assert_int_equal(ok(state, s)->n, JSON_MAX_MEMBERS);
	free(s);
}

static void
test_json_parse_257_members_refused(void **state)
{
	char *s = object_of(JSON_MAX_MEMBERS + 1);

	assert_int_equal(bad(state, s), JSON_ERR_TOO_MANY);
	free(s);
}

static void
test_json_parse_257_array_items_refused(void **state)
{
	char s[1024], *p = s;
	int i;

	*p++ = '[';
	for (i = 0; i <= JSON_MAX_MEMBERS; i++)
		p += sprintf(p, "%s0", i > 0 ? "," : "");
	strcpy(p, "]");
	assert_int_equal(bad(state, s), JSON_ERR_TOO_MANY);
}

/* An array of rows arrays of cols zeros (malloc'ed): 1 + rows + rows * cols
 * values, every array within the member limit. */
static char *
grid(int rows, int cols)
{
	char *s = malloc((size_t)rows * ((size_t)cols * 2 + 2) + 3), *p = s;
	int i, k;

	assert_non_null(s);
	*p++ = '[';
	for (i = 0; i < rows; i++) {
		if (i > 0)
			*p++ = ',';
		*p++ = '[';
		for (k = 0; k < cols; k++) {
			if (k > 0)
				*p++ = ',';
			*p++ = '0';
		}
		*p++ = ']';
	}
	*p++ = ']';
	*p = '\0';
	return s;
}

static void
test_json_parse_65281_values_accepted(void **state)
{
	char *s = grid(255, 255);    /* 1 + 255 + 65025 */

	assert_int_equal(ok(state, s)->n, 255);
	free(s);
}

static void
test_json_parse_too_many_values_refused(void **state)
{
	char *s = grid(256, 256);    /* 1 + 256 + 65536 > JSON_MAX_NODES */

	assert_int_equal(bad(state, s), JSON_ERR_TOO_MANY);
	free(s);
}

static void
test_json_parse_over_one_megabyte_refused(void **state)
{
	size_t n = JSON_MAX_BYTES + 1, off = 0;
	char *s = malloc(n);
	const struct json_value *v;

	assert_non_null(s);
	memset(s, ' ', n);
	s[0] = '0';
	assert_int_equal(json_parse(*state, s, n, &v, &off), JSON_ERR_TOO_LARGE);
	assert_null(v);
	assert_int_equal(off, JSON_MAX_BYTES);
	free(s);
}

static void
test_json_parse_one_megabyte_string_accepted(void **state)
{
	size_t n = JSON_MAX_BYTES;
	char *s = malloc(n);
	const struct json_value *v;

	assert_non_null(s);
	memset(s, 'a', n);
	s[0] = '"';
	s[n - 1] = '"';
	assert_int_equal(json_parse(*state, s, n, &v, NULL), JSON_OK);
	assert_int_equal(v->len, n - 2);
	free(s);
}

/* ------------------------------------------------------------- helpers */

static void
test_json_parse_get_misses(void **state)
{
	const struct json_value *v = ok(state, "{\"a\":1,\"x\\u0000y\":2}");

	assert_non_null(json_get(v, "a"));
	assert_null(json_get(v, "b"));
	assert_null(json_get(v, "A"));
	assert_null(json_get(v, "x"));      /* a key with NUL never matches */
	assert_null(json_get(ok(state, "[1]"), "a"));
	assert_null(json_get(NULL, "a"));
}

static void
test_json_parse_error_offset_points_at_problem(void **state)
{
	size_t off = 0;
	const struct json_value *v;
	const char *text = "{\"a\": [1, 2 x]}";

	assert_int_equal(json_parse(*state, text, strlen(text), &v, &off), JSON_ERR_SYNTAX);
	assert_int_equal(off, 12);
}

static void
test_json_parse_error_strings_are_named(void **state)
{
	int e;

	(void)state;
	for (e = 0; e < JSON_ERR__MAX; e++)
		assert_non_null(json_err_str((enum json_err)e));
	assert_string_equal(json_err_str(JSON_ERR_DUP_KEY), "duplicate key");
	assert_string_equal(json_type_name(JSON_OBJECT), "object");
}

/* "[0,0,...]" of n items (malloc'ed). */
static char *
array_of(size_t n)
{
	char *s = malloc(2 * n + 3), *p = s;
	size_t i;

	assert_non_null(s);
	*p++ = '[';
	for (i = 0; i < n; i++) {
		if (i > 0)
			*p++ = ',';
		*p++ = '0';
	}
	*p++ = ']';
	*p = '\0';
	return s;
}

static void
test_json_parse_limits_raise_items_for_one_call(void **state)
{
	const struct json_limits lim = { 64 * 1024, 10000, 8, 10001 };
	const struct json_value *v;
	char *s = array_of(10000);

	assert_int_equal(json_parse_limits(*state, s, strlen(s), &lim, &v, NULL), JSON_OK);
	assert_int_equal(v->n, 10000);
	/* The defaults of every other caller still refuse it. */
	assert_int_equal(json_parse(*state, s, strlen(s), &v, NULL), JSON_ERR_TOO_MANY);
	free(s);
	s = array_of(10001);
	assert_int_equal(json_parse_limits(*state, s, strlen(s), &lim, &v, NULL),
	    JSON_ERR_TOO_MANY);
	free(s);
}

static void
test_json_parse_limits_keep_objects_small(void **state)
{
	const struct json_limits lim = { 64 * 1024, 10000, 2, 10001 };
	const struct json_value *v;
	const char *s = "[{\"a\":1,\"b\":2,\"c\":3}]";
	size_t off;

	assert_int_equal(json_parse_limits(*state, s, strlen(s), &lim, &v, &off),
	    JSON_ERR_TOO_MANY);
	assert_int_equal(json_parse_limits(*state, s, 10, &lim, &v, &off), JSON_ERR_SYNTAX);
	assert_int_equal(json_parse_limits(*state, "[1]", 3,
	    &(struct json_limits){ 2, 10, 10, 10 }, &v, &off), JSON_ERR_TOO_LARGE);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_json_parse_limits_raise_items_for_one_call),
		T(test_json_parse_limits_keep_objects_small),
		T(test_json_parse_object_with_every_type),
		T(test_json_parse_members_keep_document_order),
		T(test_json_parse_array_items_in_order),
		T(test_json_parse_scalar_at_top_level),
		T(test_json_parse_white_space_around_and_inside),
		T(test_json_parse_empty_containers),
		T(test_json_parse_simple_escapes),
		T(test_json_parse_unicode_escape_to_utf8),
		T(test_json_parse_surrogate_pair_joined),
		T(test_json_parse_raw_chinese_kept),
		T(test_json_parse_escaped_nul_kept_with_length),
		T(test_json_parse_lone_high_surrogate_refused),
		T(test_json_parse_lone_low_surrogate_refused),
		T(test_json_parse_bad_escape_refused),
		T(test_json_parse_control_char_in_string_refused),
		T(test_json_parse_invalid_utf8_refused),
		T(test_json_parse_unterminated_string_refused),
		T(test_json_parse_single_quotes_refused),
		T(test_json_parse_numbers_of_the_grammar),
		T(test_json_parse_numbers_outside_the_grammar_refused),
		T(test_json_parse_int_accepts_integers_in_range),
		T(test_json_parse_int_refuses_fractions_and_out_of_range),
		T(test_json_parse_duplicate_key_refused),
		T(test_json_parse_duplicate_key_by_escape_refused),
		T(test_json_parse_same_key_in_nested_objects_allowed),
		T(test_json_parse_trailing_garbage_refused),
		T(test_json_parse_trailing_commas_refused),
		T(test_json_parse_missing_colon_or_value_refused),
		T(test_json_parse_empty_input_refused),
		T(test_json_parse_bom_and_comments_refused),
		T(test_json_parse_misspelt_literals_refused),
		T(test_json_parse_nul_byte_outside_string_refused),
		T(test_json_parse_input_need_not_be_nul_terminated),
		T(test_json_parse_depth_32_accepted),
		T(test_json_parse_depth_33_refused),
		T(test_json_parse_deep_nesting_does_not_recurse_unbounded),
		T(test_json_parse_256_members_accepted),
		T(test_json_parse_257_members_refused),
		T(test_json_parse_257_array_items_refused),
		T(test_json_parse_65281_values_accepted),
		T(test_json_parse_too_many_values_refused),
		T(test_json_parse_over_one_megabyte_refused),
		T(test_json_parse_one_megabyte_string_accepted),
		T(test_json_parse_get_misses),
		T(test_json_parse_error_offset_points_at_problem),
		T(test_json_parse_error_strings_are_named),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
