/* GET/POST /login and POST /logout. Logins compare byte for byte (the
 * users.login column is utf8mb4_nopad_bin; nothing is trimmed). Sign-in is
 * throttled per account, per address and per device cookie: the rule is
 * described in cgi/core/login_guard.h. The message never tells whether the
 * account exists. */
#include "auth.h"
#include "../core/auth.h"
#include "arena.h"
#include "config.h"
#include "http.h"
#include "i18n.h"
#include "login_guard.h"
#include "route.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>
#include <time.h>

static struct db_q q_user_by_login = DB_Q(
    "SELECT id, password_hash, role FROM users WHERE login = ? AND active = 1");
static struct db_q q_failures = DB_Q(
    "SELECT (SELECT COUNT(*) FROM login_failures WHERE login = ? AND device IS NULL"
    "   AND at > UTC_TIMESTAMP() - INTERVAL ? MINUTE),"
    " (SELECT COUNT(*) FROM login_failures WHERE addr = ?"
    "   AND at > UTC_TIMESTAMP() - INTERVAL ? MINUTE),"
    " (SELECT COUNT(*) FROM login_failures WHERE device = ?"
    "   AND at > UTC_TIMESTAMP() - INTERVAL ? MINUTE)");
static struct db_q q_failure_add = DB_Q(
    "INSERT INTO login_failures (login, addr, device, at) VALUES (?, ?, ?, UTC_TIMESTAMP())");
/* Rows past the window count for nothing: each failure deletes up to 100
 * of them, so the table holds little more than one window's failures. */
static struct db_q q_failure_expire = DB_Q(
    "DELETE FROM login_failures WHERE at < UTC_TIMESTAMP() - INTERVAL ? MINUTE LIMIT 100");
static struct db_q q_device_forget = DB_Q(
    "DELETE FROM login_failures WHERE device = ?");

/* One sign-in attempt: the account (if any) and the client's device. */
struct attempt {
	const char *login;
	long long   uid;             /* 0: no such active account */
	const char *role;            /* "" when no account */
	const char *pw_hash;         /* "" when no account */
	int         trusted;         /* a valid device cookie for this login */
	char        nonce[GUARD_NONCE_LEN];
};

/* Only paths of this site, so "next" is no open redirect; without one
 * (or with a foreign one) the home of the user's role (/desk/my for a
 * technician). u may be NULL (not signed in yet): "" then, and the role
 * home is chosen once the user is known. */
static const char *
safe_next(const char *next, const struct user *u)
{
	if (local_path_ok(next))
		return next;
	return u != NULL ? route_role_home(u) : "";
}

/* Fill the parts of the sign-in page every answer has, and send it. */
static int
login_render(struct req *r, int status, tmpl_dict *d, const char *error_key)
{
	const char *next = req_form(r, "next");

	if (next == NULL)
		next = req_query(r, "next");
	tmpl_set(d, "NEXT", safe_next(next, r->user));
	if (error_key != NULL) {
		tmpl_dict *e = tmpl_add_section(d, "LOGIN_ERROR");
		tmpl_set(e, "MSG", i18n(r->lang, error_key));
	}
	if (req_query(r, "bye") != NULL)
		tmpl_show_section(d, "LOGGED_OUT_NOTE");
	return resp_page(r, status, "auth/login.tpl", d);
}

static int
login_page(struct req *r, int status, const char *login, const char *error_key)
{
	tmpl_dict *d = page_dict(r, "LOGIN_TITLE");

	tmpl_set(d, "VAL_login", login);
	return login_render(r, status, d, error_key);
}

int
login_get(struct req *r)
{
	if (r->user != NULL)
		return resp_redirect(r, safe_next(req_query(r, "next"), r->user));
	return login_page(r, 200, NULL, NULL);
}

/* Look up the account and check the client's device cookie for it. */
static enum db_rc
attempt_load(struct req *r, const char *login, struct attempt *at)
{
	struct db_res *res;
	char name[GUARD_NAME_LEN];
	enum db_rc rc;

	memset(at, 0, sizeof(*at));
	at->login = login;
	at->pw_hash = "";
	at->role = "";
	if ((rc = db_query(r->a, &q_user_by_login, &res, "s", login)) != DB_OK)
		return rc;
	if (res->nrows == 1) {
		at->uid = db_get_int(res, 0, 0);
		at->pw_hash = db_gets(res, 0, 1);
		at->role = db_gets(res, 0, 2);
	}
	login_guard_cookie_name(login, name);
	at->trusted = at->uid != 0 && login_guard_cookie_check(req_cookie(r, name), login,
	    at->pw_hash, time(NULL), at->nonce);
	return DB_OK;
}

