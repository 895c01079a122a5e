/* Why auto-dispatch picked a ticket's technician (cgi/desk/dispatch_why.c):
 * the include DISPATCH_WHY of the ticket page (templates/desk/
 * dispatch_why.tpl), from the decision stored with the latest automatic
 * 'assigned' event (dispatch_candidates). Its catalog: keys DW_*. */
#ifndef SL_DESK_DISPATCH_WHY_H
#define SL_DESK_DISPATCH_WHY_H

#include <stddef.h>
#include "i18n.h"

struct req;
typedef struct tmpl_dict tmpl_dict;

/* Add the include DISPATCH_WHY to d: the winner with its skill, region
 * match and load, and the other candidates with the reason each lost.
 * Empty (nothing shown) when the ticket was never auto-dispatched, and
 * for technicians (they see their job, not the desk's reasoning).
 * Returns 0, or -1 on a database error. */
int	dispatch_why_section(struct req *, tmpl_dict *d, long long ticket_id);

extern const struct i18n_msg desk_msgs_dispatch[];
extern const size_t desk_nmsgs_dispatch;

#endif
