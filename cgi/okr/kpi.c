/* GET /okr/kpi — a KPI tree: pick a registry metric and a threshold, and
 * up to three levels (team, technician, category, channel, any order);
 * the tree shows, over the current cycle (or ?cycle=<id>) up to now, every
 * node's value against the threshold with its sample size, the link to its
 * tickets and a link that turns the node into a key result of that team or
 * person (the new-key-result form with metric, filter and target filled
 * in). The expansion is cgi/service/kpi_tree.c. */
#include "okr_pages.h"
#include "arena.h"
#include "route.h"
#include "kpi_tree.h"
#include "metric_key.h"
#include "valid.h"

#include <string.h>

#define KPI_LEVELS 3

static struct db_q q_team_names = DB_Q("SELECT id, name FROM teams");
static struct db_q q_cat_names = DB_Q("SELECT id, name_zh, name_en FROM categories");

/* The name of key in a two- or three-column id/name result, or key. */
static const char *
name_of(const struct db_res *res, const char *key, int en)
{
	size_t i;

	for (i = 0; res != NULL && i < res->nrows; i++)
		if (strcmp(db_gets(res, i, 0), key) == 0)
			return db_gets(res, i, res->ncols == 3 && en ? 2 : 1);
	return key;
}

static const char *
node_label(struct req *r, const struct kpi_node *n, const struct db_res *teams,
    const struct db_res *cats)
{
	int en = strcmp(r->lang, "en") == 0;

	switch (n->dim) {
	case KPI_TEAM:
		return strcmp(n->key, "0") == 0 ? i18n(r->lang, "O_NO_TEAM") : name_of(teams, n->key, en);
	case KPI_CATEGORY:
		return name_of(cats, n->key, en);
	case KPI_TECH:
		return n->name != NULL && *n->name != '\0' ? n->name : i18n(r->lang, "O_NOBODY");
	default:
		return n->key;
	}
}

/* The new-key-result link of a node: metric, threshold as target, the
 * node's filter, the owner for a technician. */
static const char *
kr_link(struct req *r, const struct kpi_node *n, const char *key, const char *thr,
    const char *label, int better)
{
	const char *p = arena_printf(r->a, "/okr/krs/new?metric=%s&target=%s&kind=%s&title=%s",
	    url_encode(r->a, key), url_encode(r->a, thr), better < 0 ? "stay_below" : "stay_above",
	    url_encode(r->a, label));

	if (n->filter.team_id > 0)
		p = arena_printf(r->a, "%s&team=%lld", p, n->filter.team_id);
	if (n->filter.category_id > 0)
		p = arena_printf(r->a, "%s&category=%lld", p, n->filter.category_id);
	if (n->filter.channel != NULL && *n->filter.channel != '\0')
		p = arena_printf(r->a, "%s&channel=%s", p, url_encode(r->a, n->filter.channel));
	if (n->filter.assignee_id > 0)
		p = arena_printf(r->a, "%s&technician=%lld&owner=%lld", p, n->filter.assignee_id,
		    n->filter.assignee_id);
	return p;
}

static void
form_options(struct req *r, tmpl_dict *d, const char *metric, const enum kpi_dim *dims,
    size_t ndims)
{
	struct metric_info *mi;
	tmpl_dict *o, *lv;
	size_t n, i, l;
	int j;

	if (metric_info_list(r->a, &mi, &n) == DB_OK)
		for (i = 0; i < n; i++) {
			if (mi[i].external)
				continue;   /* no breakdown of external metrics */
			o = tmpl_add_section(d, "METRIC_OPTION");
			tmpl_set(o, "OPT_ID", mi[i].key);
			tmpl_set(o, "OPT_NAME", metric_info_label(&mi[i], r->lang));
			if (strcmp(mi[i].key, metric) == 0)
				tmpl_show_section(o, "OPT_SELECTED");
		}
	for (l = 0; l < KPI_LEVELS; l++) {
		lv = tmpl_add_section(d, "LEVEL");
		tmpl_set_int(lv, "L", (long long)l + 1);
		for (j = 0; j < KPI_DIM__MAX; j++) {
			o = tmpl_add_section(lv, "DIM_OPTION");
			tmpl_set(o, "OPT_ID", kpi_dim_name((enum kpi_dim)j));
			tmpl_set(o, "OPT_NAME", i18n(r->lang, arena_printf(r->a, "O_DIM_%s",
			    kpi_dim_name((enum kpi_dim)j))));
			if (l < ndims && dims[l] == (enum kpi_dim)j)
				tmpl_show_section(o, "OPT_SELECTED");
		}
	}
}

/* The query: metric, threshold, levels. 0 ok, -1 malformed. */
static int
kpi_query(struct req *r, const char **metric, const char **thr_text, double *thr,
    enum kpi_dim *dims, size_t *ndims)
{
	static const char *const by[KPI_LEVELS] = { "by1", "by2", "by3" };
	const char *v;
	size_t l;
	int dim;

