/* GET /dash/export.csv?metric=KEY|all&by=day|week|month|category|team|channel
 * or ?table=csat_by_technician|csat_by_category (the CSAT tables of the
 * page), plus the filters of the dashboard: the same numbers as the page, as CSV
 * for Excel (UTF-8 with BOM, CRLF; every field through metric_csv_field,
 * so no cell can start a formula). Refreshes the pre-aggregate first. */
#include "dash.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "log.h"

#include <string.h>
#include <time.h>

/* A growing text in the arena. */
struct csv {
	struct arena *a;
	char         *p;
	size_t        len, cap;
	int           fields;    /* in the current row */
};

static void
csv_put(struct csv *c, const char *s, size_t n)
{
	if (c->len + n + 1 > c->cap) {
		size_t cap = c->cap ? c->cap : 4096;
		char *p;
		while (cap < c->len + n + 1)
			cap *= 2;
		p = arena_alloc(c->a, cap);
		if (c->len > 0)
			memcpy(p, c->p, c->len);
		c->p = p;
		c->cap = cap;
	}
	memcpy(c->p + c->len, s, n);
	c->len += n;
	c->p[c->len] = '\0';
}

static void
csv_field(struct csv *c, const char *s)
{
	const char *f = metric_csv_field(c->a, s);

	if (c->fields++ > 0)
		csv_put(c, ",", 1);
	csv_put(c, f, strlen(f));
}

static void
csv_end_row(struct csv *c)
{
	csv_put(c, "\r\n", 2);
	c->fields = 0;
}

/* The metrics an export covers: one, or all (first, count). */
static int
export_metrics(const struct dash_query *q, int *first)
{
	*first = q->metric == METRIC__MAX ? 0 : (int)q->metric;
	return q->metric == METRIC__MAX ? METRIC__MAX : 1;
}

static void
export_header(struct req *r, struct csv *c, const struct dash_query *q, const char *k1,
    const char *k2)
{
	int first, n = export_metrics(q, &first), i;
	int en = strcmp(r->lang, "en") == 0;

	csv_field(c, i18n(r->lang, k1));
	csv_field(c, i18n(r->lang, k2));
	for (i = first; i < first + n; i++) {
		const struct metric_def *def = metric_def((enum metric_id)i);
		const char *label = en ? def->en : def->zh;
		csv_field(c, arena_printf(r->a, "%s (%s)", label, metric_unit_label(def->unit,
		    r->lang)));
		csv_field(c, arena_printf(r->a, "%s · %s", label, i18n(r->lang, "D_SAMPLE")));
	}
	csv_end_row(c);
}

static void
export_value(struct req *r, struct csv *c, enum metric_id id, const struct metric_value *v)
{
	csv_field(c, metric_number(r->a, id, v->value, v->has));
	csv_field(c, arena_printf(r->a, "%lld", v->n));
}

/* Rows per day, week or month of the period. */
static enum db_rc
export_series(struct req *r, struct csv *c, const struct dash_query *q)
{
	static const enum metric_grain grains[] = { METRIC_DAY, METRIC_WEEK, METRIC_MONTH };
	enum metric_grain g = grains[q->by];
	struct metric_frame fr;
	long d, end;
	int first, n = export_metrics(q, &first), i;
	enum db_rc rc;

	if ((rc = metric_frame_load(r->a, &q->cur, 1, &fr)) != DB_OK)
		return rc;
	export_header(r, c, q, "D_CSV_FROM", "D_CSV_TO");
	for (d = q->day_from; d < q->day_to; d = end) {
		end = metric_bucket_next(d, g) < q->day_to ? metric_bucket_next(d, g) : q->day_to;
		csv_field(c, metric_day_text(r->a, d));
		csv_field(c, metric_day_text(r->a, end - 1));
		for (i = first; i < first + n; i++) {
			struct metric_value v;
			metric_frame_eval(&fr, (enum metric_id)i, metric_day_start(d),
			    metric_day_start(end), &v);
			export_value(r, c, (enum metric_id)i, &v);
		}
		csv_end_row(c);
	}
	return DB_OK;
}

