/* The shared-memory counters store (see counters.h for the design). */
#include "counters.h"
#include "log.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define CNT_MAGIC   0x3154434e434c53ULL   /* "SLCNCT1" */
#define CNT_SUFFIX  ".counters"
#define CNT_SPINS   100                   /* reader: quick retries on a slot being written */
#define CNT_WAITS   20000                 /* then waits of 50 us while its writer lives */

_Static_assert(ATOMIC_LLONG_LOCK_FREE == 2, "counters need lock-free 64-bit atomics");

typedef _Atomic unsigned long long cnt_u64;

/* One process's counters; 64-byte aligned so two writers never share a line. */
struct cnt_slot {
	_Alignas(64) cnt_u64 seq;                /* odd while its writer adds a request */
	_Atomic long long pid;                   /* 0: free (slot 0: always 0, retired) */
	cnt_u64 req[COUNTERS_CLASSES];
	cnt_u64 bucket[COUNTERS_BUCKETS];
	cnt_u64 sum_us;
	cnt_u64 db_errors[COUNTERS_DB__MAX];
	cnt_u64 db_reconnects;
};

struct cnt_file {
	_Alignas(64) unsigned long long magic;  /* written last when the file is made */
	unsigned nslots, nbuckets, slot_size, nclasses;
	struct cnt_slot slot[COUNTERS_SLOTS];
};

const long long counters_bounds_us[COUNTERS_BUCKETS - 1] = { COUNTERS_BOUNDS_US };

static struct cnt_file *my_file;         /* this process's mapping, or NULL */
static struct cnt_slot *my_slot;         /* its slot: NULL = count nothing */
static char             my_path[PATH_MAX];

int
counters_class(int status)
{
	if (status < 300)
		return 0;
	if (status >= 500)
		return 3;
	return status / 100 - 2;
}

int
counters_bucket(long long us)
{
	int b;

	for (b = 0; b < COUNTERS_BUCKETS - 1 && us > counters_bounds_us[b]; b++)
		;
	return b;
}

static void
cnt_unlock(int fd)
{
	(void)flock(fd, LOCK_UN);
	close(fd);
}

static int
cnt_layout_ok(const struct cnt_file *f)
{
	return f->magic == CNT_MAGIC && f->nslots == COUNTERS_SLOTS &&
	    f->nbuckets == COUNTERS_BUCKETS && f->slot_size == sizeof(struct cnt_slot) &&
	    f->nclasses == COUNTERS_CLASSES;
}

/* One attempt of cnt_map: 0 mapped (*out), -1 failed, 1 try again (the
 * file was replaced while we waited for the lock, or it was of another
 * layout, from another version of the program, and a writer removed it:
 * processes still running that version keep counting in their unlinked
 * copy, which /metrics no longer sees; Prometheus takes it as a reset). */
static int
cnt_map_once(const char *path, int write, int *fd, struct cnt_file **out)
{
	struct cnt_file *f = MAP_FAILED;
	struct stat st, now;
	int rc = -1;

	*fd = open(path, write ? O_RDWR | O_CREAT | O_CLOEXEC : O_RDONLY | O_CLOEXEC, 0640);
	if (*fd < 0)
		return -1;
	if (flock(*fd, write ? LOCK_EX : LOCK_SH) != 0 || fstat(*fd, &st) != 0)
		goto out;
	if (write && (stat(path, &now) != 0 || now.st_ino != st.st_ino || now.st_dev != st.st_dev)) {
		rc = 1;
		goto out;
	}
	if ((size_t)st.st_size < sizeof(*f) && (!write || ftruncate(*fd, sizeof(*f)) != 0))
		goto out;
	f = mmap(NULL, sizeof(*f), write ? PROT_READ | PROT_WRITE : PROT_READ, MAP_SHARED, *fd, 0);
	if (f == MAP_FAILED)
		goto out;
	if (write && f->magic == 0) {      /* new file: all zero from ftruncate */
		f->nslots = COUNTERS_SLOTS;
		f->nbuckets = COUNTERS_BUCKETS;
		f->slot_size = sizeof(struct cnt_slot);
		f->nclasses = COUNTERS_CLASSES;
		f->magic = CNT_MAGIC;
	}
	if (cnt_layout_ok(f)) {
		*out = f;
		return 0;
	}
	if (write && unlink(path) == 0)
		rc = 1;
out:
	if (f != MAP_FAILED)
		munmap(f, sizeof(*f));
	cnt_unlock(*fd);
	*fd = -1;
	return rc;
}

/* Open and map path; with write set, create it when missing. The flock
 * (exclusive for writers, shared for readers) is held on return: the
 * caller releases it with cnt_unlock (closing fd is not enough: the
 * mapping keeps the open file, and with it the lock, alive). Returns the
 * mapping or NULL. */
