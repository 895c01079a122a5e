/* The queue's reads: see queue_db.h for the plan. Measured at 1M tickets
 * (tests/bench/gen_tickets.sh, tests/bench/gen_tickets_measure.sh). */
#include "queue_db.h"
#include "arena.h"
#include "db.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_LIMIT  "51"     /* QUEUE_PAGE + 1: the extra row says "more" */
#define PROBE_ROWS    100    /* tickets sampled per status where the page starts, */
#define PROBE_LIMIT   "100"  /* the same in SQL */
#define SCAN_SMALL    2000   /* a LIKE walk this short is always fine */
#define FT_MATCH_COST 10     /* rows a walk reads in the time FULLTEXT takes per match */

/* The columns of a row (QC_*). LEFT JOINs keep tickets the first table of
 * every plan: with an inner join the optimizer may start from categories
 * and sort all 900k closed tickets for one page. Walking the primary key
 * backwards ("id < ?") in search of one status is never the plan: how far
 * it goes depends on where that status's tickets happen to lie (in
 * progress ones are recent, stale ones are anywhere), while every status
 * has its own ordered range in the indexes that end in (status, id). */
#define Q_COLS Q_COLS_OF("tickets t IGNORE INDEX (PRIMARY)")
#define Q_COLS_OF(tickets) \
    "SELECT t.id, t.number, t.status, t.priority, c.name_zh, c.name_en, t.customer_name," \
    " t.product, COALESCE(u.name, ''), t.created_at," \
    " COALESCE(UNIX_TIMESTAMP(t.resolve_due), 0)," \
    " COALESCE(UNIX_TIMESTAMP(t.first_response_due), 0)," \
    " t.first_response_at IS NULL, t.sla_paused_since IS NOT NULL," \
    " COALESCE(" Q_OVERDUE ", 0), t.flagged, t.customer_replied" \
    " FROM " tickets \
    " LEFT JOIN categories c ON c.id = t.category_id" \
    " LEFT JOIN users u ON u.id = t.assignee_id"
enum {
	QC_ID, QC_NUMBER, QC_STATUS, QC_PRIORITY, QC_CAT_ZH, QC_CAT_EN, QC_CUSTOMER,
	QC_PRODUCT, QC_ASSIGNEE, QC_CREATED, QC_RESOLVE_DUE, QC_RESPONSE_DUE,
	QC_RESPONSE_PENDING, QC_PAUSED, QC_OVERDUE, QC_FLAGGED, QC_REPLIED
};

/* Past a due time; the ticket page's definition (a paused clock counts up
 * to the pause). Only meaningful for open statuses. */
#define Q_OVERDUE \
    "(t.resolve_due < COALESCE(t.sla_paused_since, UTC_TIMESTAMP())" \
    " OR (t.first_response_at IS NULL" \
    "  AND t.first_response_due < COALESCE(t.sla_paused_since, UTC_TIMESTAMP())))"

/* Optional filters, bound by QF_ARGS in this order (types QF_TYPES). The
 * first pair is the technician's access rule, apart from the filters so
 * that no filter value can widen it. Flagged tickets per status are a
 * range of ix_tickets_flagged (flagged, status, id). */
#define Q_FILTERS \
    " AND (? = 0 OR t.assignee_id = ?)" \
    " AND (? IS NULL OR t.priority = ?)" \
    " AND (? = 0 OR t.category_id = ?)" \
    " AND (? = 0 OR t.assignee_id = ?)" \
    " AND (? = 0 OR t.assignee_id IS NULL)" \
    " AND (? = 0 OR t.team_id = ?)" \
    " AND (? IS NULL OR t.channel = ?)" \
    " AND (? = 0 OR " Q_OVERDUE ")" \
    " AND (? = 0 OR t.flagged = 1)" \
    " AND (? = 0 OR t.customer_replied = 1)"
#define QF_TYPES "iissiiiiiiissiii"
#define QF_ARGS(b) (b)->tech, (b)->tech, (b)->priority, (b)->priority, (b)->category, \
	(b)->category, (b)->assignee, (b)->assignee, (b)->nobody, (b)->team, (b)->team, \
	(b)->channel, (b)->channel, (b)->overdue, (b)->flagged, (b)->replied

/* Search tokens as LIKE patterns "% token%" ("%" when unused). Tokens of
 * search.c are [a-z0-9], each after a space in search_text (the ticket
 * number comes first), and the exact ones (CJK bigrams) are prefix-free,
 * so this matches exactly what the FULLTEXT query "+tok +tok*" matches. */
