/* HTTP tests of the spare-parts pages of the desk (cgi/desk/parts*.c):
 * the catalogue (/desk/parts, /desk/parts/new, /desk/parts/<id>,
 * /desk/parts/<id>/edit), stock (/desk/parts/<id>/stock), parts used on a
 * ticket (/desk/tickets/<id>/parts), reorder alerts and the forecast.
 *
 * Everything goes through the public HTTP interface of the test stack
 * ($SL_TEST_URL) as the demo users (password demo1234). Tickets are made
 * by the public repair form; what HTTP cannot do or see is done through
 * `conf/stack/stack.sh sql $SL_TEST_STACK` (run from the repository root):
 * finding a ticket's id by its tracking code, assigning or closing it,
 * back-dating usage for the forecast, and reading stock and logs to check
 * that a refused request changed nothing. SKUs are unique per run, so the
 * tests also pass on a stack that already holds data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define PASSWORD  "demo1234"
#define NO_STOCK  "库存不足"

static struct hc *agent;        /* signed in for the whole run */
static long long  loc_a, loc_b; /* the two seeded locations */
static unsigned   serial;

static struct hc *
staff(const char *login)
{
	struct hc *h = hc_new();

	assert_int_equal(hc_login(h, login, PASSWORD), 303);
	return h;
}

/* A SKU unique to this run (into buf). */
static const char *
new_sku(char *buf, size_t cap, const char *prefix)
{
	snprintf(buf, cap, "%s-%lx-%u", prefix, (unsigned long)time(NULL), ++serial);
	return buf;
}

/* --- SQL on the test stack -------------------------------------------------- */

/* Run one SQL text (printf format) on the test stack; the first line of
 * its output (malloc'ed, may be "") or NULL when the client failed. */
static char *
sql(const char *fmt, ...)
{
	char text[4096], *out, *err;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (stack_sql_run(text, &out, &err) != 0) {
		fprintf(stderr, "%s\n%s", text, err != NULL ? err : "");
		free(out);
		out = NULL;
	}
	free(err);
	if (out != NULL)
		out[strcspn(out, "\r\n")] = '\0';
	return out;
}

/* The number the SQL text gives (fails the test when it gives none). */
static long long
sql_int(const char *fmt, ...)
{
	char text[2048], *out;
	va_list ap;
	long long n;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	out = sql("%s", text);
	if (out == NULL || !(isdigit((unsigned char)out[0]) || out[0] == '-'))
		fail_msg("SQL gave no number: %s -> %s", text, out != NULL ? out : "(failed)");
	n = strtoll(out, NULL, 10);
	free(out);
	return n;
}

static void
sql_do(const char *fmt, ...)
{
	char text[2048], *out;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	out = sql("%s", text);
	if (out == NULL)
		fail_msg("SQL failed: %s", text);
	free(out);
}

static long long
stock_at(long long part, long long loc)
{
	return sql_int("SELECT COALESCE(SUM(qty), 0) FROM part_stock"
	    " WHERE part_id = %lld AND location_id = %lld;", part, loc);
}

static long long
used_rows(long long part)
{
	return sql_int("SELECT COUNT(*) FROM ticket_parts WHERE part_id = %lld;", part);
}

/* --- posting forms ------------------------------------------------------------- */

/* POST fields (urlencoded, without csrf) to path as h, with the csrf token
 * of h's view of form_page. */
static void
post(struct hc *h, const char *form_page, const char *path, const char *fields,
    struct http_resp *r)
{
	char body[4096], *csrf = hc_csrf(h, form_page);

	assert_non_null(csrf);
	snprintf(body, sizeof(body), "csrf=%s&%s", csrf, fields);
	free(csrf);
	assert_int_equal(hc_post_form(h, path, body, r), 0);
}

/* The id at the end of the Location of a 303 after prefix. */
static long long
redirect_id(const struct http_resp *r, const char *prefix)
{
	char *loc = http_header(r, "Location");
	long long id;

	assert_non_null(loc);
	assert_non_null(strstr(loc, prefix));
	id = strtoll(strstr(loc, prefix) + strlen(prefix), NULL, 10);
	free(loc);
	assert_true(id > 0);
	return id;
}

/* A part made through the form by the agent; returns its id. */
static long long
create_part(const char *sku, const char *name, long long level)
{
	struct http_resp r;
	char fields[1024], *n = hc_escape(name);

	snprintf(fields, sizeof(fields), "sku=%s&name_zh=%s&name_en=Test+part&unit=%%E4%%B8%%AA"
	    "&unit_cost=12.50&reorder_level=%lld&reorder_qty=20&lead_time_days=14&category=",
	    sku, n, level);
	free(n);
	post(agent, "/desk/parts/new", "/desk/parts/new", fields, &r);
	if (r.status != 303)
		fprintf(stderr, "create part: %ld\n%s\n", r.status, r.body);
	assert_int_equal(r.status, 303);
	{
		long long id = redirect_id(&r, "/desk/parts/");

		http_resp_free(&r);
		return id;
	}
}

/* POST /desk/parts/<id>/stock as h; returns the status (body into r). */
static long
stock_post(struct hc *h, long long part, const char *fields, struct http_resp *r)
{
	char page[64], path[64];

	snprintf(page, sizeof(page), "/desk/parts/%lld", part);
	snprintf(path, sizeof(path), "/desk/parts/%lld/stock", part);
	post(h, page, path, fields, r);
	return r->status;
}

