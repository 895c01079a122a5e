/* GET /desk/attachments/<id> and /desk/attachments/<id>/thumb: a stored
 * photo of a ticket, or its thumbnail, for the staff who may see that
 * ticket (a technician only for tickets assigned to them; any other id
 * answers 404, as for the ticket page). Only JPEG, PNG and WebP that
 * libvips re-encoded at upload are stored, and they are served inline
 * with a sandbox CSP (photo_serve.c) and a private cache of an hour: a
 * photo never changes. */
#include "ticket_page.h"
#include "desk.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "photo_serve.h"
#include "valid.h"

#include <limits.h>

/* The row only when the user may see its ticket: tech = the technician's
 * id, or 0 for agents and above. A photo stored before thumbnails existed
 * is its own thumbnail. */
static struct db_q q_attachment = DB_Q(
    "SELECT a.ctype, a.filename, a.data FROM attachments a"
    " JOIN tickets t ON t.id = a.ticket_id"
    " WHERE a.id = ? AND (? = 0 OR t.assignee_id = ?)");
static struct db_q q_thumb = DB_Q(
    "SELECT a.ctype, a.filename, COALESCE(a.thumb, a.data) FROM attachments a"
    " JOIN tickets t ON t.id = a.ticket_id"
    " WHERE a.id = ? AND (? = 0 OR t.assignee_id = ?)");

static struct db_q q_view = DB_Q(
    "SELECT a.filename, a.ticket_id FROM attachments a"
    " JOIN tickets t ON t.id = a.ticket_id"
    " WHERE a.id = ? AND (? = 0 OR t.assignee_id = ?)");

enum { AC_CTYPE, AC_FILENAME, AC_DATA };

static int
attachment_send(struct req *r, int thumb)
{
	struct db_res *res;
	long long id, tech = r->user->role == ROLE_TECHNICIAN ? r->user->id : 0;

	if (r->params[0] == NULL || valid_int(r->params[0], 1, LLONG_MAX, &id) != NULL)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if (db_query(r->a, thumb ? &q_thumb : &q_attachment, &res, "iii", id, tech, tech) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (res->nrows != 1)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	return photo_serve(r, id, thumb, db_gets(res, 0, AC_CTYPE), db_gets(res, 0, AC_FILENAME),
	    db_get(res, 0, AC_DATA), res->len[AC_DATA], "private, max-age=3600");
}

int
attachment_get(struct req *r)
{
	return attachment_send(r, 0);
}

int
attachment_thumb_get(struct req *r)
{
	return attachment_send(r, 1);
}

/* GET /desk/attachments/<id>/view: the photo fitted to the window, with
 * the way back to its ticket; the same rule as the photo itself. */
int
attachment_view_get(struct req *r)
{
	struct db_res *res;
	long long id, tech = r->user->role == ROLE_TECHNICIAN ? r->user->id : 0;

	if (r->params[0] == NULL || valid_int(r->params[0], 1, LLONG_MAX, &id) != NULL)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if (db_query(r->a, &q_view, &res, "iii", id, tech, tech) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (res->nrows != 1)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	return photo_view_page(r, arena_printf(r->a, "/desk/attachments/%lld", id),
	    db_gets(res, 0, 0), arena_printf(r->a, "/desk/tickets/%s", db_gets(res, 0, 1)));
}
