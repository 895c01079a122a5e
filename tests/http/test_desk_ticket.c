/* HTTP tests of the desk's ticket pages: GET /desk/tickets/<id>, its actions
 * (status, assign, dispatch, priority, reply, visit), GET /desk/attachments/<id>
 * and GET /desk/my. Everything goes through the public HTTP interface of
 * the test stack ($SL_TEST_URL): tickets are created by the public repair
 * form, and the staff are the demo users of `sl-cli demo` (password
 * demo1234; technicians 张师傅 Zhang = tech and 陈师傅 Chen = tech2).
 *
 * A ticket's id is found by its number: through the queue's search
 * (/desk/?q=<number>) when the queue is there, else by walking the ticket
 * ids upwards (ids only grow) until the page with that number. */
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

#include "harness.h"

#define PASSWORD     "demo1234"
#define TECH_LABEL   "张师傅 Zhang"
#define TECH2_LABEL  "陈师傅 Chen"
#define CONFLICT_MSG "该工单已被其他人修改"
#define MAX_ID_MISSES 300

/* A 2x2 PNG (checked by content at upload). */
static const char png_2x2[] =
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02"
    "\x00\x00\x00\x02\x08\x02\x00\x00\x00\xfd\xd4\x9a\x73\x00\x00\x00\x10\x49\x44\x41"
    "\x54\x78\x9c\x63\xe0\xce\xf3\x07\x22\x06\x08\x05\x00\x14\xde\x03\x21\xca\x7b\x63"
    "\x9c\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

struct tk {
	long long id;
	char      number[32];
	char      code[64];
};

static struct hc *agent;        /* signed in for the whole run */
static long long  last_id;      /* the highest ticket id found so far */
static unsigned   serial;       /* makes texts of this run unique */

static void
assert_header(const struct http_resp *r, const char *name, const char *want)
{
	char *v = http_header(r, name);

	if (v == NULL || strstr(v, want) == NULL) {
		fprintf(stderr, "header %s: got '%s', want '%s'\n", name, v ? v : "(none)", want);
		free(v);
		fail();
	}
	free(v);
}

static const char *
unique(const char *prefix)
{
	static char buf[128];

	snprintf(buf, sizeof(buf), "%s-%ld-%u", prefix, (long)time(NULL), ++serial);
	return buf;
}

static struct hc *
staff(const char *login)
{
	struct hc *h = hc_new();

	assert_int_equal(hc_login(h, login, PASSWORD), 303);
	return h;
}

/* The value of the <option> whose label starts with label, or 0. */
static long long
option_for_label(const char *html, const char *label)
{
	const char *p, *tag, *v;

	/* The label as an option's text (it also shows in the facts and the
	 * timeline once assigned). */
	for (p = html; (p = strstr(p, label)) != NULL; p++) {
		for (tag = p; tag > html && *tag != '<'; tag--)
			;
		if (strncmp(tag, "<option ", 8) != 0 || (v = strstr(tag, "value=\"")) == NULL ||
		    v > p)
			continue;
		return strtoll(v + 7, NULL, 10);
	}
	return 0;
}

/* "R-YYYYMMDD-NNNN" of a page into out. */
static int
find_number(const char *html, char *out, size_t cap)
{
	const char *p;
	size_t n;

	for (p = html; (p = strstr(p, "R-")) != NULL; p += 2) {
		for (n = 2; n < 10 && isdigit((unsigned char)p[n]); n++)
			;
		if (n != 10 || p[10] != '-' || !isdigit((unsigned char)p[11]))
			continue;
		for (n = 11; isdigit((unsigned char)p[n]); n++)
			;
		if (n >= cap)
			return -1;
		memcpy(out, p, n);
		out[n] = '\0';
		return 0;
	}
	return -1;
}

/* 1 when /desk/tickets/id is the ticket with this number (for the agent). */
static int
is_ticket(long long id, const char *number, long *status)
{
	struct http_resp r;
	char path[64];
	int yes;

	snprintf(path, sizeof(path), "/desk/tickets/%lld", id);
	assert_int_equal(hc_get(agent, path, &r), 0);
	*status = r.status;
	yes = r.status == 200 && strstr(r.body, number) != NULL;
	http_resp_free(&r);
	return yes;
}

/* The ticket id through the queue's search, or 0. */
static long long
id_by_queue(const char *number)
{
	struct http_resp r;
	char path[128];
	const char *p;
	long long id = 0;
	long st;

	snprintf(path, sizeof(path), "/desk/?q=%s", number);
	if (hc_get(agent, path, &r) != 0)
		return 0;
	for (p = r.body; r.status == 200 && (p = strstr(p, "/desk/tickets/")) != NULL; p++) {
		long long cand = strtoll(p + 14, NULL, 10);
		if (cand > 0 && is_ticket(cand, number, &st)) {
			id = cand;
			break;
		}
	}
	http_resp_free(&r);
	return id;
}

static long long
find_ticket_id(const char *number)
{
	long long id = id_by_queue(number);
	int misses = 0;
	long st;

	if (id > 0)
		return id;
	for (id = last_id + 1; misses < MAX_ID_MISSES; id++) {
		if (is_ticket(id, number, &st)) {
			last_id = id;
			return id;
		}
		misses = st == 404 ? misses + 1 : 0;
	}
	fail_msg("no ticket id found for %s", number);
	return 0;
}

