/* Parts used on a ticket: GET /desk/tickets/<id>/parts (the list and the
 * form), POST /desk/tickets/<id>/parts (record a use), and the same card
 * for the ticket page (parts_ticket_section, see parts.h).
 *
 * A use is one transaction of the service domain (cgi/service/parts_use.h:
 * the ticket locked, the stock taken with a conditional UPDATE, the
 * ticket_parts and stock_moves rows and an internal note, all or nothing).
 *
 * Access: agents and above on any ticket; a technician only on the tickets
 * assigned to them (404 otherwise, as the ticket pages do). Closed and
 * cancelled tickets take no more parts (409). */
#include "parts.h"
#include "ticket_page.h"
#include "arena.h"
#include "db.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "parts_use.h"
#include "ticket_state.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

#define TICKET_PARTS_TPL     "desk/parts_ticket.tpl"
#define TICKET_PARTS_PAGE    "desk/parts_ticket_page.tpl"
#define TICKET_PARTS_MAX     500
#define TICKET_PART_OPTS_MAX 2000
#define USE_QTY_MAX          9999

static struct db_q q_ticket = DB_Q(
    "SELECT number, status, COALESCE(assignee_id, 0) FROM tickets WHERE id = ?");
static struct db_q q_used = DB_Q(
    "SELECT p.sku, p.name_zh, p.name_en, tp.qty, p.unit, COALESCE(l.name, ''),"
    " COALESCE(l.name_en, ''), COALESCE(u.name, ''), tp.created_at, p.id"
    " FROM ticket_parts tp JOIN parts p ON p.id = tp.part_id"
    " LEFT JOIN stock_locations l ON l.id = tp.location_id"
    " LEFT JOIN users u ON u.id = tp.actor_id"
    " WHERE tp.ticket_id = ? ORDER BY tp.id LIMIT ?");
enum { TC_NUMBER, TC_STATUS, TC_ASSIGNEE };
enum { UC_SKU, UC_NAME_ZH, UC_NAME_EN, UC_QTY, UC_UNIT, UC_LOC, UC_LOC_EN, UC_WHO, UC_AT,
       UC_PART };
static struct db_q q_done = DB_Q(
    "SELECT p.sku, p.name_zh, p.name_en, tp.qty, p.unit, COALESCE(l.name, ''),"
    " COALESCE(l.name_en, '') FROM ticket_parts tp JOIN parts p ON p.id = tp.part_id"
    " LEFT JOIN stock_locations l ON l.id = tp.location_id"
    " WHERE tp.id = ? AND tp.ticket_id = ?");

enum { DC_SKU, DC_NAME_ZH, DC_NAME_EN, DC_QTY, DC_UNIT, DC_LOC, DC_LOC_EN };

/* Where the form returns after a use. */
static const char *const backs[] = { "parts", "ticket", NULL };
enum { BACK_PARTS = 0, BACK_TICKET };

/* The ticket as these pages need it. */
struct tk {
	long long          id;
	const char        *number;
	enum ticket_status status;
	long long          assignee;
};

/* A valid use. */
struct use_in {
	long long part, loc, qty;
	int       back;
	long long used;    /* the ticket_parts row written */
};

/* The ticket row res into t, applying the access rule: 1 when visible. */
static int
tk_from(struct req *r, long long id, const struct db_res *res, struct tk *t)
{
	if (res->nrows != 1)
		return 0;
	t->id = id;
	t->number = db_gets(res, 0, TC_NUMBER);
	t->status = ticket_status_parse(db_gets(res, 0, TC_STATUS));
	t->assignee = db_get_int(res, 0, TC_ASSIGNEE);
	return desk_may_see(r->user, t->assignee);
}

