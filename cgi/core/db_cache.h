/* A worker's copy of a small, parameterless query result (a list of
 * categories, teams, staff) kept between requests, so a page that shows
 * such a list does not read it on every request.
 *
 * When the copy is read again:
 * - when the key the caller passes differs from the key of the copy: a
 *   version number the caller read anyway (e.g. a column of a query it
 *   runs, bumped by database triggers on every change of the listed
 *   rows, whoever makes it); the change shows at once;
 * - when the copy is older than its time to live (ttl seconds; 0:
 *   DB_CACHE_TTL), which alone bounds how old a list without a key (key
 *   always 0) can be, and bounds what a key cannot see.
 * A list without a key is only for places where a list a few seconds old
 * is harmless: a value submitted from it is still checked against the
 * database (POST /repair reads the active categories afresh). */
#ifndef SL_DB_CACHE_H
#define SL_DB_CACHE_H

#include <time.h>
#include "arena.h"
#include "db.h"
#include "worker_cache.h"

#define DB_CACHE_TTL 10

struct db_cache {
	struct db_q   *q;       /* a statement without parameters */
	int            ttl;     /* seconds; 0 = DB_CACHE_TTL */
	/* the copy, filled by db_cache_get */
	struct arena   mem;     /* process memory of the copy */
	struct db_res *res;
	struct worker_stamp stamp;  /* its key and when it was read */
	unsigned long  gen;     /* counts the reads: names one copy, so a caller
	                           can keep what it derives from it (labels) */
};
#define DB_CACHE(query, ttl) { (query), (ttl), { NULL, 0, 0 }, NULL, { 0, 0, 0 }, 0 }

/* The rows of c's query for key at now (the request's clock): the copy
 * while it is fresh, else read again. *out points into process memory
 * owned by c, valid until the next db_cache_get or db_cache_forget of c:
 * use it within the request only. A failed read keeps no copy and returns
 * its code. */
enum db_rc db_cache_get(struct db_cache *c, long long key, time_t now,
	    const struct db_res **out);

/* Drop the copy (the next get reads again). */
void	   db_cache_forget(struct db_cache *c);

#endif
