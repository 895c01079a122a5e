/* HTTP tests of the intake plugin against a running stack ($SL_TEST_URL):
 * the repair form (/repair) and the tracking page (/track/<code>). One
 * scenario per test, named after the rule it checks.
 *
 * A few tests arrange a ticket's state straight in the database through
 * `conf/stack/stack.sh sql $SL_TEST_STACK` (run from the repository root,
 * like test_stack() of the harness); they fail when it fails.
 *
 * /track counts failed look-ups per client address (nginx passes
 * 127.0.0.1 for every test): the throttle test runs last, and the group
 * set-up and tear-down empty track_failures so that reruns within the
 * 10-minute window, and suites run after this one, start clean.
 *
 * Oversized photos: a 6 MB photo is below the 20 MB body limit of nginx and
 * the core, so it reaches the form and is refused there with 422 and the
 * error next to the photo field (413 is only for bodies over 20 MB). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <regex.h>
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

#define CODE_CHARS  "abcdefghijklmnopqrstuvwxyz234567"
#define CODE_LEN    26
#define MB          (1024 * 1024)

/* Minimal real images (1x1 pixel), made with libpng/libjpeg; the server
 * recognises them by their content. */
static const unsigned char png_1x1[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
	0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
	0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00, 0x00,
	0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
	0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00,
	0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};
static const unsigned char jpeg_1x1[] = {
	0xff, 0xd8, 0xff, 0xdb, 0x00, 0x43, 0x00, 0x10, 0x0b, 0x0c, 0x0e, 0x0c,
	0x0a, 0x10, 0x0e, 0x0d, 0x0e, 0x12, 0x11, 0x10, 0x13, 0x18, 0x28, 0x1a,
	0x18, 0x16, 0x16, 0x18, 0x31, 0x23, 0x25, 0x1d, 0x28, 0x3a, 0x33, 0x3d,
	0x3c, 0x39, 0x33, 0x38, 0x37, 0x40, 0x48, 0x5c, 0x4e, 0x40, 0x44, 0x57,
	0x45, 0x37, 0x38, 0x50, 0x6d, 0x51, 0x57, 0x5f, 0x62, 0x67, 0x68, 0x67,
	0x3e, 0x4d, 0x71, 0x79, 0x70, 0x64, 0x78, 0x5c, 0x65, 0x67, 0x63, 0xff,
	0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
	0xff, 0xc4, 0x00, 0x14, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07, 0xff, 0xc4,
	0x00, 0x14, 0x10, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xda, 0x00, 0x08,
	0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x40, 0x7f, 0xff, 0xd9,
};
static const unsigned char webp_1x1[] = {
	0x52, 0x49, 0x46, 0x46, 0x1a, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50,
	0x56, 0x50, 0x38, 0x4c, 0x0d, 0x00, 0x00, 0x00, 0x2f, 0x00, 0x00, 0x00,
	0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00,
};

/* ------------------------------------------------------------ helpers */

/* A customer's browser: its cookie jar and what the repair form gave it. */
struct visitor {
	struct hc *hc;
	char      *csrf;        /* the form's csrf token */
	char      *token;       /* the form's form_token */
	char      *category;    /* value of the first category option */
	char      *anon;        /* "Cookie: sl_anon=..." to act as this visitor elsewhere */
};

struct field {
	const char *name;
	const char *value;      /* NULL: leave the field out */
};

#define DEFAULT_DESCRIPTION "空调不制冷,外机不转,已经两天了。"

static const struct field repair_defaults[] = {
	{ "name",        "张三" },
	{ "phone",       "138 0013 8000" },
	{ "email",       "zhang@example.com" },
	{ "address",     "北京市海淀区中关村大街 1 号" },
	{ "product",     "KFR-35GW" },
	{ "serial",      "SN-2026-0001" },
	{ "description", DEFAULT_DESCRIPTION },
};

static const char *const repair_fields[] = {
	"csrf", "form_token", "name", "phone", "email", "address", "category", "product",
	"serial", "description",
};
#define NFIELDS (sizeof(repair_fields) / sizeof(repair_fields[0]))

/* X of the first <option value="X"> with a non-empty X (malloc'ed), or
 * NULL: the first category of the repair form. */
static char *
first_option_value(const char *html)
{
	const char *p = html;

	while ((p = strstr(p, "<option value=\"")) != NULL) {
		const char *v = p + strlen("<option value=\""), *end = strchr(v, '"');

		if (end != NULL && end > v)
			return strndup(v, (size_t)(end - v));
		p = v;
	}
	return NULL;
}

/* "sl_anon=HEX" of a Set-Cookie header, as a Cookie request header. */
static char *
anon_cookie_header(const struct http_resp *r)
{
	char *sc = http_header(r, "Set-Cookie"), *semi, *out;

	if (sc == NULL)
		return NULL;
	if ((semi = strchr(sc, ';')) != NULL)
		*semi = '\0';
	out = malloc(strlen(sc) + 16);
	assert_non_null(out);
	sprintf(out, "Cookie: %s", sc);
	free(sc);
	return out;
}

/* A new visitor that has just opened /repair (path may add ?lang=en). */
static void
visitor_open_at(struct visitor *v, const char *path)
{
	struct http_resp r;

	memset(v, 0, sizeof(*v));
	v->hc = hc_new();
	assert_int_equal(hc_get(v->hc, path, &r), 0);
	assert_int_equal(r.status, 200);
	v->csrf = html_input_value(r.body, "csrf");
	v->token = html_input_value(r.body, "form_token");
	v->category = first_option_value(r.body);
	v->anon = anon_cookie_header(&r);
	http_resp_free(&r);
	assert_non_null(v->csrf);
	assert_non_null(v->token);
	assert_non_null(v->category);
}

static void
visitor_open(struct visitor *v)
{
	visitor_open_at(v, "/repair");
}

static void
visitor_close(struct visitor *v)
{
	hc_free(v->hc);
	free(v->csrf);
	free(v->token);
	free(v->category);
	free(v->anon);
}

/* The value of field name: an override (possibly NULL = left out), else
 * the visitor's token or the default. */
static const char *
field_value(const struct visitor *v, const char *name, const struct field *over, size_t nover)
{
	size_t i;

	for (i = 0; i < nover; i++)
		if (strcmp(over[i].name, name) == 0)
			return over[i].value;
	if (strcmp(name, "csrf") == 0)
		return v->csrf;
	if (strcmp(name, "form_token") == 0)
		return v->token;
	if (strcmp(name, "category") == 0)
		return v->category;
	for (i = 0; i < sizeof(repair_defaults) / sizeof(repair_defaults[0]); i++)
		if (strcmp(repair_defaults[i].name, name) == 0)
			return repair_defaults[i].value;
	return NULL;
}

