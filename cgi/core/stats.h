/* Counters of this worker process, shown as Prometheus text at /metrics. */
#ifndef SL_STATS_H
#define SL_STATS_H

struct arena;

void	stats_record(int status, long long us);
/* Prometheus exposition text of this process; allocated from the arena. */
char   *stats_prometheus(struct arena *, const char *plugin);

#endif
