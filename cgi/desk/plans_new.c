/* GET/POST /desk/plans/new: a customer's appliance and its maintenance plan
 * (agents and up), created together in one transaction. Valid: 303 to the
 * plan; invalid: 422 with every value kept and each problem next to its
 * field. Idempotent by the hidden form_token (sent twice: one plan).
 *
 * The customer is not retyped: the "look up" button (lookup=1, or
 * from_ticket=<id> for one of the appliances offered) re-renders the form
 * with name, address, appliance and category from the latest tickets of
 * the phone number typed; nothing is saved until the form is sent. */
#include "kb.h"
#include "arena.h"
#include "auth.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "phone.h"
#include "plans.h"
#include "plans_form.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

#define PLANS_DEFAULT_N     "6"
#define PLANS_DEFAULT_UNIT  "month"
#define LOOKUP_TICKETS      20      /* latest tickets of a phone read */
#define LOOKUP_SHOWN        5       /* distinct appliances offered */

static struct db_q q_asset_add = DB_Q(
    "INSERT INTO customer_assets (customer_name, phone, address, product, serial,"
    " category_id, created_at) VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())");
static struct db_q q_plan_add = DB_Q(
    "INSERT INTO maintenance_plans (asset_id, title, interval_days, interval_unit, interval_n,"
    " next_due, active, default_assignee_id, default_team_id,"
    " form_token, created_by, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, 1, NULLIF(?, 0), NULLIF(?, 0), ?, ?, UTC_TIMESTAMP(),"
    " UTC_TIMESTAMP())");
static struct db_q q_by_token = DB_Q("SELECT id FROM maintenance_plans WHERE form_token = ?");
/* The customer's latest tickets, for the look-up by phone. */
static struct db_q q_by_phone = DB_Q(
    "SELECT id, number, customer_name, address, product, serial, COALESCE(category_id, 0)"
    " FROM tickets WHERE phone = ? ORDER BY id DESC LIMIT ?");

enum { LQ_ID, LQ_NUMBER, LQ_NAME, LQ_ADDRESS, LQ_PRODUCT, LQ_SERIAL, LQ_CATEGORY };

/* The unit comes before the number: the number's check reads it. */
enum plan_field {
	NF_NAME, NF_PHONE, NF_ADDRESS, NF_CATEGORY, NF_PRODUCT, NF_SERIAL, NF_TITLE,
	NF_UNIT, NF_INTERVAL, NF_NEXT_DUE, NF_ASSIGNEE, NF_TEAM, NF_FORM_TOKEN, NF__MAX
};

/* A submission, trimmed, with its typed values (set when valid). */
struct plan_form {
	const char               *val[NF__MAX];
	const struct db_res      *cats;
	const struct plans_staff *staff;
	long long                 category_id;
	enum plans_unit           unit;
	long                      interval;
	long                      next_due;
	long long                 assignee, team;
};

static const char *
check_name(const char *v, struct plan_form *f)
{
	return valid_text(v, 50, 1, 0);
}

static const char *
check_phone(const char *v, struct plan_form *f)
{
	return valid_phone(v, 1);
}

static const char *
check_address(const char *v, struct plan_form *f)
{
	return valid_text(v, 255, 0, 0);
}

static const char *
check_category(const char *v, struct plan_form *f)
{
	return kb_check_category(v, f->cats, 1, &f->category_id);
}

static const char *
check_product(const char *v, struct plan_form *f)
{
	return valid_text(v, 100, 0, 0);
}

static const char *
check_serial(const char *v, struct plan_form *f)
{
	return valid_text(v, 64, 0, 0);
}

static const char *
check_title(const char *v, struct plan_form *f)
{
	return valid_text(v, 100, 1, 0);
}

static const char *
check_unit(const char *v, struct plan_form *f)
{
	f->unit = plans_unit_parse(v);
	return f->unit == PU__MAX ? "PL_ERR_UNIT" : NULL;
}