static void
receive(long long part, long long loc, long long qty)
{
	struct http_resp r;
	char fields[256];

	snprintf(fields, sizeof(fields), "action=receive&location=%lld&qty=%lld&note=", loc, qty);
	stock_post(agent, part, fields, &r);
	if (r.status != 303)
		fprintf(stderr, "receive: %ld\n%s\n", r.status, r.body);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
}

/* A new ticket through the public repair form; returns its id. */
static long long
create_ticket(void)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char body[2048], *csrf, *token, *loc, *d;
	const char *p;
	long long cat = 0, id;

	assert_int_equal(hc_get(h, "/repair", &r), 0);
	assert_int_equal(r.status, 200);
	csrf = html_input_value(r.body, "csrf");
	token = html_input_value(r.body, "form_token");
	for (p = r.body; (p = strstr(p, "<option value=\"")) != NULL; p += 15)
		if (isdigit((unsigned char)p[15])) {
			cat = strtoll(p + 15, NULL, 10);
			break;
		}
	http_resp_free(&r);
	assert_non_null(csrf);
	assert_non_null(token);
	assert_true(cat > 0);
	d = hc_escape("备件测试:空调外机不启动,需要更换电容");
	snprintf(body, sizeof(body), "csrf=%s&form_token=%s&name=%%E6%%B5%%8B%%E8%%AF%%95"
	    "&phone=13800138000&category=%lld&description=%s", csrf, token, cat, d);
	free(d);
	assert_int_equal(hc_post_form(h, "/repair", body, &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	http_resp_free(&r);
	assert_non_null(loc);
	assert_non_null(strstr(loc, "/track/"));
	id = sql_int("SELECT id FROM tickets WHERE track_code = '%s';", strstr(loc, "/track/") + 7);
	free(loc);
	free(csrf);
	free(token);
	hc_free(h);
	return id;
}

static void
assign_to(long long ticket, const char *login)
{
	sql_do("UPDATE tickets SET assignee_id = (SELECT id FROM users WHERE login = '%s'),"
	    " status = 'assigned' WHERE id = %lld;", login, ticket);
}

/* POST a use of qty units of part from loc on ticket as h; the status. */
static long
use_part(struct hc *h, long long ticket, long long part, long long loc, long long qty)
{
	struct http_resp r;
	char path[64], fields[256];
	long st;

	snprintf(path, sizeof(path), "/desk/tickets/%lld/parts", ticket);
	snprintf(fields, sizeof(fields), "part=%lld&location=%lld&qty=%lld", part, loc, qty);
	post(h, path, path, fields, &r);
	st = r.status;
	http_resp_free(&r);
	return st;
}

static void
get_ok(struct hc *h, const char *path, struct http_resp *r)
{
	assert_int_equal(hc_get(h, path, r), 0);
	if (r->status != 200)
		fprintf(stderr, "GET %s: %ld\n", path, r->status);
	assert_int_equal(r->status, 200);
}

/* The number after marker (e.g. id="stock-total">) in the part's page. */
static long long
page_number(long long part, const char *marker)
{
	struct http_resp r;
	char path[64];
	const char *p;
	long long n;

	snprintf(path, sizeof(path), "/desk/parts/%lld", part);
	get_ok(agent, path, &r);
	p = strstr(r.body, marker);
	assert_non_null(p);
	n = strtoll(p + strlen(marker), NULL, 10);
	http_resp_free(&r);
	return n;
}

/* --- access ------------------------------------------------------------------ */

static void
test_viewer_is_forbidden(void **state)
{
	struct hc *h = staff("viewer");
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(h, "/desk/parts", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_int_equal(hc_get(h, "/desk/parts/new", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_anonymous_is_sent_to_login(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *loc;

	(void)state;
	assert_int_equal(hc_get(h, "/desk/parts", &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	assert_non_null(strstr(loc, "/login?next="));
	free(loc);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_technician_views_catalogue_but_cannot_edit(void **state)
{
	struct hc *tech = staff("tech");
	struct http_resp r;
	char sku[64], path[64], fields[128], *before;
	long long id = create_part(new_sku(sku, sizeof(sku), "TV"), "技术员可看", 0);

	(void)state;
	get_ok(tech, "/desk/parts", &r);
	assert_not_contains(r.body, "href=\"/desk/parts/new\"");
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/desk/parts/%lld", id);
	get_ok(tech, path, &r);
	assert_contains(r.body, sku);
	assert_not_contains(r.body, "id=\"stock-form\"");
	http_resp_free(&r);
	assert_int_equal(hc_get(tech, "/desk/parts/new", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	/* The stock POST is for agents: 403 whatever the csrf. */
	snprintf(path, sizeof(path), "/desk/parts/%lld/stock", id);
	snprintf(fields, sizeof(fields), "action=receive&location=%lld&qty=5", loc_a);
	before = tables_checksum("parts, part_stock, stock_moves");
	post(tech, "/desk/parts", path, fields, &r);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_tables_unchanged("parts, part_stock, stock_moves", before);
	assert_int_equal(stock_at(id, loc_a), 0);
	hc_free(tech);
}

static void
test_post_without_csrf_is_403(void **state)
{
	struct http_resp r;
	char sku[64], path[64], body[256];
	long long part, ticket;

	(void)state;
	new_sku(sku, sizeof(sku), "CSRF");
	snprintf(body, sizeof(body), "sku=%s&name_zh=x&unit=pc&unit_cost=1&reorder_level=0"
	    "&reorder_qty=0&lead_time_days=1", sku);
	assert_int_equal(hc_post_form(agent, "/desk/parts/new", body, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM parts WHERE sku = '%s';", sku), 0);

	part = create_part(new_sku(sku, sizeof(sku), "CSRF"), "跨站", 0);
	receive(part, loc_a, 3);
	ticket = create_ticket();
	snprintf(path, sizeof(path), "/desk/tickets/%lld/parts", ticket);
	snprintf(body, sizeof(body), "csrf=wrong&part=%lld&location=%lld&qty=1", part, loc_a);
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	snprintf(body, sizeof(body), "part=%lld&location=%lld&qty=1", part, loc_a);
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_int_equal(stock_at(part, loc_a), 3);
	assert_int_equal(used_rows(part), 0);
}

static void
test_unknown_part_is_404(void **state)
{
	static const char *const paths[] = {
		"/desk/parts/999999999", "/desk/parts/0", "/desk/parts/abc",
		"/desk/parts/99999999999999999999", "/desk/parts/999999999/edit",
		"/desk/tickets/999999999/parts",
	};
	struct http_resp r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		assert_int_equal(hc_get(agent, paths[i], &r), 0);
		if (r.status != 404)
			fprintf(stderr, "%s: %ld\n", paths[i], r.status);
		assert_int_equal(r.status, 404);
		http_resp_free(&r);
	}
}

/* --- catalogue ---------------------------------------------------------------- */

static void
test_agent_creates_part(void **state)
{
	struct http_resp r;
	char sku[64], path[64];
	long long id;

	(void)state;
	id = create_part(new_sku(sku, sizeof(sku), "AC-CAP"), "压缩机电容 35μF", 5);
	snprintf(path, sizeof(path), "/desk/parts/%lld", id);
	get_ok(agent, path, &r);
	assert_contains(r.body, sku);
	assert_contains(r.body, "压缩机电容 35μF");
	assert_contains(r.body, "¥12.50");
	assert_contains(r.body, "id=\"stock-form\"");
	http_resp_free(&r);
	assert_int_equal(sql_int("SELECT reorder_level FROM parts WHERE id = %lld;", id), 5);
	get_ok(agent, "/desk/parts", &r);
	assert_contains(r.body, sku);
	http_resp_free(&r);
}

static void
test_duplicate_sku_is_422_and_keeps_values(void **state)
{
	struct http_resp r;
	char sku[64], fields[512];

	(void)state;
	create_part(new_sku(sku, sizeof(sku), "DUP"), "第一个", 0);
	snprintf(fields, sizeof(fields), "sku=%s&name_zh=%%E7%%AC%%AC%%E4%%BA%%8C%%E4%%B8%%AA"
	    "&name_en=&unit=pc&unit_cost=3&reorder_level=1&reorder_qty=2&lead_time_days=3"
	    "&category=", sku);
	post(agent, "/desk/parts/new", "/desk/parts/new", fields, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "这个 SKU 已存在");
	assert_contains(r.body, "id=\"sku-err\"");
	assert_contains(r.body, "value=\"第二个\"");
	http_resp_free(&r);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM parts WHERE sku = '%s';", sku), 1);
}

static void
test_invalid_fields_are_422_each_at_its_field(void **state)
{
	struct http_resp r;
	char sku[64], fields[512];

	(void)state;
	snprintf(fields, sizeof(fields), "sku=%s&name_zh=&unit=pc&unit_cost=1.234"
	    "&reorder_level=-1&reorder_qty=abc&lead_time_days=400&category=999999",
	    new_sku(sku, sizeof(sku), "BAD"));
	post(agent, "/desk/parts/new", "/desk/parts/new", fields, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"name_zh-err\"");
	assert_contains(r.body, "id=\"unit_cost-err\"");
	assert_contains(r.body, "id=\"reorder_level-err\"");
	assert_contains(r.body, "id=\"reorder_qty-err\"");
	assert_contains(r.body, "id=\"lead_time_days-err\"");
	assert_contains(r.body, "id=\"category-err\"");
	assert_not_contains(r.body, "id=\"sku-err\"");
	assert_contains(r.body, "value=\"1.234\"");
	assert_contains(r.body, sku);
	http_resp_free(&r);
	/* A SKU with a space or a quote is refused too. */
	post(agent, "/desk/parts/new", "/desk/parts/new", "sku=A+B%22&name_zh=x&unit=pc"
	    "&unit_cost=1&reorder_level=0&reorder_qty=0&lead_time_days=1", &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"sku-err\"");
	assert_contains(r.body, "value=\"A B&quot;\"");
	http_resp_free(&r);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM parts WHERE sku = '%s';", sku), 0);
}

static void
test_edit_changes_reorder_level_and_deactivates(void **state)
{
	struct http_resp r;
	char sku[64], path[64], fields[512];
	long long id;

	(void)state;
	id = create_part(new_sku(sku, sizeof(sku), "EDIT"), "编辑前", 2);
	snprintf(path, sizeof(path), "/desk/parts/%lld/edit", id);
	get_ok(agent, path, &r);
	assert_contains(r.body, "value=\"编辑前\"");
	http_resp_free(&r);
	snprintf(fields, sizeof(fields), "sku=%s&name_zh=%%E7%%BC%%96%%E8%%BE%%91%%E5%%90%%8E"
	    "&name_en=After&unit=pc&unit_cost=8&reorder_level=7&reorder_qty=30&lead_time_days=21"
	    "&category=", sku);
	post(agent, path, path, fields, &r);
	assert_int_equal(r.status, 303);
	assert_int_equal(redirect_id(&r, "/desk/parts/"), id);
	http_resp_free(&r);
	assert_int_equal(page_number(id, "id=\"reorder-level\">"), 7);
	assert_int_equal(sql_int("SELECT active FROM parts WHERE id = %lld;", id), 0);
	/* Keeping the SKU of another part is refused. */
	snprintf(fields, sizeof(fields), "sku=%s&name_zh=x&unit=pc&unit_cost=8&reorder_level=7"
	    "&reorder_qty=30&lead_time_days=21&active=1", sku);
	{
		char other[64];
		long long id2 = create_part(new_sku(other, sizeof(other), "EDIT2"), "另一个", 0);

		snprintf(path, sizeof(path), "/desk/parts/%lld/edit", id2);
		post(agent, path, path, fields, &r);
		assert_int_equal(r.status, 422);
		assert_contains(r.body, "这个 SKU 已存在");
		http_resp_free(&r);
	}
}

static void
test_search_finds_by_sku_and_name(void **state)
{
	struct http_resp r;
	char sku[64], path[256], *q;

	(void)state;
	create_part(new_sku(sku, sizeof(sku), "FIND"), "独一无二的过滤网", 0);
	snprintf(path, sizeof(path), "/desk/parts?q=%s", sku);
	get_ok(agent, path, &r);
	assert_contains(r.body, sku);
	http_resp_free(&r);
	q = hc_escape("独一无二的过滤");
	snprintf(path, sizeof(path), "/desk/parts?q=%s", q);
	free(q);
	get_ok(agent, path, &r);
	assert_contains(r.body, sku);
	http_resp_free(&r);
	get_ok(agent, "/desk/parts?q=%25no_such_part%25", &r);
	assert_contains(r.body, "id=\"no-match\"");
	http_resp_free(&r);
}

/* --- stock -------------------------------------------------------------------- */

static void
test_receive_stock_adds_to_location(void **state)
{
	struct http_resp r;
	char sku[64], path[64];
	long long id;

	(void)state;
	id = create_part(new_sku(sku, sizeof(sku), "RCV"), "入库测试", 0);
	receive(id, loc_a, 5);
	receive(id, loc_a, 2);
	receive(id, loc_b, 4);
	assert_int_equal(stock_at(id, loc_a), 7);
	assert_int_equal(stock_at(id, loc_b), 4);
	assert_int_equal(page_number(id, "id=\"stock-total\">"), 11);
	snprintf(path, sizeof(path), "/desk/parts/%lld", id);
	get_ok(agent, path, &r);
	assert_contains(r.body, ">+5<");
	assert_contains(r.body, "入库");
	http_resp_free(&r);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM stock_moves WHERE part_id = %lld"
	    " AND reason = 'receive';", id), 3);
}

static void
test_adjust_below_zero_is_422_and_changes_nothing(void **state)
{
	struct http_resp r;
	char sku[64], fields[256];
	long long id;

	(void)state;
	id = create_part(new_sku(sku, sizeof(sku), "ADJ"), "盘点测试", 0);
	receive(id, loc_a, 3);
	snprintf(fields, sizeof(fields), "action=adjust&location=%lld&qty=-4&note=lost", loc_a);
	assert_int_equal(stock_post(agent, id, fields, &r), 422);
	assert_contains(r.body, NO_STOCK);
	assert_contains(r.body, "value=\"-4\"");
	http_resp_free(&r);
	assert_int_equal(stock_at(id, loc_a), 3);
	/* An adjustment needs its reason. */
	snprintf(fields, sizeof(fields), "action=adjust&location=%lld&qty=-1&note=", loc_a);
	assert_int_equal(stock_post(agent, id, fields, &r), 422);
	assert_contains(r.body, "id=\"st-note-err\"");
	http_resp_free(&r);
	snprintf(fields, sizeof(fields), "action=adjust&location=%lld&qty=-1&note=broken", loc_a);
	assert_int_equal(stock_post(agent, id, fields, &r), 303);
	http_resp_free(&r);
	assert_int_equal(stock_at(id, loc_a), 2);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM stock_moves WHERE part_id = %lld"
	    " AND reason = 'adjust' AND delta = -1;", id), 1);
}

static void
test_transfer_moves_stock_between_locations(void **state)
{
	struct http_resp r;
	char sku[64], fields[256];
	long long id;

	(void)state;
	id = create_part(new_sku(sku, sizeof(sku), "TRF"), "调拨测试", 0);
	receive(id, loc_a, 5);
	snprintf(fields, sizeof(fields), "action=transfer&location=%lld&to_location=%lld&qty=2"
	    "&note=", loc_a, loc_b);
	assert_int_equal(stock_post(agent, id, fields, &r), 303);
	http_resp_free(&r);
	assert_int_equal(stock_at(id, loc_a), 3);
	assert_int_equal(stock_at(id, loc_b), 2);
	/* More than there is: refused, nothing moves. */
	snprintf(fields, sizeof(fields), "action=transfer&location=%lld&to_location=%lld&qty=9"
	    "&note=", loc_a, loc_b);
	assert_int_equal(stock_post(agent, id, fields, &r), 422);
	assert_contains(r.body, NO_STOCK);
	http_resp_free(&r);
	snprintf(fields, sizeof(fields), "action=transfer&location=%lld&to_location=%lld&qty=1"
	    "&note=", loc_a, loc_a);
	assert_int_equal(stock_post(agent, id, fields, &r), 422);
	assert_contains(r.body, "id=\"st-to-err\"");
	http_resp_free(&r);
	assert_int_equal(stock_at(id, loc_a), 3);
	assert_int_equal(stock_at(id, loc_b), 2);
}

/* The triggers refuse UPDATE and DELETE of a movement with their own
 * SIGNAL (SQLSTATE 45000, error 1644), and the row stays as it was; the
 * CHECK refuses negative stock even from a hand-written UPDATE. */
static void
test_stock_moves_are_append_only(void **state)
{
	char sku[64], sql[256];
	long long id, move;

	(void)state;
	id = create_part(new_sku(sku, sizeof(sku), "APP"), "只增测试", 0);
	receive(id, loc_a, 5);
	move = sql_int("SELECT MAX(id) FROM stock_moves WHERE part_id = %lld;", id);
	snprintf(sql, sizeof(sql), "UPDATE stock_moves SET delta = 99 WHERE id = %lld", move);
	assert_sql_refused(sql, "ERROR 1644 (45000)", "stock_moves is append-only");
	snprintf(sql, sizeof(sql), "DELETE FROM stock_moves WHERE id = %lld", move);
	assert_sql_refused(sql, "ERROR 1644 (45000)", "stock_moves is append-only");
	assert_int_equal(sql_int("SELECT COUNT(*) FROM stock_moves WHERE part_id = %lld"
	    " AND id = %lld AND delta = 5 AND reason = 'receive';", id, move), 1);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM stock_moves WHERE part_id = %lld;", id), 1);
	snprintf(sql, sizeof(sql), "UPDATE part_stock SET qty = -1 WHERE part_id = %lld"
	    " AND location_id = %lld", id, loc_a);
	assert_sql_refused(sql, "ERROR 4025 (23000)", "ck_part_stock_qty");
	assert_int_equal(stock_at(id, loc_a), 5);
}

/* --- parts used on tickets ------------------------------------------------------- */

static void
test_use_on_ticket_takes_stock_and_logs(void **state)
{
	struct http_resp r;
	char sku[64], path[64], want[128];
	long long part, ticket;

	(void)state;
	part = create_part(new_sku(sku, sizeof(sku), "USE"), "领用测试", 0);
	receive(part, loc_a, 5);
	ticket = create_ticket();
	assert_int_equal(use_part(agent, ticket, part, loc_a, 2), 303);
	assert_int_equal(stock_at(part, loc_a), 3);
	assert_int_equal(used_rows(part), 1);
	assert_int_equal(sql_int("SELECT qty FROM ticket_parts WHERE part_id = %lld"
	    " AND ticket_id = %lld;", part, ticket), 2);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM stock_moves WHERE part_id = %lld"
	    " AND ticket_id = %lld AND reason = 'use' AND delta = -2;", part, ticket), 1);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = %lld"
	    " AND kind = 'note' AND public = 0 AND body LIKE '使用备件 %s %%× 2%%';",
	    ticket, sku), 1);
	snprintf(path, sizeof(path), "/desk/tickets/%lld/parts", ticket);
	get_ok(agent, path, &r);
	assert_contains(r.body, sku);
	assert_contains(r.body, "id=\"parts-form\"");
	snprintf(want, sizeof(want), "action=\"/desk/tickets/%lld/parts\"", ticket);
	assert_contains(r.body, want);
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/desk/parts/%lld", part);
	get_ok(agent, path, &r);
	assert_contains(r.body, "工单领用");
	http_resp_free(&r);
}

static void
test_use_returns_to_ticket_page_when_asked(void **state)
{
	struct http_resp r;
	char sku[64], path[64], fields[256], want[64], *loc;
	long long part, ticket;

	(void)state;
	part = create_part(new_sku(sku, sizeof(sku), "BACK"), "返回工单", 0);
	receive(part, loc_a, 2);
	ticket = create_ticket();
	snprintf(path, sizeof(path), "/desk/tickets/%lld/parts", ticket);
	snprintf(fields, sizeof(fields), "part=%lld&location=%lld&qty=1&back=ticket", part, loc_a);
	post(agent, path, path, fields, &r);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	/* Back on the ticket, at the parts card, which confirms the use. */
	snprintf(want, sizeof(want), "/desk/tickets/%lld?used=%lld#parts", ticket,
	    sql_int("SELECT MAX(id) FROM ticket_parts WHERE ticket_id = %lld;", ticket));
	assert_non_null(loc);
	assert_string_equal(loc, want);
	http_resp_free(&r);
	*strchr(loc, '#') = '\0';
	get_ok(agent, loc, &r);
	assert_contains(r.body, "id=\"parts-done\"");
	assert_contains(r.body, "已登记使用：");
	assert_contains(r.body, sku);
	free(loc);
	http_resp_free(&r);
}

static void
test_overuse_is_422_and_changes_nothing(void **state)
{
	struct http_resp r;
	char sku[64], path[64], fields[256];
	long long part, ticket, events;

	(void)state;
	part = create_part(new_sku(sku, sizeof(sku), "OVER"), "超量测试", 0);
	receive(part, loc_a, 2);
	receive(part, loc_b, 5);
	ticket = create_ticket();
	events = sql_int("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = %lld;", ticket);
	snprintf(path, sizeof(path), "/desk/tickets/%lld/parts", ticket);
	/* 3 from a location holding 2 (7 in all: the location counts). */
	snprintf(fields, sizeof(fields), "part=%lld&location=%lld&qty=3", part, loc_a);
	post(agent, path, path, fields, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, NO_STOCK);
	assert_contains(r.body, "id=\"pt-qty-err\"");
	assert_contains(r.body, "value=\"3\"");
	http_resp_free(&r);
	assert_int_equal(stock_at(part, loc_a), 2);
	assert_int_equal(stock_at(part, loc_b), 5);
	assert_int_equal(used_rows(part), 0);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM stock_moves WHERE part_id = %lld"
	    " AND reason = 'use';", part), 0);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = %lld;",
	    ticket), events);
	/* Zero, negative and absurd quantities are refused by validation. */
	snprintf(fields, sizeof(fields), "part=%lld&location=%lld&qty=0", part, loc_a);
	post(agent, path, path, fields, &r);
	assert_int_equal(r.status, 422);
	http_resp_free(&r);
	snprintf(fields, sizeof(fields), "part=%lld&location=%lld&qty=-1", part, loc_a);
	post(agent, path, path, fields, &r);
	assert_int_equal(r.status, 422);
	http_resp_free(&r);
	assert_int_equal(stock_at(part, loc_a), 2);
}

