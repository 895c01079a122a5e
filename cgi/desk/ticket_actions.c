/* The actions of the ticket page: POST /desk/tickets/<id>/status, /assign,
 * /dispatch, /priority, /reply and /visit. Each one loads the ticket with
 * the access rule (ticket_page.h), reads its fields into a typed struct
 * only when every field is valid, calls the ticket transaction of the core
 * and answers:
 *   done                      303 back to the ticket
 *   invalid field             422, the page again with the message at the form
 *   stale version (someone    409, the page with the current state, a banner
 *   else changed the ticket)       and a reload link
 *   refused by the state      409, the page with the message at the form
 *   machine
 *   not this user's ticket    404 (technicians, see ticket_page.h)
 *   database down             503
 * CSRF, Origin and roles are checked by the core before any of this runs. */
#include "ticket_page.h"
#include "desk.h"
#include "arena.h"
#include "db.h"
#include "flash.h"
#include "http.h"
#include "photo_upload.h"
#include "ticket.h"
#include "valid.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>

#define NOTE_MAX_CHARS   1000
#define REPLY_MAX_CHARS  4000
#define VISIT_MAX_CHARS  2000

static struct db_q q_open_visit = DB_Q(
    "SELECT id FROM visits WHERE ticket_id = ? AND technician_id = ? AND finished_at IS NULL"
    " LIMIT 1");

int
desk_action_ticket(struct req *r, struct desk_ticket *t)
{
	long long id;

	if (!desk_ticket_id(r, &id)) {
		resp_error(r, 404, "T_ERR_NOT_FOUND");
		return 0;
	}
	switch (desk_ticket_load(r, id, t)) {
	case TLOAD_OK:
		return 1;
	case TLOAD_NOT_FOUND:
		resp_error(r, 404, "T_ERR_NOT_FOUND");
		return 0;
	default:
		resp_error(r, 503, "ERR_DB_DOWN");
		return 0;
	}
}

