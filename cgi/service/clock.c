/* The domain clock (clock.h): time(NULL) unless the demo loader fixed it. */
#include "clock.h"

static struct db_q q_set = DB_Q("SET timestamp = ?");
static struct db_q q_real = DB_Q("SET timestamp = DEFAULT");

/* Process-wide, not request data: 0 = the real clock. */
static time_t fixed_now;

time_t
service_now(void)
{
	return fixed_now != 0 ? fixed_now : time(NULL);
}

enum db_rc
service_clock_set(time_t t)
{
	enum db_rc rc;

	if (t <= 0)
		return DB_ERR;
	if ((rc = db_exec(&q_set, NULL, "i", (long long)t)) != DB_OK)
		return rc;
	fixed_now = t;
	return DB_OK;
}

enum db_rc
service_clock_real(void)
{
	fixed_now = 0;
	return db_exec(&q_real, NULL, "");
}
