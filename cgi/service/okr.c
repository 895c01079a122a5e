/* The OKR model (okr.h): cycles, the board of a cycle with every key
 * result computed, history lines and the closing of a cycle. */
#include "okr.h"
#include "arena.h"
#include "metric_key.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const state_names[OKR_CYCLE_STATE__MAX] = { "planning", "active", "closed" };

#define CYCLE_COLS "id, name, kind, state, starts_on, ends_on, version"

static struct db_q q_cycle_get = DB_Q("SELECT " CYCLE_COLS " FROM okr_cycles WHERE id = ?");
static struct db_q q_cycle_current = DB_Q(
    "SELECT " CYCLE_COLS " FROM okr_cycles ORDER BY"
    " (state = 'active' AND starts_on <= ? AND ends_on >= ?) DESC, state = 'active' DESC,"
    " state = 'planning' DESC, starts_on DESC, id DESC LIMIT 1");
static struct db_q q_cycle_list = DB_Q(
    "SELECT " CYCLE_COLS " FROM okr_cycles ORDER BY starts_on DESC, id DESC");
static struct db_q q_objs = DB_Q(
    "SELECT o.id, COALESCE(o.owner_id, 0), COALESCE(o.team_id, 0), COALESCE(o.parent_id, 0),"
    " COALESCE(o.parent2_id, 0), COALESCE(o.support_kr_id, 0), o.title, o.description,"
    " o.level, u.name, t.name, o.status_set, o.version, o.final_score, o.final_status"
    " FROM okr_objectives o LEFT JOIN users u ON u.id = o.owner_id"
    " LEFT JOIN teams t ON t.id = o.team_id WHERE o.cycle_id = ? ORDER BY o.id");
static struct db_q q_krs = DB_Q(
    "SELECT k.id, k.objective_id, COALESCE(k.owner_id, 0), k.title, k.unit, u.name, k.kind,"
    " k.start_value, k.target_value, k.weight, k.confidence, k.confidence_note, k.source,"
    " k.metric_key, COALESCE(k.f_category_id, 0), COALESCE(k.f_team_id, 0), k.f_channel,"
    " COALESCE(k.window_days, 0), k.version, k.final_value, k.final_has, k.final_score,"
    " k.final_status,"
    " (SELECT UNIX_TIMESTAMP(MAX(c.created_at)) FROM okr_checkins c WHERE c.kr_id = k.id),"
    " COALESCE(k.f_assignee_id, 0), UNIX_TIMESTAMP(k.created_at)"
    " FROM okr_krs k JOIN okr_objectives o ON o.id = k.objective_id"
    " LEFT JOIN users u ON u.id = k.owner_id WHERE o.cycle_id = ? ORDER BY k.objective_id, k.id");
static struct db_q q_cycle_checkins = DB_Q(
    "SELECT c.kr_id, c.value, UNIX_TIMESTAMP(c.created_at) FROM okr_checkins c"
    " JOIN okr_krs k ON k.id = c.kr_id JOIN okr_objectives o ON o.id = k.objective_id"
    " WHERE o.cycle_id = ? AND c.value IS NOT NULL ORDER BY c.kr_id, c.id");
static struct db_q q_kr_checkins = DB_Q(
    "SELECT c.value, UNIX_TIMESTAMP(c.created_at) FROM okr_checkins c"
    " WHERE c.kr_id = ? AND c.value IS NOT NULL ORDER BY c.id");
static struct db_q q_count_between = DB_Q(
    "SELECT COUNT(*) FROM okr_checkins WHERE kr_id = ? AND created_at >= FROM_UNIXTIME(?)"
    " AND created_at < FROM_UNIXTIME(?)");
static struct db_q q_close = DB_Q(
    "UPDATE okr_cycles SET state = 'closed', closed_at = UTC_TIMESTAMP(), closed_by = ?,"
    " version = version + 1 WHERE id = ? AND version = ? AND state <> 'closed'");
static struct db_q q_freeze_kr = DB_Q(
    "UPDATE okr_krs SET final_value = ?, final_has = ?, final_score = ?, final_status = ?"
    " WHERE id = ?");
static struct db_q q_freeze_obj = DB_Q(
    "UPDATE okr_objectives SET final_score = ?, final_status = ? WHERE id = ?");

const char *
okr_cycle_state_name(enum okr_cycle_state s)
{
	return (unsigned)s < OKR_CYCLE_STATE__MAX ? state_names[s] : "";
}

