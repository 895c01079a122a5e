#include "arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#define ARENA_BLOCK_MIN (64 * 1024)

struct arena_block {
	struct arena_block *next;
	size_t              cap;
	size_t              used;
	_Alignas(16) unsigned char data[];   /* 16-byte aligned: offset 32, not 24 */
};

static void
arena_oom(void)
{
	fputs("{\"level\":\"fatal\",\"msg\":\"out of memory\"}\n", stderr);
	abort();
}

void
arena_init(struct arena *a)
{
	a->head = NULL;
	a->total = 0;
	a->resets = 0;
}

static struct arena_block *
arena_block_new(size_t need)
{
	size_t cap = need > ARENA_BLOCK_MIN ? need : ARENA_BLOCK_MIN;
	struct arena_block *b;

	if (cap > SIZE_MAX - sizeof(*b))
		arena_oom();
	b = malloc(sizeof(*b) + cap);
	if (b == NULL)
		arena_oom();
	b->next = NULL;
	b->cap = cap;
	b->used = 0;
	return b;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	size_t off;

	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - 16)
		arena_oom();
	n = (n + 15) & ~(size_t)15;
	if (b == NULL || b->cap - b->used < n) {
		b = arena_block_new(n);
		b->next = a->head;
		a->head = b;
	}
	off = b->used;
	b->used += n;
	a->total += n;
	return b->data + off;
}

void *
arena_zalloc(struct arena *a, size_t n)
{
	void *p = arena_alloc(a, n);

	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

/* One formatting pass when the text fits in the free end of the newest
 * block (the usual case: vsnprintf is most of a short printf's cost). */
char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	struct arena_block *b = a->head;
	va_list ap;
	int n;
	char *p;

	if (b != NULL && b->cap - b->used > 16) {
		size_t room = b->cap - b->used;

		p = (char *)b->data + b->used;
		va_start(ap, fmt);
		n = vsnprintf(p, room, fmt, ap);
		va_end(ap);
		if (n < 0)
			arena_oom();
		if ((size_t)n < room)
			return arena_alloc(a, (size_t)n + 1);   /* the same bytes */
	}
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		arena_oom();
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* Keep the oldest block (the usual working set) so a steady stream of
 * small requests does not malloc at all. */
void
arena_reset(struct arena *a)
{
	struct arena_block *b = a->head, *next;

	a->resets++;
	if (b == NULL)
		return;
	while (b->next != NULL) {
		next = b->next;
		free(b);
		b = next;
	}
	b->used = 0;
	a->head = b;
	a->total = 0;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b = a->head, *next;

	while (b != NULL) {
		next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->total = 0;
}
