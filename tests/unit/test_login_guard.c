/* Unit tests of cgi/core/login_guard.c: the sign-in lock rule and the
 * device cookie's format and verification. The counting in MariaDB and the
 * cookies on the wire are covered by tests/http/test_auth.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "config.h"
#include "login_guard.h"
#include "parse.h"

#define NOW        ((time_t)1796400000)      /* 2026-12-04 */
#define NONCE      "00112233445566778899aabbccddeeff"
#define PWHASH     "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2g"
#define DAY        86400

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

/* A cookie for agent issued at t, checked at NOW. */
static int
check_at(time_t issued, const char *login)
{
	char v[GUARD_COOKIE_LEN], nonce[GUARD_NONCE_LEN];

	login_guard_cookie_make("agent", PWHASH, issued, NONCE, v);
	return login_guard_cookie_check(v, login, PWHASH, NOW, nonce);
}

/* --- the lock rule --- */

static void
test_untrusted_under_limits_allowed(void **state)
{
	struct guard_counts c = { 0, GUARD_PER_ACCOUNT - 1, GUARD_PER_ADDR - 1, 0 };

	(void)state;
	assert_true(login_guard_allows(&c));
}

static void
test_untrusted_refused_at_account_limit(void **state)
{
	struct guard_counts c = { 0, GUARD_PER_ACCOUNT, 0, 0 };

	(void)state;
	assert_false(login_guard_allows(&c));
}

static void
test_untrusted_refused_at_address_limit(void **state)
{
	struct guard_counts c = { 0, 0, GUARD_PER_ADDR, 0 };

	(void)state;
	assert_false(login_guard_allows(&c));
}

/* The attack of the issue: the account is flooded, the owner's device is not. */
static void
test_trusted_ignores_account_and_address_locks(void **state)
{
	struct guard_counts c = { 1, GUARD_PER_ACCOUNT * 100, GUARD_PER_ADDR * 100, 0 };

	(void)state;
	assert_true(login_guard_allows(&c));
}

static void
test_trusted_refused_at_device_limit(void **state)
{
	struct guard_counts c = { 1, 0, 0, GUARD_PER_DEVICE };

	(void)state;
	assert_false(login_guard_allows(&c));
	c.device = GUARD_PER_DEVICE - 1;
	assert_true(login_guard_allows(&c));
}

/* An untrusted client's device count is never its excuse nor its lock. */
static void
test_untrusted_ignores_device_count(void **state)
{
	struct guard_counts c = { 0, 0, 0, GUARD_PER_DEVICE * 10 };

	(void)state;
	assert_true(login_guard_allows(&c));
}

/* --- cookie name --- */

static void
test_cookie_name_format(void **state)
{
	char n[GUARD_NAME_LEN];

	(void)state;
	login_guard_cookie_name("agent", n);
	assert_int_equal(strncmp(n, "sl_dev_", 7), 0);
	assert_true(is_lower_hex(n + 7, 16));
	assert_null(strstr(n, "agent"));
}

static void
test_cookie_name_per_exact_login(void **state)
{
	char a[GUARD_NAME_LEN], b[GUARD_NAME_LEN], c[GUARD_NAME_LEN], d[GUARD_NAME_LEN];

	(void)state;
	login_guard_cookie_name("agent", a);
	login_guard_cookie_name("agent", b);
	login_guard_cookie_name("Agent", c);
	login_guard_cookie_name("agent ", d);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_string_not_equal(a, d);
}

static void
test_cookie_name_keyed_by_secret(void **state)
{
	char a[GUARD_NAME_LEN], b[GUARD_NAME_LEN];

	(void)state;
	login_guard_cookie_name("agent", a);
	cfg.secret[0] ^= 1;
	login_guard_cookie_name("agent", b);
	assert_string_not_equal(a, b);
}

/* --- cookie value --- */

/* The layout documented in login_guard.h, computed here independently. */
static void
test_cookie_known_layout(void **state)
{
	static const char *const parts[] = { "agent", PWHASH, "1796400000", NONCE };
	crypto_generichash_state st;
	unsigned char mac[32];
	char hex[65], want[GUARD_COOKIE_LEN], got[GUARD_COOKIE_LEN];
	size_t i;

	(void)state;
	crypto_generichash_init(&st, secret_a, sizeof(secret_a), sizeof(mac));
	crypto_generichash_update(&st, (const unsigned char *)"device", 7);
	for (i = 0; i < 4; i++)
		crypto_generichash_update(&st, (const unsigned char *)parts[i],
		    strlen(parts[i]) + 1);
	crypto_generichash_final(&st, mac, sizeof(mac));
	sodium_bin2hex(hex, sizeof(hex), mac, sizeof(mac));
	snprintf(want, sizeof(want), "1796400000.%s.%s", NONCE, hex);
	login_guard_cookie_make("agent", PWHASH, NOW, NONCE, got);
	assert_string_equal(got, want);
}

