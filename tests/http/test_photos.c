/* HTTP tests of photos against the running stack: what a customer uploads
 * on /repair and /track/<code>/reply is stored as libvips re-encoded it
 * (rotated, no EXIF, no trailing HTML) with a thumbnail; the tracking page
 * shows the thumbnails of its own ticket only, linked to the photo, served
 * with the safe headers; a photo of another ticket is 404 and counts as a
 * failed look-up; a file that does not decode is 422 at the photo field
 * and nothing is stored. Staff replies take photos too; the customer sees
 * those of public replies only. Fixtures are made with libvips
 * (tests/unit/image_fixtures.h). The group set-up and tear-down empty
 * track_failures, as in test_intake.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <vips/vips.h>

#include "harness.h"
#include "../unit/image_fixtures.h"

#define CODE_LEN 26

/* A customer who opened /repair: cookie jar and the form's tokens. */
struct visitor {
	struct hc *hc;
	char      *csrf, *token;
	char       category[32];
};

static void
visitor_open(struct visitor *v)
{
	struct http_resp r;

	memset(v, 0, sizeof(*v));
	v->hc = hc_new();
	assert_int_equal(hc_get(v->hc, "/repair", &r), 0);
	assert_int_equal(r.status, 200);
	v->csrf = html_input_value(r.body, "csrf");
	v->token = html_input_value(r.body, "form_token");
	snprintf(v->category, sizeof(v->category), "%lld", html_first_numeric_option(r.body));
	http_resp_free(&r);
	assert_non_null(v->csrf);
	assert_non_null(v->token);
}

static void
visitor_close(struct visitor *v)
{
	hc_free(v->hc);
	free(v->csrf);
	free(v->token);
}

/* POST /repair as multipart with one photo (description tells tickets apart). */
static void
post_repair(struct visitor *v, const char *description, const void *photo, size_t len,
    const char *filename, const char *ctype, struct http_resp *r)
{
	struct hc_part parts[] = {
		{ "csrf", v->csrf, 0, NULL, NULL },
		{ "form_token", v->token, 0, NULL, NULL },
		{ "name", "王五", 0, NULL, NULL },
		{ "phone", "13900139000", 0, NULL, NULL },
		{ "category", v->category, 0, NULL, NULL },
		{ "description", description, 0, NULL, NULL },
		{ "address", "上海市浦东新区", 0, NULL, NULL },
		{ "photo", photo, len, filename, ctype },
	};

	assert_int_equal(hc_post_multipart(v->hc, "/repair", parts,
	    sizeof(parts) / sizeof(parts[0]), r), 0);
}

/* The code of a 303 to /track/<code> (malloc'ed). */
static char *
code_of(const struct http_resp *r)
{
	char *loc = http_header(r, "Location"), *code;

	assert_int_equal(r->status, 303);
	assert_non_null(loc);
	assert_int_equal(strncmp(loc, "/track/", 7), 0);
	assert_int_equal(strlen(loc), 7 + CODE_LEN);
	code = strdup(loc + 7);
	free(loc);
	return code;
}

static char *
repair_with_photo(const char *description, const void *photo, size_t len,
    const char *filename, const char *ctype)
{
	struct visitor v;
	struct http_resp r;
	char *code;

	visitor_open(&v);
	post_repair(&v, description, photo, len, filename, ctype, &r);
	code = code_of(&r);
	http_resp_free(&r);
	visitor_close(&v);
	return code;
}

static void
get_path(const char *path, struct http_resp *r)
{
	struct hc *h = hc_new();

	assert_int_equal(hc_get(h, path, r), 0);
	hc_free(h);
}

/* The first thumbnail of the tracking page of code: its photo path
 * /track/<code>/photos/<id> (malloc'ed), checking that the page links the
 * thumbnail to it. */
