/* Prometheus text exposition format 0.0.4 (content type
 * "text/plain; version=0.0.4"): # HELP and # TYPE before each family, the
 * samples of a family together, label values escaped. */
#ifndef SL_PROM_H
#define SL_PROM_H

#include <stddef.h>

struct arena;
struct counters_plugin;

#define PROM_CTYPE "text/plain; version=0.0.4; charset=utf-8"

/* A growing text in an arena. */
struct prom_buf {
	struct arena *a;
	char         *p;
	size_t        len, cap;
};

void	prom_init(struct prom_buf *, struct arena *);
void	prom_addf(struct prom_buf *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* A label value escaped for the text format (\ " and newline), in the arena. */
char   *prom_label(struct arena *, const char *value);
/* # HELP and # TYPE lines of a family (help must not hold a newline). */
void	prom_family(struct prom_buf *, const char *name, const char *type, const char *help);
/* Every family of the plugins' counters: requests by status class, the
 * latency histogram (cumulative buckets, _sum, _count), database errors by
 * kind, reconnects and live worker processes. */
void	prom_counters(struct prom_buf *, const struct counters_plugin *, size_t n);

#endif
