/* desk: the staff service desk, mounted at /desk/. Technicians reach only
 * their own work orders (checked in the ticket pages); the rest is for
 * agents, supervisors and admins. */
#include "app.h"
#include "desk.h"
#include "i18n.h"

static const struct route routes[] = {
	{ "GET",  "/desk/",                     ROLES_DESK,  0, queue_get },
	{ "GET",  "/desk/new",                  ROLES_AGENT, 0, ticket_new_get },
	{ "POST", "/desk/new",                  ROLES_AGENT, 0, ticket_new_post },
	{ "GET",  "/desk/my",                   ROLES_DESK,  0, my_orders_get },
	{ "GET",  "/desk/tickets/:",            ROLES_DESK,  0, ticket_get },
	{ "POST", "/desk/tickets/:/status",     ROLES_DESK,  0, ticket_status_post },
	{ "POST", "/desk/tickets/:/assign",     ROLES_AGENT, 0, ticket_assign_post },
	{ "POST", "/desk/tickets/:/dispatch",   ROLES_AGENT, 0, ticket_dispatch_post },
	{ "POST", "/desk/tickets/:/priority",   ROLES_AGENT, 0, ticket_priority_post },
	{ "POST", "/desk/tickets/:/reply",      ROLES_DESK,  0, ticket_reply_post },
	{ "POST", "/desk/tickets/:/visit",      ROLES_DESK,  0, ticket_visit_post },
	{ "GET",  "/desk/attachments/:",        ROLES_DESK,  0, attachment_get },
};

int
main(void)
{
	static const struct plugin p = {
		"desk", routes, sizeof(routes) / sizeof(routes[0]), NULL, 0
	};

	/* Two catalogs: the queue's and the ticket pages'. */
	i18n_register(desk_msgs_queue, desk_nmsgs_queue);
	i18n_register(desk_msgs_ticket, desk_nmsgs_ticket);
	return app_main(&p);
}
