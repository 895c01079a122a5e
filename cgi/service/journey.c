/* The rules of journey maps (journey.h): evidence, ordering, targets and
 * trends, and the geometry of the emotion curve and sparklines. No I/O. */
#include "journey.h"
#include "arena.h"

#include <math.h>
#include <string.h>

const char *const journey_evidence_names[] = { "data", "research", "assumption", NULL };
const char *const journey_template_names[] = { "blank", "repair", "membership", NULL };
static const char *const lane_kind_names[] = { "text", "emotion", "metrics", "visibility", NULL };

enum journey_evidence
journey_evidence_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && journey_evidence_names[i] != NULL; i++)
		if (strcmp(s, journey_evidence_names[i]) == 0)
			return (enum journey_evidence)i;
	return JOURNEY_EV__MAX;
}

enum journey_lane_kind
journey_lane_kind_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && lane_kind_names[i] != NULL; i++)
		if (strcmp(s, lane_kind_names[i]) == 0)
			return (enum journey_lane_kind)i;
	return JOURNEY_LANE_TEXT;
}

const char *
journey_evidence_check(enum journey_evidence ev, const char *source, int metric_known)
{
	int empty = source == NULL || *source == '\0';

	switch (ev) {
	case JOURNEY_EV_DATA:
		if (empty)
			return "J_ERR_SOURCE_DATA";
		/* Data is checkable: a registry metric or the tickets themselves. */
		if (metric_known || strncmp(source, "/desk/", 6) == 0)
			return NULL;
		return "J_ERR_SOURCE_DATA";
	case JOURNEY_EV_RESEARCH:
		return empty ? "J_ERR_SOURCE_RESEARCH" : NULL;
	case JOURNEY_EV_ASSUMPTION:
		/* A source would make a guess look like evidence. */
		return empty ? NULL : "J_ERR_SOURCE_ASSUMPTION";
	default:
		return "ERR_INVALID";
	}
}

long
journey_move_index(long long *ids, size_t n, size_t idx, int delta)
{
	size_t to;
	long long t;

	if (idx >= n || (delta != -1 && delta != 1))
		return -1;
	if ((delta < 0 && idx == 0) || (delta > 0 && idx + 1 >= n))
		return -1;
	to = delta < 0 ? idx - 1 : idx + 1;
	t = ids[to];
	ids[to] = ids[idx];
	ids[idx] = t;
	return (long)to;
}

enum journey_target
journey_target_status(int better, int has_value, double value, int has_target, double target)
{
	if (!has_value || !has_target || better == 0)
		return JOURNEY_TARGET_NONE;
	if (better > 0)
		return value >= target ? JOURNEY_TARGET_ON : JOURNEY_TARGET_OFF;
	return value <= target ? JOURNEY_TARGET_ON : JOURNEY_TARGET_OFF;
}

int
journey_trend(int better, int has_cur, double cur, int has_prev, double prev, int *good)
{
	long long c, p;

	*good = 0;
	if (!has_cur || !has_prev)
		return 0;
	/* Compare as displayed (at most two decimals): no trend from noise. */
	c = llround(cur * 100.0);
	p = llround(prev * 100.0);
	if (c == p)
		return 1;
	*good = better * (c > p ? 1 : -1);
	return c > p ? 2 : 3;
}

struct journey_xy
journey_emotion_xy(size_t i, size_t n, int score, double w, double h, double pad)
{
	struct journey_xy p = { 0, 0 };
	double col;

	if (score < JOURNEY_EMOTION_MIN)
		score = JOURNEY_EMOTION_MIN;
	if (score > JOURNEY_EMOTION_MAX)
		score = JOURNEY_EMOTION_MAX;
	if (n == 0)
		return p;
	col = w / (double)n;
	p.x = col * ((double)i + 0.5);
	p.y = pad + (h - 2 * pad) * (double)(JOURNEY_EMOTION_MAX - score) /
	    (double)(JOURNEY_EMOTION_MAX - JOURNEY_EMOTION_MIN);
	return p;
}

const char *
journey_curve_path(struct arena *a, const struct journey_xy *p, size_t n)
{
	const char *s;
	size_t i;

	if (n == 0)
		return "";
	s = arena_printf(a, "M%.1f,%.1f", p[0].x, p[0].y);
	for (i = 0; i + 1 < n; i++) {
		/* Catmull-Rom through p[i-1], p[i], p[i+1], p[i+2] (ends repeated). */
		const struct journey_xy *p0 = &p[i == 0 ? 0 : i - 1], *p1 = &p[i], *p2 = &p[i + 1];
		const struct journey_xy *p3 = &p[i + 2 < n ? i + 2 : n - 1];

		s = arena_printf(a, "%s C%.1f,%.1f %.1f,%.1f %.1f,%.1f", s,
		    p1->x + (p2->x - p0->x) / 6.0, p1->y + (p2->y - p0->y) / 6.0,
		    p2->x - (p3->x - p1->x) / 6.0, p2->y - (p3->y - p1->y) / 6.0, p2->x, p2->y);
	}
	return s;
}

size_t
journey_spark(const double *v, const int *has, size_t n, double w, double h,
    struct journey_xy *out)
{
	double lo = 0, hi = 0, step;
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (!has[i])
			continue;
		if (k == 0 || v[i] < lo)
			lo = v[i];
		if (k == 0 || v[i] > hi)
			hi = v[i];
		k++;
	}
	step = n > 1 ? w / (double)(n - 1) : 0;
	for (i = 0; i < n; i++) {
		if (!has[i])
			continue;
		out[i].x = n > 1 ? step * (double)i : w / 2;
		out[i].y = hi > lo ? h - (v[i] - lo) / (hi - lo) * h : h / 2;
	}
	return k;
}

const struct journey_stage *
journey_find_stage(const struct journey *j, long long id)
{
	size_t i;

	for (i = 0; i < j->nstages; i++)
		if (j->stages[i].id == id)
			return &j->stages[i];
	return NULL;
}

const struct journey_lane *
journey_find_lane(const struct journey *j, long long id)
{
	size_t i;

	for (i = 0; i < j->nlanes; i++)
		if (j->lanes[i].id == id)
			return &j->lanes[i];
	return NULL;
}

const struct journey_item *
journey_find_item(const struct journey *j, long long id)
{
	size_t i;

	for (i = 0; i < j->nitems; i++)
		if (j->items[i].id == id)
			return &j->items[i];
	return NULL;
}

const struct journey_metric *
journey_find_metric(const struct journey *j, long long id)
{
	size_t i;

	for (i = 0; i < j->nmetrics; i++)
		if (j->metrics[i].id == id)
			return &j->metrics[i];
	return NULL;
}
