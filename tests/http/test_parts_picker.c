/* HTTP tests of the part picker on a ticket (cgi/desk/parts_picker.c) and
 * of the categories a part fits (cgi/desk/parts_cats.c): stock shown per
 * location, a location without stock disabled and refused, the
 * technician's location first, the parts of the ticket's category first,
 * the confirmation after a use, and who may change a part's categories.
 *
 * Parts and stock are set up through SQL on the test stack (the catalogue
 * forms have their own suite, test_parts.c); everything checked goes
 * through HTTP. SKUs are unique per run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"

#define PASSWORD "demo1234"

static struct hc *agent;
static long long  loc_a, loc_b;   /* 上海仓 (region 上海), 广州仓 (region 广州) */
static unsigned   serial;

static struct hc *
staff(const char *login)
{
	struct hc *h = hc_new();

	assert_int_equal(hc_login(h, login, PASSWORD), 303);
	return h;
}

/* A part of SKU prefix-<unique> with main category cat (0: none): its id;
 * the SKU into sku. */
static long long
part_new(const char *prefix, long long cat, char *sku, size_t cap)
{
	char q[512];

	snprintf(sku, cap, "%s-%lx-%u", prefix, (unsigned long)time(NULL), ++serial);
	snprintf(q, sizeof(q), "INSERT INTO parts (sku, name_zh, name_en, unit, created_at,"
	    " updated_at) VALUES ('%s', '选择器测试件', 'Picker part', '个', UTC_TIMESTAMP(),"
	    " UTC_TIMESTAMP())", sku);
	assert_int_equal(stack_sql(q), 0);
	snprintf(q, sizeof(q), "SELECT id FROM parts WHERE sku = '%s'", sku);
	{
		long long id = stack_sql_int(q);

		if (cat > 0) {
			snprintf(q, sizeof(q), "INSERT INTO part_categories VALUES (%lld, %lld)", id,
			    cat);
			assert_int_equal(stack_sql(q), 0);
		}
		return id;
	}
}

static void
stock_set(long long part, long long loc, int qty)
{
	char q[256];

	snprintf(q, sizeof(q), "INSERT INTO part_stock (part_id, location_id, qty) VALUES"
	    " (%lld, %lld, %d) ON DUPLICATE KEY UPDATE qty = %d", part, loc, qty, qty);
	assert_int_equal(stack_sql(q), 0);
}

/* A new ticket: its id; its category into *cat. */
static long long
ticket_new(long long *cat)
{
	char *code = hc_repair_ticket("选择器测试:空调不启动"), q[256];
	long long id;

	snprintf(q, sizeof(q), "SELECT id FROM tickets WHERE track_code = '%s'", code);
	id = stack_sql_int(q);
	snprintf(q, sizeof(q), "SELECT category_id FROM tickets WHERE id = %lld", id);
	*cat = stack_sql_int(q);
	free(code);
	return id;
}

static void
assign(long long ticket, const char *login, const char *region)
{
	char q[512];

	snprintf(q, sizeof(q), "UPDATE users SET region = '%s' WHERE login = '%s'", region, login);
	assert_int_equal(stack_sql(q), 0);
	snprintf(q, sizeof(q), "UPDATE tickets SET assignee_id = (SELECT id FROM users WHERE"
	    " login = '%s'), status = 'assigned' WHERE id = %lld", login, ticket);
	assert_int_equal(stack_sql(q), 0);
}

static char *
get_page(struct hc *h, const char *path)
{
	struct http_resp r;
	char *body;

	assert_int_equal(hc_get(h, path, &r), 0);
	if (r.status != 200)
		fprintf(stderr, "GET %s: %ld\n", path, r.status);
	assert_int_equal(r.status, 200);
	body = strdup(r.body);
	http_resp_free(&r);
	return body;
}

static char *
picker_page(long long ticket)
{
	char path[64];

	snprintf(path, sizeof(path), "/desk/tickets/%lld/parts", ticket);
	return get_page(agent, path);
}

/* POST fields to path as h with the csrf of form_page; the status. */
static long
post(struct hc *h, const char *form_page, const char *path, const char *fields, char **body)
{
	char buf[2048], *csrf = hc_csrf(h, form_page);
	struct http_resp r;
	long st;

	assert_non_null(csrf);
	snprintf(buf, sizeof(buf), "csrf=%s&%s", csrf, fields);
	free(csrf);
	assert_int_equal(hc_post_form(h, path, buf, &r), 0);
	st = r.status;
	if (body != NULL)
		*body = strdup(r.body != NULL ? r.body : "");
	http_resp_free(&r);
	return st;
}

/* The offset of needle in hay (fails when absent). */
static size_t
at(const char *hay, const char *needle)
{
	const char *p = strstr(hay, needle);

	if (p == NULL)
		fprintf(stderr, "not found: %s\n", needle);
	assert_non_null(p);
	return (size_t)(p - hay);
}

