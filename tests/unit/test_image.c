/* Unit tests of cgi/core/image.c (photo check and re-encoding with
 * libvips). The fixtures are made here with libvips itself, plus a few
 * hand-built bytes (an EXIF block with orientation, camera and GPS, a
 * comment segment, a GIF, patched headers), so each test shows what it
 * feeds in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <vips/vips.h>

#include "arena.h"
#include "image.h"
#include "image_fixtures.h"

static struct arena a;

static int
setup(void **state)
{
	(void)state;
	arena_init(&a);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&a);
	return 0;
}

/* ------------------------------------------------------------ fixtures */

static int
contains(const unsigned char *hay, size_t n, const char *needle)
{
	return memmem(hay, n, needle, strlen(needle)) != NULL;
}

/* Decode an output buffer again, to look at what was stored. */
static VipsImage *
reload(const unsigned char *buf, size_t len)
{
	VipsImage *im = vips_image_new_from_buffer(buf, len, "", NULL);

	assert_non_null(im);
	return im;
}

/* Mean of band b around (x, y). */
static double
band_at(VipsImage *im, int x, int y, int b)
{
	double *v = NULL;
	int n = 0;
	double r;

	assert_int_equal(vips_getpoint(im, &v, &n, x, y, NULL), 0);
	assert_true(b < n);
	r = v[b];
	g_free(v);
	return r;
}

static double
seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------ tests */

static void
test_jpeg_with_exif_orientation_and_gps_is_rotated_and_stripped(void **state)
{
	unsigned char seg[EXIF_SEGMENT_MAX], *plain, *photo;
	size_t plain_len, seg_len, photo_len;
	struct image_out out;
	VipsImage *in, *im;

	(void)state;
	plain = fixture(64, 32, RED, "jpeg", &plain_len);
	seg_len = exif_segment(seg);
	photo = jpeg_insert(plain, plain_len, seg, seg_len, &photo_len);
	/* The fixture really carries what a phone writes. */
	in = reload(photo, photo_len);
	assert_int_equal(vips_image_get_orientation(in), 6);
	assert_true(vips_image_get_typeof(in, "exif-ifd3-GPSLatitude") != 0);
	assert_true(vips_image_get_typeof(in, "exif-ifd0-Make") != 0);
	g_object_unref(in);

	assert_int_equal(image_check_and_reencode(&a, photo, photo_len, &out), IMAGE_OK);
	assert_string_equal(out.ctype, "image/jpeg");
	/* Rotated: 64x32 stored, 32x64 shown; the stored left (red) is the top. */
	assert_int_equal(out.width, 32);
	assert_int_equal(out.height, 64);
	im = reload(out.data, out.len);
	assert_int_equal(vips_image_get_width(im), 32);
	assert_int_equal(vips_image_get_height(im), 64);
	assert_true(band_at(im, 16, 8, 0) > 150 && band_at(im, 16, 8, 2) < 80);
	assert_true(band_at(im, 16, 56, 2) > 150 && band_at(im, 16, 56, 0) < 80);
	/* Nothing of the EXIF block is left. */
	assert_int_equal(vips_image_get_typeof(im, VIPS_META_EXIF_NAME), 0);
	assert_int_equal(vips_image_get_typeof(im, "exif-ifd3-GPSLatitude"), 0);
	assert_int_equal(vips_image_get_orientation(im), 1);
	g_object_unref(im);
	assert_false(contains(out.data, out.len, "Exif"));
	assert_false(contains(out.data, out.len, "TestCam"));
	/* The thumbnail is rotated and clean too. */
	assert_int_equal(out.thumb_width, 32);
	assert_int_equal(out.thumb_height, 64);
	assert_false(contains(out.thumb, out.thumb_len, "Exif"));
	free(photo);
	g_free(plain);
}

