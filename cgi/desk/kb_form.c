/* GET/POST /desk/kb/new and GET/POST /desk/kb/<id>/edit: writing an article
 * (agents and up). A valid submission is stored with its search tokens and
 * answered 303 to the article; an invalid one comes back as 422 with every
 * value kept and each problem next to its field. A new article is
 * idempotent by its hidden form_token; an edit carries the version it was
 * made on (409 when someone saved the article meanwhile). */
#include "kb.h"
#include "arena.h"
#include "flash.h"
#include "auth.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "search.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

#define KB_FORM_TPL "desk/kb_form.tpl"

static struct db_q q_insert = DB_Q(
    "INSERT INTO kb_articles (kind, title, body, category_id, tags, search_text, author_id,"
    " form_token, published, created_at, updated_at)"
    " VALUES (?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())");
static struct db_q q_by_token = DB_Q("SELECT id FROM kb_articles WHERE form_token = ?");
static struct db_q q_current = DB_Q(
    "SELECT version, COALESCE(category_id, 0), kind, title, body, tags, published"
    " FROM kb_articles WHERE id = ?");
static struct db_q q_update = DB_Q(
    "UPDATE kb_articles SET kind = ?, title = ?, body = ?, category_id = NULLIF(?, 0),"
    " tags = ?, search_text = ?, published = ?, version = version + 1,"
    " updated_at = UTC_TIMESTAMP() WHERE id = ? AND version = ?");

enum { CQ_VERSION, CQ_CATEGORY, CQ_KIND, CQ_TITLE, CQ_BODY, CQ_TAGS, CQ_PUBLISHED };

/* The values shown in the form. */
struct kb_values {
	const char *kind, *title, *body, *category, *tags;
	int         published;
	const char *form_token;    /* new article: the idempotency key, NULL = fresh */
	long long   version;       /* edited article: the version it is based on */
};

enum kb_field { KF_KIND, KF_TITLE, KF_BODY, KF_CATEGORY, KF_TAGS, KF__MAX };

/* A submission, trimmed; used only when every field passed. */
struct kb_form {
	const char *val[KF__MAX];
	const char *tags;          /* normalised */
	long long   category_id;   /* 0: none */
	int         published;
};

/* What a validator may look at besides the value. */
struct kb_ctx {
	struct arena        *a;
	const struct db_res *cats;
	struct kb_form      *f;
};

static const char *
check_kind(const char *v, struct kb_ctx *c)
{
	int idx;

	return valid_choice(v, kb_kinds, &idx);
}

static const char *
check_title(const char *v, struct kb_ctx *c)
{
	return valid_text(v, KB_TITLE_MAX, 1, 0);
}

static const char *
check_body(const char *v, struct kb_ctx *c)
{
	return valid_text(v, KB_BODY_MAX, 1, 1);
}

static const char *
check_category(const char *v, struct kb_ctx *c)
{
	return kb_check_category(v, c->cats, 0, &c->f->category_id);
}

static const char *
check_tags(const char *v, struct kb_ctx *c)
{
	const char *problem = valid_text(v, 400, 0, 0);

	if (problem != NULL)
		return problem;
	c->f->tags = kb_tags_normalise(c->a, v, &problem);
	return problem;
}

static const struct kb_rule {
	const char *field;
	const char *(*check)(const char *, struct kb_ctx *);
} kb_rules[KF__MAX] = {
	[KF_KIND]     = { "kind",     check_kind },
	[KF_TITLE]    = { "title",    check_title },
	[KF_BODY]     = { "body",     check_body },
	[KF_CATEGORY] = { "category", check_category },
	[KF_TAGS]     = { "tags",     check_tags },
};

/* The idempotency key of the new-article form: 64 lower-case hex digits. */
static int
token_ok(const char *v)
{
	size_t i;

	if (v == NULL || strlen(v) != 64)
		return 0;
	for (i = 0; i < 64; i++)
		if (strchr("0123456789abcdef", v[i]) == NULL)
			return 0;
	return 1;
}

/* The form page with the values v, into f (the page dict, freed): a new
 * article when article_id is 0, else an edit of it. conflict adds the
 * "saved meanwhile" note. */
