/* Unit tests of cgi/service/canned.c: the placeholders of a canned reply
 * filled in for a ticket, and the text appended to what is in the box. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "canned.h"

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

static void
test_both_spellings_are_filled(void **state)
{
	(void)state;
	assert_string_equal(canned_fill(&a, "{客户}您好，工单 {工单号} 已受理。", "王芳",
	    "R-20261204-0001"), "王芳您好，工单 R-20261204-0001 已受理。");
	assert_string_equal(canned_fill(&a, "Dear {customer}, ticket {ticket}.", "Wang Fang",
	    "R-1"), "Dear Wang Fang, ticket R-1.");
}

static void
test_repeated_placeholders_are_all_filled(void **state)
{
	const char *t = "{ticket}{ticket}{ticket}{ticket}{ticket}{ticket}{客户}{客户}";
	char *out;

	(void)state;
	/* Values longer than the placeholders: the result grows past the text. */
	out = canned_fill(&a, t, "一个很长很长很长很长的客户名字", "R-20261204-123456789");
	assert_int_equal(strlen(out), 6 * strlen("R-20261204-123456789") +
	    2 * strlen("一个很长很长很长很长的客户名字"));
	assert_null(strchr(out, '{'));
}

static void
test_unknown_braces_and_half_placeholders_stay(void **state)
{
	(void)state;
	assert_string_equal(canned_fill(&a, "{name} {客户 {ticket {} {{ticket}}", "A", "B"),
	    "{name} {客户 {ticket {} {B}");
	assert_string_equal(canned_fill(&a, "", "A", "B"), "");
	assert_string_equal(canned_fill(&a, "{customer}", NULL, NULL), "");
}

static void
test_values_are_not_read_as_placeholders(void **state)
{
	(void)state;
	/* A customer named "{ticket}" stays "{ticket}": one pass only. */
	assert_string_equal(canned_fill(&a, "{客户}/{工单号}", "{ticket}", "R-2"), "{ticket}/R-2");
}

static void
test_bad_placeholders_are_found(void **state)
{
	const char *t;

	(void)state;
	assert_null(canned_bad_placeholder("您好 {客户}，工单 {工单号} / {customer} {ticket}"));
	assert_null(canned_bad_placeholder("no braces"));
	assert_null(canned_bad_placeholder(NULL));
	t = "您好 {客户}，{名字}";
	assert_ptr_equal(canned_bad_placeholder(t), strstr(t, "{名字}"));
	t = "Dear {customer";
	assert_ptr_equal(canned_bad_placeholder(t), strchr(t, '{'));
	t = "{ticket} {{ticket}";
	assert_ptr_equal(canned_bad_placeholder(t), strstr(t, "{{"));
}

static void
test_append_separates_by_a_blank_line(void **state)
{
	(void)state;
	assert_string_equal(canned_append(&a, "", "B"), "B");
	assert_string_equal(canned_append(&a, " \n\t", "B"), "B");
	assert_string_equal(canned_append(&a, NULL, "B"), "B");
	assert_string_equal(canned_append(&a, "A\n\n  ", "B"), "A\n\nB");
	assert_string_equal(canned_append(&a, "A", "B"), "A\n\nB");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_both_spellings_are_filled, setup, teardown),
		cmocka_unit_test_setup_teardown(test_repeated_placeholders_are_all_filled, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unknown_braces_and_half_placeholders_stay,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_values_are_not_read_as_placeholders, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_bad_placeholders_are_found, setup, teardown),
		cmocka_unit_test_setup_teardown(test_append_separates_by_a_blank_line, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
