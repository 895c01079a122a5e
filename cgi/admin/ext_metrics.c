/* /admin/metrics: external metrics (ext_metric.h). The list with the form
 * of a new metric, the page of one metric (its definition, a point typed
 * in, a CSV import, its latest points) and deactivation. The key is fixed
 * once created: key results, journey stages and other systems name the
 * metric by it. Metrics are deactivated, never deleted (their points and
 * what is bound to them stay readable). Points: ext_points.c. */
#include "admin.h"
#include "arena.h"
#include "ext_metric.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

static struct db_q q_list_counts = DB_Q(
    "SELECT m.id, COUNT(p.id), COALESCE(MAX(p.at), 0) FROM ext_metrics m"
    " LEFT JOIN ext_metric_points p ON p.metric_id = m.id GROUP BY m.id LIMIT 1000");
static struct db_q q_insert = DB_Q(
    "INSERT INTO ext_metrics (mkey, name_zh, name_en, def_zh, def_en, unit, unit_label, agg,"
    " better, dim_category, dim_team, dim_channel, active, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())");
static struct db_q q_update = DB_Q(
    "UPDATE ext_metrics SET name_zh = ?, name_en = ?, def_zh = ?, def_en = ?, unit = ?,"
    " unit_label = ?, agg = ?, better = ?, dim_category = ?, dim_team = ?, dim_channel = ?,"
    " active = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?");
static struct db_q q_deactivate = DB_Q(
    "UPDATE ext_metrics SET active = 0, updated_at = UTC_TIMESTAMP() WHERE id = ?");

struct xm_form {
	const char *key, *zh, *en, *def_zh, *def_en, *unit_label;
	int         unit, agg, better;      /* indexes into the name lists */
	int         dim_category, dim_team, dim_channel, active;
};

/* Options of a select from a list of stored names, labels from the
 * catalog (prefix + name), sel marked. */
static void
xm_options(struct req *r, tmpl_dict *d, const char *section, const char *const *names,
    const char *prefix, int sel)
{
	int i;

	for (i = 0; names[i] != NULL; i++) {
		tmpl_dict *o = tmpl_add_section(d, section);

		tmpl_set(o, "VALUE", names[i]);
		tmpl_set(o, "LABEL", i18n(r->lang, arena_printf(r->a, "%s%s", prefix, names[i])));
		if (i == sel)
			tmpl_show_section(o, "SELECTED");
	}
}

static void
xm_form_options(struct req *r, tmpl_dict *d, const struct xm_form *f)
{
	xm_options(r, d, "UNIT_OPTION", ext_unit_names, "A_XM_UNIT_", f->unit);
	xm_options(r, d, "AGG_OPTION", ext_agg_names, "A_XM_AGG_", f->agg);
	xm_options(r, d, "BETTER_OPTION", ext_better_names, "A_XM_BETTER_", f->better);
	if (f->dim_category)
		tmpl_show_section(d, "DIM_CATEGORY_CHECKED");
	if (f->dim_team)
		tmpl_show_section(d, "DIM_TEAM_CHECKED");
	if (f->dim_channel)
		tmpl_show_section(d, "DIM_CHANNEL_CHECKED");
	if (f->active)
		tmpl_show_section(d, "ACTIVE_CHECKED");
}

/* A select's value by its list; a problem key, or NULL and *idx. */
static const char *
xm_choice(const char *v, const char *const *names, int *idx)
{
	return *v == '\0' ? "ERR_REQUIRED" : valid_choice(v, names, idx);
}

static void
xm_flag(struct form_check *fc, const char *field, int *out)
{
	form_check_field(fc, field, "", admin_check_flag(req_form(fc->r, field), out));
}

