/* okr: mounted at /okr/ by nginx. Every signed-in staff member reads the
 * boards; who may change what is decided in the handlers through
 * okr_may_edit() (admins and supervisors, or the owner). */
#include "app.h"
#include "http.h"
#include "okr_pages.h"

static const struct route routes[] = {
	{ "GET",  "/okr/",                     ROLES_STAFF, 0, okr_board_get, NULL },
	{ "GET",  "/okr/board.csv",            ROLES_STAFF, 0, okr_board_csv, NULL },
	{ "GET",  "/okr/weekly",               ROLES_STAFF, 0, okr_weekly_get, NULL },
	{ "GET",  "/okr/kpi",                  ROLES_STAFF, 0, okr_kpi_get, NULL },
	{ "GET",  "/okr/cycles",               ROLES_STAFF, 0, okr_cycles_get, NULL },
	{ "POST", "/okr/cycles",               ROLES_STAFF, 0, okr_cycle_new_post, NULL },
	{ "POST", "/okr/cycles/:/close",       ROLES_STAFF, 0, okr_cycle_close_post, NULL },
	{ "POST", "/okr/cycles/:/carry",       ROLES_STAFF, 0, okr_cycle_carry_post, NULL },
	{ "GET",  "/okr/objectives/new",       ROLES_STAFF, 0, okr_objective_new_get, NULL },
	{ "POST", "/okr/objectives",           ROLES_STAFF, 0, okr_objective_new_post, NULL },
	{ "GET",  "/okr/objectives/:",         ROLES_STAFF, 0, okr_objective_get, NULL },
	{ "GET",  "/okr/objectives/:/edit",    ROLES_STAFF, 0, okr_objective_edit_get, NULL },
	{ "POST", "/okr/objectives/:/edit",    ROLES_STAFF, 0, okr_objective_edit_post, NULL },
	{ "POST", "/okr/objectives/:/review",  ROLES_STAFF, 0, okr_review_post, NULL },
	{ "GET",  "/okr/krs/new",              ROLES_STAFF, 0, okr_kr_new_get, NULL },
	{ "POST", "/okr/krs",                  ROLES_STAFF, 0, okr_kr_new_post, NULL },
	{ "GET",  "/okr/krs/:",                ROLES_STAFF, 0, okr_kr_get, NULL },
	{ "GET",  "/okr/krs/:/edit",           ROLES_STAFF, 0, okr_kr_edit_get, NULL },
	{ "POST", "/okr/krs/:/edit",           ROLES_STAFF, 0, okr_kr_edit_post, NULL },
	{ "POST", "/okr/krs/:/checkins",       ROLES_STAFF, 0, okr_checkin_post, NULL },
	{ "POST", "/okr/krs/:/initiatives",    ROLES_STAFF, 0, okr_initiative_post, NULL },
};

int
main(void)
{
	static const struct plugin p = {
		"okr", routes, sizeof(routes) / sizeof(routes[0]), NULL, 0
	};

	i18n_register(okr_msgs, okr_nmsgs);
	return app_main(&p);
}
