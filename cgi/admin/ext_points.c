/* The points of an external metric on its admin page: the page itself
 * (definition form from ext_metrics.c, a point typed in, a CSV upload, the
 * latest points), the point typed in, and the CSV import: the upload is
 * kept in ext_metric_imports (not as points), its preview lists every
 * row's problems, and only the confirmation stores the points, all or
 * nothing, idempotent like the API (ext_metric.h). */
#include "admin.h"
#include "arena.h"
#include "ext_metric.h"
#include "http.h"
#include "i18n.h"
#include "parse.h"
#include "tmpl.h"
#include "ticket_state.h"
#include "valid.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define XP_LATEST_TEXT   "50"   /* points shown on the metric's page */
#define XP_PREVIEW_ROWS  200    /* rows shown in a preview */
#define XP_PREVIEW_ERRS  200    /* problems listed in a preview */

static struct db_q q_latest = DB_Q(
    "SELECT p.at, p.value, COALESCE(IF(? = 'en', c.name_en, c.name_zh), ''),"
    " COALESCE(t.name, ''), p.channel,"
    " (SELECT COUNT(*) FROM ext_metric_point_history h WHERE h.point_id = p.id)"
    " FROM ext_metric_points p LEFT JOIN categories c ON c.id = p.category_id"
    " LEFT JOIN teams t ON t.id = p.team_id WHERE p.metric_id = ?"
    " ORDER BY p.at DESC, p.id DESC LIMIT " XP_LATEST_TEXT);
static struct db_q q_cat_options = DB_Q(
    "SELECT id, IF(? = 'en', name_en, name_zh) FROM categories WHERE active = 1"
    " ORDER BY sort, id");
static struct db_q q_team_options = DB_Q("SELECT id, name FROM teams ORDER BY name");
static struct db_q q_import_insert = DB_Q(
    "INSERT INTO ext_metric_imports (metric_id, user_id, filename, body, created_at)"
    " VALUES (?, ?, ?, ?, UTC_TIMESTAMP())");
static struct db_q q_import_get = DB_Q(
    "SELECT id, filename, body, done_at IS NOT NULL FROM ext_metric_imports"
    " WHERE id = ? AND metric_id = ?");
static struct db_q q_import_done = DB_Q(
    "UPDATE ext_metric_imports SET done_at = UTC_TIMESTAMP() WHERE id = ? AND done_at IS NULL");


/* ---------------------------------------------------------------- page */

/* A moment as China time: "2026-11-26" at midnight, else with the time. */
static const char *
xp_moment_text(struct arena *a, long long at)
{
	long day = metric_day_of(at);
	long long secs = at - metric_day_start(day);

	if (secs == 0)
		return metric_day_text(a, day);
	return arena_printf(a, "%s %02lld:%02lld", metric_day_text(a, day), secs / 3600,
	    secs / 60 % 60);
}

static void
xp_fill_latest(struct req *r, tmpl_dict *d, const struct ext_metric *m, const struct db_res *res)
{
	struct metric_value v;
	size_t i;

	memset(&v, 0, sizeof(v));
	v.has = 1;
	for (i = 0; i < res->nrows; i++) {
		tmpl_dict *row = tmpl_add_section(d, "POINT");
		long long at = db_get_int(res, i, 0);

		v.value = strtod(db_gets(res, i, 1), NULL);
		tmpl_set(row, "AT", xp_moment_text(r->a, at));
		tmpl_set(row, "VALUE", ext_format(r->a, m, &v, r->lang));
		tmpl_set(row, "CATEGORY", db_gets(res, i, 2));
		tmpl_set(row, "TEAM", db_gets(res, i, 3));
		tmpl_set(row, "CHANNEL", db_gets(res, i, 4));
		if (db_get_int(res, i, 5) > 0)
			tmpl_set(tmpl_add_section(row, "CORRECTED"), "N", db_gets(res, i, 5));
	}
	if (res->nrows == 0)
		tmpl_show_section(d, "NO_POINTS");
}

