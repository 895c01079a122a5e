/* What the journey pages share: the period, the metric values of a map,
 * path ids, answers to model errors. */
#include "jr.h"
#include "arena.h"
#include "route.h"
#include "http.h"
#include "valid.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define JR_DEFAULT_DAYS 30
#define JR_MAX_DAYS     366
#define SPARK_W         90.0
#define SPARK_H         20.0

const char *
jr_period_parse(struct req *r, struct jr_period *p)
{
	const char *f = req_query(r, "from"), *t = req_query(r, "to");
	long today = metric_day_of((long long)time(NULL)), to;

	memset(p, 0, sizeof(*p));
	p->day_to = today + 1;
	p->day_from = p->day_to - JR_DEFAULT_DAYS;
	p->is_default = 1;
	if (t != NULL && *t != '\0') {
		if (metric_day_parse(t, &to) != 0)
			return "J_ERR_PERIOD";
		p->day_to = to + 1;
		p->is_default = 0;
	}
	if (f != NULL && *f != '\0') {
		if (metric_day_parse(f, &p->day_from) != 0)
			return "J_ERR_PERIOD";
		p->is_default = 0;
	} else if (!p->is_default) {
		p->day_from = p->day_to - JR_DEFAULT_DAYS;
	}
	if (p->day_from >= p->day_to || p->day_to - p->day_from > JR_MAX_DAYS)
		return "J_ERR_PERIOD";
	p->from_text = metric_day_text(r->a, p->day_from);
	p->to_text = metric_day_text(r->a, p->day_to - 1);
	/* As the dashboard: daily points up to a month, weekly beyond. */
	p->grain = p->day_to - p->day_from > 31 ? METRIC_WEEK : METRIC_DAY;
	return NULL;
}

void
jr_filter(const struct journey *j, long day_from, long day_to, struct metric_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->category_id = j->category_id;
	f->team_id = j->team_id;
	f->channel = j->channel != NULL && *j->channel != '\0' ? j->channel : NULL;
	f->from = metric_day_start(day_from);
	f->to = metric_day_start(day_to);
}

const char *
jr_target_text(struct req *r, const struct metric_info *mi, int has, double target)
{
	struct metric_value v;

	if (!has)
		return "";
	memset(&v, 0, sizeof(v));
	v.value = target;
	v.has = 1;
	v.n = 1;
	v.aux = METRIC_NONE;
	return metric_info_format(r->a, mi, &v, r->lang);
}

/* The sparkline of one metric: "x,y x,y ..." for a polyline. */
static const char *
spark_points(struct req *r, const char *key, const struct metric_filter *f,
    enum metric_grain g, enum db_rc *rc)
{
	struct metric_point *pt;
	struct journey_xy *xy;
	double *v;
	int *has;
	const char *s = "";
	size_t n, i;

	if ((*rc = metric_series_key(r->a, key, f, g, &pt, &n)) != DB_OK || n == 0)
		return "";
	v = arena_zalloc(r->a, sizeof(*v) * n);
	has = arena_zalloc(r->a, sizeof(*has) * n);
	xy = arena_zalloc(r->a, sizeof(*xy) * n);
	for (i = 0; i < n; i++) {
		v[i] = pt[i].v.value;
		has[i] = pt[i].v.has;
	}
	if (journey_spark(v, has, n, SPARK_W, SPARK_H, xy) < 2)
		return "";
	for (i = 0; i < n; i++)
		if (has[i])
			s = arena_printf(r->a, "%s%.1f,%.1f ", s, xy[i].x, xy[i].y);
	return s;
}

struct jr_memo_entry {
	const char          *key, *channel;
	long long            category_id, team_id, from, to;
	struct metric_value  v;
};

/* metric_compute_key through the request's memo. */
static enum db_rc
compute(struct req *r, struct jr_memo *memo, const char *key, const struct metric_filter *f,
    struct metric_value *out)
{
	const char *ch = f->channel != NULL ? f->channel : "";
	struct jr_memo_entry *e;
	enum db_rc rc;
	size_t i;

