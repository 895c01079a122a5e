/* GET/POST /repair: the public repair form. A valid submission becomes a
 * ticket (idempotent by the hidden form_token) and the customer is sent
 * to its tracking page; an invalid one comes back as 422 with every value
 * kept and each problem next to its field and in a summary at the top.
 * A visitor without an account gets the fresh form from the page the
 * worker keeps (kept_page.h) with its own two tokens written in. */
#include "intake.h"
#include "arena.h"
#include "auth.h"
#include "db.h"
#include "db_cache.h"
#include "http.h"
#include "i18n.h"
#include "kept_page.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <string.h>
#include <time.h>

static struct db_q q_categories = DB_Q(
    "SELECT id, name_zh, name_en FROM categories WHERE active = 1 ORDER BY sort, id");
/* The form's list, kept by the worker for DB_CACHE_TTL seconds (a category
 * switched on or off shows within that time). A submission is checked
 * against it, read afresh when it lacks the chosen category (one just
 * switched on); ticket_create refuses one switched off meanwhile. */
static struct db_cache form_categories = DB_CACHE(&q_categories, DB_CACHE_TTL);

/* The text fields of the form, in the order of the page. */
enum repair_field {
	RF_NAME, RF_PHONE, RF_EMAIL, RF_ADDRESS, RF_CATEGORY, RF_PRODUCT, RF_SERIAL,
	RF_DESCRIPTION, RF_FORM_TOKEN, RF__MAX
};

/* A submission, trimmed; used for a ticket only when every field passed. */
struct repair_form {
	const char         *val[RF__MAX];
	struct ticket_photo photos[INTAKE_MAX_PHOTOS];
	size_t              nphotos;
};

/* Validators: NULL when fine, else the catalog key of the problem. The
 * category must be one of the active ones listed (cats). */
static const char *
check_name(const char *v, const struct db_res *cats)
{
	return valid_text(v, 50, 1, 0);
}

static const char *
check_phone(const char *v, const struct db_res *cats)
{
	return valid_phone(v, 1);
}

static const char *
check_email(const char *v, const struct db_res *cats)
{
	return valid_email(v, 0);
}

static const char *
check_address(const char *v, const struct db_res *cats)
{
	return valid_text(v, 255, 0, 0);
}

static const char *
check_category(const char *v, const struct db_res *cats)
{
	long long id;
	const char *problem = valid_int(v, 1, LLONG_MAX, &id);
	size_t i;

	if (problem != NULL)
		return problem;
	for (i = 0; i < cats->nrows; i++)
		if (db_get_int(cats, i, 0) == id)
			return NULL;
	return "REPAIR_ERR_CATEGORY";
}

static const char *
check_product(const char *v, const struct db_res *cats)
{
	return valid_text(v, 100, 0, 0);
}

static const char *
check_serial(const char *v, const struct db_res *cats)
{
	return valid_text(v, 64, 0, 0);
}

static const char *
check_description(const char *v, const struct db_res *cats)
{
	const char *problem = valid_text(v, 4000, 1, 1);

	if (problem == NULL && utf8_chars(v) < 5)
		return "REPAIR_ERR_DESC_SHORT";
	return problem;
}

/* The idempotency key printed into the form: 64 lower-case hex digits. */
static const char *
check_form_token(const char *v, const struct db_res *cats)
{
	size_t i;

	if (strlen(v) != 64)
		return "REPAIR_ERR_TOKEN";
	for (i = 0; i < 64; i++)
		if (strchr("0123456789abcdef", v[i]) == NULL)
			return "REPAIR_ERR_TOKEN";
	return NULL;
}

static const struct repair_rule {
	const char *field;
	const char *label;      /* catalog key, for the error summary */
	const char *(*check)(const char *, const struct db_res *);
} repair_rules[RF__MAX] = {
	[RF_NAME]        = { "name",        "REPAIR_NAME",        check_name },
	[RF_PHONE]       = { "phone",       "REPAIR_PHONE",       check_phone },
	[RF_EMAIL]       = { "email",       "REPAIR_EMAIL",       check_email },
	[RF_ADDRESS]     = { "address",     "REPAIR_ADDRESS",     check_address },
	[RF_CATEGORY]    = { "category",    "REPAIR_CATEGORY",    check_category },
	[RF_PRODUCT]     = { "product",     "REPAIR_PRODUCT",     check_product },
	[RF_SERIAL]      = { "serial",      "REPAIR_SERIAL",      check_serial },
	[RF_DESCRIPTION] = { "description", "REPAIR_DESCRIPTION", check_description },
	[RF_FORM_TOKEN]  = { "form_token",  "REPAIR_FORM_TOKEN",  check_form_token },
};

