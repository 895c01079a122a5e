/* /admin/sla: SLA targets in business minutes (the clock runs only in
 * working hours of the work calendar). One default per priority (category
 * NULL, always present) and optional overrides per category and priority.
 * The grid shows every category against every priority; /admin/sla/default
 * and /admin/sla/<category id> edit one row of it. */
#include "admin.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

#define SLA_NPRIO     4
#define SLA_MAX_MINS  525600        /* a year of minutes */

static struct db_q q_sla_all = DB_Q(
    "SELECT COALESCE(category_id, 0), priority, first_response_mins, resolve_mins"
    " FROM sla_policies");
static struct db_q q_sla_cats = DB_Q(
    "SELECT id, IF(? = 'en', name_en, name_zh), active FROM categories ORDER BY sort, id");
static struct db_q q_sla_cat = DB_Q(
    "SELECT id, IF(? = 'en', name_en, name_zh) FROM categories WHERE id = ?");
static struct db_q q_sla_default_update = DB_Q(
    "UPDATE sla_policies SET first_response_mins = ?, resolve_mins = ?"
    " WHERE category_id IS NULL AND priority = ?");
static struct db_q q_sla_default_count = DB_Q(
    "SELECT COUNT(*) FROM sla_policies WHERE category_id IS NULL AND priority = ?");
static struct db_q q_sla_default_insert = DB_Q(
    "INSERT INTO sla_policies (category_id, priority, first_response_mins, resolve_mins)"
    " VALUES (NULL, ?, ?, ?)");
static struct db_q q_sla_override_upsert = DB_Q(
    "INSERT INTO sla_policies (category_id, priority, first_response_mins, resolve_mins)"
    " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
    " first_response_mins = VALUES(first_response_mins), resolve_mins = VALUES(resolve_mins)");
static struct db_q q_sla_override_delete = DB_Q(
    "DELETE FROM sla_policies WHERE category_id = ? AND priority = ?");

enum { SP_CAT, SP_PRIO, SP_FR, SP_RES };

/* Display order: the most urgent first (indexes into admin_priorities). */
static const int prio_order[SLA_NPRIO] = { 3, 2, 1, 0 };

/* One priority of an edited row. */
struct sla_cell {
	const char *fr_text, *res_text;
	long long   fr, res;
	int         set;        /* 0: no override (category rows only) */
};

/* The row being edited: the defaults (cat 0) or a category. */
struct sla_target {
	long long   cat;
	const char *name;
};

/* Row of pol for (cat, priority), or -1. */
static long
sla_find(const struct db_res *pol, long long cat, const char *prio)
{
	size_t i;

	for (i = 0; i < pol->nrows; i++)
		if (db_get_int(pol, i, SP_CAT) == cat && strcmp(db_gets(pol, i, SP_PRIO), prio) == 0)
			return (long)i;
	return -1;
}

/* Business minutes as "2 小时" / "2 h 30 min". */
static const char *
sla_fmt(struct arena *a, long long mins, const char *lang)
{
	int en = strcmp(lang, "en") == 0;
	long long h = mins / 60, m = mins % 60;

	if (h == 0)
		return arena_printf(a, en ? "%lld min" : "%lld 分钟", m);
	if (m == 0)
		return arena_printf(a, en ? "%lld h" : "%lld 小时", h);
	return arena_printf(a, en ? "%lld h %lld min" : "%lld 小时 %lld 分钟", h, m);
}

/* One cell of the grid: the row's own targets, else the default's. */
static void
sla_fill_cell(struct req *r, tmpl_dict *row, const struct db_res *pol, long long cat,
    const char *prio)
{
	tmpl_dict *c = tmpl_add_section(row, "CELL");
	long own = sla_find(pol, cat, prio), def = sla_find(pol, 0, prio);
	long use = own >= 0 ? own : def;
	tmpl_dict *v;

	tmpl_set(c, "PRIORITY_LABEL", i18n(r->lang, arena_printf(r->a, "PRIORITY_%s", prio)));
	if (use < 0) {
		tmpl_show_section(c, "MISSING");
		return;
	}
	v = tmpl_add_section(c, own >= 0 ? (cat == 0 ? "DEFAULT" : "OWN") : "INHERITED");
	tmpl_set(v, "FR", sla_fmt(r->a, db_get_int(pol, use, SP_FR), r->lang));
	tmpl_set(v, "RES", sla_fmt(r->a, db_get_int(pol, use, SP_RES), r->lang));
}

