/* The journey plugin (/journeys/): the list (list.c), one map (map.c with
 * lanes.c for the metrics and emotion lanes), its changes (edit.c), the
 * golden design and snapshots (golden.c, snapshot.c), history (history.c)
 * and exports (export.c). The model and its rules are cgi/service/journey.h. */
#ifndef SL_JR_H
#define SL_JR_H

#include <stddef.h>
#include "journey.h"
#include "metric_key.h"

struct req;
struct arena;
#include "i18n.h"
typedef struct tmpl_dict tmpl_dict;

extern const struct i18n_msg jr_msgs[];
extern const size_t jr_nmsgs;

/* The period of a map page: ?from=&to= (YYYY-MM-DD, to inclusive), by
 * default the last 30 days up to today; the previous period of the same
 * length before it. */
struct jr_period {
	long        day_from, day_to;    /* [from, to) China-time days */
	const char *from_text, *to_text; /* as shown in the form (to inclusive) */
	int         is_default;
	enum metric_grain grain;         /* of the sparklines */
};
/* NULL, or the catalog key of a bad from/to (the caller answers 400). */
const char *jr_period_parse(struct req *, struct jr_period *);
/* The metric filter of map j over [from, to) days. */
void	jr_filter(const struct journey *, long day_from, long day_to, struct metric_filter *);

/* One bound metric as the metrics lane shows it. */
struct jr_value {
	const struct journey_metric *m;
	struct metric_info  info;
	int                 found;          /* the key is in the registry */
	struct metric_value cur, prev;
	enum journey_target status;
	int                 trend, good;    /* journey_trend() */
	const char         *value_text, *target_text, *drill, *spark;  /* spark: polyline points */
};
/* Values already computed in this request, by metric key and filter:
 * the list page shows many maps over the same scopes. */
struct jr_memo {
	struct jr_memo_entry *e;
	size_t                n, cap;
};
/* The values of every metric bound to map j for period p (arena; in the
 * order of j->metrics). *out NULL when j binds none. memo may be NULL. */
enum db_rc jr_values(struct req *, const struct journey *, const struct jr_period *,
	    int with_spark, struct jr_memo *, struct jr_value **out);
/* How many stages have a bound metric off target. */
int	jr_stages_off(const struct journey *, const struct jr_value *);
/* The metric's target as text ("30 分钟"), "" without one. */
const char *jr_target_text(struct req *, const struct metric_info *, int has, double target);

/* Map id of the path's first capture: *id set, 0; -1 when it is not a
 * positive number. */
int	jr_id_param(struct req *, size_t which, long long *id);
/* Answer a model result that is not JOURNEY_OK (404, 503, 500). */
int	jr_fail(struct req *, enum journey_rc);
/* 1 when the signed-in user may change maps (supervisors and admins). */
int	jr_can_edit(const struct req *);

/* Pages. */
int	jr_list(struct req *);
int	jr_new(struct req *);
int	jr_copy(struct req *);
int	jr_archive(struct req *);
int	jr_map(struct req *);
int	jr_history(struct req *);
int	jr_meta(struct req *);
int	jr_stage_add(struct req *);
int	jr_stage(struct req *);
int	jr_lane_add(struct req *);
int	jr_lane(struct req *);
int	jr_item_add(struct req *);
int	jr_item(struct req *);
int	jr_metric_add(struct req *);
int	jr_metric(struct req *);
int	jr_golden(struct req *);
int	jr_snapshot_add(struct req *);
int	jr_snapshot(struct req *);

/* The map page parts (map.c): the grid, persona and lanes into d. */
void	jr_map_fill(struct req *, tmpl_dict *, const struct journey *, const struct jr_period *,
	    const struct jr_value *, const struct journey *golden, const struct jr_value *gvals);
/* The emotion curve(s) into the include EMOTION_CHART of d. */
void	jr_emotion_fill(struct req *, tmpl_dict *, const struct journey *,
	    const struct journey *golden);
/* Exports of map j: GET /journeys/<id>.svg and .csv. */
int	jr_export_svg(struct req *, const struct journey *, const struct jr_period *,
	    const struct jr_value *);
int	jr_export_csv(struct req *, const struct journey *, const struct jr_period *,
	    const struct jr_value *);

/* The page of a refused form (422) or of a conflicting change (409): the
 * form again with the values sent and each problem next to its field. */
struct jr_fix;
struct jr_fix *jr_fix_new(struct req *, const char *action, const char *title_key);
void	jr_fix_hidden(struct jr_fix *, const char *name, const char *value);
void	jr_fix_text(struct jr_fix *, const char *name, const char *label_key, const char *value,
	    const char *problem, size_t max, int area);
/* A <select>: values[i] shown as labels[i] (already in the request language). */
void	jr_fix_select(struct jr_fix *, const char *name, const char *label_key, const char *value,
	    const char *problem, const char *const *values, const char *const *labels, size_t n);
void	jr_fix_button(struct jr_fix *, const char *name, const char *value, const char *label_key);
int	jr_fix_send(struct jr_fix *, int status, const char *note_key, long long back_id);

#endif