/* The dimension selects of the point form, sel kept (values as sent). */
static enum db_rc
xp_dim_options(struct req *r, tmpl_dict *d, const struct ext_metric *m)
{
	struct db_res *res;
	enum db_rc rc;
	size_t i;

	if (m->dim_category) {
		if ((rc = db_query(r->a, &q_cat_options, &res, "s", r->lang)) != DB_OK)
			return rc;
		admin_options(tmpl_add_section(d, "DIM_CATEGORY"), "OPTION", res, 0, 1,
		    req_form(r, "category"));
	}
	if (m->dim_team) {
		if ((rc = db_query(r->a, &q_team_options, &res, "")) != DB_OK)
			return rc;
		admin_options(tmpl_add_section(d, "DIM_TEAM"), "OPTION", res, 0, 1,
		    req_form(r, "team"));
	}
	if (m->dim_channel) {
		tmpl_dict *s = tmpl_add_section(d, "DIM_CHANNEL");
		const char *sel = req_form(r, "channel");
		const char *const *xp_channels = ticket_channel_names();

		for (i = 0; xp_channels[i] != NULL; i++) {
			tmpl_dict *o = tmpl_add_section(s, "OPTION");

			tmpl_set(o, "VALUE", xp_channels[i]);
			tmpl_set(o, "LABEL", i18n(r->lang, arena_printf(r->a, "CHANNEL_%s",
			    xp_channels[i])));
			if (sel != NULL && strcmp(sel, xp_channels[i]) == 0)
				tmpl_show_section(o, "SELECTED");
		}
	}
	return DB_OK;
}

int
xm_page(struct req *r, int status, tmpl_dict *d, const struct ext_metric *m)
{
	struct db_res *res;
	enum db_rc rc;

	tmpl_set_int(d, "ID", m->id);
	tmpl_set(d, "KEY", m->key);
	tmpl_set(d, "NAME", strcmp(r->lang, "en") == 0 ? m->en : m->zh);
	tmpl_show_section(d, m->active ? "IS_ACTIVE" : "IS_INACTIVE");
	if (req_query(r, "imported") != NULL)
		tmpl_set(tmpl_add_section(d, "IMPORTED_NOTE"), "N", req_query(r, "imported"));
	if ((rc = xp_dim_options(r, d, m)) != DB_OK ||
	    (rc = db_query(r->a, &q_latest, &res, "si", r->lang, m->id)) != DB_OK)
		return admin_db_fail(r, rc, d);
	xp_fill_latest(r, d, m, res);
	return resp_page(r, status, "admin/ext_metric.tpl", d);
}

/* The definition form with the stored values (when the point or CSV
 * form is what failed). */
static void
xp_fill_definition(struct req *r, tmpl_dict *d, const struct ext_metric *m)
{
	static const char *const better[] = { "1", "-1", "0" };
	const char *names[][2] = { { "UNIT_OPTION", NULL }, { "AGG_OPTION", NULL },
		{ "BETTER_OPTION", NULL } };
	int sel[3], k, i;

	tmpl_set(d, "VAL_name_zh", m->zh);
	tmpl_set(d, "VAL_name_en", m->en);
	tmpl_set(d, "VAL_def_zh", m->def_zh);
	tmpl_set(d, "VAL_def_en", m->def_en);
	tmpl_set(d, "VAL_unit_label", m->unit_label);
	sel[0] = (int)m->unit;
	sel[1] = (int)m->agg;
	sel[2] = m->better > 0 ? 0 : m->better < 0 ? 1 : 2;
	for (k = 0; k < 3; k++) {
		const char *const *list = k == 0 ? ext_unit_names : k == 1 ? ext_agg_names : better;
		const char *prefix = k == 0 ? "A_XM_UNIT_" : k == 1 ? "A_XM_AGG_" : "A_XM_BETTER_";

		for (i = 0; (k == 2 ? i < 3 : list[i] != NULL); i++) {
			tmpl_dict *o = tmpl_add_section(d, names[k][0]);

			tmpl_set(o, "VALUE", list[i]);
			tmpl_set(o, "LABEL", i18n(r->lang, arena_printf(r->a, "%s%s", prefix, list[i])));
			if (i == sel[k])
				tmpl_show_section(o, "SELECTED");
		}
	}
	if (m->dim_category)
		tmpl_show_section(d, "DIM_CATEGORY_CHECKED");
	if (m->dim_team)
		tmpl_show_section(d, "DIM_TEAM_CHECKED");
	if (m->dim_channel)
		tmpl_show_section(d, "DIM_CHANNEL_CHECKED");
	if (m->active)
		tmpl_show_section(d, "ACTIVE_CHECKED");
}

