/* /admin/users: staff accounts. Create (login, name, role, team, region,
 * first password), edit (name, role, team, region, active, skills of
 * technicians), reset a password. An administrator can neither deactivate
 * nor demote themselves; deactivating ends the user's sessions at once. */
#include "admin.h"
#include "arena.h"
#include "auth.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

#define USER_MAX_SKILLS 64

static struct db_q q_users_list = DB_Q(
    "SELECT u.id, u.login, u.name, u.role, COALESCE(t.name, ''), u.region, u.active,"
    " COALESCE((SELECT GROUP_CONCAT(IF(? = 'en', c.name_en, c.name_zh)"
    "   ORDER BY c.sort, c.id SEPARATOR ', ')"
    "  FROM user_skills s JOIN categories c ON c.id = s.category_id WHERE s.user_id = u.id), '')"
    " FROM users u LEFT JOIN teams t ON t.id = u.team_id"
    " ORDER BY u.active DESC, u.login LIMIT 1001");
static struct db_q q_team_options = DB_Q("SELECT id, name FROM teams ORDER BY name");
static struct db_q q_category_options = DB_Q(
    "SELECT id, IF(? = 'en', name_en, name_zh), active FROM categories ORDER BY sort, id");
static struct db_q q_user_get = DB_Q(
    "SELECT id, login, name, role, COALESCE(team_id, 0), region, active FROM users WHERE id = ?");
static struct db_q q_user_skills = DB_Q(
    "SELECT category_id FROM user_skills WHERE user_id = ?");
static struct db_q q_user_insert = DB_Q(
    "INSERT INTO users (login, name, role, team_id, region, password_hash)"
    " VALUES (?, ?, ?, NULLIF(?, 0), ?, ?)");
static struct db_q q_user_update = DB_Q(
    "UPDATE users SET name = ?, role = ?, team_id = NULLIF(?, 0), region = ?, active = ?"
    " WHERE id = ?");
static struct db_q q_skills_clear = DB_Q("DELETE FROM user_skills WHERE user_id = ?");
static struct db_q q_skill_add = DB_Q(
    "INSERT INTO user_skills (user_id, category_id) VALUES (?, ?)");
static struct db_q q_sessions_end = DB_Q("DELETE FROM sessions WHERE user_id = ?");
static struct db_q q_sessions_end_others = DB_Q(
    "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?");
static struct db_q q_user_password = DB_Q("UPDATE users SET password_hash = ? WHERE id = ?");

enum { UL_ID, UL_LOGIN, UL_NAME, UL_ROLE, UL_TEAM, UL_REGION, UL_ACTIVE, UL_SKILLS };
enum { UC_ID, UC_LOGIN, UC_NAME, UC_ROLE, UC_TEAM, UC_REGION, UC_ACTIVE };
#define USERS_LIST_MAX 1000

static const char *const roles[] = {
	"viewer", "technician", "agent", "supervisor", "admin", NULL
};

/* What the selects and checkboxes offer: teams and categories. */
struct user_opts {
	struct db_res *teams;    /* id, name */
	struct db_res *cats;     /* id, name in the request language, active */
};

/* A submission, trimmed; used only when every field passed. */
struct user_form {
	const char *login, *name, *role, *team, *region, *password;
	long long   team_id;
	int         active;
	long long   skills[USER_MAX_SKILLS];
	size_t      nskills;
};

static enum db_rc
user_opts_load(struct req *r, struct user_opts *o)
{
	enum db_rc rc;

	if ((rc = db_query(r->a, &q_team_options, &o->teams, "")) != DB_OK)
		return rc;
	return db_query(r->a, &q_category_options, &o->cats, "s", r->lang);
}

/* 1 if id is in column 0 of res. */
static int
res_has_id(const struct db_res *res, long long id)
{
	size_t i;

	for (i = 0; i < res->nrows; i++)
		if (db_get_int(res, i, 0) == id)
			return 1;
	return 0;
}

/* 3..64 of [a-z0-9._-]. */
static const char *
check_login(const char *v)
{
	size_t n = strlen(v), i;

	if (n == 0)
		return "ERR_REQUIRED";
	if (n < 3 || n > 64)
		return "A_ERR_LOGIN_FORMAT";
	for (i = 0; i < n; i++)
		if (strchr("abcdefghijklmnopqrstuvwxyz0123456789._-", v[i]) == NULL)
			return "A_ERR_LOGIN_FORMAT";
	return NULL;
}

