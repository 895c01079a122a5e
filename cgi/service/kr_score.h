/* OKR scoring: pure functions, no database. How far a key result has come
 * (progress 0.0-1.0 per type), what elapsed time expects, the status that
 * follows (on track / at risk / off track), the colour band of a score,
 * and the weighted roll-up of key results into an objective and of
 * objectives into a team or the company. The formulas are written out in
 * the README ("OKR scoring"); the unit tests (tests/unit/test_kr_score.c)
 * check each boundary. */
#ifndef SL_KR_SCORE_H
#define SL_KR_SCORE_H

#include <stddef.h>

enum kr_type {
	KR_INCREASE_TO = 0,   /* move from start up to target */
	KR_DECREASE_TO,       /* move from start down to target */
	KR_STAY_ABOVE,        /* keep every measurement >= target over the period */
	KR_STAY_BELOW,        /* keep every measurement <= target over the period */
	KR_MILESTONE,         /* done (value != 0) or not */
	KR_TYPE__MAX
};

/* Order matters: a larger value is a weaker status (okr_status_weakest). */
enum okr_status {
	OKR_NO_DATA = 0,
	OKR_ON_TRACK,
	OKR_AT_RISK,
	OKR_OFF_TRACK,
	OKR_STATUS__MAX
};

enum okr_band { OKR_BAND_NONE = 0, OKR_BAND_RED, OKR_BAND_YELLOW, OKR_BAND_GREEN, OKR_BAND__MAX };

/* Status thresholds (README): on track while progress >= expected - 0.10,
 * at risk while >= expected - 0.25, off track below. */
#define KR_ON_TRACK_GAP 0.10
#define KR_AT_RISK_GAP  0.25

/* What a key result is measured against. For the stay types, points are
 * every measurement of the period (check-ins, or the metric's buckets
 * with data); current is the latest value for the other types. */
struct kr_input {
	enum kr_type  type;
	double        start, target;
	double        current;
	int           has_current;     /* 0: nothing measured yet */
	const double *points;
	size_t        npoints;
};

struct kr_result {
	double          progress;      /* 0.0-1.0, 0 when !has */
	int             has;
	double          expected;      /* by elapsed time (1.0 for the stay types) */
	enum okr_status status;
};

/* Stable names ("increase_to", "on_track", "green") and their parsers
 * (-1 when unknown). */
const char *kr_type_name(enum kr_type);
int	    kr_type_parse(const char *);
const char *okr_status_name(enum okr_status);
int	    okr_status_parse(const char *);
const char *okr_band_name(enum okr_band);

/* x clipped to [0, 1]; NaN is 0. */
double	kr_clip01(double x);
/* Share of the period [from, to) elapsed at now, clipped to [0, 1]; 1 when
 * the period is empty. */
double	kr_elapsed(long long from, long long to, long long now);
/* Progress of one key result (sets progress and has). */
void	kr_progress(const struct kr_input *, struct kr_result *);
/* Status from progress and expected for the type (OKR_NO_DATA when
 * !has). */
enum okr_status kr_status(enum kr_type, double progress, int has, double expected);
/* Progress, expected (elapsed share for increase/decrease/milestone, 1 for
 * the stay types) and status in one call. */
void	kr_evaluate(const struct kr_input *, double elapsed, struct kr_result *);

/* The band of a score, compared in thousandths: < 0.350 red, < 0.650
 * yellow, else green; NONE without a score. */
enum okr_band okr_band_of(double score, int has);

/* The weaker of two statuses (no data is the weakest of nothing). */
enum okr_status okr_status_weakest(enum okr_status, enum okr_status);

/* Weighted mean of scores: the items with has == 0 are left out; weights
 * below 0 count as 0; when the weights of the others sum to 0 every item
 * counts the same. *has is 0 when no item has a score. */
struct okr_item {
	double          score;
	double          weight;
	int             has;
	enum okr_status status;
};
double	okr_rollup(const struct okr_item *, size_t n, int *has, enum okr_status *weakest);

#endif