#define Q_LIKE " AND t.search_text LIKE ?"
#define Q_LIKES Q_LIKE Q_LIKE Q_LIKE Q_LIKE Q_LIKE Q_LIKE Q_LIKE Q_LIKE
#define QL_TYPES "ssssssss"
#define QL_ARGS(b) (b)->like[0], (b)->like[1], (b)->like[2], (b)->like[3], \
	(b)->like[4], (b)->like[5], (b)->like[6], (b)->like[7]

/* Per status: (status, id) is the tail of ix_tickets_status, _assignee,
 * _team, _category and _priority, so each runs as an ordered range. */
#define Q_BY_STATUS Q_COLS " WHERE t.status = ?" Q_FILTERS Q_LIKES
#define Q_AFTER_DUE \
    " AND t.resolve_due >= FROM_UNIXTIME(?) AND (t.resolve_due > FROM_UNIXTIME(?) OR t.id > ?)" \
    " ORDER BY t.resolve_due, t.id LIMIT " PAGE_LIMIT

static struct db_q q_newest = DB_Q(Q_BY_STATUS
    " AND t.id < ? ORDER BY t.id DESC LIMIT " PAGE_LIMIT);
static struct db_q q_oldest = DB_Q(Q_BY_STATUS
    " AND t.id > ? ORDER BY t.id LIMIT " PAGE_LIMIT);
/* Due soonest first. Without an index on (status, resolve_due) each open
 * status is read whole and sorted (about 2k tickets each at 1M; the closed
 * ones walk ix_tickets_resolve_due): the slowest view. An index on
 * (status, resolve_due) makes each a range of 51 rows. */
static struct db_q q_due = DB_Q(Q_BY_STATUS Q_AFTER_DUE);

/* Rare search tokens: the FULLTEXT index finds the few matches. */
#define Q_FULLTEXT Q_COLS \
    " WHERE MATCH (t.search_text) AGAINST (? IN BOOLEAN MODE) AND FIND_IN_SET(t.status, ?)" \
    Q_FILTERS

static struct db_q q_ft_newest = DB_Q(Q_FULLTEXT
    " AND t.id < ? ORDER BY t.id DESC LIMIT " PAGE_LIMIT);
static struct db_q q_ft_oldest = DB_Q(Q_FULLTEXT
    " AND t.id > ? ORDER BY t.id LIMIT " PAGE_LIMIT);
static struct db_q q_ft_due = DB_Q(Q_FULLTEXT Q_AFTER_DUE);
static struct db_q q_ft_priority = DB_Q(Q_FULLTEXT
    " AND (t.priority + 0 < ? OR (t.priority + 0 = ? AND t.id < ?))"
    " ORDER BY t.priority DESC, t.id DESC LIMIT " PAGE_LIMIT);

static struct db_q q_number = DB_Q(Q_COLS
    " WHERE t.number = ? AND FIND_IN_SET(t.status, ?)" Q_FILTERS " LIMIT 1");

/* The first PROBE_ROWS candidates of a status where the page starts, and
 * how many of them match the tokens (LIKE patterns first, then as in
 * q_newest / q_oldest). */
#define Q_PROBE(order) \
    "SELECT COUNT(*), COALESCE(SUM(1 = 1" Q_LIKES "), 0) FROM (SELECT t.search_text" \
    " FROM tickets t IGNORE INDEX (PRIMARY) WHERE t.status = ?" Q_FILTERS order \
    " LIMIT " PROBE_LIMIT ") t"
static struct db_q q_probe_desc = DB_Q(Q_PROBE(" AND t.id < ? ORDER BY t.id DESC"));
static struct db_q q_probe_asc = DB_Q(Q_PROBE(" AND t.id > ? ORDER BY t.id"));
static struct db_q q_max_id = DB_Q("SELECT COALESCE(MAX(id), 0) FROM tickets");

/* Open tickets per status in one index range (the open statuses bound,
 * unused places NULL). Two statements, not one with an optional assignee:
 * a query that names assignee_id cannot count on ix_tickets_status alone
 * and reads every row. */
#define Q_IN_STATUSES " status IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_Static_assert(TS__MAX == 10, "Q_IN_STATUSES and IN_ARGS have one place per status");
static struct db_q q_count_open = DB_Q(
    "SELECT status, COUNT(*) FROM tickets WHERE" Q_IN_STATUSES " GROUP BY status");
static struct db_q q_count_open_of = DB_Q(
    "SELECT status, COUNT(*) FROM tickets WHERE assignee_id = ? AND" Q_IN_STATUSES
    " GROUP BY status");
