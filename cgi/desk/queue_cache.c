/* Per-worker copies of the queue's filter lists and counts: the rules are
 * in queue_cache.h, the freshness test in cgi/core/worker_cache.h.
 * These are process data, not request data: they hold no user's input and
 * are the same for every user of a scope. */
#include "queue_cache.h"
#include "queue_db.h"
#include "arena.h"
#include "auth.h"
#include "http.h"
#include "frag_cache.h"
#include "worker_cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TECH_SLOTS 16   /* technicians' counts kept per worker */
#define PAGE_SLOTS 8    /* pages of plain views kept per worker */
#define PAGE_KEY   64
#define VIEW_SLOTS 32   /* users' saved views kept per worker */

#define KEYS_COLS \
    "(SELECT value FROM settings WHERE name = 'desk_lists_version')," \
    " (SELECT COALESCE(MAX(id), 0) FROM ticket_events)," \
    " (SELECT value FROM settings WHERE name = 'saved_views_version')"
#define KEYS_NCOLS 3

static struct db_q q_keys = DB_Q("SELECT " KEYS_COLS);
struct db_q queue_session_q = DB_Q(AUTH_SESSION_SELECT(", " KEYS_COLS) AUTH_SESSION_WHERE);
static struct db_q q_views = DB_Q(
    "SELECT id, name, query FROM saved_views WHERE user_id = ? ORDER BY name, id LIMIT 30");
static struct db_q q_categories = DB_Q(
    "SELECT id, name_zh, name_en FROM categories ORDER BY sort, id");
static struct db_q q_teams = DB_Q("SELECT id, name FROM teams ORDER BY id");
static struct db_q q_technicians = DB_Q(
    "SELECT id, name FROM users WHERE role = 'technician' AND active = 1 ORDER BY name, id");

enum { L_CATS, L_TEAMS, L_TECHS, L__MAX };

static struct {
	struct worker_stamp stamp;
	struct db_res      *res[L__MAX];
} lists;

struct counts_slot {
	struct worker_stamp stamp;
	long long           who;
	struct queue_counts c;
};

static struct counts_slot all_counts;
static struct counts_slot tech_counts[TECH_SLOTS];

enum db_rc
queue_cache_keys(const struct req *r, struct queue_keys *out)
{
	const struct db_res *res = r->session_row;
	struct db_res *own;
	size_t c = AUTH_SESSION_NCOLS;
	enum db_rc rc;

	if (res == NULL || r->session_q != &queue_session_q ||
	    res->ncols != AUTH_SESSION_NCOLS + KEYS_NCOLS) {
		if ((rc = db_query(r->a, &q_keys, &own, "")) != DB_OK)
			return rc;
		res = own;
		c = 0;
	}
	/* A database without the row (before migration 031) never caches lists. */
	out->lists_version = db_get(res, 0, c) != NULL ? db_get_int(res, 0, c) : -1;
	out->last_event = db_get_int(res, 0, c + 1);
	out->views_version = db_get(res, 0, c + 2) != NULL ? db_get_int(res, 0, c + 2) : -1;
	return DB_OK;
}

/* A copy of res in one malloc'd block (the process keeps it). */
static struct db_res *
res_keep(const struct db_res *res)
{
	size_t cells = res->nrows * res->ncols, i, bytes = 0;
	struct db_res *k;
	char *p;

	for (i = 0; i < cells; i++)
		bytes += res->v[i] != NULL ? res->len[i] + 1 : 0;
	k = malloc(sizeof(*k) + cells * (sizeof(char *) + sizeof(unsigned long)) + bytes + 1);
	if (k == NULL)
		abort();   /* out of memory is fatal, as everywhere */
	k->nrows = res->nrows;
	k->ncols = res->ncols;
	k->v = (char **)(k + 1);
	k->len = (unsigned long *)(k->v + cells);
	p = (char *)(k->len + cells);
	for (i = 0; i < cells; i++) {
		k->len[i] = res->len[i];
		k->v[i] = NULL;
		if (res->v[i] != NULL) {
			memcpy(p, res->v[i], res->len[i]);
			p[res->len[i]] = '\0';
			k->v[i] = p;
			p += res->len[i] + 1;
		}
	}
	return k;
}

