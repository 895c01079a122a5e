/* The charts of the dashboard: series from the loaded frame, geometry by
 * svg.c, markup by templates/dash/chart_bar.tpl and chart_line.tpl. */
#include "dash.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "svg.h"
#include "tmpl.h"

#include <string.h>

/* Buckets of the period with their labels, shared by every chart. */
struct dash_axis {
	struct metric_point *pts;     /* of the first metric (for the bucket times) */
	size_t               n;
	const char         **xlabels, **tips;
};

static void
dash_axis_labels(struct arena *a, struct dash_axis *ax, enum metric_grain g)
{
	size_t i;

	ax->xlabels = arena_zalloc(a, sizeof(char *) * (ax->n + 1));
	ax->tips = arena_zalloc(a, sizeof(char *) * (ax->n + 1));
	for (i = 0; i < ax->n; i++) {
		long d0 = metric_day_of(ax->pts[i].from), d1 = metric_day_of(ax->pts[i].to - 1);
		const char *t0 = metric_day_text(a, d0);
		ax->xlabels[i] = g == METRIC_MONTH ? arena_strndup(a, t0, 7) : t0 + 5;
		ax->tips[i] = d0 == d1 ? t0 : arena_printf(a, "%s – %s", t0,
		    metric_day_text(a, d1) + 5);
	}
}

/* One series of metric id over the period's buckets. */
static struct svg_series
dash_series(struct req *r, const struct metric_frame *fr, const struct dash_query *q,
    enum metric_id id, const char *cls, struct dash_axis *ax)
{
	struct svg_series s;
	struct metric_point *p;
	double *v;
	int *has;
	size_t i, n = metric_frame_series(r->a, fr, id, q->cur.from, q->cur.to, q->grain, &p);

	v = arena_zalloc(r->a, sizeof(*v) * (n + 1));
	has = arena_zalloc(r->a, sizeof(*has) * (n + 1));
	for (i = 0; i < n; i++) {
		v[i] = p[i].v.value;
		has[i] = p[i].v.has;
	}
	if (ax->pts == NULL) {
		ax->pts = p;
		ax->n = n;
		dash_axis_labels(r->a, ax, q->grain);
	}
	s.label = metric_def(id)->en;
	if (strcmp(r->lang, "en") != 0)
		s.label = metric_def(id)->zh;
	s.cls = cls;
	s.v = v;
	s.has = has;
	return s;
}

static void
dash_chart_base(struct req *r, struct svg_chart *c, const struct dash_axis *ax,
    const char *caption_key, enum metric_id unit_of)
{
	const struct metric_def *def = metric_def(unit_of);
	const char *unit = metric_unit_label(def->unit, r->lang);

	memset(c, 0, sizeof(*c));
	c->caption = i18n(r->lang, caption_key);
	c->n = ax->n;
	c->xlabels = ax->xlabels;
	c->tips = ax->tips;
	c->unit = def->unit == METRIC_U_PERCENT ? unit : arena_printf(r->a, " %s", unit);
	c->unit_one = def->unit == METRIC_U_PERCENT ? unit :
	    arena_printf(r->a, " %s", metric_unit_label_one(def->unit, r->lang));
	c->decimals = def->unit == METRIC_U_PERCENT ? 1 : 0;
	c->integral = def->unit == METRIC_U_TICKETS;
	c->percent = def->unit == METRIC_U_PERCENT;
}

void
dash_charts_fill(struct req *r, tmpl_dict *d, const struct dash_query *q,
    const struct metric_frame *fr)
{
	struct dash_axis ax;
	struct svg_series s[2];
	struct svg_chart c;

	memset(&ax, 0, sizeof(ax));
	s[0] = dash_series(r, fr, q, METRIC_VOLUME, "s1", &ax);
	dash_chart_base(r, &c, &ax, q->grain == METRIC_DAY ? "D_CHART_VOLUME_DAY" :
	    "D_CHART_VOLUME_WEEK", METRIC_VOLUME);
	c.series = s;
	c.nseries = 1;
	svg_bar_fill(r->a, tmpl_add_include(d, "CHART_VOLUME", "dash/chart_bar.tpl"), &c);

	s[0] = dash_series(r, fr, q, METRIC_SLA_COMPLIANCE, "s1", &ax);
	s[1] = dash_series(r, fr, q, METRIC_FR_COMPLIANCE, "s2", &ax);
	dash_chart_base(r, &c, &ax, "D_CHART_SLA", METRIC_SLA_COMPLIANCE);
	c.series = s;
	c.nseries = 2;
	svg_line_fill(r->a, tmpl_add_include(d, "CHART_SLA", "dash/chart_line.tpl"), &c);

	s[0] = dash_series(r, fr, q, METRIC_BACKLOG, "s3", &ax);
	dash_chart_base(r, &c, &ax, "D_CHART_BACKLOG", METRIC_BACKLOG);
	c.series = s;
	c.nseries = 1;
	svg_line_fill(r->a, tmpl_add_include(d, "CHART_BACKLOG", "dash/chart_line.tpl"), &c);
}
