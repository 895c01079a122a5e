/* The map page's body: persona card, the stages x lanes grid (laptop), the
 * same map stage by stage (phone), the comparison with the golden design,
 * and the small no-JS forms of editors. */
#include "jr.h"
#include "metric_key.h"
#include "arena.h"
#include "route.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "ticket_state.h"

#include <stdlib.h>
#include <string.h>

static struct db_q q_cats = DB_Q("SELECT id, name_zh, name_en FROM categories ORDER BY sort, id");
static struct db_q q_teams = DB_Q("SELECT id, name FROM teams ORDER BY name, id");

static void
persona_fill(struct req *r, tmpl_dict *d, const struct journey *j)
{
	int en = strcmp(r->lang, "en") == 0;
	const char *scope = "";
	const char *const *channels = ticket_channel_names();
	struct db_res *res;
	size_t i;

	tmpl_set(d, "PERSONA_NAME", j->persona_name);
	tmpl_set(d, "PERSONA_SITUATION", j->persona_situation);
	tmpl_set(d, "PERSONA_GOALS", j->persona_goals);
	tmpl_set(d, "PERSONA_FRUSTRATIONS", j->persona_frustrations);
	if (*j->persona_name == '\0' && *j->persona_situation == '\0')
		tmpl_show_section(d, "NO_PERSONA");
	if (db_query(r->a, &q_cats, &res, "") == DB_OK)
		for (i = 0; i < res->nrows; i++) {
			tmpl_dict *o = tmpl_add_section(d, "CAT_OPT");
			const char *name = db_gets(res, i, en ? 2 : 1);

			tmpl_set(o, "OID", db_gets(res, i, 0));
			tmpl_set(o, "ONAME", name);
			if (db_get_int(res, i, 0) == j->category_id) {
				tmpl_show_section(o, "SEL");
				scope = name;
			}
		}
	if (db_query(r->a, &q_teams, &res, "") == DB_OK)
		for (i = 0; i < res->nrows; i++) {
			tmpl_dict *o = tmpl_add_section(d, "TEAM_OPT");

			tmpl_set(o, "OID", db_gets(res, i, 0));
			tmpl_set(o, "ONAME", db_gets(res, i, 1));
			if (db_get_int(res, i, 0) == j->team_id) {
				tmpl_show_section(o, "SEL");
				scope = arena_printf(r->a, "%s%s%s", scope, *scope ? " · " : "",
				    db_gets(res, i, 1));
			}
		}
	for (i = 0; channels[i] != NULL; i++) {
		tmpl_dict *o = tmpl_add_section(d, "CHAN_OPT");

		tmpl_set(o, "OID", channels[i]);
		tmpl_set(o, "ONAME", i18n(r->lang, arena_printf(r->a, "J_CHANNEL_%s", channels[i])));
		if (strcmp(j->channel, channels[i]) == 0) {
			tmpl_show_section(o, "SEL");
			scope = arena_printf(r->a, "%s%s%s", scope, *scope ? " · " : "",
			    i18n(r->lang, arena_printf(r->a, "J_CHANNEL_%s", channels[i])));
		}
	}
	tmpl_set(d, "SCOPE", *scope ? scope : i18n(r->lang, "J_SCOPE_ALL"));
}

static void
stage_fill(struct req *r, tmpl_dict *s, const struct journey *j, size_t i)
{
	int e;

	tmpl_set_int(s, "STAGE_ID", j->stages[i].id);
	tmpl_set(s, "STAGE_NAME", j->stages[i].name);
	tmpl_set(s, "EMOTION", arena_printf(r->a, "%+d", j->stages[i].emotion));
	tmpl_set_int(s, "STAGE_NO", (long long)i + 1);
	if (jr_can_edit(r))
		tmpl_show_section(s, "ED");
	for (e = JOURNEY_EMOTION_MAX; e >= JOURNEY_EMOTION_MIN; e--) {
		tmpl_dict *o = tmpl_add_section(s, "EMO_OPT");

		tmpl_set(o, "EV", arena_printf(r->a, "%d", e));
		tmpl_set(o, "EL", arena_printf(r->a, "%+d", e));
		if (e == j->stages[i].emotion)
			tmpl_show_section(o, "SEL");
	}
}

/* The metric bound to a stage with key, or the stage's first when key is
 * NULL (for a pain point's key result). */