int
okr_cycle_state_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < OKR_CYCLE_STATE__MAX; i++)
		if (strcmp(s, state_names[i]) == 0)
			return i;
	return -1;
}

static double
num(const struct db_res *r, size_t row, size_t col)
{
	const char *v = db_get(r, row, col);

	return v != NULL ? strtod(v, NULL) : 0;
}

static void
cycle_row(const struct db_res *r, size_t i, struct okr_cycle *c)
{
	c->id = db_get_int(r, i, 0);
	c->name = db_gets(r, i, 1);
	c->kind = db_gets(r, i, 2);
	c->state = (enum okr_cycle_state)okr_cycle_state_parse(db_gets(r, i, 3));
	if ((int)c->state < 0)
		c->state = OKR_PLANNING;
	if (metric_day_parse(db_gets(r, i, 4), &c->first_day) != 0)
		c->first_day = 0;
	if (metric_day_parse(db_gets(r, i, 5), &c->last_day) != 0)
		c->last_day = c->first_day;
	c->from = metric_day_start(c->first_day);
	c->to = metric_day_start(c->last_day + 1);
	c->version = db_get_int(r, i, 6);
}

enum db_rc
okr_cycle_get(struct arena *a, long long id, struct okr_cycle *c, int *found)
{
	struct db_res *r;
	enum db_rc rc;

	*found = 0;
	if ((rc = db_query(a, &q_cycle_get, &r, "i", id)) != DB_OK)
		return rc;
	if (r->nrows == 1) {
		cycle_row(r, 0, c);
		*found = 1;
	}
	return DB_OK;
}

enum db_rc
okr_cycle_current(struct arena *a, long long now, struct okr_cycle *c, int *found)
{
	const char *today = metric_day_text(a, metric_day_of(now));
	struct db_res *r;
	enum db_rc rc;

	*found = 0;
	if ((rc = db_query(a, &q_cycle_current, &r, "ss", today, today)) != DB_OK)
		return rc;
	if (r->nrows == 1) {
		cycle_row(r, 0, c);
		*found = 1;
	}
	return DB_OK;
}

enum db_rc
okr_cycle_list(struct arena *a, struct okr_cycle **out, size_t *n)
{
	struct db_res *r;
	enum db_rc rc;
	size_t i;

	if ((rc = db_query(a, &q_cycle_list, &r, "")) != DB_OK)
		return rc;
	*out = arena_zalloc(a, (r->nrows + 1) * sizeof(**out));
	for (i = 0; i < r->nrows; i++)
		cycle_row(r, i, &(*out)[i]);
	*n = r->nrows;
	return DB_OK;
}

void
okr_kr_period(const struct okr_kr *k, const struct okr_cycle *c, long long now,
    struct metric_filter *f)
{
	*f = k->filter;
	f->to = now < c->to ? now : c->to;
	if (f->to <= c->from)
		f->to = c->from + 1;
	f->from = c->from;
	if (k->window_days > 0) {
		/* whole days, as the dashboard's "last N days": today and the
		 * N - 1 before it (N days back from now touched N + 1 days) */
		long long from = metric_day_start(metric_day_of(f->to - 1) + 1 - k->window_days);

		if (from > c->from)
			f->from = from;
	}
}

static void
kr_row(struct arena *a, const struct db_res *r, size_t i, struct okr_kr *k)
{
	const char *v;
	int t;

	memset(k, 0, sizeof(*k));
	k->id = db_get_int(r, i, 0);
	k->objective_id = db_get_int(r, i, 1);
	k->owner_id = db_get_int(r, i, 2);
	k->title = db_gets(r, i, 3);
	k->unit = db_gets(r, i, 4);
	k->owner_name = db_gets(r, i, 5);
	t = kr_type_parse(db_gets(r, i, 6));
	k->type = t < 0 ? KR_INCREASE_TO : (enum kr_type)t;
	k->start = num(r, i, 7);
	k->target = num(r, i, 8);
	k->weight = num(r, i, 9);
	k->confidence = db_gets(r, i, 10);
	k->confidence_note = db_gets(r, i, 11);
	k->bound = strcmp(db_gets(r, i, 12), "metric") == 0;
	k->metric_key = db_gets(r, i, 13);
	k->filter.category_id = db_get_int(r, i, 14);
	k->filter.team_id = db_get_int(r, i, 15);
	v = db_get(r, i, 16);
	k->filter.channel = v != NULL ? arena_strdup(a, v) : NULL;
	k->window_days = db_get_int(r, i, 17);
	k->version = db_get_int(r, i, 18);
	k->last_checkin = db_get_int(r, i, 23);
	k->filter.assignee_id = db_get_int(r, i, 24);
	k->created = db_get_int(r, i, 25);
}

