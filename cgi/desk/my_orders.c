/* GET /desk/my: "my work orders" — the open tickets assigned to the
 * signed-in user (a technician, usually on a phone), the most urgent
 * resolve-by time first, as cards with what a visit needs: address, phone,
 * product, status and due time. */
#include "ticket_page.h"
#include "desk.h"
#include "arena.h"
#include "db.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"

#include <string.h>

#define MY_MAX_ORDERS 200

static struct db_q q_my_orders = DB_Q(
    "SELECT t.id, t.number, t.status, t.priority, t.customer_name, t.phone, t.address,"
    " t.product, c.name_zh, c.name_en, t.resolve_due,"
    " COALESCE(t.resolve_due < COALESCE(t.sla_paused_since, UTC_TIMESTAMP()), 0),"
    " EXISTS (SELECT 1 FROM visits v WHERE v.ticket_id = t.id AND v.technician_id = t.assignee_id"
    "  AND v.finished_at IS NULL)"
    " FROM tickets t JOIN categories c ON c.id = t.category_id"
    " WHERE t.assignee_id = ? AND t.status IN ('new', 'accepted', 'assigned', 'in_progress',"
    "  'waiting_customer', 'waiting_parts', 'reopened')"
    " ORDER BY t.resolve_due IS NULL, t.resolve_due, t.id LIMIT ?");

enum { MC_ID, MC_NUMBER, MC_STATUS, MC_PRIORITY, MC_NAME, MC_PHONE, MC_ADDRESS, MC_PRODUCT,
       MC_CAT_ZH, MC_CAT_EN, MC_DUE, MC_OVERDUE, MC_ON_SITE };

static void
my_fill_order(struct req *r, tmpl_dict *d, const struct db_res *res, size_t i)
{
	tmpl_dict *o = tmpl_add_section(d, "ORDER");
	const char *status = db_gets(res, i, MC_STATUS), *pr = db_gets(res, i, MC_PRIORITY);
	const char *addr = db_gets(res, i, MC_ADDRESS), *product = db_gets(res, i, MC_PRODUCT);

	tmpl_set_int(o, "ID", db_get_int(res, i, MC_ID));
	tmpl_set(o, "NUMBER", db_gets(res, i, MC_NUMBER));
	tmpl_set(o, "STATUS", status);
	tmpl_set(o, "STATUS_LABEL", i18n(r->lang, arena_printf(r->a, "STATUS_%s", status)));
	if (strcmp(pr, "high") == 0 || strcmp(pr, "urgent") == 0)
		tmpl_set(tmpl_add_section(o, "HOT"), "PRIORITY_LABEL",
		    i18n(r->lang, arena_printf(r->a, "PRIORITY_%s", pr)));
	tmpl_set(o, "CUSTOMER", db_gets(res, i, MC_NAME));
	tmpl_set(o, "PHONE", db_gets(res, i, MC_PHONE));
	tmpl_set(o, "TEL", desk_tel_digits(r->a, db_gets(res, i, MC_PHONE)));
	if (*addr != '\0')
		tmpl_set(tmpl_add_section(o, "ADDRESS"), "TEXT", addr);
	tmpl_set(o, "CATEGORY", db_gets(res, i, strcmp(r->lang, "en") == 0 ? MC_CAT_EN :
	    MC_CAT_ZH));
	if (*product != '\0')
		tmpl_set(tmpl_add_section(o, "PRODUCT"), "TEXT", product);
	tmpl_set(o, "DUE", fmt_local_time(r->a, db_get(res, i, MC_DUE)));
	if (db_get_int(res, i, MC_OVERDUE))
		tmpl_show_section(o, "OVERDUE");
	if (strcmp(status, "waiting_customer") == 0)
		tmpl_show_section(o, "PAUSED");
	if (db_get_int(res, i, MC_ON_SITE))
		tmpl_show_section(o, "ON_SITE");
}

int
my_orders_get(struct req *r)
{
	struct db_res *res;
	tmpl_dict *d;
	size_t i;

	if (db_query(r->a, &q_my_orders, &res, "iI", r->user->id, MY_MAX_ORDERS) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	d = page_dict(r, "T_MY_TITLE");
	for (i = 0; i < res->nrows; i++)
		my_fill_order(r, d, res, i);
	tmpl_set_int(d, "COUNT", (long long)res->nrows);
	tmpl_show_section(d, res->nrows > 0 ? "HAS_ORDERS" : "NO_ORDERS");
	return resp_page(r, 200, "desk/my.tpl", d);
}
