/* The catalogue form of a part: GET|POST /desk/parts/new and
 * GET|POST /desk/parts/<id>/edit (agents and above). A valid submission
 * answers 303 to the part's page; an invalid one 422 with every value kept
 * and each problem next to its field; a SKU already used 422 at the SKU. */
#include "parts.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

#define PARTS_FORM_TPL "desk/parts_form.tpl"
#define PART_QTY_MAX   1000000
#define PART_LEAD_MAX  365

static struct db_q q_categories = DB_Q(
    "SELECT id, name_zh, name_en FROM categories WHERE active = 1 OR id = ?"
    " ORDER BY sort, id");
static struct db_q q_part = DB_Q(
    "SELECT sku, name_zh, name_en, unit, unit_cost, reorder_level, reorder_qty,"
    " lead_time_days, active, COALESCE(category_id, '') FROM parts WHERE id = ?");
static struct db_q q_insert = DB_Q(
    "INSERT INTO parts (sku, name_zh, name_en, unit, unit_cost, reorder_level, reorder_qty,"
    " lead_time_days, active, category_id, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())");
/* The main category is one of the categories the part fits. */
static struct db_q q_fits = DB_Q(
    "INSERT IGNORE INTO part_categories (part_id, category_id) VALUES (?, ?)");
static struct db_q q_sku_taken = DB_Q(
    "SELECT 1 FROM parts WHERE sku = ? AND id <> ?");
static struct db_q q_update = DB_Q(
    "UPDATE parts SET sku = ?, name_zh = ?, name_en = ?, unit = ?, unit_cost = ?,"
    " reorder_level = ?, reorder_qty = ?, lead_time_days = ?, active = ?, category_id = ?,"
    " updated_at = UTC_TIMESTAMP() WHERE id = ?");

/* The fields of the form, in the order of the page (and of q_part). */
enum part_field {
	PF_SKU, PF_NAME_ZH, PF_NAME_EN, PF_UNIT, PF_COST, PF_LEVEL, PF_RQTY, PF_LEAD,
	PF_ACTIVE, PF_CATEGORY, PF__MAX
};

/* A submission, valid in every field. */
struct part_in {
	const char *text[PF__MAX];   /* trimmed values as sent */
	long long   level, rqty, lead, category;   /* category 0: none */
	int         active;
};

