/* GET /track/<code> and POST /track/<code>/reply: the customer's view of
 * a ticket (number, status, public history) and the form to add
 * information. The code in the URL is the only key, so these pages are
 * never cached, never leak the URL as a referrer, and guessing is
 * throttled per address (every failed look-up is counted). */
#include "intake.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "flash.h"
#include "i18n.h"
#include "staff_name.h"
#include "tmpl.h"
#include "tz_zones.h"
#include "valid.h"

#include <stdlib.h>
#include <string.h>

#define TRACK_WINDOW_MIN    10     /* failures count for this long */
#define TRACK_RETRY_AFTER   "600"  /* seconds: the window */
#define TRACK_MAX_FAILURES  20     /* ... and this many lock the address out */
#define TRACK_MAX_EVENTS    500
#define TRACK_MAX_PHOTOS    300
#define TRACK_REPLY_CHARS   4000

static struct db_q q_failures = DB_Q(
    "SELECT COUNT(*) FROM track_failures"
    " WHERE addr = ? AND at > UTC_TIMESTAMP() - INTERVAL ? MINUTE");
static struct db_q q_failures_expire = DB_Q(
    "DELETE FROM track_failures WHERE addr = ? AND at <= UTC_TIMESTAMP() - INTERVAL ? MINUTE");
static struct db_q q_failure_add = DB_Q(
    "INSERT INTO track_failures (addr, at) VALUES (?, UTC_TIMESTAMP())");
/* Times are shown in the service's local time (settings, default China). */
static struct db_q q_ticket = DB_Q(
    "SELECT t.id, t.number, t.status, t.product, c.name_zh, c.name_en,"
    " DATE_FORMAT(t.created_at + INTERVAL COALESCE(s.value, 480) MINUTE, '%Y-%m-%d %H:%i'),"
    " t.description,"
    " (SELECT COUNT(*) FROM attachments a WHERE a.ticket_id = t.id AND a.kind <> 'signature'),"
    " (SELECT sv.rating FROM surveys sv WHERE sv.ticket_id = t.id)"
    " FROM tickets t JOIN categories c ON c.id = t.category_id"
    " LEFT JOIN settings s ON s.name = 'timezone_offset_min'"
    " WHERE t.track_code = ?");
/* Public events of the kinds a customer is shown; staff appear only by
 * their role, never by name. */
static struct db_q q_events = DB_Q(
    "SELECT DATE_FORMAT(e.at + INTERVAL COALESCE(s.value, 480) MINUTE, '%Y-%m-%d %H:%i'),"
    " e.kind, e.actor_kind, COALESCE(u.role, ''), COALESCE(e.to_status, ''),"
    " COALESCE(e.body, ''),"
    " (SELECT COUNT(*) FROM attachments a WHERE a.ticket_id = e.ticket_id AND a.event_id = e.id"
    "  AND a.kind <> 'signature'),"
    " e.id"
    " FROM ticket_events e"
    " LEFT JOIN users u ON u.id = e.actor_id AND e.actor_kind = 'staff'"
    " LEFT JOIN settings s ON s.name = 'timezone_offset_min'"
    " WHERE e.ticket_id = ? AND e.public = 1"
    " AND e.kind IN ('created', 'status', 'assigned', 'reply', 'customer_reply', 'visit',"
    " 'appointment', 'completion', 'confirmed')"
    " ORDER BY e.id LIMIT ?");
/* The photos of those events (served by track_photo.c under the same rule). */
static struct db_q q_photos = DB_Q(
    "SELECT a.id, a.event_id, a.filename FROM attachments a"
    " JOIN ticket_events e ON e.id = a.event_id AND e.ticket_id = a.ticket_id"
    " WHERE a.ticket_id = ? AND e.public = 1 AND a.kind <> 'signature' ORDER BY a.id LIMIT ?");

/* The offset the page's times are shown in (admin calendar; tz_zones.h). */
static struct db_q q_tz = DB_Q(
    "SELECT COALESCE((SELECT value FROM settings WHERE name = 'timezone_offset_min'), '480')");
/* The assigned technician's name and how customers may see it
 * (settings.track_staff_name, /admin/tracking; staff_name.h). */
