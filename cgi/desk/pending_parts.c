/* TEMPORARY until the spare-parts pages land: delete this file then. */
#include "desk.h"
#include "route.h"

const struct route *const desk_parts_routes = NULL;
const size_t desk_parts_nroutes = 0;
const struct i18n_msg desk_msgs_parts[] = { { "P_PARTS", "备件", "Spare parts" } };
const size_t desk_nmsgs_parts = 1;