static void
test_picker_shows_stock_per_location_and_disables_empty(void **state)
{
	char sku[64], want[256], *html;
	long long cat, t = ticket_new(&cat), p = part_new("PK", 0, sku, sizeof(sku));

	(void)state;
	stock_set(p, loc_a, 3);
	html = picker_page(t);
	snprintf(want, sizeof(want), "<option value=\"%lld-%lld\">上海仓 · 库存 3 个", p, loc_a);
	assert_contains(html, want);
	snprintf(want, sizeof(want), "<option value=\"%lld-%lld\" disabled>广州仓 · 0 — 缺货", p,
	    loc_b);
	assert_contains(html, want);
	assert_contains(html, "type=\"number\" min=\"1\"");
	free(html);
}

static void
test_zero_stock_location_is_refused_and_changes_nothing(void **state)
{
	char sku[64], fields[128], path[64], *before, *body;
	long long cat, t = ticket_new(&cat), p = part_new("PZ", 0, sku, sizeof(sku));

	(void)state;
	stock_set(p, loc_a, 2);
	before = tables_checksum("part_stock, ticket_parts, stock_moves");
	snprintf(path, sizeof(path), "/desk/tickets/%lld/parts", t);
	snprintf(fields, sizeof(fields), "pick=%lld-%lld&qty=1&back=ticket", p, loc_b);
	assert_int_equal(post(agent, path, path, fields, &body), 422);
	assert_contains(body, "库存不足");
	free(body);
	assert_tables_unchanged("part_stock, ticket_parts, stock_moves", before);
	/* Nonsense in the picker: refused at its field, nothing changed either. */
	before = tables_checksum("part_stock, ticket_parts, stock_moves");
	assert_int_equal(post(agent, path, path, "pick=abc&qty=1", &body), 422);
	assert_contains(body, "id=\"pt-pick-err\"");
	free(body);
	snprintf(fields, sizeof(fields), "pick=%lld-999999&qty=1", p);
	assert_int_equal(post(agent, path, path, fields, &body), 422);
	free(body);
	assert_tables_unchanged("part_stock, ticket_parts, stock_moves", before);
}

static void
test_use_by_pick_returns_to_ticket_with_confirmation(void **state)
{
	char sku[64], fields[128], path[64], q[256], *html;
	long long cat, t = ticket_new(&cat), p = part_new("PU", 0, sku, sizeof(sku));
	struct http_resp r;
	char *loc;

	(void)state;
	stock_set(p, loc_a, 4);
	snprintf(path, sizeof(path), "/desk/tickets/%lld/parts", t);
	snprintf(fields, sizeof(fields), "pick=%lld-%lld&qty=2&back=ticket", p, loc_a);
	{
		char buf[512], *csrf = hc_csrf(agent, path);

		snprintf(buf, sizeof(buf), "csrf=%s&%s", csrf, fields);
		free(csrf);
		assert_int_equal(hc_post_form(agent, path, buf, &r), 0);
	}
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	http_resp_free(&r);
	assert_non_null(loc);
	assert_non_null(strstr(loc, "#parts"));
	snprintf(q, sizeof(q), "SELECT qty FROM part_stock WHERE part_id = %lld AND location_id ="
	    " %lld", p, loc_a);
	assert_int_equal(stack_sql_int(q), 2);
	*strchr(loc, '#') = '\0';
	html = get_page(agent, loc);
	assert_contains(html, "id=\"parts-done\"");
	assert_contains(html, sku);
	assert_contains(html, "× 2 个(上海仓)");
	free(html);
	free(loc);
}

static void
test_technicians_location_comes_first(void **state)
{
	char sku[64], a[64], b[64], *html;
	long long cat, t = ticket_new(&cat), p = part_new("PT", 0, sku, sizeof(sku));

	(void)state;
	assert_int_equal(stack_sql("UPDATE stock_locations SET region = '上海' WHERE name = '上海仓'"),
	    0);
	assert_int_equal(stack_sql("UPDATE stock_locations SET region = '广州' WHERE name = '广州仓'"),
	    0);
	stock_set(p, loc_a, 1);
	stock_set(p, loc_b, 1);
	snprintf(a, sizeof(a), "value=\"%lld-%lld\"", p, loc_a);
	snprintf(b, sizeof(b), "value=\"%lld-%lld\"", p, loc_b);

	assign(t, "tech2", "广州天河");
	html = picker_page(t);
	assert_true(at(html, b) < at(html, a));
	assert_contains(html, "id=\"pt-hint-near\"");
	assert_contains(html, "广州仓 · 陈师傅");
	free(html);

	assign(t, "tech", "上海浦东");
	html = picker_page(t);
	assert_true(at(html, a) < at(html, b));
	assert_contains(html, "广州仓 · 库存 1 个</option>");      /* not near */
	assert_contains(html, "上海仓 · 库存 1 个 · 就近</option>");
	free(html);
	(void)stack_sql("UPDATE users SET region = '上海' WHERE login = 'tech'");
	(void)stack_sql("UPDATE users SET region = '广州' WHERE login = 'tech2'");
}

