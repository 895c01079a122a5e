/* Request and database counters of every worker process of a plugin, kept
 * in one small shared-memory file per plugin, <counters_dir>/<plugin>.counters
 * (mmap, MAP_SHARED). Each process claims one slot at start-up (under an
 * flock) and is the only writer of it: a request costs a few atomic adds on
 * memory and no system call. Slot 0 is the "retired" slot: when a process is
 * gone (its pid no longer exists), the next process that claims a slot adds
 * the dead slot's counts into slot 0 and frees it, so every sum only grows,
 * as Prometheus counters must. A process that exits cleanly folds its own
 * slot at once (counters_close).
 *
 * Readers (/metrics) take the flock shared and sum every slot of every
 * plugin's file. A writer brackets its adds of one request with a sequence
 * number (odd while it writes), so a reader sees each request whole: the
 * histogram's count always equals the sum of the status classes. */
#ifndef SL_COUNTERS_H
#define SL_COUNTERS_H

#include <stddef.h>

#define COUNTERS_CLASSES  4     /* 2xx 3xx 4xx 5xx (1xx counts as 2xx, 6xx+ as 5xx) */
#define COUNTERS_BUCKETS  14    /* 13 upper bounds, then +Inf */
#define COUNTERS_SLOTS    128   /* slot 0 retired, so 127 live processes per plugin */
/* Upper bounds of the latency buckets in microseconds (Prometheus "le"). */
#define COUNTERS_BOUNDS_US 1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000, \
	500000, 1000000, 2500000, 5000000, 10000000

enum counters_db {
	COUNTERS_DB_DOWN = 0,   /* connection failed or lost */
	COUNTERS_DB_CONFLICT,   /* deadlock, lock wait timeout */
	COUNTERS_DB_OTHER,      /* any other failed call */
	COUNTERS_DB__MAX
};

/* Sums over the slots of one plugin's file. */
struct counters_sum {
	unsigned long long req[COUNTERS_CLASSES];
	unsigned long long bucket[COUNTERS_BUCKETS];  /* per bucket, not cumulative */
	unsigned long long sum_us;
	unsigned long long db_errors[COUNTERS_DB__MAX];
	unsigned long long db_reconnects;
	unsigned           live;                      /* slots whose process is alive */
	unsigned           slots;                     /* slots in use (live or not yet folded) */
};

#define COUNTERS_NAME_MAX 32   /* plugin name, with its NUL */

struct counters_plugin {
	char                name[COUNTERS_NAME_MAX];
	struct counters_sum sum;
};

extern const long long counters_bounds_us[COUNTERS_BUCKETS - 1];

/* Claim this process's slot in <dir>/<plugin>.counters (created when
 * missing). 0, or -1 (logged): the process then counts nothing. */
int	counters_open(const char *dir, const char *plugin);
/* Fold this process's slot into the retired slot and unmap it. */
void	counters_close(void);

/* One answered request: its status and its duration. No-op when not open. */
void	counters_request(int status, long long us);
void	counters_db_error(enum counters_db);
void	counters_db_reconnect(void);

/* Class index of an HTTP status (0: 2xx ... 3: 5xx). */
int	counters_class(int status);
/* Bucket index of a duration: the first bound >= us, else the +Inf bucket. */
int	counters_bucket(long long us);

/* Sum every slot of one counters file into *out (zeroed first). 0, or -1
 * when the file is missing or not a counters file. */
int	counters_read(const char *path, struct counters_sum *out);
/* Read every <plugin>.counters of dir into out (at most max), sorted by
 * name. Returns the number read, or -1 when dir cannot be opened. */
int	counters_read_dir(const char *dir, struct counters_plugin *out, size_t max);

#endif