/* The category options in the request language, `selected` marked. */
static void
repair_fill_categories(struct req *r, tmpl_dict *d, const struct db_res *cats,
    const char *selected)
{
	int en = strcmp(r->lang, "en") == 0;
	size_t i;

	for (i = 0; i < cats->nrows; i++) {
		tmpl_dict *o = tmpl_add_section(d, "CATEGORY_OPTION");

		tmpl_set(o, "ID", db_gets(cats, i, 0));
		tmpl_set(o, "LABEL", db_gets(cats, i, en ? 2 : 1));
		if (selected != NULL && strcmp(selected, db_gets(cats, i, 0)) == 0)
			tmpl_show_section(o, "SELECTED");
	}
}

/* The form page (fresh or with the problems already marked in d). A
 * missing or broken form_token is replaced by a fresh one. */
static int
repair_render(struct req *r, int status, tmpl_dict *d, const struct db_res *cats,
    const char *category, const char *form_token)
{
	char fresh[AUTH_HEX_TOKEN];

	if (form_token == NULL || check_form_token(form_token, cats) != NULL) {
		auth_random_hex(fresh);
		form_token = fresh;
	}
	tmpl_set(d, "VAL_form_token", form_token);
	repair_fill_categories(r, d, cats, category);
	tmpl_set_int(d, "MAX_PHOTOS", INTAKE_MAX_PHOTOS);
	tmpl_set_int(d, "MAX_PHOTO_BYTES", INTAKE_MAX_PHOTO_BYTES);
	return resp_page(r, status, "intake/repair.tpl", d);
}

/* The fresh form of a visitor without an account, per language (0 zh-CN,
 * 1 en), kept by the worker: only its csrf token (bound to the visitor's
 * sl_anon cookie) and its form_token differ from one visitor to the next.
 * It is rendered again when the category list was read again (every
 * DB_CACHE_TTL seconds: the version is the time of that read). */
static struct kept_page kept_form[2] = { KEPT_PAGE_INIT, KEPT_PAGE_INIT };

/* Render the fresh form for r (tokens[0] its csrf, tokens[1] its
 * form_token), keep it and answer with it. */
static int
repair_render_kept(struct req *r, struct kept_page *k, long long version,
    const struct db_res *cats, const char *const tokens[2])
{
	tmpl_dict *d = page_dict(r, "REPAIR_TITLE");
	size_t len;
	char *html;

	tmpl_set(d, "VAL_form_token", tokens[1]);
	repair_fill_categories(r, d, cats, NULL);
	tmpl_set_int(d, "MAX_PHOTOS", INTAKE_MAX_PHOTOS);
	tmpl_set_int(d, "MAX_PHOTO_BYTES", INTAKE_MAX_PHOTO_BYTES);
	html = tmpl_render(r->a, "intake/repair.tpl", d, &len);
	tmpl_free(d);
	if (html == NULL)
		return resp_raw(r, 500, "text/plain; charset=utf-8", "template error\n", 15);
	(void)kept_page_keep(k, version, html, len, tokens, 2);  /* not kept: rendered next time */
	return resp_raw(r, 200, "text/html; charset=utf-8", html, len);
}

