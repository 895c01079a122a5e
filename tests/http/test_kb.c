/* HTTP tests of the knowledge base: GET /desk/kb (list and Chinese search),
 * GET/POST /desk/kb/new, GET /desk/kb/<id>, GET/POST /desk/kb/<id>/edit,
 * POST /desk/kb/<id>/vote and GET /desk/tickets/<id>/kb (the articles
 * matching a ticket), through the test stack ($SL_TEST_URL) as the demo
 * users (password demo1234). Tickets come from the public repair form;
 * their ids are read from the test database ($SL_TEST_STACK) with
 * `conf/stack/stack.sh sql`.
 *
 * Articles made here are in category 电视 (TV) unless the test is about
 * matching air-conditioner tickets, so that they do not crowd the seeded
 * air-conditioner articles out of the matches when the tests run often on
 * the same database. Every text carries a marker unique to the run. */
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

static struct hc *agent;        /* signed in for the whole run */
static unsigned   serial;

/* A marker unique to this run and call: letters and digits (one search
 * token, short enough for a tag), e.g. "kb6000001234n3". */
static const char *
marker(void)
{
	static char buf[64];

	snprintf(buf, sizeof(buf), "kb%06ld%05ldn%u", (long)(time(NULL) % 1000000),
	    (long)(getpid() % 100000), ++serial);
	return buf;
}

static struct hc *
staff(const char *login)
{
	struct hc *h = hc_new();

	assert_int_equal(hc_login(h, login, PASSWORD), 303);
	return h;
}

/* The value of the <option> whose label is exactly label, or 0. */
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

/* The category id of label, from the new-article form. */
static long long
category_id(const char *label)
{
	struct http_resp r;
	long long id;

	assert_int_equal(hc_get(agent, "/desk/kb/new", &r), 0);
	assert_int_equal(r.status, 200);
	id = option_for_label(r.body, label);
	http_resp_free(&r);
	assert_true(id > 0);
	return id;
}

/* POST the new-article form as h with the given fields (urlencoded, csrf
 * and form_token added); the response into r. */
static void
post_new(struct hc *h, const char *fields, struct http_resp *r)
{
	struct http_resp g;
	char *csrf, *token, *body;
	size_t n;

	assert_int_equal(hc_get(h, "/desk/kb/new", &g), 0);
	assert_int_equal(g.status, 200);
	csrf = html_input_value(g.body, "csrf");
	token = html_input_value(g.body, "form_token");
	http_resp_free(&g);
	assert_non_null(csrf);
	assert_non_null(token);
	n = strlen(fields) + 256;
	body = malloc(n);
	assert_non_null(body);
	snprintf(body, n, "csrf=%s&form_token=%s&%s", csrf, token, fields);
	assert_int_equal(hc_post_form(h, "/desk/kb/new", body, r), 0);
	free(body);
	free(csrf);
	free(token);
}