struct racer {
	struct hc        *h;
	char              path[64];
	char              body[512];
	pthread_barrier_t *start;
	long              status;
};

static void *
race(void *arg)
{
	struct racer *rc = arg;
	struct http_resp r;

	pthread_barrier_wait(rc->start);
	rc->status = hc_post_form(rc->h, rc->path, rc->body, &r) == 0 ? r.status : -1;
	if (rc->status >= 0)
		http_resp_free(&r);
	return NULL;
}

/* Two parallel uses of the last unit: exactly one succeeds, stock 0. Both
 * forms are loaded first, then both POSTs are released together; several
 * rounds, on one ticket and on two. */
static void
test_concurrent_last_unit_exactly_one_succeeds(void **state)
{
	struct hc *second = staff("supervisor");
	struct racer rc[2];
	pthread_t th[2];
	pthread_barrier_t start;
	char sku[64];
	long long part, t1, t2;
	int round, i, ok, refused;

	(void)state;
	part = create_part(new_sku(sku, sizeof(sku), "RACE"), "最后一个", 0);
	t1 = create_ticket();
	t2 = create_ticket();
	for (round = 0; round < 6; round++) {
		receive(part, loc_a, 1);
		pthread_barrier_init(&start, NULL, 2);
		for (i = 0; i < 2; i++) {
			char *csrf;

			rc[i].h = i == 0 ? agent : second;
			rc[i].start = &start;
			snprintf(rc[i].path, sizeof(rc[i].path), "/desk/tickets/%lld/parts",
			    i == 0 || round % 2 == 0 ? t1 : t2);
			csrf = hc_csrf(rc[i].h, rc[i].path);
			assert_non_null(csrf);
			snprintf(rc[i].body, sizeof(rc[i].body), "csrf=%s&part=%lld&location=%lld&qty=1",
			    csrf, part, loc_a);
			free(csrf);
		}
		for (i = 0; i < 2; i++)
			assert_int_equal(pthread_create(&th[i], NULL, race, &rc[i]), 0);
		for (i = 0; i < 2; i++)
			pthread_join(th[i], NULL);
		pthread_barrier_destroy(&start);
		ok = (rc[0].status == 303) + (rc[1].status == 303);
		refused = (rc[0].status == 422) + (rc[1].status == 422);
		if (ok != 1 || refused != 1)
			fprintf(stderr, "round %d: %ld %ld\n", round, rc[0].status, rc[1].status);
		assert_int_equal(ok, 1);
		assert_int_equal(refused, 1);
		assert_int_equal(stock_at(part, loc_a), 0);
		assert_int_equal(used_rows(part), round + 1);
	}
	assert_int_equal(sql_int("SELECT COUNT(*) FROM stock_moves WHERE part_id = %lld"
	    " AND reason = 'use';", part), 6);
	hc_free(second);
}