static void
test_parts_of_the_tickets_category_come_first(void **state)
{
	char sx[64], sy[64], gx[96], gy[96], *html;
	long long cat, t = ticket_new(&cat);
	long long x = part_new("AAA", 0, sx, sizeof(sx)), y = part_new("ZZZ", cat, sy, sizeof(sy));

	(void)state;
	stock_set(x, loc_a, 1);
	stock_set(y, loc_a, 1);
	html = picker_page(t);
	snprintf(gx, sizeof(gx), "<optgroup label=\"%s ", sx);
	snprintf(gy, sizeof(gy), "<optgroup label=\"%s ", sy);
	assert_true(at(html, gy) < at(html, gx));    /* AAA sorts first without the rule */
	assert_contains(html, "id=\"pt-hint-category\"");
	assert_contains(html, " · 本类别\" data-fits=\"1\"");
	free(html);
}

static void
test_supervisor_ties_part_to_categories(void **state)
{
	char sku[64], page[64], path[64], fields[128], q[256], *body;
	long long p = part_new("PC", 0, sku, sizeof(sku)), c1, c2;
	struct hc *sup = staff("supervisor");
	char *before;

	(void)state;
	c1 = stack_sql_int("SELECT id FROM categories WHERE code = 'fridge'");
	c2 = stack_sql_int("SELECT id FROM categories WHERE code = 'washer'");
	snprintf(page, sizeof(page), "/desk/parts/%lld", p);
	snprintf(path, sizeof(path), "/desk/parts/%lld/categories", p);
	snprintf(fields, sizeof(fields), "cat_%lld=1&cat_%lld=1", c1, c2);
	assert_int_equal(post(sup, page, path, fields, NULL), 303);
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM part_categories WHERE part_id = %lld", p);
	assert_int_equal(stack_sql_int(q), 2);
	body = get_page(sup, "/desk/parts");
	free(body);
	snprintf(fields, sizeof(fields), "%s?cats=saved", page);
	body = get_page(sup, fields);
	assert_contains(body, "id=\"cats-saved\"");
	assert_contains(body, "<span class=\"badge\">冰箱</span>");
	assert_contains(body, "<span class=\"badge\">洗衣机</span>");
	free(body);

	snprintf(fields, sizeof(fields), "cat_%lld=1", c2);
	assert_int_equal(post(sup, page, path, fields, NULL), 303);
	assert_int_equal(stack_sql_int(q), 1);

	/* A value other than 1: refused, nothing changed. An agent: 403. */
	before = tables_checksum("part_categories");
	snprintf(fields, sizeof(fields), "cat_%lld=2", c1);
	assert_int_equal(post(sup, page, path, fields, &body), 422);
	assert_contains(body, "id=\"cats-error\"");
	free(body);
	snprintf(fields, sizeof(fields), "cat_%lld=1", c1);
	assert_int_equal(post(agent, page, path, fields, NULL), 403);
	assert_tables_unchanged("part_categories", before);
	/* The agent sees the categories but no form. */
	body = get_page(agent, page);
	assert_contains(body, "id=\"cats-tied\"");
	assert_not_contains(body, "id=\"cats-form\"");
	free(body);
	hc_free(sup);
}

/* The ticket page's picker comes from lists each desk worker keeps
 * (parts_picker.c): every change of stock, of the parts a category fits
 * and of the active parts shows on the next view, whichever worker
 * answers (several views each). */
static void
ticket_page_has(long long ticket, const char *want, int present)
{
	char path[64], *html;
	int i;

	snprintf(path, sizeof(path), "/desk/tickets/%lld", ticket);
	for (i = 0; i < 4; i++) {
		html = get_page(agent, path);
		if ((strstr(html, want) != NULL) != present)
			fprintf(stderr, "view %d of %s: %s %s\n", i, path, want,
			    present ? "missing" : "still there");
		assert_int_equal(strstr(html, want) != NULL, present);
		free(html);
	}
}

