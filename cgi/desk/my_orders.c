/* GET /desk/my: "my work orders" — the tickets assigned to the signed-in
 * user (a technician, usually on a phone) in three sections: today (open
 * jobs with a visit window today or earlier, or none yet), upcoming (a
 * window after today) and finished in the last 7 days, so a resolved job
 * does not vanish. Each card has what a visit needs: window, address,
 * phone, product, status and due time. */
#include "ticket_page.h"
#include "ticket_field.h"
#include "desk.h"
#include "appointment.h"
#include "arena.h"
#include "db.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"

#include <string.h>

#define MY_MAX_ORDERS 200
#define MY_DONE_DAYS  7

/* grp: 0 today, 1 upcoming, 2 finished. Local days: UTC + the local offset. */
static struct db_q q_my_orders = DB_Q(
    "SELECT t.id, t.number, t.status, t.priority, t.customer_name, t.phone, t.address,"
    " t.product, c.name_zh, c.name_en, t.resolve_due,"
    " COALESCE(t.resolve_due < COALESCE(t.sla_paused_since, UTC_TIMESTAMP()), 0),"
    " EXISTS (SELECT 1 FROM visits v WHERE v.ticket_id = t.id AND v.technician_id = t.assignee_id"
    "  AND v.finished_at IS NULL),"
    " COALESCE(UNIX_TIMESTAMP(t.appt_start), 0), COALESCE(UNIX_TIMESTAMP(t.appt_end), 0),"
    " CASE WHEN t.status IN ('resolved', 'closed') THEN 2"
    "  WHEN DATE(t.appt_start + INTERVAL ? SECOND) > DATE(UTC_TIMESTAMP() + INTERVAL ? SECOND)"
    "  THEN 1 ELSE 0 END AS grp,"
    " t.resolved_at"
    " FROM tickets t JOIN categories c ON c.id = t.category_id"
    " WHERE t.assignee_id = ? AND (t.status IN ('new', 'accepted', 'assigned', 'in_progress',"
    "  'waiting_customer', 'waiting_parts', 'reopened')"
    "  OR (t.status IN ('resolved', 'closed')"
    "   AND t.resolved_at >= UTC_TIMESTAMP() - INTERVAL ? DAY))"
    " ORDER BY grp, IF(grp = 2, t.resolved_at, NULL) DESC, t.appt_start IS NULL, t.appt_start,"
    " t.resolve_due IS NULL, t.resolve_due, t.id LIMIT ?");

enum { MC_ID, MC_NUMBER, MC_STATUS, MC_PRIORITY, MC_NAME, MC_PHONE, MC_ADDRESS, MC_PRODUCT,
       MC_CAT_ZH, MC_CAT_EN, MC_DUE, MC_OVERDUE, MC_ON_SITE, MC_APPT_START, MC_APPT_END,
       MC_GROUP, MC_RESOLVED };

static const char *const groups[] = { "TODAY", "UPCOMING", "DONE" };

static void
my_fill_order(struct req *r, tmpl_dict *o, const struct db_res *res, size_t i)
{
	const char *status = db_gets(res, i, MC_STATUS), *pr = db_gets(res, i, MC_PRIORITY);
	const char *addr = db_gets(res, i, MC_ADDRESS), *product = db_gets(res, i, MC_PRODUCT);
	const char *win = ticket_field_window(r, db_get_int(res, i, MC_APPT_START),
	    db_get_int(res, i, MC_APPT_END));
	int done = db_get_int(res, i, MC_GROUP) == 2;

	tmpl_set_int(o, "ID", db_get_int(res, i, MC_ID));
	tmpl_set(o, "NUMBER", db_gets(res, i, MC_NUMBER));
	tmpl_set(o, "STATUS", status);
	tmpl_set(o, "STATUS_LABEL", i18n(r->lang, arena_printf(r->a, "STATUS_%s", status)));
	if (!done && (strcmp(pr, "high") == 0 || strcmp(pr, "urgent") == 0))
		tmpl_set(tmpl_add_section(o, "HOT"), "PRIORITY_LABEL",
		    i18n(r->lang, arena_printf(r->a, "PRIORITY_%s", pr)));
	tmpl_set(o, "CUSTOMER", db_gets(res, i, MC_NAME));
	tmpl_set(o, "PHONE", db_gets(res, i, MC_PHONE));
	tmpl_set(o, "TEL", desk_tel_digits(r->a, db_gets(res, i, MC_PHONE)));
	if (win != NULL)
		tmpl_set(tmpl_add_section(o, "APPT"), "TEXT", win);
	if (*addr != '\0')
		tmpl_set(tmpl_add_section(o, "ADDRESS"), "TEXT", addr);
	tmpl_set(o, "CATEGORY", db_gets(res, i, strcmp(r->lang, "en") == 0 ? MC_CAT_EN :
	    MC_CAT_ZH));
	if (*product != '\0')
		tmpl_set(tmpl_add_section(o, "PRODUCT"), "TEXT", product);
	if (done) {
		tmpl_set(tmpl_add_section(o, "RESOLVED"), "AT",
		    fmt_local_time(r->a, db_get(res, i, MC_RESOLVED)));
		return;
	}
	tmpl_set(tmpl_add_section(o, "OPEN"), "DUE", fmt_local_time(r->a, db_get(res, i, MC_DUE)));
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
	tmpl_dict *d, *g[3];
	size_t i, n[3] = { 0, 0, 0 };
	int k;

	if (db_query(r->a, &q_my_orders, &res, "IIiII", APPT_LOCAL_OFFSET, APPT_LOCAL_OFFSET,
	    r->user->id, MY_DONE_DAYS, MY_MAX_ORDERS) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	d = page_dict(r, "T_MY_TITLE");
	for (k = 0; k < 3; k++)
		g[k] = tmpl_add_section(d, groups[k]);
	for (i = 0; i < res->nrows; i++) {
		long long grp = db_get_int(res, i, MC_GROUP);

		k = grp >= 0 && grp <= 2 ? (int)grp : 0;
		my_fill_order(r, tmpl_add_include(tmpl_add_section(g[k], "ORDER"), "CARD",
		    "desk/my_card.tpl"), res, i);
		n[k]++;
	}
	for (k = 0; k < 3; k++) {
		tmpl_set_int(g[k], "N", (long long)n[k]);
		tmpl_show_section(g[k], n[k] > 0 ? "ANY" : "NONE");
	}
	tmpl_set_int(d, "COUNT", (long long)(n[0] + n[1]));
	return resp_page(r, 200, "desk/my.tpl", d);
}
