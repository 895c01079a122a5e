/* Fields shared by the plan pages: the interval (unit + number), the
 * default technician or team, and their options. */
#include "plans_form.h"
#include "arena.h"
#include "http.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

#define PLANS_STAFF_MAX 500

static struct db_q q_users = DB_Q(
    "SELECT id, name, role FROM users"
    " WHERE active = 1 AND role IN ('technician', 'agent', 'supervisor')"
    " ORDER BY role <> 'technician', name LIMIT ?");
static struct db_q q_teams = DB_Q("SELECT id, name FROM teams ORDER BY name LIMIT ?");

int
plans_staff_load(struct req *r, struct plans_staff *st)
{
	return db_query(r->a, &q_users, &st->users, "I", PLANS_STAFF_MAX) == DB_OK &&
	    db_query(r->a, &q_teams, &st->teams, "I", PLANS_STAFF_MAX) == DB_OK ? 0 : -1;
}

const char *
plans_check_interval(const char *n_text, const char *unit_text, enum plans_unit *unit, long *n)
{
	long long v;

	*unit = plans_unit_parse(unit_text);
	if (*unit == PU__MAX)
		return "PL_ERR_UNIT";
	if (n_text == NULL || *n_text == '\0')
		return "ERR_REQUIRED";
	if (valid_int(n_text, 1, plans_unit_max(*unit), &v) != NULL)
		return "PL_ERR_INTERVAL";
	*n = (long)v;
	return NULL;
}

/* "" (none) or the id of a row of res: NULL, else problem. */
static const char *
check_id_in(const char *v, const struct db_res *res, long long *id, const char *problem)
{
	size_t i;

	*id = 0;
	if (v == NULL || *v == '\0')
		return NULL;
	if (valid_int(v, 1, LLONG_MAX, id) != NULL)
		return problem;
	for (i = 0; i < res->nrows; i++)
		if (db_get_int(res, i, 0) == *id)
			return NULL;
	*id = 0;
	return problem;
}

const char *
plans_check_user(const char *v, const struct plans_staff *st, long long *id)
{
	return check_id_in(v, st->users, id, "PL_ERR_ASSIGNEE");
}

const char *
plans_check_team(const char *v, const struct plans_staff *st, long long *id)
{
	return check_id_in(v, st->teams, id, "PL_ERR_TEAM");
}

static void
options(tmpl_dict *d, const char *section, const struct db_res *res, const char *sel,
    struct req *r, int with_role)
{
	size_t i;

	for (i = 0; i < res->nrows; i++) {
		tmpl_dict *o = tmpl_add_section(d, section);

		tmpl_set(o, "VALUE", db_gets(res, i, 0));
		tmpl_set(o, "LABEL", with_role && strcmp(db_gets(res, i, 2), "technician") != 0 ?
		    arena_printf(r->a, "%s (%s)", db_gets(res, i, 1), i18n(r->lang,
		    arena_printf(r->a, "ROLE_%s", db_gets(res, i, 2)))) : db_gets(res, i, 1));
		if (sel != NULL && strcmp(sel, db_gets(res, i, 0)) == 0)
			tmpl_show_section(o, "SELECTED");
	}
}

void
plans_fill_choices(struct req *r, tmpl_dict *d, const struct plans_staff *st,
    const char *unit, const char *assignee, const char *team)
{
	int u;

	for (u = 0; u < PU__MAX; u++) {
		tmpl_dict *o = tmpl_add_section(d, "UNIT_OPT");
		const char *name = plans_unit_name((enum plans_unit)u);

		tmpl_set(o, "VALUE", name);
		tmpl_set(o, "LABEL", i18n(r->lang, arena_printf(r->a, "PL_UNIT_%s", name)));
		if (unit != NULL && strcmp(unit, name) == 0)
			tmpl_show_section(o, "SELECTED");
	}
	options(d, "ASSIGNEE_OPT", st->users, assignee, r, 1);
	options(d, "TEAM_OPT", st->teams, team, r, 0);
}

const char *
plans_interval_text(struct req *r, const char *unit, long n)
{
	if (plans_unit_parse(unit) == PU__MAX)
		unit = "day";
	if (n == 1)   /* 每天 / every day */
		return i18n(r->lang, arena_printf(r->a, "PL_EVERY_%s_1", unit));
	return arena_printf(r->a, "%s %ld %s", i18n(r->lang, "PL_EVERY"), n,
	    i18n(r->lang, arena_printf(r->a, "PL_UNITS_%s", unit)));
}
