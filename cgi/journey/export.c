/* Exports of a map: GET /journeys/<id>.csv (every cell item and metric
 * value, formula-safe fields through metric_csv_field) and
 * GET /journeys/<id>.svg (the whole map as one SVG drawing: geometry here,
 * markup and escaping by templates/journey/map_svg.tpl). */
#include "jr.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"

#include <string.h>

#define SVG_LANE_W   150.0
#define SVG_COL_W    190.0
#define SVG_HEAD_H   64.0
#define SVG_TOP      40.0
#define SVG_LINE_H   15.0
#define SVG_PAD      8.0
#define SVG_LINE_CHARS 13     /* CJK characters per line of a column */
#define SVG_MAX_LINES  3      /* per item */
#define SVG_EMO_H    110.0

static const char *
csv_row(struct arena *a, const char *const *f, size_t n)
{
	const char *s = "";
	size_t i;

	for (i = 0; i < n; i++)
		s = arena_printf(a, "%s%s%s", s, i ? "," : "", metric_csv_field(a, f[i]));
	return arena_printf(a, "%s\r\n", s);
}

int
jr_export_csv(struct req *r, const struct journey *j, const struct jr_period *p,
    const struct jr_value *v)
{
	const char *out, *h[] = { "stage_no", "stage", "lane", "kind", "text", "evidence",
		"source", "metric", "value", "target", "status", "n", "from", "to" };
	static const char *const status[] = { "", "on", "off" };
	size_t i, k;

	/* UTF-8 with its BOM, as the dashboard's export: Excel reads the
	 * Chinese text right */
	out = arena_printf(r->a, "\xEF\xBB\xBF%s", csv_row(r->a, h, 14));
	for (i = 0; i < j->nstages; i++) {
		const char *no = arena_printf(r->a, "%zu", i + 1);
		const char *f[14] = { no, j->stages[i].name, "", "emotion",
			arena_printf(r->a, "%d", j->stages[i].emotion), "", "", "", "", "", "", "",
			p->from_text, p->to_text };

		out = arena_printf(r->a, "%s%s", out, csv_row(r->a, f, 14));
		for (k = 0; k < j->nitems; k++) {
			const struct journey_item *it = &j->items[k];
			const struct journey_lane *l = journey_find_lane(j, it->lane_id);
			const char *g[14] = { no, j->stages[i].name, l != NULL ? l->name : "", "item",
				it->body, journey_evidence_names[it->evidence], it->source, "", "", "",
				"", "", p->from_text, p->to_text };

			if (it->stage_id == j->stages[i].id)
				out = arena_printf(r->a, "%s%s", out, csv_row(r->a, g, 14));
		}
		for (k = 0; v != NULL && k < j->nmetrics; k++) {
			const struct jr_value *x = &v[k];
			const char *g[14] = { no, j->stages[i].name, "", "metric",
				x->found ? metric_info_label(&x->info, r->lang) : x->m->key, "", "",
				x->m->key, x->cur.has ? arena_printf(r->a, "%.2f", x->cur.value) : "",
				x->m->has_target ? arena_printf(r->a, "%g", x->m->target) : "",
				status[x->status], arena_printf(r->a, "%lld", x->cur.n),
				p->from_text, p->to_text };

			if (x->m->stage_id == j->stages[i].id)
				out = arena_printf(r->a, "%s%s", out, csv_row(r->a, g, 14));
		}
	}
	resp_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"journey-%lld.csv\"", j->id));
	return resp_raw(r, 200, "text/csv; charset=utf-8", out, strlen(out));
}

/* s cut into lines of at most SVG_LINE_CHARS characters (a CJK character
 * counts 1, two Latin ones count 1), at most SVG_MAX_LINES. */
static size_t
wrap(struct arena *a, const char *s, const char **lines)
{
	size_t n = 0, start = 0, i = 0, w = 0;

	while (s[i] != '\0' && n < SVG_MAX_LINES) {
		size_t len = 1;

		while ((s[i + len] & 0xC0) == 0x80)
			len++;
		w += len > 1 ? 2 : 1;
		i += len;
		if (w >= SVG_LINE_CHARS * 2 || s[i] == '\0') {
			lines[n++] = arena_strndup(a, s + start, i - start);
			start = i;
			w = 0;
		}
	}
	if (s[i] != '\0' && n > 0)
		lines[n - 1] = arena_printf(a, "%s…", lines[n - 1]);
	return n;
}

/* The text lines of a cell into section TLINE of c, from y; returns the
 * height used. */
