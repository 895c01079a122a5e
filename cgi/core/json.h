/* JSON output helpers (the request log, the API). */
#ifndef SL_JSON_H
#define SL_JSON_H

#include <stddef.h>

struct arena;

/* s as a JSON string body (without quotes): ", \, control chars escaped,
 * invalid UTF-8 bytes replaced by U+FFFD. Allocated from the arena. */
char	*json_escape(struct arena *, const char *s);
/* The same into a caller buffer, truncated safely; returns dst. */
char	*json_escape_buf(char *dst, size_t cap, const char *s);

#endif