static char *
first_track_photo(const char *code)
{
	struct http_resp r;
	char path[128], *photo, link[256], img[256];
	const char *p;

	snprintf(path, sizeof(path), "/track/%s", code);
	get_path(path, &r);
	assert_int_equal(r.status, 200);
	snprintf(path, sizeof(path), "<img src=\"/track/%s/photos/", code);
	p = strstr(r.body, path);
	assert_non_null(p);
	p += strlen("<img src=\"");
	photo = strndup(p, strcspn(p, "\""));   /* .../photos/<id>/thumb */
	assert_non_null(photo);
	assert_true(strlen(photo) > strlen("/thumb"));
	assert_string_equal(photo + strlen(photo) - strlen("/thumb"), "/thumb");
	photo[strlen(photo) - strlen("/thumb")] = '\0';
	/* the thumbnail opens the viewer page that fits the photo */
	snprintf(link, sizeof(link), "<a href=\"%s/view\"", photo);
	snprintf(img, sizeof(img), "<img src=\"%s/thumb\"", photo);
	assert_contains(r.body, link);
	assert_contains(r.body, img);
	http_resp_free(&r);
	return photo;
}

static int
contains(const char *hay, size_t n, const char *needle)
{
	return memmem(hay, n, needle, strlen(needle)) != NULL;
}

static void
assert_safe_image_headers(const struct http_resp *r, const char *ctype, const char *name_end)
{
	char *disp = http_header(r, "Content-Disposition"), *ct = http_header(r, "Content-Type");

	assert_non_null(ct);
	assert_string_equal(ct, ctype);
	assert_non_null(disp);
	assert_int_equal(strncmp(disp, "inline; filename=\"photo-", 24), 0);
	assert_non_null(strstr(disp, name_end));
	assert_contains(r->headers, "X-Content-Type-Options: nosniff");
	assert_contains(r->headers, "Content-Security-Policy: default-src 'none'; sandbox");
	assert_contains(r->headers, "Cache-Control: no-store");
	free(disp);
	free(ct);
}

/* A phone's JPEG: 64x32 (left red, right blue), EXIF orientation 6, camera
 * and GPS position, and an HTML page with a script after its end. */
static unsigned char *
phone_jpeg_polyglot(size_t *len)
{
	static const char html[] = "<html><script>alert(document.cookie)</script></html>";
	unsigned char seg[EXIF_SEGMENT_MAX], *plain, *with_exif, *out;
	size_t plain_len, seg_len, exif_len;

	plain = fixture(64, 32, RED, "jpeg", &plain_len);
	seg_len = exif_segment(seg);
	with_exif = jpeg_insert(plain, plain_len, seg, seg_len, &exif_len);
	out = malloc(exif_len + sizeof(html));
	assert_non_null(out);
	memcpy(out, with_exif, exif_len);
	memcpy(out + exif_len, html, sizeof(html) - 1);
	*len = exif_len + sizeof(html) - 1;
	free(with_exif);
	g_free(plain);
	return out;
}

/* ------------------------------------------------------------ tests */

static void
test_repair_photo_is_stored_rotated_without_exif_or_html(void **state)
{
	struct http_resp r;
	unsigned char *jpeg;
	char *code, *photo, thumb[160];
	size_t len;
	VipsImage *im;

	(void)state;
	jpeg = phone_jpeg_polyglot(&len);
	assert_true(contains((const char *)jpeg, len, "GPS") || contains((const char *)jpeg, len,
	    "TestCam"));
	code = repair_with_photo("照片应旋转并去掉位置信息", jpeg, len, "IMG_0001.JPG", "image/jpeg");
	photo = first_track_photo(code);

	get_path(photo, &r);
	assert_int_equal(r.status, 200);
	assert_safe_image_headers(&r, "image/jpeg", ".jpg\"");
	assert_false(contains(r.body, r.len, "Exif"));
	assert_false(contains(r.body, r.len, "TestCam"));
	assert_false(contains(r.body, r.len, "<script"));
	im = vips_image_new_from_buffer(r.body, r.len, "", NULL);
	assert_non_null(im);
	assert_int_equal(vips_image_get_width(im), 32);     /* rotated upright */
	assert_int_equal(vips_image_get_height(im), 64);
	assert_int_equal(vips_image_get_typeof(im, VIPS_META_EXIF_NAME), 0);
	g_object_unref(im);
	http_resp_free(&r);

	snprintf(thumb, sizeof(thumb), "%s/thumb", photo);
	get_path(thumb, &r);
	assert_int_equal(r.status, 200);
	assert_safe_image_headers(&r, "image/jpeg", "-thumb.jpg\"");
	assert_false(contains(r.body, r.len, "Exif"));
	assert_false(contains(r.body, r.len, "<script"));
	http_resp_free(&r);
	free(photo);
	free(code);
	free(jpeg);
}

