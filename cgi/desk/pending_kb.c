/* TEMPORARY until the knowledge base and maintenance plans land: delete
 * this file then. */
#include "desk.h"
#include "route.h"

const struct route *const desk_kb_routes = NULL;
const size_t desk_kb_nroutes = 0;
const struct i18n_msg desk_msgs_kb[] = { { "K_KB", "知识库", "Knowledge base" } };
const size_t desk_nmsgs_kb = 1;
