/* GET /desk/plans/<id>: one maintenance plan — the asset, the schedule, the
 * tickets its runs opened — with the form of POST /desk/plans/<id>/edit
 * (interval, next due date, active). The edit carries the version it was
 * made on: 409 when the plan changed meanwhile (edited, or advanced by a
 * run); 422 with the values kept when a field is wrong; 303 back here. */
#include "kb.h"
#include "arena.h"
#include "db.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "plans.h"
#include "plans_form.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#define PLANS_MAX_RUNS 100

static struct db_q q_plan = DB_Q(
    "SELECT p.id, p.title, p.interval_days, p.next_due, p.active, p.version, p.created_at,"
    " a.customer_name, a.phone, a.address, a.product, a.serial, c.name_zh, c.name_en,"
    " COALESCE(t.id, 0), COALESCE(t.number, ''), p.next_due <= ?, p.interval_unit,"
    " p.interval_n, COALESCE(p.default_assignee_id, ''), COALESCE(p.default_team_id, ''),"
    " COALESCE(u.name, ''), COALESCE(tm.name, '')"
    " FROM maintenance_plans p JOIN customer_assets a ON a.id = p.asset_id"
    " JOIN categories c ON c.id = a.category_id"
    " LEFT JOIN tickets t ON t.id = p.last_ticket_id"
    " LEFT JOIN users u ON u.id = p.default_assignee_id"
    " LEFT JOIN teams tm ON tm.id = p.default_team_id WHERE p.id = ?");
static struct db_q q_runs = DB_Q(
    "SELECT r.due_date, r.created_at, t.id, t.number, t.status"
    " FROM plan_runs r JOIN tickets t ON t.id = r.ticket_id"
    " WHERE r.plan_id = ? ORDER BY r.due_date DESC, r.id DESC LIMIT ?");
static struct db_q q_exists = DB_Q("SELECT 1 FROM maintenance_plans WHERE id = ?");
static struct db_q q_update = DB_Q(
    "UPDATE maintenance_plans SET interval_days = ?, interval_unit = ?, interval_n = ?,"
    " next_due = ?, active = ?, default_assignee_id = NULLIF(?, 0),"
    " default_team_id = NULLIF(?, 0),"
    " version = version + 1, updated_at = UTC_TIMESTAMP() WHERE id = ? AND version = ?");

enum { PQ_ID, PQ_TITLE, PQ_INTERVAL, PQ_NEXT_DUE, PQ_ACTIVE, PQ_VERSION, PQ_CREATED,
       PQ_NAME, PQ_PHONE, PQ_ADDRESS, PQ_PRODUCT, PQ_SERIAL, PQ_CAT_ZH, PQ_CAT_EN,
       PQ_TICKET_ID, PQ_TICKET_NUMBER, PQ_DUE, PQ_UNIT, PQ_N, PQ_ASSIGNEE, PQ_TEAM,
       PQ_ASSIGNEE_NAME, PQ_TEAM_NAME };
enum { RQ_DUE, RQ_CREATED, RQ_TICKET_ID, RQ_NUMBER, RQ_STATUS };

/* The edit form, validated. */
enum plan_edit_field { PE_NEXT_DUE, PE__MAX };

static const char *
check_next_due(const char *v, long *out)
{
	if (v == NULL || *v == '\0')
		return "ERR_REQUIRED";
	if (plans_date_parse(v, out) != 0 || *out < PLANS_DAY_MIN || *out > PLANS_DAY_MAX)
		return "K_ERR_DATE";
	return NULL;
}

static const struct {
	const char *field;
	const char *(*check)(const char *, long *);
} edit_rules[PE__MAX] = {
	[PE_NEXT_DUE] = { "next_due",      check_next_due },
};

