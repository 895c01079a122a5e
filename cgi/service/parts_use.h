/* Spare parts used on a ticket: the one transaction behind the desk's
 * "parts used" form (cgi/desk/parts_ticket.c) and the demo loader.
 *
 * A use is ONE transaction: lock the ticket row (access rule and status
 * checked again under the lock), take the units out of the location with
 * a conditional UPDATE (exactly one affected row, else "not enough stock"
 * and nothing changes), INSERT ticket_parts, INSERT stock_moves, INSERT an
 * internal ticket event (kind 'note': the event kinds have no 'part'),
 * touch the ticket's updated_at (the metric refresh finds it so), commit.
 * Two uses of the last unit at the same time: the second UPDATE waits for
 * the first one's row lock, then finds qty >= n false and changes nothing
 * — exactly one succeeds. Chosen as a deadlock victim, it is tried again. */
#ifndef SL_PARTS_USE_H
#define SL_PARTS_USE_H

#include "db.h"
#include "ticket_state.h"

struct arena;

enum parts_use_rc {
	PARTS_USE_OK = 0,
	PARTS_USE_NOT_FOUND,   /* no such ticket, or not the required assignee's: 404 */
	PARTS_USE_CLOSED,      /* closed or cancelled: 409 */
	PARTS_USE_BAD_PART,    /* no such active part: 422 */
	PARTS_USE_SHORT,       /* not enough stock at the location: 422 */
	PARTS_USE_DB,          /* database error: see the db_rc */
};

struct parts_use {
	long long   ticket, part, location, qty;
	long long   actor;           /* the user recording it */
	long long   only_assignee;   /* > 0: the ticket must be assigned to this user */
	const char *location_name;   /* for the event text (Chinese) */
	long long   used;            /* out: the ticket_parts row written */
};

/* 1 when a ticket in status s still takes parts (not closed/cancelled). */
int	parts_use_allowed(enum ticket_status s);

/* Record the use u (see above). On PARTS_USE_DB, *rc says why. Call it
 * outside a transaction. */
enum parts_use_rc parts_use_record(struct arena *, struct parts_use *u, enum db_rc *rc);

#endif
