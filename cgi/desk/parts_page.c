/* GET /desk/parts/<id>: one part — its catalogue facts, the stock at each
 * location, the usage of the last 12 complete months (China time) and the
 * running month, the demand forecast with the suggested reorder quantity
 * (cgi/service/forecast.h), the latest stock movements, and for agents the
 * stock form (POST /desk/parts/<id>/stock, parts_stock.c). */
#include "parts.h"
#include "arena.h"
#include "db.h"
#include "fmt.h"
#include "forecast.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define PARTS_PAGE_TPL  "desk/parts_page.tpl"
#define PARTS_TZ_SECS   28800   /* China time, UTC+8 (the 8 HOUR of q_usage) */
#define PARTS_HISTORY   12      /* complete months shown and forecast from */
#define PARTS_AHEAD     3       /* months of forecast shown */
#define PARTS_MOVES_MAX 50

static struct db_q q_part = DB_Q(
    "SELECT p.id, p.sku, p.name_zh, p.name_en, p.unit, p.unit_cost, p.reorder_level,"
    " p.reorder_qty, p.lead_time_days, p.active, c.name_zh, c.name_en, p.created_at,"
    " UNIX_TIMESTAMP(p.created_at)"
    " FROM parts p LEFT JOIN categories c ON c.id = p.category_id WHERE p.id = ?");
static struct db_q q_stock = DB_Q(
    "SELECT l.id, l.name, l.name_en, COALESCE(s.qty, 0), s.updated_at"
    " FROM stock_locations l"
    " LEFT JOIN part_stock s ON s.location_id = l.id AND s.part_id = ?"
    " WHERE l.active = 1 OR s.qty <> 0 ORDER BY l.sort, l.id");
static struct db_q q_usage = DB_Q(
    "SELECT DATE_FORMAT(created_at + INTERVAL 8 HOUR, '%Y-%m'), SUM(qty)"
    " FROM ticket_parts WHERE part_id = ? AND created_at >= FROM_UNIXTIME(?)"
    " GROUP BY 1");
static struct db_q q_first_use = DB_Q(
    "SELECT COALESCE(UNIX_TIMESTAMP(MIN(created_at)), 0) FROM ticket_parts"
    " WHERE part_id = ?");
static struct db_q q_moves = DB_Q(
    "SELECT m.at, l.name, l.name_en, m.delta, m.reason, COALESCE(m.ticket_id, 0),"
    " COALESCE(t.number, ''), COALESCE(u.name, ''), m.note"
    " FROM stock_moves m JOIN stock_locations l ON l.id = m.location_id"
    " LEFT JOIN tickets t ON t.id = m.ticket_id"
    " LEFT JOIN users u ON u.id = m.actor_id"
    " WHERE m.part_id = ? ORDER BY m.id DESC LIMIT ?");

enum { PC_ID, PC_SKU, PC_NAME_ZH, PC_NAME_EN, PC_UNIT, PC_COST, PC_LEVEL, PC_RQTY, PC_LEAD,
       PC_ACTIVE, PC_CAT_ZH, PC_CAT_EN, PC_CREATED, PC_CREATED_TS };
enum { SC_ID, SC_NAME, SC_NAME_EN, SC_QTY, SC_UPDATED };
enum { MV_AT, MV_LOC, MV_LOC_EN, MV_DELTA, MV_REASON, MV_TICKET, MV_NUMBER, MV_ACTOR,
       MV_NOTE };

/* A calendar month, China time. */
struct month {
	int y, m;   /* m 1..12 */
};

static struct month
month_of(long long epoch)
{
	time_t t = (time_t)(epoch + PARTS_TZ_SECS);
	struct tm tm;
	struct month mo = { 1970, 1 };

	if (gmtime_r(&t, &tm) != NULL) {
		mo.y = tm.tm_year + 1900;
		mo.m = tm.tm_mon + 1;
	}
	return mo;
}

static struct month
month_add(struct month a, int k)
{
	int idx = a.y * 12 + (a.m - 1) + k;
	struct month mo = { idx / 12, idx % 12 + 1 };

	return mo;
}

/* Months from b to a (a - b). */
static int
month_diff(struct month a, struct month b)
{
	return (a.y * 12 + a.m) - (b.y * 12 + b.m);
}

