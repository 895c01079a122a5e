/* GET /dash/: KPI tiles of every metric (this period against the one
 * before), the active external metrics (external.c), charts, the latest complaint warnings (warnings.c), tables per
 * category and per team, and CSAT per technician and category (ratings.c). */
#include "dash.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "ticket_state.h"
#include "tmpl.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The metrics of the breakdown tables, in column order. */
static const enum metric_id table_metrics[] = {
	METRIC_VOLUME, METRIC_FIRST_RESPONSE, METRIC_TIME_TO_RESOLVE, METRIC_SLA_COMPLIANCE,
	METRIC_CSAT, METRIC_REOPEN_RATE, METRIC_BACKLOG, METRIC_COMPLAINTS,
};
#define NTABLE (sizeof(table_metrics) / sizeof(table_metrics[0]))

static const char *
label_of(const struct req *r, enum metric_id id)
{
	return strcmp(r->lang, "en") == 0 ? metric_def(id)->en : metric_def(id)->zh;
}

/* ---------------------------------------------------------------- form */

static void
fill_select(tmpl_dict *d, const char *section, const struct dash_option *o, size_t n,
    long long chosen, struct arena *a)
{
	size_t i;

	for (i = 0; i < n; i++) {
		tmpl_dict *s = tmpl_add_section(d, section);
		tmpl_set(s, "VALUE", arena_printf(a, "%lld", o[i].id));
		tmpl_set(s, "LABEL", o[i].name);
		if (o[i].id == chosen)
			tmpl_show_section(s, "SELECTED");
	}
}

static void
fill_form(struct req *r, tmpl_dict *d, const struct dash_query *q, const struct dash_options *o)
{
	static const int periods[] = { 7, 30, 90 };
	size_t i;

	for (i = 0; i < sizeof(periods) / sizeof(periods[0]); i++) {
		tmpl_dict *s = tmpl_add_section(d, "PERIOD_OPT");
		tmpl_set_int(s, "VALUE", periods[i]);
		tmpl_set(s, "LABEL", i18n(r->lang, arena_printf(r->a, "D_LAST_%d", periods[i])));
		if (periods[i] == q->period)
			tmpl_show_section(s, "SELECTED");
	}
	if (q->period == 0)
		tmpl_show_section(d, "BY_MONTH_SELECTED");
	if (q->period_asked > 0)
		tmpl_set(tmpl_add_section(d, "MONTH_WINS"), "DAYS_LABEL", i18n(r->lang,
		    arena_printf(r->a, "D_LAST_%d", q->period_asked)));
	tmpl_set(d, "MONTH", q->month);
	fill_select(d, "CAT_OPT", o->cats, o->ncats, q->category, r->a);
	fill_select(d, "TEAM_OPT", o->teams, o->nteams, q->team, r->a);
	for (i = 0; i < TC__MAX; i++) {
		const char *name = ticket_channel_name((enum ticket_channel)i);
		tmpl_dict *s = tmpl_add_section(d, "CHAN_OPT");
		tmpl_set(s, "VALUE", name);
		tmpl_set(s, "LABEL", i18n(r->lang, arena_printf(r->a, "CHANNEL_%s", name)));
		if (strcmp(name, q->channel) == 0)
			tmpl_show_section(s, "SELECTED");
	}
	tmpl_set(d, "PERIOD_TEXT", dash_period_text(r->a, q->day_from, q->day_to));
	tmpl_set(d, "PREV_TEXT", dash_period_text(r->a, q->prev_from, q->prev_to));
	tmpl_set(d, "EXPORT_ALL_HREF", arena_printf(r->a, "/dash/export.csv?metric=all&%s",
	    dash_query_string(r->a, q)));
}

/* --------------------------------------------------------------- tiles */

