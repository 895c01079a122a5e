/* Helpers shared by the admin pages: the page dictionary with the tab bar,
 * trimmed form fields, checkboxes, ids from the path, database failures,
 * select options; and the catalog of what every admin page says. */
#include "admin.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

   /* U+3000, typed by Chinese IMEs */

const char *const admin_priorities[] = { "low", "normal", "high", "urgent", NULL };

static const struct {
	const char *key, *href;
} admin_tabs[AT__MAX] = {
	[AT_HOME]       = { "A_TAB_HOME",       "/admin/" },
	[AT_USERS]      = { "A_TAB_USERS",      "/admin/users" },
	[AT_TEAMS]      = { "A_TAB_TEAMS",      "/admin/teams" },
	[AT_CATEGORIES] = { "A_TAB_CATEGORIES", "/admin/categories" },
	[AT_SLA]        = { "A_TAB_SLA",        "/admin/sla" },
	[AT_CALENDAR]   = { "A_TAB_CALENDAR",   "/admin/calendar" },
	[AT_API_KEYS]   = { "A_TAB_API_KEYS",   "/admin/api-keys" },
	[AT_RULES]      = { "A_TAB_RULES",      "/admin/rules" },
	[AT_METRICS]    = { "A_TAB_METRICS",    "/admin/metrics" },
	[AT_TRACKING]   = { "A_TAB_TRACKING",   "/admin/tracking" },
	[AT_CANNED]     = { "A_TAB_CANNED",     "/admin/canned" },
	[AT_NOTIFY]     = { "A_TAB_NOTIFY",     "/admin/notify" },
};

tmpl_dict *
admin_dict(struct req *r, const char *title_key, enum admin_tab cur)
{
	tmpl_dict *d = page_dict(r, title_key);
	tmpl_dict *nav = tmpl_add_include(d, "ADMIN_NAV", "admin/nav.tpl");
	int i;

	for (i = 0; i < AT__MAX; i++) {
		tmpl_dict *t = tmpl_add_section(nav, "TAB");

		tmpl_set(t, "HREF", admin_tabs[i].href);
		tmpl_set(t, "LABEL", i18n(r->lang, admin_tabs[i].key));
		if (i == (int)cur)
			tmpl_show_section(t, "CURRENT");
	}
	if (req_query(r, "saved") != NULL)
		tmpl_show_section(d, "SAVED_NOTE");
	return d;
}

const char *
admin_field(struct req *r, const char *name)
{
	return valid_trim(r->a, req_form(r, name));
}

const char *
admin_check_flag(const char *v, int *out)
{
	if (v == NULL || *v == '\0') {
		*out = 0;
		return NULL;
	}
	if (strcmp(v, "1") == 0) {
		*out = 1;
		return NULL;
	}
	return "ERR_INVALID";
}

int
admin_param_id(const struct req *r, long long *id)
{
	return valid_int(r->params[0], 1, LLONG_MAX, id) == NULL ? 0 : -1;
}

int
admin_db_fail(struct req *r, enum db_rc rc, tmpl_dict *d)
{
	if (d != NULL)
		tmpl_free(d);
	if (rc == DB_DOWN)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (rc == DB_CONFLICT)
		return resp_error(r, 409, "ERR_CONFLICT");
	return resp_error(r, 500, "ERR_INTERNAL");
}

int
admin_not_found(struct req *r, tmpl_dict *d)
{
	if (d != NULL)
		tmpl_free(d);
	return resp_error(r, 404, "ERR_NOT_FOUND");
}

void
admin_options(tmpl_dict *d, const char *section, const struct db_res *res,
    size_t vcol, size_t lcol, const char *sel)
{
	size_t i;

	for (i = 0; i < res->nrows; i++) {
		tmpl_dict *o = tmpl_add_section(d, section);

		tmpl_set(o, "VALUE", db_gets(res, i, vcol));
		tmpl_set(o, "LABEL", db_gets(res, i, lcol));
		if (sel != NULL && strcmp(sel, db_gets(res, i, vcol)) == 0)
			tmpl_show_section(o, "SELECTED");
	}
}

