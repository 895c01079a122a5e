/* /admin/rules: complaint early-warning. A ticket, reply or survey whose
 * text contains an active phrase is flagged, and its priority raised to
 * raise_priority when one is set. Rules are deactivated, never deleted
 * (ticket_flags keeps pointing at them). */
#include "admin.h"
#include "arena.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

static struct db_q q_rules_list = DB_Q(
    "SELECT r.id, r.phrase, COALESCE(r.raise_priority, ''), r.active, r.created_at,"
    " (SELECT COUNT(*) FROM ticket_flags f WHERE f.rule_id = r.id)"
    " FROM keyword_rules r ORDER BY r.active DESC, r.phrase LIMIT 1000");
static struct db_q q_rule_get = DB_Q(
    "SELECT id, phrase, COALESCE(raise_priority, ''), active FROM keyword_rules WHERE id = ?");
static struct db_q q_rule_insert = DB_Q(
    "INSERT INTO keyword_rules (phrase, raise_priority, active, created_at)"
    " VALUES (?, NULLIF(?, ''), 1, UTC_TIMESTAMP())");
static struct db_q q_rule_update = DB_Q(
    "UPDATE keyword_rules SET phrase = ?, raise_priority = NULLIF(?, ''), active = ? WHERE id = ?");
static struct db_q q_rule_deactivate = DB_Q(
    "UPDATE keyword_rules SET active = 0 WHERE id = ?");

enum { RC_ID, RC_PHRASE, RC_PRIORITY, RC_ACTIVE, RC_CREATED, RC_FLAGS };

struct rule_form {
	const char *phrase, *priority;
	int         active;
};

/* "" (no change of priority) or one of the priorities. */
static const char *
check_priority(const char *v)
{
	int idx;

	return *v == '\0' ? NULL : valid_choice(v, admin_priorities, &idx);
}

/* The priority select, sel marked ("" = keep the priority). */
static void
rule_priority_options(struct req *r, tmpl_dict *d, const char *sel)
{
	int i;

	for (i = 0; admin_priorities[i] != NULL; i++) {
		tmpl_dict *o = tmpl_add_section(d, "PRIORITY_OPTION");

		tmpl_set(o, "VALUE", admin_priorities[i]);
		tmpl_set(o, "LABEL", i18n(r->lang, arena_printf(r->a, "PRIORITY_%s",
		    admin_priorities[i])));
		if (strcmp(sel, admin_priorities[i]) == 0)
			tmpl_show_section(o, "SELECTED");
	}
}

/* with_active: the edit form has the active checkbox; new rules are on. */
static void
rule_check(struct req *r, struct form_check *fc, struct rule_form *f, int with_active)
{
	f->phrase = admin_field(r, "phrase");
	f->priority = admin_field(r, "raise_priority");
	f->active = 1;
	form_check_field(fc, "phrase", f->phrase, valid_text(f->phrase, 100, 1, 0));
	if (form_check_field(fc, "raise_priority", f->priority, check_priority(f->priority)) != NULL)
		f->priority = "";
	rule_priority_options(r, fc->d, f->priority);
	if (with_active && form_check_field(fc, "active", "",
	    admin_check_flag(req_form(r, "active"), &f->active)) == NULL && f->active)
		tmpl_show_section(fc->d, "ACTIVE_CHECKED");
}

static void
rules_fill_row(struct req *r, tmpl_dict *d, const struct db_res *res, size_t i)
{
	tmpl_dict *row = tmpl_add_section(d, "RULE");
	const char *pr = db_gets(res, i, RC_PRIORITY);

	tmpl_set(row, "ID", db_gets(res, i, RC_ID));
	tmpl_set(row, "PHRASE", db_gets(res, i, RC_PHRASE));
	if (*pr != '\0') {
		tmpl_dict *p = tmpl_add_section(row, "RAISE");

		tmpl_set(p, "PRIORITY", pr);
		tmpl_set(p, "LABEL", i18n(r->lang, arena_printf(r->a, "PRIORITY_%s", pr)));
	} else {
		tmpl_show_section(row, "NO_RAISE");
	}
	tmpl_set(row, "CREATED", fmt_local_time(r->a, db_get(res, i, RC_CREATED)));
	tmpl_set(row, "FLAGS", db_gets(res, i, RC_FLAGS));
	tmpl_show_section(row, db_get_int(res, i, RC_ACTIVE) ? "IS_ACTIVE" : "IS_INACTIVE");
}

static int
rules_render(struct req *r, int status, tmpl_dict *d)
{
	struct db_res *res;
	enum db_rc rc;
	size_t i;

	if ((rc = db_query(r->a, &q_rules_list, &res, "")) != DB_OK)
		return admin_db_fail(r, rc, d);
	for (i = 0; i < res->nrows; i++)
		rules_fill_row(r, d, res, i);
	if (res->nrows == 0)
		tmpl_show_section(d, "NO_RULES");
	return resp_page(r, status, "admin/rules.tpl", d);
}