/* Technician "tech" on a ticket of nobody, then of "tech2", then their own.
 * (tech2 is not signed in: tests/http/test_auth.c throttles its logins.) */
static void
test_technician_uses_parts_only_on_own_tickets(void **state)
{
	struct hc *tech = staff("tech");
	struct http_resp r;
	char sku[64], path[64], fields[256];
	long long part, ticket;

	(void)state;
	part = create_part(new_sku(sku, sizeof(sku), "TECH"), "技术员领用", 0);
	receive(part, loc_a, 4);
	ticket = create_ticket();
	/* Not assigned to anybody yet: 404 for a technician. */
	snprintf(path, sizeof(path), "/desk/tickets/%lld/parts", ticket);
	assert_int_equal(hc_get(tech, path, &r), 0);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	/* Someone else's ticket: 404 for the page and the POST (csrf from a
	 * page tech may open), and nothing changes. */
	assign_to(ticket, "tech2");
	assert_int_equal(hc_get(tech, path, &r), 0);
	assert_int_equal(r.status, 404);
	assert_not_contains(r.body, sku);
	http_resp_free(&r);
	snprintf(fields, sizeof(fields), "part=%lld&location=%lld&qty=1", part, loc_a);
	post(tech, "/desk/parts", path, fields, &r);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	assert_int_equal(stock_at(part, loc_a), 4);
	assert_int_equal(used_rows(part), 0);
	/* Their own ticket: fine. */
	assign_to(ticket, "tech");
	assert_int_equal(use_part(tech, ticket, part, loc_a, 1), 303);
	assert_int_equal(stock_at(part, loc_a), 3);
	get_ok(tech, path, &r);
	assert_contains(r.body, sku);
	assert_contains(r.body, "张师傅");
	http_resp_free(&r);
	hc_free(tech);
}

