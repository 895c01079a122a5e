/* Pages of the desk plugin (staff service desk). */
#ifndef SL_DESK_H
#define SL_DESK_H

struct req;
#include <stddef.h>
#include "i18n.h"

/* queue.c, ticket_new.c: the queue and staff-entered tickets */
int	queue_get(struct req *);
int	ticket_new_get(struct req *);
int	ticket_new_post(struct req *);

/* ticket_page.c, ticket_actions.c, attachment.c, my_orders.c */
int	ticket_get(struct req *);
int	ticket_status_post(struct req *);
int	ticket_assign_post(struct req *);
int	ticket_dispatch_post(struct req *);
int	ticket_priority_post(struct req *);
int	ticket_reply_post(struct req *);
int	ticket_visit_post(struct req *);
int	attachment_get(struct req *);
int	my_orders_get(struct req *);

extern const struct i18n_msg desk_msgs_queue[];
extern const size_t desk_nmsgs_queue;
extern const struct i18n_msg desk_msgs_ticket[];
extern const size_t desk_nmsgs_ticket;

#endif
