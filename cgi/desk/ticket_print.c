/* GET /desk/tickets/<id>/print: the work order on one A4 page — customer,
 * product, fault, visits, parts used, resolution note, the customer's
 * signature and the tracking page's address as text and QR code. A page
 * of its own (templates/desk/print.tpl, static/css/print.css): no nav and
 * no form, so nothing but the order goes to paper. Same access rule as the
 * ticket page (technicians: their own tickets only). */
#include "ticket_field.h"
#include "desk.h"
#include "arena.h"
#include "config.h"
#include "db.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "qr.h"
#include "tmpl.h"

#include <string.h>
#include <time.h>

#define PRINT_MAX_ROWS 30   /* visits, parts: more does not fit on A4 anyway */

static struct db_q q_print = DB_Q(
    "SELECT t.number, t.track_code, t.customer_name, t.phone, t.address, t.product, t.serial,"
    " c.name_zh, c.name_en, t.description, t.created_at,"
    " COALESCE(UNIX_TIMESTAMP(t.appt_start), 0), COALESCE(UNIX_TIMESTAMP(t.appt_end), 0),"
    " COALESCE(t.resolution_note, ''), t.completed_at, t.customer_confirmed_at,"
    " COALESCE(t.confirmed_by, ''), COALESCE(u.name, '')"
    " FROM tickets t JOIN categories c ON c.id = t.category_id"
    " LEFT JOIN users u ON u.id = t.assignee_id WHERE t.id = ?");
static struct db_q q_print_visits = DB_Q(
    "SELECT u.name, v.arrived_at, v.finished_at, COALESCE(v.notes, '')"
    " FROM visits v JOIN users u ON u.id = v.technician_id"
    " WHERE v.ticket_id = ? ORDER BY v.id LIMIT ?");
static struct db_q q_print_parts = DB_Q(
    "SELECT p.sku, p.name_zh, p.name_en, tp.qty, p.unit FROM ticket_parts tp"
    " JOIN parts p ON p.id = tp.part_id WHERE tp.ticket_id = ? ORDER BY tp.id LIMIT ?");
static struct db_q q_print_sig = DB_Q(
    "SELECT id FROM attachments WHERE ticket_id = ? AND kind = 'signature'"
    " ORDER BY id DESC LIMIT 1");

enum { PQ_NUMBER, PQ_CODE, PQ_NAME, PQ_PHONE, PQ_ADDRESS, PQ_PRODUCT, PQ_SERIAL, PQ_CAT_ZH,
       PQ_CAT_EN, PQ_DESCRIPTION, PQ_CREATED, PQ_APPT_START, PQ_APPT_END, PQ_NOTE,
       PQ_COMPLETED, PQ_CONFIRMED, PQ_CONFIRMED_BY, PQ_TECH };

/* The tracking page as an absolute URL: the configured base URL, else
 * the address this request came to. */
static const char *
track_url(struct req *r, const char *code)
{
	size_t bl = strlen(cfg.base_url);

	if (bl > 0 && cfg.base_url[bl - 1] == '/')
		bl--;
	if (bl > 0)
		return arena_printf(r->a, "%.*s/track/%s", (int)bl, cfg.base_url, code);
	return arena_printf(r->a, "%s://%s/track/%s", r->https ? "https" : "http",
	    r->host != NULL ? r->host : "localhost", code);
}

/* Now in local time, as the other times of the page. */
static const char *
print_now(struct req *r)
{
	char buf[32];
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
	return fmt_local_time(r->a, buf);
}

static void
print_facts(struct req *r, tmpl_dict *d, const struct db_res *t)
{
	const char *win = ticket_field_window(r, db_get_int(t, 0, PQ_APPT_START),
	    db_get_int(t, 0, PQ_APPT_END));
	static const struct { const char *key; int col; } plain[] = {
		{ "NUMBER", PQ_NUMBER }, { "CUSTOMER", PQ_NAME }, { "PHONE", PQ_PHONE },
		{ "ADDRESS", PQ_ADDRESS }, { "PRODUCT", PQ_PRODUCT }, { "SERIAL", PQ_SERIAL },
		{ "DESCRIPTION", PQ_DESCRIPTION }, { "TECH", PQ_TECH },
	};
	size_t i;

	for (i = 0; i < sizeof(plain) / sizeof(plain[0]); i++)
		tmpl_set(d, plain[i].key, db_gets(t, 0, plain[i].col));
	tmpl_set(d, "CATEGORY", db_gets(t, 0, strcmp(r->lang, "en") == 0 ? PQ_CAT_EN : PQ_CAT_ZH));
	tmpl_set(d, "CREATED", fmt_local_time(r->a, db_get(t, 0, PQ_CREATED)));
	tmpl_set(d, "APPT", win != NULL ? win : i18n(r->lang, "F_APPT_NONE"));
	if (db_get(t, 0, PQ_COMPLETED) != NULL) {
		tmpl_dict *s = tmpl_add_section(d, "RESOLVED");

		tmpl_set(s, "NOTE", db_gets(t, 0, PQ_NOTE));
		tmpl_set(s, "AT", fmt_local_time(r->a, db_get(t, 0, PQ_COMPLETED)));
	}
	if (db_get(t, 0, PQ_CONFIRMED) != NULL)
		tmpl_set(tmpl_add_section(d, "CONFIRMED"), "TEXT", arena_printf(r->a, "%s %s",
		    i18n(r->lang, strcmp(db_gets(t, 0, PQ_CONFIRMED_BY), "signature") == 0 ?
		    "F_CONFIRMED_SIG" : "F_CONFIRMED_CUSTOMER"),
		    fmt_local_time(r->a, db_get(t, 0, PQ_CONFIRMED))));
}

