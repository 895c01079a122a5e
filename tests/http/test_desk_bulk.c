/* HTTP tests of the queue's bulk form (POST /desk/bulk), saved views
 * (POST /desk/views, /desk/views/<id>/delete), the "customer replied"
 * marker and filter, and the walk-in channel, through the public HTTP
 * interface of the test stack ($SL_TEST_URL). Each test makes its own
 * tickets, marked with a word unique to the run, and reads the database
 * of the stack ($SL_TEST_STACK) to check what changed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define PASSWORD "demo1234"

static struct hc *agent, *super, *tech;
static char       agent_csrf[80], super_csrf[80], tech_csrf[80];
static unsigned   serial;
static long long  category;

/* A word unique to this run and call (a search marker). */
static const char *
marker(void)
{
	static char buf[48];

	snprintf(buf, sizeof(buf), "bk%lx%xx%uz", (long)time(NULL), (unsigned)getpid() & 0xffff,
	    ++serial);
	return buf;
}

static struct hc *
staff(const char *login, char *csrf, size_t cap)
{
	struct hc *h = hc_new();
	char *c;

	assert_int_equal(hc_login(h, login, PASSWORD), 303);
	c = hc_csrf(h, "/desk/");
	assert_non_null(c);
	snprintf(csrf, cap, "%s", c);
	free(c);
	return h;
}

static void
new_form_token(char out[65])
{
	static const char hex[] = "0123456789abcdef";
	int i;

	for (i = 0; i < 64; i++)
		out[i] = hex[rand() % 16];
	out[64] = '\0';
}

/* POST /desk/new as the agent; the new ticket's id. */
static long long
desk_new(const char *description, const char *channel)
{
	struct http_resp r;
	char body[2048], tok[65], *d = hc_escape(description), *loc;
	long long id;

	new_form_token(tok);
	snprintf(body, sizeof(body), "csrf=%s&form_token=%s&channel=%s&priority=normal"
	    "&name=Li&phone=13700137000&category=%lld&description=%s", agent_csrf, tok, channel,
	    category, d);
	free(d);
	assert_int_equal(hc_post_form(agent, "/desk/new", body, &r), 0);
	if (r.status != 303)
		fprintf(stderr, "POST /desk/new: %ld\n%s\n", r.status, r.body);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	id = strtoll(strrchr(loc, '/') + 1, NULL, 10);
	free(loc);
	http_resp_free(&r);
	assert_true(id > 0);
	return id;
}

/* A value of ticket id's row (SQL expression expr over tickets). */
static char *
ticket_value(long long id, const char *expr)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "SELECT %s FROM tickets WHERE id = %lld", expr, id);
	return stack_sql_value(sql);
}

static void
assert_ticket_is(long long id, const char *expr, const char *want)
{
	char *v = ticket_value(id, expr);

	assert_non_null(v);
	if (strcmp(v, want) != 0)
		fprintf(stderr, "ticket %lld: %s is %s, expected %s\n", id, expr, v, want);
	assert_string_equal(v, want);
	free(v);
}

/* POST /desk/bulk as h with the ids and the rest of the form (csrf
 * included by the caller); the response in r. */
static void
post_bulk(struct hc *h, const long long *ids, size_t n, const char *rest, struct http_resp *r)
{
	char body[4096];
	size_t i, len = 0;

	for (i = 0; i < n; i++)
		len += (size_t)snprintf(body + len, sizeof(body) - len, "id=%lld&", ids[i]);
	snprintf(body + len, sizeof(body) - len, "%s", rest);
	assert_int_equal(hc_post_form(h, "/desk/bulk", body, r), 0);
}

/* GET path as h, status want; the body (malloc'ed). */
static char *
get_page(struct hc *h, const char *path, long want)
{
	struct http_resp r;
	char *body;

	assert_int_equal(hc_get(h, path, &r), 0);
	if (r.status != want)
		fprintf(stderr, "GET %s: %ld\n", path, r.status);
	assert_int_equal(r.status, want);
	body = strdup(r.body);
	http_resp_free(&r);
	return body;
}

/* The number of rows of a queue page. */
static size_t
rows_of(const char *html)
{
	return count_of(html, "<td class=\"q-num\"");
}

/* --- bulk ------------------------------------------------------------------ */

