/* HTTP tests of the agent's desk on the ticket page: closing a resolved
 * ticket and reopening it with a reason (POST /desk/tickets/<id>/close,
 * /reopen, through the one state machine), composing a reply with a
 * canned reply or a knowledge article (POST /desk/tickets/<id>/compose),
 * the admin's canned replies (/admin/canned) and the customer's photos on
 * /desk/new. Tickets come from the public repair form (the customer is
 * 李女士, harness.c); the staff are the demo users (password demo1234). */
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

#define PASSWORD   "demo1234"
#define CUSTOMER   "李女士"      /* the name hc_repair_ticket() reports with */

/* A 2x2 PNG (checked by content at upload). */
static const char png_2x2[] =
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02"
    "\x00\x00\x00\x02\x08\x02\x00\x00\x00\xfd\xd4\x9a\x73\x00\x00\x00\x10\x49\x44\x41"
    "\x54\x78\x9c\x63\xe0\xce\xf3\x07\x22\x06\x08\x05\x00\x14\xde\x03\x21\xca\x7b\x63"
    "\x9c\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

struct tk {
	long long id;
	char      number[32];
	char      where[48];    /* "t.id = N", for ticket_snapshot */
};

static struct hc *agent, *admin;
static unsigned   serial;

static struct hc *
staff(const char *login)
{
	struct hc *h = hc_new();

	assert_int_equal(hc_login(h, login, PASSWORD), 303);
	return h;
}

static const char *
unique(const char *prefix)
{
	static char buf[128];

	snprintf(buf, sizeof(buf), "%s-%ld-%u", prefix, (long)time(NULL), ++serial);
	return buf;
}

/* A new ticket of the repair form, found by its tracking code. */
static void
new_ticket(const char *description, struct tk *t)
{
	char sql[256], *code = hc_repair_ticket(description), *num;

	snprintf(sql, sizeof(sql), "SELECT id FROM tickets WHERE track_code = '%s'", code);
	t->id = stack_sql_int(sql);
	snprintf(sql, sizeof(sql), "SELECT number FROM tickets WHERE id = %lld", t->id);
	num = stack_sql_value(sql);
	assert_non_null(num);
	snprintf(t->number, sizeof(t->number), "%s", num);
	snprintf(t->where, sizeof(t->where), "t.id = %lld", t->id);
	free(num);
	free(code);
}

static long long
version_of(const struct tk *t)
{
	char sql[96];

	snprintf(sql, sizeof(sql), "SELECT version FROM tickets WHERE id = %lld", t->id);
	return stack_sql_int(sql);
}

static char *
status_of(const struct tk *t)
{
	char sql[96], *v;

	snprintf(sql, sizeof(sql), "SELECT status FROM tickets WHERE id = %lld", t->id);
	v = stack_sql_value(sql);
	assert_non_null(v);
	return v;
}

static void
assert_status(const struct tk *t, const char *want)
{
	char *v = status_of(t);

	assert_string_equal(v, want);
	free(v);
}

/* POST fields (urlencoded; csrf from h's view of the ticket page unless
 * no_csrf) to /desk/tickets/<id>/<action> as h. */
static void
post_as(struct hc *h, long long id, const char *action, const char *fields, int no_csrf,
    struct http_resp *r)
{
	char path[96], body[16384], *csrf = NULL;

	snprintf(path, sizeof(path), "/desk/tickets/%lld", id);
	if (!no_csrf) {
		csrf = hc_csrf(h, path);
		if (csrf == NULL)    /* h may not see this ticket: the agent's token is no use */
			csrf = strdup("0");
	}
	snprintf(path, sizeof(path), "/desk/tickets/%lld/%s", id, action);
	snprintf(body, sizeof(body), "%s%s%s", csrf ? "csrf=" : "", csrf ? csrf : "",
	    csrf ? "&" : "");
	strncat(body, fields, sizeof(body) - strlen(body) - 1);
	free(csrf);
	assert_int_equal(hc_post_form(h, path, body, r), 0);
}

