/* HTTP tests of /metrics against a running stack ($SL_TEST_URL): the
 * Prometheus text sums the requests of every plugin's worker processes
 * (exactly what this test sent: the HTTP suites run one after another),
 * the latency histogram is a well-formed cumulative histogram, database
 * failures and reconnects are counted, and the dashboard's refresh age is
 * reported. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

#define PASSWORD "demo1234"
#define NPLUGINS 7

static const char *const plugins[NPLUGINS] = {
	"intake", "auth", "desk", "dash", "journey", "okr", "admin"
};
static const char *const classes[4] = { "2xx", "3xx", "4xx", "5xx" };

/* GET /metrics; asserts 200 and the text format's content type. Caller frees. */
static char *
scrape(void)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *ct, *text;

	assert_int_equal(hc_get(h, "/metrics", &r), 0);
	assert_int_equal(r.status, 200);
	ct = http_header(&r, "Content-Type");
	assert_non_null(ct);
	assert_true(strncmp(ct, "text/plain; version=0.0.4", 25) == 0);
	free(ct);
	text = strdup(r.body);
	http_resp_free(&r);
	hc_free(h);
	assert_non_null(text);
	return text;
}

/* Value of the sample whose series (name and labels) is exactly series,
 * or -1 when the text has no such line. */
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

static double
requests(const char *text, const char *plugin, int cls)
{
	char s[128];

	snprintf(s, sizeof(s), "sl_requests_total{plugin=\"%s\",code=\"%s\"}", plugin,
	    classes[cls]);
	return sample(text, s);
}

static double
hist(const char *text, const char *plugin, const char *part)
{
	char s[128];

	snprintf(s, sizeof(s), "sl_request_duration_seconds_%s{plugin=\"%s\"}", part, plugin);
	return sample(text, s);
}

static long
get_status(struct hc *h, const char *path)
{
	struct http_resp r;
	long st;

	assert_int_equal(hc_get(h, path, &r), 0);
	st = r.status;
	http_resp_free(&r);
	return st;
}

static struct hc *
signed_in(const char *login)
{
	struct hc *h = hc_new();

	assert_int_equal(hc_login(h, login, PASSWORD), 303);
	return h;
}

/* ------------------------------------------------------------ tests */

/* Every sample belongs to a family announced by # HELP and # TYPE before
 * it, and every plugin of the stack is there with live workers. */
