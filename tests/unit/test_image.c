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

#define RED   0
#define BLUE  1
#define NOISE 2

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

/* A w x h RGB image: the left half red and the right half blue, or
 * pseudo-random noise (which compresses badly: a long JPEG scan). */
static VipsImage *
make_rgb(int w, int h, int noise)
{
	unsigned char *px = malloc((size_t)w * (size_t)h * 3);
	uint32_t seed = 12345;
	VipsImage *im;
	int x, y;

	assert_non_null(px);
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			unsigned char *p = px + ((size_t)y * (size_t)w + (size_t)x) * 3;

			if (noise) {
				seed = seed * 1103515245u + 12345u;
				p[0] = (unsigned char)(seed >> 16);
				p[1] = (unsigned char)(seed >> 8);
				p[2] = (unsigned char)(seed >> 24);
			} else {
				p[0] = x < w / 2 ? 220 : 20;
				p[1] = 20;
				p[2] = x < w / 2 ? 20 : 220;
			}
		}
	im = vips_image_new_from_memory_copy(px, (size_t)w * (size_t)h * 3, w, h, 3,
	    VIPS_FORMAT_UCHAR);
	free(px);
	assert_non_null(im);
	return im;
}

/* The image encoded by saver ("jpeg", "png", "webp"); caller g_free()s. */
static unsigned char *
encode(VipsImage *im, const char *saver, size_t *len)
{
	void *buf = NULL;
	int rc;

	if (strcmp(saver, "jpeg") == 0)
		rc = vips_jpegsave_buffer(im, &buf, len, "Q", 90, NULL);
	else if (strcmp(saver, "png") == 0)
		rc = vips_pngsave_buffer(im, &buf, len, NULL);
	else
		rc = vips_webpsave_buffer(im, &buf, len, NULL);
	assert_int_equal(rc, 0);
	return buf;
}

static unsigned char *
fixture(int w, int h, int noise, const char *saver, size_t *len)
{
	VipsImage *im = make_rgb(w, h, noise);
	unsigned char *buf = encode(im, saver, len);

	g_object_unref(im);
	return buf;
}

static void
put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v & 0xFF);
	p[1] = (unsigned char)(v >> 8);
}

static void
put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xFFFF);
	put16(p + 2, v >> 16);
}

/* One 12-byte IFD entry (little-endian TIFF). */
static void
ifd_entry(unsigned char *p, unsigned tag, unsigned type, uint32_t count, uint32_t value)
{
	put16(p, tag);
	put16(p + 2, type);
	put32(p + 4, count);
	put32(p + 8, value);
}

/* An APP1 Exif segment as a phone writes one: IFD0 with Make "TestCam",
 * Orientation 6 (rotate 90° clockwise to show) and a GPS IFD with a
 * position in Shanghai (31°14' N, 121°28' E). Returns its length. */
static size_t
exif_segment(unsigned char *seg)
{
	unsigned char *t = seg + 10;   /* TIFF header after FFE1, length, "Exif\0\0" */
	static const uint32_t lat[6] = { 31, 1, 14, 1, 0, 1 }, lon[6] = { 121, 1, 28, 1, 0, 1 };
	size_t tiff_len = 172, i;

	memset(seg, 0, 10 + tiff_len);
	seg[0] = 0xFF;
	seg[1] = 0xE1;
	seg[2] = (unsigned char)((tiff_len + 8) >> 8);
	seg[3] = (unsigned char)((tiff_len + 8) & 0xFF);
	memcpy(seg + 4, "Exif\0\0", 6);
	memcpy(t, "II*\0", 4);
	put32(t + 4, 8);
	put16(t + 8, 3);                                   /* IFD0: 3 entries */
	ifd_entry(t + 10, 0x010F, 2, 8, 50);               /* Make -> "TestCam" at 50 */
	ifd_entry(t + 22, 0x0112, 3, 1, 6);                /* Orientation = 6 */
	ifd_entry(t + 34, 0x8825, 4, 1, 58);               /* GPS IFD at 58 */
	put32(t + 46, 0);
	memcpy(t + 50, "TestCam", 8);
	put16(t + 58, 5);                                  /* GPS IFD: 5 entries */
	ifd_entry(t + 60, 0x0000, 1, 4, 0x00000202);       /* GPSVersionID 2.2.0.0 */
	ifd_entry(t + 72, 0x0001, 2, 2, 'N');              /* GPSLatitudeRef */
	ifd_entry(t + 84, 0x0002, 5, 3, 124);              /* GPSLatitude at 124 */
	ifd_entry(t + 96, 0x0003, 2, 2, 'E');              /* GPSLongitudeRef */
	ifd_entry(t + 108, 0x0004, 5, 3, 148);             /* GPSLongitude at 148 */
	put32(t + 120, 0);
	for (i = 0; i < 6; i++) {
		put32(t + 124 + 4 * i, lat[i]);
		put32(t + 148 + 4 * i, lon[i]);
	}
	return 10 + tiff_len;
}

/* jpeg with seg inserted right after its SOI marker; caller frees. */
static unsigned char *
jpeg_insert(const unsigned char *jpeg, size_t len, const unsigned char *seg, size_t seg_len,
    size_t *out_len)
{
	unsigned char *out = malloc(len + seg_len);

	assert_non_null(out);
	memcpy(out, jpeg, 2);
	memcpy(out + 2, seg, seg_len);
	memcpy(out + 2 + seg_len, jpeg + 2, len - 2);
	*out_len = len + seg_len;
	return out;
}

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

/* CRC-32 of PNG chunks (ISO 3309). */
static uint32_t
crc32_png(const unsigned char *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		c ^= p[i];
		for (k = 0; k < 8; k++)
			c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
	}
	return c ^ 0xFFFFFFFFu;
}

static void
put32be(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* png with a tEXt chunk (keyword "Comment", text) inserted after IHDR;
 * caller frees. */
static unsigned char *
png_insert_text(const unsigned char *png, size_t len, const char *text, size_t *out_len)
{
	size_t tl = strlen(text), n = 8 + tl, at = 33;   /* signature 8 + IHDR 25 */
	unsigned char *out = malloc(len + n + 12), *c;

	assert_non_null(out);
	memcpy(out, png, at);
	c = out + at;
	put32be(c, (uint32_t)n);
	memcpy(c + 4, "tEXtComment", 12);                /* keyword and its NUL */
	memcpy(c + 16, text, tl);
	put32be(c + 8 + n, crc32_png(c + 4, 4 + n));
	memcpy(c + 12 + n, png + at, len - at);
	*out_len = len + n + 12;
	return out;
}

/* ------------------------------------------------------------ tests */

static void
test_jpeg_with_exif_orientation_and_gps_is_rotated_and_stripped(void **state)
{
	unsigned char seg[256], *plain, *photo;
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

/* Offset of the frame header (SOF0-2) of a JPEG, or 0. */
static size_t
jpeg_sof(const unsigned char *d, size_t len)
{
	size_t i = 2;

	while (i + 9 < len && d[i] == 0xFF) {
		if (d[i + 1] >= 0xC0 && d[i + 1] <= 0xC2)
			return i;
		i += 2 + ((size_t)d[i + 2] << 8 | d[i + 3]);
	}
	return 0;
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
