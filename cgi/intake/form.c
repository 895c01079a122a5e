/* Form helpers shared by the intake pages: trimming, per-field problems
 * with the summary at the top of the page, photo uploads checked by
 * content, and absolute URLs to show to the customer. */
#include "intake.h"
#include "arena.h"
#include "config.h"
#include "http.h"
#include "i18n.h"
#include "image.h"
#include "log.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

const char *
intake_check(struct form_check *fc, const char *field, const char *label_key,
    const char *value, const char *problem)
{
	tmpl_dict *item;

	if (form_check_field(fc, field, value, problem) == NULL)
		return NULL;
	item = tmpl_add_section(fc->d, "ERROR_ITEM");
	tmpl_set(item, "FIELD", field);
	tmpl_set(item, "LABEL", i18n(fc->r->lang, label_key));
	tmpl_set(item, "MSG", i18n(fc->r->lang, problem));
	return problem;
}

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
photos_count(const struct req *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->body.nfiles; i++)
		if (strcmp(r->body.files[i].field, INTAKE_PHOTO_FIELD) == 0)
			n++;
	return n;
}

int
intake_photos_sent(const struct req *r)
{
	return photos_count(r) > 0;
}

/* The catalog key of why image_check_and_reencode refused a photo. */
static const char *
photo_problem(enum image_err e)
{
	switch (e) {
	case IMAGE_ERR_TYPE:
		return "INTAKE_ERR_PHOTO_TYPE";
	case IMAGE_ERR_PIXELS:
		return "INTAKE_ERR_PHOTO_PIXELS";
	case IMAGE_ERR_INTERNAL:
		log_msg("error", "photo could not be processed", image_last_error());
		return "INTAKE_ERR_PHOTO_BROKEN";
	default:
		return "INTAKE_ERR_PHOTO_BROKEN";
	}
}

const char *
intake_photos(struct req *r, struct ticket_photo out[INTAKE_MAX_PHOTOS], size_t *n)
{
	struct image_out img;
	enum image_err e;
	size_t i;

	*n = 0;
	if (photos_count(r) > INTAKE_MAX_PHOTOS)
		return "INTAKE_ERR_PHOTO_COUNT";
	for (i = 0; i < r->body.nfiles; i++) {
		const struct upload *u = &r->body.files[i];

		if (strcmp(u->field, INTAKE_PHOTO_FIELD) != 0)
			continue;
		if (u->len > INTAKE_MAX_PHOTO_BYTES)
			return "INTAKE_ERR_PHOTO_SIZE";
		/* The cheap magic check first, then the real decode: only what
		 * libvips re-encoded is kept, never the bytes as sent. */
		if (ticket_photo_type(u->data, u->len) == NULL)
			return "INTAKE_ERR_PHOTO_TYPE";
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

const char *
intake_url(struct req *r, const char *path)
{
	size_t bl = strlen(cfg.base_url);

	if (bl > 0 && cfg.base_url[bl - 1] == '/')
		bl--;
	if (bl > 0)
		return arena_printf(r->a, "%.*s%s", (int)bl, cfg.base_url, path);
	return arena_printf(r->a, "%s://%s%s", r->https ? "https" : "http",
	    r->host != NULL ? r->host : "localhost", path);
}
