/* Knowledge finds the person: the articles matching a ticket, for the
 * ticket page (kb_ticket_section, snippet desk/kb_ticket.tpl) and on their
 * own page GET /desk/tickets/<id>/kb.
 *
 * The ticket's product and description are turned into search tokens
 * (search_tokens(), the same as the articles' search_text); the distinct
 * tokens, OR-ed (no '+': BOOLEAN MODE then ranks by how many and how rare
 * the matched tokens are), are matched against the published articles of
 * the ticket's category and those of no category. Best match first, then
 * the most helpful. */
#include "kb.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "search.h"
#include "ticket_page.h"
#include "tmpl.h"

#include <string.h>

static struct db_q q_ticket_text = DB_Q(
    "SELECT product, description, category_id FROM tickets WHERE id = ?");
static struct db_q q_match = DB_Q(
    "SELECT a.id, a.kind, a.title, a.helpful_yes, a.helpful_no"
    " FROM kb_articles a"
    " WHERE MATCH(a.search_text) AGAINST (? IN BOOLEAN MODE) AND a.published = 1"
    " AND (a.category_id = ? OR a.category_id IS NULL)"
    " ORDER BY MATCH(a.search_text) AGAINST (? IN BOOLEAN MODE) DESC,"
    " CAST(a.helpful_yes AS SIGNED) - CAST(a.helpful_no AS SIGNED) DESC, a.id DESC"
    " LIMIT ?");

enum { MQ_ID, MQ_KIND, MQ_TITLE, MQ_YES, MQ_NO };

/* The distinct tokens of text, at most KB_MATCH_MAX_TOKENS, space-separated
 * (an OR query for BOOLEAN MODE); NULL when there is none. Arena. */
static char *
kb_or_query(struct arena *a, const char *text)
{
	char *toks = search_tokens(a, text), *out, *save = NULL, *t;
	size_t len = 0;
	int n = 0;

	out = arena_alloc(a, strlen(toks) + 2);
	out[0] = '\0';
	for (t = strtok_r(toks, " ", &save); t != NULL && n < KB_MATCH_MAX_TOKENS;
	    t = strtok_r(NULL, " ", &save)) {
		size_t tl = strlen(t);
		const char *p = out;
		int seen = 0;

		while (!seen && (p = strstr(p, t)) != NULL) {
			seen = (p == out || p[-1] == ' ') && (p[tl] == ' ' || p[tl] == '\0');
			p += tl;
		}
		if (seen)
			continue;
		if (len > 0)
			out[len++] = ' ';
		memcpy(out + len, t, tl + 1);
		len += tl;
		n++;
	}
	return n > 0 ? out : NULL;
}

/* The matches into d; insert: each with the buttons that insert it into
 * the reply box of the ticket page (section INSERT). */
static int
kb_matches_fill(struct req *r, tmpl_dict *d, long long ticket_id, int insert)
{
	struct db_res *t, *res;
	const char *query;
	size_t i;

	/* The ticket page's own row has the text; read it only otherwise. */
	if ((t = desk_ticket_cols(r, ticket_id, DESK_COLS_KB, 3)) == NULL &&
	    db_query(r->a, &q_ticket_text, &t, "i", ticket_id) != DB_OK)
		goto down;
	if (t->nrows != 1 || (query = kb_or_query(r->a, arena_printf(r->a, "%s %s",
	    db_gets(t, 0, 0), db_gets(t, 0, 1)))) == NULL) {
		tmpl_show_section(d, "KB_NONE");
		return 0;
	}
	if (db_query(r->a, &q_match, &res, "sisi", query, db_get_int(t, 0, 2), query,
	    (long long)KB_MATCHES_MAX) != DB_OK)
		goto down;
	if (res->nrows == 0)
		tmpl_show_section(d, "KB_NONE");
	for (i = 0; i < res->nrows; i++) {
		tmpl_dict *m = tmpl_add_section(d, "KB_MATCHES");

		tmpl_set(m, "ID", db_gets(res, i, MQ_ID));
		tmpl_set(m, "TITLE", db_gets(res, i, MQ_TITLE));
		tmpl_set(m, "KIND", db_gets(res, i, MQ_KIND));
		tmpl_set(m, "KIND_LABEL", i18n(r->lang, arena_printf(r->a, "K_KIND_%s",
		    db_gets(res, i, MQ_KIND))));
		tmpl_set(m, "YES", db_gets(res, i, MQ_YES));
		tmpl_set(m, "NO", db_gets(res, i, MQ_NO));
		if (insert)
			tmpl_set_int(tmpl_add_section(m, "INSERT"), "TICKET_ID", ticket_id);
	}
	return 0;
down:
	tmpl_show_section(d, "KB_DOWN");
	return -1;
}

int
kb_ticket_section(struct req *r, tmpl_dict *d, long long ticket_id)
{
	return kb_matches_fill(r, d, ticket_id, 0);
}

int
kb_ticket_section_insert(struct req *r, tmpl_dict *d, long long ticket_id)
{
	return kb_matches_fill(r, d, ticket_id, 1);
}

int
kb_ticket_get(struct req *r)
{
	struct desk_ticket t;
	long long id;
	tmpl_dict *d;

	if (!desk_ticket_id(r, &id))
		return resp_error(r, 404, "ERR_NOT_FOUND");
	switch (desk_ticket_load(r, id, &t)) {
	case TLOAD_OK:
		break;
	case TLOAD_NOT_FOUND:
		return resp_error(r, 404, "ERR_NOT_FOUND");
	default:
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	d = page_dict(r, "K_TICKET_KB_TITLE");
	tmpl_set_global(d, "PAGE_TITLE", arena_printf(r->a, "%s · %s", t.number,
	    i18n(r->lang, "K_TICKET_KB_TITLE")));
	tmpl_set_int(d, "TICKET_ID", t.id);
	tmpl_set(d, "NUMBER", t.number);
	if (kb_ticket_section(r, tmpl_add_include(d, "KB_TICKET", "desk/kb_ticket.tpl"), t.id) != 0)
		return resp_page(r, 503, "desk/kb_ticket_page.tpl", d);
	return resp_page(r, 200, "desk/kb_ticket_page.tpl", d);
}
