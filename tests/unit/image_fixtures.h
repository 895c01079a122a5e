/* Image fixtures shared by tests/unit/test_image.c and
 * tests/http/test_photos.c, made with libvips itself plus a few
 * hand-built bytes: an EXIF block as a phone writes one (orientation,
 * camera, GPS position), segments and chunks inserted into a file, and the
 * offsets of the headers that a decompression bomb lies in. Include after
 * <cmocka.h> and <vips/vips.h> (failures are cmocka assertions). */
#ifndef SL_TEST_IMAGE_FIXTURES_H
#define SL_TEST_IMAGE_FIXTURES_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define RED   0
#define NOISE 1
#define EXIF_SEGMENT_MAX 192

/* A w x h RGB image: the left half red and the right half blue, or
 * pseudo-random noise (which compresses badly: a long JPEG scan). */
static inline VipsImage *
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
static inline unsigned char *
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

static inline unsigned char *
fixture(int w, int h, int noise, const char *saver, size_t *len)
{
	VipsImage *im = make_rgb(w, h, noise);
	unsigned char *buf = encode(im, saver, len);

	g_object_unref(im);
	return buf;
}

static inline void
put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v & 0xFF);
	p[1] = (unsigned char)(v >> 8);
}

static inline void
put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xFFFF);
	put16(p + 2, v >> 16);
}

/* One 12-byte IFD entry (little-endian TIFF). */
static inline void
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
static inline size_t
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
static inline unsigned char *
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


/* CRC-32 of PNG chunks (ISO 3309). */
static inline uint32_t
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

static inline void
put32be(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* png with a tEXt chunk (keyword "Comment", text) inserted after IHDR;
 * caller frees. */
static inline unsigned char *
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

/* Offset of the frame header (SOF0-2) of a JPEG, or 0. */
static inline size_t
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

#endif
