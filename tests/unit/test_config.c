/* Unit tests of cgi/core/config.c: one scenario per test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config.h"

#define SECRET_HEX "000102030405060708090a0b0c0d0e0f" \
                   "101112131415161718191A1B1C1D1E1F"

struct fx {
	struct config c;
	char          err[200];
};

static int
setup(void **state)
{
	struct fx *f = malloc(sizeof(*f));

	if (f == NULL)
		return -1;
	memset(f, 0xA5, sizeof(*f));    /* config_parse must set every field */
	f->err[0] = '\0';
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	free(*state);
	return 0;
}

static int
parse(void **state, const char *text)
{
	struct fx *f = *state;

	return config_parse(&f->c, text, strlen(text), f->err, sizeof(f->err));
}

#define C(state) (&((struct fx *)*(state))->c)
#define ERR(state) (((struct fx *)*(state))->err)

static void
assert_defaults(const struct config *c)
{
	static const unsigned char zero[32];

	assert_string_equal(c->db_socket, "");
	assert_string_equal(c->db_host, "localhost");
	assert_int_equal(c->db_port, 0);
	assert_string_equal(c->db_name, "serviceloop");
	assert_string_equal(c->db_user, "serviceloop");
	assert_string_equal(c->db_password, "");
	assert_string_equal(c->template_dir, "templates");
	assert_string_equal(c->static_dir, "static");
	assert_memory_equal(c->secret, zero, sizeof(zero));
	assert_int_equal(c->secure_cookies, 0);
	assert_string_equal(c->base_url, "");
	assert_string_equal(c->log_level, "info");
	assert_int_equal(c->max_body, 20u * 1024 * 1024);
	assert_int_equal(c->session_hours, 12);
	assert_string_equal(c->counters_dir, "run");
}

static void
test_config_empty_text_gives_defaults(void **state)
{
	assert_int_equal(parse(state, ""), 0);
	assert_defaults(C(state));
}

static void
test_config_defaults_function(void **state)
{
	config_defaults(C(state));
	assert_defaults(C(state));
}

static void
test_config_comments_and_blank_lines(void **state)
{
	assert_int_equal(parse(state,
	    "# ServiceLoop\n"
	    "\n"
	    "   \t\n"
	    "   # indented comment = not a key\n"
	    "\r\n"
	    "db_name = sl_test\n"
	    "# trailing comment\n"), 0);
	assert_string_equal(C(state)->db_name, "sl_test");
	assert_string_equal(C(state)->db_user, "serviceloop");
}

static void
test_config_all_keys(void **state)
{
	static const unsigned char want[32] = {
		0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
		16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
	};
	const struct config *c = C(state);

	assert_int_equal(parse(state,
	    "db_socket = /run/mysqld/mysqld.sock\n"
	    "db_host = db.internal\n"
	    "db_port = 3307\n"
	    "db_name = sl\n"
	    "db_user = sluser\n"
	    "db_password = p@ss = word\n"
	    "template_dir = /srv/sl/templates\n"
	    "static_dir = /srv/sl/static\n"
	    "secret = " SECRET_HEX "\n"
	    "secure_cookies = 1\n"
	    "base_url = https://service.example.cn\n"
	    "log_level = debug\n"
	    "max_body = 1048576\n"
	    "session_hours = 8\n"
	    "counters_dir = /run/sl-counters\n"), 0);
	assert_string_equal(c->db_socket, "/run/mysqld/mysqld.sock");
	assert_string_equal(c->db_host, "db.internal");
	assert_int_equal(c->db_port, 3307);
	assert_string_equal(c->db_name, "sl");
	assert_string_equal(c->db_user, "sluser");
	assert_string_equal(c->db_password, "p@ss = word");
	assert_string_equal(c->template_dir, "/srv/sl/templates");
	assert_string_equal(c->static_dir, "/srv/sl/static");
	assert_memory_equal(c->secret, want, 32);
	assert_int_equal(c->secure_cookies, 1);
	assert_string_equal(c->base_url, "https://service.example.cn");
	assert_string_equal(c->log_level, "debug");
	assert_int_equal(c->max_body, 1048576);
	assert_int_equal(c->session_hours, 8);
	assert_string_equal(c->counters_dir, "/run/sl-counters");
}

