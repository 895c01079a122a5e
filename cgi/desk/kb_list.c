/* GET /desk/kb: the knowledge base, newest first, or searched: q is matched
 * in Chinese through search_query() (every bigram of q required, BOOLEAN
 * MODE, best match first). Filters: kind, category, tag; pages of
 * KB_PAGE_SIZE. Writers also see drafts. */
#include "kb.h"
#include "arena.h"
#include "db.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "search.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

#define KB_PAGE_SIZE 20
#define KB_MAX_PAGE  500
#define KB_EXCERPT   "120"   /* characters of the body shown */

#define KB_LIST_COLS \
    "SELECT a.id, a.kind, a.title, a.tags, COALESCE(c.name_zh, ''), COALESCE(c.name_en, '')," \
    " a.helpful_yes, a.helpful_no, a.updated_at, a.published, LEFT(a.body, " KB_EXCERPT ")," \
    " CHAR_LENGTH(a.body) > " KB_EXCERPT \
    " FROM kb_articles a LEFT JOIN categories c ON c.id = a.category_id"
#define KB_LIST_FILTERS \
    " AND (a.published = 1 OR ? = 1) AND (? = '' OR a.kind = ?)" \
    " AND (? = 0 OR a.category_id = ?) AND (? = '' OR FIND_IN_SET(?, a.tags) > 0)"

static struct db_q q_search = DB_Q(
    KB_LIST_COLS " WHERE MATCH(a.search_text) AGAINST (? IN BOOLEAN MODE)" KB_LIST_FILTERS
    " ORDER BY MATCH(a.search_text) AGAINST (? IN BOOLEAN MODE) DESC, a.id DESC"
    " LIMIT ? OFFSET ?");
static struct db_q q_latest = DB_Q(
    KB_LIST_COLS " WHERE 1 = 1" KB_LIST_FILTERS
    " ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?");

enum { LQ_ID, LQ_KIND, LQ_TITLE, LQ_TAGS, LQ_CAT_ZH, LQ_CAT_EN, LQ_YES, LQ_NO, LQ_UPDATED,
       LQ_PUBLISHED, LQ_EXCERPT, LQ_CUT };

/* The query of the page, validated. Invalid values count as absent (a
 * filter link from an old page must not break the list). */
struct kb_filter {
	const char *q;          /* "" none; as typed, trimmed */
	const char *match;      /* search_query() of q, NULL when no searchable token */
	const char *kind;       /* "" all */
	const char *category;   /* "" all, else the id as text */
	long long   category_id;
	const char *tag;        /* "" all; normalised */
	long long   page;       /* 1.. */
};

/* Query keys of the page and their validation. */
static void
kb_filter_read(struct req *r, const struct db_res *cats, struct kb_filter *f)
{
	const char *v, *problem;
	int idx;

	memset(f, 0, sizeof(*f));
	f->q = valid_trim(r->a, req_query(r, "q"));
	if (valid_text(f->q, 100, 0, 0) != NULL)
		f->q = "";
	f->match = *f->q != '\0' ? search_query(r->a, f->q) : NULL;
	v = req_query(r, "kind");
	f->kind = valid_choice(v, kb_kinds, &idx) == NULL ? kb_kinds[idx] : "";
	v = valid_trim(r->a, req_query(r, "category"));
	f->category = kb_check_category(v, cats, 0, &f->category_id) == NULL ? v : "";
	v = valid_trim(r->a, req_query(r, "tag"));
	f->tag = valid_text(v, KB_TAG_MAX, 0, 0) == NULL ? kb_tags_normalise(r->a, v, &problem) : NULL;
	if (f->tag == NULL || strchr(f->tag, ',') != NULL)
		f->tag = "";
	if (valid_int(req_query(r, "page"), 1, KB_MAX_PAGE, &f->page) != NULL)
		f->page = 1;
}

/* The link to another page of the same list. */
static const char *
page_href(struct req *r, const struct kb_filter *f, long long page)
{
	return arena_printf(r->a, "/desk/kb?q=%s&kind=%s&category=%s&tag=%s&page=%lld",
	    url_encode(r->a, f->q), f->kind, f->category, url_encode(r->a, f->tag), page);
}

