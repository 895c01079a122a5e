/* Field work through the public HTTP interface: a technician's sign-in
 * lands on /desk/my; the visit window (POST /desk/tickets/<id>/appointment)
 * on the ticket, /desk/my and the tracking page; completion with a signature
 * (POST /desk/tickets/<id>/complete); the customer's confirmation
 * (POST /track/<code>/confirm, once); the printable work order; the
 * confirmation after an action; access, CSRF and per-field 422 rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"

#define PASSWORD "demo1234"

/* A 2x2 PNG. */
static const char png_2x2[] =
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02"
    "\x00\x00\x00\x02\x08\x02\x00\x00\x00\xfd\xd4\x9a\x73\x00\x00\x00\x10\x49\x44\x41"
    "\x54\x78\x9c\x63\xe0\xce\xf3\x07\x22\x06\x08\x05\x00\x14\xde\x03\x21\xca\x7b\x63"
    "\x9c\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

struct tk {
	long long id;
	char     *code;
	char      number[32];
};

static struct hc *agent, *tech, *tech2;

static struct hc *
staff(const char *login)
{
	struct hc *h = hc_new();

	assert_int_equal(hc_login(h, login, PASSWORD), 303);
	return h;
}

/* A new ticket from the repair form, assigned to the technician "tech"
 * by the agent through the ticket page. */
static void
new_job(const char *what, struct tk *t)
{
	char sql[256], path[64], body[256], *csrf, *num, *version;
	struct http_resp r;
	long long tech_id = stack_sql_int("SELECT id FROM users WHERE login = 'tech'");

	t->code = hc_repair_ticket(what);
	snprintf(sql, sizeof(sql), "SELECT id FROM tickets WHERE track_code = '%s'", t->code);
	t->id = stack_sql_int(sql);
	snprintf(sql, sizeof(sql), "SELECT number FROM tickets WHERE id = %lld", t->id);
	num = stack_sql_value(sql);
	assert_non_null(num);
	snprintf(t->number, sizeof(t->number), "%s", num);
	free(num);
	snprintf(path, sizeof(path), "/desk/tickets/%lld", t->id);
	assert_int_equal(hc_get(agent, path, &r), 0);
	assert_int_equal(r.status, 200);
	csrf = html_input_value(r.body, "csrf");
	version = html_input_value(r.body, "version");
	http_resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s&version=%s&assignee=%lld&team=", csrf, version,
	    tech_id);
	snprintf(path, sizeof(path), "/desk/tickets/%lld/assign", t->id);
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	free(csrf);
	free(version);
}

/* GET the ticket page as h (path suffix may be "" or "?done=..."). */
static void
ticket_get(struct hc *h, const struct tk *t, const char *suffix, struct http_resp *r)
{
	char path[128];

	snprintf(path, sizeof(path), "/desk/tickets/%lld%s", t->id, suffix);
	assert_int_equal(hc_get(h, path, r), 0);
}

/* POST urlencoded fields (csrf added from h's view of the ticket) to action. */
static void
post(struct hc *h, const struct tk *t, const char *action, const char *fields,
    struct http_resp *r)
{
	char path[128], body[1024], *csrf;

	snprintf(path, sizeof(path), "/desk/tickets/%lld", t->id);
	csrf = hc_csrf(h, path);
	assert_non_null(csrf);
	snprintf(path, sizeof(path), "/desk/tickets/%lld/%s", t->id, action);
	snprintf(body, sizeof(body), "csrf=%s&%s", csrf, fields);
	free(csrf);
	assert_int_equal(hc_post_form(h, path, body, r), 0);
}

static void
assert_location(const struct http_resp *r, const char *want)
{
	char *loc = http_header(r, "Location");

	assert_non_null(loc);
	if (strcmp(loc, want) != 0) {
		fprintf(stderr, "Location: got '%s', want '%s'\n", loc, want);
		free(loc);
		fail();
	}
	free(loc);
}