/* with_key: a new metric (the key is set once); with_active: the edit form. */
static void
xm_check(struct req *r, struct form_check *fc, struct xm_form *f, int with_key, int with_active)
{
	memset(f, 0, sizeof(*f));
	f->unit = f->agg = f->better = -1;
	if (with_key) {
		f->key = admin_field(r, "key");
		form_check_field(fc, "key", f->key, ext_key_check(f->key));
	}
	f->zh = admin_field(r, "name_zh");
	f->en = admin_field(r, "name_en");
	f->def_zh = admin_field(r, "def_zh");
	f->def_en = admin_field(r, "def_en");
	f->unit_label = admin_field(r, "unit_label");
	form_check_field(fc, "name_zh", f->zh, valid_text(f->zh, 100, 1, 0));
	form_check_field(fc, "name_en", f->en, valid_text(f->en, 100, 1, 0));
	form_check_field(fc, "def_zh", f->def_zh, valid_text(f->def_zh, 500, 0, 0));
	form_check_field(fc, "def_en", f->def_en, valid_text(f->def_en, 500, 0, 0));
	if (form_check_field(fc, "unit", "", xm_choice(admin_field(r, "unit"), ext_unit_names,
	    &f->unit)) != NULL)
		f->unit = -1;
	if (f->unit == EXT_U_CUSTOM)
		form_check_field(fc, "unit_label", f->unit_label, valid_text(f->unit_label, 20, 1, 0));
	else
		f->unit_label = "";
	if (form_check_field(fc, "agg", "", xm_choice(admin_field(r, "agg"), ext_agg_names,
	    &f->agg)) != NULL)
		f->agg = -1;
	if (form_check_field(fc, "better", "", xm_choice(admin_field(r, "better"),
	    ext_better_names, &f->better)) != NULL)
		f->better = -1;
	xm_flag(fc, "dim_category", &f->dim_category);
	xm_flag(fc, "dim_team", &f->dim_team);
	xm_flag(fc, "dim_channel", &f->dim_channel);
	f->active = 1;
	if (with_active)
		xm_flag(fc, "active", &f->active);
	xm_form_options(r, fc->d, f);
}

/* The stored better (+1, -1, 0) of its option index. */
static int
xm_better(int idx)
{
	return idx == 0 ? 1 : idx == 1 ? -1 : 0;
}

static int
xm_better_index(int better)
{
	return better > 0 ? 0 : better < 0 ? 1 : 2;
}

/* ---------------------------------------------------------------- list */

static void
xm_fill_row(struct req *r, tmpl_dict *d, const struct ext_metric *m, const struct db_res *cnt)
{
	tmpl_dict *row = tmpl_add_section(d, "METRIC");
	size_t i;

	tmpl_set_int(row, "ID", m->id);
	tmpl_set(row, "KEY", m->key);
	tmpl_set(row, "NAME", strcmp(r->lang, "en") == 0 ? m->en : m->zh);
	tmpl_set(row, "UNIT", i18n(r->lang, arena_printf(r->a, "A_XM_UNIT_%s",
	    ext_unit_names[m->unit])));
	tmpl_set(row, "AGG", i18n(r->lang, arena_printf(r->a, "A_XM_AGG_%s",
	    ext_agg_names[m->agg])));
	tmpl_set(row, "POINTS", "0");
	for (i = 0; i < cnt->nrows; i++)
		if (db_get_int(cnt, i, 0) == m->id) {
			tmpl_set(row, "POINTS", db_gets(cnt, i, 1));
			if (db_get_int(cnt, i, 1) > 0)
				tmpl_set(tmpl_add_section(row, "LATEST"), "AT", metric_day_text(r->a,
				    metric_day_of(db_get_int(cnt, i, 2))));
		}
	tmpl_show_section(row, m->active ? "IS_ACTIVE" : "IS_INACTIVE");
}

static int
xm_list_render(struct req *r, int status, tmpl_dict *d)
{
	struct ext_metric *all;
	struct db_res *cnt;
	enum db_rc rc;
	size_t i, n;

	if ((rc = ext_metric_list(r->a, 0, &all, &n)) != DB_OK ||
	    (rc = db_query(r->a, &q_list_counts, &cnt, "")) != DB_OK)
		return admin_db_fail(r, rc, d);
	for (i = 0; i < n; i++)
		xm_fill_row(r, d, &all[i], cnt);
	if (n == 0)
		tmpl_show_section(d, "NO_METRICS");
	return resp_page(r, status, "admin/ext_metrics.tpl", d);
}

int
ext_metrics_get(struct req *r)
{
	tmpl_dict *d = admin_dict(r, "A_XM_TITLE", AT_METRICS);
	struct xm_form f;

	memset(&f, 0, sizeof(f));
	f.unit = f.agg = -1;
	f.better = 2;
	xm_form_options(r, d, &f);
	return xm_list_render(r, 200, d);
}