/* The urlencoded repair form of v with overrides (malloc'ed). */
static char *
repair_body(const struct visitor *v, const struct field *over, size_t nover)
{
	char *body = calloc(1, 1), *grown;
	size_t i, len = 0;

	assert_non_null(body);
	for (i = 0; i < NFIELDS; i++) {
		const char *val = field_value(v, repair_fields[i], over, nover);
		char *e;

		if (val == NULL)
			continue;
		e = hc_escape(val);
		grown = realloc(body, len + strlen(repair_fields[i]) + strlen(e) + 3);
		assert_non_null(grown);
		body = grown;
		len += (size_t)sprintf(body + len, "%s%s=%s", len > 0 ? "&" : "",
		    repair_fields[i], e);
		free(e);
	}
	return body;
}

static void
post_repair(struct visitor *v, const struct field *over, size_t nover, struct http_resp *r)
{
	char *body = repair_body(v, over, nover);

	assert_int_equal(hc_post_form(v->hc, "/repair", body, r), 0);
	free(body);
}

/* The repair form as multipart/form-data, with photo parts after it. */
static void
post_repair_multipart(struct visitor *v, const struct field *over, size_t nover,
    const struct hc_part *photos, size_t nphotos, struct http_resp *r)
{
	struct hc_part parts[NFIELDS + 8];
	size_t i, n = 0;

	assert_true(nphotos <= 8);
	memset(parts, 0, sizeof(parts));
	for (i = 0; i < NFIELDS; i++) {
		const char *val = field_value(v, repair_fields[i], over, nover);

		if (val == NULL)
			continue;
		parts[n].name = repair_fields[i];
		parts[n].value = val;
		n++;
	}
	for (i = 0; i < nphotos; i++)
		parts[n++] = photos[i];
	assert_int_equal(hc_post_multipart(v->hc, "/repair", parts, n, r), 0);
}

static struct hc_part
photo_part(const void *data, size_t len, const char *filename, const char *ctype)
{
	struct hc_part p = { "photo", (const char *)data, len, filename, ctype };

	return p;
}

/* The tracking code of a 303 to exactly /track/<26 base32 chars>, malloc'ed. */
static char *
track_code_of(const struct http_resp *r)
{
	char *loc = http_header(r, "Location"), *code;

	assert_int_equal(r->status, 303);
	assert_non_null(loc);
	if (strncmp(loc, "/track/", 7) != 0 || strlen(loc) != 7 + CODE_LEN ||
	    strspn(loc + 7, CODE_CHARS) != CODE_LEN)
		fail_msg("Location is not /track/<code>: %s", loc);
	code = strdup(loc + 7);
	free(loc);
	return code;
}

/* Submit a valid form as v; returns the tracking code (malloc'ed). */
static char *
submit_ticket(struct visitor *v)
{
	struct http_resp r;
	char *code;

	post_repair(v, NULL, 0, &r);
	code = track_code_of(&r);
	http_resp_free(&r);
	return code;
}

static void
get_track(struct hc *h, const char *code, struct http_resp *r)
{
	char path[128];

	snprintf(path, sizeof(path), "/track/%s", code);
	assert_int_equal(hc_get(h, path, r), 0);
}

static void
post_reply(struct visitor *v, const char *code, const char *body, struct http_resp *r)
{
	char path[128], *e = hc_escape(body), *form;

	snprintf(path, sizeof(path), "/track/%s/reply", code);
	form = malloc(strlen(e) + strlen(v->csrf) + 32);
	assert_non_null(form);
	sprintf(form, "csrf=%s&body=%s", v->csrf, e);
	assert_int_equal(hc_post_form(v->hc, path, form, r), 0);
	free(form);
	free(e);
}

/* The ticket number R-YYYYMMDD-NNNN shown in html (malloc'ed) or NULL. */
static char *
ticket_number_in(const char *html)
{
	regex_t re;
	regmatch_t m;
	char *out = NULL;

	assert_int_equal(regcomp(&re, "R-[0-9]{8}-[0-9]{4}", REG_EXTENDED), 0);
	if (regexec(&re, html, 1, &m, 0) == 0)
		out = strndup(html + m.rm_so, (size_t)(m.rm_eo - m.rm_so));
	regfree(&re);
	return out;
}

/* A code of the right shape that no ticket has (126 random bits). */
static void
unknown_code(char out[CODE_LEN + 1])
{
	int i;

	for (i = 0; i < CODE_LEN; i++)
		out[i] = CODE_CHARS[rand() % 32];
	out[CODE_LEN] = '\0';
}

/* SQL statement head (an UPDATE or INSERT ... SELECT over tickets) run
 * for the ticket of code only. */
static int
ticket_sql(const char *head, const char *code)
{
	char sql[2048];

	snprintf(sql, sizeof(sql), "%s WHERE track_code = '%s'", head, code);
	return stack_sql(sql);
}

/* The stack's database is part of the test stack: no access to it is a
 * failure, never a reason to skip. */
static void
need_database(void)
{
	if (stack_sql("SELECT 1") != 0)
		fail_msg("no access to the database of stack %s", stack_name());
}

static int
clear_track_failures(void **state)
{
	(void)state;
	(void)stack_sql("DELETE FROM track_failures");
	return 0;
}

static int
group_setup(void **state)
{
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	return clear_track_failures(state);
}

/* ------------------------------------------------------- GET /repair */

static void
test_repair_form_has_all_fields_and_chinese_labels(void **state)
{
	static const char *const names[] = {
		"name=\"name\"", "name=\"phone\"", "name=\"email\"", "name=\"product\"",
		"name=\"serial\"", "name=\"category\"", "name=\"description\"",
		"name=\"address\"", "name=\"photo\"", "name=\"form_token\"", "name=\"csrf\"",
	};
	struct http_resp r;
	struct hc *h = hc_new();
	char *token;
	size_t i;

	(void)state;
	assert_int_equal(hc_get(h, "/repair", &r), 0);
	assert_int_equal(r.status, 200);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		assert_contains(r.body, names[i]);
	assert_contains(r.body, "enctype=\"multipart/form-data\"");
	assert_contains(r.body,
	    "type=\"file\" multiple accept=\"image/jpeg,image/png,image/webp\"");
	assert_contains(r.body, "<html lang=\"zh-CN\">");
	assert_contains(r.body, "姓名");
	assert_contains(r.body, "联系电话（手机或座机）");
	assert_contains(r.body, "故障描述");
	assert_contains(r.body, ">空调</option>");
	assert_contains(r.body, "<textarea id=\"description\" name=\"description\"");
	token = html_input_value(r.body, "form_token");
	assert_non_null(token);
	assert_int_equal(strlen(token), 64);
	assert_int_equal(strspn(token, "0123456789abcdef"), 64);
	free(token);
	http_resp_free(&r);
	hc_free(h);
}