/* Visits, parts and the signature. 0 ok, -1 on a database error. */
static int
print_rows(struct req *r, tmpl_dict *d, long long id)
{
	struct db_res *v, *p, *s;
	size_t i;

	if (db_query(r->a, &q_print_visits, &v, "iI", id, PRINT_MAX_ROWS) != DB_OK ||
	    db_query(r->a, &q_print_parts, &p, "iI", id, PRINT_MAX_ROWS) != DB_OK ||
	    db_query(r->a, &q_print_sig, &s, "i", id) != DB_OK)
		return -1;
	for (i = 0; i < v->nrows; i++) {
		tmpl_dict *e = tmpl_add_section(d, "VISIT");

		tmpl_set(e, "TECH", db_gets(v, i, 0));
		tmpl_set(e, "ARRIVED", fmt_local_time(r->a, db_get(v, i, 1)));
		tmpl_set(e, "FINISHED", fmt_local_time(r->a, db_get(v, i, 2)));
		tmpl_set(e, "NOTES", db_gets(v, i, 3));
	}
	tmpl_show_section(d, v->nrows > 0 ? "HAS_VISITS" : "NO_VISITS");
	for (i = 0; i < p->nrows; i++) {
		tmpl_dict *e = tmpl_add_section(d, "PART");

		tmpl_set(e, "SKU", db_gets(p, i, 0));
		tmpl_set(e, "NAME", db_gets(p, i, strcmp(r->lang, "en") == 0 ? 2 : 1));
		tmpl_set_int(e, "QTY", db_get_int(p, i, 3));
		tmpl_set(e, "UNIT", db_gets(p, i, 4));
	}
	tmpl_show_section(d, p->nrows > 0 ? "HAS_PARTS" : "NO_PARTS");
	if (s->nrows > 0)
		tmpl_set_int(tmpl_add_section(d, "SIGNATURE"), "AID", db_get_int(s, 0, 0));
	else
		tmpl_show_section(d, "NO_SIGNATURE");
	return 0;
}

int
ticket_print_get(struct req *r)
{
	struct desk_ticket t;
	struct db_res *res;
	struct qr_code qr;
	tmpl_dict *d, *q;
	const char *url;
	long long id;

	if (!desk_ticket_id(r, &id))
		return resp_error(r, 404, "T_ERR_NOT_FOUND");
	switch (desk_ticket_load(r, id, &t)) {
	case TLOAD_OK:
		break;
	case TLOAD_NOT_FOUND:
		return resp_error(r, 404, "T_ERR_NOT_FOUND");
	default:
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	if (db_query(r->a, &q_print, &res, "i", t.id) != DB_OK || res->nrows != 1)
		return resp_error(r, 503, "ERR_DB_DOWN");
	url = track_url(r, t.track_code);
	if (qr_encode(r->a, url, &qr) != 0)
		return resp_error(r, 500, "ERR_INTERNAL");
	d = page_dict(r, "PR_TITLE");
	tmpl_set_global(d, "PAGE_TITLE", arena_printf(r->a, "%s %s", i18n(r->lang, "PR_TITLE"),
	    t.number));
	tmpl_set_int(d, "ID", t.id);
	tmpl_set(d, "TRACK_URL", url);
	tmpl_set(d, "PRINTED", print_now(r));
	print_facts(r, d, res);
	if (print_rows(r, d, t.id) != 0) {
		tmpl_free(d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	q = tmpl_add_include(d, "QR", "layout/qr.tpl");
	tmpl_set(q, "LABEL", i18n(r->lang, "PR_QR_LABEL"));
	qr_fill(q, &qr);
	return resp_page(r, 200, "desk/print.tpl", d);
}
