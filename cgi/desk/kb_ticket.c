/* Knowledge finds the person: the articles matching a ticket, for the
 * ticket page (kb_ticket_section, snippet desk/kb_ticket.tpl) and on their
 * own page GET /desk/tickets/<id>/kb.
 *
 * The ticket's product and description are turned into search tokens
 * (search_tokens(), the same as the articles' search_text); the distinct
 * tokens, OR-ed (no '+': BOOLEAN MODE then ranks by how many and how rare
 * the matched tokens are), are matched against the published articles of
 * the ticket's category and those of no category. Best match first, then
 * the most helpful.
 *
 * The result is stored per ticket (table ticket_kb_matches, migration
 * 040) with what it was computed from: the articles' kb_version (bumped by
 * triggers on every change of kb_articles, votes included), the ticket's
 * category and the query. The ticket page's own row carries the stored
 * match; it is shown while those three are still the same, so a view of
 * a ticket costs no FULLTEXT match, and any change to the articles or to
 * the ticket's text or category shows on the next view. */
#include "kb.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "search.h"
#include "ticket_page.h"
#include "tmpl.h"

#include <stdlib.h>
#include <string.h>

/* The same columns as desk_ticket_cols(DESK_COLS_KB), in its order. */
static struct db_q q_ticket_text = DB_Q(
    "SELECT t.product, t.description, t.category_id,"
    " (SELECT CAST(s.value AS SIGNED) FROM settings s WHERE s.name = 'kb_version'),"
    " k.kb_version, k.category_id, k.query, k.matches"
    " FROM tickets t LEFT JOIN ticket_kb_matches k ON k.ticket_id = t.id WHERE t.id = ?");
static struct db_q q_store = DB_Q(
    "INSERT INTO ticket_kb_matches (ticket_id, kb_version, category_id, query, matches)"
    " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE kb_version = VALUES(kb_version),"
    " category_id = VALUES(category_id), query = VALUES(query), matches = VALUES(matches)");
static struct db_q q_match = DB_Q(
    "SELECT a.id, a.kind, a.title, a.helpful_yes, a.helpful_no"
    " FROM kb_articles a"
    " WHERE MATCH(a.search_text) AGAINST (? IN BOOLEAN MODE) AND a.published = 1"
    " AND (a.category_id = ? OR a.category_id IS NULL)"
    " ORDER BY MATCH(a.search_text) AGAINST (? IN BOOLEAN MODE) DESC,"
    " CAST(a.helpful_yes AS SIGNED) - CAST(a.helpful_no AS SIGNED) DESC, a.id DESC"
    " LIMIT ?");

enum { MQ_ID, MQ_KIND, MQ_TITLE, MQ_YES, MQ_NO };
enum { KC_PRODUCT, KC_DESCRIPTION, KC_CATEGORY, KC_KB_VERSION, KC_SAVED_VERSION, KC_SAVED_CAT,
       KC_SAVED_QUERY, KC_SAVED_MATCHES, KC__MAX };

/* One suggested article as the card shows it (strings in the arena). */
struct kb_hit {
	long long   id, yes, no;
	const char *kind, *title;
};

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

/* The stored form of hits: each "<id> <kind> <yes> <no> <bytes>:<title>"
 * (the title's length in bytes, so it may hold any character). Arena. */
static char *
kb_hits_encode(struct arena *a, const struct kb_hit *h, size_t n)
{
	char *out = arena_printf(a, "%s", "");
	size_t i;

	for (i = 0; i < n; i++)
		out = arena_printf(a, "%s%lld %s %lld %lld %zu:%s", out, h[i].id, h[i].kind,
		    h[i].yes, h[i].no, strlen(h[i].title), h[i].title);
	return out;
}

/* Read at most max hits from s (kb_hits_encode's form) into h: their
 * number, or -1 when s is not of that form (the match is made again).
 * The strings point into a copy of s in the arena. */
static int
kb_hits_decode(struct arena *a, const char *s, struct kb_hit *h, int max)
{
	char *p = arena_printf(a, "%s", s), *end;
	int n = 0;

	while (*p != '\0') {
		unsigned long long len;

		if (n == max)
			return -1;
		h[n].id = strtoll(p, &end, 10);
		if (end == p || *end != ' ' || h[n].id <= 0)
			return -1;
		h[n].kind = p = end + 1;
		if ((end = strchr(p, ' ')) == NULL)
			return -1;
		*end = '\0';
		p = end + 1;
		h[n].yes = strtoll(p, &end, 10);
		if (end == p || *end != ' ')
			return -1;
		p = end + 1;
		h[n].no = strtoll(p, &end, 10);
		if (end == p || *end != ' ')
			return -1;
		p = end + 1;
		len = strtoull(p, &end, 10);
		if (end == p || *end != ':' || len > strlen(end + 1))
			return -1;
		h[n].title = arena_printf(a, "%.*s", (int)len, end + 1);
		p = end + 1 + len;
		n++;
	}
	return n;
}

