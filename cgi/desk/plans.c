/* GET /desk/plans: the maintenance plans (agents and up): the asset, the
 * interval, the next due date (marked when it has come, with the "generate
 * now" button), the last ticket opened (by the daily run or the button)
 * and how many runs there were. Active plans
 * first, soonest due first; pages of PLANS_PAGE_SIZE. */
#include "kb.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "plans.h"
#include "plans_form.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

#define PLANS_PAGE_SIZE 50
#define PLANS_MAX_PAGE  1000

static struct db_q q_list = DB_Q(
    "SELECT p.id, p.title, p.interval_days, p.next_due, p.active, a.customer_name,"
    " a.phone, a.product, a.serial, c.name_zh, c.name_en, COALESCE(t.id, 0),"
    " COALESCE(t.number, ''),"
    " (SELECT COUNT(*) FROM plan_runs r WHERE r.plan_id = p.id), p.next_due <= ?,"
    " p.interval_unit, p.interval_n"
    " FROM maintenance_plans p JOIN customer_assets a ON a.id = p.asset_id"
    " JOIN categories c ON c.id = a.category_id"
    " LEFT JOIN tickets t ON t.id = p.last_ticket_id"
    " ORDER BY p.active DESC, p.next_due, p.id LIMIT ? OFFSET ?");

enum { PL_ID, PL_TITLE, PL_INTERVAL, PL_NEXT_DUE, PL_ACTIVE, PL_NAME, PL_PHONE, PL_PRODUCT,
       PL_SERIAL, PL_CAT_ZH, PL_CAT_EN, PL_TICKET_ID, PL_TICKET_NUMBER, PL_RUNS, PL_DUE,
       PL_UNIT, PL_N };

static void
fill_plan(struct req *r, tmpl_dict *row, const struct db_res *res, size_t i)
{
	const char *product = db_gets(res, i, PL_PRODUCT), *serial = db_gets(res, i, PL_SERIAL);
	int active = db_get_int(res, i, PL_ACTIVE) != 0;

	tmpl_set(row, "ID", db_gets(res, i, PL_ID));
	tmpl_set(row, "TITLE", db_gets(res, i, PL_TITLE));
	tmpl_set(row, "INTERVAL", plans_interval_text(r, db_gets(res, i, PL_UNIT),
	    (long)db_get_int(res, i, PL_N)));
	tmpl_set(row, "NEXT_DUE", db_gets(res, i, PL_NEXT_DUE));
	tmpl_set(row, "CUSTOMER", db_gets(res, i, PL_NAME));
	tmpl_set(row, "PHONE", db_gets(res, i, PL_PHONE));
	tmpl_set(row, "CATEGORY", db_gets(res, i, strcmp(r->lang, "en") == 0 ? PL_CAT_EN :
	    PL_CAT_ZH));
	tmpl_set(row, "RUNS", db_gets(res, i, PL_RUNS));
	if (*product != '\0')
		tmpl_set(tmpl_add_section(row, "PRODUCT"), "TEXT", product);
	if (*serial != '\0')
		tmpl_set(tmpl_add_section(row, "SERIAL"), "TEXT", serial);
	if (db_get_int(res, i, PL_TICKET_ID) > 0) {
		tmpl_dict *t = tmpl_add_section(row, "LAST_TICKET");

		tmpl_set(t, "TICKET_ID", db_gets(res, i, PL_TICKET_ID));
		tmpl_set(t, "NUMBER", db_gets(res, i, PL_TICKET_NUMBER));
	} else {
		tmpl_show_section(row, "NO_TICKET");
	}
	if (!active)
		tmpl_show_section(row, "INACTIVE");
	else if (db_get_int(res, i, PL_DUE) != 0)
		tmpl_show_section(row, "IS_DUE");
}

int
plans_list_get(struct req *r)
{
	char today[PLANS_DATE_LEN];
	struct db_res *res;
	long long page;
	tmpl_dict *d;
	size_t i, n;

	if (valid_int(req_query(r, "page"), 1, PLANS_MAX_PAGE, &page) != NULL)
		page = 1;
	plans_date_format(plans_today(), today);
	if (db_query(r->a, &q_list, &res, "sii", today, (long long)PLANS_PAGE_SIZE + 1,
	    (page - 1) * PLANS_PAGE_SIZE) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	d = page_dict(r, "K_PLANS_TITLE");
	tmpl_set(d, "TODAY", today);
	n = res->nrows > PLANS_PAGE_SIZE ? PLANS_PAGE_SIZE : res->nrows;
	if (n == 0)
		tmpl_show_section(d, "EMPTY");
	else
		tmpl_show_section(d, "HAS_PLANS");
	for (i = 0; i < n; i++)
		fill_plan(r, tmpl_add_section(d, "PLAN"), res, i);
	if (res->nrows > PLANS_PAGE_SIZE)
		tmpl_set(tmpl_add_section(d, "NEXT_PAGE"), "HREF",
		    arena_printf(r->a, "/desk/plans?page=%lld", page + 1));
	if (page > 1)
		tmpl_set(tmpl_add_section(d, "PREV_PAGE"), "HREF",
		    arena_printf(r->a, "/desk/plans?page=%lld", page - 1));
	return resp_page(r, 200, "desk/plans_list.tpl", d);
}
