/* The job card and the completion card of the ticket page, and their
 * actions (ticket_field.h). The rules live in the domain: the window in
 * appointment.c, the transactions in ticket.c; here are the fields. */
#include "ticket_field.h"
#include "desk.h"
#include "appointment.h"
#include "arena.h"
#include "db.h"
#include "flash.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "image.h"
#include "photo_upload.h"
#include "ticket.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <sodium.h>
#include <string.h>
#include <time.h>

#define COMPLETE_NOTE_CHARS  2000
#define SIG_PREFIX           "data:image/png;base64,"
#define SIG_MAX_CHARS        60000   /* below the parser's 64 KB per value */

static struct db_q q_field = DB_Q(
    "SELECT COALESCE(UNIX_TIMESTAMP(appt_start), 0), COALESCE(UNIX_TIMESTAMP(appt_end), 0),"
    " COALESCE(resolution_note, ''), completed_at, customer_confirmed_at,"
    " COALESCE(confirmed_by, ''), customer_name, phone, address, product"
    " FROM tickets WHERE id = ?");
/* The latest completion's photo and signature (newest first). */
static struct db_q q_field_att = DB_Q(
    "SELECT id, kind FROM attachments WHERE ticket_id = ?"
    " AND kind IN ('completion', 'signature') ORDER BY id DESC LIMIT 20");

enum { FQ_APPT_START, FQ_APPT_END, FQ_NOTE, FQ_COMPLETED, FQ_CONFIRMED, FQ_CONFIRMED_BY,
       FQ_NAME, FQ_PHONE, FQ_ADDRESS, FQ_PRODUCT, FQ__MAX };

const char *
ticket_field_window(struct req *r, long long start, long long end)
{
	if (start <= 0 || end <= start)
		return NULL;
	return appt_format(r->a, (time_t)start, (time_t)end, r->lang);
}

/* The value typed into the refused form, else fallback. */
static const char *
typed(struct req *r, const char *form, const char *mine, const char *field,
    const char *fallback)
{
	const char *v;

	if (form == NULL || strcmp(form, mine) != 0)
		return fallback;
	v = req_form(r, field);
	return v != NULL ? v : fallback;
}

/* Who may set the window or complete the job: the assigned technician and
 * the desk (agents and above); technicians see only their own tickets. */
static int
may_work(const struct req *r, const struct desk_ticket *t)
{
	return r->user->role >= ROLE_AGENT || t->assignee_id == r->user->id;
}

static void
fill_job(struct req *r, tmpl_dict *j, const struct desk_ticket *t, const struct db_res *f,
    const char *form)
{
	const char *addr = db_gets(f, 0, FQ_ADDRESS), *product = db_gets(f, 0, FQ_PRODUCT);
	const char *win = ticket_field_window(r, db_get_int(f, 0, FQ_APPT_START),
	    db_get_int(f, 0, FQ_APPT_END));
	char date[11] = "", date2[11], from[6] = "", to[6] = "";

	tmpl_set_int(j, "ID", t->id);
	tmpl_set(j, "CUSTOMER", db_gets(f, 0, FQ_NAME));
	tmpl_set(j, "PHONE", db_gets(f, 0, FQ_PHONE));
	tmpl_set(j, "TEL", desk_tel_digits(r->a, db_gets(f, 0, FQ_PHONE)));
	if (*addr != '\0')
		/* The address lands in the query of three map links; the
		 * template's URL context escapes it there. */
		tmpl_set(tmpl_add_section(j, "ADDRESS"), "TEXT", addr);
	else
		tmpl_show_section(j, "ADDRESS_NONE");
	if (*product != '\0')
		tmpl_set(tmpl_add_section(j, "PRODUCT"), "TEXT", product);
	if (win != NULL)
		tmpl_set(tmpl_add_section(j, "APPT"), "TEXT", win);
	else
		tmpl_show_section(j, "APPT_NONE");
	if (!may_work(r, t) || !ticket_status_open(t->status))
		return;
	if (win != NULL) {
		appt_split((time_t)db_get_int(f, 0, FQ_APPT_START), date, from);
		appt_split((time_t)db_get_int(f, 0, FQ_APPT_END), date2, to);
	}
	{
		tmpl_dict *s = tmpl_add_section(j, "APPT_FORM");

		tmpl_set(s, "VAL_appt_date", typed(r, form, "appointment", "appt_date", date));
		tmpl_set(s, "VAL_appt_from", typed(r, form, "appointment", "appt_from", from));
		tmpl_set(s, "VAL_appt_to", typed(r, form, "appointment", "appt_to", to));
		if (form != NULL && strcmp(form, "appointment") == 0)
			tmpl_show_section(s, "APPT_OPEN");
	}
}