static void
test_track_reply_photo_shows_as_thumbnail_of_its_event(void **state)
{
	struct visitor v;
	struct http_resp r;
	unsigned char *png;
	char *code, path[128], *photo, thumb[160], sql[256];
	size_t len;

	(void)state;
	png = fixture(40, 20, RED, "png", &len);
	visitor_open(&v);
	post_repair(&v, "回复时补充一张照片", png, len, "a.png", "image/png", &r);
	code = code_of(&r);
	http_resp_free(&r);
	{
		struct hc_part parts[] = {
			{ "csrf", v.csrf, 0, NULL, NULL },
			{ "body", "补充一张外机照片", 0, NULL, NULL },
			{ "photo", (const char *)png, len, "outdoor.png", "image/png" },
		};

		snprintf(path, sizeof(path), "/track/%s/reply", code);
		assert_int_equal(hc_post_multipart(v.hc, path, parts, 3, &r), 0);
		assert_int_equal(r.status, 303);
		http_resp_free(&r);
	}
	snprintf(path, sizeof(path), "/track/%s", code);
	get_path(path, &r);
	assert_int_equal(r.status, 200);
	/* two events with one thumbnail each: the report and the reply */
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM attachments a JOIN tickets t"
	    " ON t.id = a.ticket_id WHERE t.track_code = '%s' AND a.thumb IS NOT NULL", code);
	assert_int_equal(stack_sql_int(sql), 2);
	{
		const char *p = strstr(r.body, "补充一张外机照片");

		assert_non_null(p);
		snprintf(path, sizeof(path), "<img src=\"/track/%s/photos/", code);
		assert_non_null(strstr(p, path));   /* the reply's own thumbnail */
	}
	http_resp_free(&r);
	photo = first_track_photo(code);
	snprintf(thumb, sizeof(thumb), "%s/thumb", photo);
	get_path(thumb, &r);
	assert_int_equal(r.status, 200);
	assert_safe_image_headers(&r, "image/png", "-thumb.png\"");
	assert_memory_equal(r.body, "\x89PNG", 4);
	http_resp_free(&r);
	free(photo);
	free(code);
	visitor_close(&v);
	g_free(png);
}

static void
test_customer_sees_only_photos_of_own_ticket(void **state)
{
	struct http_resp r;
	unsigned char *jpeg;
	char *code_a, *code_b, *photo_b, path[160], *id_b;
	size_t len;
	long long failures;

	(void)state;
	jpeg = fixture(30, 30, RED, "jpeg", &len);
	code_a = repair_with_photo("甲客户的故障照片", jpeg, len, "a.jpg", "image/jpeg");
	code_b = repair_with_photo("乙客户的故障照片", jpeg, len, "b.jpg", "image/jpeg");
	photo_b = first_track_photo(code_b);
	id_b = strrchr(photo_b, '/') + 1;

	/* A's page never links B's photo ... */
	snprintf(path, sizeof(path), "/track/%s", code_a);
	get_path(path, &r);
	snprintf(path, sizeof(path), "/photos/%s\"", id_b);
	assert_not_contains(r.body, path);
	http_resp_free(&r);
	/* ... A's code does not open it, and the miss counts as a failed look-up. */
	failures = stack_sql_int("SELECT COUNT(*) FROM track_failures");
	snprintf(path, sizeof(path), "/track/%s/photos/%s", code_a, id_b);
	get_path(path, &r);
	assert_int_equal(r.status, 404);
	assert_false(contains(r.body, r.len, "JFIF"));
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/track/%s/photos/%s/thumb", code_a, id_b);
	get_path(path, &r);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	assert_int_equal(stack_sql_int("SELECT COUNT(*) FROM track_failures"), failures + 2);
	/* B's own code does. */
	get_path(photo_b, &r);
	assert_int_equal(r.status, 200);
	http_resp_free(&r);
	free(photo_b);
	free(code_a);
	free(code_b);
	g_free(jpeg);
}