int
rules_get(struct req *r)
{
	tmpl_dict *d = admin_dict(r, "A_RULES_TITLE", AT_RULES);

	rule_priority_options(r, d, "");
	return rules_render(r, 200, d);
}

int
rules_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_RULES_TITLE", AT_RULES), 0 };
	struct rule_form f;
	enum db_rc rc;

	rule_check(r, &fc, &f, 0);
	if (fc.nerr > 0)
		return rules_render(r, 422, fc.d);
	rc = db_exec(&q_rule_insert, NULL, "ss", f.phrase, f.priority);
	if (rc == DB_DUP) {
		form_check_field(&fc, "phrase", f.phrase, "A_ERR_PHRASE_TAKEN");
		return rules_render(r, 422, fc.d);
	}
	if (rc != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	tmpl_free(fc.d);
	return resp_redirect(r, "/admin/rules?saved=1");
}


static int
rule_render(struct req *r, int status, tmpl_dict *d, const struct db_res *rule)
{
	tmpl_set(d, "ID", db_gets(rule, 0, RC_ID));
	tmpl_set(d, "RULE_PHRASE", db_gets(rule, 0, RC_PHRASE));
	return resp_page(r, status, "admin/rule.tpl", d);
}

int
rule_get(struct req *r)
{
	tmpl_dict *d = admin_dict(r, "A_RULE_EDIT_TITLE", AT_RULES);
	struct db_res *rule;

	if (admin_load_row(r, &q_rule_get, &rule, d) != 0)
		return 0;
	tmpl_set(d, "VAL_phrase", db_gets(rule, 0, RC_PHRASE));
	rule_priority_options(r, d, db_gets(rule, 0, RC_PRIORITY));
	if (db_get_int(rule, 0, RC_ACTIVE))
		tmpl_show_section(d, "ACTIVE_CHECKED");
	return rule_render(r, 200, d, rule);
}

int
rule_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_RULE_EDIT_TITLE", AT_RULES), 0 };
	struct db_res *rule;
	struct rule_form f;
	enum db_rc rc;

	if (admin_load_row(r, &q_rule_get, &rule, fc.d) != 0)
		return 0;
	rule_check(r, &fc, &f, 1);
	if (fc.nerr > 0)
		return rule_render(r, 422, fc.d, rule);
	rc = db_exec(&q_rule_update, NULL, "ssIi", f.phrase, f.priority, f.active,
	    db_get_int(rule, 0, RC_ID));
	if (rc == DB_DUP) {
		form_check_field(&fc, "phrase", f.phrase, "A_ERR_PHRASE_TAKEN");
		return rule_render(r, 422, fc.d, rule);
	}
	if (rc != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	tmpl_free(fc.d);
	return resp_redirect(r, "/admin/rules?saved=1");
}

int
rule_deactivate_post(struct req *r)
{
	struct db_res *rule;
	enum db_rc rc;

	if (admin_load_row(r, &q_rule_get, &rule, NULL) != 0)
		return 0;
	if ((rc = db_exec(&q_rule_deactivate, NULL, "i", db_get_int(rule, 0, RC_ID))) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	return resp_redirect(r, "/admin/rules?saved=1");
}

const struct i18n_msg admin_msgs_rules[] = {
	{ "A_RULES_TITLE",       "投诉预警词",        "Complaint keyword rules" },
	{ "A_RULES_INTRO",       "客户的报修描述、补充信息或评价中出现这些词（不区分大小写）时，工单会被标记为预警，并可自动提升优先级。",
	                         "When customer text (the report, a reply or a rating) contains"
	                         " one of these phrases (any case), the ticket is flagged and its"
	                         " priority may be raised." },
	{ "A_RULE_EDIT_TITLE",   "编辑预警词",        "Edit keyword rule" },
	{ "A_RULE_ADD",          "新增预警词",        "Add a rule" },
	{ "A_RULE_PHRASE",       "关键词",            "Phrase" },
	{ "A_RULE_PHRASE_HINT",  "1 到 100 个字，例如“投诉”“12315”。",
	                         "1 to 100 characters, e.g. 投诉 (complaint), 12315." },
	{ "A_RULE_RAISE",        "提升优先级至",      "Raise priority to" },
	{ "A_RULE_RAISE_NONE",   "不提升（仅标记）",  "Keep (flag only)" },
	{ "A_RULE_FLAGS",        "已标记工单",        "Tickets flagged" },
	{ "A_RULE_DEACTIVATE",   "停用",              "Deactivate" },
	{ "A_RULE_ACTIVE_HINT",  "停用的规则不再标记新工单，历史标记保留。",
	                         "An inactive rule flags no new tickets; past flags stay." },
	{ "A_ERR_PHRASE_TAKEN",  "已有相同的关键词。", "This phrase already has a rule." },
};
const size_t admin_nmsgs_rules = sizeof(admin_msgs_rules) / sizeof(admin_msgs_rules[0]);
