/* GET /admin/: the overview — one card per admin page with its counts, and
 * a warning when a priority has lost its default SLA targets. */
#include "admin.h"
#include "http.h"
#include "tmpl.h"

static struct db_q q_counts = DB_Q(
    "SELECT (SELECT COUNT(*) FROM users WHERE active = 1), (SELECT COUNT(*) FROM users),"
    " (SELECT COUNT(*) FROM teams),"
    " (SELECT COUNT(*) FROM categories WHERE active = 1), (SELECT COUNT(*) FROM categories),"
    " (SELECT COUNT(*) FROM sla_policies WHERE category_id IS NOT NULL),"
    " (SELECT COUNT(DISTINCT priority) FROM sla_policies WHERE category_id IS NULL),"
    " (SELECT COUNT(*) FROM calendar_days WHERE day >= UTC_DATE()),"
    " (SELECT COUNT(*) FROM api_keys WHERE active = 1), (SELECT COUNT(*) FROM api_keys),"
    " (SELECT COUNT(*) FROM keyword_rules WHERE active = 1), (SELECT COUNT(*) FROM keyword_rules),"
    " (SELECT COUNT(*) FROM ext_metrics WHERE active = 1), (SELECT COUNT(*) FROM ext_metrics)");

enum { HC_USERS_ON, HC_USERS, HC_TEAMS, HC_CATS_ON, HC_CATS, HC_SLA_OVERRIDES,
       HC_SLA_DEFAULTS, HC_DAYS, HC_KEYS_ON, HC_KEYS, HC_RULES_ON, HC_RULES, HC_METRICS_ON,
       HC_METRICS };

#define HOME_PRIORITIES 4

int
admin_home(struct req *r)
{
	struct db_res *res;
	tmpl_dict *d;
	enum db_rc rc;

	if ((rc = db_query(r->a, &q_counts, &res, "")) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	d = admin_dict(r, "A_TITLE", AT_HOME);
	tmpl_set(d, "USERS_ON", db_gets(res, 0, HC_USERS_ON));
	tmpl_set(d, "USERS", db_gets(res, 0, HC_USERS));
	tmpl_set(d, "TEAMS", db_gets(res, 0, HC_TEAMS));
	tmpl_set(d, "CATS_ON", db_gets(res, 0, HC_CATS_ON));
	tmpl_set(d, "CATS", db_gets(res, 0, HC_CATS));
	tmpl_set(d, "SLA_OVERRIDES", db_gets(res, 0, HC_SLA_OVERRIDES));
	tmpl_set(d, "DAYS", db_gets(res, 0, HC_DAYS));
	tmpl_set(d, "KEYS_ON", db_gets(res, 0, HC_KEYS_ON));
	tmpl_set(d, "KEYS", db_gets(res, 0, HC_KEYS));
	tmpl_set(d, "RULES_ON", db_gets(res, 0, HC_RULES_ON));
	tmpl_set(d, "RULES", db_gets(res, 0, HC_RULES));
	tmpl_set(d, "METRICS_ON", db_gets(res, 0, HC_METRICS_ON));
	tmpl_set(d, "METRICS", db_gets(res, 0, HC_METRICS));
	if (db_get_int(res, 0, HC_SLA_DEFAULTS) < HOME_PRIORITIES)
		tmpl_show_section(d, "SLA_MISSING");
	return resp_page(r, 200, "admin/home.tpl", d);
}