enum db_rc
queue_cache_lists(struct arena *a, const struct queue_keys *k, struct queue_lists *out)
{
	struct db_q *q[L__MAX] = { &q_categories, &q_teams, &q_technicians };
	struct db_res *res[L__MAX];
	enum db_rc rc;
	int i;

	if (k->lists_version < 0 || !worker_stamp_fresh(&lists.stamp, k->lists_version,
	    time(NULL), 0)) {
		for (i = 0; i < L__MAX; i++)
			if ((rc = db_query(a, q[i], &res[i], "")) != DB_OK)
				return rc;
		for (i = 0; i < L__MAX; i++) {
			free(lists.res[i]);
			lists.res[i] = res_keep(res[i]);
		}
		worker_stamp_set(&lists.stamp, k->lists_version, time(NULL));
	}
	out->cats = lists.res[L_CATS];
	out->teams = lists.res[L_TEAMS];
	out->techs = lists.res[L_TECHS];
	return DB_OK;
}

/* The slot of who: its own, else the oldest (0: everybody's). */
static struct counts_slot *
slot_of(long long who)
{
	struct counts_slot *old = &tech_counts[0];
	size_t i;

	if (who == 0)
		return &all_counts;
	for (i = 0; i < TECH_SLOTS; i++) {
		if (tech_counts[i].stamp.valid && tech_counts[i].who == who)
			return &tech_counts[i];
		if (!tech_counts[i].stamp.valid ||
		    (old->stamp.valid && tech_counts[i].stamp.at < old->stamp.at))
			old = &tech_counts[i];
	}
	return old;
}

enum db_rc
queue_cache_counts(struct arena *a, const struct queue_keys *k, long long only_assignee,
    struct queue_counts *out)
{
	struct counts_slot *s = slot_of(only_assignee);
	time_t now = time(NULL);
	enum db_rc rc;

	if (s->who != only_assignee ||
	    !worker_stamp_fresh(&s->stamp, k->last_event, now, QUEUE_COUNTS_TTL)) {
		s->stamp.valid = 0;
		if ((rc = queue_count_open(a, only_assignee, s->c.by_status)) != DB_OK ||
		    (rc = queue_count_marked(a, only_assignee, &s->c.flagged, &s->c.replied))
		    != DB_OK)
			return rc;
		s->who = only_assignee;
		worker_stamp_set(&s->stamp, k->last_event, now);
	}
	*out = s->c;
	out->until = s->stamp.at + QUEUE_COUNTS_TTL;
	return DB_OK;
}

/* Saved views: one slot per user, the one filled longest ago replaced. */
struct views_slot {
	struct worker_stamp stamp;
	long long           user;
	struct db_res      *res;
};

static struct views_slot views_slots[VIEW_SLOTS];

enum db_rc
queue_cache_views(struct arena *a, const struct queue_keys *k, long long user_id,
    const struct db_res **out)
{
	struct views_slot *s = &views_slots[0];
	struct db_res *res;
	time_t now = time(NULL);
	enum db_rc rc;
	size_t i;

	for (i = 0; i < VIEW_SLOTS; i++) {
		if (views_slots[i].stamp.valid && views_slots[i].user == user_id) {
			s = &views_slots[i];
			break;
		}
		if (!views_slots[i].stamp.valid ||
		    (s->stamp.valid && views_slots[i].stamp.at < s->stamp.at))
			s = &views_slots[i];
	}
	if (k->views_version >= 0 && s->user == user_id &&
	    worker_stamp_fresh(&s->stamp, k->views_version, now, 0)) {
		*out = s->res;
		return DB_OK;
	}
	if ((rc = db_query(a, &q_views, &res, "i", user_id)) != DB_OK)
		return rc;
	*out = res;
	if (k->views_version < 0)   /* before migration 042: never kept */
		return DB_OK;
	free(s->res);
	s->res = res_keep(res);
	s->user = user_id;
	worker_stamp_set(&s->stamp, k->views_version, now);
	return DB_OK;
}

struct page_slot {
	struct worker_stamp stamp;
	char                key[PAGE_KEY];
	struct queue_page   pg;      /* rows and their strings: one malloc'd block */
};

static struct page_slot pages[PAGE_SLOTS];

int
queue_cache_page_get(struct arena *a, const struct queue_keys *k, const char *key,
    struct queue_page *out, time_t *until)
{
	size_t i;

