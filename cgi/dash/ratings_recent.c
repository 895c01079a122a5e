/* "Recent ratings" of GET /dash/: the newest surveys in the period and
 * filters with the customer's own words, so a CSAT figure can be read
 * next to what customers actually said. The number links to the desk
 * ticket only for roles that may open it (not viewers).
 * Markup: templates/dash/ratings_recent.tpl. */
#include "dash.h"
#include "arena.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "route.h"
#include "tmpl.h"

#define DASH_RECENT_RATINGS 10
#define DASH_LOW_RATING     2   /* at most this: shown as a bad rating */

/* Walks ix_surveys_created backwards within the period. */
static struct db_q q_recent = DB_Q(
    "SELECT t.id, t.number, s.rating, COALESCE(s.comment, ''), s.created_at,"
    " COALESCE(u.name, '')"
    " FROM surveys s JOIN tickets t ON t.id = s.ticket_id"
    " LEFT JOIN users u ON u.id = t.assignee_id"
    " WHERE s.created_at >= FROM_UNIXTIME(?) AND s.created_at < FROM_UNIXTIME(?)"
    " AND (? = 0 OR t.category_id = ?) AND (? = 0 OR t.team_id = ?)"
    " AND (? = '' OR t.channel = ?)"
    " ORDER BY s.created_at DESC, s.id DESC LIMIT ?");

enum { RC_ID, RC_NUMBER, RC_RATING, RC_COMMENT, RC_AT, RC_TECH };

static void
fill_rating(struct req *r, tmpl_dict *row, const struct db_res *res, size_t i, int link)
{
	tmpl_dict *num = tmpl_add_section(row, link ? "NUMBER_LINK" : "NUMBER_TEXT");
	long long rating = db_get_int(res, i, RC_RATING);
	const char *comment = db_gets(res, i, RC_COMMENT), *tech = db_gets(res, i, RC_TECH);

	tmpl_set(num, "ID", db_gets(res, i, RC_ID));
	tmpl_set(num, "NUMBER", db_gets(res, i, RC_NUMBER));
	tmpl_set_int(row, "RATING", rating);
	tmpl_set(row, "RATING_LABEL", i18n(r->lang, arena_printf(r->a, "SURVEY_R%lld", rating)));
	tmpl_set(row, "RATING_CLASS", rating <= DASH_LOW_RATING ? "bad" : rating >= 4 ? "ok" : "warn");
	if (*comment != '\0')
		tmpl_set(tmpl_add_section(row, "COMMENT"), "TEXT", comment);
	else
		tmpl_show_section(row, "NO_COMMENT");
	tmpl_set(row, "TECH", *tech != '\0' ? tech : i18n(r->lang, "D_NO_ASSIGNEE"));
	tmpl_set(row, "AT", fmt_local_time(r->a, db_gets(res, i, RC_AT)));
}

enum db_rc
dash_recent_ratings_fill(struct req *r, tmpl_dict *d, const struct dash_query *q)
{
	int link = r->user != NULL && (ROLES_DESK & ROLE_BIT(r->user->role)) != 0;
	struct db_res *res;
	tmpl_dict *t;
	enum db_rc rc;
	size_t i;

	rc = db_query(r->a, &q_recent, &res, "iiiiiissI", q->cur.from, q->cur.to,
	    q->category, q->category, q->team, q->team, q->channel, q->channel,
	    DASH_RECENT_RATINGS);
	if (rc != DB_OK)
		return rc;
	t = tmpl_add_include(d, "RECENT_RATINGS", "dash/ratings_recent.tpl");
	for (i = 0; i < res->nrows; i++)
		fill_rating(r, tmpl_add_section(t, "RATING_ROW"), res, i, link);
	if (res->nrows == 0)
		tmpl_show_section(t, "EMPTY");
	return DB_OK;
}