static int
kb_form_send(struct req *r, int status, tmpl_dict *f, const struct db_res *cats,
    const struct kb_values *v, long long article_id, int conflict)
{
	char fresh[AUTH_HEX_TOKEN];

	tmpl_set(f, "VAL_title", v->title);
	tmpl_set(f, "VAL_body", v->body);
	tmpl_set(f, "VAL_tags", v->tags);
	kb_fill_kinds(r, f, "KIND_OPTION", v->kind);
	kb_fill_categories(r, f, "CATEGORY_OPTION", cats, v->category);
	if (v->published)
		tmpl_show_section(f, "PUBLISHED_CHECKED");
	if (article_id == 0) {
		if (!token_ok(v->form_token)) {
			auth_random_hex(fresh);
			tmpl_set(f, "FORM_TOKEN", fresh);
		} else {
			tmpl_set(f, "FORM_TOKEN", v->form_token);
		}
		tmpl_set(f, "FORM_ACTION", "/desk/kb/new");
		tmpl_show_section(f, "IS_NEW");
		tmpl_set(f, "SUBMIT", i18n(r->lang, "K_CREATE"));
	} else {
		tmpl_set(f, "FORM_ACTION", arena_printf(r->a, "/desk/kb/%lld/edit", article_id));
		tmpl_set_int(tmpl_add_section(f, "IS_EDIT"), "VERSION", v->version);
		tmpl_set(f, "SUBMIT", i18n(r->lang, "K_SAVE"));
		tmpl_set_int(f, "ID", article_id);
		if (conflict)
			tmpl_show_section(f, "CONFLICT");
	}
	return resp_page(r, status, KB_FORM_TPL, f);
}

/* Check every field of the request into fc (fc->d: the page dict). */
static void
kb_form_check(struct req *r, struct form_check *fc, const struct db_res *cats,
    struct kb_form *f)
{
	struct kb_ctx c;
	size_t i;

	memset(f, 0, sizeof(*f));
	c.a = r->a;
	c.cats = cats;
	c.f = f;
	for (i = 0; i < KF__MAX; i++) {
		const struct kb_rule *rule = &kb_rules[i];

		f->val[i] = valid_trim(r->a, req_form(r, rule->field));
		form_check_field(fc, rule->field, f->val[i], rule->check(f->val[i], &c));
	}
	f->published = req_form(r, "published") != NULL &&
	    strcmp(req_form(r, "published"), "1") == 0;
}

/* The values of a checked form, for showing it again. */
static void
kb_form_values(const struct kb_form *f, struct kb_values *v)
{
	memset(v, 0, sizeof(*v));
	v->kind = f->val[KF_KIND];
	v->title = f->val[KF_TITLE];
	v->body = f->val[KF_BODY];
	v->category = f->val[KF_CATEGORY];
	v->tags = f->val[KF_TAGS];
	v->published = f->published;
}

/* The search tokens of an article: title, tags and body. */
static const char *
kb_search_text(struct arena *a, const struct kb_form *f)
{
	return search_tokens(a, arena_printf(a, "%s %s %s", f->val[KF_TITLE], f->tags,
	    f->val[KF_BODY]));
}