/* Tomorrow in local time (UTC+8) as YYYY-MM-DD. */
static void
tomorrow(char out[11])
{
	time_t t = time(NULL) + 8 * 3600 + 86400;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* "12月6日" of tomorrow, as the pages show the window's day. */
static void
tomorrow_zh(char out[64])
{
	time_t t = time(NULL) + 8 * 3600 + 86400;
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(out, 64, "%d月%d日 14:00–16:00", tm.tm_mon + 1, tm.tm_mday);
}

/* The number a query gives (printf-style, checked at build time). */
static long long count(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static long long
count(const char *fmt, ...)
{
	char sql[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof(sql), fmt, ap);
	va_end(ap);
	return stack_sql_int(sql);
}

/* --- sign-in -------------------------------------------------------------- */

static long
login_location(const char *login, const char *next, char **loc)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char body[256], *csrf = hc_csrf(h, "/login");
	long st;

	assert_non_null(csrf);
	snprintf(body, sizeof(body), "csrf=%s&login=%s&password=%s%s%s", csrf, login, PASSWORD,
	    next != NULL ? "&next=" : "", next != NULL ? next : "");
	assert_int_equal(hc_post_form(h, "/login", body, &r), 0);
	st = r.status;
	*loc = http_header(&r, "Location");
	http_resp_free(&r);
	free(csrf);
	hc_free(h);
	return st;
}

static void
test_technician_signs_in_to_my_orders_agent_to_queue(void **state)
{
	char *loc;

	(void)state;
	assert_int_equal(login_location("tech", NULL, &loc), 303);
	assert_string_equal(loc, "/desk/my");
	free(loc);
	/* The form's own empty next field means "no next" too. */
	assert_int_equal(login_location("tech", "", &loc), 303);
	assert_string_equal(loc, "/desk/my");
	free(loc);
	assert_int_equal(login_location("agent", NULL, &loc), 303);
	assert_string_equal(loc, "/desk/");
	free(loc);
	/* An explicit local next still wins; a foreign one gives the role home. */
	assert_int_equal(login_location("tech", "%2Faccount", &loc), 303);
	assert_string_equal(loc, "/account");
	free(loc);
	assert_int_equal(login_location("tech", "%2F%2Fevil.example", &loc), 303);
	assert_string_equal(loc, "/desk/my");
	free(loc);
}

static void
test_my_orders_marks_its_nav_item(void **state)
{
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(tech, "/desk/my", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "href=\"/desk/my\" aria-current=\"page\"");
	assert_contains(r.body, "id=\"h-my-today\"");
	assert_contains(r.body, "id=\"h-my-upcoming\"");
	assert_contains(r.body, "id=\"h-my-done\"");
	http_resp_free(&r);
}

/* --- appointment ---------------------------------------------------------- */

static void
test_appointment_is_shown_on_ticket_my_orders_and_track(void **state)
{
	struct tk t;
	struct http_resp r;
	char fields[128], day[11], win[64], want[128], path[96];
	const char *my, *upcoming;

	(void)state;
	new_job("空调外机异响，需要上门", &t);
	tomorrow(day);
	tomorrow_zh(win);
	snprintf(fields, sizeof(fields), "appt_date=%s&appt_from=14%%3A00&appt_to=16%%3A00", day);
	post(tech, &t, "appointment", fields, &r);
	assert_int_equal(r.status, 303);
	snprintf(want, sizeof(want), "/desk/tickets/%lld?done=appointment#job", t.id);
	assert_location(&r, want);
	http_resp_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = %lld"
	    " AND kind = 'appointment' AND public = 1", t.id), 1);

	ticket_get(tech, &t, "?done=appointment", &r);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "预约上门时间已保存。");
	assert_contains(r.body, win);
	http_resp_free(&r);
	/* Without the key, no confirmation. */
	ticket_get(tech, &t, "", &r);
	assert_not_contains(r.body, "预约上门时间已保存。");
	assert_not_contains(r.body, "T_EV_");              /* the timeline's words */
	http_resp_free(&r);

	assert_int_equal(hc_get(tech, "/desk/my", &r), 0);
	my = strstr(r.body, t.number);
	upcoming = strstr(r.body, "id=\"h-my-upcoming\"");
	assert_non_null(my);
	assert_non_null(upcoming);
	assert_true(my > upcoming);                       /* tomorrow: upcoming */
	assert_true(strstr(my, win) != NULL);
	http_resp_free(&r);

	snprintf(path, sizeof(path), "/track/%s", t.code);
	assert_int_equal(hc_get(agent, path, &r), 0);
	assert_int_equal(r.status, 200);
	snprintf(want, sizeof(want), "预约上门时间：<strong>%s</strong>", win);
	assert_contains(r.body, want);
	http_resp_free(&r);
	free(t.code);
}