/* "" (no team) or the id of a team; *id 0 for none. */
static const char *
check_team(const char *v, const struct user_opts *o, long long *id)
{
	*id = 0;
	if (*v == '\0')
		return NULL;
	if (valid_int(v, 1, LLONG_MAX, id) != NULL || !res_has_id(o->teams, *id)) {
		*id = 0;
		return "ERR_INVALID";
	}
	return NULL;
}

/* Every "skill" field of the body: category ids, duplicates dropped. */
static const char *
check_skills(const struct req *r, const struct user_opts *o, struct user_form *f)
{
	size_t i, k;
	long long id;

	f->nskills = 0;
	for (i = 0; i < r->body.nfields; i++) {
		if (strcmp(r->body.fields[i].name, "skill") != 0)
			continue;
		if (valid_int(r->body.fields[i].val, 1, LLONG_MAX, &id) != NULL ||
		    !res_has_id(o->cats, id))
			return "ERR_INVALID";
		for (k = 0; k < f->nskills && f->skills[k] != id; k++)
			;
		if (k < f->nskills)
			continue;
		if (f->nskills == USER_MAX_SKILLS)
			return "ERR_INVALID";
		f->skills[f->nskills++] = id;
	}
	return NULL;
}

/* The fields create and edit share: name, role, team, region. */
static void
user_check_common(struct req *r, struct form_check *fc, const struct user_opts *o,
    struct user_form *f)
{
	int idx;

	f->name = admin_field(r, "name");
	f->role = admin_field(r, "role");
	f->team = admin_field(r, "team");
	f->region = admin_field(r, "region");
	form_check_field(fc, "name", f->name, valid_text(f->name, 100, 1, 0));
	form_check_field(fc, "role", f->role, valid_choice(f->role, roles, &idx));
	form_check_field(fc, "team", f->team, check_team(f->team, o, &f->team_id));
	form_check_field(fc, "region", f->region, valid_text(f->region, 100, 0, 0));
}

/* Role and team selects, sel_* marked. */
static void
user_fill_selects(struct req *r, tmpl_dict *d, const struct user_opts *o,
    const char *sel_role, const char *sel_team)
{
	int i;

	for (i = 0; roles[i] != NULL; i++) {
		tmpl_dict *s = tmpl_add_section(d, "ROLE_OPTION");

		tmpl_set(s, "VALUE", roles[i]);
		tmpl_set(s, "LABEL", i18n(r->lang, arena_printf(r->a, "ROLE_%s", roles[i])));
		if (strcmp(sel_role, roles[i]) == 0)
			tmpl_show_section(s, "SELECTED");
	}
	admin_options(d, "TEAM_OPTION", o->teams, 0, 1, sel_team);
}

/* Skill checkboxes, the given ids checked. */
static void
user_fill_skills(tmpl_dict *d, const struct user_opts *o, const long long *ids, size_t n)
{
	size_t i, k;

	for (i = 0; i < o->cats->nrows; i++) {
		tmpl_dict *s = tmpl_add_section(d, "SKILL");
		long long id = db_get_int(o->cats, i, 0);

		tmpl_set(s, "VALUE", db_gets(o->cats, i, 0));
		tmpl_set(s, "LABEL", db_gets(o->cats, i, 1));
		if (!db_get_int(o->cats, i, 2))
			tmpl_show_section(s, "CAT_INACTIVE");
		for (k = 0; k < n; k++)
			if (ids[k] == id)
				tmpl_show_section(s, "CHECKED");
	}
}

/* ------------------------------------------------------------ the list */

static void
users_fill_row(struct req *r, tmpl_dict *d, const struct db_res *res, size_t i)
{
	tmpl_dict *row = tmpl_add_section(d, "USER");
	const char *skills = db_gets(res, i, UL_SKILLS);

	tmpl_set(row, "ID", db_gets(res, i, UL_ID));
	tmpl_set(row, "LOGIN", db_gets(res, i, UL_LOGIN));
	tmpl_set(row, "NAME", db_gets(res, i, UL_NAME));
	tmpl_set(row, "ROLE", db_gets(res, i, UL_ROLE));
	tmpl_set(row, "ROLE_LABEL", i18n(r->lang, arena_printf(r->a, "ROLE_%s",
	    db_gets(res, i, UL_ROLE))));
	tmpl_set(row, "TEAM", db_gets(res, i, UL_TEAM));
	tmpl_set(row, "REGION", db_gets(res, i, UL_REGION));
	if (*skills != '\0')
		tmpl_set(tmpl_add_section(row, "SKILLS"), "TEXT", skills);
	tmpl_show_section(row, db_get_int(res, i, UL_ACTIVE) ? "IS_ACTIVE" : "IS_INACTIVE");
}

