/* sl-cli demo-history: replays the scenario of demo_scenario.c — about
 * 3,000 tickets over the last 90 days — through the same ticket functions
 * as the pages (ticket.h, parts_use.h, the keyword rules they call), each
 * step at its own moment of the past: the domain clock (clock.h) is set
 * to the step's time first, so C and SQL ("UTC_TIMESTAMP()") both see it.
 * Steps are replayed in time order across all tickets (auto-dispatch sees
 * the open work of that moment); a ticket stops at the present moment, so
 * the recent ones are still open. Afterwards the clock is real again and
 * the metric pre-aggregates are rebuilt, so the dashboard is right at once.
 *
 * Idempotent: the setting demo_history_loaded marks a finished load, and
 * each ticket has a fixed form token (a load run again after an
 * interruption makes only the tickets still missing). Not for the test
 * stack: the tests count their own tickets. */
#include "arena.h"
#include "auth.h"
#include "clock.h"
#include "db.h"
#include "demo.h"
#include "demo_scenario.h"
#include "metrics.h"
#include "parts_use.h"
#include "ticket.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DEMO_PASSWORD "demo1234"
#define REFRESH_TRIES 120

static struct db_q q_loaded = DB_Q(
    "SELECT value FROM settings WHERE name = 'demo_history_loaded'");
static struct db_q q_mark = DB_Q(
    "INSERT INTO settings (name, value) VALUES ('demo_history_loaded', ?)"
    " ON DUPLICATE KEY UPDATE value = VALUES(value)");
static struct db_q q_user = DB_Q("SELECT id FROM users WHERE login = ?");
static struct db_q q_user_add = DB_Q(
    "INSERT INTO users (login, name, role, team_id, region, password_hash)"
    " SELECT ?, ?, 'technician', id, region, ? FROM teams WHERE name = ?");
static struct db_q q_skill = DB_Q(
    "INSERT IGNORE INTO user_skills (user_id, category_id) SELECT u.id, c.id"
    " FROM users u JOIN categories c ON c.code = ? WHERE u.login = ?");
static struct db_q q_techs = DB_Q(
    "SELECT u.id, u.region, c.code FROM users u JOIN user_skills s ON s.user_id = u.id"
    " JOIN categories c ON c.id = s.category_id"
    " WHERE u.role = 'technician' AND u.active = 1 ORDER BY u.id, c.code");
static struct db_q q_category = DB_Q("SELECT id FROM categories WHERE code = ?");
static struct db_q q_location = DB_Q("SELECT id FROM stock_locations WHERE name = ?");
static struct db_q q_part_add = DB_Q(
    "INSERT IGNORE INTO parts (sku, name_zh, name_en, unit, unit_cost, reorder_level,"
    " reorder_qty, lead_time_days, category_id, created_at, updated_at)"
    " SELECT ?, ?, ?, ?, ?, ?, ?, ?, id, UTC_TIMESTAMP(), UTC_TIMESTAMP()"
    " FROM categories WHERE code = ?");
static struct db_q q_part_id = DB_Q("SELECT id FROM parts WHERE sku = ?");
/* Stock received (the desk's "receive", one transaction with its move). */
static struct db_q q_stock_add = DB_Q(
    "INSERT INTO part_stock (part_id, location_id, qty, updated_at)"
    " VALUES (?, ?, ?, UTC_TIMESTAMP())"
    " ON DUPLICATE KEY UPDATE qty = qty + VALUES(qty), updated_at = UTC_TIMESTAMP()");
static struct db_q q_stock_move = DB_Q(
    "INSERT INTO stock_moves (part_id, location_id, delta, reason, ticket_id, actor_id, note, at)"
    " VALUES (?, ?, ?, 'receive', NULL, ?, '月度补货', UTC_TIMESTAMP())");
static struct db_q q_row = DB_Q(
    "SELECT version, priority, status = 'reopened' FROM tickets WHERE id = ?");
