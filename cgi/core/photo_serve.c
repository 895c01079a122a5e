/* See photo_serve.h. */
#include "photo_serve.h"
#include "arena.h"
#include "http.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

static const char *const photo_types[] = { "image/jpeg", "image/png", "image/webp", NULL };
static const char *const photo_exts[] = { "jpg", "png", "webp" };

/* RFC 8187 value: every byte but unreserved ones as %XX (arena). */
static const char *
ext_value(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = arena_alloc(a, strlen(s) * 3 + 1), *o = out;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~') {
			*o++ = (char)c;
		} else {
			*o++ = '%';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o = '\0';
	return out;
}

int
photo_serve(struct req *r, long long id, int thumb, const char *ctype, const char *filename,
    const void *data, size_t len, const char *cache)
{
	int ti;

	if (ctype == NULL || data == NULL || valid_choice(ctype, photo_types, &ti) != NULL)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	/* The ASCII name is ours; the stored one (any script) only in filename*. */
	resp_header(r, "Content-Disposition", arena_printf(r->a,
	    "inline; filename=\"photo-%lld%s.%s\"; filename*=UTF-8''%s", id,
	    thumb ? "-thumb" : "", photo_exts[ti], ext_value(r->a, filename != NULL ? filename : "")));
	/* These replace the core's defaults (resp.c): nothing in the file may run. */
	resp_header(r, "Content-Security-Policy", "default-src 'none'; sandbox");
	resp_header(r, "Cross-Origin-Resource-Policy", "same-origin");
	if (cache != NULL)
		resp_header(r, "Cache-Control", cache);
	return resp_raw(r, 200, photo_types[ti], data, len);
}

int
photo_view_page(struct req *r, const char *src, const char *filename, const char *back)
{
	tmpl_dict *d = page_dict(r, "PHOTO_VIEW_TITLE");

	tmpl_set(d, "SRC", src);
	tmpl_set(d, "FILENAME", filename);
	tmpl_set(d, "BACK", back);
	return resp_page(r, 200, "layout/photo_view.tpl", d);
}
