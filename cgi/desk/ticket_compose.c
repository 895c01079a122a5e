/* Composing a reply without JavaScript: POST /desk/tickets/<id>/compose
 * inserts a canned reply (placeholders filled in for the ticket,
 * cgi/service/canned.h) or a knowledge article's text or link into what
 * is already in the reply box, and answers the ticket page again (200)
 * with the result in the box, in focus. Nothing is stored: the agent
 * edits the text and sends it with the reply form. The buttons that lead
 * here are buttons of the reply form (formaction), so the text typed so
 * far comes along; static/js/compose.js inserts a canned reply in place
 * without the round trip.
 *   insert=canned&canned=<id>   a canned reply (active ones only)
 *   kb_text=<id>                the title and text of a published article
 *   kb_link=<id>                its title and the absolute link of its page
 *                               (a staff page: for notes to colleagues)
 * A choice missing or gone, or a result over the reply's length: 422
 * with the message at the reply form and the typed text kept. */
#include "ticket_page.h"
#include "desk.h"
#include "arena.h"
#include "canned.h"
#include "config.h"
#include "db.h"
#include "db_cache.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <string.h>
#include <time.h>

#define COMPOSE_MAX_CHARS  4000   /* as the reply itself (ticket_actions.c) */
#define CANNED_LIST_TTL    300    /* seconds: bounds what the version cannot see */

/* At most 200 shown. The list is kept by the worker while the
 * canned_version read with the ticket (desk_ticket.canned_version) stays
 * the same: triggers bump it on every change of canned_replies
 * (migration 040). */
static struct db_q q_canned_list = DB_Q(
    "SELECT id, title, body FROM canned_replies WHERE active = 1 ORDER BY title LIMIT 200");
static struct db_cache canned_list = DB_CACHE(&q_canned_list, CANNED_LIST_TTL);
static struct db_q q_canned_one = DB_Q(
    "SELECT body FROM canned_replies WHERE id = ? AND active = 1");
static struct db_q q_kb_one = DB_Q(
    "SELECT title, body, kind <> 'faq' FROM kb_articles WHERE id = ? AND published = 1");

int
ticket_compose_section(struct req *r, tmpl_dict *d, const struct desk_ticket *t, int kept)
{
	const struct db_res *res;
	const char *want = kept ? req_form(r, "canned") : NULL;
	tmpl_dict *c;
	size_t i;

	/* Without a version (the ticket not read with it) the list is read afresh. */
	if (t->canned_version < 0)
		db_cache_forget(&canned_list);
	if (db_cache_get(&canned_list, t->canned_version, time(NULL), &res) != DB_OK)
		return -1;
	if (res->nrows == 0)
		return 0;
	c = tmpl_add_section(d, "CANNED");
	for (i = 0; i < res->nrows; i++) {
		tmpl_dict *o = tmpl_add_section(c, "CANNED_OPT");

		tmpl_set(o, "VALUE", db_gets(res, i, 0));
		tmpl_set(o, "LABEL", db_gets(res, i, 1));
		tmpl_set(o, "TEXT", canned_fill(r->a, db_gets(res, i, 2), t->customer, t->number));
		if (want != NULL && strcmp(want, db_gets(res, i, 0)) == 0)
			tmpl_show_section(o, "SELECTED");
	}
	return 0;
}

/* The absolute URL of path: the configured base_url, else the scheme and
 * Host of the request (as the tracking page's link). Arena. */
static const char *
compose_url(struct req *r, const char *path)
{
	size_t bl = strlen(cfg.base_url);

	if (bl > 0 && cfg.base_url[bl - 1] == '/')
		bl--;
	if (bl > 0)
		return arena_printf(r->a, "%.*s%s", (int)bl, cfg.base_url, path);
	return arena_printf(r->a, "%s://%s%s", r->https ? "https" : "http",
	    r->host != NULL ? r->host : "localhost", path);
}

/* An id field of the form into *id: 1 when it is a positive integer. */
static int
compose_id(struct req *r, const char *field, long long *id)
{
	return valid_int(req_form(r, field), 1, LLONG_MAX, id) == NULL;
}

/* The text to insert into *text: NULL, or the catalog key of the problem
 * (a 422), or "" when the database failed (a 503). */
static const char *
compose_text(struct req *r, const struct desk_ticket *t, const char **text, int *internal)
{
	struct db_res *res;
	long long id;
	int link = 0;

	*internal = 0;

	if (req_form(r, "kb_text") != NULL || (link = req_form(r, "kb_link") != NULL)) {
		if (!compose_id(r, link ? "kb_link" : "kb_text", &id))
			return "T_ERR_KB_GONE";
		if (db_query(r->a, &q_kb_one, &res, "i", id) != DB_OK)
			return "";
		if (res->nrows != 1)
			return "T_ERR_KB_GONE";
		*text = link ? arena_printf(r->a, "%s%s%s", db_gets(res, 0, 0),
		    i18n(r->lang, "T_COLON"), compose_url(r, arena_printf(r->a, "/desk/kb/%lld", id))) :
		    arena_printf(r->a, "%s\n%s", db_gets(res, 0, 0), db_gets(res, 0, 1));
		/* a case's or an SOP's text is for staff: the box turns internal
		 * (the staff link of any article too: customers cannot open it) */
		*internal = link || db_get_int(res, 0, 2) != 0;
		return NULL;
	}
	if (req_form(r, "canned") == NULL || *req_form(r, "canned") == '\0')
		return "T_ERR_CANNED_CHOOSE";
	if (!compose_id(r, "canned", &id))
		return "T_ERR_CANNED_GONE";
	if (db_query(r->a, &q_canned_one, &res, "i", id) != DB_OK)
		return "";
	if (res->nrows != 1)
		return "T_ERR_CANNED_GONE";
	*text = canned_fill(r->a, db_gets(res, 0, 0), t->customer, t->number);
	return NULL;
}

int
ticket_compose_post(struct req *r)
{
	struct desk_ticket t;
	const char *body = req_form(r, "body"), *problem, *text = NULL, *out;
	int internal;

	if (!desk_action_ticket(r, &t))
		return 0;
	if ((problem = valid_text(body, COMPOSE_MAX_CHARS, 0, 1)) != NULL)
		return ticket_page_send(r, &t, 422, "reply", strcmp(problem, "ERR_TOO_LONG") == 0 ?
		    "T_ERR_BODY_LONG" : "T_ERR_BODY_INVALID", 0);
	if ((problem = compose_text(r, &t, &text, &internal)) != NULL) {
		if (*problem == '\0')
			return resp_error(r, 503, "ERR_DB_DOWN");
		return ticket_page_send(r, &t, 422, "reply", problem, 0);
	}
	out = canned_append(r->a, body, text);
	if (utf8_chars(out) > COMPOSE_MAX_CHARS)
		return ticket_page_send(r, &t, 422, "reply", "T_ERR_COMPOSE_LONG", 0);
	return ticket_page_send_composed(r, &t, out, internal);
}
