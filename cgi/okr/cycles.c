/* GET /okr/cycles — every cycle, the form for a new one, and (managers)
 * closing and carrying over. POST /okr/cycles — a new cycle (name, kind
 * quarter/year, first and last day, planning or active); 422 with values
 * kept. POST /okr/cycles/<id>/close — freeze every value and score of the
 * cycle (okr_cycle_close) and open the reviews; 409 on a stale version.
 * POST /okr/cycles/<id>/carry — copy the objectives and key results of a
 * closed cycle (field "from") into this open one. Managers only. */
#include "okr_pages.h"
#include "arena.h"
#include "valid.h"

#include <string.h>

static const char *const kinds[] = { "quarter", "year", NULL };
static const char *const start_states[] = { "planning", "active", NULL };

static struct db_q q_cycle_add = DB_Q(
    "INSERT INTO okr_cycles (name, kind, starts_on, ends_on, state, created_at)"
    " VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())");
static struct db_q q_carry_obj = DB_Q(
    "INSERT INTO okr_objectives (cycle_id, title, description, level, owner_id, team_id,"
    " status_set, carried_from, created_at, updated_at)"
    " SELECT ?, title, description, level, owner_id, team_id, NULL, id, UTC_TIMESTAMP(),"
    " UTC_TIMESTAMP() FROM okr_objectives WHERE cycle_id = ? ORDER BY id");
static struct db_q q_carry_parent = DB_Q(
    "UPDATE okr_objectives n JOIN okr_objectives o ON o.id = n.carried_from"
    " JOIN okr_objectives np ON np.carried_from = o.parent_id AND np.cycle_id = n.cycle_id"
    " SET n.parent_id = np.id WHERE n.cycle_id = ? AND o.cycle_id = ?");
static struct db_q q_carry_kr = DB_Q(
    "INSERT INTO okr_krs (objective_id, title, kind, start_value, target_value, unit, weight,"
    " owner_id, source, metric_key, f_category_id, f_team_id, f_channel, f_assignee_id, window_days,"
    " created_at, updated_at)"
    " SELECT n.id, k.title, k.kind, IF(k.source = 'manual' AND k.final_has = 1"
    " AND k.kind IN ('increase_to', 'decrease_to'), k.final_value, k.start_value),"
    " k.target_value, k.unit, k.weight, k.owner_id, k.source, k.metric_key, k.f_category_id,"
    " k.f_team_id, k.f_channel, k.f_assignee_id, k.window_days, UTC_TIMESTAMP(), UTC_TIMESTAMP()"
    " FROM okr_krs k JOIN okr_objectives o ON o.id = k.objective_id"
    " JOIN okr_objectives n ON n.carried_from = o.id AND n.cycle_id = ?"
    " WHERE o.cycle_id = ? ORDER BY k.id");
static struct db_q q_carried = DB_Q(
    "SELECT COUNT(*) FROM okr_objectives n JOIN okr_objectives o ON o.id = n.carried_from"
    " WHERE n.cycle_id = ? AND o.cycle_id = ?");

static int
cycles_send(struct req *r, int status, tmpl_dict *d, const char *kind, const char *state)
{
	struct okr_cycle *cs;
	tmpl_dict *s, *o;
	size_t n, i, j;
	enum db_rc rc;

	if ((rc = okr_cycle_list(r->a, &cs, &n)) != DB_OK) {
		tmpl_free(d);
		return okr_db_fail(r, rc);
	}
	if (okr_is_manager(r))
		tmpl_show_section(d, "MANAGER");
	for (i = 0; i < n; i++) {
		s = tmpl_add_section(d, "CYCLE");
		okr_fill_cycle(r, s, &cs[i]);
		if (!okr_is_manager(r) || cs[i].state == OKR_CLOSED)
			continue;
		tmpl_show_section(s, "CAN_CLOSE");
		for (j = 0; j < n; j++) {
			if (cs[j].state != OKR_CLOSED)
				continue;
			o = tmpl_add_section(s, "CARRY_OPTION");
			tmpl_set_int(o, "OPT_ID", cs[j].id);
			tmpl_set(o, "OPT_NAME", cs[j].name);
			tmpl_show_section(s, "CAN_CARRY");
		}
	}
	for (i = 0; kinds[i] != NULL; i++) {
		o = tmpl_add_section(d, "KIND_OPTION");
		tmpl_set(o, "OPT_ID", kinds[i]);
		tmpl_set(o, "OPT_NAME", i18n(r->lang, arena_printf(r->a, "O_KIND_%s", kinds[i])));
		if (kind != NULL && strcmp(kind, kinds[i]) == 0)
			tmpl_show_section(o, "OPT_SELECTED");
	}
	for (i = 0; start_states[i] != NULL; i++) {
		o = tmpl_add_section(d, "STATE_OPTION");
		tmpl_set(o, "OPT_ID", start_states[i]);
		tmpl_set(o, "OPT_NAME", i18n(r->lang, arena_printf(r->a, "O_CYCLE_%s",
		    start_states[i])));
		if (state != NULL && strcmp(state, start_states[i]) == 0)
			tmpl_show_section(o, "OPT_SELECTED");
	}
	return resp_page(r, status, "okr/cycles.tpl", d);
}

int
okr_cycles_get(struct req *r)
{
	return cycles_send(r, 200, page_dict(r, "O_CYCLES"), "quarter", "active");
}

