/* Service metrics: one registry of named metrics computed from ticket data.
 * Dashboards, journey-map stages and OKR key results all read a metric by
 * its key through metric_compute() / metric_series(): one number, one
 * definition. Where each metric is defined (metrics.c):
 *   - which tickets it counts and from which columns: one SQL statement,
 *     md_select, which sums every metric's inputs per China-time day and
 *     slice (category, team, channel);
 *   - how the number follows from those sums: metric_eval().
 *
 * Speed: days before today come from the pre-aggregate metric_daily,
 * refreshed incrementally by metric_refresh() (only the days touched by
 * tickets changed since the last refresh); today is computed live from
 * tickets. Each worker keeps what it read (metric_cache.h): pre-aggregate
 * reads until a refresh changes a day before today, live reads (today,
 * the tickets open now) for the setting metric_live_secs (10 s; 0: a new
 * ticket counts on the next page at once). Medians come from
 * histograms (METRIC_HIST_BOUNDS) with linear interpolation inside the
 * bucket of the middle sample (grouped median): within one bucket width
 * of the exact median, and exact for evenly spread data; averages and
 * percentages are exact.
 *
 * Calendar: days, weeks (Monday to Sunday) and months are China time,
 * UTC+8, with no daylight saving. Periods are [from, to) as UTC epochs. */
#ifndef SL_METRICS_H
#define SL_METRICS_H

#include <stddef.h>
#include "db.h"

struct arena;

#define METRIC_TZ_SECS   28800          /* China time: UTC+8 */
#define METRIC_DAY_SECS  86400

/* Upper bounds (seconds) of the duration histogram buckets; the last
 * bucket (30 days and more) is open. */
#define METRIC_HIST_BOUNDS 300, 600, 900, 1800, 3600, 5400, 7200, 10800, 14400, 21600, \
	28800, 43200, 64800, 86400, 129600, 172800, 259200, 345600, 432000, 604800, \
	864000, 1209600, 2592000
#define METRIC_NBUCKETS  24

enum metric_id {
	METRIC_VOLUME = 0,          /* tickets created */
	METRIC_FIRST_RESPONSE,      /* median minutes to the first response */
	METRIC_TIME_TO_RESOLVE,     /* median hours to resolution */
	METRIC_SLA_COMPLIANCE,      /* % resolved within the resolve target */
	METRIC_FR_COMPLIANCE,       /* % first responses within their target */
	METRIC_CSAT,                /* average rating 1-5 */
	METRIC_CSAT_SATISFIED,      /* % ratings 4 or 5 */
	METRIC_BACKLOG,             /* open tickets at the end of the period */
	METRIC_BACKLOG_AGE,         /* their average age, hours */
	METRIC_REOPEN_RATE,         /* % resolved tickets that had been reopened */
	METRIC_PARTS_USE,           /* spare-part units used */
	METRIC_COMPLAINTS,          /* tickets flagged by the complaint rules, per day */
	/* stage metrics, from the tickets' milestones */
	METRIC_TIME_TO_ACCEPT,      /* median minutes from creation to acceptance */
	METRIC_TIME_TO_DISPATCH,    /* median minutes from creation to dispatch */
	METRIC_TIME_TO_ARRIVAL,     /* median hours from dispatch to the first arrival */
	METRIC_ONSITE_TIME,         /* median minutes of a visit */
	METRIC_FIRST_TIME_FIX,      /* % resolved with one visit, never reopened */
	METRIC_WAITING_PARTS,       /* median hours waited for parts */
	METRIC_WAITING_CUSTOMER,    /* median hours waited for the customer */
	METRIC_SURVEY_RESPONSE,     /* % resolved tickets rated */
	METRIC__MAX
};

enum metric_unit {
	METRIC_U_TICKETS = 0,
	METRIC_U_MINUTES,
	METRIC_U_HOURS,
	METRIC_U_PERCENT,
	METRIC_U_SCORE,             /* 1-5 */
	METRIC_U_UNITS,             /* pieces of spare parts */
	METRIC_U__MAX
};