/* POST and expect 303 to the ticket with the confirmation key done. */
static void
post_ok(struct hc *h, const struct tk *t, const char *action, const char *fields,
    const char *done)
{
	struct http_resp r;
	char want[128], *loc;

	post_as(h, t->id, action, fields, 0, &r);
	if (r.status != 303)
		fprintf(stderr, "POST %s: %ld\n%s\n", action, r.status, r.body);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	snprintf(want, sizeof(want), "/desk/tickets/%lld?done=%s#", t->id, done);
	assert_non_null(strstr(loc, want));
	free(loc);
	http_resp_free(&r);
}

/* Move t to status (an agent's status form). */
static void
set_status(const struct tk *t, const char *status)
{
	char f[96];

	snprintf(f, sizeof(f), "version=%lld&status=%s&note=", version_of(t), status);
	post_ok(agent, t, "status", f, "status");
}

/* A ticket of this run, resolved by the desk. */
static void
resolved_ticket(const char *description, struct tk *t)
{
	new_ticket(description, t);
	set_status(t, "accepted");
	set_status(t, "resolved");
	assert_status(t, "resolved");
}

/* --- close ---------------------------------------------------------------- */

static void
test_agent_closes_a_resolved_ticket(void **state)
{
	struct tk t;
	struct http_resp r;
	char f[64], sql[160];

	(void)state;
	resolved_ticket("关闭已解决的工单", &t);
	snprintf(f, sizeof(f), "version=%lld", version_of(&t));
	post_ok(agent, &t, "close", f, "closed");
	assert_status(&t, "closed");
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM ticket_events WHERE ticket_id = %lld"
	    " AND kind = 'status' AND from_status = 'resolved' AND to_status = 'closed'", t.id);
	assert_int_equal(stack_sql_int(sql), 1);
	snprintf(sql, sizeof(sql), "SELECT closed_at IS NOT NULL FROM tickets WHERE id = %lld", t.id);
	assert_int_equal(stack_sql_int(sql), 1);
	/* the confirmation at the status card, and no second close button */
	snprintf(sql, sizeof(sql), "/desk/tickets/%lld?done=closed", t.id);
	assert_int_equal(hc_get(agent, sql, &r), 0);
	assert_contains(r.body, "工单已关闭。");
	assert_not_contains(r.body, "/close\"");
	assert_contains(r.body, "/reopen\"");
	http_resp_free(&r);
}

static void
test_close_of_an_open_ticket_is_409_and_changes_nothing(void **state)
{
	struct tk t;
	struct http_resp r;
	char f[64], *before;

	(void)state;
	new_ticket("还没解决的工单不能关闭", &t);
	before = ticket_snapshot(t.where);
	snprintf(f, sizeof(f), "version=%lld", version_of(&t));
	post_as(agent, t.id, "close", f, 0, &r);
	assert_int_equal(r.status, 409);
	assert_contains(r.body, "只有已解决的工单才能关闭。");
	http_resp_free(&r);
	assert_ticket_unchanged(t.where, before);
	/* nor a closed one again */
	resolved_ticket("关闭两次的工单", &t);
	snprintf(f, sizeof(f), "version=%lld", version_of(&t));
	post_ok(agent, &t, "close", f, "closed");
	before = ticket_snapshot(t.where);
	snprintf(f, sizeof(f), "version=%lld", version_of(&t));
	post_as(agent, t.id, "close", f, 0, &r);
	assert_int_equal(r.status, 409);
	http_resp_free(&r);
	assert_ticket_unchanged(t.where, before);
}

static void
test_close_with_a_stale_version_is_409(void **state)
{
	struct tk t;
	struct http_resp r;
	char f[64], *before;

	(void)state;
	resolved_ticket("表单的版本过期了", &t);
	before = ticket_snapshot(t.where);
	snprintf(f, sizeof(f), "version=%lld", version_of(&t) - 1);
	post_as(agent, t.id, "close", f, 0, &r);
	assert_int_equal(r.status, 409);
	assert_contains(r.body, "该工单已被其他人修改");
	http_resp_free(&r);
	assert_ticket_unchanged(t.where, before);
}

/* --- reopen ----------------------------------------------------------------- */

