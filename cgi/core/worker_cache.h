/* Values a worker process keeps between requests (lists of db_cache.h,
 * the queue's filter lists and open-ticket counts): the rule that says
 * when such a copy may still be used. A copy is stamped with a key read from the database (a
 * version number, the newest event id) and the moment it was made; it is
 * fresh while the key read now is the same and it is younger than its
 * time to live. The key catches every change that moves it at once; the
 * time to live bounds what a key cannot see (a change committed out of
 * order, a row changed by hand). Pure: unit-tested. */
#ifndef SL_WORKER_CACHE_H
#define SL_WORKER_CACHE_H

#include <time.h>

struct worker_stamp {
	int       valid;   /* 0 until the first fill, and after a failed one */
	long long key;
	time_t    at;
};

/* 1 when a copy stamped s may be used at now, given the key read now and
 * a time to live of ttl seconds (0: the key alone decides). A clock that
 * went back makes the copy stale. */
int	worker_stamp_fresh(const struct worker_stamp *s, long long key, time_t now, int ttl);

/* Stamp a copy just made from the database with key at now. */
void	worker_stamp_set(struct worker_stamp *s, long long key, time_t now);

#endif
