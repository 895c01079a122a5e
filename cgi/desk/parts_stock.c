/* POST /desk/parts/<id>/stock (agents and above): stock received at a
 * location, a stock-take adjustment (+/-, with its reason in the note), or
 * a transfer between two locations. One transaction each, with its
 * stock_moves rows (a transfer writes two). Answers 303 to the part page;
 * 422 with the part page, the values kept and the problem at its field —
 * "not enough stock" when a decrement would go below zero, and then
 * nothing has changed. */
#include "parts.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

#define STOCK_QTY_MAX   1000000
#define STOCK_NOTE_MAX  200
#define STOCK_TRIES     3        /* attempts when InnoDB picks us as deadlock victim */

static struct db_q q_exists = DB_Q("SELECT 1 FROM parts WHERE id = ?");
static struct db_q q_add = DB_Q(
    "INSERT INTO part_stock (part_id, location_id, qty, updated_at)"
    " VALUES (?, ?, ?, UTC_TIMESTAMP())"
    " ON DUPLICATE KEY UPDATE qty = qty + VALUES(qty), updated_at = UTC_TIMESTAMP()");
static struct db_q q_take = DB_Q(
    "UPDATE part_stock SET qty = qty - ?, updated_at = UTC_TIMESTAMP()"
    " WHERE part_id = ? AND location_id = ? AND qty >= ?");
static struct db_q q_move = DB_Q(
    "INSERT INTO stock_moves (part_id, location_id, delta, reason, ticket_id, actor_id, note, at)"
    " VALUES (?, ?, ?, ?, NULL, ?, ?, UTC_TIMESTAMP())");

enum stock_action { SA_RECEIVE = 0, SA_ADJUST, SA_TRANSFER, SA__MAX };

static const char *const action_names[] = { "receive", "adjust", "transfer", NULL };

/* A valid submission. */
struct stock_in {
	enum stock_action action;
	long long         loc, to_loc;  /* to_loc: transfers only */
	long long         qty;          /* adjust: signed, else > 0 */
	const char       *note;
};

/* Validators: NULL when fine, else the catalog key of the problem. */
static const char *
check_location(const char *v, const struct db_res *locs, long long *out)
{
	if (valid_int(v, 1, LLONG_MAX, out) != NULL || !parts_location_ok(locs, *out))
		return "P_ERR_LOCATION";
	return NULL;
}

static const char *
check_qty(const char *v, enum stock_action a, long long *out)
{
	if (a == SA_ADJUST)
		return valid_int(v, -STOCK_QTY_MAX, STOCK_QTY_MAX, out) != NULL || *out == 0 ?
		    "P_ERR_ADJUST_QTY" : NULL;
	return valid_int(v, 1, STOCK_QTY_MAX, out) != NULL ? "P_ERR_QTY" : NULL;
}

static const char *
check_note(const char *v, enum stock_action a)
{
	if (a == SA_ADJUST && *v == '\0')
		return "P_ERR_NOTE_REQUIRED";
	return valid_text(v, STOCK_NOTE_MAX, 0, 0);
}

/* Check every field into fc; fill in when all are valid. */
static void
stock_check(struct req *r, struct form_check *fc, const struct db_res *locs,
    struct stock_in *in)
{
	const char *action = valid_trim(r->a, req_form(r, "action"));
	const char *loc = valid_trim(r->a, req_form(r, "location"));
	const char *to = valid_trim(r->a, req_form(r, "to_location"));
	const char *qty = valid_trim(r->a, req_form(r, "qty"));
	const char *note = valid_trim(r->a, req_form(r, "note"));
	int a = SA_RECEIVE;

	memset(in, 0, sizeof(*in));
	form_check_field(fc, "action", action, valid_choice(action, action_names, &a));
	in->action = (enum stock_action)a;
	form_check_field(fc, "location", loc, check_location(loc, locs, &in->loc));
	if (in->action == SA_TRANSFER &&
	    form_check_field(fc, "to_location", to, check_location(to, locs, &in->to_loc)) ==
	    NULL && in->to_loc == in->loc)
		form_check_field(fc, "to_location", to, "P_ERR_SAME_LOCATION");
	form_check_field(fc, "qty", qty, check_qty(qty, in->action, &in->qty));
	form_check_field(fc, "note", note, check_note(note, in->action));
	in->note = note;
}