/* The rows [*lo, *hi) of the check-ins (ordered by key result) of kr. */
static void
checkins_of(const struct db_res *cks, long long kr, size_t *lo, size_t *hi)
{
	size_t a = 0, b = cks->nrows;

	while (a < b) {                    /* the first row with kr_id >= kr */
		size_t m = a + (b - a) / 2;

		if (db_get_int(cks, m, 0) < kr)
			a = m + 1;
		else
			b = m;
	}
	*lo = a;
	while (a < cks->nrows && db_get_int(cks, a, 0) == kr)
		a++;
	*hi = a;
}

/* The frozen figures of a closed cycle's key result. */
static void
kr_frozen(const struct db_res *r, size_t i, struct okr_kr *k)
{
	int st = okr_status_parse(db_get(r, i, 22));

	k->current = num(r, i, 19);
	k->res.has = db_get_int(r, i, 20) != 0;
	k->has_current = k->res.has;
	k->res.progress = num(r, i, 21);
	k->res.expected = 1;
	k->res.status = st < 0 ? OKR_NO_DATA : (enum okr_status)st;
}

/* Values already computed for this board: key results on the same metric
 * and filter share one computation. */
struct okr_memo {
	const char          *key;
	struct metric_filter f;
	struct metric_value  v;
};

static int
same_filter(const struct metric_filter *x, const struct metric_filter *y)
{
	const char *cx = x->channel != NULL ? x->channel : "";
	const char *cy = y->channel != NULL ? y->channel : "";

	return x->category_id == y->category_id && x->team_id == y->team_id &&
	    x->assignee_id == y->assignee_id && x->from == y->from && x->to == y->to && strcmp(cx, cy) == 0;
}

/* The value (and for stay types the weekly points) of a bound key result. */
static enum db_rc
kr_compute_bound(struct arena *a, struct okr_kr *k, const struct okr_cycle *c, long long now,
    struct kr_input *in, struct okr_memo *memo, size_t *nmemo)
{
	struct metric_filter f;
	struct metric_value v;
	struct metric_point *pts;
	double *vals;
	size_t n, i, m = 0;
	enum db_rc rc = DB_OK;

	okr_kr_period(k, c, now, &f);
	for (i = 0; i < *nmemo; i++)
		if (strcmp(memo[i].key, k->metric_key) == 0 && same_filter(&memo[i].f, &f))
			break;
	if (i < *nmemo) {
		v = memo[i].v;
	} else {
		if ((rc = metric_compute_key(a, k->metric_key, &f, &v)) != DB_OK)
			return rc;
		memo[*nmemo].key = k->metric_key;
		memo[*nmemo].f = f;
		memo[(*nmemo)++].v = v;
	}
	k->current = v.value;
	k->has_current = v.has;
	k->sample_n = v.n;
	in->current = v.value;
	in->has_current = v.has;
	if (k->type != KR_STAY_ABOVE && k->type != KR_STAY_BELOW)
		return DB_OK;
	if ((rc = metric_series_key(a, k->metric_key, &f, METRIC_WEEK, &pts, &n)) != DB_OK)
		return rc;
	vals = arena_alloc(a, (n + 1) * sizeof(*vals));
	for (i = 0; i < n; i++)
		if (pts[i].v.has)
			vals[m++] = pts[i].v.value;
	in->points = vals;
	in->npoints = m;
	return DB_OK;
}

/* A manual key result from its check-ins (rows [lo, hi) of cks, in order):
 * the latest value (the start value before any), the period's values as
 * points. */
