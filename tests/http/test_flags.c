/* HTTP tests of the complaint early warning as the desk shows it: the
 * badge and the flagged filter of the queue (GET /desk/) and the warning
 * card of the ticket page (GET /desk/tickets/<id>). Tickets come through
 * the public repair form; a description with 投诉 (a seeded keyword rule
 * that raises to high) is flagged, one without a keyword is not. Each
 * carries a marker word unique to the run, so a search for it finds
 * exactly that ticket. Staff are the demo users of `sl-cli demo`. */
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

#define PASSWORD "demo1234"
#define FLAG_BADGE "<span class=\"badge q-flag\">"

static struct hc *agent, *tech;
static unsigned   serial;

/* A ticket of this run: its id and number (as the queue lists it). */
struct tk {
	long long id;
	char      number[32];
};

/* One flagged and one plain ticket, created once for the whole group. */
static struct tk flagged_tk, plain_tk;

/* A word unique to this run and call (into out). */
static void
marker(char *out, size_t cap)
{
	snprintf(out, cap, "fm%lx%xx%uz", (long)time(NULL), (unsigned)getpid() & 0xffff,
	    ++serial);
}

static struct hc *
staff(const char *login)
{
	struct hc *h = hc_new();

	assert_int_equal(hc_login(h, login, PASSWORD), 303);
	return h;
}

/* GET path as h; the status must be want; the body is returned in r. */
static void
get_page(struct hc *h, const char *path, long want, struct http_resp *r)
{
	assert_int_equal(hc_get(h, path, r), 0);
	if (r->status != want)
		fprintf(stderr, "GET %s: %ld\n", path, r->status);
	assert_int_equal(r->status, want);
}

/* The queue row (<tr> ... </tr>) of ticket id in html, malloc'ed, or NULL
 * when the page does not list it. */
static char *
queue_row(const char *html, long long id)
{
	char link[64];
	const char *p, *start, *end;
	char *row;

	snprintf(link, sizeof(link), "href=\"/desk/tickets/%lld\"", id);
	if ((p = strstr(html, link)) == NULL)
		return NULL;
	for (start = p; start > html && strncmp(start, "<tr", 3) != 0; start--)
		;
	if ((end = strstr(p, "</tr>")) == NULL)
		return NULL;
	row = malloc((size_t)(end - start) + 1);
	assert_non_null(row);
	memcpy(row, start, (size_t)(end - start));
	row[end - start] = '\0';
	return row;
}

/* A ticket with description text + a fresh marker, found by the agent's
 * search for the marker (exactly one row). */
static void
make_ticket(const char *text, struct tk *t)
{
	char m[48], desc[256], path[128];
	struct http_resp r;
	const char *a;

	marker(m, sizeof(m));
	snprintf(desc, sizeof(desc), "%s %s", text, m);
	free(hc_repair_ticket(desc));
	snprintf(path, sizeof(path), "/desk/?status=all&q=%s", m);
	get_page(agent, path, 200, &r);
	assert_non_null(a = strstr(r.body, "href=\"/desk/tickets/"));
	t->id = strtoll(a + 20, NULL, 10);
	assert_true(t->id > 0);
	assert_int_equal(sscanf(strchr(a, '>') + 1, "%31[^<]", t->number), 1);
	assert_null(strstr(a + 1, "href=\"/desk/tickets/"));
	http_resp_free(&r);
}

static void
test_flags_queue_shows_badge_with_phrase(void **state)
{
	struct http_resp r;
	char *row;

	(void)state;
	get_page(agent, "/desk/", 200, &r);
	row = queue_row(r.body, flagged_tk.id);
	assert_non_null(row);
	assert_contains(row, FLAG_BADGE "预警</span>");
	assert_contains(row, "<small class=\"q-flag-words\">");
	assert_contains(row, "投诉</small>");
	assert_contains(row, "badge pr-high");
	free(row);
	row = queue_row(r.body, plain_tk.id);
	assert_non_null(row);
	assert_not_contains(row, FLAG_BADGE);
	free(row);
	/* The summary links to the flagged ones. */
	assert_contains(r.body, "href=\"/desk/?flagged=1\"");
	http_resp_free(&r);
}

static void
test_flags_filter_lists_only_flagged(void **state)
{
	struct http_resp r;
	char *row;

	(void)state;
	get_page(agent, "/desk/?flagged=1", 200, &r);
	assert_non_null(row = queue_row(r.body, flagged_tk.id));
	free(row);
	assert_null(queue_row(r.body, plain_tk.id));
	assert_contains(r.body, "name=\"flagged\" value=\"1\" checked");
	assert_contains(r.body, "aria-current=\"true\"><span class=\"badge q-flag\">");
	http_resp_free(&r);
	/* The same with the other filters and orders; 0 is "any". */
	get_page(agent, "/desk/?flagged=1&status=all&sort=priority&priority=high", 200, &r);
	assert_non_null(row = queue_row(r.body, flagged_tk.id));
	free(row);
	assert_null(queue_row(r.body, plain_tk.id));
	http_resp_free(&r);
	get_page(agent, "/desk/?flagged=1&sort=oldest&status=new", 200, &r);
	assert_null(queue_row(r.body, plain_tk.id));
	http_resp_free(&r);
	get_page(agent, "/desk/?flagged=0", 200, &r);
	assert_non_null(row = queue_row(r.body, plain_tk.id));
	free(row);
	http_resp_free(&r);
}

