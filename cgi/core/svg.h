/* Server-side charts: the geometry (coordinates, heights, tick values and
 * labels) is computed here as numbers; the SVG markup comes only from the
 * templates templates/dash/chart_bar.tpl and chart_line.tpl, which escape
 * every value like any other page. No JavaScript. */
#ifndef SL_SVG_H
#define SL_SVG_H

#include <stddef.h>

struct arena;
typedef struct tmpl_dict tmpl_dict;

#define SVG_W          480     /* viewBox width; the page scales it */
#define SVG_H          220
#define SVG_LEFT       48      /* room for y labels */
#define SVG_RIGHT      12
#define SVG_TOP        14
#define SVG_BOTTOM     30      /* room for x labels */
#define SVG_MAX_XLABELS 8

/* A y axis from 0 to max in nticks steps of step. */
struct svg_axis {
	double max, step;
	int    nticks;
};

/* An axis for values up to vmax: 3-5 steps of 1, 2, 2.5 or 5 × 10^k (at
 * least 1 when integral); percent: 0-100 by 25. */
void	svg_axis_nice(double vmax, int integral, int percent, struct svg_axis *);

/* The plot area of a chart with n slots along x. */
struct svg_plot {
	double          left, top, width, height, slot;
	size_t          n;
	struct svg_axis axis;
};

struct svg_bar {
	double x, y, w, h;
};

void	svg_plot_init(struct svg_plot *, size_t n, double vmax, int integral, int percent);
double	svg_plot_x(const struct svg_plot *, size_t i);    /* centre of slot i */
double	svg_plot_y(const struct svg_plot *, double v);    /* clamped to the axis */
struct svg_bar svg_plot_bar(const struct svg_plot *, size_t i, double v);
/* Label every k-th slot so that at most SVG_MAX_XLABELS show; returns k. */
size_t	svg_label_every(size_t n);

/* One line (or the bars) of a chart: n values, with gaps where has[i] == 0. */
struct svg_series {
	const char   *label;     /* legend and tooltips */
	const char   *cls;       /* CSS class of its colour: "s1", "s2", "s3" */
	const double *v;
	const int    *has;
};

struct svg_chart {
	const char              *caption;   /* title and accessible name */
	size_t                   n;
	const char *const       *xlabels;   /* n short labels, "11-26" */
	const char *const       *tips;      /* n long labels for tooltips, "2026-11-26" */
	const char              *unit;      /* after values in tooltips: "%", " 件" */
	const char              *unit_one;  /* after a value shown as "1" (" ticket"), or NULL */
	int                      decimals;  /* of values in tooltips */
	int                      integral;  /* counts: integral ticks */
	int                      percent;   /* axis 0-100 */
	const struct svg_series *series;
	size_t                   nseries;
};

/* Fill the dictionary of chart_bar.tpl (first series) / chart_line.tpl
 * (every series) with the chart's geometry. Strings from the arena. */
void	svg_bar_fill(struct arena *, tmpl_dict *, const struct svg_chart *);
void	svg_line_fill(struct arena *, tmpl_dict *, const struct svg_chart *);

#endif
