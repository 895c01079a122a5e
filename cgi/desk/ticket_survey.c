/* The customer's rating on the desk ticket page: score, label, comment
 * and when, so the staff read what the customer said where they work
 * (the survey itself: cgi/intake/survey.c). */
#include "desk.h"
#include "ticket_page.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "fmt.h"
#include "i18n.h"
#include "tmpl.h"

static struct db_q q_survey = DB_Q(
    "SELECT rating, COALESCE(comment, ''), created_at FROM surveys WHERE ticket_id = ?");

int
ticket_survey_section(struct req *r, tmpl_dict *d, long long ticket_id)
{
	struct db_res *res;
	tmpl_dict *card;
	long long rating;
	const char *comment;

	if (!desk_ticket_may_have(r, ticket_id, DESK_HAS_SURVEY))
		return 0;
	if (db_query(r->a, &q_survey, &res, "i", ticket_id) != DB_OK)
		return -1;
	if (res->nrows == 0)
		return 0;
	rating = db_get_int(res, 0, 0);
	comment = db_gets(res, 0, 1);
	card = tmpl_add_section(d, "SURVEY");
	tmpl_set_int(card, "RATING", rating);
	tmpl_set(card, "RATING_LABEL", i18n(r->lang, arena_printf(r->a, "SURVEY_R%lld", rating)));
	tmpl_set(card, "RATING_CLASS", rating <= 2 ? "bad" : rating >= 4 ? "ok" : "warn");
	tmpl_set(card, "AT", fmt_local_time(r->a, db_gets(res, 0, 2)));
	if (*comment != '\0')
		tmpl_set(tmpl_add_section(card, "SURVEY_COMMENT"), "TEXT", comment);
	else
		tmpl_show_section(card, "SURVEY_NO_COMMENT");
	return 0;
}