static const char *
check_interval(const char *v, struct plan_form *f)
{
	enum plans_unit u;

	if (f->unit == PU__MAX)
		return NULL;   /* the unit's problem is said at the unit */
	return plans_check_interval(v, f->val[NF_UNIT], &u, &f->interval);
}

static const char *
check_assignee(const char *v, struct plan_form *f)
{
	return plans_check_user(v, f->staff, &f->assignee);
}

static const char *
check_team(const char *v, struct plan_form *f)
{
	return plans_check_team(v, f->staff, &f->team);
}

static const char *
check_next_due(const char *v, struct plan_form *f)
{
	if (*v == '\0')
		return "ERR_REQUIRED";
	if (plans_date_parse(v, &f->next_due) != 0 || f->next_due < PLANS_DAY_MIN ||
	    f->next_due > PLANS_DAY_MAX)
		return "K_ERR_DATE";
	return NULL;
}

/* The idempotency key printed into the form: 64 lower-case hex digits. */
static const char *
check_form_token(const char *v, struct plan_form *f)
{
	size_t i;

	if (strlen(v) != 64)
		return "ERR_INVALID";
	for (i = 0; i < 64; i++)
		if (strchr("0123456789abcdef", v[i]) == NULL)
			return "ERR_INVALID";
	return NULL;
}

static const struct {
	const char *field;
	const char *(*check)(const char *, struct plan_form *);
} plan_rules[NF__MAX] = {
	[NF_NAME]       = { "customer_name", check_name },
	[NF_PHONE]      = { "phone",         check_phone },
	[NF_ADDRESS]    = { "address",       check_address },
	[NF_CATEGORY]   = { "category",      check_category },
	[NF_PRODUCT]    = { "product",       check_product },
	[NF_SERIAL]     = { "serial",        check_serial },
	[NF_TITLE]      = { "title",         check_title },
	[NF_UNIT]       = { "interval_unit", check_unit },
	[NF_INTERVAL]   = { "interval_n",    check_interval },
	[NF_NEXT_DUE]   = { "next_due",      check_next_due },
	[NF_ASSIGNEE]   = { "assignee",      check_assignee },
	[NF_TEAM]       = { "team",          check_team },
	[NF_FORM_TOKEN] = { "form_token",    check_form_token },
};

/* The form page (fresh, or with the problems marked in d, freed); f
 * holds the values to select (NULL: a fresh form). */
static int
plans_new_send(struct req *r, int status, tmpl_dict *d, const struct db_res *cats,
    const struct plans_staff *st, const struct plan_form *f)
{
	char fresh[AUTH_HEX_TOKEN];
	struct plan_form dummy;
	const char *form_token = f != NULL ? f->val[NF_FORM_TOKEN] : NULL;

	if (form_token == NULL || check_form_token(form_token, &dummy) != NULL) {
		auth_random_hex(fresh);
		form_token = fresh;
	}
	tmpl_set(d, "VAL_form_token", form_token);
	kb_fill_categories(r, d, "CATEGORY_OPTION", cats, f != NULL ? f->val[NF_CATEGORY] : NULL);
	plans_fill_choices(r, d, st, f != NULL ? f->val[NF_UNIT] : PLANS_DEFAULT_UNIT,
	    f != NULL ? f->val[NF_ASSIGNEE] : NULL, f != NULL ? f->val[NF_TEAM] : NULL);
	return resp_page(r, status, "desk/plans_new.tpl", d);
}

int
plans_new_get(struct req *r)
{
	char today[PLANS_DATE_LEN];
	struct plans_staff st;
	struct db_res *cats;
	tmpl_dict *d;

	if (kb_categories(r->a, 0, &cats) != DB_OK || plans_staff_load(r, &st) != 0)
		return resp_error(r, 503, "ERR_DB_DOWN");
	d = page_dict(r, "K_PLAN_NEW_TITLE");
	plans_date_format(plans_today(), today);
	tmpl_set(d, "VAL_next_due", today);
	tmpl_set(d, "VAL_interval_n", PLANS_DEFAULT_N);
	return plans_new_send(r, 200, d, cats, &st, NULL);
}