/* Open flagged tickets: index-only on ix_tickets_flagged; a technician's
 * also read the rows of that range (few) for the assignee. */
static struct db_q q_count_flagged = DB_Q(
    "SELECT COUNT(*) FROM tickets WHERE flagged = 1 AND" Q_IN_STATUSES);
static struct db_q q_count_flagged_of = DB_Q(
    "SELECT COUNT(*) FROM tickets WHERE flagged = 1 AND assignee_id = ? AND" Q_IN_STATUSES);
/* Open tickets the customer replied to last: ix_tickets_replied. */
static struct db_q q_count_replied = DB_Q(
    "SELECT COUNT(*) FROM tickets WHERE customer_replied = 1 AND" Q_IN_STATUSES);
static struct db_q q_count_replied_of = DB_Q(
    "SELECT COUNT(*) FROM tickets WHERE customer_replied = 1 AND assignee_id = ? AND"
    Q_IN_STATUSES);

/* The matched phrases of the flagged tickets of a page, PHRASE_IDS
 * tickets per execution (a prepared statement has a fixed number of
 * places, and db.c binds at most 32), unused places 0 (no ticket has id
 * 0); each a look-up of ix_flags_ticket. A page takes one execution, two
 * when more than PHRASE_IDS of its rows are flagged. */
#define PHRASE_IDS 25
#define Q_IDS5 "?, ?, ?, ?, ?"
#define QI_TYPES5 "iiiii"
#define QI_ARGS5(v, o) (v)[o], (v)[o + 1], (v)[o + 2], (v)[o + 3], (v)[o + 4]
_Static_assert(QUEUE_PAGE <= 2 * PHRASE_IDS, "page_phrases reads a page in two executions");
static struct db_q q_phrases = DB_Q(
    "SELECT f.ticket_id, GROUP_CONCAT(DISTINCT r.phrase ORDER BY r.phrase SEPARATOR '、')"
    " FROM ticket_flags f JOIN keyword_rules r ON r.id = f.rule_id"
    " WHERE f.ticket_id IN (" Q_IDS5 ", " Q_IDS5 ", " Q_IDS5 ", " Q_IDS5 ", " Q_IDS5 ")"
    " GROUP BY f.ticket_id");

/* The bound values of the optional filters. */
struct qbind {
	long long   tech;
	const char *priority;
	long long   category, assignee, nobody, team;
	const char *channel;
	long long   overdue, flagged, replied;
	const char *like[QUEUE_LIKE_SLOTS];
};

/* Rows collected for one page, before sorting and cutting. */
struct rowbuf {
	struct queue_row *v;
	size_t            n, cap;
};

static void
bind_init(struct arena *a, const struct queue_filter *f, struct qbind *b)
{
	size_t i;

	memset(b, 0, sizeof(*b));
	b->tech = f->only_assignee;
	b->priority = f->priority < TP__MAX ? ticket_priority_name(f->priority) : NULL;
	b->category = f->category;
	b->assignee = f->assignee > 0 ? f->assignee : 0;
	b->nobody = f->assignee == QUEUE_NOBODY;
	b->team = f->team;
	b->channel = f->channel < TC__MAX ? ticket_channel_name(f->channel) : NULL;
	b->overdue = f->overdue;
	b->flagged = f->flagged;
	b->replied = f->replied;
	for (i = 0; i < QUEUE_LIKE_SLOTS; i++)
		b->like[i] = i < f->ntokens ? arena_printf(a, "%% %s%%", f->tokens[i]) : "%";
}

