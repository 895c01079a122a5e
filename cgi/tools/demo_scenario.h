/* The scenario of the 90-day demo history (sl-cli demo-history): which
 * tickets arrive when, and what happens to each of them at what time, as
 * a plan of steps that cgi/tools/demo_history.c replays through the real
 * ticket functions. Pure: no database, no clock, the same plan for the same
 * seed and day. The numbers that shape it (volumes, delays, rates, the
 * improvement of the last 30 days) are in demo_scenario.c, in one table.
 *
 * Times are UTC epochs; days are China-time day numbers (days since
 * 1970-01-01 at UTC+8), as in the metric registry. Staff work in business
 * hours (Monday to Saturday 08:30-18:00, the default work calendar);
 * customers act between 08:00 and 22:00. */
#ifndef SL_DEMO_SCENARIO_H
#define SL_DEMO_SCENARIO_H

#include <stddef.h>
#include "sla.h"
#include "ticket_state.h"

struct arena;

#define DEMO_SEED        20261204ULL   /* the history is the same on every machine */
#define DEMO_DAYS        90            /* days before today (today is partly there too) */
#define DEMO_MAX_STEPS   28
#define DEMO_TZ_SECS     28800         /* China time */

/* ---- Deterministic random numbers (splitmix64). */

struct demo_rng {
	unsigned long long s;
};

void	demo_rng_seed(struct demo_rng *, unsigned long long seed);
unsigned long long demo_rng_next(struct demo_rng *);
/* Uniform in [lo, hi] (lo <= hi). */
long long demo_rng_range(struct demo_rng *, long long lo, long long hi);
/* Uniform in [0, 1). */
double	demo_rng_unit(struct demo_rng *);
/* 1 with probability p. */
int	demo_rng_chance(struct demo_rng *, double p);
/* Log-normal with the given median and spread sigma (of the logarithm). */
double	demo_rng_lognormal(struct demo_rng *, double median, double sigma);
/* Index drawn by weights w[0..n) (not all zero). */
size_t	demo_rng_weighted(struct demo_rng *, const double *w, size_t n);

/* ---- Time. */

/* The work calendar of the staff: Monday to Saturday 08:30-18:00, China. */
const struct work_calendar *demo_calendar(void);
/* The moment a staff member acts, secs of working time after t (a
 * moment outside working hours waits for the next opening). */
long long demo_staff_after(long long t, long long secs);
/* The moment a customer acts, about secs after t: between 08:00 and 22:00
 * China time (a later moment moves to the next morning, jittered). */
long long demo_customer_after(struct demo_rng *, long long t, long long secs);
/* When a ticket of channel ch arrives on day: web, WeChat and API tickets
 * over the waking hours (peaks mid-morning and evening), phone calls in the
 * call centre's hours, maintenance-plan tickets at the nightly run. */
long long demo_pick_created(struct demo_rng *, long day, enum ticket_channel ch);
/* How far the improvement has gone on day (relative to today, <= 0): 0
 * until 35 days ago, 1 from 26 days ago (a new dispatch process with
 * auto-dispatch, van stock and follow-up calls went live), linear between. */
double	demo_improvement(long days_ago);

/* ---- The plan. */

enum demo_act {
	DA_CREATE = 0,
	DA_ACCEPT,          /* status accepted, public note */
	DA_PRIORITY,        /* the agent raises the priority to high */
	DA_ASK,             /* status waiting for the customer, note arg */
	DA_CUSTOMER_REPLY,  /* the customer writes (text arg) */
	DA_ASSIGN,          /* the agent picks a technician (arg: a random pick) */
	DA_AUTO_DISPATCH,   /* auto-dispatch (falls back to DA_ASSIGN if nobody fits) */
	DA_ARRIVE,          /* the technician arrives */
	DA_PART,            /* a spare part used (arg: which of the category's) */
	DA_FINISH,          /* the visit ends (notes arg) */
	DA_WAIT_PARTS,      /* status waiting for parts */
	DA_REPLY,           /* a public staff reply (text arg): remote help */
	DA_RESOLVE,         /* status resolved (arg 1: by the agent, 0: the technician) */
	DA_REOPEN,          /* status reopened */
	DA_CLOSE,           /* status closed */
	DA_CANCEL,          /* status cancelled */
	DA_RATE,            /* the survey: arg = rating * 100 + comment (0: none, else index + 1) */
	DA__MAX
};

struct demo_step {
	long long     at;
	unsigned char act;     /* enum demo_act */
	int           arg;
};

/* Every customer lives in a city with a service centre (a team's region),
 * so a ticket's dispatch never depends on the other city's work: the
 * loader replays the two cities side by side. */
enum demo_city { DEMO_SHANGHAI = 0, DEMO_GUANGZHOU, DEMO_CITY__MAX };

/* One ticket of the history: who, what, and its steps in time order. */
struct demo_plan {
	enum ticket_channel channel;
	size_t              category;     /* index into demo_categories() */
	enum demo_city      city;
	const char         *name, *phone, *product, *address, *description;  /* arena/static */
	struct demo_step    steps[DEMO_MAX_STEPS];
	size_t              nsteps;
};

/* Stock received at a warehouse (the monthly delivery). */
struct demo_receive {
	long long at;
	size_t    part;          /* index into demo_parts() */
	enum demo_city city;     /* whose warehouse */
	int       qty;
};

struct demo_scenario {
	struct demo_plan    *t;
	size_t               n;
	struct demo_receive *r;
	size_t               nr;
};

/* The history of days [today - DEMO_DAYS, today] (China-time day
 * numbers), day by day, allocated from the arena. Steps may lie
 * after the present moment: the loader stops each ticket there. */
void	demo_scenario_build(struct arena *, unsigned long long seed, long today,
	    struct demo_scenario *out);

/* ---- The tables the plan refers to. */

struct demo_category {
	const char *code;        /* categories.code */
	double      parts_p;     /* share of visits that need a part */
};
const struct demo_category *demo_categories(size_t *n);

struct demo_part {
	const char *sku, *name_zh, *name_en, *category, *unit;
	double      unit_cost;
	int         reorder_level, reorder_qty, lead_days;
};
const struct demo_part *demo_parts(size_t *n);
/* The i-th part (arg of DA_PART) of category code, as an index into
 * demo_parts(); the category's first part when i is past its last. */
size_t	demo_part_of(const char *category, int i);

/* Texts of the steps (Chinese, as customers and staff write them). */
const char *demo_text(enum demo_act, int arg);
/* The survey comment of a DA_RATE arg, or NULL. */
const char *demo_comment(int arg);
/* The rating of a DA_RATE arg. */
int	demo_rating(int arg);
/* The Chinese name of a city (as in addresses and team regions). */
const char *demo_city_name(enum demo_city);

#endif
