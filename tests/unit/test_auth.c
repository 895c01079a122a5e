/* Unit tests of the pure parts of cgi/core/auth.c (tokens, CSRF, password
 * hashing): one scenario per test. Sessions and auth_csrf_ok() need a
 * request and the database and are covered by the HTTP tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "auth.h"
#include "config.h"

#define SHA256_ABC   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define SHA256_EMPTY "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static const unsigned char secret_a[32] = {
	0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
	0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe,
	0x0f, 0x1e, 0x2d, 0x3c, 0x4b, 0x5a, 0x69, 0x78,
	0x87, 0x96, 0xa5, 0xb4, 0xc3, 0xd2, 0xe1, 0xf0,
};

static int
group_setup(void **state)
{
	(void)state;
	return sodium_init() < 0 ? -1 : 0;
}

/* Every test starts with the same known secret. */
static int
setup(void **state)
{
	(void)state;
	memcpy(cfg.secret, secret_a, sizeof(cfg.secret));
	return 0;
}

static int
is_lower_hex(const char *s, size_t n)
{
	size_t i;

	if (strlen(s) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

/* --- auth_csrf_for --- */

static void
test_csrf_is_64_hex(void **state)
{
	char t[AUTH_HEX_TOKEN];

	(void)state;
	auth_csrf_for("session-hash", "session", t);
	assert_true(is_lower_hex(t, 64));
}

static void
test_csrf_deterministic(void **state)
{
	char t1[AUTH_HEX_TOKEN], t2[AUTH_HEX_TOKEN];

	(void)state;
	auth_csrf_for("identity-1", "session", t1);
	auth_csrf_for("identity-1", "session", t2);
	assert_string_equal(t1, t2);
}

static void
test_csrf_differs_for_other_identity(void **state)
{
	char t1[AUTH_HEX_TOKEN], t2[AUTH_HEX_TOKEN];

	(void)state;
	auth_csrf_for("identity-1", "session", t1);
	auth_csrf_for("identity-2", "session", t2);
	assert_string_not_equal(t1, t2);
}

static void
test_csrf_differs_for_other_purpose(void **state)
{
	char t1[AUTH_HEX_TOKEN], t2[AUTH_HEX_TOKEN];

	(void)state;
	auth_csrf_for("identity-1", "session", t1);
	auth_csrf_for("identity-1", "anon", t2);
	assert_string_not_equal(t1, t2);
}

static void
test_csrf_purpose_identity_boundary(void **state)
{
	char t1[AUTH_HEX_TOKEN], t2[AUTH_HEX_TOKEN];

	(void)state;
	/* "x" + "yz" and "xy" + "z" must not hash the same bytes. */
	auth_csrf_for("yz", "x", t1);
	auth_csrf_for("z", "xy", t2);
	assert_string_not_equal(t1, t2);
}

static void
test_csrf_differs_for_other_secret(void **state)
{
	char t1[AUTH_HEX_TOKEN], t2[AUTH_HEX_TOKEN], t3[AUTH_HEX_TOKEN];

	(void)state;
	auth_csrf_for("identity-1", "session", t1);
	cfg.secret[31] ^= 1;
	auth_csrf_for("identity-1", "session", t2);
	assert_string_not_equal(t1, t2);
	cfg.secret[31] ^= 1;
	auth_csrf_for("identity-1", "session", t3);
	assert_string_equal(t1, t3);
}

static void
test_csrf_is_not_plain_hash(void **state)
{
	char t[AUTH_HEX_TOKEN], h[AUTH_HEX_TOKEN];

	(void)state;
	auth_csrf_for("abc", "", t);
	auth_sha256_hex("abc", h);
	assert_string_not_equal(t, h);
	assert_string_not_equal(t, SHA256_ABC);
}

/* --- auth_token_equal --- */

static void
test_token_equal_same(void **state)
{
	char a[] = "0123456789abcdef", b[] = "0123456789abcdef";

	(void)state;
	assert_true(auth_token_equal(a, b));
}

static void
test_token_equal_different(void **state)
{
	(void)state;
	assert_false(auth_token_equal("0123456789abcdef", "0123456789abcdee"));
	assert_false(auth_token_equal("x123456789abcdef", "0123456789abcdef"));
}

static void
test_token_equal_different_length(void **state)
{
	(void)state;
	assert_false(auth_token_equal("0123456789abcdef", "0123456789abcde"));
	assert_false(auth_token_equal("0123456789abcde", "0123456789abcdef"));
}

static void
test_token_equal_empty_never_matches(void **state)
{
	(void)state;
	assert_false(auth_token_equal("", ""));
	assert_false(auth_token_equal("", "a"));
	assert_false(auth_token_equal("a", ""));
}

/* --- auth_random_hex --- */

static void
test_random_hex_is_64_hex(void **state)
{
	char t[AUTH_HEX_TOKEN];

	(void)state;
	memset(t, 'Z', sizeof(t));
	auth_random_hex(t);
	assert_int_equal(t[64], '\0');
	assert_true(is_lower_hex(t, 64));
}

static void
test_random_hex_differs_each_call(void **state)
{
	char t[8][AUTH_HEX_TOKEN];
	int i, j;

	(void)state;
	for (i = 0; i < 8; i++)
		auth_random_hex(t[i]);
	for (i = 0; i < 8; i++)
		for (j = i + 1; j < 8; j++)
			assert_string_not_equal(t[i], t[j]);
}

/* --- auth_sha256_hex --- */

static void
test_sha256_abc_known_value(void **state)
{
	char h[AUTH_HEX_TOKEN];

	(void)state;
	auth_sha256_hex("abc", h);
	assert_string_equal(h, SHA256_ABC);
}

static void
test_sha256_empty_known_value(void **state)
{
	char h[AUTH_HEX_TOKEN];

	(void)state;
	auth_sha256_hex("", h);
	assert_string_equal(h, SHA256_EMPTY);
}

/* --- password_hash / password_verify --- */

static void
test_password_hash_is_argon2id(void **state)
{
	char h[128];

	(void)state;
	assert_int_equal(password_hash("correct horse", h), 0);
	assert_true(strncmp(h, "$argon2id$", 10) == 0);
	assert_true(memchr(h, '\0', sizeof(h)) != NULL);
	assert_null(strstr(h, "correct horse"));
}

static void
test_password_round_trip(void **state)
{
	char h[128];

	(void)state;
	assert_int_equal(password_hash("correct horse", h), 0);
	assert_int_equal(password_verify(h, "correct horse"), 1);
}

static void
test_password_wrong_refused(void **state)
{
	char h[128];

	(void)state;
	assert_int_equal(password_hash("correct horse", h), 0);
	assert_int_equal(password_verify(h, "correct horsE"), 0);
	assert_int_equal(password_verify(h, "correct hors"), 0);
	assert_int_equal(password_verify(h, ""), 0);
}

static void
test_password_chinese_round_trip(void **state)
{
	char h[128];

	(void)state;
	assert_int_equal(password_hash("服务闭环2024!", h), 0);
	assert_int_equal(password_verify(h, "服务闭环2024!"), 1);
	assert_int_equal(password_verify(h, "服务闭环2025!"), 0);
}

static void
test_password_hash_salted(void **state)
{
	char h1[128], h2[128];

	(void)state;
	assert_int_equal(password_hash("same password", h1), 0);
	assert_int_equal(password_hash("same password", h2), 0);
	assert_string_not_equal(h1, h2);
	assert_int_equal(password_verify(h1, "same password"), 1);
	assert_int_equal(password_verify(h2, "same password"), 1);
}

static void
test_password_verify_garbage_hash_refused(void **state)
{
	(void)state;
	assert_int_equal(password_verify("", "x"), 0);
	assert_int_equal(password_verify("not a hash", "not a hash"), 0);
	assert_int_equal(password_verify("$argon2id$v=19$m=65536,t=2,p=1$xx$yy", "x"), 0);
}

/* --- password_problem --- */

static void
test_password_problem_short(void **state)
{
	(void)state;
	assert_string_equal(password_problem(NULL), "ERR_PASSWORD_SHORT");
	assert_string_equal(password_problem(""), "ERR_PASSWORD_SHORT");
	assert_string_equal(password_problem("1234567"), "ERR_PASSWORD_SHORT");
}

static void
test_password_problem_bounds_ok(void **state)
{
	char pw[130];

	(void)state;
	assert_null(password_problem("12345678"));
	memset(pw, 'p', 128);
	pw[128] = '\0';
	assert_null(password_problem(pw));
}

static void
test_password_problem_too_long(void **state)
{
	char pw[130];

	(void)state;
	memset(pw, 'p', 129);
	pw[129] = '\0';
	assert_string_equal(password_problem(pw), "ERR_TOO_LONG");
}

static void
test_password_problem_counts_bytes(void **state)
{
	(void)state;
	/* The rule is 8..128 bytes (auth.h): three Chinese characters are 9. */
	assert_null(password_problem("服务闭"));
	assert_string_equal(password_problem("服务"), "ERR_PASSWORD_SHORT");
}

#define T(name) cmocka_unit_test_setup(name, setup)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_csrf_is_64_hex),
		T(test_csrf_deterministic),
		T(test_csrf_differs_for_other_identity),
		T(test_csrf_differs_for_other_purpose),
		T(test_csrf_purpose_identity_boundary),
		T(test_csrf_differs_for_other_secret),
		T(test_csrf_is_not_plain_hash),
		T(test_token_equal_same),
		T(test_token_equal_different),
		T(test_token_equal_different_length),
		T(test_token_equal_empty_never_matches),
		T(test_random_hex_is_64_hex),
		T(test_random_hex_differs_each_call),
		T(test_sha256_abc_known_value),
		T(test_sha256_empty_known_value),
		T(test_password_hash_is_argon2id),
		T(test_password_round_trip),
		T(test_password_wrong_refused),
		T(test_password_chinese_round_trip),
		T(test_password_hash_salted),
		T(test_password_verify_garbage_hash_refused),
		T(test_password_problem_short),
		T(test_password_problem_bounds_ok),
		T(test_password_problem_too_long),
		T(test_password_problem_counts_bytes),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
