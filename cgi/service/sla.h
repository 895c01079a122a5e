/* The SLA clock: business time on a work calendar. Targets are business
 * minutes; the clock runs only in working hours (per weekday, local time),
 * skips holidays and counts make-up working days. Times are UTC epochs. */
#ifndef SL_SLA_H
#define SL_SLA_H

#include <stddef.h>
#include <time.h>

struct arena;

#define SLA_MAX_EXCEPTIONS 512

struct cal_exception {
	long days;          /* local calendar day: days since 1970-01-01 */
	int  is_workday;    /* 1 = make-up working day, 0 = holiday */
};

struct work_calendar {
	int   tz_offset_min;          /* local = UTC + offset (China: 480) */
	short start_min[7];           /* per weekday, 0 = Sunday */
	short end_min[7];             /* start == end: closed that weekday */
	struct cal_exception ex[SLA_MAX_EXCEPTIONS];   /* sorted by days */
	size_t nex;
};

/* The moment business_secs of working time after start have elapsed. A
 * calendar without any working hours counts around the clock. */
time_t	  sla_add_business(const struct work_calendar *, time_t start, long long business_secs);
/* Working seconds between a and b (0 if b <= a). */
long long sla_business_between(const struct work_calendar *, time_t a, time_t b);
/* A due time after a pause of the clock from paused_since to now: the
 * working time that was left at the pause counts again from now. A due
 * time already passed when the clock stopped stays as it was. */
time_t	  sla_resume_due(const struct work_calendar *, time_t due, time_t paused_since, time_t now);
/* Working window of the local day `days`: 0 when closed, else 1 and the
 * window as minutes after local midnight. */
int	  sla_day_window(const struct work_calendar *, long days, int *start_min, int *end_min);

/* Read work_hours, calendar_days and the timezone setting (cached per
 * process for a minute). 0 ok, -1 on a database error. */
int	  sla_calendar_load(struct arena *, struct work_calendar *);

#endif
