#include "prom.h"
#include "arena.h"
#include "counters.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void
prom_init(struct prom_buf *b, struct arena *a)
{
	b->a = a;
	b->cap = 4096;
	b->p = arena_alloc(a, b->cap);
	b->p[0] = '\0';
	b->len = 0;
}

void
prom_addf(struct prom_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= b->cap - b->len) {
		size_t cap = 2 * b->cap + (size_t)n;
		char *p = arena_alloc(b->a, cap);

		memcpy(p, b->p, b->len);
		b->p = p;
		b->cap = cap;
		va_start(ap, fmt);
		vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

char *
prom_label(struct arena *a, const char *v)
{
	char *out = arena_alloc(a, 2 * strlen(v) + 1), *o = out;

	for (; *v != '\0'; v++) {
		if (*v == '\\' || *v == '"') {
			*o++ = '\\';
			*o++ = *v;
		} else if (*v == '\n') {
			*o++ = '\\';
			*o++ = 'n';
		} else {
			*o++ = *v;
		}
	}
	*o = '\0';
	return out;
}

void
prom_family(struct prom_buf *b, const char *name, const char *type, const char *help)
{
	prom_addf(b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* One counter family with a sample per plugin, read by get(). */
static void
prom_per_plugin(struct prom_buf *b, const char *name, const char *type, const char *help,
    char **labels, const struct counters_plugin *pl, size_t n,
    unsigned long long (*get)(const struct counters_sum *))
{
	size_t i;

	prom_family(b, name, type, help);
	for (i = 0; i < n; i++)
		prom_addf(b, "%s{plugin=\"%s\"} %llu\n", name, labels[i], get(&pl[i].sum));
}

static unsigned long long
get_reconnects(const struct counters_sum *s)
{
	return s->db_reconnects;
}

static unsigned long long
get_live(const struct counters_sum *s)
{
	return s->live;
}

static void
prom_histogram(struct prom_buf *b, char **labels, const struct counters_plugin *pl, size_t n)
{
	const char *h = "sl_request_duration_seconds";
	size_t i;
	int k;

	prom_family(b, h, "histogram",
	    "Seconds from accepting a request until its answer is written, per plugin.");
	for (i = 0; i < n; i++) {
		unsigned long long cum = 0;

		for (k = 0; k < COUNTERS_BUCKETS; k++) {
			cum += pl[i].sum.bucket[k];
			if (k < COUNTERS_BUCKETS - 1)
				prom_addf(b, "%s_bucket{plugin=\"%s\",le=\"%g\"} %llu\n", h, labels[i],
				    (double)counters_bounds_us[k] / 1e6, cum);
			else
				prom_addf(b, "%s_bucket{plugin=\"%s\",le=\"+Inf\"} %llu\n", h,
				    labels[i], cum);
		}
		prom_addf(b, "%s_sum{plugin=\"%s\"} %llu.%06llu\n%s_count{plugin=\"%s\"} %llu\n",
		    h, labels[i], pl[i].sum.sum_us / 1000000, pl[i].sum.sum_us % 1000000,
		    h, labels[i], cum);
	}
}

void
prom_counters(struct prom_buf *b, const struct counters_plugin *pl, size_t n)
{
	static const char *const kinds[COUNTERS_DB__MAX] = { "down", "conflict", "other" };
	char **labels = arena_alloc(b->a, sizeof(char *) * (n + 1));
	size_t i;
	int k;

	for (i = 0; i < n; i++)
		labels[i] = prom_label(b->a, pl[i].name);
	prom_family(b, "sl_requests_total", "counter",
	    "Requests answered, per plugin and status class, over all its worker processes.");
	for (i = 0; i < n; i++)
		for (k = 0; k < COUNTERS_CLASSES; k++)
			prom_addf(b, "sl_requests_total{plugin=\"%s\",code=\"%dxx\"} %llu\n",
			    labels[i], k + 2, pl[i].sum.req[k]);
	prom_histogram(b, labels, pl, n);
	prom_family(b, "sl_db_errors_total", "counter",
	    "Failed MariaDB calls (connect, ping, prepare, execute, fetch, commit), per plugin"
	    " and kind: down (connection lost or refused), conflict (deadlock, lock wait), other.");
	for (i = 0; i < n; i++)
		for (k = 0; k < COUNTERS_DB__MAX; k++)
			prom_addf(b, "sl_db_errors_total{plugin=\"%s\",kind=\"%s\"} %llu\n",
			    labels[i], kinds[k], pl[i].sum.db_errors[k]);
	prom_per_plugin(b, "sl_db_reconnects_total", "counter",
	    "New MariaDB connections made after a process's first one (after a loss), per plugin.",
	    labels, pl, n, get_reconnects);
	prom_per_plugin(b, "sl_worker_processes", "gauge",
	    "Worker processes of the plugin alive now (with a counters slot).",
	    labels, pl, n, get_live);
}
