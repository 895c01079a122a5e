/* GET/POST /survey/<code>: the customer rates a resolved (or closed)
 * ticket, 1 to 5 with an optional comment, once. The code is the only
 * key, so the page shares the guessing limit and the same-origin referrer
 * policy and no-store headers of /track. Storing it (once, only while
 * resolved, with its milestone and the complaint rules over the comment)
 * is the domain's ticket_rate(). */
#include "intake.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "ticket.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

#define SURVEY_COMMENT_CHARS 1000

static struct db_q q_ticket = DB_Q(
    "SELECT t.id, t.number, t.status,"
    " (SELECT sv.rating FROM surveys sv WHERE sv.ticket_id = t.id)"
    " FROM tickets t WHERE t.track_code = ?");

enum { SV_COL_ID, SV_COL_NUMBER, SV_COL_STATUS, SV_COL_RATING };

/* What the page shows. */
enum survey_view {
	SV_FORM,        /* the questions */
	SV_DONE,        /* rated already: thanks */
	SV_NOT_YET,     /* not resolved: come back later */
};

struct survey_ticket {
	const char        *code;
	long long          id;
	const char        *number;
	enum ticket_status status;
	long long          rating;    /* 0 when not rated */
};

/* The form's two fields, trimmed; used only when both passed. */
struct survey_form {
	const char *rating;
	const char *comment;
	long long   value;
};

void
intake_fill_rating(struct req *r, tmpl_dict *d, long long rating)
{
	if (rating < 1 || rating > 5)
		return;
	tmpl_set_int(d, "RATING", rating);
	tmpl_set(d, "RATING_LABEL", i18n(r->lang, arena_printf(r->a, "SURVEY_R%lld", rating)));
}

static int
survey_allowed(enum ticket_status s)
{
	return s == TS_RESOLVED || s == TS_CLOSED;
}

/* Guessing limit and look-up. Returns 1 with t filled, or 0 when the
 * request has been answered (404/429/503). */
static int
survey_open(struct req *r, struct survey_ticket *t)
{
	struct db_res *res;

	if (!intake_code_lookup(r, &q_ticket, &res))
		return 0;
	t->code = r->params[0];
	t->id = db_get_int(res, 0, SV_COL_ID);
	t->number = db_gets(res, 0, SV_COL_NUMBER);
	t->status = ticket_status_parse(db_gets(res, 0, SV_COL_STATUS));
	t->rating = db_get_int(res, 0, SV_COL_RATING);
	return 1;
}

/* The five choices, best first; `kept` is the value sent back (or NULL). */
static void
survey_fill_options(struct req *r, tmpl_dict *d, const char *kept)
{
	long long n;

	for (n = 5; n >= 1; n--) {
		tmpl_dict *o = tmpl_add_section(d, "RATING_OPTION");
		const char *v = arena_printf(r->a, "%lld", n);

		tmpl_set(o, "VALUE", v);
		tmpl_set(o, "LABEL", i18n(r->lang, arena_printf(r->a, "SURVEY_R%lld", n)));
		if (kept != NULL && strcmp(kept, v) == 0)
			tmpl_show_section(o, "CHECKED");
	}
}

/* The page in one of its views; d may hold the problems of a submission. */
static int
survey_render(struct req *r, int status, const struct survey_ticket *t, tmpl_dict *d,
    enum survey_view view, const char *kept_rating)
{
	tmpl_set(d, "CODE", t->code);
	tmpl_set(d, "NUMBER", t->number);
	tmpl_set(d, "TRACK_HREF", arena_printf(r->a, "/track/%s", t->code));
	tmpl_set_int(d, "COMMENT_CHARS", SURVEY_COMMENT_CHARS);
	switch (view) {
	case SV_FORM:
		survey_fill_options(r, tmpl_add_section(d, "FORM"), kept_rating);
		break;
	case SV_DONE:
		tmpl_show_section(d, "DONE");
		if (t->rating > 0)   /* unknown when a concurrent submission won */
			intake_fill_rating(r, tmpl_add_section(d, "RATED"), t->rating);
		break;
	case SV_NOT_YET:
		tmpl_show_section(d, "NOT_YET");
		break;
	}
	return resp_page(r, status, "intake/survey.tpl", d);
}

int
survey_get(struct req *r)
{
	struct survey_ticket t;
	tmpl_dict *d;

	if (!survey_open(r, &t))
		return 0;
	d = page_dict(r, "SURVEY_TITLE");
	if (t.rating > 0)
		return survey_render(r, 200, &t, d, SV_DONE, NULL);
	if (!survey_allowed(t.status))
		return survey_render(r, 409, &t, d, SV_NOT_YET, NULL);
	return survey_render(r, 200, &t, d, SV_FORM, NULL);
}

/* Check both fields into fc; 1 when they passed. */
static int
survey_check(struct req *r, struct form_check *fc, struct survey_form *f)
{
	const char *problem;

	f->rating = valid_trim(r->a, req_form(r, "rating"));
	f->comment = valid_trim(r->a, req_form(r, "comment"));
	problem = valid_int(f->rating, 1, 5, &f->value);
	if (problem != NULL)
		problem = "SURVEY_ERR_RATING";
	intake_check(fc, "rating", "SURVEY_RATING", f->rating, problem);
	intake_check(fc, "comment", "SURVEY_COMMENT", f->comment,
	    valid_text(f->comment, SURVEY_COMMENT_CHARS, 0, 1));
	return fc->nerr == 0;
}

/* Store the survey (the domain runs the rules over its comment). */
static int
survey_save(struct req *r, struct survey_ticket *t, tmpl_dict *d, const struct survey_form *f)
{
	switch (ticket_rate(r->a, t->id, (int)f->value, f->comment)) {
	case TK_OK:
		break;
	case TK_CONFLICT:
		return survey_render(r, 409, t, d, SV_DONE, NULL);
	case TK_BAD_TRANSITION:      /* reopened since the page was shown */
		return survey_render(r, 409, t, d, SV_NOT_YET, NULL);
	default:
		tmpl_free(d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	tmpl_free(d);
	return resp_redirect(r, arena_printf(r->a, "/track/%s", t->code));
}

int
survey_post(struct req *r)
{
	struct survey_ticket t;
	struct survey_form f;
	struct form_check fc;

	if (!survey_open(r, &t))
		return 0;
	fc.r = r;
	fc.d = page_dict(r, "SURVEY_TITLE");
	fc.nerr = 0;
	if (t.rating > 0)
		return survey_render(r, 409, &t, fc.d, SV_DONE, NULL);
	if (!survey_allowed(t.status))
		return survey_render(r, 409, &t, fc.d, SV_NOT_YET, NULL);
	memset(&f, 0, sizeof(f));
	if (!survey_check(r, &fc, &f))
		return survey_render(r, 422, &t, fc.d, SV_FORM, f.rating);
	return survey_save(r, &t, fc.d, &f);
}
