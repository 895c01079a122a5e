/* Maintenance plans: the calendar arithmetic of due dates (pure, unit
 * tested) and the run that opens the tickets of the plans that are due
 * (`sl-cli plans-run`).
 *
 * Dates are day numbers: days since 1970-01-01 in the proleptic Gregorian
 * calendar, so that "next_due + interval" is plain addition. The service's
 * calendar day is China time (UTC+8), like ticket numbers.
 *
 * Missed intervals: when a plan's next_due lies several intervals in the
 * past (the run did not happen for a while), one ticket is opened, for the
 * oldest missed due date, and next_due jumps to the first date of the
 * plan's schedule after the run date. A late maintenance visit is one
 * visit; tickets for each missed date would only be closed as duplicates. */
#ifndef SL_PLANS_H
#define SL_PLANS_H

#include <stdio.h>

struct arena;

#define PLANS_DATE_LEN      11      /* "YYYY-MM-DD" + NUL */
#define PLANS_INTERVAL_MAX  3650    /* ten years */
#define PLANS_DAY_MIN       10957   /* 2000-01-01 */
#define PLANS_DAY_MAX       47481   /* 2099-12-31 */

/* Strict "YYYY-MM-DD" (a real calendar date) → *day. 0, or -1 when s is
 * not such a date. */
int	plans_date_parse(const char *s, long *day);
/* Day number → "YYYY-MM-DD" in out. */
void	plans_date_format(long day, char out[PLANS_DATE_LEN]);
/* Today's day number in China time (UTC+8). */
long	plans_today(void);

/* For a plan due on `due` (<= today) every interval_days (>= 1) days:
 * the first date of its schedule after today, due + k * interval with the
 * smallest k >= 1 that passes today. When due > today (not due yet) it is
 * due + interval, the date after the next run. */
long	plans_next_due(long due, long interval_days, long today);
/* How many dates of the schedule from `due` to today (inclusive) have come:
 * 0 when due > today, else 1 + (today - due) / interval_days. */
long	plans_missed(long due, long interval_days, long today);

/* --- intervals in calendar units ---------------------------------------------
 *
 * A plan repeats every n days, weeks, months or years. Months and years
 * keep the day of the month, clamped to the month's last day (a plan due
 * on Jan 31 monthly is next due Feb 28, or 29, then Mar 28: the clamped
 * date is the new anchor). */
enum plans_unit { PU_DAY = 0, PU_WEEK, PU_MONTH, PU_YEAR, PU__MAX };

/* "day", "week", "month", "year"; PU__MAX / "" when unknown. */
enum plans_unit plans_unit_parse(const char *);
const char *plans_unit_name(enum plans_unit);
/* The largest n of a unit (ten years in all: 3650, 520, 120, 10). */
long	plans_unit_max(enum plans_unit);
/* The approximate length in days (30 a month, 365 a year), >= 1, for
 * sorting and the interval_days column. */
long	plans_unit_days(enum plans_unit, long n);
/* day + n units. */
long	plans_add(long day, enum plans_unit, long n);
/* plans_next_due in calendar units: the first date due + k·(n units),
 * k >= 1, after today (or due + n units when due > today). */
long	plans_next_due_unit(long due, enum plans_unit, long n, long today);

struct plans_summary {
	int due;        /* plans due on the run date */
	int created;    /* tickets opened by this run */
	int reused;     /* ticket existed already (earlier crashed run): recorded now */
	int skipped;    /* already done (a second run, or one at the same time) */
	int failed;     /* errors (reported on the log stream) */
};

/* Open the tickets of every active plan with next_due <= today, one per
 * plan (missed intervals: see above), and advance next_due. Idempotent:
 * running twice, or twice at once, opens nothing twice. One line per plan
 * goes to out (may be NULL). Returns 0, or -1 when the plans could not be
 * read (database down); per-plan errors only count in s->failed. */
int	plans_run(struct arena *, long today, FILE *out, struct plans_summary *s);

/* "Generate now" for one plan (the desk's button): the same steps as the
 * run, for plan_id alone, when it is active and its next_due is `due`
 * and has come (<= today). Idempotent by (plan, due): when that date was
 * done already, *ticket_id is the ticket it opened and PG_DONE_BEFORE.
 * The opened ticket goes to the plan's default technician or team, as
 * with the daily run. */
enum plans_gen {
	PG_CREATED = 0,    /* a new ticket, *ticket_id */
	PG_DONE_BEFORE,    /* that date had its ticket already, *ticket_id */
	PG_NOT_DUE,        /* inactive, not due yet, or next_due is no longer `due` */
	PG_NOT_FOUND,
	PG_FAILED,         /* database or ticket error */
};
enum plans_gen plans_generate(struct arena *, long long plan_id, long due, long today,
	    long long *ticket_id);

/* The command `sl-cli plans-run [--date YYYY-MM-DD]` (args after the
 * command name; the date defaults to today in China time): runs the plans
 * and prints a line per plan and a summary to stdout. Returns the exit
 * status: 0 done, 1 some plan failed or the database is down, 2 usage. */
int	plans_cli(struct arena *, int argc, char **argv);

#endif
