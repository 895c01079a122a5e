/* Sending a stored photo (or its thumbnail) to a browser, the same way for
 * staff (/desk/attachments/...) and customers (/track/<code>/photos/...):
 * only the three stored types, inline under a name of ours, with a
 * sandbox CSP so that nothing in the file can ever run as a page of this
 * site (nosniff comes with every response, resp.c). */
#ifndef SL_PHOTO_SERVE_H
#define SL_PHOTO_SERVE_H

#include <stddef.h>

struct req;

/* Answer 200 with data[0..len) as photo id (thumb: its thumbnail) of
 * stored type ctype and stored file name filename (shown only in the
 * RFC 8187 filename*). cache: a Cache-Control value, or NULL when the
 * caller has set one. A ctype other than image/jpeg, image/png or
 * image/webp answers 404. Returns like resp_raw. */
int	photo_serve(struct req *, long long id, int thumb, const char *ctype,
	    const char *filename, const void *data, size_t len, const char *cache);

/* Answer 200 with a small page showing the photo at src fitted to the
 * window (layout/photo_view.tpl: no wider or taller than the screen), a
 * way back (back) and a link to the file itself. A photo opened straight
 * as a file shows at its full size: its sandbox CSP keeps the browser's
 * own image viewer from fitting it. Returns like resp_raw. */
int	photo_view_page(struct req *, const char *src, const char *filename, const char *back);

#endif
