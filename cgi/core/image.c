/* Photo check and re-encoding through libvips (see image.h). libvips is
 * started once per process, on the first photo: a worker serves one
 * request at a time, so one thread is enough; nothing is cached between
 * requests; only the three buffer loaders we accept can run, so no other
 * decoder (SVG, PDF, ImageMagick ...) is ever reached by an upload. */
#include "image.h"
#include "arena.h"

#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <vips/vips.h>

#define JPEG_Q        85
#define JPEG_THUMB_Q  80
#define WEBP_Q        80
#define PNG_LEVEL     6

enum image_fmt { FMT_JPEG, FMT_PNG, FMT_WEBP, FMT__MAX };

static const struct {
	const char *ctype;
	const char *loader;   /* GType name of its libvips buffer loader */
} fmts[FMT__MAX] = {
	{ "image/jpeg", "VipsForeignLoadJpegBuffer" },
	{ "image/png",  "VipsForeignLoadPngBuffer" },
	{ "image/webp", "VipsForeignLoadWebpBuffer" },
};

static int  started;          /* 0 not yet, 1 running, -1 failed to start */
static char last_error[256];

/* Keep libvips's error text (one line) for image_last_error, and clear it. */
static void
keep_error(void)
{
	char *p;

	snprintf(last_error, sizeof(last_error), "%s", vips_error_buffer());
	for (p = last_error; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	vips_error_clear();
}

const char *
image_last_error(void)
{
	return last_error;
}

/* libvips reports damaged input as warnings on stderr, which is our JSON
 * request log: drop them (a refusal is told through the return value). */
static void
drop_log(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data)
{
	(void)domain;
	(void)level;
	(void)msg;
	(void)data;
}

static int
image_start(void)
{
	size_t i;

	if (started != 0)
		return started > 0 ? 0 : -1;
	/* libvips's threads would each get a malloc arena of their own, which
	 * keeps tens of MB of a decoded photo for good: one arena is enough
	 * for a worker that serves one request at a time. */
	mallopt(M_ARENA_MAX, 1);
	if (VIPS_INIT("serviceloop") != 0) {
		keep_error();
		started = -1;
		return -1;
	}
	g_log_set_handler("VIPS", (GLogLevelFlags)(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE |
	    G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG), drop_log, NULL);
	vips_concurrency_set(1);
	vips_cache_set_max(0);
	vips_cache_set_max_mem(0);
	vips_cache_set_max_files(0);
	vips_block_untrusted_set(TRUE);
	vips_operation_block_set("VipsForeignLoad", TRUE);
	for (i = 0; i < FMT__MAX; i++)
		vips_operation_block_set(fmts[i].loader, FALSE);
	started = 1;
	return 0;
}

void
image_shutdown(void)
{
	if (started > 0)
		vips_shutdown();
	started = 0;
}

/* Which of our formats libvips finds in the bytes (by content, whatever
 * the name or type the browser sent), or FMT__MAX. */
static enum image_fmt
sniff(const unsigned char *in, size_t len)
{
	const char *loader = vips_foreign_find_load_buffer(in, len);
	int i;

	vips_error_clear();   /* "not a known format" is not worth keeping */
	if (loader == NULL)
		return FMT__MAX;
	for (i = 0; i < FMT__MAX; i++)
		if (strcmp(loader, fmts[i].loader) == 0)
			return (enum image_fmt)i;
	return FMT__MAX;
}

/* Read only the header: refuse a broken one and a size that would take
 * too much memory to decode (a decompression bomb), before any pixel. */
static enum image_err
check_header(const unsigned char *in, size_t len, int *has_icc)
{
	VipsImage *h;
	long long px;

	h = vips_image_new_from_buffer(in, len, "", "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
	if (h == NULL) {
		keep_error();
		return IMAGE_ERR_BROKEN;
	}
	px = (long long)vips_image_get_width(h) * vips_image_get_height(h);
	*has_icc = vips_image_get_typeof(h, VIPS_META_ICC_NAME) != 0;
	g_object_unref(h);
	return px > 0 && px <= IMAGE_MAX_PIXELS ? IMAGE_OK : IMAGE_ERR_PIXELS;
}

/* Encode im as fmt with no metadata at all; *buf is g_malloc'ed. */
static int
encode(VipsImage *im, enum image_fmt fmt, int thumb, void **buf, size_t *len)
{
	switch (fmt) {
	case FMT_JPEG:
		return vips_jpegsave_buffer(im, buf, len, "Q", thumb ? JPEG_THUMB_Q : JPEG_Q,
		    "strip", TRUE, "optimize_coding", TRUE, NULL);
	case FMT_PNG:
		return vips_pngsave_buffer(im, buf, len, "compression", PNG_LEVEL, "strip", TRUE, NULL);
	case FMT_WEBP:
		return vips_webpsave_buffer(im, buf, len, "Q", WEBP_Q, "strip", TRUE, NULL);
	default:
		return -1;
	}
}

/* Encode im into the arena; IMAGE_OK, or why not. */
static enum image_err
encode_to(struct arena *a, VipsImage *im, enum image_fmt fmt, int thumb,
    unsigned char **out, size_t *out_len)
{
	void *buf = NULL;
	size_t len = 0;

	if (encode(im, fmt, thumb, &buf, &len) != 0) {
		keep_error();
		return IMAGE_ERR_INTERNAL;
	}
	if (len > IMAGE_MAX_OUT) {
		g_free(buf);
		return IMAGE_ERR_PIXELS;
	}
	*out = arena_alloc(a, len > 0 ? len : 1);
	memcpy(*out, buf, len);
	*out_len = len;
	g_free(buf);
	return IMAGE_OK;
}

/* Decode (shrinking while loading where the format allows), rotate by the
 * EXIF orientation and scale down to IMAGE_MAX_SIDE, fully into memory:
 * a damaged or truncated file fails here. An embedded colour profile is
 * applied (converted to sRGB), since the profile itself is not kept. */
static enum image_err
decode(const unsigned char *in, size_t len, int has_icc, VipsImage **mem)
{
	VipsImage *big = NULL;
	/* libvips takes a non-const pointer but only reads the buffer. */
	void *buf = (void *)(uintptr_t)in;
	int rc;

	if (has_icc)
		rc = vips_thumbnail_buffer(buf, len, &big, IMAGE_MAX_SIDE, "height", IMAGE_MAX_SIDE,
		    "size", VIPS_SIZE_DOWN, "option_string", "fail_on=truncated",
		    "export_profile", "srgb", NULL);
	else
		rc = vips_thumbnail_buffer(buf, len, &big, IMAGE_MAX_SIDE, "height", IMAGE_MAX_SIDE,
		    "size", VIPS_SIZE_DOWN, "option_string", "fail_on=truncated", NULL);
	if (rc != 0) {
		keep_error();
		return IMAGE_ERR_BROKEN;
	}
	*mem = vips_image_copy_memory(big);
	g_object_unref(big);
	if (*mem == NULL) {
		keep_error();
		return IMAGE_ERR_BROKEN;
	}
	return IMAGE_OK;
}

enum image_err
image_check_and_reencode(struct arena *a, const unsigned char *in, size_t len,
    struct image_out *out)
{
	VipsImage *mem = NULL, *th = NULL;
	enum image_fmt fmt;
	enum image_err rc;
	int has_icc = 0;

	memset(out, 0, sizeof(*out));
	last_error[0] = '\0';
	if (image_start() != 0)
		return IMAGE_ERR_INTERNAL;
	if (in == NULL || len == 0 || (fmt = sniff(in, len)) == FMT__MAX)
		return IMAGE_ERR_TYPE;
	if ((rc = check_header(in, len, &has_icc)) != IMAGE_OK ||
	    (rc = decode(in, len, has_icc, &mem)) != IMAGE_OK)
		return rc;
	rc = encode_to(a, mem, fmt, 0, &out->data, &out->len);
	out->width = vips_image_get_width(mem);
	out->height = vips_image_get_height(mem);
	if (rc == IMAGE_OK && vips_thumbnail_image(mem, &th, IMAGE_THUMB_SIDE,
	    "height", IMAGE_THUMB_SIDE, "size", VIPS_SIZE_DOWN, "no_rotate", TRUE, NULL) != 0) {
		keep_error();
		rc = IMAGE_ERR_INTERNAL;
	}
	if (rc == IMAGE_OK) {
		rc = encode_to(a, th, fmt, 1, &out->thumb, &out->thumb_len);
		out->thumb_width = vips_image_get_width(th);
		out->thumb_height = vips_image_get_height(th);
	}
	if (th != NULL)
		g_object_unref(th);
	g_object_unref(mem);
	if (rc == IMAGE_OK)
		out->ctype = fmts[fmt].ctype;
	/* The decoded pixels (tens of MB) are free again: give them back, so a
	 * worker does not keep its largest photo's memory for good. */
	malloc_trim(0);
	return rc;
}