int
desk_action_refused(struct req *r, long long id, int status, const char *form, const char *msg,
    int conflict)
{
	struct desk_ticket t;

	switch (desk_ticket_load(r, id, &t)) {
	case TLOAD_OK:
		return ticket_page_send(r, &t, status, form, msg, conflict);
	case TLOAD_NOT_FOUND:   /* gone, or no longer assigned to this technician */
		return resp_error(r, status, msg);
	default:
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
}

int
desk_action_done(struct req *r, long long id, const char *form, const char *done,
    enum ticket_rc rc)
{
	switch (rc) {
	case TK_OK:
		return resp_redirect(r, flash_url(r, arena_printf(r->a, "/desk/tickets/%lld", id),
		    done));
	case TK_CONFLICT:
		return desk_action_refused(r, id, 409, form, "T_ERR_CONFLICT", 1);
	case TK_BAD_TRANSITION:
		return desk_action_refused(r, id, 409, form, "T_ERR_TRANSITION", 0);
	case TK_INVALID:
		return desk_action_refused(r, id, 422, form, "T_ERR_INVALID_REF", 0);
	case TK_NOT_FOUND:
		return resp_error(r, 404, "T_ERR_NOT_FOUND");
	case TK_DOWN:
		return resp_error(r, 503, "ERR_DB_DOWN");
	default:
		return resp_error(r, 500, "ERR_INTERNAL");
	}
}

/* Validators: NULL when fine, else the catalog key of the problem. */
static const char *
check_version(const char *v, unsigned *out)
{
	long long n;

	if (valid_int(v, 1, UINT_MAX, &n) != NULL)
		return "T_ERR_VERSION";
	*out = (unsigned)n;
	return NULL;
}

/* Optional free text of at most max characters. */
static const char *
check_text(const char *v, size_t max, const char *problem_key)
{
	return valid_text(v, max, 0, 1) != NULL ? problem_key : NULL;
}

/* An optional id of a select: "" (none) or a positive integer. */
static const char *
check_opt_id(const char *v, long long *out)
{
	*out = 0;
	if (v == NULL || *v == '\0')
		return NULL;
	return valid_int(v, 1, LLONG_MAX, out) != NULL ? "T_ERR_ASSIGN_BAD" : NULL;
}

/* Empty text (only white space) is stored as NULL. */
static const char *
text_or_null(const char *v)
{
	const char *p;

	for (p = v; p != NULL && *p != '\0'; p++)
		if (!isspace((unsigned char)*p))
			return v;
	return NULL;
}

static struct ticket_actor
actor_of(const struct req *r)
{
	struct ticket_actor who = { ACTOR_STAFF, r->user->id };

	return who;
}

/* --- status ------------------------------------------------------------- */

struct status_in {
	unsigned            version;
	enum ticket_status  to;
	const char         *note;      /* NULL when none */
};

static const char *
read_status(struct req *r, struct status_in *in)
{
	const char *v = req_form(r, "status"), *note = req_form(r, "note");
	const char *problem;
	unsigned version;
	enum ticket_status to = ticket_status_parse(v);

	if ((problem = check_version(req_form(r, "version"), &version)) != NULL)
		return problem;
	if (to == TS__MAX)
		return "T_ERR_STATUS";
	if ((problem = check_text(note, NOTE_MAX_CHARS, "T_ERR_NOTE")) != NULL)
		return problem;
	in->version = version;
	in->to = to;
	in->note = text_or_null(note);
	return NULL;
}

int
ticket_status_post(struct req *r)
{
	struct desk_ticket t;
	struct status_in in;
	struct ticket_actor who = actor_of(r);
	const char *problem;

	if (!desk_action_ticket(r, &t))
		return 0;
	if ((problem = read_status(r, &in)) != NULL)
		return ticket_page_send(r, &t, 422, "status", problem, 0);
	/* Reopening says why (ticket_state.h); the close card asks for it too. */
	if (ticket_status_needs_reason(in.to) && in.note == NULL)
		return ticket_page_send(r, &t, 422, "status", "T_ERR_REASON_REQUIRED", 0);
	if (!desk_status_allowed(r->user, in.to))
		return ticket_page_send(r, &t, 403, "status", "T_ERR_TECH_STATUS", 0);
	return desk_action_done(r, t.id, "status", "status",
	    ticket_change_status(r->a, t.id, in.version, in.to, &who, in.note));
}

/* --- assign and dispatch -------------------------------------------------- */

struct assign_in {
	unsigned  version;
	long long assignee;   /* 0: none chosen */
	long long team;       /* 0: none chosen (the assignee's own team) */
};

static const char *
read_assign(struct req *r, struct assign_in *in)
{
	const char *problem;
	unsigned version;
	long long assignee, team;

	if ((problem = check_version(req_form(r, "version"), &version)) != NULL ||
	    (problem = check_opt_id(req_form(r, "assignee"), &assignee)) != NULL ||
	    (problem = check_opt_id(req_form(r, "team"), &team)) != NULL)
		return problem;
	if (assignee == 0 && team == 0)
		return "T_ERR_ASSIGN_NONE";
	in->version = version;
	in->assignee = assignee;
	in->team = team;
	return NULL;
}

int
ticket_assign_post(struct req *r)
{
	struct desk_ticket t;
	struct assign_in in;
	struct ticket_actor who = actor_of(r);
	const char *problem;

	if (!desk_action_ticket(r, &t))
		return 0;
	if ((problem = read_assign(r, &in)) != NULL)
		return ticket_page_send(r, &t, 422, "assign", problem, 0);
	return desk_action_done(r, t.id, "assign", "assigned",
	    ticket_assign(r->a, t.id, in.version, in.assignee, in.team, &who));
}

int
ticket_dispatch_post(struct req *r)
{
	struct desk_ticket t;
	struct ticket_actor who = actor_of(r);
	const char *problem;
	unsigned version;
	long long assignee;
	enum ticket_rc rc;

	if (!desk_action_ticket(r, &t))
		return 0;
	if ((problem = check_version(req_form(r, "version"), &version)) != NULL)
		return ticket_page_send(r, &t, 422, "dispatch", problem, 0);
	rc = ticket_auto_dispatch(r->a, t.id, version, &who, &assignee);
	if (rc == TK_OK && assignee == 0)
		return desk_action_refused(r, t.id, 422, "dispatch", "T_ERR_DISPATCH_NONE", 0);
	return desk_action_done(r, t.id, "dispatch", "dispatched", rc);
}

/* --- priority ------------------------------------------------------------- */

int
ticket_priority_post(struct req *r)
{
	struct desk_ticket t;
	struct ticket_actor who = actor_of(r);
	const char *problem;
	unsigned version;
	enum ticket_priority p;

	if (!desk_action_ticket(r, &t))
		return 0;
	p = ticket_priority_parse(req_form(r, "priority"));
	if ((problem = check_version(req_form(r, "version"), &version)) == NULL && p == TP__MAX)
		problem = "T_ERR_PRIORITY";
	if (problem != NULL)
		return ticket_page_send(r, &t, 422, "priority", problem, 0);
	if (p == t.priority && version == t.version)
		return desk_action_done(r, t.id, "priority", "priority", TK_OK);   /* nothing to change */
	return desk_action_done(r, t.id, "priority", "priority",
	    ticket_set_priority(r->a, t.id, version, p, &who));
}

/* --- reply / internal note -------------------------------------------------- */

struct reply_in {
	int                 public_reply;
	const char         *body;
	struct ticket_photo photos[PHOTO_MAX_FILES];   /* field "photo", re-encoded */
	size_t              nphotos;
};

static const char *
read_reply(struct req *r, struct reply_in *in)
{
	static const char *const vis[] = { "internal", "public", NULL };
	const char *body = req_form(r, "body"), *problem;
	int idx;

	if ((problem = valid_text(body, REPLY_MAX_CHARS, 1, 1)) != NULL)
		return strcmp(problem, "ERR_REQUIRED") == 0 ? "T_ERR_BODY_EMPTY" :
		    strcmp(problem, "ERR_TOO_LONG") == 0 ? "T_ERR_BODY_LONG" : "T_ERR_BODY_INVALID";
	if (valid_choice(req_form(r, "visibility"), vis, &idx) != NULL)
		return "T_ERR_VISIBILITY";
	in->public_reply = idx == 1;
	in->body = body;
	return photo_uploads(r, "photo", in->photos, &in->nphotos);
}

int
ticket_reply_post(struct req *r)
{
	struct desk_ticket t;
	struct reply_in in;
	struct ticket_actor who = actor_of(r);
	const char *problem;

	if (!desk_action_ticket(r, &t))
		return 0;
	if ((problem = read_reply(r, &in)) != NULL)
		return ticket_page_send(r, &t, 422, "reply", problem, 0);
	return desk_action_done(r, t.id, "reply", in.public_reply ? "reply" : "note",
	    ticket_reply_photos(r->a, t.id, &who,
	    in.public_reply, in.body, in.photos, in.nphotos));
}

/* --- visits ------------------------------------------------------------------ */

struct visit_in {
	int         finish;     /* 0 arrive, 1 finish */
	long long   visit_id;   /* finish only */
	const char *notes;      /* finish only, NULL when none */
};

static const char *
read_visit(struct req *r, struct visit_in *in)
{
	static const char *const actions[] = { "arrive", "finish", NULL };
	const char *notes = req_form(r, "notes"), *problem;
	long long visit_id = 0;
	int idx;

	if (valid_choice(req_form(r, "action"), actions, &idx) != NULL)
		return "T_ERR_VISIT_ACTION";
	if (idx == 1 && valid_int(req_form(r, "visit"), 1, LLONG_MAX, &visit_id) != NULL)
		return "T_ERR_VISIT_GONE";
	if ((problem = check_text(notes, VISIT_MAX_CHARS, "T_ERR_VISIT_NOTES")) != NULL)
		return problem;
	in->finish = idx == 1;
	in->visit_id = visit_id;
	in->notes = text_or_null(notes);
	return NULL;
}

/* Arrive, unless this technician is already on site for this ticket. */
static int
visit_arrive(struct req *r, const struct desk_ticket *t)
{
	struct db_res *res;
	long long visit_id;

	if (db_query(r->a, &q_open_visit, &res, "ii", t->id, r->user->id) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (res->nrows > 0)
		return ticket_page_send(r, t, 409, "visit", "T_ERR_VISIT_OPEN", 0);
	return desk_action_done(r, t->id, "visit", "arrived",
	    ticket_visit_arrive(r->a, t->id, r->user->id, &visit_id));
}

int
ticket_visit_post(struct req *r)
{
	struct desk_ticket t;
	struct visit_in in;
	const char *problem;
	enum ticket_rc rc;

	if (!desk_action_ticket(r, &t))
		return 0;
	if (t.assignee_id != r->user->id)
		return ticket_page_send(r, &t, 403, "visit", "T_ERR_NOT_ASSIGNEE", 0);
	if ((problem = read_visit(r, &in)) != NULL)
		return ticket_page_send(r, &t, 422, "visit", problem, 0);
	if (!in.finish)
		return visit_arrive(r, &t);
	rc = ticket_visit_finish(r->a, t.id, in.visit_id, r->user->id, in.notes);
	if (rc == TK_NOT_FOUND)   /* the ticket is there: the visit is not open */
		return desk_action_refused(r, t.id, 409, "visit", "T_ERR_VISIT_GONE", 0);
	return desk_action_done(r, t.id, "visit", "finished", rc);
}