/* A new published article as the agent; returns its id. */
static long long
create_article(const char *kind, long long category, const char *title, const char *tags,
    const char *text)
{
	struct http_resp r;
	char *t = hc_escape(title), *g = hc_escape(tags), *b = hc_escape(text), *loc;
	char *fields;
	long long id;
	size_t n = strlen(t) + strlen(g) + strlen(b) + 128;

	fields = malloc(n);
	assert_non_null(fields);
	snprintf(fields, n, "kind=%s&title=%s&category=%lld&tags=%s&body=%s&published=1",
	    kind, t, category, g, b);
	post_new(agent, fields, &r);
	if (r.status != 303)
		fprintf(stderr, "POST /desk/kb/new: %ld\n%s\n", r.status, r.body);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	assert_int_equal(strncmp(loc, "/desk/kb/", 9), 0);
	id = strtoll(loc + 9, NULL, 10);
	assert_true(id > 0);
	/* the article, saying it is saved (once: the key of the redirect) */
	assert_non_null(strstr(loc, "?done=kb_saved#article"));
	http_resp_free(&r);
	assert_int_equal(hc_get(agent, loc, &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "id=\"kb-saved\"");
	assert_contains(r.body, "文章已保存。");
	free(loc);
	http_resp_free(&r);
	free(fields);
	free(t);
	free(g);
	free(b);
	return id;
}

/* GET path as h, expect 200, into r. */
static void
get_ok(struct hc *h, const char *path, struct http_resp *r)
{
	assert_int_equal(hc_get(h, path, r), 0);
	if (r->status != 200)
		fprintf(stderr, "GET %s: %ld\n", path, r->status);
	assert_int_equal(r->status, 200);
}

/* The list page for query (already URL-encoded) as the agent into r. */
static void
search(const char *query, struct http_resp *r)
{
	char path[1024];

	snprintf(path, sizeof(path), "/desk/kb?%s", query);
	get_ok(agent, path, r);
}

static void
article_link(char *out, size_t cap, long long id)
{
	snprintf(out, cap, "href=\"/desk/kb/%lld\"", id);
}

/* The number in <span class="kb-count" data-count="which">N</span>. */
static long
vote_count(const char *html, const char *which)
{
	char pat[64];
	const char *p;

	snprintf(pat, sizeof(pat), "data-count=\"%s\">", which);
	p = strstr(html, pat);
	assert_non_null(p);
	return strtol(p + strlen(pat), NULL, 10);
}

static void
vote(struct hc *h, long long id, const char *helpful)
{
	struct http_resp r;
	char path[64], body[256], *csrf;

	snprintf(path, sizeof(path), "/desk/kb/%lld", id);
	csrf = hc_csrf(h, path);
	assert_non_null(csrf);
	snprintf(path, sizeof(path), "/desk/kb/%lld/vote", id);
	snprintf(body, sizeof(body), "csrf=%s&helpful=%s", csrf, helpful);
	free(csrf);
	assert_int_equal(hc_post_form(h, path, body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
}

/* The id of ticket number (R-YYYYMMDD-NNNN) from the test database. */
static long long
ticket_id_of(const char *number)
{
	char sql[160];
	const char *p;
	long long id;

	for (p = number; *p != '\0'; p++)       /* only R, digits and dashes */
		assert_true(*p == 'R' || *p == '-' || isdigit((unsigned char)*p));
	snprintf(sql, sizeof(sql), "SELECT id FROM tickets WHERE number = '%s'", number);
	id = stack_sql_int(sql);
	assert_true(id > 0);
	return id;
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

/* A ticket through the public repair form in the category labelled
 * category; returns its id. */
static long long
create_ticket(const char *category, const char *product, const char *description)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char *csrf, *token, *loc, cat[24], number[32];
	struct hc_part parts[8];
	size_t n = 0;

	get_ok(h, "/repair", &r);
	csrf = html_input_value(r.body, "csrf");
	token = html_input_value(r.body, "form_token");
	snprintf(cat, sizeof(cat), "%lld", option_for_label(r.body, category));
	http_resp_free(&r);
	assert_non_null(csrf);
	assert_non_null(token);
	assert_string_not_equal(cat, "0");
	parts[n++] = (struct hc_part){ "csrf", csrf, 0, NULL, NULL };
	parts[n++] = (struct hc_part){ "form_token", token, 0, NULL, NULL };
	parts[n++] = (struct hc_part){ "name", "知识测试客户", 0, NULL, NULL };
	parts[n++] = (struct hc_part){ "phone", "13800138000", 0, NULL, NULL };
	parts[n++] = (struct hc_part){ "category", cat, 0, NULL, NULL };
	parts[n++] = (struct hc_part){ "product", product, 0, NULL, NULL };
	parts[n++] = (struct hc_part){ "description", description, 0, NULL, NULL };
	assert_int_equal(hc_post_multipart(h, "/repair", parts, n, &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	http_resp_free(&r);
	assert_non_null(loc);
	assert_non_null(strstr(loc, "/track/"));
	get_ok(h, strstr(loc, "/track/"), &r);
	assert_int_equal(find_number(r.body, number, sizeof(number)), 0);
	http_resp_free(&r);
	free(csrf);
	free(token);
	free(loc);
	hc_free(h);
	return ticket_id_of(number);
}

/* --- access ------------------------------------------------------------------ */

static void
test_agent_creates_article_and_sees_it(void **state)
{
	const char *m = marker();
	char title[128], link[64];
	struct http_resp r;
	long long id;

	(void)state;
	snprintf(title, sizeof(title), "电视遥控失灵处理 %s", m);
	id = create_article("faq", category_id("电视"), title, "电视, 遥控器，TV",
	    "第一步:更换电池。\n第二步:对准接收窗。");
	snprintf(link, sizeof(link), "/desk/kb/%lld", id);
	get_ok(agent, link, &r);
	assert_contains(r.body, title);
	assert_contains(r.body, "第一步:更换电池。\n第二步:对准接收窗。");   /* line breaks kept */
	assert_contains(r.body, ">#遥控器</a>");
	assert_contains(r.body, ">#tv</a>");                /* normalised: lower case */
	assert_contains(r.body, "kb-kind-faq");
	http_resp_free(&r);
}

static void
test_technician_can_read_but_cannot_create(void **state)
{
	struct hc *tech = staff("tech");
	struct http_resp r;
	char body[256], *csrf, *before;

	(void)state;
	get_ok(tech, "/desk/kb", &r);
	assert_not_contains(r.body, "href=\"/desk/kb/new\"");
	http_resp_free(&r);
	get_ok(tech, "/desk/kb/1", &r);       /* a seeded article */
	assert_not_contains(r.body, "/desk/kb/1/edit");
	http_resp_free(&r);
	assert_int_equal(hc_get(tech, "/desk/kb/new", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	csrf = hc_csrf(tech, "/desk/kb");       /* the sign-out form's token */
	assert_non_null(csrf);
	snprintf(body, sizeof(body), "csrf=%s&kind=faq&title=x&body=y&published=1", csrf);
	free(csrf);
	before = tables_checksum("kb_articles, kb_votes");
	assert_int_equal(hc_post_form(tech, "/desk/kb/new", body, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_int_equal(hc_post_form(tech, "/desk/kb/1/edit", body, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_tables_unchanged("kb_articles, kb_votes", before);
	hc_free(tech);
}

static void
test_viewer_and_anonymous_are_kept_out(void **state)
{
	struct hc *viewer = staff("viewer"), *anon = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(viewer, "/desk/kb", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_int_equal(hc_get(anon, "/desk/kb/1", &r), 0);
	assert_int_equal(r.status, 303);               /* to the sign-in page */
	http_resp_free(&r);
	hc_free(viewer);
	hc_free(anon);
}

static void
test_post_without_csrf_is_403(void **state)
{
	struct http_resp r;
	char *before;

	(void)state;
	before = tables_checksum("kb_articles, kb_votes");
	assert_int_equal(hc_post_form(agent, "/desk/kb/new",
	    "kind=faq&title=x&body=y&published=1", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_int_equal(hc_post_form(agent, "/desk/kb/1/vote", "helpful=1", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_int_equal(hc_post_form(agent, "/desk/kb/1/edit",
	    "kind=faq&title=x&body=y&published=1&version=1", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_tables_unchanged("kb_articles, kb_votes", before);
}

/* --- search ------------------------------------------------------------------- */

static void
test_search_finds_word_inside_chinese_text(void **state)
{
	const char *m = marker();
	char title[128], tags[64], q[256], link[64];
	struct http_resp r;
	long long id;

	(void)state;
	snprintf(title, sizeof(title), "客户来电问题汇总 %s", m);
	snprintf(tags, sizeof(tags), "%s", m);
	id = create_article("case", category_id("电视"), title, tags,
	    "用户反映家用空调不制冷,同时电视没有声音。");
	article_link(link, sizeof(link), id);
	search("q=%E7%A9%BA%E8%B0%83", &r);                   /* 空调 */
	assert_contains(r.body, link);
	http_resp_free(&r);
	snprintf(q, sizeof(q), "q=%%E7%%A9%%BA%%E8%%B0%%83&tag=%s", m);   /* + its tag */
	search(q, &r);
	assert_contains(r.body, link);
	http_resp_free(&r);
	snprintf(q, sizeof(q), "q=%%E5%%86%%B0%%E7%%AE%%B1&tag=%s", m);   /* 冰箱: not in it */
	search(q, &r);
	assert_not_contains(r.body, link);
	http_resp_free(&r);
}

static void
test_search_finds_seeded_articles(void **state)
{
	struct http_resp r;

	(void)state;
	search("q=%E5%9B%9B%E9%80%9A%E9%98%80", &r);            /* 四通阀 */
	assert_contains(r.body, "家用空调不制冷排查 SOP");
	http_resp_free(&r);
	search("q=%E5%86%B7%E5%87%9D%E6%B0%B4&kind=faq", &r);    /* 冷凝水, FAQ */
	assert_contains(r.body, "空调外机滴水是否正常");
	assert_not_contains(r.body, "家用空调不制冷排查 SOP");
	http_resp_free(&r);
	search("q=%E6%BC%8F%E6%B0%B4&kind=case", &r);            /* 漏水, cases */
	assert_contains(r.body, "滚筒洗衣机底部漏水案例");
	http_resp_free(&r);
}

static void
test_search_without_match_says_so(void **state)
{
	char q[128];
	struct http_resp r;

	(void)state;
	snprintf(q, sizeof(q), "q=%s", marker());
	search(q, &r);
	assert_contains(r.body, "没有符合条件的文章");
	assert_not_contains(r.body, "class=\"card kb-item\"");
	http_resp_free(&r);
}

/* --- votes -------------------------------------------------------------------- */

static void
test_vote_twice_by_same_user_counts_once(void **state)
{
	struct hc *tech = staff("tech");
	char title[128], path[64];
	struct http_resp r;
	long long id;

	(void)state;
	snprintf(title, sizeof(title), "电视投票测试 %s", marker());
	id = create_article("sop", category_id("电视"), title, "", "投票测试正文。");
	snprintf(path, sizeof(path), "/desk/kb/%lld", id);
	vote(tech, id, "1");
	vote(tech, id, "1");
	get_ok(tech, path, &r);
	assert_int_equal(vote_count(r.body, "yes"), 1);
	assert_int_equal(vote_count(r.body, "no"), 0);
	assert_contains(r.body, "aria-pressed=\"true\">👍");
	http_resp_free(&r);
	vote(tech, id, "0");                                   /* changes the vote */
	vote(agent, id, "1");                                  /* another user */
	get_ok(tech, path, &r);
	assert_int_equal(vote_count(r.body, "yes"), 1);
	assert_int_equal(vote_count(r.body, "no"), 1);
	http_resp_free(&r);
	hc_free(tech);
}

static void
test_vote_with_bad_value_is_422(void **state)
{
	struct http_resp r;
	char body[256], *csrf = hc_csrf(agent, "/desk/kb/2"), *before;

	(void)state;
	assert_non_null(csrf);
	snprintf(body, sizeof(body), "csrf=%s&helpful=maybe", csrf);
	free(csrf);
	before = tables_checksum("kb_articles, kb_votes");
	assert_int_equal(hc_post_form(agent, "/desk/kb/2/vote", body, &r), 0);
	assert_int_equal(r.status, 422);
	http_resp_free(&r);
	snprintf(body, sizeof(body), "csrf=x&helpful=1");
	assert_int_equal(hc_post_form(agent, "/desk/kb/999999999/vote", body, &r), 0);
	assert_int_equal(r.status, 403);                       /* csrf first */
	http_resp_free(&r);
	assert_tables_unchanged("kb_articles, kb_votes", before);
}

/* --- validation, escaping, editing ---------------------------------------------- */

static void
test_invalid_article_is_422_with_values_kept(void **state)
{
	struct http_resp r;

	(void)state;
	post_new(agent, "kind=faq&title=&category=abc&tags=&body=%E4%BF%9D%E7%95%99%E6%88%91", &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"title-err\"");
	assert_contains(r.body, "id=\"category-err\"");
	assert_contains(r.body, ">保留我</textarea>");
	http_resp_free(&r);
	post_new(agent, "kind=blog&title=t&body=b&tags=a,b,c,d,e,f,g,h,i,j,k", &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"kind-err\"");
	assert_contains(r.body, "id=\"tags-err\"");
	http_resp_free(&r);
}

static void
test_markup_in_title_and_body_is_escaped(void **state)
{
	char title[160], path[64], q[128];
	struct http_resp r;
	const char *m = marker();
	long long id;

	(void)state;
	snprintf(title, sizeof(title), "<script>alert(1)</script> %s", m);
	id = create_article("faq", category_id("电视"), title, "<b>tag</b>",
	    "<img src=x onerror=alert(2)>\n\"quoted\" & 'single'");
	snprintf(path, sizeof(path), "/desk/kb/%lld", id);
	get_ok(agent, path, &r);
	assert_not_contains(r.body, "<script>alert(1)");
	assert_not_contains(r.body, "<img src=x");
	assert_not_contains(r.body, "<b>tag");
	assert_contains(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;");
	assert_contains(r.body, "&lt;img src=x onerror=alert(2)&gt;");
	http_resp_free(&r);
	snprintf(q, sizeof(q), "q=%s", m);
	search(q, &r);
	assert_contains(r.body, "&lt;script&gt;");
	assert_not_contains(r.body, "<script>alert(1)");
	http_resp_free(&r);
}

static void
test_edit_changes_article_and_stale_version_is_409(void **state)
{
	char title[128], path[64], body[1024], q[128], *csrf, *version, *t;
	const char *m = marker();
	struct http_resp r;
	long long id;

	(void)state;
	id = create_article("faq", category_id("电视"), "电视编辑测试", "", "旧的正文。");
	snprintf(path, sizeof(path), "/desk/kb/%lld/edit", id);
	get_ok(agent, path, &r);
	csrf = html_input_value(r.body, "csrf");
	version = html_input_value(r.body, "version");
	assert_contains(r.body, ">旧的正文。</textarea>");
	http_resp_free(&r);
	assert_non_null(csrf);
	assert_non_null(version);
	snprintf(title, sizeof(title), "电视编辑后 %s", m);
	t = hc_escape(title);
	snprintf(body, sizeof(body), "csrf=%s&version=%s&kind=sop&title=%s&category=&tags=&"
	    "body=%%E6%%96%%B0%%E6%%AD%%A3%%E6%%96%%87&published=1", csrf, version, t);
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	snprintf(q, sizeof(q), "q=%s", m);                    /* found by its new title */
	search(q, &r);
	assert_contains(r.body, "电视编辑后");
	assert_contains(r.body, "kb-kind-sop");
	http_resp_free(&r);
	assert_int_equal(hc_post_form(agent, path, body, &r), 0);   /* same version again */
	assert_int_equal(r.status, 409);
	assert_contains(r.body, "已被其他人修改");
	assert_contains(r.body, "电视编辑后");                 /* the text is kept */
	http_resp_free(&r);
	free(t);
	free(csrf);
	free(version);
}

static void
test_draft_is_hidden_from_technicians(void **state)
{
	struct hc *tech = staff("tech");
	char fields[256], path[64], *loc;
	struct http_resp r;
	long long id;

	(void)state;
	snprintf(fields, sizeof(fields), "kind=faq&title=%s&category=&tags=&body=draft",
	    marker());
	post_new(agent, fields, &r);                           /* no published=1 */
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	id = strtoll(loc + 9, NULL, 10);
	free(loc);
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/desk/kb/%lld", id);
	get_ok(agent, path, &r);
	assert_contains(r.body, "草稿");
	http_resp_free(&r);
	assert_int_equal(hc_get(tech, path, &r), 0);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	hc_free(tech);
}

static void
test_same_form_sent_twice_makes_one_article(void **state)
{
	struct http_resp g, r1, r2;
	char body[512], *csrf, *token, *l1, *l2;

	(void)state;
	get_ok(agent, "/desk/kb/new", &g);
	csrf = html_input_value(g.body, "csrf");
	token = html_input_value(g.body, "form_token");
	http_resp_free(&g);
	snprintf(body, sizeof(body), "csrf=%s&form_token=%s&kind=faq&title=%s&body=x&published=1",
	    csrf, token, marker());
	assert_int_equal(hc_post_form(agent, "/desk/kb/new", body, &r1), 0);
	assert_int_equal(hc_post_form(agent, "/desk/kb/new", body, &r2), 0);
	assert_int_equal(r1.status, 303);
	assert_int_equal(r2.status, 303);
	l1 = http_header(&r1, "Location");
	l2 = http_header(&r2, "Location");
	assert_non_null(l1);
	assert_non_null(l2);
	assert_string_equal(l1, l2);
	free(l1);
	free(l2);
	http_resp_free(&r1);
	http_resp_free(&r2);
	free(csrf);
	free(token);
}

/* --- matches on a ticket ---------------------------------------------------------- */

static void
test_ac_ticket_lists_the_ac_article(void **state)
{
	const char *m = marker();
	char title[128], text[256], desc[256], path[64], link[64], seed[64];
	struct http_resp r;
	long long ac = category_id("空调"), id, tid;

	(void)state;
	snprintf(title, sizeof(title), "空调不制冷上门检查要点 %s", m);
	snprintf(text, sizeof(text), "家用空调不制冷:先查滤网和外机,再测压力。型号 %s。", m);
	id = create_article("sop", ac, title, "空调,不制冷", text);
	article_link(link, sizeof(link), id);
	snprintf(desc, sizeof(desc), "家里空调不制冷,开了半小时还是热风。%s", m);
	tid = create_ticket("空调", "KFR-35GW", desc);
	snprintf(path, sizeof(path), "/desk/tickets/%lld/kb", tid);
	get_ok(agent, path, &r);
	assert_contains(r.body, "可能有用的知识");
	assert_contains(r.body, link);
	http_resp_free(&r);

	/* the seeded SOP, on its own rare words (四通阀, 制冷剂) */
	tid = create_ticket("空调", "", "空调不制冷,师傅说可能是四通阀串气或者制冷剂不足");
	snprintf(path, sizeof(path), "/desk/tickets/%lld/kb", tid);
	get_ok(agent, path, &r);
	assert_contains(r.body, "家用空调不制冷排查 SOP");
	snprintf(seed, sizeof(seed), "冰箱异响怎么办");           /* other category */
	assert_not_contains(r.body, seed);
	http_resp_free(&r);
}

static void
test_fridge_ticket_does_not_list_ac_articles(void **state)
{
	char path[64];
	struct http_resp r;
	long long tid;

	(void)state;
	tid = create_ticket("冰箱", "BCD-520", "冰箱和空调都不制冷,冰箱有异响");
	snprintf(path, sizeof(path), "/desk/tickets/%lld/kb", tid);
	get_ok(agent, path, &r);
	assert_not_contains(r.body, "家用空调不制冷排查 SOP");
	assert_contains(r.body, "冰箱异响怎么办");
	http_resp_free(&r);
}

static void
test_ticket_kb_page_follows_ticket_access(void **state)
{
	struct hc *tech = staff("tech");
	struct http_resp r;
	char path[64];
	long long tid = create_ticket("电视", "", "电视开机黑屏但是有声音");

	(void)state;
	snprintf(path, sizeof(path), "/desk/tickets/%lld/kb", tid);
	assert_int_equal(hc_get(tech, path, &r), 0);         /* not assigned to tech */
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	assert_int_equal(hc_get(agent, "/desk/tickets/999999999/kb", &r), 0);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	get_ok(agent, path, &r);
	assert_contains(r.body, "电视开机黑屏有声音排查");
	http_resp_free(&r);
	hc_free(tech);
}

/* The ticket page keeps a ticket's matches (ticket_kb_matches) while the
 * articles, the ticket's category and its text stay the same: a new
 * article, an edited title, a vote and a changed ticket text each show on
 * the next view. */
static void
test_ticket_page_matches_follow_every_change(void **state)
{
	const char *m = marker();
	char mark[64], title[128], title2[128], desc[256], path[64], body[1024], sql[256];
	char link[64], want[512], *csrf, *version, *t;
	struct http_resp r;
	long long tv = category_id("电视"), id, tid;

	(void)state;
	snprintf(mark, sizeof(mark), "%s", m);
	snprintf(desc, sizeof(desc), "电视遥控器没反应 %s", mark);
	snprintf(title, sizeof(title), "遥控器失灵处理 %s", mark);
	tid = create_ticket("电视", "", desc);
	snprintf(path, sizeof(path), "/desk/tickets/%lld", tid);
	get_ok(agent, path, &r);                        /* matched and stored: no article yet */
	assert_contains(r.body, desc);
	assert_not_contains(r.body, title);
	http_resp_free(&r);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM ticket_kb_matches k JOIN settings s"
	    " ON s.name = 'kb_version' AND k.kb_version = s.value WHERE k.ticket_id = %lld", tid);
	assert_int_equal(stack_sql_int(sql), 1);

	/* a new article */
	id = create_article("faq", tv, title, mark, "先换电池，再对码。");
	article_link(link, sizeof(link), id);
	get_ok(agent, path, &r);
	assert_contains(r.body, link);
	assert_contains(r.body, title);
	http_resp_free(&r);

	/* its title edited */
	snprintf(body, sizeof(body), "/desk/kb/%lld/edit", id);
	get_ok(agent, body, &r);
	csrf = html_input_value(r.body, "csrf");
	version = html_input_value(r.body, "version");
	http_resp_free(&r);
	assert_non_null(csrf);
	assert_non_null(version);
	snprintf(title2, sizeof(title2), "遥控器无响应 %s", mark);
	t = hc_escape(title2);
	snprintf(sql, sizeof(sql), "/desk/kb/%lld/edit", id);
	snprintf(body, sizeof(body), "csrf=%s&version=%s&kind=faq&title=%s&category=%lld&tags=%s&"
	    "body=%%E6%%8D%%A2%%E7%%94%%B5%%E6%%B1%%A0&published=1", csrf, version, t, tv, mark);
	assert_int_equal(hc_post_form(agent, sql, body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	get_ok(agent, path, &r);
	snprintf(want, sizeof(want), "<a href=\"/desk/kb/%lld\">%s</a> <span class=\"muted small\">"
	    "有用 0 · 没用 0</span>", id, title2);
	assert_contains(r.body, want);
	assert_not_contains(r.body, title);
	http_resp_free(&r);

	/* a vote */
	vote(agent, id, "1");
	get_ok(agent, path, &r);
	snprintf(want, sizeof(want), "<a href=\"/desk/kb/%lld\">%s</a> <span class=\"muted small\">"
	    "有用 1 · 没用 0</span>", id, title2);
	assert_contains(r.body, want);
	http_resp_free(&r);

	/* the ticket's text changed (no page edits it today; SQL does) */
	snprintf(sql, sizeof(sql), "UPDATE tickets SET description = '电视开机没有图像'"
	    " WHERE id = %lld", tid);
	assert_int_equal(stack_sql(sql), 0);
	get_ok(agent, path, &r);
	assert_not_contains(r.body, link);
	http_resp_free(&r);
	free(t);
	free(csrf);
	free(version);
}

static int
setup(void **state)
{
	(void)state;
	agent = hc_new();
	return hc_login(agent, "agent", PASSWORD) == 303 ? 0 : -1;
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
		cmocka_unit_test(test_agent_creates_article_and_sees_it),
		cmocka_unit_test(test_technician_can_read_but_cannot_create),
		cmocka_unit_test(test_viewer_and_anonymous_are_kept_out),
		cmocka_unit_test(test_post_without_csrf_is_403),
		cmocka_unit_test(test_search_finds_word_inside_chinese_text),
		cmocka_unit_test(test_search_finds_seeded_articles),
		cmocka_unit_test(test_search_without_match_says_so),
		cmocka_unit_test(test_vote_twice_by_same_user_counts_once),
		cmocka_unit_test(test_vote_with_bad_value_is_422),
		cmocka_unit_test(test_invalid_article_is_422_with_values_kept),
		cmocka_unit_test(test_markup_in_title_and_body_is_escaped),
		cmocka_unit_test(test_edit_changes_article_and_stale_version_is_409),
		cmocka_unit_test(test_draft_is_hidden_from_technicians),
		cmocka_unit_test(test_same_form_sent_twice_makes_one_article),
		cmocka_unit_test(test_ac_ticket_lists_the_ac_article),
		cmocka_unit_test(test_fridge_ticket_does_not_list_ac_articles),
		cmocka_unit_test(test_ticket_kb_page_follows_ticket_access),
		cmocka_unit_test(test_ticket_page_matches_follow_every_change),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