static void
rowbuf_add(struct arena *a, struct rowbuf *rb, const struct db_res *res)
{
	size_t i;

	if (res->nrows == 0)
		return;
	if (rb->n + res->nrows > rb->cap) {
		size_t cap = (rb->n + res->nrows) * 2;
		struct queue_row *v = arena_alloc(a, cap * sizeof(*v));

		if (rb->n > 0)
			memcpy(v, rb->v, rb->n * sizeof(*v));
		rb->v = v;
		rb->cap = cap;
	}
	for (i = 0; i < res->nrows; i++) {
		struct queue_row *q = &rb->v[rb->n++];

		q->id = db_get_int(res, i, QC_ID);
		q->number = db_gets(res, i, QC_NUMBER);
		q->status = ticket_status_parse(db_gets(res, i, QC_STATUS));
		q->priority = ticket_priority_parse(db_gets(res, i, QC_PRIORITY));
		q->category_zh = db_gets(res, i, QC_CAT_ZH);
		q->category_en = db_gets(res, i, QC_CAT_EN);
		q->customer = db_gets(res, i, QC_CUSTOMER);
		q->product = db_gets(res, i, QC_PRODUCT);
		q->assignee = db_gets(res, i, QC_ASSIGNEE);
		q->created = db_gets(res, i, QC_CREATED);
		q->resolve_due = db_get_int(res, i, QC_RESOLVE_DUE);
		q->response_due = db_get_int(res, i, QC_RESPONSE_DUE);
		q->response_pending = db_get_int(res, i, QC_RESPONSE_PENDING) != 0;
		q->paused = db_get_int(res, i, QC_PAUSED) != 0;
		q->overdue = db_get_int(res, i, QC_OVERDUE) != 0;
		q->flagged = db_get_int(res, i, QC_FLAGGED) != 0;
		q->replied = db_get_int(res, i, QC_REPLIED) != 0;
		q->flag_phrases = "";
		q->created_local = q->due_local = NULL;
	}
}

static int
cmp_newest(const void *x, const void *y)
{
	const struct queue_row *a = x, *b = y;

	return a->id < b->id ? 1 : a->id > b->id ? -1 : 0;
}

static int
cmp_oldest(const void *x, const void *y)
{
	return -cmp_newest(x, y);
}

static int
cmp_due(const void *x, const void *y)
{
	const struct queue_row *a = x, *b = y;

	if (a->resolve_due != b->resolve_due)
		return a->resolve_due < b->resolve_due ? -1 : 1;
	return cmp_oldest(x, y);
}

/* One status of the page, sorted by sort (QS_PRIORITY: by id within the
 * priority bound in b). */
static enum db_rc
run_status(struct arena *a, const struct queue_filter *f, const struct qbind *b,
    enum ticket_status s, long long before_id, struct rowbuf *rb)
{
	const char *st = ticket_status_name(s);
	struct db_res *res;
	enum db_rc rc;

	switch (f->sort) {
	case QS_OLDEST:
		rc = db_query(a, &q_oldest, &res, "s" QF_TYPES QL_TYPES "i", st, QF_ARGS(b),
		    QL_ARGS(b), f->has_after ? f->after_id : 0LL);
		break;
	case QS_DUE:
		rc = db_query(a, &q_due, &res, "s" QF_TYPES QL_TYPES "iii", st, QF_ARGS(b),
		    QL_ARGS(b), f->has_after ? f->after_key : 0LL,
		    f->has_after ? f->after_key : 0LL, f->has_after ? f->after_id : 0LL);
		break;
	default:
		rc = db_query(a, &q_newest, &res, "s" QF_TYPES QL_TYPES "i", st, QF_ARGS(b),
		    QL_ARGS(b), before_id);
		break;
	}
	if (rc == DB_OK)
		rowbuf_add(a, rb, res);
	return rc;
}

/* Every status of the filter, merged in the sort order. */
static enum db_rc
run_statuses(struct arena *a, const struct queue_filter *f, const struct qbind *b,
    long long before_id, struct rowbuf *rb)
{
	size_t from = rb->n;
	enum db_rc rc;
	int s;

	for (s = 0; s < TS__MAX; s++)
		if ((f->statuses & (1u << s)) &&
		    (rc = run_status(a, f, b, (enum ticket_status)s, before_id, rb)) != DB_OK)
			return rc;
	if (rb->n - from > 1)
		qsort(rb->v + from, rb->n - from, sizeof(*rb->v),
		    f->sort == QS_OLDEST ? cmp_oldest : f->sort == QS_DUE ? cmp_due : cmp_newest);
	if (rb->n - from > QUEUE_PAGE + 1)
		rb->n = from + QUEUE_PAGE + 1;
	return DB_OK;
}

/* The plain views (newest or oldest first; no filter but the statuses and
 * one assignee; no search): the agent's open queue, its next pages and a
 * technician's queue. One statement instead of one per status: each status
 * is an index-only range of 51 ids of ix_tickets_status (status, id) or
 * ix_tickets_assignee (assignee_id, status, id), the union is cut to the
 * page's 51 ids, and only those rows are read and joined (the general way
 * reads and joins 51 whole rows per status and merges them in C). Up to
 * FAST_SLOTS statuses, unused places NULL (an impossible range). The index
 * is named: left alone, the optimizer takes ix_tickets_status_due for the
 * small statuses and sorts them whole. */
