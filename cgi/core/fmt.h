/* Formatting shared by pages: times in the service's local time. */
#ifndef SL_FMT_H
#define SL_FMT_H

struct arena;

/* "2026-11-26 14:05" in China time (UTC+8) from a UTC DATETIME text as
 * MariaDB prints it ("2026-11-26 06:05:00"); "" for NULL/empty. */
const char *fmt_local_time(struct arena *, const char *utc_datetime);
/* A duration in seconds as "2天3小时" / "2d 3h" / "45分钟" / "45 min". */
const char *fmt_duration(struct arena *, long long secs, const char *lang);

#endif