static void
test_png_is_reencoded_as_png_without_its_text_chunks(void **state)
{
	struct image_out out;
	unsigned char *plain, *png;
	size_t plain_len, len;
	VipsImage *im;

	(void)state;
	plain = fixture(40, 20, RED, "png", &plain_len);
	png = png_insert_text(plain, plain_len, "<script>alert(1)</script>", &len);
	im = reload(png, len);             /* a valid PNG that carries the text */
	assert_true(vips_image_get_typeof(im, "png-comment-0-Comment") != 0);
	g_object_unref(im);

	assert_int_equal(image_check_and_reencode(&a, png, len, &out), IMAGE_OK);
	assert_string_equal(out.ctype, "image/png");
	assert_int_equal(out.width, 40);
	assert_int_equal(out.height, 20);
	assert_memory_equal(out.data, "\x89PNG", 4);
	assert_memory_equal(out.thumb, "\x89PNG", 4);
	assert_false(contains(out.data, out.len, "<script>"));
	im = reload(out.data, out.len);
	assert_true(band_at(im, 5, 10, 0) > 200 && band_at(im, 35, 10, 2) > 200);
	assert_int_equal(vips_image_get_typeof(im, "png-comment-0-Comment"), 0);
	g_object_unref(im);
	free(png);
	g_free(plain);
}

static void
test_webp_is_reencoded_as_webp(void **state)
{
	struct image_out out;
	unsigned char *webp;
	size_t len;
	VipsImage *im;

	(void)state;
	webp = fixture(50, 30, RED, "webp", &len);
	assert_int_equal(image_check_and_reencode(&a, webp, len, &out), IMAGE_OK);
	assert_string_equal(out.ctype, "image/webp");
	assert_int_equal(out.width, 50);
	assert_int_equal(out.height, 30);
	assert_memory_equal(out.data, "RIFF", 4);
	assert_memory_equal(out.data + 8, "WEBP", 4);
	assert_memory_equal(out.thumb + 8, "WEBP", 4);
	im = reload(out.data, out.len);
	assert_int_equal(vips_image_get_width(im), 50);
	assert_true(band_at(im, 5, 15, 0) > 150 && band_at(im, 45, 15, 2) > 150);
	g_object_unref(im);
	g_free(webp);
}

static void
test_jpeg_with_icc_profile_is_converted_and_the_profile_dropped(void **state)
{
	VipsImage *src = make_rgb(40, 20, RED), *tagged = NULL, *im;
	struct image_out out;
	unsigned char *jpeg;
	size_t len;

	(void)state;
	/* sRGB to sRGB: same pixels, with the profile attached to the image */
	assert_int_equal(vips_icc_transform(src, &tagged, "srgb", "input_profile", "srgb", NULL), 0);
	assert_true(vips_image_get_typeof(tagged, VIPS_META_ICC_NAME) != 0);
	jpeg = encode(tagged, "jpeg", &len);
	g_object_unref(tagged);
	g_object_unref(src);
	im = reload(jpeg, len);
	assert_true(vips_image_get_typeof(im, VIPS_META_ICC_NAME) != 0);
	g_object_unref(im);

	assert_int_equal(image_check_and_reencode(&a, jpeg, len, &out), IMAGE_OK);
	im = reload(out.data, out.len);
	assert_int_equal(vips_image_get_typeof(im, VIPS_META_ICC_NAME), 0);
	assert_int_equal(vips_image_get_bands(im), 3);
	assert_true(band_at(im, 5, 10, 0) > 180 && band_at(im, 35, 10, 2) > 180);
	g_object_unref(im);
	g_free(jpeg);
}

static void
test_large_photo_is_scaled_to_2560_with_a_320_thumbnail(void **state)
{
	struct image_out out;
	unsigned char *jpeg;
	size_t len;

	(void)state;
	jpeg = fixture(3000, 1200, RED, "jpeg", &len);
	assert_int_equal(image_check_and_reencode(&a, jpeg, len, &out), IMAGE_OK);
	assert_int_equal(out.width, IMAGE_MAX_SIDE);
	assert_int_equal(out.height, 1024);
	assert_int_equal(out.thumb_width, IMAGE_THUMB_SIDE);
	assert_int_equal(out.thumb_height, 128);
	assert_true(out.thumb_len < out.len);
	g_free(jpeg);
}

static void
test_small_photo_is_never_enlarged(void **state)
{
	struct image_out out;
	unsigned char *jpeg;
	size_t len;

	(void)state;
	jpeg = fixture(20, 10, RED, "jpeg", &len);
	assert_int_equal(image_check_and_reencode(&a, jpeg, len, &out), IMAGE_OK);
	assert_int_equal(out.width, 20);
	assert_int_equal(out.thumb_width, 20);
	assert_int_equal(out.thumb_height, 10);
	g_free(jpeg);
}

