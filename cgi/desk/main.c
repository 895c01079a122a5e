/* desk: the staff service desk, mounted at /desk/. Technicians reach only
 * their own work orders (checked in the ticket pages); the rest is for
 * agents, supervisors and admins. Spare parts, the knowledge base and
 * maintenance plans bring their own route tables, merged here. */
#include "app.h"
#include "desk.h"
#include "queue_cache.h"
#include "queue_drill.h"
#include "queue_views.h"
#include "dispatch_why.h"
#include "plans_form.h"
#include "ticket_field.h"
#include "i18n.h"

#include <string.h>

static const struct route ticket_routes[] = {
	{ "GET",  "/desk/",                     ROLES_DESK,  0, queue_get, &queue_session_q },
	{ "POST", "/desk/bulk",                 ROLES_AGENT, 0, queue_bulk_post, NULL },
	{ "POST", "/desk/views",                ROLES_DESK,  0, queue_view_save_post, NULL },
	{ "POST", "/desk/views/:/delete",       ROLES_DESK,  0, queue_view_delete_post, NULL },
	{ "GET",  "/desk/new",                  ROLES_AGENT, 0, ticket_new_get, NULL },
	{ "POST", "/desk/new",                  ROLES_AGENT, 0, ticket_new_post, NULL },
	{ "GET",  "/desk/my",                   ROLES_DESK,  0, my_orders_get, NULL },
	{ "GET",  "/desk/tickets/:",            ROLES_DESK,  ROUTE_SESSION_ID, ticket_get,
	  &ticket_session_q },
	{ "POST", "/desk/tickets/:/status",     ROLES_DESK,  0, ticket_status_post, NULL },
	{ "POST", "/desk/tickets/:/assign",     ROLES_AGENT, 0, ticket_assign_post, NULL },
	{ "POST", "/desk/tickets/:/dispatch",   ROLES_AGENT, 0, ticket_dispatch_post, NULL },
	{ "POST", "/desk/tickets/:/priority",   ROLES_AGENT, 0, ticket_priority_post, NULL },
	{ "POST", "/desk/tickets/:/reply",      ROLES_DESK,  0, ticket_reply_post, NULL },
	{ "POST", "/desk/tickets/:/visit",      ROLES_DESK,  0, ticket_visit_post, NULL },
	{ "POST", "/desk/tickets/:/close",      ROLES_AGENT, 0, ticket_close_post, NULL },
	{ "POST", "/desk/tickets/:/reopen",     ROLES_AGENT, 0, ticket_reopen_post, NULL },
	{ "POST", "/desk/tickets/:/compose",    ROLES_DESK,  0, ticket_compose_post, NULL },
	{ "POST", "/desk/tickets/:/appointment", ROLES_DESK, 0, ticket_appointment_post, NULL },
	{ "POST", "/desk/tickets/:/complete",   ROLES_DESK,  0, ticket_complete_post, NULL },
	{ "GET",  "/desk/tickets/:/print",      ROLES_DESK,  0, ticket_print_get, NULL },
	{ "GET",  "/desk/attachments/:",        ROLES_DESK,  0, attachment_get, NULL },
	{ "GET",  "/desk/attachments/:/thumb",  ROLES_DESK,  0, attachment_thumb_get, NULL },
	{ "GET",  "/desk/attachments/:/view",   ROLES_DESK,  0, attachment_view_get, NULL },
};

#define DESK_MAX_ROUTES 96

static struct route all_routes[DESK_MAX_ROUTES];

static size_t
routes_append(size_t n, const struct route *t, size_t count)
{
	if (t == NULL || n + count > DESK_MAX_ROUTES)
		return n;
	memcpy(all_routes + n, t, count * sizeof(*t));
	return n + count;
}

int
main(void)
{
	static struct plugin p = { "desk", all_routes, 0, NULL, 0 };
	size_t n = 0;

	n = routes_append(n, ticket_routes, sizeof(ticket_routes) / sizeof(ticket_routes[0]));
	n = routes_append(n, desk_parts_routes, desk_parts_nroutes);
	n = routes_append(n, desk_kb_routes, desk_kb_nroutes);
	p.nroutes = n;
	i18n_register(desk_msgs_queue, desk_nmsgs_queue);
	i18n_register(desk_msgs_drill, desk_nmsgs_drill);
	i18n_register(desk_msgs_ticket, desk_nmsgs_ticket);
	i18n_register(desk_msgs_field, desk_nmsgs_field);
	i18n_register(desk_msgs_compose, desk_nmsgs_compose);
	i18n_register(desk_msgs_parts, desk_nmsgs_parts);
	i18n_register(desk_msgs_kb, desk_nmsgs_kb);
	i18n_register(desk_msgs_dispatch, desk_nmsgs_dispatch);
	i18n_register(desk_msgs_plans, desk_nmsgs_plans);
	return app_main(&p);
}
