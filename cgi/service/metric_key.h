/* Metrics named by their key: the one way journey stages, key results, KPI
 * trees and the metrics API read a metric. A key names a built-in metric of
 * the registry (ticket and stage metrics, metrics.h) or an external metric
 * an admin defined (points pushed by other systems); both are computed
 * through the same functions, so a number has one definition wherever it
 * shows. */
#ifndef SL_METRIC_KEY_H
#define SL_METRIC_KEY_H

#include <stddef.h>
#include "db.h"
#include "metrics.h"

struct arena;
struct ext_metric;

struct metric_info {
	const char      *key;
	const char      *zh, *en;           /* label */
	const char      *def_zh, *def_en;   /* the definition in one sentence */
	enum metric_unit unit;
	int              better;            /* +1 higher is better, -1 lower, 0 neither */
	int              stock;             /* a state at the end of the period */
	int              external;          /* 1: an admin-defined external metric */
	enum metric_id   id;                /* built-in: its id; external: METRIC__MAX */
	/* External only (else NULL): the definition (ext_metric.h; arena).
	 * unit then holds the nearest built-in unit (METRIC_U_UNITS for
	 * counts, money and custom units); ext->unit is the real one. */
	const struct ext_metric *ext;
};

/* The metric of key into out: DB_OK and 1, DB_OK and 0 when no metric has
 * that key, or the database's error. An external metric is found whether
 * active or not (what is bound to it keeps working). */
enum db_rc metric_info_by_key(struct arena *, const char *key, struct metric_info *out,
	    int *found);
/* Every metric: the built-in ones in registry order, then the active
 * external ones by key. *out in the arena. */
enum db_rc metric_info_list(struct arena *, struct metric_info **out, size_t *n);

/* The value, or one value per bucket, of the metric of key for the filter
 * (metric_compute / metric_series for built-in metrics). An unknown key is
 * DB_ERR. */
enum db_rc metric_compute_key(struct arena *, const char *key, const struct metric_filter *,
	    struct metric_value *out);
enum db_rc metric_series_key(struct arena *, const char *key, const struct metric_filter *,
	    enum metric_grain, struct metric_point **out, size_t *n);

/* The value with its unit for lang ("92.5%", "35 分钟", "—"). */
const char *metric_info_format(struct arena *, const struct metric_info *,
	    const struct metric_value *, const char *lang);
/* The label of a metric in lang. */
const char *metric_info_label(const struct metric_info *, const char *lang);

/* The staff queue listing the tickets behind the value of the metric of
 * key for the filter ("/desk/?..."), or NULL when no tickets stand behind
 * it (external metrics). */
const char *metric_drill_path(struct arena *, const char *key, const struct metric_filter *);

#endif
