/* The demo history's scenario (cgi/tools/demo_scenario.c): deterministic
 * random choices, business-hours times, and a plan that shows what the
 * dashboard is meant to show. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "../../cgi/tools/demo_scenario.h"

#define HOUR 3600LL
#define DAY  86400LL

/* 2026-12-04, a Friday, as a China-time day number (days since 1970-01-01). */
static long
friday(void)
{
	return 20791;
}

static long long
local(long day, int h, int m)
{
	return (long long)day * DAY - DEMO_TZ_SECS + h * HOUR + m * 60;
}

static int
local_minute(long long t)
{
	return (int)(((t + DEMO_TZ_SECS) % DAY + DAY) % DAY / 60);
}

static int
local_weekday(long long t)
{
	long d = (long)((t + DEMO_TZ_SECS) / DAY);

	return (int)((d + 4) % 7);
}

static void
test_day_number_is_a_friday(void **state)
{
	(void)state;
	assert_int_equal(local_weekday(local(friday(), 12, 0)), 5);
}

static void
test_rng_same_seed_same_numbers(void **state)
{
	struct demo_rng a, b, c;
	int i, differ = 0;

	(void)state;
	demo_rng_seed(&a, 42);
	demo_rng_seed(&b, 42);
	demo_rng_seed(&c, 43);
	for (i = 0; i < 1000; i++) {
		unsigned long long x = demo_rng_next(&a);

		assert_true(x == demo_rng_next(&b));
		differ += x != demo_rng_next(&c);
	}
	assert_true(differ > 990);
}

static void
test_rng_range_hits_both_ends_only(void **state)
{
	struct demo_rng g;
	int i, lo = 0, hi = 0;

	(void)state;
	demo_rng_seed(&g, 7);
	for (i = 0; i < 10000; i++) {
		long long x = demo_rng_range(&g, -3, 3);

		assert_true(x >= -3 && x <= 3);
		lo += x == -3;
		hi += x == 3;
	}
	assert_true(lo > 1000 && hi > 1000);     /* about 1428 each */
	assert_int_equal(demo_rng_range(&g, 5, 5), 5);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
test_rng_lognormal_has_its_median(void **state)
{
	static double v[4001];
	struct demo_rng g;
	int i;

	(void)state;
	demo_rng_seed(&g, 11);
	for (i = 0; i < 4001; i++) {
		v[i] = demo_rng_lognormal(&g, 60, 0.8);
		assert_true(v[i] > 0);
	}
	qsort(v, 4001, sizeof(v[0]), cmp_double);
	assert_true(v[2000] > 55 && v[2000] < 65);
}

static void
test_rng_weighted_never_picks_zero_weight(void **state)
{
	static const double w[4] = { 1, 0, 3, 0 };
	struct demo_rng g;
	int i, n[4] = { 0, 0, 0, 0 };

	(void)state;
	demo_rng_seed(&g, 3);
	for (i = 0; i < 4000; i++)
		n[demo_rng_weighted(&g, w, 4)]++;
	assert_int_equal(n[1] + n[3], 0);
	assert_true(n[2] > 2 * n[0]);    /* 3:1 */
}

static void
test_staff_after_hand_checked(void **state)
{
	long fri = friday();

	(void)state;
	/* Friday 10:00 + 30 min: 10:30 the same day. */
	assert_int_equal(demo_staff_after(local(fri, 10, 0), 1800), local(fri, 10, 30));
	/* Friday 20:00 + 15 min: Saturday (a working day) 08:45. */
	assert_int_equal(demo_staff_after(local(fri, 20, 0), 900), local(fri + 1, 8, 45));
	/* Saturday 17:50 + 30 min: 10 min left, Sunday closed, Monday 08:50. */
	assert_int_equal(demo_staff_after(local(fri + 1, 17, 50), 1800), local(fri + 3, 8, 50));
}

static void
test_customer_after_waking_hours(void **state)
{
	struct demo_rng g;
	long fri = friday();
	int i;

	(void)state;
	demo_rng_seed(&g, 5);
	assert_int_equal(demo_customer_after(&g, local(fri, 12, 0), 3600), local(fri, 13, 0));
	for (i = 0; i < 200; i++) {
		long long late = demo_customer_after(&g, local(fri, 21, 30), 3600);
		long long night = demo_customer_after(&g, local(fri, 1, 0), 3600);

		assert_true(late >= local(fri + 1, 8, 0) && late <= local(fri + 1, 10, 0));
		assert_true(night >= local(fri, 8, 0) && night <= local(fri, 9, 30));
	}
}

static void
test_created_times_by_channel(void **state)
{
	struct demo_rng g;
	long fri = friday(), sun = fri + 2;
	int i;

	(void)state;
	demo_rng_seed(&g, 9);
	for (i = 0; i < 500; i++) {
		long long p = demo_pick_created(&g, fri, TC_PHONE);
		long long s = demo_pick_created(&g, sun, TC_PHONE);
		long long n = demo_pick_created(&g, fri, TC_PLAN);
		long long w = demo_pick_created(&g, fri, TC_WECHAT);

		assert_true(local_minute(p) >= 8 * 60 + 30 && local_minute(p) < 18 * 60);
		assert_true(local_minute(s) >= 9 * 60 && local_minute(s) < 17 * 60);
		assert_true(local_minute(n) >= 2 * 60 + 15 && local_minute(n) <= 2 * 60 + 20);
		assert_true(w >= local(fri, 0, 0) && w < local(fri + 1, 0, 0));
		assert_int_equal(local_weekday(s), 0);
	}
}

static void
test_improvement_ramp(void **state)
{
	(void)state;
	assert_true(demo_improvement(-90) == 0);
	assert_true(demo_improvement(-35) == 0);
	assert_true(demo_improvement(-30) > 0.5 && demo_improvement(-30) < 0.6);
	assert_true(demo_improvement(-26) == 1);
	assert_true(demo_improvement(0) == 1);
}

/* ---- The whole plan. */

static struct arena arena;
static struct demo_scenario plan;

static int
build(void **state)
{
	(void)state;
	arena_init(&arena);
	demo_scenario_build(&arena, DEMO_SEED, friday(), &plan);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&arena);
	return 0;
}

