/* GET /desk/parts: the parts catalogue with the total stock of each part
 * over all locations. A part whose stock is at or below its reorder level
 * is a reorder alert: highlighted, counted in the badge, and listed alone
 * with ?alerts=1. ?q= searches SKU and both names (substring). */
#include "parts.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

#define PARTS_LIST_MAX  500
#define PARTS_Q_MAX     64

static struct db_q q_list = DB_Q(
    "SELECT p.id, p.sku, p.name_zh, p.name_en, p.unit, p.reorder_level, p.active,"
    " COALESCE(s.stock, 0), p.active = 1 AND COALESCE(s.stock, 0) <= p.reorder_level"
    " FROM parts p"
    " LEFT JOIN (SELECT part_id, SUM(qty) AS stock FROM part_stock GROUP BY part_id) s"
    "  ON s.part_id = p.id"
    " WHERE (? = '' OR p.sku LIKE ? OR p.name_zh LIKE ? OR p.name_en LIKE ?)"
    " AND (? = 0 OR (p.active = 1 AND COALESCE(s.stock, 0) <= p.reorder_level))"
    " ORDER BY p.active DESC, p.sku LIMIT ?");

enum { LC_ID, LC_SKU, LC_NAME_ZH, LC_NAME_EN, LC_UNIT, LC_LEVEL, LC_ACTIVE, LC_STOCK,
       LC_ALERT };

/* The query of the page, valid. */
struct list_in {
	const char *q;        /* "" for none */
	int         alerts;   /* 1: alerts only */
};

static const char *
check_q(const char *v)
{
	return valid_text(v, PARTS_Q_MAX, 0, 0);
}

static const char *
check_alerts(const char *v, int *out)
{
	static const char *const choices[] = { "0", "1", NULL };
	int idx = 0;

	*out = 0;
	if (v == NULL || *v == '\0')
		return NULL;
	if (valid_choice(v, choices, &idx) != NULL)
		return "ERR_INVALID";
	*out = idx;
	return NULL;
}

static void
list_fill_row(struct req *r, tmpl_dict *d, const struct db_res *res, size_t i)
{
	tmpl_dict *row = tmpl_add_section(d, "PART");

	tmpl_set(row, "ID", db_gets(res, i, LC_ID));
	tmpl_set(row, "SKU", db_gets(res, i, LC_SKU));
	tmpl_set(row, "NAME", parts_text(r, res, i, LC_NAME_ZH));
	tmpl_set(row, "UNIT", db_gets(res, i, LC_UNIT));
	tmpl_set(row, "STOCK", db_gets(res, i, LC_STOCK));
	tmpl_set(row, "LEVEL", db_gets(res, i, LC_LEVEL));
	if (db_get_int(res, i, LC_ALERT))
		tmpl_show_section(row, "ALERT");
	if (!db_get_int(res, i, LC_ACTIVE))
		tmpl_show_section(row, "INACTIVE");
}

/* The list for a valid query into d. 0, or -1 on a database error. */
static int
list_fill(struct req *r, tmpl_dict *d, const struct list_in *in)
{
	struct db_res *res;
	const char *like = parts_like(r->a, in->q);
	size_t i;

	if (db_query(r->a, &q_list, &res, "ssssII", in->q, like, like, like, in->alerts,
	    PARTS_LIST_MAX) != DB_OK)
		return -1;
	for (i = 0; i < res->nrows; i++)
		list_fill_row(r, d, res, i);
	tmpl_set_int(d, "COUNT", (long long)res->nrows);
	if (res->nrows == 0)
		tmpl_show_section(d, in->q[0] != '\0' || in->alerts ? "NO_MATCH" : "NO_PARTS");
	else
		tmpl_show_section(d, "HAS_PARTS");
	if (res->nrows >= PARTS_LIST_MAX)
		tmpl_show_section(d, "TRUNCATED");
	return 0;
}

int
parts_list_get(struct req *r)
{
	struct form_check fc;
	struct list_in in;
	const char *q = valid_trim(r->a, req_query(r, "q"));
	long long nalerts;

	if (parts_alert_count(r, &nalerts) != 0)
		return resp_error(r, 503, "ERR_DB_DOWN");
	fc.r = r;
	fc.d = page_dict(r, "P_LIST_TITLE");
	fc.nerr = 0;
	form_check_field(&fc, "q", q, check_q(q));
	form_check_field(&fc, "alerts", req_query(r, "alerts"),
	    check_alerts(req_query(r, "alerts"), &in.alerts));
	in.q = q;
	tmpl_set_int(fc.d, "ALERT_COUNT", nalerts);
	if (nalerts > 0)
		tmpl_show_section(fc.d, "HAS_ALERTS");
	if (r->user->role >= ROLE_AGENT)
		tmpl_show_section(fc.d, "CAN_EDIT");
	tmpl_show_section(fc.d, in.alerts ? "FILTER_ALERTS" : "FILTER_ALL");
	if (fc.nerr > 0)
		return resp_page(r, 422, "desk/parts_list.tpl", fc.d);
	if (list_fill(r, fc.d, &in) != 0) {
		tmpl_free(fc.d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	return resp_page(r, 200, "desk/parts_list.tpl", fc.d);
}