	for (i = 0; i < PAGE_SLOTS; i++) {
		struct page_slot *p = &pages[i];

		if (!p->stamp.valid || strcmp(p->key, key) != 0)
			continue;
		if (!worker_stamp_fresh(&p->stamp, k->last_event, time(NULL), QUEUE_COUNTS_TTL))
			return 0;
		*out = p->pg;
		*until = p->stamp.at + QUEUE_COUNTS_TTL;
		out->rows = arena_alloc(a, (p->pg.nrows + 1) * sizeof(*out->rows));
		memcpy(out->rows, p->pg.rows, p->pg.nrows * sizeof(*out->rows));
		return 1;
	}
	return 0;
}

/* Bytes of the strings of row q, with their NULs. */
static size_t
row_bytes(const struct queue_row *q)
{
	return strlen(q->number) + strlen(q->category_zh) + strlen(q->category_en) +
	    strlen(q->customer) + strlen(q->product) + strlen(q->assignee) + strlen(q->created) +
	    strlen(q->flag_phrases) + 8 +
	    (q->created_local != NULL ? strlen(q->created_local) + 1 : 0) +
	    (q->due_local != NULL ? strlen(q->due_local) + 1 : 0);
}

/* s copied at *p, which moves past it. */
static const char *
put_str(char **p, const char *s)
{
	size_t n = strlen(s) + 1;
	char *at = *p;

	memcpy(at, s, n);
	*p += n;
	return at;
}

void
queue_cache_page_put(const struct queue_keys *k, const char *key, const struct queue_page *pg)
{
	struct page_slot *p = &pages[0];
	size_t i, bytes = 0;
	char *mem;

	if (strlen(key) >= PAGE_KEY)
		return;
	for (i = 0; i < PAGE_SLOTS; i++) {
		if (pages[i].stamp.valid && strcmp(pages[i].key, key) == 0) {
			p = &pages[i];
			break;
		}
		if (!pages[i].stamp.valid || (p->stamp.valid && pages[i].stamp.at < p->stamp.at))
			p = &pages[i];
	}
	for (i = 0; i < pg->nrows; i++)
		bytes += row_bytes(&pg->rows[i]);
	free(p->pg.rows);
	p->stamp.valid = 0;
	p->pg = *pg;
	p->pg.rows = malloc(pg->nrows * sizeof(*pg->rows) + bytes + 1);
	if (p->pg.rows == NULL)
		abort();   /* out of memory is fatal, as everywhere */
	mem = (char *)(p->pg.rows + pg->nrows);
	for (i = 0; i < pg->nrows; i++) {
		struct queue_row *q = &p->pg.rows[i];

		*q = pg->rows[i];
		q->number = put_str(&mem, q->number);
		q->category_zh = put_str(&mem, q->category_zh);
		q->category_en = put_str(&mem, q->category_en);
		q->customer = put_str(&mem, q->customer);
		q->product = put_str(&mem, q->product);
		q->assignee = put_str(&mem, q->assignee);
		q->created = put_str(&mem, q->created);
		q->flag_phrases = put_str(&mem, q->flag_phrases);
		if (q->created_local != NULL)
			q->created_local = put_str(&mem, q->created_local);
		if (q->due_local != NULL)
			q->due_local = put_str(&mem, q->due_local);
	}
	snprintf(p->key, sizeof(p->key), "%s", key);
	worker_stamp_set(&p->stamp, k->last_event, time(NULL));
}

/* Slots per part: a few views' filter forms and rows (the open queue, its
 * next page, a technician's: a worker stays within 10 MiB), one bulk form
 * per language. A rows part is about 45 KB, a filter form 12 KB. */
static struct frag summary_slots[8], filter_slots[4], bulk_slots[2], rows_slots[4];
static struct frag_cache parts[QP__MAX] = {
	[QP_SUMMARY] = { summary_slots, sizeof(summary_slots) / sizeof(summary_slots[0]), 0 },
	[QP_FILTERS] = { filter_slots, sizeof(filter_slots) / sizeof(filter_slots[0]), 0 },
	[QP_BULK]    = { bulk_slots, sizeof(bulk_slots) / sizeof(bulk_slots[0]), 0 },
	[QP_ROWS]    = { rows_slots, sizeof(rows_slots) / sizeof(rows_slots[0]), 0 },
};

struct frag_cache *
queue_cache_part(enum queue_part p)
{
	return &parts[p];
}