static void
test_reopen_with_a_reason_shows_it_on_the_timeline(void **state)
{
	struct tk t;
	struct http_resp r;
	char f[256], path[64], sql[256];
	const char *reason = unique("客户说又坏了");
	char *esc = hc_escape(reason);

	(void)state;
	resolved_ticket("重新打开并写明原因", &t);
	snprintf(f, sizeof(f), "version=%lld", version_of(&t));
	post_ok(agent, &t, "close", f, "closed");
	snprintf(f, sizeof(f), "version=%lld&reason=%s", version_of(&t), esc);
	post_ok(agent, &t, "reopen", f, "reopened");
	assert_status(&t, "reopened");
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM ticket_events WHERE ticket_id = %lld"
	    " AND from_status = 'closed' AND to_status = 'reopened' AND body = '%s'", t.id, reason);
	assert_int_equal(stack_sql_int(sql), 1);
	snprintf(path, sizeof(path), "/desk/tickets/%lld?done=reopened", t.id);
	assert_int_equal(hc_get(agent, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, reason);
	assert_contains(r.body, "工单已重新打开。");
	http_resp_free(&r);
	free(esc);
	/* and straight from resolved, too */
	resolved_ticket("已解决后直接重新打开", &t);
	snprintf(f, sizeof(f), "version=%lld&reason=%%E6%%B2%%A1%%E4%%BF%%AE%%E5%%A5%%BD", version_of(&t));
	post_ok(agent, &t, "reopen", f, "reopened");
	assert_status(&t, "reopened");
}

static void
test_reopen_without_a_reason_is_422_and_changes_nothing(void **state)
{
	static const char *const empty[] = { "", "%20%20%0D%0A%E3%80%80" };
	struct tk t;
	struct http_resp r;
	char f[128], *before;
	size_t i;

	(void)state;
	resolved_ticket("没写原因不能重新打开", &t);
	before = ticket_snapshot(t.where);
	for (i = 0; i < sizeof(empty) / sizeof(empty[0]); i++) {
		snprintf(f, sizeof(f), "version=%lld&reason=%s", version_of(&t), empty[i]);
		post_as(agent, t.id, "reopen", f, 0, &r);
		assert_int_equal(r.status, 422);
		assert_contains(r.body, "请填写重新打开的原因。");
		assert_contains(r.body, "id=\"f-reason\"");
		assert_contains(r.body, "aria-invalid=\"true\"");
		http_resp_free(&r);
	}
	/* no field at all */
	snprintf(f, sizeof(f), "version=%lld", version_of(&t));
	post_as(agent, t.id, "reopen", f, 0, &r);
	assert_int_equal(r.status, 422);
	http_resp_free(&r);
	/* the status form asks for the reason too */
	snprintf(f, sizeof(f), "version=%lld&status=reopened&note=", version_of(&t));
	post_as(agent, t.id, "status", f, 0, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "请填写重新打开的原因。");
	http_resp_free(&r);
	assert_ticket_unchanged(t.where, before);
}

static void
test_reopen_with_too_long_a_reason_keeps_it(void **state)
{
	struct tk t;
	struct http_resp r;
	char *f, *before;
	size_t i, n = 1001;

	(void)state;
	resolved_ticket("重新打开的原因太长", &t);
	before = ticket_snapshot(t.where);
	f = malloc(64 + n * 9);
	assert_non_null(f);
	i = (size_t)sprintf(f, "version=%lld&reason=", version_of(&t));
	while (n-- > 0)
		i += (size_t)sprintf(f + i, "%%E5%%9D%%8F");     /* 坏 */
	post_as(agent, t.id, "reopen", f, 0, &r);
	free(f);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "原因最多 1000 个字。");
	assert_contains(r.body, "坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏坏");
	http_resp_free(&r);
	assert_ticket_unchanged(t.where, before);
}

static void
test_reopen_of_an_open_ticket_is_409(void **state)
{
	struct tk t;
	struct http_resp r;
	char f[128], *before;

	(void)state;
	new_ticket("处理中的工单不需要重新打开", &t);
	set_status(&t, "accepted");
	before = ticket_snapshot(t.where);
	snprintf(f, sizeof(f), "version=%lld&reason=%%E5%%8E%%9F%%E5%%9B%%A0", version_of(&t));
	post_as(agent, t.id, "reopen", f, 0, &r);
	assert_int_equal(r.status, 409);
	assert_contains(r.body, "只有已解决或已关闭的工单才能重新打开。");
	http_resp_free(&r);
	assert_ticket_unchanged(t.where, before);
}

