/* GET /desk/kb/<id>: one article (plain text, its line breaks kept) with the
 * "was this helpful?" buttons; POST /desk/kb/<id>/vote: one vote per staff
 * user and article (voting again changes it), the counters recounted in
 * the same transaction. Drafts (not published) are for writers only: for
 * anybody else they do not exist (404). */
#include "kb.h"
#include "arena.h"
#include "flash.h"
#include "db.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

#define KB_VOTE_TRIES 3    /* deadlock / lock wait: try the vote again */

static struct db_q q_article = DB_Q(
    "SELECT a.id, a.kind, a.title, a.body, a.tags, a.published, a.helpful_yes,"
    " a.helpful_no, a.created_at, a.updated_at, COALESCE(u.name, ''),"
    " COALESCE(c.name_zh, ''), COALESCE(c.name_en, '')"
    " FROM kb_articles a LEFT JOIN users u ON u.id = a.author_id"
    " LEFT JOIN categories c ON c.id = a.category_id WHERE a.id = ?");
static struct db_q q_my_vote = DB_Q(
    "SELECT helpful FROM kb_votes WHERE article_id = ? AND user_id = ?");
static struct db_q q_lock = DB_Q(
    "SELECT published FROM kb_articles WHERE id = ? FOR UPDATE");
static struct db_q q_vote = DB_Q(
    "INSERT INTO kb_votes (article_id, user_id, helpful, voted_at)"
    " VALUES (?, ?, ?, UTC_TIMESTAMP())"
    " ON DUPLICATE KEY UPDATE helpful = VALUES(helpful), voted_at = VALUES(voted_at)");
static struct db_q q_recount = DB_Q(
    "UPDATE kb_articles SET"
    " helpful_yes = (SELECT COUNT(*) FROM kb_votes WHERE article_id = ? AND helpful = 1),"
    " helpful_no = (SELECT COUNT(*) FROM kb_votes WHERE article_id = ? AND helpful = 0)"
    " WHERE id = ?");

enum { AQ_ID, AQ_KIND, AQ_TITLE, AQ_BODY, AQ_TAGS, AQ_PUBLISHED, AQ_YES, AQ_NO,
       AQ_CREATED, AQ_UPDATED, AQ_AUTHOR, AQ_CAT_ZH, AQ_CAT_EN };

static const char *const vote_choices[] = { "0", "1", NULL };

/* Section TAG once per tag of the comma-joined list (TEXT, HREF). */
static void
fill_tags(struct req *r, tmpl_dict *d, const char *tags)
{
	const char *p = tags;

	while (*p != '\0') {
		size_t n = strcspn(p, ",");
		const char *tag = arena_strndup(r->a, p, n);
		tmpl_dict *t;

		if (n > 0) {
			t = tmpl_add_section(d, "TAG");
			tmpl_set(t, "TEXT", tag);
			tmpl_set(t, "HREF", arena_printf(r->a, "/desk/kb?tag=%s",
			    url_encode(r->a, tag)));
		}
		p += n;
		if (*p == ',')
			p++;
	}
}

/* The facts of the article row into d. */
static void
fill_article(struct req *r, tmpl_dict *d, const struct db_res *a)
{
	const char *cat = db_gets(a, 0, strcmp(r->lang, "en") == 0 ? AQ_CAT_EN : AQ_CAT_ZH);
	const char *author = db_gets(a, 0, AQ_AUTHOR);

	tmpl_set_global(d, "PAGE_TITLE", db_gets(a, 0, AQ_TITLE));
	tmpl_set(d, "ID", db_gets(a, 0, AQ_ID));
	tmpl_set(d, "TITLE", db_gets(a, 0, AQ_TITLE));
	tmpl_set(d, "KIND", db_gets(a, 0, AQ_KIND));
	tmpl_set(d, "KIND_LABEL", i18n(r->lang, arena_printf(r->a, "K_KIND_%s",
	    db_gets(a, 0, AQ_KIND))));
	tmpl_set(d, "BODY", db_gets(a, 0, AQ_BODY));
	tmpl_set(d, "YES", db_gets(a, 0, AQ_YES));
	tmpl_set(d, "NO", db_gets(a, 0, AQ_NO));
	tmpl_set(d, "CREATED", fmt_local_time(r->a, db_get(a, 0, AQ_CREATED)));
	tmpl_set(d, "UPDATED", fmt_local_time(r->a, db_get(a, 0, AQ_UPDATED)));
	if (*cat != '\0')
		tmpl_set(tmpl_add_section(d, "CATEGORY"), "TEXT", cat);
	else
		tmpl_show_section(d, "CATEGORY_NONE");
	if (*author != '\0')
		tmpl_set(tmpl_add_section(d, "AUTHOR"), "TEXT", author);
	else
		tmpl_show_section(d, "AUTHOR_NONE");
	if (db_get_int(a, 0, AQ_PUBLISHED) == 0)
		tmpl_show_section(d, "DRAFT");
	fill_tags(r, d, db_gets(a, 0, AQ_TAGS));
	if (kb_may_write(r))
		tmpl_show_section(d, "CAN_EDIT");
}

