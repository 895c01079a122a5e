/* Per-process cache of metric read results: see metric_cache.h. A worker
 * serves one request at a time, so no locking. */
#include "metric_cache.h"
#include "arena.h"
#include "db.h"
#include <stdlib.h>
#include <string.h>

struct mc_entry {
	char               *key;
	struct db_res      *res;        /* one malloc block with its strings */
	size_t              bytes;
	unsigned long long  gen;
	long long           expires;
	const struct arena *req;        /* the request that read it */
	unsigned long       req_seq;
	unsigned long long  used;       /* LRU clock */
};

static struct mc_entry mc[MC_MAX_ENTRIES];
static size_t mc_n, mc_bytes;
static unsigned long long mc_clock;

static struct mc_entry *
mc_lookup(const char *key)
{
	size_t i;

	for (i = 0; i < mc_n; i++)
		if (strcmp(mc[i].key, key) == 0)
			return &mc[i];
	return NULL;
}

static void
mc_drop(size_t i)
{
	mc_bytes -= mc[i].bytes;
	free(mc[i].key);
	free(mc[i].res);
	mc[i] = mc[--mc_n];
}

static int
mc_same_request(const struct mc_entry *e, const struct arena *req)
{
	return req != NULL && e->req == req && e->req_seq == req->resets;
}

const struct db_res *
metric_cache_find(const char *key, unsigned long long gen, long long now,
    const struct arena *req)
{
	struct mc_entry *e = mc_lookup(key);

	if (e == NULL || e->gen != gen)
		return NULL;
	if (e->expires != MC_NEVER && now >= e->expires && !mc_same_request(e, req))
		return NULL;
	e->used = ++mc_clock;
	return e->res;
}

/* One block: the struct, the value pointers, the lengths, then the text. */
static struct db_res *
mc_copy(const struct db_res *src, size_t *bytes)
{
	size_t cells = src->nrows * src->ncols, text = 0, i, head;
	struct db_res *r;
	char *p;

	for (i = 0; i < cells; i++)
		if (src->v[i] != NULL)
			text += src->len[i] + 1;
	head = sizeof(*r) + sizeof(char *) * (cells + 1) + sizeof(unsigned long) * (cells + 1);
	head = (head + 15) & ~(size_t)15;
	*bytes = head + text;
	if ((r = malloc(*bytes)) == NULL)
		return NULL;
	r->nrows = src->nrows;
	r->ncols = src->ncols;
	r->v = (char **)(void *)(r + 1);
	r->len = (unsigned long *)(void *)(r->v + cells + 1);
	p = (char *)r + head;
	for (i = 0; i < cells; i++) {
		r->len[i] = src->len[i];
		r->v[i] = NULL;
		if (src->v[i] == NULL)
			continue;
		memcpy(p, src->v[i], src->len[i]);
		p[src->len[i]] = '\0';
		r->v[i] = p;
		p += src->len[i] + 1;
	}
	return r;
}

static void
mc_evict_lru(void)
{
	size_t i, old = 0;

	for (i = 1; i < mc_n; i++)
		if (mc[i].used < mc[old].used)
			old = i;
	mc_drop(old);
}

void
metric_cache_put(const char *key, const struct db_res *res, unsigned long long gen,
    long long expires, const struct arena *req)
{
	struct mc_entry *e = mc_lookup(key);
	struct db_res *copy;
	size_t bytes;
	char *k;

	if (e != NULL)
		mc_drop((size_t)(e - mc));
	if ((copy = mc_copy(res, &bytes)) == NULL)
		return;
	if (bytes > MC_MAX_BYTES || (k = strdup(key)) == NULL) {
		free(copy);
		return;
	}
	while (mc_n > 0 && (mc_n == MC_MAX_ENTRIES || mc_bytes + bytes > MC_MAX_BYTES))
		mc_evict_lru();
	e = &mc[mc_n++];
	e->key = k;
	e->res = copy;
	e->bytes = bytes;
	e->gen = gen;
	e->expires = expires;
	e->req = req;
	e->req_seq = req != NULL ? req->resets : 0;
	e->used = ++mc_clock;
	mc_bytes += bytes;
}

void
metric_cache_usage(size_t *entries, size_t *bytes)
{
	*entries = mc_n;
	*bytes = mc_bytes;
}

void
metric_cache_clear(void)
{
	while (mc_n > 0)
		mc_drop(mc_n - 1);
}
