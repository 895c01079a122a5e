/* POST /journeys/<id>/snapshots (freeze the map and its values for the
 * period shown, under a label) and GET /journeys/<id>/snapshots/<sid>
 * (the frozen map, compared with now stage by stage: before/after, better
 * or worse by each metric's direction). */
#include "post.h"
#include "arena.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

int
jr_snapshot_add(struct req *r)
{
	struct journey_snap_value *sv;
	struct jr_period p;
	struct jr_post post;
	struct jr_value *v;
	struct journey j;
	enum journey_rc rc;
	const char *label, *f = req_form(r, "from"), *t = req_form(r, "to");
	long long sid;
	long to;
	size_t i;

	if (jr_post_begin(r, &post, arena_printf(r->a, "/journeys/%s/snapshots", r->params[0]),
	    "J_TAKE_SNAPSHOT") != 0)
		return 0;
	label = jr_post_text(&post, "label", "J_SNAPSHOT_LABEL", 60, 1, 0);
	memset(&p, 0, sizeof(p));
	if (jr_period_parse(r, &p) != NULL)
		return resp_error(r, 400, "J_ERR_PERIOD");
	/* The period the page showed (from the form), else the default. */
	if (f != NULL && t != NULL && metric_day_parse(f, &p.day_from) == 0 &&
	    metric_day_parse(t, &to) == 0 && to >= p.day_from && to - p.day_from < 366)
		p.day_to = to + 1;
	jr_fix_hidden(post.fix, "from", metric_day_text(r->a, p.day_from));
	jr_fix_hidden(post.fix, "to", metric_day_text(r->a, p.day_to - 1));
	if (post.nerr > 0)
		return jr_post_refused(&post);
	if ((rc = journey_load(r->a, post.e.id, &j)) != JOURNEY_OK)
		return jr_fail(r, rc);
	if (jr_values(r, &j, &p, 0, NULL, &v) != DB_OK)
		return jr_fail(r, JOURNEY_DB_ERR);
	sv = arena_zalloc(r->a, sizeof(*sv) * (j.nmetrics + 1));
	for (i = 0; i < j.nmetrics; i++) {
		sv[i].metric_id = j.metrics[i].id;
		sv[i].has = v[i].cur.has;
		sv[i].value = v[i].cur.value;
		sv[i].n = v[i].cur.n;
	}
	rc = journey_snapshot_add(r->a, &j, post.e.user, label, p.day_from, p.day_to, sv, &sid);
	if (rc != JOURNEY_OK)
		return jr_fail(r, rc);
	return resp_redirect(r, arena_printf(r->a, "/journeys/%lld/snapshots/%lld", j.id, sid));
}

/* The current value of key at stage place pos of j, or NULL. */
static const struct jr_value *
now_value(const struct journey *j, const struct jr_value *v, int pos, const char *key)
{
	size_t k;

	if (pos < 1 || (size_t)pos > j->nstages)
		return NULL;
	for (k = 0; v != NULL && k < j->nmetrics; k++)
		if (v[k].m->stage_id == j->stages[pos - 1].id && strcmp(v[k].m->key, key) == 0)
			return &v[k];
	return NULL;
}

static void
metric_row(struct req *r, tmpl_dict *m, const struct journey_snap_metric *sm,
    const struct jr_value *now)
{
	struct metric_value before;
	struct metric_info mi;
	int found = 0, good = 0, trend;

	if (metric_info_by_key(r->a, sm->key, &mi, &found) != DB_OK || !found) {
		tmpl_set(m, "MLABEL", sm->key);
		return;
	}
	memset(&before, 0, sizeof(before));
	before.has = sm->has;
	before.value = sm->value;
	before.n = sm->n;
	before.aux = METRIC_NONE;
	tmpl_set(m, "MLABEL", metric_info_label(&mi, r->lang));
	tmpl_set(m, "BEFORE", metric_info_format(r->a, &mi, &before, r->lang));
	tmpl_set_int(m, "BEFORE_N", sm->n);
	tmpl_set(m, "TARGET", jr_target_text(r, &mi, sm->has_target, sm->target));
	if (now == NULL) {
		tmpl_set(m, "NOW", "—");
		return;
	}
	tmpl_set(m, "NOW", now->value_text);
	tmpl_set_int(m, "NOW_N", now->cur.n);
	trend = journey_trend(mi.better, now->cur.has, now->cur.value, sm->has, sm->value, &good);
	tmpl_set(m, "VERDICT_CLASS", good > 0 ? "better" : good < 0 ? "worse" : "same");
	tmpl_set(m, "VERDICT", i18n(r->lang, good > 0 ? "J_BETTER" : good < 0 ? "J_WORSE" :
	    trend == 0 ? "J_NO_COMPARE" : "J_SAME"));
}

