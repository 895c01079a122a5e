/* KPI trees (kpi_tree.h). */
#include "kpi_tree.h"
#include "arena.h"

#include <stdlib.h>
#include <string.h>

static const char *const dim_names[KPI_DIM__MAX] = { "team", "technician", "category", "channel" };

const char *
kpi_dim_name(enum kpi_dim d)
{
	return (unsigned)d < KPI_DIM__MAX ? dim_names[d] : "";
}

int
kpi_dim_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < KPI_DIM__MAX; i++)
		if (strcmp(s, dim_names[i]) == 0)
			return i;
	return -1;
}

int
kpi_tech_ok(enum metric_id id)
{
	return (unsigned)id < METRIC__MAX;
}

int
kpi_meets(enum metric_id id, double threshold, const struct metric_value *v)
{
	const struct metric_def *def = metric_def(id);

	if (!v->has)
		return -1;
	if (def != NULL && def->better < 0)
		return v->value <= threshold;
	return v->value >= threshold;
}

static struct db_q q_user_names = DB_Q("SELECT id, name FROM users ORDER BY id");

/* The technicians' names of groups by assignee ("0": nobody, no name),
 * from the users read once per tree. */
static enum db_rc
name_assignees(struct arena *a, struct kpi_cube *cube, struct metric_group *g, size_t n)
{
	const struct db_res *res;
	enum db_rc rc;
	size_t i, r;

	if (n == 0)
		return DB_OK;
	if (cube->names == NULL && (rc = db_query(a, &q_user_names, &cube->names, "")) != DB_OK)
		return rc;
	res = cube->names;
	for (i = 0; i < n; i++) {
		g[i].name = "";
		for (r = 0; r < res->nrows; r++)
			if (strcmp(db_gets(res, r, 0), g[i].key) == 0) {
				g[i].name = db_gets(res, r, 1);
				break;
			}
	}
	return DB_OK;
}

int
kpi_cell_parse(struct arena *a, const char *key, struct kpi_cell *c)
{
	char *end;

	c->category_id = strtoll(key, &end, 10);
	if (*end != '|')
		return -1;
	c->team_id = strtoll(end + 1, &end, 10);
	if (*end != '|')
		return -1;
	c->assignee_id = strtoll(end + 1, &end, 10);
	if (*end != '|')
		return -1;
	c->channel = arena_strdup(a, end + 1);
	return 0;
}

static int
cell_inside(const struct kpi_cell *c, const struct metric_filter *f)
{
	return (f->category_id <= 0 || c->category_id == f->category_id) &&
	    (f->team_id <= 0 || c->team_id == f->team_id) &&
	    (f->assignee_id <= 0 || c->assignee_id == f->assignee_id) &&
	    (f->channel == NULL || *f->channel == '\0' || strcmp(c->channel, f->channel) == 0);
}

static const char *
cell_key(struct arena *a, const struct kpi_cell *c, enum kpi_dim d)
{
	switch (d) {
	case KPI_TEAM:     return arena_printf(a, "%lld", c->team_id);
	case KPI_TECH:     return arena_printf(a, "%lld", c->assignee_id);
	case KPI_CATEGORY: return arena_printf(a, "%lld", c->category_id);
	default:           return c->channel;
	}
}

void
kpi_cube_groups(struct arena *a, const struct kpi_cell *cells, size_t ncells,
    const struct metric_filter *f, enum kpi_dim d, struct metric_group **out, size_t *n)
{
	/* keys first: a group holds two full sums (kilobytes), so only the
	 * groups found are allocated */
	const char **keys = arena_alloc(a, (ncells + 1) * sizeof(*keys));
	size_t *of = arena_alloc(a, (ncells + 1) * sizeof(*of));
	struct metric_group *g;
	size_t i, j, k = 0;
	const char *key;

	for (i = 0; i < ncells; i++) {
		of[i] = (size_t)-1;
		if (!cell_inside(&cells[i], f))
			continue;
		key = cell_key(a, &cells[i], d);
		for (j = 0; j < k && strcmp(keys[j], key) != 0; j++)
			;
		if (j == k)
			keys[k++] = key;
		of[i] = j;
	}
	g = arena_zalloc(a, (k + 1) * sizeof(*g));
	for (j = 0; j < k; j++)
		g[j].key = keys[j];
	for (i = 0; i < ncells; i++) {
		if (of[i] == (size_t)-1)
			continue;
		metric_sums_add(&g[of[i]].flow, &cells[i].flow);
		metric_sums_add(&g[of[i]].stock, &cells[i].stock);
	}
	*out = g;
	*n = k;
}

/* The cells of the root's filter, once. */
static enum db_rc
cube_load(struct arena *a, struct kpi_cube *cube, const struct metric_filter *root)
{
	struct metric_group *g;
	size_t n, i;
	enum db_rc rc;

	if ((rc = metric_breakdown_of(a, cube->id, root, METRIC_BY_CELL, &g, &n)) != DB_OK)
		return rc;
	cube->cells = arena_zalloc(a, (n + 1) * sizeof(*cube->cells));
	cube->n = 0;
	for (i = 0; i < n; i++) {
		struct kpi_cell *c = &cube->cells[cube->n];

		if (kpi_cell_parse(a, g[i].key, c) != 0)
			continue;
		c->flow = g[i].flow;
		c->stock = g[i].stock;
		cube->n++;
	}
	cube->loaded = 1;
	return DB_OK;
}

