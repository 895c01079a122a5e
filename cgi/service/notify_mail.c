/* A notification e-mail through an SMTP relay with libcurl: smtp:// (with
 * STARTTLS when the channel asks for it, required then) or smtps://, AUTH
 * when a user name is set; multipart/alternative with the text and HTML
 * parts; the idempotency key as Message-ID and X-ServiceLoop-Idempotency-Key,
 * so a receiving system can drop a second copy. */
#include "notify_send.h"
#include "arena.h"
#include "notify_sign.h"

#include <curl/curl.h>
#include <string.h>
#include <time.h>

/* A header value may not carry a line break (header injection). */
static int
nm_clean(const char *s)
{
	return s != NULL && strpbrk(s, "\r\n") == NULL;
}

/* RFC 2047 encoded word for a non-ASCII subject. */
static const char *
nm_subject(struct arena *a, const char *s)
{
	return arena_printf(a, "=?UTF-8?B?%s?=",
	    notify_base64(a, (const unsigned char *)s, strlen(s)));
}

static struct curl_slist *
nm_headers(struct arena *a, const struct notify_channel_cfg *ch, const char *to,
    const char *key, const struct notify_text *t)
{
	struct curl_slist *h = NULL;
	char date[64];
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "Date: %a, %d %b %Y %H:%M:%S +0000", &tm);
	h = curl_slist_append(h, date);
	h = curl_slist_append(h, arena_printf(a, "From: %s", ch->from));
	h = curl_slist_append(h, arena_printf(a, "To: %s", to));
	if (*ch->reply_to != '\0')
		h = curl_slist_append(h, arena_printf(a, "Reply-To: %s", ch->reply_to));
	h = curl_slist_append(h, arena_printf(a, "Subject: %s", nm_subject(a, t->subject)));
	h = curl_slist_append(h, arena_printf(a, "Message-ID: <%s@serviceloop>", key));
	h = curl_slist_append(h, arena_printf(a, "X-ServiceLoop-Idempotency-Key: %s", key));
	return h;
}

static curl_mime *
nm_body(CURL *c, const struct notify_text *t)
{
	curl_mime *mime = curl_mime_init(c), *alt = curl_mime_init(c);
	curl_mimepart *p;

	p = curl_mime_addpart(alt);
	curl_mime_data(p, t->text, CURL_ZERO_TERMINATED);
	curl_mime_type(p, "text/plain; charset=UTF-8");
	curl_mime_encoder(p, "base64");
	p = curl_mime_addpart(alt);
	curl_mime_data(p, t->html, CURL_ZERO_TERMINATED);
	curl_mime_type(p, "text/html; charset=UTF-8");
	curl_mime_encoder(p, "base64");
	p = curl_mime_addpart(mime);
	curl_mime_subparts(p, alt);
	curl_mime_type(p, "multipart/alternative");
	return mime;
}

int
notify_mail_send(struct arena *a, const struct notify_channel_cfg *ch, const char *to,
    const char *key, const struct notify_text *t, const char **err)
{
	struct curl_slist *rcpt = NULL, *h;
	curl_mime *mime;
	CURL *c;
	CURLcode cc;

	if (strncmp(ch->url, "smtp://", 7) != 0 && strncmp(ch->url, "smtps://", 8) != 0) {
		*err = "no relay set, or not an smtp:// or smtps:// URL";
		return -1;
	}
	if (*ch->from == '\0' || !nm_clean(ch->from) || !nm_clean(ch->reply_to) || !nm_clean(to)) {
		*err = "the From address is missing, or an address holds a line break";
		return -1;
	}
	if ((c = curl_easy_init()) == NULL) {
		*err = "libcurl could not start";
		return -1;
	}
	rcpt = curl_slist_append(rcpt, to);
	h = nm_headers(a, ch, to, key, t);
	mime = nm_body(c, t);
	curl_easy_setopt(c, CURLOPT_URL, ch->url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, ch->from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_MIMEPOST, mime);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 5L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 15L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	if (ch->starttls)
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	if (*ch->username != '\0') {
		curl_easy_setopt(c, CURLOPT_USERNAME, ch->username);
		curl_easy_setopt(c, CURLOPT_PASSWORD, ch->password);
	}
	cc = curl_easy_perform(c);
	if (cc != CURLE_OK)
		*err = arena_printf(a, "the mail relay did not take the message: %s",
		    curl_easy_strerror(cc));
	curl_mime_free(mime);
	curl_slist_free_all(h);
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	return cc == CURLE_OK ? 0 : -1;
}