	*metric = valid_trim(r->a, req_query(r, "metric"));
	if (**metric == '\0')
		*metric = "sla_compliance";
	*thr_text = valid_trim(r->a, req_query(r, "threshold"));
	if (**thr_text == '\0')
		*thr_text = "90";
	if (okr_valid_number(*thr_text, 1, thr) != NULL)
		return -1;
	*ndims = 0;
	for (l = 0; l < KPI_LEVELS; l++) {
		v = req_query(r, by[l]);
		if (v == NULL && l < 2 && req_query(r, "metric") == NULL)
			v = l == 0 ? "team" : "category";   /* the first visit */
		if (v == NULL || *v == '\0')
			continue;
		if ((dim = kpi_dim_parse(v)) < 0)
			return -1;
		dims[(*ndims)++] = (enum kpi_dim)dim;
	}
	return 0;
}

int
okr_kpi_get(struct req *r)
{
	enum kpi_dim dims[KPI_LEVELS];
	struct kpi_tree t;
	struct kpi_cube cube = { METRIC__MAX, 0, NULL, 0, NULL };
	struct okr_cycle c;
	struct metric_filter root;
	struct db_res *teams = NULL, *cats = NULL;
	const struct metric_def *def;
	const char *metric, *thr_text, *label, *drill;
	enum metric_id id;
	tmpl_dict *d, *s;
	long long now = okr_now();
	size_t ndims, i;
	double thr;
	int found = 0;
	enum db_rc rc;

	if (kpi_query(r, &metric, &thr_text, &thr, dims, &ndims) != 0 ||
	    (id = metric_by_key(metric)) == METRIC__MAX)
		return resp_error(r, 400, "ERR_BAD_REQUEST");
	if ((rc = okr_cycle_current(r->a, now, &c, &found)) != DB_OK)
		return okr_db_fail(r, rc);
	memset(&root, 0, sizeof(root));
	root.to = now;
	root.from = now - 30 * METRIC_DAY_SECS;
	if (found && c.from < now) {
		root.from = c.from;
		root.to = c.to < now ? c.to : now;
	}
	cube.id = id;
	if ((rc = kpi_tree_build(r->a, id, &root, dims, ndims, thr, now, kpi_fetch_registry, &cube,
	    &t)) != DB_OK || (rc = db_query(r->a, &q_team_names, &teams, "")) != DB_OK ||
	    (rc = db_query(r->a, &q_cat_names, &cats, "")) != DB_OK)
		return okr_db_fail(r, rc);
	def = metric_def(id);
	d = page_dict(r, "O_KPI");
	form_options(r, d, metric, dims, ndims);
	tmpl_set(d, "VAL_threshold", thr_text);
	tmpl_set(d, "METRIC_LABEL", strcmp(r->lang, "en") == 0 ? def->en : def->zh);
	tmpl_set(d, "PERIOD", arena_printf(r->a, "%s – %s", metric_day_text(r->a,
	    metric_day_of(root.from)), metric_day_text(r->a, metric_day_of(root.to - 1))));
	tmpl_set(d, "DIRECTION", i18n(r->lang, def->better < 0 ? "O_LOWER_BETTER" : "O_HIGHER_BETTER"));
	for (i = 0; i < t.n; i++) {
		const struct kpi_node *n = &t.nodes[i];

		s = tmpl_add_section(d, "NODE");
		label = n->depth == 0 ? i18n(r->lang, "O_KPI_ALL") : node_label(r, n, teams, cats);
		tmpl_set_int(s, "DEPTH", n->depth);
		tmpl_set(s, "DIM_LABEL", n->depth == 0 ? "" : i18n(r->lang, arena_printf(r->a,
		    "O_DIM_%s", kpi_dim_name(n->dim))));
		tmpl_set(s, "LABEL", label);
		tmpl_set(s, "VALUE", metric_format(r->a, id, &n->v, r->lang));
		tmpl_set_int(s, "N", n->v.n);
		tmpl_set(s, "MEETS", n->meets > 0 ? "meets" : n->meets == 0 ? "below" : "nodata");
		tmpl_set(s, "MEETS_LABEL", i18n(r->lang, n->meets > 0 ? "O_MEETS" : n->meets == 0 ?
		    "O_BELOW" : "O_ST_no_data"));
		drill = route_may_open_desk(r->user) ? metric_drill_path(r->a, metric, &n->filter) :
		    NULL;
		if (drill != NULL && local_path_ok(drill))
			tmpl_set(tmpl_add_section(s, "DRILL"), "HREF", drill);
		tmpl_set(s, "KR_HREF", kr_link(r, n, metric, thr_text, arena_printf(r->a, "%s · %s",
		    strcmp(r->lang, "en") == 0 ? def->en : def->zh, label), def->better));
	}
	if (t.truncated)
		tmpl_show_section(d, "TRUNCATED");
	return resp_page(r, 200, "okr/kpi.tpl", d);
}
