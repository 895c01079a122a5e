/* The sending errors as an admin reads them (notify_send.h): the senders
 * store and log one fixed English text per kind of failure, often with a
 * technical detail after it (libcurl's own words, the receiver's answer);
 * the pages show the kind in the reader's language and the detail as it
 * came, translated when it is one of libcurl's common texts. */
#include "notify_send.h"
#include "arena.h"
#include "i18n.h"

#include <string.h>

/* A stored text's start and the catalog key of its meaning. */
static const struct { const char *start, *key; } error_kinds[] = {
	{ "cannot reach the receiver: ",                  "N_ERR_UNREACHABLE" },
	{ "the receiver answered HTTP ",                  "N_ERR_HTTP" },
	{ "the receiver refused the message: ",           "N_ERR_REFUSED" },
	{ "no URL set, or not an http:// or https:// URL", "N_ERR_NO_URL" },
	{ "libcurl could not start",                      "N_ERR_NO_CURL" },
	{ "the mail relay did not take the message: ",    "N_ERR_RELAY" },
	{ "no relay set, or not an smtp:// or smtps:// URL", "N_ERR_NO_RELAY" },
	{ "the From address is missing, or an address holds a line break", "N_ERR_FROM" },
	{ "cannot start the sending process",             "N_ERR_PROCESS" },
	{ "the send did not end in time",                 "N_ERR_TIMEOUT" },
	{ "the sending process failed",                   "N_ERR_PROCESS" },
	{ "channel disabled",                             "N_ERR_DISABLED" },
	{ "message template missing or broken",           "N_ERR_TEMPLATE" },
	{ "unknown event or channel",                     "N_ERR_UNKNOWN" },
	{ "unknown channel",                              "N_ERR_UNKNOWN" },
	{ "the customer stopped messages",                "N_ERR_OPTED_OUT" },
};

/* libcurl's texts (curl_easy_strerror) an admin meets most. */
static const struct { const char *text, *key; } curl_texts[] = {
	{ "Couldn't connect to server",                   "N_CURL_CONNECT" },
	{ "Couldn't resolve host name",                   "N_CURL_RESOLVE" },
	{ "Timeout was reached",                          "N_CURL_TIMEOUT" },
	{ "Login denied",                                 "N_CURL_LOGIN" },
	{ "SSL connect error",                            "N_CURL_SSL" },
	{ "SSL peer certificate or SSH remote key was not OK", "N_CURL_CERT" },
	{ "Server returned nothing (no headers, no data)", "N_CURL_NOTHING" },
	{ "Failure when receiving data from the peer",    "N_CURL_RECV" },
};

const char *
notify_error_text(struct arena *a, const char *lang, const char *err)
{
	const char *rest;
	size_t i, n;

	for (i = 0; i < sizeof(error_kinds) / sizeof(error_kinds[0]); i++) {
		n = strlen(error_kinds[i].start);
		if (strncmp(err, error_kinds[i].start, n) != 0)
			continue;
		rest = err + n;
		while (*rest == ' ')
			rest++;
		for (n = 0; n < sizeof(curl_texts) / sizeof(curl_texts[0]); n++)
			if (strcmp(rest, curl_texts[n].text) == 0)
				rest = i18n(lang, curl_texts[n].key);
		return arena_printf(a, "%s%s", i18n(lang, error_kinds[i].key), rest);
	}
	return err;
}
