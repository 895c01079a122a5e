/* Customer-journey maps: ordered stages (columns) x ordered lanes (rows);
 * a cell holds ordered items, each with its evidence; stages bind metrics
 * of the registry (metric_key.h) with a target. A map is a current-state
 * map or the golden (target) design of one (golden_of).
 *
 * The rules live here: evidence (journey_evidence_check), ordering
 * (journey_move_index), target status and trend, the geometry of the
 * emotion curve and of sparklines, the templates. Storage is journey_db.c:
 * every change runs in one transaction that first moves the map's version
 * from the one the form was made from (else JOURNEY_CONFLICT, nothing
 * written: 409) and ends with a row of the append-only journey_history. */
#ifndef SL_JOURNEY_H
#define SL_JOURNEY_H

#include <stddef.h>
#include "db.h"

struct arena;

#define JOURNEY_MAX_STAGES  12
#define JOURNEY_MAX_LANES   16
#define JOURNEY_MAX_ITEMS   12      /* per cell */
#define JOURNEY_MAX_METRICS 4       /* per stage */
#define JOURNEY_NAME_MAX    100     /* characters */
#define JOURNEY_STAGE_MAX   40
#define JOURNEY_ITEM_MAX    200
#define JOURNEY_EMOTION_MIN (-2)
#define JOURNEY_EMOTION_MAX 2

/* ---- Evidence of an item. */
enum journey_evidence {
	JOURNEY_EV_DATA = 0,        /* source: a metric key or a /desk/ path */
	JOURNEY_EV_RESEARCH,        /* source: where it was heard or read */
	JOURNEY_EV_ASSUMPTION,      /* no source */
	JOURNEY_EV__MAX
};
extern const char *const journey_evidence_names[];   /* NULL-terminated */
/* The evidence named s, or JOURNEY_EV__MAX. */
enum journey_evidence journey_evidence_parse(const char *s);
/* NULL when source suits the evidence, else the catalog key of the
 * problem: data needs a known metric key (metric_known) or a staff queue
 * path "/desk/..."; research needs a source text; an assumption has none.
 * source is trimmed already. */
const char *journey_evidence_check(enum journey_evidence, const char *source, int metric_known);

/* ---- Ordering. ids[0..n) in display order; moving the entry at idx by
 * delta (-1 up/left, +1 down/right) swaps it with its neighbour. Returns
 * the new index, or -1 (nothing changes) at an end or for a bad idx. */
long	journey_move_index(long long *ids, size_t n, size_t idx, int delta);

/* ---- Targets. */
enum journey_target {
	JOURNEY_TARGET_NONE = 0,    /* no target, no value, or "neither better" */
	JOURNEY_TARGET_ON,
	JOURNEY_TARGET_OFF
};
/* On target: higher-is-better metrics at or above it, lower-is-better at
 * or below it. better: +1, -1 or 0 (metric_info.better). */
enum journey_target journey_target_status(int better, int has_value, double value,
	    int has_target, double target);
/* The direction from prev to cur (METRIC_TREND_*-like: 0 none, 1 flat,
 * 2 up, 3 down) with *good +1/-1/0, values compared at 1/100 of a unit. */
int	journey_trend(int better, int has_cur, double cur, int has_prev, double prev, int *good);

/* ---- Geometry (SVG user units). */
struct journey_xy {
	double x, y;
};
#define JOURNEY_CURVE_W     960
#define JOURNEY_CURVE_H     120
#define JOURNEY_CURVE_PAD   14
/* Point of stage i of n with emotion score (-2..2, clamped) on a curve of
 * w x h: x at the centre of the stage's column, +2 at the top (pad), -2
 * at the bottom (h - pad), 0 in the middle. */
struct journey_xy journey_emotion_xy(size_t i, size_t n, int score, double w, double h,
	    double pad);
/* A smooth path through the n points (Catmull-Rom as cubic Béziers):
 * "M x,y C ..." in the arena; "" for n == 0. */
const char *journey_curve_path(struct arena *, const struct journey_xy *, size_t n);
/* A sparkline of n values (gaps where has[i] == 0) in w x h: the lowest
 * value at the bottom, the highest at the top, a flat series in the
 * middle. out[i] set for present values; returns how many are present. */
size_t	journey_spark(const double *v, const int *has, size_t n, double w, double h,
	    struct journey_xy *out);

/* ---- Templates. */
enum journey_template {
	JOURNEY_TPL_BLANK = 0,
	JOURNEY_TPL_REPAIR,
	JOURNEY_TPL_MEMBERSHIP,
	JOURNEY_TPL__MAX
};
extern const char *const journey_template_names[];   /* NULL-terminated */

