/* Unit tests of the KPI-tree expansion (cgi/service/kpi_tree.c) on
 * hand-made sums: a fake fetcher stands in for the registry. The data:
 *
 *   team 1: category 7 resolved 6, 6 in time (technician 11);
 *           category 8 resolved 4, 3 in time (technician 12)
 *   team 2: category 7 resolved 4, 2 in time (nobody assigned)
 *
 * so SLA compliance is 11/14 = 78.57 % overall, team 1 9/10 = 90 %,
 * team 2 2/4 = 50 %, team 1 / category 8 75 %. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "kpi_tree.h"

struct cell {
	long long team, category, tech, res_n, res_ok;
};
static const struct cell cells[] = {
	{ 1, 7, 11, 6, 6 }, { 1, 8, 12, 4, 3 }, { 2, 7, 0, 4, 2 },
};
#define NCELLS (sizeof(cells) / sizeof(cells[0]))

static int fetches;

/* The groups of the cells inside f along d (team, category, technician). */
static enum db_rc
fake_fetch(void *ctx, struct arena *a, const struct metric_filter *f, enum kpi_dim d,
    struct metric_group **out, size_t *n)
{
	struct metric_group *g = arena_zalloc(a, (NCELLS + 1) * sizeof(*g));
	size_t i, j, k = 0;
	long long key;

	(void)ctx;
	fetches++;
	if (d != KPI_TEAM && d != KPI_CATEGORY && d != KPI_TECH)
		return DB_ERR;
	for (i = 0; i < NCELLS; i++) {
		if ((f->team_id && cells[i].team != f->team_id) ||
		    (f->category_id && cells[i].category != f->category_id) ||
		    (f->assignee_id && cells[i].tech != f->assignee_id))
			continue;
		key = d == KPI_TEAM ? cells[i].team : d == KPI_TECH ? cells[i].tech :
		    cells[i].category;
		for (j = 0; j < k; j++)
			if (strtoll(g[j].key, NULL, 10) == key)
				break;
		if (j == k)
			g[k++].key = arena_printf(a, "%lld", key);
		g[j].flow.res_n += cells[i].res_n;
		g[j].flow.res_ok += cells[i].res_ok;
		g[j].flow.created_n += cells[i].res_n;
	}
	*out = g;
	*n = k;
	return DB_OK;
}

static void
assert_near(double got, double want)
{
	if (got - want > 1e-9 || want - got > 1e-9)
		fail_msg("got %.9f, want %.9f", got, want);
}

static void
build(struct arena *a, enum metric_id id, const enum kpi_dim *dims, size_t n, double thr,
    struct kpi_tree *t)
{
	struct metric_filter root;

	memset(&root, 0, sizeof(root));
	root.from = 0;
	root.to = 86400;
	assert_int_equal(kpi_tree_build(a, id, &root, dims, n, thr, 86400, fake_fetch, NULL, t),
	    DB_OK);
}

static void
test_root_adds_up_first_level(void **s)
{
	struct arena ar, *a = &ar;
	enum kpi_dim dims[] = { KPI_TEAM };
	struct kpi_tree t;

	(void)s;
	arena_init(a);
	build(a, METRIC_SLA_COMPLIANCE, dims, 1, 80, &t);
	assert_near(t.nodes[0].v.value, 100.0 * 11 / 14);
	assert_int_equal(t.nodes[0].v.n, 14);
	assert_int_equal(t.nodes[0].meets, 0);
	arena_free(a);
}

static void
test_team_then_category_depth_first_worst_first(void **s)
{
	struct arena ar, *a = &ar;
	enum kpi_dim dims[] = { KPI_TEAM, KPI_CATEGORY };
	struct kpi_tree t;

	(void)s;
	arena_init(a);
	build(a, METRIC_SLA_COMPLIANCE, dims, 2, 80, &t);
	assert_int_equal(t.n, 6);
	/* team 2 (50 %, below) before team 1 (90 %) */
	assert_string_equal(t.nodes[1].key, "2");
	assert_int_equal(t.nodes[1].depth, 1);
	assert_near(t.nodes[1].v.value, 50);
	assert_int_equal(t.nodes[1].meets, 0);
	assert_string_equal(t.nodes[2].key, "7");
	assert_int_equal(t.nodes[2].depth, 2);
	assert_int_equal(t.nodes[2].filter.team_id, 2);
	assert_int_equal(t.nodes[2].filter.category_id, 7);
	assert_string_equal(t.nodes[3].key, "1");
	assert_near(t.nodes[3].v.value, 90);
	assert_int_equal(t.nodes[3].meets, 1);
	/* under team 1: category 8 (75 %, below) first, then 7 (100 %) */
	assert_string_equal(t.nodes[4].key, "8");
	assert_near(t.nodes[4].v.value, 75);
	assert_int_equal(t.nodes[4].v.n, 4);
	assert_string_equal(t.nodes[5].key, "7");
	assert_near(t.nodes[5].v.value, 100);
	assert_int_equal(t.nodes[5].filter.team_id, 1);
	arena_free(a);
}