#define FAST_SLOTS 8
#define Q_SLOT(cmp, dir) \
    "(SELECT id FROM tickets FORCE INDEX (ix_tickets_status) WHERE status = ? AND id " cmp \
    " ? ORDER BY id " dir \
    " LIMIT " PAGE_LIMIT ")"
#define Q_SLOT_OF(cmp, dir) \
    "(SELECT id FROM tickets FORCE INDEX (ix_tickets_assignee) WHERE assignee_id = ?" \
    " AND status = ? AND id " cmp " ?" \
    " ORDER BY id " dir " LIMIT " PAGE_LIMIT ")"
#define Q_SLOTS8(slot) slot " UNION ALL " slot " UNION ALL " slot " UNION ALL " slot \
    " UNION ALL " slot " UNION ALL " slot " UNION ALL " slot " UNION ALL " slot
#define Q_FAST(slot, dir) Q_COLS_OF("(SELECT id FROM (" Q_SLOTS8(slot) ") u ORDER BY id " dir \
    " LIMIT " PAGE_LIMIT ") p JOIN tickets t ON t.id = p.id") " ORDER BY t.id " dir
static struct db_q q_fast_newest = DB_Q(Q_FAST(Q_SLOT("<", "DESC"), "DESC"));
static struct db_q q_fast_oldest = DB_Q(Q_FAST(Q_SLOT(">", "ASC"), "ASC"));
static struct db_q q_fast_newest_of = DB_Q(Q_FAST(Q_SLOT_OF("<", "DESC"), "DESC"));
static struct db_q q_fast_oldest_of = DB_Q(Q_FAST(Q_SLOT_OF(">", "ASC"), "ASC"));
#define SLOT_TYPES  "si"
#define SLOT_TYPES8 SLOT_TYPES SLOT_TYPES SLOT_TYPES SLOT_TYPES SLOT_TYPES SLOT_TYPES \
	SLOT_TYPES SLOT_TYPES
#define SLOT_ARGS8(st, c) st[0], c, st[1], c, st[2], c, st[3], c, st[4], c, st[5], c, \
	st[6], c, st[7], c
#define SLOT_OF_TYPES  "isi"
#define SLOT_OF_TYPES8 SLOT_OF_TYPES SLOT_OF_TYPES SLOT_OF_TYPES SLOT_OF_TYPES SLOT_OF_TYPES \
	SLOT_OF_TYPES SLOT_OF_TYPES SLOT_OF_TYPES
#define SLOT_OF_ARGS8(u, st, c) u, st[0], c, u, st[1], c, u, st[2], c, u, st[3], c, \
	u, st[4], c, u, st[5], c, u, st[6], c, u, st[7], c

/* The one assignee of a plain view into *who (0: everybody); 0 when f is
 * not a plain view. */
static int
plain_view(const struct queue_filter *f, long long *who)
{
	int s, n = 0;

	for (s = 0; s < TS__MAX; s++)
		n += (f->statuses >> s) & 1u;
	if (n > FAST_SLOTS || f->number != NULL || f->ntokens > 0 || f->ftq != NULL ||
	    (f->sort != QS_NEWEST && f->sort != QS_OLDEST) || f->priority < TP__MAX ||
	    f->category != 0 || f->team != 0 || f->channel < TC__MAX || f->overdue ||
	    f->flagged || f->replied || f->assignee == QUEUE_NOBODY)
		return 0;
	if (f->only_assignee > 0 && f->assignee > 0 && f->assignee != f->only_assignee)
		return 0;
	*who = f->only_assignee > 0 ? f->only_assignee : f->assignee;
	return 1;
}

int
queue_plain_key(const struct queue_filter *f, char *buf, size_t cap)
{
	long long who;
	int n;

	if (!plain_view(f, &who))
		return 0;
	n = snprintf(buf, cap, "%lld:%x:%d:%lld", who, f->statuses, (int)f->sort,
	    f->has_after ? f->after_id : -1LL);
	return n > 0 && (size_t)n < cap;
}