static void
kr_compute_manual(struct arena *a, struct okr_kr *k, const struct okr_cycle *c,
    const struct db_res *cks, size_t lo, size_t hi, struct kr_input *in)
{
	double *vals = arena_alloc(a, (hi - lo + 1) * sizeof(*vals));
	size_t i, m = 0;
	long long at;

	k->current = k->start;
	k->has_current = k->type != KR_STAY_ABOVE && k->type != KR_STAY_BELOW;
	if (k->type == KR_MILESTONE)
		k->current = 0;
	for (i = lo; i < hi; i++) {
		k->current = num(cks, i, 1);
		k->has_current = 1;
		at = db_get_int(cks, i, 2);
		if (at >= c->from && at < c->to)
			vals[m++] = k->current;
	}
	in->current = k->current;
	in->has_current = k->has_current;
	in->points = vals;
	in->npoints = m;
}

/* Depth-first order of the objectives under parent (0: the roots, and
 * those whose parent is not on the board). */
static void
tree_order(const struct okr_objective *src, size_t n, long long parent, int depth,
    const char *placed, struct okr_objective *dst, size_t *k, char *done)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (done[i])
			continue;
		if (parent == 0 ? (src[i].parent_id != 0 && placed[i]) : src[i].parent_id != parent)
			continue;
		done[i] = 1;
		dst[*k] = src[i];
		dst[*k].depth = depth;
		(*k)++;
		tree_order(src, n, src[i].id, depth + 1, placed, dst, k, done);
	}
}

static int
keep_objective(const struct okr_objective *o, const struct okr_kr *krs, long long team_id,
    long long owner_id)
{
	size_t j;

	if (team_id > 0 && o->team_id != team_id)
		return 0;
	if (owner_id <= 0 || o->owner_id == owner_id)
		return 1;
	for (j = 0; j < o->nkr; j++)
		if (krs[o->kr0 + j].owner_id == owner_id)
			return 1;
	return 0;
}

static void
objective_row(const struct db_res *r, size_t i, struct okr_objective *o)
{
	memset(o, 0, sizeof(*o));
	o->id = db_get_int(r, i, 0);
	o->owner_id = db_get_int(r, i, 1);
	o->team_id = db_get_int(r, i, 2);
	o->parent_id = db_get_int(r, i, 3);
	o->parent2_id = db_get_int(r, i, 4);
	o->support_kr_id = db_get_int(r, i, 5);
	o->title = db_gets(r, i, 6);
	o->description = db_gets(r, i, 7);
	o->level = db_gets(r, i, 8);
	o->owner_name = db_gets(r, i, 9);
	o->team_name = db_gets(r, i, 10);
	o->status_set = db_get(r, i, 11);
	o->version = db_get_int(r, i, 12);
}

/* Every key result of the cycle, computed (or frozen). */
static enum db_rc
board_krs(struct arena *a, struct okr_board *b)
{
	struct db_res *r, *cks;
	struct kr_input in;
	struct okr_memo *memo;
	size_t i, c = 0, lo, nmemo = 0;
	int closed = b->cycle.state == OKR_CLOSED;
	enum db_rc rc;

	if ((rc = db_query(a, &q_krs, &r, "i", b->cycle.id)) != DB_OK)
		return rc;
	if ((rc = db_query(a, &q_cycle_checkins, &cks, "i", b->cycle.id)) != DB_OK)
		return rc;
	b->kr = arena_zalloc(a, (r->nrows + 1) * sizeof(*b->kr));
	b->nkr = r->nrows;
	memo = arena_zalloc(a, (r->nrows + 1) * sizeof(*memo));
	for (i = 0; i < r->nrows; i++) {
		struct okr_kr *k = &b->kr[i];

		kr_row(a, r, i, k);
		/* a new key result is not "not updated" before its first week */
		k->stale = !closed && b->now - (k->last_checkin > k->created ? k->last_checkin :
		    k->created) > OKR_STALE_SECS;
		if (closed) {
			kr_frozen(r, i, k);
			continue;
		}
		memset(&in, 0, sizeof(in));
		in.type = k->type;
		in.start = k->start;
		in.target = k->target;
		/* the key results come by objective, the check-ins by key result */
		checkins_of(cks, k->id, &lo, &c);
		if (k->bound)
			rc = kr_compute_bound(a, k, &b->cycle, b->now, &in, memo, &nmemo);
		else
			kr_compute_manual(a, k, &b->cycle, cks, lo, c, &in);
		if (rc != DB_OK)
			return rc;
		kr_evaluate(&in, b->elapsed, &k->res);
	}
	return DB_OK;
}

