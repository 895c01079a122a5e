/* The ticket pages of the desk, shared by ticket_page.c (GET), its actions
 * (ticket_actions.c), attachment.c and my_orders.c: the access rule, the
 * loading of one ticket, and the ticket page rendered again with the
 * message of a refused action.
 *
 * Access rule: agents, supervisors and admins see every ticket. A
 * technician sees only the tickets assigned to them; any other ticket (and
 * its photos) answers 404 exactly like a ticket that does not exist, so a
 * technician cannot learn which ids exist. Viewers never reach /desk/
 * (route table: 403). */
#ifndef SL_DESK_TICKET_PAGE_H
#define SL_DESK_TICKET_PAGE_H

#include "ticket.h"

#include <stddef.h>

struct req;
struct user;
struct db_res;
struct arena;
typedef struct tmpl_dict tmpl_dict;

#define TICKET_TPL "desk/ticket.tpl"

enum tload {
	TLOAD_OK = 0,
	TLOAD_NOT_FOUND,   /* no such ticket, or not one this user may see: 404 */
	TLOAD_DOWN,        /* database error: 503 */
};

/* One ticket as the desk shows it. res holds the row of the ticket query
 * (columns TQ_* in ticket_page.c); everything points into the arena. */
struct desk_ticket {
	long long           id;
	const char         *number;
	const char         *track_code;
	enum ticket_status  status;
	unsigned            version;
	enum ticket_priority priority;
	long long           assignee_id;    /* 0 when nobody */
	const char         *customer;       /* the customer's name */
	long long           canned_version; /* settings.canned_version; -1 unknown */
	long long           parts_version;  /* settings.parts_version; -1 unknown */
	long long           category_id;    /* 0 when none */
	const char         *category_zh, *category_en;   /* "" when none */
	const char         *assignee_name, *assignee_region;   /* "" when nobody */
	const struct db_res *res;
	/* the timeline, when it was read with the ticket (the page's session
	 * statement, ticket_session_q); NULL: read it with q_events */
	const struct db_res *events;
};

/* 1 when user may see (and act on) a ticket assigned to assignee_id. */
int	desk_may_see(const struct user *, long long assignee_id);

/* 1 when user may move a ticket (they may see) to status s. Technicians
 * work on it (in progress, waiting, resolved) but neither cancel it nor
 * hand it back: that is the desk's decision. */
int	desk_status_allowed(const struct user *, enum ticket_status s);

/* The ticket id of the route (/desk/tickets/<id>/...): 1 and *id set when
 * it is a positive decimal integer, else 0 (the caller answers 404). */
int	desk_ticket_id(const struct req *, long long *id);

/* The number to dial for a stored phone, for a tel: link: phone_tel()
 * (+86 and the number; arena). */
const char *desk_tel_digits(struct arena *, const char *phone);

/* Load ticket id for the signed-in user, applying the access rule. */
enum tload desk_ticket_load(struct req *, long long id, struct desk_ticket *);

/* The ticket desk_ticket_load() loaded for this request when it is ticket
 * id, else NULL (arena). The cards of the ticket page use it instead of
 * reading the ticket again. */
const struct desk_ticket *desk_ticket_loaded(const struct req *, long long id);

/* Columns of the loaded ticket (desk_ticket_loaded) that other cards of
 * the page would read again, as a one-row result pointing into its row
 * (arena): DESK_COLS_FIELD the columns of ticket_field.c's q_field, in
 * its order; DESK_COLS_KB product, description, category_id, the
 * articles' kb_version and the ticket's stored match (ticket_kb_matches:
 * kb_version, category_id, query, matches; NULL when none). NULL when
 * ticket id was not loaded for this request or ncols (the caller's count)
 * differs: the caller then reads the database. */
enum desk_cols { DESK_COLS_FIELD, DESK_COLS_KB };
struct db_res *desk_ticket_cols(const struct req *, long long id, enum desk_cols,
	    size_t ncols);

/* Records of a ticket that its row tells about. */
enum desk_has { DESK_HAS_SURVEY, DESK_HAS_DISPATCH, DESK_HAS_PARTS };

/* 0 when the ticket row loaded for this request says ticket id has no
 * such record (the card need not ask the database), else 1. */
int	desk_ticket_may_have(const struct req *, long long id, enum desk_has);

/* Send the ticket page with HTTP status. When msg_key is set it is shown
 * next to the form named form ("status", "assign", "dispatch", "priority",
 * "reply", "visit"; NULL: at the top of the page). conflict adds the
 * "changed by someone else, reload" banner. Values typed into the refused
 * form are kept (read from the request body). */
int	ticket_page_send(struct req *, const struct desk_ticket *, int status,
	    const char *form, const char *msg_key, int conflict);

/* A refused field of a form of the ticket page: section ERR_<field> with
 * the catalog message msg_key. */
struct tfield_err {
	const char *field;
	const char *msg_key;
};

/* Send the ticket page with HTTP status and each problem at its field of
 * form (a per-field 422), the typed values kept. */
int	ticket_page_send_errors(struct req *, const struct desk_ticket *, int status,
	    const char *form, const struct tfield_err *, size_t n);

/* The actions' shared steps (ticket_actions.c). */

/* The ticket of the action's URL. Returns 1 with t loaded, or 0 when the
 * request has been answered (404 or 503). */
int	desk_action_ticket(struct req *, struct desk_ticket *t);
/* After a refused change: the page with ticket id as it is now, with
 * HTTP status and msg at form (conflict: the reload banner). */
int	desk_action_refused(struct req *, long long id, int status, const char *form,
	    const char *msg, int conflict);
/* The answer to the outcome rc of a ticket transaction: 303 to the ticket
 * with the confirmation done (flash.h), or the refusal at form. */
int	desk_action_done(struct req *, long long id, const char *form, const char *done,
	    enum ticket_rc rc);

/* Send the ticket page (200) with body in the reply box, in focus: the
 * reply composed with an inserted text (ticket_compose.c). */
/* internal: the text came from internal material (a case or an SOP):
 * the reply box is set to "internal note", which the agent may change. */
int	ticket_page_send_composed(struct req *, const struct desk_ticket *, const char *body,
	    int internal);

/* The reply card's canned replies (section CANNED with CANNED_OPT: VALUE,
 * LABEL, TEXT filled in for t, SELECTED for the kept choice). 0, or -1
 * on a database error (ticket_compose.c). */
int	ticket_compose_section(struct req *, tmpl_dict *, const struct desk_ticket *t,
	    int kept);

#endif