static enum db_rc
run_plain(struct arena *a, const struct queue_filter *f, long long who, struct rowbuf *rb)
{
	const char *st[FAST_SLOTS];
	long long c;
	struct db_res *res;
	enum db_rc rc;
	int s, n = 0;

	memset(st, 0, sizeof(st));
	for (s = 0; s < TS__MAX; s++)
		if (f->statuses & (1u << s))
			st[n++] = ticket_status_name((enum ticket_status)s);
	if (f->sort == QS_OLDEST) {
		c = f->has_after ? f->after_id : 0;
		rc = who > 0 ?
		    db_query(a, &q_fast_oldest_of, &res, SLOT_OF_TYPES8, SLOT_OF_ARGS8(who, st, c)) :
		    db_query(a, &q_fast_oldest, &res, SLOT_TYPES8, SLOT_ARGS8(st, c));
	} else {
		c = f->has_after ? f->after_id : LLONG_MAX;
		rc = who > 0 ?
		    db_query(a, &q_fast_newest_of, &res, SLOT_OF_TYPES8, SLOT_OF_ARGS8(who, st, c)) :
		    db_query(a, &q_fast_newest, &res, SLOT_TYPES8, SLOT_ARGS8(st, c));
	}
	if (rc == DB_OK)
		rowbuf_add(a, rb, res);
	return rc;
}

/* Urgent first, newest first within a priority: one priority at a time,
 * from the cursor's, until the page is full. */
static enum db_rc
run_priorities(struct arena *a, const struct queue_filter *f, struct qbind *b,
    struct rowbuf *rb)
{
	int p = f->has_after ? (int)f->after_key : TP_URGENT;
	enum db_rc rc;

	for (; p >= 0 && rb->n <= QUEUE_PAGE; p--) {
		long long before = f->has_after && p == f->after_key ? f->after_id : LLONG_MAX;

		if (f->priority < TP__MAX && (int)f->priority != p)
			continue;
		b->priority = ticket_priority_name((enum ticket_priority)p);
		if ((rc = run_statuses(a, f, b, before, rb)) != DB_OK)
			return rc;
	}
	if (rb->n > QUEUE_PAGE + 1)
		rb->n = QUEUE_PAGE + 1;
	return DB_OK;
}

/* The statuses of the filter as "new,accepted,..." for FIND_IN_SET. */
static const char *
status_set(struct arena *a, unsigned statuses)
{
	char *out = arena_alloc(a, TS__MAX * 20 + 1);
	size_t n = 0;
	int s;

	out[0] = '\0';
	for (s = 0; s < TS__MAX; s++) {
		const char *name = ticket_status_name((enum ticket_status)s);

		if (!(statuses & (1u << s)))
			continue;
		if (n > 0)
			out[n++] = ',';
		memcpy(out + n, name, strlen(name) + 1);
		n += strlen(name);
	}
	return out;
}

static enum db_rc
run_fulltext(struct arena *a, const struct queue_filter *f, const struct qbind *b,
    struct rowbuf *rb)
{
	const char *set = status_set(a, f->statuses);
	long long key = f->has_after ? f->after_key : 0, id = f->has_after ? f->after_id : 0;
	struct db_res *res;
	enum db_rc rc;

	switch (f->sort) {
	case QS_OLDEST:
		rc = db_query(a, &q_ft_oldest, &res, "ss" QF_TYPES "i", f->ftq, set, QF_ARGS(b),
		    id);
		break;
	case QS_DUE:
		rc = db_query(a, &q_ft_due, &res, "ss" QF_TYPES "iii", f->ftq, set, QF_ARGS(b),
		    key, key, id);
		break;
	case QS_PRIORITY:   /* priority + 0 is TP_* + 1 */
		rc = db_query(a, &q_ft_priority, &res, "ss" QF_TYPES "iii", f->ftq, set, QF_ARGS(b),
		    f->has_after ? key + 1 : (long long)TP__MAX + 1, key + 1,
		    f->has_after ? id : LLONG_MAX);
		break;
	default:
		rc = db_query(a, &q_ft_newest, &res, "ss" QF_TYPES "i", f->ftq, set, QF_ARGS(b),
		    f->has_after ? id : LLONG_MAX);
		break;
	}
	if (rc == DB_OK)
		rowbuf_add(a, rb, res);
	return rc;
}

/* Which way to match the search tokens: 1 with LIKE while walking the
 * statuses, 0 through the FULLTEXT index, -1 on a database error (*rc).
 * Costs in rows read. Walking status s takes about 51 / density rows
 * (density in PROBE_ROWS candidates sampled where the page starts; all of
 * them when fewer), never more than the status holds when that is known
 * (counts[s] >= 0). The FULLTEXT index reads every matching ticket of
 * every status at about FT_MATCH_COST rows each: sampled density times
 * all tickets. A walk under SCAN_SMALL rows is always taken; otherwise
 * the cheaper way. */