/* The list with the add form; sel_* are the add form's choices. */
static int
users_render(struct req *r, int status, tmpl_dict *d, const struct user_opts *o,
    const char *sel_role, const char *sel_team)
{
	struct db_res *res;
	enum db_rc rc;
	size_t i;

	if ((rc = db_query(r->a, &q_users_list, &res, "s", r->lang)) != DB_OK)
		return admin_db_fail(r, rc, d);
	for (i = 0; i < res->nrows && i < USERS_LIST_MAX; i++)
		users_fill_row(r, d, res, i);
	if (res->nrows > USERS_LIST_MAX)
		tmpl_show_section(d, "MORE_USERS");
	user_fill_selects(r, d, o, sel_role, sel_team);
	return resp_page(r, status, "admin/users.tpl", d);
}

int
users_get(struct req *r)
{
	tmpl_dict *d = admin_dict(r, "A_USERS_TITLE", AT_USERS);
	struct user_opts o;
	enum db_rc rc;

	if ((rc = user_opts_load(r, &o)) != DB_OK)
		return admin_db_fail(r, rc, d);
	return users_render(r, 200, d, &o, "technician", "");
}

int
users_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_USERS_TITLE", AT_USERS), 0 };
	struct user_opts o;
	struct user_form f;
	char hash[128];
	enum db_rc rc;

	if ((rc = user_opts_load(r, &o)) != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	f.login = admin_field(r, "login");
	form_check_field(&fc, "login", f.login, check_login(f.login));
	user_check_common(r, &fc, &o, &f);
	f.password = req_form(r, "password");
	form_check_field(&fc, "password", "", password_problem(f.password));
	if (fc.nerr > 0)
		return users_render(r, 422, fc.d, &o, f.role, f.team);
	if (password_hash(f.password, hash) != 0) {
		tmpl_free(fc.d);
		return resp_error(r, 500, "ERR_INTERNAL");
	}
	rc = db_exec(&q_user_insert, NULL, "sssiss", f.login, f.name, f.role, f.team_id,
	    f.region, hash);
	if (rc == DB_DUP) {
		form_check_field(&fc, "login", f.login, "A_ERR_LOGIN_TAKEN");
		return users_render(r, 422, fc.d, &o, f.role, f.team);
	}
	if (rc != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	tmpl_free(fc.d);
	return resp_redirect(r, arena_printf(r->a, "/admin/users/%llu?created=1",
	    db_insert_id()));
}

/* ------------------------------------------------------- one user */

/* What the edit form shows: from the database or from a submission. */
struct user_view {
	const char      *name, *role, *team, *region;
	int              active;
	const long long *skills;
	size_t           nskills;
};

/* The user of the path, its skills and the options; 0 ok, else answered
 * (d freed). */
static int
user_load(struct req *r, tmpl_dict *d, struct db_res **user, struct db_res **skills,
    struct user_opts *o)
{
	long long id;
	enum db_rc rc;

	if (admin_param_id(r, &id) != 0) {
		admin_not_found(r, d);
		return -1;
	}
	if ((rc = db_query(r->a, &q_user_get, user, "i", id)) != DB_OK ||
	    (rc = db_query(r->a, &q_user_skills, skills, "i", id)) != DB_OK ||
	    (rc = user_opts_load(r, o)) != DB_OK) {
		admin_db_fail(r, rc, d);
		return -1;
	}
	if ((*user)->nrows != 1) {
		admin_not_found(r, d);
		return -1;
	}
	return 0;
}

/* The view of the stored user (skill ids copied into the arena). */
static void
user_view_stored(struct req *r, const struct db_res *u, const struct db_res *sk,
    struct user_view *v)
{
	long long *ids = arena_alloc(r->a, (sk->nrows + 1) * sizeof(*ids));
	size_t i;

	for (i = 0; i < sk->nrows; i++)
		ids[i] = db_get_int(sk, i, 0);
	v->name = db_gets(u, 0, UC_NAME);
	v->role = db_gets(u, 0, UC_ROLE);
	v->team = db_get_int(u, 0, UC_TEAM) > 0 ? db_gets(u, 0, UC_TEAM) : "";
	v->region = db_gets(u, 0, UC_REGION);
	v->active = (int)db_get_int(u, 0, UC_ACTIVE);
	v->skills = ids;
	v->nskills = sk->nrows;
}

/* The edit page. Text values of v are set unless the form check already
 * kept them (set_text 0). */
static int
user_render(struct req *r, int status, tmpl_dict *d, const struct db_res *u,
    const struct user_opts *o, const struct user_view *v, int set_text)
{
	tmpl_set(d, "ID", db_gets(u, 0, UC_ID));
	tmpl_set(d, "LOGIN", db_gets(u, 0, UC_LOGIN));
	if (set_text) {
		tmpl_set(d, "VAL_name", v->name);
		tmpl_set(d, "VAL_region", v->region);
	}
	user_fill_selects(r, d, o, v->role, v->team);
	user_fill_skills(d, o, v->skills, v->nskills);
	if (v->active)
		tmpl_show_section(d, "ACTIVE_CHECKED");
	if (db_get_int(u, 0, UC_ID) == r->user->id)
		tmpl_show_section(d, "IS_SELF");
	if (req_query(r, "created") != NULL)
		tmpl_show_section(d, "CREATED_NOTE");
	if (req_query(r, "pw") != NULL)
		tmpl_show_section(d, "PW_NOTE");
	return resp_page(r, status, "admin/user.tpl", d);
}

int
user_get(struct req *r)
{
	tmpl_dict *d = admin_dict(r, "A_USER_EDIT_TITLE", AT_USERS);
	struct db_res *u, *sk;
	struct user_opts o;
	struct user_view v;

	if (user_load(r, d, &u, &sk, &o) != 0)
		return 0;
	user_view_stored(r, u, sk, &v);
	return user_render(r, 200, d, u, &o, &v, 1);
}

/* Save an edit: the user row, the skills (technicians only), and the end
 * of every session when deactivated, in one transaction. */
static enum db_rc
user_save(long long id, const struct user_form *f)
{
	enum db_rc rc;
	size_t i;

	if ((rc = db_begin()) != DB_OK)
		return rc;
	if ((rc = db_exec(&q_user_update, NULL, "ssisIi", f->name, f->role, f->team_id,
	    f->region, f->active, id)) != DB_OK ||
	    (rc = db_exec(&q_skills_clear, NULL, "i", id)) != DB_OK)
		goto err;
	for (i = 0; i < f->nskills; i++)
		if ((rc = db_exec(&q_skill_add, NULL, "ii", id, f->skills[i])) != DB_OK)
			goto err;
	if (!f->active && (rc = db_exec(&q_sessions_end, NULL, "i", id)) != DB_OK)
		goto err;
	return db_commit();
err:
	db_rollback();
	return rc;
}

/* The edit fields; an administrator editing themselves must stay an
 * active administrator. */
static void
user_check_edit(struct req *r, struct form_check *fc, const struct user_opts *o,
    long long id, struct user_form *f)
{
	const char *p;
	int idx;

	user_check_common(r, fc, o, f);
	p = admin_check_flag(req_form(r, "active"), &f->active);
	if (p == NULL && id == r->user->id && !f->active)
		p = "A_ERR_SELF_DEACTIVATE";
	form_check_field(fc, "active", "", p);
	if (id == r->user->id && valid_choice(f->role, roles, &idx) == NULL &&
	    strcmp(f->role, "admin") != 0)
		form_check_field(fc, "role", f->role, "A_ERR_SELF_DEMOTE");
	form_check_field(fc, "skills", "", check_skills(r, o, f));
}

int
user_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_USER_EDIT_TITLE", AT_USERS), 0 };
	struct db_res *u, *sk;
	struct user_opts o;
	struct user_form f;
	struct user_view v;
	long long id;
	enum db_rc rc;

	if (user_load(r, fc.d, &u, &sk, &o) != 0)
		return 0;
	id = db_get_int(u, 0, UC_ID);
	memset(&f, 0, sizeof(f));
	user_check_edit(r, &fc, &o, id, &f);
	if (fc.nerr > 0) {
		v = (struct user_view){ f.name, f.role, f.team, f.region, f.active, f.skills,
		    f.nskills };
		return user_render(r, 422, fc.d, u, &o, &v, 0);
	}
	tmpl_free(fc.d);
	if (strcmp(f.role, "technician") != 0)
		f.nskills = 0;
	if ((rc = user_save(id, &f)) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	return resp_redirect(r, arena_printf(r->a, "/admin/users/%lld?saved=1", id));
}

/* A new password; the user's other sessions end (a reset usually means
 * the old password is known to someone else). */
int
user_password_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_USER_EDIT_TITLE", AT_USERS), 0 };
	const char *pw = req_form(r, "password");
	struct db_res *u, *sk;
	struct user_opts o;
	struct user_view v;
	char hash[128];
	long long id;
	enum db_rc rc;

	if (user_load(r, fc.d, &u, &sk, &o) != 0)
		return 0;
	id = db_get_int(u, 0, UC_ID);
	if (form_check_field(&fc, "password", "", password_problem(pw)) != NULL) {
		user_view_stored(r, u, sk, &v);
		return user_render(r, 422, fc.d, u, &o, &v, 1);
	}
	tmpl_free(fc.d);
	if (password_hash(pw, hash) != 0)
		return resp_error(r, 500, "ERR_INTERNAL");
	if ((rc = db_exec(&q_user_password, NULL, "si", hash, id)) != DB_OK ||
	    (rc = db_exec(&q_sessions_end_others, NULL, "is", id,
	    r->session_id != NULL ? r->session_id : "")) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	return resp_redirect(r, arena_printf(r->a, "/admin/users/%lld?pw=1", id));
}

const struct i18n_msg admin_msgs_users[] = {
	{ "A_USERS_TITLE",        "用户",              "Users" },
	{ "A_USER_EDIT_TITLE",    "编辑用户",          "Edit user" },
	{ "A_USER_ADD",           "新增用户",          "Add a user" },
	{ "A_USER_LOGIN",         "账号",              "Login" },
	{ "A_USER_LOGIN_HINT",    "3 到 64 位小写字母、数字或 . _ -，创建后不能修改。",
	                          "3 to 64 lower-case letters, digits or . _ -; cannot be"
	                          " changed later." },
	{ "A_USER_NAME",          "姓名",              "Name" },
	{ "A_USER_ROLE",          "角色",              "Role" },
	{ "A_USER_TEAM",          "团队",              "Team" },
	{ "A_USER_REGION",        "负责区域",          "Region" },
	{ "A_USER_REGION_HINT",   "技术员上门服务的区域，例如“上海浦东”。",
	                          "Where the technician visits, e.g. 上海浦东 (Shanghai Pudong)." },
	{ "A_USER_PASSWORD",      "初始密码",          "First password" },
	{ "A_USER_PASSWORD_HINT", "至少 8 个字符。请通过安全渠道告知本人，并提醒其登录后在“我的账户”中修改。",
	                          "At least 8 characters. Tell the person through a safe channel"
	                          " and ask them to change it under \"My account\"." },
	{ "A_USER_SKILLS",        "技能（可维修的产品类别）", "Skills (categories repaired)" },
	{ "A_USER_SKILLS_HINT",   "仅对技术员有效，用于自动派工；其他角色保存时会清空。",
	                          "For technicians only (auto-dispatch); cleared for other roles." },
	{ "A_USER_ACTIVE_HINT",   "停用后该用户立即退出登录，且不能再登录。",
	                          "A deactivated user is signed out at once and cannot sign in." },
	{ "A_USER_SELF_NOTE",     "这是您自己的账号：不能停用，也不能取消管理员角色。",
	                          "This is your own account: you cannot deactivate it or give up"
	                          " the administrator role." },
	{ "A_USER_CREATED",       "用户已创建。如是技术员，请在下方设置技能。",
	                          "User created. For a technician, set the skills below." },
	{ "A_USER_RESET_PW",      "重置密码",          "Reset password" },
	{ "A_USER_NEW_PW",        "新密码",            "New password" },
	{ "A_USER_RESET_HINT",    "重置后该用户在其他设备上的登录将失效。",
	                          "The user's sessions on other devices end." },
	{ "A_USER_PW_DONE",       "密码已重置。",      "The password has been reset." },
	{ "A_USER_CAT_INACTIVE",  "（已停用）",        "(inactive)" },
	{ "A_ERR_LOGIN_FORMAT",   "账号须为 3 到 64 位小写字母、数字或 . _ -。",
	                          "3 to 64 lower-case letters, digits or . _ -." },
	{ "A_ERR_LOGIN_TAKEN",    "此账号已被使用。",  "This login is taken." },
	{ "A_ERR_SELF_DEACTIVATE","不能停用自己的账号。", "You cannot deactivate your own account." },
	{ "A_ERR_SELF_DEMOTE",    "不能取消自己的管理员角色。",
	                          "You cannot give up your own administrator role." },
};
const size_t admin_nmsgs_users = sizeof(admin_msgs_users) / sizeof(admin_msgs_users[0]);
