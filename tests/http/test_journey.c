/* HTTP tests of the journey maps (/journeys/) against the test stack: who
 * reads and who edits, CSRF, 422 with the values kept, 409 on a stale
 * version, 404 for another map's stage/item/metric/snapshot ids, the
 * history rows (append-only in the database too), ordering, snapshots, the
 * golden design, the exports (SVG well-formed with escaped text, CSV with
 * formulas neutralised) and that a stage's value is metric_compute's for
 * the same filter. */
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
#include "arena.h"
#include "config.h"
#include "db.h"
#include "metric_key.h"

#define PASSWORD "demo1234"

static struct hc *sup;

static struct hc *
staff(const char *login)
{
	struct hc *h = hc_new();

	assert_int_equal(hc_login(h, login, PASSWORD), 303);
	return h;
}

/* GET path as h; asserts status; returns the body (caller frees). */
static char *
get(struct hc *h, const char *path, long status)
{
	struct http_resp r;
	char *body;

	assert_int_equal(hc_get(h, path, &r), 0);
	if (r.status != status)
		fprintf(stderr, "GET %s: %ld\n", path, r.status);
	assert_int_equal(r.status, status);
	body = r.body;
	r.body = NULL;
	http_resp_free(&r);
	return body;
}

/* POST form body (csrf of the map page added) to path; returns the status
 * and the response in *out (may be NULL). */
static long
post(struct hc *h, const char *path, const char *body, struct http_resp *out)
{
	char *csrf = hc_csrf(h, "/journeys/"), buf[4096];
	struct http_resp r;
	long st;

	assert_non_null(csrf);
	snprintf(buf, sizeof(buf), "csrf=%s&%s", csrf, body);
	free(csrf);
	assert_int_equal(hc_post_form(h, path, buf, &r), 0);
	st = r.status;
	if (out != NULL)
		*out = r;
	else
		http_resp_free(&r);
	return st;
}

