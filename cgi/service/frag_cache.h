/* Rendered parts of pages that a worker keeps between requests (the
 * queue's rows, filter form, bulk choices and summary row: see
 * cgi/desk/queue_parts.c). A part is found by its name, which says
 * everything it was made from that a request can choose (language, role
 * class, the view's canonical query), and is used while the version read
 * from the database now is the one it was made with (a lists version, the
 * newest event id) and the clock is before its end (the end of the data it
 * was made from, or the moment its text would change by time alone).
 * The least recently used part of a full table is replaced. Process
 * memory; pure apart from malloc: unit-tested. */
#ifndef SL_FRAG_CACHE_H
#define SL_FRAG_CACHE_H

#include <stddef.h>
#include <time.h>

#define FRAG_NAME_MAX 320   /* longer names are never kept */

struct frag {
	char      *name;       /* malloc'd; NULL: empty slot */
	long long  version;
	time_t     made, until;   /* used while made <= now < until */
	unsigned long long used;  /* tick of the last use (LRU) */
	char      *text;       /* malloc'd, NUL-terminated */
	size_t     len;
	long long  aux;        /* one number the caller keeps with it */
};

struct frag_cache {
	struct frag       *slots;
	size_t             nslots;
	unsigned long long tick;
};

/* The part name at version, fresh at now, or NULL. Points into the cache:
 * valid until the next frag_put on it. */
const struct frag *frag_get(struct frag_cache *, const char *name, long long version,
	    time_t now);

/* Keep a copy of text (len bytes) as part name, made from data of version
 * at now and usable until until (not kept when until <= now or the name is
 * too long). Replaces the part of the same name, else an empty slot, else
 * the least recently used one. */
void	frag_put(struct frag_cache *, const char *name, long long version, time_t now,
	    time_t until, const char *text, size_t len, long long aux);

/* Forget every part (tests; a worker never needs to). */
void	frag_clear(struct frag_cache *);

#endif
