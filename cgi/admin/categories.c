/* /admin/categories: the product types customers choose on the repair
 * form. The code is what other systems send (API); names in both
 * languages; inactive ones are hidden from new tickets. */
#include "admin.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

#define CATEGORY_SORT_MAX 1000000

static struct db_q q_categories_list = DB_Q(
    "SELECT c.id, c.code, c.name_zh, c.name_en, c.active, c.sort,"
    " (SELECT COUNT(*) FROM user_skills s WHERE s.category_id = c.id)"
    " FROM categories c ORDER BY c.sort, c.id LIMIT 1000");
static struct db_q q_category_get = DB_Q(
    "SELECT id, code, name_zh, name_en, active, sort FROM categories WHERE id = ?");
static struct db_q q_category_insert = DB_Q(
    "INSERT INTO categories (code, name_zh, name_en, active, sort) VALUES (?, ?, ?, ?, ?)");
static struct db_q q_category_update = DB_Q(
    "UPDATE categories SET code = ?, name_zh = ?, name_en = ?, active = ?, sort = ? WHERE id = ?");

enum { CC_ID, CC_CODE, CC_NAME_ZH, CC_NAME_EN, CC_ACTIVE, CC_SORT, CC_SKILLED };

struct category_form {
	const char *code, *name_zh, *name_en, *sort_text;
	long long   sort;
	int         active;
};

/* 1..32 of [a-z0-9_]. */
static const char *
check_code(const char *v)
{
	size_t n = strlen(v), i;

	if (n == 0)
		return "ERR_REQUIRED";
	if (n > 32)
		return "ERR_TOO_LONG";
	for (i = 0; i < n; i++)
		if (strchr("abcdefghijklmnopqrstuvwxyz0123456789_", v[i]) == NULL)
			return "A_ERR_CODE_FORMAT";
	return NULL;
}

static void
category_check(struct req *r, struct form_check *fc, struct category_form *f)
{
	f->code = admin_field(r, "code");
	f->name_zh = admin_field(r, "name_zh");
	f->name_en = admin_field(r, "name_en");
	f->sort_text = admin_field(r, "sort");
	form_check_field(fc, "code", f->code, check_code(f->code));
	form_check_field(fc, "name_zh", f->name_zh, valid_text(f->name_zh, 64, 1, 0));
	form_check_field(fc, "name_en", f->name_en, valid_text(f->name_en, 64, 1, 0));
	form_check_field(fc, "sort", f->sort_text, valid_int(f->sort_text, -CATEGORY_SORT_MAX,
	    CATEGORY_SORT_MAX, &f->sort));
	if (form_check_field(fc, "active", "", admin_check_flag(req_form(r, "active"),
	    &f->active)) == NULL && f->active)
		tmpl_show_section(fc->d, "ACTIVE_CHECKED");
}

static void
categories_fill_row(struct req *r, tmpl_dict *d, const struct db_res *res, size_t i)
{
	tmpl_dict *row = tmpl_add_section(d, "CATEGORY");

	tmpl_set(row, "ID", db_gets(res, i, CC_ID));
	tmpl_set(row, "CODE", db_gets(res, i, CC_CODE));
	tmpl_set(row, "NAME_ZH", db_gets(res, i, CC_NAME_ZH));
	tmpl_set(row, "NAME_EN", db_gets(res, i, CC_NAME_EN));
	tmpl_set(row, "SORT", db_gets(res, i, CC_SORT));
	tmpl_set(row, "SKILLED", db_gets(res, i, CC_SKILLED));
	tmpl_show_section(row, db_get_int(res, i, CC_ACTIVE) ? "IS_ACTIVE" : "IS_INACTIVE");
}

static int
categories_render(struct req *r, int status, tmpl_dict *d)
{
	struct db_res *res;
	enum db_rc rc;
	size_t i;

	if ((rc = db_query(r->a, &q_categories_list, &res, "")) != DB_OK)
		return admin_db_fail(r, rc, d);
	for (i = 0; i < res->nrows; i++)
		categories_fill_row(r, d, res, i);
	if (res->nrows == 0)
		tmpl_show_section(d, "NO_CATEGORIES");
	return resp_page(r, status, "admin/categories.tpl", d);
}

int
categories_get(struct req *r)
{
	tmpl_dict *d = admin_dict(r, "A_CATEGORIES_TITLE", AT_CATEGORIES);

	tmpl_set(d, "VAL_sort", "0");
	tmpl_show_section(d, "ACTIVE_CHECKED");
	return categories_render(r, 200, d);
}