/* A new map from template as h; returns its id. */
static long long
create(struct hc *h, const char *tpl, const char *name)
{
	struct http_resp r;
	char body[256], *loc, *esc = hc_escape(name);
	long long id;

	snprintf(body, sizeof(body), "template=%s&name=%s", tpl, esc);
	free(esc);
	assert_int_equal(post(h, "/journeys/new", body, &r), 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	assert_true(strncmp(loc, "/journeys/", 10) == 0);
	id = strtoll(loc + 10, NULL, 10);
	assert_true(id > 0);
	free(loc);
	http_resp_free(&r);
	return id;
}

/* The map page of id. Caller frees. */
static char *
map_page(long long id)
{
	char path[64];

	snprintf(path, sizeof(path), "/journeys/%lld", id);
	return get(sup, path, 200);
}

static int
version_of(long long id)
{
	char *html = map_page(id), *v = html_input_value(html, "version");
	int n;

	assert_non_null(v);
	n = atoi(v);
	free(v);
	free(html);
	return n;
}

/* The number after the first occurrence of prefix in html (an id). */
static long long
id_after(const char *html, const char *prefix)
{
	const char *p = strstr(html, prefix);

	assert_non_null(p);
	return strtoll(p + strlen(prefix), NULL, 10);
}

/* Stage ids of the map in order (up to max); returns how many. */
static size_t
stage_ids(const char *html, long long *ids, size_t max)
{
	const char *p = html;
	size_t n = 0;

	while (n < max && (p = strstr(p, "class=\"jr-stage\" id=\"stage-")) != NULL) {
		p += strlen("class=\"jr-stage\" id=\"stage-");
		ids[n++] = strtoll(p, NULL, 10);
	}
	return n;
}

/* The id of the lane with role (class "jr-lane-ROLE"). */
static long long
lane_id(const char *html, const char *role)
{
	char needle[64];
	const char *p;

	snprintf(needle, sizeof(needle), "jr-lane-%s\" id=\"lane-", role);
	p = strstr(html, needle);
	assert_non_null(p);
	return strtoll(p + strlen(needle), NULL, 10);
}

static long long
count(const char *hay, const char *needle)
{
	long long n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

/* Add an item; returns the POST status. */
static long
add_item(long long map, long long stage, long long lane, const char *body, const char *ev,
    const char *source, int version, struct http_resp *out)
{
	char path[64], form[1024], *b = hc_escape(body), *s = hc_escape(source);

	snprintf(path, sizeof(path), "/journeys/%lld/items", map);
	snprintf(form, sizeof(form), "version=%d&stage=%lld&lane=%lld&body=%s&evidence=%s&source=%s",
	    version, stage, lane, b, ev, s);
	free(b);
	free(s);
	return post(sup, path, form, out);
}

static int
setup(void **state)
{
	sup = staff("supervisor");
	return 0;
}

static int
teardown(void **state)
{
	hc_free(sup);
	return 0;
}

static void
test_every_staff_role_reads_editors_edit(void **state)
{
	static const char *const readers[] = { "viewer", "agent", "tech", "admin" };
	long long id = create(sup, "repair", "角色测试");
	char path[64], *html;
	size_t i;

	snprintf(path, sizeof(path), "/journeys/%lld", id);
	for (i = 0; i < 4; i++) {
		struct hc *h = staff(readers[i]);

		free(get(h, "/journeys/", 200));
		html = get(h, path, 200);
		assert_contains(html, "角色测试");
		if (strcmp(readers[i], "admin") == 0) {
			assert_contains(html, "/items\" class");
		} else {
			assert_not_contains(html, "/items\" class");
			/* nor the pain points' "make it a key result" (a 403 for them) */
			assert_not_contains(html, "/okr/krs/new");
		}
		/* the queue is not the viewer's: numbers without links into it */
		if (strcmp(readers[i], "viewer") == 0)
			assert_not_contains(html, "href=\"/desk/");
		else
			assert_contains(html, "href=\"/desk/?metric=");
		free(html);
		if (strcmp(readers[i], "admin") != 0) {
			char buf[128];

			snprintf(buf, sizeof(buf), "version=%d&name=x", version_of(id));
			assert_int_equal(post(h, "/journeys/new", "template=blank", NULL), 403);
			snprintf(path, sizeof(path), "/journeys/%lld/lanes", id);
			assert_int_equal(post(h, path, buf, NULL), 403);
			snprintf(path, sizeof(path), "/journeys/%lld", id);
		}
		hc_free(h);
	}
}

static void
test_signed_out_is_sent_to_login(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	assert_int_equal(hc_get(h, "/journeys/", &r), 0);
	assert_true(r.status == 303 || r.status == 302 || r.status == 401);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_post_without_csrf_is_refused(void **state)
{
	struct http_resp r;

	assert_int_equal(hc_post_form(sup, "/journeys/new", "template=repair", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
}

static void
test_repair_template_binds_its_stage_metrics(void **state)
{
	static const char *const stages[] = { "发现故障", "提交报修", "受理", "派工", "上门", "维修",
		"回访评价" };
	static const char *const keys[] = { "time_to_accept", "first_response_compliance",
		"time_to_dispatch", "time_to_arrival", "time_to_resolve", "first_time_fix",
		"waiting_parts", "survey_response_rate", "csat", "complaints" };
	long long id = create(sup, "repair", "");
	char *html = map_page(id);
	long long ids[16];
	size_t i;

	assert_int_equal(stage_ids(html, ids, 16), 7);
	for (i = 0; i < 7; i++)
		assert_contains(html, stages[i]);
	/* Measured emotion beside the designed one, a box per stage. */
	assert_int_equal(count(html, "class=\"jr-meas\""), 7);
	for (i = 0; i < 10; i++) {
		char needle[80];

		snprintf(needle, sizeof(needle), "data-key=\"%s\"", keys[i]);
		assert_contains(html, needle);
	}
	/* The first-response SLA sits on 受理, the third stage. */
	{
		char needle[64];
		const char *cell, *next;

		snprintf(needle, sizeof(needle), "id=\"metrics-%lld\"", ids[2]);
		cell = strstr(html, needle);
		assert_non_null(cell);
		snprintf(needle, sizeof(needle), "id=\"metrics-%lld\"", ids[3]);
		next = strstr(html, needle);
		assert_non_null(next);
		assert_true(strstr(cell, "data-key=\"first_response_compliance\"") < next);
	}
	free(html);
}

static void
test_bad_new_map_is_422_with_values_kept(void **state)
{
	struct http_resp r;

	assert_int_equal(post(sup, "/journeys/new", "template=bogus&name=%E6%88%91%E7%9A%84%E5%9C%B0%E5%9B%BE",
	    &r), 422);
	assert_contains(r.body, "value=\"我的地图\"");
	assert_contains(r.body, "field-error");
	http_resp_free(&r);
}

static void
test_item_evidence_rules_422_keep_values(void **state)
{
	long long id = create(sup, "blank", "证据测试"), st[4];
	char *html = map_page(id);
	long long lane = lane_id(html, "pain");
	struct http_resp r;
	int v = version_of(id);

	assert_int_equal(stage_ids(html, st, 4), 3);
	free(html);
	/* Data without a source: refused, the text kept, nothing added. */
	assert_int_equal(add_item(id, st[0], lane, "排队太久 <b>", "data", "", v, &r), 422);
	assert_contains(r.body, "排队太久 &lt;b&gt;");
	assert_contains(r.body, "field-error");
	http_resp_free(&r);
	assert_int_equal(add_item(id, st[0], lane, "排队太久", "data", "no_such_metric", v, &r),
	    422);
	http_resp_free(&r);
	assert_int_equal(add_item(id, st[0], lane, "排队太久", "assumption", "访谈", v, &r), 422);
	http_resp_free(&r);
	assert_int_equal(add_item(id, st[0], lane, "", "research", "访谈", v, &r), 422);
	http_resp_free(&r);
	assert_int_equal(version_of(id), v);
	/* Each kind with a proper source is kept, with its mark. */
	assert_int_equal(add_item(id, st[0], lane, "受理慢", "data", "time_to_accept", v, NULL), 303);
	assert_int_equal(add_item(id, st[1], lane, "电话打不通", "research", "回访 #7", v + 1, NULL),
	    303);
	assert_int_equal(add_item(id, st[2], lane, "不知道进度", "assumption", "", v + 2, NULL), 303);
	html = map_page(id);
	assert_int_equal(count(html, "class=\"jr-item ev-data\" id="), 1);
	assert_int_equal(count(html, "class=\"jr-item ev-research\" id="), 1);
	assert_int_equal(count(html, "class=\"jr-item ev-assumption\" id="), 1);
	/* A pain point links to a key result: its own metric, the direction
	 * the metric improves in (shorter is better), its words as the title. */
	assert_contains(html, "/okr/krs/new?journey=");
	assert_contains(html, "&amp;title=%E5%8F%97%E7%90%86%E6%85%A2&amp;metric=time_to_accept"
	    "&amp;kind=decrease_to");
	/* its source reads as the metric's name, linked to its tickets */
	assert_contains(html, "class=\"jr-source small\" href=\"/desk/?metric=time_to_accept");
	assert_not_contains(html, ">time_to_accept</a>");
	free(html);
}

static void
test_stale_version_is_409_and_keeps_the_text(void **state)
{
	long long id = create(sup, "blank", "并发测试"), st[4];
	char *html = map_page(id), path[64], form[256];
	long long lane = lane_id(html, "actions");
	struct http_resp r;
	int v = version_of(id);

	stage_ids(html, st, 4);
	free(html);
	assert_int_equal(add_item(id, st[0], lane, "第一人的修改", "assumption", "", v, NULL), 303);
	/* The second editor's form was made from version v too. */
	assert_int_equal(add_item(id, st[0], lane, "第二人的修改", "assumption", "", v, &r), 409);
	assert_contains(r.body, "第二人的修改");
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/journeys/%lld/stages/%lld", id, st[1]);
	snprintf(form, sizeof(form), "version=%d&op=save&name=X&emotion=1", v);
	assert_int_equal(post(sup, path, form, NULL), 409);
	html = map_page(id);
	assert_contains(html, "第一人的修改");
	assert_not_contains(html, "第二人的修改");
	assert_not_contains(html, "jr-stage-name\">X<");
	free(html);
	assert_int_equal(version_of(id), v + 1);
}

static void
test_ids_of_another_map_are_404(void **state)
{
	long long a = create(sup, "blank", "地图甲"), b = create(sup, "blank", "地图乙");
	long long sa[4], sb[4], lb;
	char *html = map_page(b), path[96], form[256];
	int vb, va;

	stage_ids(html, sb, 4);
	lb = lane_id(html, "actions");
	free(html);
	html = map_page(a);
	stage_ids(html, sa, 4);
	free(html);
	vb = version_of(b);
	assert_int_equal(add_item(b, sb[0], lb, "乙的内容", "assumption", "", vb, NULL), 303);
	html = map_page(b);
	{
		long long item = id_after(html, "class=\"jr-item ev-assumption\" id=\"item-");

		free(html);
		va = version_of(a);
		/* B's item, stage and lane through A's paths: not found, nothing changes. */
		snprintf(path, sizeof(path), "/journeys/%lld/items/%lld", a, item);
		snprintf(form, sizeof(form), "version=%d&op=delete", va);
		assert_int_equal(post(sup, path, form, NULL), 404);
		snprintf(form, sizeof(form), "version=%d&op=save&body=hijack&evidence=assumption&source=",
		    va);
		assert_int_equal(post(sup, path, form, NULL), 404);
		snprintf(path, sizeof(path), "/journeys/%lld/stages/%lld", a, sb[0]);
		snprintf(form, sizeof(form), "version=%d&op=delete", va);
		assert_int_equal(post(sup, path, form, NULL), 404);
		assert_int_equal(add_item(a, sb[0], lb, "跨图", "assumption", "", va, NULL), 404);
		assert_int_equal(add_item(a, sa[0], lb, "跨图", "assumption", "", va, NULL), 404);
		snprintf(path, sizeof(path), "/journeys/%lld/lanes/%lld", a, lb);
		snprintf(form, sizeof(form), "version=%d&op=up", va);
		assert_int_equal(post(sup, path, form, NULL), 404);
		assert_int_equal(version_of(a), va);
		html = map_page(b);
		assert_contains(html, "乙的内容");
		assert_not_contains(html, "hijack");
		free(html);
	}
	free(get(sup, "/journeys/999999999", 404));
	free(get(sup, "/journeys/abc", 404));
	snprintf(path, sizeof(path), "/journeys/%lld/snapshots/1", b);
	free(get(sup, path, 404));
}

static void
test_moves_reorder_stages_and_items(void **state)
{
	long long id = create(sup, "blank", "排序测试"), st[4], st2[4], lane;
	char *html = map_page(id), path[96], form[128];
	const char *p1, *p2;
	int v = version_of(id);

	stage_ids(html, st, 4);
	lane = lane_id(html, "actions");
	free(html);
	assert_int_equal(add_item(id, st[0], lane, "甲项", "assumption", "", v, NULL), 303);
	assert_int_equal(add_item(id, st[0], lane, "乙项", "assumption", "", v + 1, NULL), 303);
	/* Stage 1 moves right: it becomes the second column. */
	snprintf(path, sizeof(path), "/journeys/%lld/stages/%lld", id, st[0]);
	snprintf(form, sizeof(form), "version=%d&op=right", v + 2);
	assert_int_equal(post(sup, path, form, NULL), 303);
	html = map_page(id);
	stage_ids(html, st2, 4);
	assert_true(st2[0] == st[1] && st2[1] == st[0] && st2[2] == st[2]);
	/* The second item moves up above the first. */
	p1 = strstr(html, "甲项");
	p2 = strstr(html, "乙项");
	assert_true(p1 != NULL && p2 != NULL && p1 < p2);
	{
		const char *li = strstr(html, "乙项");
		const char *start = html, *q;
		long long item = 0;

		while ((q = strstr(start, "id=\"item-")) != NULL && q < li) {
			item = strtoll(q + 9, NULL, 10);
			start = q + 9;
		}
		free(html);
		snprintf(path, sizeof(path), "/journeys/%lld/items/%lld", id, item);
		snprintf(form, sizeof(form), "version=%d&op=up", v + 3);
		assert_int_equal(post(sup, path, form, NULL), 303);
		html = map_page(id);
		assert_true(strstr(html, "乙项") < strstr(html, "甲项"));
		free(html);
		/* Up again at the top: nothing moves, still a change recorded. */
		snprintf(form, sizeof(form), "version=%d&op=left", v + 4);
		assert_int_equal(post(sup, path, form, NULL), 303);
		html = map_page(id);
		{
			/* It moved to the first column (st[1] now first). */
			char cell[64];
			const char *c, *it;

			snprintf(cell, sizeof(cell), "id=\"cell-%lld-%lld\"", st[1], lane);
			c = strstr(html, cell);
			it = strstr(html, "乙项");
			snprintf(cell, sizeof(cell), "id=\"cell-%lld-%lld\"", st[0], lane);
			assert_true(c != NULL && it > c && it < strstr(html, cell));
		}
		free(html);
	}
}

static void
test_history_rows_and_append_only(void **state)
{
	long long id = create(sup, "blank", "历史测试"), st[4];
	char *html = map_page(id), path[64], sql[160], *n;
	long long lane = lane_id(html, "actions");
	int v = version_of(id);

	stage_ids(html, st, 4);
	free(html);
	assert_int_equal(add_item(id, st[0], lane, "记录一", "assumption", "", v, NULL), 303);
	snprintf(path, sizeof(path), "/journeys/%lld/history", id);
	html = get(sup, path, 200);
	assert_int_equal(count(html, "class=\"jr-event\""), 2);
	assert_contains(html, "添加内容");
	assert_contains(html, "记录一");
	assert_contains(html, "王主管");
	free(html);
	/* The table refuses changes of its rows. */
	snprintf(sql, sizeof(sql), "UPDATE journey_history SET detail = 'x' WHERE journey_id = %lld",
	    id);
	assert_int_not_equal(stack_sql(sql), 0);
	snprintf(sql, sizeof(sql), "DELETE FROM journey_history WHERE journey_id = %lld", id);
	assert_int_not_equal(stack_sql(sql), 0);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM journey_history WHERE journey_id = %lld", id);
	n = stack_sql_value(sql);
	assert_non_null(n);
	assert_string_equal(n, "2");
	free(n);
}

/* A minimal XML well-formedness check: balanced tags, quoted attributes,
 * no raw '<' or bare '&' in text or values. */
static int
xml_ok(const char *s)
{
	const char *stack[256];
	size_t len[256], depth = 0;

	while (*s != '\0') {
		if (*s == '&') {
			if (strncmp(s, "&amp;", 5) && strncmp(s, "&lt;", 4) && strncmp(s, "&gt;", 4) &&
			    strncmp(s, "&quot;", 6) && strncmp(s, "&#39;", 5) && strncmp(s, "&#", 2))
				return 0;
			s++;
		} else if (*s == '<') {
			if (s[1] == '?') {
				s = strstr(s, "?>");
				if (s == NULL)
					return 0;
				s += 2;
				continue;
			}
			if (s[1] == '/') {
				size_t n = strcspn(s + 2, ">");

				if (depth == 0 || n != len[depth - 1] || strncmp(s + 2, stack[depth - 1], n))
					return 0;
				depth--;
				s += n + 3;
				continue;
			}
			{
				const char *name = s + 1;
				size_t n = strcspn(name, " \t\n/>");
				const char *p = name + n;
				char q;

				while (*p != '>' && !(p[0] == '/' && p[1] == '>')) {
					if (*p == '\0' || *p == '<')
						return 0;
					if (*p == '"' || *p == '\'') {
						q = *p++;
						while (*p != q) {
							if (*p == '\0' || *p == '<')
								return 0;
							if (*p == '&' && strncmp(p, "&amp;", 5) &&
							    strncmp(p, "&lt;", 4) && strncmp(p, "&gt;", 4) &&
							    strncmp(p, "&quot;", 6) && strncmp(p, "&#", 2))
								return 0;
							p++;
						}
					}
					p++;
				}
				if (*p == '>') {
					if (depth == 256)
						return 0;
					stack[depth] = name;
					len[depth++] = n;
					s = p + 1;
				} else {
					s = p + 2;
				}
			}
		} else {
			s++;
		}
	}
	return depth == 0;
}

static void
test_xml_checker_can_fail(void **state)
{
	assert_true(xml_ok("<svg a=\"1\"><text>a &amp; b</text><g/></svg>"));
	assert_false(xml_ok("<svg><text>a & b</text></svg>"));
	assert_false(xml_ok("<svg><text>a <b></text></svg>"));
	assert_false(xml_ok("<svg><text a=\"<x\">a</text></svg>"));
}

static void
test_exports_escape_and_neutralise(void **state)
{
	long long id = create(sup, "repair", "导出 <测试> & \"引号\""), st[8];
	char *html = map_page(id), path[64], *svg, *csv, *ct;
	long long lane = lane_id(html, "pain");
	struct http_resp r;

	stage_ids(html, st, 8);
	free(html);
	assert_int_equal(add_item(id, st[1], lane, "=HYPERLINK(\"http://x\") <script>alert(1)</script>",
	    "assumption", "", version_of(id), NULL), 303);
	snprintf(path, sizeof(path), "/journeys/%lld.svg", id);
	assert_int_equal(hc_get(sup, path, &r), 0);
	assert_int_equal(r.status, 200);
	ct = http_header(&r, "Content-Type");
	assert_non_null(ct);
	assert_true(strncmp(ct, "image/svg+xml", 13) == 0);
	free(ct);
	svg = r.body;
	assert_true(strncmp(svg, "<?xml", 5) == 0);
	assert_true(xml_ok(svg));
	assert_contains(svg, "&lt;sc");
	assert_contains(svg, "&lt;/script&gt;");
	assert_not_contains(svg, "<script>");
	assert_contains(svg, "导出 &lt;测试&gt; &amp; ");
	assert_contains(svg, "受理");
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/journeys/%lld.csv", id);
	assert_int_equal(hc_get(sup, path, &r), 0);
	assert_int_equal(r.status, 200);
	csv = r.body;
	/* UTF-8 with its BOM (Excel), then the header */
	assert_true(strncmp(csv, "\xEF\xBB\xBFstage_no,stage,lane,kind,text", 32) == 0);
	assert_contains(csv, "\"'=HYPERLINK(\"\"http://x\"\")");
	assert_not_contains(csv, ",=HYPERLINK");
	assert_contains(csv, "time_to_accept");
	http_resp_free(&r);
	free(get(sup, "/journeys/1.pdf", 404));
}

/* "YYYY-MM-DD" of China-time today plus days. */
static void
day_str(int days, char out[16])
{
	time_t t = time(NULL) + 8 * 3600 + (time_t)days * 86400;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 16, "%Y-%m-%d", &tm);
}

static void
test_stage_values_equal_metric_compute(void **state)
{
	static const char *const keys[] = { "time_to_accept", "first_response_compliance",
		"time_to_resolve", "csat", "complaints", "survey_response_rate" };
	long long id = create(sup, "repair", "数值一致");
	char conf[256], from[16], to[16], path[128], *html;
	struct metric_filter f;
	struct arena a;
	size_t i;
	long d0, d1;

	snprintf(conf, sizeof(conf), "var/%s/serviceloop.conf", stack_name());
	assert_int_equal(config_load(conf), 0);
	assert_int_equal(db_open(), 0);
	arena_init(&a);
	day_str(-59, from);
	day_str(0, to);
	snprintf(path, sizeof(path), "/journeys/%lld?from=%s&to=%s", id, from, to);
	html = get(sup, path, 200);
	assert_int_equal(metric_day_parse(from, &d0), 0);
	assert_int_equal(metric_day_parse(to, &d1), 0);
	memset(&f, 0, sizeof(f));
	f.from = metric_day_start(d0);
	f.to = metric_day_start(d1 + 1);
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		struct metric_value v;
		struct metric_info mi;
		char needle[512];
		int found;

		assert_int_equal(metric_info_by_key(&a, keys[i], &mi, &found), DB_OK);
		assert_true(found);
		assert_int_equal(metric_compute(&a, mi.id, &f, &v), DB_OK);
		snprintf(needle, sizeof(needle), "data-key=\"%s\"", keys[i]);
		{
			const char *card = strstr(html, needle), *val;
			char want[256];

			assert_non_null(card);
			val = strstr(card, "class=\"jr-value\">");
			assert_non_null(val);
			snprintf(want, sizeof(want), "class=\"jr-value\">%s<",
			    metric_info_format(&a, &mi, &v, "zh-CN"));
			if (strncmp(val, want, strlen(want)) != 0)
				fprintf(stderr, "%s: page %.60s, metric_compute %s\n", keys[i], val, want);
			assert_true(strncmp(val, want, strlen(want)) == 0);
			snprintf(want, sizeof(want), "n = <span class=\"jr-n\">%lld<", v.n);
			assert_non_null(strstr(card, want));
		}
	}
	free(html);
	arena_free(&a);
	db_close();
}

static void
test_golden_copy_and_snapshot_compare(void **state)
{
	long long id = create(sup, "repair", "黄金测试"), gid, sid;
	char path[96], form[256], *html, *loc;
	struct http_resp r;

	snprintf(path, sizeof(path), "/journeys/%lld/golden", id);
	snprintf(form, sizeof(form), "version=%d", version_of(id));
	assert_int_equal(post(sup, path, form, &r), 303);
	loc = http_header(&r, "Location");
	gid = strtoll(loc + 10, NULL, 10);
	free(loc);
	http_resp_free(&r);
	assert_true(gid > id);
	html = map_page(gid);
	assert_contains(html, "badge jr-golden");
	assert_not_contains(html, "id=\"make-golden\"");
	free(html);
	/* A golden map has no golden design of its own. */
	snprintf(path, sizeof(path), "/journeys/%lld/golden", gid);
	snprintf(form, sizeof(form), "version=%d", version_of(gid));
	assert_int_equal(post(sup, path, form, NULL), 422);
	html = map_page(id);
	assert_contains(html, "id=\"vs-golden\"");
	assert_contains(html, "jr-curve golden");
	free(html);
	/* Snapshot: 422 without a label, then kept and compared. */
	snprintf(path, sizeof(path), "/journeys/%lld/snapshots", id);
	snprintf(form, sizeof(form), "version=%d&label=", version_of(id));
	assert_int_equal(post(sup, path, form, &r), 422);
	http_resp_free(&r);
	snprintf(form, sizeof(form), "version=%d&label=2026-Q4%%20baseline%%20%%3Cb%%3E",
	    version_of(id));
	assert_int_equal(post(sup, path, form, &r), 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	sid = strtoll(strrchr(loc, '/') + 1, NULL, 10);
	http_resp_free(&r);
	html = get(sup, loc, 200);
	free(loc);
	assert_contains(html, "2026-Q4 baseline &lt;b&gt;");
	assert_int_equal(count(html, "class=\"jr-cmp "), 10);
	assert_contains(html, "受理");
	free(html);
	/* Another map's snapshot id through this map: 404. */
	snprintf(path, sizeof(path), "/journeys/%lld/snapshots/%lld", gid, sid);
	free(get(sup, path, 404));
	snprintf(path, sizeof(path), "/journeys/%lld/history", id);
	html = get(sup, path, 200);
	assert_contains(html, "拍快照");
	free(html);
}

static void
test_duplicate_archive_restore(void **state)
{
	char name[64], needle[80];
	long long id;

	snprintf(name, sizeof(name), "归档测试 %ld", (long)time(NULL));
	id = create(sup, "repair", name);
	char path[64], form[64], *html;
	struct http_resp r;
	char *loc;

	snprintf(path, sizeof(path), "/journeys/%lld/copy", id);
	snprintf(form, sizeof(form), "version=%d&name=", version_of(id));
	assert_int_equal(post(sup, path, form, &r), 303);
	loc = http_header(&r, "Location");
	http_resp_free(&r);
	html = get(sup, loc, 200);
	free(loc);
	snprintf(needle, sizeof(needle), "%s（副本）", name);
	assert_contains(html, needle);
	assert_int_equal(count(html, "data-key=\""), 10);
	free(html);
	snprintf(path, sizeof(path), "/journeys/%lld/archive", id);
	snprintf(form, sizeof(form), "version=%d&op=archive", version_of(id));
	assert_int_equal(post(sup, path, form, NULL), 303);
	snprintf(needle, sizeof(needle), ">%s<", name);
	html = get(sup, "/journeys/", 200);
	assert_not_contains(html, needle);
	free(html);
	html = get(sup, "/journeys/?archived=1", 200);
	assert_contains(html, needle);
	free(html);
	snprintf(form, sizeof(form), "version=%d&op=restore", version_of(id));
	assert_int_equal(post(sup, path, form, NULL), 303);
	html = get(sup, "/journeys/", 200);
	assert_contains(html, needle);
	free(html);
}

static void
test_metric_bind_target_and_lanes(void **state)
{
	long long id = create(sup, "blank", "指标测试"), st[4], mid, lane;
	char path[96], form[256], *html = map_page(id);
	struct http_resp r;
	int v = version_of(id);

	stage_ids(html, st, 4);
	free(html);
	snprintf(path, sizeof(path), "/journeys/%lld/metrics", id);
	snprintf(form, sizeof(form), "version=%d&stage=%lld&key=nope&target=abc", v, st[0]);
	assert_int_equal(post(sup, path, form, &r), 422);
	assert_contains(r.body, "value=\"abc\"");
	http_resp_free(&r);
	snprintf(form, sizeof(form), "version=%d&stage=%lld&key=csat&target=4.5", v, st[0]);
	assert_int_equal(post(sup, path, form, NULL), 303);
	html = map_page(id);
	mid = id_after(html, "class=\"jr-metric jr-st-");
	mid = id_after(html, "\" id=\"metric-");
	free(html);
	snprintf(path, sizeof(path), "/journeys/%lld/metrics/%lld", id, mid);
	snprintf(form, sizeof(form), "version=%d&op=save&target=9", v + 1);
	assert_int_equal(post(sup, path, form, NULL), 303);
	html = map_page(id);
	assert_contains(html, "value=\"9\"");
	free(html);
	/* A custom lane: added, renamed, hidden, shown. */
	snprintf(path, sizeof(path), "/journeys/%lld/lanes", id);
	snprintf(form, sizeof(form), "version=%d&name=%%E6%%88%%91%%E7%%9A%%84%%E6%%B3%%B3%%E9%%81%%93",
	    v + 2);
	assert_int_equal(post(sup, path, form, NULL), 303);
	html = map_page(id);
	lane = lane_id(html, "custom");
	assert_contains(html, "我的泳道");
	free(html);
	snprintf(path, sizeof(path), "/journeys/%lld/lanes/%lld", id, lane);
	snprintf(form, sizeof(form), "version=%d&op=hide&name=x", v + 3);
	assert_int_equal(post(sup, path, form, NULL), 303);
	html = map_page(id);
	assert_contains(html, "jr-show-lane");
	assert_not_contains(html, "jr-lane-custom\"");
	free(html);
	snprintf(form, sizeof(form), "version=%d&op=show&name=x", v + 4);
	assert_int_equal(post(sup, path, form, NULL), 303);
	html = map_page(id);
	assert_contains(html, "jr-lane-custom\"");
	free(html);
}

static void
test_meta_scope_422_then_scoped_values(void **state)
{
	long long id = create(sup, "repair", "范围测试"), cat;
	char path[64], form[512], conf[256], *html, *c;
	struct http_resp r;
	struct metric_filter f;
	struct metric_value v;
	struct arena a;
	long today;

	c = stack_sql_value("SELECT MIN(id) FROM categories");
	assert_non_null(c);
	cat = strtoll(c, NULL, 10);
	free(c);
	snprintf(path, sizeof(path), "/journeys/%lld/meta", id);
	snprintf(form, sizeof(form), "version=%d&name=%%E8%%8C%%83%%E5%%9B%%B4&persona_name=%%E6%%9D%%8E"
	    "&category=%lld&team=999999999&channel=fax", version_of(id), cat);
	assert_int_equal(post(sup, path, form, &r), 422);
	assert_contains(r.body, "fix-team-err");
	assert_contains(r.body, "fix-channel-err");
	assert_contains(r.body, "value=\"李\"");
	http_resp_free(&r);
	snprintf(form, sizeof(form), "version=%d&name=%%E8%%8C%%83%%E5%%9B%%B4&persona_name=%%E6%%9D%%8E"
	    "&category=%lld&team=&channel=web", version_of(id), cat);
	assert_int_equal(post(sup, path, form, NULL), 303);
	html = map_page(id);
	assert_contains(html, "jr-persona-name\">李<");
	/* The stage values are those of the map's scope. */
	snprintf(conf, sizeof(conf), "var/%s/serviceloop.conf", stack_name());
	assert_int_equal(config_load(conf), 0);
	assert_int_equal(db_open(), 0);
	arena_init(&a);
	today = metric_day_of((long long)time(NULL));
	memset(&f, 0, sizeof(f));
	f.category_id = cat;
	f.channel = "web";
	f.from = metric_day_start(today + 1 - 30);
	f.to = metric_day_start(today + 1);
	assert_int_equal(metric_compute(&a, METRIC_TIME_TO_ACCEPT, &f, &v), DB_OK);
	{
		char want[128];
		const char *card = strstr(html, "data-key=\"time_to_accept\"");

		assert_non_null(card);
		snprintf(want, sizeof(want), "n = <span class=\"jr-n\">%lld<", v.n);
		assert_non_null(strstr(card, want));
		snprintf(want, sizeof(want), "category=%lld", cat);
		assert_contains(card, want);
	}
	free(html);
	arena_free(&a);
	db_close();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xml_checker_can_fail),
		cmocka_unit_test(test_signed_out_is_sent_to_login),
		cmocka_unit_test(test_post_without_csrf_is_refused),
		cmocka_unit_test(test_every_staff_role_reads_editors_edit),
		cmocka_unit_test(test_repair_template_binds_its_stage_metrics),
		cmocka_unit_test(test_bad_new_map_is_422_with_values_kept),
		cmocka_unit_test(test_item_evidence_rules_422_keep_values),
		cmocka_unit_test(test_stale_version_is_409_and_keeps_the_text),
		cmocka_unit_test(test_ids_of_another_map_are_404),
		cmocka_unit_test(test_moves_reorder_stages_and_items),
		cmocka_unit_test(test_history_rows_and_append_only),
		cmocka_unit_test(test_exports_escape_and_neutralise),
		cmocka_unit_test(test_stage_values_equal_metric_compute),
		cmocka_unit_test(test_golden_copy_and_snapshot_compare),
		cmocka_unit_test(test_duplicate_archive_restore),
		cmocka_unit_test(test_metric_bind_target_and_lanes),
		cmocka_unit_test(test_meta_scope_422_then_scoped_values),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
