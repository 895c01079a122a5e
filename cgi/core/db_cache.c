/* Lists kept by a worker between requests: db_cache.h. */
#include "db_cache.h"

enum db_rc
db_cache_get(struct db_cache *c, long long key, time_t now, const struct db_res **out)
{
	int ttl = c->ttl > 0 ? c->ttl : DB_CACHE_TTL;
	struct arena fresh;
	struct db_res *res;
	enum db_rc rc;

	/* the rule of every worker's copy: worker_cache.h */
	if (c->res != NULL && worker_stamp_fresh(&c->stamp, key, now, ttl)) {
		*out = c->res;
		return DB_OK;
	}
	arena_init(&fresh);
	if ((rc = db_query(&fresh, c->q, &res, "")) != DB_OK) {
		arena_free(&fresh);
		db_cache_forget(c);
		return rc;
	}
	arena_free(&c->mem);
	c->mem = fresh;      /* the blocks move, the rows stay where they are */
	c->res = res;
	worker_stamp_set(&c->stamp, key, now);
	c->gen++;
	*out = res;
	return DB_OK;
}

void
db_cache_forget(struct db_cache *c)
{
	arena_free(&c->mem);
	arena_init(&c->mem);
	c->res = NULL;
	c->stamp.valid = 0;
}
