/* /admin/teams: service teams. The region of a team is matched against
 * ticket addresses for auto-dispatch (e.g. "上海"), so it is plain text. */
#include "admin.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

static struct db_q q_teams_list = DB_Q(
    "SELECT t.id, t.name, t.region,"
    " (SELECT COUNT(*) FROM users u WHERE u.team_id = t.id AND u.active = 1)"
    " FROM teams t ORDER BY t.name LIMIT 1000");
static struct db_q q_team_get = DB_Q("SELECT id, name, region FROM teams WHERE id = ?");
static struct db_q q_team_insert = DB_Q("INSERT INTO teams (name, region) VALUES (?, ?)");
static struct db_q q_team_update = DB_Q("UPDATE teams SET name = ?, region = ? WHERE id = ?");

struct team_form {
	const char *name, *region;
};

/* Check the fields into fc; f gets the trimmed values. */
static void
team_check(struct req *r, struct form_check *fc, struct team_form *f)
{
	f->name = admin_field(r, "name");
	f->region = admin_field(r, "region");
	form_check_field(fc, "name", f->name, valid_text(f->name, 100, 1, 0));
	form_check_field(fc, "region", f->region, valid_text(f->region, 100, 0, 0));
}

/* The list page with the add form (values/problems already in d). */
static int
teams_render(struct req *r, int status, tmpl_dict *d)
{
	struct db_res *res;
	enum db_rc rc;
	size_t i;

	if ((rc = db_query(r->a, &q_teams_list, &res, "")) != DB_OK)
		return admin_db_fail(r, rc, d);
	for (i = 0; i < res->nrows; i++) {
		tmpl_dict *row = tmpl_add_section(d, "TEAM");

		tmpl_set(row, "ID", db_gets(res, i, 0));
		tmpl_set(row, "NAME", db_gets(res, i, 1));
		tmpl_set(row, "REGION", db_gets(res, i, 2));
		tmpl_set(row, "MEMBERS", db_gets(res, i, 3));
	}
	if (res->nrows == 0)
		tmpl_show_section(d, "NO_TEAMS");
	return resp_page(r, status, "admin/teams.tpl", d);
}

int
teams_get(struct req *r)
{
	return teams_render(r, 200, admin_dict(r, "A_TEAMS_TITLE", AT_TEAMS));
}

int
teams_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_TEAMS_TITLE", AT_TEAMS), 0 };
	struct team_form f;
	enum db_rc rc;

	team_check(r, &fc, &f);
	if (fc.nerr > 0)
		return teams_render(r, 422, fc.d);
	rc = db_exec(&q_team_insert, NULL, "ss", f.name, f.region);
	if (rc == DB_DUP) {
		form_check_field(&fc, "name", f.name, "A_ERR_TEAM_TAKEN");
		return teams_render(r, 422, fc.d);
	}
	if (rc != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	tmpl_free(fc.d);
	return resp_redirect(r, "/admin/teams?saved=1");
}


static int
team_render(struct req *r, int status, tmpl_dict *d, const struct db_res *team)
{
	tmpl_set(d, "ID", db_gets(team, 0, 0));
	tmpl_set(d, "TEAM_NAME", db_gets(team, 0, 1));
	return resp_page(r, status, "admin/team.tpl", d);
}

int
team_get(struct req *r)
{
	tmpl_dict *d = admin_dict(r, "A_TEAM_EDIT_TITLE", AT_TEAMS);
	struct db_res *team;

	if (admin_load_row(r, &q_team_get, &team, d) != 0)
		return 0;
	tmpl_set(d, "VAL_name", db_gets(team, 0, 1));
	tmpl_set(d, "VAL_region", db_gets(team, 0, 2));
	return team_render(r, 200, d, team);
}

int
team_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_TEAM_EDIT_TITLE", AT_TEAMS), 0 };
	struct db_res *team;
	struct team_form f;
	enum db_rc rc;

	if (admin_load_row(r, &q_team_get, &team, fc.d) != 0)
		return 0;
	team_check(r, &fc, &f);
	if (fc.nerr > 0)
		return team_render(r, 422, fc.d, team);
	rc = db_exec(&q_team_update, NULL, "ssi", f.name, f.region, db_get_int(team, 0, 0));
	if (rc == DB_DUP) {
		form_check_field(&fc, "name", f.name, "A_ERR_TEAM_TAKEN");
		return team_render(r, 422, fc.d, team);
	}
	if (rc != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	tmpl_free(fc.d);
	return resp_redirect(r, "/admin/teams?saved=1");
}

const struct i18n_msg admin_msgs_teams[] = {
	{ "A_TEAMS_TITLE",     "团队",              "Teams" },
	{ "A_TEAM_EDIT_TITLE", "编辑团队",          "Edit team" },
	{ "A_TEAM_NAME",       "团队名称",          "Team name" },
	{ "A_TEAM_REGION",     "负责区域",          "Region" },
	{ "A_TEAM_REGION_HINT","与工单地址匹配用于自动派工，例如“上海”或“广州”。",
	                       "Matched against ticket addresses for auto-dispatch, e.g. 上海"
	                       " (Shanghai)." },
	{ "A_TEAM_MEMBERS",    "在职成员",          "Active members" },
	{ "A_TEAM_ADD",        "新增团队",          "Add a team" },
	{ "A_ERR_TEAM_TAKEN",  "已有同名团队。",    "A team of this name exists." },
};
const size_t admin_nmsgs_teams = sizeof(admin_msgs_teams) / sizeof(admin_msgs_teams[0]);
