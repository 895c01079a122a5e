/* One change applied to several tickets at once (the queue's bulk form):
 * assign, change status, change priority. Each ticket goes through the
 * same transaction as on its own page (ticket.h: the one state machine,
 * the SLA due times of the new priority), in a transaction of its own, so
 * a ticket the state machine refuses is reported and the others are
 * changed. */
#ifndef SL_TICKET_BULK_H
#define SL_TICKET_BULK_H

#include <stddef.h>
#include "ticket.h"

#define BULK_MAX 50    /* tickets per action: one page of the queue */

enum bulk_op { BULK_ASSIGN = 0, BULK_STATUS, BULK_PRIORITY, BULK__MAX };

struct bulk_change {
	enum bulk_op         op;
	long long            assignee;   /* BULK_ASSIGN: a technician, 0 none ... */
	long long            team;       /* ... and/or a team, 0 none (not both 0) */
	enum ticket_status   to;         /* BULK_STATUS */
	enum ticket_priority priority;   /* BULK_PRIORITY */
};

/* What became of one ticket. */
enum bulk_outcome {
	BULK_CHANGED = 0,
	BULK_UNCHANGED,   /* it was so already: nothing written */
	BULK_REFUSED,     /* the state machine refuses it (or it is closed for assignment) */
	BULK_GONE,        /* no such ticket */
	BULK_FAILED,      /* the database failed (or a reference vanished) */
	BULK_OUTCOME__MAX
};

struct bulk_result {
	long long         id;
	const char       *number;     /* R-...; "" when the ticket was not found (arena) */
	enum bulk_outcome outcome;
};

/* The ticket ids of the values vals[0..n) (decimal, > 0), each once, in
 * their order, into ids (*nids of them). NULL, or the catalog key of the
 * problem: BULK_ERR_NONE (no id), BULK_ERR_TOO_MANY (more than BULK_MAX
 * different ids), BULK_ERR_ID (a value that is not an id). */
const char *bulk_ids_parse(const char *const *vals, size_t n, long long ids[BULK_MAX],
	    size_t *nids);

/* 1 when change c would leave a ticket with this status, priority,
 * assignee and team (0: none) as it is. */
int	bulk_is_noop(const struct bulk_change *c, enum ticket_status status,
	    enum ticket_priority priority, long long assignee, long long team);

/* Apply c to the tickets ids[0..n) as actor who, each at its current
 * version (a change made meanwhile by someone else is read again once).
 * out[i] says what became of ids[i]. Returns the number changed. */
size_t	ticket_bulk_apply(struct arena *, const long long *ids, size_t n,
	    const struct bulk_change *c, const struct ticket_actor *who,
	    struct bulk_result *out);

#endif
