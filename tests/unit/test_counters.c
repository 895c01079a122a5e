/* Unit tests of cgi/core/counters.c (the shared-memory request counters)
 * and cgi/core/prom.c (their Prometheus text): one scenario per test.
 * Other processes are real child processes (fork), as worker processes
 * of one plugin are. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"
#include "counters.h"
#include "prom.h"

struct fx {
	char dir[64];
	char path[128];    /* <dir>/p.counters */
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));

	if (f == NULL)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/sl-counters-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/p.counters", f->dir);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;
	char cmd[128];

	counters_close();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static unsigned long long
total_requests(const struct counters_sum *s)
{
	unsigned long long n = 0;
	int k;

	for (k = 0; k < COUNTERS_CLASSES; k++)
		n += s->req[k];
	return n;
}

static unsigned long long
total_buckets(const struct counters_sum *s)
{
	unsigned long long n = 0;
	int k;

	for (k = 0; k < COUNTERS_BUCKETS; k++)
		n += s->bucket[k];
	return n;
}

/* A child process of plugin "p" that answers n requests of status 200 in
 * 2 ms each and exits without closing (as a killed worker would). Returns
 * its exit status: 0 when it could count. */
static int
child_counts(const char *dir, int n)
{
	pid_t pid = fork();
	int st, i;

	if (pid == 0) {
		if (counters_open(dir, "p") != 0)
			_exit(1);
		for (i = 0; i < n; i++)
			counters_request(200, 2000);
		_exit(0);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 99;
}

/* ------------------------------------------------------------ tests */

static void
test_status_classes(void **state)
{
	(void)state;
	assert_int_equal(counters_class(200), 0);
	assert_int_equal(counters_class(204), 0);
	assert_int_equal(counters_class(101), 0);
	assert_int_equal(counters_class(303), 1);
	assert_int_equal(counters_class(399), 1);
	assert_int_equal(counters_class(404), 2);
	assert_int_equal(counters_class(429), 2);
	assert_int_equal(counters_class(500), 3);
	assert_int_equal(counters_class(503), 3);
	assert_int_equal(counters_class(600), 3);
}

static void
test_histogram_bucket_bounds_are_inclusive(void **state)
{
	(void)state;
	assert_int_equal(counters_bucket(-5), 0);
	assert_int_equal(counters_bucket(0), 0);
	assert_int_equal(counters_bucket(1000), 0);         /* le="0.001" holds 1 ms */
	assert_int_equal(counters_bucket(1001), 1);
	assert_int_equal(counters_bucket(2500), 1);
	assert_int_equal(counters_bucket(2501), 2);
	assert_int_equal(counters_bucket(999999), 9);       /* le="1" */
	assert_int_equal(counters_bucket(10000000), 12);    /* le="10" */
	assert_int_equal(counters_bucket(10000001), 13);    /* +Inf */
	assert_int_equal(counters_bounds_us[0], 1000);
	assert_int_equal(counters_bounds_us[COUNTERS_BUCKETS - 2], 10000000);
}

static void
test_increments_show_in_the_sums(void **state)
{
	struct fx *f = *state;
	struct counters_sum s;

	assert_int_equal(counters_open(f->dir, "p"), 0);
	counters_request(200, 500);
	counters_request(200, 500);
	counters_request(302, 1500);
	counters_request(404, 3000);
	counters_request(503, 20000000);
	counters_db_error(COUNTERS_DB_DOWN);
	counters_db_error(COUNTERS_DB_CONFLICT);
	counters_db_error(COUNTERS_DB_CONFLICT);
	counters_db_reconnect();
	assert_int_equal(counters_read(f->path, &s), 0);
	assert_int_equal(s.req[0], 2);
	assert_int_equal(s.req[1], 1);
	assert_int_equal(s.req[2], 1);
	assert_int_equal(s.req[3], 1);
	assert_int_equal(s.bucket[0], 2);
	assert_int_equal(s.bucket[1], 1);
	assert_int_equal(s.bucket[2], 1);
	assert_int_equal(s.bucket[COUNTERS_BUCKETS - 1], 1);
	assert_int_equal(total_buckets(&s), 5);
	assert_int_equal(s.sum_us, 500 + 500 + 1500 + 3000 + 20000000);
	assert_int_equal(s.db_errors[COUNTERS_DB_DOWN], 1);
	assert_int_equal(s.db_errors[COUNTERS_DB_CONFLICT], 2);
	assert_int_equal(s.db_errors[COUNTERS_DB_OTHER], 0);
	assert_int_equal(s.db_reconnects, 1);
	assert_int_equal(s.live, 1);
	assert_int_equal(s.slots, 1);
}

static void
test_close_keeps_the_counts(void **state)
{
	struct fx *f = *state;
	struct counters_sum s;

	assert_int_equal(counters_open(f->dir, "p"), 0);
	counters_request(200, 10);
	counters_request(500, 10);
	counters_close();
	counters_request(200, 10);      /* closed: not counted */
	assert_int_equal(counters_read(f->path, &s), 0);
	assert_int_equal(total_requests(&s), 2);
	assert_int_equal(s.req[3], 1);
	assert_int_equal(s.live, 0);
	assert_int_equal(s.slots, 0);   /* folded into the retired slot */
}

static void
test_slots_of_live_processes_are_summed(void **state)
{
	struct fx *f = *state;
	struct counters_sum s;
	int go[2], ready[2], i, st;
	pid_t kids[3];
	char c;

	assert_int_equal(pipe(go), 0);
	assert_int_equal(pipe(ready), 0);
	for (i = 0; i < 3; i++) {
		if ((kids[i] = fork()) == 0) {
			int k, ok = counters_open(f->dir, "p") == 0;

			for (k = 0; k <= i; k++)
				counters_request(200 + 100 * i, 1000 * (i + 1));
			if (write(ready[1], ok ? "y" : "n", 1) != 1 || read(go[0], &c, 1) != 1)
				_exit(2);
			_exit(0);
		}
		assert_true(kids[i] > 0);
	}
	for (i = 0; i < 3; i++) {
		assert_int_equal(read(ready[0], &c, 1), 1);
		assert_int_equal(c, 'y');
	}
	assert_int_equal(counters_read(f->path, &s), 0);
	assert_int_equal(s.live, 3);
	assert_int_equal(s.req[0], 1);  /* child 0: one 200 */
	assert_int_equal(s.req[1], 2);  /* child 1: two 300 */
	assert_int_equal(s.req[2], 3);  /* child 2: three 400 */
	assert_int_equal(s.sum_us, 1000 + 2 * 2000 + 3 * 3000);
	assert_int_equal(write(go[1], "xxx", 3), 3);
	for (i = 0; i < 3; i++) {
		assert_int_equal(waitpid(kids[i], &st, 0), kids[i]);
		assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	assert_int_equal(counters_read(f->path, &s), 0);
	assert_int_equal(s.live, 0);
	assert_int_equal(total_requests(&s), 6);    /* dead processes still count */
	close(go[0]);
	close(go[1]);
	close(ready[0]);
	close(ready[1]);
}

static void
test_reclaiming_a_dead_process_keeps_the_totals(void **state)
{
	struct fx *f = *state;
	struct counters_sum s;

	assert_int_equal(child_counts(f->dir, 5), 0);
	assert_int_equal(counters_read(f->path, &s), 0);
	assert_int_equal(s.slots, 1);       /* the dead child's slot, not yet folded */
	assert_int_equal(s.live, 0);
	assert_int_equal(s.req[0], 5);
	assert_int_equal(counters_open(f->dir, "p"), 0);   /* folds it, takes a slot */
	assert_int_equal(counters_read(f->path, &s), 0);
	assert_int_equal(s.slots, 1);       /* ours only: the child's went to retired */
	assert_int_equal(s.live, 1);
	assert_int_equal(s.req[0], 5);
	assert_int_equal(s.bucket[1], 5);   /* 2 ms: le="0.0025" */
	assert_int_equal(s.sum_us, 5 * 2000);
	counters_request(200, 2000);
	assert_int_equal(counters_read(f->path, &s), 0);
	assert_int_equal(s.req[0], 6);
}

static void
test_restarting_processes_never_run_out_of_slots(void **state)
{
	struct fx *f = *state;
	struct counters_sum s;
	int i;

	for (i = 0; i < COUNTERS_SLOTS + 40; i++)
		assert_int_equal(child_counts(f->dir, 1), 0);
	assert_int_equal(counters_read(f->path, &s), 0);
	assert_int_equal(s.req[0], COUNTERS_SLOTS + 40);
	assert_true(s.slots <= 1);
}

/* A reader sees each request whole and sums never go down, while a writer
 * counts as fast as it can. */
static void
test_reads_during_writes_are_consistent_and_monotonic(void **state)
{
	struct fx *f = *state;
	struct counters_sum s;
	unsigned long long last = 0;
	int ready[2], st, i;
	pid_t kid;
	char c;

	assert_int_equal(pipe(ready), 0);
	if ((kid = fork()) == 0) {
		long k;

		if (counters_open(f->dir, "p") != 0 || write(ready[1], "y", 1) != 1)
			_exit(1);
		for (k = 0; k < 3000000; k++)
			counters_request(200 + (int)(k % 4) * 100, k % 20000000);
		_exit(0);
	}
	assert_int_equal(read(ready[0], &c, 1), 1);
	for (i = 0; i < 2000; i++) {
		assert_int_equal(counters_read(f->path, &s), 0);
		assert_int_equal(total_requests(&s), total_buckets(&s));
		assert_true(total_requests(&s) >= last);
		last = total_requests(&s);
	}
	assert_int_equal(waitpid(kid, &st, 0), kid);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	assert_int_equal(counters_read(f->path, &s), 0);
	assert_int_equal(total_requests(&s), 3000000);
	close(ready[0]);
	close(ready[1]);
}

/* A file of another layout (another version of the program) is not read;
 * a new worker replaces it and counts from zero. */
static void
test_a_file_of_another_layout_is_replaced(void **state)
{
	struct fx *f = *state;
	struct counters_sum s;
	char junk[40000];
	int fd;

	memset(junk, 'x', sizeof(junk));
	fd = open(f->path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, junk, sizeof(junk)), (ssize_t)sizeof(junk));
	close(fd);
	assert_int_equal(counters_read(f->path, &s), -1);
	assert_int_equal(counters_open(f->dir, "p"), 0);
	counters_request(404, 1);
	assert_int_equal(counters_read(f->path, &s), 0);
	assert_int_equal(s.req[2], 1);
	assert_int_equal(total_requests(&s), 1);
	assert_int_equal(s.live, 1);
}

static void
test_missing_file_or_directory(void **state)
{
	struct fx *f = *state;
	struct counters_plugin pl[4];
	struct counters_sum s;

	assert_int_equal(counters_read(f->path, &s), -1);
	assert_int_equal(counters_read_dir("/nonexistent-sl-dir", pl, 4), -1);
	assert_int_equal(counters_open("/nonexistent-sl-dir", "p"), -1);
	assert_int_equal(counters_read_dir(f->dir, pl, 4), 0);
}

static void
test_label_values_are_escaped(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a);
	assert_string_equal(prom_label(&a, "desk"), "desk");
	assert_string_equal(prom_label(&a, "a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
	arena_free(&a);
}

/* Value of the sample line starting with series (plus a space), or -1. */
static double
sample(const char *text, const char *series)
{
	size_t n = strlen(series);
	const char *p = text;

	while ((p = strstr(p, series)) != NULL) {
		if ((p == text || p[-1] == '\n') && p[n] == ' ')
			return strtod(p + n + 1, NULL);
		p += n;
	}
	return -1;
}

static void
test_exposition_of_every_plugin(void **state)
{
	struct fx *f = *state;
	struct counters_plugin pl[4];
	struct prom_buf b;
	struct arena a;
	char le[96];
	double prev = 0, v;
	int k;

	assert_int_equal(counters_open(f->dir, "zeta"), 0);
	counters_request(200, 700);
	counters_request(404, 30000);
	counters_db_error(COUNTERS_DB_OTHER);
	assert_int_equal(counters_open(f->dir, "alpha"), 0);
	counters_request(302, 3000);
	assert_int_equal(counters_read_dir(f->dir, pl, 4), 2);
	assert_string_equal(pl[0].name, "alpha");
	assert_string_equal(pl[1].name, "zeta");

	arena_init(&a);
	prom_init(&b, &a);
	prom_counters(&b, pl, 2);
	assert_int_equal(strlen(b.p), b.len);
	assert_non_null(strstr(b.p, "# TYPE sl_requests_total counter\n"));
	assert_non_null(strstr(b.p, "# TYPE sl_request_duration_seconds histogram\n"));
	assert_non_null(strstr(b.p, "# HELP sl_db_errors_total "));
	assert_true(sample(b.p, "sl_requests_total{plugin=\"zeta\",code=\"2xx\"}") == 1);
	assert_true(sample(b.p, "sl_requests_total{plugin=\"zeta\",code=\"4xx\"}") == 1);
	assert_true(sample(b.p, "sl_requests_total{plugin=\"alpha\",code=\"3xx\"}") == 1);
	assert_true(sample(b.p, "sl_db_errors_total{plugin=\"zeta\",kind=\"other\"}") == 1);
	assert_true(sample(b.p, "sl_worker_processes{plugin=\"alpha\"}") == 1);
	assert_true(sample(b.p, "sl_worker_processes{plugin=\"zeta\"}") == 1);   /* still us */
	/* zeta: 0.7 ms and 30 ms, so cumulative 1 from le=0.001, 2 from le=0.05 */
	for (k = 0; k < COUNTERS_BUCKETS - 1; k++) {
		snprintf(le, sizeof(le), "sl_request_duration_seconds_bucket{plugin=\"zeta\","
		    "le=\"%g\"}", (double)counters_bounds_us[k] / 1e6);
		v = sample(b.p, le);
		assert_true(v >= prev);
		assert_true(v == (counters_bounds_us[k] >= 30000 ? 2 : 1));
		prev = v;
	}
	assert_true(sample(b.p, "sl_request_duration_seconds_bucket{plugin=\"zeta\",le=\"+Inf\"}")
	    == 2);
	assert_true(sample(b.p, "sl_request_duration_seconds_count{plugin=\"zeta\"}") == 2);
	assert_true(sample(b.p, "sl_request_duration_seconds_sum{plugin=\"zeta\"}") == 0.0307);
	/* a family's samples stay together: alpha's 2xx comes before zeta's */
	assert_true(strstr(b.p, "sl_requests_total{plugin=\"alpha\"") <
	    strstr(b.p, "sl_requests_total{plugin=\"zeta\""));
	assert_true(strstr(b.p, "sl_requests_total{plugin=\"zeta\",code=\"5xx\"}") <
	    strstr(b.p, "# TYPE sl_request_duration_seconds"));
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_classes),
		cmocka_unit_test(test_histogram_bucket_bounds_are_inclusive),
		cmocka_unit_test_setup_teardown(test_increments_show_in_the_sums, setup, teardown),
		cmocka_unit_test_setup_teardown(test_close_keeps_the_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_slots_of_live_processes_are_summed, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_reclaiming_a_dead_process_keeps_the_totals,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_restarting_processes_never_run_out_of_slots,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_reads_during_writes_are_consistent_and_monotonic,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_file_of_another_layout_is_replaced, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_missing_file_or_directory, setup, teardown),
		cmocka_unit_test(test_label_values_are_escaped),
		cmocka_unit_test_setup_teardown(test_exposition_of_every_plugin, setup, teardown),
	};
	return cmocka_run_group_tests_name("counters", tests, NULL, NULL);
}
