/* Drill-down: the tickets behind a metric's value, listed by the staff
 * queue (/desk/?metric=<key>&from=&to=...). Each metric names one set of
 * rows of its own row source (metrics_rows.h, the very rows metrics.c
 * sums) and a condition on them, so the list holds exactly the tickets
 * the metric counted:
 *
 *   n counts tickets (each ticket gives at most one row of the source in
 *   a period): volume, response, resolution, SLA, reopen, stage, survey
 *   response, CSAT (one survey per ticket), backlog. The list's length is
 *   n.
 *   n counts other rows: parts_use (part records), onsite_time (visits),
 *   complaints (ticket-days: a ticket flagged on 3 days counts 3). The
 *   list shows each ticket once: the distinct tickets with at least one
 *   such row in the period (<= n).
 *
 * Stock metrics (backlog, backlog_age) are the tickets open at the end T
 * of the period, by the registry's rule (a ticket is open from creation
 * until its last resolution or cancellation): created before T and either
 * open now, or resolved (resolved_at) or cancelled (updated_at) at or
 * after T. For a period that ends in the future T is in effect now: the
 * tickets open now.
 *
 * A "part" narrows a rate or score to its notable share (resolved late,
 * reopened, rated <= 2 ...): metric_drill_part_label() names it. */
#ifndef SL_METRIC_DRILL_H
#define SL_METRIC_DRILL_H

#include <stddef.h>
#include "db.h"
#include "metrics.h"

struct arena;

/* The sets of tickets a drill lists (one SQL condition each). */
enum metric_drill_set {
	MDS_CREATED = 0,      /* created in the period */
	MDS_FR,               /* first answered in the period */
	MDS_FR_LATE,          /*   ... after their respond-by time */
	MDS_RESOLVED,         /* resolved in the period (resolved or closed now) */
	MDS_RESOLVED_LATE,    /*   ... after their resolve-by time */
	MDS_RESOLVED_REOPENED,/*   ... that had been reopened */
	MDS_RESOLVED_RATED,   /*   ... rated by now */
	MDS_RESOLVED_UNRATED, /*   ... not rated */
	MDS_VISITED,          /*   ... with at least one visit */
	MDS_FIXED_FIRST,      /*   ... one visit, never reopened */
	MDS_WAITED_PARTS,     /*   ... that waited for parts */
	MDS_WAITED_CUSTOMER,  /*   ... that waited for the customer */
	MDS_RATED,            /* rated in the period */
	MDS_RATED_LOW,        /*   ... 1 or 2 */
	MDS_RATED_SATISFIED,  /*   ... 4 or 5 */
	MDS_PARTS,            /* a spare part recorded in the period */
	MDS_FLAGGED,          /* flagged by the complaint rules in the period */
	MDS_ACCEPTED,         /* first accepted in the period */
	MDS_DISPATCHED,       /* first dispatched in the period */
	MDS_ARRIVED,          /* first arrival in the period */
	MDS_VISITS,           /* a visit finished in the period */
	MDS_OPEN_AT_END,      /* open at the end of the period (stock) */
	MDS__MAX
};

/* How a metric drills down. */
struct metric_drill_def {
	enum metric_drill_set all;    /* the tickets behind the value (its n) */
	enum metric_drill_set part;   /* its notable share; MDS__MAX: none */
	int                   per_ticket;  /* 1: n counts these tickets; 0: n
	                                      counts records, visits or ticket-days */
};

/* The drill of a built-in metric, NULL for METRIC__MAX (pure). */
const struct metric_drill_def *metric_drill_def(enum metric_id);
/* The name of a set in lang ("超时解决" / "resolved late"), never NULL (pure). */
const char *metric_drill_set_label(enum metric_drill_set, const char *lang);

/* One drill: which set, the slice and period (f), and the queue's own
 * restrictions. */
struct metric_drill_query {
	enum metric_drill_set set;
	struct metric_filter  f;            /* from, to: UTC epochs, whole China days */
	long long             assignee;     /* 0 any; -1 nobody; else that user (current) */
	long long             only_assignee;  /* a technician's access rule; 0 none */
};

/* The ids of up to max tickets of q, newest first, below before_id
 * (LLONG_MAX: from the newest), into ids; *n how many; *total how many
 * tickets q lists in all (one pass over the set). */
enum db_rc metric_drill_ids(struct arena *, const struct metric_drill_query *q,
	    long long before_id, long long *ids, size_t max, size_t *n, long long *total);
/* How many tickets q lists. */
enum db_rc metric_drill_count(struct arena *, const struct metric_drill_query *q,
	    long long *count);

#endif