static enum db_rc
stock_add(long long part, long long loc, long long n)
{
	return db_exec(&q_add, NULL, "iii", part, loc, n);
}

/* Take n units out; *short_of set when the location has fewer than n. */
static enum db_rc
stock_take(long long part, long long loc, long long n, int *short_of)
{
	unsigned long long changed = 0;
	enum db_rc rc = db_exec(&q_take, &changed, "iiii", n, part, loc, n);

	*short_of = rc == DB_OK && changed != 1;
	return rc;
}

static enum db_rc
stock_move(struct req *r, long long part, long long loc, long long delta, const char *reason,
    const char *note)
{
	return db_exec(&q_move, NULL, "iiisis", part, loc, delta, reason, r->user->id, note);
}

/* The changes of one submission, inside the open transaction. */
static enum db_rc
stock_changes(struct req *r, long long part, const struct stock_in *in, int *short_of)
{
	enum db_rc rc;

	*short_of = 0;
	switch (in->action) {
	case SA_RECEIVE:
		if ((rc = stock_add(part, in->loc, in->qty)) != DB_OK)
			return rc;
		return stock_move(r, part, in->loc, in->qty, "receive", in->note);
	case SA_ADJUST:
		rc = in->qty > 0 ? stock_add(part, in->loc, in->qty) :
		    stock_take(part, in->loc, -in->qty, short_of);
		if (rc != DB_OK || *short_of)
			return rc;
		return stock_move(r, part, in->loc, in->qty, "adjust", in->note);
	default:
		if ((rc = stock_take(part, in->loc, in->qty, short_of)) != DB_OK || *short_of ||
		    (rc = stock_add(part, in->to_loc, in->qty)) != DB_OK ||
		    (rc = stock_move(r, part, in->loc, -in->qty, "transfer", in->note)) != DB_OK)
			return rc;
		return stock_move(r, part, in->to_loc, in->qty, "transfer", in->note);
	}
}

/* One transaction, tried again when it was chosen as a deadlock victim. */
static enum db_rc
stock_apply(struct req *r, long long part, const struct stock_in *in, int *short_of)
{
	enum db_rc rc = DB_CONFLICT;
	int i;

	for (i = 0; i < STOCK_TRIES && rc == DB_CONFLICT; i++) {
		if ((rc = db_begin()) != DB_OK)
			return rc;
		rc = stock_changes(r, part, in, short_of);
		if (rc != DB_OK || *short_of)
			db_rollback();
		else
			rc = db_commit();
	}
	return rc;
}

int
parts_stock_post(struct req *r)
{
	struct db_res *res, *locs;
	struct form_check fc;
	struct stock_in in;
	long long id;
	int short_of = 0;
	enum db_rc rc;

	if (!parts_route_id(r, &id))
		return resp_error(r, 404, "P_ERR_NOT_FOUND");
	if (db_query(r->a, &q_exists, &res, "i", id) != DB_OK || parts_locations(r, &locs) != 0)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (res->nrows != 1)
		return resp_error(r, 404, "P_ERR_NOT_FOUND");
	fc.r = r;
	fc.d = page_dict(r, "P_PART_TITLE");
	fc.nerr = 0;
	stock_check(r, &fc, locs, &in);
	if (fc.nerr > 0)
		return parts_page_send(r, id, 422, fc.d);
	rc = stock_apply(r, id, &in, &short_of);
	if (rc != DB_OK) {
		tmpl_free(fc.d);
		return parts_db_error(r, rc);
	}
	if (short_of) {
		form_check_field(&fc, "qty", req_form(r, "qty"), "P_ERR_NO_STOCK");
		return parts_page_send(r, id, 422, fc.d);
	}
	tmpl_free(fc.d);
	return resp_redirect(r, arena_printf(r->a, "/desk/parts/%lld#stock", id));
}
