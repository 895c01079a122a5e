/* /admin/tracking: what the customer's tracking page shows of the staff —
 * the technician's name in full, as surname + 师傅, or not at all (the
 * rule is in cgi/service/staff_name.h). Stored in settings.track_staff_name. */
#include "admin.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "staff_name.h"
#include "tmpl.h"
#include "valid.h"

static struct db_q q_mode = DB_Q("SELECT value FROM settings WHERE name = 'track_staff_name'");
static struct db_q q_mode_set = DB_Q(
    "INSERT INTO settings (name, value) VALUES ('track_staff_name', ?)"
    " ON DUPLICATE KEY UPDATE value = VALUES(value)");

static const char *const modes[] = { "full", "surname", "hidden", NULL };

/* One radio per mode, with an example from the demo name. */
static void
tracking_fill(struct req *r, tmpl_dict *d, enum staff_name_mode cur)
{
	static const char *const label[SNM__MAX] = {
		"A_TRK_FULL", "A_TRK_SURNAME", "A_TRK_HIDDEN"
	};
	int i;

	for (i = 0; i < SNM__MAX; i++) {
		tmpl_dict *s = tmpl_add_section(d, "MODE");
		const char *ex = staff_public_name(r->a, "王伟 Wang Wei", (enum staff_name_mode)i);

		tmpl_set(s, "VALUE", modes[i]);
		tmpl_set(s, "LABEL", i18n(r->lang, label[i]));
		tmpl_set(s, "EXAMPLE", ex != NULL ? arena_printf(r->a, "%s %s",
		    i18n(r->lang, "A_TRK_EXAMPLE"), ex) : i18n(r->lang, "A_TRK_HIDDEN_EX"));
		if (i == (int)cur)
			tmpl_show_section(s, "CHECKED");
	}
}

int
tracking_get(struct req *r)
{
	struct db_res *res;
	tmpl_dict *d;
	enum db_rc rc;

	if ((rc = db_query(r->a, &q_mode, &res, "")) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	d = admin_dict(r, "A_TRK_TITLE", AT_TRACKING);
	tracking_fill(r, d, staff_name_mode_parse(res->nrows > 0 ? db_gets(res, 0, 0) : NULL));
	return resp_page(r, 200, "admin/tracking.tpl", d);
}

int
tracking_post(struct req *r)
{
	struct form_check fc = { r, NULL, 0 };
	const char *v = admin_field(r, "staff_name");
	int idx = 0;
	enum db_rc rc;

	if (valid_choice(v, modes, &idx) != NULL) {
		fc.d = admin_dict(r, "A_TRK_TITLE", AT_TRACKING);
		form_check_field(&fc, "staff_name", v, "A_TRK_ERR_MODE");
		tracking_fill(r, fc.d, SNM__MAX);
		return resp_page(r, 422, "admin/tracking.tpl", fc.d);
	}
	if ((rc = db_exec(&q_mode_set, NULL, "s", modes[idx])) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	return resp_redirect(r, "/admin/tracking?saved=1");
}

const struct i18n_msg admin_msgs_tracking[] = {
	{ "A_TRK_TITLE",     "客户查询页",        "Customer tracking page" },
	{ "A_TRK_INTRO",     "客户用查询链接或“电话 + 工单号”查看维修进度。这里决定页面上如何显示负责的技术员。",
	                     "Customers follow their repair by the tracking link or by phone"
	                     " and ticket number. Choose how the page names the technician." },
	{ "A_TRK_NAME",      "技术员姓名",        "Technician's name" },
	{ "A_TRK_FULL",      "完整姓名",          "Full name" },
	{ "A_TRK_SURNAME",   "姓 + 师傅",         "Surname + 师傅 (master)" },
	{ "A_TRK_HIDDEN",    "不显示",            "Not shown" },
	{ "A_TRK_HIDDEN_EX", "（只显示“已安排技术员”）", "(only \"a technician has been assigned\")" },
	{ "A_TRK_EXAMPLE",   "例如",              "For example" },
	{ "A_TRK_RULE",      "“姓 + 师傅”取账号姓名开头的中文：复姓（欧阳、诸葛等）取两个字，其余取第一个字；没有中文的姓名取第一个词。",
	                     "\"Surname + 师傅\" takes the Chinese at the start of the account's"
	                     " name: two characters for a compound surname such as 欧阳 or 诸葛"
	                     " and one for any other; a name without Chinese shows its first word." },
	{ "A_TRK_ERR_MODE",  "请选择一种显示方式。", "Choose one of the options." },
};
const size_t admin_nmsgs_tracking = sizeof(admin_msgs_tracking) / sizeof(admin_msgs_tracking[0]);