static void
test_bulk_without_csrf_is_403_nothing_changed(void **state)
{
	const char *m = marker();
	long long ids[2];
	char *before, where[96], rest[256];
	struct http_resp r;

	(void)state;
	ids[0] = desk_new(m, "phone");
	ids[1] = desk_new(m, "phone");
	snprintf(where, sizeof(where), "t.id IN (%lld, %lld)", ids[0], ids[1]);
	before = tables_checksum("tickets, ticket_events");
	snprintf(rest, sizeof(rest), "op=status&status=accepted&back=%%2Fdesk%%2F");
	post_bulk(agent, ids, 2, rest, &r);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_tables_unchanged("tickets, ticket_events", before);
	assert_ticket_is(ids[0], "status", "new");
}

static void
test_bulk_mixed_transitions_apply_the_valid_ones(void **state)
{
	const char *m = marker();
	long long ids[3];
	char rest[512], *loc, *page, *num, want[128];
	struct http_resp r;

	(void)state;
	ids[0] = desk_new(m, "phone");
	ids[1] = desk_new(m, "wechat");
	ids[2] = desk_new(m, "phone");
	/* the third is cancelled first: nothing may follow "cancelled" */
	snprintf(rest, sizeof(rest), "csrf=%s&op=status&status=cancelled&back=%%2Fdesk%%2F",
	    agent_csrf);
	post_bulk(agent, ids + 2, 1, rest, &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_ticket_is(ids[2], "status", "cancelled");

	snprintf(rest, sizeof(rest), "csrf=%s&op=status&status=accepted"
	    "&back=%%2Fdesk%%2F%%3Fq%%3D%s%%26status%%3Dall", agent_csrf, m);
	post_bulk(agent, ids, 3, rest, &r);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	http_resp_free(&r);
	assert_non_null(loc);
	num = ticket_value(ids[2], "number");
	snprintf(want, sizeof(want), "bulk_refused=%s", num);
	assert_contains(loc, "/desk/?q=");                 /* back to the same view */
	assert_contains(loc, "status=all");
	assert_contains(loc, "done=bulk");
	assert_contains(loc, "bulk_n=2&");
	assert_contains(loc, want);
	assert_ticket_is(ids[0], "status", "accepted");
	assert_ticket_is(ids[1], "status", "accepted");
	assert_ticket_is(ids[2], "status", "cancelled");
	page = get_page(agent, loc, 200);
	assert_contains(page, "已更新 <b class=\"q-bulk-n\">2</b> 张工单");
	assert_contains(page, "不能改为「已受理");
	assert_contains(page, num);
	assert_int_equal(rows_of(page), 3);
	free(page);
	free(num);
	free(loc);
}

static void
test_bulk_same_status_is_counted_apart(void **state)
{
	const char *m = marker();
	long long ids[2];
	char rest[256], *loc;
	struct http_resp r;

	(void)state;
	ids[0] = desk_new(m, "phone");
	ids[1] = desk_new(m, "phone");
	snprintf(rest, sizeof(rest), "csrf=%s&op=status&status=accepted&back=%%2Fdesk%%2F",
	    agent_csrf);
	post_bulk(agent, ids, 1, rest, &r);
	http_resp_free(&r);
	post_bulk(agent, ids, 2, rest, &r);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	http_resp_free(&r);
	assert_contains(loc, "bulk_n=1&bulk_same=1");
	free(loc);
}

static void
test_bulk_priority_recomputes_due_times(void **state)
{
	const char *m = marker();
	long long ids[1];
	char rest[256], *due_before, *due_after, sql[256];
	struct http_resp r;

	(void)state;
	ids[0] = desk_new(m, "phone");
	due_before = ticket_value(ids[0], "COALESCE(resolve_due, '')");
	snprintf(rest, sizeof(rest), "csrf=%s&op=priority&priority=urgent&back=%%2Fdesk%%2F",
	    agent_csrf);
	post_bulk(agent, ids, 1, rest, &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_ticket_is(ids[0], "priority", "urgent");
	due_after = ticket_value(ids[0], "COALESCE(resolve_due, '')");
	/* the policy of urgent tickets is shorter than that of normal ones */
	snprintf(sql, sizeof(sql), "SELECT (SELECT resolve_mins FROM sla_policies WHERE"
	    " category_id IS NULL AND priority = 'urgent') < (SELECT resolve_mins FROM"
	    " sla_policies WHERE category_id IS NULL AND priority = 'normal')");
	if (stack_sql_int(sql) == 1)
		assert_true(strcmp(due_after, due_before) < 0);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM ticket_events WHERE ticket_id = %lld"
	    " AND kind = 'priority'", ids[0]);
	assert_int_equal(stack_sql_int(sql), 1);
	free(due_before);
	free(due_after);
}

static void
test_bulk_assign_sets_technician(void **state)
{
	const char *m = marker();
	long long ids[2], techid = stack_sql_int("SELECT id FROM users WHERE login = 'tech'");
	char rest[256], want[32];
	struct http_resp r;

	(void)state;
	ids[0] = desk_new(m, "phone");
	ids[1] = desk_new(m, "phone");
	snprintf(rest, sizeof(rest), "csrf=%s&op=assign&assignee=%lld&team=&back=%%2Fdesk%%2F",
	    agent_csrf, techid);
	post_bulk(agent, ids, 2, rest, &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	snprintf(want, sizeof(want), "%lld", techid);
	assert_ticket_is(ids[0], "assignee_id", want);
	assert_ticket_is(ids[1], "assignee_id", want);
	assert_ticket_is(ids[1], "status", "assigned");
}

static void
test_bulk_invalid_input_is_422_nothing_changed(void **state)
{
	static const char *const bad[] = {
		"op=status&status=flying",            /* not a status */
		"op=status&status=new",               /* nothing moves back to new */
		"op=priority&priority=",              /* none */
		"op=assign&assignee=&team=",          /* nobody */
		"op=assign&assignee=999999999",       /* not a technician */
		"op=explode",                         /* not an action */
	};
	const char *m = marker();
	long long ids[1];
	char rest[512], *before;
	struct http_resp r;
	size_t i;

	(void)state;
	ids[0] = desk_new(m, "phone");
	before = tables_checksum("tickets, ticket_events");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(rest, sizeof(rest), "csrf=%s&%s&back=%%2Fdesk%%2F", agent_csrf, bad[i]);
		post_bulk(agent, ids, 1, rest, &r);
		if (r.status != 422)
			fprintf(stderr, "%s: %ld\n", bad[i], r.status);
		assert_int_equal(r.status, 422);
		assert_contains(r.body, "未做任何更改");
		http_resp_free(&r);
	}
	/* no ticket ticked, and an id that is not one */
	snprintf(rest, sizeof(rest), "csrf=%s&op=status&status=accepted&back=%%2Fdesk%%2F",
	    agent_csrf);
	post_bulk(agent, ids, 0, rest, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "请先勾选至少一张工单");    /* words, not a catalog key */
	assert_not_contains(r.body, "BULK_ERR");
	http_resp_free(&r);
	snprintf(rest, sizeof(rest), "id=abc&csrf=%s&op=status&status=accepted&back=%%2Fdesk%%2F",
	    agent_csrf);
	post_bulk(agent, ids, 1, rest, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "所选工单无效");
	http_resp_free(&r);
	/* a back that is not a queue view */
	snprintf(rest, sizeof(rest), "csrf=%s&op=status&status=accepted&back=%%2F%%2Fevil.example",
	    agent_csrf);
	post_bulk(agent, ids, 1, rest, &r);
	assert_int_equal(r.status, 400);
	http_resp_free(&r);
	assert_tables_unchanged("tickets, ticket_events", before);
}

static void
test_bulk_technician_is_forbidden(void **state)
{
	const char *m = marker();
	long long ids[1];
	char rest[256], *before;
	struct http_resp r;

	(void)state;
	ids[0] = desk_new(m, "phone");
	before = tables_checksum("tickets, ticket_events");
	snprintf(rest, sizeof(rest), "csrf=%s&op=status&status=accepted&back=%%2Fdesk%%2F",
	    tech_csrf);
	post_bulk(tech, ids, 1, rest, &r);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_tables_unchanged("tickets, ticket_events", before);
}

static void
test_queue_shows_bulk_form_to_agents_only(void **state)
{
	const char *m = marker();
	char path[128], *page;

	(void)state;
	(void)desk_new(m, "phone");
	snprintf(path, sizeof(path), "/desk/?q=%s", m);
	page = get_page(agent, path, 200);
	assert_contains(page, "action=\"/desk/bulk\"");
	assert_contains(page, "form=\"bulk\"");
	free(page);
	page = get_page(tech, "/desk/", 200);
	assert_not_contains(page, "action=\"/desk/bulk\"");
	free(page);
}

/* --- saved views ------------------------------------------------------------ */

/* The id of h's view named name, or 0. */
static long long
view_id(const char *login, const char *name)
{
	char sql[256];
	char *v;
	long long id;

	snprintf(sql, sizeof(sql), "SELECT v.id FROM saved_views v JOIN users u ON u.id = v.user_id"
	    " WHERE u.login = '%s' AND v.name = '%s'", login, name);
	v = stack_sql_value(sql);
	id = v != NULL ? strtoll(v, NULL, 10) : 0;
	free(v);
	return id;
}

static void
test_view_saved_listed_used_and_deleted(void **state)
{
	const char *m = marker();
	char body[512], name[64], *loc, *page, path[160];
	struct http_resp r;
	long long id;

	(void)state;
	(void)desk_new(m, "walkin");
	snprintf(name, sizeof(name), "v%s", m);
	snprintf(body, sizeof(body), "csrf=%s&name=%s&status=all&channel=walkin&q=%s",
	    agent_csrf, name, m);
	assert_int_equal(hc_post_form(agent, "/desk/views", body, &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/desk/?status=all&channel=walkin&q=%s&done=view_saved", m);
	assert_string_equal(loc, path);
	page = get_page(agent, loc, 200);
	assert_contains(page, "视图已保存");
	assert_contains(page, name);
	assert_int_equal(rows_of(page), 1);
	free(page);
	free(loc);
	id = view_id("agent", name);
	assert_true(id > 0);
	/* another user neither sees it nor deletes it */
	page = get_page(super, "/desk/", 200);
	assert_not_contains(page, name);
	free(page);
	snprintf(path, sizeof(path), "/desk/views/%lld/delete", id);
	snprintf(body, sizeof(body), "csrf=%s&back=%%2Fdesk%%2F", super_csrf);
	assert_int_equal(hc_post_form(super, path, body, &r), 0);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	assert_int_equal(view_id("agent", name), id);
	/* its owner does */
	snprintf(body, sizeof(body), "csrf=%s&back=%%2Fdesk%%2F", agent_csrf);
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_int_equal(view_id("agent", name), 0);
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);
	assert_int_equal(r.status, 404);                   /* gone */
	http_resp_free(&r);
}

static void
test_view_same_name_replaces_filters(void **state)
{
	char body[512], name[64], sql[256];
	struct http_resp r;

	(void)state;
	snprintf(name, sizeof(name), "v%s", marker());
	snprintf(body, sizeof(body), "csrf=%s&name=%s&status=new", agent_csrf, name);
	assert_int_equal(hc_post_form(agent, "/desk/views", body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s&name=%s&replied=1&sort=oldest", agent_csrf, name);
	assert_int_equal(hc_post_form(agent, "/desk/views", body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	snprintf(sql, sizeof(sql), "SELECT query FROM saved_views WHERE id = %lld",
	    view_id("agent", name));
	{
		char *q = stack_sql_value(sql);

		assert_non_null(q);
		assert_string_equal(q, "replied=1&sort=oldest");
		free(q);
	}
	/* a name of blanks: refused, and the way back is the very view */
	snprintf(body, sizeof(body), "csrf=%s&name=%%20%%20&replied=1&sort=oldest", agent_csrf);
	assert_int_equal(hc_post_form(agent, "/desk/views", body, &r), 0);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "href=\"/desk/?replied=1&amp;sort=oldest\"");
	assert_contains(r.body, "返回工单队列");
	http_resp_free(&r);
}

static void
test_view_invalid_is_422_nothing_saved(void **state)
{
	static const char *const bad[] = {
		"name=&status=all",                 /* no name */
		"name=%20%E3%80%80&status=all",     /* only spaces */
		"name=x&status=flying",             /* a filter that is not valid */
		"name=x&metric=nosuch",
	};
	char body[512], *before;
	struct http_resp r;
	size_t i;

	(void)state;
	before = tables_checksum("saved_views");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(body, sizeof(body), "csrf=%s&%s", agent_csrf, bad[i]);
		assert_int_equal(hc_post_form(agent, "/desk/views", body, &r), 0);
		if (r.status != 422)
			fprintf(stderr, "%s: %ld\n", bad[i], r.status);
		assert_int_equal(r.status, 422);
		http_resp_free(&r);
	}
	snprintf(body, sizeof(body), "name=x&status=all");   /* no csrf */
	assert_int_equal(hc_post_form(agent, "/desk/views", body, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_tables_unchanged("saved_views", before);
}

/* --- customer replied --------------------------------------------------------- */

/* A ticket from the repair form as a new visitor; its tracking code and
 * the visitor (kept to reply as the customer) into *code, *v, *csrf. */
static long long
customer_ticket(const char *description, char **code, struct hc **v, char **csrf)
{
	struct http_resp r;
	char body[2048], *token, *loc, *d = hc_escape(description), sql[160];
	long long cat;

	*v = hc_new();
	assert_int_equal(hc_get(*v, "/repair", &r), 0);
	*csrf = html_input_value(r.body, "csrf");
	token = html_input_value(r.body, "form_token");
	cat = html_first_numeric_option(r.body);
	http_resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s&form_token=%s&name=Wang&phone=13900139000"
	    "&email=&product=KFR&serial=&category=%lld&description=%s&address=%%E4%%B8%%8A",
	    *csrf, token, cat, d);
	free(d);
	free(token);
	assert_int_equal(hc_post_form(*v, "/repair", body, &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	http_resp_free(&r);
	*code = strdup(strrchr(loc, '/') + 1);
	free(loc);
	snprintf(sql, sizeof(sql), "SELECT id FROM tickets WHERE track_code = '%s'", *code);
	return stack_sql_int(sql);
}

static void
customer_reply(struct hc *v, const char *csrf, const char *code, const char *text)
{
	struct http_resp r;
	char path[128], body[512], *e = hc_escape(text);

	snprintf(path, sizeof(path), "/track/%s/reply", code);
	snprintf(body, sizeof(body), "csrf=%s&body=%s", csrf, e);
	free(e);
	assert_int_equal(hc_post_form(v, path, body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
}

static void
staff_reply(long long id, const char *visibility)
{
	struct http_resp r;
	char path[96], body[256];

	snprintf(path, sizeof(path), "/desk/tickets/%lld/reply", id);
	snprintf(body, sizeof(body), "csrf=%s&visibility=%s&body=%s", agent_csrf, visibility,
	    "%E6%98%8E%E5%A4%A9%E4%B8%8A%E9%97%A8");
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
}

/* The N of the "customer replied" chip of the agent's queue (0 when not shown). */
static long long
replied_chip(void)
{
	char *page = get_page(agent, "/desk/", 200), *p;
	long long n = 0;

	if ((p = strstr(page, "class=\"q-replied-n\">")) != NULL)
		n = strtoll(p + strlen("class=\"q-replied-n\">"), NULL, 10);
	free(page);
	return n;
}

static void
test_customer_replied_marker_and_filter(void **state)
{
	const char *m = marker();
	char *code_a, *code_b, *csrf_a, *csrf_b, path[160], *page;
	struct hc *va, *vb;
	long long a, b, chip0, open_replied;

	(void)state;
	a = customer_ticket(m, &code_a, &va, &csrf_a);
	b = customer_ticket(m, &code_b, &vb, &csrf_b);
	chip0 = replied_chip();
	snprintf(path, sizeof(path), "/desk/?q=%s&replied=1", m);
	page = get_page(agent, path, 200);
	assert_int_equal(rows_of(page), 0);                /* nobody replied yet */
	free(page);

	customer_reply(va, csrf_a, code_a, "还是不制冷，请尽快");
	customer_reply(vb, csrf_b, code_b, "补充：型号是 KFR-35");
	staff_reply(b, "public");                          /* b is answered */
	page = get_page(agent, path, 200);
	assert_int_equal(rows_of(page), 1);
	assert_contains(page, "客户已回复");
	{
		char *num = ticket_value(a, "number");

		assert_contains(page, num);
		free(num);
	}
	free(page);
	open_replied = stack_sql_int("SELECT COUNT(*) FROM tickets WHERE customer_replied = 1"
	    " AND status NOT IN ('resolved', 'closed', 'cancelled')");
	assert_int_equal(replied_chip(), open_replied);
	assert_int_equal(replied_chip(), chip0 + 1);

	staff_reply(a, "internal");                        /* a note is not an answer */
	page = get_page(agent, path, 200);
	assert_int_equal(rows_of(page), 1);
	free(page);
	staff_reply(a, "public");
	page = get_page(agent, path, 200);
	assert_int_equal(rows_of(page), 0);
	free(page);
	assert_int_equal(replied_chip(), chip0);
	hc_free(va);
	hc_free(vb);
	free(code_a);
	free(code_b);
	free(csrf_a);
	free(csrf_b);
}

/* --- walk-in -------------------------------------------------------------------- */

/* The volume of walk-in tickets in the dashboard's breakdown by channel
 * (its CSV export, default period): the number of its "walkin" row, 0 when
 * there is none. */
static long long
walkin_volume(void)
{
	char *csv = get_page(super, "/dash/export.csv?metric=volume&by=channel", 200), *p;
	long long n = 0;

	if ((p = strstr(csv, "\nwalkin,")) != NULL) {
		assert_non_null(strstr(p, ",到店,"));
		n = strtoll(strstr(p, ",到店,") + strlen(",到店,"), NULL, 10);
	}
	free(csv);
	return n;
}

static void
test_walkin_channel_created_filtered_and_counted(void **state)
{
	const char *m = marker();
	char path[160], *page;
	long long id, before;
	struct http_resp r;

	(void)state;
	before = walkin_volume();
	page = get_page(agent, "/desk/new", 200);
	assert_contains(page, "value=\"walkin\"");
	assert_contains(page, "到店");
	free(page);
	id = desk_new(m, "walkin");
	assert_ticket_is(id, "channel", "walkin");
	snprintf(path, sizeof(path), "/desk/?q=%s&channel=walkin", m);
	page = get_page(agent, path, 200);
	assert_int_equal(rows_of(page), 1);
	assert_contains(page, "<option value=\"walkin\" selected>到店</option>");
	free(page);
	snprintf(path, sizeof(path), "/desk/?q=%s&channel=phone", m);
	page = get_page(agent, path, 200);
	assert_int_equal(rows_of(page), 0);
	free(page);
	/* the dashboard's channel breakdown and the metrics' channel slice */
	assert_int_equal(walkin_volume(), before + 1);
	page = get_page(super, "/dash/?channel=walkin", 200);
	assert_contains(page, "到店");
	free(page);
	assert_int_equal(hc_get(super, "/dash/?channel=fax", &r), 0);
	assert_int_equal(r.status, 400);
	http_resp_free(&r);
}

/* --- what the workers keep ---------------------------------------------------- */

/* The N of the summary chip of status st in the agent's queue. */
static long long
status_chip(const char *st)
{
	char *page = get_page(agent, "/desk/", 200), *p, pat[64];
	long long n = -1;

	snprintf(pat, sizeof(pat), "class=\"badge st-%s\">", st);
	if ((p = strstr(page, pat)) != NULL && (p = strstr(p, "<b>")) != NULL)
		n = strtoll(p + 3, NULL, 10);
	free(page);
	return n;
}

static void
test_counts_follow_a_new_ticket_at_once(void **state)
{
	long long before, after;

	(void)state;
	before = status_chip("new");
	assert_true(before >= 0);
	(void)desk_new(marker(), "phone");
	after = status_chip("new");
	assert_int_equal(after, before + 1);
	assert_int_equal(after, stack_sql_int("SELECT COUNT(*) FROM tickets WHERE status = 'new'"));
}

static void
test_filter_lists_follow_team_changes_at_once(void **state)
{
	const char *m = marker();
	char sql[256], name[64], renamed[64], *page;

	(void)state;
	page = get_page(agent, "/desk/", 200);   /* the worker has its lists */
	free(page);
	snprintf(name, sizeof(name), "班组%s", m);
	snprintf(renamed, sizeof(renamed), "新班组%s", m);
	snprintf(sql, sizeof(sql), "INSERT INTO teams (name) VALUES ('%s')", name);
	assert_int_equal(stack_sql(sql), 0);
	page = get_page(agent, "/desk/", 200);
	assert_contains(page, name);
	free(page);
	snprintf(sql, sizeof(sql), "UPDATE teams SET name = '%s' WHERE name = '%s'", renamed, name);
	assert_int_equal(stack_sql(sql), 0);
	page = get_page(agent, "/desk/", 200);
	assert_contains(page, renamed);
	free(page);
	snprintf(sql, sizeof(sql), "DELETE FROM teams WHERE name = '%s'", renamed);
	assert_int_equal(stack_sql(sql), 0);
	page = get_page(agent, "/desk/", 200);
	assert_not_contains(page, renamed);
	free(page);
}

/* Several requests, so that every desk worker (each keeps its own copy of
 * the queue's parts) answers at least one: each page contains want (or,
 * with present 0, does not). */
static void
every_worker_shows(const char *path, const char *want, int present)
{
	int i;

	for (i = 0; i < 6; i++) {
		char *page = get_page(agent, path, 200);

		if (present)
			assert_contains(page, want);
		else
			assert_not_contains(page, want);
		free(page);
	}
}

static void
test_queue_rows_follow_ticket_changes_at_once(void **state)
{
	char href[64], rest[256];
	struct http_resp r;
	long long id;

	(void)state;
	every_worker_shows("/desk/", "/desk/tickets/", 1);   /* the workers keep the page */
	id = desk_new(marker(), "phone");
	snprintf(href, sizeof(href), "href=\"/desk/tickets/%lld\"", id);
	every_worker_shows("/desk/", href, 1);
	snprintf(rest, sizeof(rest), "csrf=%s&op=status&status=cancelled&back=%%2Fdesk%%2F",
	    agent_csrf);
	post_bulk(agent, &id, 1, rest, &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	every_worker_shows("/desk/", href, 0);                /* no longer open */
	every_worker_shows("/desk/?status=all", href, 1);
}

static void
test_saved_views_follow_changes_by_hand_at_once(void **state)
{
	char body[256], name[64], renamed[64], sql[256];
	struct http_resp r;

	(void)state;
	snprintf(name, sizeof(name), "v%s", marker());
	snprintf(renamed, sizeof(renamed), "w%s", name + 1);
	every_worker_shows("/desk/", name, 0);
	snprintf(body, sizeof(body), "csrf=%s&name=%s&status=new", agent_csrf, name);
	assert_int_equal(hc_post_form(agent, "/desk/views", body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	every_worker_shows("/desk/", name, 1);
	snprintf(sql, sizeof(sql), "UPDATE saved_views SET name = '%s' WHERE name = '%s'",
	    renamed, name);
	assert_int_equal(stack_sql(sql), 0);
	every_worker_shows("/desk/", renamed, 1);
	snprintf(sql, sizeof(sql), "DELETE FROM saved_views WHERE name = '%s'", renamed);
	assert_int_equal(stack_sql(sql), 0);
	every_worker_shows("/desk/", renamed, 0);
}

static int
group_setup(void **state)
{
	char *page, *p;

	(void)state;
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	agent = staff("agent", agent_csrf, sizeof(agent_csrf));
	super = staff("supervisor", super_csrf, sizeof(super_csrf));
	tech = staff("tech", tech_csrf, sizeof(tech_csrf));
	page = get_page(agent, "/desk/new", 200);
	category = html_first_numeric_option(page);
	free(page);
	(void)p;
	assert_true(category > 0);
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	hc_free(agent);
	hc_free(super);
	hc_free(tech);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bulk_without_csrf_is_403_nothing_changed),
		cmocka_unit_test(test_bulk_mixed_transitions_apply_the_valid_ones),
		cmocka_unit_test(test_bulk_same_status_is_counted_apart),
		cmocka_unit_test(test_bulk_priority_recomputes_due_times),
		cmocka_unit_test(test_bulk_assign_sets_technician),
		cmocka_unit_test(test_bulk_invalid_input_is_422_nothing_changed),
		cmocka_unit_test(test_bulk_technician_is_forbidden),
		cmocka_unit_test(test_queue_shows_bulk_form_to_agents_only),
		cmocka_unit_test(test_view_saved_listed_used_and_deleted),
		cmocka_unit_test(test_view_same_name_replaces_filters),
		cmocka_unit_test(test_view_invalid_is_422_nothing_saved),
		cmocka_unit_test(test_customer_replied_marker_and_filter),
		cmocka_unit_test(test_walkin_channel_created_filtered_and_counted),
		cmocka_unit_test(test_counts_follow_a_new_ticket_at_once),
		cmocka_unit_test(test_filter_lists_follow_team_changes_at_once),
		cmocka_unit_test(test_queue_rows_follow_ticket_changes_at_once),
		cmocka_unit_test(test_saved_views_follow_changes_by_hand_at_once),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