static void
test_same_seed_same_plan_other_seed_other(void **state)
{
	struct arena a;
	struct demo_scenario again, other;
	size_t i, same = 0;

	(void)state;
	arena_init(&a);
	demo_scenario_build(&a, DEMO_SEED, friday(), &again);
	demo_scenario_build(&a, DEMO_SEED + 1, friday(), &other);
	assert_int_equal(again.n, plan.n);
	for (i = 0; i < plan.n; i++) {
		assert_int_equal(again.t[i].nsteps, plan.t[i].nsteps);
		assert_memory_equal(again.t[i].steps, plan.t[i].steps,
		    plan.t[i].nsteps * sizeof(plan.t[i].steps[0]));
		assert_string_equal(again.t[i].name, plan.t[i].name);
		assert_string_equal(again.t[i].address, plan.t[i].address);
		assert_string_equal(again.t[i].description, plan.t[i].description);
	}
	for (i = 0; i < plan.n && i < other.n; i++)
		same += other.t[i].steps[0].at == plan.t[i].steps[0].at;
	assert_true(same < plan.n / 10);
	arena_free(&a);
}

static void
test_about_3000_tickets_every_channel_and_category(void **state)
{
	size_t i, ncat, by_channel[TC__MAX] = { 0 }, by_cat[16] = { 0 };

	(void)state;
	demo_categories(&ncat);
	assert_true(plan.n > 2800 && plan.n < 3200);
	for (i = 0; i < plan.n; i++) {
		by_channel[plan.t[i].channel]++;
		by_cat[plan.t[i].category]++;
	}
	for (i = 0; i < TC__MAX; i++)   /* walk-ins came after the replayed period */
		assert_true(i == TC_WALKIN ? by_channel[i] == 0 : by_channel[i] > 50);
	for (i = 0; i < ncat; i++)
		assert_true(by_cat[i] > 50);
}

static void
test_steps_in_time_order_from_creation(void **state)
{
	size_t i, k;

	(void)state;
	for (i = 0; i < plan.n; i++) {
		const struct demo_plan *p = &plan.t[i];

		assert_true(p->nsteps >= 2 && p->nsteps <= DEMO_MAX_STEPS);
		assert_int_equal(p->steps[0].act, DA_CREATE);
		for (k = 1; k < p->nsteps; k++) {
			assert_true(p->steps[k].at > p->steps[k - 1].at);
			assert_true(p->steps[k].act != DA_CREATE);
		}
	}
}

/* Technicians arrive and agents dispatch in working hours only. */
static void
test_staff_steps_in_business_hours(void **state)
{
	size_t i, k;

	(void)state;
	for (i = 0; i < plan.n; i++)
		for (k = 0; k < plan.t[i].nsteps; k++) {
			const struct demo_step *s = &plan.t[i].steps[k];
			int m = local_minute(s->at);

			if (s->act != DA_ARRIVE && s->act != DA_ASSIGN && s->act != DA_AUTO_DISPATCH &&
			    s->act != DA_REOPEN)
				continue;
			assert_true(m >= 8 * 60 + 30 && m <= 18 * 60);
			assert_true(local_weekday(s->at) != 0);
		}
}

