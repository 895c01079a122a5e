/* The local stack keeps WORKERS processes per plugin alive, as production
 * does: multiwatch replaces a worker that dies (conf/stack/stack.sh, test
 * stack $SL_TEST_STACK), and `down` stops everything of the stack, workers
 * whose multiwatch was killed included. Run from the repository root, like
 * the harness's test_stack(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "harness.h"

#define MAX_PIDS 64

/* The worker pids of PLUGIN (`stack.sh workers`); returns how many. */
static int
worker_pids(const char *plugin, long *pids)
{
	char cmd[512], line[1024], *p, *end;
	FILE *f;
	int n = 0;

	snprintf(cmd, sizeof(cmd), "conf/stack/stack.sh workers %s %s 2>/dev/null",
	    stack_name(), plugin);
	if ((f = popen(cmd, "r")) == NULL)
		return -1;
	if (fgets(line, sizeof(line), f) != NULL) {
		for (p = line; n < MAX_PIDS; p = end) {
			long v = strtol(p, &end, 10);

			if (end == p)
				break;
			pids[n++] = v;
		}
	}
	pclose(f);
	return n;
}

static int
has_pid(const long *pids, int n, long pid)
{
	int i;

	for (i = 0; i < n; i++)
		if (pids[i] == pid)
			return 1;
	return 0;
}

static int
expected_workers(void)
{
	const char *w = getenv("WORKERS");

	return w != NULL && atoi(w) > 0 ? atoi(w) : 2;
}

/* kill -9 of one desk worker: within a few seconds a new process takes its
 * place, the others are untouched, and the plugin answers. */
static void
test_killed_worker_is_replaced(void **state)
{
	long before[MAX_PIDS], after[MAX_PIDS], victim;
	int n, m = 0, i, tries, replaced = 0;
	struct hc *h;
	struct http_resp r;

	(void)state;
	n = worker_pids("desk", before);
	assert_int_equal(n, expected_workers());
	victim = before[0];
	assert_int_equal(kill((pid_t)victim, SIGKILL), 0);

	/* poll (every 100 ms, at most 5 s) */
	for (tries = 0; tries < 50 && !replaced; tries++) {
		usleep(100000);
		m = worker_pids("desk", after);
		if (m == n && !has_pid(after, m, victim))
			replaced = 1;
	}
	if (!replaced)
		fail_msg("no new worker within 5 s (%d of %d running)", m, n);
	for (i = 1; i < n; i++)
		if (!has_pid(after, m, before[i]))
			fail_msg("worker %ld was restarted too", before[i]);

	h = hc_new();
	for (i = 0; i < 2 * n; i++) {   /* each worker in turn, likely */
		assert_int_equal(hc_get(h, "/desk/healthz", &r), 0);
		assert_int_equal(r.status, 200);
		assert_string_equal(r.body, "ok\n");
		http_resp_free(&r);
	}
	hc_free(h);
}

/* The other plugins keep their workers. */
static void
test_every_plugin_has_its_workers(void **state)
{
	static const char *const plugins[] = {
		"intake", "auth", "desk", "dash", "journey", "okr", "admin",
	};
	long pids[MAX_PIDS];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(plugins) / sizeof(plugins[0]); i++)
		if (worker_pids(plugins[i], pids) != expected_workers())
			fail_msg("%s: not %d workers", plugins[i], expected_workers());
}

/* The port of $SL_TEST_URL (http://127.0.0.1:PORT). */
static const char *
test_port(void)
{
	const char *c = strrchr(test_base_url(), ':');

	return c != NULL ? c + 1 : "18080";
}

/* Whether file (NUL-separated strings) holds a string containing needle. */
static int
proc_file_has(const char *file, const char *needle)
{
	char buf[65536];
	size_t n, i;
	FILE *f = fopen(file, "r");

	if (f == NULL)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	for (i = 0; i < n; i += strlen(buf + i) + 1)
		if (strstr(buf + i, needle) != NULL)
			return 1;
	return 0;
}

/* Processes of the stack: run with its SL_CONFIG (multiwatch, workers) or
 * with its directory on the command line (nginx, mariadbd). */
static int
stack_processes(const char *var_dir, const char *conf_env, int report)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	char path[PATH_MAX];
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/environ", e->d_name);
		if (proc_file_has(path, conf_env)) {
			if (report)
				fprintf(stderr, "left: pid %s (SL_CONFIG)\n", e->d_name);
			n++;
			continue;
		}
		snprintf(path, sizeof(path), "/proc/%s/cmdline", e->d_name);
		if (proc_file_has(path, var_dir)) {
			if (report)
				fprintf(stderr, "left: pid %s (command line)\n", e->d_name);
			n++;
		}
	}
	closedir(d);
	return n;
}

/* A multiwatch killed with -9 leaves its workers running without it; down
 * must stop them as well as everything else. */
static void
test_down_leaves_no_process(void **state)
{
	char rel[256], var_dir[PATH_MAX], conf_env[PATH_MAX + 32], pidfile[PATH_MAX + 32];
	char cmd[512];
	long watcher = 0, pids[MAX_PIDS];
	FILE *f;

	(void)state;
	snprintf(rel, sizeof(rel), "var/%s", stack_name());
	assert_non_null(realpath(rel, var_dir));
	snprintf(conf_env, sizeof(conf_env), "SL_CONFIG=%s/serviceloop.conf", var_dir);
	snprintf(pidfile, sizeof(pidfile), "%s/run/desk.pid", var_dir);
	assert_true(stack_processes(var_dir, conf_env, 0) > 0);   /* the scan sees the stack */

	assert_int_equal(worker_pids("desk", pids), expected_workers());
	f = fopen(pidfile, "r");
	assert_non_null(f);
	assert_int_equal(fscanf(f, "%ld", &watcher), 1);
	fclose(f);
	assert_int_equal(kill((pid_t)watcher, SIGKILL), 0);

	snprintf(cmd, sizeof(cmd), "conf/stack/stack.sh down %s >/dev/null 2>&1", stack_name());
	assert_int_equal(system(cmd), 0);
	assert_int_equal(stack_processes(var_dir, conf_env, 1), 0);
}

static int
stack_up_again(void **state)
{
	char cmd[512];

	(void)state;
	snprintf(cmd, sizeof(cmd), "conf/stack/stack.sh up %s %s >/dev/null 2>&1",
	    stack_name(), test_port());
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_killed_worker_is_replaced),
		cmocka_unit_test(test_every_plugin_has_its_workers),
		cmocka_unit_test_teardown(test_down_leaves_no_process, stack_up_again),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