/* ---------------------------------------------------------------- one point */

int
ext_point_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_XM_EDIT_TITLE", AT_METRICS), 0 };
	const char *text[EXT_F__MAX], *problem;
	struct ext_store_stats st;
	struct ext_metric m;
	struct ext_dims dims;
	struct ext_point p;
	enum ext_field f;
	enum db_rc rc;
	int k;

	if (xm_load(r, &m, fc.d) != 0)
		return 0;
	xp_fill_definition(r, fc.d, &m);
	for (k = 0; k < EXT_F__MAX; k++)
		text[k] = admin_field(r, ext_field_names[k]);
	if (!m.active) {
		form_check_field(&fc, "value", text[EXT_F_VALUE], "A_XP_ERR_INACTIVE");
		return xm_page(r, 409, fc.d, &m);
	}
	if ((rc = ext_dims_load(r->a, &dims)) != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	if ((problem = ext_point_check(&m, &dims, text, &p, &f)) != NULL) {
		for (k = 0; k < EXT_F__MAX; k++)    /* keep every value typed */
			tmpl_set(fc.d, arena_printf(r->a, "VAL_%s", ext_field_names[k]), text[k]);
		form_check_field(&fc, ext_field_names[f], text[f], problem);
		return xm_page(r, 422, fc.d, &m);
	}
	if ((rc = ext_points_store(&m, &p, 1, EXT_SRC_MANUAL, 0, r->user->id, &st)) != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	tmpl_free(fc.d);
	return resp_redirect(r, arena_printf(r->a, "/admin/metrics/%lld?saved=1#points", m.id));
}

/* ---------------------------------------------------------------- CSV */

/* The uploaded file of field "file"; NULL when none was sent. */
static const struct upload *
xp_upload(const struct req *r)
{
	size_t i;

	for (i = 0; i < r->body.nfiles; i++)
		if (strcmp(r->body.files[i].field, "file") == 0)
			return &r->body.files[i];
	return NULL;
}

/* The checks of a whole CSV text, shared by the upload, the preview and
 * the confirmation. */
struct xp_csv {
	struct ext_csv_row *rows;
	size_t              nrows;       /* with the header */
	struct ext_point   *pts;         /* nrows - 1 */
	size_t              nerr;
	const char         *file_problem;   /* the file as a whole */
	const char         *file_detail;
};

static void
xp_csv_check(struct req *r, const struct ext_metric *m, const struct ext_dims *dims,
    const char *text, size_t len, struct xp_csv *c, tmpl_dict *preview)
{
	int col[EXT_F__MAX];
	size_t i, bad_line;
	const char *bad;

	memset(c, 0, sizeof(*c));
	if (!utf8_valid_text(text, len)) {
		c->file_problem = "A_XP_ERR_UTF8";
		return;
	}
	if (ext_csv_parse(r->a, text, len, &c->rows, &c->nrows, &bad_line) != 0) {
		c->file_problem = "EXT_ERR_CSV_QUOTE";
		c->file_detail = arena_printf(r->a, "%zu", bad_line);
		return;
	}
	if (c->nrows < 2) {
		c->file_problem = "EXT_ERR_CSV_EMPTY";
		return;
	}
	if (c->nrows - 1 > EXT_MAX_POINTS) {
		c->file_problem = "EXT_ERR_CSV_TOO_MANY";
		return;
	}
	if ((c->file_problem = ext_csv_header(&c->rows[0], col, &bad)) != NULL) {
		c->file_detail = bad;
		return;
	}
	c->pts = arena_alloc(r->a, sizeof(*c->pts) * c->nrows);
	for (i = 1; i < c->nrows; i++) {
		const struct ext_csv_row *row = &c->rows[i];
		const char *t[EXT_F__MAX], *problem = NULL;
		enum ext_field f = EXT_F_AT;
		int k;

		ext_csv_fields(row, col, t);
		for (k = 0; k < EXT_F__MAX; k++)
			t[k] = t[k] != NULL ? valid_trim(r->a, t[k]) : NULL;
		if (row->n != c->rows[0].n)
			problem = "EXT_ERR_CSV_FIELDS";
		else
			problem = ext_point_check(m, dims, t, &c->pts[i - 1], &f);
		if (problem != NULL && c->nerr++ < XP_PREVIEW_ERRS && preview != NULL) {
			tmpl_dict *e = tmpl_add_section(preview, "ROW_ERROR");

			tmpl_set_int(e, "LINE", (long long)row->line);
			tmpl_set(e, "FIELD", row->n != c->rows[0].n ? "" : ext_field_names[f]);
			tmpl_set(e, "MSG", i18n(r->lang, problem));
		}
		if (problem == NULL && preview != NULL && i <= XP_PREVIEW_ROWS) {
			tmpl_dict *p = tmpl_add_section(preview, "ROW");

			tmpl_set_int(p, "LINE", (long long)row->line);
			tmpl_set(p, "AT", t[EXT_F_AT]);
			tmpl_set(p, "VALUE", t[EXT_F_VALUE]);
			tmpl_set(p, "CATEGORY", t[EXT_F_CATEGORY]);
			tmpl_set(p, "TEAM", t[EXT_F_TEAM]);
			tmpl_set(p, "CHANNEL", t[EXT_F_CHANNEL]);
		}
	}
}

/* The metric page again with the file's problem next to the upload. */
static int
xp_file_invalid(struct req *r, struct form_check *fc, const struct ext_metric *m,
    const struct xp_csv *c)
{
	const char *msg = i18n(r->lang, c->file_problem);

	if (c->file_detail != NULL)
		msg = arena_printf(r->a, "%s (%s)", msg, c->file_detail);
	form_check_field(fc, "file", "", c->file_problem);
	tmpl_set(fc->d, "FILE_PROBLEM", msg);
	return xm_page(r, 422, fc->d, m);
}

int
ext_import_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_XM_EDIT_TITLE", AT_METRICS), 0 };
	const struct upload *u = xp_upload(r);
	struct ext_metric m;
	struct ext_dims dims;
	struct xp_csv c;
	enum db_rc rc;

	if (xm_load(r, &m, fc.d) != 0)
		return 0;
	xp_fill_definition(r, fc.d, &m);
	memset(&c, 0, sizeof(c));
	if (u == NULL || u->len == 0)
		c.file_problem = "A_XP_ERR_NO_FILE";
	else if (u->len > EXT_CSV_MAX_BYTES)
		c.file_problem = "A_XP_ERR_TOO_LARGE";
	if (c.file_problem != NULL)
		return xp_file_invalid(r, &fc, &m, &c);
	if ((rc = ext_dims_load(r->a, &dims)) != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	/* Only the file as a whole is judged here; the rows in the preview. */
	xp_csv_check(r, &m, &dims, (const char *)u->data, u->len, &c, NULL);
	if (c.file_problem != NULL)
		return xp_file_invalid(r, &fc, &m, &c);
	/* The name is only shown again: a name longer than its column is
	 * replaced rather than cut inside a character. */
	if ((rc = db_exec(&q_import_insert, NULL, "iisb", m.id, r->user->id,
	    u->filename != NULL && utf8_chars(u->filename) <= 200 ? u->filename : "upload.csv",
	    u->data, u->len)) != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	tmpl_free(fc.d);
	return resp_redirect(r, arena_printf(r->a, "/admin/metrics/%lld/imports/%llu", m.id,
	    db_insert_id()));
}

/* The import of the path (params[1]) of metric m; 0, or -1 when answered. */
static int
xp_import_load(struct req *r, const struct ext_metric *m, struct db_res **imp, tmpl_dict *d)
{
	long long id;
	enum db_rc rc;

	if (valid_int(r->params[1], 1, LLONG_MAX, &id) != NULL)
		return admin_not_found(r, d), -1;
	if ((rc = db_query(r->a, &q_import_get, imp, "ii", id, m->id)) != DB_OK)
		return admin_db_fail(r, rc, d), -1;
	if ((*imp)->nrows != 1)
		return admin_not_found(r, d), -1;
	return 0;
}

static int
xp_preview(struct req *r, int status, tmpl_dict *d, const struct ext_metric *m,
    const struct db_res *imp, struct xp_csv *c)
{
	tmpl_set_int(d, "ID", m->id);
	tmpl_set(d, "KEY", m->key);
	tmpl_set(d, "NAME", strcmp(r->lang, "en") == 0 ? m->en : m->zh);
	tmpl_set(d, "IMPORT_ID", db_gets(imp, 0, 0));
	tmpl_set(d, "FILENAME", db_gets(imp, 0, 1));
	tmpl_set_int(d, "NROWS", c->nrows > 0 ? (long long)c->nrows - 1 : 0);
	tmpl_set_int(d, "NERR", (long long)c->nerr);
	if (c->file_problem != NULL)
		tmpl_set(tmpl_add_section(d, "FILE_ERROR"), "MSG", i18n(r->lang, c->file_problem));
	else if (db_get_int(imp, 0, 3))
		tmpl_show_section(d, "DONE");
	else if (c->nerr == 0)
		tmpl_show_section(d, "CAN_CONFIRM");
	else
		tmpl_show_section(d, "HAS_ERRORS");
	if (c->nrows > XP_PREVIEW_ROWS + 1)
		tmpl_show_section(d, "MORE_ROWS");
	return resp_page(r, status, "admin/ext_import.tpl", d);
}

int
ext_import_get(struct req *r)
{
	tmpl_dict *d = admin_dict(r, "A_XP_PREVIEW_TITLE", AT_METRICS);
	struct ext_metric m;
	struct ext_dims dims;
	struct db_res *imp;
	struct xp_csv c;
	enum db_rc rc;

	if (xm_load(r, &m, d) != 0 || xp_import_load(r, &m, &imp, d) != 0)
		return 0;
	if ((rc = ext_dims_load(r->a, &dims)) != DB_OK)
		return admin_db_fail(r, rc, d);
	xp_csv_check(r, &m, &dims, db_gets(imp, 0, 2), imp->len[2], &c, d);
	return xp_preview(r, 200, d, &m, imp, &c);
}

int
ext_import_confirm_post(struct req *r)
{
	tmpl_dict *d = admin_dict(r, "A_XP_PREVIEW_TITLE", AT_METRICS);
	struct ext_store_stats st;
	struct ext_metric m;
	struct ext_dims dims;
	struct db_res *imp;
	struct xp_csv c;
	enum db_rc rc;

	if (xm_load(r, &m, d) != 0 || xp_import_load(r, &m, &imp, d) != 0)
		return 0;
	if ((rc = ext_dims_load(r->a, &dims)) != DB_OK)
		return admin_db_fail(r, rc, d);
	/* Checked again: categories or the metric may have changed since. */
	xp_csv_check(r, &m, &dims, db_gets(imp, 0, 2), imp->len[2], &c, d);
	if (!m.active || c.file_problem != NULL || c.nerr > 0 || db_get_int(imp, 0, 3))
		return xp_preview(r, m.active ? 422 : 409, d, &m, imp, &c);
	if ((rc = ext_points_store(&m, c.pts, c.nrows - 1, EXT_SRC_CSV, 0, r->user->id, &st))
	    != DB_OK)
		return admin_db_fail(r, rc, d);
	/* Stored again by a second confirmation, it would change nothing. */
	(void)db_exec(&q_import_done, NULL, "i", db_get_int(imp, 0, 0));
	tmpl_free(d);
	return resp_redirect(r, arena_printf(r->a, "/admin/metrics/%lld?imported=%zu#points", m.id,
	    c.nrows - 1));
}

const struct i18n_msg admin_msgs_ext_points[] = {
	{ "A_XP_TITLE",          "录入数据点",        "Enter a point" },
	{ "A_XP_AT",             "日期或时间",        "Date or time" },
	{ "A_XP_AT_HINT",        "YYYY-MM-DD（北京时间当天），或 RFC 3339 时间，如 2026-11-26T08:30:00+08:00。",
	                         "YYYY-MM-DD (that day, China time) or an RFC 3339 time such as"
	                         " 2026-11-26T08:30:00+08:00." },
	{ "A_XP_VALUE",          "数值",              "Value" },
	{ "A_XP_VALUE_HINT",     "同一时间、同一维度再次录入时替换原值，并记录更正历史。",
	                         "Another value for the same time and dimensions replaces the"
	                         " old one; the correction is recorded." },
	{ "A_XP_ANY",            "（不区分）",        "(none)" },
	{ "A_XP_SAVE",           "保存数据点",        "Save the point" },
	{ "A_XP_LATEST",         "最近的数据点",      "Latest points" },
	{ "A_XP_CORRECTED",      "更正次数",          "Corrections" },
	{ "A_XP_IMPORT",         "导入 CSV",          "Import a CSV file" },
	{ "A_XP_IMPORT_HINT",    "UTF-8 编码，第一行为列名：at、value，可选 category、team、channel。最多 10000 行。上传后先预览，确认后才保存。",
	                         "UTF-8, the first line names the columns: at, value and optionally"
	                         " category, team, channel. At most 10,000 rows. You see a preview"
	                         " first; nothing is saved before you confirm." },
	{ "A_XP_FILE",           "CSV 文件",          "CSV file" },
	{ "A_XP_UPLOAD",         "上传并预览",        "Upload and preview" },
	{ "A_XP_IMPORTED",       "已导入数据点：",    "Points imported: " },
	{ "A_XP_PREVIEW_TITLE",  "导入预览",          "Import preview" },
	{ "A_XP_ROWS",           "数据行",            "Rows" },
	{ "A_XP_ERRORS",         "有问题的行",        "Rows with problems" },
	{ "A_XP_LINE",           "行号",              "Line" },
	{ "A_XP_FIELD",          "字段",              "Field" },
	{ "A_XP_PROBLEM",        "问题",              "Problem" },
	{ "A_XP_CONFIRM",        "确认导入",          "Confirm the import" },
	{ "A_XP_CONFIRM_HINT",   "已保存的同一时间和维度的数据点会被替换（记录更正历史），相同的数据不会重复。",
	                         "Points already stored for the same time and dimensions are"
	                         " replaced (the correction is recorded); identical ones change"
	                         " nothing." },
	{ "A_XP_FIX_AND_RETRY",  "请修改文件后重新上传。没有保存任何数据。",
	                         "Fix the file and upload it again. Nothing was saved." },
	{ "A_XP_DONE",           "此文件已导入。",    "This file has been imported." },
	{ "A_XP_MORE_ROWS",      "仅显示前 200 行。", "Only the first 200 rows are shown." },
	{ "A_XP_ERR_NO_FILE",    "请选择一个 CSV 文件。", "Choose a CSV file." },
	{ "A_XP_ERR_TOO_LARGE",  "文件不能超过 4 MB。", "The file may be at most 4 MB." },
	{ "A_XP_ERR_UTF8",       "文件须为 UTF-8 编码的文本。", "The file must be UTF-8 text." },
	{ "A_XP_ERR_INACTIVE",   "此指标已停用，不能录入数据。", "This metric is inactive: it takes no points." },
};
const size_t admin_nmsgs_ext_points = sizeof(admin_msgs_ext_points) /
	sizeof(admin_msgs_ext_points[0]);
