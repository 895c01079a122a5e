/* Visit windows: validation and display (appointment.h). */
#include "appointment.h"
#include "arena.h"

#include <stdio.h>
#include <string.h>

/* Digits s[0..n) as a number; -1 when any is not a digit. */
static int
digits(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* "YYYY-MM-DD" into the UTC epoch of its local midnight; -1 if invalid. */
static time_t
parse_date(const char *s)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	struct tm tm;
	int y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 2000 || y > 2999 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1] + (m == 2 && leap(y)))
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	return timegm(&tm) - APPT_LOCAL_OFFSET;
}

/* "H:MM" or "HH:MM" (a browser's time input sends "HH:MM") into minutes
 * after midnight; -1 if invalid. */
static int
parse_hm(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;
	int h, m;

	if (n < 4 || n > 5 || s[n - 3] != ':')
		return -1;
	h = digits(s, n - 3);
	m = digits(s + n - 2, 2);
	if (h < 0 || h > 23 || m < 0 || m > 59)
		return -1;
	return h * 60 + m;
}

int
appt_check(const char *date, const char *from, const char *to, time_t now,
    struct appt_window *out, struct appt_problems *pb)
{
	time_t day = parse_date(date);
	int f = parse_hm(from), t = parse_hm(to), n = 0;

	memset(pb, 0, sizeof(*pb));
	if (day < 0)
		pb->date = "APPT_ERR_DATE";
	if (f < 0)
		pb->from = "APPT_ERR_TIME";
	else if (f < APPT_FIRST_MINUTE || f >= APPT_LAST_MINUTE)
		pb->from = "APPT_ERR_HOURS";
	if (t < 0)
		pb->to = "APPT_ERR_TIME";
	else if (t > APPT_LAST_MINUTE || t <= APPT_FIRST_MINUTE)
		pb->to = "APPT_ERR_HOURS";
	else if (f >= 0 && t <= f)
		pb->to = "APPT_ERR_ORDER";
	else if (f >= 0 && t - f < APPT_MIN_MINUTES)
		pb->to = "APPT_ERR_SHORT";
	else if (f >= 0 && t - f > APPT_MAX_MINUTES)
		pb->to = "APPT_ERR_LONG";
	if (day >= 0 && f >= 0) {
		time_t start = day + (time_t)f * 60;

		if (start < now - APPT_PAST_SECS)
			pb->date = "APPT_ERR_PAST";
		else if (start > now + (time_t)APPT_AHEAD_DAYS * 86400)
			pb->date = "APPT_ERR_FAR";
	}
	n = (pb->date != NULL) + (pb->from != NULL) + (pb->to != NULL);
	if (n == 0) {
		out->start = day + (time_t)f * 60;
		out->end = day + (time_t)t * 60;
	}
	return n;
}

static void
local_tm(time_t t, struct tm *tm)
{
	time_t l = t + APPT_LOCAL_OFFSET;

	gmtime_r(&l, tm);
}

const char *
appt_format(struct arena *a, time_t start, time_t end, const char *lang)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
	    "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm s, e;

	local_tm(start, &s);
	local_tm(end, &e);
	if (lang != NULL && strcmp(lang, "en") == 0)
		return arena_printf(a, "%d %s %02d:%02d–%02d:%02d", s.tm_mday, mon[s.tm_mon],
		    s.tm_hour, s.tm_min, e.tm_hour, e.tm_min);
	return arena_printf(a, "%d月%d日 %02d:%02d–%02d:%02d", s.tm_mon + 1, s.tm_mday,
	    s.tm_hour, s.tm_min, e.tm_hour, e.tm_min);
}

void
appt_split(time_t t, char date[11], char hm[6])
{
	struct tm tm;

	local_tm(t, &tm);
	snprintf(date, 11, "%04u-%02u-%02u", (unsigned)(tm.tm_year + 1900) % 10000u,
	    (unsigned)(tm.tm_mon + 1) % 100u, (unsigned)tm.tm_mday % 100u);
	snprintf(hm, 6, "%02u:%02u", (unsigned)tm.tm_hour % 100u, (unsigned)tm.tm_min % 100u);
}