static void
test_closed_ticket_refuses_parts(void **state)
{
	struct http_resp r;
	char sku[64], path[64], fields[256];
	long long part, ticket;

	(void)state;
	part = create_part(new_sku(sku, sizeof(sku), "CLOSED"), "已关闭", 0);
	receive(part, loc_a, 2);
	ticket = create_ticket();
	snprintf(path, sizeof(path), "/desk/tickets/%lld/parts", ticket);
	get_ok(agent, path, &r);    /* the form, while the ticket is open */
	http_resp_free(&r);
	sql_do("UPDATE tickets SET status = 'closed', closed_at = UTC_TIMESTAMP()"
	    " WHERE id = %lld;", ticket);
	snprintf(fields, sizeof(fields), "part=%lld&location=%lld&qty=1", part, loc_a);
	post(agent, path, path, fields, &r);
	assert_int_equal(r.status, 409);
	assert_contains(r.body, "id=\"parts-error\"");
	assert_not_contains(r.body, "id=\"parts-form\"");
	http_resp_free(&r);
	assert_int_equal(stock_at(part, loc_a), 2);
	get_ok(agent, path, &r);
	assert_contains(r.body, "id=\"parts-closed\"");
	http_resp_free(&r);
	sql_do("UPDATE tickets SET status = 'cancelled' WHERE id = %lld;", ticket);
	post(agent, path, path, fields, &r);
	assert_int_equal(r.status, 409);
	http_resp_free(&r);
	assert_int_equal(used_rows(part), 0);
}

