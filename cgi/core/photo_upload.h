/* The photos of an upload form field, for every page that takes them
 * (the customer's repair form and reply, the staff's reply): count and
 * size limits, then image_check_and_reencode (image.h) on each, so only
 * what libvips re-encoded is ever stored. */
#ifndef SL_PHOTO_UPLOAD_H
#define SL_PHOTO_UPLOAD_H

#include <stddef.h>
#include "ticket.h"

struct req;

#define PHOTO_MAX_FILES 3
#define PHOTO_MAX_BYTES (5u * 1024 * 1024)

/* The files of form field `field`: at most PHOTO_MAX_FILES, each at most
 * PHOTO_MAX_BYTES and a JPEG, PNG or WebP that libvips decodes, each
 * re-encoded without metadata with its thumbnail. Fills out (data in the
 * request arena) and *n; returns NULL or the catalog key (core catalog,
 * PHOTO_ERR_*) of the first problem. */
const char *photo_uploads(struct req *, const char *field,
	    struct ticket_photo out[PHOTO_MAX_FILES], size_t *n);
/* 1 when the request carries at least one file in field `field`. */
int	photo_uploads_sent(const struct req *, const char *field);

#endif