static void
test_repair_form_in_english_with_lang_en(void **state)
{
	struct http_resp r;
	struct hc *h = hc_new();

	(void)state;
	assert_int_equal(hc_get(h, "/repair?lang=en", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "<html lang=\"en\">");
	assert_contains(r.body, "Report a fault");
	assert_contains(r.body, ">Name</label>");
	assert_contains(r.body, ">Phone (mobile or landline)</label>");
	assert_contains(r.body, ">Air conditioner</option>");
	assert_not_contains(r.body, "故障描述");
	http_resp_free(&r);
	hc_free(h);
}

static void
test_repair_form_gives_a_fresh_form_token_each_time(void **state)
{
	struct visitor a, b;

	(void)state;
	visitor_open(&a);
	visitor_open(&b);
	assert_string_not_equal(a.token, b.token);
	visitor_close(&a);
	visitor_close(&b);
}

/* The fresh form is the worker's kept page with each visitor's own tokens
 * written in: the csrf token is the one bound to the visitor's cookie (the
 * same on the next visit, another one for another visitor), the
 * form_token new each time, and another visitor's csrf token is refused. */
static void
test_repair_kept_form_carries_each_visitors_own_tokens(void **state)
{
	struct visitor a, b, again;
	struct http_resp r;
	struct field over[1] = { { "csrf", NULL } };

	(void)state;
	visitor_open(&a);
	visitor_open(&b);
	assert_string_not_equal(a.csrf, b.csrf);
	/* a second look with a's cookie: a's csrf again, a new form_token */
	memset(&again, 0, sizeof(again));
	assert_int_equal(hc_get(a.hc, "/repair", &r), 0);
	assert_int_equal(r.status, 200);
	again.csrf = html_input_value(r.body, "csrf");
	again.token = html_input_value(r.body, "form_token");
	assert_string_equal(again.csrf, a.csrf);
	assert_string_not_equal(again.token, a.token);
	http_resp_free(&r);
	/* b's csrf token with a's cookie is refused */
	over[0].value = b.csrf;
	post_repair(&a, over, 1, &r);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	free(again.csrf);
	free(again.token);
	visitor_close(&a);
	visitor_close(&b);
}

/* ------------------------------------------------------ POST /repair */

static void
test_repair_valid_urlencoded_redirects_to_track_code(void **state)
{
	struct visitor v;
	char *code;

	(void)state;
	visitor_open(&v);
	code = submit_ticket(&v);     /* asserts 303 to /track/<26 chars> */
	assert_int_equal(strlen(code), CODE_LEN);
	free(code);
	visitor_close(&v);
}

static void
test_track_shows_number_status_and_details_after_submit(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *code, *number;

	(void)state;
	visitor_open(&v);
	code = submit_ticket(&v);
	get_track(v.hc, code, &r);
	assert_int_equal(r.status, 200);
	number = ticket_number_in(r.body);
	assert_non_null(number);
	assert_contains(r.body, "已提交，等待受理");
	assert_contains(r.body, "KFR-35GW");
	/* No photos: no "0 photos" line at all. */
	assert_not_contains(r.body, "已附");
	assert_not_contains(r.body, "<dt>照片</dt>");
	assert_contains(r.body, "您提交了报修");
	assert_contains(r.body, "提交成功，请保存此链接");
	assert_contains(r.body, code);
	/* The customer's own contact details are not on the page. */
	assert_not_contains(r.body, "138 0013 8000");
	assert_not_contains(r.body, "中关村大街");
	free(number);
	http_resp_free(&r);
	free(code);
	visitor_close(&v);
}

static void
test_track_success_note_shows_once(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *code;

	(void)state;
	visitor_open(&v);
	code = submit_ticket(&v);
	get_track(v.hc, code, &r);
	assert_contains(r.body, "提交成功");
	http_resp_free(&r);
	get_track(v.hc, code, &r);
	assert_int_equal(r.status, 200);
	assert_not_contains(r.body, "提交成功");
	http_resp_free(&r);
	free(code);
	visitor_close(&v);
}

static void
test_track_created_time_is_china_time(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *code, now_text[32], before_text[32];
	time_t before = time(NULL) + 8 * 3600, now;
	struct tm tm;

	(void)state;
	visitor_open(&v);
	code = submit_ticket(&v);
	get_track(v.hc, code, &r);
	now = time(NULL) + 8 * 3600;
	gmtime_r(&before, &tm);
	strftime(before_text, sizeof(before_text), "%Y-%m-%d %H:%M", &tm);
	gmtime_r(&now, &tm);
	strftime(now_text, sizeof(now_text), "%Y-%m-%d %H:%M", &tm);
	/* UTC+8, to the minute (the minute may turn during the request) */
	if (strstr(r.body, before_text) == NULL && strstr(r.body, now_text) == NULL)
		fail_msg("created time %s (China time) not shown", now_text);
	http_resp_free(&r);
	free(code);
	visitor_close(&v);
}

static void
test_repair_multipart_with_png_and_jpeg_is_accepted(void **state)
{
	struct visitor v;
	struct http_resp r;
	struct hc_part photos[2];
	char *code;

	(void)state;
	photos[0] = photo_part(png_1x1, sizeof(png_1x1), "外机.png", "image/png");
	photos[1] = photo_part(jpeg_1x1, sizeof(jpeg_1x1), "IMG_0001.JPG", "image/jpeg");
	visitor_open(&v);
	post_repair_multipart(&v, NULL, 0, photos, 2, &r);
	code = track_code_of(&r);
	http_resp_free(&r);
	get_track(v.hc, code, &r);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "已附 2 张照片");
	http_resp_free(&r);
	free(code);
	visitor_close(&v);
}

static void
test_repair_multipart_with_webp_is_accepted(void **state)
{
	struct visitor v;
	struct http_resp r;
	struct hc_part photo = photo_part(webp_1x1, sizeof(webp_1x1), "a.webp", "image/webp");
	char *code;

	(void)state;
	visitor_open(&v);
	post_repair_multipart(&v, NULL, 0, &photo, 1, &r);
	code = track_code_of(&r);
	http_resp_free(&r);
	free(code);
	visitor_close(&v);
}

