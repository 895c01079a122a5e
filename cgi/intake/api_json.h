/* What the JSON API's handlers share (api_common.c): JSON answers built in
 * the arena, and the bearer key with its scopes. Every answer of an API
 * handler is JSON (application/json; charset=utf-8), errors as
 * {"error": code, "detail": ...}. */
#ifndef SL_API_JSON_H
#define SL_API_JSON_H

#include <stddef.h>

struct arena;
struct req;

#define API_KEY_PREFIX   "sl_"
#define API_KEY_HEX      64
#define API_JSON_CTYPE   "application/json; charset=utf-8"

/* What a key may do (api_keys.scopes, migration 020). */
#define API_SCOPE_TICKETS      "tickets"
#define API_SCOPE_METRICS_READ "metrics_read"
#define API_SCOPE_POINTS_WRITE "points_write"

/* A JSON text built in the arena; `first` says no comma is due yet. */
struct jw {
	struct arena *a;
	char         *p;
	size_t        len, cap;
	int           first;
};

/* Start the top object. */
void	jw_init(struct jw *, struct arena *);
void	jw_put(struct jw *, const char *raw);
/* A comma when due, then "key": (no key inside arrays: NULL). */
void	jw_key(struct jw *, const char *key);
/* A string member, or null when v is NULL. */
void	jw_str(struct jw *, const char *key, const char *v);
/* A number member (integers without a fraction; %.17g otherwise). */
void	jw_num(struct jw *, const char *key, double v);
void	jw_int(struct jw *, const char *key, long long v);
void	jw_open(struct jw *, const char *key, const char *brace);
void	jw_close(struct jw *, const char *brace);

/* Close the top object and send it with status. 0, or -1 (client gone). */
int	api_send(struct req *, int status, struct jw *);
/* {"error": code, "detail": detail} (detail NULL: left out). */
int	api_error(struct req *, int status, const char *code, const char *detail);
/* The active key of the request, with scope, into *key_id: 1; or 0 when
 * the request has been answered (401 without a valid key, 403 when the
 * key lacks the scope, 503 when the database fails). */
int	api_auth(struct req *, const char *scope, long long *key_id);
/* 1 when the request's Content-Type is application/json (parameters
 * allowed); else answers 415 and returns 0. */
int	api_json_ctype(struct req *);

#endif
