/* The field work of a ticket page: the job card (customer, phone, address
 * with map links, the visit window and its form: templates/desk/
 * ticket_job.tpl) and the completion card (resolution note, photo of the
 * repaired unit, the customer's signature: templates/desk/
 * ticket_complete.tpl); their actions POST /desk/tickets/<id>/appointment
 * and /complete; the print view GET /desk/tickets/<id>/print
 * (ticket_print.c). */
#ifndef SL_DESK_TICKET_FIELD_H
#define SL_DESK_TICKET_FIELD_H

#include "ticket_page.h"

typedef struct tmpl_dict tmpl_dict;

/* The include dictionaries of the two cards (sections are not inherited
 * by includes: a refused form's ERR_<field> is set in them). */
struct tfield_dicts {
	tmpl_dict *job;
	tmpl_dict *complete;
};

/* Fill both cards into d for the signed-in user. form is the form a
 * refused POST came from ("appointment", "complete"; NULL on a GET): its
 * typed values are shown again. 0 ok, -1 on a database error. */
int	ticket_field_fill(struct req *, tmpl_dict *d, const struct desk_ticket *,
	    const char *form, struct tfield_dicts *out);

/* The visit window in local time as the pages show it, or NULL when the
 * ticket has none (start/end: UNIX_TIMESTAMP or 0). */
const char *ticket_field_window(struct req *, long long start, long long end);

int	ticket_appointment_post(struct req *);
int	ticket_complete_post(struct req *);
int	ticket_print_get(struct req *);

#endif