static int
tokens_common(struct arena *a, const struct queue_filter *f, const struct qbind *b,
    const long long counts[TS__MAX], enum db_rc *rc)
{
	int desc = f->sort == QS_NEWEST || f->sort == QS_PRIORITY, s;
	long long from, like = 0, sampled = 0, hits_all = 0, total;
	struct db_res *res;

	if (f->ntokens > QUEUE_LIKE_SLOTS)
		return 0;
	if ((*rc = db_query(a, &q_max_id, &res, "")) != DB_OK)
		return -1;
	total = db_get_int(res, 0, 0) + 1;
	if (desc)
		from = f->has_after && f->sort == QS_NEWEST ? f->after_id : LLONG_MAX;
	else
		from = f->has_after && f->sort == QS_OLDEST ? f->after_id : 0;
	for (s = 0; s < TS__MAX; s++) {
		long long n, hits, cost;

		if (!(f->statuses & (1u << s)))
			continue;
		*rc = db_query(a, desc ? &q_probe_desc : &q_probe_asc, &res,
		    QL_TYPES "s" QF_TYPES "i", QL_ARGS(b),
		    ticket_status_name((enum ticket_status)s), QF_ARGS(b), from);
		if (*rc != DB_OK)
			return -1;
		n = db_get_int(res, 0, 0);
		hits = db_get_int(res, 0, 1);
		sampled += n;
		hits_all += hits;
		cost = n < PROBE_ROWS ? n : hits > 0 ? (QUEUE_PAGE + 1) * PROBE_ROWS / hits : total;
		if (counts != NULL && counts[s] >= 0 && cost > counts[s])
			cost = counts[s];
		like += cost;
	}
	return like <= SCAN_SMALL ||
	    (sampled > 0 && like <= hits_all * total / sampled * FT_MATCH_COST);
}

/* The matched phrases of the flagged rows of pg (nothing to read when
 * none is flagged). Strings in the arena. */
static enum db_rc
page_phrases(struct arena *a, struct queue_page *pg)
{
	long long ids[2 * PHRASE_IDS];
	struct db_res *res;
	enum db_rc rc;
	size_t i, j, from, n = 0;

	memset(ids, 0, sizeof(ids));
	for (i = 0; i < pg->nrows && n < 2 * PHRASE_IDS; i++)
		if (pg->rows[i].flagged)
			ids[n++] = pg->rows[i].id;
	for (from = 0; from < n; from += PHRASE_IDS) {
		rc = db_query(a, &q_phrases, &res, QI_TYPES5 QI_TYPES5 QI_TYPES5 QI_TYPES5 QI_TYPES5,
		    QI_ARGS5(ids, from), QI_ARGS5(ids, from + 5), QI_ARGS5(ids, from + 10),
		    QI_ARGS5(ids, from + 15), QI_ARGS5(ids, from + 20));
		if (rc != DB_OK)
			return rc;
		for (i = 0; i < res->nrows; i++)
			for (j = 0; j < pg->nrows; j++)
				if (pg->rows[j].id == db_get_int(res, i, 0))
					pg->rows[j].flag_phrases = db_gets(res, i, 1);
	}
	return DB_OK;
}

enum db_rc
queue_fetch(struct arena *a, const struct queue_filter *f, const long long counts[TS__MAX],
    struct queue_page *pg)
{
	struct rowbuf rb = { NULL, 0, 0 };
	struct qbind b;
	struct db_res *res;
	enum db_rc rc = DB_OK;
	long long who = 0;
	int common = 1;

	memset(pg, 0, sizeof(*pg));
	bind_init(a, f, &b);
	if (f->number != NULL) {
		rc = db_query(a, &q_number, &res, "ss" QF_TYPES, f->number,
		    status_set(a, f->statuses), QF_ARGS(&b));
		if (rc == DB_OK)
			rowbuf_add(a, &rb, res);
	} else if (plain_view(f, &who)) {
		rc = run_plain(a, f, who, &rb);
	} else {
		if (f->ntokens > 0 && (common = tokens_common(a, f, &b, counts, &rc)) < 0)
			return rc;
		if (!common)
			rc = run_fulltext(a, f, &b, &rb);
		else if (f->sort == QS_PRIORITY)
			rc = run_priorities(a, f, &b, &rb);
		else
			rc = run_statuses(a, f, &b, f->has_after ? f->after_id : LLONG_MAX, &rb);
	}
	if (rc != DB_OK)
		return rc;
	pg->fulltext = !common;
	pg->rows = rb.v;
	pg->more = rb.n > QUEUE_PAGE;
	pg->nrows = pg->more ? QUEUE_PAGE : rb.n;
	return page_phrases(a, pg);
}