static void
fill_used(struct req *r, tmpl_dict *d, const struct db_res *u)
{
	size_t i;

	for (i = 0; i < u->nrows; i++) {
		tmpl_dict *s = tmpl_add_section(d, "PARTS_USED");

		tmpl_set(s, "PART_ID", db_gets(u, i, UC_PART));
		tmpl_set(s, "SKU", db_gets(u, i, UC_SKU));
		tmpl_set(s, "NAME", parts_text(r, u, i, UC_NAME_ZH));
		tmpl_set(s, "QTY", db_gets(u, i, UC_QTY));
		tmpl_set(s, "UNIT", db_gets(u, i, UC_UNIT));
		tmpl_set(s, "LOCATION", parts_text(r, u, i, UC_LOC));
		tmpl_set(s, "WHO", db_gets(u, i, UC_WHO));
		tmpl_set(s, "AT", fmt_local_time(r->a, db_gets(u, i, UC_AT)));
	}
	tmpl_show_section(d, u->nrows > 0 ? "HAS_PARTS" : "PARTS_NONE");
}

/* The use form: the picker (parts_picker.c) and the quantity, the
 * refused values kept. */
static int
fill_form(struct req *r, tmpl_dict *d, long long ticket_id, int kept)
{
	tmpl_dict *f = tmpl_add_section(d, "PARTS_FORM");

	if (parts_picker_fill(r, f, ticket_id, kept ? req_form(r, "pick") : NULL) != 0)
		return -1;
	if (!kept)
		tmpl_set(d, "VAL_qty", "1");
	return 0;
}

/* The confirmation after a use: ?used=<ticket_parts id> of this ticket
 * (a stale or foreign id shows nothing). 0, or -1 (db). */
static int
fill_done(struct req *r, tmpl_dict *d, long long ticket_id)
{
	struct db_res *res;
	long long used;
	tmpl_dict *s;

	if (valid_int(req_query(r, "used"), 1, LLONG_MAX, &used) != NULL)
		return 0;
	if (db_query(r->a, &q_done, &res, "ii", used, ticket_id) != DB_OK)
		return -1;
	if (res->nrows != 1)
		return 0;
	s = tmpl_add_section(d, "PARTS_DONE");
	tmpl_set(s, "SKU", db_gets(res, 0, DC_SKU));
	tmpl_set(s, "NAME", parts_text(r, res, 0, DC_NAME_ZH));
	tmpl_set(s, "QTY", db_gets(res, 0, DC_QTY));
	tmpl_set(s, "UNIT", db_gets(res, 0, DC_UNIT));
	tmpl_set(s, "LOCATION", parts_text(r, res, 0, DC_LOC));
	return 0;
}

/* The card of ticket t into inc (the include dictionary). back: where the
 * form returns; kept: a refused POST is shown again. 0, or -1 (db). */
static int
card_fill(struct req *r, tmpl_dict *inc, const struct tk *t, int back, int kept)
{
	struct db_res *used, none = { 0, 0, NULL, NULL };

	/* The ticket page's row says whether any part was used (most
	 * tickets have none): the list is read only then. */
	used = &none;
	if ((desk_ticket_may_have(r, t->id, DESK_HAS_PARTS) &&
	    db_query(r->a, &q_used, &used, "iI", t->id, TICKET_PARTS_MAX) != DB_OK) ||
	    (!kept && fill_done(r, inc, t->id) != 0))
		return -1;
	tmpl_set_int(inc, "TICKET_ID", t->id);
	tmpl_set(inc, "BACK", backs[back]);
	fill_used(r, inc, used);
	if (!parts_use_allowed(t->status)) {
		tmpl_show_section(inc, "PARTS_CLOSED");
		return 0;
	}
	return fill_form(r, inc, t->id, kept);
}

int
parts_ticket_section(struct req *r, tmpl_dict *d, long long ticket_id)
{
	const struct desk_ticket *lt = desk_ticket_loaded(r, ticket_id);
	struct db_res *res;
	struct tk t;

	if (lt != NULL) {       /* the ticket page's own row: no second read */
		t.id = lt->id;
		t.number = lt->number;
		t.status = lt->status;
		t.assignee = lt->assignee_id;
	} else {
		if (db_query(r->a, &q_ticket, &res, "i", ticket_id) != DB_OK)
			return -1;
		if (res->nrows != 1)
			return 0;
		(void)tk_from(r, ticket_id, res, &t);   /* the caller checked the access */
	}
	return card_fill(r, tmpl_add_include(d, "PARTS_TICKET", TICKET_PARTS_TPL), &t,
	    BACK_TICKET, 0);
}