static void
test_photo_guessing_is_throttled_like_tracking_codes(void **state)
{
	struct http_resp r;
	char path[160], *code;
	int i;

	(void)state;
	code = hc_repair_ticket("没有照片的工单");
	(void)stack_sql("DELETE FROM track_failures");
	for (i = 0; i < 20; i++) {
		snprintf(path, sizeof(path), "/track/%s/photos/%d", code, 900000000 + i);
		get_path(path, &r);
		assert_int_equal(r.status, 404);
		http_resp_free(&r);
	}
	snprintf(path, sizeof(path), "/track/%s/photos/1", code);
	get_path(path, &r);
	assert_int_equal(r.status, 429);
	http_resp_free(&r);
	(void)stack_sql("DELETE FROM track_failures");
	free(code);
}

/* POST /repair with photo; expects 422 with msg at the photo field and
 * neither a ticket nor an attachment stored. */
static void
assert_repair_photo_refused(const void *photo, size_t len, const char *ctype, const char *msg)
{
	struct visitor v;
	struct http_resp r;
	long long tickets = stack_sql_int("SELECT COUNT(*) FROM tickets");
	long long photos = stack_sql_int("SELECT COUNT(*) FROM attachments");
	char want[256];

	visitor_open(&v);
	post_repair(&v, "这张照片应被拒绝", photo, len, "bad.jpg", ctype, &r);
	assert_int_equal(r.status, 422);
	snprintf(want, sizeof(want), "<p class=\"field-error\" id=\"photo-err\">%s</p>", msg);
	assert_contains(r.body, want);
	http_resp_free(&r);
	visitor_close(&v);
	assert_int_equal(stack_sql_int("SELECT COUNT(*) FROM tickets"), tickets);
	assert_int_equal(stack_sql_int("SELECT COUNT(*) FROM attachments"), photos);
}

static void
test_repair_truncated_jpeg_is_422_and_nothing_stored(void **state)
{
	unsigned char *jpeg;
	size_t len;

	(void)state;
	jpeg = fixture(200, 200, NOISE, "jpeg", &len);
	assert_repair_photo_refused(jpeg, len / 2, "image/jpeg",
	    "图片已损坏或不完整，无法打开，请换一张。");
	g_free(jpeg);
}

static void
test_repair_huge_dimension_jpeg_is_422_and_nothing_stored(void **state)
{
	unsigned char *jpeg;
	size_t len, sof;

	(void)state;
	jpeg = fixture(64, 64, RED, "jpeg", &len);
	assert_true((sof = jpeg_sof(jpeg, len)) > 0);
	jpeg[sof + 5] = 0xFD;                 /* 65000 x 65000 */
	jpeg[sof + 6] = 0xE8;
	jpeg[sof + 7] = 0xFD;
	jpeg[sof + 8] = 0xE8;
	assert_repair_photo_refused(jpeg, len, "image/jpeg",
	    "图片尺寸过大（最多 5000 万像素），请缩小后再上传。");
	g_free(jpeg);
}

static void
test_repair_gif_is_422_and_nothing_stored(void **state)
{
	static const unsigned char gif[] = {
		'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF,
		0x21, 0xF9, 4, 0, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B,
	};

	(void)state;
	assert_repair_photo_refused(gif, sizeof(gif), "image/jpeg",
	    "只能上传 JPEG、PNG 或 WebP 格式的图片。");
}