static void
test_inactive_part_cannot_be_used(void **state)
{
	struct http_resp r;
	char sku[64], path[64], fields[256];
	long long part, ticket;

	(void)state;
	part = create_part(new_sku(sku, sizeof(sku), "OFF"), "停用", 0);
	receive(part, loc_a, 2);
	sql_do("UPDATE parts SET active = 0 WHERE id = %lld;", part);
	ticket = create_ticket();
	snprintf(path, sizeof(path), "/desk/tickets/%lld/parts", ticket);
	snprintf(fields, sizeof(fields), "part=%lld&location=%lld&qty=1", part, loc_a);
	post(agent, path, path, fields, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"pt-part-err\"");
	http_resp_free(&r);
	assert_int_equal(stock_at(part, loc_a), 2);
}

/* --- alerts and forecast ------------------------------------------------------- */

/* 1 when the part's SKU is in the alerts-only list. */
static int
in_alerts(const char *sku)
{
	struct http_resp r;
	char path[128], row[96];
	int yes;

	snprintf(path, sizeof(path), "/desk/parts?alerts=1&q=%s", sku);
	snprintf(row, sizeof(row), "\">%s</a>", sku);   /* a row, not the search box */
	get_ok(agent, path, &r);
	yes = strstr(r.body, row) != NULL;
	http_resp_free(&r);
	return yes;
}

