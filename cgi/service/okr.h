/* The OKR model: cycles, objectives aligned in a tree, key results (manual
 * or bound to a registry metric by key) and their computed values and
 * scores. Values of bound key results come only through metric_key.h
 * (metric_compute_key / metric_series_key), so a key result shows the same
 * number as the dashboard and the journey map. Scoring is kr_score.h.
 *
 * Readers call the metric layer, which may refresh its pre-aggregates in
 * a transaction of its own: never call them inside a transaction. */
#ifndef SL_OKR_H
#define SL_OKR_H

#include <stddef.h>
#include "db.h"
#include "kr_score.h"
#include "metrics.h"

struct arena;

/* A key result without a check-in for this long is listed on the board. */
#define OKR_STALE_SECS (7LL * 86400)

enum okr_cycle_state { OKR_PLANNING = 0, OKR_ACTIVE, OKR_CLOSED, OKR_CYCLE_STATE__MAX };

struct okr_cycle {
	long long            id;
	const char          *name;
	const char          *kind;          /* "quarter" / "year" */
	enum okr_cycle_state state;
	long                 first_day, last_day;  /* China-time days, inclusive */
	long long            from, to;      /* [from, to) UTC epochs */
	long long            version;
};

struct okr_kr {
	long long            id, objective_id, owner_id;
	const char          *title, *unit, *owner_name;
	enum kr_type         type;
	double               start, target, weight;
	const char          *confidence, *confidence_note;
	int                  bound;          /* 1: source is a metric */
	const char          *metric_key;
	struct metric_filter filter;         /* period filled by okr_kr_period */
	long long            window_days;    /* 0: the whole cycle */
	long long            version;
	/* computed (or frozen when the cycle is closed) */
	double               current;
	int                  has_current;
	long long            sample_n;       /* tickets behind a metric value */
	struct kr_result     res;
	long long            last_checkin;   /* epoch, 0 if none */
	long long            created;        /* epoch */
	int                  stale;          /* no check-in for OKR_STALE_SECS */
};

struct okr_objective {
	long long            id, cycle_id, owner_id, team_id, parent_id, parent2_id, support_kr_id;
	const char          *title, *description, *level, *owner_name, *team_name, *status_set;
	long long            version;
	size_t               kr0, nkr;       /* its key results: board.kr[kr0 .. kr0 + nkr) */
	double               score;
	int                  has;
	enum okr_status      status;         /* status_set, or the weakest key result's */
	int                  depth;          /* in the board's tree order */
};

struct okr_board {
	struct okr_cycle      cycle;
	long long             now;
	double                elapsed;
	struct okr_objective *obj;           /* tree order: parents before children */
	size_t                nobj;
	struct okr_kr        *kr;
	size_t                nkr;
	double                score;         /* the company roll-up */
	int                   has;
	enum okr_status       status;
};

const char *okr_cycle_state_name(enum okr_cycle_state);
int	    okr_cycle_state_parse(const char *);

/* The cycle of id (*found 0 when there is none). */
enum db_rc okr_cycle_get(struct arena *, long long id, struct okr_cycle *, int *found);
/* The current cycle: the active one whose period holds now, else the
 * latest active, else the latest planned, else the latest closed. */
enum db_rc okr_cycle_current(struct arena *, long long now, struct okr_cycle *, int *found);
/* Every cycle, newest first (arena). */
enum db_rc okr_cycle_list(struct arena *, struct okr_cycle **, size_t *);

/* The board of a cycle: every objective in tree order, every key result
 * computed at now (frozen values for a closed cycle), the roll-ups.
 * team_id > 0 keeps that team's objectives; owner_id > 0 the objectives
 * owned by that user or holding a key result they own. */
enum db_rc okr_board_load(struct arena *, const struct okr_cycle *, long long now,
	    long long team_id, long long owner_id, struct okr_board *);
/* The index of an objective / key result in the board, or -1. */
long	okr_board_find_obj(const struct okr_board *, long long id);
long	okr_board_find_kr(const struct okr_board *, long long id);
/* Roll-up of the objectives of a team (team_id > 0). */
double	okr_board_team_score(const struct okr_board *, long long team_id, int *has,
	    enum okr_status *);

/* The metric filter of a bound key result at now: its slice over the cycle
 * (up to now) or over the last window_days days. */
void	okr_kr_period(const struct okr_kr *, const struct okr_cycle *, long long now,
	    struct metric_filter *out);

/* History of a key result: check-in values of a manual one, the weekly
 * buckets of a bound one's metric over the cycle (has == 0 for empty
 * ones). *pts in the arena. */
struct okr_point {
	long long at;        /* the check-in time, or the bucket's start */
	double    value;
	int       has;
};
enum db_rc okr_kr_history(struct arena *, const struct okr_kr *, const struct okr_cycle *,
	    long long now, struct okr_point **pts, size_t *n);

/* The value of a key result at moment at (UTC epoch): the latest check-in
 * before it (the start value before any) for a manual one, its metric over
 * the cycle (or window) up to at for a bound one; *has 0 when nothing was
 * measured. */
enum db_rc okr_kr_value_at(struct arena *, const struct okr_kr *, const struct okr_cycle *,
	    long long at, double *value, int *has);
/* The check-ins of a key result in [from, to). */
enum db_rc okr_kr_checkins_between(struct arena *, long long kr_id, long long from,
	    long long to, long long *count);

/* Close a cycle: freeze every key result's value and score and every
 * objective's score, mark it closed. DB_CONFLICT when version is stale or
 * it is already closed. */
enum db_rc okr_cycle_close(struct arena *, const struct okr_cycle *, long long version,
	    long long user_id, long long now);

#endif
