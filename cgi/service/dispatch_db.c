/* Auto-dispatch in the database: the candidates of a ticket, and the
 * decision stored with its event (dispatch_candidates, migration 026). */
#include "dispatch.h"
#include "arena.h"
#include "db.h"

#include <string.h>

/* Open = assigned and not yet resolved: what the technician still has to
 * do. The same statuses the rule always counted. */
static struct db_q q_cands = DB_Q(
    "SELECT u.id, u.name, u.region,"
    " EXISTS (SELECT 1 FROM user_skills s WHERE s.user_id = u.id AND s.category_id = ?),"
    " (SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = u.id AND t.status IN"
    " ('assigned','in_progress','waiting_customer','waiting_parts','reopened'))"
    " FROM users u WHERE u.active = 1 AND u.role = 'technician' ORDER BY u.id LIMIT ?");
static struct db_q q_store = DB_Q(
    "INSERT INTO dispatch_candidates (ticket_id, event_id, pos, user_id, name, region, skill,"
    " region_depth, open_tickets, reason) VALUES (?, ?, ?, ?, ?, LEFT(?, 100), ?, ?, ?, ?)");

enum { DC_ID, DC_NAME, DC_REGION, DC_SKILL, DC_LOAD };

int
dispatch_load(struct arena *a, long long category, struct dispatch_cand **out, size_t *n)
{
	struct dispatch_cand *c;
	struct db_res *res;
	enum db_rc rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(a, &q_cands, &res, "iI", category, DISPATCH_CANDS_MAX)) != DB_OK)
		return rc;
	if (res->nrows == 0)
		return DB_OK;
	c = arena_alloc(a, res->nrows * sizeof(*c));
	for (i = 0; i < res->nrows; i++) {
		memset(&c[i], 0, sizeof(c[i]));
		c[i].id = db_get_int(res, i, DC_ID);
		c[i].name = db_gets(res, i, DC_NAME);
		c[i].region = db_gets(res, i, DC_REGION);
		c[i].skill = db_get_int(res, i, DC_SKILL) != 0;
		c[i].load = db_get_int(res, i, DC_LOAD);
		c[i].reason = DR__MAX;
	}
	*out = c;
	*n = res->nrows;
	return DB_OK;
}

int
dispatch_store(long long ticket_id, long long event_id, const struct dispatch_cand *c, size_t n)
{
	enum db_rc rc;
	size_t i;

	for (i = 0; i < n && i < DISPATCH_STORED_MAX; i++)
		if ((rc = db_exec(&q_store, NULL, "iiIissIIis", ticket_id, event_id, (int)i, c[i].id,
		    c[i].name, c[i].region, c[i].skill, c[i].depth, c[i].load,
		    dispatch_reason_name(c[i].reason))) != DB_OK)
			return rc;
	return DB_OK;
}