/* Under systemd (RuntimeDirectory=) the counters default to its runtime
 * directory; a relative or empty value there is not used. */
static void
test_config_counters_dir_follows_the_runtime_directory(void **state)
{
	assert_int_equal(setenv("RUNTIME_DIRECTORY", "/run/serviceloop", 1), 0);
	config_defaults(C(state));
	assert_string_equal(C(state)->counters_dir, "/run/serviceloop/counters");
	assert_int_equal(setenv("RUNTIME_DIRECTORY", "/run/a:/run/b", 1), 0);
	config_defaults(C(state));
	assert_string_equal(C(state)->counters_dir, "/run/a/counters");
	assert_int_equal(setenv("RUNTIME_DIRECTORY", "relative", 1), 0);
	config_defaults(C(state));
	assert_string_equal(C(state)->counters_dir, "run");
	assert_int_equal(unsetenv("RUNTIME_DIRECTORY"), 0);
	config_defaults(C(state));
	assert_string_equal(C(state)->counters_dir, "run");
}

static void
test_config_spaces_tabs_and_crlf_trimmed(void **state)
{
	assert_int_equal(parse(state, "\t db_host\t=\t  h1  \r\ndb_port=42\r\n"), 0);
	assert_string_equal(C(state)->db_host, "h1");
	assert_int_equal(C(state)->db_port, 42);
}

static void
test_config_last_line_without_newline(void **state)
{
	assert_int_equal(parse(state, "db_name = a\ndb_user = b"), 0);
	assert_string_equal(C(state)->db_user, "b");
}

static void
test_config_later_value_wins(void **state)
{
	assert_int_equal(parse(state, "db_name = a\ndb_name = b\n"), 0);
	assert_string_equal(C(state)->db_name, "b");
}

static void
test_config_empty_value_allowed_for_string(void **state)
{
	assert_int_equal(parse(state, "db_host =\n"), 0);
	assert_string_equal(C(state)->db_host, "");
}

static void
test_config_parse_resets_to_defaults(void **state)
{
	assert_int_equal(parse(state, "db_name = other\nsession_hours = 3\n"), 0);
	assert_int_equal(parse(state, "# nothing\n"), 0);
	assert_defaults(C(state));
}

static void
test_config_unknown_key_refused_with_line(void **state)
{
	assert_int_equal(parse(state, "# c\n\ndb_name = x\ndb_nmae = y\n"), -1);
	assert_non_null(strstr(ERR(state), "line 4"));
	assert_non_null(strstr(ERR(state), "db_nmae"));
}

static void
test_config_key_case_sensitive(void **state)
{
	assert_int_equal(parse(state, "DB_NAME = x\n"), -1);
	assert_non_null(strstr(ERR(state), "line 1"));
}

static void
test_config_line_without_equals_refused(void **state)
{
	assert_int_equal(parse(state, "db_name = a\njust words\n"), -1);
	assert_non_null(strstr(ERR(state), "line 2"));
}

static void
test_config_secret_short_refused(void **state)
{
	assert_int_equal(parse(state, "secret = 0011\n"), -1);
	assert_non_null(strstr(ERR(state), "line 1"));
	assert_non_null(strstr(ERR(state), "secret"));
}

static void
test_config_secret_long_refused(void **state)
{
	assert_int_equal(parse(state, "secret = " SECRET_HEX "00\n"), -1);
	assert_non_null(strstr(ERR(state), "secret"));
}

static void
test_config_secret_non_hex_refused(void **state)
{
	assert_int_equal(parse(state, "\nsecret = "
	    "000102030405060708090a0b0c0d0e0f"
	    "101112131415161718191a1b1c1d1e1g\n"), -1);
	assert_non_null(strstr(ERR(state), "line 2"));
}

static void
test_config_secret_empty_refused(void **state)
{
	assert_int_equal(parse(state, "secret =\n"), -1);
}

static void
test_config_port_garbage_refused(void **state)
{
	assert_int_equal(parse(state, "db_port = 33o6\n"), -1);
	assert_non_null(strstr(ERR(state), "db_port"));
}

