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
 * Both keys come from one statement per request (queue_cache_keys). */
#ifndef SL_DESK_QUEUE_CACHE_H
#define SL_DESK_QUEUE_CACHE_H

#include "db.h"
#include "ticket_state.h"

struct arena;

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
};

/* The keys of this request: the lists' version and the newest event id. */
struct queue_keys {
	long long lists_version, last_event;
};

enum db_rc queue_cache_keys(struct arena *, struct queue_keys *out);

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
 * request at least): 1, or 0 when there is none fresh. */
int	queue_cache_page_get(struct arena *, const struct queue_keys *k, const char *key,
	    struct queue_page *out);
/* Keep a copy of page pg of plain view key, read with keys k. */
void	queue_cache_page_put(const struct queue_keys *k, const char *key,
	    const struct queue_page *pg);

#endif