/* The pre-aggregates are rebuilt from scratch (as after a migration that
 * changes them): the history lies in the past, where the incremental
 * refresh does not look. */
static struct db_q q_metric_reset = DB_Q(
    "UPDATE metric_state SET refreshed_at = NULL, build_started = NULL, build_next_id = NULL"
    " WHERE id = 1");
static struct db_q q_metric_done = DB_Q(
    "SELECT refreshed_at IS NOT NULL FROM metric_state WHERE id = 1");

/* The technicians the history adds to tech and tech2 (demo-tickets). */
static const struct {
	const char *login, *name, *team, *skills[6];
} techs[] = {
	{ "tech3", "刘师傅 Liu", "华东服务中心", { "ac", "tv", "washer", "other", NULL } },
	{ "tech4", "孙师傅 Sun", "华东服务中心", { "fridge", "water_heater", "ac", "tv", "other", NULL } },
	{ "tech5", "黄师傅 Huang", "华南服务中心",
	  { "ac", "fridge", "washer", "water_heater", "other", NULL } },
	{ "tech6", "林师傅 Lin", "华南服务中心", { "fridge", "washer", "tv", "other", NULL } },
};

#define MAX_SKILLS 256

/* What the replay needs to know about the staff, categories and stock. */
struct world {
	long long agent;
	long long category[8];                  /* by demo_categories() index */
	long long location[DEMO_CITY__MAX];     /* the warehouse serving the city */
	long long *part;                        /* by demo_parts() index */
	struct { long long id; const char *region, *code; } skill[MAX_SKILLS];
	size_t    nskills;
};

/* A ticket while it is replayed. */
struct run {
	long long id, tech, visit;
	int       stopped;     /* made by an earlier load, or failed */
};

/* One step of the replay: ticket step (ticket, step) or a stock delivery. */
struct ev {
	long long at;
	size_t    ticket, step;    /* ticket == (size_t)-1: delivery number `step` */
};

static long long
id_of(struct arena *a, struct db_q *q, const char *key)
{
	struct db_res *res;

	if (db_query(a, q, &res, "s", key) != DB_OK || res->nrows == 0)
		return 0;
	return db_get_int(res, 0, 0);
}

static int
add_technicians(struct arena *a)
{
	char hash[128];
	size_t i, k;

	for (i = 0; i < sizeof(techs) / sizeof(techs[0]); i++) {
		if (id_of(a, &q_user, techs[i].login) == 0 &&
		    (password_hash(DEMO_PASSWORD, hash) != 0 ||
		    db_exec(&q_user_add, NULL, "ssss", techs[i].login, techs[i].name, hash,
		    techs[i].team) != DB_OK))
			return -1;
		for (k = 0; techs[i].skills[k] != NULL; k++)
			if (db_exec(&q_skill, NULL, "ss", techs[i].skills[k], techs[i].login) != DB_OK)
				return -1;
	}
	return 0;
}

static int
add_parts(struct arena *a, struct world *w)
{
	size_t i, n;
	const struct demo_part *p = demo_parts(&n);

	w->part = arena_zalloc(a, sizeof(*w->part) * n);
	for (i = 0; i < n; i++) {
		if (db_exec(&q_part_add, NULL, "ssssdiiis", p[i].sku, p[i].name_zh, p[i].name_en,
		    p[i].unit, p[i].unit_cost, (long long)p[i].reorder_level,
		    (long long)p[i].reorder_qty, (long long)p[i].lead_days, p[i].category) != DB_OK)
			return -1;
		if ((w->part[i] = id_of(a, &q_part_id, p[i].sku)) == 0)
			return -1;
	}
	return 0;
}