static void
test_bad_window_is_422_per_field_with_values_kept(void **state)
{
	struct tk t;
	struct http_resp r;
	char where[64], *before;

	(void)state;
	new_job("冰箱不制冷，预约测试", &t);
	snprintf(where, sizeof(where), "t.id = %lld", t.id);
	before = ticket_snapshot(where);
	post(tech, &t, "appointment", "appt_date=2020-01-01&appt_from=16%3A00&appt_to=15%3A30",
	    &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"e-appt-date\">日期已过去。");
	assert_contains(r.body, "id=\"e-appt-to\">结束时间须晚于开始时间。");
	assert_not_contains(r.body, "id=\"e-appt-from\"");
	assert_contains(r.body, "value=\"2020-01-01\"");
	assert_contains(r.body, "value=\"16:00\"");
	assert_contains(r.body, "value=\"15:30\"");
	assert_contains(r.body, "<details class=\"tk-appt-form\" open>");
	http_resp_free(&r);
	post(tech, &t, "appointment", "appt_date=2026-02-30&appt_from=6%3A00&appt_to=x", &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"e-appt-date\">请输入有效日期。");
	assert_contains(r.body, "id=\"e-appt-from\">上门时间须在 07:00 至 22:00 之间。");
	assert_contains(r.body, "id=\"e-appt-to\">请输入时间，如 14:00。");
	http_resp_free(&r);
	assert_ticket_unchanged(where, before);
	free(t.code);
}

