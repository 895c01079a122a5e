/* Per-request arena: every allocation made while serving one request comes
 * from here and is released in one go by arena_reset() at the end of the
 * accept pass. Out of memory is fatal (one place: arena_oom). */
#ifndef SL_ARENA_H
#define SL_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;   /* newest block first */
	size_t              total;  /* bytes handed out since last reset */
	unsigned long       resets; /* counts arena_reset(): with the arena's
	                               address, names one request */
};

void	 arena_init(struct arena *);
void	*arena_alloc(struct arena *, size_t);           /* 16-byte aligned */
void	*arena_zalloc(struct arena *, size_t);          /* zero-filled */
char	*arena_strdup(struct arena *, const char *);
char	*arena_strndup(struct arena *, const char *, size_t); /* NUL-terminated */
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 arena_reset(struct arena *);   /* frees all but the first block */
void	 arena_free(struct arena *);    /* frees everything */

#endif
