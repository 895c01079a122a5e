/* GET /track/<code>/photos/<id> and /track/<code>/photos/<id>/thumb: a
 * photo of the customer's own ticket, or its thumbnail. The tracking code
 * is the only key: the photo must belong to the ticket of that code and
 * to an event the customer is shown (public), and every miss (unknown
 * code, or a photo of another ticket) counts against the address like a
 * failed look-up of /track (intake_code_gate), so ids cannot be walked. */
#include "intake.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "photo_serve.h"
#include "valid.h"

#include <limits.h>

/* A photo stored before thumbnails existed is its own thumbnail. */
static struct db_q q_photo = DB_Q(
    "SELECT a.ctype, a.filename, a.data FROM attachments a"
    " JOIN tickets t ON t.id = a.ticket_id"
    " JOIN ticket_events e ON e.id = a.event_id AND e.ticket_id = a.ticket_id"
    " WHERE t.track_code = ? AND a.id = ? AND e.public = 1"
    " AND a.kind <> 'signature'");
static struct db_q q_thumb = DB_Q(
    "SELECT a.ctype, a.filename, COALESCE(a.thumb, a.data) FROM attachments a"
    " JOIN tickets t ON t.id = a.ticket_id"
    " JOIN ticket_events e ON e.id = a.event_id AND e.ticket_id = a.ticket_id"
    " WHERE t.track_code = ? AND a.id = ? AND e.public = 1"
    " AND a.kind <> 'signature'");

enum { PH_CTYPE, PH_FILENAME, PH_DATA };

static int
track_photo_send(struct req *r, int thumb)
{
	struct db_res *res;
	long long id;

	if (!intake_code_gate(r))
		return 0;
	if (r->params[1] == NULL || valid_int(r->params[1], 1, LLONG_MAX, &id) != NULL)
		return intake_code_not_found(r);
	if (db_query(r->a, thumb ? &q_thumb : &q_photo, &res, "si", r->params[0], id) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (res->nrows != 1)
		return intake_code_not_found(r);
	/* Cache-Control is already no-store (intake_code_gate): the URL holds the code. */
	return photo_serve(r, id, thumb, db_gets(res, 0, PH_CTYPE), db_gets(res, 0, PH_FILENAME),
	    db_get(res, 0, PH_DATA), res->len[PH_DATA], NULL);
}

/* GET /track/<code>/photos/<id>/view: the photo fitted to the window,
 * under the same rule as the photo itself. */
int
track_photo_view_get(struct req *r)
{
	struct db_res *res;
	long long id;
	const char *base;

	if (!intake_code_gate(r))
		return 0;
	if (r->params[1] == NULL || valid_int(r->params[1], 1, LLONG_MAX, &id) != NULL)
		return intake_code_not_found(r);
	if (db_query(r->a, &q_thumb, &res, "si", r->params[0], id) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (res->nrows != 1)
		return intake_code_not_found(r);
	base = arena_printf(r->a, "/track/%s", r->params[0]);
	return photo_view_page(r, arena_printf(r->a, "%s/photos/%lld", base, id),
	    db_gets(res, 0, PH_FILENAME), arena_printf(r->a, "%s#history", base));
}

int
track_photo_get(struct req *r)
{
	return track_photo_send(r, 0);
}

int
track_photo_thumb_get(struct req *r)
{
	return track_photo_send(r, 1);
}
