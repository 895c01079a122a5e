/* Drill-down (metric_drill.h): the tickets behind a metric, read from the
 * metric's own row source (metrics_rows.h) with the metric's own
 * condition on its rows, so the list cannot drift from the number.
 *
 * Every statement reads the ticket ids of the set (its rows in the
 * period, the metric's condition and slice: a range of the anchor's index
 * such as created_at, first_response_at, resolved_at, surveys.created_at,
 * materialized), then those tickets by primary key with the queue's
 * assignee restrictions. */
#include "metric_drill.h"
#include "arena.h"
#include "metrics_rows.h"
#include "ticket_state.h"

#include <limits.h>
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

/* The ticket ids of a set: the rows of its source meeting cond, in the
 * slice (the metric's own filter on its rows), each ticket once. The
 * DISTINCT keeps it a derived table of its own: MariaDB reads the range of
 * the anchor's index into it, rather than walk the whole primary key in
 * search of the page's tickets. */
#define DR_IDS(rows, cond) \
	"SELECT DISTINCT tid FROM (" rows ") r WHERE " cond " AND " MD_WHERE_ROWS
/* The stock: created before T and open now, or left (resolved,
 * cancelled: the rows that take a ticket off the backlog) at or after T.
 * Bound: the open statuses (ticket_status_open()), T, then (T, DR_NEVER,
 * T) twice. */
#define DR_SLICED(rows) "SELECT tid, category_id, team_id, channel, assignee_id FROM (" rows ") x"
#define DR_LEFT_SINCE " AND t.created_at < FROM_UNIXTIME(?)"
#define DR_OPEN_AT_END \
	DR_SLICED(MD_ROWS_CREATED("t.status IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" \
	    " AND t.created_at < FROM_UNIXTIME(?)")) \
	" UNION ALL " DR_SLICED(MD_ROWS_RESOLVED(MD_IN("t.resolved_at") DR_LEFT_SINCE)) \
	" UNION ALL " DR_SLICED(MD_ROWS_CANCELLED(MD_IN("t.updated_at") DR_LEFT_SINCE))
/* "and later": the last second FROM_UNIXTIME() takes in MariaDB 10.11
 * (2038-01-19; past it, it gives NULL and nothing would match). */
#define DR_NEVER 2147483647LL
_Static_assert(TS__MAX == 10, "DR_OPEN_AT_END has one place per status");

/* A page of a set, newest first, with the number of its tickets on every
 * row: one pass over the set (COUNT(*) OVER () counts it before the
 * cursor "tid + 0 < ?" cuts it; a bare tid could be pushed into the set
 * and make MariaDB walk the primary key instead of the anchor's index).
 * Plain, or with the assignee (a user; nobody) and the technician's access
 * rule, which need the tickets themselves (STRAIGHT_JOIN: the set first). */
#define DR_WHO " WHERE (? = 0 OR t.assignee_id = ?) AND (? = 0 OR t.assignee_id IS NULL)" \
	" AND (? = 0 OR t.assignee_id = ?)"
#define DR_CUT " WHERE tid + 0 < ? ORDER BY tid DESC LIMIT ?"
#define DR_PAGE(ids) DB_Q("SELECT tid, n FROM (SELECT tid, COUNT(*) OVER () AS n" \
	" FROM (" ids ") d) w" DR_CUT)
#define DR_PAGE_WHO(ids) DB_Q("SELECT tid, n FROM (SELECT STRAIGHT_JOIN t.id AS tid," \
	" COUNT(*) OVER () AS n FROM (" ids ") d JOIN tickets t ON t.id = d.tid" DR_WHO ") w" \
	DR_CUT)
/* The count alone (a page past the end has no row to carry it). */
#define DR_COUNT(ids) DB_Q("SELECT STRAIGHT_JOIN COUNT(*) FROM (" ids ") d" \
	" JOIN tickets t ON t.id = d.tid" DR_WHO)