/* Asset and plan of a valid form in one transaction; *id the plan's (or,
 * for a form sent again, the plan its first sending created). */
static enum db_rc
plan_insert(struct req *r, const struct plan_form *f, long long *id)
{
	char due[PLANS_DATE_LEN];
	struct db_res *res;
	enum db_rc rc;

	plans_date_format(f->next_due, due);
	if ((rc = db_begin()) != DB_OK)
		return rc;
	rc = db_exec(&q_asset_add, NULL, "sssssi", f->val[NF_NAME],
	    phone_canonical(r->a, f->val[NF_PHONE]),
	    f->val[NF_ADDRESS], f->val[NF_PRODUCT], f->val[NF_SERIAL], f->category_id);
	if (rc == DB_OK)
		rc = db_exec(&q_plan_add, NULL, "isisisiisi", (long long)db_insert_id(),
		    f->val[NF_TITLE], (long long)plans_unit_days(f->unit, f->interval),
		    plans_unit_name(f->unit), (long long)f->interval, due, f->assignee, f->team,
		    f->val[NF_FORM_TOKEN], r->user->id);
	if (rc == DB_OK) {
		*id = (long long)db_insert_id();
		return db_commit();
	}
	db_rollback();
	if (rc != DB_DUP)
		return rc;
	if ((rc = db_query(r->a, &q_by_token, &res, "s", f->val[NF_FORM_TOKEN])) != DB_OK)
		return rc;
	if (res->nrows != 1)
		return DB_ERR;
	*id = db_get_int(res, 0, 0);
	return DB_OK;
}

/* The value of field i as sent. The older form sent the interval as
 * interval_days alone: it is read as that many days. */
static const char *
field_value(struct req *r, size_t i)
{
	int legacy = req_form(r, "interval_n") == NULL && req_form(r, "interval_days") != NULL;

	if (legacy && i == NF_INTERVAL)
		return req_form(r, "interval_days");
	if (legacy && i == NF_UNIT)
		return "day";
	return req_form(r, plan_rules[i].field);
}

/* Look-up by phone (the form's "look up" or "use" buttons): fill the
 * customer's name, address, appliance and category from the chosen
 * earlier ticket of that phone (from_ticket), else the latest one, and
 * offer the other appliances seen. Nothing is saved. 0, or -1 (db). */
static int
lookup_fill(struct req *r, tmpl_dict *d, struct plan_form *f)
{
	const char *pick = req_form(r, "from_ticket");
	struct db_res *res;
	size_t i, use = 0, shown = 0, j;

	if (db_query(r->a, &q_by_phone, &res, "sI", f->val[NF_PHONE], LOOKUP_TICKETS) != DB_OK)
		return -1;
	if (res->nrows == 0) {
		tmpl_show_section(d, "LOOKUP_NONE");
		return 0;
	}
	for (i = 0; pick != NULL && i < res->nrows; i++)
		if (strcmp(pick, db_gets(res, i, LQ_ID)) == 0)
			use = i;
	f->val[NF_NAME] = db_gets(res, use, LQ_NAME);
	f->val[NF_ADDRESS] = db_gets(res, use, LQ_ADDRESS);
	f->val[NF_PRODUCT] = db_gets(res, use, LQ_PRODUCT);
	f->val[NF_SERIAL] = db_gets(res, use, LQ_SERIAL);
	if (db_get_int(res, use, LQ_CATEGORY) > 0)
		f->val[NF_CATEGORY] = db_gets(res, use, LQ_CATEGORY);
	for (i = 0; i < res->nrows && shown < LOOKUP_SHOWN; i++) {
		tmpl_dict *it;

		for (j = 0; j < i; j++)   /* one line per appliance */
			if (strcmp(db_gets(res, j, LQ_PRODUCT), db_gets(res, i, LQ_PRODUCT)) == 0 &&
			    strcmp(db_gets(res, j, LQ_SERIAL), db_gets(res, i, LQ_SERIAL)) == 0)
				break;
		if (j < i || i == use)
			continue;
		it = tmpl_add_section(d, "LOOKUP_ITEM");
		tmpl_set(it, "TICKET_ID", db_gets(res, i, LQ_ID));
		tmpl_set(it, "NUMBER", db_gets(res, i, LQ_NUMBER));
		tmpl_set(it, "PRODUCT", *db_gets(res, i, LQ_PRODUCT) != '\0' ?
		    db_gets(res, i, LQ_PRODUCT) : "—");
		tmpl_set(it, "ADDRESS", db_gets(res, i, LQ_ADDRESS));
		shown++;
	}
	tmpl_show_section(d, shown > 0 ? "LOOKUP_FOUND" : "LOOKUP_ONE");
	return 0;
}