/* The type comes from the content, not from the name or the claimed type. */
static void
test_repair_text_file_named_jpg_is_422_at_photo(void **state)
{
	static const char text[] = "This is a text file, not a photo.\n";
	struct visitor v;
	struct http_resp r;
	struct hc_part photo = photo_part(text, sizeof(text) - 1, "photo.jpg", "image/jpeg");
	char *name;

	(void)state;
	visitor_open(&v);
	post_repair_multipart(&v, NULL, 0, &photo, 1, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "<p class=\"field-error\" id=\"photo-err\">"
	    "只能上传 JPEG、PNG 或 WebP 格式的图片。</p>");
	assert_contains(r.body, "照片没有保存，请重新选择。");
	name = html_input_value(r.body, "name");
	assert_string_equal(name, "张三");
	free(name);
	http_resp_free(&r);
	visitor_close(&v);
}

static void
test_repair_four_photos_is_422(void **state)
{
	struct visitor v;
	struct http_resp r;
	struct hc_part photos[4];
	int i;

	(void)state;
	for (i = 0; i < 4; i++)
		photos[i] = photo_part(png_1x1, sizeof(png_1x1), "p.png", "image/png");
	visitor_open(&v);
	post_repair_multipart(&v, NULL, 0, photos, 4, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"photo-err\">最多上传 3 张照片。");
	http_resp_free(&r);
	visitor_close(&v);
}

static void
test_repair_photo_over_5mb_is_422(void **state)
{
	struct visitor v;
	struct http_resp r;
	size_t len = 6 * MB;
	unsigned char *big = calloc(1, len);
	struct hc_part photo;

	(void)state;
	assert_non_null(big);
	memcpy(big, png_1x1, sizeof(png_1x1));     /* a real PNG start, padded */
	photo = photo_part(big, len, "big.png", "image/png");
	visitor_open(&v);
	post_repair_multipart(&v, NULL, 0, &photo, 1, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"photo-err\">每张照片不能超过 5 MB。");
	http_resp_free(&r);
	visitor_close(&v);
	free(big);
}

static void
test_repair_missing_name_and_bad_phone_is_422_with_values_kept(void **state)
{
	static const struct field over[] = { { "name", NULL }, { "phone", "call me" } };
	struct visitor v;
	struct http_resp r;
	char *val, selected[64];

	(void)state;
	visitor_open(&v);
	post_repair(&v, over, 2, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "<p class=\"field-error\" id=\"name-err\">必填项。</p>");
	assert_contains(r.body,
	    "<p class=\"field-error\" id=\"phone-err\">请填写 11 位手机号码（如 138 0013 8000）"
	    "或带区号的座机号码（如 010-12345678）。</p>");
	assert_contains(r.body, "请修改标出的项目后重新提交。");      /* the summary */
	assert_contains(r.body, "<a href=\"#name\">姓名</a>");
	assert_contains(r.body, "<a href=\"#phone\">联系电话（手机或座机）</a>");
	val = html_input_value(r.body, "phone");
	assert_string_equal(val, "call me");
	free(val);
	val = html_input_value(r.body, "product");
	assert_string_equal(val, "KFR-35GW");
	free(val);
	val = html_input_value(r.body, "email");
	assert_string_equal(val, "zhang@example.com");
	free(val);
	val = html_input_value(r.body, "address");
	assert_string_equal(val, "北京市海淀区中关村大街 1 号");
	free(val);
	assert_contains(r.body, ">" DEFAULT_DESCRIPTION "</textarea>");
	snprintf(selected, sizeof(selected), "<option value=\"%s\" selected>", v.category);
	assert_contains(r.body, selected);
	http_resp_free(&r);
	visitor_close(&v);
}

static void
test_repair_values_are_escaped_when_the_form_comes_back(void **state)
{
	static const struct field over[] = {
		{ "name", NULL }, { "product", "\"><script>alert(1)</script>" },
	};
	struct visitor v;
	struct http_resp r;

	(void)state;
	visitor_open(&v);
	post_repair(&v, over, 2, &r);
	assert_int_equal(r.status, 422);
	assert_not_contains(r.body, "<script>alert(1)");
	assert_contains(r.body, "&lt;script&gt;");
	http_resp_free(&r);
	visitor_close(&v);
}

static void
test_repair_invalid_form_keeps_its_form_token(void **state)
{
	static const struct field over[] = { { "description", "坏了" } };
	struct visitor v;
	struct http_resp r;
	char *token;

	(void)state;
	visitor_open(&v);
	post_repair(&v, over, 1, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"description-err\">请至少写 5 个字。");
	token = html_input_value(r.body, "form_token");
	assert_string_equal(token, v.token);
	free(token);
	http_resp_free(&r);
	visitor_close(&v);
}

static void
test_repair_missing_form_token_is_422_with_a_fresh_one(void **state)
{
	static const struct field over[] = { { "form_token", NULL } };
	struct visitor v;
	struct http_resp r;
	char *token;

	(void)state;
	visitor_open(&v);
	post_repair(&v, over, 1, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "表单已失效，请再提交一次。");
	token = html_input_value(r.body, "form_token");
	assert_non_null(token);
	assert_int_equal(strlen(token), 64);
	assert_string_not_equal(token, v.token);
	free(token);
	http_resp_free(&r);
	visitor_close(&v);
}

static void
test_repair_unknown_category_is_422(void **state)
{
	static const struct field over[] = { { "category", "999999" } };
	struct visitor v;
	struct http_resp r;

	(void)state;
	visitor_open(&v);
	post_repair(&v, over, 1, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"category-err\">请选择产品类别。");
	http_resp_free(&r);
	visitor_close(&v);
}

/* A category switched on a moment ago is taken at once (the form's list
 * may be a few seconds old), with its own SLA policy; one switched off is
 * refused at once. */
