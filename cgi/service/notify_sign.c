/* Signatures of outgoing notifications (notify_sign.h). */
#include "notify_sign.h"
#include "arena.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

void
notify_hmac(const void *key, size_t keylen, const void *msg, size_t msglen,
    unsigned char out[32])
{
	crypto_auth_hmacsha256_state st;

	crypto_auth_hmacsha256_init(&st, key, keylen);
	crypto_auth_hmacsha256_update(&st, msg, msglen);
	crypto_auth_hmacsha256_final(&st, out);
}

const char *
notify_base64(struct arena *a, const unsigned char *data, size_t len)
{
	size_t cap = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
	char *out = arena_alloc(a, cap);

	return sodium_bin2base64(out, cap, data, len, sodium_base64_VARIANT_ORIGINAL);
}

const char *
notify_urlencode(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s), j = 0, i;
	char *out = arena_alloc(a, n * 3 + 1);

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~') {
			out[j++] = (char)c;
		} else {
			out[j++] = '%';
			out[j++] = hex[c >> 4];
			out[j++] = hex[c & 15];
		}
	}
	out[j] = '\0';
	return out;
}

const char *
notify_sign_webhook(struct arena *a, const char *secret, long long ts, const char *body,
    size_t len)
{
	crypto_auth_hmacsha256_state st;
	unsigned char mac[32];
	char hex[65], pre[32];
	int n = snprintf(pre, sizeof(pre), "%lld.", ts);

	crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret, strlen(secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)pre, (size_t)n);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, len);
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_bin2hex(hex, sizeof(hex), mac, sizeof(mac));
	return arena_printf(a, "sha256=%s", hex);
}

const char *
notify_sign_dingtalk(struct arena *a, const char *secret, long long ts_ms)
{
	unsigned char mac[32];
	const char *msg = arena_printf(a, "%lld\n%s", ts_ms, secret);

	notify_hmac(secret, strlen(secret), msg, strlen(msg), mac);
	return notify_urlencode(a, notify_base64(a, mac, sizeof(mac)));
}

const char *
notify_sign_feishu(struct arena *a, const char *secret, long long ts)
{
	unsigned char mac[32];
	const char *key = arena_printf(a, "%lld\n%s", ts, secret);

	notify_hmac(key, strlen(key), "", 0, mac);
	return notify_base64(a, mac, sizeof(mac));
}