/* Rows per category, team or channel over the period. */
static enum db_rc
export_groups(struct req *r, struct csv *c, const struct dash_query *q,
    const struct dash_options *o)
{
	enum metric_dim dim = q->by == DASH_BY_CATEGORY ? METRIC_BY_CATEGORY :
	    q->by == DASH_BY_TEAM ? METRIC_BY_TEAM : METRIC_BY_CHANNEL;
	long long now = (long long)time(NULL);
	struct metric_group *g;
	size_t ng, k;
	int first, n = export_metrics(q, &first), i;
	enum db_rc rc;

	if ((rc = metric_breakdown(r->a, &q->cur, dim, &g, &ng)) != DB_OK)
		return rc;
	export_header(r, c, q, "D_CSV_KEY", "D_CSV_NAME");
	for (k = 0; k < ng; k++) {
		csv_field(c, g[k].key);
		csv_field(c, dash_group_name(r, o, dim, g[k].key));
		for (i = first; i < first + n; i++) {
			struct metric_value v;
			metric_group_eval(&g[k], (enum metric_id)i, &q->cur, now, &v);
			export_value(r, c, (enum metric_id)i, &v);
		}
		csv_end_row(c);
	}
	return DB_OK;
}

/* The CSAT table per technician or category: key, name, surveys, average
 * rating, share satisfied; most surveys first. */
static enum db_rc
export_ratings(struct req *r, struct csv *c, const struct dash_query *q,
    const struct dash_options *o)
{
	static const enum metric_id cols[] = { METRIC_CSAT, METRIC_CSAT_SATISFIED };
	enum metric_rated_by by = q->table == DASH_TABLE_CSAT_TECHNICIAN ?
	    METRIC_RATED_BY_ASSIGNEE : METRIC_RATED_BY_CATEGORY;
	int en = strcmp(r->lang, "en") == 0;
	struct metric_group *g;
	size_t ng, k, i;
	enum db_rc rc;

	if ((rc = metric_ratings(r->a, &q->cur, by, &g, &ng)) != DB_OK)
		return rc;
	csv_field(c, i18n(r->lang, "D_CSV_KEY"));
	csv_field(c, i18n(r->lang, by == METRIC_RATED_BY_ASSIGNEE ? "D_TECHNICIAN" :
	    "D_F_CATEGORY"));
	csv_field(c, i18n(r->lang, "D_SURVEYS"));
	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		const struct metric_def *def = metric_def(cols[i]);
		csv_field(c, arena_printf(r->a, "%s (%s)", en ? def->en : def->zh,
		    metric_unit_label(def->unit, r->lang)));
	}
	csv_end_row(c);
	for (k = 0; k < ng; k++) {
		csv_field(c, g[k].key);
		csv_field(c, dash_rating_name(r, o, by, &g[k]));
		csv_field(c, arena_printf(r->a, "%lld", g[k].flow.csat_n));
		for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
			struct metric_value v;
			metric_group_eval(&g[k], cols[i], &q->cur, q->cur.to, &v);
			csv_field(c, metric_number(r->a, cols[i], v.value, v.has));
		}
		csv_end_row(c);
	}
	return DB_OK;
}

/* "serviceloop-<what>-<by>-<from>.csv" */
static const char *
export_filename(struct req *r, const struct dash_query *q)
{
	static const char *const by_names[] = { "day", "week", "month", "category", "team",
		"channel" };
	const char *from = metric_day_text(r->a, q->day_from);

	if (q->table != DASH_TABLE_NONE)
		return arena_printf(r->a, "serviceloop-%s-%s.csv", dash_table_name(q->table),
		    from);
	return arena_printf(r->a, "serviceloop-%s-%s-%s.csv",
	    q->metric == METRIC__MAX ? "all" : metric_def(q->metric)->key, by_names[q->by], from);
}

int
dash_export(struct req *r)
{
	struct dash_query q;
	struct dash_options o;
	struct csv c;
	const char *problem;
	enum db_rc rc;

	if ((problem = dash_query_parse(r, &q)) != NULL)
		return resp_error(r, 400, problem);
	if ((rc = dash_options_load(r, &q, &o, &problem)) != DB_OK)
		return dash_db_error(r, rc);
	if (problem != NULL)
		return resp_error(r, 400, problem);
	/* An export is a record: every day as of now, not as of a minute ago. */
	if ((rc = metric_refresh(r->a, 1)) == DB_DOWN)
		return dash_db_error(r, rc);
	if (rc != DB_OK)
		log_msg("warn", "metric refresh before export failed", db_rc_str(rc));
	memset(&c, 0, sizeof(c));
	c.a = r->a;
	csv_put(&c, "\xEF\xBB\xBF", 3);
	if (q.table != DASH_TABLE_NONE)
		rc = export_ratings(r, &c, &q, &o);
	else if (q.by <= DASH_BY_MONTH)
		rc = export_series(r, &c, &q);
	else
		rc = export_groups(r, &c, &q, &o);
	if (rc != DB_OK)
		return dash_db_error(r, rc);
	resp_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"%s\"", export_filename(r, &q)));
	return resp_raw(r, 200, "text/csv; charset=utf-8", c.p, c.len);
}