static int
load_world(struct arena *a, struct world *w)
{
	const struct demo_category *c;
	struct db_res *res;
	size_t i, n;

	memset(w, 0, sizeof(*w));
	if ((w->agent = id_of(a, &q_user, "agent")) == 0)
		return -1;
	c = demo_categories(&n);
	for (i = 0; i < n && i < 8; i++)
		if ((w->category[i] = id_of(a, &q_category, c[i].code)) == 0)
			return -1;
	w->location[DEMO_SHANGHAI] = id_of(a, &q_location, "上海仓");
	w->location[DEMO_GUANGZHOU] = id_of(a, &q_location, "广州仓");
	if (w->location[DEMO_SHANGHAI] == 0 || w->location[DEMO_GUANGZHOU] == 0 ||
	    add_technicians(a) != 0 || add_parts(a, w) != 0 ||
	    db_query(a, &q_techs, &res, "") != DB_OK)
		return -1;
	for (i = 0; i < res->nrows && w->nskills < MAX_SKILLS; i++, w->nskills++) {
		w->skill[w->nskills].id = db_get_int(res, i, 0);
		w->skill[w->nskills].region = db_gets(res, i, 1);
		w->skill[w->nskills].code = db_gets(res, i, 2);
	}
	return 0;
}

static const char *
category_code(const struct demo_plan *p)
{
	size_t n;

	return demo_categories(&n)[p->category].code;
}

/* The agent's pick: the pick-th technician of the category in the
 * ticket's city (0 when there is none: the load stops). */
static long long
pick_technician(const struct world *w, const struct demo_plan *p, int pick)
{
	const char *code = category_code(p);
	const char *city = demo_city_name(p->city);
	long long ids[MAX_SKILLS];
	size_t i, n = 0;

	for (i = 0; i < w->nskills; i++)
		if (strcmp(w->skill[i].code, code) == 0 && strcmp(w->skill[i].region, city) == 0)
			ids[n++] = w->skill[i].id;
	return n > 0 ? ids[(size_t)pick % n] : 0;
}

/* The warehouse a technician takes parts from: their region's. */
static long long
location_of(const struct world *w, long long tech)
{
	size_t i;

	for (i = 0; i < w->nskills; i++)
		if (w->skill[i].id == tech && strcmp(w->skill[i].region, "广州") == 0)
			return w->location[DEMO_GUANGZHOU];
	return w->location[DEMO_SHANGHAI];
}

static int
ticket_row(struct arena *a, long long id, unsigned *version, enum ticket_priority *pr,
    int *reopened)
{
	struct db_res *res;

	if (db_query(a, &q_row, &res, "i", id) != DB_OK || res->nrows != 1)
		return -1;
	*version = (unsigned)db_get_int(res, 0, 0);
	*pr = ticket_priority_parse(db_gets(res, 0, 1));
	*reopened = (int)db_get_int(res, 0, 2);
	return 0;
}

static enum ticket_rc
step_create(struct arena *a, const struct world *w, size_t i, const struct demo_plan *p,
    struct run *r)
{
	struct ticket_actor who = { ACTOR_CUSTOMER, 0 };
	struct ticket_input in;
	struct ticket_ref ref;
	enum ticket_rc rc;

	memset(&in, 0, sizeof(in));
	in.channel = p->channel;
	in.priority = TP_NORMAL;
	in.category_id = w->category[p->category];
	in.name = p->name;
	in.phone = p->phone;
	in.product = p->product;
	in.address = p->address;
	in.description = p->description;
	in.form_token = arena_printf(a, "demo-history-%04zu", i);
	if (p->channel == TC_PHONE)
		who = (struct ticket_actor){ ACTOR_STAFF, w->agent };
	else if (p->channel == TC_API)
		who.kind = ACTOR_API;
	else if (p->channel == TC_PLAN)
		who.kind = ACTOR_SYSTEM;
	if ((rc = ticket_create(a, &in, NULL, 0, &who, &ref)) != TK_OK)
		return rc;
	r->id = ref.id;
	r->stopped = ref.existed;     /* loaded before: leave it as it is */
	return TK_OK;
}