/* The first second of the month, as a UTC epoch. */
static long long
month_start(struct month a)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = a.y - 1900;
	tm.tm_mon = a.m - 1;
	tm.tm_mday = 1;
	return (long long)timegm(&tm) - PARTS_TZ_SECS;
}

static const char *
month_label(struct arena *a, struct month mo)
{
	return arena_printf(a, "%04d-%02d", mo.y, mo.m);
}

/* Usage per month: [0, PARTS_HISTORY) the complete months, oldest first,
 * [PARTS_HISTORY] the running month so far. The forecast series is
 * qty[from .. PARTS_HISTORY - 1]: from the part's first month on. */
struct usage {
	struct month first;
	double       qty[PARTS_HISTORY + 1];
	size_t       from;
};

static int
usage_load(struct req *r, long long id, long long created, struct usage *u)
{
	struct db_res *res, *fu;
	struct month now = month_of((long long)time(NULL)), start;
	long long first_use;
	size_t i, k;
	int d;

	memset(u, 0, sizeof(*u));
	u->first = month_add(now, -PARTS_HISTORY);
	if (db_query(r->a, &q_usage, &res, "ii", id, month_start(u->first)) != DB_OK ||
	    db_query(r->a, &q_first_use, &fu, "i", id) != DB_OK)
		return -1;
	for (i = 0; i < res->nrows; i++)
		for (k = 0; k <= PARTS_HISTORY; k++)
			if (strcmp(db_gets(res, i, 0),
			    month_label(r->a, month_add(u->first, (int)k))) == 0)
				u->qty[k] = (double)db_get_int(res, i, 1);
	first_use = db_get_int(fu, 0, 0);
	start = month_of(first_use > 0 && first_use < created ? first_use : created);
	d = month_diff(start, u->first);
	u->from = d < 0 ? 0 : d > PARTS_HISTORY ? PARTS_HISTORY : (size_t)d;
	return 0;
}

static const char *
fmt1(struct arena *a, double v)
{
	return arena_printf(a, "%.1f", v);
}

static void
fill_facts(struct req *r, tmpl_dict *d, const struct db_res *p, long long stock)
{
	const char *cat = parts_text(r, p, 0, PC_CAT_ZH);

	tmpl_set_global(d, "PAGE_TITLE", arena_printf(r->a, "%s %s", db_gets(p, 0, PC_SKU),
	    parts_text(r, p, 0, PC_NAME_ZH)));
	tmpl_set(d, "ID", db_gets(p, 0, PC_ID));
	tmpl_set(d, "SKU", db_gets(p, 0, PC_SKU));
	tmpl_set(d, "NAME", parts_text(r, p, 0, PC_NAME_ZH));
	tmpl_set(d, "NAME_ZH", db_gets(p, 0, PC_NAME_ZH));
	tmpl_set(d, "NAME_EN", db_gets(p, 0, PC_NAME_EN));
	tmpl_set(d, "UNIT", db_gets(p, 0, PC_UNIT));
	tmpl_set(d, "UNIT_COST", db_gets(p, 0, PC_COST));
	tmpl_set(d, "LEVEL", db_gets(p, 0, PC_LEVEL));
	tmpl_set(d, "REORDER_QTY", db_gets(p, 0, PC_RQTY));
	tmpl_set(d, "LEAD_DAYS", db_gets(p, 0, PC_LEAD));
	tmpl_set(d, "CREATED", fmt_local_time(r->a, db_get(p, 0, PC_CREATED)));
	if (*cat != '\0')
		tmpl_set(tmpl_add_section(d, "CATEGORY"), "TEXT", cat);
	else
		tmpl_show_section(d, "CATEGORY_NONE");
	tmpl_set_int(d, "STOCK_TOTAL", stock);
	if (!db_get_int(p, 0, PC_ACTIVE))
		tmpl_show_section(d, "INACTIVE");
	else if (stock <= db_get_int(p, 0, PC_LEVEL))
		tmpl_show_section(d, "ALERT");
	if (r->user->role >= ROLE_AGENT)
		tmpl_show_section(d, "CAN_EDIT");
}