/* The rows of up to 2 * PHRASE_IDS given tickets (a drill-down page:
 * queue_drill.c), PHRASE_IDS per execution, unused places 0: look-ups of
 * the primary key. */
static struct db_q q_by_ids = DB_Q(Q_COLS_OF("tickets t")
    " WHERE t.id IN (" Q_IDS5 ", " Q_IDS5 ", " Q_IDS5 ", " Q_IDS5 ", " Q_IDS5 ")");

enum db_rc
queue_fetch_ids(struct arena *a, const long long *ids, size_t n, struct queue_page *pg)
{
	long long v[2 * PHRASE_IDS];
	struct rowbuf rb = { NULL, 0, 0 };
	struct db_res *res;
	enum db_rc rc;
	size_t from;

	memset(pg, 0, sizeof(*pg));
	memset(v, 0, sizeof(v));
	if (n > 2 * PHRASE_IDS)
		n = 2 * PHRASE_IDS;
	memcpy(v, ids, n * sizeof(*ids));
	for (from = 0; from < n; from += PHRASE_IDS) {
		rc = db_query(a, &q_by_ids, &res, QI_TYPES5 QI_TYPES5 QI_TYPES5 QI_TYPES5 QI_TYPES5,
		    QI_ARGS5(v, from), QI_ARGS5(v, from + 5), QI_ARGS5(v, from + 10),
		    QI_ARGS5(v, from + 15), QI_ARGS5(v, from + 20));
		if (rc != DB_OK)
			return rc;
		rowbuf_add(a, &rb, res);
	}
	if (rb.n > 1)
		qsort(rb.v, rb.n, sizeof(*rb.v), cmp_newest);
	pg->rows = rb.v;
	pg->nrows = rb.n;
	return page_phrases(a, pg);
}

/* The names of the open statuses for Q_IN_STATUSES, unused places NULL
 * (static strings). */
static void
open_statuses(const char *in[TS__MAX])
{
	int s, n = 0;

	for (s = 0; s < TS__MAX; s++)
		in[s] = NULL;
	for (s = 0; s < TS__MAX; s++)
		if (ticket_status_open((enum ticket_status)s))
			in[n++] = ticket_status_name((enum ticket_status)s);
}

enum db_rc
queue_count_open(struct arena *a, long long only_assignee, long long counts[TS__MAX])
{
	const char *in[TS__MAX];
	struct db_res *res;
	enum db_rc rc;
	size_t i;
	int s;

	for (s = 0; s < TS__MAX; s++)
		counts[s] = ticket_status_open((enum ticket_status)s) ? 0 : -1;
	open_statuses(in);
#define IN_ARGS in[0], in[1], in[2], in[3], in[4], in[5], in[6], in[7], in[8], in[9]
	if (only_assignee > 0)
		rc = db_query(a, &q_count_open_of, &res, "issssssssss", only_assignee, IN_ARGS);
	else
		rc = db_query(a, &q_count_open, &res, "ssssssssss", IN_ARGS);
#undef IN_ARGS
	if (rc != DB_OK)
		return rc;
	for (i = 0; i < res->nrows; i++) {
		enum ticket_status st = ticket_status_parse(db_gets(res, i, 0));

		if (st < TS__MAX)
			counts[st] = db_get_int(res, i, 1);
	}
	return DB_OK;
}

/* COUNT(*) of q (q_of with the assignee) over the open statuses into *n. */
static enum db_rc
count_open_marked(struct arena *a, struct db_q *q, struct db_q *q_of, long long only_assignee,
    long long *n)
{
	const char *in[TS__MAX];
	struct db_res *res;
	enum db_rc rc;

	*n = 0;
	open_statuses(in);
#define IN_ARGS in[0], in[1], in[2], in[3], in[4], in[5], in[6], in[7], in[8], in[9]
	if (only_assignee > 0)
		rc = db_query(a, q_of, &res, "issssssssss", only_assignee, IN_ARGS);
	else
		rc = db_query(a, q, &res, "ssssssssss", IN_ARGS);
#undef IN_ARGS
	if (rc == DB_OK && res->nrows == 1)
		*n = db_get_int(res, 0, 0);
	return rc;
}

enum db_rc
queue_count_marked(struct arena *a, long long only_assignee, long long *flagged,
    long long *replied)
{
	enum db_rc rc;

	rc = count_open_marked(a, &q_count_flagged, &q_count_flagged_of, only_assignee, flagged);
	if (rc != DB_OK)
		return rc;
	return count_open_marked(a, &q_count_replied, &q_count_replied_of, only_assignee, replied);
}