static const struct jr_value *
stage_metric(const struct journey *j, const struct jr_value *v, long long stage,
    const char *key)
{
	size_t k;

	for (k = 0; v != NULL && k < j->nmetrics; k++)
		if (v[k].m->stage_id == stage && (key == NULL || strcmp(v[k].m->key, key) == 0))
			return &v[k];
	return NULL;
}

/* 1 and *mi when the item's evidence is a metric of the registry (read
 * once per item, for its label and its key-result link). */
static int
item_metric(struct req *r, const struct journey_item *x, struct metric_info *mi)
{
	int found = 0;

	return x->evidence == JOURNEY_EV_DATA && *x->source != '\0' &&
	    strncmp(x->source, "/desk/", 6) != 0 &&
	    metric_info_by_key(r->a, x->source, mi, &found) == DB_OK && found;
}

/* A pain point as a new key result of the OKR module (its route takes
 * these fields as a prefill): the pain's own metric (mi, NULL when none),
 * else the stage's first; the direction the metric improves in; the
 * journey's target; the pain's words as the title; the map's scope. */
static const char *
pain_kr_href(struct req *r, const struct journey *j, const struct journey_item *x,
    const struct metric_info *mi, const struct jr_value *v, const struct jr_period *p)
{
	const struct jr_value *sm = stage_metric(j, v, x->stage_id, mi != NULL ? mi->key : NULL);
	struct metric_filter f;
	const char *href = arena_printf(r->a, "/okr/krs/new?journey=%lld&stage=%lld&title=%s",
	    j->id, x->stage_id, url_encode(r->a, x->body));
	const char *key = mi != NULL ? mi->key : sm != NULL ? sm->m->key : NULL;
	int better = mi != NULL ? mi->better : sm != NULL && sm->found ? sm->info.better : 0;

	if (key != NULL) {
		href = arena_printf(r->a, "%s&metric=%s&kind=%s", href, url_encode(r->a, key),
		    better < 0 ? "decrease_to" : "increase_to");
		if (sm != NULL && sm->m->has_target)
			href = arena_printf(r->a, "%s&target=%g", href, sm->m->target);
	}
	jr_filter(j, p->day_from, p->day_to, &f);
	if (f.category_id > 0)
		href = arena_printf(r->a, "%s&category=%lld", href, f.category_id);
	if (f.team_id > 0)
		href = arena_printf(r->a, "%s&team=%lld", href, f.team_id);
	if (f.channel != NULL && *f.channel != '\0')
		href = arena_printf(r->a, "%s&channel=%s", href, url_encode(r->a, f.channel));
	return href;
}

/* What an item's source reads as: a metric by its label (mi), a queue
 * address as "the tickets", anything else (research, a note) as written. */
static const char *
source_label(struct req *r, const struct journey_item *x, const struct metric_info *mi)
{
	if (strncmp(x->source, "/desk/", 6) == 0)
		return i18n(r->lang, "J_SOURCE_TICKETS");
	return mi != NULL ? metric_info_label(mi, r->lang) : x->source;
}

