/* The queue's own forms: saved views (queue_views.c) and bulk changes
 * (queue_bulk.c), and what queue.c lends them. */
#ifndef SL_DESK_QUEUE_VIEWS_H
#define SL_DESK_QUEUE_VIEWS_H

#include "queue_cache.h"
#include "tmpl.h"

struct req;

/* queue.c: the filters posted with a form (the queue's own keys),
 * checked as GET /desk/ checks them, as the queue's canonical query
 * string ("status=all&team=2"; "" when none is set; arena). NULL when one
 * is invalid, with *problem the message naming it (arena). */
const char *queue_form_filters(struct req *, const struct queue_lists *, const char **problem);

/* queue_bulk.c: the path of the queue view a form came from (field
 * "back": "/desk/" or "/desk/?..."), NULL when it is not one. */
const char *queue_back(struct req *);
/* The redirect to back with ?done=key (or &done=key) and more, already
 * URL-encoded ("" when none) (arena). */
const char *queue_back_done(struct req *, const char *back, const char *key, const char *more);
/* 422/400 page with the message msg (already translated). */
int	queue_form_refused(struct req *, int status, const char *msg);
/* The same with the way back given (a queue view, or NULL for /desk/). */
int	queue_form_refused_to(struct req *, int status, const char *msg, const char *back);

/* The choices of the bulk form (teams, technicians, statuses,
 * priorities) into b, the dictionary of its part desk/queue_bulk.tpl: the
 * same for every user of a language while the lists are unchanged. */
void	queue_bulk_fill(struct req *, tmpl_dict *b, const struct queue_lists *);
/* The confirmation of ?done=bulk / view_saved / view_deleted, if any. */
void	queue_bulk_confirm(struct req *, tmpl_dict *);
int	queue_bulk_post(struct req *);

/* queue_views.c: section VIEWS (the user's views: rows of id, name,
 * query, read with the queue's keys by queue_cache_keys_views; the one
 * equal to current marked, and the form to save current), returned so
 * that the caller adds the form's SAVE_FIELD sections. */
tmpl_dict *queue_views_fill(struct req *, tmpl_dict *, const char *current,
	    const struct db_res *views);
int	queue_view_save_post(struct req *);
int	queue_view_delete_post(struct req *);

#endif
