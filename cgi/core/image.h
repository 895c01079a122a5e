/* Uploaded photos through a real image library (libvips): decode by
 * content, refuse what is not a JPEG, PNG or WebP (or is damaged, or
 * claims too many pixels), apply the EXIF orientation, drop every piece of
 * metadata (EXIF with its GPS position and camera, XMP, IPTC, ICC,
 * comments, anything after the end of the image), and re-encode in the
 * same format at most IMAGE_MAX_SIDE pixels on the long side, with a
 * thumbnail of at most IMAGE_THUMB_SIDE. Only what libvips wrote is ever
 * stored, so a file that is also an HTML page (a polyglot) comes out as
 * pixels only. */
#ifndef SL_IMAGE_H
#define SL_IMAGE_H

#include <stddef.h>

struct arena;

#define IMAGE_MAX_SIDE    2560                  /* stored image, long side */
#define IMAGE_THUMB_SIDE  320                   /* thumbnail, long side */
#define IMAGE_MAX_PIXELS  (50LL * 1000 * 1000)  /* decoded size refused above (50 MP) */
#define IMAGE_MAX_OUT     (12u * 1024 * 1024)   /* an encoded result, below MEDIUMBLOB */

enum image_err {
	IMAGE_OK = 0,
	IMAGE_ERR_TYPE,      /* not a JPEG, PNG or WebP by content */
	IMAGE_ERR_BROKEN,    /* looks like one but does not decode (damaged, truncated) */
	IMAGE_ERR_PIXELS,    /* more than IMAGE_MAX_PIXELS, or a result over IMAGE_MAX_OUT */
	IMAGE_ERR_INTERNAL,  /* libvips could not start or encode */
	IMAGE_ERR__MAX
};

struct image_out {
	const char    *ctype;          /* "image/jpeg", "image/png" or "image/webp" */
	unsigned char *data;           /* the re-encoded image (arena) */
	size_t         len;
	int            width, height;  /* after rotation and scaling */
	unsigned char *thumb;          /* the thumbnail, same format (arena) */
	size_t         thumb_len;
	int            thumb_width, thumb_height;
};

/* Check in[0..len) and re-encode it into out (its buffers in arena a).
 * The format is kept: JPEG stays JPEG (quality 85), PNG stays PNG
 * (lossless), WebP stays WebP (quality 80). Starts libvips on the first
 * call of the process (one thread, no operation cache, only the JPEG, PNG
 * and WebP loaders; the process keeps one malloc arena from then on, and
 * the heap is trimmed after each photo). Returns IMAGE_OK or why the
 * upload is refused. */
enum image_err image_check_and_reencode(struct arena *a, const unsigned char *in, size_t len,
	    struct image_out *out);

/* The library's error text of the last failure, for a log line (static). */
const char *image_last_error(void);
/* At the program's exit: libvips's threads end first (a leak check at exit
 * stops every thread, and trips over libvips's pool). Safe to call twice. */
void	image_shutdown(void);

#endif
