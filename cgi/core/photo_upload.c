/* See photo_upload.h. */
#include "photo_upload.h"
#include "arena.h"
#include "http.h"
#include "image.h"
#include "log.h"

#include <string.h>

/* A file name safe to store and to show in a header later: no control
 * characters, quotes, slashes or backslashes; a default when empty. */
static const char *
photo_filename(struct arena *a, const char *sent, const char *ctype, size_t i)
{
	char *fn;
	size_t k;

	if (sent == NULL || *sent == '\0')
		return arena_printf(a, "photo-%zu.%s", i + 1, strchr(ctype, '/') + 1);
	fn = arena_strdup(a, sent);
	for (k = 0; fn[k] != '\0'; k++)
		if ((unsigned char)fn[k] < 0x20 || fn[k] == 0x7F || strchr("\"\\/", fn[k]) != NULL)
			fn[k] = '_';
	return fn;
}

static size_t
photos_count(const struct req *r, const char *field)
{
	size_t i, n = 0;

	for (i = 0; i < r->body.nfiles; i++)
		if (strcmp(r->body.files[i].field, field) == 0)
			n++;
	return n;
}

int
photo_uploads_sent(const struct req *r, const char *field)
{
	return photos_count(r, field) > 0;
}

/* The catalog key of why image_check_and_reencode refused a photo. */
static const char *
photo_problem(enum image_err e)
{
	switch (e) {
	case IMAGE_ERR_TYPE:
		return "PHOTO_ERR_TYPE";
	case IMAGE_ERR_PIXELS:
		return "PHOTO_ERR_PIXELS";
	case IMAGE_ERR_INTERNAL:
		log_msg("error", "photo could not be processed", image_last_error());
		return "PHOTO_ERR_BROKEN";
	default:
		return "PHOTO_ERR_BROKEN";
	}
}

const char *
photo_uploads(struct req *r, const char *field, struct ticket_photo out[PHOTO_MAX_FILES],
    size_t *n)
{
	struct image_out img;
	enum image_err e;
	size_t i;

	*n = 0;
	if (photos_count(r, field) > PHOTO_MAX_FILES)
		return "PHOTO_ERR_COUNT";
	for (i = 0; i < r->body.nfiles; i++) {
		const struct upload *u = &r->body.files[i];

		if (strcmp(u->field, field) != 0)
			continue;
		if (u->len > PHOTO_MAX_BYTES)
			return "PHOTO_ERR_SIZE";
		/* The cheap magic check first, then the real decode: only what
		 * libvips re-encoded is kept, never the bytes as sent. */
		if (ticket_photo_type(u->data, u->len) == NULL)
			return "PHOTO_ERR_TYPE";
		if ((e = image_check_and_reencode(r->a, u->data, u->len, &img)) != IMAGE_OK)
			return photo_problem(e);
		out[*n].ctype = img.ctype;
		out[*n].filename = photo_filename(r->a, u->filename, img.ctype, *n);
		out[*n].data = img.data;
		out[*n].len = img.len;
		out[*n].thumb = img.thumb;
		out[*n].thumb_len = img.thumb_len;
		out[*n].width = img.width;
		out[*n].height = img.height;
		(*n)++;
	}
	return NULL;
}
