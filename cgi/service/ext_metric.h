/* External metrics: figures of other systems (sales, membership app, call
 * centre) that an admin defines and whose data points are pushed through
 * the API, imported as CSV or typed in. They are read through the metric
 * registry by key (metric_key.h), so dashboards, journey stages and key
 * results use them like the built-in metrics.
 *
 * A point is (moment, dimensions) → value. The moment is a UTC epoch; a
 * plain date "YYYY-MM-DD" is that day's midnight in China time (the
 * calendar of every metric). Dimensions are category, team and channel,
 * each allowed only when the metric declares it (0 / "" = not carried).
 * The same point sent again changes nothing; another value for the same
 * moment and dimensions replaces it and the correction is recorded
 * (ext_metric_point_history, append-only).
 *
 * Aggregation over a period (and a filter of dimensions, which keeps the
 * points carrying exactly that category / team / channel; no filter keeps
 * every point):
 *   sum   the sum of the points; n = points;
 *   avg   the mean of the points; n = points;
 *   last  for each series (one combination of dimensions) its latest point
 *         in the period; the series are then added up when the unit adds
 *         up (count, CNY, a custom unit) and averaged otherwise (percent,
 *         score, minutes, hours); n = series.
 * A metric's points are best either all without dimensions or all with
 * them: a total sent beside its parts would be counted twice.
 *
 * This file's functions are pure (unit-tested); ext_metric_db.c stores and
 * loads. */
#ifndef SL_EXT_METRIC_H
#define SL_EXT_METRIC_H

#include <stddef.h>
#include "db.h"
#include "i18n.h"
#include "metrics.h"

struct arena;

#define EXT_KEY_MIN       2
#define EXT_KEY_MAX       40
#define EXT_MAX_POINTS    10000     /* points of one call or one CSV file */
#define EXT_VALUE_LIMIT   1e15      /* |value| below this: exact in a double */
#define EXT_CSV_MAX_BYTES (4u * 1024 * 1024)

enum ext_unit {
	EXT_U_COUNT = 0, EXT_U_PERCENT, EXT_U_CNY, EXT_U_MINUTES, EXT_U_HOURS, EXT_U_SCORE,
	EXT_U_CUSTOM, EXT_U__MAX
};
enum ext_agg { EXT_AGG_SUM = 0, EXT_AGG_AVG, EXT_AGG_LAST, EXT_AGG__MAX };
enum ext_source { EXT_SRC_API = 0, EXT_SRC_CSV, EXT_SRC_MANUAL, EXT_SRC_CLI, EXT_SRC__MAX };

/* As stored (NULL-terminated, index = enum). */
extern const char *const ext_unit_names[];
extern const char *const ext_agg_names[];
extern const char *const ext_source_names[];
/* The better directions as stored: "1", "-1", "0" (NULL-terminated). */
extern const char *const ext_better_names[];

struct ext_metric {
	long long     id;
	const char   *key, *zh, *en, *def_zh, *def_en;
	enum ext_unit unit;
	const char   *unit_label;       /* EXT_U_CUSTOM: the free label; else "" */
	enum ext_agg  agg;
	int           better;           /* +1, -1, 0 */
	int           dim_category, dim_team, dim_channel;
	int           active;
};

struct ext_point {
	long long   at;                 /* UTC epoch seconds */
	double      value;
	long long   category_id, team_id;   /* 0: not carried */
	const char *channel;            /* "": not carried */
};

/* The categories (id, code) and teams (id, name) points may name. */
struct ext_dims {
	const struct db_res *cats;
	const struct db_res *teams;
};

/* ---- Checks: NULL when fine, else the catalog key of the problem. */

/* [a-z0-9_]{2,40} and no built-in metric's key. */
const char *ext_key_check(const char *key);
/* A moment: "YYYY-MM-DD" (China-time midnight) or RFC 3339
 * ("2026-11-26T08:30:00Z", "...+08:00", fractions of a second dropped)
 * into *epoch. */
const char *ext_time_check(const char *s, long long *epoch);
/* RFC 3339 date-time only; 0 and *epoch, or -1. */
int	    ext_rfc3339_parse(const char *s, long long *epoch);
/* A decimal number as text ("12", "-3.5", "1e3"; no hex, inf or nan),
 * |v| < EXT_VALUE_LIMIT, into *out. */
const char *ext_value_check(const char *s, double *out);