/* --- roles, CSRF, ids --------------------------------------------------------- */

static void
test_technician_cannot_close_or_reopen(void **state)
{
	struct tk t;
	struct http_resp r;
	struct hc *tech = staff("tech");
	char f[160], sql[160], *before;

	(void)state;
	resolved_ticket("技术员不能关闭", &t);
	snprintf(sql, sizeof(sql), "UPDATE tickets SET assignee_id = (SELECT id FROM users"
	    " WHERE login = 'tech') WHERE id = %lld", t.id);
	assert_int_equal(stack_sql(sql), 0);
	before = ticket_snapshot(t.where);
	snprintf(f, sizeof(f), "version=%lld", version_of(&t));
	post_as(tech, t.id, "close", f, 0, &r);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	snprintf(f, sizeof(f), "version=%lld&reason=x", version_of(&t));
	post_as(tech, t.id, "reopen", f, 0, &r);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	/* the technician's page offers neither */
	snprintf(sql, sizeof(sql), "/desk/tickets/%lld", t.id);
	assert_int_equal(hc_get(tech, sql, &r), 0);
	assert_int_equal(r.status, 200);
	assert_not_contains(r.body, "/close\"");
	assert_not_contains(r.body, "/reopen\"");
	http_resp_free(&r);
	assert_ticket_unchanged(t.where, before);
	hc_free(tech);
}

