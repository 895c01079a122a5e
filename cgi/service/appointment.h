/* The visit window agreed with the customer ("预约上门时间"): a local
 * date and a start and end time typed by an agent or the technician,
 * checked and turned into UTC, and shown back in local time. Pure: no
 * database, the current time is a parameter (unit tests pin it). Local
 * time is the service's (UTC+8, as cgi/core/fmt.c). */
#ifndef SL_APPOINTMENT_H
#define SL_APPOINTMENT_H

#include <time.h>

struct arena;

#define APPT_LOCAL_OFFSET   (8 * 3600)
#define APPT_FIRST_MINUTE   (7 * 60)       /* windows lie within 07:00 ... */
#define APPT_LAST_MINUTE    (22 * 60)      /* ... and 22:00 local time */
#define APPT_MIN_MINUTES    30             /* a window at least this long ... */
#define APPT_MAX_MINUTES    (8 * 60)       /* ... and at most a working day */
#define APPT_PAST_SECS      (24 * 3600)    /* a start may lie this far back (late entry) */
#define APPT_AHEAD_DAYS     180            /* and at most this far ahead */

/* The window in UTC epoch seconds. */
struct appt_window {
	time_t start, end;
};

/* The problem of each field (a catalog key, NULL when the field is fine). */
struct appt_problems {
	const char *date;   /* field appt_date: "YYYY-MM-DD" */
	const char *from;   /* field appt_from: "HH:MM" */
	const char *to;     /* field appt_to:   "HH:MM" */
};

/* Check the three fields against now (UTC epoch). Returns the number of
 * fields with a problem (each named in *pb); on 0, *out is the window.
 * Rules: a real calendar date and times "H:MM"/"HH:MM"; within
 * 07:00–22:00; end after start; 30 minutes to 8 hours; the start not more
 * than a day in the past nor more than 180 days ahead. */
int	appt_check(const char *date, const char *from, const char *to, time_t now,
	    struct appt_window *out, struct appt_problems *pb);

/* The window as the pages show it: "12月5日 14:00–16:00" (zh-CN) or
 * "5 Dec 14:00–16:00" (en), in local time (arena). */
const char *appt_format(struct arena *, time_t start, time_t end, const char *lang);

/* The local date "YYYY-MM-DD" (date[11]) and time "HH:MM" (hm[6]) of t,
 * to fill the form again. */
void	appt_split(time_t t, char date[11], char hm[6]);

#endif