static void
test_cookie_round_trip_gives_nonce(void **state)
{
	char v[GUARD_COOKIE_LEN], nonce[GUARD_NONCE_LEN] = "";

	(void)state;
	login_guard_cookie_make("agent", PWHASH, NOW, NONCE, v);
	assert_int_equal(login_guard_cookie_check(v, "agent", PWHASH, NOW, nonce), 1);
	assert_string_equal(nonce, NONCE);
}

static void
test_cookie_bound_to_exact_login(void **state)
{
	(void)state;
	assert_int_equal(check_at(NOW, "agent"), 1);
	assert_int_equal(check_at(NOW, "Agent"), 0);
	assert_int_equal(check_at(NOW, "agent "), 0);
	assert_int_equal(check_at(NOW, "\xc3\xa1gent"), 0);
	assert_int_equal(check_at(NOW, "agent2"), 0);
}

/* A password change (new hash) revokes the device. */
static void
test_cookie_bound_to_password_hash(void **state)
{
	char v[GUARD_COOKIE_LEN], nonce[GUARD_NONCE_LEN];

	(void)state;
	login_guard_cookie_make("agent", PWHASH, NOW, NONCE, v);
	assert_int_equal(login_guard_cookie_check(v, "agent", PWHASH "x", NOW, nonce), 0);
	assert_int_equal(login_guard_cookie_check(v, "agent", "", NOW, nonce), 0);
}

static void
test_cookie_refused_under_other_secret(void **state)
{
	char v[GUARD_COOKIE_LEN], nonce[GUARD_NONCE_LEN];

	(void)state;
	login_guard_cookie_make("agent", PWHASH, NOW, NONCE, v);
	cfg.secret[31] ^= 0x80;
	assert_int_equal(login_guard_cookie_check(v, "agent", PWHASH, NOW, nonce), 0);
}

/* Changing any one character of the value breaks it. */
static void
test_cookie_every_character_matters(void **state)
{
	char v[GUARD_COOKIE_LEN], t[GUARD_COOKIE_LEN], nonce[GUARD_NONCE_LEN];
	size_t i, n;

	(void)state;
	login_guard_cookie_make("agent", PWHASH, NOW, NONCE, v);
	n = strlen(v);
	for (i = 0; i < n; i++) {
		memcpy(t, v, n + 1);
		t[i] = t[i] == '1' ? '2' : '1';
		if (login_guard_cookie_check(t, "agent", PWHASH, NOW, nonce) != 0) {
			fprintf(stderr, "accepted with position %zu changed: %s\n", i, t);
			fail();
		}
	}
}

static void
test_cookie_age_limits(void **state)
{
	(void)state;
	assert_int_equal(check_at(NOW - (time_t)GUARD_DEVICE_DAYS * DAY, "agent"), 1);
	assert_int_equal(check_at(NOW - (time_t)GUARD_DEVICE_DAYS * DAY - 1, "agent"), 0);
	assert_int_equal(check_at(NOW + 300, "agent"), 1);
	assert_int_equal(check_at(NOW + 301, "agent"), 0);
}