static void
fill_stock(struct req *r, tmpl_dict *d, const struct db_res *st)
{
	size_t i;

	for (i = 0; i < st->nrows; i++) {
		tmpl_dict *s = tmpl_add_section(d, "LOC");

		tmpl_set(s, "NAME", parts_text(r, st, i, SC_NAME));
		tmpl_set(s, "QTY", db_gets(st, i, SC_QTY));
		tmpl_set(s, "UPDATED", fmt_local_time(r->a, db_get(st, i, SC_UPDATED)));
	}
}

static void
fill_usage(struct req *r, tmpl_dict *d, const struct usage *u)
{
	double max = 1;
	size_t k;

	for (k = 0; k <= PARTS_HISTORY; k++)
		if (u->qty[k] > max)
			max = u->qty[k];
	for (k = 0; k <= PARTS_HISTORY; k++) {
		tmpl_dict *s = tmpl_add_section(d, "MONTH");

		tmpl_set(s, "LABEL", month_label(r->a, month_add(u->first, (int)k)));
		tmpl_set_int(s, "QTY", (long long)u->qty[k]);
		tmpl_set_int(s, "MAX", (long long)max);
		if (k == PARTS_HISTORY)
			tmpl_show_section(s, "RUNNING");
		else if (k < u->from)
			tmpl_show_section(s, "BEFORE");
	}
}

/* The forecast card from the complete months since the part's first. */
static void
fill_forecast(struct req *r, tmpl_dict *d, const struct usage *u, const struct db_res *p,
    long long stock)
{
	struct forecast f;
	double lead_days = (double)db_get_int(p, 0, PC_LEAD);
	double months = lead_days / FORECAST_DAYS_PER_MONTH;
	const char *m;
	tmpl_dict *s;
	int h;

	forecast_monthly(u->qty + u->from, PARTS_HISTORY - u->from, &f);
	m = forecast_method_name(f.method);
	tmpl_set(d, "FC_METHOD", m);
	tmpl_set(d, "FC_METHOD_LABEL", i18n(r->lang, arena_printf(r->a, "P_FC_M_%s", m)));
	tmpl_set(d, "FC_EXPLAIN", i18n(r->lang, arena_printf(r->a, "P_FC_X_%s", m)));
	tmpl_set_int(d, "FC_N", (long long)f.n);
	if (f.method == FORECAST_NONE) {
		tmpl_show_section(d, "FC_NONE");
		return;
	}
	s = tmpl_add_section(d, "FC");
	tmpl_set(s, "FC_NEXT", fmt1(r->a, f.next));
	for (h = 1; h <= PARTS_AHEAD; h++) {
		tmpl_dict *a = tmpl_add_section(s, "FC_AHEAD");

		tmpl_set(a, "LABEL", month_label(r->a, month_add(u->first, PARTS_HISTORY + h - 1)));
		tmpl_set(a, "QTY", fmt1(r->a, forecast_at(&f, h)));
	}
	tmpl_set(s, "FC_SIGMA", fmt1(r->a, f.sigma));
	tmpl_set(s, "FC_LEAD_MONTHS", fmt1(r->a, months));
	tmpl_set(s, "FC_LEAD_DEMAND", fmt1(r->a, forecast_lead_demand(&f, months)));
	tmpl_set(s, "FC_SAFETY", fmt1(r->a, forecast_safety_stock(&f, FORECAST_SERVICE_Z, months)));
	tmpl_set(s, "FC_Z", arena_printf(r->a, "%.2f", FORECAST_SERVICE_Z));
	tmpl_set_int(s, "FC_SUGGEST", forecast_reorder_qty(&f, lead_days, FORECAST_SERVICE_Z,
	    stock));
}