/* ---- Lanes: what a lane holds. */
enum journey_lane_kind {
	JOURNEY_LANE_TEXT = 0,      /* items */
	JOURNEY_LANE_EMOTION,       /* the curve of the stages' scores */
	JOURNEY_LANE_METRICS,       /* the stages' bound metrics */
	JOURNEY_LANE_VISIBILITY,    /* the line of visibility */
	JOURNEY_LANE__MAX
};
enum journey_lane_kind journey_lane_kind_parse(const char *s);

/* ---- The stored map. */
struct journey_stage {
	long long   id;
	int         pos, emotion;
	const char *name;
};
struct journey_lane {
	long long              id;
	int                    pos, hidden;
	enum journey_lane_kind kind;
	const char            *role;   /* "pain", "opportunity", ... or "" */
	const char            *name;
};
struct journey_item {
	long long             id, stage_id, lane_id;
	int                   pos;
	const char           *body, *source;
	enum journey_evidence evidence;
};
struct journey_metric {
	long long   id, stage_id;
	int         pos, has_target;
	const char *key;
	double      target;
};
struct journey {
	long long   id, golden_of, category_id, team_id, owner_id, golden_id;
	int         golden, archived, version;
	const char *name, *tmpl, *channel, *owner_name, *updated_at;
	const char *persona_name, *persona_situation, *persona_goals, *persona_frustrations;
	struct journey_stage  *stages;   size_t nstages;
	struct journey_lane   *lanes;    size_t nlanes;
	struct journey_item   *items;    size_t nitems;
	struct journey_metric *metrics;  size_t nmetrics;
};

enum journey_rc {
	JOURNEY_OK = 0,
	JOURNEY_NOT_FOUND,      /* no such map, or the stage/lane/item is another map's */
	JOURNEY_CONFLICT,       /* the map changed since the form was made */
	JOURNEY_FULL,           /* a limit (stages, lanes, items, metrics) reached */
	JOURNEY_DB_DOWN,
	JOURNEY_DB_ERR
};

/* One row of the list page. */
struct journey_row {
	long long   id, golden_of;
	int         golden, archived, nstages, version;
	const char *name, *persona_name, *owner_name, *updated_at, *category, *category_en,
	            *team, *channel;
};

/* Maps (archived or not), most recently changed first (arena). */
enum journey_rc journey_list(struct arena *, int archived, struct journey_row **, size_t *n);
/* The whole map of id (arena); JOURNEY_NOT_FOUND when none. golden_id is
 * the map's live golden design (0 when none). */
enum journey_rc journey_load(struct arena *, long long id, struct journey *);

/* A new map from a template, named name (NULL: the template's name in
 * lang), owned by user. *id set. */
enum journey_rc journey_create(struct arena *, enum journey_template, const char *name,
	    const char *lang, long long user, long long *id);
/* A copy of map src with every stage, lane, item and bound metric: a
 * duplicate (golden 0) or its golden design (golden 1, linked by
 * golden_of, named name). */
enum journey_rc journey_copy(struct arena *, long long src, int golden, const char *name,
	    long long user, long long *id);

/* ---- Changes. Each takes the map id and the version the form was made
 * from, and the acting user. */
struct journey_edit {
	long long   id;
	int         version;
	long long   user;
};
enum journey_rc journey_set_archived(struct arena *, const struct journey_edit *, int archived);
struct journey_meta {
	const char *name, *persona_name, *persona_situation, *persona_goals,
	    *persona_frustrations, *channel;
	long long   category_id, team_id;
};
enum journey_rc journey_set_meta(struct arena *, const struct journey_edit *,
	    const struct journey_meta *);
enum journey_rc journey_stage_add(struct arena *, const struct journey_edit *, const char *name,
	    int emotion);
enum journey_rc journey_stage_save(struct arena *, const struct journey_edit *, long long stage,
	    const char *name, int emotion);
enum journey_rc journey_stage_move(struct arena *, const struct journey_edit *, long long stage,
	    int delta);
enum journey_rc journey_stage_delete(struct arena *, const struct journey_edit *, long long stage);
enum journey_rc journey_lane_add(struct arena *, const struct journey_edit *, const char *name);
enum journey_rc journey_lane_save(struct arena *, const struct journey_edit *, long long lane,
	    const char *name, int hidden);
enum journey_rc journey_lane_move(struct arena *, const struct journey_edit *, long long lane,
	    int delta);
struct journey_item_in {
	long long             stage, lane;
	const char           *body, *source;
	enum journey_evidence evidence;
};
enum journey_rc journey_item_add(struct arena *, const struct journey_edit *,
	    const struct journey_item_in *);
