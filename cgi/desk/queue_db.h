/* The staff queue's data (queue_db.c): the validated filters of GET /desk/
 * and one page of tickets read with keyset pagination (no OFFSET).
 *
 * Every read is one of a fixed set of prepared statements in which each
 * filter is optional ("? = 0 OR col = ?": MariaDB folds the unused ones
 * away at each execution, so every execution is planned for the filters
 * it really has). A page is read per status (one execution per status of
 * the filter, each an ordered range of an index that ends in (status, id),
 * LIMIT 51) and merged in C: InnoDB cannot merge the sorted runs of an IN
 * list itself, and one status at a time keeps every execution a short
 * ordered range whatever the other filters.
 *
 * Search text goes one of three ways. A ticket number is a unique look-up.
 * Otherwise the tokens of cgi/service/search.c are matched either with LIKE
 * on search_text while walking the same ranges, or through the FULLTEXT
 * index, whichever is expected to read fewer rows: a small sample of each
 * status where the page starts tells how common the tokens are. InnoDB
 * FULLTEXT reads every matching ticket (seconds for 空调, in a quarter of
 * a million tickets); a LIKE walk reads until the page is full (every row
 * of the range when nothing matches). */
#ifndef SL_DESK_QUEUE_DB_H
#define SL_DESK_QUEUE_DB_H

#include <stddef.h>
#include "db.h"
#include "search.h"
#include "ticket_state.h"

struct arena;

#define QUEUE_PAGE       50
#define QUEUE_LIKE_SLOTS 8          /* search tokens matched with LIKE */
#define QUEUE_NOBODY     (-1LL)     /* assignee filter "none" */

enum queue_sort { QS_NEWEST = 0, QS_OLDEST, QS_DUE, QS_PRIORITY, QS__MAX };

/* The filters of one request, validated (queue.c). 0, NULL or __MAX
 * means the filter is not set. */
struct queue_filter {
	unsigned             statuses;    /* bit (1u << TS_*) per status shown; never 0 */
	enum ticket_priority priority;
	long long            category;
	long long            assignee;    /* a user id, or QUEUE_NOBODY */
	long long            team;
	enum ticket_channel  channel;
	int                  overdue;
	int                  flagged;     /* only tickets flagged by the keyword rules */
	int                  replied;     /* only tickets the customer replied to last */
	long long            only_assignee;  /* technicians: their own id (access rule) */
	const char          *number;      /* search text that is a ticket number */
	const char          *ftq;         /* else its FULLTEXT boolean query */
	const char          *tokens[SEARCH_MAX_QUERY_TOKENS];  /* of ftq, bare, distinct */
	size_t               ntokens;
	enum queue_sort      sort;
	int                  has_after;   /* keyset cursor: rows after (after_key, after_id) */
	long long            after_key;   /* QS_DUE: due epoch; QS_PRIORITY: TP_* */
	long long            after_id;
};

/* One ticket of the list; strings point into the request arena. */
struct queue_row {
	long long   id;
	const char *number;
	enum ticket_status   status;
	enum ticket_priority priority;
	const char *category_zh, *category_en;
	const char *customer, *product;
	const char *assignee;      /* "" when nobody */
	const char *created;       /* UTC DATETIME text */
	long long   resolve_due;   /* epoch, 0 when none */
	long long   response_due;  /* epoch of the first-response due, 0 when none */
	int         response_pending;   /* no first response yet */
	int         paused;        /* SLA clock paused (waiting for the customer) */
	int         overdue;       /* open and past a due time (as the ticket page says) */
	int         flagged;       /* flagged by the complaint early-warning rules */
	const char *flag_phrases;  /* the phrases that matched, "、"-separated; "" if none */
	int         replied;       /* the last message is the customer's (no staff reply since) */
	const char *created_local; /* China-time texts of created and the due shown, */
	const char *due_local;     /* NULL until formatted (queue.c) */
};

struct queue_page {
	struct queue_row *rows;
	size_t            nrows;   /* <= QUEUE_PAGE */
	int               more;    /* a next page exists */
	int               fulltext; /* the search went through the FULLTEXT index */
};

/* One page of tickets for f into *page (rows in the arena), with the
 * matched phrases of its flagged rows (one more query, only when a row is
 * flagged). counts (may be NULL) bounds the work: tickets per status in
 * f's scope, -1 unknown. */
enum db_rc queue_fetch(struct arena *, const struct queue_filter *f,
	    const long long counts[TS__MAX], struct queue_page *page);

/* 1 when f is a plain view (newest or oldest first, no filter but the
 * statuses and one assignee, no search: read by one statement), with a
 * key naming it and its page (assignee, statuses, order, cursor) in buf;
 * 0 otherwise. */
int	queue_plain_key(const struct queue_filter *f, char *buf, size_t cap);

/* The rows of the tickets ids[0..n) (n <= QUEUE_PAGE), newest first, with
 * their matched phrases: a page of a metric's drill-down (queue_drill.c). */
enum db_rc queue_fetch_ids(struct arena *, const long long *ids, size_t n,
	    struct queue_page *page);

/* Open tickets per status (only_assignee > 0: assigned to that user), for
 * the summary row: counts[s] for every open status s, -1 for the others. */
enum db_rc queue_count_open(struct arena *, long long only_assignee, long long counts[TS__MAX]);

/* Open tickets that are flagged, and those the customer replied to last
 * (only_assignee > 0: assigned to that user): ranges of ix_tickets_flagged
 * (flagged, status, id) and ix_tickets_replied (customer_replied, status, id). */
enum db_rc queue_count_marked(struct arena *, long long only_assignee, long long *flagged,
	    long long *replied);

#endif
