/* The CSAT tables of GET /dash/: per technician (the ticket's assignee)
 * and per category, over the period and filters, live from the surveys
 * (metric_ratings); figures by the registry's formulas (METRIC_CSAT,
 * METRIC_CSAT_SATISFIED). Markup: templates/dash/table.tpl. */
#include "dash.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"

#include <stdlib.h>
#include <string.h>

/* The figures of a ratings row after its name, in column order. */
static const enum metric_id rating_metrics[] = { METRIC_CSAT, METRIC_CSAT_SATISFIED };
#define NRATING (sizeof(rating_metrics) / sizeof(rating_metrics[0]))

static const struct {
	const char     *id, *title, *group;
	enum dash_table table;
} rating_tables[METRIC_RATED_BY__MAX] = {
	[METRIC_RATED_BY_ASSIGNEE] = { "dash-csat-technician", "D_CSAT_BY_TECHNICIAN",
	    "D_TECHNICIAN", DASH_TABLE_CSAT_TECHNICIAN },
	[METRIC_RATED_BY_CATEGORY] = { "dash-csat-category", "D_CSAT_BY_CATEGORY",
	    "D_F_CATEGORY", DASH_TABLE_CSAT_CATEGORY },
};

const char *
dash_rating_name(struct req *r, const struct dash_options *o, enum metric_rated_by by,
    const struct metric_group *g)
{
	if (by == METRIC_RATED_BY_CATEGORY)
		return dash_group_name(r, o, METRIC_BY_CATEGORY, g->key);
	if (strcmp(g->key, "0") == 0 || g->name == NULL || g->name[0] == '\0')
		return i18n(r->lang, "D_NO_ASSIGNEE");
	return g->name;
}

/* A cell; a link to the surveyed tickets behind it when href is set. */
static void
fill_cell(tmpl_dict *row, const char *label, const char *value, const char *href)
{
	tmpl_dict *c = tmpl_add_section(row, "CELL");

	tmpl_set(c, "CELL_LABEL", label);
	dash_drill_value(c, "CELL_VALUE", value, href);
}

/* The queue of the tickets behind a ratings row for metric id: the
 * period's filter narrowed to the category, or to the technician (the
 * ticket's current assignee, as the table groups; "none" for key 0).
 * NULL for viewers. */
static const char *
row_href(struct req *r, const struct dash_query *q, enum metric_rated_by by,
    const struct metric_group *g, enum metric_id id)
{
	struct metric_filter f = q->cur;
	const char *href;

	if (by == METRIC_RATED_BY_CATEGORY) {
		f.category_id = strtoll(g->key, NULL, 10);
		return f.category_id > 0 ? dash_drill_href(r, id, &f) : NULL;
	}
	if ((href = dash_drill_href(r, id, &f)) == NULL)
		return NULL;
	return arena_printf(r->a, "%s&assignee=%s", href,
	    strcmp(g->key, "0") == 0 ? "none" : g->key);
}

static const char *
metric_label(const struct req *r, enum metric_id id)
{
	return strcmp(r->lang, "en") == 0 ? metric_def(id)->en : metric_def(id)->zh;
}

enum db_rc
dash_ratings_fill(struct req *r, tmpl_dict *d, const char *name, const struct dash_query *q,
    const struct dash_options *o, enum metric_rated_by by)
{
	struct metric_group *g;
	size_t n, i, k;
	enum db_rc rc = metric_ratings(r->a, &q->cur, by, &g, &n);
	tmpl_dict *t;

	if (rc != DB_OK)
		return rc;
	t = tmpl_add_include(d, name, "dash/table.tpl");
	tmpl_set(t, "ID", rating_tables[by].id);
	tmpl_set(t, "TITLE", i18n(r->lang, rating_tables[by].title));
	tmpl_set(t, "GROUP_LABEL", i18n(r->lang, rating_tables[by].group));
	tmpl_set(t, "CSV_HREF", arena_printf(r->a, "/dash/export.csv?table=%s&%s",
	    dash_table_name(rating_tables[by].table), dash_query_string(r->a, q)));
	tmpl_set(tmpl_add_section(t, "COL"), "COL_LABEL", i18n(r->lang, "D_SURVEYS"));
	for (k = 0; k < NRATING; k++)
		tmpl_set(tmpl_add_section(t, "COL"), "COL_LABEL",
		    metric_label(r, rating_metrics[k]));
	for (i = 0; i < n; i++) {
		tmpl_dict *row = tmpl_add_section(t, "ROW");
		tmpl_set(row, "NAME", dash_rating_name(r, o, by, &g[i]));
		fill_cell(row, i18n(r->lang, "D_SURVEYS"), arena_printf(r->a, "%lld",
		    g[i].flow.csat_n), row_href(r, q, by, &g[i], METRIC_CSAT));
		for (k = 0; k < NRATING; k++) {
			struct metric_value v;
			metric_group_eval(&g[i], rating_metrics[k], &q->cur, q->cur.to, &v);
			fill_cell(row, metric_label(r, rating_metrics[k]),
			    metric_format(r->a, rating_metrics[k], &v, r->lang),
			    v.has ? row_href(r, q, by, &g[i], rating_metrics[k]) : NULL);
		}
	}
	if (n == 0)
		tmpl_show_section(t, "EMPTY");
	return DB_OK;
}