static void
test_repair_category_switched_on_or_off_counts_at_once(void **state)
{
	struct visitor v;
	struct http_resp r;
	struct field over[1] = { { "category", NULL } };
	char id[32], q[512];
	long long cat, before;

	(void)state;
	need_database();
	visitor_open(&v);   /* the worker's list is read before the new category */
	assert_int_equal(stack_sql("INSERT INTO categories (code, name_zh, name_en, active, sort)"
	    " VALUES ('late-cat', '新品类', 'New kind', 1, 999)"
	    " ON DUPLICATE KEY UPDATE active = 1"), 0);
	cat = stack_sql_int("SELECT id FROM categories WHERE code = 'late-cat'");
	assert_true(cat > 0);
	snprintf(q, sizeof(q), "INSERT INTO sla_policies (category_id, priority,"
	    " first_response_mins, resolve_mins) VALUES (%lld, 'normal', 43200, 86400)"
	    " ON DUPLICATE KEY UPDATE first_response_mins = 43200, resolve_mins = 86400", cat);
	assert_int_equal(stack_sql(q), 0);
	snprintf(id, sizeof(id), "%lld", cat);
	over[0].value = id;
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM tickets WHERE category_id = %lld", cat);
	before = stack_sql_int(q);
	post_repair(&v, over, 1, &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	/* the category's own policy: 30 days, not the default's hours */
	snprintf(q, sizeof(q), "SELECT first_response_due > created_at + INTERVAL 20 DAY"
	    " FROM tickets WHERE category_id = %lld ORDER BY id DESC LIMIT 1", cat);
	assert_int_equal(stack_sql_int(q), 1);
	assert_int_equal(stack_sql("UPDATE categories SET active = 0 WHERE code = 'late-cat'"), 0);
	visitor_close(&v);
	visitor_open(&v);
	post_repair(&v, over, 1, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"category-err\">");
	http_resp_free(&r);
	visitor_close(&v);
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM tickets WHERE category_id = %lld", cat);
	assert_int_equal(stack_sql_int(q), before + 1);
}

static void
test_repair_bad_email_and_long_name_are_422(void **state)
{
	static const struct field over[] = {
		{ "email", "not-an-email" },
		{ "name", "张三张三张三张三张三张三张三张三张三张三"      /* 51 characters */
		          "张三张三张三张三张三张三张三张三张三张三"
		          "张三张三张三张三张三1" },
	};
	struct visitor v;
	struct http_resp r;

	(void)state;
	visitor_open(&v);
	post_repair(&v, over, 2, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"email-err\">请填写有效的邮箱地址。");
	assert_contains(r.body, "id=\"name-err\">内容太长。");
	http_resp_free(&r);
	visitor_close(&v);
}

/* Tickets stored with the form_token of v (0 or 1). */
static long long
tickets_of_form(const struct visitor *v)
{
	char sql[160];

	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM tickets WHERE form_token = '%s'",
	    v->token);
	return stack_sql_int(sql);
}

/* The refused form stored nothing: the same form, sent properly, is the
 * first to make a ticket (which also shows the count would see one). */
