/* Metrics by key (metric_key.h): the registry's built-in metrics; the
 * admin-defined external metrics plug in here. */
#include "metric_key.h"
#include "arena.h"
#include "metric_drill.h"
#include "ticket_state.h"

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

enum db_rc
metric_info_by_key(struct arena *a, const char *key, struct metric_info *out, int *found)
{
	enum metric_id id = metric_by_key(key);

	(void)a;
	*found = id != METRIC__MAX;
	memset(out, 0, sizeof(*out));
	out->id = METRIC__MAX;
	if (*found)
		info_of_builtin(id, out);
	return DB_OK;
}

enum db_rc
metric_info_list(struct arena *a, struct metric_info **out, size_t *n)
{
	size_t i;

	*out = arena_zalloc(a, sizeof(**out) * METRIC__MAX);
	for (i = 0; i < METRIC__MAX; i++)
		info_of_builtin((enum metric_id)i, &(*out)[i]);
	*n = METRIC__MAX;
	return DB_OK;
}

enum db_rc
metric_compute_key(struct arena *a, const char *key, const struct metric_filter *f,
    struct metric_value *out)
{
	enum metric_id id = metric_by_key(key);

	memset(out, 0, sizeof(*out));
	if (id == METRIC__MAX)
		return DB_ERR;
	return metric_compute(a, id, f, out);
}

enum db_rc
metric_series_key(struct arena *a, const char *key, const struct metric_filter *f,
    enum metric_grain g, struct metric_point **out, size_t *n)
{
	enum metric_id id = metric_by_key(key);

	*out = NULL;
	*n = 0;
	if (id == METRIC__MAX)
		return DB_ERR;
	return metric_series(a, id, f, g, out, n);
}

const char *
metric_info_format(struct arena *a, const struct metric_info *m, const struct metric_value *v,
    const char *lang)
{
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
	return p;
}