static double
cell_text(struct req *r, tmpl_dict *c, const struct journey *j, const struct jr_value *v,
    size_t si, const struct journey_lane *l, double x, double y)
{
	const char *lines[SVG_MAX_LINES];
	double y0 = y;
	size_t k, n, m;

	for (k = 0; l->kind == JOURNEY_LANE_TEXT && k < j->nitems; k++) {
		const struct journey_item *it = &j->items[k];

		if (it->stage_id != j->stages[si].id || it->lane_id != l->id)
			continue;
		n = wrap(r->a, it->body, lines);
		for (m = 0; m < n; m++) {
			tmpl_dict *t = tmpl_add_section(c, "TLINE");

			tmpl_set(t, "TX", arena_printf(r->a, "%.1f", x + SVG_PAD));
			tmpl_set(t, "TY", arena_printf(r->a, "%.1f", y + SVG_LINE_H));
			tmpl_set(t, "TEXT", m == 0 ? arena_printf(r->a, "[%s] %s",
			    i18n(r->lang, arena_printf(r->a, "J_EV_MARK_%s",
			    journey_evidence_names[it->evidence])), lines[m]) : lines[m]);
			y += SVG_LINE_H;
		}
		y += 4;
	}
	for (k = 0; l->kind == JOURNEY_LANE_METRICS && v != NULL && k < j->nmetrics; k++) {
		tmpl_dict *t;

		if (v[k].m->stage_id != j->stages[si].id)
			continue;
		t = tmpl_add_section(c, "TLINE");
		tmpl_set(t, "TX", arena_printf(r->a, "%.1f", x + SVG_PAD));
		tmpl_set(t, "TY", arena_printf(r->a, "%.1f", y + SVG_LINE_H));
		tmpl_set(t, "TEXT", arena_printf(r->a, "%s %s", v[k].found ?
		    metric_info_label(&v[k].info, r->lang) : v[k].m->key, v[k].value_text));
		tmpl_set(t, "TCLS", v[k].status == JOURNEY_TARGET_OFF ? "off" :
		    v[k].status == JOURNEY_TARGET_ON ? "on" : "");
		y += SVG_LINE_H;
	}
	return y - y0;
}

int
jr_export_svg(struct req *r, const struct journey *j, const struct jr_period *p,
    const struct jr_value *v)
{
	tmpl_dict *d = tmpl_new();
	double y = SVG_TOP + SVG_HEAD_H, w = SVG_LANE_W + SVG_COL_W * (double)j->nstages, h;
	struct journey_xy *pts = arena_zalloc(r->a, sizeof(*pts) * (j->nstages + 1));
	size_t i, li;
	char *out;
	size_t len;

	i18n_fill(d, r->lang);
	tmpl_set(d, "TITLE", j->name);
	tmpl_set(d, "PERIOD", arena_printf(r->a, "%s – %s", p->from_text, p->to_text));
	for (i = 0; i < j->nstages; i++) {
		tmpl_dict *s = tmpl_add_section(d, "SHEAD");

		tmpl_set(s, "X", arena_printf(r->a, "%.1f", SVG_LANE_W + SVG_COL_W * (double)i));
		tmpl_set(s, "TX", arena_printf(r->a, "%.1f", SVG_LANE_W + SVG_COL_W * (double)i +
		    SVG_PAD));
		tmpl_set(s, "NAME", arena_printf(r->a, "%zu %s", i + 1, j->stages[i].name));
	}
	for (li = 0; li < j->nlanes; li++) {
		const struct journey_lane *l = &j->lanes[li];
		tmpl_dict *row;
		double rh = 2 * SVG_PAD + SVG_LINE_H, used;

		if (l->hidden)
			continue;
		row = tmpl_add_section(d, "ROW");
		tmpl_set(row, "NAME", l->name);
		tmpl_set(row, "Y", arena_printf(r->a, "%.1f", y));
		tmpl_set(row, "TY", arena_printf(r->a, "%.1f", y + SVG_PAD + SVG_LINE_H));
		if (l->kind == JOURNEY_LANE_EMOTION) {
			rh = SVG_EMO_H;
			for (i = 0; i < j->nstages; i++) {
				pts[i] = journey_emotion_xy(i, j->nstages, j->stages[i].emotion,
				    SVG_COL_W * (double)j->nstages, rh, JOURNEY_CURVE_PAD);
				pts[i].x += SVG_LANE_W;
				pts[i].y += y;
			}
			tmpl_set(tmpl_add_section(row, "CURVE"), "D",
			    journey_curve_path(r->a, pts, j->nstages));
		} else if (l->kind == JOURNEY_LANE_VISIBILITY) {
			tmpl_dict *vis = tmpl_add_section(row, "VIS");

			tmpl_set(vis, "VY", arena_printf(r->a, "%.1f", y + rh / 2));
			tmpl_set(vis, "VX1", arena_printf(r->a, "%.1f", w));
		} else {
			for (i = 0; i < j->nstages; i++) {
				used = cell_text(r, row, j, v, i, l,
				    SVG_LANE_W + SVG_COL_W * (double)i, y + SVG_PAD);
				if (used + 2 * SVG_PAD > rh)
					rh = used + 2 * SVG_PAD;
			}
		}
		tmpl_set(row, "H", arena_printf(r->a, "%.1f", rh));
		tmpl_set(row, "W", arena_printf(r->a, "%.1f", w));
		y += rh;
	}
	h = y + SVG_PAD;
	tmpl_set(d, "W", arena_printf(r->a, "%.0f", w));
	tmpl_set(d, "H", arena_printf(r->a, "%.0f", h));
	tmpl_set(d, "GRID_H", arena_printf(r->a, "%.1f", y - SVG_TOP));
	for (i = 0; i <= j->nstages; i++)
		tmpl_set(tmpl_add_section(d, "VLINE"), "VX",
		    arena_printf(r->a, "%.1f", SVG_LANE_W + SVG_COL_W * (double)i));
	out = tmpl_render(r->a, "journey/map_svg.tpl", d, &len);
	tmpl_free(d);
	if (out == NULL)
		return resp_error(r, 500, "ERR_INTERNAL");
	resp_header(r, "Content-Disposition", arena_printf(r->a,
	    "inline; filename=\"journey-%lld.svg\"", j->id));
	return resp_raw(r, 200, "image/svg+xml; charset=utf-8", out, len);
}
