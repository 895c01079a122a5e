/* External metrics, storage (ext_metric.h): definitions, points stored all
 * or nothing with their corrections recorded, points read for a filter. */
#include "ext_metric.h"
#include "arena.h"

#include <stdlib.h>
#include <string.h>

#define EXT_COLS "id, mkey, name_zh, name_en, def_zh, def_en, unit, unit_label, agg," \
	" better, dim_category, dim_team, dim_channel, active"

static struct db_q q_by_key = DB_Q("SELECT " EXT_COLS " FROM ext_metrics WHERE mkey = ?");
static struct db_q q_by_id = DB_Q("SELECT " EXT_COLS " FROM ext_metrics WHERE id = ?");
static struct db_q q_list = DB_Q("SELECT " EXT_COLS " FROM ext_metrics"
    " WHERE active = 1 OR ? = 0 ORDER BY mkey LIMIT 1000");
static struct db_q q_cats = DB_Q("SELECT id, code FROM categories");
static struct db_q q_teams = DB_Q("SELECT id, name FROM teams");
static struct db_q q_point_get = DB_Q(
    "SELECT id, value = ? FROM ext_metric_points WHERE metric_id = ? AND at = ?"
    " AND category_id = ? AND team_id = ? AND channel = ? FOR UPDATE");
static struct db_q q_point_insert = DB_Q(
    "INSERT INTO ext_metric_points (metric_id, at, category_id, team_id, channel, value,"
    " updated_at) VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())");
static struct db_q q_point_update = DB_Q(
    "UPDATE ext_metric_points SET value = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?");
/* The old value straight from the row: no round trip through text. */
static struct db_q q_history = DB_Q(
    "INSERT INTO ext_metric_point_history (point_id, old_value, new_value, source,"
    " api_key_id, user_id, at) SELECT id, value, ?, ?, NULLIF(?, 0), NULLIF(?, 0),"
    " UTC_TIMESTAMP() FROM ext_metric_points WHERE id = ?");
/* Sorted again in C (ext_points_load): with these optional filters the
 * server was seen to return the rows in moment order only, and "last"
 * must not depend on a plan. */
static struct db_q q_points = DB_Q(
    "SELECT at, value, category_id, team_id, channel FROM ext_metric_points"
    " WHERE metric_id = ? AND at >= ? AND at < ?"
    " AND (? = 0 OR category_id = ?) AND (? = 0 OR team_id = ?) AND (? = '' OR channel = ?)"
    " ORDER BY category_id, team_id, channel, at LIMIT 1000000");

enum { XC_ID, XC_KEY, XC_ZH, XC_EN, XC_DEF_ZH, XC_DEF_EN, XC_UNIT, XC_UNIT_LABEL, XC_AGG,
       XC_BETTER, XC_DIM_CAT, XC_DIM_TEAM, XC_DIM_CHAN, XC_ACTIVE };

static int
name_index(const char *const *names, const char *v)
{
	int i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(names[i], v) == 0)
			return i;
	return 0;
}

static void
metric_of_row(const struct db_res *res, size_t i, struct ext_metric *m)
{
	memset(m, 0, sizeof(*m));
	m->id = db_get_int(res, i, XC_ID);
	m->key = db_gets(res, i, XC_KEY);
	m->zh = db_gets(res, i, XC_ZH);
	m->en = db_gets(res, i, XC_EN);
	m->def_zh = db_gets(res, i, XC_DEF_ZH);
	m->def_en = db_gets(res, i, XC_DEF_EN);
	m->unit = (enum ext_unit)name_index(ext_unit_names, db_gets(res, i, XC_UNIT));
	m->unit_label = db_gets(res, i, XC_UNIT_LABEL);
	m->agg = (enum ext_agg)name_index(ext_agg_names, db_gets(res, i, XC_AGG));
	m->better = (int)db_get_int(res, i, XC_BETTER);
	m->dim_category = db_get_int(res, i, XC_DIM_CAT) != 0;
	m->dim_team = db_get_int(res, i, XC_DIM_TEAM) != 0;
	m->dim_channel = db_get_int(res, i, XC_DIM_CHAN) != 0;
	m->active = db_get_int(res, i, XC_ACTIVE) != 0;
}

enum db_rc
ext_metric_by_key(struct arena *a, const char *key, struct ext_metric *out, int *found)
{
	struct db_res *res;
	enum db_rc rc;

	*found = 0;
	memset(out, 0, sizeof(*out));
	if (ext_key_check(key) != NULL)     /* never a valid key: no query */
		return DB_OK;
	if ((rc = db_query(a, &q_by_key, &res, "s", key)) != DB_OK)
		return rc;
	if (res->nrows == 1) {
		metric_of_row(res, 0, out);
		*found = 1;
	}
	return DB_OK;
}

enum db_rc
ext_metric_by_id(struct arena *a, long long id, struct ext_metric *out, int *found)
{
	struct db_res *res;
	enum db_rc rc;

	*found = 0;
	memset(out, 0, sizeof(*out));
	if ((rc = db_query(a, &q_by_id, &res, "i", id)) != DB_OK)
		return rc;
	if (res->nrows == 1) {
		metric_of_row(res, 0, out);
		*found = 1;
	}
	return DB_OK;
}