/* 1 when the guard refuses the attempt, 0 when it may go on, -1 on a
 * database error. */
static int
attempt_refused(struct req *r, const struct attempt *at)
{
	struct guard_counts c;
	struct db_res *res;

	if (db_query(r->a, &q_failures, &res, "sIsIsI", at->login, GUARD_WINDOW_MIN,
	    r->remote_addr, GUARD_WINDOW_MIN, at->trusted ? at->nonce : "",
	    GUARD_WINDOW_MIN) != DB_OK)
		return -1;
	c.trusted = at->trusted;
	c.account = db_get_int(res, 0, 0);
	c.addr = db_get_int(res, 0, 1);
	c.device = db_get_int(res, 0, 2);
	return !login_guard_allows(&c);
}

/* Verify even for unknown logins so timing does not reveal accounts. */
static int
attempt_password_ok(const struct attempt *at, const char *pw)
{
	static char dummy[128];

	if (dummy[0] == '\0' && password_hash("not a real password", dummy) != 0)
		dummy[0] = '\0';
	if (at->uid == 0) {
		(void)password_verify(dummy, pw);
		return 0;
	}
	return password_verify(at->pw_hash, pw);
}

static enum db_rc
attempt_failed(struct req *r, const struct attempt *at)
{
	enum db_rc rc;

	if ((rc = db_exec(&q_failure_expire, NULL, "I", GUARD_WINDOW_MIN)) != DB_OK)
		return rc;
	return db_exec(&q_failure_add, NULL, "sss", at->login, r->remote_addr,
	    at->trusted ? at->nonce : NULL);
}

void
device_cookie_set(struct req *r, const char *login, const char *pw_hash)
{
	char name[GUARD_NAME_LEN], nonce[GUARD_NONCE_LEN], val[GUARD_COOKIE_LEN];
	const char *secure = cfg.secure_cookies || r->https ? "; Secure" : "";
	size_t *old = arena_alloc(r->a, (r->ncookies + 1) * sizeof(*old)), n, i;

	login_guard_cookie_name(login, name);
	n = login_guard_evict(r->cookies, r->ncookies, name, old);
	for (i = 0; i < n; i++)
		resp_header(r, "Set-Cookie", arena_printf(r->a,
		    "%s=; Path=/login; Max-Age=0; HttpOnly; SameSite=Strict%s",
		    r->cookies[old[i]].name, secure));
	login_guard_new_nonce(nonce);
	login_guard_cookie_make(login, pw_hash, time(NULL), nonce, val);
	resp_header(r, "Set-Cookie", arena_printf(r->a,
	    "%s=%s; Path=/login; Max-Age=%ld; HttpOnly; SameSite=Strict%s", name, val,
	    (long)GUARD_DEVICE_DAYS * 86400, secure));
}

/* After a success: the old device's failures are forgotten and the client
 * gets a new device cookie for this login. */
static enum db_rc
attempt_succeeded(struct req *r, const struct attempt *at)
{
	enum db_rc rc;

	if (at->trusted && (rc = db_exec(&q_device_forget, NULL, "s", at->nonce)) != DB_OK)
		return rc;
	device_cookie_set(r, at->login, at->pw_hash);
	return DB_OK;
}

int
login_post(struct req *r)
{
	const char *login = req_form(r, "login"), *pw = req_form(r, "password");
	struct attempt at;
	struct user me = { 0 };
	int refused;
	struct form_check fc = { r, page_dict(r, "LOGIN_TITLE"), 0 };

	form_check_field(&fc, "login", login, valid_text(login, 64, 1, 0));
	form_check_field(&fc, "password", "", pw == NULL || *pw == '\0' ? "ERR_REQUIRED" :
	    strlen(pw) > 128 ? "ERR_TOO_LONG" : NULL);
	if (fc.nerr > 0)
		return login_render(r, 422, fc.d, NULL);
	tmpl_free(fc.d);
	if (attempt_load(r, login, &at) != DB_OK || (refused = attempt_refused(r, &at)) < 0)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (refused)
		return login_page(r, 429, login, "LOGIN_LOCKED");
	if (!attempt_password_ok(&at, pw)) {
		if (attempt_failed(r, &at) != DB_OK)
			return resp_error(r, 503, "ERR_DB_DOWN");
		return login_page(r, 422, login, "LOGIN_FAILED");
	}
	if (auth_session_create(r, at.uid) != DB_OK || attempt_succeeded(r, &at) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	me.id = at.uid;
	me.role = role_parse(at.role);
	return resp_redirect(r, safe_next(req_form(r, "next"), &me));
}

int
logout_post(struct req *r)
{
	if (auth_session_destroy(r) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	return resp_redirect(r, "/login?bye=1");
}
