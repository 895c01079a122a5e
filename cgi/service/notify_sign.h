/* Signatures of outgoing notifications (all HMAC-SHA256 through
 * libsodium), each as the receiving side checks it:
 *
 *   webhook, SMS adapter  header X-ServiceLoop-Signature: "sha256=" + hex of
 *                         HMAC(secret, timestamp + "." + body), the timestamp
 *                         (Unix seconds) in X-ServiceLoop-Timestamp
 *   钉钉 robot            query &timestamp=<ms>&sign=<urlencode(base64(
 *                         HMAC(secret, ms + "\n" + secret)))>
 *   飞书 robot            body "timestamp" (seconds) and "sign" = base64(
 *                         HMAC(key = seconds + "\n" + secret, message = ""))
 *
 * Every result is arena-allocated. */
#ifndef SL_NOTIFY_SIGN_H
#define SL_NOTIFY_SIGN_H

#include <stddef.h>

struct arena;

/* HMAC-SHA256 of msg under key (any length) into out[32]. */
void	    notify_hmac(const void *key, size_t keylen, const void *msg, size_t msglen,
	    unsigned char out[32]);
/* Standard base64 (with padding) of data. */
const char *notify_base64(struct arena *, const unsigned char *data, size_t len);
/* Percent-encoding of everything but A-Z a-z 0-9 - _ . ~ */
const char *notify_urlencode(struct arena *, const char *s);

const char *notify_sign_webhook(struct arena *, const char *secret, long long ts,
	    const char *body, size_t len);
const char *notify_sign_dingtalk(struct arena *, const char *secret, long long ts_ms);
const char *notify_sign_feishu(struct arena *, const char *secret, long long ts);

#endif