enum db_rc
ext_metric_list(struct arena *a, int active_only, struct ext_metric **out, size_t *n)
{
	struct db_res *res;
	enum db_rc rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(a, &q_list, &res, "I", active_only ? 1 : 0)) != DB_OK)
		return rc;
	*out = arena_zalloc(a, sizeof(**out) * (res->nrows + 1));
	for (i = 0; i < res->nrows; i++)
		metric_of_row(res, i, &(*out)[i]);
	*n = res->nrows;
	return DB_OK;
}

enum db_rc
ext_dims_load(struct arena *a, struct ext_dims *d)
{
	struct db_res *c, *t;
	enum db_rc rc;

	if ((rc = db_query(a, &q_cats, &c, "")) != DB_OK ||
	    (rc = db_query(a, &q_teams, &t, "")) != DB_OK)
		return rc;
	d->cats = c;
	d->teams = t;
	return DB_OK;
}

/* One point inside the open transaction. */
static enum db_rc
store_one(struct arena *a, const struct ext_metric *m, const struct ext_point *p,
    enum ext_source src, long long key_id, long long user_id, struct ext_store_stats *st)
{
	struct db_res *res;
	enum db_rc rc;
	long long id;

	if ((rc = db_query(a, &q_point_get, &res, "diiiis", p->value, m->id, p->at, p->category_id,
	    p->team_id, p->channel)) != DB_OK)
		return rc;
	if (res->nrows == 0) {
		st->added++;
		return db_exec(&q_point_insert, NULL, "iiiisd", m->id, p->at, p->category_id,
		    p->team_id, p->channel, p->value);
	}
	id = db_get_int(res, 0, 0);
	if (db_get_int(res, 0, 1) == 1) {       /* the same value: nothing to do */
		st->unchanged++;
		return DB_OK;
	}
	st->replaced++;
	if ((rc = db_exec(&q_history, NULL, "dsiii", p->value, ext_source_names[src], key_id,
	    user_id, id)) != DB_OK)
		return rc;
	return db_exec(&q_point_update, NULL, "di", p->value, id);
}

enum db_rc
ext_points_store(const struct ext_metric *m, const struct ext_point *p, size_t n,
    enum ext_source src, long long key_id, long long user_id, struct ext_store_stats *st)
{
	struct arena a;
	enum db_rc rc;
	size_t i;

	memset(st, 0, sizeof(*st));
	if ((rc = db_begin()) != DB_OK)
		return rc;
	arena_init(&a);
	for (i = 0; i < n; i++) {
		if ((rc = store_one(&a, m, &p[i], src, key_id, user_id, st)) != DB_OK)
			goto err;
		arena_reset(&a);        /* one result set per point: keep memory flat */
	}
	arena_free(&a);
	return db_commit();
err:
	arena_free(&a);
	db_rollback();
	memset(st, 0, sizeof(*st));
	return rc;
}

/* By series (category, team, channel), then moment: what ext_aggregate
 * wants for "last". */
static int
point_cmp(const void *x, const void *y)
{
	const struct ext_point *a = x, *b = y;
	int c;

	if (a->category_id != b->category_id)
		return a->category_id < b->category_id ? -1 : 1;
	if (a->team_id != b->team_id)
		return a->team_id < b->team_id ? -1 : 1;
	if ((c = strcmp(a->channel, b->channel)) != 0)
		return c;
	return a->at < b->at ? -1 : a->at > b->at;
}

void
ext_period(const struct metric_filter *f, long long *from, long long *to)
{
	*from = metric_day_start(metric_day_of(f->from));
	*to = metric_day_start(metric_day_of(f->to - 1) + 1);
}

enum db_rc
ext_points_load(struct arena *a, const struct ext_metric *m, const struct metric_filter *f,
    struct ext_point **out, size_t *n)
{
	const char *ch = f->channel != NULL ? f->channel : "";
	long long from, to;
	struct db_res *res;
	enum db_rc rc;
	size_t i;

	*out = NULL;
	*n = 0;
	ext_period(f, &from, &to);
	if ((rc = db_query(a, &q_points, &res, "iiiiiiiss", m->id, from, to, f->category_id,
	    f->category_id, f->team_id, f->team_id, ch, ch)) != DB_OK)
		return rc;
	*out = arena_zalloc(a, sizeof(**out) * (res->nrows + 1));
	for (i = 0; i < res->nrows; i++) {
		struct ext_point *p = &(*out)[i];

		p->at = db_get_int(res, i, 0);
		p->value = strtod(db_gets(res, i, 1), NULL);
		p->category_id = db_get_int(res, i, 2);
		p->team_id = db_get_int(res, i, 3);
		p->channel = db_gets(res, i, 4);
	}
	qsort(*out, res->nrows, sizeof(**out), point_cmp);
	*n = res->nrows;
	return DB_OK;
}