static enum ticket_rc
step_part(struct arena *a, const struct world *w, const struct demo_plan *p,
    const struct demo_step *s, struct run *r, size_t *short_parts)
{
	const char *code = category_code(p);
	struct parts_use u;
	enum parts_use_rc pr;
	enum db_rc drc;

	u.ticket = r->id;
	u.part = w->part[demo_part_of(code, s->arg % 4)];
	u.location = location_of(w, r->tech);
	u.qty = 1;
	u.actor = r->tech;
	u.only_assignee = r->tech;
	u.location_name = u.location == w->location[DEMO_GUANGZHOU] ? "广州仓" : "上海仓";
	pr = parts_use_record(a, &u, &drc);
	if (pr == PARTS_USE_SHORT) {   /* out of stock: the technician makes do */
		(*short_parts)++;
		return TK_OK;
	}
	return pr == PARTS_USE_OK ? TK_OK : TK_ERR;
}

static enum ticket_rc
step_assign(struct arena *a, const struct world *w, const struct demo_plan *p,
    const struct demo_step *s, struct run *r, unsigned version)
{
	const struct ticket_actor desk = { ACTOR_STAFF, w->agent };
	enum ticket_rc rc;

	if (s->act == DA_AUTO_DISPATCH) {
		if ((rc = ticket_auto_dispatch(a, r->id, version, &desk, &r->tech)) != TK_OK)
			return rc;
		if (r->tech > 0)
			return TK_OK;
	}
	if ((r->tech = pick_technician(w, p, s->arg)) == 0)
		return TK_INVALID;
	return ticket_assign(a, r->id, version, r->tech, 0, &desk);
}

/* 1 when the step's function takes the ticket's version (optimistic
 * locking, as a page's form carries it). */
static int
needs_version(unsigned char act)
{
	switch (act) {
	case DA_CUSTOMER_REPLY: case DA_ARRIVE: case DA_PART: case DA_FINISH: case DA_REPLY:
	case DA_RATE:
		return 0;
	default:
		return 1;
	}
}

/* Replay step s of ticket p (run state r). */
static enum ticket_rc
step_run(struct arena *a, const struct world *w, size_t i, const struct demo_plan *p,
    const struct demo_step *s, struct run *r, size_t *short_parts)
{
	const struct ticket_actor desk = { ACTOR_STAFF, w->agent };
	const struct ticket_actor field = { ACTOR_STAFF, r->tech };
	enum ticket_priority pr = TP_NORMAL;
	unsigned v = 0;
	int reopened = 0;

	if (s->act == DA_CREATE)
		return step_create(a, w, i, p, r);
	if (needs_version(s->act) && ticket_row(a, r->id, &v, &pr, &reopened) != 0)
		return TK_ERR;
	switch ((enum demo_act)s->act) {
	case DA_ACCEPT:
		return ticket_change_status(a, r->id, v, TS_ACCEPTED, &desk, demo_text(DA_ACCEPT, s->arg));
	case DA_PRIORITY:   /* a keyword may have raised it already */
		return pr >= TP_HIGH ? TK_OK : ticket_set_priority(a, r->id, v, TP_HIGH, &desk);
	case DA_ASK:
		return ticket_change_status(a, r->id, v, TS_WAITING_CUSTOMER,
		    r->tech > 0 ? &field : &desk, demo_text(DA_ASK, s->arg));
	case DA_CUSTOMER_REPLY:
		return ticket_customer_reply(a, r->id, demo_text(DA_CUSTOMER_REPLY, s->arg), NULL, 0,
		    NULL);
	case DA_ASSIGN: case DA_AUTO_DISPATCH:
		return step_assign(a, w, p, s, r, v);
	case DA_ARRIVE:
		return ticket_visit_arrive(a, r->id, r->tech, &r->visit);
	case DA_PART:
		return step_part(a, w, p, s, r, short_parts);
	case DA_FINISH:
		return ticket_visit_finish(a, r->id, r->visit, r->tech, demo_text(DA_FINISH, s->arg));
	case DA_WAIT_PARTS:
		return ticket_change_status(a, r->id, v, TS_WAITING_PARTS, &field, NULL);
	case DA_REPLY:
		return ticket_reply(a, r->id, &desk, 1, demo_text(DA_REPLY, s->arg));
	case DA_RESOLVE:
		return ticket_change_status(a, r->id, v, TS_RESOLVED, s->arg ? &desk : &field, NULL);
	case DA_REOPEN:     /* the customer's "not fixed" reopened it already */
		return reopened ? TK_OK : ticket_change_status(a, r->id, v, TS_REOPENED, &desk,
		    demo_text(DA_REOPEN, 0));
	case DA_CLOSE:
		return ticket_change_status(a, r->id, v, TS_CLOSED, &desk, NULL);
	case DA_CANCEL:
		return ticket_change_status(a, r->id, v, TS_CANCELLED, &desk,
		    demo_text(DA_CANCEL, s->arg));
	case DA_RATE:
		return ticket_rate(a, r->id, demo_rating(s->arg), demo_comment(s->arg));
	default:
		return TK_ERR;
	}
}

