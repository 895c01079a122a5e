/* GET /metrics: Prometheus text for the whole site. The request counters
 * of every plugin's worker processes come from the shared-memory files in
 * counters_dir (cgi/core/counters.h); the dashboard's refresh age from
 * metric_state. nginx allows it only from the monitoring addresses. */
#include "arena.h"
#include "auth.h"
#include "config.h"
#include "counters.h"
#include "db.h"
#include "http.h"
#include "metrics.h"
#include "prom.h"

#define MAX_PLUGINS 32

/* Database reachability as this worker sees it, and the age of the
 * dashboard's pre-aggregate (absent while its first build runs). */
static void
metrics_database(struct req *r, struct prom_buf *b)
{
	long long age = -1, interval = 0;
	int up = db_ready() == DB_OK && metric_refresh_age(r->a, &age, &interval) == DB_OK;

	prom_family(b, "sl_db_up", "gauge",
	    "1 when the worker answering /metrics reaches MariaDB, else 0.");
	prom_addf(b, "sl_db_up %d\n", up);
	if (!up)
		return;
	prom_family(b, "sl_dash_refresh_interval_seconds", "gauge",
	    "Setting metric_refresh_secs: the dashboard pre-aggregate is refreshed at most"
	    " this often, when the dashboard is read.");
	prom_addf(b, "sl_dash_refresh_interval_seconds %lld\n", interval);
	if (age < 0)
		return;
	prom_family(b, "sl_dash_refresh_age_seconds", "gauge",
	    "Seconds since the dashboard pre-aggregate (metric_daily) was last refreshed.");
	prom_addf(b, "sl_dash_refresh_age_seconds %lld\n", age);
}

int
metrics_get(struct req *r)
{
	struct counters_plugin *pl = arena_zalloc(r->a, sizeof(*pl) * MAX_PLUGINS);
	struct prom_buf b;
	int n = cfg.counters_dir[0] != '\0' ?
	    counters_read_dir(cfg.counters_dir, pl, MAX_PLUGINS) : 0;

	prom_init(&b, r->a);
	prom_counters(&b, pl, n > 0 ? (size_t)n : 0);
	metrics_database(r, &b);
	return resp_raw(r, 200, PROM_CTYPE, b.p, b.len);
}
