/* sl-cli bench-series KEY DAYS RUNS: the registry read of `make bench`:
 * metric_series_key() of one metric over the last DAYS days by day, timed
 * in this process as a worker would run it. The first call finds the
 * worker's cache empty (a page after a refresh, or the first of a worker);
 * the next RUNS calls, each a request of its own, find it filled within
 * metric_live_secs. Prints "cold_ms warm_median_ms warm_max_ms points". */
#include "arena.h"
#include "db.h"
#include "demo.h"
#include "metric_key.h"
#include "metrics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BENCH_SERIES_MAX_RUNS 1000

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return a < b ? -1 : a > b;
}

/* One request's read: the arena is reset first, as a worker does. */
static int
series_once(struct arena *a, const char *key, long days, double *ms, size_t *n)
{
	long today = metric_day_of((long long)time(NULL));
	struct metric_filter f;
	struct metric_point *p;
	double t0;

	arena_reset(a);
	memset(&f, 0, sizeof(f));
	f.from = metric_day_start(today - days + 1);
	f.to = metric_day_start(today + 1);
	t0 = now_ms();
	if (metric_series_key(a, key, &f, METRIC_DAY, &p, n) != DB_OK)
		return -1;
	*ms = now_ms() - t0;
	return 0;
}

int
bench_series(struct arena *a, int argc, char **argv)
{
	static double warm[BENCH_SERIES_MAX_RUNS];
	long days, runs, i;
	double cold;
	size_t n;

	if (argc != 3 || (days = strtol(argv[1], NULL, 10)) < 1 || days > 3660 ||
	    (runs = strtol(argv[2], NULL, 10)) < 1 || runs > BENCH_SERIES_MAX_RUNS) {
		fprintf(stderr, "usage: sl-cli bench-series KEY DAYS RUNS (RUNS <= %d)\n",
		    BENCH_SERIES_MAX_RUNS);
		return 2;
	}
	/* A refresh that is due runs first, untimed (a worker does it once a
	 * minute at most, for every reader). */
	if (metric_refresh(a, 0) == DB_DOWN || series_once(a, argv[0], days, &cold, &n) != 0)
		return 1;
	for (i = 0; i < runs; i++)
		if (series_once(a, argv[0], days, &warm[i], &n) != 0)
			return 1;
	qsort(warm, (size_t)runs, sizeof(warm[0]), cmp_double);
	printf("%.2f %.3f %.3f %zu\n", cold, warm[runs / 2], warm[runs - 1], n);
	return 0;
}