struct metric_def {
	const char      *key;               /* stable: "sla_compliance" */
	const char      *zh, *en;           /* label */
	const char      *def_zh, *def_en;   /* the definition in one sentence */
	enum metric_unit unit;
	int              better;            /* +1 higher is better, -1 lower, 0 neither */
	int              stock;             /* 1: a state at the end of the period */
};

const struct metric_def *metric_def(enum metric_id);
/* The metric of a key, or METRIC__MAX when unknown. */
enum metric_id		 metric_by_key(const char *key);
/* "件" / "tickets" ... for a unit in lang ("en" or else Chinese). */
const char		*metric_unit_label(enum metric_unit, const char *lang);
/* The same after a count of exactly one: "ticket", "unit" in English
 * (Chinese has no plural: as metric_unit_label). */
const char		*metric_unit_label_one(enum metric_unit, const char *lang);

/* Which tickets: 0 / NULL / "" mean all. The period is [from, to) in UTC
 * epochs; it is widened to whole China-time days. */
struct metric_filter {
	long long   category_id;
	long long   team_id;
	const char *channel;        /* a ticket channel name ("web") */
	long long   assignee_id;    /* the ticket's current assignee (a user) */
	long long   from, to;
};

#define METRIC_NONE (-1.0)

struct metric_value {
	double    value;    /* in the metric's unit; 0 when !has */
	double    aux;      /* the average for a median, the average age in
	                       hours for the backlog; METRIC_NONE otherwise */
	long long n;        /* sample size: tickets, surveys or part records */
	int       has;      /* 0 when nothing was measured (n == 0) */
};

enum metric_grain { METRIC_DAY = 0, METRIC_WEEK, METRIC_MONTH, METRIC_GRAIN__MAX };

struct metric_point {
	long long           from, to;   /* the bucket [from, to), UTC epochs */
	struct metric_value v;
};

/* Readers (metric_compute, metric_series, metric_frame_load,
 * metric_breakdown) first run metric_refresh(a, 0): when one is due it
 * runs in its own transaction, so never call them inside a transaction. */

/* The value of a metric for the filter and its period. */
enum db_rc metric_compute(struct arena *, enum metric_id, const struct metric_filter *,
	    struct metric_value *out);
/* One value per day/week/month bucket of the period (buckets cut at the
 * period's ends). *out is allocated from the arena. */
enum db_rc metric_series(struct arena *, enum metric_id, const struct metric_filter *,
	    enum metric_grain, struct metric_point **out, size_t *n);

/* Bring metric_daily up to date when the last refresh is older than the
 * setting metric_refresh_secs (60 by default) or force is set. Workers
 * that find another one refreshing return at once (DB_OK). */
enum db_rc metric_refresh(struct arena *, int force);
/* For /metrics: seconds since metric_daily was last refreshed (-1 while
 * its first build has not finished) and the refresh interval in seconds. */
enum db_rc metric_refresh_age(struct arena *, long long *age, long long *interval);

/* Other readers of live ticket data (a journey map's measured emotion)
 * keep their results like the metric reads (metric_cache.h): a result kept
 * under key is found again for metric_live_secs, and within the request.
 * Keys start with the reader's own prefix ("journey_measure|..."). */
struct db_res;
const struct db_res *metric_live_cached(struct arena *, const char *key);
void	metric_live_keep(struct arena *, const char *key, const struct db_res *);

/* ---- Sums: what the database adds up, and the formulas over it. */

