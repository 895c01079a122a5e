#include "fmt.h"
#include "arena.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define LOCAL_OFFSET_SECS (8 * 3600)

const char *
fmt_local_time(struct arena *a, const char *utc)
{
	struct tm tm;
	time_t t;
	char out[32];

	if (utc == NULL || *utc == '\0')
		return "";
	memset(&tm, 0, sizeof(tm));
	if (sscanf(utc, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	    &tm.tm_hour, &tm.tm_min, &tm.tm_sec) < 5)
		return arena_strdup(a, utc);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm) + LOCAL_OFFSET_SECS;
	gmtime_r(&t, &tm);
	strftime(out, sizeof(out), "%Y-%m-%d %H:%M", &tm);
	return arena_strdup(a, out);
}

const char *
fmt_duration(struct arena *a, long long s, const char *lang)
{
	int en = lang != NULL && strcmp(lang, "en") == 0;
	long long d = s / 86400, h = (s % 86400) / 3600, m = (s % 3600) / 60;

	if (s < 0)
		s = 0;
	if (d > 0)
		return en ? arena_printf(a, "%lldd %lldh", d, h) : arena_printf(a, "%lld天%lld小时", d, h);
	if (h > 0)
		return en ? arena_printf(a, "%lldh %lldm", h, m) : arena_printf(a, "%lld小时%lld分钟", h, m);
	return en ? arena_printf(a, "%lld min", m) : arena_printf(a, "%lld分钟", m);
}
