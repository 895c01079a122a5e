/* GET/POST /desk/plans/new: a customer's appliance and its maintenance plan
 * (agents and up), created together in one transaction. Valid: 303 to the
 * plan; invalid: 422 with every value kept and each problem next to its
 * field. Idempotent by the hidden form_token (sent twice: one plan). */
#include "kb.h"
#include "arena.h"
#include "auth.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "phone.h"
#include "plans.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

#define PLANS_DEFAULT_INTERVAL "180"

static struct db_q q_asset_add = DB_Q(
    "INSERT INTO customer_assets (customer_name, phone, address, product, serial,"
    " category_id, created_at) VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())");
static struct db_q q_plan_add = DB_Q(
    "INSERT INTO maintenance_plans (asset_id, title, interval_days, next_due, active,"
    " form_token, created_by, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, 1, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())");
static struct db_q q_by_token = DB_Q("SELECT id FROM maintenance_plans WHERE form_token = ?");

enum plan_field {
	NF_NAME, NF_PHONE, NF_ADDRESS, NF_CATEGORY, NF_PRODUCT, NF_SERIAL, NF_TITLE,
	NF_INTERVAL, NF_NEXT_DUE, NF_FORM_TOKEN, NF__MAX
};

/* A submission, trimmed, with its typed values (set when valid). */
struct plan_form {
	const char          *val[NF__MAX];
	const struct db_res *cats;
	long long            category_id;
	long long            interval;
	long                 next_due;
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
check_interval(const char *v, struct plan_form *f)
{
	const char *problem = valid_int(v, 1, PLANS_INTERVAL_MAX, &f->interval);

	return problem != NULL && *v != '\0' ? "K_ERR_INTERVAL" : problem;
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
	[NF_INTERVAL]   = { "interval_days", check_interval },
	[NF_NEXT_DUE]   = { "next_due",      check_next_due },
	[NF_FORM_TOKEN] = { "form_token",    check_form_token },
};

/* The form page (fresh, or with the problems marked in d, freed). */
static int
plans_new_send(struct req *r, int status, tmpl_dict *d, const struct db_res *cats,
    const char *category, const char *form_token)
{
	char fresh[AUTH_HEX_TOKEN];
	struct plan_form dummy;

	if (form_token == NULL || check_form_token(form_token, &dummy) != NULL) {
		auth_random_hex(fresh);
		form_token = fresh;
	}
	tmpl_set(d, "VAL_form_token", form_token);
	kb_fill_categories(r, d, "CATEGORY_OPTION", cats, category);
	tmpl_set_int(d, "INTERVAL_MAX", PLANS_INTERVAL_MAX);
	return resp_page(r, status, "desk/plans_new.tpl", d);
}

int
plans_new_get(struct req *r)
{
	char today[PLANS_DATE_LEN];
	struct db_res *cats;
	tmpl_dict *d;

	if (kb_categories(r->a, 0, &cats) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	d = page_dict(r, "K_PLAN_NEW_TITLE");
	plans_date_format(plans_today(), today);
	tmpl_set(d, "VAL_next_due", today);
	tmpl_set(d, "VAL_interval_days", PLANS_DEFAULT_INTERVAL);
	return plans_new_send(r, 200, d, cats, NULL, NULL);
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
		rc = db_exec(&q_plan_add, NULL, "isissi", (long long)db_insert_id(),
		    f->val[NF_TITLE], f->interval, due, f->val[NF_FORM_TOKEN], r->user->id);
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

int
plans_new_post(struct req *r)
{
	struct db_res *cats;
	struct form_check fc;
	struct plan_form f;
	long long id;
	size_t i;
	enum db_rc rc;

	if (kb_categories(r->a, 0, &cats) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	memset(&f, 0, sizeof(f));
	f.cats = cats;
	fc.r = r;
	fc.d = page_dict(r, "K_PLAN_NEW_TITLE");
	fc.nerr = 0;
	for (i = 0; i < NF__MAX; i++) {
		f.val[i] = valid_trim(r->a, req_form(r, plan_rules[i].field));
		form_check_field(&fc, plan_rules[i].field, f.val[i], plan_rules[i].check(f.val[i],
		    &f));
	}
	if (fc.nerr > 0)
		return plans_new_send(r, 422, fc.d, cats, f.val[NF_CATEGORY], f.val[NF_FORM_TOKEN]);
	tmpl_free(fc.d);
	if ((rc = plan_insert(r, &f, &id)) != DB_OK)
		return resp_error(r, rc == DB_DOWN ? 503 : 500,
		    rc == DB_DOWN ? "ERR_DB_DOWN" : "ERR_INTERNAL");
	return resp_redirect(r, arena_printf(r->a, "/desk/plans/%lld", id));
}
