/* TEMPORARY until queue.c and ticket_new.c land: delete this file then. */
#include "desk.h"
#include "http.h"

const struct i18n_msg desk_msgs_queue[] = { { "DESK_QUEUE", "工单队列", "Queue" } };
const size_t desk_nmsgs_queue = 1;
int queue_get(struct req *r) { return resp_error(r, 404, "ERR_NOT_FOUND"); }
int ticket_new_get(struct req *r) { return resp_error(r, 404, "ERR_NOT_FOUND"); }
int ticket_new_post(struct req *r) { return resp_error(r, 404, "ERR_NOT_FOUND"); }