static struct cnt_file *
cnt_map(const char *path, int write, int *fd)
{
	struct cnt_file *f = NULL;
	int tries, rc = 1;

	for (tries = 0; tries < 4 && rc == 1; tries++)
		rc = cnt_map_once(path, write, fd, &f);
	return rc == 0 ? f : NULL;
}

/* Is pid a live process? Another user's process (EPERM) counts as alive. */
static int
cnt_alive(long long pid)
{
	if (pid <= 0 || pid > INT_MAX)
		return 0;
	return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

static void
cnt_move(cnt_u64 *to, cnt_u64 *from)
{
	atomic_fetch_add_explicit(to, atomic_load_explicit(from, memory_order_relaxed),
	    memory_order_relaxed);
	atomic_store_explicit(from, 0, memory_order_relaxed);
}

/* Add slot i's counts to the retired slot and free it. Caller holds the
 * exclusive flock, so no reader sees the counts twice or not at all. */
static void
cnt_fold(struct cnt_file *f, size_t i)
{
	struct cnt_slot *r = &f->slot[0], *s = &f->slot[i];
	int k;

	for (k = 0; k < COUNTERS_CLASSES; k++)
		cnt_move(&r->req[k], &s->req[k]);
	for (k = 0; k < COUNTERS_BUCKETS; k++)
		cnt_move(&r->bucket[k], &s->bucket[k]);
	for (k = 0; k < COUNTERS_DB__MAX; k++)
		cnt_move(&r->db_errors[k], &s->db_errors[k]);
	cnt_move(&r->sum_us, &s->sum_us);
	cnt_move(&r->db_reconnects, &s->db_reconnects);
	atomic_store_explicit(&s->seq, 0, memory_order_relaxed);
	atomic_store_explicit(&s->pid, 0, memory_order_release);
}

/* Under the exclusive flock: fold the slots of dead processes, then take
 * the slot already marked with our pid (a dead predecessor that had the
 * same pid: its counts simply continue) or the first free one. */
static struct cnt_slot *
cnt_claim(struct cnt_file *f, long long me)
{
	struct cnt_slot *own = NULL, *free_slot = NULL;
	size_t i;

	for (i = 1; i < COUNTERS_SLOTS; i++) {
		long long p = atomic_load_explicit(&f->slot[i].pid, memory_order_acquire);

		if (p == me)
			own = &f->slot[i];
		else if (p != 0 && !cnt_alive(p))
			cnt_fold(f, i);
		if (free_slot == NULL && atomic_load_explicit(&f->slot[i].pid,
		    memory_order_relaxed) == 0)
			free_slot = &f->slot[i];
	}
	if (own == NULL && free_slot != NULL) {
		own = free_slot;
		atomic_store_explicit(&own->pid, me, memory_order_release);
	}
	/* A predecessor killed in the middle of a request left seq odd: even it. */
	if (own != NULL)
		atomic_store_explicit(&own->seq, (atomic_load_explicit(&own->seq,
		    memory_order_relaxed) + 1) & ~1ULL, memory_order_release);
	return own;
}

static void
cnt_unmap(void)
{
	if (my_file != NULL)
		munmap(my_file, sizeof(*my_file));
	my_file = NULL;
	my_slot = NULL;
}

int
counters_open(const char *dir, const char *plugin)
{
	struct cnt_file *f;
	struct cnt_slot *s;
	int fd, n;

	cnt_unmap();   /* a fork of a counting process starts over */
	n = snprintf(my_path, sizeof(my_path), "%s/%s" CNT_SUFFIX, dir, plugin);
	if (n < 0 || (size_t)n >= sizeof(my_path) || strlen(plugin) >= COUNTERS_NAME_MAX ||
	    strchr(plugin, '/') != NULL) {
		log_msg("warn", "counters: bad path", plugin);
		return -1;
	}
	if ((f = cnt_map(my_path, 1, &fd)) == NULL) {
		log_msg("warn", "counters: cannot open or map (requests are not counted)", my_path);
		return -1;
	}
	s = cnt_claim(f, (long long)getpid());
	cnt_unlock(fd);
	if (s == NULL) {
		munmap(f, sizeof(*f));
		log_msg("warn", "counters: every slot is taken (requests are not counted)", my_path);
		return -1;
	}
	my_file = f;
	my_slot = s;
	return 0;
}

void
counters_close(void)
{
	struct cnt_file *f;
	int fd;

	if (my_slot == NULL)
		return;
	if ((f = cnt_map(my_path, 1, &fd)) != NULL) {
		size_t i = (size_t)(my_slot - my_file->slot);

		/* (the file may have been replaced meanwhile: then leave it be) */
		if (atomic_load_explicit(&f->slot[i].pid, memory_order_relaxed) == (long long)getpid())
			cnt_fold(f, i);
		munmap(f, sizeof(*f));
		cnt_unlock(fd);
	}
	cnt_unmap();
}

void
counters_request(int status, long long us)
{
	struct cnt_slot *s = my_slot;
	unsigned long long q;

	if (s == NULL)
		return;
	if (us < 0)
		us = 0;
	/* Sequence lock: the only writer of the slot makes seq odd, adds, makes it even. */
	q = atomic_load_explicit(&s->seq, memory_order_relaxed);
	atomic_store_explicit(&s->seq, q + 1, memory_order_relaxed);
	atomic_thread_fence(memory_order_release);
	atomic_fetch_add_explicit(&s->req[counters_class(status)], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&s->bucket[counters_bucket(us)], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&s->sum_us, (unsigned long long)us, memory_order_relaxed);
	atomic_store_explicit(&s->seq, q + 2, memory_order_release);
}

void
counters_db_error(enum counters_db kind)
{
	if (my_slot != NULL && kind < COUNTERS_DB__MAX)
		atomic_fetch_add_explicit(&my_slot->db_errors[kind], 1, memory_order_relaxed);
}

void
counters_db_reconnect(void)
{
	if (my_slot != NULL)
		atomic_fetch_add_explicit(&my_slot->db_reconnects, 1, memory_order_relaxed);
}

static unsigned long long
cnt_get(const cnt_u64 *v)
{
	return atomic_load_explicit(v, memory_order_relaxed);
}

/* Add one slot to out, each request whole: read between two equal even
 * sequence numbers. A writer preempted in the middle of a request is
 * waited for (about a second at most); one killed there leaves seq odd for
 * good, and its values, which no longer change, are taken as they are. */
static void
cnt_add_slot(const struct cnt_slot *s, long long pid, struct counters_sum *out)
{
	struct counters_sum one;
	unsigned long long q1, q2;
	int k, tries;

	for (tries = 0;; tries++) {
		memset(&one, 0, sizeof(one));
		q1 = atomic_load_explicit(&s->seq, memory_order_acquire);
		for (k = 0; k < COUNTERS_CLASSES; k++)
			one.req[k] = cnt_get(&s->req[k]);
		for (k = 0; k < COUNTERS_BUCKETS; k++)
			one.bucket[k] = cnt_get(&s->bucket[k]);
		one.sum_us = cnt_get(&s->sum_us);
		atomic_thread_fence(memory_order_acquire);
		q2 = atomic_load_explicit(&s->seq, memory_order_relaxed);
		if (q1 == q2 && (q1 & 1) == 0)
			break;
		if (tries < CNT_SPINS) {
			sched_yield();
			continue;
		}
		if (tries >= CNT_SPINS + CNT_WAITS || !cnt_alive(pid))
			break;
		usleep(50);
	}
	for (k = 0; k < COUNTERS_DB__MAX; k++)
		out->db_errors[k] += cnt_get(&s->db_errors[k]);
	for (k = 0; k < COUNTERS_CLASSES; k++)
		out->req[k] += one.req[k];
	for (k = 0; k < COUNTERS_BUCKETS; k++)
		out->bucket[k] += one.bucket[k];
	out->sum_us += one.sum_us;
	out->db_reconnects += cnt_get(&s->db_reconnects);
}

int
counters_read(const char *path, struct counters_sum *out)
{
	struct cnt_file *f;
	size_t i;
	int fd;

	memset(out, 0, sizeof(*out));
	if ((f = cnt_map(path, 0, &fd)) == NULL)
		return -1;
	for (i = 0; i < COUNTERS_SLOTS; i++) {
		long long p = atomic_load_explicit(&f->slot[i].pid, memory_order_acquire);

		if (i > 0 && p == 0)
			continue;
		cnt_add_slot(&f->slot[i], p, out);
		if (i == 0)
			continue;
		out->slots++;
		if (cnt_alive(p))
			out->live++;
	}
	munmap(f, sizeof(*f));
	cnt_unlock(fd);
	return 0;
}

static int
cnt_by_name(const void *x, const void *y)
{
	return strcmp(((const struct counters_plugin *)x)->name,
	    ((const struct counters_plugin *)y)->name);
}

int
counters_read_dir(const char *dir, struct counters_plugin *out, size_t max)
{
	DIR *d;
	struct dirent *e;
	char path[PATH_MAX];
	size_t n = 0, sl = strlen(CNT_SUFFIX);

	if ((d = opendir(dir)) == NULL)
		return -1;
	while (n < max && (e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (len <= sl || len - sl >= sizeof(out[n].name) ||
		    strcmp(e->d_name + len - sl, CNT_SUFFIX) != 0 || e->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) >= sizeof(path))
			continue;
		if (counters_read(path, &out[n].sum) != 0)
			continue;
		memcpy(out[n].name, e->d_name, len - sl);
		out[n].name[len - sl] = '\0';
		n++;
	}
	closedir(d);
	qsort(out, n, sizeof(*out), cnt_by_name);
	return (int)n;
}