static void
test_flags_filter_with_search(void **state)
{
	char path[160];
	struct http_resp r;
	char *row;

	(void)state;
	snprintf(path, sizeof(path), "/desk/?flagged=1&q=%s", flagged_tk.number);
	get_page(agent, path, 200, &r);
	assert_non_null(row = queue_row(r.body, flagged_tk.id));
	free(row);
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/desk/?flagged=1&q=%s", plain_tk.number);
	get_page(agent, path, 200, &r);
	assert_null(queue_row(r.body, plain_tk.id));
	assert_contains(r.body, "没有符合条件的工单");
	http_resp_free(&r);
}

static void
test_flags_filter_invalid_is_400(void **state)
{
	static const char *const bad[] = {
		"/desk/?flagged=2", "/desk/?flagged=yes", "/desk/?flagged=-1", "/desk/?flagged=01",
	};
	struct http_resp r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		get_page(agent, bad[i], 400, &r);
		assert_contains(r.body, "筛选条件无效");
		assert_contains(r.body, "(flagged)");
		http_resp_free(&r);
	}
}

static void
test_flags_technician_sees_only_own_flagged(void **state)
{
	struct http_resp r;

	(void)state;
	/* The flagged ticket is not assigned to them. */
	get_page(tech, "/desk/?flagged=1", 200, &r);
	assert_null(queue_row(r.body, flagged_tk.id));
	http_resp_free(&r);
}

static void
test_flags_ticket_page_shows_warning_card(void **state)
{
	char path[64];
	struct http_resp r;
	const char *card, *end;

	(void)state;
	snprintf(path, sizeof(path), "/desk/tickets/%lld", flagged_tk.id);
	get_page(agent, path, 200, &r);
	assert_non_null(card = strstr(r.body, "class=\"card note bad tk-flags\""));
	assert_non_null(end = strstr(card, "</section>"));
	assert_true(strstr(card, "<b>投诉</b>") != NULL && strstr(card, "<b>投诉</b>") < end);
	assert_true(strstr(card, "工单描述") != NULL && strstr(card, "工单描述") < end);
	assert_true(strstr(card, "<time>20") != NULL && strstr(card, "<time>20") < end);
	/* Near the top: before the customer card. */
	assert_true(card < strstr(r.body, "id=\"h-cust\""));
	assert_contains(r.body, "<span class=\"badge pr pr-high\">");
	http_resp_free(&r);
}

static void
test_flags_ticket_page_plain_has_no_card(void **state)
{
	char path[64];
	struct http_resp r;

	(void)state;
	snprintf(path, sizeof(path), "/desk/tickets/%lld", plain_tk.id);
	get_page(agent, path, 200, &r);
	assert_not_contains(r.body, "tk-flags");
	assert_not_contains(r.body, "<span class=\"badge pr pr-high\">");
	http_resp_free(&r);
}

/* Seconds from creation to a due time (column col) of ticket id. */
static long long
due_after_creation(long long id, const char *col)
{
	char sql[256], *v;
	long long secs;

	snprintf(sql, sizeof(sql), "SELECT UNIX_TIMESTAMP(%s) - UNIX_TIMESTAMP(created_at)"
	    " FROM tickets WHERE id = %lld", col, id);
	assert_non_null(v = stack_sql_value(sql));
	secs = strtoll(v, NULL, 10);
	free(v);
	return secs;
}

/* A keyword rule's raise to high sets the due times of the high policy,
 * the same as an agent's change to high of a ticket made alongside. */
static void
test_flags_raise_recomputes_due_times(void **state)
{
	static const char *const cols[] = { "resolve_due", "first_response_due" };
	struct tk by_agent;
	char path[64], sql[128], body[256], *csrf, *version;
	struct http_resp r;
	long long got, want, plain;
	size_t i;

	(void)state;
	make_ticket("空调外机噪音很大,请尽快上门", &by_agent);
	snprintf(path, sizeof(path), "/desk/tickets/%lld", by_agent.id);
	snprintf(sql, sizeof(sql), "SELECT version FROM tickets WHERE id = %lld", by_agent.id);
	assert_non_null(version = stack_sql_value(sql));
	assert_non_null(csrf = hc_csrf(agent, path));
	snprintf(body, sizeof(body), "csrf=%s&version=%s&priority=high", csrf, version);
	snprintf(path, sizeof(path), "/desk/tickets/%lld/priority", by_agent.id);
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	free(csrf);
	free(version);
	for (i = 0; i < 2; i++) {
		got = due_after_creation(flagged_tk.id, cols[i]);
		want = due_after_creation(by_agent.id, cols[i]);
		plain = due_after_creation(plain_tk.id, cols[i]);
		/* The tickets were made seconds apart: business time may start
		 * at the next opening for one and not the other, hence a
		 * minute's slack; the normal policy is hours slacker. */
		if (got < want - 60 || got > want + 60 || got >= plain)
			fprintf(stderr, "%s: raised %lld s, agent's high %lld s, normal %lld s\n",
			    cols[i], got, want, plain);
		assert_true(got >= want - 60 && got <= want + 60);
		assert_true(got < plain);
	}
}

static int
group_setup(void **state)
{
	(void)state;
	agent = staff("agent");
	tech = staff("tech");
	make_ticket("空调外机噪音很大,再修不好我就投诉", &flagged_tk);
	make_ticket("空调外机噪音很大,请尽快上门", &plain_tk);
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	hc_free(agent);
	hc_free(tech);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flags_queue_shows_badge_with_phrase),
		cmocka_unit_test(test_flags_filter_lists_only_flagged),
		cmocka_unit_test(test_flags_filter_with_search),
		cmocka_unit_test(test_flags_filter_invalid_is_400),
		cmocka_unit_test(test_flags_technician_sees_only_own_flagged),
		cmocka_unit_test(test_flags_ticket_page_shows_warning_card),
		cmocka_unit_test(test_flags_ticket_page_plain_has_no_card),
		cmocka_unit_test(test_flags_raise_recomputes_due_times),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