/* The answer to a look-up: the form again (200), filled from the tickets
 * of a valid phone, or with the phone's problem (422). */
static int
lookup_send(struct req *r, struct form_check *fc, struct plan_form *f,
    const struct db_res *cats, const struct plans_staff *st)
{
	static const size_t filled[] = { NF_NAME, NF_ADDRESS, NF_PRODUCT, NF_SERIAL };
	const char *problem = valid_phone(f->val[NF_PHONE], 1);
	tmpl_dict *d = page_dict(r, "K_PLAN_NEW_TITLE");
	size_t i;

	tmpl_free(fc->d);
	if (problem != NULL) {
		fc->d = d;
		fc->nerr = 0;
		form_check_field(fc, "phone", f->val[NF_PHONE], problem);
		for (i = 0; i < NF__MAX; i++)
			if (i != NF_PHONE)
				tmpl_set(d, arena_printf(r->a, "VAL_%s", plan_rules[i].field), f->val[i]);
		return plans_new_send(r, 422, d, cats, st, f);
	}
	if (lookup_fill(r, d, f) != 0) {
		tmpl_free(d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	for (i = 0; i < NF__MAX; i++)
		tmpl_set(d, arena_printf(r->a, "VAL_%s", plan_rules[i].field), f->val[i]);
	for (i = 0; i < sizeof(filled) / sizeof(filled[0]); i++)
		tmpl_show_section(d, arena_printf(r->a, "FILLED_%s", plan_rules[filled[i]].field));
	return plans_new_send(r, 200, d, cats, st, f);
}

int
plans_new_post(struct req *r)
{
	struct plans_staff st;
	struct db_res *cats;
	struct form_check fc;
	struct plan_form f;
	long long id;
	size_t i;
	enum db_rc rc;

	if (kb_categories(r->a, 0, &cats) != DB_OK || plans_staff_load(r, &st) != 0)
		return resp_error(r, 503, "ERR_DB_DOWN");
	memset(&f, 0, sizeof(f));
	f.cats = cats;
	f.staff = &st;
	fc.r = r;
	fc.d = page_dict(r, "K_PLAN_NEW_TITLE");
	fc.nerr = 0;
	for (i = 0; i < NF__MAX; i++) {
		f.val[i] = valid_trim(r->a, field_value(r, i));
		form_check_field(&fc, i == NF_INTERVAL && req_form(r, "interval_n") == NULL &&
		    req_form(r, "interval_days") != NULL ? "interval_days" : plan_rules[i].field,
		    f.val[i], plan_rules[i].check(f.val[i], &f));
	}
	if (req_form(r, "interval_n") == NULL)   /* the older form: the one input shows it */
		tmpl_set(fc.d, "VAL_interval_n", f.val[NF_INTERVAL]);
	if (req_form(r, "lookup") != NULL || req_form(r, "from_ticket") != NULL)
		return lookup_send(r, &fc, &f, cats, &st);
	if (fc.nerr > 0)
		return plans_new_send(r, 422, fc.d, cats, &st, &f);
	tmpl_free(fc.d);
	if ((rc = plan_insert(r, &f, &id)) != DB_OK)
		return resp_error(r, rc == DB_DOWN ? 503 : 500,
		    rc == DB_DOWN ? "ERR_DB_DOWN" : "ERR_INTERNAL");
	return resp_redirect(r, arena_printf(r->a, "/desk/plans/%lld", id));
}