static void
sla_fill_row(struct req *r, tmpl_dict *d, const struct db_res *pol, long long cat,
    const char *name, int inactive)
{
	tmpl_dict *row = tmpl_add_section(d, "ROW");
	int i;

	tmpl_set(row, "NAME", name);
	tmpl_set(row, "KEY", cat == 0 ? "default" : arena_printf(r->a, "%lld", cat));
	if (cat == 0)
		tmpl_show_section(row, "IS_DEFAULT");
	if (inactive)
		tmpl_show_section(row, "CAT_INACTIVE");
	for (i = 0; i < SLA_NPRIO; i++)
		sla_fill_cell(r, row, pol, cat, admin_priorities[prio_order[i]]);
}

int
sla_get(struct req *r)
{
	struct db_res *pol, *cats;
	tmpl_dict *d;
	enum db_rc rc;
	size_t i;
	int k;

	if ((rc = db_query(r->a, &q_sla_all, &pol, "")) != DB_OK ||
	    (rc = db_query(r->a, &q_sla_cats, &cats, "s", r->lang)) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	d = admin_dict(r, "A_SLA_TITLE", AT_SLA);
	for (k = 0; k < SLA_NPRIO; k++) {
		const char *p = admin_priorities[prio_order[k]];

		tmpl_set(tmpl_add_section(d, "HEAD"), "LABEL",
		    i18n(r->lang, arena_printf(r->a, "PRIORITY_%s", p)));
		if (sla_find(pol, 0, p) < 0)
			tmpl_show_section(d, "SLA_MISSING");
	}
	sla_fill_row(r, d, pol, 0, i18n(r->lang, "A_SLA_DEFAULT"), 0);
	for (i = 0; i < cats->nrows; i++)
		sla_fill_row(r, d, pol, db_get_int(cats, i, 0), db_gets(cats, i, 1),
		    !db_get_int(cats, i, 2));
	return resp_page(r, 200, "admin/sla.tpl", d);
}

/* ------------------------------------------------------ edit one row */

/* The row of the path ("default" or a category id); 0 ok, else answered. */
static int
sla_target_load(struct req *r, struct sla_target *t)
{
	struct db_res *res;
	enum db_rc rc;

	if (strcmp(r->params[0], "default") == 0) {
		t->cat = 0;
		t->name = i18n(r->lang, "A_SLA_DEFAULT");
		return 0;
	}
	if (admin_param_id(r, &t->cat) != 0) {
		admin_not_found(r, NULL);
		return -1;
	}
	if ((rc = db_query(r->a, &q_sla_cat, &res, "si", r->lang, t->cat)) != DB_OK) {
		admin_db_fail(r, rc, NULL);
		return -1;
	}
	if (res->nrows != 1) {
		admin_not_found(r, NULL);
		return -1;
	}
	t->name = db_gets(res, 0, 1);
	return 0;
}

/* The edit page. prio_dicts: the PRIO sections of d holding a submission
 * (values and problems already set), or NULL to show what is stored. */
static int
sla_edit_render(struct req *r, int status, tmpl_dict *d, const struct sla_target *t,
    const struct db_res *pol, tmpl_dict *const prio_dicts[SLA_NPRIO])
{
	int k;

	tmpl_set(d, "KEY", t->cat == 0 ? "default" : arena_printf(r->a, "%lld", t->cat));
	tmpl_set(d, "ROW_NAME", t->name);
	tmpl_show_section(d, t->cat == 0 ? "IS_DEFAULT" : "IS_CATEGORY");
	for (k = 0; k < SLA_NPRIO; k++) {
		const char *p = admin_priorities[prio_order[k]];
		tmpl_dict *s = prio_dicts != NULL ? prio_dicts[k] : tmpl_add_section(d, "PRIO");
		long own = sla_find(pol, t->cat, p), def = sla_find(pol, 0, p);

		tmpl_set(s, "P", p);
		tmpl_set(s, "LABEL", i18n(r->lang, arena_printf(r->a, "PRIORITY_%s", p)));
		if (t->cat == 0)
			tmpl_show_section(s, "REQ");
		if (t->cat != 0 && def >= 0) {
			tmpl_set(s, "DEF_fr", sla_fmt(r->a, db_get_int(pol, def, SP_FR), r->lang));
			tmpl_set(s, "DEF_res", sla_fmt(r->a, db_get_int(pol, def, SP_RES), r->lang));
			tmpl_show_section(s, "HAS_DEFAULT");
		}
		/* Entered as shown in the grid: hours and minutes. */
		if (prio_dicts == NULL && own >= 0) {
			long long fr = db_get_int(pol, own, SP_FR), res = db_get_int(pol, own, SP_RES);

			tmpl_set(s, "VAL_fr_h", arena_printf(r->a, "%lld", fr / 60));
			tmpl_set(s, "VAL_fr_m", arena_printf(r->a, "%lld", fr % 60));
			tmpl_set(s, "VAL_res_h", arena_printf(r->a, "%lld", res / 60));
			tmpl_set(s, "VAL_res_m", arena_printf(r->a, "%lld", res % 60));
		}
	}
	return resp_page(r, status, "admin/sla_edit.tpl", d);
}

int
sla_edit_get(struct req *r)
{
	struct sla_target t;
	struct db_res *pol;
	enum db_rc rc;

	if (sla_target_load(r, &t) != 0)
		return 0;
	if ((rc = db_query(r->a, &q_sla_all, &pol, "")) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	return sla_edit_render(r, 200, admin_dict(r, "A_SLA_EDIT_TITLE", AT_SLA), &t, pol, NULL);
}

/* One target of the submission: hours (what_<prio>_h) and minutes
 * (what_<prio>_m), as the grid shows them; a bare what_<prio> in minutes
 * is still read when both are absent (scripts, older forms). *text is
 * what was typed ("" for nothing), *given whether anything was; the
 * boxes keep the values in s (VAL_<what>_h, VAL_<what>_m). Returns the
 * problem of a typed value, or NULL. */
static const char *
sla_read_target(struct req *r, tmpl_dict *s, const char *what, const char *prio,
    const char **text, long long *mins, int *given)
{
	const char *h = admin_field(r, arena_printf(r->a, "%s_%s_h", what, prio));
	const char *m = admin_field(r, arena_printf(r->a, "%s_%s_m", what, prio));
	long long hv = 0, mv = 0;

	if (*h == '\0' && *m == '\0') {
		*text = admin_field(r, arena_printf(r->a, "%s_%s", what, prio));
		*given = **text != '\0';
		if (valid_int(*text, 1, SLA_MAX_MINS, mins) != NULL)
			return *given ? "A_ERR_SLA_RANGE" : NULL;
		tmpl_set(s, arena_printf(r->a, "VAL_%s_h", what), arena_printf(r->a, "%lld", *mins / 60));
		tmpl_set(s, arena_printf(r->a, "VAL_%s_m", what), arena_printf(r->a, "%lld", *mins % 60));
		return NULL;
	}
	*given = 1;
	*text = arena_printf(r->a, "%s:%s", h, m);
	tmpl_set(s, arena_printf(r->a, "VAL_%s_h", what), h);
	tmpl_set(s, arena_printf(r->a, "VAL_%s_m", what), m);
	if ((*h != '\0' && valid_int(h, 0, SLA_MAX_MINS / 60, &hv) != NULL) ||
	    (*m != '\0' && valid_int(m, 0, 59, &mv) != NULL))
		return "A_ERR_SLA_HM";
	*mins = hv * 60 + mv;
	return *mins >= 1 && *mins <= SLA_MAX_MINS ? NULL : "A_ERR_SLA_RANGE";
}

/* One priority of the submission, checked into its section (rowc). Defaults
 * need both targets; a category row has both (override) or neither. */
static void
sla_check_cell(struct req *r, struct form_check *rowc, const char *prio, int is_default,
    struct sla_cell *c)
{
	const char *pf, *pr;
	int fr_given, res_given;

	pf = sla_read_target(r, rowc->d, "fr", prio, &c->fr_text, &c->fr, &fr_given);
	pr = sla_read_target(r, rowc->d, "res", prio, &c->res_text, &c->res, &res_given);
	c->set = is_default || fr_given || res_given;
	if (c->set) {
		if (!fr_given)
			pf = is_default ? "ERR_REQUIRED" : "A_ERR_SLA_BOTH";
		if (!res_given)
			pr = is_default ? "ERR_REQUIRED" : "A_ERR_SLA_BOTH";
		if (pf == NULL && pr == NULL && c->res < c->fr)
			pr = "A_ERR_SLA_ORDER";
	}
	form_check_field(rowc, "fr", c->fr_text, pf);
	form_check_field(rowc, "res", c->res_text, pr);
}

/* Write the defaults: update, or insert when a priority lost its row. */
static enum db_rc
sla_save_default(struct arena *a, const char *prio, const struct sla_cell *c)
{
	struct db_res *res;
	enum db_rc rc;

	if ((rc = db_exec(&q_sla_default_update, NULL, "iis", c->fr, c->res, prio)) != DB_OK ||
	    (rc = db_query(a, &q_sla_default_count, &res, "s", prio)) != DB_OK)
		return rc;
	if (db_get_int(res, 0, 0) > 0)
		return DB_OK;
	return db_exec(&q_sla_default_insert, NULL, "sii", prio, c->fr, c->res);
}

static enum db_rc
sla_save(struct arena *a, long long cat, const struct sla_cell cells[SLA_NPRIO])
{
	enum db_rc rc = DB_OK;
	int k;

	if ((rc = db_begin()) != DB_OK)
		return rc;
	for (k = 0; k < SLA_NPRIO && rc == DB_OK; k++) {
		const char *p = admin_priorities[prio_order[k]];
		const struct sla_cell *c = &cells[k];

		if (cat == 0)
			rc = sla_save_default(a, p, c);
		else if (c->set)
			rc = db_exec(&q_sla_override_upsert, NULL, "isii", cat, p, c->fr, c->res);
		else
			rc = db_exec(&q_sla_override_delete, NULL, "is", cat, p);
	}
	if (rc != DB_OK) {
		db_rollback();
		return rc;
	}
	return db_commit();
}

int
sla_edit_post(struct req *r)
{
	struct sla_target t;
	struct sla_cell cells[SLA_NPRIO];
	tmpl_dict *prio_dicts[SLA_NPRIO];
	struct db_res *pol;
	tmpl_dict *d;
	enum db_rc rc;
	int k, nerr = 0;

	if (sla_target_load(r, &t) != 0)
		return 0;
	d = admin_dict(r, "A_SLA_EDIT_TITLE", AT_SLA);
	for (k = 0; k < SLA_NPRIO; k++) {
		struct form_check rowc = { r, tmpl_add_section(d, "PRIO"), 0 };

		prio_dicts[k] = rowc.d;
		sla_check_cell(r, &rowc, admin_priorities[prio_order[k]], t.cat == 0, &cells[k]);
		nerr += rowc.nerr;
	}
	if (nerr > 0) {
		tmpl_show_section(d, "FORM_HAS_ERRORS");
		if ((rc = db_query(r->a, &q_sla_all, &pol, "")) != DB_OK)
			return admin_db_fail(r, rc, d);
		return sla_edit_render(r, 422, d, &t, pol, prio_dicts);
	}
	tmpl_free(d);
	if ((rc = sla_save(r->a, t.cat, cells)) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	return resp_redirect(r, "/admin/sla?saved=1");
}

const struct i18n_msg admin_msgs_sla[] = {
	{ "A_SLA_TITLE",        "SLA 时限",          "SLA targets" },
	{ "A_SLA_INTRO",        "首次响应 / 解决时限，按工作时间计算（见“工作日历”）。产品类别未单独设置时使用默认时限。新时限对之后创建的工单生效。",
	                        "First response / resolve targets in working time (see \"Work"
	                        " calendar\"). A category without its own targets uses the"
	                        " defaults. New targets apply to tickets created afterwards." },
	{ "A_SLA_EDIT_TITLE",   "编辑 SLA 时限",     "Edit SLA targets" },
	{ "A_SLA_DEFAULT",      "默认（所有类别）",  "Default (all categories)" },
	{ "A_SLA_ROW",          "类别",              "Category" },
	{ "A_SLA_FR",           "首次响应",          "First response" },
	{ "A_SLA_RES",          "解决",              "Resolve" },
	{ "A_SLA_MINS",         "工作分钟",          "business minutes" },
	{ "A_SLA_OWN",          "单独设置",          "own targets" },
	{ "A_SLA_INHERITED",    "同默认",            "as default" },
	{ "A_SLA_MISSING_CELL", "未设置",            "not set" },
	{ "A_SLA_MISSING",      "有优先级缺少默认时限，新工单将没有截止时间。请编辑“默认”行补齐。",
	                        "A priority has no default targets: new tickets get no due time."
	                        " Edit the default row." },
	{ "A_SLA_CAT_HINT",     "两项都留空表示使用默认时限（删除此类别的单独设置）。",
	                        "Leave both empty to use the defaults (removes this category's"
	                        " own targets)." },
	{ "A_SLA_DEFAULT_HINT", "每个优先级都必须设置默认时限。", "Every priority needs default targets." },
	{ "A_SLA_DEFAULT_IS",   "默认：",            "Default: " },
	{ "A_SLA_CAT_INACTIVE", "（已停用）",        "(inactive)" },
	{ "A_SLA_HOURS",        "小时",              "h" },
	{ "A_SLA_MINUTES",      "分钟",              "min" },
	{ "A_SLA_WORKTIME",     "工作时间",          "working time" },
	{ "A_ERR_SLA_HM",       "小时填 0 到 8760 的整数，分钟填 0 到 59 的整数。",
	                        "Hours: a whole number 0 to 8760; minutes: 0 to 59." },
	{ "A_ERR_SLA_RANGE",    "时限须在 1 分钟到 365 天之间。",
	                        "A target is between 1 minute and 365 days." },
	{ "A_ERR_SLA_BOTH",     "请同时填写两项，或都留空。", "Fill in both, or leave both empty." },
	{ "A_ERR_SLA_ORDER",    "解决时限不能短于首次响应时限。",
	                        "The resolve target cannot be shorter than the first response." },
};
const size_t admin_nmsgs_sla = sizeof(admin_msgs_sla) / sizeof(admin_msgs_sla[0]);