#define DR_SETS(X) \
	X(MDS_CREATED, DR_IDS(MD_ROWS_CREATED(MD_IN("t.created_at")), "1")) \
	X(MDS_FR, DR_IDS(MD_ROWS_FIRST_RESPONSE(MD_IN("t.first_response_at")), "1")) \
	X(MDS_FR_LATE, DR_IDS(MD_ROWS_FIRST_RESPONSE(MD_IN("t.first_response_at")), "ok = 0")) \
	X(MDS_RESOLVED, DR_IDS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at")), "1")) \
	X(MDS_RESOLVED_LATE, DR_IDS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at")), "ok = 0")) \
	X(MDS_RESOLVED_REOPENED, DR_IDS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at")), "reo = 1")) \
	X(MDS_RESOLVED_RATED, DR_IDS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at")), "rated = 1")) \
	X(MDS_VISITED, DR_IDS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at")), MD_IS_VISITED)) \
	X(MDS_FIXED_FIRST, DR_IDS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at")), \
	    MD_IS_FIXED_FIRST)) \
	X(MDS_WAITED_PARTS, DR_IDS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at")), \
	    MD_IS_WAITED_PARTS)) \
	X(MDS_WAITED_CUSTOMER, DR_IDS(MD_ROWS_RESOLVED(MD_IN("t.resolved_at")), \
	    MD_IS_WAITED_CUST)) \
	X(MDS_RATED, DR_IDS(MD_ROWS_RATED(MD_IN("s.created_at")), "1")) \
	X(MDS_RATED_LOW, DR_IDS(MD_ROWS_RATED(MD_IN("s.created_at")), MD_IS_LOW_RATING)) \
	X(MDS_RATED_SATISFIED, DR_IDS(MD_ROWS_RATED(MD_IN("s.created_at")), MD_IS_SATISFIED)) \
	X(MDS_PARTS, DR_IDS(MD_ROWS_PARTS(MD_IN("p.created_at")), "1")) \
	X(MDS_FLAGGED, DR_IDS(MD_ROWS_FLAGGED(MD_IN("f.at")), "1")) \
	X(MDS_ACCEPTED, DR_IDS(MD_ROWS_ACCEPTED(MD_IN("t.accepted_at")), "1")) \
	X(MDS_DISPATCHED, DR_IDS(MD_ROWS_DISPATCHED(MD_IN("t.dispatched_at")), "1")) \
	X(MDS_ARRIVED, DR_IDS(MD_ROWS_ARRIVED(MD_IN("t.arrived_at")), "1")) \
	X(MDS_VISITS, DR_IDS(MD_ROWS_VISITS(MD_IN("v.finished_at")), "1")) \
	X(MDS_OPEN_AT_END, DR_IDS(DR_OPEN_AT_END, "1"))

#define DR_AS_PAGE(set, ids)     [set] = DR_PAGE(ids),
#define DR_AS_PAGE_WHO(set, ids) [set] = DR_PAGE_WHO(ids),
#define DR_AS_COUNT(set, ids)    [set] = DR_COUNT(ids),
static struct db_q q_page[MDS__MAX] = { DR_SETS(DR_AS_PAGE) };
static struct db_q q_page_who[MDS__MAX] = { DR_SETS(DR_AS_PAGE_WHO) };
static struct db_q q_count[MDS__MAX] = { DR_SETS(DR_AS_COUNT) };

/* The bound values of a query, in the order of the places: the set's
 * own (a period; or the stock's), the slice, then DR_WHO. */
struct drbind {
	const char *st[TS__MAX];       /* the stock's open statuses, NULL unused */
	long long   set[7];            /* the stock: T, T, never, T, T, never, T */
	long long   cat, team, who, nobody, tech, slice_who;
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
	b->slice_who = q->f.assignee_id > 0 ? q->f.assignee_id : 0;
	b->who = q->assignee > 0 ? q->assignee : 0;
	b->nobody = q->assignee < 0;
	b->tech = q->only_assignee > 0 ? q->only_assignee : 0;
}

#define DR_SLICE_TYPES "iiiissii"
#define DR_SLICE_ARGS(b) (b)->cat, (b)->cat, (b)->team, (b)->team, (b)->chan, (b)->chan, \
	(b)->slice_who, (b)->slice_who
#define DR_WHO_TYPES "iiiii"
#define DR_WHO_ARGS(b) (b)->who, (b)->who, (b)->nobody, (b)->tech, (b)->tech
#define DR_ST_TYPES "ssssssssss" "iiiiiii"
#define DR_ST_ARGS(b) (b)->st[0], (b)->st[1], (b)->st[2], (b)->st[3], (b)->st[4], \
	(b)->st[5], (b)->st[6], (b)->st[7], (b)->st[8], (b)->st[9], (b)->set[0], (b)->set[1], \
	(b)->set[2], (b)->set[3], (b)->set[4], (b)->set[5], (b)->set[6]

enum dr_kind { DR_K_PAGE, DR_K_PAGE_WHO, DR_K_COUNT };

/* Run one statement of q's set: a page (with before_id, limit) or the
 * count. */
static enum db_rc
drill_run(struct arena *a, const struct metric_drill_query *q, enum dr_kind k,
    long long before_id, long long limit, struct db_res **res)
{
	struct db_q *st;
	struct drbind b;
	int stock = q->set == MDS_OPEN_AT_END;

	if ((unsigned)q->set >= MDS__MAX)
		return DB_ERR;
	st = k == DR_K_PAGE ? &q_page[q->set] : k == DR_K_PAGE_WHO ? &q_page_who[q->set] :
	    &q_count[q->set];
	drbind_init(q, &b);
	if (k == DR_K_PAGE && stock)
		return db_query(a, st, res, DR_ST_TYPES DR_SLICE_TYPES "ii", DR_ST_ARGS(&b),
		    DR_SLICE_ARGS(&b), before_id, limit);
	if (k == DR_K_PAGE)
		return db_query(a, st, res, "ii" DR_SLICE_TYPES "ii", q->f.from, q->f.to,
		    DR_SLICE_ARGS(&b), before_id, limit);
	if (k == DR_K_PAGE_WHO && stock)
		return db_query(a, st, res, DR_ST_TYPES DR_SLICE_TYPES DR_WHO_TYPES "ii",
		    DR_ST_ARGS(&b), DR_SLICE_ARGS(&b), DR_WHO_ARGS(&b), before_id, limit);
	if (k == DR_K_PAGE_WHO)
		return db_query(a, st, res, "ii" DR_SLICE_TYPES DR_WHO_TYPES "ii", q->f.from,
		    q->f.to, DR_SLICE_ARGS(&b), DR_WHO_ARGS(&b), before_id, limit);
	if (stock)
		return db_query(a, st, res, DR_ST_TYPES DR_SLICE_TYPES DR_WHO_TYPES,
		    DR_ST_ARGS(&b), DR_SLICE_ARGS(&b), DR_WHO_ARGS(&b));
	return db_query(a, st, res, "ii" DR_SLICE_TYPES DR_WHO_TYPES, q->f.from, q->f.to,
	    DR_SLICE_ARGS(&b), DR_WHO_ARGS(&b));
}

enum db_rc
metric_drill_ids(struct arena *a, const struct metric_drill_query *q, long long before_id,
    long long *ids, size_t max, size_t *n, long long *total)
{
	int who = q->assignee != 0 || q->only_assignee > 0;
	struct db_res *res;
	enum db_rc rc;
	size_t i;

	*n = 0;
	*total = 0;
	rc = drill_run(a, q, who ? DR_K_PAGE_WHO : DR_K_PAGE, before_id, (long long)max, &res);
	if (rc != DB_OK)
		return rc;
	for (i = 0; i < res->nrows && i < max; i++)
		ids[i] = db_get_int(res, i, 0);
	*n = i;
	if (i > 0)
		*total = db_get_int(res, 0, 1);
	else if (before_id != LLONG_MAX)    /* past the end: count apart */
		return metric_drill_count(a, q, total);
	return DB_OK;
}

enum db_rc
metric_drill_count(struct arena *a, const struct metric_drill_query *q, long long *count)
{
	struct db_res *res;
	enum db_rc rc;

	*count = 0;
	if ((rc = drill_run(a, q, DR_K_COUNT, 0, 0, &res)) != DB_OK)
		return rc;
	if (res->nrows == 1)
		*count = db_get_int(res, 0, 0);
	return DB_OK;
}