/* Score and status of each objective from its key results. */
static void
board_score_objectives(struct arena *a, struct okr_objective *objs, size_t n,
    const struct db_res *r, const struct okr_board *b)
{
	struct okr_item *items = arena_zalloc(a, (b->nkr + 1) * sizeof(*items));
	size_t i, j, k = 0;
	int st;

	for (i = 0; i < n; i++) {
		struct okr_objective *o = &objs[i];

		while (k < b->nkr && b->kr[k].objective_id < o->id)
			k++;
		o->kr0 = k;
		while (k < b->nkr && b->kr[k].objective_id == o->id)
			k++;
		o->nkr = k - o->kr0;
		for (j = 0; j < o->nkr; j++) {
			const struct okr_kr *kr = &b->kr[o->kr0 + j];

			items[j].score = kr->res.progress;
			items[j].weight = kr->weight;
			items[j].has = kr->res.has;
			items[j].status = kr->res.status;
		}
		o->score = okr_rollup(items, o->nkr, &o->has, &o->status);
		if (b->cycle.state == OKR_CLOSED && db_get(r, i, 13) != NULL) {
			o->score = num(r, i, 13);
			st = okr_status_parse(db_get(r, i, 14));
			o->status = st < 0 ? OKR_NO_DATA : (enum okr_status)st;
			o->has = o->status != OKR_NO_DATA || o->score > 0;
		}
		st = okr_status_parse(o->status_set);
		if (st > OKR_NO_DATA)
			o->status = (enum okr_status)st;
	}
}

enum db_rc
okr_board_load(struct arena *a, const struct okr_cycle *c, long long now, long long team_id,
    long long owner_id, struct okr_board *b)
{
	struct okr_objective *all;
	struct okr_item *items;
	struct db_res *r;
	char *placed, *done;
	size_t i, n = 0, k = 0;
	enum db_rc rc;

	memset(b, 0, sizeof(*b));
	b->cycle = *c;
	b->now = now;
	b->elapsed = kr_elapsed(c->from, c->to, now);
	if ((rc = board_krs(a, b)) != DB_OK)
		return rc;
	if ((rc = db_query(a, &q_objs, &r, "i", c->id)) != DB_OK)
		return rc;
	all = arena_zalloc(a, (r->nrows + 1) * sizeof(*all));
	for (i = 0; i < r->nrows; i++)
		objective_row(r, i, &all[i]);
	board_score_objectives(a, all, r->nrows, r, b);
	/* the kept ones, then tree order among them */
	for (i = 0; i < r->nrows; i++)
		if (keep_objective(&all[i], b->kr, team_id, owner_id))
			all[n++] = all[i];
	placed = arena_zalloc(a, n + 1);
	done = arena_zalloc(a, n + 1);
	for (i = 0; i < n; i++)
		placed[i] = all[i].parent_id != 0 && okr_board_find_obj(
		    &(struct okr_board){ .obj = all, .nobj = n }, all[i].parent_id) >= 0;
	b->obj = arena_zalloc(a, (n + 1) * sizeof(*b->obj));
	tree_order(all, n, 0, 0, placed, b->obj, &k, done);
	b->nobj = k;
	items = arena_zalloc(a, (n + 1) * sizeof(*items));
	for (i = 0; i < b->nobj; i++) {
		items[i].score = b->obj[i].score;
		items[i].weight = 1;
		items[i].has = b->obj[i].has;
		items[i].status = b->obj[i].status;
	}
	b->score = okr_rollup(items, b->nobj, &b->has, &b->status);
	return DB_OK;
}

long
okr_board_find_obj(const struct okr_board *b, long long id)
{
	size_t i;

	for (i = 0; i < b->nobj; i++)
		if (b->obj[i].id == id)
			return (long)i;
	return -1;
}

long
okr_board_find_kr(const struct okr_board *b, long long id)
{
	size_t i;

	for (i = 0; i < b->nkr; i++)
		if (b->kr[i].id == id)
			return (long)i;
	return -1;
}

double
okr_board_team_score(const struct okr_board *b, long long team_id, int *has,
    enum okr_status *st)
{
	struct okr_item items[256];
	size_t i, n = 0;

	for (i = 0; i < b->nobj && n < sizeof(items) / sizeof(items[0]); i++) {
		if (b->obj[i].team_id != team_id)
			continue;
		items[n].score = b->obj[i].score;
		items[n].weight = 1;
		items[n].has = b->obj[i].has;
		items[n].status = b->obj[i].status;
		n++;
	}
	return okr_rollup(items, n, has, st);
}

