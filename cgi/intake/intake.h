/* The intake plugin: pages for customers (no account) — the repair form,
 * the tracking page, the survey — the JSON API for other systems, and
 * the form helpers they share. */
#ifndef SL_INTAKE_H
#define SL_INTAKE_H

#include <stddef.h>
#include "photo_upload.h"
#include "ticket.h"

struct arena;
struct form_check;
struct req;
typedef struct tmpl_dict tmpl_dict;

#define INTAKE_MAX_PHOTOS      PHOTO_MAX_FILES
#define INTAKE_MAX_PHOTO_BYTES PHOTO_MAX_BYTES
#define INTAKE_PHOTO_FIELD     "photo"
/* One-shot cookie carrying the code of the ticket just submitted, so its
 * tracking page can say "saved, keep this link" once. */
#define INTAKE_NEW_COOKIE      "sl_new"

/* Pages (repair.c, track.c, survey.c, api.c). */
int	repair_get(struct req *);
int	repair_post(struct req *);
int	track_get(struct req *);
int	track_reply_post(struct req *);
int	track_lookup_get(struct req *);         /* track_lookup.c */
int	track_lookup_post(struct req *);
int	track_photo_get(struct req *);          /* track_photo.c */
/* track_field.c: the visit window and the "repaired" confirmation of the
 * tracking page (section TRACK_FIELD of track.tpl); 0, or -1 when the
 * database failed. */
int	track_field_fill(struct req *, tmpl_dict *d, long long ticket_id, const char *code);
int	track_confirm_post(struct req *);
/* track_notify.c: "stop messages" on the tracking page (section
 * NOTIFY_FORM or NOTIFY_STOPPED of track.tpl); 0, or -1 on a database
 * failure. */
int	track_notify_fill(struct req *, tmpl_dict *d, long long ticket_id);
int	track_notify_post(struct req *);
int	track_photo_thumb_get(struct req *);
int	track_photo_view_get(struct req *);
int	survey_get(struct req *);
int	survey_post(struct req *);
int	api_ticket_post(struct req *);
int	api_ticket_get(struct req *);
int	api_metrics_list(struct req *);     /* api_metrics.c */
int	api_metric_get(struct req *);
int	api_points_post(struct req *);

/* The pages keyed by a tracking code in r->params[0] (/track, /survey)
 * share one guessing limit per client address (track.c).
 * intake_code_gate: same-origin referrer policy and no-store, then the limit and the
 * shape of the code; returns 1 to go on, or 0 when it has answered
 * (404/429/503). intake_code_not_found: count a failed look-up and
 * answer 404. */
int	intake_code_gate(struct req *);
int	intake_code_not_found(struct req *);
/* The parts of that limit, for the look-up by phone and number
 * (track_lookup.c): intake_code_throttled 1 when the address is locked
 * out, 0 when not, -1 on a DB error; intake_code_throttle_answer the 429
 * page with Retry-After; intake_code_failure counts one failed look-up
 * (0, or -1 on a DB error). */
int	intake_code_throttled(struct req *);
int	intake_code_throttle_answer(struct req *);
int	intake_code_failure(struct req *);
struct db_q;
struct db_res;
int	intake_code_lookup(struct req *, struct db_q *, struct db_res **);

/* RATING (1-5) and RATING_LABEL (catalog SURVEY_R<n>) of a survey into
 * d (survey.c). */
void	intake_fill_rating(struct req *, tmpl_dict *d, long long rating);


/* form_check_field() plus one line of the error summary at the top of the
 * page (section ERROR_ITEM: FIELD, LABEL, MSG). Returns problem. */
const char *intake_check(struct form_check *, const char *field, const char *label_key,
	    const char *value, const char *problem);

/* photo_uploads() and photo_uploads_sent() of field "photo". */
const char *intake_photos(struct req *, struct ticket_photo out[INTAKE_MAX_PHOTOS], size_t *n);
/* 1 when the request carries at least one file in field "photo". */
int	intake_photos_sent(const struct req *);

/* The absolute URL of a path of this site, for showing to the customer
 * (configured base_url, else scheme and Host of the request). Arena. */
const char *intake_url(struct req *, const char *path);

#endif
