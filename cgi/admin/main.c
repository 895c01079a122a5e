/* admin: mounted at /admin/ by nginx; every page is for administrators
 * only (ROLES_ADMIN, checked by the core before any handler runs, as is
 * the CSRF token of every POST). */
#include "app.h"
#include "admin.h"
#include "ext_metric.h"
#include "i18n.h"
#include "notify_send.h"

static const struct route routes[] = {
	{ "GET",  "/admin/",                        ROLES_ADMIN, 0, admin_home, NULL },
	{ "GET",  "/admin/users",                   ROLES_ADMIN, 0, users_get, NULL },
	{ "POST", "/admin/users",                   ROLES_ADMIN, 0, users_post, NULL },
	{ "GET",  "/admin/users/:",                 ROLES_ADMIN, 0, user_get, NULL },
	{ "POST", "/admin/users/:",                 ROLES_ADMIN, 0, user_post, NULL },
	{ "POST", "/admin/users/:/password",        ROLES_ADMIN, 0, user_password_post, NULL },
	{ "GET",  "/admin/teams",                   ROLES_ADMIN, 0, teams_get, NULL },
	{ "POST", "/admin/teams",                   ROLES_ADMIN, 0, teams_post, NULL },
	{ "GET",  "/admin/teams/:",                 ROLES_ADMIN, 0, team_get, NULL },
	{ "POST", "/admin/teams/:",                 ROLES_ADMIN, 0, team_post, NULL },
	{ "GET",  "/admin/categories",              ROLES_ADMIN, 0, categories_get, NULL },
	{ "POST", "/admin/categories",              ROLES_ADMIN, 0, categories_post, NULL },
	{ "GET",  "/admin/categories/:",            ROLES_ADMIN, 0, category_get, NULL },
	{ "POST", "/admin/categories/:",            ROLES_ADMIN, 0, category_post, NULL },
	{ "GET",  "/admin/sla",                     ROLES_ADMIN, 0, sla_get, NULL },
	{ "GET",  "/admin/sla/:",                   ROLES_ADMIN, 0, sla_edit_get, NULL },
	{ "POST", "/admin/sla/:",                   ROLES_ADMIN, 0, sla_edit_post, NULL },
	{ "GET",  "/admin/calendar",                ROLES_ADMIN, 0, calendar_get, NULL },
	{ "POST", "/admin/calendar/hours",          ROLES_ADMIN, 0, calendar_hours_post, NULL },
	{ "POST", "/admin/calendar/timezone",       ROLES_ADMIN, 0, calendar_tz_post, NULL },
	{ "POST", "/admin/calendar/days",           ROLES_ADMIN, 0, calendar_days_post, NULL },
	{ "POST", "/admin/calendar/days/:/delete",  ROLES_ADMIN, 0, calendar_day_delete_post, NULL },
	{ "GET",  "/admin/api-keys",                ROLES_ADMIN, 0, api_keys_get, NULL },
	{ "POST", "/admin/api-keys",                ROLES_ADMIN, 0, api_keys_post, NULL },
	{ "POST", "/admin/api-keys/:/revoke",       ROLES_ADMIN, 0, api_key_revoke_post, NULL },
	{ "GET",  "/admin/tracking",                ROLES_ADMIN, 0, tracking_get, NULL },
	{ "POST", "/admin/tracking",                ROLES_ADMIN, 0, tracking_post, NULL },
	{ "GET",  "/admin/canned",                  ROLES_ADMIN, 0, canned_list_get, NULL },
	{ "POST", "/admin/canned",                  ROLES_ADMIN, 0, canned_list_post, NULL },
	{ "GET",  "/admin/canned/:",                ROLES_ADMIN, 0, canned_edit_get, NULL },
	{ "POST", "/admin/canned/:",                ROLES_ADMIN, 0, canned_edit_post, NULL },
	{ "GET",  "/admin/rules",                   ROLES_ADMIN, 0, rules_get, NULL },
	{ "POST", "/admin/rules",                   ROLES_ADMIN, 0, rules_post, NULL },
	{ "GET",  "/admin/rules/:",                 ROLES_ADMIN, 0, rule_get, NULL },
	{ "POST", "/admin/rules/:",                 ROLES_ADMIN, 0, rule_post, NULL },
	{ "POST", "/admin/rules/:/deactivate",      ROLES_ADMIN, 0, rule_deactivate_post, NULL },
	{ "GET",  "/admin/metrics",                 ROLES_ADMIN, 0, ext_metrics_get, NULL },
	{ "POST", "/admin/metrics",                 ROLES_ADMIN, 0, ext_metrics_post, NULL },
	{ "GET",  "/admin/metrics/:",               ROLES_ADMIN, 0, ext_metric_get, NULL },
	{ "POST", "/admin/metrics/:",               ROLES_ADMIN, 0, ext_metric_post, NULL },
	{ "POST", "/admin/metrics/:/deactivate",    ROLES_ADMIN, 0, ext_metric_deactivate_post, NULL },
	{ "POST", "/admin/metrics/:/points",        ROLES_ADMIN, 0, ext_point_post, NULL },
	{ "POST", "/admin/metrics/:/imports",       ROLES_ADMIN, 0, ext_import_post, NULL },
	{ "GET",  "/admin/metrics/:/imports/:",     ROLES_ADMIN, 0, ext_import_get, NULL },
	{ "POST", "/admin/metrics/:/imports/:/confirm", ROLES_ADMIN, 0, ext_import_confirm_post, NULL },
	{ "GET",  "/admin/notify",                  ROLES_ADMIN, 0, notify_home_get, NULL },
	{ "POST", "/admin/notify/rules",            ROLES_ADMIN, 0, notify_rules_post, NULL },
	{ "GET",  "/admin/notify/channels/:",       ROLES_ADMIN, 0, notify_channel_get, NULL },
	{ "POST", "/admin/notify/channels/:",       ROLES_ADMIN, 0, notify_channel_post, NULL },
	{ "POST", "/admin/notify/channels/:/test",  ROLES_ADMIN, 0, notify_channel_test_post, NULL },
	{ "GET",  "/admin/notify/outbox",           ROLES_ADMIN, 0, notify_outbox_get, NULL },
	{ "POST", "/admin/notify/outbox/:/resend",  ROLES_ADMIN, 0, notify_outbox_resend_post, NULL },
};

int
main(void)
{
	const struct plugin p = {
		"admin", routes, sizeof(routes) / sizeof(routes[0]),
		admin_msgs_common, admin_nmsgs_common
	};

	i18n_register(admin_msgs_users, admin_nmsgs_users);
	i18n_register(admin_msgs_teams, admin_nmsgs_teams);
	i18n_register(admin_msgs_categories, admin_nmsgs_categories);
	i18n_register(admin_msgs_sla, admin_nmsgs_sla);
	i18n_register(admin_msgs_calendar, admin_nmsgs_calendar);
	i18n_register(admin_msgs_api_keys, admin_nmsgs_api_keys);
	i18n_register(admin_msgs_rules, admin_nmsgs_rules);
	i18n_register(admin_msgs_ext_metrics, admin_nmsgs_ext_metrics);
	i18n_register(admin_msgs_ext_points, admin_nmsgs_ext_points);
	i18n_register(ext_metric_msgs, ext_metric_nmsgs);
	i18n_register(admin_msgs_tracking, admin_nmsgs_tracking);
	i18n_register(admin_msgs_canned, admin_nmsgs_canned);
	i18n_register(admin_msgs_notify, admin_nmsgs_notify);
	i18n_register(notify_msgs, notify_nmsgs);
	return app_main(&p);
}
