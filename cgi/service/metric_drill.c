/* Drill-down (metric_drill.h): the tickets behind a metric, read from the
 * metric's own row source (metrics_rows.h) with the metric's own
 * condition on its rows, so the list cannot drift from the number.
 *
 * Every statement is "tickets whose id is among the rows of the set",
 * then the slice (MD_WHERE on the ticket's columns: the rows' slice
 * columns are the same ticket's) and the queue's assignee restrictions.
 * A set's rows are a range of its anchor's index (created_at,
 * first_response_at, resolved_at, surveys.created_at, ...): MariaDB
 * materializes them and reads the tickets by primary key. */
#include "metric_drill.h"
#include "arena.h"
#include "metrics_rows.h"
#include "ticket_state.h"

#include <string.h>

static const struct metric_drill_def defs[METRIC__MAX] = {
	[METRIC_VOLUME]           = { MDS_CREATED, MDS__MAX, 1 },
	[METRIC_FIRST_RESPONSE]   = { MDS_FR, MDS_FR_LATE, 1 },
	[METRIC_TIME_TO_RESOLVE]  = { MDS_RESOLVED, MDS_RESOLVED_LATE, 1 },
	[METRIC_SLA_COMPLIANCE]   = { MDS_RESOLVED, MDS_RESOLVED_LATE, 1 },
	[METRIC_FR_COMPLIANCE]    = { MDS_FR, MDS_FR_LATE, 1 },
	[METRIC_CSAT]             = { MDS_RATED, MDS_RATED_LOW, 1 },
	[METRIC_CSAT_SATISFIED]   = { MDS_RATED, MDS_RATED_SATISFIED, 1 },
	[METRIC_BACKLOG]          = { MDS_OPEN_AT_END, MDS__MAX, 1 },
	[METRIC_BACKLOG_AGE]      = { MDS_OPEN_AT_END, MDS__MAX, 1 },
	[METRIC_REOPEN_RATE]      = { MDS_RESOLVED, MDS_RESOLVED_REOPENED, 1 },
	[METRIC_PARTS_USE]        = { MDS_PARTS, MDS__MAX, 0 },
	[METRIC_COMPLAINTS]       = { MDS_FLAGGED, MDS__MAX, 0 },
	[METRIC_TIME_TO_ACCEPT]   = { MDS_ACCEPTED, MDS__MAX, 1 },
	[METRIC_TIME_TO_DISPATCH] = { MDS_DISPATCHED, MDS__MAX, 1 },
	[METRIC_TIME_TO_ARRIVAL]  = { MDS_ARRIVED, MDS__MAX, 1 },
	[METRIC_ONSITE_TIME]      = { MDS_VISITS, MDS__MAX, 0 },
	[METRIC_FIRST_TIME_FIX]   = { MDS_VISITED, MDS_FIXED_FIRST, 1 },
	[METRIC_WAITING_PARTS]    = { MDS_WAITED_PARTS, MDS__MAX, 1 },
	[METRIC_WAITING_CUSTOMER] = { MDS_WAITED_CUSTOMER, MDS__MAX, 1 },
	[METRIC_SURVEY_RESPONSE]  = { MDS_RESOLVED, MDS_RESOLVED_RATED, 1 },
};

static const char *const set_labels[MDS__MAX][2] = {
	[MDS_CREATED]           = { "期间内新建", "created in the period" },
	[MDS_FR]                = { "期间内首次响应", "first answered in the period" },
	[MDS_FR_LATE]           = { "响应超时", "answered late" },
	[MDS_RESOLVED]          = { "期间内解决", "resolved in the period" },
	[MDS_RESOLVED_LATE]     = { "超时解决", "resolved late" },
	[MDS_RESOLVED_REOPENED] = { "曾重开", "reopened" },
	[MDS_RESOLVED_RATED]    = { "已评价", "rated" },
	[MDS_VISITED]           = { "期间内解决且有上门", "resolved in the period with a visit" },
	[MDS_FIXED_FIRST]       = { "一次修复", "fixed at the first visit" },
	[MDS_WAITED_PARTS]      = { "期间内解决且曾等待备件",
	    "resolved in the period, waited for parts" },
	[MDS_WAITED_CUSTOMER]   = { "期间内解决且曾等待客户",
	    "resolved in the period, waited for the customer" },
	[MDS_RATED]             = { "期间内评价", "rated in the period" },
	[MDS_RATED_LOW]         = { "评分 ≤ 2", "rated 2 or lower" },
	[MDS_RATED_SATISFIED]   = { "评分 4–5", "rated 4 or 5" },
	[MDS_PARTS]             = { "期间内登记备件", "parts recorded in the period" },
	[MDS_FLAGGED]           = { "期间内投诉预警", "flagged in the period" },
	[MDS_ACCEPTED]          = { "期间内首次受理", "first accepted in the period" },
	[MDS_DISPATCHED]        = { "期间内首次派工", "first dispatched in the period" },
	[MDS_ARRIVED]           = { "期间内首次到达", "first arrival in the period" },
	[MDS_VISITS]            = { "期间内结束上门", "visit finished in the period" },
	[MDS_OPEN_AT_END]       = { "期末未结", "open at the end of the period" },
};