static void
test_garbage_is_refused_as_not_an_image(void **state)
{
	static const char text[] = "This is a text file, not a photo.\n";
	static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
	    "<script>alert(1)</script></svg>";
	struct image_out out;

	(void)state;
	assert_int_equal(image_check_and_reencode(&a, (const unsigned char *)text, sizeof(text) - 1,
	    &out), IMAGE_ERR_TYPE);
	assert_int_equal(image_check_and_reencode(&a, (const unsigned char *)svg, sizeof(svg) - 1,
	    &out), IMAGE_ERR_TYPE);
	assert_int_equal(image_check_and_reencode(&a, NULL, 0, &out), IMAGE_ERR_TYPE);
	assert_null(out.data);
	assert_null(out.ctype);
}

static void
test_gif_is_refused_though_it_is_an_image(void **state)
{
	/* A valid 1x1 GIF: libvips could read it, but only JPEG, PNG and WebP pass. */
	static const unsigned char gif[] = {
		'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF,
		0x21, 0xF9, 4, 0, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B,
	};
	struct image_out out;

	(void)state;
	assert_int_equal(image_check_and_reencode(&a, gif, sizeof(gif), &out), IMAGE_ERR_TYPE);
}

static void
test_jpeg_magic_with_junk_is_refused_as_broken(void **state)
{
	static const unsigned char junk[] = "\xFF\xD8\xFF\xE0 this is no JPEG at all, just text";
	struct image_out out;

	(void)state;
	assert_int_equal(image_check_and_reencode(&a, junk, sizeof(junk) - 1, &out),
	    IMAGE_ERR_BROKEN);
}

static void
test_truncated_jpeg_is_refused(void **state)
{
	struct image_out out;
	unsigned char *jpeg;
	size_t len;

	(void)state;
	jpeg = fixture(256, 256, NOISE, "jpeg", &len);
	assert_true(len > 20000);
	/* The whole file passes, its first half does not. */
	assert_int_equal(image_check_and_reencode(&a, jpeg, len, &out), IMAGE_OK);
	assert_int_equal(image_check_and_reencode(&a, jpeg, len / 2, &out), IMAGE_ERR_BROKEN);
	g_free(jpeg);
}

static void
test_truncated_png_is_refused(void **state)
{
	struct image_out out;
	unsigned char *png;
	size_t len;

	(void)state;
	png = fixture(256, 256, NOISE, "png", &len);
	assert_int_equal(image_check_and_reencode(&a, png, len, &out), IMAGE_OK);
	assert_int_equal(image_check_and_reencode(&a, png, len / 2, &out), IMAGE_ERR_BROKEN);
	g_free(png);
}

static void
test_jpeg_html_polyglot_with_trailing_html_comes_out_clean(void **state)
{
	static const char html[] = "<html><body><script>alert(document.cookie)</script></body></html>";
	struct image_out out;
	unsigned char *jpeg, *poly;
	size_t len;

	(void)state;
	jpeg = fixture(48, 48, RED, "jpeg", &len);
	poly = malloc(len + sizeof(html));
	assert_non_null(poly);
	memcpy(poly, jpeg, len);
	memcpy(poly + len, html, sizeof(html) - 1);
	assert_int_equal(image_check_and_reencode(&a, poly, len + sizeof(html) - 1, &out), IMAGE_OK);
	assert_false(contains(out.data, out.len, "<script"));
	assert_false(contains(out.data, out.len, "<html"));
	assert_false(contains(out.thumb, out.thumb_len, "<script"));
	/* ... and ends at the end of the image. */
	assert_memory_equal(out.data + out.len - 2, "\xFF\xD9", 2);
	free(poly);
	g_free(jpeg);
}