static void
test_any_order_category_then_team(void **s)
{
	struct arena ar, *a = &ar;
	enum kpi_dim dims[] = { KPI_CATEGORY, KPI_TEAM };
	struct kpi_tree t;

	(void)s;
	arena_init(a);
	build(a, METRIC_SLA_COMPLIANCE, dims, 2, 80, &t);
	/* category 7: 8/10 = 80 % meets; category 8: 3/4 below → 8 first */
	assert_string_equal(t.nodes[1].key, "8");
	assert_int_equal(t.nodes[1].dim, KPI_CATEGORY);
	assert_string_equal(t.nodes[2].key, "1");
	assert_int_equal(t.nodes[2].dim, KPI_TEAM);
	assert_string_equal(t.nodes[3].key, "7");
	assert_near(t.nodes[3].v.value, 80);
	assert_int_equal(t.nodes[3].meets, 1);   /* the threshold itself meets */
	/* under category 7: team 2 (50 %) before team 1 (100 %) */
	assert_string_equal(t.nodes[4].key, "2");
	assert_string_equal(t.nodes[5].key, "1");
	assert_int_equal(t.n, 6);
	arena_free(a);
}

static void
test_volume_counts_samples(void **s)
{
	struct arena ar, *a = &ar;
	enum kpi_dim dims[] = { KPI_TEAM };
	struct kpi_tree t;

	(void)s;
	arena_init(a);
	build(a, METRIC_VOLUME, dims, 1, 5, &t);
	assert_near(t.nodes[0].v.value, 14);
	/* team 1: 10 tickets, team 2: 4; both >= 5? team 2 is below */
	assert_string_equal(t.nodes[1].key, "2");
	assert_int_equal(t.nodes[1].meets, 0);
	assert_int_equal(t.nodes[2].meets, 1);
	arena_free(a);
}

static void
test_technician_level_then_category(void **s)
{
	struct arena ar, *a = &ar;
	enum kpi_dim dims[] = { KPI_TEAM, KPI_TECH, KPI_CATEGORY };
	struct kpi_tree t;

	(void)s;
	arena_init(a);
	build(a, METRIC_SLA_COMPLIANCE, dims, 3, 80, &t);
	/* root; team 2 > nobody (a leaf); team 1 > technician 12 > category 8,
	 * technician 11 > category 7 */
	assert_int_equal(t.n, 8);
	assert_string_equal(t.nodes[1].key, "2");
	assert_string_equal(t.nodes[2].key, "0");
	assert_int_equal(t.nodes[2].dim, KPI_TECH);
	assert_near(t.nodes[2].v.value, 50);
	assert_string_equal(t.nodes[3].key, "1");
	assert_string_equal(t.nodes[4].key, "12");          /* 75 %: below, first */
	assert_near(t.nodes[4].v.value, 75);
	assert_int_equal(t.nodes[4].filter.assignee_id, 12);
	assert_int_equal(t.nodes[4].filter.team_id, 1);
	assert_string_equal(t.nodes[5].key, "8");
	assert_int_equal(t.nodes[5].depth, 3);
	assert_int_equal(t.nodes[5].filter.assignee_id, 12);
	assert_int_equal(t.nodes[5].filter.category_id, 8);
	assert_string_equal(t.nodes[6].key, "11");
	assert_near(t.nodes[6].v.value, 100);
	assert_string_equal(t.nodes[7].key, "7");
	assert_int_equal(kpi_tech_ok(METRIC_SLA_COMPLIANCE), 1);
	assert_int_equal(kpi_tech_ok(METRIC__MAX), 0);
	arena_free(a);
}

