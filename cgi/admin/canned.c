/* /admin/canned: the canned replies of the desk (migration 030). A title
 * (unique, the label of the reply box's list) and a text with the
 * placeholders of cgi/service/canned.h, filled in for the ticket when an
 * agent inserts it. Switched off, never deleted. */
#include "admin.h"
#include "arena.h"
#include "canned.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

#define CANNED_TITLE_MAX  100
#define CANNED_BODY_MAX   4000    /* what a reply may hold */

static struct db_q q_canned_list = DB_Q(
    "SELECT id, title, body, active, updated_at FROM canned_replies"
    " ORDER BY active DESC, title LIMIT 1000");
static struct db_q q_canned_get = DB_Q(
    "SELECT id, title, body, active FROM canned_replies WHERE id = ?");
static struct db_q q_canned_insert = DB_Q(
    "INSERT INTO canned_replies (title, body, active, created_at, updated_at)"
    " VALUES (?, ?, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())");
static struct db_q q_canned_update = DB_Q(
    "UPDATE canned_replies SET title = ?, body = ?, active = ?, updated_at = UTC_TIMESTAMP()"
    " WHERE id = ?");

enum { CC_ID, CC_TITLE, CC_BODY, CC_ACTIVE, CC_UPDATED };

struct canned_form {
	const char *title, *body;
	int         active;
};

/* The placeholders, as the hint under the text field lists them. */
static void
canned_placeholders(struct req *r, tmpl_dict *d)
{
	tmpl_set(d, "PH_CUSTOMER", CANNED_PH_CUSTOMER_ZH " / " CANNED_PH_CUSTOMER_EN);
	tmpl_set(d, "PH_TICKET", CANNED_PH_TICKET_ZH " / " CANNED_PH_TICKET_EN);
}

/* The text: required, at most CANNED_BODY_MAX characters, several lines;
 * kept as typed (only the title is trimmed). */
static void
canned_check(struct req *r, struct form_check *fc, struct canned_form *f, int with_active)
{
	f->title = admin_field(r, "title");
	f->body = req_form(r, "body") != NULL ? req_form(r, "body") : "";
	f->active = 1;
	form_check_field(fc, "title", f->title, valid_text(f->title, CANNED_TITLE_MAX, 1, 0));
	if (form_check_field(fc, "body", f->body, valid_text(f->body, CANNED_BODY_MAX, 1, 1)) ==
	    NULL && canned_bad_placeholder(f->body) != NULL)
		form_check_field(fc, "body", f->body, "A_ERR_CANNED_PLACEHOLDER");
	if (with_active && form_check_field(fc, "active", "",
	    admin_check_flag(req_form(r, "active"), &f->active)) == NULL && f->active)
		tmpl_show_section(fc->d, "ACTIVE_CHECKED");
}

static void
canned_fill_row(struct req *r, tmpl_dict *d, const struct db_res *res, size_t i)
{
	tmpl_dict *row = tmpl_add_section(d, "CANNED");

	tmpl_set(row, "ID", db_gets(res, i, CC_ID));
	tmpl_set(row, "TITLE", db_gets(res, i, CC_TITLE));
	tmpl_set(row, "BODY", db_gets(res, i, CC_BODY));
	tmpl_set(row, "UPDATED", fmt_local_time(r->a, db_get(res, i, CC_UPDATED)));
	tmpl_show_section(row, db_get_int(res, i, CC_ACTIVE) ? "IS_ACTIVE" : "IS_INACTIVE");
}

static int
canned_list_render(struct req *r, int status, tmpl_dict *d)
{
	struct db_res *res;
	enum db_rc rc;
	size_t i;

	if ((rc = db_query(r->a, &q_canned_list, &res, "")) != DB_OK)
		return admin_db_fail(r, rc, d);
	for (i = 0; i < res->nrows; i++)
		canned_fill_row(r, d, res, i);
	if (res->nrows == 0)
		tmpl_show_section(d, "NO_CANNED");
	canned_placeholders(r, d);
	return resp_page(r, status, "admin/canned.tpl", d);
}

int
canned_list_get(struct req *r)
{
	return canned_list_render(r, 200, admin_dict(r, "A_CANNED_TITLE", AT_CANNED));
}

