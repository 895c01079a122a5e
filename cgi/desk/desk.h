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
extern struct db_q ticket_session_q;   /* the ticket page's session statement */
int	ticket_status_post(struct req *);
int	ticket_assign_post(struct req *);
int	ticket_dispatch_post(struct req *);
int	ticket_priority_post(struct req *);
int	ticket_reply_post(struct req *);
int	ticket_visit_post(struct req *);
int	ticket_close_post(struct req *);      /* ticket_close.c */
int	ticket_reopen_post(struct req *);
int	ticket_compose_post(struct req *);    /* ticket_compose.c */
/* Section SURVEY of the ticket page when the customer rated it; 0, or -1
 * when the database failed (ticket_survey.c). */
int	ticket_survey_section(struct req *, tmpl_dict *, long long ticket_id);
int	attachment_get(struct req *);
int	attachment_thumb_get(struct req *);
int	attachment_view_get(struct req *);
int	my_orders_get(struct req *);

extern const struct i18n_msg desk_msgs_queue[];
extern const size_t desk_nmsgs_queue;
extern const struct i18n_msg desk_msgs_ticket[];
extern const size_t desk_nmsgs_ticket;
extern const struct i18n_msg desk_msgs_compose[];  /* compose_msgs.c: reply tools, close */
extern const size_t desk_nmsgs_compose;
extern const struct i18n_msg desk_msgs_field[];   /* field_msgs.c: field work, print view */
extern const size_t desk_nmsgs_field;

/* parts.c & co. (spare parts) and kb.c & co. (knowledge base, maintenance
 * plans): their own route tables and catalogs, merged by main.c. */
struct route;
extern const struct route *const desk_parts_routes;
extern const size_t desk_parts_nroutes;
extern const struct i18n_msg desk_msgs_parts[];
extern const size_t desk_nmsgs_parts;
extern const struct route *const desk_kb_routes;
extern const size_t desk_kb_nroutes;
extern const struct i18n_msg desk_msgs_kb[];
extern const size_t desk_nmsgs_kb;

#endif
