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
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#define PLANS_MAX_RUNS 100

static struct db_q q_plan = DB_Q(
    "SELECT p.id, p.title, p.interval_days, p.next_due, p.active, p.version, p.created_at,"
    " a.customer_name, a.phone, a.address, a.product, a.serial, c.name_zh, c.name_en,"
    " COALESCE(t.id, 0), COALESCE(t.number, ''), p.next_due <= ?"
    " FROM maintenance_plans p JOIN customer_assets a ON a.id = p.asset_id"
    " JOIN categories c ON c.id = a.category_id"
    " LEFT JOIN tickets t ON t.id = p.last_ticket_id WHERE p.id = ?");
static struct db_q q_runs = DB_Q(
    "SELECT r.due_date, r.created_at, t.id, t.number, t.status"
    " FROM plan_runs r JOIN tickets t ON t.id = r.ticket_id"
    " WHERE r.plan_id = ? ORDER BY r.due_date DESC, r.id DESC LIMIT ?");
static struct db_q q_exists = DB_Q("SELECT 1 FROM maintenance_plans WHERE id = ?");
static struct db_q q_update = DB_Q(
    "UPDATE maintenance_plans SET interval_days = ?, next_due = ?, active = ?,"
    " version = version + 1, updated_at = UTC_TIMESTAMP() WHERE id = ? AND version = ?");

enum { PQ_ID, PQ_TITLE, PQ_INTERVAL, PQ_NEXT_DUE, PQ_ACTIVE, PQ_VERSION, PQ_CREATED,
       PQ_NAME, PQ_PHONE, PQ_ADDRESS, PQ_PRODUCT, PQ_SERIAL, PQ_CAT_ZH, PQ_CAT_EN,
       PQ_TICKET_ID, PQ_TICKET_NUMBER, PQ_DUE };
enum { RQ_DUE, RQ_CREATED, RQ_TICKET_ID, RQ_NUMBER, RQ_STATUS };

/* The edit form, validated. */
enum plan_edit_field { PE_INTERVAL, PE_NEXT_DUE, PE__MAX };

static const char *
check_interval(const char *v, long *out)
{
	long long n;
	const char *problem = valid_int(v, 1, PLANS_INTERVAL_MAX, &n);

	if (problem == NULL)
		*out = (long)n;
	return problem != NULL && *v != '\0' ? "K_ERR_INTERVAL" : problem;
}

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
	[PE_INTERVAL] = { "interval_days", check_interval },
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
	tmpl_set(d, "INTERVAL", db_gets(p, 0, PQ_INTERVAL));
	tmpl_set(d, "NEXT_DUE", db_gets(p, 0, PQ_NEXT_DUE));
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
	if (db_get_int(p, 0, PQ_ACTIVE) == 0)
		tmpl_show_section(d, "INACTIVE");
	else if (db_get_int(p, 0, PQ_DUE) != 0)
		tmpl_show_section(d, "IS_DUE");
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
 * values and problems d holds already; conflict adds the reload note. */
static int
plans_page_send(struct req *r, long long id, int status, tmpl_dict *d, int kept, int conflict)
{
	char today[PLANS_DATE_LEN];
	struct db_res *p, *runs;

	plans_date_format(plans_today(), today);
	if (db_query(r->a, &q_plan, &p, "si", today, id) != DB_OK ||
	    db_query(r->a, &q_runs, &runs, "ii", id, (long long)PLANS_MAX_RUNS) != DB_OK) {
		tmpl_free(d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	if (p->nrows != 1) {
		tmpl_free(d);
		return resp_error(r, 404, "ERR_NOT_FOUND");
	}
	fill_facts(r, d, p);
	fill_runs(r, d, runs);
	if (!kept) {
		tmpl_set(d, "VAL_interval_days", db_gets(p, 0, PQ_INTERVAL));
		tmpl_set(d, "VAL_next_due", db_gets(p, 0, PQ_NEXT_DUE));
		tmpl_set(d, "VAL_version", db_gets(p, 0, PQ_VERSION));
		if (db_get_int(p, 0, PQ_ACTIVE) != 0)
			tmpl_show_section(d, "ACTIVE_CHECKED");
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

int
plans_edit_post(struct req *r)
{
	struct form_check fc;
	const char *val[PE__MAX], *act = req_form(r, "active");
	long num[PE__MAX] = { 0, 0 };
	char due[PLANS_DATE_LEN];
	unsigned long long changed = 0;
	long long id, version;
	int active = act != NULL && strcmp(act, "1") == 0, ex;
	size_t i;
	enum db_rc rc;

	if (!kb_route_id(r, &id))
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if (valid_int(req_form(r, "version"), 1, UINT_MAX, &version) != NULL)
		return resp_error(r, 400, "ERR_BAD_REQUEST");
	fc.r = r;
	fc.d = page_dict(r, "K_PLAN_TITLE");
	fc.nerr = 0;
	for (i = 0; i < PE__MAX; i++) {
		val[i] = valid_trim(r->a, req_form(r, edit_rules[i].field));
		form_check_field(&fc, edit_rules[i].field, val[i], edit_rules[i].check(val[i],
		    &num[i]));
	}
	tmpl_set_int(fc.d, "VAL_version", version);
	if (active)
		tmpl_show_section(fc.d, "ACTIVE_CHECKED");
	if (fc.nerr > 0)
		return plans_page_send(r, id, 422, fc.d, 1, 0);
	plans_date_format(num[PE_NEXT_DUE], due);
	rc = db_exec(&q_update, &changed, "isiii", (long long)num[PE_INTERVAL], due,
	    (long long)active, id, version);
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
