/* GET /desk/tickets/<id>: one ticket for the staff — its facts, SLA, photos,
 * the full timeline of its events, and the action forms this user may use.
 * Also the loading and access rule shared by the other ticket pages (see
 * ticket_page.h), and the page rendered again after a refused action. */
#include "ticket_page.h"
#include "ticket_field.h"
#include "ticket_options.h"
#include "ticket_sql.h"
#include "desk.h"
#include "flash.h"
#include "kb.h"
#include "parts.h"
#include "dispatch_why.h"
#include "arena.h"
#include "auth.h"
#include "db.h"
#include "db_cache.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "log.h"
#include "phone.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TICKET_MAX_EVENTS   2000   /* also in ticket_session_q's LIMIT */
#define TICKET_MAX_FLAGS    100
#define TICKET_LISTS_TTL    300     /* seconds: bounds what the version cannot see */

static struct db_q q_ticket = DB_Q("SELECT " TICKET_COLS " FROM tickets t" TICKET_JOINS
    " WHERE t.id = ?");
#define SESSION_EVENTS_MAX 2000   /* TICKET_SESSION_SQL's LIMIT, less one */
struct db_q ticket_session_q = DB_Q(TICKET_SESSION_SQL);
static struct db_q q_events = DB_Q(
    "SELECT " EVENT_COLS " FROM ticket_events e" EVENT_JOIN_USER
    " WHERE e.ticket_id = ? ORDER BY e.id LIMIT ?");
/* What flagged the ticket (complaint early warning, cgi/service/rules.c). */
static struct db_q q_flags = DB_Q(
    "SELECT r.phrase, f.source, f.at FROM ticket_flags f"
    " JOIN keyword_rules r ON r.id = f.rule_id"
    " WHERE f.ticket_id = ? ORDER BY f.id LIMIT ?");
static struct db_q q_photos = DB_Q(
    "SELECT id, filename, COALESCE(event_id, 0) FROM attachments"
    " WHERE ticket_id = ? AND kind <> 'signature' ORDER BY id");
static struct db_q q_visits = DB_Q(
    "SELECT v.id, v.technician_id, u.name, v.arrived_at, v.finished_at, COALESCE(v.notes, '')"
    " FROM visits v JOIN users u ON u.id = v.technician_id"
    " WHERE v.ticket_id = ? ORDER BY v.id");
static struct db_q q_assignees = DB_Q(
    "SELECT id, name, role FROM users"
    " WHERE active = 1 AND role IN ('technician', 'agent', 'supervisor')"
    " ORDER BY role <> 'technician', name LIMIT 500");
static struct db_q q_teams = DB_Q(
    "SELECT id, name FROM teams ORDER BY name LIMIT 200");
/* Both lists are kept by the worker while the staff_lists_version read
 * with the ticket (TQ_LISTS_VERSION) stays the same: triggers bump it on
 * every change of users or teams (migration 032). */
static struct db_cache assignee_list = DB_CACHE(&q_assignees, TICKET_LISTS_TTL);
static struct db_cache team_list = DB_CACHE(&q_teams, TICKET_LISTS_TTL);

/* Both lists' options, rendered once per copy of the list and language. */
static struct topt_list assignee_opts = TOPT_LIST(&assignee_list, 1);
static struct topt_list team_opts = TOPT_LIST(&team_list, 0);

enum { TQ_ID, TQ_NUMBER, TQ_CODE, TQ_STATUS, TQ_VERSION, TQ_ASSIGNEE, TQ_PRIORITY,
       TQ_CHANNEL, TQ_CAT_ZH, TQ_CAT_EN, TQ_NAME, TQ_PHONE, TQ_EMAIL, TQ_ADDRESS,
       TQ_PRODUCT, TQ_SERIAL, TQ_DESCRIPTION, TQ_CREATED, TQ_UPDATED, TQ_ASSIGNEE_NAME,
       TQ_TEAM, TQ_TEAM_NAME, TQ_FR_DUE, TQ_FR_AT, TQ_FR_LATE, TQ_RES_DUE, TQ_RES_AT,
       TQ_RES_LATE, TQ_PAUSED_SINCE, TQ_CLOSED_AT, TQ_FLAGGED, TQ_HAS_PHOTOS, TQ_HAS_VISITS,
       TQ_LISTS_VERSION, TQ_HAS_SURVEY, TQ_HAS_DISPATCH,
       TQ_FIELD_FIRST, TQ_KB_FIRST = TQ_FIELD_FIRST + 10, TQ_KB_END = TQ_KB_FIRST + 8,
       TQ_CANNED_VERSION = TQ_KB_END, TQ_HAS_PARTS, TQ_PARTS_VERSION, TQ_ASSIGNEE_REGION,
       TQ__MAX,
       TQ_CATEGORY_ID = TQ_KB_FIRST + 2 };   /* the knowledge base's t.category_id */
