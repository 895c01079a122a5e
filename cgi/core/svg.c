/* Chart geometry for the SVG templates: numbers only, no markup. */
#include "svg.h"
#include "arena.h"
#include "tmpl.h"

#include <string.h>

/* 10^k with 10^k <= x < 10^(k+1), for x > 0 (no libm). */
static double
svg_magnitude(double x)
{
	double m = 1;

	while (m > x)
		m /= 10;
	while (m * 10 <= x)
		m *= 10;
	return m;
}

void
svg_axis_nice(double vmax, int integral, int percent, struct svg_axis *ax)
{
	static const double mult[] = { 1, 2, 2.5, 5, 10 };
	double raw, mag, step = 1;
	size_t i;

	if (percent) {
		ax->max = 100;
		ax->step = 25;
		ax->nticks = 4;
		return;
	}
	if (!(vmax > 0))
		vmax = integral ? 4 : 1;
	raw = vmax / 4;
	mag = svg_magnitude(raw);
	for (i = 0; i < sizeof(mult) / sizeof(mult[0]); i++) {
		step = mult[i] * mag;
		if (step >= raw)
			break;
	}
	if (integral && step < 1)
		step = 1;
	ax->step = step;
	for (ax->nticks = 1; step * ax->nticks < vmax - 1e-9 * vmax; ax->nticks++)
		;
	ax->max = step * ax->nticks;
}

void
svg_plot_init(struct svg_plot *p, size_t n, double vmax, int integral, int percent)
{
	memset(p, 0, sizeof(*p));
	p->left = SVG_LEFT;
	p->top = SVG_TOP;
	p->width = SVG_W - SVG_LEFT - SVG_RIGHT;
	p->height = SVG_H - SVG_TOP - SVG_BOTTOM;
	p->n = n;
	p->slot = n > 0 ? p->width / (double)n : p->width;
	svg_axis_nice(vmax, integral, percent, &p->axis);
}

double
svg_plot_x(const struct svg_plot *p, size_t i)
{
	return p->left + ((double)i + 0.5) * p->slot;
}

double
svg_plot_y(const struct svg_plot *p, double v)
{
	if (v < 0)
		v = 0;
	if (v > p->axis.max)
		v = p->axis.max;
	return p->top + p->height - v / p->axis.max * p->height;
}

struct svg_bar
svg_plot_bar(const struct svg_plot *p, size_t i, double v)
{
	struct svg_bar b;
	double gap = p->slot > 6 ? p->slot * 0.2 : p->slot * 0.1;

	b.w = p->slot - gap;
	b.x = p->left + (double)i * p->slot + gap / 2;
	b.y = svg_plot_y(p, v);
	b.h = p->top + p->height - b.y;
	return b;
}

size_t
svg_label_every(size_t n)
{
	return n <= SVG_MAX_XLABELS ? 1 : (n + SVG_MAX_XLABELS - 1) / SVG_MAX_XLABELS;
}

static void
set_num(struct arena *a, tmpl_dict *d, const char *key, double v)
{
	tmpl_set(d, key, arena_printf(a, "%.1f", v));
}

/* Frame, grid, y ticks and x labels: what both chart kinds share. */
static void
svg_fill_axes(struct arena *a, tmpl_dict *d, const struct svg_chart *c, const struct svg_plot *p)
{
	size_t i, every = svg_label_every(c->n);
	int t;

	tmpl_set(d, "CAPTION", c->caption);
	tmpl_set_int(d, "VIEW_W", SVG_W);
	tmpl_set_int(d, "VIEW_H", SVG_H);
	set_num(a, d, "GX0", p->left);
	set_num(a, d, "GX1", p->left + p->width);
	set_num(a, d, "GLX", p->left - 6);
	for (t = 0; t <= p->axis.nticks; t++) {
		tmpl_dict *s = tmpl_add_section(d, "YTICK");
		double v = p->axis.step * t;
		set_num(a, s, "TY", svg_plot_y(p, v));
		tmpl_set(s, "TLABEL", arena_printf(a, "%g", v));
	}
	for (i = 0; i < c->n; i += every) {
		tmpl_dict *s = tmpl_add_section(d, "XLABEL");
		set_num(a, s, "LX", svg_plot_x(p, i));
		set_num(a, s, "LY", SVG_H - 10);
		tmpl_set(s, "LTEXT", c->xlabels[i]);
	}
	if (c->n == 0)
		tmpl_show_section(d, "NO_DATA");
}