enum db_rc
okr_kr_history(struct arena *a, const struct okr_kr *k, const struct okr_cycle *c,
    long long now, struct okr_point **out, size_t *n)
{
	struct metric_filter f;
	struct metric_point *mp;
	struct db_res *r;
	size_t i, m;
	enum db_rc rc;

	if (k->bound) {
		okr_kr_period(k, c, now, &f);
		f.from = c->from;   /* the line covers the cycle, whatever the window */
		if ((rc = metric_series_key(a, k->metric_key, &f, METRIC_WEEK, &mp, &m)) != DB_OK)
			return rc;
		*out = arena_zalloc(a, (m + 1) * sizeof(**out));
		for (i = 0; i < m; i++) {
			(*out)[i].at = mp[i].from;
			(*out)[i].value = mp[i].v.value;
			(*out)[i].has = mp[i].v.has;
		}
		*n = m;
		return DB_OK;
	}
	if ((rc = db_query(a, &q_kr_checkins, &r, "i", k->id)) != DB_OK)
		return rc;
	*out = arena_zalloc(a, (r->nrows + 2) * sizeof(**out));
	m = 0;
	(*out)[m].at = c->from;   /* the line starts at the start value */
	(*out)[m].value = k->type == KR_MILESTONE ? 0 : k->start;
	(*out)[m++].has = 1;
	for (i = 0; i < r->nrows; i++) {
		(*out)[m].value = num(r, i, 0);
		(*out)[m].at = db_get_int(r, i, 1);
		(*out)[m++].has = 1;
	}
	*n = m;
	return DB_OK;
}

enum db_rc
okr_cycle_close(struct arena *a, const struct okr_cycle *c, long long version,
    long long user_id, long long now)
{
	struct okr_board b;
	unsigned long long aff = 0;
	size_t i;
	enum db_rc rc;

	if (c->state == OKR_CLOSED)
		return DB_CONFLICT;
	/* computed before the transaction: the metric layer refreshes in its own */
	if ((rc = okr_board_load(a, c, now, 0, 0, &b)) != DB_OK)
		return rc;
	if ((rc = db_begin()) != DB_OK)
		return rc;
	rc = db_exec(&q_close, &aff, "iii", user_id, c->id, version);
	if (rc == DB_OK && aff != 1)
		rc = DB_CONFLICT;
	for (i = 0; rc == DB_OK && i < b.nkr; i++)
		rc = db_exec(&q_freeze_kr, NULL, "didsi", b.kr[i].current,
		    (long long)b.kr[i].res.has, b.kr[i].res.progress,
		    okr_status_name(b.kr[i].res.status), b.kr[i].id);
	for (i = 0; rc == DB_OK && i < b.nobj; i++)
		rc = db_exec(&q_freeze_obj, NULL, "dsi", b.obj[i].score,
		    okr_status_name(b.obj[i].status), b.obj[i].id);
	if (rc != DB_OK) {
		db_rollback();
		return rc;
	}
	return db_commit();
}

enum db_rc
okr_kr_value_at(struct arena *a, const struct okr_kr *k, const struct okr_cycle *c,
    long long at, double *value, int *has)
{
	struct metric_filter f;
	struct metric_value v;
	struct db_res *r;
	size_t i;
	enum db_rc rc;

	if (k->bound) {
		okr_kr_period(k, c, at, &f);
		if ((rc = metric_compute_key(a, k->metric_key, &f, &v)) != DB_OK)
			return rc;
		*value = v.value;
		*has = v.has;
		return DB_OK;
	}
	if ((rc = db_query(a, &q_kr_checkins, &r, "i", k->id)) != DB_OK)
		return rc;
	*value = k->type == KR_MILESTONE ? 0 : k->start;
	*has = 1;
	for (i = 0; i < r->nrows; i++)
		if (db_get_int(r, i, 1) < at)
			*value = num(r, i, 0);
	return DB_OK;
}

enum db_rc
okr_kr_checkins_between(struct arena *a, long long kr_id, long long from, long long to,
    long long *count)
{
	struct db_res *r;
	enum db_rc rc;

	if ((rc = db_query(a, &q_count_between, &r, "iii", kr_id, from, to)) != DB_OK)
		return rc;
	*count = r->nrows == 1 ? db_get_int(r, 0, 0) : 0;
	return DB_OK;
}