/* Send the page of article id with status (d: page dict, freed). A
 * vote_problem is shown next to the buttons. */
static int
kb_article_send(struct req *r, long long id, int status, tmpl_dict *d, const char *vote_problem)
{
	struct db_res *a, *mine;

	if (db_query(r->a, &q_article, &a, "i", id) != DB_OK ||
	    db_query(r->a, &q_my_vote, &mine, "ii", id, r->user->id) != DB_OK) {
		tmpl_free(d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	if (a->nrows != 1 || (db_get_int(a, 0, AQ_PUBLISHED) == 0 && !kb_may_write(r))) {
		tmpl_free(d);
		return resp_error(r, 404, "ERR_NOT_FOUND");
	}
	fill_article(r, d, a);
	if (mine->nrows == 1)
		tmpl_show_section(d, db_get_int(mine, 0, 0) ? "MY_VOTE_YES" : "MY_VOTE_NO");
	if (vote_problem != NULL)
		tmpl_set(tmpl_add_section(d, "VOTE_ERROR"), "MSG", i18n(r->lang, vote_problem));
	return resp_page(r, status, "desk/kb_article.tpl", d);
}

int
kb_article_get(struct req *r)
{
	long long id;

	tmpl_dict *d;

	if (!kb_route_id(r, &id))
		return resp_error(r, 404, "ERR_NOT_FOUND");
	d = page_dict(r, "K_ARTICLE_TITLE");
	flash_fill(r, d);     /* "saved", after the form */
	return kb_article_send(r, id, 200, d, NULL);
}

/* One attempt at the vote: lock the article, upsert the vote, recount.
 * *missing is set when there is no such article (for this user). */
static enum db_rc
kb_vote_tx(struct req *r, long long id, long long helpful, int *missing)
{
	struct db_res *res;
	enum db_rc rc;

	*missing = 0;
	if ((rc = db_begin()) != DB_OK)
		return rc;
	rc = db_query(r->a, &q_lock, &res, "i", id);
	if (rc == DB_OK && (res->nrows != 1 || (db_get_int(res, 0, 0) == 0 && !kb_may_write(r)))) {
		*missing = 1;
		rc = DB_ERR;
	}
	if (rc == DB_OK)
		rc = db_exec(&q_vote, NULL, "iii", id, r->user->id, (long long)helpful);
	if (rc == DB_OK)
		rc = db_exec(&q_recount, NULL, "iii", id, id, id);
	if (rc != DB_OK) {
		db_rollback();
		return rc;
	}
	return db_commit();
}

int
kb_vote_post(struct req *r)
{
	long long id;
	int helpful, i, missing = 0;
	enum db_rc rc = DB_CONFLICT;

	if (!kb_route_id(r, &id))
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if (valid_choice(req_form(r, "helpful"), vote_choices, &helpful) != NULL)
		return kb_article_send(r, id, 422, page_dict(r, "K_ARTICLE_TITLE"),
		    "K_ERR_VOTE");
	for (i = 0; i < KB_VOTE_TRIES && rc == DB_CONFLICT; i++)
		rc = kb_vote_tx(r, id, helpful, &missing);
	if (missing)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	switch (rc) {
	case DB_OK:
		return resp_redirect(r, arena_printf(r->a, "/desk/kb/%lld", id));
	case DB_CONFLICT:
		return resp_error(r, 409, "ERR_CONFLICT");
	case DB_DOWN:
		return resp_error(r, 503, "ERR_DB_DOWN");
	default:
		return resp_error(r, 500, "ERR_INTERNAL");
	}
}