static void
item_fill(struct req *r, tmpl_dict *it, const struct journey *j, const struct journey_item *x,
    const struct journey_lane *lane, const struct jr_value *v, const struct jr_period *p)
{
	const char *ev = journey_evidence_names[x->evidence];
	struct metric_info info;
	const struct metric_info *mi = item_metric(r, x, &info) ? &info : NULL;
	struct metric_filter f;
	size_t k;

	tmpl_set_int(it, "ITEM_ID", x->id);
	if (jr_can_edit(r))
		tmpl_show_section(it, "ED");
	tmpl_set(it, "BODY", x->body);
	tmpl_set(it, "SOURCE", x->source);
	tmpl_set(it, "EV", ev);
	tmpl_set(it, "EV_MARK", i18n(r->lang, arena_printf(r->a, "J_EV_MARK_%s", ev)));
	tmpl_set(it, "EV_LABEL", i18n(r->lang, arena_printf(r->a, "J_EV_%s", ev)));
	for (k = 0; journey_evidence_names[k] != NULL; k++) {
		tmpl_dict *o = tmpl_add_section(it, "EV_OPT");

		tmpl_set(o, "OID", journey_evidence_names[k]);
		tmpl_set(o, "ONAME", i18n(r->lang, arena_printf(r->a, "J_EV_%s",
		    journey_evidence_names[k])));
		if (k == (size_t)x->evidence)
			tmpl_show_section(o, "SEL");
	}
	if (*x->source != '\0') {
		const char *link = NULL;

		if (!route_may_open_desk(r->user))
			link = NULL;              /* the desk is not theirs: plain text */
		else if (strncmp(x->source, "/desk/", 6) == 0)
			link = x->source;
		else if (x->evidence == JOURNEY_EV_DATA) {
			jr_filter(j, p->day_from, p->day_to, &f);
			link = metric_drill_path(r->a, x->source, &f);
		}
		tmpl_dict *s = tmpl_add_section(it, link != NULL ? "SOURCE_LINK" : "SOURCE_TEXT");
		tmpl_set(s, "HREF", link);
		/* shown by its name: the metric's label, "its tickets" for a
		 * queue address (the item's own SOURCE stays the edit form's) */
		tmpl_set(s, "SOURCE", source_label(r, x, mi));
	}
	if (strcmp(lane->role, "pain") == 0 && !j->golden && jr_can_edit(r))
		tmpl_set(tmpl_add_section(it, "TO_KR"), "KR_HREF", pain_kr_href(r, j, x, mi, v, p));
}

static void
mcard_fill(struct req *r, tmpl_dict *c, const struct jr_value *x)
{
	static const char *const status[] = { "none", "on", "off" };
	static const char *const arrows[] = { "", "→", "↑", "↓" };

	tmpl_set_int(c, "METRIC_ID", x->m->id);
	if (jr_can_edit(r))
		tmpl_show_section(c, "ED");
	tmpl_set(c, "MKEY", x->m->key);
	tmpl_set(c, "MLABEL", x->found ? metric_info_label(&x->info, r->lang) : x->m->key);
	tmpl_set(c, "MVALUE", x->value_text);
	tmpl_set(c, "MTARGET", x->target_text);
	tmpl_set(c, "MTARGET_RAW", x->m->has_target ? arena_printf(r->a, "%g", x->m->target) : "");
	tmpl_set(c, "MSTATUS", status[x->status]);
	tmpl_set(c, "MSTATUS_LABEL", i18n(r->lang, x->m->has_target && !x->cur.has ?
	    "J_NO_DATA" : arena_printf(r->a, "J_TARGET_%s", status[x->status])));
	tmpl_set(c, "MTREND", arrows[x->trend]);
	tmpl_set(c, "MTREND_CLASS", x->good > 0 ? "good" : x->good < 0 ? "bad" : "flat");
	tmpl_set(c, "MPREV", x->found ? metric_info_format(r->a, &x->info, &x->prev, r->lang) : "");
	tmpl_set_int(c, "MN", x->cur.n);
	if (!x->found)
		tmpl_show_section(c, "UNKNOWN");
	if (x->drill != NULL)
		tmpl_set(tmpl_add_section(c, "DRILL"), "DHREF", x->drill);
	if (x->spark != NULL && *x->spark != '\0')
		tmpl_set(tmpl_add_section(c, "SPARK"), "POINTS", x->spark);
}

static void
metric_options(struct req *r, tmpl_dict *c, const struct metric_info *all, size_t nall)
{
	size_t k;

	for (k = 0; k < nall; k++) {
		tmpl_dict *o = tmpl_add_section(c, "MOPT");

		tmpl_set(o, "OID", all[k].key);
		tmpl_set(o, "ONAME", metric_info_label(&all[k], r->lang));
	}
}

/* Beside the designed score, what the tickets say (journey_measure()). */
static void
measured_fill(struct req *r, tmpl_dict *l, const struct journey *j, const struct jr_period *p)
{
	struct journey_measured *m;
	struct metric_filter f;
	size_t i, k;

	jr_filter(j, p->day_from, p->day_to, &f);
	if (journey_measure(r->a, j, &f, &m) != JOURNEY_OK)
		return;
	for (i = 0; i < j->nstages; i++) {
		tmpl_dict *s = tmpl_add_section(l, "MEAS");

		tmpl_set(s, "DESIGNED", arena_printf(r->a, "%+d", j->stages[i].emotion));
		tmpl_set(s, "MEASURED", m[i].has_score ? arena_printf(r->a, "%+.1f", m[i].score) :
		    "—");
		tmpl_set(s, "MEAS_CLASS", !m[i].has_score ? "none" : m[i].score < 0 ? "bad" :
		    m[i].score < 1 ? "mid" : "good");
		tmpl_set_int(s, "MT", m[i].tickets);
		tmpl_set_int(s, "ML", m[i].low);
		tmpl_set_int(s, "MF", m[i].flagged);
		for (k = 0; k < m[i].nquotes; k++)
			tmpl_set(tmpl_add_section(s, "QUOTE"), "Q", m[i].quotes[k]);
	}
}