/* The completion as recorded: note, photo, signature, confirmation. */
static int
fill_done(struct req *r, tmpl_dict *c, const struct desk_ticket *t, const struct db_res *f)
{
	struct db_res *att;
	const char *confirmed = db_get(f, 0, FQ_CONFIRMED);
	tmpl_dict *s;
	size_t i;
	int photo = 0, sig = 0;

	if (db_get(f, 0, FQ_COMPLETED) == NULL)
		return 0;
	if (db_query(r->a, &q_field_att, &att, "i", t->id) != DB_OK)
		return -1;
	s = tmpl_add_section(c, "DONE");
	tmpl_set(s, "NOTE", db_gets(f, 0, FQ_NOTE));
	tmpl_set(s, "AT", fmt_local_time(r->a, db_get(f, 0, FQ_COMPLETED)));
	for (i = 0; i < att->nrows; i++) {
		int is_sig = strcmp(db_gets(att, i, 1), "signature") == 0;

		if (is_sig ? sig++ : photo++)
			continue;   /* an older completion's */
		tmpl_set_int(tmpl_add_section(s, is_sig ? "SIGNATURE" : "DONE_PHOTO"), "AID",
		    db_get_int(att, i, 0));
	}
	if (confirmed != NULL)
		tmpl_set(tmpl_add_section(s, "CONFIRMED"), "TEXT", arena_printf(r->a, "%s %s",
		    i18n(r->lang, strcmp(db_gets(f, 0, FQ_CONFIRMED_BY), "signature") == 0 ?
		    "F_CONFIRMED_SIG" : "F_CONFIRMED_CUSTOMER"), fmt_local_time(r->a, confirmed)));
	else
		tmpl_show_section(s, "CONFIRM_PENDING");
	return 0;
}

int
ticket_field_fill(struct req *r, tmpl_dict *d, const struct desk_ticket *t, const char *form,
    struct tfield_dicts *out)
{
	struct db_res *f;
	tmpl_dict *c;
	int can_complete;

	out->job = tmpl_add_include(d, "TICKET_JOB", "desk/ticket_job.tpl");
	out->complete = c = tmpl_add_include(d, "TICKET_COMPLETE", "desk/ticket_complete.tpl");
	/* The page's ticket row has these columns; read them only otherwise. */
	if ((f = desk_ticket_cols(r, t->id, DESK_COLS_FIELD, FQ__MAX)) == NULL &&
	    (db_query(r->a, &q_field, &f, "i", t->id) != DB_OK || f->nrows != 1))
		return -1;
	fill_job(r, out->job, t, f, form);
	tmpl_set_int(c, "ID", t->id);
	tmpl_set_int(c, "VERSION", t->version);
	if (fill_done(r, c, t, f) != 0)
		return -1;
	/* Completing resolves: only where the state machine allows it. */
	can_complete = may_work(r, t) && ticket_transition_ok(t->status, TS_RESOLVED) &&
	    (t->assignee_id != 0 || !ticket_status_needs_assignee(TS_RESOLVED));
	if (can_complete)
		tmpl_set(tmpl_add_section(c, "COMPLETE_FORM"), "VAL_note",
		    typed(r, form, "complete", "note", ""));
	if (db_get(f, 0, FQ_COMPLETED) != NULL || can_complete)
		tmpl_show_section(c, "CARD");
	return 0;
}

/* --- POST /desk/tickets/<id>/appointment ---------------------------------- */

/* The ticket of the action's URL with the access rule; 0 when answered. */
static int
field_ticket(struct req *r, struct desk_ticket *t)
{
	long long id;

	if (!desk_ticket_id(r, &id))
		return resp_error(r, 404, "T_ERR_NOT_FOUND"), 0;
	switch (desk_ticket_load(r, id, t)) {
	case TLOAD_OK:
		return 1;
	case TLOAD_NOT_FOUND:
		return resp_error(r, 404, "T_ERR_NOT_FOUND"), 0;
	default:
		return resp_error(r, 503, "ERR_DB_DOWN"), 0;
	}
}

/* The answer to a transaction of this file; form names the card. */
static int
field_done(struct req *r, const struct desk_ticket *t, const char *form, const char *done,
    enum ticket_rc rc)
{
	struct desk_ticket now;

	switch (rc) {
	case TK_OK:
		return resp_redirect(r, flash_url(r, arena_printf(r->a, "/desk/tickets/%lld",
		    t->id), done));
	case TK_NOT_FOUND:
		return resp_error(r, 404, "T_ERR_NOT_FOUND");
	case TK_DOWN:
		return resp_error(r, 503, "ERR_DB_DOWN");
	case TK_CONFLICT:
	case TK_BAD_TRANSITION:
		/* The page as it is now, with the reason at the card. */
		if (desk_ticket_load(r, t->id, &now) != TLOAD_OK)
			return resp_error(r, 409, "T_ERR_CONFLICT");
		return ticket_page_send(r, &now, 409, form, rc == TK_CONFLICT ? "T_ERR_CONFLICT" :
		    "T_ERR_TRANSITION", rc == TK_CONFLICT);
	default:
		return resp_error(r, 500, "ERR_INTERNAL");
	}
}