enum { EC_ID, EC_AT, EC_ACTOR, EC_ACTOR_NAME, EC_KIND, EC_PUBLIC, EC_FROM, EC_TO, EC_BODY };
enum { PC_ID, PC_FILENAME, PC_EVENT };
enum { FC_PHRASE, FC_SOURCE, FC_AT };
enum { VC_ID, VC_TECH, VC_TECH_NAME, VC_ARRIVED, VC_FINISHED, VC_NOTES };

/* What one rendering of the page needs besides the dictionary. */
struct tpage {
	struct req               *r;
	const struct desk_ticket *t;
	const struct db_res      *row;
	int                       agent;     /* may assign, dispatch, set priority */
	int                       assignee;  /* the signed-in user is the assignee */
	int                       kept;      /* re-rendering a POST: keep its values */
	int                       internal;  /* the reply box set to internal (composed) */
};

int
desk_may_see(const struct user *u, long long assignee_id)
{
	if (u == NULL)
		return 0;
	if (u->role == ROLE_TECHNICIAN)
		return assignee_id == u->id;
	return u->role == ROLE_AGENT || u->role == ROLE_SUPERVISOR || u->role == ROLE_ADMIN;
}

int
desk_ticket_id(const struct req *r, long long *id)
{
	return r->params[0] != NULL && valid_int(r->params[0], 1, LLONG_MAX, id) == NULL;
}

struct event_order {
	long long id;
	size_t    row;
};