/* The cells of the data as the registry's breakdown by cell gives them. */
static struct kpi_cube
cube_of_cells(struct arena *a)
{
	struct kpi_cube cube = { METRIC_SLA_COMPLIANCE, 1, NULL, 0, NULL };
	size_t i;

	cube.cells = arena_zalloc(a, (NCELLS + 1) * sizeof(*cube.cells));
	for (i = 0; i < NCELLS; i++) {
		struct kpi_cell *c = &cube.cells[cube.n++];

		assert_int_equal(kpi_cell_parse(a, arena_printf(a, "%lld|%lld|%lld|web",
		    cells[i].category, cells[i].team, cells[i].tech), c), 0);
		c->flow.res_n = cells[i].res_n;
		c->flow.res_ok = cells[i].res_ok;
		c->flow.created_n = cells[i].res_n;
	}
	return cube;
}

static void
test_cube_groups_add_up_cells(void **s)
{
	struct arena ar, *a = &ar;
	struct kpi_cube cube;
	struct metric_filter f;
	struct metric_group *g;
	struct kpi_cell bad;
	struct kpi_tree t, want;
	enum kpi_dim dims[] = { KPI_TEAM, KPI_CATEGORY };
	size_t n, i;

	(void)s;
	arena_init(a);
	cube = cube_of_cells(a);
	assert_int_equal(cube.cells[0].assignee_id, 11);
	assert_string_equal(cube.cells[0].channel, "web");
	assert_int_equal(kpi_cell_parse(a, "7|1|web", &bad), -1);
	memset(&f, 0, sizeof(f));
	f.team_id = 1;
	kpi_cube_groups(a, cube.cells, cube.n, &f, KPI_TECH, &g, &n);
	assert_int_equal(n, 2);
	assert_string_equal(g[0].key, "11");
	assert_int_equal(g[0].flow.res_ok, 6);
	assert_string_equal(g[1].key, "12");
	assert_int_equal(g[1].flow.res_n, 4);
	f.team_id = 0;
	f.assignee_id = 12;
	kpi_cube_groups(a, cube.cells, cube.n, &f, KPI_CATEGORY, &g, &n);
	assert_int_equal(n, 1);
	assert_string_equal(g[0].key, "8");
	assert_int_equal(g[0].flow.res_ok, 3);
	f.assignee_id = 0;
	f.channel = "phone";
	kpi_cube_groups(a, cube.cells, cube.n, &f, KPI_TEAM, &g, &n);
	assert_int_equal(n, 0);
	/* a tree from the cube equals the tree from per-node reads */
	memset(&f, 0, sizeof(f));
	f.to = 86400;
	assert_int_equal(kpi_tree_build(a, METRIC_SLA_COMPLIANCE, &f, dims, 2, 80, 86400,
	    kpi_fetch_registry, &cube, &t), DB_OK);
	assert_int_equal(kpi_tree_build(a, METRIC_SLA_COMPLIANCE, &f, dims, 2, 80, 86400,
	    fake_fetch, NULL, &want), DB_OK);
	assert_int_equal(t.n, want.n);
	for (i = 0; i < t.n; i++) {
		assert_string_equal(t.nodes[i].key, want.nodes[i].key);
		assert_near(t.nodes[i].v.value, want.nodes[i].v.value);
		assert_int_equal(t.nodes[i].v.n, want.nodes[i].v.n);
	}
	arena_free(a);
}

static void
test_meets_by_direction(void **s)
{
	struct metric_value v = { 30, METRIC_NONE, 10, 1 };

	(void)s;
	assert_int_equal(kpi_meets(METRIC_FIRST_RESPONSE, 30, &v), 1);   /* lower is better */
	assert_int_equal(kpi_meets(METRIC_FIRST_RESPONSE, 29.9, &v), 0);
	assert_int_equal(kpi_meets(METRIC_SLA_COMPLIANCE, 30, &v), 1);
	assert_int_equal(kpi_meets(METRIC_SLA_COMPLIANCE, 30.1, &v), 0);
	v.has = 0;
	assert_int_equal(kpi_meets(METRIC_SLA_COMPLIANCE, 0, &v), -1);
	assert_int_equal(kpi_dim_parse("channel"), KPI_CHANNEL);
	assert_int_equal(kpi_dim_parse("region"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_root_adds_up_first_level),
		cmocka_unit_test(test_team_then_category_depth_first_worst_first),
		cmocka_unit_test(test_any_order_category_then_team),
		cmocka_unit_test(test_volume_counts_samples),
		cmocka_unit_test(test_technician_level_then_category),
		cmocka_unit_test(test_cube_groups_add_up_cells),
		cmocka_unit_test(test_meets_by_direction),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
