/* Tickets in the database: creation (idempotent by form token), status
 * changes through the state machine with optimistic locking, assignment,
 * replies and notes. Every change writes one row of the append-only event
 * log, in the same transaction. */
#ifndef SL_TICKET_H
#define SL_TICKET_H

#include <stddef.h>
#include <time.h>
#include "ticket_state.h"

struct arena;

enum ticket_rc {
	TK_OK = 0,
	TK_DOWN,            /* database unavailable: 503 */
	TK_CONFLICT,        /* the ticket changed since the form was shown: 409 */
	TK_BAD_TRANSITION,  /* the state machine refuses it: 409/422 */
	TK_NOT_FOUND,       /* no such ticket: 404 */
	TK_INVALID,         /* a reference (assignee, category) does not exist: 422 */
	TK_ERR,             /* anything else: 500 */
};

enum actor_kind { ACTOR_CUSTOMER = 0, ACTOR_STAFF, ACTOR_SYSTEM, ACTOR_API };

/* The milestones of a ticket (columns accepted_at ... rated_at), each set
 * the first time in the transaction of the event that reaches it:
 * accepted (status "accepted" or any assignment), dispatched (assigned to
 * a technician), arrived (first visit), resolved (first resolution),
 * rated (the survey). Reopening keeps them. */
enum ticket_milestone {
	TM_ACCEPTED   = 1u << 0,
	TM_DISPATCHED = 1u << 1,
	TM_ARRIVED    = 1u << 2,
	TM_RESOLVED   = 1u << 3,
	TM_RATED      = 1u << 4,
};

struct ticket_actor {
	enum actor_kind kind;
	long long       id;       /* user id for staff, api key id for api, else 0 */
};

struct ticket_input {
	enum ticket_channel  channel;
	enum ticket_priority priority;
	long long            category_id;
	const char          *name, *phone, *email, *product, *serial, *address, *description;
	const char          *form_token;   /* idempotency key, may be NULL */
	long long            api_key_id;   /* API key that sent it, 0 if none */
};

/* A photo as re-encoded by image_check_and_reencode (image.h), with its
 * thumbnail (thumb may be NULL: none). */
struct ticket_photo {
	const char          *filename;
	const char          *ctype;        /* image/jpeg, image/png, image/webp */
	const unsigned char *data;
	size_t               len;
	const unsigned char *thumb;
	size_t               thumb_len;
	int                  width, height;
};

struct ticket_ref {
	long long   id;
	const char *number;       /* R-20261122-0042 */
	const char *code;         /* tracking code, 26 chars */
	int         existed;      /* 1 when the form token had been used: nothing new */
};

/* Create a ticket with its photos and "created" event; SLA due times from
 * the policy of its category and priority in business time. */
enum ticket_rc ticket_create(struct arena *, const struct ticket_input *,
	    const struct ticket_photo *photos, size_t nphotos,
	    const struct ticket_actor *, struct ticket_ref *out);

/* Move ticket id to status to, if its version is still `version` and the
 * state machine allows it. Handles the SLA pause while waiting for the
 * customer, first-response, resolved and closed times. note may be NULL,
 * except for a status that needs a reason (reopened): TK_INVALID. */
enum ticket_rc ticket_change_status(struct arena *, long long id, unsigned version,
	    enum ticket_status to, const struct ticket_actor *, const char *note);

/* Assign to a technician (assignee_id > 0) and/or team (team_id > 0); moves
 * the ticket to "assigned" when it is not yet being worked on. */
enum ticket_rc ticket_assign(struct arena *, long long id, unsigned version,
	    long long assignee_id, long long team_id, const struct ticket_actor *);

/* A staff reply (public = 1, the customer sees it) or internal note. The
 * first public staff reply stops the first-response clock. */
enum ticket_rc ticket_reply(struct arena *, long long id, const struct ticket_actor *,
	    int public_reply, const char *body);
/* The same with photos (checked and re-encoded: photo_upload.h), stored
 * with the event; the customer sees them only on a public reply. */
enum ticket_rc ticket_reply_photos(struct arena *, long long id, const struct ticket_actor *,
	    int public_reply, const char *body, const struct ticket_photo *photos, size_t nphotos);

/* The customer adds information (and photos) from the tracking page; a
 * ticket waiting for the customer goes back to work, and a resolved one
 * the customer has not confirmed is reopened (*reopened = 1; may be NULL). */
enum ticket_rc ticket_customer_reply(struct arena *, long long id, const char *body,
	    const struct ticket_photo *photos, size_t nphotos, int *reopened);

/* Inside the caller's transaction, with the ticket row locked: write
 * priority p and the due times of p's SLA policy. The one place a
 * priority is written (an agent's change, a keyword rule's raise). */
enum db_rc ticket_priority_write_locked(struct arena *, long long id, enum ticket_priority p);

/* The customer's rating (1-5, comment optional) of a resolved or closed
 * ticket, once, with its milestone; then the keyword rules over the
 * comment. TK_CONFLICT: rated already; TK_BAD_TRANSITION: not resolved
 * (or reopened meanwhile). */
enum ticket_rc ticket_rate(struct arena *, long long id, int rating, const char *comment);

/* Priority change (logged). */
enum ticket_rc ticket_set_priority(struct arena *, long long id, unsigned version,
	    enum ticket_priority, const struct ticket_actor *);

/* A technician's visit: arrive (visit_id = 0 creates it) or finish. */
enum ticket_rc ticket_visit_arrive(struct arena *, long long id, long long technician_id,
	    long long *visit_id);
enum ticket_rc ticket_visit_finish(struct arena *, long long id, long long visit_id,
	    long long technician_id, const char *notes);

/* Auto-dispatch: the active technician with a skill for the ticket's
 * category, in its region when possible, with the fewest open tickets.
 * *assignee is 0 when nobody fits. */
enum ticket_rc ticket_auto_dispatch(struct arena *, long long id, unsigned version,
	    const struct ticket_actor *, long long *assignee);

/* Field work (the technician's job on site). */

/* The visit window agreed with the customer (UTC epochs, end after start;
 * checked by appt_check, appointment.h), on an open ticket, logged as a
 * public "appointment" event. TK_BAD_TRANSITION: the ticket is no longer
 * open. */
enum ticket_rc ticket_set_appointment(struct arena *, long long id, time_t start, time_t end,
	    const struct ticket_actor *);

/* The job done on site: the resolution note (required), a photo of the
 * repaired unit and the customer's signature (a PNG checked by the image
 * module), both optional and NULL when absent. */
struct ticket_completion {
	const char                *note;
	const struct ticket_photo *photo;
	const struct ticket_photo *signature;
};

/* Complete ticket id (still at `version`): close the actor's open visit,
 * keep the note and attachments with a public "completion" event, and
 * resolve the ticket through the state machine. A signature confirms the
 * repair for the customer; without one the tracking page asks for it. */
enum ticket_rc ticket_complete(struct arena *, long long id, unsigned version,
	    const struct ticket_actor *, const struct ticket_completion *);

/* The customer confirms from the tracking page that the repair is done,
 * once: TK_CONFLICT when confirmed already, TK_BAD_TRANSITION when the
 * ticket is not resolved (or closed). */
enum ticket_rc ticket_customer_confirm(struct arena *, long long id);

/* 26-char tracking code (base32 of 128 random bits) into out[27]. */
void	ticket_new_code(char out[27]);
/* 1 when s has the shape of a tracking code. */
int	ticket_code_valid(const char *s);
/* Photo type by content: "image/jpeg", "image/png", "image/webp" or NULL. */
const char *ticket_photo_type(const unsigned char *data, size_t len);

#endif
