/* The admin plugin (/admin/, administrators only): users, teams,
 * categories, SLA policies, the work calendar, API keys and keyword rules.
 * One file per page group; the helpers they share are in common.c. */
#ifndef SL_ADMIN_H
#define SL_ADMIN_H

#include <stddef.h>
#include "db.h"
#include "i18n.h"

struct arena;
struct req;
typedef struct tmpl_dict tmpl_dict;

/* The tabs of the admin pages, in display order. */
enum admin_tab {
	AT_HOME = 0,
	AT_USERS,
	AT_TEAMS,
	AT_CATEGORIES,
	AT_SLA,
	AT_CALENDAR,
	AT_API_KEYS,
	AT_RULES,
	AT_METRICS,
	AT_TRACKING,
	AT_CANNED,
	AT_NOTIFY,
	AT__MAX
};

/* Priorities as stored (ticket_priority_name order). */
extern const char *const admin_priorities[];

/* common.c */

/* page_dict() plus the admin tab bar (include ADMIN_NAV) with cur marked
 * and the "saved" note when the query has saved=1. Caller passes it to
 * resp_page (which frees it). */
tmpl_dict  *admin_dict(struct req *, const char *title_key, enum admin_tab cur);
/* The body field name without leading/trailing white space (ASCII and
 * U+3000); "" when absent. Points into the request or the arena. */
const char *admin_field(struct req *, const char *name);
/* A checkbox: absent or "" is 0, "1" is 1, anything else a problem key. */
const char *admin_check_flag(const char *v, int *out);
/* The first route capture as an id >= 1; 0 ok, -1 not an id. */
int	    admin_param_id(const struct req *, long long *id);
/* Answer a failed database call: 503 (down), 409 (conflict) or 500.
 * Frees d (may be NULL). */
int	    admin_db_fail(struct req *, enum db_rc, tmpl_dict *d);
/* 404 page; frees d (may be NULL). */
int	    admin_not_found(struct req *, tmpl_dict *d);
/* Select options: section name gets one repetition per row of res with
 * VALUE = column vcol, LABEL = column lcol, SELECTED when VALUE equals sel. */
void	    admin_options(tmpl_dict *, const char *section, const struct db_res *res,
	    size_t vcol, size_t lcol, const char *sel);

/* Pages, each in the file of its group (home.c for the overview). */
int	admin_home(struct req *);
int	users_get(struct req *);
int	users_post(struct req *);
int	user_get(struct req *);
int	user_post(struct req *);
int	user_password_post(struct req *);
int	teams_get(struct req *);
int	teams_post(struct req *);
int	team_get(struct req *);
int	team_post(struct req *);
int	categories_get(struct req *);
int	categories_post(struct req *);
int	category_get(struct req *);
int	category_post(struct req *);
int	sla_get(struct req *);
int	sla_edit_get(struct req *);
int	sla_edit_post(struct req *);
int	calendar_get(struct req *);
int	calendar_hours_post(struct req *);
int	calendar_tz_post(struct req *);
int	calendar_days_post(struct req *);
int	calendar_day_delete_post(struct req *);
int	api_keys_get(struct req *);
int	api_keys_post(struct req *);
int	api_key_revoke_post(struct req *);
int	rules_get(struct req *);
int	rules_post(struct req *);
int	rule_get(struct req *);
int	rule_post(struct req *);
int	rule_deactivate_post(struct req *);
int	ext_metrics_get(struct req *);         /* ext_metrics.c */
int	ext_metrics_post(struct req *);
int	ext_metric_get(struct req *);
int	ext_metric_post(struct req *);
int	ext_metric_deactivate_post(struct req *);
int	ext_point_post(struct req *);          /* ext_points.c */
int	ext_import_post(struct req *);
int	ext_import_get(struct req *);
int	ext_import_confirm_post(struct req *);

/* The external metric of the path (params[0]) into m: 0, or -1 when the
 * 404/503 page has been sent (d freed) (ext_metrics.c). */
struct ext_metric;
int	xm_load(struct req *, struct ext_metric *m, tmpl_dict *d);
/* The page of one external metric: d holds the definition form's values
 * and problems; adds the point form, the import form and the latest
 * points (ext_points.c). */
int	xm_page(struct req *, int status, tmpl_dict *d, const struct ext_metric *m);
int	tracking_get(struct req *);
int	tracking_post(struct req *);
int	canned_list_get(struct req *);         /* canned.c */
int	canned_list_post(struct req *);
int	canned_edit_get(struct req *);
int	canned_edit_post(struct req *);
int	notify_home_get(struct req *);         /* notify_rules.c */
int	notify_rules_post(struct req *);
int	notify_channel_get(struct req *);      /* notify_channels.c */
int	notify_channel_post(struct req *);
int	notify_channel_test_post(struct req *);
int	notify_outbox_get(struct req *);       /* notify_outbox.c */
int	notify_outbox_resend_post(struct req *);
extern const struct i18n_msg admin_msgs_notify[];
extern const size_t admin_nmsgs_notify;

/* Catalogs, one per file (keys A_...). */
extern const struct i18n_msg admin_msgs_common[], admin_msgs_users[], admin_msgs_teams[],
	admin_msgs_categories[], admin_msgs_sla[], admin_msgs_calendar[],
	admin_msgs_api_keys[], admin_msgs_rules[], admin_msgs_ext_metrics[],
	admin_msgs_ext_points[], admin_msgs_tracking[], admin_msgs_canned[];
extern const size_t admin_nmsgs_common, admin_nmsgs_users, admin_nmsgs_teams,
	admin_nmsgs_categories, admin_nmsgs_sla, admin_nmsgs_calendar,
	admin_nmsgs_api_keys, admin_nmsgs_rules, admin_nmsgs_ext_metrics,
	admin_nmsgs_ext_points, admin_nmsgs_tracking, admin_nmsgs_canned;

/* The row of q (one id parameter: the path's id) into *res; 0 when found,
 * else the 404 or 503 page has been sent and d freed. */
struct db_q;
struct db_res;
int	admin_load_row(struct req *, struct db_q *, struct db_res **, tmpl_dict *d);

#endif