static int
receive(const struct world *w, const struct demo_receive *d)
{
	long long part = w->part[d->part], loc = w->location[d->city];

	if (db_begin() != DB_OK)
		return -1;
	if (db_exec(&q_stock_add, NULL, "iii", part, loc, (long long)d->qty) != DB_OK ||
	    db_exec(&q_stock_move, NULL, "iiii", part, loc, (long long)d->qty, w->agent) != DB_OK) {
		db_rollback();
		return -1;
	}
	return db_commit() == DB_OK ? 0 : -1;
}

static int
ev_cmp(const void *x, const void *y)
{
	const struct ev *a = x, *b = y;

	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	if (a->ticket != b->ticket)
		return a->ticket < b->ticket ? -1 : 1;
	return a->step < b->step ? -1 : a->step > b->step;
}

/* Every step and delivery of both cities up to now, in time order (arena). */
static struct ev *
timeline(struct arena *a, const struct demo_scenario *sc, long long now, size_t *n)
{
	size_t i, k, cap = sc->nr, m = 0;
	struct ev *e;

	for (i = 0; i < sc->n; i++)
		cap += sc->t[i].nsteps;
	e = arena_alloc(a, sizeof(*e) * (cap + 1));
	for (i = 0; i < sc->nr; i++)
		if (sc->r[i].at <= now)
			e[m++] = (struct ev){ sc->r[i].at, (size_t)-1, i };
	for (i = 0; i < sc->n; i++)
		for (k = 0; k < sc->t[i].nsteps && sc->t[i].steps[k].at <= now; k++)
			e[m++] = (struct ev){ sc->t[i].steps[k].at, i, k };
	qsort(e, m, sizeof(*e), ev_cmp);
	*n = m;
	return e;
}

/* What the replay did. */
struct tally {
	size_t steps, made, short_parts;
};

/* One event at its moment; a lock conflict (the day's number counter,
 * with a running stack's own requests) is tried once more. */
static int
replay_one(struct arena *a, const struct world *w, const struct demo_scenario *sc,
    const struct ev *e, struct run *runs, struct tally *t)
{
	const struct demo_plan *p;
	const struct demo_step *s;
	enum ticket_rc trc;
	int tries;

	if (service_clock_set((time_t)e->at) != DB_OK)
		return -1;
	if (e->ticket == (size_t)-1)
		return receive(w, &sc->r[e->step]);
	p = &sc->t[e->ticket];
	s = &p->steps[e->step];
	if (runs[e->ticket].stopped)
		return 0;
	for (tries = 0; tries < 2; tries++)
		if ((trc = step_run(a, w, e->ticket, p, s, &runs[e->ticket], &t->short_parts)) !=
		    TK_CONFLICT)
			break;
	if (trc != TK_OK) {
		fprintf(stderr, "demo-history: ticket %zu step %zu (act %d) failed: %d\n",
		    e->ticket, e->step, s->act, (int)trc);
		return -1;
	}
	if (s->act == DA_CREATE && !runs[e->ticket].stopped)
		t->made++;
	return 0;
}