static void
assert_refused_form_stored_nothing(struct visitor *v)
{
	struct http_resp r;

	assert_int_equal(tickets_of_form(v), 0);
	post_repair(v, NULL, 0, &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_int_equal(tickets_of_form(v), 1);
}

static void
test_repair_without_csrf_is_403(void **state)
{
	static const struct field over[] = { { "csrf", NULL } };
	struct visitor v;
	struct http_resp r;

	(void)state;
	need_database();
	visitor_open(&v);
	post_repair(&v, over, 1, &r);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_refused_form_stored_nothing(&v);
	visitor_close(&v);
}

static void
test_repair_from_another_origin_is_403(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *body;

	(void)state;
	need_database();
	visitor_open(&v);
	body = repair_body(&v, NULL, 0);
	assert_int_equal(hc_post_form_h(v.hc, "/repair", body, "Origin: http://evil.example", &r),
	    0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	free(body);
	assert_refused_form_stored_nothing(&v);
	visitor_close(&v);
}

static void
test_repair_same_form_token_twice_gives_one_ticket(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *first, *second, *n1, *n2;

	(void)state;
	visitor_open(&v);
	first = submit_ticket(&v);
	second = submit_ticket(&v);
	assert_string_equal(first, second);
	get_track(v.hc, first, &r);
	n1 = ticket_number_in(r.body);
	http_resp_free(&r);
	get_track(v.hc, second, &r);
	n2 = ticket_number_in(r.body);
	http_resp_free(&r);
	assert_non_null(n1);
	assert_string_equal(n1, n2);
	free(n1);
	free(n2);
	free(first);
	free(second);
	visitor_close(&v);
}

struct racer {
	struct hc         *hc;
	pthread_barrier_t *start;
	const char        *body;
	const char        *cookie;
	long               status;
	char              *location;
};

static void *
race_submit(void *arg)
{
	struct racer *x = arg;
	struct http_resp r;

	pthread_barrier_wait(x->start);
	if (hc_post_form_h(x->hc, "/repair", x->body, x->cookie, &r) == 0) {
		x->status = r.status;
		x->location = http_header(&r, "Location");
		http_resp_free(&r);
	}
	return NULL;
}

static void
test_repair_concurrent_double_submit_gives_one_ticket(void **state)
{
	struct visitor v;
	struct racer x[2];
	pthread_t t[2];
	pthread_barrier_t start;
	char *body;
	int i;

	(void)state;
	visitor_open(&v);
	assert_non_null(v.anon);
	body = repair_body(&v, NULL, 0);
	assert_int_equal(pthread_barrier_init(&start, NULL, 2), 0);
	for (i = 0; i < 2; i++) {
		memset(&x[i], 0, sizeof(x[i]));
		x[i].hc = hc_new();       /* two browsers tabs: same visitor cookie */
		x[i].start = &start;
		x[i].body = body;
		x[i].cookie = v.anon;
		assert_int_equal(pthread_create(&t[i], NULL, race_submit, &x[i]), 0);
	}
	for (i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	pthread_barrier_destroy(&start);
	assert_int_equal(x[0].status, 303);
	assert_int_equal(x[1].status, 303);
	assert_non_null(x[0].location);
	assert_non_null(x[1].location);
	assert_string_equal(x[0].location, x[1].location);
	for (i = 0; i < 2; i++) {
		free(x[i].location);
		hc_free(x[i].hc);
	}
	free(body);
	visitor_close(&v);
}

/* ----------------------------------------------------- GET /track/... */

static void
test_track_unknown_code_is_404(void **state)
{
	struct http_resp r;
	struct hc *h = hc_new();
	char code[CODE_LEN + 1];

	(void)state;
	unknown_code(code);
	get_track(h, code, &r);
	assert_int_equal(r.status, 404);
	assert_contains(r.body, "找不到这个工单");
	http_resp_free(&r);
	hc_free(h);
}

static void
test_track_malformed_code_is_404(void **state)
{
	static const char *const bad[] = {
		"short", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",     /* upper case is not the alphabet */
		"aaaaaaaaaaaaaaaaaaaaaaaaaaa",            /* 27 characters */
		"aaaaaaaaaaaaaaaaaaaaaaaaa1",             /* '1' is not base32 */
	};
	struct http_resp r;
	struct hc *h = hc_new();
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		get_track(h, bad[i], &r);
		assert_int_equal(r.status, 404);
		http_resp_free(&r);
	}
	hc_free(h);
}

static void
test_track_page_is_not_cached_and_sends_no_referrer(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *code;

	(void)state;
	visitor_open(&v);
	code = submit_ticket(&v);
	get_track(v.hc, code, &r);
	assert_int_equal(r.status, 200);
	assert_contains(r.headers, "Referrer-Policy: same-origin");
	assert_contains(r.headers, "Cache-Control: no-store");
	http_resp_free(&r);
	free(code);
	visitor_close(&v);
}

static void
test_track_hides_internal_notes_and_staff_names(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *code, *staff;

	(void)state;
	need_database();
	visitor_open(&v);
	code = submit_ticket(&v);
	staff = stack_sql_value("SELECT name FROM users WHERE active = 1 ORDER BY id LIMIT 1");
	assert_int_equal(ticket_sql(
	    "INSERT INTO ticket_events (ticket_id, at, actor_kind, actor_id, kind, public,"
	    " from_status, to_status, body) SELECT id, UTC_TIMESTAMP(), 'staff',"
	    " (SELECT MIN(id) FROM users), k.kind, k.pub, k.f, k.t, k.body FROM tickets,"
	    " (SELECT 'note' kind, 0 pub, NULL f, NULL t, 'INTERNAL-NOTE-x7' body"
	    "  UNION ALL SELECT 'status', 1, 'new', 'accepted', 'STATUS-NOTE-x7'"
	    "  UNION ALL SELECT 'assigned', 1, 'accepted', 'assigned', 'TECH-NAME-x7'"
	    "  UNION ALL SELECT 'priority', 0, 'normal', 'high', NULL"
	    "  UNION ALL SELECT 'reply', 1, NULL, NULL, 'PUBLIC-REPLY-x7') k", code), 0);
	get_track(v.hc, code, &r);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "PUBLIC-REPLY-x7");
	assert_contains(r.body, "客服回复");
	assert_contains(r.body, "已受理");
	assert_contains(r.body, "已安排技术员");
	assert_not_contains(r.body, "INTERNAL-NOTE-x7");
	assert_not_contains(r.body, "STATUS-NOTE-x7");
	assert_not_contains(r.body, "TECH-NAME-x7");
	assert_non_null(staff);                 /* a staff name to look for */
	assert_true(staff[0] != '\0');
	assert_not_contains(r.body, staff);
	http_resp_free(&r);
	free(staff);
	free(code);
	visitor_close(&v);
}

static void
test_track_resolved_ticket_links_to_survey(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *code, href[128];

	(void)state;
	need_database();
	visitor_open(&v);
	code = submit_ticket(&v);
	get_track(v.hc, code, &r);
	assert_not_contains(r.body, "/survey/");
	http_resp_free(&r);
	assert_int_equal(ticket_sql("UPDATE tickets SET status = 'resolved'",
	    code), 0);
	get_track(v.hc, code, &r);
	snprintf(href, sizeof(href), "href=\"/survey/%s\"", code);
	assert_contains(r.body, href);
	assert_contains(r.body, "评价本次服务");
	assert_contains(r.body, "已解决");
	http_resp_free(&r);
	free(code);
	visitor_close(&v);
}

/* --------------------------------------------- POST /track/.../reply */

static void
test_track_reply_is_shown_escaped(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *code, *loc, expect[128];

	(void)state;
	visitor_open(&v);
	code = submit_ticket(&v);
	post_reply(&v, code, "<script>alert(1)</script>", &r);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	snprintf(expect, sizeof(expect), "/track/%s?done=customer_reply#reply", code);
	assert_string_equal(loc, expect);
	free(loc);
	http_resp_free(&r);
	get_track(v.hc, code, &r);
	assert_contains(r.body, "您补充了信息");
	assert_contains(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;");
	assert_not_contains(r.body, "<script>alert(1)");
	http_resp_free(&r);
	/* Its lines stay lines (HTML escaping alone turns them into spaces). */
	post_reply(&v, code, "第一行<b>\r\n第二行", &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	get_track(v.hc, code, &r);
	assert_contains(r.body, "第一行&lt;b&gt;\r\n第二行");
	http_resp_free(&r);
	free(code);
	visitor_close(&v);
}

static void
test_track_empty_reply_is_422(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *code;

	(void)state;
	visitor_open(&v);
	code = submit_ticket(&v);
	post_reply(&v, code, "  \n ", &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"body-err\">请填写留言或添加照片。");
	assert_contains(r.body, "R-");    /* the tracking page itself */
	http_resp_free(&r);
	free(code);
	visitor_close(&v);
}

static void
test_track_reply_too_long_is_422_with_text_kept(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *code, *body = malloc(4002);

	(void)state;
	assert_non_null(body);
	memset(body, 'x', 4001);
	body[4001] = '\0';
	visitor_open(&v);
	code = submit_ticket(&v);
	post_reply(&v, code, body, &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"body-err\">内容太长。");
	assert_contains(r.body, body);
	http_resp_free(&r);
	free(body);
	free(code);
	visitor_close(&v);
}

static void
test_track_reply_with_only_a_photo_is_accepted(void **state)
{
	struct visitor v;
	struct http_resp r;
	struct hc_part parts[2];
	char *code, path[128];

	(void)state;
	visitor_open(&v);
	code = submit_ticket(&v);
	memset(parts, 0, sizeof(parts));
	parts[0].name = "csrf";
	parts[0].value = v.csrf;
	parts[1] = photo_part(jpeg_1x1, sizeof(jpeg_1x1), "more.jpg", "image/jpeg");
	snprintf(path, sizeof(path), "/track/%s/reply", code);
	assert_int_equal(hc_post_multipart(v.hc, path, parts, 2, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	get_track(v.hc, code, &r);
	assert_contains(r.body, "已附 1 张照片");
	http_resp_free(&r);
	free(code);
	visitor_close(&v);
}

static void
test_track_reply_without_csrf_is_403(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *code, path[128], where[64], *before;

	(void)state;
	need_database();
	visitor_open(&v);
	code = submit_ticket(&v);
	snprintf(where, sizeof(where), "t.track_code = '%s'", code);
	before = ticket_snapshot(where);
	snprintf(path, sizeof(path), "/track/%s/reply", code);
	assert_int_equal(hc_post_form(v.hc, path, "body=hello", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_ticket_unchanged(where, before);
	free(code);
	visitor_close(&v);
}

static void
test_track_reply_to_unknown_code_is_404(void **state)
{
	struct visitor v;
	struct http_resp r;
	char code[CODE_LEN + 1];

	(void)state;
	visitor_open(&v);
	unknown_code(code);
	post_reply(&v, code, "hello", &r);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	visitor_close(&v);
}

static void
test_track_reply_while_waiting_for_customer_resumes_work(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *code;

	(void)state;
	need_database();
	visitor_open(&v);
	code = submit_ticket(&v);
	assert_int_equal(ticket_sql("UPDATE tickets SET status = 'waiting_customer',"
	    " sla_paused_since = UTC_TIMESTAMP()", code), 0);
	get_track(v.hc, code, &r);
	assert_contains(r.body, "我们需要您补充一些信息");
	http_resp_free(&r);
	post_reply(&v, code, "型号是 KFR-35GW,下午在家。", &r);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	get_track(v.hc, code, &r);
	assert_not_contains(r.body, "等待您的回复");
	assert_contains(r.body, "型号是 KFR-35GW,下午在家。");
	http_resp_free(&r);
	free(code);
	visitor_close(&v);
}

/* The 303 of a reply names its confirmation, shown at the reply card. */
static void
assert_reply_location(const struct http_resp *r, const char *code, const char *done)
{
	char want[160], *loc = http_header(r, "Location");

	snprintf(want, sizeof(want), "/track/%s?done=%s#reply", code, done);
	assert_non_null(loc);
	assert_string_equal(loc, want);
	free(loc);
}

static long long
ticket_int(const char *expr, const char *code)
{
	char sql[512];

	snprintf(sql, sizeof(sql), "SELECT %s FROM tickets t WHERE t.track_code = '%s'", expr, code);
	return stack_sql_int(sql);
}

/* "Not fixed": the customer's words on a resolved repair they have not
 * confirmed reopen it; after their confirmation a reply is only a reply. */
static void
test_track_reply_to_resolved_ticket_reopens_it_until_confirmed(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *code, path[160];

	(void)state;
	need_database();
	visitor_open(&v);
	code = submit_ticket(&v);
	post_reply(&v, code, "下午在家", &r);           /* open: a reply, nothing more */
	assert_int_equal(r.status, 303);
	assert_reply_location(&r, code, "customer_reply");
	http_resp_free(&r);
	assert_int_equal(ticket_sql("UPDATE tickets SET status = 'resolved',"
	    " resolved_at = UTC_TIMESTAMP(), customer_replied = 0", code), 0);
	get_track(v.hc, code, &r);
	assert_contains(r.body, "没修好？请在下方告诉我们，工单会重新打开。");
	http_resp_free(&r);

	post_reply(&v, code, "还是不制冷，早上又停机了", &r);
	assert_int_equal(r.status, 303);
	assert_reply_location(&r, code, "customer_reopened");
	http_resp_free(&r);
	assert_int_equal(ticket_int("t.status = 'reopened' AND t.resolved_at IS NULL"
	    " AND t.customer_replied = 1", code), 1);
	assert_int_equal(ticket_int("(SELECT COUNT(*) FROM ticket_events e WHERE e.ticket_id = t.id"
	    " AND e.kind = 'status' AND e.actor_kind = 'customer' AND e.from_status = 'resolved'"
	    " AND e.to_status = 'reopened')", code), 1);
	snprintf(path, sizeof(path), "/track/%s?done=customer_reopened", code);
	assert_int_equal(hc_get(v.hc, path, &r), 0);
	assert_contains(r.body, "id=\"reply-done\"");
	assert_contains(r.body, "已收到您的留言，工单已重新打开，我们会尽快处理。");
	assert_contains(r.body, "还是不制冷，早上又停机了");
	assert_not_contains(r.body, "id=\"confirm-submit\"");
	http_resp_free(&r);
	get_track(v.hc, code, &r);                      /* shown once, with its key only */
	assert_not_contains(r.body, "id=\"reply-done\"");
	http_resp_free(&r);

	/* Confirmed: stays resolved. */
	assert_int_equal(ticket_sql("UPDATE tickets SET status = 'resolved', resolved_at ="
	    " UTC_TIMESTAMP(), customer_confirmed_at = UTC_TIMESTAMP(), confirmed_by = 'customer'",
	    code), 0);
	post_reply(&v, code, "谢谢师傅", &r);
	assert_int_equal(r.status, 303);
	assert_reply_location(&r, code, "customer_reply");
	http_resp_free(&r);
	assert_int_equal(ticket_int("t.status = 'resolved'", code), 1);
	snprintf(path, sizeof(path), "/track/%s?done=customer_reply", code);
	assert_int_equal(hc_get(v.hc, path, &r), 0);
	assert_contains(r.body, "已收到您的留言，客服会尽快处理。");
	http_resp_free(&r);
	free(code);
	visitor_close(&v);
}

/* A GET of a form's action (a reload after a refused reply, the language
 * link of that page) shows the page the form is on; a POST-only URL with
 * no such page stays 405. */
static void
test_get_of_a_form_action_shows_its_page(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *code, path[160], want[160], *loc;

	(void)state;
	visitor_open(&v);
	code = submit_ticket(&v);
	post_reply(&v, code, "", &r);                   /* refused: 422 at .../reply */
	assert_int_equal(r.status, 422);
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/track/%s/reply?lang=en", code);
	assert_int_equal(hc_get(v.hc, path, &r), 0);
	assert_int_equal(r.status, 303);
	snprintf(want, sizeof(want), "/track/%s?lang=en", code);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	assert_string_equal(loc, want);
	free(loc);
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/track/%s/confirm", code);
	assert_int_equal(hc_get(v.hc, path, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_int_equal(hc_get(v.hc, "/track/nosuchcode/reply", &r), 0);
	assert_int_equal(r.status, 303);                /* to the lookup's own 404 */
	http_resp_free(&r);
	free(code);
	visitor_close(&v);
}

static void
test_track_closed_ticket_takes_no_reply(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *code, action[128];

	(void)state;
	need_database();
	visitor_open(&v);
	code = submit_ticket(&v);
	assert_int_equal(ticket_sql("UPDATE tickets SET status = 'closed'",
	    code), 0);
	get_track(v.hc, code, &r);
	snprintf(action, sizeof(action), "action=\"/track/%s/reply\"", code);
	assert_not_contains(r.body, action);
	assert_contains(r.body, "此工单已结束");
	http_resp_free(&r);
	post_reply(&v, code, "还是坏的", &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "此工单已结束，不能再补充信息。");
	http_resp_free(&r);
	free(code);
	visitor_close(&v);
}

/* ---------------------------------------------------------- throttle */

/* The guessing limit of cgi/intake/track.c: TRACK_MAX_FAILURES failed
 * look-ups within TRACK_WINDOW_MIN minutes lock an address out. */
#define TRACK_LIMIT       20
#define TRACK_WINDOW_MIN  10

/* GET /track/<code> as h answers status (the body is dropped). */
static void
track_status_is(struct hc *h, const char *code, long status)
{
	struct http_resp r;

	get_track(h, code, &r);
	if (r.status != status)
		fail_msg("GET /track/%s: %ld, expected %ld", code, r.status, status);
	http_resp_free(&r);
}

/* Failed look-ups recorded for addr, as a number. */
static long long
failures_of(const char *addr)
{
	char sql[160], *n;
	long long v;

	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM track_failures WHERE addr = '%s'", addr);
	n = stack_sql_value(sql);
	assert_non_null(n);
	v = strtoll(n, NULL, 10);
	free(n);
	return v;
}

/* Runs last: it locks this address out of /track for 10 minutes (the
 * group tear-down lifts that again). Exactly TRACK_LIMIT failures are
 * answered 404, the next look-up of any code 429; failures of another
 * address do not count; failures older than the window are forgotten
 * (aged in the database rather than waited for). */
static void
test_track_throttles_address_after_20_failed_lookups(void **state)
{
	struct visitor v;
	struct http_resp r;
	char *code, unknown[CODE_LEN + 1], *retry, sql[256];
	int i;

	(void)state;
	need_database();
	visitor_open(&v);
	code = submit_ticket(&v);
	assert_int_equal(stack_sql("DELETE FROM track_failures"), 0);
	/* Another address at the limit leaves this one (127.0.0.1) alone. */
	for (i = 0; i < TRACK_LIMIT; i++)
		assert_int_equal(stack_sql("INSERT INTO track_failures (addr, at)"
		    " VALUES ('192.0.2.7', UTC_TIMESTAMP())"), 0);
	track_status_is(v.hc, code, 200);
	for (i = 0; i < TRACK_LIMIT; i++) {
		unknown_code(unknown);
		track_status_is(v.hc, unknown, 404);
		if (i == TRACK_LIMIT - 2)       /* one failure below the limit */
			track_status_is(v.hc, code, 200);
	}
	assert_int_equal(failures_of("127.0.0.1"), TRACK_LIMIT);
	get_track(v.hc, code, &r);
	assert_int_equal(r.status, 429);
	assert_contains(r.body, "查询失败的次数过多");
	assert_contains(r.headers, "Referrer-Policy: same-origin");
	retry = http_header(&r, "Retry-After");
	assert_non_null(retry);
	assert_string_equal(retry, "600");
	free(retry);
	http_resp_free(&r);
	post_reply(&v, code, "hello", &r);
	assert_int_equal(r.status, 429);
	http_resp_free(&r);
	unknown_code(unknown);
	track_status_is(v.hc, unknown, 429);
	/* Still inside the window a minute before its end ... */
	snprintf(sql, sizeof(sql), "UPDATE track_failures SET at = at - INTERVAL %d MINUTE"
	    " WHERE addr = '127.0.0.1'", TRACK_WINDOW_MIN - 1);
	assert_int_equal(stack_sql(sql), 0);
	track_status_is(v.hc, code, 429);
	/* ... and forgotten past it: the code answers again, and a new
	 * failure starts a new count (404, not 429). */
	assert_int_equal(stack_sql("UPDATE track_failures SET at = at - INTERVAL 61 SECOND"
	    " WHERE addr = '127.0.0.1'"), 0);
	track_status_is(v.hc, code, 200);
	unknown_code(unknown);
	track_status_is(v.hc, unknown, 404);
	free(code);
	visitor_close(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_repair_form_has_all_fields_and_chinese_labels),
		cmocka_unit_test(test_repair_form_in_english_with_lang_en),
		cmocka_unit_test(test_repair_form_gives_a_fresh_form_token_each_time),
		cmocka_unit_test(test_repair_kept_form_carries_each_visitors_own_tokens),
		cmocka_unit_test(test_repair_valid_urlencoded_redirects_to_track_code),
		cmocka_unit_test(test_track_shows_number_status_and_details_after_submit),
		cmocka_unit_test(test_track_success_note_shows_once),
		cmocka_unit_test(test_track_created_time_is_china_time),
		cmocka_unit_test(test_repair_multipart_with_png_and_jpeg_is_accepted),
		cmocka_unit_test(test_repair_multipart_with_webp_is_accepted),
		cmocka_unit_test(test_repair_text_file_named_jpg_is_422_at_photo),
		cmocka_unit_test(test_repair_four_photos_is_422),
		cmocka_unit_test(test_repair_photo_over_5mb_is_422),
		cmocka_unit_test(test_repair_missing_name_and_bad_phone_is_422_with_values_kept),
		cmocka_unit_test(test_repair_values_are_escaped_when_the_form_comes_back),
		cmocka_unit_test(test_repair_invalid_form_keeps_its_form_token),
		cmocka_unit_test(test_repair_missing_form_token_is_422_with_a_fresh_one),
		cmocka_unit_test(test_repair_unknown_category_is_422),
		cmocka_unit_test(test_repair_category_switched_on_or_off_counts_at_once),
		cmocka_unit_test(test_repair_bad_email_and_long_name_are_422),
		cmocka_unit_test(test_repair_without_csrf_is_403),
		cmocka_unit_test(test_repair_from_another_origin_is_403),
		cmocka_unit_test(test_repair_same_form_token_twice_gives_one_ticket),
		cmocka_unit_test(test_repair_concurrent_double_submit_gives_one_ticket),
		cmocka_unit_test(test_track_unknown_code_is_404),
		cmocka_unit_test(test_track_malformed_code_is_404),
		cmocka_unit_test(test_track_page_is_not_cached_and_sends_no_referrer),
		cmocka_unit_test(test_track_hides_internal_notes_and_staff_names),
		cmocka_unit_test(test_track_resolved_ticket_links_to_survey),
		cmocka_unit_test(test_track_reply_is_shown_escaped),
		cmocka_unit_test(test_track_empty_reply_is_422),
		cmocka_unit_test(test_track_reply_too_long_is_422_with_text_kept),
		cmocka_unit_test(test_track_reply_with_only_a_photo_is_accepted),
		cmocka_unit_test(test_track_reply_without_csrf_is_403),
		cmocka_unit_test(test_track_reply_to_unknown_code_is_404),
		cmocka_unit_test(test_track_reply_while_waiting_for_customer_resumes_work),
		cmocka_unit_test(test_track_reply_to_resolved_ticket_reopens_it_until_confirmed),
		cmocka_unit_test(test_get_of_a_form_action_shows_its_page),
		cmocka_unit_test(test_track_closed_ticket_takes_no_reply),
		/* last: locks the address out of /track (see the file comment) */
		cmocka_unit_test(test_track_throttles_address_after_20_failed_lookups),
	};

	return cmocka_run_group_tests(tests, group_setup, clear_track_failures);
}
