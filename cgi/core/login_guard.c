/* Sign-in throttling and device cookies: pure functions (the rule is
 * described in login_guard.h; cgi/auth/login.c does the counting). */
#include "login_guard.h"
#include "config.h"
#include "parse.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAC_BYTES     32
#define NONCE_HEX     32
#define SKEW_SECS     300

int
login_guard_allows(const struct guard_counts *c)
{
	if (c->trusted)
		return c->device < GUARD_PER_DEVICE;
	return c->account < GUARD_PER_ACCOUNT && c->addr < GUARD_PER_ADDR;
}

/* Keyed BLAKE2b of the NUL-separated parts, purpose first. */
static void
keyed_hash(const char *purpose, const char *const *parts, size_t nparts,
    unsigned char *out, size_t outlen)
{
	crypto_generichash_state st;
	size_t i;

	crypto_generichash_init(&st, cfg.secret, sizeof(cfg.secret), outlen);
	crypto_generichash_update(&st, (const unsigned char *)purpose, strlen(purpose) + 1);
	for (i = 0; i < nparts; i++)
		crypto_generichash_update(&st, (const unsigned char *)parts[i],
		    strlen(parts[i]) + 1);
	crypto_generichash_final(&st, out, outlen);
}

void
login_guard_new_nonce(char out[GUARD_NONCE_LEN])
{
	unsigned char b[NONCE_HEX / 2];

	randombytes_buf(b, sizeof(b));
	sodium_bin2hex(out, GUARD_NONCE_LEN, b, sizeof(b));
}

void
login_guard_cookie_name(const char *login, char out[GUARD_NAME_LEN])
{
	unsigned char h[8];
	const char *parts[] = { login };

	keyed_hash("device-name", parts, 1, h, sizeof(h));
	memcpy(out, "sl_dev_", 7);
	sodium_bin2hex(out + 7, GUARD_NAME_LEN - 7, h, sizeof(h));
}

static void
cookie_mac(const char *login, const char *pw_hash, const char *issued, const char *nonce,
    char hex[MAC_BYTES * 2 + 1])
{
	unsigned char mac[MAC_BYTES];
	const char *parts[] = { login, pw_hash, issued, nonce };

	keyed_hash("device", parts, 4, mac, sizeof(mac));
	sodium_bin2hex(hex, MAC_BYTES * 2 + 1, mac, sizeof(mac));
}

void
login_guard_cookie_make(const char *login, const char *pw_hash, time_t now,
    const char *nonce, char out[GUARD_COOKIE_LEN])
{
	char issued[24], mac[MAC_BYTES * 2 + 1];

	snprintf(issued, sizeof(issued), "%lld", (long long)now);
	cookie_mac(login, pw_hash, issued, nonce, mac);
	snprintf(out, GUARD_COOKIE_LEN, "%s.%s.%s", issued, nonce, mac);
}

static int
is_lower_hex(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

/* ISSUED: 1..19 digits, no sign, no leading zero; *t its value. */
static int
parse_issued(const char *s, size_t n, long long *t)
{
	char buf[24], *end;
	size_t i;

	if (n == 0 || n > 19 || s[0] == '0')
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	memcpy(buf, s, n);
	buf[n] = '\0';
	errno = 0;
	*t = strtoll(buf, &end, 10);
	return errno == 0 && *end == '\0';
}

int
login_guard_cookie_check(const char *value, const char *login, const char *pw_hash,
    time_t now, char nonce_out[GUARD_NONCE_LEN])
{
	const char *dot1, *nonce, *mac;
	char issued[24], nonce_buf[GUARD_NONCE_LEN], want[MAC_BYTES * 2 + 1];
	long long t;

	if (value == NULL || login == NULL || pw_hash == NULL || *pw_hash == '\0')
		return 0;
	if ((dot1 = strchr(value, '.')) == NULL ||
	    !parse_issued(value, (size_t)(dot1 - value), &t))
		return 0;
	nonce = dot1 + 1;
	if (strlen(nonce) != NONCE_HEX + 1 + MAC_BYTES * 2 || nonce[NONCE_HEX] != '.' ||
	    !is_lower_hex(nonce, NONCE_HEX))
		return 0;
	mac = nonce + NONCE_HEX + 1;
	if (!is_lower_hex(mac, MAC_BYTES * 2))
		return 0;
	if (t > (long long)now + SKEW_SECS ||
	    t < (long long)now - (long long)GUARD_DEVICE_DAYS * 86400)
		return 0;
	memcpy(issued, value, (size_t)(dot1 - value));
	issued[dot1 - value] = '\0';
	memcpy(nonce_buf, nonce, NONCE_HEX);
	nonce_buf[NONCE_HEX] = '\0';
	cookie_mac(login, pw_hash, issued, nonce_buf, want);
	if (sodium_memcmp(want, mac, MAC_BYTES * 2) != 0)
		return 0;
	memcpy(nonce_out, nonce_buf, GUARD_NONCE_LEN);
	return 1;
}

/* The ISSUED part of a device cookie value; 0 if it has none. */
static long long
cookie_issued(const char *v)
{
	long long t;
	const char *dot = strchr(v, '.');

	return dot != NULL && parse_issued(v, (size_t)(dot - v), &t) ? t : 0;
}

size_t
login_guard_evict(const struct kv *ck, size_t n, const char *keep, size_t *out)
{
	size_t i, j, m = 0, k = 0, best;
	int taken[PARSE_MAX_COOKIES] = { 0 };

	for (i = 0; i < n && i < PARSE_MAX_COOKIES; i++)
		if (strncmp(ck[i].name, "sl_dev_", 7) == 0 && strcmp(ck[i].name, keep) != 0)
			m++;
	while (m > GUARD_PER_BROWSER - 1) {
		best = n;
		for (j = 0; j < n && j < PARSE_MAX_COOKIES; j++) {
			if (taken[j] || strncmp(ck[j].name, "sl_dev_", 7) != 0 ||
			    strcmp(ck[j].name, keep) == 0)
				continue;
			if (best == n || cookie_issued(ck[j].val) < cookie_issued(ck[best].val))
				best = j;
		}
		taken[best] = 1;
		out[k++] = best;
		m--;
	}
	return k;
}