/* Additive inputs of every metric over a set of days and tickets. */
struct metric_sums {
	long long created_n, created_t;      /* created; sum of created_at epochs */
	long long fr_n, fr_s, fr_ok;         /* first responses; seconds; within target */
	long long res_n, res_s, res_ok;      /* resolutions; seconds; within target */
	long long reopened_n;                /* resolutions of once-reopened tickets */
	long long end_n, end_t;              /* left the backlog; sum of their created_at */
	long long csat_n, csat_sum, csat_sat;  /* ratings; their sum; ratings 4-5 */
	long long parts_qty, parts_lines;    /* spare-part units; records */
	long long flagged_n;                 /* tickets flagged (complaint rules), once a day */
	long long acc_n, acc_s;              /* accepted; seconds from creation */
	long long disp_n, disp_s;            /* dispatched; seconds from creation */
	long long arr_n, arr_s;              /* first arrivals; seconds from dispatch */
	long long onsite_n, onsite_s;        /* visits finished; seconds on site */
	long long ftf_d, ftf_n;              /* resolutions with a visit; of them one
	                                        visit and never reopened */
	long long rated_n;                   /* resolutions rated by now */
	long long wparts_n, wparts_s;        /* resolutions that waited for parts; seconds */
	long long wcust_n, wcust_s;          /* ... for the customer; seconds */
	long long fr_h[METRIC_NBUCKETS];     /* first-response durations per bucket */
	long long res_h[METRIC_NBUCKETS];    /* resolution durations per bucket */
	long long acc_h[METRIC_NBUCKETS];    /* the stage durations per bucket */
	long long disp_h[METRIC_NBUCKETS];
	long long arr_h[METRIC_NBUCKETS];
	long long onsite_h[METRIC_NBUCKETS];
	long long wparts_h[METRIC_NBUCKETS];
	long long wcust_h[METRIC_NBUCKETS];
};

void	metric_sums_add(struct metric_sums *dst, const struct metric_sums *src);
/* The histogram bucket of a duration in seconds (negative counts as 0). */
int	metric_hist_bucket(long long secs);
/* Grouped median of a histogram, in seconds; -1 when it is empty. */
double	metric_hist_median(const long long h[METRIC_NBUCKETS]);
/* 100 * num / den, or -1 when den is 0. */
double	metric_pct(long long num, long long den);
/* The formula of a metric. flow: sums over the period; stock: sums over
 * every day up to the moment `at` (UTC epoch), for the backlog. */
void	metric_eval(enum metric_id, const struct metric_sums *flow,
	    const struct metric_sums *stock, long long at, struct metric_value *out);

/* ---- Calendar (China time). A "day" is a day number: local days since
 * 1970-01-01. */

long	  metric_day_of(long long epoch);
long long metric_day_start(long day);              /* UTC epoch of its midnight */
long	  metric_day_from_ymd(int y, int m, int d);
void	  metric_day_ymd(long day, int *y, int *m, int *d);
/* The first day of the bucket holding day, and of the next bucket. */
long	  metric_bucket_start(long day, enum metric_grain);
long	  metric_bucket_next(long day, enum metric_grain);
/* "2026-11-26" (arena). */
const char *metric_day_text(struct arena *, long day);
/* Parse "YYYY-MM-DD"; 0 ok, -1 otherwise. */
int	  metric_day_parse(const char *s, long *day);

/* ---- Frames: the per-day sums of one filter, loaded once and evaluated
 * many times (a dashboard shows several metrics and periods). A stock (the
 * backlog) at a moment T is counted back from the tickets open now: open
 * now, less those created since T, plus those that left since T. */

struct metric_frame {
	long                day0, ndays;  /* days [day0, day0 + ndays) */
	struct metric_sums *days;         /* per day, index day - day0 (arena) */
	struct metric_sums  open;         /* tickets open now: created_n, created_t */
	int                 has_open;     /* loaded with stock: days reach today */
	long long           now;
	int                 building;     /* -1; or percent done of the first build
	                                     (the days before today are incomplete) */
};

/* Load the days [day_of(from), day_of(to - 1)] of filter's period; with
 * stock, on to today and the tickets open now (for stock metrics). */
