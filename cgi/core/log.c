#include "log.h"
#include "json.h"

#include <stdio.h>
#include <time.h>

void
log_msg(const char *level, const char *msg, const char *detail)
{
	char m[256], d[1024], ts[32];
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(stderr, "{\"ts\":\"%s\",\"level\":\"%s\",\"msg\":\"%s\",\"detail\":\"%s\"}\n",
	    ts, level, json_escape_buf(m, sizeof(m), msg), json_escape_buf(d, sizeof(d), detail));
	fflush(stderr);
}