/* One lane's row: a cell per stage (text and metrics) or one wide cell. */
static void
lane_fill(struct req *r, tmpl_dict *l, const struct journey *j, size_t li,
    const struct jr_value *v, const struct jr_period *p, const struct metric_info *all,
    size_t nall, const struct journey *golden)
{
	const struct journey_lane *lane = &j->lanes[li];
	static const char *const kinds[] = { "IS_TEXT", "IS_EMOTION", "IS_METRICS",
		"IS_VISIBILITY" };
	size_t i, k;

	tmpl_set_int(l, "LANE_ID", lane->id);
	if (jr_can_edit(r))
		tmpl_show_section(l, "ED");
	tmpl_set(l, "LANE_NAME", lane->name);
	tmpl_set(l, "LANE_ROLE", *lane->role ? lane->role : "custom");
	tmpl_show_section(l, kinds[lane->kind]);
	if (lane->kind == JOURNEY_LANE_EMOTION) {
		jr_emotion_fill(r, l, j, golden);
		measured_fill(r, l, j, p);
		return;
	}
	if (lane->kind == JOURNEY_LANE_VISIBILITY)
		return;
	for (i = 0; i < j->nstages; i++) {
		tmpl_dict *c = tmpl_add_section(l, lane->kind == JOURNEY_LANE_METRICS ? "MCELL" :
		    "CELL");

		tmpl_set_int(c, "STAGE_ID", j->stages[i].id);
		if (jr_can_edit(r))
			tmpl_show_section(c, "ED");
		if (lane->kind == JOURNEY_LANE_METRICS) {
			for (k = 0; v != NULL && k < j->nmetrics; k++)
				if (v[k].m->stage_id == j->stages[i].id)
					mcard_fill(r, tmpl_add_section(c, "MCARD"), &v[k]);
			if (jr_can_edit(r))
				metric_options(r, tmpl_add_section(c, "CAN_ADD_METRIC"), all, nall);
			continue;
		}
		for (k = 0; k < j->nitems; k++)
			if (j->items[k].stage_id == j->stages[i].id && j->items[k].lane_id == lane->id)
				item_fill(r, tmpl_add_section(c, "ITEM"), j, &j->items[k], lane, v, p);
	}
}

/* The phone view: every stage on a screen of its own. */
static void
phone_fill(struct req *r, tmpl_dict *d, const struct journey *j, const struct jr_value *v,
    const struct jr_period *p)
{
	size_t i, li, k;

	for (i = 0; i < j->nstages; i++) {
		tmpl_dict *s = tmpl_add_section(d, "PSTAGE");

		stage_fill(r, s, j, i);
		tmpl_set_int(s, "NSTAGES", (long long)j->nstages);
		if (i > 0)
			tmpl_set_int(tmpl_add_section(s, "PREV"), "PREV_ID", j->stages[i - 1].id);
		if (i + 1 < j->nstages)
			tmpl_set_int(tmpl_add_section(s, "NEXT"), "NEXT_ID", j->stages[i + 1].id);
		for (li = 0; li < j->nlanes; li++) {
			const struct journey_lane *lane = &j->lanes[li];
			tmpl_dict *l;

			if (lane->hidden || lane->kind == JOURNEY_LANE_EMOTION ||
			    lane->kind == JOURNEY_LANE_VISIBILITY)
				continue;
			l = tmpl_add_section(s, "PLANE");
			tmpl_set(l, "LANE_NAME", lane->name);
			tmpl_set(l, "LANE_ROLE", *lane->role ? lane->role : "custom");
			for (k = 0; lane->kind == JOURNEY_LANE_METRICS && v != NULL && k < j->nmetrics;
			    k++)
				if (v[k].m->stage_id == j->stages[i].id)
					mcard_fill(r, tmpl_add_section(l, "MCARD"), &v[k]);
			for (k = 0; lane->kind == JOURNEY_LANE_TEXT && k < j->nitems; k++)
				if (j->items[k].stage_id == j->stages[i].id &&
				    j->items[k].lane_id == lane->id)
					item_fill(r, tmpl_add_section(l, "ITEM"), j, &j->items[k], lane,
					    v, p);
		}
	}
}

