/* Per-process cache of metric read results: see metric_cache.h. A worker
 * serves one request at a time, so no locking. */
#include "metric_cache.h"
#include "arena.h"
#include "db.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The kept copy of a result: one malloc block holding the cell offsets,
 * then the text. Cell i is text[off[i] .. off[i+1]): its value and its
 * NUL, or nothing for SQL NULL. 4 bytes a cell where a db_res spends 16
 * (a pointer and a length): a day's row of 33 sums is ~250 bytes instead
 * of ~650, so the byte bound holds 2.5 times the reads. */
struct mc_rows {
	size_t   nrows, ncols;
	uint32_t off[];         /* cells + 1, then the text */
};

struct mc_entry {
	char               *key;
	struct mc_rows     *rows;
	size_t              bytes;
	unsigned long long  gen;
	long long           expires;
	const struct arena *req;        /* the request that read it */
	unsigned long       req_seq;
	unsigned long long  used;       /* LRU clock */
	/* the db_res a request reads, in that request's arena */
	struct db_res      *view;
	const struct arena *view_req;
	unsigned long       view_seq;
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
	free(mc[i].rows);
	mc[i] = mc[--mc_n];
}

static int
mc_same_request(const struct mc_entry *e, const struct arena *req)
{
	return req != NULL && e->req == req && e->req_seq == req->resets;
}

static char *
mc_text(struct mc_rows *k)
{
	return (char *)&k->off[k->nrows * k->ncols + 1];
}

/* The rows of e as a db_res in req's arena (pointing into e's text), made
 * once per request. NULL without a request. */
static const struct db_res *
mc_view(struct mc_entry *e, struct arena *req)
{
	struct mc_rows *k = e->rows;
	size_t cells = k->nrows * k->ncols, i;
	char *text = mc_text(k);
	struct db_res *r;

	if (req == NULL)
		return NULL;
	if (e->view != NULL && e->view_req == req && e->view_seq == req->resets)
		return e->view;
	r = arena_alloc(req, sizeof(*r));
	r->nrows = k->nrows;
	r->ncols = k->ncols;
	r->v = arena_alloc(req, sizeof(char *) * (cells + 1));
	r->len = arena_alloc(req, sizeof(unsigned long) * (cells + 1));
	for (i = 0; i < cells; i++) {
		uint32_t n = k->off[i + 1] - k->off[i];

		/* The text is the cache's and stays until the next put. */
		r->v[i] = n > 0 ? text + k->off[i] : NULL;
		r->len[i] = n > 0 ? n - 1 : 0;
	}
	r->v[cells] = NULL;
	r->len[cells] = 0;
	e->view = r;
	e->view_req = req;
	e->view_seq = req->resets;
	return r;
}

const struct db_res *
metric_cache_find(const char *key, unsigned long long gen, long long now, struct arena *req)
{
	struct mc_entry *e = mc_lookup(key);

	if (e == NULL || e->gen != gen)
		return NULL;
	if (e->expires != MC_NEVER && now >= e->expires && !mc_same_request(e, req))
		return NULL;
	e->used = ++mc_clock;
	return mc_view(e, req);
}

/* The compact copy of src; NULL when out of memory or too big to count
 * in 32 bits (far beyond the byte bound). */
static struct mc_rows *
mc_copy(const struct db_res *src, size_t *bytes)
{
	size_t cells = src->nrows * src->ncols, text = 0, i, head;
	struct mc_rows *k;
	char *p;

	for (i = 0; i < cells; i++)
		if (src->v[i] != NULL)
			text += src->len[i] + 1;
	if (text > UINT32_MAX)
		return NULL;
	head = sizeof(*k) + sizeof(uint32_t) * (cells + 1);
	*bytes = head + text;
	if ((k = malloc(*bytes)) == NULL)
		return NULL;
	k->nrows = src->nrows;
	k->ncols = src->ncols;
	p = (char *)k + head;
	k->off[0] = 0;
	for (i = 0; i < cells; i++) {
		uint32_t n = 0;

		if (src->v[i] != NULL) {
			memcpy(p, src->v[i], src->len[i]);
			p[src->len[i]] = '\0';
			n = (uint32_t)src->len[i] + 1;
			p += n;
		}
		k->off[i + 1] = k->off[i] + n;
	}
	return k;
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
	struct mc_rows *copy;
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
	e->rows = copy;
	e->view = NULL;
	e->view_req = NULL;
	e->view_seq = 0;
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
