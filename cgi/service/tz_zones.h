/* The time zones an admin picks the service's local time from (admin
 * calendar). The SLA clock (sla.c) needs only a fixed offset from UTC in
 * minutes (settings.timezone_offset_min); the zone's name is kept beside
 * it (settings.timezone_name) to show the choice again. Only zones without
 * daylight saving time are listed, since a fixed offset cannot follow
 * one; any other offset can still be given as "UTC+HH:MM" / "UTC-HH:MM". */
#ifndef SL_TZ_ZONES_H
#define SL_TZ_ZONES_H

#include <stddef.h>

struct arena;

#define TZ_OFFSET_MIN (-720)     /* UTC-12:00 */
#define TZ_OFFSET_MAX 840        /* UTC+14:00 */

struct tz_zone {
	const char *name;        /* IANA name, e.g. "Asia/Shanghai" */
	int         offset_min;  /* minutes east of UTC */
	const char *zh, *en;     /* the places it is known by */
};

/* The zones, west to east; *n set to their count. */
const struct tz_zone *tz_zones(size_t *n);
/* The offset of v: a listed zone's name or "UTC+HH:MM" / "UTC-HH:MM"
 * (minutes 00, 15, 30 or 45, within TZ_OFFSET_MIN..MAX). 0 and *offset_min
 * set, or -1 when v is neither. */
int	tz_parse(const char *v, int *offset_min);
/* "UTC+08:00", "UTC-03:30" (arena). */
const char *tz_offset_text(struct arena *, int offset_min);
/* The listed zone named name with offset_min, else the first listed zone
 * with offset_min, else NULL (an offset no listed zone has). */
const struct tz_zone *tz_zone_for(const char *name, int offset_min);

#endif