static void
test_every_stage_of_the_loop_occurs(void **state)
{
	size_t i, k, seen[DA__MAX] = { 0 }, complaints = 0, two_visits = 0;

	(void)state;
	for (i = 0; i < plan.n; i++) {
		size_t arrivals = 0;

		for (k = 0; k < plan.t[i].nsteps; k++) {
			const struct demo_step *s = &plan.t[i].steps[k];
			const char *c = s->act == DA_RATE ? demo_comment(s->arg) : NULL;

			seen[s->act]++;
			arrivals += s->act == DA_ARRIVE;
			complaints += c != NULL && strstr(c, "投诉") != NULL;
			if (s->act != DA_RATE && s->act != DA_CREATE && s->act != DA_PART)
				assert_true(demo_text(s->act, s->arg) != NULL ||
				    (s->act != DA_ACCEPT && s->act != DA_ASK &&
				    s->act != DA_CUSTOMER_REPLY && s->act != DA_FINISH &&
				    s->act != DA_REPLY && s->act != DA_CANCEL));
			if (s->act == DA_RATE)
				assert_true(demo_rating(s->arg) >= 1 && demo_rating(s->arg) <= 5);
		}
		two_visits += arrivals >= 2;
	}
	for (i = 0; i < DA__MAX; i++)
		assert_true(seen[i] > 0);
	assert_true(complaints >= 10);
	assert_true(two_visits > 100);
}

/* The last 30 days look better than the first 55: faster dispatch,
 * fewer repeat visits, happier and more answered surveys. */
struct period {
	double dispatch_min[4000];
	size_t ndispatch, tickets, repeat, visited, rated, resolved;
	double rating_sum;
};

static void
period_add(struct period *pd, const struct demo_plan *p)
{
	size_t k, arrivals = 0;
	int resolved = 0;

	pd->tickets++;
	for (k = 0; k < p->nsteps; k++) {
		const struct demo_step *s = &p->steps[k];

		if ((s->act == DA_ASSIGN || s->act == DA_AUTO_DISPATCH) && pd->ndispatch < 4000)
			pd->dispatch_min[pd->ndispatch++] = (double)(s->at - p->steps[0].at) / 60;
		arrivals += s->act == DA_ARRIVE;
		resolved |= s->act == DA_RESOLVE;
		if (s->act == DA_RATE) {
			pd->rated++;
			pd->rating_sum += demo_rating(s->arg);
		}
	}
	pd->visited += arrivals > 0;
	pd->repeat += arrivals > 1;
	pd->resolved += resolved;
}

static void
test_last_30_days_improve(void **state)
{
	static struct period before, after;
	size_t i;
	double m0, m1;

	(void)state;
	for (i = 0; i < plan.n; i++) {
		long day = (long)((plan.t[i].steps[0].at + DEMO_TZ_SECS) / DAY);

		if (day - friday() <= -35)
			period_add(&before, &plan.t[i]);
		else if (day - friday() >= -26)
			period_add(&after, &plan.t[i]);
	}
	qsort(before.dispatch_min, before.ndispatch, sizeof(double), cmp_double);
	qsort(after.dispatch_min, after.ndispatch, sizeof(double), cmp_double);
	m0 = before.dispatch_min[before.ndispatch / 2];
	m1 = after.dispatch_min[after.ndispatch / 2];
	assert_true(m1 < m0 / 2);
	assert_true((double)after.repeat / after.visited < (double)before.repeat / before.visited);
	assert_true(after.rating_sum / after.rated > before.rating_sum / before.rated + 0.2);
	assert_true((double)after.rated / after.resolved > (double)before.rated / before.resolved);
}

static void
test_parts_of_every_category(void **state)
{
	size_t i, n, nc;
	const struct demo_category *c = demo_categories(&nc);
	const struct demo_part *p = demo_parts(&n);

	(void)state;
	for (i = 0; i < nc; i++) {
		size_t k = demo_part_of(c[i].code, 0);

		assert_true(k < n);
		assert_string_equal(p[k].category, c[i].code);
		assert_string_equal(p[demo_part_of(c[i].code, 99)].category, c[i].code);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_day_number_is_a_friday),
		cmocka_unit_test(test_rng_same_seed_same_numbers),
		cmocka_unit_test(test_rng_range_hits_both_ends_only),
		cmocka_unit_test(test_rng_lognormal_has_its_median),
		cmocka_unit_test(test_rng_weighted_never_picks_zero_weight),
		cmocka_unit_test(test_staff_after_hand_checked),
		cmocka_unit_test(test_customer_after_waking_hours),
		cmocka_unit_test(test_created_times_by_channel),
		cmocka_unit_test(test_improvement_ramp),
		cmocka_unit_test(test_parts_of_every_category),
		/* the whole plan, built once by the group's setup */
		cmocka_unit_test(test_same_seed_same_plan_other_seed_other),
		cmocka_unit_test(test_about_3000_tickets_every_channel_and_category),
		cmocka_unit_test(test_steps_in_time_order_from_creation),
		cmocka_unit_test(test_staff_steps_in_business_hours),
		cmocka_unit_test(test_every_stage_of_the_loop_occurs),
		cmocka_unit_test(test_last_30_days_improve),
	};

	return cmocka_run_group_tests(tests, build, teardown);
}
