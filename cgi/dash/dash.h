/* The dash plugin: KPI dashboards over the metric registry (metrics.h).
 * Pages: GET /dash/ (home.c, with charts.c, warnings.c and ratings.c) and
 * GET /dash/export.csv (export.c); their query is declared and validated
 * in one place (query.c). */
#ifndef SL_DASH_H
#define SL_DASH_H

#include <stddef.h>
#include "db.h"
#include "metrics.h"

struct req;
struct arena;
typedef struct tmpl_dict tmpl_dict;

/* What an export is broken down by. */
enum dash_by {
	DASH_BY_DAY = 0, DASH_BY_WEEK, DASH_BY_MONTH,
	DASH_BY_CATEGORY, DASH_BY_TEAM, DASH_BY_CHANNEL,
	DASH_BY__MAX
};

/* A table of the page exported instead of metrics (?table=). */
enum dash_table {
	DASH_TABLE_NONE = 0, DASH_TABLE_CSAT_TECHNICIAN, DASH_TABLE_CSAT_CATEGORY,
	DASH_TABLE__MAX
};

/* One choice of a filter <select>: a category or a team. */
struct dash_option {
	long long   id;
	const char *name;       /* in the request language */
};

struct dash_options {
	struct dash_option *cats, *teams;
	size_t              ncats, nteams;
};

/* The validated query of a dashboard page or an export. */
struct dash_query {
	int            period;          /* 7, 30 or 90 days; 0 when a month is chosen */
	const char    *month;           /* "YYYY-MM" or "" */
	int            period_asked;    /* days also asked for when a month won, else 0 */
	long long      category, team;  /* 0: all */
	const char    *channel;         /* "" : all */
	enum metric_id metric;          /* export: METRIC__MAX means every metric */
	enum dash_by   by;              /* export */
	enum dash_table table;          /* export: DASH_TABLE_NONE for metrics */

	long           day_from, day_to;    /* the period [from, to), China-time days */
	long           prev_from, prev_to;  /* the period before, as long */
	struct metric_filter cur, prev;
	enum metric_grain grain;        /* of the charts */
};

/* Parse and check the query (keys of both pages; unknown keys are
 * ignored). Returns NULL, or the catalog key of the first problem (the
 * caller answers 400). */
const char *dash_query_parse(struct req *, struct dash_query *);
/* Categories and teams for the filter; each id in q must be one of them.
 * DB_OK, or the database's code; *problem set (else NULL) for a bad id. */
enum db_rc  dash_options_load(struct req *, const struct dash_query *, struct dash_options *,
	    const char **problem);
/* "period=30&category=2..." of q's filters (not metric/by), URL-encoded. */
const char *dash_query_string(struct arena *, const struct dash_query *);
/* "csat_by_technician" ... the ?table= value of a table ("" for none). */
const char *dash_table_name(enum dash_table);
/* "2026-11-01 – 2026-11-30" (last day inclusive). */
const char *dash_period_text(struct arena *, long from, long to);
/* The name of a breakdown group (a category, a team, a channel). */
const char *dash_group_name(struct req *, const struct dash_options *, enum metric_dim,
	    const char *key);
/* Answer a database failure: 503 when down, else 500. */
int	    dash_db_error(struct req *, enum db_rc);

/* The CSAT table per technician or category of the period (ratings.c), as
 * include `name` of d. */
enum db_rc dash_ratings_fill(struct req *, tmpl_dict *, const char *name,
	    const struct dash_query *, const struct dash_options *, enum metric_rated_by);
/* The name of a ratings group: the technician ("(unassigned)" for none) or
 * the category. */
const char *dash_rating_name(struct req *, const struct dash_options *, enum metric_rated_by,
	    const struct metric_group *);
/* The latest complaint warnings of the period (warnings.c), include of d. */
enum db_rc dash_warnings_fill(struct req *, tmpl_dict *, const struct dash_query *);
/* "Recent ratings": the newest surveys with their comments (ratings_recent.c). */
enum db_rc dash_recent_ratings_fill(struct req *, tmpl_dict *, const struct dash_query *);

/* The queue of the tickets behind a metric's value for filter f, or NULL
 * when the user may not open the desk (viewers) or none stand behind it
 * (drill.c). Arena. */
const char *dash_drill_href(struct req *, enum metric_id, const struct metric_filter *f);
/* Section LINK of d (with name = value and HREF) when href is set, else
 * section TEXT (name = value): a number as a link or as plain text. */
void	dash_drill_value(tmpl_dict *, const char *name, const char *value, const char *href);
/* Tiles of the active external metrics (external.c), include EXTERNAL of
 * d (left out when there are none). */
enum db_rc dash_external_fill(struct req *, tmpl_dict *, const struct dash_query *);

/* Charts of the home page (charts.c), as includes of d. */
void	dash_charts_fill(struct req *, tmpl_dict *, const struct dash_query *,
	    const struct metric_frame *);

int	dash_home(struct req *);
int	dash_export(struct req *);

#endif