static void
test_metrics_is_prometheus_text(void **state)
{
	char *text = scrape(), *line, *save = NULL, *copy = strdup(text);
	char name[128], want[160];
	size_t i;

	(void)state;
	for (line = strtok_r(copy, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		size_t n = strcspn(line, "{ ");
		const char *type_at;

		if (line[0] == '#')
			continue;
		assert_true(n > 0 && n < sizeof(name));
		memcpy(name, line, n);
		name[n] = '\0';
		snprintf(want, sizeof(want), "# TYPE %s ", name);
		type_at = strstr(text, want);
		if (type_at == NULL) {        /* a histogram's _bucket, _sum, _count */
			char *u = strrchr(name, '_');
			assert_non_null(u);
			*u = '\0';
			snprintf(want, sizeof(want), "# TYPE %s histogram", name);
			type_at = strstr(text, want);
		}
		if (type_at == NULL)
			fail_msg("no # TYPE for %s", line);
		snprintf(want, sizeof(want), "# HELP %s ", name);
		assert_non_null(strstr(text, want));
		assert_true(type_at < text + (line - copy));
	}
	for (i = 0; i < NPLUGINS; i++) {
		char s[96];

		assert_true(requests(text, plugins[i], 0) >= 0);
		snprintf(s, sizeof(s), "sl_worker_processes{plugin=\"%s\"}", plugins[i]);
		assert_true(sample(text, s) >= 1);
		snprintf(s, sizeof(s), "sl_db_errors_total{plugin=\"%s\",kind=\"down\"}", plugins[i]);
		assert_true(sample(text, s) >= 0);
		snprintf(s, sizeof(s), "sl_db_reconnects_total{plugin=\"%s\"}", plugins[i]);
		assert_true(sample(text, s) >= 0);
	}
	assert_true(sample(text, "sl_db_up") == 1);
	free(copy);
	free(text);
}

/* For every plugin: buckets in increasing le from 1 ms to 10 s then +Inf,
 * counts never decreasing, +Inf equal to _count, _count equal to the sum
 * of the status classes. */
static void
check_histograms(const char *text)
{
	static const char *const les[] = { "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05",
	    "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf" };
	size_t i, k;

	for (i = 0; i < NPLUGINS; i++) {
		double prev = 0, v, sum = 0;
		const char *at = text;
		char s[128];

		for (k = 0; k < sizeof(les) / sizeof(les[0]); k++) {
			const char *p;

			snprintf(s, sizeof(s), "\nsl_request_duration_seconds_bucket{plugin=\"%s\","
			    "le=\"%s\"} ", plugins[i], les[k]);
			p = strstr(text, s);
			if (p == NULL)
				fail_msg("missing %s", s + 1);
			assert_true(p > at);      /* in order of le */
			at = p;
			v = strtod(p + strlen(s), NULL);
			assert_true(v >= prev);
			prev = v;
		}
		assert_true(prev == hist(text, plugins[i], "count"));
		for (k = 0; k < 4; k++)
			sum += requests(text, plugins[i], (int)k);
		assert_true(hist(text, plugins[i], "count") == sum);
		assert_true(hist(text, plugins[i], "sum") >= 0);
	}
}

static void
test_histograms_are_cumulative_and_match_the_requests(void **state)
{
	char *text = scrape();

	(void)state;
	check_histograms(text);
	free(text);
}

/* Requests to intake, desk and dash (and the sign-ins at auth) show in
 * their plugin's counters, exactly, whichever worker answered them. */
static void
test_requests_of_every_plugin_are_counted_exactly(void **state)
{
	/* expected growth per plugin (order of plugins[]) and class */
	double want[NPLUGINS][4] = {
		{ 3, 0, 0, 0 },     /* intake: GET /repair three times */
		{ 2, 2, 0, 0 },     /* auth: two sign-ins (GET and POST /login); scrapes below */
		{ 1, 1, 1, 0 },     /* desk: the queue, the redirect to sign-in, a 404 */
		{ 1, 0, 0, 0 },     /* dash: the dashboard */
		{ 0 }, { 0 }, { 0 },
	};
	struct hc *anon = hc_new(), *agent, *sup;
	char *before, *after = NULL;
	int i, k, tries, scrapes = 1;

	(void)state;
	before = scrape();
	for (i = 0; i < 3; i++)
		assert_int_equal(get_status(anon, "/repair"), 200);
	assert_int_equal(get_status(anon, "/desk/") / 100, 3);
	assert_int_equal(get_status(anon, "/desk/no-such-page"), 404);
	agent = signed_in("agent");
	assert_int_equal(get_status(agent, "/desk/"), 200);
	sup = signed_in("supervisor");
	assert_int_equal(get_status(sup, "/dash/"), 200);

	/* A worker counts a request just before its last bytes leave: allow
	 * a moment, counting the scrapes (auth 2xx) made meanwhile. */
	for (tries = 0; tries < 20; tries++) {
		int done = 1;

		free(after);
		after = scrape();
		for (i = 0; i < NPLUGINS && done; i++)
			for (k = 0; k < 4; k++)
				if (i != 1 && requests(after, plugins[i], k) -
				    requests(before, plugins[i], k) < want[i][k])
					done = 0;
		if (done)
			break;
		scrapes++;
		usleep(100000);
	}
	want[1][0] += scrapes;
	for (i = 0; i < NPLUGINS; i++) {
		double grew_count = hist(after, plugins[i], "count") - hist(before, plugins[i], "count");
		double grew_all = 0;

		for (k = 0; k < 4; k++) {
			double grew = requests(after, plugins[i], k) - requests(before, plugins[i], k);

			if (grew != want[i][k])
				fail_msg("%s %s grew by %g, sent %g", plugins[i], classes[k], grew,
				    want[i][k]);
			grew_all += grew;
		}
		assert_true(grew_count == grew_all);
	}
	assert_true(hist(after, "intake", "sum") > hist(before, "intake", "sum"));
	check_histograms(after);
	free(before);
	free(after);
	hc_free(anon);
	hc_free(agent);
	hc_free(sup);
}

/* Reading the dashboard refreshes its pre-aggregate when due: the age is
 * then at most the interval (plus the few seconds a worker waits between
 * two checks). */
static void
test_dashboard_refresh_age_is_reported(void **state)
{
	struct hc *sup = signed_in("supervisor");
	char *text;
	double age, interval;

	(void)state;
	assert_int_equal(get_status(sup, "/dash/"), 200);
	text = scrape();
	age = sample(text, "sl_dash_refresh_age_seconds");
	interval = sample(text, "sl_dash_refresh_interval_seconds");
	assert_non_null(strstr(text, "# TYPE sl_dash_refresh_age_seconds gauge\n"));
	assert_true(interval > 0);
	if (age < 0 || age > interval + 10)
		fail_msg("refresh age %g s with an interval of %g s", age, interval);
	free(text);
	hc_free(sup);
}

/* Last: while the database is down, the desk's failed calls are counted
 * and /metrics still answers (sl_db_up 0); once it is back, the desk
 * reconnects and that is counted too. */
static void
test_database_failures_and_reconnects_are_counted(void **state)
{
	struct hc *agent = signed_in("agent");
	char *before = scrape(), *during, *after;
	int i;

	(void)state;
	assert_int_equal(test_stack("db-stop"), 0);
	assert_int_equal(get_status(agent, "/desk/"), 503);
	during = scrape();
	assert_true(sample(during, "sl_db_up") == 0);
	assert_null(strstr(during, "sl_dash_refresh_age_seconds"));
	assert_int_equal(test_stack("db-start"), 0);
	for (i = 0; i < 20 && get_status(agent, "/desk/") != 200; i++)
		usleep(250000);
	/* both desk workers meet the restarted server */
	for (i = 0; i < 6; i++)
		assert_int_equal(get_status(agent, "/desk/"), 200);
	after = scrape();
	assert_true(sample(after, "sl_db_up") == 1);
	assert_true(sample(during, "sl_db_errors_total{plugin=\"desk\",kind=\"down\"}") >
	    sample(before, "sl_db_errors_total{plugin=\"desk\",kind=\"down\"}"));
	assert_true(sample(after, "sl_db_reconnects_total{plugin=\"desk\"}") >
	    sample(before, "sl_db_reconnects_total{plugin=\"desk\"}"));
	assert_true(requests(after, "desk", 3) > requests(before, "desk", 3));   /* the 503 */
	free(before);
	free(during);
	free(after);
	hc_free(agent);
}

/* Whatever the test did, the database must be running afterwards. */
static int
db_start_again(void **state)
{
	(void)state;
	return test_stack("db-start") == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_metrics_is_prometheus_text),
		cmocka_unit_test(test_histograms_are_cumulative_and_match_the_requests),
		cmocka_unit_test(test_requests_of_every_plugin_are_counted_exactly),
		cmocka_unit_test(test_dashboard_refresh_age_is_reported),
		cmocka_unit_test_teardown(test_database_failures_and_reconnects_are_counted,
		    db_start_again),
	};
	return cmocka_run_group_tests_name("metrics", tests, NULL, NULL);
}
