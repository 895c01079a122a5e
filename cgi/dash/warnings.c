/* "Recent warnings" of GET /dash/: the tickets most recently flagged by
 * the complaint keyword rules in the period and filters, each with its
 * latest warning (the phrases that matched that text, its source, when).
 * The number links to the desk ticket only for roles that may open it
 * (the desk's route flags: not viewers). Markup: templates/dash/warnings.tpl. */
#include "dash.h"
#include "arena.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "route.h"
#include "tmpl.h"

#include <string.h>

#define DASH_WARNINGS 10

/* The latest flag of each ticket flagged in [?, ?) of the slice, newest
 * first: walks ix_flags_at backwards; a flag counts when no later one of
 * its ticket (before the period's end) exists. Its phrases: every rule
 * that matched the same text (same ticket, source and time). */
static struct db_q q_warnings = DB_Q(
    "SELECT t.id, t.number, f.source, f.at,"
    " (SELECT GROUP_CONCAT(k.phrase ORDER BY g.id SEPARATOR ' / ') FROM ticket_flags g"
    " JOIN keyword_rules k ON k.id = g.rule_id WHERE g.ticket_id = f.ticket_id"
    " AND g.source = f.source AND g.at = f.at)"
    " FROM ticket_flags f JOIN tickets t ON t.id = f.ticket_id"
    " WHERE f.at >= FROM_UNIXTIME(?) AND f.at < FROM_UNIXTIME(?)"
    " AND (? = 0 OR t.category_id = ?) AND (? = 0 OR t.team_id = ?)"
    " AND (? = '' OR t.channel = ?)"
    " AND NOT EXISTS (SELECT 1 FROM ticket_flags h WHERE h.ticket_id = f.ticket_id"
    " AND h.at < FROM_UNIXTIME(?) AND (h.at > f.at OR (h.at = f.at AND h.id > f.id)))"
    " ORDER BY f.at DESC, f.id DESC LIMIT ?");

enum { WC_ID, WC_NUMBER, WC_SOURCE, WC_AT, WC_PHRASES };

enum db_rc
dash_warnings_fill(struct req *r, tmpl_dict *d, const struct dash_query *q)
{
	int link = r->user != NULL && (ROLES_DESK & ROLE_BIT(r->user->role)) != 0;
	struct db_res *res;
	tmpl_dict *t;
	enum db_rc rc;
	size_t i;

	rc = db_query(r->a, &q_warnings, &res, "iiiiiissiI", q->cur.from, q->cur.to,
	    q->category, q->category, q->team, q->team, q->channel, q->channel, q->cur.to,
	    DASH_WARNINGS);
	if (rc != DB_OK)
		return rc;
	t = tmpl_add_include(d, "WARNINGS", "dash/warnings.tpl");
	for (i = 0; i < res->nrows; i++) {
		tmpl_dict *row = tmpl_add_section(t, "WARNING");
		tmpl_dict *num = tmpl_add_section(row, link ? "NUMBER_LINK" : "NUMBER_TEXT");
		tmpl_set(num, "ID", db_gets(res, i, WC_ID));
		tmpl_set(num, "NUMBER", db_gets(res, i, WC_NUMBER));
		tmpl_set(row, "PHRASES", db_gets(res, i, WC_PHRASES));
		tmpl_set(row, "SOURCE", i18n(r->lang, arena_printf(r->a, "D_FLAG_SRC_%s",
		    db_gets(res, i, WC_SOURCE))));
		tmpl_set(row, "AT", fmt_local_time(r->a, db_gets(res, i, WC_AT)));
	}
	if (res->nrows == 0)
		tmpl_show_section(t, "EMPTY");
	return DB_OK;
}
