/* Metrics by key (metric_key.h): the registry's built-in metrics and the
 * admin-defined external metrics (ext_metric.h), behind one set of
 * functions. */
#include "metric_key.h"
#include "arena.h"
#include "metric_drill.h"
#include "ticket_state.h"
#include "ext_metric.h"

#include <string.h>

static void
info_of_builtin(enum metric_id id, struct metric_info *out)
{
	const struct metric_def *d = metric_def(id);

	memset(out, 0, sizeof(*out));
	out->key = d->key;
	out->zh = d->zh;
	out->en = d->en;
	out->def_zh = d->def_zh;
	out->def_en = d->def_en;
	out->unit = d->unit;
	out->better = d->better;
	out->stock = d->stock;
	out->id = id;
}

/* The nearest built-in unit of an external unit (for readers that only
 * look at metric_info.unit). */
static enum metric_unit
unit_of_ext(enum ext_unit u)
{
	switch (u) {
	case EXT_U_PERCENT: return METRIC_U_PERCENT;
	case EXT_U_MINUTES: return METRIC_U_MINUTES;
	case EXT_U_HOURS:   return METRIC_U_HOURS;
	case EXT_U_SCORE:   return METRIC_U_SCORE;
	default:            return METRIC_U_UNITS;
	}
}

static void
info_of_ext(struct arena *a, const struct ext_metric *m, struct metric_info *out)
{
	struct ext_metric *copy = arena_alloc(a, sizeof(*copy));

	*copy = *m;
	memset(out, 0, sizeof(*out));
	out->key = m->key;
	out->zh = m->zh;
	out->en = m->en;
	out->def_zh = m->def_zh;
	out->def_en = m->def_en;
	out->unit = unit_of_ext(m->unit);
	out->better = m->better;
	out->stock = m->agg == EXT_AGG_LAST;
	out->external = 1;
	out->id = METRIC__MAX;
	out->ext = copy;
}

enum db_rc
metric_info_by_key(struct arena *a, const char *key, struct metric_info *out, int *found)
{
	enum metric_id id = metric_by_key(key);
	struct ext_metric m;
	enum db_rc rc;

	*found = id != METRIC__MAX;
	memset(out, 0, sizeof(*out));
	out->id = METRIC__MAX;
	if (*found) {
		info_of_builtin(id, out);
		return DB_OK;
	}
	if ((rc = ext_metric_by_key(a, key, &m, found)) != DB_OK || !*found)
		return rc;
	info_of_ext(a, &m, out);
	return DB_OK;
}

enum db_rc
metric_info_list(struct arena *a, struct metric_info **out, size_t *n)
{
	struct ext_metric *ext;
	size_t i, next;
	enum db_rc rc;

	*out = NULL;
	*n = 0;
	if ((rc = ext_metric_list(a, 1, &ext, &next)) != DB_OK)
		return rc;
	*out = arena_zalloc(a, sizeof(**out) * (METRIC__MAX + next));
	for (i = 0; i < METRIC__MAX; i++)
		info_of_builtin((enum metric_id)i, &(*out)[i]);
	for (i = 0; i < next; i++)
		info_of_ext(a, &ext[i], &(*out)[METRIC__MAX + i]);
	*n = METRIC__MAX + next;
	return DB_OK;
}

/* The external metric of key: DB_OK with it, DB_ERR when unknown. */
static enum db_rc
ext_of_key(struct arena *a, const char *key, struct ext_metric *m)
{
	enum db_rc rc;
	int found;

	if ((rc = ext_metric_by_key(a, key, m, &found)) != DB_OK)
		return rc;
	return found ? DB_OK : DB_ERR;
}

enum db_rc
metric_compute_key(struct arena *a, const char *key, const struct metric_filter *f,
    struct metric_value *out)
{
	enum metric_id id = metric_by_key(key);
	struct ext_metric m;
	struct ext_point *p;
	enum db_rc rc;
	size_t n;

	memset(out, 0, sizeof(*out));
	if (id != METRIC__MAX)
		return metric_compute(a, id, f, out);
	if ((rc = ext_of_key(a, key, &m)) != DB_OK ||
	    (rc = ext_points_load(a, &m, f, &p, &n)) != DB_OK)
		return rc;
	ext_aggregate(&m, p, n, out);
	return DB_OK;
}

enum db_rc
metric_series_key(struct arena *a, const char *key, const struct metric_filter *f,
    enum metric_grain g, struct metric_point **out, size_t *n)
{
	enum metric_id id = metric_by_key(key);
	struct ext_metric m;
	struct ext_point *p;
	long long from, to;
	enum db_rc rc;
	size_t np;

	*out = NULL;
	*n = 0;
	if ((unsigned)g >= METRIC_GRAIN__MAX)
		return DB_ERR;
	if (id != METRIC__MAX)
		return metric_series(a, id, f, g, out, n);
	if ((rc = ext_of_key(a, key, &m)) != DB_OK ||
	    (rc = ext_points_load(a, &m, f, &p, &np)) != DB_OK)
		return rc;
	ext_period(f, &from, &to);
	*n = ext_series(a, &m, p, np, from, to, g, out);
	return DB_OK;
}

const char *
metric_info_format(struct arena *a, const struct metric_info *m, const struct metric_value *v,
    const char *lang)
{
	if (m->ext != NULL)
		return ext_format(a, m->ext, v, lang);
	return metric_format(a, m->id, v, lang);
}

const char *
metric_info_label(const struct metric_info *m, const char *lang)
{
	return lang != NULL && strcmp(lang, "en") == 0 ? m->en : m->zh;
}

/* The queue of the tickets behind a built-in metric's value: the metric
 * (its drill-down set, metric_drill.h), the period as whole China-time
 * days (to inclusive) and the slice. An empty period (to <= from) is the
 * single day of from. NULL for an unknown key or channel. */
const char *
metric_drill_path(struct arena *a, const char *key, const struct metric_filter *f)
{
	enum metric_id id = metric_by_key(key);
	long d0, d1;
	const char *p;

	if (id == METRIC__MAX || metric_drill_def(id) == NULL)
		return NULL;
	if (f->channel != NULL && *f->channel != '\0' &&
	    ticket_channel_parse(f->channel) == TC__MAX)
		return NULL;   /* no ticket has it (and the queue would refuse it) */
	d0 = metric_day_of(f->from);
	d1 = f->to > f->from ? metric_day_of(f->to - 1) : d0;
	p = arena_printf(a, "/desk/?metric=%s&from=%s&to=%s", key, metric_day_text(a, d0),
	    metric_day_text(a, d1));
	if (f->category_id > 0)
		p = arena_printf(a, "%s&category=%lld", p, f->category_id);
	if (f->team_id > 0)
		p = arena_printf(a, "%s&team=%lld", p, f->team_id);
	if (f->channel != NULL && *f->channel != '\0')
		p = arena_printf(a, "%s&channel=%s", p, f->channel);
	if (f->assignee_id > 0)
		p = arena_printf(a, "%s&assignee=%lld", p, f->assignee_id);
	return p;
}