/* The FULLTEXT match of query in category cat into h (at most
 * KB_MATCHES_MAX): their number, or -1 when the database failed. */
static int
kb_match(struct req *r, const char *query, long long cat, struct kb_hit *h)
{
	struct db_res *res;
	size_t i;

	if (db_query(r->a, &q_match, &res, "sisi", query, cat, query,
	    (long long)KB_MATCHES_MAX) != DB_OK)
		return -1;
	for (i = 0; i < res->nrows && i < KB_MATCHES_MAX; i++) {
		h[i].id = db_get_int(res, i, MQ_ID);
		h[i].kind = db_gets(res, i, MQ_KIND);
		h[i].title = db_gets(res, i, MQ_TITLE);
		h[i].yes = db_get_int(res, i, MQ_YES);
		h[i].no = db_get_int(res, i, MQ_NO);
	}
	return (int)i;
}

/* The hits of ticket row t (KC_* columns) for query: the stored ones when
 * they were computed from the same articles' version, category and query,
 * else matched again and stored. Their number, or -1 (database down). */
static int
kb_hits(struct req *r, long long ticket_id, const struct db_res *t, const char *query,
    struct kb_hit *h)
{
	long long cat = db_get_int(t, 0, KC_CATEGORY);
	const char *kbv = db_get(t, 0, KC_KB_VERSION), *saved = db_get(t, 0, KC_SAVED_MATCHES);
	int n;

	if (kbv != NULL && saved != NULL &&
	    strcmp(kbv, db_gets(t, 0, KC_SAVED_VERSION)) == 0 &&
	    db_get_int(t, 0, KC_SAVED_CAT) == cat &&
	    strcmp(db_gets(t, 0, KC_SAVED_QUERY), query) == 0 &&
	    (n = kb_hits_decode(r->a, saved, h, KB_MATCHES_MAX)) >= 0)
		return n;
	if ((n = kb_match(r, query, cat, h)) < 0)
		return -1;
	/* Stored under the version read before the match: an article
	 * changed in between only makes the next view match again. A
	 * failed store costs nothing but that. */
	if (kbv != NULL)
		(void)db_exec(&q_store, NULL, "iiiss", ticket_id, db_get_int(t, 0, KC_KB_VERSION),
		    cat, query, kb_hits_encode(r->a, h, (size_t)n));
	return n;
}

/* The matches into d; insert: each with the buttons that insert it into
 * the reply box of the ticket page (section INSERT). */
static int
kb_matches_fill(struct req *r, tmpl_dict *d, long long ticket_id, int insert)
{
	struct db_res *t;
	struct kb_hit h[KB_MATCHES_MAX];
	const char *query;
	int i, n;

	/* The ticket page's own row has the text; read it only otherwise. */
	if ((t = desk_ticket_cols(r, ticket_id, DESK_COLS_KB, KC__MAX)) == NULL &&
	    db_query(r->a, &q_ticket_text, &t, "i", ticket_id) != DB_OK)
		goto down;
	if (t->nrows != 1 || (query = kb_or_query(r->a, arena_printf(r->a, "%s %s",
	    db_gets(t, 0, KC_PRODUCT), db_gets(t, 0, KC_DESCRIPTION)))) == NULL) {
		tmpl_show_section(d, "KB_NONE");
		return 0;
	}
	if ((n = kb_hits(r, ticket_id, t, query, h)) < 0)
		goto down;
	if (n == 0)
		tmpl_show_section(d, "KB_NONE");
	for (i = 0; i < n; i++) {
		tmpl_dict *m = tmpl_add_section(d, "KB_MATCHES");

		tmpl_set_int(m, "ID", h[i].id);
		tmpl_set(m, "TITLE", h[i].title);
		tmpl_set(m, "KIND", h[i].kind);
		tmpl_set(m, "KIND_LABEL", i18n(r->lang, arena_printf(r->a, "K_KIND_%s", h[i].kind)));
		tmpl_set_int(m, "YES", h[i].yes);
		tmpl_set_int(m, "NO", h[i].no);
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