/* Validators: NULL when fine, else the catalog key of the problem. */
static const char *
check_sku(const char *v, const struct db_res *cats)
{
	const char *p;

	if (*v == '\0')
		return "ERR_REQUIRED";
	if (strlen(v) > 64)
		return "ERR_TOO_LONG";
	for (p = v; *p != '\0'; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-_./", *p) != NULL))
			return "P_ERR_SKU";
	return NULL;
}

static const char *
check_name_zh(const char *v, const struct db_res *cats)
{
	return valid_text(v, 100, 1, 0);
}

static const char *
check_name_en(const char *v, const struct db_res *cats)
{
	return valid_text(v, 100, 0, 0);
}

static const char *
check_unit(const char *v, const struct db_res *cats)
{
	return valid_text(v, 16, 1, 0);
}

/* Money: digits, optionally '.' and one or two decimals; < 10^10. */
static const char *
check_cost(const char *v, const struct db_res *cats)
{
	size_t ints = 0, decs = 0;
	const char *p = v;

	if (*v == '\0')
		return "ERR_REQUIRED";
	for (; *p >= '0' && *p <= '9'; p++)
		ints++;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			decs++;
	if (*p != '\0' || ints == 0 || ints > 10 || decs > 2 || (p[-1] == '.'))
		return "P_ERR_COST";
	return NULL;
}

static const char *
check_count(const char *v, const struct db_res *cats)
{
	long long n;

	return valid_int(v, 0, PART_QTY_MAX, &n) != NULL ? "P_ERR_COUNT" : NULL;
}

static const char *
check_lead(const char *v, const struct db_res *cats)
{
	long long n;

	return valid_int(v, 0, PART_LEAD_MAX, &n) != NULL ? "P_ERR_LEAD" : NULL;
}

/* A checkbox: absent or "1". */
static const char *
check_active(const char *v, const struct db_res *cats)
{
	return *v == '\0' || strcmp(v, "1") == 0 ? NULL : "ERR_INVALID";
}

/* "" (none) or one of the categories listed. */
static const char *
check_category(const char *v, const struct db_res *cats)
{
	long long id;
	size_t i;

	if (*v == '\0')
		return NULL;
	if (valid_int(v, 1, LLONG_MAX, &id) != NULL)
		return "P_ERR_CATEGORY";
	for (i = 0; i < cats->nrows; i++)
		if (db_get_int(cats, i, 0) == id)
			return NULL;
	return "P_ERR_CATEGORY";
}

static const struct part_rule {
	const char *field;
	const char *(*check)(const char *, const struct db_res *);
} part_rules[PF__MAX] = {
	[PF_SKU]      = { "sku",            check_sku },
	[PF_NAME_ZH]  = { "name_zh",        check_name_zh },
	[PF_NAME_EN]  = { "name_en",        check_name_en },
	[PF_UNIT]     = { "unit",           check_unit },
	[PF_COST]     = { "unit_cost",      check_cost },
	[PF_LEVEL]    = { "reorder_level",  check_count },
	[PF_RQTY]     = { "reorder_qty",    check_count },
	[PF_LEAD]     = { "lead_time_days", check_lead },
	[PF_ACTIVE]   = { "active",         check_active },
	[PF_CATEGORY] = { "category",       check_category },
};

/* The form page: new (id 0) or edit; values and problems are already in d. */
static int
form_render(struct req *r, int status, tmpl_dict *d, long long id, const struct db_res *cats,
    const char *category, int active)
{
	size_t i;
	int en = strcmp(r->lang, "en") == 0;

	if (id > 0) {
		tmpl_dict *e = tmpl_add_section(d, "MODE_EDIT");

		tmpl_set_int(e, "ID", id);
		tmpl_set_global(d, "PAGE_TITLE", i18n(r->lang, "P_EDIT_TITLE"));
		tmpl_set(d, "ACTION", arena_printf(r->a, "/desk/parts/%lld/edit", id));
		tmpl_set(d, "BACK_HREF", arena_printf(r->a, "/desk/parts/%lld", id));
		if (active)
			tmpl_show_section(e, "ACTIVE");
	} else {
		tmpl_show_section(d, "MODE_NEW");
		tmpl_set(d, "ACTION", "/desk/parts/new");
		tmpl_set(d, "BACK_HREF", "/desk/parts");
	}
	for (i = 0; i < cats->nrows; i++) {
		tmpl_dict *o = tmpl_add_section(d, "CATEGORY_OPT");

		tmpl_set(o, "VALUE", db_gets(cats, i, 0));
		tmpl_set(o, "LABEL", db_gets(cats, i, en ? 2 : 1));
		if (category != NULL && strcmp(category, db_gets(cats, i, 0)) == 0)
			tmpl_show_section(o, "SELECTED");
	}
	return resp_page(r, status, PARTS_FORM_TPL, d);
}

/* The categories for the select (id of the part's own, even if inactive). */
static int
form_categories(struct req *r, long long current, struct db_res **cats)
{
	return db_query(r->a, &q_categories, cats, "i", current) == DB_OK ? 0 : -1;
}

/* Check every field into fc; fill in when all are valid. */
static void
form_check_all(struct req *r, struct form_check *fc, const struct db_res *cats,
    struct part_in *in)
{
	size_t i;

	memset(in, 0, sizeof(*in));
	for (i = 0; i < PF__MAX; i++) {
		const struct part_rule *rule = &part_rules[i];

		in->text[i] = valid_trim(r->a, req_form(r, rule->field));
		form_check_field(fc, rule->field, in->text[i], rule->check(in->text[i], cats));
	}
	if (fc->nerr > 0)
		return;
	/* Checked above: these parse. */
	(void)valid_int(in->text[PF_LEVEL], 0, PART_QTY_MAX, &in->level);
	(void)valid_int(in->text[PF_RQTY], 0, PART_QTY_MAX, &in->rqty);
	(void)valid_int(in->text[PF_LEAD], 0, PART_LEAD_MAX, &in->lead);
	if (*in->text[PF_CATEGORY] != '\0')
		(void)valid_int(in->text[PF_CATEGORY], 1, LLONG_MAX, &in->category);
	in->active = strcmp(in->text[PF_ACTIVE], "1") == 0;
}

/* INSERT (id 0) or UPDATE of a valid part; *new_id set on INSERT. */
static enum db_rc
form_save(const struct part_in *in, long long id, long long *new_id)
{
	const char *const *t = in->text;
	enum db_rc rc;

	if (id == 0) {
		rc = in->category > 0 ?
		    db_exec(&q_insert, NULL, "sssssiiii", t[PF_SKU], t[PF_NAME_ZH], t[PF_NAME_EN],
			t[PF_UNIT], t[PF_COST], in->level, in->rqty, in->lead, in->category) :
		    db_exec(&q_insert, NULL, "sssssiiis", t[PF_SKU], t[PF_NAME_ZH], t[PF_NAME_EN],
			t[PF_UNIT], t[PF_COST], in->level, in->rqty, in->lead, (const char *)NULL);
		*new_id = rc == DB_OK ? (long long)db_insert_id() : 0;
		return rc;
	}
	*new_id = id;
	return in->category > 0 ?
	    db_exec(&q_update, NULL, "sssssiiiIii", t[PF_SKU], t[PF_NAME_ZH], t[PF_NAME_EN],
		t[PF_UNIT], t[PF_COST], in->level, in->rqty, in->lead, in->active, in->category, id) :
	    db_exec(&q_update, NULL, "sssssiiiIsi", t[PF_SKU], t[PF_NAME_ZH], t[PF_NAME_EN],
		t[PF_UNIT], t[PF_COST], in->level, in->rqty, in->lead, in->active,
		(const char *)NULL, id);
}

/* POST of the form for a new part (id 0) or part id, whose category is
 * cur_category (0: none; listed even when inactive). */
static int
form_post(struct req *r, long long id, long long cur_category)
{
	struct db_res *cats, *taken;
	struct form_check fc;
	struct part_in in;
	long long saved;
	enum db_rc rc;

	if (form_categories(r, cur_category, &cats) != 0)
		return resp_error(r, 503, "ERR_DB_DOWN");
	fc.r = r;
	fc.d = page_dict(r, "P_NEW_TITLE");
	fc.nerr = 0;
	form_check_all(r, &fc, cats, &in);
	if (check_sku(in.text[PF_SKU], cats) == NULL) {
		/* Said at once with the other problems; the unique key decides. */
		if (db_query(r->a, &q_sku_taken, &taken, "si", in.text[PF_SKU], id) != DB_OK) {
			tmpl_free(fc.d);
			return resp_error(r, 503, "ERR_DB_DOWN");
		}
		if (taken->nrows > 0)
			form_check_field(&fc, "sku", in.text[PF_SKU], "P_ERR_SKU_TAKEN");
	}
	if (fc.nerr == 0) {
		rc = form_save(&in, id, &saved);
		if (rc == DB_OK && in.category > 0)
			rc = db_exec(&q_fits, NULL, "ii", saved, in.category);
		if (rc == DB_OK) {
			tmpl_free(fc.d);
			return resp_redirect(r, arena_printf(r->a, "/desk/parts/%lld", saved));
		}
		if (rc != DB_DUP) {
			tmpl_free(fc.d);
			return parts_db_error(r, rc);
		}
		form_check_field(&fc, "sku", in.text[PF_SKU], "P_ERR_SKU_TAKEN");
	}
	return form_render(r, 422, fc.d, id, cats, in.text[PF_CATEGORY],
	    strcmp(in.text[PF_ACTIVE], "1") == 0);
}

int
parts_new_get(struct req *r)
{
	struct db_res *cats;
	tmpl_dict *d;

	if (form_categories(r, 0, &cats) != 0)
		return resp_error(r, 503, "ERR_DB_DOWN");
	d = page_dict(r, "P_NEW_TITLE");
	tmpl_set(d, "VAL_unit", i18n(r->lang, "P_UNIT_DEFAULT"));
	tmpl_set(d, "VAL_unit_cost", "0.00");
	tmpl_set(d, "VAL_reorder_level", "0");
	tmpl_set(d, "VAL_reorder_qty", "0");
	tmpl_set(d, "VAL_lead_time_days", "7");
	return form_render(r, 200, d, 0, cats, NULL, 1);
}

int
parts_new_post(struct req *r)
{
	return form_post(r, 0, 0);
}

int
parts_edit_get(struct req *r)
{
	static const char *const vals[PF__MAX] = {
		"VAL_sku", "VAL_name_zh", "VAL_name_en", "VAL_unit", "VAL_unit_cost",
		"VAL_reorder_level", "VAL_reorder_qty", "VAL_lead_time_days", NULL, NULL,
	};
	struct db_res *part, *cats;
	long long id;
	tmpl_dict *d;
	size_t i;

	if (!parts_route_id(r, &id))
		return resp_error(r, 404, "P_ERR_NOT_FOUND");
	if (db_query(r->a, &q_part, &part, "i", id) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (part->nrows != 1)
		return resp_error(r, 404, "P_ERR_NOT_FOUND");
	if (form_categories(r, db_get_int(part, 0, PF_CATEGORY), &cats) != 0)
		return resp_error(r, 503, "ERR_DB_DOWN");
	d = page_dict(r, "P_EDIT_TITLE");
	for (i = 0; i < PF__MAX; i++)
		if (vals[i] != NULL)
			tmpl_set(d, vals[i], db_gets(part, 0, i));
	return form_render(r, 200, d, id, cats, db_gets(part, 0, PF_CATEGORY),
	    (int)db_get_int(part, 0, PF_ACTIVE));
}

int
parts_edit_post(struct req *r)
{
	static struct db_q q_exists = DB_Q(
	    "SELECT COALESCE(category_id, 0) FROM parts WHERE id = ?");
	struct db_res *res;
	long long id;

	if (!parts_route_id(r, &id))
		return resp_error(r, 404, "P_ERR_NOT_FOUND");
	if (db_query(r->a, &q_exists, &res, "i", id) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (res->nrows != 1)
		return resp_error(r, 404, "P_ERR_NOT_FOUND");
	return form_post(r, id, db_get_int(res, 0, 0));
}