int
repair_get(struct req *r)
{
	const struct db_res *cats;
	struct kept_page *k = &kept_form[strcmp(r->lang, "en") == 0];
	char form_token[AUTH_HEX_TOKEN];
	const char *tokens[2];
	long long version;
	size_t len;
	char *html;

	if (db_cache_get(&form_categories, 0, time(NULL), &cats) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (r->user != NULL)        /* the header shows who is signed in */
		return repair_render(r, 200, page_dict(r, "REPAIR_TITLE"), cats, NULL, NULL);
	auth_random_hex(form_token);
	tokens[0] = r->csrf;
	tokens[1] = form_token;
	version = (long long)form_categories.gen;   /* names the copy of the list */
	if (!kept_page_fresh(k, version) ||
	    (html = kept_page_fill(r->a, k, tokens, 2, &len)) == NULL)
		return repair_render_kept(r, k, version, cats, tokens);
	return resp_raw(r, 200, "text/html; charset=utf-8", html, len);
}

/* Check every field and the photos into fc; fill f with the values. */
static void
repair_check(struct req *r, struct form_check *fc, const struct db_res *cats,
    struct repair_form *f)
{
	const char *photo_problem;
	size_t i;

	for (i = 0; i < RF__MAX; i++) {
		const struct repair_rule *rule = &repair_rules[i];

		f->val[i] = valid_trim(r->a, req_form(r, rule->field));
		intake_check(fc, rule->field, rule->label, f->val[i], rule->check(f->val[i], cats));
	}
	photo_problem = intake_photos(r, f->photos, &f->nphotos);
	intake_check(fc, INTAKE_PHOTO_FIELD, "REPAIR_PHOTO", "", photo_problem);
	if (fc->nerr > 0 && intake_photos_sent(r))
		tmpl_show_section(fc->d, "PHOTO_RESELECT");
}

/* The ticket of a valid form; answers with the redirect or an error page. */
static int
repair_create(struct req *r, const struct repair_form *f, struct form_check *fc,
    const struct db_res *cats)
{
	struct ticket_input in;
	struct ticket_actor who = { ACTOR_CUSTOMER, 0 };
	struct ticket_ref ref;
	long long category_id = 0;

	(void)valid_int(f->val[RF_CATEGORY], 1, LLONG_MAX, &category_id);   /* checked before */
	memset(&in, 0, sizeof(in));
	in.channel = TC_WEB;
	in.priority = TP_NORMAL;
	in.category_id = category_id;
	in.name = f->val[RF_NAME];
	in.phone = f->val[RF_PHONE];
	in.email = f->val[RF_EMAIL];
	in.product = f->val[RF_PRODUCT];
	in.serial = f->val[RF_SERIAL];
	in.address = f->val[RF_ADDRESS];
	in.description = f->val[RF_DESCRIPTION];
	in.form_token = f->val[RF_FORM_TOKEN];
	switch (ticket_create(r->a, &in, f->photos, f->nphotos, &who, &ref)) {
	case TK_OK:
		tmpl_free(fc->d);
		resp_cookie(r, INTAKE_NEW_COOKIE, ref.code, 600);
		return resp_redirect(r, arena_printf(r->a, "/track/%s", ref.code));
	case TK_INVALID:    /* the category was switched off meanwhile */
		intake_check(fc, "category", "REPAIR_CATEGORY", f->val[RF_CATEGORY],
		    "REPAIR_ERR_CATEGORY");
		if (f->nphotos > 0)
			tmpl_show_section(fc->d, "PHOTO_RESELECT");
		return repair_render(r, 422, fc->d, cats, f->val[RF_CATEGORY],
		    f->val[RF_FORM_TOKEN]);
	case TK_DOWN:
		tmpl_free(fc->d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	case TK_CONFLICT:
		tmpl_free(fc->d);
		return resp_error(r, 409, "REPAIR_ERR_BUSY");
	default:
		tmpl_free(fc->d);
		return resp_error(r, 500, "ERR_INTERNAL");
	}
}

/* The active categories for checking a submitted category v. */
static enum db_rc
repair_categories_for(const char *v, const struct db_res **cats)
{
	enum db_rc rc = db_cache_get(&form_categories, 0, time(NULL), cats);

	if (rc == DB_OK && check_category(v, *cats) != NULL) {
		db_cache_forget(&form_categories);
		rc = db_cache_get(&form_categories, 0, time(NULL), cats);
	}
	return rc;
}

int
repair_post(struct req *r)
{
	const struct db_res *cats;
	struct repair_form f;
	struct form_check fc;

	if (repair_categories_for(valid_trim(r->a, req_form(r, "category")), &cats) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	memset(&f, 0, sizeof(f));
	fc.r = r;
	fc.d = page_dict(r, "REPAIR_TITLE");
	fc.nerr = 0;
	repair_check(r, &fc, cats, &f);
	if (fc.nerr > 0)
		return repair_render(r, 422, fc.d, cats, f.val[RF_CATEGORY], f.val[RF_FORM_TOKEN]);
	return repair_create(r, &f, &fc, cats);
}
