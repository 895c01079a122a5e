/* When a worker's copy of database values may be used: worker_cache.h. */
#include "worker_cache.h"

int
worker_stamp_fresh(const struct worker_stamp *s, long long key, time_t now, int ttl)
{
	if (!s->valid || s->key != key || now < s->at)
		return 0;
	return ttl <= 0 || now - s->at < ttl;
}

void
worker_stamp_set(struct worker_stamp *s, long long key, time_t now)
{
	s->valid = 1;
	s->key = key;
	s->at = now;
}