/* Asset and schedule facts of the plan row into d. */
static void
fill_facts(struct req *r, tmpl_dict *d, const struct db_res *p)
{
	static const struct { const char *key; int col; } opt[] = {
		{ "ADDRESS", PQ_ADDRESS }, { "PRODUCT", PQ_PRODUCT }, { "SERIAL", PQ_SERIAL },
	};
	size_t i;

	tmpl_set_global(d, "PAGE_TITLE", arena_printf(r->a, "%s · %s",
	    i18n(r->lang, "K_PLAN_TITLE"), db_gets(p, 0, PQ_TITLE)));
	tmpl_set(d, "ID", db_gets(p, 0, PQ_ID));
	tmpl_set(d, "TITLE", db_gets(p, 0, PQ_TITLE));
	tmpl_set(d, "INTERVAL", plans_interval_text(r, db_gets(p, 0, PQ_UNIT),
	    (long)db_get_int(p, 0, PQ_N)));
	tmpl_set(d, "NEXT_DUE", db_gets(p, 0, PQ_NEXT_DUE));
	if (*db_gets(p, 0, PQ_ASSIGNEE_NAME) != '\0' || *db_gets(p, 0, PQ_TEAM_NAME) != '\0') {
		tmpl_dict *w = tmpl_add_section(d, "DEFAULT_WHO");

		tmpl_set(w, "ASSIGNEE", db_gets(p, 0, PQ_ASSIGNEE_NAME));
		tmpl_set(w, "TEAM", db_gets(p, 0, PQ_TEAM_NAME));
		if (*db_gets(p, 0, PQ_ASSIGNEE_NAME) != '\0' && *db_gets(p, 0, PQ_TEAM_NAME) != '\0')
			tmpl_show_section(w, "BOTH");
	} else {
		tmpl_show_section(d, "DEFAULT_NONE");
	}
	tmpl_set(d, "CREATED", fmt_local_time(r->a, db_get(p, 0, PQ_CREATED)));
	tmpl_set(d, "CUSTOMER", db_gets(p, 0, PQ_NAME));
	tmpl_set(d, "PHONE", db_gets(p, 0, PQ_PHONE));
	tmpl_set(d, "CATEGORY", db_gets(p, 0, strcmp(r->lang, "en") == 0 ? PQ_CAT_EN :
	    PQ_CAT_ZH));
	for (i = 0; i < sizeof(opt) / sizeof(opt[0]); i++) {
		const char *v = db_gets(p, 0, opt[i].col);

		if (*v != '\0')
			tmpl_set(tmpl_add_section(d, opt[i].key), "TEXT", v);
		else
			tmpl_show_section(d, arena_printf(r->a, "%s_NONE", opt[i].key));
	}
	if (db_get_int(p, 0, PQ_TICKET_ID) > 0) {
		tmpl_dict *t = tmpl_add_section(d, "LAST_TICKET");

		tmpl_set(t, "TICKET_ID", db_gets(p, 0, PQ_TICKET_ID));
		tmpl_set(t, "NUMBER", db_gets(p, 0, PQ_TICKET_NUMBER));
	} else {
		tmpl_show_section(d, "NO_TICKET");
	}
	if (db_get_int(p, 0, PQ_ACTIVE) == 0) {
		tmpl_show_section(d, "INACTIVE");
	} else if (db_get_int(p, 0, PQ_DUE) != 0) {
		tmpl_show_section(d, "IS_DUE");
		tmpl_set(tmpl_add_section(d, "GENERATE"), "DUE", db_gets(p, 0, PQ_NEXT_DUE));
	}
}

/* The confirmation after "generate now": ?generated=<ticket id>, shown
 * only when that ticket is one of this plan's runs. */
static void
fill_generated(struct req *r, tmpl_dict *d, const struct db_res *runs)
{
	const char *g = req_query(r, "generated"), *before = req_query(r, "before");
	size_t i;

	for (i = 0; g != NULL && i < runs->nrows; i++)
		if (strcmp(g, db_gets(runs, i, RQ_TICKET_ID)) == 0) {
			tmpl_dict *s = tmpl_add_section(d, before != NULL ? "GENERATED_BEFORE" :
			    "GENERATED");

			tmpl_set(s, "TICKET_ID", db_gets(runs, i, RQ_TICKET_ID));
			tmpl_set(s, "NUMBER", db_gets(runs, i, RQ_NUMBER));
			return;
		}
}

