/* Form helpers shared by the intake pages: trimming, per-field problems
 * with the summary at the top of the page, the photo field (core
 * photo_upload.c), and absolute URLs to show to the customer. */
#include "intake.h"
#include "arena.h"
#include "config.h"
#include "http.h"
#include "i18n.h"
#include "photo_upload.h"
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

const char *
intake_photos(struct req *r, struct ticket_photo out[INTAKE_MAX_PHOTOS], size_t *n)
{
	return photo_uploads(r, INTAKE_PHOTO_FIELD, out, n);
}

int
intake_photos_sent(const struct req *r)
{
	return photo_uploads_sent(r, INTAKE_PHOTO_FIELD);
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
