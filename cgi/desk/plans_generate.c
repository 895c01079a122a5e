/* POST /desk/plans/<id>/generate: "generate now" for a due plan (agents
 * and up). The form carries the due date it was shown for; the ticket is
 * opened by plans_generate() (cgi/service/plans.c), the very steps of the
 * daily run, so it is idempotent by (plan, due date): clicking twice, or
 * clicking while the daily run works, opens one ticket. 303 to the plan
 * page, which confirms with the ticket's number (also when the date had
 * its ticket already); 409 when the plan is no longer due on that date. */
#include "kb.h"
#include "plans_form.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"

int
plans_generate_post(struct req *r)
{
	long long id, ticket = 0;
	tmpl_dict *d;
	long due;

	if (!kb_route_id(r, &id))
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if (plans_date_parse(req_form(r, "due"), &due) != 0 || due < PLANS_DAY_MIN ||
	    due > PLANS_DAY_MAX)
		return resp_error(r, 400, "ERR_BAD_REQUEST");
	switch (plans_generate(r->a, id, due, plans_today(), &ticket)) {
	case PG_CREATED:
		return resp_redirect(r, arena_printf(r->a, "/desk/plans/%lld?generated=%lld#runs",
		    id, ticket));
	case PG_DONE_BEFORE:
		return resp_redirect(r, arena_printf(r->a,
		    "/desk/plans/%lld?generated=%lld&before=1#runs", id, ticket));
	case PG_NOT_DUE:
		d = page_dict(r, "K_PLAN_TITLE");
		tmpl_set(tmpl_add_section(d, "GENERATE_ERROR"), "MSG",
		    i18n(r->lang, "PL_ERR_NOT_DUE"));
		return plans_page_send(r, id, 409, d, 0, 0);
	case PG_NOT_FOUND:
		return resp_error(r, 404, "ERR_NOT_FOUND");
	default:
		return resp_error(r, 503, "PL_ERR_GENERATE");
	}
}