static struct db_q q_staff = DB_Q(
    "SELECT u.name, (SELECT s.value FROM settings s WHERE s.name = 'track_staff_name')"
    " FROM tickets t JOIN users u ON u.id = t.assignee_id WHERE t.id = ?");

enum { TK_COL_ID, TK_COL_NUMBER, TK_COL_STATUS, TK_COL_PRODUCT, TK_COL_CAT_ZH,
       TK_COL_CAT_EN, TK_COL_CREATED, TK_COL_DESCRIPTION, TK_COL_PHOTOS, TK_COL_RATING };
enum { EV_COL_AT, EV_COL_KIND, EV_COL_ACTOR, EV_COL_ROLE, EV_COL_TO, EV_COL_BODY,
       EV_COL_PHOTOS, EV_COL_ID };
enum { PH_COL_ID, PH_COL_EVENT, PH_COL_FILENAME };

/* The ticket behind a tracking code, as the customer may see it. */
struct track_ticket {
	const char        *code;
	const struct db_res *row;
	long long          id;
	enum ticket_status status;
};

/* The catalog key of a status as the customer reads it. */
static const char *
status_key(struct req *r, enum ticket_status s)
{
	return arena_printf(r->a, "TRACK_ST_%s", ticket_status_name(s));
}

static const char *
status_badge(enum ticket_status s)
{
	switch (s) {
	case TS_RESOLVED:
	case TS_CLOSED:
		return "ok";
	case TS_WAITING_CUSTOMER:
		return "warn";
	case TS_CANCELLED:
		return "bad";
	default:
		return "";
	}
}

int
intake_code_throttled(struct req *r)
{
	struct db_res *res;

	if (db_query(r->a, &q_failures, &res, "sI", r->remote_addr, TRACK_WINDOW_MIN) != DB_OK)
		return -1;
	return db_get_int(res, 0, 0) >= TRACK_MAX_FAILURES;
}

int
intake_code_throttle_answer(struct req *r)
{
	resp_header(r, "Retry-After", TRACK_RETRY_AFTER);
	return resp_error(r, 429, "TRACK_ERR_THROTTLED");
}

int
intake_code_failure(struct req *r)
{
	if (db_exec(&q_failures_expire, NULL, "sI", r->remote_addr, TRACK_WINDOW_MIN) != DB_OK ||
	    db_exec(&q_failure_add, NULL, "s", r->remote_addr) != DB_OK)
		return -1;
	return 0;
}

int
intake_code_not_found(struct req *r)
{
	if (intake_code_failure(r) != 0)
		return resp_error(r, 503, "ERR_DB_DOWN");
	return resp_error(r, 404, "TRACK_ERR_NOT_FOUND");
}

int
intake_code_gate(struct req *r)
{
	int thr;

	/* same-origin, not no-referrer: the code in the URL never leaves for
	 * another site, yet the browser still sends this site's Origin with
	 * the page's own forms (under no-referrer it sends "Origin: null",
	 * which the CSRF check rightly refuses). */
	resp_header(r, "Referrer-Policy", "same-origin");
	resp_header(r, "Cache-Control", "no-store");
	if ((thr = intake_code_throttled(r)) < 0) {
		resp_error(r, 503, "ERR_DB_DOWN");
		return 0;
	}
	if (thr > 0) {
		intake_code_throttle_answer(r);
		return 0;
	}
	if (!ticket_code_valid(r->params[0])) {
		intake_code_not_found(r);
		return 0;
	}
	return 1;
}

/* The ticket of the path's code through q (one "s" parameter: the code),
 * after the guessing limit; shared by /track and /survey. Returns 1 with
 * *res set, or 0 when the request has been answered (404/429/503). */
int
intake_code_lookup(struct req *r, struct db_q *q, struct db_res **res)
{
	if (!intake_code_gate(r))
		return 0;
	if (db_query(r->a, q, res, "s", r->params[0]) != DB_OK) {
		resp_error(r, 503, "ERR_DB_DOWN");
		return 0;
	}
	if ((*res)->nrows != 1) {
		intake_code_not_found(r);
		return 0;
	}
	return 1;
}

/* Headers, throttle and look-up shared by every /track page. Returns 1
 * with t filled, or 0 when the request has been answered (404/429/503). */
