/* Per-process cache of the metric registry's read results (internal to
 * cgi/service/metrics.c). A dashboard, a journey map or an OKR board reads
 * the same sums many times: each view loads its frames per metric, the
 * previous period for trends, the breakdowns; and every page of every user
 * reads the same pre-aggregate until the next refresh. An entry holds one
 * statement's result, copied out of the request arena, under a key naming
 * the statement and its parameters, and is valid
 *   - while the pre-aggregate's generation (metric_state.generation, bumped
 *     by every refresh) is the one it was read under, and
 *   - until its expiry time (the live part: today and the tickets open now,
 *     at most the setting metric_live_secs old), or, whatever the expiry,
 *     for the rest of the request that read it (one page shows one
 *     consistent set of figures).
 * Bounded: MC_MAX_ENTRIES entries and MC_MAX_BYTES bytes; the least
 * recently used entry goes first. */
#ifndef SL_METRIC_CACHE_H
#define SL_METRIC_CACHE_H

#include <stddef.h>

struct arena;
struct db_res;

#define MC_MAX_ENTRIES  256
#define MC_MAX_BYTES    (1u << 20)
#define MC_NEVER        (-1LL)    /* an expiry: valid while the generation holds */

/* The cached result of key, or NULL. `req` is the request's arena (its
 * address and reset count name the request): the db_res is made there
 * (once per request and entry) over the cache's compact copy, whose text
 * stays valid until the next metric_cache_put(). NULL without a request. */
const struct db_res *metric_cache_find(const char *key, unsigned long long gen, long long now,
	    struct arena *req);
/* Store a copy of res under key (replacing an entry of the same key).
 * expires: an epoch, or MC_NEVER. A result bigger than the whole cache is
 * not stored. */
void	metric_cache_put(const char *key, const struct db_res *res, unsigned long long gen,
	    long long expires, const struct arena *req);
/* Entries and bytes held (for tests and /metrics). */
void	metric_cache_usage(size_t *entries, size_t *bytes);
void	metric_cache_clear(void);

#endif