int
categories_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_CATEGORIES_TITLE", AT_CATEGORIES), 0 };
	struct category_form f;
	enum db_rc rc;

	category_check(r, &fc, &f);
	if (fc.nerr > 0)
		return categories_render(r, 422, fc.d);
	rc = db_exec(&q_category_insert, NULL, "sssIi", f.code, f.name_zh, f.name_en, f.active,
	    f.sort);
	if (rc == DB_DUP) {
		form_check_field(&fc, "code", f.code, "A_ERR_CODE_TAKEN");
		return categories_render(r, 422, fc.d);
	}
	if (rc != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	tmpl_free(fc.d);
	return resp_redirect(r, "/admin/categories?saved=1");
}


static int
category_render(struct req *r, int status, tmpl_dict *d, const struct db_res *cat)
{
	tmpl_set(d, "ID", db_gets(cat, 0, CC_ID));
	tmpl_set(d, "CATEGORY_NAME", db_gets(cat, 0, strcmp(r->lang, "en") == 0 ? CC_NAME_EN :
	    CC_NAME_ZH));
	return resp_page(r, status, "admin/category.tpl", d);
}

int
category_get(struct req *r)
{
	tmpl_dict *d = admin_dict(r, "A_CATEGORY_EDIT_TITLE", AT_CATEGORIES);
	struct db_res *cat;

	if (admin_load_row(r, &q_category_get, &cat, d) != 0)
		return 0;
	tmpl_set(d, "VAL_code", db_gets(cat, 0, CC_CODE));
	tmpl_set(d, "VAL_name_zh", db_gets(cat, 0, CC_NAME_ZH));
	tmpl_set(d, "VAL_name_en", db_gets(cat, 0, CC_NAME_EN));
	tmpl_set(d, "VAL_sort", db_gets(cat, 0, CC_SORT));
	if (db_get_int(cat, 0, CC_ACTIVE))
		tmpl_show_section(d, "ACTIVE_CHECKED");
	return category_render(r, 200, d, cat);
}

int
category_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_CATEGORY_EDIT_TITLE", AT_CATEGORIES), 0 };
	struct db_res *cat;
	struct category_form f;
	enum db_rc rc;

	if (admin_load_row(r, &q_category_get, &cat, fc.d) != 0)
		return 0;
	category_check(r, &fc, &f);
	if (fc.nerr > 0)
		return category_render(r, 422, fc.d, cat);
	rc = db_exec(&q_category_update, NULL, "sssIii", f.code, f.name_zh, f.name_en, f.active,
	    f.sort, db_get_int(cat, 0, CC_ID));
	if (rc == DB_DUP) {
		form_check_field(&fc, "code", f.code, "A_ERR_CODE_TAKEN");
		return category_render(r, 422, fc.d, cat);
	}
	if (rc != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	tmpl_free(fc.d);
	return resp_redirect(r, "/admin/categories?saved=1");
}

const struct i18n_msg admin_msgs_categories[] = {
	{ "A_CATEGORIES_TITLE",    "产品类别",          "Product categories" },
	{ "A_CATEGORY_EDIT_TITLE", "编辑产品类别",      "Edit category" },
	{ "A_CATEGORY_ADD",        "新增产品类别",      "Add a category" },
	{ "A_CATEGORY_CODE",       "代码",              "Code" },
	{ "A_CATEGORY_CODE_HINT",  "小写字母、数字和下划线，最多 32 位。其他系统通过接口按代码指定类别，修改前请通知对接方。",
	                           "Lower-case letters, digits and _, up to 32. Other systems name"
	                           " the category by its code through the API: tell them before"
	                           " changing it." },
	{ "A_CATEGORY_NAME_ZH",    "中文名称",          "Chinese name" },
	{ "A_CATEGORY_NAME_EN",    "英文名称",          "English name" },
	{ "A_CATEGORY_SORT",       "排序",              "Sort order" },
	{ "A_CATEGORY_SORT_HINT",  "数字小的排在前面。", "Smaller numbers come first." },
	{ "A_CATEGORY_ACTIVE_HINT","停用后客户报修时不再显示此类别，已有工单不受影响。",
	                           "Inactive categories are not offered for new tickets; existing"
	                           " tickets keep theirs." },
	{ "A_CATEGORY_SKILLED",    "具备此技能的技术员", "Technicians with this skill" },
	{ "A_ERR_CODE_FORMAT",     "只能使用小写字母、数字和下划线。",
	                           "Only lower-case letters, digits and _." },
	{ "A_ERR_CODE_TAKEN",      "此代码已被其他类别使用。", "Another category has this code." },
};
const size_t admin_nmsgs_categories =
	sizeof(admin_msgs_categories) / sizeof(admin_msgs_categories[0]);
