/* The dashboard's external metrics (ext_metric.h): a tile for each active
 * one, read through the registry by key (metric_compute_key) for the
 * dashboard's period and the one before, with the same filters. A manager
 * reads them beside the service figures they drive (renewals next to
 * satisfaction), in their own section because their points come from other
 * systems and no tickets stand behind them. A filter on a dimension the
 * metric does not carry shows "not broken down" instead of a number: the
 * company-wide figure would read as the team's. */
#include "dash.h"
#include "arena.h"
#include "ext_metric.h"
#include "http.h"
#include "i18n.h"
#include "metric_key.h"
#include "tmpl.h"

#include <string.h>

/* 1 when the filter names a dimension m does not carry. */
static int
not_broken_down(const struct ext_metric *m, const struct dash_query *q)
{
	return (q->category > 0 && !m->dim_category) || (q->team > 0 && !m->dim_team) ||
	    (*q->channel != '\0' && !m->dim_channel);
}

/* Up, down or flat as displayed (two decimals), good or bad by better. */
static void
fill_trend(struct req *r, tmpl_dict *t, const struct metric_info *m,
    const struct metric_value *cur, const struct metric_value *prev)
{
	long long c = (long long)(cur->value * 100 + (cur->value < 0 ? -0.5 : 0.5));
	long long p = (long long)(prev->value * 100 + (prev->value < 0 ? -0.5 : 0.5));
	int dir = !cur->has || !prev->has ? -2 : c > p ? 1 : c < p ? -1 : 0;
	int good = dir == -2 ? 0 : m->better * dir;

	tmpl_set(t, "ARROW", dir == -2 ? "" : dir > 0 ? "▲" : dir < 0 ? "▼" : "→");
	tmpl_set(t, "TREND_TEXT", i18n(r->lang, dir == -2 ? "D_TREND_NONE" : dir > 0 ?
	    "D_TREND_UP" : dir < 0 ? "D_TREND_DOWN" : "D_TREND_FLAT"));
	tmpl_set(t, "TREND_CLS", good > 0 ? "good" : good < 0 ? "bad" : "flat");
	tmpl_set(t, "PREV", metric_info_format(r->a, m, prev, r->lang));
}

static enum db_rc
fill_tile(struct req *r, tmpl_dict *s, const struct dash_query *q, const struct metric_info *m)
{
	tmpl_dict *t = tmpl_add_section(s, "TILE");
	int en = strcmp(r->lang, "en") == 0;
	struct metric_value cur, prev;
	enum db_rc rc;

	tmpl_set(t, "KEY", m->key);
	tmpl_set(t, "LABEL", metric_info_label(m, r->lang));
	tmpl_set(t, "DEF", en ? m->def_en : m->def_zh);
	tmpl_set(t, "AGG", i18n(r->lang, arena_printf(r->a, "D_EXT_AGG_%s",
	    ext_agg_names[m->ext->agg])));
	if (not_broken_down(m->ext, q)) {
		tmpl_show_section(t, "NOT_BROKEN_DOWN");
		return DB_OK;
	}
	if ((rc = metric_compute_key(r->a, m->key, &q->cur, &cur)) != DB_OK ||
	    (rc = metric_compute_key(r->a, m->key, &q->prev, &prev)) != DB_OK)
		return rc;
	t = tmpl_add_section(t, "FIGURES");
	tmpl_set(t, "VALUE", metric_info_format(r->a, m, &cur, r->lang));
	tmpl_set_int(t, "N", cur.n);
	fill_trend(r, t, m, &cur, &prev);
	return DB_OK;
}

enum db_rc
dash_external_fill(struct req *r, tmpl_dict *d, const struct dash_query *q)
{
	struct metric_info *all;
	tmpl_dict *s = NULL;
	enum db_rc rc;
	size_t i, n;

	if ((rc = metric_info_list(r->a, &all, &n)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++) {
		if (all[i].ext == NULL)
			continue;
		if (s == NULL)
			s = tmpl_add_include(d, "EXTERNAL", "dash/external.tpl");
		if ((rc = fill_tile(r, s, q, &all[i])) != DB_OK)
			return rc;
	}
	return DB_OK;
}