enum db_rc metric_frame_load(struct arena *, const struct metric_filter *, int stock,
	    struct metric_frame *);
/* A metric over [from, to) (inside the loaded days). */
void	metric_frame_eval(const struct metric_frame *, enum metric_id, long long from,
	    long long to, struct metric_value *);
/* Buckets of [from, to); returns how many (arena). */
size_t	metric_frame_series(struct arena *, const struct metric_frame *, enum metric_id,
	    long long from, long long to, enum metric_grain, struct metric_point **);

/* ---- Breakdowns: the period's sums per category, team or channel. */

/* By the ticket's current assignee (key "0": nobody); by cell: every slice
 * at once, key "category|team|assignee|channel" (a KPI tree reads the cells
 * once and adds them up per node). */
enum metric_dim { METRIC_BY_CATEGORY = 0, METRIC_BY_TEAM, METRIC_BY_CHANNEL, METRIC_BY_ASSIGNEE,
	METRIC_BY_CELL, METRIC_DIM__MAX };

struct metric_group {
	const char         *key;     /* category or team id ("0": none), or channel */
	const char         *name;    /* metric_ratings(): the assignee's name; else NULL */
	struct metric_sums  flow;    /* over the period */
	struct metric_sums  stock;   /* the backlog at the period's end (or now) */
};

enum db_rc metric_breakdown(struct arena *, const struct metric_filter *, enum metric_dim,
	    struct metric_group **out, size_t *n);
/* The same for one metric: the groups' sums hold what metric id needs
 * (its histogram only when it is a median). */
enum db_rc metric_breakdown_of(struct arena *, enum metric_id, const struct metric_filter *,
	    enum metric_dim, struct metric_group **out, size_t *n);
/* A metric of one group (stock metrics at the period's end, or now). */
void	metric_group_eval(const struct metric_group *, enum metric_id,
	    const struct metric_filter *, long long now, struct metric_value *);

/* ---- Ratings per assignee or category: the surveys of the filter's
 * period (the "rated" rows of the definition, by surveys.created_at); days
 * before today from the pre-aggregate metric_rated_daily (per day, slice
 * and assignee, refreshed with metric_daily), today live. Each group's
 * flow holds csat_n, csat_sum and csat_sat, so metric_group_eval() gives
 * METRIC_CSAT and METRIC_CSAT_SATISFIED. The assignee is the ticket's
 * current one (tickets.assignee_id; key "0" and name "" when none). Groups
 * come most surveys first; out is in the arena. Refreshes first, like the
 * other readers. */

enum metric_rated_by { METRIC_RATED_BY_ASSIGNEE = 0, METRIC_RATED_BY_CATEGORY,
	METRIC_RATED_BY__MAX };

enum db_rc metric_ratings(struct arena *, const struct metric_filter *, enum metric_rated_by,
	    struct metric_group **out, size_t *n);

/* ---- Presentation shared by every reader. */

/* The value with its unit for lang: "92.5%", "35 分钟", "—" when !has. */
const char *metric_format(struct arena *, enum metric_id, const struct metric_value *,
	    const char *lang);
/* The bare number as CSV and charts want it ("92.5"), "" when !has. */
const char *metric_number(struct arena *, enum metric_id, double value, int has);

enum metric_trend {
	METRIC_TREND_NONE = 0,   /* nothing to compare */
	METRIC_TREND_FLAT,
	METRIC_TREND_UP,
	METRIC_TREND_DOWN
};
/* Direction from prev to cur; *good is +1 (better), -1 (worse) or 0. */
enum metric_trend metric_trend(enum metric_id, const struct metric_value *cur,
	    const struct metric_value *prev, int *good);

/* One CSV field (RFC 4180): quoted when needed, and a field starting with
 * = + - @ TAB or CR gets a leading ' so a spreadsheet never runs it as a
 * formula. Arena. */
char	*metric_csv_field(struct arena *, const char *s);

#endif