enum db_rc
kpi_fetch_registry(void *ctx, struct arena *a, const struct metric_filter *f, enum kpi_dim d,
    struct metric_group **out, size_t *n)
{
	struct kpi_cube *cube = ctx;
	enum db_rc rc;

	if (cube == NULL || (unsigned)d >= KPI_DIM__MAX)
		return DB_ERR;
	if (!cube->loaded && (rc = cube_load(a, cube, f)) != DB_OK)
		return rc;
	kpi_cube_groups(a, cube->cells, cube->n, f, d, out, n);
	return d == KPI_TECH ? name_assignees(a, cube, *out, *n) : DB_OK;
}

struct build {
	struct arena    *a;
	enum metric_id   id;
	const enum kpi_dim *dims;
	size_t           ndims;
	double           threshold;
	long long        now;
	kpi_fetch_fn     fetch;
	void            *ctx;
	struct kpi_tree *t;
};

/* Sort order of children: below the threshold first, then no data, then
 * meeting it; within each, more samples first, then by key. */
static int
child_cmp(const void *pa, const void *pb)
{
	const struct kpi_node *a = pa, *b = pb;
	int ra = a->meets == 0 ? 0 : a->meets < 0 ? 1 : 2;
	int rb = b->meets == 0 ? 0 : b->meets < 0 ? 1 : 2;

	if (ra != rb)
		return ra - rb;
	if (a->v.n != b->v.n)
		return a->v.n > b->v.n ? -1 : 1;
	return strcmp(a->key, b->key);
}

/* The filter of a child: the parent's narrowed to the group. */
static void
child_filter(const struct metric_filter *p, enum kpi_dim d, const char *key,
    struct metric_filter *c)
{
	*c = *p;
	if (d == KPI_TEAM)
		c->team_id = strtoll(key, NULL, 10);
	else if (d == KPI_CATEGORY)
		c->category_id = strtoll(key, NULL, 10);
	else if (d == KPI_CHANNEL)
		c->channel = key;
	else if (d == KPI_TECH)
		c->assignee_id = strtoll(key, NULL, 10);
}

static enum db_rc expand(struct build *, const struct kpi_node *parent, size_t level);

/* Append the children of parent (groups along dims[level]), each followed
 * by its own subtree. */
static enum db_rc
expand(struct build *b, const struct kpi_node *parent, size_t level)
{
	struct metric_group *g;
	struct kpi_node *kids, node;
	enum kpi_dim d;
	size_t n, i;
	enum db_rc rc;

	if (level >= b->ndims || level >= KPI_MAX_DEPTH)
		return DB_OK;
	d = b->dims[level];
	if (d == KPI_TECH && !kpi_tech_ok(b->id))
		return DB_OK;
	if ((rc = b->fetch(b->ctx, b->a, &parent->filter, d, &g, &n)) != DB_OK)
		return rc;
	kids = arena_zalloc(b->a, (n + 1) * sizeof(*kids));
	for (i = 0; i < n; i++) {
		kids[i].depth = parent->depth + 1;
		kids[i].dim = d;
		kids[i].key = g[i].key != NULL ? g[i].key : "0";
		kids[i].name = g[i].name;
		child_filter(&parent->filter, d, kids[i].key, &kids[i].filter);
		metric_group_eval(&g[i], b->id, &parent->filter, b->now, &kids[i].v);
		kids[i].meets = kpi_meets(b->id, b->threshold, &kids[i].v);
	}
	qsort(kids, n, sizeof(*kids), child_cmp);
	for (i = 0; i < n; i++) {
		if (b->t->n >= KPI_MAX_NODES) {
			b->t->truncated = 1;
			return DB_OK;
		}
		node = kids[i];
		b->t->nodes[b->t->n++] = node;
		/* the registry cannot narrow to "no team" or "nobody" (a filter
		 * of 0 means all): such nodes are leaves */
		if (strcmp(node.key, "0") == 0)
			continue;
		if ((rc = expand(b, &node, level + 1)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

enum db_rc
kpi_tree_build(struct arena *a, enum metric_id id, const struct metric_filter *root,
    const enum kpi_dim *dims, size_t ndims, double threshold, long long now, kpi_fetch_fn fetch,
    void *ctx, struct kpi_tree *out)
{
	struct build b = { a, id, dims, ndims, threshold, now, fetch, ctx, out };
	struct metric_group *g, sum;
	struct kpi_node *r;
	size_t n, i;
	enum db_rc rc;

	memset(out, 0, sizeof(*out));
	out->nodes = arena_zalloc(a, (KPI_MAX_NODES + 1) * sizeof(*out->nodes));
	r = &out->nodes[0];
	out->n = 1;
	r->filter = *root;
	r->key = "";
	/* the root: every group of the first level added up (each level
	 * partitions the tickets: "0" holds those of no team, nobody...) */
	memset(&sum, 0, sizeof(sum));
	if ((rc = fetch(ctx, a, root, ndims > 0 ? dims[0] : KPI_TEAM, &g, &n)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++) {
		metric_sums_add(&sum.flow, &g[i].flow);
		metric_sums_add(&sum.stock, &g[i].stock);
	}
	metric_group_eval(&sum, id, root, now, &r->v);
	r->meets = kpi_meets(id, threshold, &r->v);
	return expand(&b, r, 0);
}
