/* Bulk changes of the queue: ticket_bulk.h. */
#include "ticket_bulk.h"
#include "arena.h"
#include "db.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static struct db_q q_current = DB_Q(
    "SELECT version, status, priority, COALESCE(assignee_id, 0), COALESCE(team_id, 0), number"
    " FROM tickets WHERE id = ?");

const char *
bulk_ids_parse(const char *const *vals, size_t n, long long ids[BULK_MAX], size_t *nids)
{
	size_t i, j;

	*nids = 0;
	for (i = 0; i < n; i++) {
		const char *v = vals[i];
		char *end;
		long long id;

		if (v == NULL || *v < '1' || *v > '9')
			return "BULK_ERR_ID";
		errno = 0;
		id = strtoll(v, &end, 10);
		if (errno != 0 || *end != '\0' || id <= 0)
			return "BULK_ERR_ID";
		for (j = 0; j < *nids && ids[j] != id; j++)
			;
		if (j < *nids)
			continue;
		if (*nids == BULK_MAX)
			return "BULK_ERR_TOO_MANY";
		ids[(*nids)++] = id;
	}
	return *nids == 0 ? "BULK_ERR_NONE" : NULL;
}

int
bulk_is_noop(const struct bulk_change *c, enum ticket_status status,
    enum ticket_priority priority, long long assignee, long long team)
{
	switch (c->op) {
	case BULK_ASSIGN:
		return (c->assignee == 0 || c->assignee == assignee) &&
		    (c->team == 0 || c->team == team);
	case BULK_STATUS:
		return c->to == status;
	case BULK_PRIORITY:
		return c->priority == priority;
	default:
		return 0;
	}
}

static enum bulk_outcome
outcome_of(enum ticket_rc rc)
{
	switch (rc) {
	case TK_OK:             return BULK_CHANGED;
	case TK_BAD_TRANSITION: return BULK_REFUSED;
	case TK_NOT_FOUND:      return BULK_GONE;
	default:                return BULK_FAILED;
	}
}

/* One ticket: read its version and state, then the ticket transaction;
 * TK_CONFLICT (changed between the two) means "read it again". */
static enum ticket_rc
apply_one(struct arena *a, long long id, const struct bulk_change *c,
    const struct ticket_actor *who, struct bulk_result *out)
{
	struct db_res *res;
	unsigned version;

	if (db_query(a, &q_current, &res, "i", id) != DB_OK)
		return TK_DOWN;
	if (res->nrows == 0)
		return TK_NOT_FOUND;
	out->number = db_gets(res, 0, 5);
	version = (unsigned)db_get_int(res, 0, 0);
	if (bulk_is_noop(c, ticket_status_parse(db_gets(res, 0, 1)),
	    ticket_priority_parse(db_gets(res, 0, 2)), db_get_int(res, 0, 3),
	    db_get_int(res, 0, 4))) {
		out->outcome = BULK_UNCHANGED;
		return TK_OK;
	}
	switch (c->op) {
	case BULK_ASSIGN:
		return ticket_assign(a, id, version, c->assignee, c->team, who);
	case BULK_STATUS:
		return ticket_change_status(a, id, version, c->to, who, NULL);
	case BULK_PRIORITY:
		return ticket_set_priority(a, id, version, c->priority, who);
	default:
		return TK_ERR;
	}
}

size_t
ticket_bulk_apply(struct arena *a, const long long *ids, size_t n,
    const struct bulk_change *c, const struct ticket_actor *who, struct bulk_result *out)
{
	size_t i, changed = 0;

	for (i = 0; i < n; i++) {
		enum ticket_rc rc;
		int tries = 0;

		do {
			out[i].id = ids[i];
			out[i].number = "";
			out[i].outcome = BULK_CHANGED;
			rc = apply_one(a, ids[i], c, who, &out[i]);
		} while (rc == TK_CONFLICT && ++tries < 2);
		if (rc != TK_OK)
			out[i].outcome = outcome_of(rc);
		if (out[i].outcome == BULK_CHANGED)
			changed++;
	}
	return changed;
}
