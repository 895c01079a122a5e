/* The customer stops messages from the tracking page: for this ticket, or
 * for every ticket of the phone number (table notify_optouts). Messages
 * still waiting in the outbox for this customer are dropped (failed, with
 * the reason) in the same transaction. */
#include "arena.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "intake.h"
#include "tmpl.h"
#include "valid.h"

static struct db_q q_ticket = DB_Q("SELECT id, phone FROM tickets WHERE track_code = ?");
static struct db_q q_state = DB_Q(
    "SELECT EXISTS(SELECT 1 FROM notify_optouts WHERE ticket_id = ?),"
    " EXISTS(SELECT 1 FROM notify_optouts o JOIN tickets t ON t.phone = o.phone"
    " WHERE t.id = ?)");
static struct db_q q_stop_ticket = DB_Q(
    "INSERT IGNORE INTO notify_optouts (ticket_id, created_at) VALUES (?, UTC_TIMESTAMP())");
static struct db_q q_stop_phone = DB_Q(
    "INSERT IGNORE INTO notify_optouts (phone, created_at) VALUES (?, UTC_TIMESTAMP())");
static struct db_q q_drop_queued = DB_Q(
    "UPDATE notify_outbox SET status = 'failed', last_error = 'the customer stopped messages'"
    " WHERE ticket_id = ? AND recipient_kind = 'customer' AND status = 'queued'");

static const char *const scopes[] = { "ticket", "phone", NULL };

int
track_notify_fill(struct req *r, tmpl_dict *d, long long ticket_id)
{
	struct db_res *res;

	if (db_query(r->a, &q_state, &res, "ii", ticket_id, ticket_id) != DB_OK)
		return -1;
	if (db_get_int(res, 0, 0) || db_get_int(res, 0, 1))
		tmpl_show_section(d, "NOTIFY_STOPPED");
	else
		tmpl_show_section(d, "NOTIFY_FORM");
	return 0;
}

static enum db_rc
track_notify_store(long long id, const char *phone, int by_phone)
{
	enum db_rc rc;

	if ((rc = db_begin()) != DB_OK)
		return rc;
	rc = by_phone ? db_exec(&q_stop_phone, NULL, "s", phone) :
	    db_exec(&q_stop_ticket, NULL, "i", id);
	if (rc == DB_OK)
		rc = db_exec(&q_drop_queued, NULL, "i", id);
	if (rc != DB_OK) {
		db_rollback();
		return rc;
	}
	return db_commit();
}

int
track_notify_post(struct req *r)
{
	struct db_res *res;
	int idx = 0;

	if (!intake_code_lookup(r, &q_ticket, &res))
		return 0;
	if (valid_choice(req_form(r, "scope"), scopes, &idx) != NULL)
		return resp_error(r, 422, "TRACK_ERR_NOTIFY_SCOPE");
	if (track_notify_store(db_get_int(res, 0, 0), db_gets(res, 0, 1), idx == 1) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	return resp_redirect(r, arena_printf(r->a, "/track/%s#notify", r->params[0]));
}