static const char *
check_day(const char *v, long *day)
{
	if (*v == '\0')
		return "ERR_REQUIRED";
	return metric_day_parse(v, day) != 0 ? "ERR_INVALID" : NULL;
}

int
okr_cycle_new_post(struct req *r)
{
	struct form_check fc;
	const char *name, *kind, *from, *to, *state, *p;
	long d0 = 0, d1 = 0;
	int ki, si;
	enum db_rc rc;

	if (!okr_is_manager(r))
		return resp_error(r, 403, "ERR_FORBIDDEN");
	fc.r = r;
	fc.d = page_dict(r, "O_CYCLES");
	fc.nerr = 0;
	name = valid_trim(r->a, req_form(r, "name"));
	kind = valid_trim(r->a, req_form(r, "kind"));
	from = valid_trim(r->a, req_form(r, "starts_on"));
	to = valid_trim(r->a, req_form(r, "ends_on"));
	state = valid_trim(r->a, req_form(r, "state"));
	form_check_field(&fc, "name", name, valid_text(name, 64, 1, 0));
	form_check_field(&fc, "kind", kind, valid_choice(kind, kinds, &ki));
	form_check_field(&fc, "starts_on", from, check_day(from, &d0));
	p = check_day(to, &d1);
	if (p == NULL && d1 < d0)
		p = "O_ERR_ENDS";
	form_check_field(&fc, "ends_on", to, p);
	form_check_field(&fc, "state", state, valid_choice(state, start_states, &si));
	if (fc.nerr > 0)
		return cycles_send(r, 422, fc.d, kind, state);
	rc = db_exec(&q_cycle_add, NULL, "sssss", name, kind, from, to, state);
	if (rc == DB_DUP) {
		fc.nerr = 0;
		form_check_field(&fc, "name", name, "O_ERR_NAME_TAKEN");
		return cycles_send(r, 422, fc.d, kind, state);
	}
	tmpl_free(fc.d);
	if (rc != DB_OK)
		return okr_db_fail(r, rc);
	return resp_redirect(r, arena_printf(r->a, "/okr/?cycle=%llu", db_insert_id()));
}

/* The cycle of the route, for a manager. 0 ok; otherwise the response. */
static int
route_cycle(struct req *r, struct okr_cycle *c, int *sent)
{
	long long id = okr_param_id(r, 0);
	int found = 0;
	enum db_rc rc;

	*sent = 1;
	if (id == 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if (!okr_is_manager(r))
		return resp_error(r, 403, "ERR_FORBIDDEN");
	if ((rc = okr_cycle_get(r->a, id, c, &found)) != DB_OK)
		return okr_db_fail(r, rc);
	if (!found)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	*sent = 0;
	return 0;
}

int
okr_cycle_close_post(struct req *r)
{
	struct okr_cycle c;
	long long version = 0;
	int sent, ret;
	enum db_rc rc;

	ret = route_cycle(r, &c, &sent);
	if (sent)
		return ret;
	if (valid_int(req_form(r, "version"), 1, 1LL << 31, &version) != NULL)
		return resp_error(r, 400, "ERR_BAD_REQUEST");
	if (c.state == OKR_CLOSED || version != c.version)
		return resp_error(r, 409, "O_ERR_CYCLE_CHANGED");
	rc = okr_cycle_close(r->a, &c, version, r->user->id, okr_now());
	if (rc == DB_CONFLICT)
		return resp_error(r, 409, "O_ERR_CYCLE_CHANGED");
	if (rc != DB_OK)
		return okr_db_fail(r, rc);
	return resp_redirect(r, arena_printf(r->a, "/okr/?cycle=%lld", c.id));
}

int
okr_cycle_carry_post(struct req *r)
{
	struct okr_cycle c, from;
	struct db_res *res;
	long long from_id = 0;
	int sent, ret, found = 0;
	enum db_rc rc;

	ret = route_cycle(r, &c, &sent);
	if (sent)
		return ret;
	if (c.state == OKR_CLOSED)
		return resp_error(r, 409, "O_ERR_CYCLE_CLOSED");
	if (valid_int(req_form(r, "from"), 1, 1LL << 53, &from_id) != NULL)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if ((rc = okr_cycle_get(r->a, from_id, &from, &found)) != DB_OK)
		return okr_db_fail(r, rc);
	if (!found || from.state != OKR_CLOSED)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	/* once per pair: a second click copies nothing */
	if ((rc = db_query(r->a, &q_carried, &res, "ii", c.id, from.id)) != DB_OK)
		return okr_db_fail(r, rc);
	if (db_get_int(res, 0, 0) > 0)
		return resp_error(r, 409, "O_ERR_CARRIED");
	if ((rc = db_begin()) != DB_OK)
		return okr_db_fail(r, rc);
	rc = db_exec(&q_carry_obj, NULL, "ii", c.id, from.id);
	if (rc == DB_OK)
		rc = db_exec(&q_carry_parent, NULL, "ii", c.id, from.id);
	if (rc == DB_OK)
		rc = db_exec(&q_carry_kr, NULL, "ii", c.id, from.id);
	if (rc != DB_OK) {
		db_rollback();
		return okr_db_fail(r, rc);
	}
	if ((rc = db_commit()) != DB_OK)
		return okr_db_fail(r, rc);
	return resp_redirect(r, arena_printf(r->a, "/okr/?cycle=%lld", c.id));
}