const struct metric_drill_def *
metric_drill_def(enum metric_id id)
{
	return (unsigned)id < METRIC__MAX ? &defs[id] : NULL;
}

const char *
metric_drill_set_label(enum metric_drill_set s, const char *lang)
{
	if ((unsigned)s >= MDS__MAX)
		return "";
	return set_labels[s][lang != NULL && strcmp(lang, "en") == 0];
}

/* ----------------------------------------------------------------- SQL */

/* The ticket ids of a flow set: its rows in [from, to) meeting cond. */
#define DR_ROWS(rows, cond) "SELECT tid FROM (" rows ") r WHERE " cond
/* The ticket ids of the stock: created before T and open now, or left
 * (resolved, cancelled: the rows that take a ticket off the backlog) at
 * or after T. Bound: the open statuses (ticket_status_open()), T, then
 * (T, DR_NEVER, T) twice. */
#define DR_LEFT_SINCE " AND t.created_at < FROM_UNIXTIME(?)"
#define DR_OPEN_AT_END \
	DR_ROWS(MD_ROWS_CREATED("t.status IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" \
	    " AND t.created_at < FROM_UNIXTIME(?)"), "1") \
	" UNION ALL " DR_ROWS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at") DR_LEFT_SINCE), "1") \
	" UNION ALL " DR_ROWS(MD_ROWS_CANCELLED(MD_IN("t.updated_at") DR_LEFT_SINCE), "1")
/* "and later": the last second FROM_UNIXTIME() takes in MariaDB 10.11
 * (2038-01-19; past it, it gives NULL and nothing would match). */
#define DR_NEVER 2147483647LL
_Static_assert(TS__MAX == 10, "DR_OPEN_AT_END has one place per status");

/* The tickets of a set, the slice, the assignee (a user; nobody) and the
 * technician's access rule. */
#define DR_TICKETS(ids) " FROM tickets t WHERE t.id IN (" ids ") AND " \
	MD_WHERE("t.category_id", "COALESCE(t.team_id, 0)", "t.channel") \
	" AND (? = 0 OR t.assignee_id = ?) AND (? = 0 OR t.assignee_id IS NULL)" \
	" AND (? = 0 OR t.assignee_id = ?)"
#define DR_PAGE(ids)  DB_Q("SELECT t.id" DR_TICKETS(ids) \
	" AND t.id < ? ORDER BY t.id DESC LIMIT ?")
#define DR_COUNT(ids) DB_Q("SELECT COUNT(*)" DR_TICKETS(ids))

#define DR_SETS(X) \
	X(MDS_CREATED, DR_ROWS(MD_ROWS_CREATED(MD_IN("t.created_at")), "1")) \
	X(MDS_FR, DR_ROWS(MD_ROWS_FIRST_RESPONSE(MD_IN("t.first_response_at")), "1")) \
	X(MDS_FR_LATE, DR_ROWS(MD_ROWS_FIRST_RESPONSE(MD_IN("t.first_response_at")), "ok = 0")) \
	X(MDS_RESOLVED, DR_ROWS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at")), "1")) \
	X(MDS_RESOLVED_LATE, DR_ROWS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at")), "ok = 0")) \
	X(MDS_RESOLVED_REOPENED, DR_ROWS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at")), "reo = 1")) \
	X(MDS_RESOLVED_RATED, DR_ROWS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at")), "rated = 1")) \
	X(MDS_VISITED, DR_ROWS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at")), MD_IS_VISITED)) \
	X(MDS_FIXED_FIRST, DR_ROWS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at")), \
	    MD_IS_FIXED_FIRST)) \
	X(MDS_WAITED_PARTS, DR_ROWS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at")), \
	    MD_IS_WAITED_PARTS)) \
	X(MDS_WAITED_CUSTOMER, DR_ROWS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at")), \
	    MD_IS_WAITED_CUST)) \
	X(MDS_RATED, DR_ROWS(MD_ROWS_RATED(MD_IN("s.created_at")), "1")) \
	X(MDS_RATED_LOW, DR_ROWS(MD_ROWS_RATED(MD_IN("s.created_at")), MD_IS_LOW_RATING)) \
	X(MDS_RATED_SATISFIED, DR_ROWS(MD_ROWS_RATED(MD_IN("s.created_at")), MD_IS_SATISFIED)) \
	X(MDS_PARTS, DR_ROWS(MD_ROWS_PARTS(MD_IN("p.created_at")), "1")) \
	X(MDS_FLAGGED, DR_ROWS(MD_ROWS_FLAGGED(MD_IN("f.at")), "1")) \
	X(MDS_ACCEPTED, DR_ROWS(MD_ROWS_ACCEPTED(MD_IN("t.accepted_at")), "1")) \
	X(MDS_DISPATCHED, DR_ROWS(MD_ROWS_DISPATCHED(MD_IN("t.dispatched_at")), "1")) \
	X(MDS_ARRIVED, DR_ROWS(MD_ROWS_ARRIVED(MD_IN("t.arrived_at")), "1")) \
	X(MDS_VISITS, DR_ROWS(MD_ROWS_VISITS(MD_IN("v.finished_at")), "1")) \
	X(MDS_OPEN_AT_END, DR_OPEN_AT_END)