const struct i18n_msg admin_msgs_common[] = {
	{ "A_TITLE",           "系统管理",          "Administration" },
	{ "A_COLON",           "：",                ": " },
	{ "A_TAB_HOME",        "概览",              "Overview" },
	{ "A_TAB_USERS",       "用户",              "Users" },
	{ "A_TAB_TEAMS",       "团队",              "Teams" },
	{ "A_TAB_CATEGORIES",  "产品类别",          "Categories" },
	{ "A_TAB_SLA",         "SLA 时限",          "SLA targets" },
	{ "A_TAB_CALENDAR",    "工作日历",          "Work calendar" },
	{ "A_TAB_API_KEYS",    "API 密钥",          "API keys" },
	{ "A_TAB_RULES",       "投诉预警词",        "Keyword rules" },
	{ "A_TAB_METRICS",     "外部指标",          "External metrics" },
	{ "A_TAB_TRACKING",    "客户查询页",        "Tracking page" },
	{ "A_TABS_LABEL",      "管理菜单",          "Admin sections" },
	{ "A_EDIT",            "编辑",              "Edit" },
	{ "A_CREATE",          "新增",              "Add" },
	{ "A_BACK",            "返回列表",          "Back to the list" },
	{ "A_ACTIVE",          "启用",              "Active" },
	{ "A_INACTIVE",        "已停用",            "Inactive" },
	{ "A_NONE",            "（无）",            "(none)" },
	{ "A_ACTIONS",         "操作",              "Actions" },
	{ "A_EMPTY",           "暂无记录。",        "Nothing yet." },
	{ "A_CREATED_AT",      "创建时间",          "Created" },
	{ "A_OPTIONAL",        "（选填）",          "(optional)" },
	{ "A_COUNT_SHOWN_MAX", "仅显示前 1000 条。", "Only the first 1000 are shown." },
	/* overview */
	{ "A_HOME_INTRO",      "管理员工账号、组织与服务规则。修改即时生效（SLA 日历最多 1 分钟后生效）。",
	                       "Staff accounts, organisation and service rules. Changes apply at once"
	                       " (the SLA calendar within a minute)." },
	{ "A_HOME_USERS",      "员工账号、角色、团队与技能",  "Staff accounts, roles, teams and skills" },
	{ "A_HOME_TEAMS",      "服务团队及其负责区域（用于自动派工）",
	                       "Service teams and the region each covers (for auto-dispatch)" },
	{ "A_HOME_CATEGORIES", "客户报修时可选的产品类别",   "Product types customers choose from" },
	{ "A_HOME_SLA",        "各优先级的首次响应与解决时限", "First-response and resolve targets per priority" },
	{ "A_HOME_CALENDAR",   "工作时间、节假日与调休",      "Working hours, holidays and make-up days" },
	{ "A_HOME_API_KEYS",   "其他系统（呼叫中心、小程序）创建工单的密钥",
	                       "Keys for other systems (call centre, mini-program) to create tickets" },
	{ "A_HOME_RULES",      "客户文字中出现这些词时标记工单并提升优先级",
	                       "Phrases in customer text that flag a ticket and raise its priority" },
	{ "A_HOME_METRICS",    "其他系统（销售、会员、呼叫中心）的指标及其数据",
	                       "Figures of other systems (sales, membership, call centre) and their points" },
	{ "A_HOME_ACTIVE_OF",  "启用 / 总数",       "active / total" },
	{ "A_HOME_OVERRIDES",  "类别特例",          "category overrides" },
	{ "A_HOME_UPCOMING",   "即将到来的特殊日期", "upcoming special days" },
	{ "A_HOME_SLA_MISSING","有优先级缺少默认 SLA 时限，请在“SLA 时限”中补齐。",
	                       "A priority lacks its default SLA targets: set them under"
	                       " \"SLA targets\"." },
};
const size_t admin_nmsgs_common = sizeof(admin_msgs_common) / sizeof(admin_msgs_common[0]);

int
admin_load_row(struct req *r, struct db_q *q, struct db_res **res, tmpl_dict *d)
{
	long long id;
	enum db_rc rc;

	if (admin_param_id(r, &id) != 0) {
		admin_not_found(r, d);
		return -1;
	}
	if ((rc = db_query(r->a, q, res, "i", id)) != DB_OK) {
		admin_db_fail(r, rc, d);
		return -1;
	}
	if ((*res)->nrows != 1) {
		admin_not_found(r, d);
		return -1;
	}
	return 0;
}
