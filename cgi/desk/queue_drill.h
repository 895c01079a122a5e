/* The queue's drill-down (queue_drill.c): GET /desk/?metric=<key>&from=
 * YYYY-MM-DD&to=YYYY-MM-DD[&part=1] plus the slice (category, team,
 * channel; assignee for the CSAT tables) lists exactly the tickets behind
 * a metric's value (cgi/service/metric_drill.h), newest first, with a
 * banner saying which filter came from which metric and how many tickets
 * it holds. The links come from metric_drill_path(). */
#ifndef SL_DESK_QUEUE_DRILL_H
#define SL_DESK_QUEUE_DRILL_H

#include <stddef.h>
#include "db.h"
#include "i18n.h"
#include "metrics.h"
#include "queue_db.h"

struct req;
struct arena;

struct queue_drill {
	enum metric_id metric;      /* METRIC__MAX: no drill-down */
	int            part;        /* the metric's notable share only */
	long           day_from, day_to;   /* China-time days, to inclusive; -1 unset */
};

#define QUEUE_DRILL_MAX_DAYS 3700   /* about ten years */

void	    queue_drill_init(struct queue_drill *);
/* Validators of metric, from/to and part: NULL, or the catalog key of the
 * problem. */
const char *queue_drill_check_metric(struct queue_drill *, const char *v);
const char *queue_drill_check_day(const char *v, long *day);
const char *queue_drill_check_part(struct queue_drill *, const char *v);
/* After every key: the drill's own keys hang together (metric with from
 * and to, from <= to, a part the metric has). NULL, or the problem and in
 * *key which of "metric", "from", "to", "part". */
const char *queue_drill_complete(const struct queue_drill *, int have_metric,
	    int have_from, int have_to, int have_part, const char **key);

/* A page of the drill for the queue's filter f (its category, team,
 * channel, assignee, access rule and cursor) into *page, and how many
 * tickets the drill lists into *count. */
enum db_rc queue_drill_fetch(struct arena *, const struct queue_drill *,
	    const struct queue_filter *f, struct queue_page *page, long long *count);

/* Section DRILL of d: the metric, period, slice texts (nslice of them),
 * the set and its count, a link to the part (or back to all of it) and
 * one to clear the drill. hrefs in the arena by the caller. */
void	queue_drill_banner(struct req *, tmpl_dict *, const struct queue_drill *,
	    const char *const *slice, size_t nslice, long long count, const char *href_other,
	    const char *href_clear);

extern const struct i18n_msg desk_msgs_drill[];
extern const size_t desk_nmsgs_drill;

#endif
