/* GET /metrics: Prometheus text of the answering worker. nginx allows it
 * only from the monitoring addresses. */
#include "auth.h"
#include "http.h"
#include "stats.h"

#include <string.h>

int
metrics_get(struct req *r)
{
	const char *text = stats_prometheus(r->a, "auth");

	return resp_raw(r, 200, "text/plain; version=0.0.4", text, strlen(text));
}
