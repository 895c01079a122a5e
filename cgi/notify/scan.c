/* The periodic scan of sl-notify (scan.h). Nothing is scanned while no
 * enabled channel has a rule for the event. */
#include "scan.h"
#include "arena.h"
#include "db.h"
#include "outbox.h"

static struct db_q q_wanted = DB_Q(
    "SELECT 1 FROM notify_rules r JOIN notify_channels c ON c.kind = r.channel"
    " WHERE r.event = 'sla_due' AND c.enabled = 1 LIMIT 1");
/* The SLA clock runs in these statuses (the waiting ones pause it). */
static struct db_q q_due = DB_Q(
    "SELECT id, UNIX_TIMESTAMP(resolve_due) FROM tickets"
    " WHERE status IN ('new', 'accepted', 'assigned', 'in_progress', 'reopened')"
    " AND resolve_due > UTC_TIMESTAMP() AND resolve_due <= UTC_TIMESTAMP() + INTERVAL 30 MINUTE"
    " AND assignee_id IS NOT NULL ORDER BY resolve_due LIMIT 1000");

/* Sent messages are kept 30 days (the outbox page, the receivers'
 * questions), then deleted in small steps. */
static struct db_q q_purge = DB_Q(
    "DELETE FROM notify_outbox WHERE created_at < UTC_TIMESTAMP() - INTERVAL 30 DAY"
    " AND status = 'sent' LIMIT 1000");

int
scan_purge(void)
{
	return db_exec(&q_purge, NULL, "") == DB_OK ? 0 : -1;
}

int
scan_sla_due(struct arena *a)
{
	struct db_res *res;
	size_t i;

	if (db_query(a, &q_wanted, &res, "") != DB_OK)
		return -1;
	if (res->nrows == 0)
		return 0;
	if (db_query(a, &q_due, &res, "") != DB_OK)
		return -1;
	for (i = 0; i < res->nrows; i++)
		if (outbox_sla_due(a, db_get_int(res, i, 0), db_get_int(res, i, 1)) != DB_OK)
			return -1;
	return 0;
}