/* The golden stage matching stage i of j: same name, else same place. */
static const struct journey_stage *
golden_stage(const struct journey *j, size_t i, const struct journey *g)
{
	size_t k;

	for (k = 0; k < g->nstages; k++)
		if (strcmp(g->stages[k].name, j->stages[i].name) == 0)
			return &g->stages[k];
	return i < g->nstages ? &g->stages[i] : NULL;
}

static int
pain_in(const struct journey *g, long long stage, const char *body)
{
	size_t k;

	for (k = 0; k < g->nitems; k++) {
		const struct journey_lane *l = journey_find_lane(g, g->items[k].lane_id);

		if (g->items[k].stage_id == stage && l != NULL && strcmp(l->role, "pain") == 0 &&
		    strcmp(g->items[k].body, body) == 0)
			return 1;
	}
	return 0;
}

/* Current vs golden per stage: values against the golden targets, and
 * the pain points the golden design no longer has. */
static void
golden_fill(struct req *r, tmpl_dict *d, const struct journey *j, const struct journey *g,
    const struct jr_value *gv)
{
	tmpl_dict *gd = tmpl_add_section(d, "VS_GOLDEN");
	size_t i, k;

	tmpl_set_int(gd, "GOLDEN_ID", g->id);
	for (i = 0; i < j->nstages; i++) {
		const struct journey_stage *gs = golden_stage(j, i, g);
		tmpl_dict *s = tmpl_add_section(gd, "GSTAGE");

		tmpl_set(s, "STAGE_NAME", j->stages[i].name);
		tmpl_set(s, "EMOTION", arena_printf(r->a, "%+d", j->stages[i].emotion));
		tmpl_set(s, "GEMOTION", gs != NULL ? arena_printf(r->a, "%+d", gs->emotion) : "—");
		for (k = 0; gs != NULL && gv != NULL && k < g->nmetrics; k++)
			if (gv[k].m->stage_id == gs->id)
				mcard_fill(r, tmpl_add_section(s, "MCARD"), &gv[k]);
		for (k = 0; k < j->nitems; k++) {
			const struct journey_lane *l = journey_find_lane(j, j->items[k].lane_id);

			if (j->items[k].stage_id != j->stages[i].id || l == NULL ||
			    strcmp(l->role, "pain") != 0)
				continue;
			if (gs == NULL || !pain_in(g, gs->id, j->items[k].body))
				tmpl_set(tmpl_add_section(s, "REMOVED"), "BODY", j->items[k].body);
		}
	}
}

void
jr_map_fill(struct req *r, tmpl_dict *d, const struct journey *j, const struct jr_period *p,
    const struct jr_value *v, const struct journey *golden, const struct jr_value *gv)
{
	struct metric_info *all = NULL;
	size_t nall = 0, i;

	if (metric_info_list(r->a, &all, &nall) != DB_OK)
		nall = 0;
	persona_fill(r, d, j);
	tmpl_set_int(d, "NSTAGES", (long long)j->nstages);
	if (v != NULL)
		tmpl_set_int(d, "OFF", jr_stages_off(j, v));
	for (i = 0; i < j->nstages; i++)
		stage_fill(r, tmpl_add_section(d, "STAGE"), j, i);
	for (i = 0; i < j->nlanes; i++) {
		if (j->lanes[i].hidden) {
			tmpl_dict *h = tmpl_add_section(d, "HIDDEN_LANE");

			tmpl_set_int(h, "LANE_ID", j->lanes[i].id);
			tmpl_set(h, "LANE_NAME", j->lanes[i].name);
			continue;
		}
		lane_fill(r, tmpl_add_section(d, "LANE"), j, i, v, p, all, nall, golden);
	}
	phone_fill(r, d, j, v, p);
	if (golden != NULL)
		golden_fill(r, d, j, golden, gv);
}
