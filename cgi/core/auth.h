/* Staff sessions, CSRF tokens and password hashing: the one place for
 * these rules.
 * - Session cookie "sl_session": 32 random bytes (hex); the database keeps
 *   only SHA-256 of it. A new token at every login (no fixation).
 * - CSRF: a keyed hash (server secret) of the session, or for visitors of
 *   the random "sl_anon" cookie; every POST must carry it as "csrf".
 * - Passwords: argon2id (libsodium crypto_pwhash_str). */
#ifndef SL_AUTH_H
#define SL_AUTH_H

#include <stddef.h>
#include "db.h"

struct req;

#define AUTH_HEX_TOKEN 65   /* 64 hex digits + NUL */

/* The session statement, for a page that reads its own columns in the same
 * round trip: AUTH_SESSION_SELECT(", <its columns>") [LEFT JOINs]
 * AUTH_SESSION_WHERE; parameters: the session hours, the page's id when
 * the joins take one (page_id below), the token hash. A page's columns
 * come after the session's, at AUTH_SESSION_NCOLS. */
#define AUTH_SESSION_SELECT(page_cols) \
	"SELECT u.id, u.login, u.name, u.role, u.lang, COALESCE(u.team_id, 0)," \
	" COALESCE(u.region, '')," \
	" s.expires_at < UTC_TIMESTAMP() + INTERVAL ? HOUR - INTERVAL 5 MINUTE" page_cols \
	" FROM sessions s JOIN users u ON u.id = s.user_id"
#define AUTH_SESSION_WHERE \
	" WHERE s.token_hash = ? AND s.expires_at > UTC_TIMESTAMP() AND u.active = 1"
#define AUTH_SESSION_NCOLS 8   /* the last: whether to extend the session */

/* Look up the session of the request's cookie with q (NULL: the plain
 * session statement; page_id: its id parameter, or NULL for none); sets
 * r->user, r->session_id, r->csrf and, with q, r->session_row when valid;
 * otherwise gives the visitor an anonymous CSRF token (setting the sl_anon
 * cookie if needed). DB_OK unless the DB failed. */
enum db_rc auth_session_load(struct req *, struct db_q *q, const long long *page_id);
/* New session for user_id (old one of this request is removed): sets the
 * cookie and r->csrf. */
enum db_rc auth_session_create(struct req *, long long user_id);
enum db_rc auth_session_destroy(struct req *);
/* 1 if the request's "csrf" field is the token for this request. */
int	   auth_csrf_ok(const struct req *);
/* The CSRF token bound to an identity string (session hash or anon id). */
void	   auth_csrf_for(const char *identity, const char *purpose, char out[AUTH_HEX_TOKEN]);

void	   auth_random_hex(char out[AUTH_HEX_TOKEN]);        /* 256 random bits */
void	   auth_sha256_hex(const char *s, char out[AUTH_HEX_TOKEN]);
int	   auth_token_equal(const char *a, const char *b);    /* constant time */

/* argon2id hash into out (crypto_pwhash_STRBYTES = 128 bytes); 0 ok. */
int	   password_hash(const char *pw, char out[128]);
int	   password_verify(const char *hash, const char *pw); /* 1 match */
/* Password rule: 8..128 bytes. Returns a catalog key of the problem or NULL. */
const char *password_problem(const char *pw);

#endif