/* The standalone page: the ticket's number, a link back, and the card in
 * inc (created by the caller on d, possibly with problems marked). */
static int
page_send(struct req *r, const struct tk *t, int status, tmpl_dict *d, tmpl_dict *inc,
    int kept)
{
	tmpl_set_global(d, "PAGE_TITLE", arena_printf(r->a, "%s %s",
	    i18n(r->lang, "P_TICKET_TITLE"), t->number));
	tmpl_set_int(d, "TICKET_ID", t->id);
	tmpl_set(d, "NUMBER", t->number);
	if (card_fill(r, inc, t, BACK_PARTS, kept) != 0) {
		tmpl_free(d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	return resp_page(r, status, TICKET_PARTS_PAGE, d);
}

/* The ticket of the route for this user: 1, or 0 when answered (404/503). */
static int
route_ticket(struct req *r, struct tk *t)
{
	struct db_res *res;
	long long id;

	if (!parts_route_id(r, &id)) {
		resp_error(r, 404, "P_ERR_TICKET_NOT_FOUND");
		return 0;
	}
	if (db_query(r->a, &q_ticket, &res, "i", id) != DB_OK) {
		resp_error(r, 503, "ERR_DB_DOWN");
		return 0;
	}
	if (!tk_from(r, id, res, t)) {
		resp_error(r, 404, "P_ERR_TICKET_NOT_FOUND");
		return 0;
	}
	return 1;
}

int
parts_ticket_get(struct req *r)
{
	struct tk t;
	tmpl_dict *d;

	if (!route_ticket(r, &t))
		return 0;
	d = page_dict(r, "P_TICKET_TITLE");
	return page_send(r, &t, 200, d, tmpl_add_include(d, "PARTS_TICKET", TICKET_PARTS_TPL), 0);
}

/* --- recording a use ------------------------------------------------------ */

/* The picked "<part>-<location>" into *part and *loc: NULL, or the
 * problem. */
static const char *
check_pick(const char *v, const struct db_res *locs, long long *part, long long *loc)
{
	const char *dash = v != NULL ? strchr(v, '-') : NULL;
	char head[24];

	if (dash == NULL || dash == v || (size_t)(dash - v) >= sizeof(head))
		return "P_ERR_PICK";
	memcpy(head, v, (size_t)(dash - v));
	head[dash - v] = '\0';
	if (valid_int(head, 1, LLONG_MAX, part) != NULL ||
	    valid_int(dash + 1, 1, LLONG_MAX, loc) != NULL || !parts_location_ok(locs, *loc))
		return "P_ERR_PICK";
	return NULL;
}

/* The form: "pick" (the picker), or "part" and "location" apart (the
 * older form, still accepted), and "qty". */
static void
use_check(struct req *r, struct form_check *fc, const struct db_res *locs, struct use_in *in)
{
	const char *pick = valid_trim(r->a, req_form(r, "pick"));
	const char *qty = valid_trim(r->a, req_form(r, "qty"));
	const char *back = req_form(r, "back");

	memset(in, 0, sizeof(*in));
	if (pick != NULL && *pick != '\0') {
		form_check_field(fc, "pick", pick, check_pick(pick, locs, &in->part, &in->loc));
	} else if (req_form(r, "part") == NULL && req_form(r, "location") == NULL) {
		form_check_field(fc, "pick", "", "P_ERR_PICK");
	} else {
		const char *part = valid_trim(r->a, req_form(r, "part"));
		const char *loc = valid_trim(r->a, req_form(r, "location"));

		form_check_field(fc, "part", part,
		    valid_int(part, 1, LLONG_MAX, &in->part) != NULL ? "P_ERR_PART" : NULL);
		form_check_field(fc, "location", loc,
		    valid_int(loc, 1, LLONG_MAX, &in->loc) != NULL ||
		    !parts_location_ok(locs, in->loc) ? "P_ERR_LOCATION" : NULL);
	}
	form_check_field(fc, "qty", qty,
	    valid_int(qty, 1, USE_QTY_MAX, &in->qty) != NULL ? "P_ERR_USE_QTY" : NULL);
	in->back = BACK_PARTS;
	if (back != NULL && *back != '\0')
		form_check_field(fc, "back", back, valid_choice(back, backs, &in->back));
}

/* The use in, as the service records it, by the signed-in user. The
 * access rule under the lock is the pages' one (desk_may_see): whoever may
 * see an unassigned ticket may use parts on any ticket; anyone else (a
 * technician) only on the tickets assigned to them. */
static enum parts_use_rc
use_apply(struct req *r, long long tid, struct use_in *in, const char *loc_name,
    enum db_rc *rc)
{
	struct parts_use u;
	enum parts_use_rc res;

	u.ticket = tid;
	u.part = in->part;
	u.location = in->loc;
	u.qty = in->qty;
	u.actor = r->user->id;
	u.only_assignee = desk_may_see(r->user, 0) ? 0 : r->user->id;
	u.location_name = loc_name;
	u.used = 0;
	res = parts_use_record(r->a, &u, rc);
	in->used = u.used;
	return res;
}

/* The name (in Chinese, for the event log) of location id in locs. */
static const char *
loc_name_zh(const struct db_res *locs, long long id)
{
	size_t i;

	for (i = 0; i < locs->nrows; i++)
		if (db_get_int(locs, i, PL_ID) == id)
			return db_gets(locs, i, PL_NAME);
	return "";
}

/* The answer to the outcome of a valid use. */
static int
use_answer(struct req *r, const struct tk *t, const struct use_in *in, enum parts_use_rc u,
    enum db_rc rc, struct form_check *fc, tmpl_dict *d)
{
	switch (u) {
	case PARTS_USE_OK:
		tmpl_free(d);
		/* Back where the form was, at the card, which confirms the use. */
		return resp_redirect(r, in->back == BACK_TICKET ?
		    arena_printf(r->a, "/desk/tickets/%lld?used=%lld#parts", t->id, in->used) :
		    arena_printf(r->a, "/desk/tickets/%lld/parts?used=%lld#parts", t->id, in->used));
	case PARTS_USE_NOT_FOUND:   /* gone, or no longer assigned to this technician */
		tmpl_free(d);
		return resp_error(r, 404, "P_ERR_TICKET_NOT_FOUND");
	case PARTS_USE_CLOSED: {
		struct tk now = *t;   /* closed since it was loaded: no form */

		now.status = TS_CLOSED;
		tmpl_set(tmpl_add_section(fc->d, "ERR_main"), "MSG",
		    i18n(r->lang, "P_ERR_TICKET_CLOSED"));
		return page_send(r, &now, 409, d, fc->d, 1);
	}
	case PARTS_USE_BAD_PART:
		form_check_field(fc, req_form(r, "pick") != NULL ? "pick" : "part",
		    req_form(r, "pick") != NULL ? req_form(r, "pick") : req_form(r, "part"),
		    "P_ERR_PART");
		return page_send(r, t, 422, d, fc->d, 1);
	case PARTS_USE_SHORT:   /* none (or too few) at that location: nothing changed */
		form_check_field(fc, "qty", req_form(r, "qty"), "P_ERR_NO_STOCK");
		return page_send(r, t, 422, d, fc->d, 1);
	default:
		tmpl_free(d);
		return parts_db_error(r, rc);
	}
}

int
parts_ticket_post(struct req *r)
{
	struct db_res *locs;
	struct form_check fc;
	struct use_in in;
	struct tk t;
	tmpl_dict *d;
	enum db_rc rc = DB_OK;
	enum parts_use_rc u;

	if (!route_ticket(r, &t))
		return 0;
	if (parts_locations(r, &locs) != 0)
		return resp_error(r, 503, "ERR_DB_DOWN");
	d = page_dict(r, "P_TICKET_TITLE");
	fc.r = r;
	fc.d = tmpl_add_include(d, "PARTS_TICKET", TICKET_PARTS_TPL);
	fc.nerr = 0;
	use_check(r, &fc, locs, &in);
	if (fc.nerr > 0)
		return page_send(r, &t, 422, d, fc.d, 1);
	u = use_apply(r, t.id, &in, loc_name_zh(locs, in.loc), &rc);
	return use_answer(r, &t, &in, u, rc, &fc, d);
}