int
jr_snapshot(struct req *r)
{
	struct journey_snapshot s;
	struct jr_period p;
	struct jr_value *v;
	struct journey j;
	enum journey_rc rc;
	long long id, sid;
	tmpl_dict *d;
	size_t i, k;

	if (jr_id_param(r, 0, &id) != 0 || jr_id_param(r, 1, &sid) != 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if (jr_period_parse(r, &p) != NULL)
		return resp_error(r, 400, "J_ERR_PERIOD");
	if ((rc = journey_load(r->a, id, &j)) != JOURNEY_OK ||
	    (rc = journey_snapshot_load(r->a, id, sid, &s)) != JOURNEY_OK)
		return jr_fail(r, rc);
	if (jr_values(r, &j, &p, 0, NULL, &v) != DB_OK)
		return jr_fail(r, JOURNEY_DB_ERR);
	d = page_dict(r, "J_SNAPSHOT");
	tmpl_set_int(d, "MAP_ID", j.id);
	tmpl_set(d, "NAME", j.name);
	tmpl_set(d, "LABEL", s.label);
	tmpl_set(d, "TAKEN_AT", fmt_local_time(r->a, s.taken_at));
	tmpl_set(d, "TAKEN_BY", s.taken_by);
	tmpl_set(d, "SNAP_FROM", s.period_from);
	tmpl_set(d, "SNAP_TO", s.period_to);
	tmpl_set(d, "FROM", p.from_text);
	tmpl_set(d, "TO", p.to_text);
	tmpl_set_int(d, "SNAP_ID", s.id);
	for (i = 0; i < s.nstages; i++) {
		tmpl_dict *st = tmpl_add_section(d, "SSTAGE");
		int pos = s.stages[i].pos;

		tmpl_set(st, "STAGE_NAME", s.stages[i].name);
		tmpl_set(st, "EMO_BEFORE", arena_printf(r->a, "%+d", s.stages[i].emotion));
		tmpl_set(st, "EMO_NOW", (size_t)pos <= j.nstages ?
		    arena_printf(r->a, "%+d", j.stages[pos - 1].emotion) : "—");
		for (k = 0; k < s.nmetrics; k++)
			if (s.metrics[k].stage_pos == pos)
				metric_row(r, tmpl_add_section(st, "SMETRIC"), &s.metrics[k],
				    now_value(&j, v, pos, s.metrics[k].key));
		for (k = 0; k < s.nitems; k++) {
			const char *ev = journey_evidence_names[s.items[k].evidence];
			tmpl_dict *it;

			if (s.items[k].stage_pos != pos)
				continue;
			it = tmpl_add_section(st, "SITEM");
			tmpl_set(it, "LANE_NAME", s.items[k].lane_name);
			tmpl_set(it, "BODY", s.items[k].body);
			tmpl_set(it, "EV", ev);
			tmpl_set(it, "EV_MARK", i18n(r->lang, arena_printf(r->a, "J_EV_MARK_%s", ev)));
			tmpl_set(it, "EV_LABEL", i18n(r->lang, arena_printf(r->a, "J_EV_%s", ev)));
		}
	}
	return resp_page(r, 200, "journey/snapshot.tpl", d);
}
