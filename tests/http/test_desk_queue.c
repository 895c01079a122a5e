/* HTTP tests of the staff queue (GET /desk/) and of staff-entered tickets
 * (GET/POST /desk/new), through the public HTTP interface of the test
 * stack ($SL_TEST_URL). Tickets are created by the public repair form and
 * by /desk/new; each carries a marker word unique to the run in its
 * description, so a search for the marker finds exactly this test's
 * tickets whatever else the database holds. Staff are the demo users of
 * `sl-cli demo` (password demo1234). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define PASSWORD    "demo1234"
#define TECH_LABEL  "张师傅 Zhang"
#define MAX_ROWS    64
#define PAGE_ROWS   50

static struct hc *agent, *tech, *viewer;
static unsigned   serial;
static char       agent_csrf[80];

/* One row of a queue page: the ticket id of its link and its number. */
struct qrow {
	long long id;
	char      number[32];
	char      priority[16];
};

struct qpage {
	struct qrow rows[MAX_ROWS];
	size_t      n;
	char        next[1024];    /* href of the next page ("" if none), decoded */
};

/* A word unique to this run and call, e.g. "qm5f3a1c2b7x3z", as search
 * marker (no marker is the beginning of another: search matches words by
 * their beginning). */
static const char *
marker(void)
{
	static char buf[48];

	snprintf(buf, sizeof(buf), "qm%lx%xx%uz", (long)time(NULL), (unsigned)getpid() & 0xffff,
	    ++serial);
	return buf;
}

static struct hc *
staff(const char *login)
{
	struct hc *h = hc_new();

	assert_int_equal(hc_login(h, login, PASSWORD), 303);
	return h;
}

/* The value of the <option> whose label is label, or 0. */
static long long
option_for_label(const char *html, const char *label)
{
	char pat[128];
	const char *p, *v;

	snprintf(pat, sizeof(pat), ">%s</option>", label);
	if ((p = strstr(html, pat)) == NULL)
		return 0;
	for (v = p; v > html && strncmp(v, "value=\"", 7) != 0; v--)
		;
	return v > html ? strtoll(v + 7, NULL, 10) : 0;
}

/* 64 lower-case hex digits, fresh for every call. */
static void
new_form_token(char out[65])
{
	static const char hex[] = "0123456789abcdef";
	int i;

	for (i = 0; i < 64; i++)
		out[i] = hex[rand() % 16];
	out[64] = '\0';
}

/* "&amp;" back to "&" in place. */
static void
unescape_amp(char *s)
{
	char *p;

	while ((p = strstr(s, "&amp;")) != NULL)
		memmove(p + 1, p + 5, strlen(p + 5) + 1);
}

/* Rows and next link of a queue page. */
static void
parse_queue(const char *html, struct qpage *pg)
{
	const char *p = html, *nx;

	memset(pg, 0, sizeof(*pg));
	while ((p = strstr(p, "<td class=\"q-num\"")) != NULL && pg->n < MAX_ROWS) {
		struct qrow *row = &pg->rows[pg->n++];
		const char *a = strstr(p, "/desk/tickets/"), *pr;

		row->id = strtoll(a + 14, NULL, 10);
		sscanf(strchr(a, '>') + 1, "%31[^<]", row->number);
		if ((pr = strstr(a, "badge pr-")) != NULL)
			sscanf(pr + 9, "%15[a-z]", row->priority);
		p = a;
	}
	if ((nx = strstr(html, "rel=\"next\" href=\"")) != NULL) {
		sscanf(nx + 17, "%1023[^\"]", pg->next);
		unescape_amp(pg->next);
	}
}

/* GET path as h; status must be want; rows into pg (may be NULL). */
static void
get_queue(struct hc *h, const char *path, long want, struct qpage *pg)
{
	struct http_resp r;

	assert_int_equal(hc_get(h, path, &r), 0);
	if (r.status != want)
		fprintf(stderr, "GET %s: %ld\n", path, r.status);
	assert_int_equal(r.status, want);
	if (pg != NULL)
		parse_queue(r.body, pg);
	http_resp_free(&r);
}