static void
fill_trend(struct req *r, tmpl_dict *t, enum metric_id id, const struct metric_value *cur,
    const struct metric_value *prev)
{
	static const char *const arrows[] = { "", "→", "▲", "▼" };
	static const char *const words[] = { "D_TREND_NONE", "D_TREND_FLAT", "D_TREND_UP",
		"D_TREND_DOWN" };
	int good;
	enum metric_trend tr = metric_trend(id, cur, prev, &good);

	tmpl_set(t, "ARROW", arrows[tr]);
	tmpl_set(t, "TREND_TEXT", i18n(r->lang, words[tr]));
	tmpl_set(t, "TREND_CLS", good > 0 ? "good" : good < 0 ? "bad" : "flat");
	tmpl_set(t, "PREV", metric_format(r->a, id, prev, r->lang));
}

/* The second figure: the average of a median, the age of the backlog. */
static void
fill_aux(struct req *r, tmpl_dict *t, enum metric_id id, const struct metric_value *v)
{
	struct metric_value aux = *v;
	tmpl_dict *s;

	if (v->aux == METRIC_NONE)
		return;
	aux.value = v->aux;
	s = tmpl_add_section(t, "AUX");
	tmpl_set(s, "AUX_LABEL", i18n(r->lang, id == METRIC_BACKLOG ? "D_AUX_AGE" : "D_AUX_AVG"));
	tmpl_set(s, "AUX_VALUE", metric_format(r->a, id == METRIC_BACKLOG ? METRIC_BACKLOG_AGE : id,
	    &aux, r->lang));
}

static void
fill_tiles(struct req *r, tmpl_dict *d, const struct dash_query *q, const struct metric_frame *fr)
{
	const char *qs = dash_query_string(r->a, q);
	int i;

	for (i = 0; i < METRIC__MAX; i++) {
		const struct metric_def *def = metric_def((enum metric_id)i);
		struct metric_value cur, prev;
		tmpl_dict *t = tmpl_add_section(d, "TILE");

		metric_frame_eval(fr, (enum metric_id)i, q->cur.from, q->cur.to, &cur);
		metric_frame_eval(fr, (enum metric_id)i, q->prev.from, q->prev.to, &prev);
		tmpl_set(t, "KEY", def->key);
		tmpl_set(t, "LABEL", label_of(r, (enum metric_id)i));
		dash_drill_value(t, "VALUE", metric_format(r->a, (enum metric_id)i, &cur, r->lang),
		    cur.has ? dash_drill_href(r, (enum metric_id)i, &q->cur) : NULL);
		tmpl_set_int(t, "N", cur.n);
		tmpl_set(t, "DEF", strcmp(r->lang, "en") == 0 ? def->def_en : def->def_zh);
		tmpl_set(t, "CSV_HREF", arena_printf(r->a, "/dash/export.csv?metric=%s&%s",
		    def->key, qs));
		fill_trend(r, t, (enum metric_id)i, &cur, &prev);
		fill_aux(r, t, (enum metric_id)i, &cur);
	}
}

/* -------------------------------------------------------------- tables */

/* The filter of one group of a breakdown: the page's, narrowed to the
 * group's category or team. A group the queue cannot narrow to (no team:
 * key "0") gets category_id -1 (no link). */
static struct metric_filter
group_filter(const struct metric_filter *cur, enum metric_dim dim, const char *key)
{
	struct metric_filter f = *cur;
	long long id = strtoll(key, NULL, 10);

	if (dim == METRIC_BY_CHANNEL)
		f.channel = key;
	else if (id <= 0)
		f.category_id = -1;
	else if (dim == METRIC_BY_CATEGORY)
		f.category_id = id;
	else
		f.team_id = id;
	return f;
}

