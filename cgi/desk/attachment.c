/* GET /desk/attachments/<id>: a stored photo of a ticket, for the staff who
 * may see that ticket (a technician only for tickets assigned to them; any
 * other id answers 404, as for the ticket page). Only JPEG, PNG and WebP
 * are ever stored (checked by content at upload) and only those are
 * served, inline, with their stored type, nosniff (core), a sandbox CSP so
 * that nothing in the file can run as a page of this site, and a private
 * cache of an hour. */
#include "ticket_page.h"
#include "desk.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

/* The row only when the user may see its ticket: tech = the technician's
 * id, or 0 for agents and above. */
static struct db_q q_attachment = DB_Q(
    "SELECT a.ctype, a.filename, a.data FROM attachments a"
    " JOIN tickets t ON t.id = a.ticket_id"
    " WHERE a.id = ? AND (? = 0 OR t.assignee_id = ?)");

enum { AC_CTYPE, AC_FILENAME, AC_DATA };

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
attachment_get(struct req *r)
{
	struct db_res *res;
	long long id, tech = r->user->role == ROLE_TECHNICIAN ? r->user->id : 0;
	int ti;

	if (r->params[0] == NULL || valid_int(r->params[0], 1, LLONG_MAX, &id) != NULL)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if (db_query(r->a, &q_attachment, &res, "iii", id, tech, tech) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (res->nrows != 1 || valid_choice(db_gets(res, 0, AC_CTYPE), photo_types, &ti) != NULL)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	/* The ASCII name is ours; the stored one (any script) only in filename*. */
	resp_header(r, "Content-Disposition", arena_printf(r->a,
	    "inline; filename=\"photo-%lld.%s\"; filename*=UTF-8''%s", id, photo_exts[ti],
	    ext_value(r->a, db_gets(res, 0, AC_FILENAME))));
	/* These replace the core's defaults (resp.c): nothing in the file may
	 * run, and a photo never changes, so the browser may keep it (private:
	 * never in a shared cache). */
	resp_header(r, "Content-Security-Policy", "default-src 'none'; sandbox");
	resp_header(r, "Cache-Control", "private, max-age=3600");
	resp_header(r, "Cross-Origin-Resource-Policy", "same-origin");
	return resp_raw(r, 200, photo_types[ti], db_get(res, 0, AC_DATA),
	    res->len[AC_DATA]);
}
