/* POST /desk/tickets/<id>/close and /reopen (agents and up): the desk
 * closes a resolved ticket, or reopens a resolved or closed one with a
 * reason, through the one state machine (ticket_change_status). The
 * reason is the status event's note, so it shows on the timeline.
 *   done                          303 back to the ticket's status card
 *   no reason / bad field         422, the page with the message at the form,
 *                                 the typed reason kept
 *   not resolved (close), not     409, the page with the message at the form
 *   resolved or closed (reopen)
 *   stale version                 409 with the reload banner
 * CSRF, Origin and roles are checked by the core before any of this runs. */
#include "ticket_page.h"
#include "desk.h"
#include "http.h"
#include "ticket.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

#define REASON_MAX_CHARS 1000

/* The version field; NULL when fine, else the catalog key. */
static const char *
close_version(struct req *r, unsigned *out)
{
	long long n;

	if (valid_int(req_form(r, "version"), 1, UINT_MAX, &n) != NULL)
		return "T_ERR_VERSION";
	*out = (unsigned)n;
	return NULL;
}

/* The state machine's refusal says what this form could not do. */
static int
close_answer(struct req *r, long long id, const char *form, const char *done,
    const char *refused_key, enum ticket_rc rc)
{
	if (rc == TK_BAD_TRANSITION)
		return desk_action_refused(r, id, 409, form, refused_key, 0);
	return desk_action_done(r, id, form, done, rc);
}

int
ticket_close_post(struct req *r)
{
	struct desk_ticket t;
	struct ticket_actor who = { ACTOR_STAFF, r->user->id };
	const char *problem;
	unsigned version;

	if (!desk_action_ticket(r, &t))
		return 0;
	if ((problem = close_version(r, &version)) != NULL)
		return ticket_page_send(r, &t, 422, "close", problem, 0);
	return close_answer(r, t.id, "close", "closed", "T_ERR_CLOSE_STATE",
	    ticket_change_status(r->a, t.id, version, TS_CLOSED, &who, NULL));
}

/* The reason: required, at most REASON_MAX_CHARS, several lines. */
static const char *
reopen_reason(const char *v)
{
	const char *problem = valid_text(v, REASON_MAX_CHARS, 1, 1);

	if (problem == NULL)
		return NULL;
	if (strcmp(problem, "ERR_REQUIRED") == 0)
		return "T_ERR_REASON_REQUIRED";
	return strcmp(problem, "ERR_TOO_LONG") == 0 ? "T_ERR_REASON_LONG" : "T_ERR_BODY_INVALID";
}

int
ticket_reopen_post(struct req *r)
{
	struct desk_ticket t;
	struct ticket_actor who = { ACTOR_STAFF, r->user->id };
	const char *problem, *reason;
	unsigned version;

	if (!desk_action_ticket(r, &t))
		return 0;
	/* Only spaces (ideographic ones too) are no reason. */
	reason = valid_trim(r->a, req_form(r, "reason"));
	if ((problem = close_version(r, &version)) != NULL ||
	    (problem = reopen_reason(reason)) != NULL)
		return ticket_page_send(r, &t, 422, "reopen", problem, 0);
	return close_answer(r, t.id, "reopen", "reopened", "T_ERR_REOPEN_STATE",
	    ticket_change_status(r->a, t.id, version, TS_REOPENED, &who, reason));
}