int
ext_metrics_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_XM_TITLE", AT_METRICS), 0 };
	struct xm_form f;
	enum db_rc rc;

	xm_check(r, &fc, &f, 1, 0);
	if (fc.nerr > 0)
		return xm_list_render(r, 422, fc.d);
	rc = db_exec(&q_insert, NULL, "ssssssssIIII", f.key, f.zh, f.en, f.def_zh, f.def_en,
	    ext_unit_names[f.unit], f.unit_label, ext_agg_names[f.agg], xm_better(f.better),
	    f.dim_category, f.dim_team, f.dim_channel);
	if (rc == DB_DUP) {
		form_check_field(&fc, "key", f.key, "EXT_ERR_KEY_TAKEN");
		return xm_list_render(r, 422, fc.d);
	}
	if (rc != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	tmpl_free(fc.d);
	return resp_redirect(r, arena_printf(r->a, "/admin/metrics/%llu?saved=1", db_insert_id()));
}

/* ---------------------------------------------------------------- one */

/* The metric of the path into *m: 0, or -1 when answered (404/503). */
int
xm_load(struct req *r, struct ext_metric *m, tmpl_dict *d)
{
	long long id;
	enum db_rc rc;
	int found;

	if (admin_param_id(r, &id) != 0)
		return admin_not_found(r, d), -1;
	if ((rc = ext_metric_by_id(r->a, id, m, &found)) != DB_OK)
		return admin_db_fail(r, rc, d), -1;
	if (!found)
		return admin_not_found(r, d), -1;
	return 0;
}

int
ext_metric_get(struct req *r)
{
	tmpl_dict *d = admin_dict(r, "A_XM_EDIT_TITLE", AT_METRICS);
	struct ext_metric m;
	struct xm_form f;

	if (xm_load(r, &m, d) != 0)
		return 0;
	tmpl_set(d, "VAL_name_zh", m.zh);
	tmpl_set(d, "VAL_name_en", m.en);
	tmpl_set(d, "VAL_def_zh", m.def_zh);
	tmpl_set(d, "VAL_def_en", m.def_en);
	tmpl_set(d, "VAL_unit_label", m.unit_label);
	memset(&f, 0, sizeof(f));
	f.unit = (int)m.unit;
	f.agg = (int)m.agg;
	f.better = xm_better_index(m.better);
	f.dim_category = m.dim_category;
	f.dim_team = m.dim_team;
	f.dim_channel = m.dim_channel;
	f.active = m.active;
	xm_form_options(r, d, &f);
	return xm_page(r, 200, d, &m);
}

int
ext_metric_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_XM_EDIT_TITLE", AT_METRICS), 0 };
	struct ext_metric m;
	struct xm_form f;
	enum db_rc rc;

	if (xm_load(r, &m, fc.d) != 0)
		return 0;
	xm_check(r, &fc, &f, 0, 1);
	if (fc.nerr > 0)
		return xm_page(r, 422, fc.d, &m);
	rc = db_exec(&q_update, NULL, "sssssssIIIIIi", f.zh, f.en, f.def_zh, f.def_en,
	    ext_unit_names[f.unit], f.unit_label, ext_agg_names[f.agg], xm_better(f.better),
	    f.dim_category, f.dim_team, f.dim_channel, f.active, m.id);
	if (rc != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	tmpl_free(fc.d);
	return resp_redirect(r, arena_printf(r->a, "/admin/metrics/%lld?saved=1", m.id));
}