enum journey_rc journey_item_save(struct arena *, const struct journey_edit *, long long item,
	    const struct journey_item_in *);
/* dy moves within the cell (-1 up, +1 down), dx to the neighbouring stage
 * (appended to its cell). */
enum journey_rc journey_item_move(struct arena *, const struct journey_edit *, long long item,
	    int dx, int dy);
enum journey_rc journey_item_delete(struct arena *, const struct journey_edit *, long long item);
enum journey_rc journey_metric_add(struct arena *, const struct journey_edit *, long long stage,
	    const char *key, int has_target, double target);
enum journey_rc journey_metric_save(struct arena *, const struct journey_edit *, long long metric,
	    int has_target, double target);
enum journey_rc journey_metric_delete(struct arena *, const struct journey_edit *,
	    long long metric);

/* ---- History (append-only). */
struct journey_event {
	long long   id;
	int         version;
	const char *at, *who, *action, *detail;
};
enum journey_rc journey_history(struct arena *, long long id, struct journey_event **,
	    size_t *n);

/* ---- Snapshots: a map frozen with its metric values (copies, not ids). */
struct journey_snap_value {
	long long metric_id;        /* of the map's journey_metrics */
	int       has;
	double    value;
	long long n;
};
/* Freeze map j (loaded) under label with the values of its metrics over
 * the China-time days [day_from, day_to) (vals[i] for j->metrics[i]);
 * *id set. Recorded in the history; the map's version does not move. */
enum journey_rc journey_snapshot_add(struct arena *, const struct journey *, long long user,
	    const char *label, long day_from, long day_to,
	    const struct journey_snap_value *vals, long long *id);

struct journey_snap_item {
	int         stage_pos;
	const char *lane_name, *lane_role, *body;
	enum journey_evidence evidence;
};
struct journey_snap_metric {
	int         stage_pos, has_target, has;
	const char *key;
	double      target, value;
	long long   n;
};
struct journey_snapshot {
	long long   id, journey_id;
	const char *label, *taken_at, *taken_by, *period_from, *period_to;
	struct journey_stage       *stages;  size_t nstages;   /* id 0; pos, name, emotion */
	struct journey_snap_item   *items;   size_t nitems;
	struct journey_snap_metric *metrics; size_t nmetrics;
};
/* Snapshot snap of map journey (JOURNEY_NOT_FOUND when it is another
 * map's). Arena. */
enum journey_rc journey_snapshot_load(struct arena *, long long journey, long long snap,
	    struct journey_snapshot *);

/* ---- Measured emotion. The rule: among the tickets created in the
 * period and scope, each ticket is given to its slowest stage against the
 * stage's target: of the map's stages that bind a duration metric with a
 * target (time_to_accept, time_to_dispatch: from creation; time_to_arrival:
 * from dispatch; time_to_resolve: from creation to the first resolution),
 * the one where duration / target is highest (ties: the earlier stage;
 * stages whose milestone the ticket has not reached do not count; a ticket
 * with none is given to no stage). Per stage: how many tickets, how many
 * of them rated 1 or 2, how many carry a complaint warning, and a few of
 * their latest survey comments and customer replies as quotes. The
 * measured score is +2 - 4 x (share of those tickets rated <= 2 or with a
 * complaint warning), clamped to -2..+2, shown beside the designed score. */
#define JOURNEY_QUOTES 3
struct journey_measured {
	long long   tickets, low, flagged, bad;   /* bad: low or flagged */
	int         has_score;
	double      score;
	const char *quotes[JOURNEY_QUOTES];
	size_t      nquotes;
};
/* The index of the highest ratio among has[i] (ties: the lowest index),
 * or -1 when none has one. */
long	journey_slowest(const double *ratio, const int *has, size_t n);
/* +2 - 4 * bad / n, clamped to -2..+2 (n > 0). */
double	journey_measured_score(long long bad, long long n);
struct metric_filter;
/* out[i] for j->stages[i] (arena), over the filter's tickets. */
enum journey_rc journey_measure(struct arena *, const struct journey *,
	    const struct metric_filter *, struct journey_measured **out);

/* The lookups a map page needs: 1 when stage/lane/item/metric id belongs to
 * map j (a loaded map). */
const struct journey_stage  *journey_find_stage(const struct journey *, long long id);
const struct journey_lane   *journey_find_lane(const struct journey *, long long id);
const struct journey_item   *journey_find_item(const struct journey *, long long id);
const struct journey_metric *journey_find_metric(const struct journey *, long long id);

#endif
