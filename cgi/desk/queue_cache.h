/* What each desk worker keeps between queue requests (queue_cache.c), so
 * that a queue page reads the page's rows and little else:
 *
 * - the filter lists (categories, teams, active technicians), kept while
 *   settings.desk_lists_version is unchanged: migration 031's triggers
 *   bump it on every change of those rows, whoever makes it (admin pages,
 *   sl-cli, SQL by hand), so the next request of every worker reads them
 *   again; no time limit.
 * - the open tickets per status, flagged and customer-replied, for the
 *   summary row, kept while the newest ticket_events id is unchanged
 *   (every change of a ticket's status, every new ticket, reply and flag
 *   writes an event in its transaction) and for at most
 *   QUEUE_COUNTS_TTL seconds (a change committed after a later one, or a
 *   row changed by hand without an event, shows within that time). One
 *   copy for everybody's queue and a few for technicians' own.
 *
 * - the rows of the plain views' pages (the open queue and its next
 *   pages, a technician's queue: queue_plain_key), under the same rule as
 *   the counts: a new event, or QUEUE_COUNTS_TTL seconds, and the page is
 *   read again. So a ticket that becomes overdue while nothing else
 *   happens is marked within that time; every change made through the
 *   desk, the API or the tracking page shows at once. A few pages per
 *   worker, the least recently filled replaced first.
 *
 * - the rendered parts of the queue page (frag_cache.h), each named by
 *   what a request chooses (language, technician or not, the view's
 *   canonical query) and made from the data above, so kept under the
 *   same rule as that data: the filter form (named by its whole query:
 *   the selected options, the search text) and the bulk form's choices
 *   while desk_lists_version is unchanged; the summary row and a plain
 *   view's rows and pager while the newest event id is unchanged and no
 *   longer than the counts or the page they were made from (so never
 *   past QUEUE_COUNTS_TTL), and the rows no longer than the first moment
 *   a ticket of them comes within two hours of its due time (its SLA
 *   badge changes by time alone). The user's own parts (name, CSRF token,
 *   saved views, the bulk form's return address) are never kept.
 *
 * - each user's saved views (a few dozen users), kept while
 *   settings.saved_views_version is unchanged: migration 042's triggers
 *   bump it on every insert, update or delete of a saved view, whoever
 *   makes it; no time limit.
 *
 * The keys come from one statement per request, the one that checks the
 * session on the queue's own page (queue_session_q, queue_cache_keys). */
#ifndef SL_DESK_QUEUE_CACHE_H
#define SL_DESK_QUEUE_CACHE_H

#include "db.h"
#include "ticket_state.h"

#include <time.h>

struct arena;
struct req;

#define QUEUE_COUNTS_TTL 10   /* seconds */

/* The filter lists: column 0 the id; categories (id, name_zh, name_en),
 * teams (id, name), technicians (id, name). Process memory: valid until
 * the next call of queue_cache_lists. */
struct queue_lists {
	const struct db_res *cats, *teams, *techs;
};

/* The open-ticket counts of one scope. */
struct queue_counts {
	long long by_status[TS__MAX];   /* -1 for the statuses that are not open */
	long long flagged, replied;
	time_t    until;                /* the copy is used before this moment only */
};

/* The keys of this request: the lists' version, the newest event id and
 * the saved views' version (-1: a database without the setting). */
struct queue_keys {
	long long lists_version, last_event, views_version;
};

/* The keys, from the session statement of the queue's route
 * (queue_session_q) when the request has its row, else read now. */
enum db_rc queue_cache_keys(const struct req *, struct queue_keys *out);
extern struct db_q queue_session_q;
/* The saved views of user_id (id, name, query; queue_views.h), read
 * again when views_version moved. Process memory or arena: valid until
 * the end of the request. */
enum db_rc queue_cache_views(struct arena *, const struct queue_keys *k, long long user_id,
	    const struct db_res **out);

/* The filter lists for keys k (read again when its version moved). */
enum db_rc queue_cache_lists(struct arena *, const struct queue_keys *k,
	    struct queue_lists *out);

/* The counts of everybody's tickets (only_assignee 0) or of one
 * assignee's, into *out (copied). */
enum db_rc queue_cache_counts(struct arena *, const struct queue_keys *k,
	    long long only_assignee, struct queue_counts *out);

struct queue_page;

/* The cached page of plain view key (queue_plain_key) into *out (rows in
 * the arena, their strings in process memory kept until the end of the
 * request at least; *until: the copy's end): 1, or 0 when there is none
 * fresh. */
int	queue_cache_page_get(struct arena *, const struct queue_keys *k, const char *key,
	    struct queue_page *out, time_t *until);
/* Keep a copy of page pg of plain view key, read with keys k. */
void	queue_cache_page_put(const struct queue_keys *k, const char *key,
	    const struct queue_page *pg);

/* The rendered parts of the queue page kept by this worker (frag_cache.h). */
enum queue_part { QP_SUMMARY, QP_FILTERS, QP_BULK, QP_ROWS, QP__MAX };
struct frag_cache *queue_cache_part(enum queue_part);

#endif