static void
test_alert_appears_when_stock_at_reorder_level(void **state)
{
	struct http_resp r;
	char sku[64], path[128], want[128];
	long long part, ticket, n;

	(void)state;
	part = create_part(new_sku(sku, sizeof(sku), "ALERT"), "补货提醒", 3);
	assert_true(in_alerts(sku));          /* 0 in stock <= 3 */
	receive(part, loc_a, 4);
	assert_false(in_alerts(sku));         /* 4 > 3 */
	assert_int_equal(page_number(part, "id=\"stock-total\">"), 4);
	ticket = create_ticket();
	assert_int_equal(use_part(agent, ticket, part, loc_a, 1), 303);
	assert_true(in_alerts(sku));          /* 3 <= 3 */
	snprintf(path, sizeof(path), "/desk/parts/%lld", part);
	get_ok(agent, path, &r);
	assert_contains(r.body, "id=\"part-alert\"");
	http_resp_free(&r);
	/* The full list highlights it and the badge counts it. */
	snprintf(path, sizeof(path), "/desk/parts?q=%s", sku);
	get_ok(agent, path, &r);
	assert_contains(r.body, "pt-row is-alert");
	assert_contains(r.body, "id=\"alert-badge\"");
	http_resp_free(&r);
	/* The badge counts every active part at or below its level. */
	n = sql_int("SELECT COUNT(*) FROM parts p WHERE p.active = 1 AND"
	    " (SELECT COALESCE(SUM(qty), 0) FROM part_stock s WHERE s.part_id = p.id)"
	    " <= p.reorder_level;");
	get_ok(agent, "/desk/parts", &r);
	snprintf(want, sizeof(want), " %lld</a>", n);
	assert_contains(strstr(r.body, "id=\"alert-badge\""), want);
	http_resp_free(&r);
}

/* Usage of 10, 20, 30, 40 in the four complete months before this one
 * (China time): Holt with alpha 0.5, beta 0.3 gives 50 for next month
 * (see tests/unit/test_forecast.c), sigma 0; with a 14-day lead time
 * (0.46 months) and no stock the suggestion is ceil(0.46 × 50) = 23. */
