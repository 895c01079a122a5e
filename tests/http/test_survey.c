/* HTTP tests of the survey (/survey/<code>) against a running stack
 * ($SL_TEST_URL): only after resolution, 1 to 5 with an optional comment,
 * once; CSRF; the tracking page's thanks; the data kept for reports; the
 * complaint early warning on comments; the guessing limit shared with
 * /track. One scenario per test, named after the rule it checks.
 *
 * Tickets come from the public repair form; their status is arranged
 * straight in the database through `conf/stack/stack.sh sql
 * $SL_TEST_STACK` (run from the repository root, like test_stack() of the
 * harness); every test fails without that access. Failed look-ups
 * count per client address (nginx passes 127.0.0.1 for every test): the
 * set-up and tear-down of the group empty track_failures. */
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

#define assert_contains(hay, needle) do {                                   \
	if ((hay) == NULL || strstr((hay), (needle)) == NULL)                \
		fail_msg("expected to find \"%s\"", (needle));               \
} while (0)
#define assert_not_contains(hay, needle) do {                               \
	if ((hay) == NULL || strstr((hay), (needle)) != NULL)                \
		fail_msg("did not expect \"%s\" (or no page)", (needle));    \
} while (0)

#define CODE_CHARS "abcdefghijklmnopqrstuvwxyz234567"
#define CODE_LEN   26

static int have_db;

/* A customer with the ticket they reported: cookie jar and code. */
struct customer {
	struct hc *hc;
	char      *code;
	char      *csrf;     /* of the survey form, once opened */
};

/* ------------------------------------------------------------ helpers */

/* SQL about the ticket of code: head, then "WHERE track_code = 'code'". */
static char *
ticket_value(const char *head, const char *code)
{
	char sql[2048];

	snprintf(sql, sizeof(sql), "%s WHERE t.track_code = '%s'", head, code);
	return stack_sql_value(sql);
}

static void
assert_ticket_value(const char *head, const char *code, const char *want)
{
	char *got = ticket_value(head, code);

	if (got == NULL || strcmp(got, want) != 0)
		fail_msg("%s: got %s, want %s", head, got != NULL ? got : "(nothing)", want);
	free(got);
}

static void
set_status(const char *code, const char *status)
{
	char sql[512];

	snprintf(sql, sizeof(sql), "UPDATE tickets SET status = '%s' WHERE track_code = '%s'",
	    status, code);
	assert_int_equal(stack_sql(sql), 0);
}

static int
clear_track_failures(void)
{
	return stack_sql("DELETE FROM track_failures");
}

static int
group_setup(void **state)
{
	(void)state;
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	have_db = clear_track_failures() == 0;
	if (!have_db)
		fprintf(stderr, "no access to the stack's database: survey tests fail\n");
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	if (have_db)
		(void)clear_track_failures();
	return 0;
}

static int
test_setup(void **state)
{
	(void)state;
	return have_db ? 0 : -1;        /* a set-up error fails the test */
}