static void
test_appointment_needs_csrf(void **state)
{
	struct tk t;
	struct http_resp r;
	char where[64], path[96], day[11], body[128], *before;

	(void)state;
	new_job("热水器打不着火，CSRF 测试", &t);
	snprintf(where, sizeof(where), "t.id = %lld", t.id);
	before = ticket_snapshot(where);
	tomorrow(day);
	snprintf(path, sizeof(path), "/desk/tickets/%lld/appointment", t.id);
	snprintf(body, sizeof(body), "appt_date=%s&appt_from=14%%3A00&appt_to=16%%3A00", day);
	assert_int_equal(hc_post_form(tech, path, body, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	snprintf(body, sizeof(body), "csrf=0000&appt_date=%s&appt_from=14%%3A00&appt_to=16%%3A00",
	    day);
	assert_int_equal(hc_post_form(tech, path, body, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_ticket_unchanged(where, before);
	free(t.code);
}

static void
test_other_technician_gets_404_everywhere(void **state)
{
	struct tk t;
	struct http_resp r;
	char where[64], path[96], body[256], day[11], *csrf, *before;

	(void)state;
	new_job("油烟机不转，别人的工单", &t);
	snprintf(where, sizeof(where), "t.id = %lld", t.id);
	before = ticket_snapshot(where);
	tomorrow(day);
	csrf = hc_csrf(tech2, "/desk/my");
	assert_non_null(csrf);
	snprintf(path, sizeof(path), "/desk/tickets/%lld/appointment", t.id);
	snprintf(body, sizeof(body), "csrf=%s&appt_date=%s&appt_from=14%%3A00&appt_to=16%%3A00",
	    csrf, day);
	assert_int_equal(hc_post_form(tech2, path, body, &r), 0);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/desk/tickets/%lld/complete", t.id);
	snprintf(body, sizeof(body), "csrf=%s&version=1&note=x", csrf);
	assert_int_equal(hc_post_form(tech2, path, body, &r), 0);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/desk/tickets/%lld/print", t.id);
	assert_int_equal(hc_get(tech2, path, &r), 0);
	assert_int_equal(r.status, 404);
	assert_not_contains(r.body, t.number);
	http_resp_free(&r);
	assert_ticket_unchanged(where, before);
	free(csrf);
	free(t.code);
}

/* --- completion ------------------------------------------------------------- */

/* POST the completion form as h: note, and a signature data URL (NULL: none). */
static void
post_complete(struct hc *h, const struct tk *t, const char *note, const char *sig,
    struct http_resp *r)
{
	struct http_resp p;
	struct hc_part parts[5];
	char path[96], *csrf, *version;
	size_t n = 0;

	ticket_get(h, t, "", &p);
	assert_int_equal(p.status, 200);
	csrf = html_input_value(p.body, "csrf");
	version = html_input_value(p.body, "version");
	http_resp_free(&p);
	parts[n++] = (struct hc_part){ "csrf", csrf, 0, NULL, NULL };
	parts[n++] = (struct hc_part){ "version", version, 0, NULL, NULL };
	parts[n++] = (struct hc_part){ "note", note, 0, NULL, NULL };
	parts[n++] = (struct hc_part){ "photo_done", png_2x2, sizeof(png_2x2) - 1, "修好了.png",
	    "image/png" };
	if (sig != NULL)
		parts[n++] = (struct hc_part){ "signature", sig, 0, NULL, NULL };
	snprintf(path, sizeof(path), "/desk/tickets/%lld/complete", t->id);
	assert_int_equal(hc_post_multipart(h, path, parts, n, r), 0);
	free(csrf);
	free(version);
}

/* The 2x2 PNG as a data URL (malloc'ed). */
static char *
png_data_url(void)
{
	size_t n = sodium_base64_ENCODED_LEN(sizeof(png_2x2) - 1, sodium_base64_VARIANT_ORIGINAL);
	char *out = malloc(32 + n);

	assert_non_null(out);
	strcpy(out, "data:image/png;base64,");
	sodium_bin2base64(out + strlen(out), n, (const unsigned char *)png_2x2,
	    sizeof(png_2x2) - 1, sodium_base64_VARIANT_ORIGINAL);
	return out;
}

static void
test_complete_with_signature_resolves_and_prints(void **state)
{
	struct tk t;
	struct http_resp r;
	char want[160], path[96], *sig = png_data_url();
	long long sig_id;

	(void)state;
	new_job("洗衣机不排水，完工签名测试", &t);
	post(tech, &t, "visit", "version=0&action=arrive", &r);
	http_resp_free(&r);
	post_complete(tech, &t, "更换排水泵，试机正常", sig, &r);
	if (r.status != 303)
		fprintf(stderr, "%s\n", r.body);
	assert_int_equal(r.status, 303);
	snprintf(want, sizeof(want), "/desk/tickets/%lld?done=completed#complete", t.id);
	assert_location(&r, want);
	http_resp_free(&r);
	assert_int_equal(count("SELECT status = 'resolved' FROM tickets WHERE id = %lld", t.id), 1);
	assert_int_equal(count("SELECT confirmed_by = 'signature' FROM tickets WHERE id = %lld",
	    t.id), 1);
	assert_int_equal(count("SELECT COUNT(*) FROM visits WHERE ticket_id = %lld"
	    " AND finished_at IS NULL", t.id), 0);
	assert_int_equal(count("SELECT COUNT(*) FROM attachments WHERE ticket_id = %lld"
	    " AND kind = 'signature' AND ctype = 'image/png'", t.id), 1);
	sig_id = count("SELECT id FROM attachments WHERE ticket_id = %lld AND kind = 'signature'",
	    t.id);

	ticket_get(tech, &t, "?done=completed", &r);
	assert_contains(r.body, "已记录完工，工单已解决。");
	assert_contains(r.body, "更换排水泵，试机正常");
	snprintf(want, sizeof(want), "src=\"/desk/attachments/%lld\"", sig_id);
	assert_contains(r.body, want);
	assert_contains(r.body, "客户已签名确认");
	http_resp_free(&r);

	/* The print view: the order with its QR code and signature, no form. */
	snprintf(path, sizeof(path), "/desk/tickets/%lld/print", t.id);
	assert_int_equal(hc_get(tech, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_not_contains(r.body, "<form");
	assert_contains(r.body, "<svg class=\"qr\"");
	assert_contains(r.body, "<rect x=\"4\" y=\"4\" width=\"7\" height=\"1\"/>");  /* finder */
	snprintf(want, sizeof(want), "%s/track/%s</p>", test_base_url(), t.code);
	assert_contains(r.body, want);
	snprintf(want, sizeof(want), "src=\"/desk/attachments/%lld\"", sig_id);
	assert_contains(r.body, want);
	assert_contains(r.body, "更换排水泵，试机正常");
	assert_contains(r.body, t.number);
	assert_contains(r.body, "/static/css/print.css");
	http_resp_free(&r);

	/* The customer: the completion, no confirm button (signed), never the signature. */
	snprintf(path, sizeof(path), "/track/%s", t.code);
	assert_int_equal(hc_get(agent, path, &r), 0);
	assert_contains(r.body, "您已在现场签名确认");
	assert_contains(r.body, "维修完成");
	assert_not_contains(r.body, "id=\"confirm-submit\"");
	snprintf(want, sizeof(want), "/photos/%lld", sig_id);
	assert_not_contains(r.body, want);
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/track/%s/photos/%lld", t.code, sig_id);
	assert_int_equal(hc_get(agent, path, &r), 0);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	free(sig);
	free(t.code);
}

static void
test_complete_refuses_empty_note_and_fake_signature(void **state)
{
	struct tk t;
	struct http_resp r;
	char where[64], *before;

	(void)state;
	new_job("电视黑屏，完工校验测试", &t);
	snprintf(where, sizeof(where), "t.id = %lld", t.id);
	before = ticket_snapshot(where);
	/* HTML claiming to be a PNG: refused by the image module. */
	post_complete(tech, &t, "  ", "data:image/png;base64,PGh0bWw+PHNjcmlwdD4=", &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"e-done-note\">请填写处理结果。");
	assert_contains(r.body, "签名无法读取，请重签。");
	http_resp_free(&r);
	post_complete(tech, &t, "修好了", "data:image/gif;base64,R0lGODlhAQABAAAAACw=", &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "签名无法读取，请重签。");
	assert_contains(r.body, ">修好了</textarea>");
	http_resp_free(&r);
	assert_ticket_unchanged(where, before);
	free(t.code);
}

static void
test_complete_with_a_stale_version_is_409_and_changes_nothing(void **state)
{
	struct tk t;
	struct http_resp r;
	struct hc_part parts[4];
	char where[64], path[96], *csrf, *before;

	(void)state;
	new_job("抽油烟机噪音大，并发修改测试", &t);
	snprintf(where, sizeof(where), "t.id = %lld", t.id);
	before = ticket_snapshot(where);
	snprintf(path, sizeof(path), "/desk/tickets/%lld", t.id);
	csrf = hc_csrf(tech, path);
	assert_non_null(csrf);
	/* Version 1 is the ticket as created: the assignment changed it since. */
	parts[0] = (struct hc_part){ "csrf", csrf, 0, NULL, NULL };
	parts[1] = (struct hc_part){ "version", "1", 0, NULL, NULL };
	parts[2] = (struct hc_part){ "note", "清洗风轮", 0, NULL, NULL };
	snprintf(path, sizeof(path), "/desk/tickets/%lld/complete", t.id);
	assert_int_equal(hc_post_multipart(tech, path, parts, 3, &r), 0);
	assert_int_equal(r.status, 409);
	assert_contains(r.body, "该工单已被其他人修改");
	http_resp_free(&r);
	assert_ticket_unchanged(where, before);
	free(csrf);
	free(t.code);
}

/* --- the customer's confirmation ------------------------------------------- */

static void
confirm(struct hc *h, const struct tk *t, struct http_resp *r)
{
	char path[96], body[128], *csrf;

	snprintf(path, sizeof(path), "/track/%s", t->code);
	csrf = hc_csrf(h, path);
	assert_non_null(csrf);
	snprintf(path, sizeof(path), "/track/%s/confirm", t->code);
	snprintf(body, sizeof(body), "csrf=%s", csrf);
	free(csrf);
	assert_int_equal(hc_post_form(h, path, body, r), 0);
}

static void
test_customer_confirms_once_without_signature(void **state)
{
	struct tk t;
	struct hc *cust = hc_new();
	struct http_resp r;
	char path[96], want[128], where[64], *before;

	(void)state;
	new_job("微波炉不加热，客户确认测试", &t);
	snprintf(path, sizeof(path), "/track/%s", t.code);
	snprintf(where, sizeof(where), "t.id = %lld", t.id);
	/* Not resolved yet: no button, and a POST changes nothing. */
	assert_int_equal(hc_get(cust, path, &r), 0);
	assert_not_contains(r.body, "id=\"confirm-submit\"");
	http_resp_free(&r);
	before = ticket_snapshot(where);
	confirm(cust, &t, &r);
	assert_int_equal(r.status, 409);
	http_resp_free(&r);
	assert_ticket_unchanged(where, before);

	post_complete(tech, &t, "更换磁控管", NULL, &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_int_equal(hc_get(cust, path, &r), 0);
	assert_contains(r.body, "确认已修好");
	assert_contains(r.body, "id=\"confirm-submit\"");
	assert_contains(r.body, "更换磁控管");      /* the resolution note */
	http_resp_free(&r);
	ticket_get(tech, &t, "", &r);
	assert_contains(r.body, "等待客户在查询页面确认");
	http_resp_free(&r);

	/* Without CSRF: refused. */
	snprintf(want, sizeof(want), "/track/%s/confirm", t.code);
	assert_int_equal(hc_post_form(cust, want, "csrf=bad", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_int_equal(count("SELECT customer_confirmed_at IS NULL FROM tickets WHERE id = %lld",
	    t.id), 1);

	confirm(cust, &t, &r);
	assert_int_equal(r.status, 303);
	snprintf(want, sizeof(want), "/track/%s?done=confirmed#confirm", t.code);
	assert_location(&r, want);
	http_resp_free(&r);
	snprintf(want, sizeof(want), "/track/%s?done=confirmed", t.code);
	assert_int_equal(hc_get(cust, want, &r), 0);
	assert_contains(r.body, "感谢您的确认！");
	assert_contains(r.body, "您已确认修好");
	assert_not_contains(r.body, "id=\"confirm-submit\"");
	http_resp_free(&r);
	/* Once. */
	confirm(cust, &t, &r);
	assert_int_equal(r.status, 409);
	http_resp_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = %lld"
	    " AND kind = 'confirmed' AND actor_kind = 'customer'", t.id), 1);
	assert_int_equal(count("SELECT confirmed_by = 'customer' FROM tickets WHERE id = %lld",
	    t.id), 1);
	ticket_get(tech, &t, "", &r);
	assert_contains(r.body, "客户已在查询页面确认");
	/* Every event of the timeline has its words (completion, confirmation). */
	assert_contains(r.body, "完工");
	assert_contains(r.body, "确认已修好");
	assert_not_contains(r.body, "T_EV_");
	http_resp_free(&r);
	/* Finished: still on /desk/my, in its own section. */
	assert_int_equal(hc_get(tech, "/desk/my", &r), 0);
	assert_non_null(strstr(r.body, "id=\"h-my-done\""));
	assert_non_null(strstr(strstr(r.body, "id=\"h-my-done\""), t.number));
	http_resp_free(&r);
	hc_free(cust);
	free(t.code);
}

/* --- confirmations ------------------------------------------------------------ */

static void
test_arrival_returns_to_the_visit_card_with_a_confirmation(void **state)
{
	struct tk t;
	struct http_resp r;
	char want[96];

	(void)state;
	new_job("燃气灶点不着，到达确认测试", &t);
	post(tech, &t, "visit", "version=0&action=arrive", &r);
	assert_int_equal(r.status, 303);
	snprintf(want, sizeof(want), "/desk/tickets/%lld?done=arrived#visit", t.id);
	assert_location(&r, want);
	http_resp_free(&r);
	ticket_get(tech, &t, "?done=arrived", &r);
	assert_contains(r.body, "<p class=\"note ok flash\" role=\"status\">已记录到达。</p>");
	http_resp_free(&r);
	/* Keys not in the table show nothing; a text in the URL never shows. */
	ticket_get(tech, &t, "?done=%3Cb%3Ehi%3C%2Fb%3E", &r);
	assert_int_equal(r.status, 200);
	assert_not_contains(r.body, "note ok flash");
	assert_not_contains(r.body, "<b>hi</b>");
	http_resp_free(&r);
	free(t.code);
}

static int
setup(void **state)
{
	(void)state;
	if (sodium_init() < 0)
		return -1;
	agent = staff("agent");
	tech = staff("tech");
	tech2 = staff("tech2");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	hc_free(agent);
	hc_free(tech);
	hc_free(tech2);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_technician_signs_in_to_my_orders_agent_to_queue),
		cmocka_unit_test(test_my_orders_marks_its_nav_item),
		cmocka_unit_test(test_appointment_is_shown_on_ticket_my_orders_and_track),
		cmocka_unit_test(test_bad_window_is_422_per_field_with_values_kept),
		cmocka_unit_test(test_appointment_needs_csrf),
		cmocka_unit_test(test_other_technician_gets_404_everywhere),
		cmocka_unit_test(test_complete_with_signature_resolves_and_prints),
		cmocka_unit_test(test_complete_refuses_empty_note_and_fake_signature),
		cmocka_unit_test(test_complete_with_a_stale_version_is_409_and_changes_nothing),
		cmocka_unit_test(test_customer_confirms_once_without_signature),
		cmocka_unit_test(test_arrival_returns_to_the_visit_card_with_a_confirmation),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
