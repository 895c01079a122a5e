/* The field work on the customer's tracking page: the agreed visit window
 * ("预约上门时间:12月5日 14:00–16:00") and, once the repair is done and
 * nobody signed for it on site, the customer's confirmation
 * (POST /track/<code>/confirm, once, CSRF like the reply form, a ticket
 * event). Template: templates/intake/track_field.tpl, included by
 * track.tpl. */
#include "intake.h"
#include "appointment.h"
#include "arena.h"
#include "db.h"
#include "flash.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"

#include <string.h>

static struct db_q q_field = DB_Q(
    "SELECT status, COALESCE(UNIX_TIMESTAMP(appt_start), 0), COALESCE(UNIX_TIMESTAMP(appt_end), 0),"
    " customer_confirmed_at IS NOT NULL, COALESCE(confirmed_by, '')"
    " FROM tickets WHERE id = ?");
static struct db_q q_by_code = DB_Q(
    "SELECT id FROM tickets WHERE track_code = ?");

enum { TF_STATUS, TF_START, TF_END, TF_CONFIRMED, TF_BY };

int
track_field_fill(struct req *r, tmpl_dict *d, long long id, const char *code)
{
	struct db_res *f;
	tmpl_dict *x = tmpl_add_include(d, "TRACK_FIELD", "intake/track_field.tpl");
	enum ticket_status s;
	long long start, end;

	if (db_query(r->a, &q_field, &f, "i", id) != DB_OK || f->nrows != 1)
		return -1;
	s = ticket_status_parse(db_gets(f, 0, TF_STATUS));
	start = db_get_int(f, 0, TF_START);
	end = db_get_int(f, 0, TF_END);
	tmpl_set(x, "CODE", code);
	flash_fill(r, x);
	/* The window matters while the visit is ahead or under way. */
	if (start > 0 && end > start && ticket_status_open(s))
		tmpl_set(tmpl_add_section(x, "APPT"), "TEXT",
		    appt_format(r->a, (time_t)start, (time_t)end, r->lang));
	if (db_get_int(f, 0, TF_CONFIRMED))
		tmpl_show_section(x, strcmp(db_gets(f, 0, TF_BY), "signature") == 0 ?
		    "CONFIRMED_SIG" : "CONFIRMED");
	else if (s == TS_RESOLVED || s == TS_CLOSED)
		tmpl_show_section(x, "CONFIRM_FORM");
	return 0;
}

int
track_confirm_post(struct req *r)
{
	struct db_res *res;

	if (!intake_code_lookup(r, &q_by_code, &res))
		return 0;
	switch (ticket_customer_confirm(r->a, db_get_int(res, 0, 0))) {
	case TK_OK:
		return resp_redirect(r, flash_url(r, arena_printf(r->a, "/track/%s", r->params[0]),
		    "confirmed"));
	case TK_CONFLICT:
		return resp_error(r, 409, "TRACK_ERR_CONFIRMED");
	case TK_BAD_TRANSITION:
		return resp_error(r, 409, "TRACK_ERR_NOT_RESOLVED");
	case TK_NOT_FOUND:
		return resp_error(r, 404, "TRACK_ERR_NOT_FOUND");
	case TK_DOWN:
		return resp_error(r, 503, "ERR_DB_DOWN");
	default:
		return resp_error(r, 500, "ERR_INTERNAL");
	}
}