static int
event_order_cmp(const void *a, const void *b)
{
	const struct event_order *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* The events of the session statement's rows in the order of their ids
 * (none when the first row has no event), as a result of their own; NULL
 * when there may be more than the statement's LIMIT allowed. */
static struct db_res *
events_from_session(struct arena *a, const struct db_res *s)
{
	size_t first = AUTH_SESSION_NCOLS + TQ__MAX, n, i, c;
	struct db_res *ev = arena_zalloc(a, sizeof(*ev));
	struct event_order *order;

	if (s->nrows > SESSION_EVENTS_MAX)
		return NULL;
	n = s->v[first + EC_ID] != NULL ? s->nrows : 0;
	order = arena_alloc(a, (n + 1) * sizeof(*order));
	for (i = 0; i < n; i++)
		order[i] = (struct event_order){ strtoll(s->v[i * s->ncols + first + EC_ID], NULL, 10), i };
	qsort(order, n, sizeof(*order), event_order_cmp);
	ev->ncols = EVENT_NCOLS;
	ev->nrows = n;
	ev->v = arena_alloc(a, (n * EVENT_NCOLS + 1) * sizeof(*ev->v));
	ev->len = arena_alloc(a, (n * EVENT_NCOLS + 1) * sizeof(*ev->len));
	for (i = 0; i < n; i++)
		for (c = 0; c < EVENT_NCOLS; c++) {
			ev->v[i * EVENT_NCOLS + c] = s->v[order[i].row * s->ncols + first + c];
			ev->len[i * EVENT_NCOLS + c] = s->len[order[i].row * s->ncols + first + c];
		}
	return ev;
}

/* The ticket id's row read with the session (ticket_session_q), as a
 * result of its own (no row: no such ticket), with its events in *events;
 * NULL when the request has no such row. */
static struct db_res *
ticket_from_session(struct req *r, long long id, const struct db_res **events)
{
	const struct db_res *s = r->session_row;
	struct db_res *v;

	if (s == NULL || r->session_q != &ticket_session_q || s->nrows < 1)
		return NULL;
	if (s->ncols != AUTH_SESSION_NCOLS + TQ__MAX + EVENT_NCOLS) {
		log_msg("error", "ticket page: session statement's columns do not match TQ__MAX",
		    arena_printf(r->a, "%zu", s->ncols));
		return NULL;
	}
	v = arena_zalloc(r->a, sizeof(*v));
	v->ncols = TQ__MAX;
	v->v = s->v + AUTH_SESSION_NCOLS;   /* the first row: column c is v[c] */
	v->len = s->len + AUTH_SESSION_NCOLS;
	v->nrows = v->v[TQ_ID] != NULL ? 1 : 0;
	if (v->nrows == 1 && db_get_int(v, 0, TQ_ID) != id)
		return NULL;
	*events = events_from_session(r->a, s);
	return v;
}

enum tload
desk_ticket_load(struct req *r, long long id, struct desk_ticket *t)
{
	struct db_res *res;

	memset(t, 0, sizeof(*t));
	if ((res = ticket_from_session(r, id, &t->events)) == NULL &&
	    db_query(r->a, &q_ticket, &res, "i", id) != DB_OK)
		return TLOAD_DOWN;
	if (res->nrows != 1)
		return TLOAD_NOT_FOUND;
	t->assignee_id = db_get_int(res, 0, TQ_ASSIGNEE);
	if (!desk_may_see(r->user, t->assignee_id))
		return TLOAD_NOT_FOUND;
	t->id = db_get_int(res, 0, TQ_ID);
	t->number = db_gets(res, 0, TQ_NUMBER);
	t->customer = db_gets(res, 0, TQ_NAME);
	t->track_code = db_gets(res, 0, TQ_CODE);
	t->status = ticket_status_parse(db_gets(res, 0, TQ_STATUS));
	t->version = (unsigned)db_get_int(res, 0, TQ_VERSION);
	t->priority = ticket_priority_parse(db_gets(res, 0, TQ_PRIORITY));
	t->canned_version = db_get(res, 0, TQ_CANNED_VERSION) != NULL ?
	    db_get_int(res, 0, TQ_CANNED_VERSION) : -1;
	t->parts_version = db_get(res, 0, TQ_PARTS_VERSION) != NULL ?
	    db_get_int(res, 0, TQ_PARTS_VERSION) : -1;
	t->category_id = db_get_int(res, 0, TQ_CATEGORY_ID);
	t->category_zh = db_gets(res, 0, TQ_CAT_ZH);
	t->category_en = db_gets(res, 0, TQ_CAT_EN);
	t->assignee_name = db_gets(res, 0, TQ_ASSIGNEE_NAME);
	t->assignee_region = db_gets(res, 0, TQ_ASSIGNEE_REGION);
	t->res = res;
	r->loaded = memcpy(arena_alloc(r->a, sizeof(*t)), t, sizeof(*t));
	return TLOAD_OK;
}

const struct desk_ticket *
desk_ticket_loaded(const struct req *r, long long id)
{
	const struct desk_ticket *t = r->loaded;

	if (t == NULL || t->id != id || t->res == NULL || t->res->ncols != TQ__MAX)
		return NULL;
	return t;
}

struct db_res *
desk_ticket_cols(const struct req *r, long long id, enum desk_cols which, size_t ncols)
{
	const struct desk_ticket *t = desk_ticket_loaded(r, id);
	size_t first = which == DESK_COLS_FIELD ? TQ_FIELD_FIRST : TQ_KB_FIRST;
	size_t have = which == DESK_COLS_FIELD ? TQ_KB_FIRST - TQ_FIELD_FIRST : TQ_KB_END - TQ_KB_FIRST;
	struct db_res *v;

	if (t == NULL || t->res->nrows != 1 || ncols != have)
		return NULL;
	v = arena_zalloc(r->a, sizeof(*v));
	v->nrows = 1;
	v->ncols = ncols;
	v->v = t->res->v + first;       /* one row: column c is v[c] */
	v->len = t->res->len + first;
	return v;
}

int
desk_ticket_may_have(const struct req *r, long long id, enum desk_has what)
{
	const struct desk_ticket *t = desk_ticket_loaded(r, id);

	if (t == NULL)
		return 1;
	return db_get_int(t->res, 0, what == DESK_HAS_SURVEY ? TQ_HAS_SURVEY :
	    what == DESK_HAS_DISPATCH ? TQ_HAS_DISPATCH : TQ_HAS_PARTS) != 0;
}

/* The catalog text of prefix + name ("STATUS_" "new" → "新建"). */
static const char *
label(struct req *r, const char *prefix, const char *name)
{
	return i18n(r->lang, arena_printf(r->a, "%s%s", prefix, name));
}

const char *
desk_tel_digits(struct arena *a, const char *phone)
{
	return phone_tel(a, phone);
}

/* A value the refused form sent, to show it again; NULL on a GET. */
static const char *
kept(const struct tpage *p, const char *field)
{
	return p->kept ? req_form(p->r, field) : NULL;
}

/* The refused form's value of field when it sent one, else fallback. */
static const char *
kept_or(const struct tpage *p, const char *field, const char *fallback)
{
	const char *v = kept(p, field);

	return v != NULL ? v : fallback;
}

/* Set key to the text, and show section key_NONE instead when it is empty. */
static void
set_or_none(tmpl_dict *d, const char *key, const char *none_section, const char *text)
{
	if (text == NULL || *text == '\0')
		tmpl_show_section(d, none_section);
	else
		tmpl_set(tmpl_add_section(d, key), "TEXT", text);
}

static void
fill_facts(const struct tpage *p, tmpl_dict *d)
{
	struct req *r = p->r;
	const struct db_res *row = p->row;
	const char *phone = db_gets(row, 0, TQ_PHONE);

	tmpl_set_global(d, "PAGE_TITLE", arena_printf(r->a, "%s %s", i18n(r->lang, "T_TITLE"),
	    p->t->number));
	tmpl_set_int(d, "ID", p->t->id);
	tmpl_set_int(d, "VERSION", p->t->version);
	tmpl_set(d, "NUMBER", p->t->number);
	tmpl_set(d, "CODE", p->t->track_code);
	tmpl_set(d, "STATUS", ticket_status_name(p->t->status));
	tmpl_set(d, "STATUS_LABEL", label(r, "STATUS_", ticket_status_name(p->t->status)));
	tmpl_set(d, "PRIORITY", db_gets(row, 0, TQ_PRIORITY));
	tmpl_set(d, "PRIORITY_LABEL", label(r, "PRIORITY_", db_gets(row, 0, TQ_PRIORITY)));
	tmpl_set(d, "CHANNEL_LABEL", label(r, "CHANNEL_", db_gets(row, 0, TQ_CHANNEL)));
	tmpl_set(d, "CATEGORY", db_gets(row, 0, strcmp(r->lang, "en") == 0 ? TQ_CAT_EN :
	    TQ_CAT_ZH));
	tmpl_set(d, "CUSTOMER", db_gets(row, 0, TQ_NAME));
	tmpl_set(d, "PHONE", phone);
	tmpl_set(d, "TEL", desk_tel_digits(r->a, phone));
	set_or_none(d, "EMAIL", "EMAIL_NONE", db_gets(row, 0, TQ_EMAIL));
	set_or_none(d, "ADDRESS", "ADDRESS_NONE", db_gets(row, 0, TQ_ADDRESS));
	set_or_none(d, "PRODUCT", "PRODUCT_NONE", db_gets(row, 0, TQ_PRODUCT));
	set_or_none(d, "SERIAL", "SERIAL_NONE", db_gets(row, 0, TQ_SERIAL));
	tmpl_set(d, "DESCRIPTION", db_gets(row, 0, TQ_DESCRIPTION));
	tmpl_set(d, "CREATED", fmt_local_time(r->a, db_get(row, 0, TQ_CREATED)));
	tmpl_set(d, "UPDATED", fmt_local_time(r->a, db_get(row, 0, TQ_UPDATED)));
	set_or_none(d, "ASSIGNEE", "ASSIGNEE_NONE", db_gets(row, 0, TQ_ASSIGNEE_NAME));
	set_or_none(d, "TEAM", "TEAM_NONE", db_gets(row, 0, TQ_TEAM_NAME));
	tmpl_set(d, "BACK_HREF", r->user->role == ROLE_TECHNICIAN ? "/desk/my" : "/desk/");
	tmpl_set(d, "BACK_LABEL", i18n(r->lang, r->user->role == ROLE_TECHNICIAN ?
	    "T_MY_TITLE" : "T_BACK_QUEUE"));
}

/* First response and resolution: due, done, late; the pause. */
static void
fill_sla(const struct tpage *p, tmpl_dict *d)
{
	struct req *r = p->r;
	const struct db_res *row = p->row;
	const char *fr_at = db_get(row, 0, TQ_FR_AT), *res_at = db_get(row, 0, TQ_RES_AT);
	const char *paused = db_get(row, 0, TQ_PAUSED_SINCE);

	tmpl_set(d, "FR_DUE", fmt_local_time(r->a, db_get(row, 0, TQ_FR_DUE)));
	if (fr_at != NULL)
		tmpl_set(tmpl_add_section(d, "FR_DONE"), "AT", fmt_local_time(r->a, fr_at));
	else
		tmpl_show_section(d, "FR_PENDING");
	if (db_get_int(row, 0, TQ_FR_LATE))
		tmpl_show_section(d, "FR_LATE");
	tmpl_set(d, "RES_DUE", fmt_local_time(r->a, db_get(row, 0, TQ_RES_DUE)));
	if (res_at != NULL)
		tmpl_set(tmpl_add_section(d, "RES_DONE"), "AT", fmt_local_time(r->a, res_at));
	if (db_get_int(row, 0, TQ_RES_LATE))
		tmpl_show_section(d, "RES_LATE");
	if (paused != NULL && ticket_status_sla_paused(p->t->status))
		tmpl_set(tmpl_add_section(d, "SLA_PAUSED"), "SINCE", fmt_local_time(r->a, paused));
	if (db_get(row, 0, TQ_CLOSED_AT) != NULL)
		tmpl_set(tmpl_add_section(d, "CLOSED"), "AT",
		    fmt_local_time(r->a, db_get(row, 0, TQ_CLOSED_AT)));
}

/* The warning card of a flagged ticket: each matched phrase, where the
 * customer wrote it, when. 0 ok, -1 on a database error. */
static int
fill_flags(const struct tpage *p, tmpl_dict *d)
{
	struct req *r = p->r;
	struct db_res *fl;
	tmpl_dict *card;
	size_t i;

	if (!db_get_int(p->row, 0, TQ_FLAGGED))
		return 0;
	if (db_query(r->a, &q_flags, &fl, "iI", p->t->id, TICKET_MAX_FLAGS) != DB_OK)
		return -1;
	card = tmpl_add_section(d, "FLAGS");
	for (i = 0; i < fl->nrows; i++) {
		tmpl_dict *f = tmpl_add_section(card, "FLAG");

		tmpl_set(f, "PHRASE", db_gets(fl, i, FC_PHRASE));
		tmpl_set(f, "SOURCE", label(r, "T_FLAG_SRC_", db_gets(fl, i, FC_SOURCE)));
		tmpl_set(f, "AT", fmt_local_time(r->a, db_gets(fl, i, FC_AT)));
	}
	if (fl->nrows >= TICKET_MAX_FLAGS)
		tmpl_show_section(card, "FLAGS_TRUNCATED");
	return 0;
}

/* Thumbnails of the photos of one event (event_id > 0), or of all. */
static void
fill_photos(tmpl_dict *d, const char *section, const struct db_res *ph, long long event_id)
{
	size_t i;

	for (i = 0; i < ph->nrows; i++) {
		tmpl_dict *s;

		if (event_id > 0 && db_get_int(ph, i, PC_EVENT) != event_id)
			continue;
		s = tmpl_add_section(d, section);
		tmpl_set_int(s, "AID", db_get_int(ph, i, PC_ID));
		tmpl_set(s, "FILENAME", db_gets(ph, i, PC_FILENAME));
	}
}

/* Who did it: a staff member's name, else "customer" / "system" / "API". */
static const char *
event_actor(struct req *r, const struct db_res *ev, size_t i)
{
	const char *kind = db_gets(ev, i, EC_ACTOR), *name = db_gets(ev, i, EC_ACTOR_NAME);

	if (strcmp(kind, "staff") == 0)
		return *name != '\0' ? name : i18n(r->lang, "T_ACTOR_STAFF");
	return label(r, "T_ACTOR_", kind);
}

/* What it was; a visit event is the arrival (public) or the finish (internal). */
static const char *
event_kind_label(struct req *r, const char *kind, int pub)
{
	if (strcmp(kind, "visit") == 0)
		return i18n(r->lang, pub ? "T_EV_visit_arrive" : "T_EV_visit_finish");
	return label(r, "T_EV_", kind);
}

/* An assignment after an earlier one reads "reassigned A → B" (the
 * names the two events recorded), not "assigned → assigned". */
static void
fill_reassignment(struct req *r, tmpl_dict *e, const char *before, const char *after)
{
	tmpl_dict *tr = tmpl_add_section(e, "TRANSITION");

	tmpl_set(e, "KIND_LABEL", i18n(r->lang, "T_EV_reassigned"));
	tmpl_set(tmpl_add_section(tr, "FROM"), "LABEL", *before != '\0' ? before :
	    i18n(r->lang, "T_UNASSIGNED"));
	tmpl_set(tr, "TO", *after != '\0' ? after : i18n(r->lang, "T_UNASSIGNED"));
}

/* prev_assigned: the label of the ticket's previous assignment, or NULL. */
static void
fill_event(const struct tpage *p, tmpl_dict *d, const struct db_res *ev, size_t i,
    const struct db_res *ph, const char *prev_assigned)
{
	struct req *r = p->r;
	const char *kind = db_gets(ev, i, EC_KIND), *from = db_gets(ev, i, EC_FROM);
	const char *to = db_gets(ev, i, EC_TO), *body = db_gets(ev, i, EC_BODY);
	const char *prefix = strcmp(kind, "priority") == 0 ? "PRIORITY_" : "STATUS_";
	int pub = (int)db_get_int(ev, i, EC_PUBLIC);
	tmpl_dict *e = tmpl_add_section(d, "EVENT"), *tr;

	tmpl_set(e, "KIND", kind);
	tmpl_set(e, "KIND_LABEL", event_kind_label(r, kind, pub));
	tmpl_set(e, "ACTOR", event_actor(r, ev, i));
	tmpl_set(e, "AT", fmt_local_time(r->a, db_gets(ev, i, EC_AT)));
	tmpl_show_section(e, pub ? "PUBLIC" : "INTERNAL");
	if (prev_assigned != NULL && strcmp(kind, "assigned") == 0 &&
	    strcmp(prev_assigned, body) != 0) {
		fill_reassignment(r, e, prev_assigned, body);
		body = "";
	} else if (*to != '\0') {
		tr = tmpl_add_section(e, "TRANSITION");
		if (*from != '\0')
			tmpl_set(tmpl_add_section(tr, "FROM"), "LABEL", label(r, prefix, from));
		tmpl_set(tr, "TO", label(r, prefix, to));
	}
	/* The report opens the conversation: its text is the fault itself. */
	if (*body == '\0' && strcmp(kind, "created") == 0)
		body = db_gets(p->row, 0, TQ_DESCRIPTION);
	if (*body != '\0')
		tmpl_set(tmpl_add_section(e, "BODY"), "TEXT", body);
	fill_photos(e, "EV_PHOTO", ph, db_get_int(ev, i, EC_ID));
}

/* Timeline (oldest first) and photos. 0 ok, -1 on a database error. */
static int
fill_timeline(const struct tpage *p, tmpl_dict *d)
{
	const struct db_res *ev = p->t->events;
	struct db_res *read, *ph, none = { 0, 0, NULL, NULL };
	const char *prev_assigned = NULL;
	size_t i;

	ph = &none;
	if (ev == NULL) {
		if (db_query(p->r->a, &q_events, &read, "iI", p->t->id, TICKET_MAX_EVENTS) != DB_OK)
			return -1;
		ev = read;
	}
	if ((db_get_int(p->row, 0, TQ_HAS_PHOTOS) &&
	    db_query(p->r->a, &q_photos, &ph, "i", p->t->id) != DB_OK))
		return -1;
	for (i = 0; i < ev->nrows; i++) {
		fill_event(p, d, ev, i, ph, prev_assigned);
		if (strcmp(db_gets(ev, i, EC_KIND), "assigned") == 0)
			prev_assigned = db_gets(ev, i, EC_BODY);
	}
	if (ev->nrows >= TICKET_MAX_EVENTS)
		tmpl_show_section(d, "EVENTS_TRUNCATED");
	if (ph->nrows > 0)
		fill_photos(tmpl_add_section(d, "PHOTOS"), "PHOTO", ph, 0);
	return 0;
}

/* Visits so far, and the visit buttons of the assigned technician. */
static int
fill_visits(const struct tpage *p, tmpl_dict *d)
{
	struct req *r = p->r;
	struct db_res *v, none = { 0, 0, NULL, NULL };
	long long open_visit = 0;
	size_t i;

	v = &none;
	if (db_get_int(p->row, 0, TQ_HAS_VISITS) &&
	    db_query(r->a, &q_visits, &v, "i", p->t->id) != DB_OK)
		return -1;
	for (i = 0; i < v->nrows; i++) {
		tmpl_dict *s = tmpl_add_section(d, "VISIT");
		const char *fin = db_get(v, i, VC_FINISHED);

		tmpl_set(s, "TECH", db_gets(v, i, VC_TECH_NAME));
		tmpl_set(s, "ARRIVED", fmt_local_time(r->a, db_gets(v, i, VC_ARRIVED)));
		if (fin != NULL)
			tmpl_set(tmpl_add_section(s, "FINISHED"), "AT", fmt_local_time(r->a, fin));
		else
			tmpl_show_section(s, "ON_SITE");
		if (*db_gets(v, i, VC_NOTES) != '\0')
			tmpl_set(tmpl_add_section(s, "NOTES"), "TEXT", db_gets(v, i, VC_NOTES));
		if (fin == NULL && db_get_int(v, i, VC_TECH) == r->user->id)
			open_visit = db_get_int(v, i, VC_ID);
	}
	if (v->nrows > 0) {
		tmpl_show_section(d, "HAS_VISITS");
		tmpl_show_section(d, "VISIT_CARD");
	}
	if (!p->assignee || !ticket_status_open(p->t->status))
		return 0;
	if (open_visit > 0) {
		tmpl_dict *f = tmpl_add_section(d, "VISIT_FINISH");
		tmpl_set_int(f, "VISIT_ID", open_visit);
		tmpl_set(f, "VAL_notes", kept(p, "notes"));
	} else {
		tmpl_show_section(d, "VISIT_ARRIVE");
	}
	tmpl_show_section(d, "VISIT_CARD");
	return 0;
}

int
desk_status_allowed(const struct user *u, enum ticket_status s)
{
	if (u->role != ROLE_TECHNICIAN)
		return 1;
	return s == TS_IN_PROGRESS || s == TS_WAITING_CUSTOMER || s == TS_WAITING_PARTS ||
	    s == TS_RESOLVED;
}

static void
fill_status_form(const struct tpage *p, tmpl_dict *d)
{
	struct req *r = p->r;
	enum ticket_status next[TS__MAX];
	const char *want = kept(p, "status");
	int i, n = ticket_next_statuses(p->t->status, next), shown = 0;
	tmpl_dict *f = tmpl_add_section(d, "STATUS_FORM");

	for (i = 0; i < n; i++) {
		tmpl_dict *o;

		/* "assigned", "in progress" ... need an assignee: assign first.
		 * Closing and reopening have their own forms (below). */
		if (!desk_status_allowed(r->user, next[i]) ||
		    (ticket_status_needs_assignee(next[i]) && p->t->assignee_id == 0) ||
		    next[i] == TS_CLOSED || next[i] == TS_REOPENED)
			continue;
		o = tmpl_add_section(f, "NEXT_STATUS");
		tmpl_set(o, "VALUE", ticket_status_name(next[i]));
		tmpl_set(o, "LABEL", label(r, "STATUS_", ticket_status_name(next[i])));
		if (want != NULL && strcmp(want, ticket_status_name(next[i])) == 0)
			tmpl_show_section(o, "SELECTED");
		shown++;
	}
	if (shown > 0)
		tmpl_show_section(f, "CAN_CHANGE");
	else if (!p->agent || !ticket_transition_ok(p->t->status, TS_REOPENED))
		tmpl_show_section(f, "NO_CHANGE");
	tmpl_set(f, "VAL_note", kept(p, "note"));
	/* The desk closes a resolved ticket, and reopens it with a reason. */
	if (p->agent && ticket_transition_ok(p->t->status, TS_CLOSED))
		tmpl_show_section(d, "CLOSE_FORM");
	if (p->agent && ticket_transition_ok(p->t->status, TS_REOPENED))
		tmpl_set(tmpl_add_section(d, "REOPEN_FORM"), "VAL_reason", kept(p, "reason"));
}

/* Assignment, auto-dispatch and priority: for agents and above. */
static int
fill_agent_forms(const struct tpage *p, tmpl_dict *d)
{
	struct req *r = p->r;
	const struct db_res *users, *teams;
	long long lists_version = db_get_int(p->row, 0, TQ_LISTS_VERSION);
	const char *cur_user = kept_or(p, "assignee", db_gets(p->row, 0, TQ_ASSIGNEE));
	/* Not the ticket's team: picking only a technician must give the
	 * technician's own team, not keep the old one (the ticket's team is
	 * in the facts card). */
	const char *cur_team = kept(p, "team");
	const char *cur_pr = kept_or(p, "priority", db_gets(p->row, 0, TQ_PRIORITY));
	tmpl_dict *f;
	int i;

	if (!p->agent)
		return 0;
	if (db_cache_get(&assignee_list, lists_version, time(NULL), &users) != DB_OK ||
	    db_cache_get(&team_list, lists_version, time(NULL), &teams) != DB_OK)
		return -1;
	f = tmpl_add_section(d, "AGENT_FORMS");
	if (topt_fill(r, f, "ASSIGNEE", &assignee_opts, users, cur_user) != 0 ||
	    topt_fill(r, f, "TEAM", &team_opts, teams, cur_team) != 0)
		return -1;
	for (i = 0; i < TP__MAX; i++) {
		tmpl_dict *o = tmpl_add_section(f, "PRIORITY_OPT");
		const char *name = ticket_priority_name((enum ticket_priority)i);

		tmpl_set(o, "VALUE", name);
		tmpl_set(o, "LABEL", label(r, "PRIORITY_", name));
		if (strcmp(name, cur_pr) == 0)
			tmpl_show_section(o, "SELECTED");
	}
	return 0;
}

static void
fill_reply_form(const struct tpage *p, tmpl_dict *d)
{
	const char *vis = kept(p, "visibility");

	tmpl_set(d, "VAL_body", kept(p, "body"));
	/* Internal is the default: the harmless mistake is a note nobody
	 * outside sees, not a reply the customer reads. */
	tmpl_show_section(d, !p->internal && vis != NULL && strcmp(vis, "public") == 0 ?
	    "VIS_PUBLIC" : "VIS_INTERNAL");
}

/* The whole page in a new dictionary; NULL on a database error. form:
 * the refused form of a POST (NULL on a GET); fw: the field-work cards. */
static tmpl_dict *
ticket_page_dict(struct req *r, const struct desk_ticket *t, const char *form,
    struct tfield_dicts *fw, int internal)
{
	struct tpage p;
	tmpl_dict *d = page_dict(r, "T_TITLE");
	const char *flash;

	p.r = r;
	p.t = t;
	p.row = t->res;
	p.agent = r->user->role >= ROLE_AGENT;
	p.assignee = t->assignee_id == r->user->id;
	p.kept = strcmp(r->method, "POST") == 0;
	p.internal = internal;
	fill_facts(&p, d);
	fill_sla(&p, d);
	if (fill_flags(&p, d) != 0 || ticket_survey_section(r, d, t->id) != 0 ||
	    fill_timeline(&p, d) != 0 ||
	    fill_visits(&p, d) != 0 || fill_agent_forms(&p, d) != 0) {
		tmpl_free(d);
		return NULL;
	}
	fill_status_form(&p, d);
	fill_reply_form(&p, d);
	if (parts_ticket_section(r, d, t->id) != 0 || dispatch_why_section(r, d, t->id) != 0 ||
	    ticket_compose_section(r, d, t, p.kept) != 0) {
		tmpl_free(d);
		return NULL;
	}
	/* A failed match shows its own notice in the card: no need to fail.
	 * Each match can be inserted into the reply box (ticket_compose.c). */
	(void)kb_ticket_section_insert(r, tmpl_add_include(d, "KB_TICKET", "desk/kb_ticket.tpl"),
	    t->id);
	if (ticket_field_fill(r, d, t, form, fw) != 0) {
		tmpl_free(d);
		return NULL;
	}
	/* The confirmation of the action that led here, at its card. */
	if ((flash = flash_fill(r, d)) != NULL) {
		tmpl_set(tmpl_add_section(fw->job, flash), "MSG", i18n(r->lang,
		    flash_msg_key(req_query(r, "done"))));
		tmpl_set(tmpl_add_section(fw->complete, flash), "MSG", i18n(r->lang,
		    flash_msg_key(req_query(r, "done"))));
	}
	return d;
}

int
ticket_page_send(struct req *r, const struct desk_ticket *t, int status, const char *form,
    const char *msg_key, int conflict)
{
	struct tfield_dicts fw;
	tmpl_dict *d = ticket_page_dict(r, t, form, &fw, 0), *e;

	if (d == NULL)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (conflict) {
		/* The banner says it all, with the reload link. */
		tmpl_show_section(d, "CONFLICT");
	} else if (msg_key != NULL) {
		/* At the top (the form may be far down on a phone) and at the form. */
		e = tmpl_add_section(d, "ACTION_ERROR");
		tmpl_set(e, "MSG", i18n(r->lang, msg_key));
		tmpl_set(e, "FORM", form != NULL ? form : "main");
		if (form != NULL) {
			const char *sec = arena_printf(r->a, "ERR_%s", form);

			tmpl_set(tmpl_add_section(d, sec), "MSG", i18n(r->lang, msg_key));
			tmpl_set(tmpl_add_section(fw.job, sec), "MSG", i18n(r->lang, msg_key));
			tmpl_set(tmpl_add_section(fw.complete, sec), "MSG", i18n(r->lang, msg_key));
		}
	}
	return resp_page(r, status, TICKET_TPL, d);
}

int
ticket_page_send_composed(struct req *r, const struct desk_ticket *t, const char *body,
    int internal)
{
	struct tfield_dicts fw;
	tmpl_dict *d = ticket_page_dict(r, t, "reply", &fw, internal);

	if (d == NULL)
		return resp_error(r, 503, "ERR_DB_DOWN");
	/* The box shows the composed text, in focus (the browser scrolls to it). */
	tmpl_set(d, "VAL_body", body);
	tmpl_show_section(d, internal ? "COMPOSED_INTERNAL" : "COMPOSED");
	return resp_page(r, 200, TICKET_TPL, d);
}

int
ticket_page_send_errors(struct req *r, const struct desk_ticket *t, int status,
    const char *form, const struct tfield_err *errs, size_t n)
{
	struct tfield_dicts fw;
	tmpl_dict *d = ticket_page_dict(r, t, form, &fw, 0), *e;
	size_t i;

	if (d == NULL)
		return resp_error(r, 503, "ERR_DB_DOWN");
	/* At the top (linking to the card) and at each field. */
	e = tmpl_add_section(d, "ACTION_ERROR");
	tmpl_set(e, "MSG", i18n(r->lang, "T_ERR_FIELDS"));
	tmpl_set(e, "FORM", form);
	for (i = 0; i < n; i++) {
		const char *sec = arena_printf(r->a, "ERR_%s", errs[i].field);

		tmpl_set(tmpl_add_section(fw.job, sec), "MSG", i18n(r->lang, errs[i].msg_key));
		tmpl_set(tmpl_add_section(fw.complete, sec), "MSG", i18n(r->lang, errs[i].msg_key));
	}
	return resp_page(r, status, TICKET_TPL, d);
}

int
ticket_get(struct req *r)
{
	struct desk_ticket t;
	long long id;

	if (!desk_ticket_id(r, &id))
		return resp_error(r, 404, "ERR_NOT_FOUND");
	switch (desk_ticket_load(r, id, &t)) {
	case TLOAD_OK:
		return ticket_page_send(r, &t, 200, NULL, NULL, 0);
	case TLOAD_NOT_FOUND:
		return resp_error(r, 404, "T_ERR_NOT_FOUND");
	default:
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
}
