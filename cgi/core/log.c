#include "log.h"
#include "config.h"
#include "json.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static int
level_rank(const char *level)
{
	static const char *const names[] = { "debug", "info", "warn", "error", "fatal" };
	int i;

	for (i = 0; i < 5; i++)
		if (strcmp(level, names[i]) == 0)
			return i;
	return 1;
}

void
log_msg(const char *level, const char *msg, const char *detail)
{
	char m[256], d[1024], ts[32];
	time_t now = time(NULL);
	struct tm tm;

	/* cfg.log_level is "" before the config is read: log everything then. */
	if (cfg.log_level[0] != '\0' && level_rank(level) < level_rank(cfg.log_level))
		return;
	gmtime_r(&now, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(stderr, "{\"ts\":\"%s\",\"level\":\"%s\",\"msg\":\"%s\",\"detail\":\"%s\"}\n",
	    ts, level, json_escape_buf(m, sizeof(m), msg), json_escape_buf(d, sizeof(d), detail));
	fflush(stderr);
}
