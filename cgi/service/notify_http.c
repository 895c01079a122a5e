/* POST a notification over HTTP(S) with libcurl: short timeouts, HTTP and
 * HTTPS only, no redirects; the answer must be 2xx and, for the robots,
 * say success ("errcode":0 for 企业微信 and 钉钉, "code":0 for 飞书). */
#include "notify_send.h"
#include "arena.h"
#include "json_parse.h"

#include <curl/curl.h>
#include <string.h>

#define NH_ANSWER_MAX 4096

struct nh_buf {
	char   data[NH_ANSWER_MAX + 1];
	size_t len;
};

static size_t
nh_write(char *p, size_t size, size_t n, void *u)
{
	struct nh_buf *b = u;
	size_t k = size * n, room = NH_ANSWER_MAX - b->len;

	memcpy(b->data + b->len, p, k < room ? k : room);
	b->len += k < room ? k : room;
	return size * n;
}

/* 0 when a robot's JSON answer reports an error code other than 0 in
 * "errcode" or "code"; a non-JSON answer counts as success (plain
 * webhooks may answer anything). */
static int
nh_answer_ok(struct arena *a, const struct nh_buf *b, const char **err)
{
	const struct json_value *v;
	size_t i;

	if (json_parse(a, b->data, b->len, &v, NULL) != JSON_OK || v->type != JSON_OBJECT)
		return 1;
	for (i = 0; i < v->n; i++) {
		const struct json_member *m = &v->members[i];

		if ((strcmp(m->key, "errcode") == 0 || strcmp(m->key, "code") == 0) &&
		    m->value->type == JSON_NUMBER && m->value->num != 0) {
			*err = arena_printf(a, "the receiver refused the message: %.200s", b->data);
			return 0;
		}
	}
	return 1;
}

static void
nh_setup(CURL *c, const char *url, struct curl_slist *h, const char *body, struct nh_buf *b)
{
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 5L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "ServiceLoop-notify/1");
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, nh_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, b);
}

/* One handle per process, reset before each use: its connection cache
 * keeps the connection to a receiver open between messages (keep-alive),
 * so a batch to the same robot or webhook does not pay a TCP (and TLS)
 * handshake per message. The process is single-threaded. */
static CURL *
nh_handle(void)
{
	static CURL *handle;

	if (handle == NULL)
		handle = curl_easy_init();
	else
		curl_easy_reset(handle);
	return handle;
}

int
notify_http_post(struct arena *a, const char *url, const char *const *headers,
    const char *body, const char **err)
{
	struct curl_slist *h = NULL, *t;
	struct nh_buf *b = arena_zalloc(a, sizeof(*b));
	CURL *c;
	CURLcode cc;
	long status = 0;
	int ok = 0;

	if (url == NULL || (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)) {
		*err = "no URL set, or not an http:// or https:// URL";
		return -1;
	}
	if ((c = nh_handle()) == NULL) {
		*err = "libcurl could not start";
		return -1;
	}
	for (; headers != NULL && *headers != NULL; headers++)
		if ((t = curl_slist_append(h, *headers)) != NULL)
			h = t;
	nh_setup(c, url, h, body, b);
	cc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	b->data[b->len] = '\0';
	if (cc != CURLE_OK)
		*err = arena_printf(a, "cannot reach the receiver: %s", curl_easy_strerror(cc));
	else if (status < 200 || status > 299)
		*err = arena_printf(a, "the receiver answered HTTP %ld", status);
	else
		ok = nh_answer_ok(a, b, err);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, NULL);
	curl_slist_free_all(h);
	return ok ? 0 : -1;
}
