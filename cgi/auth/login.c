/* GET/POST /login and POST /logout. Sign-in is throttled per account and
 * per address; the message never tells whether the account exists. */
#include "auth.h"
#include "../core/auth.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

#define THROTTLE_MINUTES      15
#define THROTTLE_PER_LOGIN    5
#define THROTTLE_PER_ADDR     50

static struct db_q q_user_by_login = DB_Q(
    "SELECT id, password_hash FROM users WHERE login = ? AND active = 1");
static struct db_q q_failures = DB_Q(
    "SELECT (SELECT COUNT(*) FROM login_failures WHERE login = ? AND at > UTC_TIMESTAMP() - INTERVAL ? MINUTE),"
    " (SELECT COUNT(*) FROM login_failures WHERE addr = ? AND at > UTC_TIMESTAMP() - INTERVAL ? MINUTE)");
static struct db_q q_failure_add = DB_Q(
    "INSERT INTO login_failures (login, addr, at) VALUES (?, ?, UTC_TIMESTAMP())");
static struct db_q q_failure_clear = DB_Q(
    "DELETE FROM login_failures WHERE login = ?");

/* Only paths of this site, so "next" is no open redirect. */
static const char *
safe_next(const char *next)
{
	return local_path_ok(next) ? next : "/desk/";
}

/* Fill the parts of the sign-in page every answer has, and send it. */
static int
login_render(struct req *r, int status, tmpl_dict *d, const char *error_key)
{
	const char *next = req_form(r, "next");

	if (next == NULL)
		next = req_query(r, "next");
	tmpl_set(d, "NEXT", safe_next(next));
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
		return resp_redirect(r, safe_next(req_query(r, "next")));
	return login_page(r, 200, NULL, NULL);
}

/* 1 when either counter is over its limit; -1 on a database error. */
static int
login_throttled(struct req *r, const char *login)
{
	struct db_res *res;

	if (db_query(r->a, &q_failures, &res, "sIsI", login, THROTTLE_MINUTES,
	    r->remote_addr, THROTTLE_MINUTES) != DB_OK)
		return -1;
	return db_get_int(res, 0, 0) >= THROTTLE_PER_LOGIN ||
	    db_get_int(res, 0, 1) >= THROTTLE_PER_ADDR;
}

/* Verify even for unknown logins so timing does not reveal accounts. */
static long long
login_check_password(struct req *r, const char *login, const char *pw, enum db_rc *rc)
{
	static char dummy[128];
	struct db_res *res;

	if (dummy[0] == '\0' && password_hash("not a real password", dummy) != 0)
		dummy[0] = '\0';
	if ((*rc = db_query(r->a, &q_user_by_login, &res, "s", login)) != DB_OK)
		return 0;
	if (res->nrows != 1) {
		(void)password_verify(dummy, pw);
		return 0;
	}
	return password_verify(db_gets(res, 0, 1), pw) ? db_get_int(res, 0, 0) : 0;
}

int
login_post(struct req *r)
{
	const char *login = req_form(r, "login"), *pw = req_form(r, "password");
	long long uid;
	enum db_rc rc;
	int thr;
	struct form_check fc = { r, page_dict(r, "LOGIN_TITLE"), 0 };

	form_check_field(&fc, "login", login, valid_text(login, 64, 1, 0));
	form_check_field(&fc, "password", "", pw == NULL || *pw == '\0' ? "ERR_REQUIRED" :
	    strlen(pw) > 128 ? "ERR_TOO_LONG" : NULL);
	if (fc.nerr > 0)
		return login_render(r, 422, fc.d, NULL);
	tmpl_free(fc.d);
	if ((thr = login_throttled(r, login)) != 0)
		return thr < 0 ? resp_error(r, 503, "ERR_DB_DOWN") :
		    login_page(r, 429, login, "ERR_THROTTLED");
	uid = login_check_password(r, login, pw, &rc);
	if (rc != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (uid == 0) {
		if (db_exec(&q_failure_add, NULL, "ss", login, r->remote_addr) != DB_OK)
			return resp_error(r, 503, "ERR_DB_DOWN");
		return login_page(r, 422, login, "LOGIN_FAILED");
	}
	if (db_exec(&q_failure_clear, NULL, "s", login) != DB_OK ||
	    auth_session_create(r, uid) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	return resp_redirect(r, safe_next(req_form(r, "next")));
}

int
logout_post(struct req *r)
{
	if (auth_session_destroy(r) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	return resp_redirect(r, "/login?bye=1");
}
