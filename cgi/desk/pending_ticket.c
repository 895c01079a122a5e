/* TEMPORARY until the ticket pages land: delete this file then. */
#include "desk.h"
#include "http.h"

const struct i18n_msg desk_msgs_ticket[] = { { "DESK_TICKET", "工单", "Ticket" } };
const size_t desk_nmsgs_ticket = 1;
int ticket_get(struct req *r) { return resp_error(r, 404, "ERR_NOT_FOUND"); }
int ticket_status_post(struct req *r) { return resp_error(r, 404, "ERR_NOT_FOUND"); }
int ticket_assign_post(struct req *r) { return resp_error(r, 404, "ERR_NOT_FOUND"); }
int ticket_dispatch_post(struct req *r) { return resp_error(r, 404, "ERR_NOT_FOUND"); }
int ticket_priority_post(struct req *r) { return resp_error(r, 404, "ERR_NOT_FOUND"); }
int ticket_reply_post(struct req *r) { return resp_error(r, 404, "ERR_NOT_FOUND"); }
int ticket_visit_post(struct req *r) { return resp_error(r, 404, "ERR_NOT_FOUND"); }
int attachment_get(struct req *r) { return resp_error(r, 404, "ERR_NOT_FOUND"); }
int my_orders_get(struct req *r) { return resp_error(r, 404, "ERR_NOT_FOUND"); }
