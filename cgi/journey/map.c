/* GET /journeys/<id> (the map for ?from=&to=), /journeys/<id>.svg and
 * /journeys/<id>.csv (exports of the same map and values). */
#include "jr.h"
#include "arena.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

enum jr_format { JR_HTML = 0, JR_SVG, JR_CSV };

/* "12", "12.svg" or "12.csv": the id and the format; -1 otherwise. */
static int
parse_target(struct req *r, long long *id, enum jr_format *fmt)
{
	const char *s = r->params[0], *dot = strchr(s, '.');
	char *num;

	*fmt = JR_HTML;
	if (dot != NULL) {
		if (strcmp(dot, ".svg") == 0)
			*fmt = JR_SVG;
		else if (strcmp(dot, ".csv") == 0)
			*fmt = JR_CSV;
		else
			return -1;
	}
	num = arena_strndup(r->a, s, dot != NULL ? (size_t)(dot - s) : strlen(s));
	return valid_int(num, 1, 999999999999LL, id) == NULL ? 0 : -1;
}

static struct db_q q_snaps = DB_Q(
    "SELECT id, label, taken_at FROM journey_snapshots WHERE journey_id = ? ORDER BY id DESC"
    " LIMIT 50");

static enum db_rc
snapshots_fill(struct req *r, tmpl_dict *d, const struct journey *j)
{
	struct db_res *res;
	enum db_rc rc;
	size_t i;

	if ((rc = db_query(r->a, &q_snaps, &res, "i", j->id)) != DB_OK)
		return rc;
	for (i = 0; i < res->nrows; i++) {
		tmpl_dict *s = tmpl_add_section(d, "SNAPSHOT");

		tmpl_set(s, "SNAP_ID", db_gets(res, i, 0));
		tmpl_set(s, "SNAP_LABEL", db_gets(res, i, 1));
		tmpl_set(s, "SNAP_AT", fmt_local_time(r->a, db_gets(res, i, 2)));
	}
	if (res->nrows == 0)
		tmpl_show_section(d, "NO_SNAPSHOTS");
	return DB_OK;
}

static void
head_fill(struct req *r, tmpl_dict *d, const struct journey *j, const struct jr_period *p,
    const struct journey *other)
{
	tmpl_set_global(d, "PAGE_TITLE", j->name);
	tmpl_set_int(d, "MAP_ID", j->id);
	tmpl_set_int(d, "VERSION", j->version);
	tmpl_set(d, "NAME", j->name);
	tmpl_set(d, "KIND", i18n(r->lang, j->golden ? "J_GOLDEN" : "J_CURRENT"));
	tmpl_set(d, "KIND_CLASS", j->golden ? "golden" : "current");
	tmpl_set(d, "FROM", p->from_text);
	tmpl_set(d, "TO", p->to_text);
	tmpl_set(d, "PERIOD_QS", p->is_default ? "" :
	    arena_printf(r->a, "?from=%s&to=%s", p->from_text, p->to_text));
	tmpl_set(d, "OWNER", j->owner_name);
	tmpl_set(d, "UPDATED", fmt_local_time(r->a, j->updated_at));
	if (j->archived)
		tmpl_show_section(d, "ARCHIVED");
	if (other != NULL) {
		tmpl_dict *o = tmpl_add_section(d, j->golden ? "GOLDEN_OF" : "HAS_GOLDEN");

		tmpl_set_int(o, "OTHER_ID", other->id);
		tmpl_set(o, "OTHER_NAME", other->name);
	} else if (!j->golden && jr_can_edit(r)) {
		tmpl_show_section(d, "CAN_MAKE_GOLDEN");
	}
	if (jr_can_edit(r))
		tmpl_show_section(d, "CAN_EDIT");
	if (req_query(r, "print") != NULL)
		tmpl_show_section(d, "PRINT");
}

int
jr_map(struct req *r)
{
	struct journey j, g, *golden = NULL, *other = NULL;
	struct jr_value *v, *gv = NULL;
	struct jr_period p;
	struct jr_memo memo = { NULL, 0, 0 };
	enum jr_format fmt;
	enum journey_rc jrc;
	enum db_rc rc;
	long long id;
	tmpl_dict *d;

	if (parse_target(r, &id, &fmt) != 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if (jr_period_parse(r, &p) != NULL)
		return resp_error(r, 400, "J_ERR_PERIOD");
	if ((jrc = journey_load(r->a, id, &j)) != JOURNEY_OK)
		return jr_fail(r, jrc);
	if ((rc = jr_values(r, &j, &p, fmt == JR_HTML, &memo, &v)) != DB_OK)
		return jr_fail(r, rc == DB_DOWN ? JOURNEY_DB_DOWN : JOURNEY_DB_ERR);
	if (fmt == JR_SVG)
		return jr_export_svg(r, &j, &p, v);
	if (fmt == JR_CSV)
		return jr_export_csv(r, &j, &p, v);
	/* The linked map: a current map's golden design, or the reverse. */
	if (j.golden_id > 0 || j.golden_of > 0) {
		if ((jrc = journey_load(r->a, j.golden_id > 0 ? j.golden_id : j.golden_of, &g)) ==
		    JOURNEY_OK)
			other = &g;
		else if (jrc != JOURNEY_NOT_FOUND)
			return jr_fail(r, jrc);
	}
	if (other != NULL && !j.golden) {
		golden = other;
		if ((rc = jr_values(r, golden, &p, 0, &memo, &gv)) != DB_OK)
			return jr_fail(r, rc == DB_DOWN ? JOURNEY_DB_DOWN : JOURNEY_DB_ERR);
	}
	d = page_dict(r, "J_MAP_TITLE");
	head_fill(r, d, &j, &p, other);
	if ((rc = snapshots_fill(r, d, &j)) != DB_OK) {
		tmpl_free(d);
		return jr_fail(r, rc == DB_DOWN ? JOURNEY_DB_DOWN : JOURNEY_DB_ERR);
	}
	jr_map_fill(r, d, &j, &p, v, golden, gv);
	return resp_page(r, 200, "journey/map.tpl", d);
}
