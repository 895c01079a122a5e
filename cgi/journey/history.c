/* GET /journeys/<id>/history: every change of the map, newest first (who,
 * when, what, and the version it made), from the append-only history. */
#include "jr.h"
#include "arena.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"

int
jr_history(struct req *r)
{
	struct journey_event *ev;
	struct journey j;
	enum journey_rc rc;
	long long id;
	tmpl_dict *d;
	size_t n, i;

	if (jr_id_param(r, 0, &id) != 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if ((rc = journey_load(r->a, id, &j)) != JOURNEY_OK ||
	    (rc = journey_history(r->a, id, &ev, &n)) != JOURNEY_OK)
		return jr_fail(r, rc);
	d = page_dict(r, "J_HISTORY");
	tmpl_set_int(d, "MAP_ID", j.id);
	tmpl_set(d, "NAME", j.name);
	for (i = 0; i < n; i++) {
		tmpl_dict *e = tmpl_add_section(d, "EVENT");

		tmpl_set(e, "AT", fmt_local_time(r->a, ev[i].at));
		tmpl_set(e, "WHO", ev[i].who);
		tmpl_set(e, "ACTION", i18n(r->lang, arena_printf(r->a, "J_ACT_%s", ev[i].action)));
		tmpl_set(e, "DETAIL", ev[i].detail);
		tmpl_set_int(e, "V", ev[i].version);
	}
	return resp_page(r, 200, "journey/history.tpl", d);
}
