#include "auth.h"
#include "arena.h"
#include "config.h"
#include "http.h"

#include <sodium.h>
#include <string.h>

#define SESSION_COOKIE "sl_session"
#define ANON_COOKIE    "sl_anon"

static struct db_q q_session_find = DB_Q(AUTH_SESSION_SELECT("") AUTH_SESSION_WHERE);
static struct db_q q_session_touch = DB_Q(
    "UPDATE sessions SET expires_at = UTC_TIMESTAMP() + INTERVAL ? HOUR WHERE token_hash = ?");
static struct db_q q_session_insert = DB_Q(
    "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, addr)"
    " VALUES (?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL ? HOUR, ?)");
static struct db_q q_session_delete = DB_Q(
    "DELETE FROM sessions WHERE token_hash = ?");
static struct db_q q_session_purge = DB_Q(
    "DELETE FROM sessions WHERE user_id = ? AND expires_at < UTC_TIMESTAMP()");

static void
to_hex(const unsigned char *b, size_t n, char *out)
{
	sodium_bin2hex(out, n * 2 + 1, b, n);
}

void
auth_random_hex(char out[AUTH_HEX_TOKEN])
{
	unsigned char b[32];

	randombytes_buf(b, sizeof(b));
	to_hex(b, sizeof(b), out);
}

void
auth_sha256_hex(const char *s, char out[AUTH_HEX_TOKEN])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)s, strlen(s));
	to_hex(h, sizeof(h), out);
}

int
auth_token_equal(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la != lb || la == 0)
		return 0;
	return sodium_memcmp(a, b, la) == 0;
}

void
auth_csrf_for(const char *identity, const char *purpose, char out[AUTH_HEX_TOKEN])
{
	crypto_generichash_state st;
	unsigned char h[32];

	crypto_generichash_init(&st, cfg.secret, sizeof(cfg.secret), sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)purpose, strlen(purpose) + 1);
	crypto_generichash_update(&st, (const unsigned char *)identity, strlen(identity));
	crypto_generichash_final(&st, h, sizeof(h));
	to_hex(h, sizeof(h), out);
}

static int
is_hex64(const char *s)
{
	size_t i;

	if (s == NULL || strlen(s) != 64)
		return 0;
	for (i = 0; i < 64; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

/* Visitors get a random id cookie; their CSRF token is bound to it. */
static void
auth_anon(struct req *r)
{
	const char *id = req_cookie(r, ANON_COOKIE);
	char fresh[AUTH_HEX_TOKEN], *tok = arena_alloc(r->a, AUTH_HEX_TOKEN);

	if (!is_hex64(id)) {
		auth_random_hex(fresh);
		id = arena_strdup(r->a, fresh);
		resp_cookie(r, ANON_COOKIE, id, -1);
	}
	auth_csrf_for(id, "anon", tok);
	r->csrf = tok;
}

static void
auth_set_user(struct req *r, const struct db_res *res, const char *hash)
{
	struct user *u = arena_zalloc(r->a, sizeof(*u));
	char *tok = arena_alloc(r->a, AUTH_HEX_TOKEN);

	u->id = db_get_int(res, 0, 0);
	u->login = db_gets(res, 0, 1);
	u->name = db_gets(res, 0, 2);
	u->role = role_parse(db_gets(res, 0, 3));
	u->lang = db_gets(res, 0, 4);
	u->team_id = db_get_int(res, 0, 5);
	u->region = db_gets(res, 0, 6);
	r->user = u;
	r->session_id = hash;
	auth_csrf_for(hash, "session", tok);
	r->csrf = tok;
}

enum db_rc
auth_session_load(struct req *r, struct db_q *q, const long long *page_id)
{
	const char *tok = req_cookie(r, SESSION_COOKIE);
	char hash[AUTH_HEX_TOKEN];
	struct db_res *res;
	enum db_rc rc;

	if (!is_hex64(tok)) {
		auth_anon(r);
		return DB_OK;
	}
	auth_sha256_hex(tok, hash);
	if (q != NULL && page_id != NULL)
		rc = db_query(r->a, q, &res, "Iis", (int)cfg.session_hours, *page_id, hash);
	else
		rc = db_query(r->a, q != NULL ? q : &q_session_find, &res, "Is",
		    (int)cfg.session_hours, hash);
	if (rc != DB_OK)
		return rc;
	/* a page's statement may give several rows (the session's columns
	 * repeated in each), the plain one at most one */
	if (res->nrows == 0 || role_parse(db_gets(res, 0, 3)) == ROLE_NONE) {
		auth_anon(r);
		return DB_OK;
	}
	auth_set_user(r, res, arena_strdup(r->a, hash));
	if (q != NULL) {
		r->session_row = res;
		r->session_q = q;
	}
	/* Sliding expiry, written at most every few minutes. */
	if (db_get_int(res, 0, AUTH_SESSION_NCOLS - 1) == 1)
		rc = db_exec(&q_session_touch, NULL, "Is", (int)cfg.session_hours, hash);
	return rc;
}

enum db_rc
auth_session_create(struct req *r, long long user_id)
{
	char tok[AUTH_HEX_TOKEN], hash[AUTH_HEX_TOKEN], *csrf;
	enum db_rc rc;

	if (r->session_id != NULL &&
	    (rc = db_exec(&q_session_delete, NULL, "s", r->session_id)) != DB_OK)
		return rc;
	if ((rc = db_exec(&q_session_purge, NULL, "i", user_id)) != DB_OK)
		return rc;
	auth_random_hex(tok);
	auth_sha256_hex(tok, hash);
	rc = db_exec(&q_session_insert, NULL, "siIs", hash, user_id,
	    (int)cfg.session_hours, r->remote_addr != NULL ? r->remote_addr : "");
	if (rc != DB_OK)
		return rc;
	resp_cookie(r, SESSION_COOKIE, tok, -1);
	r->session_id = arena_strdup(r->a, hash);
	csrf = arena_alloc(r->a, AUTH_HEX_TOKEN);
	auth_csrf_for(hash, "session", csrf);
	r->csrf = csrf;
	return DB_OK;
}

enum db_rc
auth_session_destroy(struct req *r)
{
	enum db_rc rc = DB_OK;

	if (r->session_id != NULL)
		rc = db_exec(&q_session_delete, NULL, "s", r->session_id);
	resp_cookie(r, SESSION_COOKIE, "", 0);
	r->user = NULL;
	r->session_id = NULL;
	return rc;
}

int
auth_csrf_ok(const struct req *r)
{
	/* Only from the body: a token in a URL ends up in logs and history. */
	const char *sent = req_form(r, "csrf");

	return sent != NULL && r->csrf != NULL && auth_token_equal(sent, r->csrf);
}

int
password_hash(const char *pw, char out[128])
{
	return crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

int
password_verify(const char *hash, const char *pw)
{
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

const char *
password_problem(const char *pw)
{
	size_t n = pw != NULL ? strlen(pw) : 0;

	if (n < 8)
		return "ERR_PASSWORD_SHORT";
	if (n > 128)
		return "ERR_TOO_LONG";
	return NULL;
}