static void
fill_moves(struct req *r, tmpl_dict *d, const struct db_res *mv)
{
	int agent = r->user->role >= ROLE_AGENT;
	size_t i;

	for (i = 0; i < mv->nrows; i++) {
		tmpl_dict *s = tmpl_add_section(d, "MOVE");
		long long delta = db_get_int(mv, i, MV_DELTA);
		const char *note = db_gets(mv, i, MV_NOTE);

		tmpl_set(s, "AT", fmt_local_time(r->a, db_gets(mv, i, MV_AT)));
		tmpl_set(s, "LOC", parts_text(r, mv, i, MV_LOC));
		tmpl_set(s, "DELTA", arena_printf(r->a, "%+lld", delta));
		tmpl_show_section(s, delta < 0 ? "OUT" : "IN");
		tmpl_set(s, "REASON", i18n(r->lang, arena_printf(r->a, "P_REASON_%s",
		    db_gets(mv, i, MV_REASON))));
		tmpl_set(s, "ACTOR", db_gets(mv, i, MV_ACTOR));
		/* Technicians see only their own tickets: no numbers of others. */
		if (agent && db_get_int(mv, i, MV_TICKET) > 0) {
			tmpl_dict *t = tmpl_add_section(s, "TICKET");
			tmpl_set(t, "TID", db_gets(mv, i, MV_TICKET));
			tmpl_set(t, "NUMBER", db_gets(mv, i, MV_NUMBER));
		}
		if (*note != '\0')
			tmpl_set(tmpl_add_section(s, "NOTE"), "TEXT", note);
	}
	tmpl_show_section(d, mv->nrows > 0 ? "HAS_MOVES" : "NO_MOVES");
}

/* The stock form of agents; a refused POST's values are kept. */
static void
fill_stock_form(struct req *r, tmpl_dict *d, const struct db_res *locs)
{
	static const char *const actions[] = { "receive", "adjust", "transfer" };
	int kept = strcmp(r->method, "POST") == 0;
	const char *want = kept ? req_form(r, "action") : NULL;
	tmpl_dict *f;
	size_t i;

	if (r->user->role < ROLE_AGENT)
		return;
	f = tmpl_add_section(d, "STOCK_FORM");
	for (i = 0; i < sizeof(actions) / sizeof(actions[0]); i++) {
		tmpl_dict *o = tmpl_add_section(f, "ACTION_OPT");

		tmpl_set(o, "VALUE", actions[i]);
		tmpl_set(o, "LABEL", i18n(r->lang, arena_printf(r->a, "P_ACTION_%s", actions[i])));
		if (want != NULL ? strcmp(want, actions[i]) == 0 : i == 0)
			tmpl_show_section(o, "SELECTED");
	}
	parts_location_options(r, f, "LOC_OPT", locs, kept ? req_form(r, "location") : NULL);
	parts_location_options(r, f, "TO_LOC_OPT", locs,
	    kept ? req_form(r, "to_location") : NULL);
}

/* Everything of the page into d; 0, 1 when there is no such part, -1 on a
 * database error. */
static int
page_fill(struct req *r, long long id, tmpl_dict *d)
{
	struct db_res *p, *st, *mv, *locs;
	struct usage u;
	long long stock = 0;
	size_t i;

	if (db_query(r->a, &q_part, &p, "i", id) != DB_OK)
		return -1;
	if (p->nrows != 1)
		return 1;
	if (db_query(r->a, &q_stock, &st, "i", id) != DB_OK ||
	    db_query(r->a, &q_moves, &mv, "iI", id, PARTS_MOVES_MAX) != DB_OK ||
	    parts_locations(r, &locs) != 0 ||
	    usage_load(r, id, db_get_int(p, 0, PC_CREATED_TS), &u) != 0 ||
	    /* a refused categories form shows its boxes as they were sent */
	    parts_cats_section(r, d, id, strcmp(r->method, "POST") == 0 &&
	    strstr(r->path, "/categories") != NULL) != 0)
		return -1;
	for (i = 0; i < st->nrows; i++)
		stock += db_get_int(st, i, SC_QTY);
	fill_facts(r, d, p, stock);
	fill_stock(r, d, st);
	fill_usage(r, d, &u);
	fill_forecast(r, d, &u, p, stock);
	fill_moves(r, d, mv);
	fill_stock_form(r, d, locs);
	return 0;
}

int
parts_page_send(struct req *r, long long id, int status, tmpl_dict *d)
{
	switch (page_fill(r, id, d)) {
	case 0:
		return resp_page(r, status, PARTS_PAGE_TPL, d);
	case 1:
		tmpl_free(d);
		return resp_error(r, 404, "P_ERR_NOT_FOUND");
	default:
		tmpl_free(d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
}

int
parts_page_get(struct req *r)
{
	long long id;

	if (!parts_route_id(r, &id))
		return resp_error(r, 404, "P_ERR_NOT_FOUND");
	return parts_page_send(r, id, 200, page_dict(r, "P_PART_TITLE"));
}