static double
svg_series_max(const struct svg_chart *c, size_t from, size_t to)
{
	double m = 0;
	size_t s, i;

	for (s = from; s < to && s < c->nseries; s++)
		for (i = 0; i < c->n; i++)
			if (c->series[s].has[i] && c->series[s].v[i] > m)
				m = c->series[s].v[i];
	return m;
}

static const char *
svg_tip(struct arena *a, const struct svg_chart *c, const struct svg_series *s, size_t i)
{
	const char *num = arena_printf(a, "%.*f", c->decimals, s->v[i]);
	const char *unit = c->unit_one != NULL && strcmp(num, "1") == 0 ? c->unit_one : c->unit;

	return arena_printf(a, "%s · %s: %s%s", c->tips != NULL ? c->tips[i] : c->xlabels[i],
	    s->label, num, unit != NULL ? unit : "");
}

void
svg_bar_fill(struct arena *a, tmpl_dict *d, const struct svg_chart *c)
{
	struct svg_plot p;
	size_t i;

	svg_plot_init(&p, c->n, svg_series_max(c, 0, 1), c->integral, c->percent);
	svg_fill_axes(a, d, c, &p);
	for (i = 0; c->nseries > 0 && i < c->n; i++) {
		const struct svg_series *s = &c->series[0];
		struct svg_bar b;
		tmpl_dict *bd;
		if (!s->has[i])
			continue;
		b = svg_plot_bar(&p, i, s->v[i]);
		bd = tmpl_add_section(d, "BAR");
		set_num(a, bd, "BX", b.x);
		set_num(a, bd, "BY", b.y);
		set_num(a, bd, "BW", b.w);
		set_num(a, bd, "BH", b.h);
		tmpl_set(bd, "BTIP", svg_tip(a, c, s, i));
	}
}

/* One series: polylines through consecutive values (a gap breaks the
 * line), and a dot with a tooltip at each value. */
static void
svg_fill_series(struct arena *a, tmpl_dict *d, const struct svg_chart *c,
    const struct svg_plot *p, const struct svg_series *s)
{
	tmpl_dict *sd = tmpl_add_section(d, "SERIES"), *seg = NULL, *dot;
	size_t i;

	tmpl_set(sd, "SCLS", s->cls);
	for (i = 0; i < c->n; i++) {
		if (!s->has[i]) {
			seg = NULL;
			continue;
		}
		if (seg == NULL)
			seg = tmpl_add_section(sd, "SEG");
		dot = tmpl_add_section(seg, "PT");
		set_num(a, dot, "PX", svg_plot_x(p, i));
		set_num(a, dot, "PY", svg_plot_y(p, s->v[i]));
		dot = tmpl_add_section(sd, "DOT");
		set_num(a, dot, "PX", svg_plot_x(p, i));
		set_num(a, dot, "PY", svg_plot_y(p, s->v[i]));
		tmpl_set(dot, "PTIP", svg_tip(a, c, s, i));
	}
	sd = tmpl_add_section(d, "LEGEND");
	tmpl_set(sd, "SCLS", s->cls);
	tmpl_set(sd, "SLABEL", s->label);
}

void
svg_line_fill(struct arena *a, tmpl_dict *d, const struct svg_chart *c)
{
	struct svg_plot p;
	size_t s;

	svg_plot_init(&p, c->n, svg_series_max(c, 0, c->nseries), c->integral, c->percent);
	svg_fill_axes(a, d, c, &p);
	for (s = 0; s < c->nseries; s++)
		svg_fill_series(a, d, c, &p, &c->series[s]);
}