/* The rows of a search for q (URL-encoded here) with extra query text. */
static void
search(struct hc *h, const char *q, const char *extra, struct qpage *pg)
{
	char path[512], *e = hc_escape(q);

	snprintf(path, sizeof(path), "/desk/?q=%s%s", e, extra != NULL ? extra : "");
	free(e);
	get_queue(h, path, 200, pg);
}

static int
has_number(const struct qpage *pg, const char *number)
{
	size_t i;

	for (i = 0; i < pg->n; i++)
		if (strcmp(pg->rows[i].number, number) == 0)
			return 1;
	return 0;
}

/* The csrf token and a category of the /desk/new form as the agent (the
 * page is read once). */
static long long
new_form(char *csrf, size_t cap)
{
	static long long cat;
	struct http_resp r;

	if (cat == 0) {
		assert_int_equal(hc_get(agent, "/desk/new", &r), 0);
		assert_int_equal(r.status, 200);
		cat = html_first_numeric_option(r.body);
		http_resp_free(&r);
		assert_true(cat > 0);
	}
	snprintf(csrf, cap, "%s", agent_csrf);
	return cat;
}

/* POST /desk/new as the agent with description and priority; returns the
 * new ticket's id (Location /desk/tickets/<id>). */
static long long
desk_new(const char *description, const char *priority, const char *token)
{
	struct http_resp r;
	char body[2048], tok[65], csrf[80], *d = hc_escape(description), *loc;
	long long cat = new_form(csrf, sizeof(csrf)), id;

	if (token == NULL) {
		new_form_token(tok);
		token = tok;
	}
	snprintf(body, sizeof(body), "csrf=%s&form_token=%s&channel=phone&priority=%s"
	    "&name=%%E7%%8E%%8B%%E5%%85%%88%%E7%%94%%9F&phone=13800138000&category=%lld"
	    "&description=%s", csrf, token, priority, cat, d);
	free(d);
	assert_int_equal(hc_post_form(agent, "/desk/new", body, &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	http_resp_free(&r);
	assert_non_null(loc);
	assert_int_equal(strncmp(loc, "/desk/tickets/", 14), 0);
	id = strtoll(loc + 14, NULL, 10);
	assert_true(id > 0);
	free(loc);
	return id;
}

/* The number of the ticket the agent finds with marker m (exactly one). */
static void
number_of(const char *m, char *out, size_t cap)
{
	struct qpage pg;

	search(agent, m, "&status=all", &pg);
	assert_int_equal(pg.n, 1);
	snprintf(out, cap, "%s", pg.rows[0].number);
}

/* --- the queue --------------------------------------------------------- */

static void
test_queue_anonymous_is_sent_to_login(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *loc;

	assert_int_equal(hc_get(h, "/desk/", &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	assert_string_equal(loc, "/login?next=/desk/");
	free(loc);
	http_resp_free(&r);
	hc_free(h);
}

/* The desk is no place of a viewer's: a ticket is a 403 whose way back
 * leads to the dashboard, and the queue, the site's start page (where "/"
 * and signing in lead), sends the viewer to the dashboard. */
static void
test_queue_viewer_is_forbidden(void **state)
{
	struct http_resp r;
	char *loc;

	(void)state;
	get_queue(viewer, "/desk/?status=all", 303, NULL);
	assert_int_equal(hc_get(viewer, "/desk/tickets/1", &r), 0);
	assert_int_equal(r.status, 403);
	assert_contains(r.body, "href=\"/dash/\"");
	assert_not_contains(r.body, "<table");
	http_resp_free(&r);
	assert_int_equal(hc_get(viewer, "/desk/", &r), 0);
	assert_int_equal(r.status, 303);
	assert_non_null(loc = http_header(&r, "Location"));
	assert_string_equal(loc, "/dash/");
	assert_not_contains(r.body, "<table");
	free(loc);
	http_resp_free(&r);
	assert_int_equal(hc_get(viewer, "/dash/", &r), 0);
	assert_int_equal(r.status, 200);
	http_resp_free(&r);
}

static void
test_queue_agent_sees_repair_ticket(void **state)
{
	const char *m = marker();
	char desc[128], number[32];
	struct qpage pg;
	struct http_resp r;

	snprintf(desc, sizeof(desc), "洗衣机不排水 %s", m);
	free(hc_repair_ticket(desc));
	number_of(m, number, sizeof(number));
	/* The default view: open tickets, newest first. */
	get_queue(agent, "/desk/", 200, &pg);
	assert_true(has_number(&pg, number));
	assert_int_equal(hc_get(agent, "/desk/", &r), 0);
	assert_contains(r.body, "<table class=\"list q-list\">");
	assert_contains(r.body, "data-label=");
	http_resp_free(&r);
}

/* A ticket number finds its ticket whatever its status and the status
 * filter (the form sends "open"). */
static void
test_queue_number_search_finds_a_resolved_ticket(void **state)
{
	const char *m = marker();
	char desc[128], number[32], sql[160];
	struct qpage pg;

	(void)state;
	snprintf(desc, sizeof(desc), "热水器不点火 %s", m);
	free(hc_repair_ticket(desc));
	number_of(m, number, sizeof(number));
	snprintf(sql, sizeof(sql), "UPDATE tickets SET status = 'resolved', resolved_at ="
	    " UTC_TIMESTAMP() WHERE number = '%s'", number);
	assert_int_equal(stack_sql(sql), 0);
	search(agent, number, "&status=open", &pg);
	assert_true(has_number(&pg, number));
	search(agent, number, NULL, &pg);
	assert_true(has_number(&pg, number));
}

static void
test_queue_technician_sees_only_own(void **state)
{
	char m1[48], m2[48], d1[96], d2[96], n1[32], n2[32], body[256];
	struct qpage pg;
	struct http_resp r;
	long long id1, tech_id;

	snprintf(m1, sizeof(m1), "%s", marker());   /* marker() reuses its buffer */
	snprintf(m2, sizeof(m2), "%s", marker());
	snprintf(d1, sizeof(d1), "冰箱不制冷 %s", m1);
	snprintf(d2, sizeof(d2), "冰箱不制冷 %s", m2);
	id1 = desk_new(d1, "normal", NULL);
	(void)desk_new(d2, "normal", NULL);
	number_of(m1, n1, sizeof(n1));
	number_of(m2, n2, sizeof(n2));
	/* The agent's queue has the unassigned ticket; the technician's not. */
	get_queue(agent, "/desk/", 200, &pg);
	assert_true(has_number(&pg, n2));
	get_queue(tech, "/desk/", 200, &pg);
	assert_false(has_number(&pg, n2));
	search(tech, m2, "&status=all", &pg);
	assert_int_equal(pg.n, 0);
	/* Assigned to the technician, it appears in their queue. */
	assert_int_equal(hc_get(agent, "/desk/", &r), 0);
	tech_id = option_for_label(r.body, TECH_LABEL);
	http_resp_free(&r);
	assert_true(tech_id > 0);
	snprintf(body, sizeof(body), "csrf=%s&version=1&assignee=%lld", agent_csrf, tech_id);
	snprintf(d1, sizeof(d1), "/desk/tickets/%lld/assign", id1);
	assert_int_equal(hc_post_form(agent, d1, body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	search(tech, m1, NULL, &pg);
	assert_true(has_number(&pg, n1));
	get_queue(tech, "/desk/", 200, &pg);
	assert_true(has_number(&pg, n1));
	assert_false(has_number(&pg, n2));
}

static void
test_queue_technician_cannot_ask_for_others(void **state)
{
	struct http_resp r;

	assert_int_equal(hc_get(tech, "/desk/?assignee=none", &r), 0);
	assert_int_equal(r.status, 400);
	assert_contains(r.body, "(assignee)");
	http_resp_free(&r);
	get_queue(tech, "/desk/?assignee=me", 200, NULL);
}

static void
test_queue_search_finds_chinese_bigram(void **state)
{
	const char *m = marker();
	char desc[96], number[32];
	struct qpage pg;

	snprintf(desc, sizeof(desc), "家用空调不制冷 %s", m);
	free(hc_repair_ticket(desc));
	number_of(m, number, sizeof(number));
	search(agent, "空调", NULL, &pg);
	assert_true(has_number(&pg, number));
	search(agent, "空调 不制冷", "&status=all", &pg);
	assert_true(has_number(&pg, number));
	/* A word that is not in it finds nothing of it. */
	search(agent, "空调漏水", NULL, &pg);
	assert_false(has_number(&pg, number));
}

static void
test_queue_search_by_number_and_phone(void **state)
{
	const char *m = marker();
	char desc[96], number[32];
	struct qpage pg;

	snprintf(desc, sizeof(desc), "热水器打不着火 %s", m);
	free(hc_repair_ticket(desc));
	number_of(m, number, sizeof(number));
	search(agent, number, "&status=all", &pg);
	assert_int_equal(pg.n, 1);
	assert_string_equal(pg.rows[0].number, number);
	search(agent, number, NULL, &pg);      /* it is open: the default view has it */
	assert_int_equal(pg.n, 1);
	search(agent, "13900139000", NULL, &pg);
	assert_true(has_number(&pg, number));
}

static void
test_queue_filter_by_status(void **state)
{
	const char *m = marker();
	char desc[96], number[32], path[160];
	struct qpage pg;

	snprintf(desc, sizeof(desc), "电视开机黑屏 %s", m);
	(void)desk_new(desc, "high", NULL);
	number_of(m, number, sizeof(number));
	search(agent, m, "&status=new", &pg);
	assert_true(has_number(&pg, number));
	search(agent, m, "&status=closed", &pg);
	assert_int_equal(pg.n, 0);
	search(agent, m, "&status=open&priority=high", &pg);
	assert_true(has_number(&pg, number));
	search(agent, m, "&priority=low", &pg);
	assert_int_equal(pg.n, 0);
	get_queue(agent, "/desk/?status=new", 200, &pg);
	assert_true(pg.n > 0);
	snprintf(path, sizeof(path), "/desk/?status=all&sort=due&assignee=none&channel=phone");
	get_queue(agent, path, 200, NULL);
}

static void
test_queue_invalid_filter_is_400(void **state)
{
	static const char *const bad[] = {
		"/desk/?status=bogus", "/desk/?priority=highest", "/desk/?category=abc",
		"/desk/?category=999999999", "/desk/?assignee=-3", "/desk/?team=1x",
		"/desk/?overdue=yes", "/desk/?flagged=2", "/desk/?channel=fax", "/desk/?sort=random",
		"/desk/?after=abc", "/desk/?sort=due&after=12", "/desk/?sort=priority&after=9_1",
		"/desk/?q=%21%21%21",
	};
	struct http_resp r;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(hc_get(agent, bad[i], &r), 0);
		if (r.status != 400)
			fprintf(stderr, "GET %s: %ld\n", bad[i], r.status);
		assert_int_equal(r.status, 400);
		assert_contains(r.body, "筛选条件无效");
		http_resp_free(&r);
	}
	/* Empty values mean "any", as the filter form sends them. */
	get_queue(agent, "/desk/?q=&status=&priority=&category=&assignee=&team=&channel=", 200,
	    NULL);
}

/* 55 tickets of one marker, priorities in turn. */
static const char *
make_55(void)
{
	static const char *const pri[] = { "urgent", "high", "normal", "low" };
	static char m[48];
	char desc[96];
	int i;

	snprintf(m, sizeof(m), "%s", marker());
	for (i = 0; i < 55; i++) {
		snprintf(desc, sizeof(desc), "洗碗机洗不干净 %s", m);
		(void)desk_new(desc, pri[i % 4], NULL);
	}
	return m;
}

static int
priority_rank(const char *p)
{
	return strcmp(p, "urgent") == 0 ? 3 : strcmp(p, "high") == 0 ? 2 :
	    strcmp(p, "normal") == 0 ? 1 : 0;
}

/* Two pages of the search for m in sort order sort: 50 + 5 rows, all
 * distinct, the next link only on the first page. */
static void
check_two_pages(const char *m, const char *sort)
{
	struct qpage p1, p2;
	char extra[64];
	size_t i, j;

	snprintf(extra, sizeof(extra), "&sort=%s", sort);
	search(agent, m, extra, &p1);
	assert_int_equal(p1.n, PAGE_ROWS);
	assert_true(p1.next[0] != '\0');
	assert_non_null(strstr(p1.next, "after="));
	assert_non_null(strstr(p1.next, sort));
	get_queue(agent, p1.next, 200, &p2);
	assert_int_equal(p2.n, 5);
	assert_true(p2.next[0] == '\0');
	for (i = 0; i < p2.n; i++)
		for (j = 0; j < p1.n; j++)
			assert_true(p2.rows[i].id != p1.rows[j].id);
	for (i = 1; i < p1.n; i++) {
		if (strcmp(sort, "newest") == 0)
			assert_true(p1.rows[i].id < p1.rows[i - 1].id);
		else if (strcmp(sort, "oldest") == 0)
			assert_true(p1.rows[i].id > p1.rows[i - 1].id);
		else if (strcmp(sort, "priority") == 0)
			assert_true(priority_rank(p1.rows[i].priority) <=
			    priority_rank(p1.rows[i - 1].priority));
	}
	if (strcmp(sort, "priority") == 0)
		assert_true(priority_rank(p2.rows[0].priority) <=
		    priority_rank(p1.rows[p1.n - 1].priority));
}

static void
test_queue_keyset_pages_are_distinct(void **state)
{
	const char *m = make_55();

	check_two_pages(m, "newest");
	check_two_pages(m, "oldest");
	check_two_pages(m, "due");
	check_two_pages(m, "priority");
}

/* The ids of pg's rows that are among want[0..n), in page order, into
 * got; returns how many. */
static size_t
rows_among(const struct qpage *pg, const long long *want, size_t n, long long *got)
{
	size_t i, k, m = 0;

	for (i = 0; i < pg->n; i++)
		for (k = 0; k < n; k++)
			if (pg->rows[i].id == want[k])
				got[m++] = pg->rows[i].id;
	return m;
}

/* The first n rows of pg are exactly the tickets want[0..n), in order. */
static void
assert_first_rows(const struct qpage *pg, const long long *want, size_t n)
{
	size_t i;

	assert_true(pg->n >= n);
	for (i = 0; i < n; i++)
		if (pg->rows[i].id != want[i])
			fail_msg("row %zu: ticket %lld, expected %lld", i, pg->rows[i].id, want[i]);
}

/* sort=due lists the tickets due soonest first, ties by id, across open
 * statuses (each read on its own, then merged) and in search results;
 * flagged=1 keeps that order for the flagged ones only. Four tickets get
 * due times (straight in the database) before every other ticket's, so
 * they must be the page's first rows: B (1 h), D (1 h, after B by id),
 * C (2 h), A (3 h) after a base a day before the earliest due time. */
static void
test_queue_sort_by_due_time_orders_rows(void **state)
{
	static const char *const status[4] = { "new", "accepted", "waiting_parts", "new" };
	static const int hours[4] = { 3, 1, 2, 1 };             /* A B C D */
	char m[48], desc[96], sql[256], *v;
	long long id[4], want[4], got[4], base;
	struct qpage pg;
	size_t i;

	snprintf(m, sizeof(m), "%s", marker());
	for (i = 0; i < 4; i++) {
		snprintf(desc, sizeof(desc), "烤箱温度不准 %s", m);
		id[i] = desk_new(desc, "normal", NULL);
	}
	v = stack_sql_value("SELECT UNIX_TIMESTAMP(LEAST(COALESCE(MIN(resolve_due),"
	    " UTC_TIMESTAMP()), UTC_TIMESTAMP())) - 86400 FROM tickets");
	assert_non_null(v);
	base = strtoll(v, NULL, 10);
	free(v);
	for (i = 0; i < 4; i++) {
		snprintf(sql, sizeof(sql), "UPDATE tickets SET status = '%s', flagged = %d,"
		    " resolve_due = FROM_UNIXTIME(%lld) WHERE id = %lld", status[i], i != 3,
		    base + hours[i] * 3600LL, id[i]);
		assert_int_equal(stack_sql(sql), 0);
	}
	want[0] = id[1];
	want[1] = id[3];
	want[2] = id[2];
	want[3] = id[0];
	/* The open queue: each status read by due time, merged. */
	get_queue(agent, "/desk/?sort=due", 200, &pg);
	assert_first_rows(&pg, want, 4);
	get_queue(agent, "/desk/?sort=due&status=all", 200, &pg);
	assert_first_rows(&pg, want, 4);
	/* A search for their marker (its own query). */
	search(agent, m, "&sort=due&status=all", &pg);
	assert_int_equal(pg.n, 4);
	assert_first_rows(&pg, want, 4);
	/* Flagged only: B, C, A (D is not flagged). */
	want[1] = id[2];
	want[2] = id[0];
	get_queue(agent, "/desk/?sort=due&flagged=1", 200, &pg);
	assert_first_rows(&pg, want, 3);
	assert_int_equal(rows_among(&pg, id, 4, got), 3);
	search(agent, m, "&sort=due&flagged=1&status=all", &pg);
	assert_int_equal(pg.n, 3);
	assert_first_rows(&pg, want, 3);
	/* Newest first is not due order: the same rows come by id. */
	search(agent, m, "&sort=newest&status=all", &pg);
	assert_int_equal(pg.n, 4);
	for (i = 0; i < 4; i++)
		assert_int_equal(pg.rows[i].id, id[3 - i]);
}

/* --- /desk/new ----------------------------------------------------------- */

static void
test_new_valid_redirects_to_ticket(void **state)
{
	const char *m = marker();
	char desc[96];
	struct qpage pg;
	long long id;

	snprintf(desc, sizeof(desc), "微波炉不加热 %s", m);
	id = desk_new(desc, "urgent", NULL);
	search(agent, m, NULL, &pg);
	assert_int_equal(pg.n, 1);
	assert_int_equal(pg.rows[0].id, id);
	assert_string_equal(pg.rows[0].priority, "urgent");
}

static void
test_new_with_auto_dispatch_redirects(void **state)
{
	struct http_resp r;
	char body[1024], tok[65], csrf[80];
	long long cat = new_form(csrf, sizeof(csrf));

	new_form_token(tok);
	snprintf(body, sizeof(body), "csrf=%s&form_token=%s&channel=wechat&priority=normal"
	    "&name=Li&phone=13700137000&category=%lld&description=%s&auto_dispatch=1",
	    csrf, tok, cat, marker());
	assert_int_equal(hc_post_form(agent, "/desk/new", body, &r), 0);
	assert_int_equal(r.status, 303);
	assert_non_null(strstr(r.headers, "Location: /desk/tickets/"));
	http_resp_free(&r);
}

static void
test_new_invalid_is_422_with_messages(void **state)
{
	struct http_resp r;
	struct qpage pg;
	char body[1024], tok[65], csrf[80], *v;
	const char *m = marker();

	(void)new_form(csrf, sizeof(csrf));
	new_form_token(tok);
	snprintf(body, sizeof(body), "csrf=%s&form_token=%s&channel=fax&priority=normal"
	    "&name=&phone=abc&email=x%%40&category=0&description=%s", csrf, tok, m);
	assert_int_equal(hc_post_form(agent, "/desk/new", body, &r), 0);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"name-err\"");
	assert_contains(r.body, "id=\"phone-err\"");
	assert_contains(r.body, "id=\"email-err\"");
	assert_contains(r.body, "id=\"category-err\"");
	assert_contains(r.body, "id=\"channel-err\"");
	assert_contains(r.body, "请填写 11 位手机号码");
	assert_contains(r.body, m);                        /* the description is kept */
	v = html_input_value(r.body, "form_token");
	assert_non_null(v);
	assert_string_equal(v, tok);                       /* and so is the token */
	free(v);
	assert_not_contains(r.body, "id=\"description-err\"");
	http_resp_free(&r);
	search(agent, m, "&status=all", &pg);
	assert_int_equal(pg.n, 0);                         /* nothing was saved */
}

static void
test_new_without_csrf_is_403(void **state)
{
	struct http_resp r;
	char body[512], tok[65], *before;
	long long cat;
	char csrf[80];

	cat = new_form(csrf, sizeof(csrf));
	new_form_token(tok);
	snprintf(body, sizeof(body), "form_token=%s&channel=phone&priority=normal&name=Li"
	    "&phone=13700137000&category=%lld&description=%s", tok, cat, marker());
	before = tables_checksum("tickets, ticket_events");
	assert_int_equal(hc_post_form(agent, "/desk/new", body, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_tables_unchanged("tickets, ticket_events", before);
}

static void
test_new_technician_is_forbidden(void **state)
{
	struct http_resp r;

	assert_int_equal(hc_get(tech, "/desk/new", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	get_queue(viewer, "/desk/new", 403, NULL);
}

static void
test_new_same_form_token_same_ticket(void **state)
{
	const char *m = marker();
	char desc[96], tok[65];
	struct qpage pg;
	long long a, b;

	new_form_token(tok);
	snprintf(desc, sizeof(desc), "油烟机吸力变小 %s", m);
	a = desk_new(desc, "normal", tok);
	b = desk_new(desc, "normal", tok);
	assert_int_equal(a, b);
	search(agent, m, "&status=all", &pg);
	assert_int_equal(pg.n, 1);
}

static int
group_setup(void **state)
{
	char *c;

	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	agent = staff("agent");
	tech = staff("tech");
	viewer = staff("viewer");
	c = hc_csrf(agent, "/desk/new");
	assert_non_null(c);
	snprintf(agent_csrf, sizeof(agent_csrf), "%s", c);
	free(c);
	return 0;
}

static int
group_teardown(void **state)
{
	hc_free(agent);
	hc_free(tech);
	hc_free(viewer);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_queue_anonymous_is_sent_to_login),
		cmocka_unit_test(test_queue_viewer_is_forbidden),
		cmocka_unit_test(test_queue_agent_sees_repair_ticket),
		cmocka_unit_test(test_queue_number_search_finds_a_resolved_ticket),
		cmocka_unit_test(test_queue_technician_sees_only_own),
		cmocka_unit_test(test_queue_technician_cannot_ask_for_others),
		cmocka_unit_test(test_queue_search_finds_chinese_bigram),
		cmocka_unit_test(test_queue_search_by_number_and_phone),
		cmocka_unit_test(test_queue_filter_by_status),
		cmocka_unit_test(test_queue_invalid_filter_is_400),
		cmocka_unit_test(test_queue_keyset_pages_are_distinct),
		cmocka_unit_test(test_queue_sort_by_due_time_orders_rows),
		cmocka_unit_test(test_new_valid_redirects_to_ticket),
		cmocka_unit_test(test_new_with_auto_dispatch_redirects),
		cmocka_unit_test(test_new_invalid_is_422_with_messages),
		cmocka_unit_test(test_new_without_csrf_is_403),
		cmocka_unit_test(test_new_technician_is_forbidden),
		cmocka_unit_test(test_new_same_form_token_same_ticket),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