static void
fill_rows(struct req *r, tmpl_dict *d, const struct db_res *res, size_t n)
{
	int en = strcmp(r->lang, "en") == 0;
	size_t i;

	for (i = 0; i < n; i++) {
		tmpl_dict *row = tmpl_add_section(d, "ARTICLE");
		const char *cat = db_gets(res, i, en ? LQ_CAT_EN : LQ_CAT_ZH);
		const char *tags = db_gets(res, i, LQ_TAGS);

		tmpl_set(row, "ID", db_gets(res, i, LQ_ID));
		tmpl_set(row, "TITLE", db_gets(res, i, LQ_TITLE));
		tmpl_set(row, "KIND", db_gets(res, i, LQ_KIND));
		tmpl_set(row, "KIND_LABEL", i18n(r->lang, arena_printf(r->a, "K_KIND_%s",
		    db_gets(res, i, LQ_KIND))));
		tmpl_set(row, "EXCERPT", db_gets(res, i, LQ_EXCERPT));
		tmpl_set(row, "YES", db_gets(res, i, LQ_YES));
		tmpl_set(row, "NO", db_gets(res, i, LQ_NO));
		tmpl_set(row, "UPDATED", fmt_local_time(r->a, db_get(res, i, LQ_UPDATED)));
		if (*cat != '\0')
			tmpl_set(tmpl_add_section(row, "CATEGORY"), "TEXT", cat);
		if (*tags != '\0')
			tmpl_set(tmpl_add_section(row, "TAGS"), "TEXT", tags);
		if (db_get_int(res, i, LQ_PUBLISHED) == 0)
			tmpl_show_section(row, "DRAFT");
		if (db_get_int(res, i, LQ_CUT) != 0)
			tmpl_show_section(row, "CUT");
	}
}

/* Run the list query of f (one row more than a page, to know of a next). */
static enum db_rc
kb_list_query(struct req *r, const struct kb_filter *f, struct db_res **res)
{
	long long writer = kb_may_write(r), limit = KB_PAGE_SIZE + 1;
	long long offset = (f->page - 1) * KB_PAGE_SIZE;

	if (f->match != NULL)
		return db_query(r->a, &q_search, res, "sissiisssii", f->match, writer, f->kind,
		    f->kind, f->category_id, f->category_id, f->tag, f->tag, f->match, limit,
		    offset);
	return db_query(r->a, &q_latest, res, "issiissii", writer, f->kind, f->kind,
	    f->category_id, f->category_id, f->tag, f->tag, limit, offset);
}

int
kb_list_get(struct req *r)
{
	struct db_res *cats, *res;
	struct kb_filter f;
	tmpl_dict *d;
	size_t n;

	if (kb_categories(r->a, 0, &cats) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	kb_filter_read(r, cats, &f);
	if (*f.q != '\0' && f.match == NULL) {
		res = NULL;      /* nothing searchable in q: no result */
	} else if (kb_list_query(r, &f, &res) != DB_OK) {
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	d = page_dict(r, "K_KB_TITLE");
	tmpl_set(d, "Q", f.q);
	tmpl_set(d, "TAG", f.tag);
	kb_fill_kinds(r, d, "KIND_OPTION", f.kind);
	kb_fill_categories(r, d, "CATEGORY_OPTION", cats, f.category);
	if (kb_may_write(r))
		tmpl_show_section(d, "CAN_WRITE");
	n = res != NULL ? res->nrows : 0;
	if (n > KB_PAGE_SIZE)
		tmpl_set(tmpl_add_section(d, "NEXT_PAGE"), "HREF", page_href(r, &f, f.page + 1));
	if (f.page > 1)
		tmpl_set(tmpl_add_section(d, "PREV_PAGE"), "HREF", page_href(r, &f, f.page - 1));
	if (n > KB_PAGE_SIZE)
		n = KB_PAGE_SIZE;
	if (n == 0)
		tmpl_show_section(d, *f.q != '\0' || *f.kind != '\0' || *f.category != '\0' ||
		    *f.tag != '\0' ? "NO_MATCH" : "EMPTY");
	else
		fill_rows(r, d, res, n);
	if (f.match != NULL)
		tmpl_show_section(d, "SEARCHED");
	return resp_page(r, 200, "desk/kb_list.tpl", d);
}