static void
test_track_reply_with_broken_photo_is_422_and_nothing_stored(void **state)
{
	static const unsigned char junk[] = "\xFF\xD8\xFF\xE0 not a JPEG, only its first bytes";
	struct visitor v;
	struct http_resp r;
	char *code, path[128];
	long long photos, events;

	(void)state;
	visitor_open(&v);
	code = hc_repair_ticket("回复坏照片");
	photos = stack_sql_int("SELECT COUNT(*) FROM attachments");
	events = stack_sql_int("SELECT COUNT(*) FROM ticket_events");
	{
		struct hc_part parts[] = {
			{ "csrf", v.csrf, 0, NULL, NULL },
			{ "body", "这张照片是坏的", 0, NULL, NULL },
			{ "photo", (const char *)junk, sizeof(junk) - 1, "x.jpg", "image/jpeg" },
		};

		snprintf(path, sizeof(path), "/track/%s/reply", code);
		assert_int_equal(hc_post_multipart(v.hc, path, parts, 3, &r), 0);
	}
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "<p class=\"field-error\" id=\"photo-err\">"
	    "图片已损坏或不完整，无法打开，请换一张。</p>");
	http_resp_free(&r);
	assert_int_equal(stack_sql_int("SELECT COUNT(*) FROM attachments"), photos);
	assert_int_equal(stack_sql_int("SELECT COUNT(*) FROM ticket_events"), events);
	free(code);
	visitor_close(&v);
}

/* --- staff replies with photos -------------------------------------------- */

/* The desk agent's reply to the ticket of code with one photo; returns the
 * status. */
static long
staff_reply(const char *code, const char *visibility, const char *body,
    const void *photo, size_t len, const char *ctype)
{
	struct hc *agent = hc_new();
	struct http_resp r;
	char sql[160], path[96], *id, *csrf, *version;
	long status;

	assert_int_equal(hc_login(agent, "agent", "demo1234"), 303);
	snprintf(sql, sizeof(sql), "SELECT id FROM tickets WHERE track_code = '%s'", code);
	id = stack_sql_value(sql);
	assert_non_null(id);
	snprintf(path, sizeof(path), "/desk/tickets/%s", id);
	assert_int_equal(hc_get(agent, path, &r), 0);
	assert_int_equal(r.status, 200);
	csrf = html_input_value(r.body, "csrf");
	version = html_input_value(r.body, "version");
	assert_non_null(csrf);
	assert_non_null(version);
	http_resp_free(&r);
	{
		struct hc_part parts[] = {
			{ "csrf", csrf, 0, NULL, NULL },
			{ "version", version, 0, NULL, NULL },
			{ "body", body, 0, NULL, NULL },
			{ "visibility", visibility, 0, NULL, NULL },
			{ "photo", photo, len, "site.jpg", ctype },
		};

		snprintf(path, sizeof(path), "/desk/tickets/%s/reply", id);
		assert_int_equal(hc_post_multipart(agent, path, parts, 5, &r), 0);
	}
	status = r.status;
	http_resp_free(&r);
	free(id);
	free(csrf);
	free(version);
	hc_free(agent);
	return status;
}

/* The id of the newest attachment of the ticket of code, or 0. */
static long long
newest_photo_of(const char *code)
{
	char sql[200];

	snprintf(sql, sizeof(sql), "SELECT COALESCE(MAX(a.id), 0) FROM attachments a JOIN tickets t"
	    " ON t.id = a.ticket_id WHERE t.track_code = '%s'", code);
	return stack_sql_int(sql);
}

static void
test_staff_public_reply_photo_is_shown_to_customer_and_staff(void **state)
{
	struct hc *agent = hc_new();
	struct http_resp r;
	unsigned char *jpeg;
	char *code, path[160], *tid;
	size_t len;
	long long aid;

	(void)state;
	jpeg = fixture(80, 40, RED, "jpeg", &len);
	code = hc_repair_ticket("师傅上门后补充现场照片");
	assert_int_equal(newest_photo_of(code), 0);
	assert_int_equal(staff_reply(code, "public", "现场照片如下", jpeg, len, "image/jpeg"), 303);
	assert_true((aid = newest_photo_of(code)) > 0);

	/* staff: a thumbnail on the ticket page, linked to the photo */
	assert_int_equal(hc_login(agent, "agent", "demo1234"), 303);
	snprintf(path, sizeof(path), "SELECT id FROM tickets WHERE track_code = '%s'", code);
	tid = stack_sql_value(path);
	assert_non_null(tid);
	snprintf(path, sizeof(path), "/desk/tickets/%s", tid);
	assert_int_equal(hc_get(agent, path, &r), 0);
	snprintf(path, sizeof(path), "<img src=\"/desk/attachments/%lld/thumb\"", aid);
	assert_contains(r.body, path);
	http_resp_free(&r);
	/* the customer: the same photo on the tracking page, and served */
	snprintf(path, sizeof(path), "/track/%s", code);
	get_path(path, &r);
	snprintf(path, sizeof(path), "<img src=\"/track/%s/photos/%lld/thumb\"", code, aid);
	assert_contains(r.body, path);
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/track/%s/photos/%lld", code, aid);
	get_path(path, &r);
	assert_int_equal(r.status, 200);
	assert_safe_image_headers(&r, "image/jpeg", ".jpg\"");
	http_resp_free(&r);
	free(tid);
	free(code);
	hc_free(agent);
	g_free(jpeg);
}