/* Replay both cities in one stream, in time order, so that ticket ids
 * (and each day's numbers) follow the tickets' creation as on a real desk,
 * where the queue's "newest first" goes by id (two streams side by side
 * were faster but interleaved the ids). 0 or -1. */
static int
replay_all(struct arena *a, const struct world *w, const struct demo_scenario *sc,
    long long now, struct tally *t)
{
	struct run *runs = arena_zalloc(a, sizeof(*runs) * (sc->n + 1));
	struct arena scratch;
	struct ev *e;
	size_t j, n;
	int rc = 0;

	memset(t, 0, sizeof(*t));
	e = timeline(a, sc, now, &n);
	t->steps = n;
	arena_init(&scratch);
	for (j = 0; j < n && rc == 0; j++) {
		arena_reset(&scratch);
		rc = replay_one(&scratch, w, sc, &e[j], runs, t);
	}
	arena_free(&scratch);
	if (service_clock_real() != DB_OK)
		rc = -1;
	return rc;
}

/* Rebuild metric_daily and the other pre-aggregates now, in steps (also
 * `sl-cli metrics-rebuild`). */
int
metrics_rebuild(struct arena *a)
{
	struct db_res *res;
	int i;

	if (db_exec(&q_metric_reset, NULL, "") != DB_OK)
		return -1;
	for (i = 0; i < REFRESH_TRIES; i++) {
		if (metric_refresh(a, 1) != DB_OK ||
		    db_query(a, &q_metric_done, &res, "") != DB_OK || res->nrows != 1)
			return -1;
		if (db_get_int(res, 0, 0) == 1)
			return 0;
		usleep(250000);   /* a worker holds the build: it finishes it */
	}
	return -1;
}

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

int
demo_history(struct arena *a)
{
	struct demo_scenario sc;
	struct timespec t0;
	struct db_res *res;
	struct tally t;
	struct world w;
	long long now = (long long)time(NULL);
	double replayed;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (db_query(a, &q_loaded, &res, "") != DB_OK)
		return 1;
	if (res->nrows > 0) {
		printf("Demo history: loaded already (%s).\n", db_gets(res, 0, 0));
		return 0;
	}
	demo_scenario_build(a, DEMO_SEED, (long)((now + DEMO_TZ_SECS) / 86400), &sc);
	/* The catalogue and the technicians exist before the first day. */
	rc = service_clock_set((time_t)(now - (DEMO_DAYS + 3) * 86400LL)) == DB_OK &&
	    load_world(a, &w) == 0 ? 0 : -1;
	if (service_clock_real() != DB_OK || rc != 0) {
		fprintf(stderr, "demo-history: run `sl-cli demo` and `sl-cli demo-tickets` first\n");
		return 1;
	}
	if (replay_all(a, &w, &sc, now, &t) != 0)
		return 1;
	replayed = seconds_since(&t0);
	if (metrics_rebuild(a) != 0) {
		fprintf(stderr, "demo-history: the metric pre-aggregates were not rebuilt\n");
		return 1;
	}
	if (db_exec(&q_mark, NULL, "s", arena_printf(a, "%zu tickets, %zu steps, %.1f s",
	    t.made, t.steps, seconds_since(&t0))) != DB_OK)
		return 1;
	printf("Demo history: %zu tickets over %d days (%zu steps, %zu parts out of stock)"
	    " in %.1f s (metric pre-aggregates %.1f s of it).\n", t.made, DEMO_DAYS, t.steps,
	    t.short_parts, seconds_since(&t0), seconds_since(&t0) - replayed);
	return 0;
}