static void
test_forecast_shown_on_part_page(void **state)
{
	struct http_resp r;
	char sku[64], path[64];
	long long part, ticket;
	int k;

	(void)state;
	part = create_part(new_sku(sku, sizeof(sku), "FC"), "预测测试", 0);
	ticket = create_ticket();
	snprintf(path, sizeof(path), "/desk/parts/%lld", part);
	get_ok(agent, path, &r);
	assert_contains(r.body, "id=\"forecast\"");
	assert_contains(r.body, "data-method=\"none\"");
	http_resp_free(&r);
	for (k = 4; k >= 1; k--)
		sql_do("INSERT INTO ticket_parts (ticket_id, part_id, qty, created_at) VALUES"
		    " (%lld, %lld, %d, DATE_FORMAT(UTC_TIMESTAMP() + INTERVAL 8 HOUR, '%%Y-%%m-01')"
		    " - INTERVAL %d MONTH + INTERVAL 10 DAY);", ticket, part, (5 - k) * 10, k);
	get_ok(agent, path, &r);
	assert_contains(r.body, "data-method=\"holt\"");
	assert_contains(r.body, "Holt");
	assert_contains(r.body, "id=\"fc-next\">50.0<");
	assert_contains(r.body, "id=\"fc-sigma\">0.0<");
	assert_contains(r.body, "id=\"fc-suggest\">23<");
	assert_contains(r.body, "依据 4 个完整月");
	http_resp_free(&r);
	/* In English too (another session: ?lang= sets a cookie). */
	{
		struct hc *en = staff("supervisor");

		snprintf(path, sizeof(path), "/desk/parts/%lld?lang=en", part);
		get_ok(en, path, &r);
		assert_contains(r.body, "Demand forecast");
		assert_contains(r.body, "Holt&#39;s double exponential smoothing");
		assert_contains(r.body, "id=\"fc-next\">50.0<");
		http_resp_free(&r);
		hc_free(en);
	}
}

/* Mostly empty months: Croston. Usage of 6 six months ago and 4 three
 * months ago: the series (from the first use to last month) is
 * 6, 0, 0, 4, 0, 0 — 4 zeros of 6, more than half. z = 6, p = 1; then
 * q = 3: z = 6 + .1 (4 - 6) = 5.8, p = 1 + .1 (3 - 1) = 1.2; forecast
 * 5.8 / 1.2 = 4.83 a month. */
static void
test_forecast_intermittent_uses_croston(void **state)
{
	struct http_resp r;
	char sku[64], path[64];
	long long part, ticket;

	(void)state;
	part = create_part(new_sku(sku, sizeof(sku), "FCI"), "间歇需求", 0);
	ticket = create_ticket();
	sql_do("INSERT INTO ticket_parts (ticket_id, part_id, qty, created_at) VALUES"
	    " (%lld, %lld, 6, DATE_FORMAT(UTC_TIMESTAMP() + INTERVAL 8 HOUR, '%%Y-%%m-01')"
	    " - INTERVAL 6 MONTH + INTERVAL 10 DAY),"
	    " (%lld, %lld, 4, DATE_FORMAT(UTC_TIMESTAMP() + INTERVAL 8 HOUR, '%%Y-%%m-01')"
	    " - INTERVAL 3 MONTH + INTERVAL 10 DAY);", ticket, part, ticket, part);
	snprintf(path, sizeof(path), "/desk/parts/%lld", part);
	get_ok(agent, path, &r);
	assert_contains(r.body, "data-method=\"croston\"");
	assert_contains(r.body, "依据 6 个完整月");
	assert_contains(r.body, "id=\"fc-next\">4.8<");
	http_resp_free(&r);
}

static int
group_setup(void **state)
{
	(void)state;
	agent = staff("agent");
	loc_a = sql_int("SELECT id FROM stock_locations WHERE name = '上海仓';");
	loc_b = sql_int("SELECT id FROM stock_locations WHERE name = '广州仓';");
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	hc_free(agent);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_viewer_is_forbidden),
		cmocka_unit_test(test_anonymous_is_sent_to_login),
		cmocka_unit_test(test_technician_views_catalogue_but_cannot_edit),
		cmocka_unit_test(test_post_without_csrf_is_403),
		cmocka_unit_test(test_unknown_part_is_404),
		cmocka_unit_test(test_agent_creates_part),
		cmocka_unit_test(test_duplicate_sku_is_422_and_keeps_values),
		cmocka_unit_test(test_invalid_fields_are_422_each_at_its_field),
		cmocka_unit_test(test_edit_changes_reorder_level_and_deactivates),
		cmocka_unit_test(test_search_finds_by_sku_and_name),
		cmocka_unit_test(test_receive_stock_adds_to_location),
		cmocka_unit_test(test_adjust_below_zero_is_422_and_changes_nothing),
		cmocka_unit_test(test_transfer_moves_stock_between_locations),
		cmocka_unit_test(test_stock_moves_are_append_only),
		cmocka_unit_test(test_use_on_ticket_takes_stock_and_logs),
		cmocka_unit_test(test_use_returns_to_ticket_page_when_asked),
		cmocka_unit_test(test_overuse_is_422_and_changes_nothing),
		cmocka_unit_test(test_concurrent_last_unit_exactly_one_succeeds),
		cmocka_unit_test(test_technician_uses_parts_only_on_own_tickets),
		cmocka_unit_test(test_closed_ticket_refuses_parts),
		cmocka_unit_test(test_inactive_part_cannot_be_used),
		cmocka_unit_test(test_alert_appears_when_stock_at_reorder_level),
		cmocka_unit_test(test_forecast_shown_on_part_page),
		cmocka_unit_test(test_forecast_intermittent_uses_croston),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
