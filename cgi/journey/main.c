/* journey: customer-journey maps, mounted at /journeys/ by nginx. Every
 * staff role reads; supervisors and admins change maps (ROLES_EDIT). */
#include "app.h"
#include "http.h"
#include "i18n.h"
#include "jr.h"

#define ROLES_EDIT (ROLE_BIT(ROLE_SUPERVISOR) | ROLE_BIT(ROLE_ADMIN))

static const struct route routes[] = {
	{ "GET",  "/journeys/",                ROLES_STAFF, 0, jr_list, NULL },
	{ "POST", "/journeys/new",             ROLES_EDIT,  0, jr_new, NULL },
	{ "GET",  "/journeys/:",               ROLES_STAFF, 0, jr_map, NULL },
	{ "GET",  "/journeys/:/history",       ROLES_STAFF, 0, jr_history, NULL },
	{ "GET",  "/journeys/:/snapshots/:",   ROLES_STAFF, 0, jr_snapshot, NULL },
	{ "POST", "/journeys/:/copy",          ROLES_EDIT,  0, jr_copy, NULL },
	{ "POST", "/journeys/:/archive",       ROLES_EDIT,  0, jr_archive, NULL },
	{ "POST", "/journeys/:/meta",          ROLES_EDIT,  0, jr_meta, NULL },
	{ "POST", "/journeys/:/stages",        ROLES_EDIT,  0, jr_stage_add, NULL },
	{ "POST", "/journeys/:/stages/:",      ROLES_EDIT,  0, jr_stage, NULL },
	{ "POST", "/journeys/:/lanes",         ROLES_EDIT,  0, jr_lane_add, NULL },
	{ "POST", "/journeys/:/lanes/:",       ROLES_EDIT,  0, jr_lane, NULL },
	{ "POST", "/journeys/:/items",         ROLES_EDIT,  0, jr_item_add, NULL },
	{ "POST", "/journeys/:/items/:",       ROLES_EDIT,  0, jr_item, NULL },
	{ "POST", "/journeys/:/metrics",       ROLES_EDIT,  0, jr_metric_add, NULL },
	{ "POST", "/journeys/:/metrics/:",     ROLES_EDIT,  0, jr_metric, NULL },
	{ "POST", "/journeys/:/golden",        ROLES_EDIT,  0, jr_golden, NULL },
	{ "POST", "/journeys/:/snapshots",     ROLES_EDIT,  0, jr_snapshot_add, NULL },
};

int
main(void)
{
	static const struct plugin p = {
		"journey", routes, sizeof(routes) / sizeof(routes[0]), NULL, 0
	};

	i18n_register(jr_msgs, jr_nmsgs);
	return app_main(&p);
}
