/* GET/POST /account: a staff member's own language, password and
 * subscription to the OKR weekly report by message (users.notify_weekly,
 * sent by sl-notify on the channels of the admin's rules). */
#include "auth.h"
#include "../core/auth.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

static struct db_q q_account_hash = DB_Q(
    "SELECT password_hash FROM users WHERE id = ?");
static struct db_q q_account_lang = DB_Q(
    "UPDATE users SET lang = ? WHERE id = ?");
static struct db_q q_account_password = DB_Q(
    "UPDATE users SET password_hash = ? WHERE id = ?");
static struct db_q q_account_weekly_get = DB_Q(
    "SELECT notify_weekly FROM users WHERE id = ?");
static struct db_q q_account_weekly = DB_Q(
    "UPDATE users SET notify_weekly = ? WHERE id = ?");
static struct db_q q_account_other_sessions = DB_Q(
    "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?");

static const char *const langs[] = { "", "zh-CN", "en", NULL };

/* A checkbox sends "1" when ticked and nothing when not. */
static const char *const weekly_values[] = { "1", NULL };

static tmpl_dict *
account_dict(struct req *r, const char *lang_value, int weekly)
{
	tmpl_dict *d = page_dict(r, "ACCOUNT_TITLE");
	static const char *const lang_names[] = { "ACCOUNT_LANG_AUTO", NULL, NULL };
	int i;

	tmpl_set(d, "LOGIN", r->user->login);
	tmpl_set(d, "NAME", r->user->name);
	tmpl_set(d, "ROLE", i18n(r->lang, arena_printf(r->a, "ROLE_%s", role_name(r->user->role))));
	for (i = 0; langs[i] != NULL; i++) {
		tmpl_dict *o = tmpl_add_section(d, "LANG_OPTION");
		tmpl_set(o, "VALUE", langs[i]);
		tmpl_set(o, "LABEL", i == 0 ? i18n(r->lang, lang_names[0]) :
		    i == 1 ? "中文（简体）" : "English");
		if (strcmp(langs[i], lang_value) == 0)
			tmpl_show_section(o, "SELECTED");
	}
	if (weekly)
		tmpl_show_section(d, "WEEKLY_CHECKED");
	return d;
}

int
account_get(struct req *r)
{
	struct db_res *res;
	tmpl_dict *d;

	if (db_query(r->a, &q_account_weekly_get, &res, "i", r->user->id) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	d = account_dict(r, r->user->lang, res->nrows == 1 && db_get_int(res, 0, 0) != 0);

	if (req_query(r, "saved") != NULL)
		tmpl_show_section(d, "SAVED_NOTE");
	return resp_page(r, 200, "auth/account.tpl", d);
}

/* The current password is needed only to set a new one. */
static const char *
account_password_problem(struct req *r, const char *cur, const char *pw, enum db_rc *rc)
{
	struct db_res *res;

	*rc = DB_OK;
	if (pw == NULL || *pw == '\0')
		return NULL;
	if (password_problem(pw) != NULL)
		return password_problem(pw);
	if ((*rc = db_query(r->a, &q_account_hash, &res, "i", r->user->id)) != DB_OK)
		return NULL;
	if (cur == NULL || res->nrows != 1 || !password_verify(db_gets(res, 0, 0), cur))
		return "ACCOUNT_WRONG_PW";
	return NULL;
}

int
account_post(struct req *r)
{
	const char *lang = req_form(r, "lang"), *cur = req_form(r, "current_password");
	const char *pw = req_form(r, "new_password"), *problem;
	const char *weekly = req_form(r, "notify_weekly");
	struct form_check fc = { r, NULL, 0 };
	char hash[128];
	enum db_rc rc;
	int li = 0, wi = 0;

	fc.d = account_dict(r, lang != NULL ? lang : "", weekly != NULL);
	if (weekly != NULL)
		form_check_field(&fc, "notify_weekly", weekly, valid_choice(weekly, weekly_values, &wi));
	/* "" (follow the browser) is a choice too, so valid_choice is not enough. */
	if (lang != NULL && *lang != '\0')
		form_check_field(&fc, "lang", lang, valid_choice(lang, langs, &li));
	problem = account_password_problem(r, cur, pw, &rc);
	if (rc != DB_OK) {
		tmpl_free(fc.d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	form_check_field(&fc, "new_password", "", problem);
	if (fc.nerr > 0)
		return resp_page(r, 422, "auth/account.tpl", fc.d);
	tmpl_free(fc.d);
	if (db_exec(&q_account_lang, NULL, "si", langs[li], r->user->id) != DB_OK ||
	    db_exec(&q_account_weekly, NULL, "Ii", weekly != NULL, r->user->id) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (pw != NULL && *pw != '\0') {
		if (password_hash(pw, hash) != 0)
			return resp_error(r, 500, "ERR_INTERNAL");
		/* A new password signs out every other device and revokes every
		 * device cookie (they are bound to the hash); this one gets a new one. */
		if (db_exec(&q_account_password, NULL, "si", hash, r->user->id) != DB_OK ||
		    db_exec(&q_account_other_sessions, NULL, "is", r->user->id, r->session_id) != DB_OK)
			return resp_error(r, 503, "ERR_DB_DOWN");
		device_cookie_set(r, r->user->login, hash);
	}
	return resp_redirect(r, "/account?saved=1");
}