static int
track_open(struct req *r, struct track_ticket *t)
{
	struct db_res *res;

	if (!intake_code_lookup(r, &q_ticket, &res))
		return 0;
	t->code = r->params[0];
	t->row = res;
	t->id = db_get_int(res, 0, TK_COL_ID);
	t->status = ticket_status_parse(db_gets(res, 0, TK_COL_STATUS));
	return 1;
}

/* Customers may add information until the ticket is closed or cancelled. */
static int
track_reply_allowed(enum ticket_status s)
{
	return s != TS_CLOSED && s != TS_CANCELLED && s != TS__MAX;
}

/* The catalog key saying what an event was. */
static const char *
event_key(const char *kind, const char *actor, const char *role)
{
	if (strcmp(kind, "created") == 0 && strcmp(actor, "customer") == 0)
		return "TRACK_EV_CREATED";
	if (strcmp(kind, "created") == 0)
		return "TRACK_EV_CREATED_FOR_YOU";
	if (strcmp(kind, "status") == 0)
		return "TRACK_EV_STATUS";
	if (strcmp(kind, "assigned") == 0)
		return "TRACK_EV_ASSIGNED";
	if (strcmp(kind, "reply") == 0 && strcmp(role, "technician") == 0)
		return "TRACK_EV_REPLY_TECH";
	if (strcmp(kind, "reply") == 0)
		return "TRACK_EV_REPLY_DESK";
	if (strcmp(kind, "customer_reply") == 0)
		return "TRACK_EV_CUSTOMER_REPLY";
	if (strcmp(kind, "appointment") == 0)
		return "TRACK_EV_APPOINTMENT";
	if (strcmp(kind, "completion") == 0)
		return "TRACK_EV_COMPLETION";
	if (strcmp(kind, "confirmed") == 0)
		return "TRACK_EV_CONFIRMED";
	return "TRACK_EV_VISIT";
}

/* Thumbnails of the photos of event event_id into d, each a link to the photo. */
static void
track_fill_photos(tmpl_dict *d, const struct db_res *ph, long long event_id)
{
	size_t i;

	for (i = 0; i < ph->nrows; i++) {
		tmpl_dict *p;

		if (db_get_int(ph, i, PH_COL_EVENT) != event_id)
			continue;
		p = tmpl_add_section(d, "EV_PHOTO");
		tmpl_set_int(p, "AID", db_get_int(ph, i, PH_COL_ID));
		tmpl_set(p, "FILENAME", db_gets(ph, i, PH_COL_FILENAME));
	}
}

static void
track_fill_event(struct req *r, tmpl_dict *d, const struct db_res *ev, size_t i,
    const struct db_res *ph)
{
	const char *kind = db_gets(ev, i, EV_COL_KIND), *body = db_gets(ev, i, EV_COL_BODY);
	enum ticket_status to = ticket_status_parse(db_gets(ev, i, EV_COL_TO));
	int customer = strcmp(db_gets(ev, i, EV_COL_ACTOR), "customer") == 0;
	long long nphotos = db_get_int(ev, i, EV_COL_PHOTOS);
	tmpl_dict *e = tmpl_add_section(d, "EVENT");

	tmpl_set(e, "AT", db_gets(ev, i, EV_COL_AT));
	tmpl_set(e, "WHAT", i18n(r->lang, event_key(kind, db_gets(ev, i, EV_COL_ACTOR),
	    db_gets(ev, i, EV_COL_ROLE))));
	tmpl_set(e, "SIDE", customer ? "mine" : "theirs");
	if (strcmp(kind, "status") == 0 && to != TS__MAX)
		tmpl_set(tmpl_add_section(e, "TO_STATUS"), "LABEL",
		    i18n(r->lang, status_key(r, to)));
	/* Only replies (and the resolution note of a completion) carry text for
	 * the customer; other bodies are staff notes. */
	if ((strcmp(kind, "reply") == 0 || strcmp(kind, "customer_reply") == 0 ||
	    strcmp(kind, "completion") == 0) && *body != '\0')
		tmpl_set(tmpl_add_section(e, "BODY"), "TEXT", body);
	if (nphotos > 0) {
		tmpl_dict *ps = tmpl_add_section(e, "EV_PHOTOS");

		tmpl_set(ps, "N_PHOTOS", i18n_count(r->a, r->lang, "TRACK_PHOTOS_N", nphotos));
		track_fill_photos(ps, ph, db_get_int(ev, i, EV_COL_ID));
	}
}