static void
test_jpeg_html_polyglot_in_a_comment_comes_out_clean(void **state)
{
	static const char html[] = "<html><script>alert(document.cookie)</script></html>";
	unsigned char seg[128], *jpeg, *poly;
	struct image_out out;
	size_t len, poly_len, n = sizeof(html) - 1;

	(void)state;
	seg[0] = 0xFF;
	seg[1] = 0xFE;                       /* COM */
	seg[2] = (unsigned char)((n + 2) >> 8);
	seg[3] = (unsigned char)((n + 2) & 0xFF);
	memcpy(seg + 4, html, n);
	jpeg = fixture(48, 48, RED, "jpeg", &len);
	poly = jpeg_insert(jpeg, len, seg, n + 4, &poly_len);
	assert_true(contains(poly, poly_len, "<script"));
	assert_int_equal(image_check_and_reencode(&a, poly, poly_len, &out), IMAGE_OK);
	assert_false(contains(out.data, out.len, "<script"));
	assert_false(contains(out.thumb, out.thumb_len, "<script"));
	free(poly);
	g_free(jpeg);
}

static void
test_jpeg_claiming_huge_dimensions_is_refused_quickly(void **state)
{
	struct image_out out;
	unsigned char *jpeg;
	size_t len, sof;
	double t0;

	(void)state;
	jpeg = fixture(64, 64, RED, "jpeg", &len);
	assert_true((sof = jpeg_sof(jpeg, len)) > 0);
	/* 65000 x 65000 = 4.2 gigapixels, 12 GB once decoded */
	jpeg[sof + 5] = 0xFD;
	jpeg[sof + 6] = 0xE8;
	jpeg[sof + 7] = 0xFD;
	jpeg[sof + 8] = 0xE8;
	t0 = seconds_now();
	assert_int_equal(image_check_and_reencode(&a, jpeg, len, &out), IMAGE_ERR_PIXELS);
	assert_true(seconds_now() - t0 < 1.0);
	g_free(jpeg);
}

static void
test_png_claiming_huge_dimensions_is_refused_quickly(void **state)
{
	struct image_out out;
	unsigned char *png;
	size_t len;
	double t0;

	(void)state;
	png = fixture(64, 64, RED, "png", &len);
	assert_memory_equal(png + 12, "IHDR", 4);
	put32be(png + 16, 30000);            /* 30000 x 30000 = 900 megapixels */
	put32be(png + 20, 30000);
	put32be(png + 29, crc32_png(png + 12, 17));
	t0 = seconds_now();
	assert_int_equal(image_check_and_reencode(&a, png, len, &out), IMAGE_ERR_PIXELS);
	assert_true(seconds_now() - t0 < 1.0);
	g_free(png);
}

static void
test_photo_just_under_the_pixel_limit_header_passes_the_check(void **state)
{
	/* 7000 x 7000 = 49 MP is allowed by the header check; it then fails
	 * only because the pixel data are missing, not because of its size. */
	struct image_out out;
	unsigned char *png;
	size_t len;

	(void)state;
	png = fixture(64, 64, RED, "png", &len);
	put32be(png + 16, 7000);
	put32be(png + 20, 7000);
	put32be(png + 29, crc32_png(png + 12, 17));
	assert_int_equal(image_check_and_reencode(&a, png, len, &out), IMAGE_ERR_BROKEN);
	g_free(png);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_jpeg_with_exif_orientation_and_gps_is_rotated_and_stripped),
		T(test_png_is_reencoded_as_png_without_its_text_chunks),
		T(test_webp_is_reencoded_as_webp),
		T(test_jpeg_with_icc_profile_is_converted_and_the_profile_dropped),
		T(test_large_photo_is_scaled_to_2560_with_a_320_thumbnail),
		T(test_small_photo_is_never_enlarged),
		T(test_garbage_is_refused_as_not_an_image),
		T(test_gif_is_refused_though_it_is_an_image),
		T(test_jpeg_magic_with_junk_is_refused_as_broken),
		T(test_truncated_jpeg_is_refused),
		T(test_truncated_png_is_refused),
		T(test_jpeg_html_polyglot_with_trailing_html_comes_out_clean),
		T(test_jpeg_html_polyglot_in_a_comment_comes_out_clean),
		T(test_jpeg_claiming_huge_dimensions_is_refused_quickly),
		T(test_png_claiming_huge_dimensions_is_refused_quickly),
		T(test_photo_just_under_the_pixel_limit_header_passes_the_check),
	};

	/* The module starts libvips itself; the fixtures need it first. */
	if (VIPS_INIT("test_image") != 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
