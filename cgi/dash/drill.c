/* Links from the dashboard's numbers to the tickets behind them (the
 * queue's drill-down, metric_drill_path()): only for roles that may open
 * the desk (the desk's route flags: not viewers); they see plain text. */
#include "dash.h"
#include "arena.h"
#include "http.h"
#include "metric_key.h"
#include "route.h"
#include "tmpl.h"

const char *
dash_drill_href(struct req *r, enum metric_id id, const struct metric_filter *f)
{
	const struct metric_def *d = metric_def(id);

	if (d == NULL || !route_may_open_desk(r->user))
		return NULL;
	return metric_drill_path(r->a, d->key, f);
}

void
dash_drill_value(tmpl_dict *d, const char *name, const char *value, const char *href)
{
	tmpl_dict *s = tmpl_add_section(d, href != NULL ? "LINK" : "TEXT");

	tmpl_set(s, name, value);
	if (href != NULL)
		tmpl_set(s, "HREF", href);
}