/* The ticket's facts: number, status, product, times, photos. */
static void
track_fill_ticket(struct req *r, tmpl_dict *d, const struct track_ticket *t)
{
	const struct db_res *row = t->row;
	const char *product = db_gets(row, 0, TK_COL_PRODUCT);

	tmpl_set(d, "CODE", t->code);
	tmpl_set(d, "NUMBER", db_gets(row, 0, TK_COL_NUMBER));
	tmpl_set(d, "STATUS_LABEL", i18n(r->lang, status_key(r, t->status)));
	tmpl_set(d, "STATUS_BADGE", status_badge(t->status));
	tmpl_set(d, "CATEGORY", db_gets(row, 0, strcmp(r->lang, "en") == 0 ? TK_COL_CAT_EN :
	    TK_COL_CAT_ZH));
	if (*product != '\0')
		tmpl_set(tmpl_add_section(d, "HAS_PRODUCT"), "PRODUCT", product);
	tmpl_set(d, "CREATED", db_gets(row, 0, TK_COL_CREATED));
	tmpl_set(d, "DESCRIPTION", db_gets(row, 0, TK_COL_DESCRIPTION));
	tmpl_set(d, "TRACK_URL", intake_url(r, arena_printf(r->a, "/track/%s", t->code)));
	if (db_get(row, 0, TK_COL_RATING) != NULL)
		intake_fill_rating(r, tmpl_add_section(d, "SURVEY_DONE"),
		    db_get_int(row, 0, TK_COL_RATING));
	else if (t->status == TS_RESOLVED || t->status == TS_CLOSED)
		tmpl_set(tmpl_add_section(d, "SURVEY"), "SURVEY_HREF",
		    arena_printf(r->a, "/survey/%s", t->code));
	if (t->status == TS_WAITING_CUSTOMER)
		tmpl_show_section(d, "WAITING_FOR_YOU");
	tmpl_show_section(d, track_reply_allowed(t->status) ? "REPLY_FORM" : "REPLY_CLOSED");
	tmpl_set_int(d, "MAX_PHOTOS", INTAKE_MAX_PHOTOS);
	tmpl_set_int(d, "MAX_PHOTO_BYTES", INTAKE_MAX_PHOTO_BYTES);
}

/* Show the "submitted, keep this link" note once, right after the form. */
static void
track_fill_new_note(struct req *r, tmpl_dict *d, const struct track_ticket *t)
{
	const char *fresh = req_cookie(r, INTAKE_NEW_COOKIE);

	if (fresh == NULL || strcmp(fresh, t->code) != 0)
		return;
	tmpl_show_section(d, "NEW_NOTE");
	resp_cookie(r, INTAKE_NEW_COOKIE, "", 0);
}

/* The technician, named as the admin allows (nothing when unassigned or
 * hidden), the customer's photos: their count only when there are any
 * (public events only; internal photos are neither counted nor shown),
 * and the name of the time zone of the page's times. */
static int
track_fill_staff_photos(struct req *r, tmpl_dict *d, const struct track_ticket *t,
    const struct db_res *ph)
{
	struct db_res *st;
	const char *name;

	if (db_query(r->a, &q_staff, &st, "i", t->id) != DB_OK)
		return -1;
	if (st->nrows == 1 && (name = staff_public_name(r->a, db_gets(st, 0, 0),
	    staff_name_mode_parse(db_get(st, 0, 1)))) != NULL)
		tmpl_set(tmpl_add_section(d, "TECH"), "TECH_NAME", name);
	if (ph->nrows > 0)
		tmpl_set(tmpl_add_section(d, "HAS_PHOTOS"), "PHOTOS_COUNT",
		    i18n_count(r->a, r->lang, "TRACK_PHOTOS_N", (long long)ph->nrows));
	/* "北京时间" only when it is: another zone is named by its offset */
	if (db_query(r->a, &q_tz, &st, "") != DB_OK)
		return -1;
	tmpl_set(d, "TZ_LABEL", strcmp(db_gets(st, 0, 0), "480") == 0 ? i18n(r->lang, "TRACK_TZ") :
	    tz_offset_text(r->a, (int)strtol(db_gets(st, 0, 0), NULL, 10)));
	return 0;
}