int
ext_metric_deactivate_post(struct req *r)
{
	struct ext_metric m;
	enum db_rc rc;

	if (xm_load(r, &m, NULL) != 0)
		return 0;
	if ((rc = db_exec(&q_deactivate, NULL, "i", m.id)) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	return resp_redirect(r, "/admin/metrics?saved=1");
}

const struct i18n_msg admin_msgs_ext_metrics[] = {
	{ "A_XM_TITLE",          "外部指标",          "External metrics" },
	{ "A_XM_INTRO",          "来自其他系统（销售、会员、呼叫中心）的指标。数据点通过 API(POST /api/v1/metrics/<键>/points）、CSV 导入或手工录入，与内置指标一样用于看板、旅程阶段和关键结果。",
	                         "Figures of other systems (sales, membership, call centre). Points"
	                         " come through the API (POST /api/v1/metrics/<key>/points), a CSV"
	                         " import or by hand; dashboards, journey stages and key results"
	                         " read them like built-in metrics." },
	{ "A_XM_EDIT_TITLE",     "外部指标",          "External metric" },
	{ "A_XM_ADD",            "新建外部指标",      "Define a metric" },
	{ "A_XM_KEY",            "键",                "Key" },
	{ "A_XM_KEY_HINT",       "2 到 40 个小写字母、数字或下划线，创建后不可更改，例如 membership_renewals。",
	                         "2 to 40 lower-case letters, digits or underscores; fixed once"
	                         " created, e.g. membership_renewals." },
	{ "A_XM_NAME",           "名称",              "Name" },
	{ "A_XM_NAME_ZH",        "中文名称",          "Chinese name" },
	{ "A_XM_NAME_EN",        "英文名称",          "English name" },
	{ "A_XM_DEF_ZH",         "中文口径",          "Definition (Chinese)" },
	{ "A_XM_DEF_EN",         "英文口径",          "Definition (English)" },
	{ "A_XM_UNIT",           "单位",              "Unit" },
	{ "A_XM_UNIT_LABEL",     "自定义单位",        "Custom unit" },
	{ "A_XM_UNIT_LABEL_HINT","单位选“自定义”时填写，最多 20 个字，例如“人次”。",
	                         "When the unit is custom; up to 20 characters, e.g. \"visits\"." },
	{ "A_XM_UNIT_count",     "个数",              "Count" },
	{ "A_XM_UNIT_percent",   "百分比",            "Percent" },
	{ "A_XM_UNIT_cny",       "金额（元）",        "Money (CNY)" },
	{ "A_XM_UNIT_minutes",   "分钟",              "Minutes" },
	{ "A_XM_UNIT_hours",     "小时",              "Hours" },
	{ "A_XM_UNIT_score",     "评分",              "Score" },
	{ "A_XM_UNIT_custom",    "自定义",            "Custom" },
	{ "A_XM_AGG",            "汇总方式",          "Aggregation" },
	{ "A_XM_AGG_HINT",       "期间内数据点的合计、平均值，或每个维度组合的最新值（个数和金额相加，其余取平均）。",
	                         "Over a period: the sum or the mean of the points, or the latest"
	                         " point of each combination of dimensions (added up for counts"
	                         " and money, averaged otherwise)." },
	{ "A_XM_AGG_sum",        "合计",              "Sum" },
	{ "A_XM_AGG_avg",        "平均值",            "Average" },
	{ "A_XM_AGG_last",       "最新值",            "Last value" },
	{ "A_XM_BETTER",         "越大越好还是越小越好", "Better when" },
	{ "A_XM_BETTER_1",       "越大越好",          "Higher" },
	{ "A_XM_BETTER_-1",      "越小越好",          "Lower" },
	{ "A_XM_BETTER_0",       "无方向",            "Neither" },
	{ "A_XM_DIMS",           "维度",              "Dimensions" },
	{ "A_XM_DIMS_HINT",      "数据点可以携带的维度；看板按类别、团队、渠道筛选时使用。",
	                         "What a point may carry; used when a dashboard filters by"
	                         " category, team or channel." },
	{ "A_XM_DIM_CATEGORY",   "产品类别",          "Category" },
	{ "A_XM_DIM_TEAM",       "团队",              "Team" },
	{ "A_XM_DIM_CHANNEL",    "渠道",              "Channel" },
	{ "A_XM_POINTS",         "数据点",            "Points" },
	{ "A_XM_LATEST",         "最新数据",          "Latest point" },
	{ "A_XM_DEACTIVATE",     "停用",              "Deactivate" },
	{ "A_XM_ACTIVE_HINT",    "停用后不再接收数据点，也不在看板和指标列表中显示；已绑定的关键结果仍可读取。",
	                         "An inactive metric takes no points and is not listed; what is"
	                         " bound to it still reads it." },
};
const size_t admin_nmsgs_ext_metrics = sizeof(admin_msgs_ext_metrics) /
	sizeof(admin_msgs_ext_metrics[0]);