static void
test_cookie_malformed_refused(void **state)
{
	static const char *const bad[] = {
		"", ".", "..", "1796400000", "1796400000." NONCE,
		"1796400000." NONCE ".",
		"01796400000." NONCE ".aa",
		"-1796400000." NONCE ".aa",
		"1796400000.00112233445566778899AABBCCDDEEFF.aa",
	};
	char v[GUARD_COOKIE_LEN], t[GUARD_COOKIE_LEN + 2], nonce[GUARD_NONCE_LEN];
	size_t i;

	(void)state;
	assert_int_equal(login_guard_cookie_check(NULL, "agent", PWHASH, NOW, nonce), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(login_guard_cookie_check(bad[i], "agent", PWHASH, NOW, nonce), 0);
	login_guard_cookie_make("agent", PWHASH, NOW, NONCE, v);
	snprintf(t, sizeof(t), "%sa", v);               /* one digit too many */
	assert_int_equal(login_guard_cookie_check(t, "agent", PWHASH, NOW, nonce), 0);
	snprintf(t, sizeof(t), "%s", v);
	t[strlen(t) - 1] = '\0';                        /* one too few */
	assert_int_equal(login_guard_cookie_check(t, "agent", PWHASH, NOW, nonce), 0);
	snprintf(t, sizeof(t), " %s", v);
	assert_int_equal(login_guard_cookie_check(t, "agent", PWHASH, NOW, nonce), 0);
}

static void
test_new_nonce_is_random_hex(void **state)
{
	char a[GUARD_NONCE_LEN], b[GUARD_NONCE_LEN];

	(void)state;
	login_guard_new_nonce(a);
	login_guard_new_nonce(b);
	assert_true(is_lower_hex(a, 32));
	assert_true(is_lower_hex(b, 32));
	assert_string_not_equal(a, b);
}

/* --- how many device cookies a browser keeps --- */

/* n device cookies "sl_dev_<i>" issued at 1000 + order[i], after two
 * other cookies. */
static size_t
jar(struct kv *ck, char names[][16], char vals[][32], size_t n, const int *order)
{
	size_t i;

	ck[0] = (struct kv){ "sl_anon", "x", 1 };
	ck[1] = (struct kv){ "sl_session", "y", 1 };
	for (i = 0; i < n; i++) {
		snprintf(names[i], 16, "sl_dev_%zu", i);
		snprintf(vals[i], 32, "%d.a.b", 1000 + order[i]);
		ck[i + 2] = (struct kv){ names[i], vals[i], strlen(vals[i]) };
	}
	return n + 2;
}

static void
test_evict_nothing_under_limit(void **state)
{
	static const int order[] = { 5, 3, 8, 1, 0, 2, 7, 6, 4 };
	struct kv ck[16];
	char names[16][16], vals[16][32];
	size_t out[16], n = jar(ck, names, vals, GUARD_PER_BROWSER - 1, order);

	(void)state;
	assert_int_equal(login_guard_evict(ck, n, "sl_dev_new", out), 0);
}

static void
test_evict_oldest_at_limit(void **state)
{
	static const int order[] = { 5, 3, 8, 1, 9, 2, 7, 6, 4, 0 };
	struct kv ck[16];
	char names[16][16], vals[16][32];
	size_t out[16], n = jar(ck, names, vals, GUARD_PER_BROWSER, order);

	(void)state;
	assert_int_equal(login_guard_evict(ck, n, "sl_dev_new", out), 1);
	assert_string_equal(ck[out[0]].name, "sl_dev_9");
}

/* Signing in again as an account whose cookie is the oldest keeps it. */
static void
test_evict_spares_the_one_being_set(void **state)
{
	static const int order[] = { 0, 5, 3, 8, 1, 9, 2, 7, 6, 4, 10, 11 };
	struct kv ck[16];
	char names[16][16], vals[16][32];
	size_t out[16], n = jar(ck, names, vals, 12, order);

	(void)state;
	assert_int_equal(login_guard_evict(ck, n, "sl_dev_0", out), 2);
	assert_string_equal(ck[out[0]].name, "sl_dev_4");
	assert_string_equal(ck[out[1]].name, "sl_dev_6");
}

static void
test_evict_malformed_first(void **state)
{
	static const int order[] = { 5, 3, 8, 1, 9, 2, 7, 6, 4, 0 };
	struct kv ck[16];
	char names[16][16], vals[16][32];
	size_t out[16], n = jar(ck, names, vals, GUARD_PER_BROWSER, order);

	(void)state;
	ck[7].val = "garbage";
	assert_int_equal(login_guard_evict(ck, n, "sl_dev_new", out), 1);
	assert_string_equal(ck[out[0]].name, "sl_dev_5");
}

#define T(name) cmocka_unit_test_setup(name, setup)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_untrusted_under_limits_allowed),
		T(test_untrusted_refused_at_account_limit),
		T(test_untrusted_refused_at_address_limit),
		T(test_trusted_ignores_account_and_address_locks),
		T(test_trusted_refused_at_device_limit),
		T(test_untrusted_ignores_device_count),
		T(test_cookie_name_format),
		T(test_cookie_name_per_exact_login),
		T(test_cookie_name_keyed_by_secret),
		T(test_cookie_known_layout),
		T(test_cookie_round_trip_gives_nonce),
		T(test_cookie_bound_to_exact_login),
		T(test_cookie_bound_to_password_hash),
		T(test_cookie_refused_under_other_secret),
		T(test_cookie_every_character_matters),
		T(test_cookie_age_limits),
		T(test_cookie_malformed_refused),
		T(test_new_nonce_is_random_hex),
		T(test_evict_nothing_under_limit),
		T(test_evict_oldest_at_limit),
		T(test_evict_spares_the_one_being_set),
		T(test_evict_malformed_first),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