int
kb_new_get(struct req *r)
{
	struct db_res *cats;
	struct kb_values v;

	if (kb_categories(r->a, 0, &cats) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	memset(&v, 0, sizeof(v));
	v.kind = "faq";
	v.published = 1;
	return kb_form_send(r, 200, page_dict(r, "K_NEW_TITLE"), cats, &v, 0, 0);
}

/* Store a valid new article (or find the one of the same form token). */
static enum db_rc
kb_insert(struct req *r, const struct kb_form *f, const char *token, long long *id)
{
	struct db_res *res;
	enum db_rc rc;

	rc = db_exec(&q_insert, NULL, "sssissisi", f->val[KF_KIND], f->val[KF_TITLE],
	    f->val[KF_BODY], f->category_id, f->tags, kb_search_text(r->a, f), r->user->id,
	    token, (long long)f->published);
	if (rc == DB_OK) {
		*id = (long long)db_insert_id();
		return DB_OK;
	}
	if (rc != DB_DUP)
		return rc;
	/* The same form sent again: the first one wins. */
	if ((rc = db_query(r->a, &q_by_token, &res, "s", token)) != DB_OK)
		return rc;
	if (res->nrows != 1)
		return DB_ERR;
	*id = db_get_int(res, 0, 0);
	return DB_OK;
}

int
kb_new_post(struct req *r)
{
	struct db_res *cats;
	struct form_check fc;
	struct kb_form f;
	struct kb_values v;
	const char *token = req_form(r, "form_token");
	tmpl_dict *d;
	long long id;
	enum db_rc rc;

	if (kb_categories(r->a, 0, &cats) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	d = page_dict(r, "K_NEW_TITLE");
	fc.r = r;
	fc.d = d;
	fc.nerr = 0;
	kb_form_check(r, &fc, cats, &f);
	if (fc.nerr > 0 || !token_ok(token)) {
		kb_form_values(&f, &v);
		v.form_token = token;
		return kb_form_send(r, 422, d, cats, &v, 0, 0);
	}
	tmpl_free(d);
	if ((rc = kb_insert(r, &f, token, &id)) != DB_OK)
		return resp_error(r, rc == DB_DOWN ? 503 : 500,
		    rc == DB_DOWN ? "ERR_DB_DOWN" : "ERR_INTERNAL");
	return resp_redirect(r, flash_url(r, arena_printf(r->a, "/desk/kb/%lld", id), "kb_saved"));
}

/* The article's row for the edit (columns CQ_*) and its categories. 0, or
 * the HTTP status of the problem. */
static int
kb_edit_load(struct req *r, long long *id, struct db_res **cur, struct db_res **cats)
{
	if (!kb_route_id(r, id))
		return 404;
	if (db_query(r->a, &q_current, cur, "i", *id) != DB_OK)
		return 503;
	if ((*cur)->nrows != 1)
		return 404;
	if (kb_categories(r->a, db_get_int(*cur, 0, CQ_CATEGORY), cats) != DB_OK)
		return 503;
	return 0;
}

int
kb_edit_get(struct req *r)
{
	struct db_res *cur, *cats;
	struct kb_values v;
	long long id;
	int st;

	if ((st = kb_edit_load(r, &id, &cur, &cats)) != 0)
		return resp_error(r, st, st == 404 ? "ERR_NOT_FOUND" : "ERR_DB_DOWN");
	memset(&v, 0, sizeof(v));
	v.kind = db_gets(cur, 0, CQ_KIND);
	v.title = db_gets(cur, 0, CQ_TITLE);
	v.body = db_gets(cur, 0, CQ_BODY);
	v.category = db_get_int(cur, 0, CQ_CATEGORY) > 0 ? db_gets(cur, 0, CQ_CATEGORY) : "";
	v.tags = db_gets(cur, 0, CQ_TAGS);
	v.published = db_get_int(cur, 0, CQ_PUBLISHED) != 0;
	v.version = db_get_int(cur, 0, CQ_VERSION);
	return kb_form_send(r, 200, page_dict(r, "K_EDIT_TITLE"), cats, &v, id, 0);
}

int
kb_edit_post(struct req *r)
{
	struct db_res *cur, *cats;
	struct form_check fc;
	struct kb_form f;
	struct kb_values v;
	unsigned long long changed = 0;
	long long id, version;
	enum db_rc rc;
	int st;

	if ((st = kb_edit_load(r, &id, &cur, &cats)) != 0)
		return resp_error(r, st, st == 404 ? "ERR_NOT_FOUND" : "ERR_DB_DOWN");
	if (valid_int(req_form(r, "version"), 1, UINT_MAX, &version) != NULL)
		return resp_error(r, 400, "ERR_BAD_REQUEST");
	fc.r = r;
	fc.d = page_dict(r, "K_EDIT_TITLE");
	fc.nerr = 0;
	kb_form_check(r, &fc, cats, &f);
	kb_form_values(&f, &v);
	v.version = version;
	if (fc.nerr > 0)
		return kb_form_send(r, 422, fc.d, cats, &v, id, 0);
	rc = db_exec(&q_update, &changed, "sssisssii", f.val[KF_KIND], f.val[KF_TITLE],
	    f.val[KF_BODY], f.category_id, f.tags, kb_search_text(r->a, &f),
	    f.published ? "1" : "0", id, version);
	if (rc != DB_OK) {
		tmpl_free(fc.d);
		return resp_error(r, rc == DB_DOWN ? 503 : 500,
		    rc == DB_DOWN ? "ERR_DB_DOWN" : "ERR_INTERNAL");
	}
	if (changed == 0)   /* saved by someone else since the form was shown */
		return kb_form_send(r, 409, fc.d, cats, &v, id, 1);
	tmpl_free(fc.d);
	return resp_redirect(r, flash_url(r, arena_printf(r->a, "/desk/kb/%lld", id), "kb_saved"));
}