/* The tracking page; d may already hold the problems of a reply. */
static int
track_render(struct req *r, int status, const struct track_ticket *t, tmpl_dict *d)
{
	struct db_res *ev, *ph;
	size_t i;

	if (db_query(r->a, &q_events, &ev, "iI", t->id, TRACK_MAX_EVENTS) != DB_OK ||
	    db_query(r->a, &q_photos, &ph, "iI", t->id, TRACK_MAX_PHOTOS) != DB_OK) {
		tmpl_free(d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	track_fill_ticket(r, d, t);
	if (track_field_fill(r, d, t->id, t->code) != 0 ||
	    track_notify_fill(r, d, t->id) != 0 ||
	    track_fill_staff_photos(r, d, t, ph) != 0) {
		tmpl_free(d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	for (i = 0; i < ev->nrows; i++)
		track_fill_event(r, d, ev, i, ph);
	if (ev->nrows == 0)
		tmpl_show_section(d, "NO_EVENTS");
	return resp_page(r, status, "intake/track.tpl", d);
}

int
track_get(struct req *r)
{
	struct track_ticket t;
	tmpl_dict *d;

	if (!track_open(r, &t))
		return 0;
	d = page_dict(r, "TRACK_TITLE");
	track_fill_new_note(r, d, &t);
	flash_fill(r, d);      /* "received" at the reply card */
	return track_render(r, 200, &t, d);
}

/* Add the customer's reply; answers with the redirect or an error page. */
static int
track_reply_save(struct req *r, const struct track_ticket *t, struct form_check *fc,
    const char *body, const struct ticket_photo *photos, size_t n)
{
	int reopened;

	switch (ticket_customer_reply(r->a, t->id, body, photos, n, &reopened)) {
	case TK_OK:
		tmpl_free(fc->d);
		return resp_redirect(r, flash_url(r, arena_printf(r->a, "/track/%s", t->code),
		    reopened ? "customer_reopened" : "customer_reply"));
	case TK_BAD_TRANSITION:
		intake_check(fc, "body", "TRACK_REPLY_BODY", body, "TRACK_ERR_CLOSED");
		return track_render(r, 422, t, fc->d);
	case TK_NOT_FOUND:
		tmpl_free(fc->d);
		return resp_error(r, 404, "TRACK_ERR_NOT_FOUND");
	case TK_DOWN:
		tmpl_free(fc->d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	case TK_CONFLICT:
		tmpl_free(fc->d);
		return resp_error(r, 409, "REPAIR_ERR_BUSY");
	default:
		tmpl_free(fc->d);
		return resp_error(r, 500, "ERR_INTERNAL");
	}
}

int
track_reply_post(struct req *r)
{
	struct track_ticket t;
	struct ticket_photo photos[INTAKE_MAX_PHOTOS];
	struct form_check fc;
	const char *body, *problem, *photo_problem;
	size_t n = 0;

	if (!track_open(r, &t))
		return 0;
	fc.r = r;
	fc.d = page_dict(r, "TRACK_TITLE");
	fc.nerr = 0;
	body = valid_trim(r->a, req_form(r, "body"));
	photo_problem = intake_photos(r, photos, &n);
	problem = valid_text(body, TRACK_REPLY_CHARS, 0, 1);
	if (problem == NULL && *body == '\0' && n == 0 && photo_problem == NULL)
		problem = "TRACK_ERR_REPLY_EMPTY";
	if (problem == NULL && !track_reply_allowed(t.status))
		problem = "TRACK_ERR_CLOSED";
	intake_check(&fc, "body", "TRACK_REPLY_BODY", body, problem);
	intake_check(&fc, INTAKE_PHOTO_FIELD, "REPAIR_PHOTO", "", photo_problem);
	if (fc.nerr > 0) {
		if (intake_photos_sent(r))
			tmpl_show_section(fc.d, "PHOTO_RESELECT");
		return track_render(r, 422, &t, fc.d);
	}
	return track_reply_save(r, &t, &fc, body, photos, n);
}