static enum db_rc
fill_table(struct req *r, tmpl_dict *d, const struct dash_query *q,
    const struct dash_options *o, enum metric_dim dim, const char *title_key,
    const char *by)
{
	struct metric_group *g;
	size_t n, i, k;
	long long now = (long long)time(NULL);
	enum db_rc rc = metric_breakdown(r->a, &q->cur, dim, &g, &n);
	tmpl_dict *t = tmpl_add_include(d, dim == METRIC_BY_CATEGORY ? "TABLE_CATEGORY" :
	    "TABLE_TEAM", "dash/table.tpl");

	if (rc != DB_OK)
		return rc;
	tmpl_set(t, "ID", dim == METRIC_BY_CATEGORY ? "dash-by-category" : "dash-by-team");
	tmpl_set(t, "TITLE", i18n(r->lang, title_key));
	tmpl_set(t, "GROUP_LABEL", i18n(r->lang, dim == METRIC_BY_CATEGORY ? "D_F_CATEGORY" :
	    "D_F_TEAM"));
	tmpl_set(t, "CSV_HREF", arena_printf(r->a, "/dash/export.csv?metric=all&by=%s&%s", by,
	    dash_query_string(r->a, q)));
	for (k = 0; k < NTABLE; k++)
		tmpl_set(tmpl_add_section(t, "COL"), "COL_LABEL", label_of(r, table_metrics[k]));
	for (i = 0; i < n; i++) {
		tmpl_dict *row = tmpl_add_section(t, "ROW");
		struct metric_filter f = group_filter(&q->cur, dim, g[i].key);
		tmpl_set(row, "NAME", dash_group_name(r, o, dim, g[i].key));
		for (k = 0; k < NTABLE; k++) {
			struct metric_value v;
			tmpl_dict *c = tmpl_add_section(row, "CELL");
			metric_group_eval(&g[i], table_metrics[k], &q->cur, now, &v);
			tmpl_set(c, "CELL_LABEL", label_of(r, table_metrics[k]));
			dash_drill_value(c, "CELL_VALUE", metric_format(r->a, table_metrics[k], &v,
			    r->lang), f.category_id < 0 || !v.has ? NULL :
			    dash_drill_href(r, table_metrics[k], &f));
		}
	}
	if (n == 0)
		tmpl_show_section(t, "EMPTY");
	return DB_OK;
}

int
dash_home(struct req *r)
{
	struct dash_query q;
	struct dash_options o;
	struct metric_frame fr;
	struct metric_filter both;
	const char *problem;
	tmpl_dict *d;
	enum db_rc rc;

	if ((problem = dash_query_parse(r, &q)) != NULL)
		return resp_error(r, 400, problem);
	if ((rc = dash_options_load(r, &q, &o, &problem)) != DB_OK)
		return dash_db_error(r, rc);
	if (problem != NULL)
		return resp_error(r, 400, problem);
	both = q.cur;
	both.from = q.prev.from;
	if ((rc = metric_frame_load(r->a, &both, 1, &fr)) != DB_OK)
		return dash_db_error(r, rc);
	d = page_dict(r, "D_TITLE");
	if (fr.building >= 0)
		tmpl_set_int(tmpl_add_section(d, "BUILDING"), "PCT", fr.building);
	fill_form(r, d, &q, &o);
	fill_tiles(r, d, &q, &fr);
	dash_charts_fill(r, d, &q, &fr);
	rc = dash_external_fill(r, d, &q);
	if (rc == DB_OK)
		rc = dash_warnings_fill(r, d, &q);
	if (rc == DB_OK)
		rc = fill_table(r, d, &q, &o, METRIC_BY_CATEGORY, "D_BY_CATEGORY", "category");
	if (rc == DB_OK)
		rc = fill_table(r, d, &q, &o, METRIC_BY_TEAM, "D_BY_TEAM", "team");
	if (rc == DB_OK)
		rc = dash_ratings_fill(r, d, "TABLE_CSAT_TECHNICIAN", &q, &o,
		    METRIC_RATED_BY_ASSIGNEE);
	if (rc == DB_OK)
		rc = dash_ratings_fill(r, d, "TABLE_CSAT_CATEGORY", &q, &o,
		    METRIC_RATED_BY_CATEGORY);
	if (rc == DB_OK)
		rc = dash_recent_ratings_fill(r, d, &q);
	if (rc != DB_OK) {
		tmpl_free(d);
		return dash_db_error(r, rc);
	}
	return resp_page(r, 200, "dash/home.tpl", d);
}
