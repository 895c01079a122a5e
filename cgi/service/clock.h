/* The domain clock: what "now" is for the service code (tickets, SLA due
 * times, ticket numbers). Everywhere in production it is the real clock:
 * time(NULL) in C and UTC_TIMESTAMP() in SQL, which read the same moment.
 *
 * Only the demo loader (sl-cli demo-history) moves it, to replay a 90-day
 * history through the real ticket functions: service_clock_set() fixes the
 * C side and this process's database session together (MariaDB's session
 * variable `timestamp`, which NOW() and UTC_TIMESTAMP() return while it is
 * set). The web workers never call it (tests/lint.sh: only cgi/tools/ may),
 * so for them service_now() is time(NULL). */
#ifndef SL_CLOCK_H
#define SL_CLOCK_H

#include <time.h>
#include "db.h"

/* The current time of the domain: the fixed moment while one is set, else
 * the real clock. */
time_t	service_now(void);

/* Fix the domain's "now" at t (UTC epoch) for this process and its database
 * session. The setting is lost with the connection, so a loader sets it
 * before each event (a lost connection fails that event anyway). */
enum db_rc service_clock_set(time_t t);

/* Back to the real clock, in C and in the database session. */
enum db_rc service_clock_real(void);

#endif