/* A customer who has just reported a fault through /repair. */
static void
customer_new(struct customer *c, const char *description)
{
	struct http_resp r;
	char *csrf, *token, *cat = NULL, *loc, *name = hc_escape("孙八"), *desc;
	char body[2048];
	const char *o;

	memset(c, 0, sizeof(*c));
	c->hc = hc_new();
	assert_int_equal(hc_get(c->hc, "/repair", &r), 0);
	csrf = html_input_value(r.body, "csrf");
	token = html_input_value(r.body, "form_token");
	if ((o = strstr(r.body, "<option value=\"")) != NULL &&
	    (o = strstr(o + 1, "<option value=\"")) != NULL)    /* the first is "choose" */
		cat = strndup(o + 15, strcspn(o + 15, "\""));
	http_resp_free(&r);
	assert_non_null(csrf);
	assert_non_null(token);
	assert_non_null(cat);
	desc = hc_escape(description);
	snprintf(body, sizeof(body), "csrf=%s&form_token=%s&name=%s&phone=13500000000&category=%s"
	    "&description=%s", csrf, token, name, cat, desc);
	assert_int_equal(hc_post_form(c->hc, "/repair", body, &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	assert_int_equal(strncmp(loc, "/track/", 7), 0);
	c->code = strdup(loc + 7);
	http_resp_free(&r);
	free(loc);
	free(csrf);
	free(token);
	free(cat);
	free(name);
	free(desc);
}

/* A customer whose ticket is resolved. */
static void
customer_resolved(struct customer *c)
{
	customer_new(c, "洗衣机脱水时声音很大。");
	set_status(c->code, "resolved");
}

static void
customer_free(struct customer *c)
{
	hc_free(c->hc);
	free(c->code);
	free(c->csrf);
}

static void
survey_get(struct customer *c, struct http_resp *r)
{
	char path[128];

	snprintf(path, sizeof(path), "/survey/%s", c->code);
	assert_int_equal(hc_get(c->hc, path, r), 0);
	if (c->csrf == NULL)
		c->csrf = html_input_value(r->body, "csrf");
}

/* Open the survey (for its csrf token) and send rating and comment (either
 * may be NULL: left out). */
static void
survey_send(struct customer *c, const char *rating, const char *comment, struct http_resp *r)
{
	struct http_resp g;
	char path[128], *form, *e = hc_escape(comment != NULL ? comment : "");
	char *re = hc_escape(rating != NULL ? rating : "");
	size_t n;

	if (c->csrf == NULL) {
		survey_get(c, &g);
		http_resp_free(&g);
	}
	assert_non_null(c->csrf);
	n = strlen(c->csrf) + strlen(e) + strlen(re) + 64;
	form = malloc(n);
	assert_non_null(form);
	snprintf(form, n, "csrf=%s%s%s%s%s", c->csrf, rating != NULL ? "&rating=" : "",
	    rating != NULL ? re : "", comment != NULL ? "&comment=" : "", comment != NULL ? e : "");
	snprintf(path, sizeof(path), "/survey/%s", c->code);
	assert_int_equal(hc_post_form(c->hc, path, form, r), 0);
	free(form);
	free(e);
	free(re);
}

static void
track_get(struct customer *c, struct http_resp *r)
{
	char path[128];

	snprintf(path, sizeof(path), "/track/%s", c->code);
	assert_int_equal(hc_get(c->hc, path, r), 0);
	assert_int_equal(r->status, 200);
}

/* ------------------------------------------------------------- lookup */

static void
test_survey_unknown_code_is_404(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char path[64];
	int i;

	(void)state;
	strcpy(path, "/survey/");
	for (i = 0; i < CODE_LEN; i++)
		path[8 + i] = CODE_CHARS[rand() % 32];
	path[8 + CODE_LEN] = '\0';
	assert_int_equal(hc_get(h, path, &r), 0);
	assert_int_equal(r.status, 404);
	assert_contains(r.body, "找不到这个工单");
	http_resp_free(&r);
	hc_free(h);
}

static void
test_survey_malformed_code_is_404(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(h, "/survey/not-a-code", &r), 0);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_survey_page_is_not_cached_and_leaks_no_referrer(void **state)
{
	struct customer c;
	struct http_resp r;
	char *cc, *rp;

	(void)state;
	customer_resolved(&c);
	survey_get(&c, &r);
	cc = http_header(&r, "Cache-Control");
	rp = http_header(&r, "Referrer-Policy");
	assert_non_null(cc);
	assert_non_null(rp);
	assert_string_equal(cc, "no-store");
	assert_string_equal(rp, "same-origin");
	free(cc);
	free(rp);
	http_resp_free(&r);
	customer_free(&c);
}

/* ------------------------------------------------------------- status */

static void
test_survey_of_unresolved_ticket_is_refused_kindly(void **state)
{
	struct customer c;
	struct http_resp r;

	(void)state;
	customer_new(&c, "洗衣机不进水了。");
	survey_get(&c, &r);
	assert_int_equal(r.status, 409);
	assert_contains(r.body, "工单尚未解决");
	assert_not_contains(r.body, "name=\"rating\"");
	assert_contains(r.body, "/track/");
	http_resp_free(&r);
	customer_free(&c);
}

static void
test_survey_post_to_unresolved_ticket_is_409(void **state)
{
	struct customer c;
	struct http_resp r, g;
	char sql[256];

	(void)state;
	customer_new(&c, "洗衣机不进水了。");
	/* a csrf token from the page (it answers 409 but has the cookie) */
	assert_int_equal(hc_get(c.hc, "/repair", &g), 0);
	c.csrf = html_input_value(g.body, "csrf");
	http_resp_free(&g);
	survey_send(&c, "5", NULL, &r);
	assert_int_equal(r.status, 409);
	assert_contains(r.body, "工单尚未解决");
	http_resp_free(&r);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM surveys s JOIN tickets t"
	    " ON t.id = s.ticket_id WHERE t.track_code = '%s'", c.code);
	{
		char *n = stack_sql_value(sql);

		assert_non_null(n);
		assert_string_equal(n, "0");
		free(n);
	}
	customer_free(&c);
}

static void
test_survey_form_of_resolved_ticket_has_five_choices(void **state)
{
	struct customer c;
	struct http_resp r;

	(void)state;
	customer_resolved(&c);
	survey_get(&c, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(count_of(r.body, "type=\"radio\" name=\"rating\""), 5);
	assert_contains(r.body, "value=\"1\"");
	assert_contains(r.body, "value=\"5\"");
	assert_contains(r.body, "非常满意");
	assert_contains(r.body, "很不满意");
	assert_contains(r.body, "name=\"comment\"");
	assert_contains(r.body, "maxlength=\"1000\"");
	assert_non_null(c.csrf);
	http_resp_free(&r);
	customer_free(&c);
}

static void
test_survey_of_closed_ticket_is_accepted(void **state)
{
	struct customer c;
	struct http_resp r;

	(void)state;
	customer_new(&c, "热水器忽冷忽热。");
	set_status(c.code, "closed");
	survey_send(&c, "4", "", &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	customer_free(&c);
}

static void
test_survey_of_ticket_reopened_meanwhile_is_409(void **state)
{
	struct customer c;
	struct http_resp r;

	(void)state;
	customer_resolved(&c);
	survey_get(&c, &r);      /* the form, while resolved */
	assert_int_equal(r.status, 200);
	http_resp_free(&r);
	set_status(c.code, "reopened");
	survey_send(&c, "5", NULL, &r);
	assert_int_equal(r.status, 409);
	assert_contains(r.body, "工单尚未解决");
	http_resp_free(&r);
	customer_free(&c);
}

/* --------------------------------------------------------- validation */

static void
test_survey_rating_out_of_range_is_422(void **state)
{
	static const char *const bad[] = { "0", "6", "-1", "abc", "4.5", "", " 3x" };
	struct customer c;
	struct http_resp r;
	size_t i;

	(void)state;
	customer_resolved(&c);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		survey_send(&c, bad[i], "还行", &r);
		if (r.status != 422)
			fail_msg("rating \"%s\": status %ld", bad[i], r.status);
		assert_contains(r.body, "id=\"rating-err\">请选择 1 到 5 分。");
		assert_contains(r.body, "还行");     /* the comment is kept */
		http_resp_free(&r);
	}
	customer_free(&c);
}

static void
test_survey_missing_rating_is_422(void **state)
{
	struct customer c;
	struct http_resp r;

	(void)state;
	customer_resolved(&c);
	survey_send(&c, NULL, NULL, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "请选择 1 到 5 分。");
	http_resp_free(&r);
	customer_free(&c);
}

static void
test_survey_comment_over_1000_chars_is_422(void **state)
{
	struct customer c;
	struct http_resp r;
	char *comment = malloc(1001 * 3 + 1);
	int i;

	(void)state;
	assert_non_null(comment);
	comment[0] = '\0';
	for (i = 0; i < 1001; i++)
		strcat(comment, "好");
	customer_resolved(&c);
	survey_send(&c, "5", comment, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"comment-err\">内容太长。");
	assert_contains(r.body, "value=\"5\" required checked");   /* the choice is kept */
	http_resp_free(&r);
	comment[1000 * 3] = '\0';         /* exactly 1000 characters */
	survey_send(&c, "5", comment, &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	free(comment);
	customer_free(&c);
}

/* ----------------------------------------------------------- success */

static void
test_survey_valid_is_303_to_track_which_thanks(void **state)
{
	struct customer c;
	struct http_resp r;
	char *loc, want[64];

	(void)state;
	customer_resolved(&c);
	track_get(&c, &r);
	assert_contains(r.body, "/survey/");             /* the link before */
	http_resp_free(&r);
	survey_send(&c, "4", "师傅准时,态度很好。", &r);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	snprintf(want, sizeof(want), "/track/%s", c.code);
	assert_non_null(loc);
	assert_string_equal(loc, want);
	free(loc);
	http_resp_free(&r);
	track_get(&c, &r);
	assert_contains(r.body, "感谢您的评价");
	assert_contains(r.body, "4 / 5");
	assert_contains(r.body, "满意");
	assert_not_contains(r.body, "href=\"/survey/");   /* no link any more */
	http_resp_free(&r);
	customer_free(&c);
}

static void
test_survey_is_stored_for_reports(void **state)
{
	struct customer c;
	struct http_resp r;

	(void)state;
	customer_resolved(&c);
	survey_send(&c, "2", "等了太久。", &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_ticket_value("SELECT CONCAT(s.rating, ' ', s.comment, ' ',"
	    " s.created_at > UTC_TIMESTAMP() - INTERVAL 1 HOUR) FROM surveys s"
	    " JOIN tickets t ON t.id = s.ticket_id", c.code, "2 等了太久。 1");
	/* The rated milestone, in the survey's own transaction. */
	assert_ticket_value("SELECT t.rated_at = s.created_at FROM surveys s"
	    " JOIN tickets t ON t.id = s.ticket_id", c.code, "1");
	customer_free(&c);
}

/* Staff read the customer's words: the desk ticket page and the
 * dashboard's recent ratings (escaped; a viewer gets no desk link). */
static void
test_survey_comment_is_shown_to_staff(void **state)
{
	struct customer c;
	struct http_resp r;
	struct hc *sup = hc_new(), *viewer = hc_new();
	char comment[128], shown[160], path[64], *id;

	(void)state;
	customer_resolved(&c);
	snprintf(comment, sizeof(comment), "<b>等了太久</b> sv%lx%x", (long)time(NULL),
	    (unsigned)rand());
	survey_send(&c, "2", comment, &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	snprintf(shown, sizeof(shown), "&lt;b&gt;等了太久&lt;/b&gt; %s", strchr(comment, ' ') + 1);
	assert_non_null(id = ticket_value("SELECT t.id FROM tickets t", c.code));
	assert_int_equal(hc_login(sup, "supervisor", "demo1234"), 303);
	snprintf(path, sizeof(path), "/desk/tickets/%s", id);
	assert_int_equal(hc_get(sup, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "class=\"card tk-survey\"");
	assert_contains(r.body, "2/5 · 不满意");
	assert_contains(r.body, shown);
	assert_not_contains(r.body, comment);
	http_resp_free(&r);
	assert_int_equal(hc_get(sup, "/dash/", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "id=\"dash-ratings\"");
	assert_contains(r.body, shown);
	snprintf(path, sizeof(path), "<a href=\"/desk/tickets/%s\">", id);
	assert_contains(r.body, path);
	http_resp_free(&r);
	assert_int_equal(hc_login(viewer, "viewer", "demo1234"), 303);
	assert_int_equal(hc_get(viewer, "/dash/", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, shown);
	assert_not_contains(r.body, path);
	http_resp_free(&r);
	free(id);
	hc_free(sup);
	hc_free(viewer);
	customer_free(&c);
}

static void
test_survey_empty_comment_is_stored_as_null(void **state)
{
	struct customer c;
	struct http_resp r;

	(void)state;
	customer_resolved(&c);
	survey_send(&c, "5", "   ", &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_ticket_value("SELECT CONCAT(s.rating, ' ', s.comment IS NULL) FROM surveys s"
	    " JOIN tickets t ON t.id = s.ticket_id", c.code, "5 1");
	customer_free(&c);
}

static void
test_survey_second_submission_is_409(void **state)
{
	struct customer c;
	struct http_resp r;

	(void)state;
	customer_resolved(&c);
	survey_send(&c, "5", NULL, &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	survey_send(&c, "1", "改主意了", &r);
	assert_int_equal(r.status, 409);
	assert_contains(r.body, "已评价，谢谢");
	http_resp_free(&r);
	assert_ticket_value("SELECT CONCAT(COUNT(*), ' ', MIN(s.rating)) FROM surveys s"
	    " JOIN tickets t ON t.id = s.ticket_id", c.code, "1 5");
	customer_free(&c);
}

static void
test_survey_page_after_rating_says_thanks(void **state)
{
	struct customer c;
	struct http_resp r;

	(void)state;
	customer_resolved(&c);
	survey_send(&c, "3", NULL, &r);
	http_resp_free(&r);
	survey_get(&c, &r);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "已评价，谢谢");
	assert_contains(r.body, "3 / 5");
	assert_not_contains(r.body, "name=\"rating\"");
	http_resp_free(&r);
	customer_free(&c);
}

static void
test_survey_in_english(void **state)
{
	struct customer c;
	struct http_resp r;
	char path[128];

	(void)state;
	customer_resolved(&c);
	snprintf(path, sizeof(path), "/survey/%s?lang=en", c.code);
	assert_int_equal(hc_get(c.hc, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "Very satisfied");
	http_resp_free(&r);
	customer_free(&c);
}

/* --------------------------------------------------------------- CSRF */

static void
test_survey_without_csrf_is_403(void **state)
{
	struct customer c;
	struct http_resp r;
	char path[128];

	(void)state;
	customer_resolved(&c);
	snprintf(path, sizeof(path), "/survey/%s", c.code);
	assert_int_equal(hc_post_form(c.hc, path, "rating=5", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_ticket_value("SELECT COUNT(s.id) FROM tickets t LEFT JOIN surveys s"
	    " ON s.ticket_id = t.id", c.code, "0");
	customer_free(&c);
}

static void
test_survey_from_another_site_is_403(void **state)
{
	struct customer c;
	struct http_resp r, g;
	char path[128], form[256], where[64], *before;

	(void)state;
	customer_resolved(&c);
	survey_get(&c, &g);
	http_resp_free(&g);
	snprintf(where, sizeof(where), "t.track_code = '%s'", c.code);
	before = ticket_snapshot(where);
	snprintf(path, sizeof(path), "/survey/%s", c.code);
	snprintf(form, sizeof(form), "csrf=%s&rating=1", c.csrf);
	assert_int_equal(hc_post_form_h(c.hc, path, form, "Origin: http://evil.example", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_ticket_unchanged(where, before);
	customer_free(&c);
}

/* "Origin: <scheme>://<host>[:port]" of the stack under test (from
 * $SL_TEST_URL, without any path): what a browser sends with the site's
 * own forms under Referrer-Policy: same-origin. */
static void
own_origin_header(char *out, size_t cap)
{
	const char *base = test_base_url(), *host = strstr(base, "://");
	size_t n = host != NULL ? (size_t)(host + 3 - base) + strcspn(host + 3, "/") :
	    strlen(base);

	snprintf(out, cap, "Origin: %.*s", (int)n, base);
}

/* POST form to path as c with one extra header; the status. */
static long
post_with(struct customer *c, const char *path, const char *form, const char *header)
{
	struct http_resp r;
	long st;

	assert_int_equal(hc_post_form_h(c->hc, path, form, header, &r), 0);
	st = r.status;
	http_resp_free(&r);
	return st;
}

/* A browser sends "Origin: null" when it hides the origin (e.g. under
 * Referrer-Policy: no-referrer): the reply and the survey refuse it and
 * store nothing, yet take the same form with the site's own Origin. The
 * pages ask for same-origin, so real browsers send the real Origin. */
static void
test_reply_and_survey_refuse_null_origin_and_take_their_own(void **state)
{
	struct customer c;
	struct http_resp r;
	char path[128], form[256], where[64], own[256], sql[256], *before, *rp;

	(void)state;
	own_origin_header(own, sizeof(own));
	customer_new(&c, "冰箱冷藏室不凉,冷冻正常。");
	snprintf(where, sizeof(where), "t.track_code = '%s'", c.code);
	snprintf(path, sizeof(path), "/track/%s", c.code);
	assert_int_equal(hc_get(c.hc, path, &r), 0);
	assert_int_equal(r.status, 200);
	rp = http_header(&r, "Referrer-Policy");
	assert_non_null(rp);
	assert_string_equal(rp, "same-origin");
	free(rp);
	c.csrf = html_input_value(r.body, "csrf");
	http_resp_free(&r);
	assert_non_null(c.csrf);
	/* POST /track/<code>/reply */
	snprintf(path, sizeof(path), "/track/%s/reply", c.code);
	snprintf(form, sizeof(form), "csrf=%s&body=origin-check-%ld", c.csrf, (long)getpid());
	before = ticket_snapshot(where);
	assert_int_equal(post_with(&c, path, form, "Origin: null"), 403);
	assert_ticket_unchanged(where, before);
	assert_int_equal(post_with(&c, path, form, own), 303);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM ticket_events e JOIN tickets t"
	    " ON t.id = e.ticket_id WHERE %s AND e.kind = 'customer_reply'"
	    " AND e.body = 'origin-check-%ld'", where, (long)getpid());
	assert_int_equal(stack_sql_int(sql), 1);
	/* POST /survey/<code>, once the ticket is resolved */
	set_status(c.code, "resolved");
	snprintf(path, sizeof(path), "/survey/%s", c.code);
	assert_int_equal(hc_get(c.hc, path, &r), 0);
	assert_int_equal(r.status, 200);
	rp = http_header(&r, "Referrer-Policy");
	assert_non_null(rp);
	assert_string_equal(rp, "same-origin");
	free(rp);
	http_resp_free(&r);
	snprintf(form, sizeof(form), "csrf=%s&rating=4&comment=", c.csrf);
	before = ticket_snapshot(where);
	assert_int_equal(post_with(&c, path, form, "Origin: null"), 403);
	assert_ticket_unchanged(where, before);
	assert_int_equal(post_with(&c, path, form, own), 303);
	assert_ticket_value("SELECT COALESCE(MAX(s.rating), 0) FROM tickets t LEFT JOIN surveys s"
	    " ON s.ticket_id = t.id", c.code, "4");
	customer_free(&c);
}

/* ------------------------------------------------ complaint early warning */

static void
test_survey_comment_with_complaint_flags_ticket(void **state)
{
	struct customer c;
	struct http_resp r;

	(void)state;
	customer_resolved(&c);
	assert_ticket_value("SELECT t.flagged FROM tickets t", c.code, "0");
	survey_send(&c, "1", "修了三次都没修好,我要投诉!", &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_ticket_value("SELECT CONCAT(t.flagged, ' ', t.priority, ' ', COUNT(f.id), ' ',"
	    " MIN(f.source), ' ', MIN(k.phrase)) FROM tickets t"
	    " JOIN ticket_flags f ON f.ticket_id = t.id JOIN keyword_rules k ON k.id = f.rule_id",
	    c.code, "1 high 1 survey 投诉");
	customer_free(&c);
}

static void
test_survey_plain_comment_does_not_flag(void **state)
{
	struct customer c;
	struct http_resp r;

	(void)state;
	customer_resolved(&c);
	survey_send(&c, "5", "很满意,谢谢师傅。", &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_ticket_value("SELECT CONCAT(t.flagged, ' ', t.priority) FROM tickets t", c.code,
	    "0 normal");
	customer_free(&c);
}

/* ----------------------------------------------------- guessing limit */

static void
test_survey_shares_the_track_guessing_limit(void **state)
{
	struct customer c;
	struct http_resp r;
	char *ra;
	int i;

	(void)state;
	customer_resolved(&c);
	for (i = 0; i < 20; i++)
		assert_int_equal(stack_sql("INSERT INTO track_failures (addr, at)"
		    " VALUES ('127.0.0.1', UTC_TIMESTAMP())"), 0);
	survey_get(&c, &r);
	assert_int_equal(r.status, 429);
	ra = http_header(&r, "Retry-After");
	assert_non_null(ra);
	free(ra);
	http_resp_free(&r);
	assert_int_equal(clear_track_failures(), 0);
	survey_get(&c, &r);
	assert_int_equal(r.status, 200);
	http_resp_free(&r);
	customer_free(&c);
}

static void
test_survey_unknown_codes_count_as_failures(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *before, *after;

	(void)state;
	before = stack_sql_value("SELECT COUNT(*) FROM track_failures WHERE addr = '127.0.0.1'");
	assert_int_equal(hc_get(h, "/survey/aaaaaaaaaaaaaaaaaaaaaaaaaa", &r), 0);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	after = stack_sql_value("SELECT COUNT(*) FROM track_failures WHERE addr = '127.0.0.1'");
	assert_non_null(before);
	assert_non_null(after);
	assert_int_equal(strtol(after, NULL, 10), strtol(before, NULL, 10) + 1);
	free(before);
	free(after);
	hc_free(h);
	assert_int_equal(clear_track_failures(), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, test_setup, NULL)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_survey_unknown_code_is_404),
		T(test_survey_malformed_code_is_404),
		T(test_survey_page_is_not_cached_and_leaks_no_referrer),
		T(test_survey_of_unresolved_ticket_is_refused_kindly),
		T(test_survey_post_to_unresolved_ticket_is_409),
		T(test_survey_form_of_resolved_ticket_has_five_choices),
		T(test_survey_of_closed_ticket_is_accepted),
		T(test_survey_of_ticket_reopened_meanwhile_is_409),
		T(test_survey_rating_out_of_range_is_422),
		T(test_survey_missing_rating_is_422),
		T(test_survey_comment_over_1000_chars_is_422),
		T(test_survey_valid_is_303_to_track_which_thanks),
		T(test_survey_is_stored_for_reports),
		T(test_survey_comment_is_shown_to_staff),
		T(test_survey_empty_comment_is_stored_as_null),
		T(test_survey_second_submission_is_409),
		T(test_survey_page_after_rating_says_thanks),
		T(test_survey_in_english),
		T(test_survey_without_csrf_is_403),
		T(test_survey_from_another_site_is_403),
		T(test_reply_and_survey_refuse_null_origin_and_take_their_own),
		T(test_survey_comment_with_complaint_flags_ticket),
		T(test_survey_plain_comment_does_not_flag),
		T(test_survey_shares_the_track_guessing_limit),
		T(test_survey_unknown_codes_count_as_failures),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