static void
test_ticket_page_picker_follows_every_change(void **state)
{
	char sku[64], want[256], q[256];
	long long cat, t = ticket_new(&cat), p = part_new("PV", 0, sku, sizeof(sku));

	(void)state;
	stock_set(p, loc_a, 3);
	snprintf(want, sizeof(want), "<option value=\"%lld-%lld\">上海仓 · 库存 3 个", p, loc_a);
	ticket_page_has(t, want, 1);

	stock_set(p, loc_a, 7);
	ticket_page_has(t, want, 0);
	snprintf(want, sizeof(want), "<option value=\"%lld-%lld\">上海仓 · 库存 7 个", p, loc_a);
	ticket_page_has(t, want, 1);

	snprintf(q, sizeof(q), "INSERT INTO part_categories VALUES (%lld, %lld)", p, cat);
	assert_int_equal(stack_sql(q), 0);
	snprintf(want, sizeof(want), "<optgroup label=\"%s 选择器测试件 · 本类别\"", sku);
	ticket_page_has(t, want, 1);

	snprintf(q, sizeof(q), "UPDATE parts SET active = 0 WHERE id = %lld", p);
	assert_int_equal(stack_sql(q), 0);
	snprintf(want, sizeof(want), "<optgroup label=\"%s ", sku);
	ticket_page_has(t, want, 0);
}

/* A catalogue too big for a worker to keep its lists (parts_picker.c's
 * PICK_KEEP_ROWS: 4,000 stock rows) is read for each view: the picker
 * stays right, view after view, and follows a change of stock. */
static void
test_big_catalogue_picker_read_per_view(void **state)
{
	char sku[64], want[256], q[512], prefix[32];
	long long cat, t = ticket_new(&cat), p = part_new("A0", 0, sku, sizeof(sku));

	(void)state;
	snprintf(prefix, sizeof(prefix), "BULK-%lx", (unsigned long)time(NULL));
	snprintf(q, sizeof(q), "INSERT INTO parts (sku, name_zh, name_en, unit, created_at, updated_at)"
	    " SELECT CONCAT('%s-', LPAD(seq, 4, '0')), '批量件', 'Bulk part', '个', UTC_TIMESTAMP(),"
	    " UTC_TIMESTAMP() FROM seq_1_to_2001", prefix);
	assert_int_equal(stack_sql(q), 0);
	snprintf(q, sizeof(q), "INSERT INTO part_stock (part_id, location_id, qty)"
	    " SELECT p.id, l.id, 1 FROM parts p JOIN stock_locations l ON l.id IN (%lld, %lld)"
	    " WHERE p.sku LIKE '%s-%%'", loc_a, loc_b, prefix);
	assert_int_equal(stack_sql(q), 0);
	stock_set(p, loc_a, 5);
	snprintf(want, sizeof(want), "<option value=\"%lld-%lld\">上海仓 · 库存 5 个", p, loc_a);
	ticket_page_has(t, want, 1);
	stock_set(p, loc_a, 6);
	snprintf(want, sizeof(want), "<option value=\"%lld-%lld\">上海仓 · 库存 6 个", p, loc_a);
	ticket_page_has(t, want, 1);

	snprintf(q, sizeof(q), "DELETE s FROM part_stock s JOIN parts p ON p.id = s.part_id"
	    " WHERE p.sku LIKE '%s-%%'", prefix);
	assert_int_equal(stack_sql(q), 0);
	snprintf(q, sizeof(q), "DELETE FROM parts WHERE sku LIKE '%s-%%'", prefix);
	assert_int_equal(stack_sql(q), 0);
	ticket_page_has(t, want, 1);
}

static void
test_catalogue_number_inputs_are_number_inputs(void **state)
{
	char *html = get_page(agent, "/desk/parts/new");

	(void)state;
	assert_contains(html, "name=\"reorder_level\" value=\"0\" type=\"number\" inputmode=\"numeric\""
	    " min=\"0\"");
	assert_contains(html, "name=\"unit_cost\" value=\"0.00\" type=\"number\" inputmode=\"decimal\"");
	assert_contains(html, "name=\"lead_time_days\" value=\"7\" type=\"number\"");
	free(html);
}

static int
setup(void **state)
{
	(void)state;
	agent = staff("agent");
	loc_a = stack_sql_int("SELECT id FROM stock_locations WHERE name = '上海仓'");
	loc_b = stack_sql_int("SELECT id FROM stock_locations WHERE name = '广州仓'");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	hc_free(agent);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_picker_shows_stock_per_location_and_disables_empty),
		cmocka_unit_test(test_zero_stock_location_is_refused_and_changes_nothing),
		cmocka_unit_test(test_use_by_pick_returns_to_ticket_with_confirmation),
		cmocka_unit_test(test_technicians_location_comes_first),
		cmocka_unit_test(test_parts_of_the_tickets_category_come_first),
		cmocka_unit_test(test_supervisor_ties_part_to_categories),
		cmocka_unit_test(test_catalogue_number_inputs_are_number_inputs),
		cmocka_unit_test(test_ticket_page_picker_follows_every_change),
		cmocka_unit_test(test_big_catalogue_picker_read_per_view),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