/* A new ticket through the public repair form (with a PNG when photo). */
static void
create_ticket(const char *description, int photo, struct tk *t)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf, *token, *loc, cat[24];
	struct hc_part parts[10];
	size_t n = 0;

	assert_int_equal(hc_get(h, "/repair", &r), 0);
	assert_int_equal(r.status, 200);
	csrf = html_input_value(r.body, "csrf");
	token = html_input_value(r.body, "form_token");
	snprintf(cat, sizeof(cat), "%lld", html_first_numeric_option(r.body));
	http_resp_free(&r);
	assert_non_null(csrf);
	assert_non_null(token);
	parts[n++] = (struct hc_part){ "csrf", csrf, 0, NULL, NULL };
	parts[n++] = (struct hc_part){ "form_token", token, 0, NULL, NULL };
	parts[n++] = (struct hc_part){ "name", "测试客户", 0, NULL, NULL };
	parts[n++] = (struct hc_part){ "phone", "+86 138 0013 8000", 0, NULL, NULL };
	parts[n++] = (struct hc_part){ "category", cat, 0, NULL, NULL };
	parts[n++] = (struct hc_part){ "product", "KFR-35GW", 0, NULL, NULL };
	parts[n++] = (struct hc_part){ "address", "上海市浦东新区世纪大道 100 号", 0, NULL, NULL };
	parts[n++] = (struct hc_part){ "description", description, 0, NULL, NULL };
	if (photo)
		parts[n++] = (struct hc_part){ "photo", png_2x2, sizeof(png_2x2) - 1, "机身.png",
		    "image/png" };
	assert_int_equal(hc_post_multipart(h, "/repair", parts, n, &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	http_resp_free(&r);
	assert_non_null(loc);
	assert_non_null(strstr(loc, "/track/"));
	snprintf(t->code, sizeof(t->code), "%s", strstr(loc, "/track/") + 7);
	assert_int_equal(hc_get(h, strstr(loc, "/track/"), &r), 0);
	assert_int_equal(r.status, 200);
	assert_int_equal(find_number(r.body, t->number, sizeof(t->number)), 0);
	http_resp_free(&r);
	t->id = find_ticket_id(t->number);
	free(csrf);
	free(token);
	free(loc);
	hc_free(h);
}

static void
ticket_path(char *out, size_t cap, const struct tk *t, const char *action)
{
	snprintf(out, cap, "/desk/tickets/%lld%s%s", t->id, action ? "/" : "", action ? action : "");
}

/* GET the ticket page as h into r. */
static void
get_ticket(struct hc *h, const struct tk *t, struct http_resp *r)
{
	char path[96];

	ticket_path(path, sizeof(path), t, NULL);
	assert_int_equal(hc_get(h, path, r), 0);
}

/* The version field of the ticket page as the agent sees it. */
static long long
ticket_version(const struct tk *t)
{
	struct http_resp r;
	char *v;
	long long n;

	get_ticket(agent, t, &r);
	assert_int_equal(r.status, 200);
	v = html_input_value(r.body, "version");
	assert_non_null(v);
	n = strtoll(v, NULL, 10);
	free(v);
	http_resp_free(&r);
	return n;
}

/* POST fields (urlencoded, without csrf) to the ticket's action as h;
 * the csrf token is taken from h's own view of the ticket page. */
static void
post_action(struct hc *h, const struct tk *t, const char *action, const char *fields,
    struct http_resp *r)
{
	char path[96], body[4096], *csrf;

	ticket_path(path, sizeof(path), t, NULL);
	csrf = hc_csrf(h, path);
	assert_non_null(csrf);
	ticket_path(path, sizeof(path), t, action);
	snprintf(body, sizeof(body), "csrf=%s&%s", csrf, fields);
	free(csrf);
	assert_int_equal(hc_post_form(h, path, body, r), 0);
}

/* POST and expect 303 back to the ticket. */
static void
post_ok(struct hc *h, const struct tk *t, const char *action, const char *fields)
{
	struct http_resp r;
	char want[96], *loc;

	post_action(h, t, action, fields, &r);
	if (r.status != 303)
		fprintf(stderr, "POST %s: %ld\n%s\n", action, r.status, r.body);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	ticket_path(want, sizeof(want), t, NULL);
	assert_non_null(loc);
	/* Back to the ticket, with the confirmation key and the card's anchor. */
	assert_int_equal(strncmp(loc, want, strlen(want)), 0);
	assert_int_equal(strncmp(loc + strlen(want), "?done=", 6), 0);
	assert_non_null(strchr(loc, '#'));
	free(loc);
	http_resp_free(&r);
}

/* The user id of the technician whose option label starts with label. */
static long long
assignee_id(const struct tk *t, const char *label)
{
	struct http_resp r;
	long long id;

	get_ticket(agent, t, &r);
	id = option_for_label(r.body, label);
	http_resp_free(&r);
	assert_true(id > 0);
	return id;
}

static void
assign_to(const struct tk *t, const char *label)
{
	char fields[128];

	snprintf(fields, sizeof(fields), "version=%lld&assignee=%lld&team=", ticket_version(t),
	    assignee_id(t, label));
	post_ok(agent, t, "assign", fields);
}

static void
assert_status(const struct tk *t, const char *status)
{
	struct http_resp r;
	char want[64];

	get_ticket(agent, t, &r);
	assert_int_equal(r.status, 200);
	snprintf(want, sizeof(want), "badge st st-%s\"", status);
	assert_contains(r.body, want);
	http_resp_free(&r);
}

/* The track page of the customer into r. */
static void
get_track(const struct tk *t, struct http_resp *r)
{
	struct hc *h = hc_new();
	char path[96];

	snprintf(path, sizeof(path), "/track/%s", t->code);
	assert_int_equal(hc_get(h, path, r), 0);
	assert_int_equal(r->status, 200);
	hc_free(h);
}

/* The condition naming t's row for the harness's ticket_snapshot. */
static const char *
where_id(const struct tk *t, char *buf, size_t cap)
{
	snprintf(buf, cap, "t.id = %lld", t->id);
	return buf;
}

/* --- access ------------------------------------------------------------------ */

static void
test_anonymous_is_sent_to_login(void **state)
{
	struct tk *t = *state;
	struct hc *h = hc_new();
	struct http_resp r;
	char *loc;

	get_ticket(h, t, &r);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	assert_non_null(strstr(loc, "/login?next="));
	free(loc);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_viewer_is_forbidden(void **state)
{
	struct hc *h = staff("viewer");
	struct http_resp r;

	get_ticket(h, *state, &r);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_agent_opens_ticket_with_its_details(void **state)
{
	struct tk *t = *state;
	struct http_resp r;

	get_ticket(agent, t, &r);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, t->number);
	assert_contains(r.body, "测试客户");
	assert_contains(r.body, "href=\"tel:+8613800138000\"");
	assert_contains(r.body, "KFR-35GW");
	assert_contains(r.body, "badge st st-new\"");
	assert_contains(r.body, "action=\"/desk/tickets/");
	assert_contains(r.body, "name=\"version\" value=\"");
	http_resp_free(&r);
}

static void
test_unknown_or_malformed_id_is_404(void **state)
{
	static const char *const paths[] = {
		"/desk/tickets/999999999", "/desk/tickets/0", "/desk/tickets/-1",
		"/desk/tickets/abc", "/desk/tickets/1x", "/desk/tickets/99999999999999999999999",
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

static void
test_technician_gets_404_for_a_ticket_not_assigned_to_them(void **state)
{
	struct tk t;
	struct hc *tech2 = staff("tech2");
	struct http_resp r;

	(void)state;
	create_ticket("技术员不能看别人的工单", 0, &t);
	assign_to(&t, TECH_LABEL);
	get_ticket(tech2, &t, &r);
	assert_int_equal(r.status, 404);
	assert_not_contains(r.body, t.number);
	http_resp_free(&r);
	post_action(tech2, &t, "reply", "body=x&visibility=internal", &r);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	hc_free(tech2);
}

static void
test_technician_opens_a_ticket_assigned_to_them(void **state)
{
	struct tk t;
	struct hc *tech = staff("tech");
	struct http_resp r;

	(void)state;
	create_ticket("技术员打开自己的工单", 0, &t);
	get_ticket(tech, &t, &r);
	assert_int_equal(r.status, 404);          /* not yet assigned */
	http_resp_free(&r);
	assign_to(&t, TECH_LABEL);
	get_ticket(tech, &t, &r);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, t.number);
	assert_contains(r.body, "id=\"visit-arrive\"");
	assert_not_contains(r.body, "/assign\"");  /* no agent forms */
	http_resp_free(&r);
	hc_free(tech);
}

static void
test_technician_cannot_assign(void **state)
{
	struct tk t;
	struct hc *tech = staff("tech");
	struct http_resp r;
	char where[64], *before;

	(void)state;
	create_ticket("技术员不能派工", 0, &t);
	assign_to(&t, TECH_LABEL);
	before = ticket_snapshot(where_id(&t, where, sizeof(where)));
	post_action(tech, &t, "assign", "version=2&assignee=1", &r);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_ticket_unchanged(where, before);
	hc_free(tech);
}

/* --- actions ----------------------------------------------------------------- */

static void
test_assign_redirects_and_shows_assigned(void **state)
{
	struct tk t;
	struct http_resp r;

	(void)state;
	create_ticket("派工后状态为已派工", 0, &t);
	assign_to(&t, TECH_LABEL);
	get_ticket(agent, &t, &r);
	assert_contains(r.body, "badge st st-assigned\"");
	assert_contains(r.body, "<dd class=\"tk-assignee\">" TECH_LABEL);
	http_resp_free(&r);
}

/* The team select of the assign form as a browser would send it: the
 * value of its selected option, or of its first when none is. */
static char *
team_form_value(const char *html)
{
	const char *sel = strstr(html, "id=\"f-team\""), *end, *o;

	assert_non_null(sel);
	assert_non_null(end = strstr(sel, "</select>"));
	o = strstr(sel, " selected");
	if (o == NULL || o > end)
		o = sel;
	else
		while (o > sel && strncmp(o, "<option", 7) != 0)
			o--;
	assert_non_null(o = strstr(o, "<option value=\""));
	o += 15;
	return strndup(o, strcspn(o, "\""));
}

/* Re-assignment by picking only another technician: the ticket takes the
 * new technician's own team (the form does not send the old one back),
 * and the timeline says "改派 A → B" instead of "已派工 → 已派工". */
static void
test_reassign_takes_the_new_technicians_team(void **state)
{
	struct tk t;
	struct http_resp r;
	char fields[160], sql[256], *team, *name;

	(void)state;
	create_ticket("改派给另一位技术员", 0, &t);
	assign_to(&t, TECH_LABEL);
	get_ticket(agent, &t, &r);
	team = team_form_value(r.body);
	http_resp_free(&r);
	assert_string_equal(team, "");
	snprintf(fields, sizeof(fields), "version=%lld&assignee=%lld&team=%s", ticket_version(&t),
	    assignee_id(&t, TECH2_LABEL), team);
	free(team);
	post_ok(agent, &t, "assign", fields);
	snprintf(sql, sizeof(sql), "SELECT m.name FROM tickets t JOIN teams m ON m.id = t.team_id"
	    " WHERE t.id = %lld", t.id);
	assert_non_null(name = stack_sql_value(sql));
	assert_string_equal(name, "华南服务中心");
	free(name);
	get_ticket(agent, &t, &r);
	assert_contains(r.body, "改派");
	assert_contains(r.body, "<span class=\"badge\">" TECH_LABEL "</span> → "
	    "<span class=\"badge\">" TECH2_LABEL "</span>");
	assert_not_contains(r.body, "<span class=\"badge\">已派工</span> → "
	    "<span class=\"badge\">已派工</span>");
	http_resp_free(&r);
}

static void
test_assign_without_anyone_is_422(void **state)
{
	struct tk *t = *state;
	struct http_resp r;
	char fields[64];

	snprintf(fields, sizeof(fields), "version=%lld&assignee=&team=", ticket_version(t));
	post_action(agent, t, "assign", fields, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "请选择技术员或班组。");
	http_resp_free(&r);
}

static void
test_invalid_transition_is_409_and_changes_nothing(void **state)
{
	struct tk t;
	struct http_resp r;
	char fields[64];
	long long v;

	(void)state;
	create_ticket("新建不能直接关闭", 0, &t);
	v = ticket_version(&t);
	snprintf(fields, sizeof(fields), "version=%lld&status=closed", v);
	post_action(agent, &t, "status", fields, &r);
	assert_int_equal(r.status, 409);
	assert_contains(r.body, "当前状态下不能执行这个操作");
	http_resp_free(&r);
	assert_status(&t, "new");
	assert_int_equal(ticket_version(&t), v);
}

static void
test_unknown_status_is_422(void **state)
{
	struct tk *t = *state;
	struct http_resp r;
	char fields[64];

	snprintf(fields, sizeof(fields), "version=%lld&status=bogus", ticket_version(t));
	post_action(agent, t, "status", fields, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "请选择一个新状态。");
	http_resp_free(&r);
}

static void
test_stale_version_is_409_with_reload_link(void **state)
{
	struct tk t;
	struct hc *sup = staff("supervisor");
	struct http_resp r;
	char fields[64], reload[96];
	long long v;

	(void)state;
	create_ticket("两个人同时修改", 0, &t);
	v = ticket_version(&t);   /* both have the page with this version */
	snprintf(fields, sizeof(fields), "version=%lld&status=accepted", v);
	post_ok(agent, &t, "status", fields);
	snprintf(fields, sizeof(fields), "version=%lld&status=cancelled", v);
	post_action(sup, &t, "status", fields, &r);
	assert_int_equal(r.status, 409);
	assert_contains(r.body, CONFLICT_MSG);
	snprintf(reload, sizeof(reload), "href=\"/desk/tickets/%lld\"", t.id);
	assert_contains(r.body, reload);
	http_resp_free(&r);
	assert_status(&t, "accepted");
	hc_free(sup);
}

static void
test_priority_change_is_logged(void **state)
{
	struct tk t;
	struct http_resp r;
	char fields[64];

	(void)state;
	create_ticket("提高优先级", 0, &t);
	snprintf(fields, sizeof(fields), "version=%lld&priority=urgent", ticket_version(&t));
	post_ok(agent, &t, "priority", fields);
	get_ticket(agent, &t, &r);
	assert_contains(r.body, "badge pr pr-urgent\"");
	assert_contains(r.body, "修改优先级");
	http_resp_free(&r);
}

static void
test_public_reply_appears_on_track_page(void **state)
{
	struct tk *t = *state;
	struct http_resp r;
	char fields[256], text[128];

	snprintf(text, sizeof(text), "%s", unique("public-reply"));
	snprintf(fields, sizeof(fields), "version=1&visibility=public&body=%s", text);
	post_ok(agent, t, "reply", fields);
	get_track(t, &r);
	assert_contains(r.body, text);
	http_resp_free(&r);
}

static void
test_internal_note_not_on_track_page(void **state)
{
	struct tk *t = *state;
	struct http_resp r;
	char fields[256], text[128];

	snprintf(text, sizeof(text), "%s", unique("internal-note"));
	snprintf(fields, sizeof(fields), "version=1&visibility=internal&body=%s", text);
	post_ok(agent, t, "reply", fields);
	get_track(t, &r);
	assert_not_contains(r.body, text);
	http_resp_free(&r);
	get_ticket(agent, t, &r);
	assert_contains(r.body, text);              /* the staff see it, marked internal */
	assert_contains(r.body, "tk-ev tk-ev-note is-internal");
	http_resp_free(&r);
}

static void
test_empty_reply_is_422_and_too_long_keeps_text(void **state)
{
	struct tk *t = *state;
	struct http_resp r;
	char *fields = malloc(8000);
	size_t i, n;

	post_action(agent, t, "reply", "visibility=public&body=+++", &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "请填写内容。");
	http_resp_free(&r);
	n = (size_t)sprintf(fields, "visibility=public&body=");
	for (i = 0; i < 4001; i++)
		fields[n++] = 'a';
	fields[n] = '\0';
	post_action(agent, t, "reply", fields, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "内容最多 4000 个字。");
	assert_contains(r.body, "aaaaaaaaaaaaaaaaaaaaaaaa</textarea>");
	assert_contains(r.body, "value=\"public\" checked");
	http_resp_free(&r);
	free(fields);
}

static void
test_technician_arrival_sets_in_progress(void **state)
{
	struct tk t;
	struct hc *tech = staff("tech");
	struct http_resp r;

	(void)state;
	create_ticket("技术员到达现场", 0, &t);
	assign_to(&t, TECH_LABEL);
	post_ok(tech, &t, "visit", "action=arrive");
	assert_status(&t, "in_progress");
	get_ticket(tech, &t, &r);
	assert_contains(r.body, "id=\"visit-finish\"");
	http_resp_free(&r);
	post_action(tech, &t, "visit", "action=arrive", &r);   /* already on site */
	assert_int_equal(r.status, 409);
	http_resp_free(&r);
	hc_free(tech);
}

static void
test_technician_finishes_visit_and_resolves(void **state)
{
	struct tk t;
	struct hc *tech = staff("tech");
	struct http_resp r;
	char *visit, fields[256];

	(void)state;
	create_ticket("技术员解决问题", 0, &t);
	assign_to(&t, TECH_LABEL);
	post_ok(tech, &t, "visit", "action=arrive");
	get_ticket(tech, &t, &r);
	visit = html_input_value(r.body, "visit");
	http_resp_free(&r);
	assert_non_null(visit);
	snprintf(fields, sizeof(fields), "action=finish&visit=%s&notes=%s", visit,
	    "%E6%9B%B4%E6%8D%A2%E7%94%B5%E5%AE%B9");   /* 更换电容 */
	post_ok(tech, &t, "visit", fields);
	free(visit);
	snprintf(fields, sizeof(fields), "version=%lld&status=resolved", ticket_version(&t));
	post_ok(tech, &t, "status", fields);
	assert_status(&t, "resolved");
	get_ticket(agent, &t, &r);
	assert_contains(r.body, "更换电容");
	http_resp_free(&r);
	get_track(&t, &r);
	assert_contains(r.body, "已解决");
	http_resp_free(&r);
	hc_free(tech);
}

/* The milestones of ticket t: "accepted,dispatched,arrived,resolved"
 * each as the time or "-" (malloc'ed). */
static char *
milestones_of(const struct tk *t)
{
	char sql[512], *v;

	snprintf(sql, sizeof(sql), "SELECT CONCAT_WS(',', COALESCE(accepted_at, '-'),"
	    " COALESCE(dispatched_at, '-'), COALESCE(arrived_at, '-'),"
	    " COALESCE(first_resolved_at, '-')) FROM tickets WHERE id = %lld", t->id);
	assert_non_null(v = stack_sql_value(sql));
	return v;
}

/* The n-th (0-based) field of a milestones_of() string is not "-". */
static int
milestone_set(const char *ms, int n)
{
	while (n-- > 0 && (ms = strchr(ms, ',')) != NULL)
		ms++;
	return ms != NULL && *ms != '-';
}

/* Each milestone is set by its event, only the first time: a team-only
 * assignment accepts but does not dispatch; reopening and a second
 * resolution keep the first times (moved an hour back to tell them from
 * a new "now"). */
static void
test_milestones_are_set_once_by_their_events(void **state)
{
	struct tk t;
	struct hc *tech = staff("tech");
	struct http_resp r;
	char fields[128], sql[256], *ms, *team, *before, *visit;

	(void)state;
	create_ticket("里程碑:受理、派工、上门、解决", 0, &t);
	assert_string_equal(ms = milestones_of(&t), "-,-,-,-");
	free(ms);
	assert_non_null(team = stack_sql_value("SELECT MIN(id) FROM teams"));
	snprintf(fields, sizeof(fields), "version=%lld&assignee=&team=%s", ticket_version(&t), team);
	free(team);
	post_ok(agent, &t, "assign", fields);
	ms = milestones_of(&t);
	assert_true(milestone_set(ms, 0) && !milestone_set(ms, 1) && !milestone_set(ms, 2));
	free(ms);
	assign_to(&t, TECH_LABEL);
	ms = milestones_of(&t);
	assert_true(milestone_set(ms, 1) && !milestone_set(ms, 2) && !milestone_set(ms, 3));
	free(ms);
	post_ok(tech, &t, "visit", "action=arrive");
	get_ticket(tech, &t, &r);
	assert_non_null(visit = html_input_value(r.body, "visit"));
	http_resp_free(&r);
	snprintf(fields, sizeof(fields), "action=finish&visit=%s&notes=ok", visit);
	free(visit);
	post_ok(tech, &t, "visit", fields);
	snprintf(fields, sizeof(fields), "version=%lld&status=resolved", ticket_version(&t));
	post_ok(tech, &t, "status", fields);
	ms = milestones_of(&t);
	assert_true(milestone_set(ms, 2) && milestone_set(ms, 3));
	free(ms);
	snprintf(sql, sizeof(sql), "UPDATE tickets SET accepted_at = accepted_at - INTERVAL 1 HOUR,"
	    " dispatched_at = dispatched_at - INTERVAL 1 HOUR, arrived_at = arrived_at -"
	    " INTERVAL 1 HOUR, first_resolved_at = first_resolved_at - INTERVAL 1 HOUR"
	    " WHERE id = %lld", t.id);
	assert_int_equal(stack_sql(sql), 0);
	before = milestones_of(&t);
	snprintf(fields, sizeof(fields), "version=%lld&status=reopened&note=again", ticket_version(&t));
	post_ok(agent, &t, "status", fields);
	assign_to(&t, TECH_LABEL);
	post_ok(tech, &t, "visit", "action=arrive");
	snprintf(fields, sizeof(fields), "version=%lld&status=resolved", ticket_version(&t));
	post_ok(tech, &t, "status", fields);
	assert_string_equal(ms = milestones_of(&t), before);
	free(ms);
	free(before);
	hc_free(tech);
}

static void
test_technician_cannot_cancel(void **state)
{
	struct tk t;
	struct hc *tech = staff("tech");
	struct http_resp r;
	char fields[64], where[64], *before;

	(void)state;
	create_ticket("技术员不能取消工单", 0, &t);
	assign_to(&t, TECH_LABEL);
	before = ticket_snapshot(where_id(&t, where, sizeof(where)));
	snprintf(fields, sizeof(fields), "version=%lld&status=cancelled", ticket_version(&t));
	post_action(tech, &t, "status", fields, &r);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_status(&t, "assigned");
	assert_ticket_unchanged(where, before);
	hc_free(tech);
}

static void
test_post_without_csrf_is_403(void **state)
{
	struct tk *t = *state;
	struct http_resp r;
	char path[96], body[128], where[64], *before;

	before = ticket_snapshot(where_id(t, where, sizeof(where)));
	ticket_path(path, sizeof(path), t, "status");
	snprintf(body, sizeof(body), "version=%lld&status=accepted", ticket_version(t));
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	/* a wrong token is refused the same way */
	snprintf(body, sizeof(body), "csrf=%064d&version=%lld&status=accepted", 0,
	    ticket_version(t));
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_ticket_unchanged(where, before);
}

/* ticket_events is append-only: its triggers refuse UPDATE and DELETE
 * with their own SIGNAL (error 1644, SQLSTATE 45000), and the history
 * stays exactly as it was. */
static void
test_ticket_events_refuse_update_and_delete(void **state)
{
	struct tk t;
	char sql[256], *before, *after;

	(void)state;
	create_ticket("事件记录只增不改", 0, &t);
	post_ok(agent, &t, "reply", "visibility=public&body=%E5%B7%B2%E8%81%94%E7%B3%BB");
	snprintf(sql, sizeof(sql), "SELECT CONCAT(COUNT(*), ':', MD5(GROUP_CONCAT(id, kind,"
	    " actor_kind, at, public, COALESCE(body, '') ORDER BY id)))"
	    " FROM ticket_events WHERE ticket_id = %lld", t.id);
	before = stack_sql_value(sql);
	assert_non_null(before);
	snprintf(sql, sizeof(sql), "UPDATE ticket_events SET body = 'rewritten', public = 1"
	    " WHERE ticket_id = %lld", t.id);
	assert_sql_refused(sql, "ERROR 1644 (45000)", "ticket_events is append-only");
	snprintf(sql, sizeof(sql), "DELETE FROM ticket_events WHERE ticket_id = %lld", t.id);
	assert_sql_refused(sql, "ERROR 1644 (45000)", "ticket_events is append-only");
	snprintf(sql, sizeof(sql), "SELECT CONCAT(COUNT(*), ':', MD5(GROUP_CONCAT(id, kind,"
	    " actor_kind, at, public, COALESCE(body, '') ORDER BY id)))"
	    " FROM ticket_events WHERE ticket_id = %lld", t.id);
	after = stack_sql_value(sql);
	assert_non_null(after);
	assert_string_equal(before, after);
	assert_true(strtoll(before, NULL, 10) >= 2);    /* created + the reply */
	free(before);
	free(after);
}

static void
test_description_is_escaped(void **state)
{
	struct tk t;
	struct http_resp r;

	(void)state;
	create_ticket("不制冷 <script>alert(1)</script> \"引号\"", 0, &t);
	get_ticket(agent, &t, &r);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;");
	assert_not_contains(r.body, "<script>alert(1)");
	http_resp_free(&r);
}

/* --- attachments ------------------------------------------------------------- */

/* The path of the first photo on the ticket page as h sees it. */
static char *
first_photo(struct hc *h, const struct tk *t)
{
	struct http_resp r;
	const char *p;
	char *path;

	get_ticket(h, t, &r);
	assert_int_equal(r.status, 200);
	p = strstr(r.body, "<img src=\"/desk/attachments/");
	assert_non_null(p);
	path = strndup(p + 10, strcspn(p + 10, "\""));
	http_resp_free(&r);
	return path;
}

/* A PNG of w x h pixels by its signature and IHDR (as re-encoded at upload). */
static void
assert_png_of(const struct http_resp *r, unsigned w, unsigned h)
{
	const unsigned char *b = (const unsigned char *)r->body;

	assert_true(r->len > 24);
	assert_memory_equal(b, "\x89PNG\r\n\x1a\n", 8);
	assert_memory_equal(b + 12, "IHDR", 4);
	assert_int_equal((unsigned)b[16] << 24 | (unsigned)b[17] << 16 | b[18] << 8 | b[19], w);
	assert_int_equal((unsigned)b[20] << 24 | (unsigned)b[21] << 16 | b[22] << 8 | b[23], h);
}

static void
test_attachment_is_served_to_staff_as_image(void **state)
{
	struct tk t;
	struct http_resp r;
	char *thumb, *full, *disp;

	(void)state;
	create_ticket("附带一张照片", 1, &t);
	thumb = first_photo(agent, &t);             /* the page shows the thumbnail */
	assert_non_null(strstr(thumb, "/thumb"));
	full = strndup(thumb, strlen(thumb) - strlen("/thumb"));
	assert_int_equal(hc_get(agent, thumb, &r), 0);
	assert_int_equal(r.status, 200);
	assert_header(&r, "Content-Type", "image/png");
	assert_header(&r, "X-Content-Type-Options", "nosniff");
	assert_header(&r, "Content-Security-Policy", "default-src 'none'; sandbox");
	assert_png_of(&r, 2, 2);
	http_resp_free(&r);
	assert_int_equal(hc_get(agent, full, &r), 0);
	assert_int_equal(r.status, 200);
	assert_header(&r, "Content-Type", "image/png");
	assert_header(&r, "X-Content-Type-Options", "nosniff");
	assert_header(&r, "Content-Disposition", "inline");
	assert_header(&r, "Content-Security-Policy", "default-src 'none'; sandbox");
	assert_header(&r, "Cache-Control", "private, max-age=3600");
	disp = http_header(&r, "Content-Disposition");
	assert_non_null(disp);
	assert_non_null(strstr(disp, "filename=\"photo-"));
	assert_non_null(strstr(disp, ".png\""));
	assert_png_of(&r, 2, 2);
	free(disp);
	http_resp_free(&r);
	free(thumb);
	free(full);
}

static void
test_attachment_needs_sign_in(void **state)
{
	struct tk t;
	struct hc *anon = hc_new(), *viewer = staff("viewer");
	struct http_resp r;
	char *path, *loc;

	(void)state;
	create_ticket("照片需要登录", 1, &t);
	path = first_photo(agent, &t);
	assert_int_equal(hc_get(anon, path, &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	assert_non_null(strstr(loc, "/login"));
	assert_not_contains(r.body, "PNG");
	free(loc);
	http_resp_free(&r);
	assert_int_equal(hc_get(viewer, path, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	free(path);
	hc_free(anon);
	hc_free(viewer);
}

static void
test_technician_cannot_fetch_photo_of_another_ticket(void **state)
{
	struct tk t;
	struct hc *tech = staff("tech"), *tech2 = staff("tech2");
	struct http_resp r;
	char *path;

	(void)state;
	create_ticket("别人工单的照片", 1, &t);
	assign_to(&t, TECH_LABEL);
	path = first_photo(tech, &t);               /* the assignee sees it */
	assert_int_equal(hc_get(tech, path, &r), 0);
	assert_int_equal(r.status, 200);
	http_resp_free(&r);
	assert_int_equal(hc_get(tech2, path, &r), 0);
	assert_int_equal(r.status, 404);
	assert_not_contains(r.body, "PNG");
	http_resp_free(&r);
	path[strlen(path) - strlen("/thumb")] = '\0';   /* the full photo too */
	assert_int_equal(hc_get(tech2, path, &r), 0);
	assert_int_equal(r.status, 404);
	assert_not_contains(r.body, "PNG");
	http_resp_free(&r);
	assert_int_equal(hc_get(agent, "/desk/attachments/999999999", &r), 0);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	free(path);
	hc_free(tech);
	hc_free(tech2);
}

/* --- my work orders ---------------------------------------------------------- */

static void
test_my_orders_lists_only_own_open_tickets(void **state)
{
	struct tk mine, other;
	struct hc *tech = staff("tech");
	struct http_resp r;

	(void)state;
	create_ticket("我的工单列表", 0, &mine);
	create_ticket("别人的工单", 0, &other);
	assign_to(&mine, TECH_LABEL);
	assign_to(&other, TECH2_LABEL);
	assert_int_equal(hc_get(tech, "/desk/my", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, mine.number);
	assert_not_contains(r.body, other.number);
	assert_contains(r.body, "href=\"tel:+8613800138000\"");
	http_resp_free(&r);
	hc_free(tech);
}

/* One ticket shared by the tests that only read it or add replies. */
static int
group_setup(void **state)
{
	static struct tk shared;

	agent = staff("agent");
	create_ticket("共享的测试工单:空调不制冷", 0, &shared);
	*state = &shared;
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	hc_free(agent);
	return 0;
}

/* The timeline comes with the ticket in the page's one statement
 * (ticket_session_q): every event in the order of its id, and past 2000
 * events the first 2000 with the note that there are more. */
static void
test_timeline_in_order_and_cut_at_2000_events(void **state)
{
	char *code = hc_repair_ticket("timeline order test"), sql[320], path[64], text[2][128];
	struct http_resp r;
	struct tk t;
	long long id;
	const char *a, *b;
	int i;

	(void)state;
	snprintf(sql, sizeof(sql), "SELECT id FROM tickets WHERE track_code = '%s'", code);
	assert_true((id = stack_sql_int(sql)) > 0);
	memset(&t, 0, sizeof(t));
	t.id = id;
	for (i = 0; i < 2; i++) {
		char fields[512];

		snprintf(text[i], sizeof(text[i]), "%s", unique(i == 0 ? "first-note" : "second-note"));
		snprintf(fields, sizeof(fields), "version=%lld&visibility=internal&body=%s",
		    ticket_version(&t), text[i]);
		post_ok(agent, &t, "reply", fields);
	}
	snprintf(path, sizeof(path), "/desk/tickets/%lld", id);
	assert_int_equal(hc_get(agent, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_non_null(a = strstr(r.body, text[0]));
	assert_non_null(b = strstr(r.body, text[1]));
	assert_true(a < b);
	assert_not_contains(r.body, "记录太多");
	http_resp_free(&r);

	/* 3 events so far (created and the two notes): 2000 more */
	snprintf(sql, sizeof(sql), "INSERT INTO ticket_events (ticket_id, at, actor_kind, kind, public, body)"
	    " SELECT %lld, UTC_TIMESTAMP(), 'system', 'note', 0, CONCAT('bulk[', seq, ']')"
	    " FROM seq_1_to_2000", id);
	assert_int_equal(stack_sql(sql), 0);
	assert_int_equal(hc_get(agent, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "记录太多");
	assert_non_null(a = strstr(r.body, text[1]));
	assert_non_null(b = strstr(r.body, "bulk[1]"));
	assert_true(a < b);
	assert_contains(r.body, "bulk[1997]");
	assert_not_contains(r.body, "bulk[1998]");
	http_resp_free(&r);
	free(code);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_anonymous_is_sent_to_login),
		cmocka_unit_test(test_viewer_is_forbidden),
		cmocka_unit_test(test_agent_opens_ticket_with_its_details),
		cmocka_unit_test(test_unknown_or_malformed_id_is_404),
		cmocka_unit_test(test_technician_gets_404_for_a_ticket_not_assigned_to_them),
		cmocka_unit_test(test_technician_opens_a_ticket_assigned_to_them),
		cmocka_unit_test(test_technician_cannot_assign),
		cmocka_unit_test(test_assign_redirects_and_shows_assigned),
		cmocka_unit_test(test_reassign_takes_the_new_technicians_team),
		cmocka_unit_test(test_milestones_are_set_once_by_their_events),
		cmocka_unit_test(test_assign_without_anyone_is_422),
		cmocka_unit_test(test_invalid_transition_is_409_and_changes_nothing),
		cmocka_unit_test(test_unknown_status_is_422),
		cmocka_unit_test(test_stale_version_is_409_with_reload_link),
		cmocka_unit_test(test_priority_change_is_logged),
		cmocka_unit_test(test_public_reply_appears_on_track_page),
		cmocka_unit_test(test_timeline_in_order_and_cut_at_2000_events),
		cmocka_unit_test(test_internal_note_not_on_track_page),
		cmocka_unit_test(test_empty_reply_is_422_and_too_long_keeps_text),
		cmocka_unit_test(test_technician_arrival_sets_in_progress),
		cmocka_unit_test(test_technician_finishes_visit_and_resolves),
		cmocka_unit_test(test_technician_cannot_cancel),
		cmocka_unit_test(test_post_without_csrf_is_403),
		cmocka_unit_test(test_ticket_events_refuse_update_and_delete),
		cmocka_unit_test(test_description_is_escaped),
		cmocka_unit_test(test_attachment_is_served_to_staff_as_image),
		cmocka_unit_test(test_attachment_needs_sign_in),
		cmocka_unit_test(test_technician_cannot_fetch_photo_of_another_ticket),
		cmocka_unit_test(test_my_orders_lists_only_own_open_tickets),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
