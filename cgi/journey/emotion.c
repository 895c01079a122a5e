/* The emotion lane: the designed score of every stage (−2…+2) as a curve,
 * the golden design's curve on the same chart; geometry from
 * journey_emotion_xy()/journey_curve_path(), markup from
 * templates/journey/emotion.tpl (escaped like every page). */
#include "jr.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"

#include <string.h>

#define COL_W 200.0     /* viewBox units per stage column */

static const char *
curve(struct req *r, tmpl_dict *c, const struct journey *j, size_t n, const char *section,
    const char *const *names)
{
	struct journey_xy *pts = arena_zalloc(r->a, sizeof(*pts) * (n + 1));
	size_t i;

	for (i = 0; i < n && i < j->nstages; i++) {
		tmpl_dict *dot = tmpl_add_section(c, section);

		pts[i] = journey_emotion_xy(i, n, j->stages[i].emotion, COL_W * (double)n,
		    JOURNEY_CURVE_H, JOURNEY_CURVE_PAD);
		tmpl_set(dot, "CX", arena_printf(r->a, "%.1f", pts[i].x));
		tmpl_set(dot, "CY", arena_printf(r->a, "%.1f", pts[i].y));
		tmpl_set(dot, "TIP", arena_printf(r->a, "%s: %+d", names != NULL ? names[i] :
		    j->stages[i].name, j->stages[i].emotion));
	}
	return journey_curve_path(r->a, pts, i);
}

void
jr_emotion_fill(struct req *r, tmpl_dict *d, const struct journey *j,
    const struct journey *golden)
{
	tmpl_dict *c = tmpl_add_include(d, "EMOTION_CHART", "journey/emotion.tpl");
	size_t n = j->nstages, i;
	int e;

	tmpl_set(c, "VIEW_W", arena_printf(r->a, "%.0f", COL_W * (double)(n > 0 ? n : 1)));
	tmpl_set_int(c, "VIEW_H", JOURNEY_CURVE_H);
	tmpl_set(c, "CAPTION", i18n(r->lang, "J_EMOTION_CURVE"));
	for (e = JOURNEY_EMOTION_MAX; e >= JOURNEY_EMOTION_MIN; e--) {
		struct journey_xy p = journey_emotion_xy(0, 1, e, 1, JOURNEY_CURVE_H,
		    JOURNEY_CURVE_PAD);
		tmpl_dict *g = tmpl_add_section(c, "GRID");

		tmpl_set(g, "GY", arena_printf(r->a, "%.1f", p.y));
		tmpl_set(g, "GLABEL", arena_printf(r->a, "%+d", e));
		tmpl_set(g, "GX1", arena_printf(r->a, "%.0f", COL_W * (double)n));
	}
	tmpl_set(c, "CURRENT_PATH", curve(r, c, j, n, "DOT", NULL));
	if (golden != NULL && golden->nstages > 0) {
		/* Golden stages drawn over the current map's columns, in order. */
		tmpl_dict *g = tmpl_add_section(c, "GOLDEN");
		const char **names = arena_zalloc(r->a, sizeof(char *) * (golden->nstages + 1));

		for (i = 0; i < golden->nstages; i++)
			names[i] = golden->stages[i].name;
		tmpl_set(g, "GOLDEN_PATH", curve(r, g, golden, n < golden->nstages ? n :
		    golden->nstages, "GDOT", names));
		tmpl_show_section(c, "LEGEND_GOLDEN");
	}
}
