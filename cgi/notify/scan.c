/* The periodic scan of sl-notify (scan.h). Nothing is scanned while no
 * enabled channel has a rule for the event. */
#include "scan.h"
#include "arena.h"
#include "db.h"
#include "metrics.h"
#include "okr.h"
#include "outbox.h"

#include <string.h>
#include <time.h>

static struct db_q q_wanted = DB_Q(
    "SELECT 1 FROM notify_rules r JOIN notify_channels c ON c.kind = r.channel"
    " WHERE r.event = ? AND c.enabled = 1 LIMIT 1");
/* The SLA clock runs in these statuses (the waiting ones pause it). */
static struct db_q q_due = DB_Q(
    "SELECT id, UNIX_TIMESTAMP(resolve_due) FROM tickets"
    " WHERE status IN ('new', 'accepted', 'assigned', 'in_progress', 'reopened')"
    " AND resolve_due > UTC_TIMESTAMP() AND resolve_due <= UTC_TIMESTAMP() + INTERVAL 30 MINUTE"
    " AND assignee_id IS NOT NULL ORDER BY resolve_due LIMIT 1000");
/* The manual key results of active cycles whose last check-in (by anyone,
 * as the board counts it; the key result's creation before the first) is
 * at least a span old. Bound key results compute their value from the
 * metrics: there is nothing to check in, so they are left out. */
static struct db_q q_stale = DB_Q(
    "SELECT k.id, k.owner_id, k.title, UNIX_TIMESTAMP(COALESCE((SELECT MAX(c.created_at)"
    " FROM okr_checkins c WHERE c.kr_id = k.id), k.created_at)) AS ref, UNIX_TIMESTAMP()"
    " FROM okr_krs k JOIN okr_objectives o ON o.id = k.objective_id"
    " JOIN okr_cycles y ON y.id = o.cycle_id JOIN users u ON u.id = k.owner_id"
    " WHERE y.state = 'active' AND k.source = 'manual' AND u.active = 1"
    " HAVING ref <= UNIX_TIMESTAMP() - ? ORDER BY k.id LIMIT 1000");

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

/* 1 when some enabled channel has a rule for e, 0 when none, -1 on a
 * database failure. */
static int
scan_wanted(struct arena *a, enum notify_event e)
{
	struct db_res *res;

	if (db_query(a, &q_wanted, &res, "s", notify_event_name(e)) != DB_OK)
		return -1;
	return res->nrows > 0;
}

int
scan_sla_due(struct arena *a)
{
	struct db_res *res;
	int w = scan_wanted(a, NE_SLA_DUE);
	size_t i;

	if (w <= 0)
		return w;
	if (db_query(a, &q_due, &res, "") != DB_OK)
		return -1;
	for (i = 0; i < res->nrows; i++)
		if (outbox_sla_due(a, db_get_int(res, i, 0), db_get_int(res, i, 1)) != DB_OK)
			return -1;
	return 0;
}

int
scan_kr_stale(struct arena *a)
{
	struct outbox_staff_msg m;
	struct db_res *res;
	int w = scan_wanted(a, NE_KR_STALE);
	long long ref, n;
	size_t i;

	if (w <= 0)
		return w;
	if (db_query(a, &q_stale, &res, "i", (long long)OKR_STALE_SECS) != DB_OK)
		return -1;
	for (i = 0; i < res->nrows; i++) {
		ref = db_get_int(res, i, 3);
		n = notify_periods(ref, db_get_int(res, i, 4), OKR_STALE_SECS);
		if (n < 1)
			continue;
		memset(&m, 0, sizeof(m));
		m.event = NE_KR_STALE;
		/* the period counts from the last check-in: a new one starts again */
		m.key = arena_printf(a, "kr-%lld-%lld-%lld", db_get_int(res, i, 0), ref, n);
		m.to = OB_TO_USER;
		m.user = db_get_int(res, i, 1);
		m.number = m.staff = m.text = "";
		m.customer = db_gets(res, i, 2);
		m.code = arena_printf(a, "%lld", db_get_int(res, i, 0));
		m.window = arena_printf(a, "%lld", n * (OKR_STALE_SECS / 86400));
		if (outbox_staff(a, &m) != DB_OK)
			return -1;
	}
	return 0;
}

int
scan_weekly(struct arena *a, long long now)
{
	struct outbox_staff_msg m;
	int w = scan_wanted(a, NE_WEEKLY);
	long monday;
	const char *week;

	if (w <= 0)
		return w;
	/* the week that ended (Monday to Sunday, China time, as the page
	 * counts it): its report is complete */
	monday = metric_bucket_start(metric_day_of(now), METRIC_WEEK) - 7;
	week = metric_day_text(a, monday);
	memset(&m, 0, sizeof(m));
	m.event = NE_WEEKLY;
	m.key = arena_printf(a, "weekly-%s", week);
	m.to = OB_TO_WEEKLY;
	m.number = m.code = m.window = week;
	m.customer = m.staff = m.text = "";
	return outbox_staff(a, &m) == DB_OK ? 0 : -1;
}