static void
test_staff_internal_note_photo_is_not_shown_to_customer(void **state)
{
	struct http_resp r;
	unsigned char *jpeg;
	char *code, path[160];
	size_t len;
	long long aid;

	(void)state;
	jpeg = fixture(80, 40, RED, "jpeg", &len);
	code = hc_repair_ticket("内部备注里的照片客户看不到");
	assert_int_equal(staff_reply(code, "internal", "内部:铭牌照片", jpeg, len, "image/jpeg"), 303);
	assert_true((aid = newest_photo_of(code)) > 0);
	snprintf(path, sizeof(path), "/track/%s", code);
	get_path(path, &r);
	assert_int_equal(r.status, 200);
	snprintf(path, sizeof(path), "/photos/%lld", aid);
	assert_not_contains(r.body, path);
	assert_not_contains(r.body, "内部:铭牌照片");
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/track/%s/photos/%lld", code, aid);
	get_path(path, &r);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/track/%s/photos/%lld/thumb", code, aid);
	get_path(path, &r);
	assert_int_equal(r.status, 404);
	http_resp_free(&r);
	(void)stack_sql("DELETE FROM track_failures");
	free(code);
	g_free(jpeg);
}

static void
test_staff_reply_with_broken_photo_is_422_and_nothing_stored(void **state)
{
	unsigned char *jpeg;
	char *code;
	size_t len;
	long long photos, events;

	(void)state;
	jpeg = fixture(200, 200, NOISE, "jpeg", &len);
	code = hc_repair_ticket("员工上传损坏的照片");
	photos = stack_sql_int("SELECT COUNT(*) FROM attachments");
	events = stack_sql_int("SELECT COUNT(*) FROM ticket_events");
	assert_int_equal(staff_reply(code, "public", "照片", jpeg, len / 3, "image/jpeg"), 422);
	assert_int_equal(stack_sql_int("SELECT COUNT(*) FROM attachments"), photos);
	assert_int_equal(stack_sql_int("SELECT COUNT(*) FROM ticket_events"), events);
	free(code);
	g_free(jpeg);
}

static int
clear_track_failures(void **state)
{
	(void)state;
	return stack_sql("DELETE FROM track_failures") == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_repair_photo_is_stored_rotated_without_exif_or_html),
		cmocka_unit_test(test_track_reply_photo_shows_as_thumbnail_of_its_event),
		cmocka_unit_test(test_customer_sees_only_photos_of_own_ticket),
		cmocka_unit_test(test_photo_guessing_is_throttled_like_tracking_codes),
		cmocka_unit_test(test_repair_truncated_jpeg_is_422_and_nothing_stored),
		cmocka_unit_test(test_repair_huge_dimension_jpeg_is_422_and_nothing_stored),
		cmocka_unit_test(test_repair_gif_is_422_and_nothing_stored),
		cmocka_unit_test(test_track_reply_with_broken_photo_is_422_and_nothing_stored),
		cmocka_unit_test(test_staff_public_reply_photo_is_shown_to_customer_and_staff),
		cmocka_unit_test(test_staff_internal_note_photo_is_not_shown_to_customer),
		cmocka_unit_test(test_staff_reply_with_broken_photo_is_422_and_nothing_stored),
	};

	if (VIPS_INIT("test_photos") != 0)
		return 1;
	return cmocka_run_group_tests(tests, clear_track_failures, clear_track_failures);
}