#define DR_AS_PAGE(set, ids)  [set] = DR_PAGE(ids),
#define DR_AS_COUNT(set, ids) [set] = DR_COUNT(ids),
static struct db_q q_page[MDS__MAX] = { DR_SETS(DR_AS_PAGE) };
static struct db_q q_count[MDS__MAX] = { DR_SETS(DR_AS_COUNT) };

/* The bound values of a query, in the order of the places: the set's
 * own (a period; or the stock's), then DR_TICKETS. */
struct drbind {
	const char *st[TS__MAX];       /* the stock's open statuses, NULL unused */
	long long   set[7];            /* the stock: T, T, never, T, T, never, T */
	long long   cat, team, who, nobody, tech;
	const char *chan;
};

static void
drbind_init(const struct metric_drill_query *q, struct drbind *b)
{
	long long t = q->f.to;
	int s, n = 0;

	memset(b, 0, sizeof(*b));
	for (s = 0; s < TS__MAX; s++)
		if (ticket_status_open((enum ticket_status)s))
			b->st[n++] = ticket_status_name((enum ticket_status)s);
	b->set[0] = t;
	b->set[1] = t, b->set[2] = DR_NEVER, b->set[3] = t;
	b->set[4] = t, b->set[5] = DR_NEVER, b->set[6] = t;
	b->cat = q->f.category_id > 0 ? q->f.category_id : 0;
	b->team = q->f.team_id > 0 ? q->f.team_id : 0;
	b->chan = q->f.channel != NULL ? q->f.channel : "";
	b->who = q->assignee > 0 ? q->assignee : 0;
	b->nobody = q->assignee < 0;
	b->tech = q->only_assignee > 0 ? q->only_assignee : 0;
}

#define DR_T_TYPES "iiiiss" "iii" "ii"
#define DR_T_ARGS(b) (b)->cat, (b)->cat, (b)->team, (b)->team, (b)->chan, (b)->chan, \
	(b)->who, (b)->who, (b)->nobody, (b)->tech, (b)->tech

/* Run the page (page != 0: with before_id, limit) or count statement of q. */
static enum db_rc
drill_run(struct arena *a, const struct metric_drill_query *q, int page, long long before_id,
    long long limit, struct db_res **res)
{
	struct db_q *st = page ? &q_page[q->set] : &q_count[q->set];
	struct drbind b;

	if ((unsigned)q->set >= MDS__MAX)
		return DB_ERR;
	drbind_init(q, &b);
#define ST_ARGS b.st[0], b.st[1], b.st[2], b.st[3], b.st[4], b.st[5], b.st[6], b.st[7], \
	b.st[8], b.st[9]
#define SET_ARGS b.set[0], b.set[1], b.set[2], b.set[3], b.set[4], b.set[5], b.set[6]
	if (q->set == MDS_OPEN_AT_END && page)
		return db_query(a, st, res, "ssssssssss" "iiiiiii" DR_T_TYPES "ii", ST_ARGS,
		    SET_ARGS, DR_T_ARGS(&b), before_id, limit);
	if (q->set == MDS_OPEN_AT_END)
		return db_query(a, st, res, "ssssssssss" "iiiiiii" DR_T_TYPES, ST_ARGS, SET_ARGS,
		    DR_T_ARGS(&b));
	if (page)
		return db_query(a, st, res, "ii" DR_T_TYPES "ii", q->f.from, q->f.to,
		    DR_T_ARGS(&b), before_id, limit);
	return db_query(a, st, res, "ii" DR_T_TYPES, q->f.from, q->f.to, DR_T_ARGS(&b));
#undef ST_ARGS
#undef SET_ARGS
}

enum db_rc
metric_drill_ids(struct arena *a, const struct metric_drill_query *q, long long before_id,
    long long *ids, size_t max, size_t *n)
{
	struct db_res *res;
	enum db_rc rc;
	size_t i;

	*n = 0;
	if ((rc = drill_run(a, q, 1, before_id, (long long)max, &res)) != DB_OK)
		return rc;
	for (i = 0; i < res->nrows && i < max; i++)
		ids[i] = db_get_int(res, i, 0);
	*n = i;
	return DB_OK;
}

enum db_rc
metric_drill_count(struct arena *a, const struct metric_drill_query *q, long long *count)
{
	struct db_res *res;
	enum db_rc rc;

	*count = 0;
	if ((rc = drill_run(a, q, 0, 0, 0, &res)) != DB_OK)
		return rc;
	if (res->nrows == 1)
		*count = db_get_int(res, 0, 0);
	return DB_OK;
}
