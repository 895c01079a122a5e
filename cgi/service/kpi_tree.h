/* KPI trees: one registry metric for a period, expanded level by level
 * (team, technician, category, channel, in any order) "down to the last
 * node", each node with its value, sample size and whether it meets the
 * threshold. The expansion is pure over the sums a fetcher returns, so it
 * is unit-tested on hand-made sums (tests/unit/test_kpi_tree.c); the page
 * passes kpi_fetch_registry, which reads the period's cells (category,
 * team, technician — the ticket's current assignee —, channel) once and
 * adds them up per node, with the technicians' names. */
#ifndef SL_KPI_TREE_H
#define SL_KPI_TREE_H

#include <stddef.h>
#include "db.h"
#include "metrics.h"

struct arena;

enum kpi_dim { KPI_TEAM = 0, KPI_TECH, KPI_CATEGORY, KPI_CHANNEL, KPI_DIM__MAX };

#define KPI_MAX_DEPTH 4
#define KPI_MAX_NODES 600

struct kpi_node {
	int                  depth;      /* 0: the root (the whole filter) */
	enum kpi_dim         dim;        /* of this node (root: unused) */
	const char          *key;        /* team/category id, channel, technician id */
	const char          *name;       /* technician's name from the fetcher, or NULL */
	struct metric_filter filter;     /* the tickets of this node */
	struct metric_value  v;
	int                  meets;      /* 1 meets the threshold, 0 below, -1 no data */
};

struct kpi_tree {
	struct kpi_node *nodes;          /* depth-first: a node, then its subtree */
	size_t           n;
	int              truncated;      /* KPI_MAX_NODES reached */
};

/* The groups of filter's tickets along dim (KPI_TECH: per current
 * assignee, with names), with their sums; *out in the arena. */
typedef enum db_rc (*kpi_fetch_fn)(void *ctx, struct arena *, const struct metric_filter *,
	    enum kpi_dim, struct metric_group **out, size_t *n);

/* ctx: a struct kpi_cube of the tree's metric, otherwise zeroed: the
 * first call (the root) reads every cell of its filter once
 * (metric_breakdown_of by METRIC_BY_CELL), and every node's groups are
 * added up from the cells in memory. */
enum db_rc kpi_fetch_registry(void *ctx, struct arena *, const struct metric_filter *,
	    enum kpi_dim, struct metric_group **out, size_t *n);

/* One cell: the tickets of one category, team, assignee and channel. */
struct kpi_cell {
	long long           category_id, team_id, assignee_id;
	const char         *channel;
	struct metric_sums  flow, stock;
};

struct kpi_cube {
	enum metric_id   id;          /* the tree's metric (what the cells hold) */
	int              loaded;
	struct kpi_cell *cells;
	size_t           n;
	struct db_res   *names;       /* users (id, name), read once for the tree */
};

/* "category|team|assignee|channel" into c (sums untouched); 0 ok, -1 bad. */
int	kpi_cell_parse(struct arena *, const char *key, struct kpi_cell *c);
/* The groups along d of the cells inside f (its category, team, channel,
 * assignee; 0 / NULL / "" for all), sums added up; *out in the arena. */
void	kpi_cube_groups(struct arena *, const struct kpi_cell *, size_t ncells,
	    const struct metric_filter *f, enum kpi_dim d, struct metric_group **out, size_t *n);

const char *kpi_dim_name(enum kpi_dim);          /* "team", "technician", ... */
int	    kpi_dim_parse(const char *);             /* -1 unknown */
/* 1 when the technician level can be computed for the metric (every
 * built-in one). */
int	    kpi_tech_ok(enum metric_id);
/* 1 meets, 0 below, -1 no data: value >= threshold when higher is better,
 * <= when lower is better (and >= when neither). */
int	    kpi_meets(enum metric_id, double threshold, const struct metric_value *);

/* Expand metric id over dims[0..ndims) under root: the root's value is the
 * sums of its first level added up (the groups partition the tickets), each
 * node's children are the groups of its own filter along the next dim;
 * below-threshold children first, then by sample size. Nodes of no team or
 * nobody are leaves. */
enum db_rc kpi_tree_build(struct arena *, enum metric_id, const struct metric_filter *root,
	    const enum kpi_dim *dims, size_t ndims, double threshold, long long now,
	    kpi_fetch_fn, void *ctx, struct kpi_tree *out);

#endif