static void
test_viewer_cannot_compose_close_or_manage_canned(void **state)
{
	static const char *const actions[] = { "close", "reopen", "compose" };
	struct tk t;
	struct http_resp r;
	struct hc *viewer = staff("viewer");
	char path[96], body[160], *csrf, *before;
	size_t i;

	(void)state;
	resolved_ticket("查看者不能操作工单", &t);
	before = ticket_snapshot(t.where);
	csrf = hc_csrf(viewer, "/dash/");
	assert_non_null(csrf);
	for (i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "/desk/tickets/%lld/%s", t.id, actions[i]);
		snprintf(body, sizeof(body), "csrf=%s&version=%lld&reason=x&insert=canned&canned=1",
		    csrf, version_of(&t));
		assert_int_equal(hc_post_form(viewer, path, body, &r), 0);
		assert_int_equal(r.status, 403);
		http_resp_free(&r);
	}
	assert_int_equal(hc_get(viewer, "/admin/canned", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_ticket_unchanged(t.where, before);
	free(csrf);
	hc_free(viewer);
}

static void
test_close_reopen_compose_without_csrf_are_403(void **state)
{
	static const char *const actions[] = { "close", "reopen", "compose" };
	struct tk t;
	struct http_resp r;
	char f[128], *before;
	size_t i;

	(void)state;
	resolved_ticket("请求没有 CSRF 令牌", &t);
	before = ticket_snapshot(t.where);
	for (i = 0; i < 3; i++) {
		snprintf(f, sizeof(f), "version=%lld&reason=x&insert=canned&canned=1", version_of(&t));
		post_as(agent, t.id, actions[i], f, 1, &r);
		assert_int_equal(r.status, 403);
		http_resp_free(&r);
		snprintf(f, sizeof(f), "csrf=%064d&version=%lld&reason=x", 0, version_of(&t));
		post_as(agent, t.id, actions[i], f, 1, &r);
		assert_int_equal(r.status, 403);
		http_resp_free(&r);
	}
	assert_ticket_unchanged(t.where, before);
}

static void
test_ids_of_other_tickets_are_404(void **state)
{
	struct tk t;
	struct http_resp r;
	struct hc *tech = staff("tech");
	char path[96], body[128], *csrf;

	(void)state;
	new_ticket("技术员看不到别人的工单", &t);      /* assigned to nobody */
	/* a technician composing on a ticket not theirs: 404 as if it did not exist */
	csrf = hc_csrf(tech, "/desk/my");
	assert_non_null(csrf);
	snprintf(path, sizeof(path), "/desk/tickets/%lld/compose", t.id);
	snprintf(body, sizeof(body), "csrf=%s&body=&insert=canned&canned=1", csrf);
	assert_int_equal(hc_post_form(tech, path, body, &r), 0);
	assert_int_equal(r.status, 404);
	assert_not_contains(r.body, t.number);
	http_resp_free(&r);
	free(csrf);
	/* an id that does not exist, for the agent */
	csrf = hc_csrf(agent, "/desk/new");
	assert_non_null(csrf);
	snprintf(body, sizeof(body), "csrf=%s&version=1&reason=x&insert=canned&canned=1", csrf);
	assert_int_equal(hc_post_form(agent, "/desk/tickets/999999999/reopen", body, &r), 0);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	assert_int_equal(hc_post_form(agent, "/desk/tickets/999999999/close", body, &r), 0);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	assert_int_equal(hc_post_form(agent, "/desk/tickets/999999999/compose", body, &r), 0);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	free(csrf);
	hc_free(tech);
}

/* --- canned replies ------------------------------------------------------------- */

/* POST fields (urlencoded) with the csrf of path_for_csrf to path as h. */
static void
post_page(struct hc *h, const char *path_for_csrf, const char *path, const char *fields,
    struct http_resp *r)
{
	char body[8192], *csrf = hc_csrf(h, path_for_csrf);

	assert_non_null(csrf);
	snprintf(body, sizeof(body), "csrf=%s&%s", csrf, fields);
	free(csrf);
	assert_int_equal(hc_post_form(h, path, body, r), 0);
}

/* A canned reply made by the admin; returns its id. */
static long long
canned_new(const char *title, const char *body_escaped)
{
	struct http_resp r;
	char f[4096], sql[256], *t = hc_escape(title);

	snprintf(f, sizeof(f), "title=%s&body=%s", t, body_escaped);
	post_page(admin, "/admin/canned", "/admin/canned", f, &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	snprintf(sql, sizeof(sql), "SELECT id FROM canned_replies WHERE title = '%s'", title);
	free(t);
	return stack_sql_int(sql);
}

static void
test_canned_reply_is_filled_in_for_the_ticket(void **state)
{
	struct tk t;
	struct http_resp r;
	char f[256], want[256];
	/* "{客户}您好，工单 {工单号} / {customer} {ticket}" (an unknown brace is
	 * refused by the admin form: test_canned_reply_form_refusals_keep_values) */
	long long id = canned_new(unique("占位符"),
	    "%7B%E5%AE%A2%E6%88%B7%7D%E6%82%A8%E5%A5%BD%EF%BC%8C%E5%B7%A5%E5%8D%95%20"
	    "%7B%E5%B7%A5%E5%8D%95%E5%8F%B7%7D%20%2F%20%7Bcustomer%7D%20%7Bticket%7D");

	(void)state;
	new_ticket("快捷回复的占位符", &t);
	/* the reply box lists it, already filled in (for the script) */
	snprintf(f, sizeof(f), "/desk/tickets/%lld", t.id);
	assert_int_equal(hc_get(agent, f, &r), 0);
	snprintf(want, sizeof(want), "id=\"canned-text-%lld\">%s您好，工单 %s / %s %s</div>",
	    id, CUSTOMER, t.number, CUSTOMER, t.number);
	assert_contains(r.body, want);
	http_resp_free(&r);
	/* inserted after what was typed, on the server */
	snprintf(f, sizeof(f), "body=%%E5%%B7%%B2%%E6%%94%%B6%%E5%%88%%B0&visibility=public"
	    "&insert=canned&canned=%lld", id);
	post_as(agent, t.id, "compose", f, 0, &r);
	assert_int_equal(r.status, 200);
	snprintf(want, sizeof(want), "autofocus>已收到\n\n%s您好，工单 %s / %s %s</textarea>",
	    CUSTOMER, t.number, CUSTOMER, t.number);
	assert_contains(r.body, want);
	/* the visibility chosen is kept, nothing is stored */
	assert_contains(r.body, "value=\"public\" checked");
	http_resp_free(&r);
	snprintf(f, sizeof(f), "SELECT COUNT(*) FROM ticket_events WHERE ticket_id = %lld"
	    " AND kind IN ('reply', 'note')", t.id);
	assert_int_equal(stack_sql_int(f), 0);
}

static void
test_compose_refusals_are_422_with_the_text_kept(void **state)
{
	struct tk t;
	struct http_resp r;
	char f[16384], sql[160];
	long long id = canned_new(unique("停用"), "%E5%81%9C%E7%94%A8%E7%9A%84");
	size_t i;

	(void)state;
	new_ticket("插入失败时保留已写内容", &t);
	/* nothing chosen */
	post_as(agent, t.id, "compose", "body=%E8%8D%89%E7%A8%BF%E4%B8%80&insert=canned&canned=", 0, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "请先选择一条快捷回复。");
	assert_contains(r.body, ">草稿一</textarea>");
	http_resp_free(&r);
	/* switched off by the admin: gone from the list and refused */
	snprintf(sql, sizeof(sql), "/admin/canned/%lld", id);
	snprintf(f, sizeof(f), "title=%s&body=y&active=", unique("off"));
	post_page(admin, sql, sql, f, &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	snprintf(f, sizeof(f), "body=%%E8%%8D%%89%%E7%%A8%%BF%%E4%%BA%%8C&insert=canned&canned=%lld", id);
	post_as(agent, t.id, "compose", f, 0, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "这条快捷回复已停用或不存在。");
	assert_contains(r.body, ">草稿二</textarea>");
	snprintf(sql, sizeof(sql), "id=\"canned-text-%lld\"", id);
	assert_not_contains(r.body, sql);
	http_resp_free(&r);
	/* an article that does not exist */
	post_as(agent, t.id, "compose", "body=x&kb_text=999999999", 0, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "这篇知识文章不存在或未发布。");
	http_resp_free(&r);
	/* 3990 characters and a canned reply: over 4000, nothing inserted */
	i = (size_t)sprintf(f, "insert=canned&canned=1&body=");
	for (int k = 0; k < 3990; k++)
		i += (size_t)sprintf(f + i, "a");
	post_as(agent, t.id, "compose", f, 0, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "插入后内容会超过 4000 个字，没有插入。");
	assert_contains(r.body, "aaaaaaaaaa</textarea>");
	http_resp_free(&r);
}

static void
test_knowledge_article_text_and_link_are_inserted(void **state)
{
	struct tk t;
	struct http_resp r;
	char f[128], sql[128], *title, *want;
	long long kb = stack_sql_int("SELECT MIN(id) FROM kb_articles WHERE published = 1");

	(void)state;
	new_ticket("插入知识文章", &t);
	snprintf(sql, sizeof(sql), "SELECT title FROM kb_articles WHERE id = %lld", kb);
	title = stack_sql_value(sql);
	assert_non_null(title);
	snprintf(f, sizeof(f), "body=&kb_text=%lld", kb);
	post_as(agent, t.id, "compose", f, 0, &r);
	assert_int_equal(r.status, 200);
	want = malloc(strlen(title) + 64);
	sprintf(want, "autofocus>%s\n", title);
	assert_contains(r.body, want);
	http_resp_free(&r);
	snprintf(f, sizeof(f), "body=&kb_link=%lld", kb);
	post_as(agent, t.id, "compose", f, 0, &r);
	assert_int_equal(r.status, 200);
	snprintf(sql, sizeof(sql), "/desk/kb/%lld</textarea>", kb);
	assert_contains(r.body, sql);
	assert_contains(r.body, "autofocus>");
	http_resp_free(&r);
	free(want);
	free(title);
}

/* Internal material (a case, an SOP, a staff link) turns the reply box to
 * an internal note, even when "public" was chosen; an FAQ keeps it. */
static void
test_internal_knowledge_turns_the_reply_internal(void **state)
{
	struct tk t;
	struct http_resp r;
	char f[128];
	long long sop = stack_sql_int("SELECT MIN(id) FROM kb_articles WHERE published = 1"
	    " AND kind = 'sop'");
	long long faq = stack_sql_int("SELECT MIN(id) FROM kb_articles WHERE published = 1"
	    " AND kind = 'faq'");

	(void)state;
	assert_true(sop > 0 && faq > 0);
	new_ticket("内部资料插入", &t);
	snprintf(f, sizeof(f), "body=&visibility=public&kb_text=%lld", sop);
	post_as(agent, t.id, "compose", f, 0, &r);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "value=\"internal\" checked");
	assert_not_contains(r.body, "value=\"public\" checked");
	assert_contains(r.body, "并改为内部备注");
	http_resp_free(&r);
	snprintf(f, sizeof(f), "body=&visibility=public&kb_link=%lld", faq);
	post_as(agent, t.id, "compose", f, 0, &r);
	assert_contains(r.body, "value=\"internal\" checked");
	http_resp_free(&r);
	snprintf(f, sizeof(f), "body=&visibility=public&kb_text=%lld", faq);
	post_as(agent, t.id, "compose", f, 0, &r);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "value=\"public\" checked");
	assert_not_contains(r.body, "并改为内部备注");
	http_resp_free(&r);
}

/* --- /admin/canned ----------------------------------------------------------------- */

static void
test_only_admins_manage_canned_replies(void **state)
{
	struct http_resp r;
	char *before;

	(void)state;
	assert_int_equal(hc_get(agent, "/admin/canned", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	before = tables_checksum("canned_replies");
	post_page(agent, "/desk/new", "/admin/canned", "title=agent-made&body=x", &r);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_tables_unchanged("canned_replies", before);
	assert_int_equal(hc_get(admin, "/admin/canned", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "{客户} / {customer}");
	http_resp_free(&r);
}

static void
test_canned_reply_form_refusals_keep_values(void **state)
{
	struct http_resp r;
	char f[256], *before;
	const char *title = unique("重复标题");
	char *esc = hc_escape(title);

	(void)state;
	canned_new(title, "x");
	before = tables_checksum("canned_replies");
	/* no title: the text is kept */
	post_page(admin, "/admin/canned", "/admin/canned",
	    "title=%20&body=%E4%BF%9D%E7%95%99%E7%9A%84%E5%86%85%E5%AE%B9", &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, ">保留的内容</textarea>");
	assert_contains(r.body, "id=\"title-err\"");
	http_resp_free(&r);
	/* no text: the title is kept */
	post_page(admin, "/admin/canned", "/admin/canned", "title=%E6%A0%87%E9%A2%98K&body=", &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "value=\"标题K\"");
	assert_contains(r.body, "id=\"body-err\"");
	http_resp_free(&r);
	/* a brace that is no placeholder would reach the customer as written */
	post_page(admin, "/admin/canned", "/admin/canned",
	    "title=%E6%A0%87%E9%A2%98P&body=%E6%82%A8%E5%A5%BD%20%7B%E5%90%8D%E5%AD%97%7D", &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"body-err\"");
	assert_contains(r.body, ">您好 {名字}</textarea>");
	http_resp_free(&r);
	/* a title taken */
	snprintf(f, sizeof(f), "title=%s&body=y", esc);
	post_page(admin, "/admin/canned", "/admin/canned", f, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "已有相同标题的快捷回复。");
	http_resp_free(&r);
	/* an id that does not exist */
	assert_int_equal(hc_get(admin, "/admin/canned/999999999", &r), 0);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	assert_tables_unchanged("canned_replies", before);
	free(esc);
}

/* --- /desk/new with photos ----------------------------------------------------------- */

/* The multipart fields of /desk/new with a form token of its own. */
static size_t
new_parts(struct hc_part *p, char **csrf, char **token, const char *name)
{
	struct http_resp r;
	static char cat[24];
	size_t n = 0;

	assert_int_equal(hc_get(agent, "/desk/new", &r), 0);
	assert_int_equal(r.status, 200);
	*csrf = html_input_value(r.body, "csrf");
	*token = html_input_value(r.body, "form_token");
	snprintf(cat, sizeof(cat), "%lld", html_first_numeric_option(r.body));
	http_resp_free(&r);
	p[n++] = (struct hc_part){ "csrf", *csrf, 0, NULL, NULL };
	p[n++] = (struct hc_part){ "form_token", *token, 0, NULL, NULL };
	p[n++] = (struct hc_part){ "channel", "wechat", 0, NULL, NULL };
	p[n++] = (struct hc_part){ "priority", "normal", 0, NULL, NULL };
	p[n++] = (struct hc_part){ "name", name, 0, NULL, NULL };
	p[n++] = (struct hc_part){ "phone", "13700137002", 0, NULL, NULL };
	p[n++] = (struct hc_part){ "category", cat, 0, NULL, NULL };
	p[n++] = (struct hc_part){ "description", "微信发来照片：洗衣机漏水", 0, NULL, NULL };
	return n;
}

static void
test_desk_new_stores_the_customers_photo(void **state)
{
	struct hc_part p[12];
	struct http_resp r;
	char *csrf, *token, *loc, sql[128];
	const char *name = unique("微信客户");
	size_t n = new_parts(p, &csrf, &token, name);
	long long id;

	(void)state;
	p[n++] = (struct hc_part){ "photo", png_2x2, sizeof(png_2x2) - 1, "漏水.png", "image/png" };
	assert_int_equal(hc_post_multipart(agent, "/desk/new", p, n, &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	id = strtoll(strrchr(loc, '/') + 1, NULL, 10);
	assert_true(id > 0);
	http_resp_free(&r);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM attachments WHERE ticket_id = %lld"
	    " AND ctype = 'image/png' AND thumb IS NOT NULL", id);
	assert_int_equal(stack_sql_int(sql), 1);
	assert_int_equal(hc_get(agent, loc, &r), 0);
	assert_contains(r.body, "/thumb\"");
	http_resp_free(&r);
	free(loc);
	free(csrf);
	free(token);
}

static void
test_desk_new_with_a_bad_photo_is_422_and_creates_nothing(void **state)
{
	struct hc_part p[12];
	struct http_resp r;
	char *csrf, *token, *before;
	const char *name = unique("坏照片客户");
	size_t n = new_parts(p, &csrf, &token, name);

	(void)state;
	before = tables_checksum("tickets, attachments, ticket_events");
	p[n++] = (struct hc_part){ "photo", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", 0,
	    "x.png", "image/png" };
	assert_int_equal(hc_post_multipart(agent, "/desk/new", p, n, &r), 0);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"photo-err\"");
	assert_contains(r.body, name);               /* the values are kept */
	assert_contains(r.body, "微信发来照片：洗衣机漏水");
	http_resp_free(&r);
	assert_tables_unchanged("tickets, attachments, ticket_events", before);
	free(csrf);
	free(token);
}

static int
setup(void **state)
{
	(void)state;
	agent = staff("agent");
	admin = staff("admin");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	hc_free(agent);
	hc_free(admin);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agent_closes_a_resolved_ticket),
		cmocka_unit_test(test_close_of_an_open_ticket_is_409_and_changes_nothing),
		cmocka_unit_test(test_close_with_a_stale_version_is_409),
		cmocka_unit_test(test_reopen_with_a_reason_shows_it_on_the_timeline),
		cmocka_unit_test(test_reopen_without_a_reason_is_422_and_changes_nothing),
		cmocka_unit_test(test_reopen_with_too_long_a_reason_keeps_it),
		cmocka_unit_test(test_reopen_of_an_open_ticket_is_409),
		cmocka_unit_test(test_technician_cannot_close_or_reopen),
		cmocka_unit_test(test_viewer_cannot_compose_close_or_manage_canned),
		cmocka_unit_test(test_close_reopen_compose_without_csrf_are_403),
		cmocka_unit_test(test_ids_of_other_tickets_are_404),
		cmocka_unit_test(test_canned_reply_is_filled_in_for_the_ticket),
		cmocka_unit_test(test_compose_refusals_are_422_with_the_text_kept),
		cmocka_unit_test(test_knowledge_article_text_and_link_are_inserted),
		cmocka_unit_test(test_internal_knowledge_turns_the_reply_internal),
		cmocka_unit_test(test_only_admins_manage_canned_replies),
		cmocka_unit_test(test_canned_reply_form_refusals_keep_values),
		cmocka_unit_test(test_desk_new_stores_the_customers_photo),
		cmocka_unit_test(test_desk_new_with_a_bad_photo_is_422_and_creates_nothing),
	};

	return cmocka_run_group_tests_name("desk_agent", tests, setup, teardown);
}
