/* Spare parts used on a ticket (parts_use.h). */
#include "parts_use.h"
#include "arena.h"
#include "outbox.h"

#define PARTS_USE_TRIES 3

static struct db_q q_lock = DB_Q(
    "SELECT status, COALESCE(assignee_id, 0) FROM tickets WHERE id = ? FOR UPDATE");
static struct db_q q_part = DB_Q(
    "SELECT sku, name_zh FROM parts WHERE id = ? AND active = 1");
static struct db_q q_take = DB_Q(
    "UPDATE part_stock SET qty = qty - ?, updated_at = UTC_TIMESTAMP()"
    " WHERE part_id = ? AND location_id = ? AND qty >= ?");
static struct db_q q_insert = DB_Q(
    "INSERT INTO ticket_parts (ticket_id, part_id, qty, created_at, location_id, actor_id,"
    " unit_cost) SELECT ?, id, ?, UTC_TIMESTAMP(), ?, ?, unit_cost FROM parts WHERE id = ?");
static struct db_q q_move = DB_Q(
    "INSERT INTO stock_moves (part_id, location_id, delta, reason, ticket_id, actor_id, note, at)"
    " VALUES (?, ?, ?, 'use', ?, ?, '', UTC_TIMESTAMP())");
static struct db_q q_event = DB_Q(
    "INSERT INTO ticket_events (ticket_id, at, actor_kind, actor_id, kind, public, body)"
    " VALUES (?, UTC_TIMESTAMP(), 'staff', ?, 'note', 0, ?)");
/* The location's stock after the take (the row is locked by it). */
static struct db_q q_left = DB_Q(
    "SELECT qty FROM part_stock WHERE part_id = ? AND location_id = ?");
static struct db_q q_touch = DB_Q(
    "UPDATE tickets SET updated_at = UTC_TIMESTAMP() WHERE id = ?");

int
parts_use_allowed(enum ticket_status s)
{
	return s != TS_CLOSED && s != TS_CANCELLED && s != TS__MAX;
}

/* The use inside the open transaction. */
static enum parts_use_rc
use_changes(struct arena *a, struct parts_use *u, enum db_rc *rc)
{
	struct db_res *res, *part, *left;
	unsigned long long changed = 0;
	long long move;

	if ((*rc = db_query(a, &q_lock, &res, "i", u->ticket)) != DB_OK)
		return PARTS_USE_DB;
	if (res->nrows != 1 ||
	    (u->only_assignee > 0 && db_get_int(res, 0, 1) != u->only_assignee))
		return PARTS_USE_NOT_FOUND;
	if (!parts_use_allowed(ticket_status_parse(db_gets(res, 0, 0))))
		return PARTS_USE_CLOSED;
	if ((*rc = db_query(a, &q_part, &part, "i", u->part)) != DB_OK)
		return PARTS_USE_DB;
	if (part->nrows != 1)
		return PARTS_USE_BAD_PART;
	if ((*rc = db_exec(&q_take, &changed, "iiii", u->qty, u->part, u->location, u->qty)) !=
	    DB_OK)
		return PARTS_USE_DB;
	if (changed != 1)
		return PARTS_USE_SHORT;
	if ((*rc = db_exec(&q_insert, NULL, "iiiii", u->ticket, u->qty, u->location, u->actor,
	    u->part)) != DB_OK)
		return PARTS_USE_DB;
	u->used = (long long)db_insert_id();
	if ((*rc = db_exec(&q_move, NULL, "iiiii", u->part, u->location, -u->qty, u->ticket,
	    u->actor)) != DB_OK)
		return PARTS_USE_DB;
	move = (long long)db_insert_id();
	/* The reorder alert when this use took the stock to its level: queued
	 * with the use, so a rolled-back use alerts nobody. */
	if ((*rc = db_query(a, &q_left, &left, "ii", u->part, u->location)) != DB_OK)
		return PARTS_USE_DB;
	if (left->nrows == 1 && (*rc = outbox_reorder(a, u->part, u->location,
	    db_get_int(left, 0, 0), u->qty, move)) != DB_OK)
		return PARTS_USE_DB;
	if ((*rc = db_exec(&q_event, NULL, "iis", u->ticket, u->actor,
	    arena_printf(a, "使用备件 %s %s × %lld(%s)", db_gets(part, 0, 0),
	    db_gets(part, 0, 1), u->qty, u->location_name != NULL ? u->location_name : ""))) !=
	    DB_OK ||
	    (*rc = db_exec(&q_touch, NULL, "i", u->ticket)) != DB_OK)
		return PARTS_USE_DB;
	return PARTS_USE_OK;
}

enum parts_use_rc
parts_use_record(struct arena *a, struct parts_use *u, enum db_rc *rc)
{
	enum parts_use_rc r = PARTS_USE_DB;
	int i;

	*rc = DB_CONFLICT;
	for (i = 0; i < PARTS_USE_TRIES && *rc == DB_CONFLICT; i++) {
		if ((*rc = db_begin()) != DB_OK)
			return PARTS_USE_DB;
		r = use_changes(a, u, rc);
		if (r != PARTS_USE_OK)
			db_rollback();
		else if ((*rc = db_commit()) != DB_OK)
			r = PARTS_USE_DB;
	}
	return r;
}
