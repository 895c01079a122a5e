/* A worker's rendered page parts: the rules are in frag_cache.h. */
#include "frag_cache.h"

#include <stdlib.h>
#include <string.h>

static void
frag_drop(struct frag *f)
{
	free(f->name);
	free(f->text);
	memset(f, 0, sizeof(*f));
}

const struct frag *
frag_get(struct frag_cache *c, const char *name, long long version, time_t now)
{
	size_t i;

	for (i = 0; i < c->nslots; i++) {
		struct frag *f = &c->slots[i];

		if (f->name == NULL || strcmp(f->name, name) != 0)
			continue;
		/* a clock that went back makes the part stale, as worker_cache.h */
		if (f->version != version || now < f->made || now >= f->until)
			return NULL;
		f->used = ++c->tick;
		return f;
	}
	return NULL;
}

/* The slot for name: its own, else an empty one, else the least recently used. */
static struct frag *
frag_slot(struct frag_cache *c, const char *name)
{
	struct frag *pick = NULL;
	size_t i;

	for (i = 0; i < c->nslots; i++) {
		struct frag *f = &c->slots[i];

		if (f->name != NULL && strcmp(f->name, name) == 0)
			return f;
		if (pick == NULL || (pick->name != NULL && (f->name == NULL || f->used < pick->used)))
			pick = f;
	}
	return pick;
}

static char *
dup_bytes(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p == NULL)
		abort();   /* out of memory is fatal, as everywhere */
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
frag_put(struct frag_cache *c, const char *name, long long version, time_t now,
    time_t until, const char *text, size_t len, long long aux)
{
	size_t nlen = strlen(name);
	struct frag *f;

	if (c->nslots == 0 || until <= now || nlen > FRAG_NAME_MAX)
		return;
	f = frag_slot(c, name);
	frag_drop(f);
	f->name = dup_bytes(name, nlen);
	f->text = dup_bytes(text, len);
	f->len = len;
	f->version = version;
	f->made = now;
	f->until = until;
	f->aux = aux;
	f->used = ++c->tick;
}

void
frag_clear(struct frag_cache *c)
{
	size_t i;

	for (i = 0; i < c->nslots; i++)
		frag_drop(&c->slots[i]);
	c->tick = 0;
}