int
canned_list_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_CANNED_TITLE", AT_CANNED), 0 };
	struct canned_form f;
	enum db_rc rc;

	canned_check(r, &fc, &f, 0);
	if (fc.nerr > 0)
		return canned_list_render(r, 422, fc.d);
	rc = db_exec(&q_canned_insert, NULL, "ss", f.title, f.body);
	if (rc == DB_DUP) {
		form_check_field(&fc, "title", f.title, "A_ERR_CANNED_TAKEN");
		return canned_list_render(r, 422, fc.d);
	}
	if (rc != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	tmpl_free(fc.d);
	return resp_redirect(r, "/admin/canned?saved=1");
}

static int
canned_edit_render(struct req *r, int status, tmpl_dict *d, const struct db_res *row)
{
	tmpl_set(d, "ID", db_gets(row, 0, CC_ID));
	tmpl_set(d, "CANNED_NAME", db_gets(row, 0, CC_TITLE));
	canned_placeholders(r, d);
	return resp_page(r, status, "admin/canned_edit.tpl", d);
}

int
canned_edit_get(struct req *r)
{
	tmpl_dict *d = admin_dict(r, "A_CANNED_EDIT_TITLE", AT_CANNED);
	struct db_res *row;

	if (admin_load_row(r, &q_canned_get, &row, d) != 0)
		return 0;
	tmpl_set(d, "VAL_title", db_gets(row, 0, CC_TITLE));
	tmpl_set(d, "VAL_body", db_gets(row, 0, CC_BODY));
	if (db_get_int(row, 0, CC_ACTIVE))
		tmpl_show_section(d, "ACTIVE_CHECKED");
	return canned_edit_render(r, 200, d, row);
}

int
canned_edit_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_CANNED_EDIT_TITLE", AT_CANNED), 0 };
	struct db_res *row;
	struct canned_form f;
	enum db_rc rc;

	if (admin_load_row(r, &q_canned_get, &row, fc.d) != 0)
		return 0;
	canned_check(r, &fc, &f, 1);
	if (fc.nerr > 0)
		return canned_edit_render(r, 422, fc.d, row);
	rc = db_exec(&q_canned_update, NULL, "ssIi", f.title, f.body, f.active,
	    db_get_int(row, 0, CC_ID));
	if (rc == DB_DUP) {
		form_check_field(&fc, "title", f.title, "A_ERR_CANNED_TAKEN");
		return canned_edit_render(r, 422, fc.d, row);
	}
	if (rc != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	tmpl_free(fc.d);
	return resp_redirect(r, "/admin/canned?saved=1");
}

const struct i18n_msg admin_msgs_canned[] = {
	{ "A_TAB_CANNED",        "快捷回复",          "Canned replies" },
	{ "A_CANNED_TITLE",      "快捷回复",          "Canned replies" },
	{ "A_CANNED_INTRO",      "客服在工单页的回复框里选用这些文字，插入后可以修改。",
	                         "The desk picks these texts in a ticket's reply box and edits"
	                         " them there." },
	{ "A_CANNED_EDIT_TITLE", "编辑快捷回复",      "Edit canned reply" },
	{ "A_CANNED_ADD",        "新增快捷回复",      "Add a canned reply" },
	{ "A_CANNED_NAME",       "标题",              "Title" },
	{ "A_CANNED_NAME_HINT",  "回复框列表里显示的名称，1 到 100 个字。",
	                         "The name in the reply box's list, 1 to 100 characters." },
	{ "A_CANNED_BODY",       "内容",              "Text" },
	{ "A_CANNED_PH_HINT",    "插入时自动替换：",  "Filled in when inserted: " },
	{ "A_CANNED_PH_CUSTOMER", "客户姓名",         "the customer's name" },
	{ "A_CANNED_PH_TICKET",  "工单号",            "the ticket number" },
	{ "A_CANNED_PH_SEP",     "，",                ", " },
	{ "A_CANNED_UPDATED",    "更新于",            "Updated" },
	{ "A_CANNED_ACTIVE_HINT", "停用后不再出现在回复框的列表中。",
	                         "A reply switched off is no longer listed in the reply box." },
	{ "A_ERR_CANNED_TAKEN",  "已有相同标题的快捷回复。", "A canned reply has this title already." },
	{ "A_ERR_CANNED_PLACEHOLDER", "花括号只能用于占位符 {客户}、{customer}、{工单号}、{ticket}，其他写法会原样发给客户。",
	                         "Braces are for the placeholders {客户}, {customer}, {工单号} and {ticket} only; anything else would reach the customer as written." },
};
const size_t admin_nmsgs_canned = sizeof(admin_msgs_canned) / sizeof(admin_msgs_canned[0]);
