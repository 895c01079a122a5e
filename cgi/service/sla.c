#include "sla.h"
#include "arena.h"
#include "db.h"

#include <stdlib.h>
#include <string.h>

#define SLA_MAX_DAYS 3660     /* search horizon: ten years */

static int
cal_has_hours(const struct work_calendar *c)
{
	int i;

	for (i = 0; i < 7; i++)
		if (c->end_min[i] > c->start_min[i])
			return 1;
	return 0;
}

static const struct cal_exception *
cal_exception_find(const struct work_calendar *c, long days)
{
	size_t lo = 0, hi = c->nex;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->ex[mid].days == days)
			return &c->ex[mid];
		if (c->ex[mid].days < days)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* 1970-01-01 was a Thursday (weekday 4). */
static int
weekday_of(long days)
{
	long w = (days + 4) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

/* A make-up working day has the hours of Monday. */
int
sla_day_window(const struct work_calendar *c, long days, int *start, int *end)
{
	const struct cal_exception *e = cal_exception_find(c, days);
	int wd = weekday_of(days);

	if (e != NULL && !e->is_workday)
		return 0;
	if (e != NULL && e->is_workday && c->end_min[wd] <= c->start_min[wd])
		wd = 1;
	if (c->end_min[wd] <= c->start_min[wd])
		return 0;
	*start = c->start_min[wd];
	*end = c->end_min[wd];
	return 1;
}

static long
floor_div(long long a, long long b)
{
	long long q = a / b;

	return (long)(a % b != 0 && (a < 0) != (b < 0) ? q - 1 : q);
}

time_t
sla_add_business(const struct work_calendar *c, time_t start, long long secs)
{
	long long off = (long long)c->tz_offset_min * 60;
	long long local = (long long)start + off;
	long days = floor_div(local, 86400), n;

	if (secs <= 0)
		return start;
	if (!cal_has_hours(c))
		return start + (time_t)secs;
	for (n = 0; n < SLA_MAX_DAYS; n++, days++) {
		int s, e;
		long long ws, we, from;

		if (!sla_day_window(c, days, &s, &e))
			continue;
		ws = (long long)days * 86400 + s * 60;
		we = (long long)days * 86400 + e * 60;
		from = local > ws ? local : ws;
		if (from >= we)
			continue;
		if (we - from >= secs)
			return (time_t)(from + secs - off);
		secs -= we - from;
	}
	return start + (time_t)secs;   /* no working time in ten years: give up */
}

long long
sla_business_between(const struct work_calendar *c, time_t a, time_t b)
{
	long long off = (long long)c->tz_offset_min * 60;
	long long la = (long long)a + off, lb = (long long)b + off, total = 0;
	long days, last;

	if (b <= a)
		return 0;
	if (!cal_has_hours(c))
		return (long long)(b - a);
	days = floor_div(la, 86400);
	last = floor_div(lb, 86400);
	if (last - days > SLA_MAX_DAYS)
		last = days + SLA_MAX_DAYS;
	for (; days <= last; days++) {
		int s, e;
		long long ws, we;

		if (!sla_day_window(c, days, &s, &e))
			continue;
		ws = (long long)days * 86400 + s * 60;
		we = (long long)days * 86400 + e * 60;
		if (ws < la)
			ws = la;
		if (we > lb)
			we = lb;
		if (we > ws)
			total += we - ws;
	}
	return total;
}

time_t
sla_resume_due(const struct work_calendar *c, time_t due, time_t paused_since, time_t now)
{
	long long left;

	if (due <= paused_since || now <= paused_since)
		return due;
	left = sla_business_between(c, paused_since, due);
	return left > 0 ? sla_add_business(c, now, left) : due;
}

static struct db_q q_hours = DB_Q("SELECT weekday, start_min, end_min FROM work_hours");
static struct db_q q_days = DB_Q(
    "SELECT DATEDIFF(day, '1970-01-01'), is_workday FROM calendar_days"
    " WHERE day >= UTC_DATE() - INTERVAL 400 DAY ORDER BY day LIMIT 512");
static struct db_q q_tz = DB_Q(
    "SELECT value FROM settings WHERE name = 'timezone_offset_min'");

static struct work_calendar cached;
static time_t cached_at;

int
sla_calendar_load(struct arena *a, struct work_calendar *c)
{
	struct db_res *h, *d, *tz;
	size_t i;
	time_t now = time(NULL);

	if (cached_at != 0 && now - cached_at < 60) {
		*c = cached;
		return 0;
	}
	if (db_query(a, &q_hours, &h, "") != DB_OK || db_query(a, &q_days, &d, "") != DB_OK ||
	    db_query(a, &q_tz, &tz, "") != DB_OK)
		return -1;
	memset(c, 0, sizeof(*c));
	c->tz_offset_min = tz->nrows > 0 ? (int)db_get_int(tz, 0, 0) : 480;
	for (i = 0; i < h->nrows; i++) {
		long long wd = db_get_int(h, i, 0);
		if (wd < 0 || wd > 6)
			continue;
		c->start_min[wd] = (short)db_get_int(h, i, 1);
		c->end_min[wd] = (short)db_get_int(h, i, 2);
	}
	for (i = 0; i < d->nrows && c->nex < SLA_MAX_EXCEPTIONS; i++, c->nex++) {
		c->ex[c->nex].days = (long)db_get_int(d, i, 0);
		c->ex[c->nex].is_workday = (int)db_get_int(d, i, 1);
	}
	cached = *c;
	cached_at = now;
	return 0;
}
