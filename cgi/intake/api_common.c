/* The JSON API's shared parts (api_json.h): answers built in the arena,
 * bearer keys "sl_<64 hex>" (api_keys keeps only their SHA-256) and their
 * scopes. */
#include "api_json.h"
#include "arena.h"
#include "auth.h"
#include "db.h"
#include "http.h"
#include "json.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The key and whether it has the scope asked for (FIND_IN_SET > 0). */
static struct db_q q_key = DB_Q(
    "SELECT id, key_hash, FIND_IN_SET(?, scopes) FROM api_keys"
    " WHERE key_hash = ? AND active = 1");
/* At most one write a minute per key for its last use. */
static struct db_q q_key_used = DB_Q(
    "UPDATE api_keys SET last_used_at = UTC_TIMESTAMP() WHERE id = ?"
    " AND (last_used_at IS NULL OR last_used_at < UTC_TIMESTAMP() - INTERVAL 1 MINUTE)");

void
jw_put(struct jw *w, const char *s)
{
	size_t n = strlen(s);

	if (w->len + n + 1 > w->cap) {
		size_t cap = w->cap > 0 ? w->cap : 256;
		char *grown;

		while (cap < w->len + n + 1)
			cap *= 2;
		grown = arena_alloc(w->a, cap);
		if (w->len > 0)
			memcpy(grown, w->p, w->len);
		w->p = grown;
		w->cap = cap;
	}
	memcpy(w->p + w->len, s, n + 1);
	w->len += n;
}

/* A comma when due, then "key": (no key inside arrays). */
void
jw_key(struct jw *w, const char *key)
{
	if (!w->first)
		jw_put(w, ",");
	w->first = 0;
	if (key != NULL) {
		jw_put(w, "\"");
		jw_put(w, json_escape(w->a, key));
		jw_put(w, "\":");
	}
}

/* A string member, or null when v is NULL. */
void
jw_str(struct jw *w, const char *key, const char *v)
{
	jw_key(w, key);
	if (v == NULL) {
		jw_put(w, "null");
		return;
	}
	jw_put(w, "\"");
	jw_put(w, json_escape(w->a, v));
	jw_put(w, "\"");
}

void
jw_open(struct jw *w, const char *key, const char *brace)
{
	jw_key(w, key);
	jw_put(w, brace);
	w->first = 1;
}

void
jw_close(struct jw *w, const char *brace)
{
	jw_put(w, brace);
	w->first = 0;
}

void
jw_init(struct jw *w, struct arena *a)
{
	memset(w, 0, sizeof(*w));
	w->a = a;
	w->first = 1;
	jw_open(w, NULL, "{");
}

/* Close the top object and send it. */
int
api_send(struct req *r, int status, struct jw *w)
{
	jw_close(w, "}");
	resp_header(r, "Cache-Control", "no-store");
	return resp_raw(r, status, API_JSON_CTYPE, w->p, w->len);
}

/* {"error": code, "detail": detail} (detail may be NULL: left out). */
int
api_error(struct req *r, int status, const char *code, const char *detail)
{
	struct jw w;

	jw_init(&w, r->a);
	jw_str(&w, "error", code);
	if (detail != NULL)
		jw_str(&w, "detail", detail);
	return api_send(r, status, &w);
}

/* ---------------------------------------------------------------- keys */

/* The key of "Authorization: Bearer sl_<64 hex>", or NULL. */
static const char *
api_bearer(const struct req *r)
{
	const char *h = req_env(r, "HTTP_AUTHORIZATION"), *k;
	size_t i;

	if (h == NULL || strncasecmp(h, "Bearer ", 7) != 0)
		return NULL;
	for (k = h + 7; *k == ' '; k++)
		;
	if (strncmp(k, API_KEY_PREFIX, 3) != 0 || strlen(k) != 3 + API_KEY_HEX)
		return NULL;
	for (i = 3; i < 3 + API_KEY_HEX; i++)
		if (strchr("0123456789abcdef", k[i]) == NULL || k[i] == '\0')
			return NULL;
	return k;
}

int
api_auth(struct req *r, const char *scope, long long *key_id)
{
	const char *key = api_bearer(r);
	char hash[AUTH_HEX_TOKEN];
	struct db_res *res;

	if (key != NULL) {
		auth_sha256_hex(key, hash);
		if (db_query(r->a, &q_key, &res, "ss", scope, hash) != DB_OK) {
			api_error(r, 503, "unavailable", NULL);
			return 0;
		}
		if (res->nrows == 1 && auth_token_equal(db_gets(res, 0, 1), hash)) {
			*key_id = db_get_int(res, 0, 0);
			if (db_get_int(res, 0, 2) == 0) {
				api_error(r, 403, "forbidden", arena_printf(r->a,
				    "this key lacks the scope %s", scope));
				return 0;
			}
			(void)db_exec(&q_key_used, NULL, "i", *key_id);   /* best effort */
			return 1;
		}
	}
	resp_header(r, "WWW-Authenticate", key != NULL ?
	    "Bearer realm=\"serviceloop\", error=\"invalid_token\"" : "Bearer realm=\"serviceloop\"");
	api_error(r, 401, "unauthorized", NULL);
	return 0;
}

void
jw_num(struct jw *w, const char *key, double v)
{
	char buf[40];

	jw_key(w, key);
	/* The range first: converting a huge double to long long is undefined. */
	if (v > -1e15 && v < 1e15 && v == (double)(long long)v)
		snprintf(buf, sizeof(buf), "%lld", (long long)v);
	else
		snprintf(buf, sizeof(buf), "%.17g", v);
	jw_put(w, buf);
}

void
jw_int(struct jw *w, const char *key, long long v)
{
	char buf[32];

	jw_key(w, key);
	snprintf(buf, sizeof(buf), "%lld", v);
	jw_put(w, buf);
}

int
api_json_ctype(struct req *r)
{
	if (strncasecmp(r->ctype, "application/json", 16) != 0 ||
	    (r->ctype[16] != '\0' && r->ctype[16] != ';' && r->ctype[16] != ' ')) {
		api_error(r, 415, "unsupported_media_type", "Content-Type must be application/json");
		return 0;
	}
	return 1;
}