	for (i = 0; memo != NULL && i < memo->n; i++) {
		e = &memo->e[i];
		if (strcmp(e->key, key) == 0 && strcmp(e->channel, ch) == 0 &&
		    e->category_id == f->category_id && e->team_id == f->team_id &&
		    e->from == f->from && e->to == f->to) {
			*out = e->v;
			return DB_OK;
		}
	}
	if ((rc = metric_compute_key(r->a, key, f, out)) != DB_OK || memo == NULL)
		return rc;
	if (memo->n == memo->cap) {
		size_t cap = memo->cap ? memo->cap * 2 : 32;
		struct jr_memo_entry *ne = arena_zalloc(r->a, sizeof(*ne) * cap);

		if (memo->n > 0)
			memcpy(ne, memo->e, sizeof(*ne) * memo->n);
		memo->e = ne;
		memo->cap = cap;
	}
	e = &memo->e[memo->n++];
	e->key = key;
	e->channel = ch;
	e->category_id = f->category_id;
	e->team_id = f->team_id;
	e->from = f->from;
	e->to = f->to;
	e->v = *out;
	return DB_OK;
}

static enum db_rc
value_of(struct req *r, const struct journey *j, const struct jr_period *p, int with_spark,
    struct jr_memo *memo, struct jr_value *v)
{
	struct metric_filter cur, prev;
	long len = p->day_to - p->day_from;
	enum db_rc rc;

	if ((rc = metric_info_by_key(r->a, v->m->key, &v->info, &v->found)) != DB_OK)
		return rc;
	if (!v->found) {
		v->value_text = "—";
		v->target_text = "";
		return DB_OK;
	}
	jr_filter(j, p->day_from, p->day_to, &cur);
	jr_filter(j, p->day_from - len, p->day_from, &prev);
	if ((rc = compute(r, memo, v->m->key, &cur, &v->cur)) != DB_OK ||
	    (rc = compute(r, memo, v->m->key, &prev, &v->prev)) != DB_OK)
		return rc;
	v->status = journey_target_status(v->info.better, v->cur.has, v->cur.value,
	    v->m->has_target, v->m->target);
	v->trend = journey_trend(v->info.better, v->cur.has, v->cur.value, v->prev.has,
	    v->prev.value, &v->good);
	v->value_text = metric_info_format(r->a, &v->info, &v->cur, r->lang);
	v->target_text = jr_target_text(r, &v->info, v->m->has_target, v->m->target);
	v->drill = route_may_open_desk(r->user) ? metric_drill_path(r->a, v->m->key, &cur) : NULL;
	v->spark = "";
	if (with_spark)
		v->spark = spark_points(r, v->m->key, &cur, p->grain, &rc);
	return rc;
}

enum db_rc
jr_values(struct req *r, const struct journey *j, const struct jr_period *p, int with_spark,
    struct jr_memo *memo, struct jr_value **out)
{
	enum db_rc rc;
	size_t i;

	*out = NULL;
	if (j->nmetrics == 0)
		return DB_OK;
	*out = arena_zalloc(r->a, sizeof(**out) * j->nmetrics);
	for (i = 0; i < j->nmetrics; i++) {
		(*out)[i].m = &j->metrics[i];
		if ((rc = value_of(r, j, p, with_spark, memo, &(*out)[i])) != DB_OK)
			return rc;
	}
	return DB_OK;
}

int
jr_stages_off(const struct journey *j, const struct jr_value *v)
{
	size_t i, k;
	int n = 0;

	for (i = 0; i < j->nstages; i++)
		for (k = 0; k < j->nmetrics; k++)
			if (v[k].m->stage_id == j->stages[i].id &&
			    v[k].status == JOURNEY_TARGET_OFF) {
				n++;
				break;
			}
	return n;
}

int
jr_id_param(struct req *r, size_t which, long long *id)
{
	const char *s = r->params[which];

	*id = 0;
	if (s == NULL || valid_int(s, 1, 999999999999LL, id) != NULL)
		return -1;
	return 0;
}

int
jr_fail(struct req *r, enum journey_rc rc)
{
	switch (rc) {
	case JOURNEY_NOT_FOUND: return resp_error(r, 404, "ERR_NOT_FOUND");
	case JOURNEY_CONFLICT:  return resp_error(r, 409, "ERR_CONFLICT");
	case JOURNEY_FULL:      return resp_error(r, 422, "J_ERR_FULL");
	case JOURNEY_DB_DOWN:   return resp_error(r, 503, "ERR_DB_DOWN");
	default:                return resp_error(r, 500, "ERR_INTERNAL");
	}
}

int
jr_can_edit(const struct req *r)
{
	return r->user != NULL &&
	    (r->user->role == ROLE_SUPERVISOR || r->user->role == ROLE_ADMIN);
}