int
ticket_appointment_post(struct req *r)
{
	struct desk_ticket t;
	struct appt_window w;
	struct appt_problems pb;
	struct tfield_err errs[3];
	struct ticket_actor who;
	size_t n = 0;

	if (!field_ticket(r, &t))
		return 0;
	if (!may_work(r, &t))
		return ticket_page_send(r, &t, 403, "appointment", "T_ERR_NOT_ASSIGNEE", 0);
	if (appt_check(req_form(r, "appt_date"), req_form(r, "appt_from"), req_form(r, "appt_to"),
	    time(NULL), &w, &pb) > 0) {
		if (pb.date != NULL)
			errs[n++] = (struct tfield_err){ "appt_date", pb.date };
		if (pb.from != NULL)
			errs[n++] = (struct tfield_err){ "appt_from", pb.from };
		if (pb.to != NULL)
			errs[n++] = (struct tfield_err){ "appt_to", pb.to };
		return ticket_page_send_errors(r, &t, 422, "appointment", errs, n);
	}
	who.kind = ACTOR_STAFF;
	who.id = r->user->id;
	return field_done(r, &t, "appointment", "appointment",
	    ticket_set_appointment(r->a, t.id, w.start, w.end, &who));
}

/* --- POST /desk/tickets/<id>/complete ------------------------------------- */

/* The signature field: empty (none), or a PNG data URL that the image
 * module decodes as a real PNG (re-encoded, without metadata). Returns
 * NULL with *sig filled (sig->data NULL when none), else the problem. */
static const char *
read_signature(struct req *r, struct ticket_photo *sig)
{
	const char *v = req_form(r, "signature"), *b64;
	unsigned char *bin;
	size_t len, max;
	struct image_out img;

	memset(sig, 0, sizeof(*sig));
	if (v == NULL || *v == '\0')
		return NULL;
	if (strlen(v) > SIG_MAX_CHARS || strncmp(v, SIG_PREFIX, strlen(SIG_PREFIX)) != 0)
		return "F_ERR_SIGNATURE";
	b64 = v + strlen(SIG_PREFIX);
	max = strlen(b64) / 4 * 3 + 3;
	bin = arena_alloc(r->a, max);
	if (sodium_base642bin(bin, max, b64, strlen(b64), NULL, &len, NULL,
	    sodium_base64_VARIANT_ORIGINAL) != 0 || len == 0)
		return "F_ERR_SIGNATURE";
	if (image_check_and_reencode(r->a, bin, len, &img) != IMAGE_OK ||
	    strcmp(img.ctype, "image/png") != 0)
		return "F_ERR_SIGNATURE";
	sig->filename = "signature.png";
	sig->ctype = img.ctype;
	sig->data = img.data;
	sig->len = img.len;
	sig->thumb = img.thumb;
	sig->thumb_len = img.thumb_len;
	sig->width = img.width;
	sig->height = img.height;
	return NULL;
}

int
ticket_complete_post(struct req *r)
{
	struct desk_ticket t;
	struct tfield_err errs[4];
	struct ticket_photo photos[PHOTO_MAX_FILES], sig;
	struct ticket_completion c;
	struct ticket_actor who;
	const char *note = valid_trim(r->a, req_form(r, "note")), *p;
	long long version;
	size_t n = 0, nphotos = 0;

	if (!field_ticket(r, &t))
		return 0;
	if (!may_work(r, &t))
		return ticket_page_send(r, &t, 403, "complete", "T_ERR_NOT_ASSIGNEE", 0);
	if (valid_int(req_form(r, "version"), 1, UINT_MAX, &version) != NULL)
		errs[n++] = (struct tfield_err){ "note", "T_ERR_VERSION" };
	if ((p = valid_text(note, COMPLETE_NOTE_CHARS, 1, 1)) != NULL)
		errs[n++] = (struct tfield_err){ "note", strcmp(p, "ERR_REQUIRED") == 0 ?
		    "F_ERR_NOTE_EMPTY" : "F_ERR_NOTE" };
	if ((p = photo_uploads(r, "photo_done", photos, &nphotos)) == NULL && nphotos > 1)
		p = "F_ERR_ONE_PHOTO";
	if (p != NULL)
		errs[n++] = (struct tfield_err){ "photo_done", p };
	if ((p = read_signature(r, &sig)) != NULL)
		errs[n++] = (struct tfield_err){ "signature", p };
	if (n > 0)
		return ticket_page_send_errors(r, &t, 422, "complete", errs, n);
	c.note = note;
	c.photo = nphotos > 0 ? &photos[0] : NULL;
	c.signature = sig.data != NULL ? &sig : NULL;
	who.kind = ACTOR_STAFF;
	who.id = r->user->id;
	return field_done(r, &t, "complete", "completed",
	    ticket_complete(r->a, t.id, (unsigned)version, &who, &c));
}
