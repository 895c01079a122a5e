/* sl-cli demo-metrics: 90 days of the membership programme's external
 * metrics for `make run` (the figures sales and the membership app would
 * push), so the membership journey, the dashboard's external tiles and key
 * results on external metrics show real curves. Stored through the same
 * function as the points API (ext_points_store), so a second run changes
 * nothing. Deterministic: a fixed seed; the last 30 days improve (the
 * free check-up campaign), like the service history. */
#include "demo.h"
#include "arena.h"
#include "db.h"
#include "ext_metric.h"
#include "metrics.h"

#include <stdio.h>
#include <time.h>

#define DEMO_METRIC_DAYS 90

static struct db_q q_metric_add = DB_Q(
    "INSERT IGNORE INTO ext_metrics (mkey, name_zh, name_en, unit, agg, better, active,"
    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())");

/* One metric: a daily base before the campaign, its gain after, the noise. */
static const struct demo_metric {
	const char *key, *zh, *en, *unit, *agg;
	double      base, gain, noise;
} demo_metrics[] = {
	{ "member_reach",        "会员触达人数",   "Members reached",       "count",   "sum", 420, 0.25, 60 },
	{ "member_checks",       "免费检测预约数", "Free check-ups booked", "count",   "sum", 38, 0.60, 8 },
	{ "member_enquiries",    "会员咨询量",     "Member enquiries",      "count",   "sum", 55, 0.20, 10 },
	{ "member_signups",      "新开通会员数",   "New memberships",       "count",   "sum", 12, 0.45, 4 },
	{ "member_renewal_rate", "会员续费率",     "Membership renewal rate", "percent", "avg", 61, 0.12, 4 },
	{ "member_referrals",    "转介绍会员数",   "Referred members",      "count",   "sum", 3, 0.80, 2 },
};
#define N_DEMO_METRICS (sizeof(demo_metrics) / sizeof(demo_metrics[0]))

static unsigned long demo_seed = 20261204UL;

/* Uniform in [0, 1): a small LCG, the same numbers on every machine. */
static double
demo_rand(void)
{
	demo_seed = demo_seed * 1103515245UL + 12345UL;
	return (double)((demo_seed >> 16) & 0x7fff) / 32768.0;
}

/* The value of day i (0 = 89 days ago): the gain ramps in over the ten
 * days starting 35 days ago; weekends are quieter for counts. */
static double
demo_value(const struct demo_metric *m, int i, long day)
{
	double ramp = i < 55 ? 0 : i >= 65 ? 1 : (double)(i - 55) / 10.0;
	double v = m->base * (1.0 + m->gain * ramp) + (demo_rand() * 2.0 - 1.0) * m->noise;
	int weekday = (int)((day + 4) % 7);         /* 1970-01-01 was a Thursday */

	if (m->agg[0] == 's' && (weekday == 0 || weekday == 6))
		v *= 0.7;
	if (v < 0)
		v = 0;
	return m->agg[0] == 's' ? (double)(long long)(v + 0.5) : (double)(long long)(v * 10 + 0.5) / 10;
}

static int
demo_metric_points(struct arena *a, const struct demo_metric *dm, long today)
{
	struct ext_point pts[DEMO_METRIC_DAYS];
	struct ext_store_stats st;
	struct ext_metric m;
	unsigned long long added = 0;
	int found, i;

	if (db_exec(&q_metric_add, &added, "sssss", dm->key, dm->zh, dm->en, dm->unit, dm->agg) !=
	    DB_OK)
		return -1;
	if (added == 0)         /* defined already (an earlier run, or an admin) */
		return 0;
	if (ext_metric_by_key(a, dm->key, &m, &found) != DB_OK || !found)
		return -1;
	for (i = 0; i < DEMO_METRIC_DAYS; i++) {
		long day = today - (DEMO_METRIC_DAYS - 1) + i;
		pts[i].at = metric_day_start(day);
		pts[i].value = demo_value(dm, i, day);
		pts[i].category_id = pts[i].team_id = 0;
		pts[i].channel = "";
	}
	return ext_points_store(&m, pts, DEMO_METRIC_DAYS, EXT_SRC_CLI, 0, 0, &st) == DB_OK ? 0 : -1;
}

int
demo_metrics_load(struct arena *a)
{
	long today = metric_day_of((long long)time(NULL));
	size_t i;

	for (i = 0; i < N_DEMO_METRICS; i++)
		if (demo_metric_points(a, &demo_metrics[i], today) != 0) {
			fprintf(stderr, "demo-metrics: %s not stored\n", demo_metrics[i].key);
			return 1;
		}
	printf("Demo external metrics: %zu metrics, %d days each.\n", N_DEMO_METRICS,
	    DEMO_METRIC_DAYS);
	return 0;
}