static void
test_config_port_out_of_range_refused(void **state)
{
	assert_int_equal(parse(state, "db_port = 65536\n"), -1);
	assert_int_equal(parse(state, "db_port = 65535\n"), 0);
	assert_int_equal(C(state)->db_port, 65535);
}

static void
test_config_negative_number_refused(void **state)
{
	assert_int_equal(parse(state, "max_body = -1\n"), -1);
}

static void
test_config_empty_number_refused(void **state)
{
	assert_int_equal(parse(state, "db_port =\n"), -1);
}

static void
test_config_number_overflow_refused(void **state)
{
	assert_int_equal(parse(state, "max_body = 99999999999999999999999\n"), -1);
}

static void
test_config_max_body_limit(void **state)
{
	assert_int_equal(parse(state, "max_body = 1073741825\n"), -1);
	assert_int_equal(parse(state, "max_body = 1073741824\n"), 0);
}

static void
test_config_secure_cookies_only_0_or_1(void **state)
{
	assert_int_equal(parse(state, "secure_cookies = 2\n"), -1);
	assert_int_equal(parse(state, "secure_cookies = yes\n"), -1);
	assert_int_equal(parse(state, "secure_cookies = 0\n"), 0);
	assert_int_equal(C(state)->secure_cookies, 0);
}

static void
test_config_session_hours_zero_refused(void **state)
{
	assert_int_equal(parse(state, "session_hours = 0\n"), -1);
	assert_non_null(strstr(ERR(state), "session_hours"));
}

static void
test_config_session_hours_garbage_refused(void **state)
{
	assert_int_equal(parse(state, "session_hours = abc\n"), -1);
	assert_int_equal(parse(state, "session_hours = 8760\n"), 0);
	assert_int_equal(parse(state, "session_hours = 8761\n"), -1);
}

static void
test_config_string_too_long_refused(void **state)
{
	char text[200];

	snprintf(text, sizeof(text), "db_name = %0100d\n", 0);   /* db_name[64] */
	assert_int_equal(parse(state, text), -1);
	assert_non_null(strstr(ERR(state), "db_name"));
}

static void
test_config_line_too_long_refused(void **state)
{
	char *text = malloc(2000);

	assert_non_null(text);
	memcpy(text, "base_url = ", 11);
	memset(text + 11, 'x', 1500);
	text[1511] = '\0';
	assert_int_equal(parse(state, text), -1);
	assert_non_null(strstr(ERR(state), "line 1"));
	free(text);
}

static void
test_config_nul_byte_refused(void **state)
{
	struct fx *f = *state;
	static const char text[] = "db_name = a\0b\n";

	assert_int_equal(config_parse(&f->c, text, sizeof(text) - 1, f->err, sizeof(f->err)), -1);
	assert_non_null(strstr(f->err, "line 1"));
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	unsetenv("RUNTIME_DIRECTORY");     /* the defaults under test are those outside systemd */
	const struct CMUnitTest tests[] = {
		T(test_config_empty_text_gives_defaults),
		T(test_config_defaults_function),
		T(test_config_comments_and_blank_lines),
		T(test_config_all_keys),
		T(test_config_counters_dir_follows_the_runtime_directory),
		T(test_config_spaces_tabs_and_crlf_trimmed),
		T(test_config_last_line_without_newline),
		T(test_config_later_value_wins),
		T(test_config_empty_value_allowed_for_string),
		T(test_config_parse_resets_to_defaults),
		T(test_config_unknown_key_refused_with_line),
		T(test_config_key_case_sensitive),
		T(test_config_line_without_equals_refused),
		T(test_config_secret_short_refused),
		T(test_config_secret_long_refused),
		T(test_config_secret_non_hex_refused),
		T(test_config_secret_empty_refused),
		T(test_config_port_garbage_refused),
		T(test_config_port_out_of_range_refused),
		T(test_config_negative_number_refused),
		T(test_config_empty_number_refused),
		T(test_config_number_overflow_refused),
		T(test_config_max_body_limit),
		T(test_config_secure_cookies_only_0_or_1),
		T(test_config_session_hours_zero_refused),
		T(test_config_session_hours_garbage_refused),
		T(test_config_string_too_long_refused),
		T(test_config_line_too_long_refused),
		T(test_config_nul_byte_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