/* Which field of a point a problem is about. */
enum ext_field { EXT_F_AT = 0, EXT_F_VALUE, EXT_F_CATEGORY, EXT_F_TEAM, EXT_F_CHANNEL,
	EXT_F__MAX };
extern const char *const ext_field_names[];   /* "at", "value", ... */

/* One point given as text (absent dimensions NULL or "") into *out; NULL,
 * or the catalog key of the problem and *field. The category is a code or
 * an id, the team an id or its exact name, the channel a ticket channel. */
const char *ext_point_check(const struct ext_metric *, const struct ext_dims *,
	    const char *const text[EXT_F__MAX], struct ext_point *out, enum ext_field *field);

/* ---- Aggregation (see the header comment). */

/* The value of points[0..n) (all inside the period) into out. For last,
 * the points must come sorted by series (category, team, channel) and then
 * moment, as ext_points_load() returns them. */
void	ext_aggregate(const struct ext_metric *, const struct ext_point *points, size_t n,
	    struct metric_value *out);
/* One value per bucket of [from, to) (cut at the ends, like
 * metric_series); points sorted as for ext_aggregate. *out in the arena. */
size_t	ext_series(struct arena *, const struct ext_metric *, const struct ext_point *points,
	    size_t n, long long from, long long to, enum metric_grain, struct metric_point **out);
/* The value with its unit in lang ("1,234 元", "92.5%", "—"). */
const char *ext_format(struct arena *, const struct ext_metric *, const struct metric_value *,
	    const char *lang);
/* The unit alone in lang ("元", "CNY", the custom label). */
const char *ext_unit_text(const struct ext_metric *, const char *lang);

/* ---- CSV (RFC 4180: quoted fields, "" inside quotes, CRLF or LF). */

struct ext_csv_row {
	size_t       line;              /* 1-based line where the record starts */
	size_t       n;                 /* fields */
	const char **f;
};

/* Split text[0..len) into records (empty lines skipped) in the arena;
 * 0, or -1 on an unterminated quote (*bad_line set). */
int	ext_csv_parse(struct arena *, const char *text, size_t len, struct ext_csv_row **rows,
	    size_t *n, size_t *bad_line);
/* The column of each point field in a header row (at, value, category,
 * team, channel; any case, surrounding spaces ignored); -1 when absent.
 * NULL, or the catalog key of a problem (no "at" or "value" column, an
 * unknown or repeated column: *bad names it). */
const char *ext_csv_header(const struct ext_csv_row *, int col[EXT_F__MAX], const char **bad);
/* The text of each field of a data row by col (NULL when absent). */
void	ext_csv_fields(const struct ext_csv_row *, const int col[EXT_F__MAX],
	    const char *text[EXT_F__MAX]);

/* The catalog of the EXT_ERR_... keys (ext_metric_msgs.c): register it
 * with i18n_register() where these problems are shown. */
extern const struct i18n_msg ext_metric_msgs[];
extern const size_t ext_metric_nmsgs;

/* ---- Storage (ext_metric_db.c). */

/* The metric of key (active or not) into out: DB_OK and *found. */
enum db_rc ext_metric_by_key(struct arena *, const char *key, struct ext_metric *out, int *found);
enum db_rc ext_metric_by_id(struct arena *, long long id, struct ext_metric *out, int *found);
/* Every metric by key (active_only: the active ones). Arena. */
enum db_rc ext_metric_list(struct arena *, int active_only, struct ext_metric **out, size_t *n);
/* Categories and teams points may name. */
enum db_rc ext_dims_load(struct arena *, struct ext_dims *);

struct ext_store_stats { size_t added, replaced, unchanged; };
/* Store points[0..n) in one transaction: all or nothing. Who: api_key_id
 * or user_id (0 when not). */
enum db_rc ext_points_store(const struct ext_metric *, const struct ext_point *, size_t n,
	    enum ext_source, long long api_key_id, long long user_id, struct ext_store_stats *);
/* The points of the filter's period (widened to whole China-time days)
 * and dimensions. Arena. */
enum db_rc ext_points_load(struct arena *, const struct ext_metric *,
	    const struct metric_filter *, struct ext_point **out, size_t *n);
/* The period [from, to) of a filter widened to whole China-time days. */
void	ext_period(const struct metric_filter *, long long *from, long long *to);

#endif