static void
fill_runs(struct req *r, tmpl_dict *d, const struct db_res *runs)
{
	size_t i;

	if (runs->nrows == 0)
		tmpl_show_section(d, "NO_RUNS");
	else
		tmpl_show_section(d, "HAS_RUNS");
	for (i = 0; i < runs->nrows; i++) {
		tmpl_dict *row = tmpl_add_section(d, "RUN");

		tmpl_set(row, "DUE", db_gets(runs, i, RQ_DUE));
		tmpl_set(row, "AT", fmt_local_time(r->a, db_get(runs, i, RQ_CREATED)));
		tmpl_set(row, "TICKET_ID", db_gets(runs, i, RQ_TICKET_ID));
		tmpl_set(row, "NUMBER", db_gets(runs, i, RQ_NUMBER));
		tmpl_set(row, "STATUS", db_gets(runs, i, RQ_STATUS));
		tmpl_set(row, "STATUS_LABEL", i18n(r->lang, arena_printf(r->a, "STATUS_%s",
		    db_gets(runs, i, RQ_STATUS))));
	}
}

/* Send the plan page (d: page dict, freed). kept: a refused edit, whose
 * values and problems d holds already; conflict adds the reload note.
 * (Also the answer of a refused "generate now", plans_generate.c.) */
int
plans_page_send(struct req *r, long long id, int status, tmpl_dict *d, int kept, int conflict)
{
	char today[PLANS_DATE_LEN];
	struct db_res *p, *runs;
	struct plans_staff st;

	plans_date_format(plans_today(), today);
	if (db_query(r->a, &q_plan, &p, "si", today, id) != DB_OK ||
	    db_query(r->a, &q_runs, &runs, "ii", id, (long long)PLANS_MAX_RUNS) != DB_OK ||
	    plans_staff_load(r, &st) != 0) {
		tmpl_free(d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	if (p->nrows != 1) {
		tmpl_free(d);
		return resp_error(r, 404, "ERR_NOT_FOUND");
	}
	fill_facts(r, d, p);
	fill_runs(r, d, runs);
	fill_generated(r, d, runs);
	if (!kept) {
		tmpl_set(d, "VAL_interval_n", db_gets(p, 0, PQ_N));
		tmpl_set(d, "VAL_next_due", db_gets(p, 0, PQ_NEXT_DUE));
		tmpl_set(d, "VAL_version", db_gets(p, 0, PQ_VERSION));
		if (db_get_int(p, 0, PQ_ACTIVE) != 0)
			tmpl_show_section(d, "ACTIVE_CHECKED");
		plans_fill_choices(r, d, &st, db_gets(p, 0, PQ_UNIT), db_gets(p, 0, PQ_ASSIGNEE),
		    db_gets(p, 0, PQ_TEAM));
	} else {
		plans_fill_choices(r, d, &st, req_form(r, "interval_unit") != NULL ?
		    req_form(r, "interval_unit") : "day", req_form(r, "assignee"),
		    req_form(r, "team"));
	}
	if (conflict)
		tmpl_show_section(d, "CONFLICT");
	return resp_page(r, status, "desk/plans_page.tpl", d);
}

int
plans_page_get(struct req *r)
{
	long long id;

	if (!kb_route_id(r, &id))
		return resp_error(r, 404, "ERR_NOT_FOUND");
	return plans_page_send(r, id, 200, page_dict(r, "K_PLAN_TITLE"), 0, 0);
}

/* 1 when plan id exists; -1 when the database failed. */
static int
plan_exists(struct req *r, long long id)
{
	struct db_res *res;

	if (db_query(r->a, &q_exists, &res, "i", id) != DB_OK)
		return -1;
	return res->nrows == 1;
}

/* The interval of the edit form: interval_n + interval_unit, or (the
 * older form) interval_days alone. Problems go to fc. */
static void
edit_interval(struct req *r, struct form_check *fc, enum plans_unit *unit, long *n)
{
	const char *days = req_form(r, "interval_days");

	if (req_form(r, "interval_n") == NULL && days != NULL) {
		const char *v = valid_trim(r->a, days);

		form_check_field(fc, "interval_days", v, plans_check_interval(v, "day", unit, n));
		tmpl_set(fc->d, "VAL_interval_n", v);   /* the one input shows it */
		return;
	}
	{
		const char *v = valid_trim(r->a, req_form(r, "interval_n"));
		const char *u = req_form(r, "interval_unit");

		if (plans_unit_parse(u) == PU__MAX) {
			form_check_field(fc, "interval_unit", u, "PL_ERR_UNIT");
			form_check_field(fc, "interval_n", v, NULL);
			return;
		}
		form_check_field(fc, "interval_n", v, plans_check_interval(v, u, unit, n));
	}
}

int
plans_edit_post(struct req *r)
{
	struct form_check fc;
	const char *val[PE__MAX], *act = req_form(r, "active");
	long num[PE__MAX] = { 0 }, n = 0;
	char due[PLANS_DATE_LEN];
	unsigned long long changed = 0;
	long long id, version, assignee = 0, team = 0;
	enum plans_unit unit = PU_DAY;
	struct plans_staff st;
	int active = act != NULL && strcmp(act, "1") == 0, ex;
	size_t i;
	enum db_rc rc;

	if (!kb_route_id(r, &id))
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if (valid_int(req_form(r, "version"), 1, UINT_MAX, &version) != NULL)
		return resp_error(r, 400, "ERR_BAD_REQUEST");
	if (plans_staff_load(r, &st) != 0)
		return resp_error(r, 503, "ERR_DB_DOWN");
	fc.r = r;
	fc.d = page_dict(r, "K_PLAN_TITLE");
	fc.nerr = 0;
	edit_interval(r, &fc, &unit, &n);
	for (i = 0; i < PE__MAX; i++) {
		val[i] = valid_trim(r->a, req_form(r, edit_rules[i].field));
		form_check_field(&fc, edit_rules[i].field, val[i], edit_rules[i].check(val[i],
		    &num[i]));
	}
	form_check_field(&fc, "assignee", req_form(r, "assignee"),
	    plans_check_user(req_form(r, "assignee"), &st, &assignee));
	form_check_field(&fc, "team", req_form(r, "team"),
	    plans_check_team(req_form(r, "team"), &st, &team));
	tmpl_set_int(fc.d, "VAL_version", version);
	if (active)
		tmpl_show_section(fc.d, "ACTIVE_CHECKED");
	if (fc.nerr > 0)
		return plans_page_send(r, id, 422, fc.d, 1, 0);
	plans_date_format(num[PE_NEXT_DUE], due);
	rc = db_exec(&q_update, &changed, "isisiiiii", (long long)plans_unit_days(unit, n),
	    plans_unit_name(unit), (long long)n, due, (long long)active, assignee, team, id,
	    version);
	if (rc != DB_OK) {
		tmpl_free(fc.d);
		return resp_error(r, rc == DB_DOWN ? 503 : 500,
		    rc == DB_DOWN ? "ERR_DB_DOWN" : "ERR_INTERNAL");
	}
	if (changed == 0) {
		if ((ex = plan_exists(r, id)) != 1) {
			tmpl_free(fc.d);
			return ex < 0 ? resp_error(r, 503, "ERR_DB_DOWN") :
			    resp_error(r, 404, "ERR_NOT_FOUND");
		}
		return plans_page_send(r, id, 409, fc.d, 1, 1);
	}
	tmpl_free(fc.d);
	return resp_redirect(r, arena_printf(r->a, "/desk/plans/%lld", id));
}
