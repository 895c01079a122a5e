#include "stats.h"
#include "arena.h"

#include <string.h>
#include <unistd.h>

static const int classes[] = { 200, 300, 400, 500 };
static unsigned long long count_by_class[4];
static unsigned long long latency_le[5];    /* buckets: 1, 5, 25, 100 ms, +Inf */
static const long long bucket_us[4] = { 1000, 5000, 25000, 100000 };
static long long sum_us;

void
stats_record(int status, long long us)
{
	int c = status >= 500 ? 3 : status >= 400 ? 2 : status >= 300 ? 1 : 0, b;

	count_by_class[c]++;
	for (b = 0; b < 4 && us > bucket_us[b]; b++)
		;
	latency_le[b]++;
	sum_us += us;
}

char *
stats_prometheus(struct arena *a, const char *plugin)
{
	char *out = arena_printf(a, "# TYPE sl_requests_total counter\n");
	unsigned long long cum = 0, total = 0;
	int i, pid = (int)getpid();

	for (i = 0; i < 4; i++) {
		out = arena_printf(a, "%ssl_requests_total{plugin=\"%s\",pid=\"%d\",code=\"%dxx\"} %llu\n",
		    out, plugin, pid, classes[i] / 100, count_by_class[i]);
		total += count_by_class[i];
	}
	out = arena_printf(a, "%s# TYPE sl_request_duration_seconds histogram\n", out);
	for (i = 0; i < 4; i++) {
		cum += latency_le[i];
		out = arena_printf(a, "%ssl_request_duration_seconds_bucket{plugin=\"%s\",pid=\"%d\","
		    "le=\"%g\"} %llu\n", out, plugin, pid, (double)bucket_us[i] / 1e6, cum);
	}
	out = arena_printf(a, "%ssl_request_duration_seconds_bucket{plugin=\"%s\",pid=\"%d\",le=\"+Inf\"} %llu\n"
	    "sl_request_duration_seconds_sum{plugin=\"%s\",pid=\"%d\"} %.6f\n"
	    "sl_request_duration_seconds_count{plugin=\"%s\",pid=\"%d\"} %llu\n",
	    out, plugin, pid, total, plugin, pid, (double)sum_us / 1e6, plugin, pid, total);
	return out;
}
