/* Tests of the HTTP harness's own database access (tests/http/harness.c)
 * against the test stack ($SL_TEST_STACK): SQL reaches the mariadb client
 * as written, without a shell, so quotes cannot break it and shell syntax
 * in it runs nothing; a failing statement is reported, never taken for an
 * empty answer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

/* Quotes of every kind and shell syntax come back as written; the command
 * substitution in it created no file. */
static void
test_stack_sql_passes_quotes_and_shell_syntax_untouched(void **state)
{
	char marker[64], sql[512], want[256], *v;

	(void)state;
	snprintf(marker, sizeof(marker), "/tmp/sl-harness-%ld", (long)getpid());
	(void)unlink(marker);
	snprintf(sql, sizeof(sql), "SELECT 'it''s \"$(touch %s)\" `touch %s` ; \\\\ done'",
	    marker, marker);
	v = stack_sql_value(sql);
	assert_non_null(v);
	/* batch output writes a backslash as "\\" */
	snprintf(want, sizeof(want), "it's \"$(touch %s)\" `touch %s` ; \\\\ done", marker,
	    marker);
	assert_string_equal(v, want);
	free(v);
	assert_int_equal(access(marker, F_OK), -1);
}

/* Several statements and rows: stack_sql_value gives the first column of
 * the first row; no row is NULL, not "". */
static void
test_stack_sql_value_first_row_and_no_row(void **state)
{
	char *v;

	(void)state;
	v = stack_sql_value("SELECT 41 + 1 UNION ALL SELECT 7");
	assert_non_null(v);
	assert_string_equal(v, "42");
	free(v);
	assert_null(stack_sql_value("SELECT 1 FROM DUAL WHERE 1 = 0"));
	assert_int_equal(stack_sql_int("SELECT COUNT(*) FROM (SELECT 1 UNION ALL SELECT 2) x"), 2);
}

/* A failing statement is a failure with the server's error. */
static void
test_stack_sql_reports_errors(void **state)
{
	char *out, *err;

	(void)state;
	assert_int_equal(stack_sql("SELECT * FROM no_such_table_here"), -1);
	assert_null(stack_sql_value("SELECT * FROM no_such_table_here"));
	assert_true(stack_sql_run("SELECT * FROM no_such_table_here", &out, &err) > 0);
	assert_non_null(err);
	assert_non_null(strstr(err, "ERROR 1146 (42S02)"));
	free(out);
	free(err);
	assert_int_equal(stack_sql_run("SELECT 1", &out, &err), 0);
	assert_string_equal(out, "1\n");
	assert_string_equal(err, "");
	free(out);
	free(err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stack_sql_passes_quotes_and_shell_syntax_untouched),
		cmocka_unit_test(test_stack_sql_value_first_row_and_no_row),
		cmocka_unit_test(test_stack_sql_reports_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
