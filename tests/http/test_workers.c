/* The local stack keeps WORKERS processes per plugin alive, as production
 * does: multiwatch replaces a worker that dies (conf/stack/stack.sh, test
 * stack $SL_TEST_STACK). Run from the repository root, like the harness's
 * test_stack(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_killed_worker_is_replaced),
		cmocka_unit_test(test_every_plugin_has_its_workers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
