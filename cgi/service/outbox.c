/* Queueing notifications in the transaction of the ticket event that
 * causes them (outbox.h). The events of one transaction are remembered by
 * outbox_note() and written by outbox_flush() just before the COMMIT, so
 * the event and its messages are stored together or not at all. */
#include "outbox.h"
#include "appointment.h"
#include "arena.h"
#include "log.h"
#include "phone.h"

#include <stdio.h>
#include <string.h>

/* Which channels (enabled, with a rule) take an event. */
static struct db_q q_rules = DB_Q(
    "SELECT r.channel FROM notify_rules r JOIN notify_channels c ON c.kind = r.channel"
    " WHERE r.event = ? AND c.enabled = 1");
/* What a message says and where it goes; opted_out: the customer asked
 * for no more messages (for this ticket or this phone number). */
static struct db_q q_ticket = DB_Q(
    "SELECT t.number, t.track_code, t.customer_name, t.phone, t.email,"
    " COALESCE(t.assignee_id, 0), COALESCE(u.name, ''), COALESCE(u.phone, ''),"
    " COALESCE(u.email, ''), COALESCE(u.lang, ''), COALESCE(u.role = 'technician', 0),"
    " COALESCE(UNIX_TIMESTAMP(t.appt_start), 0), COALESCE(UNIX_TIMESTAMP(t.appt_end), 0),"
    " EXISTS(SELECT 1 FROM notify_optouts o WHERE o.ticket_id = t.id)"
    " OR EXISTS(SELECT 1 FROM notify_optouts o WHERE o.phone = t.phone),"
    " COALESCE((SELECT value FROM settings WHERE name = 'notify_lang'), 'zh-CN')"
    " FROM tickets t LEFT JOIN users u ON u.id = t.assignee_id WHERE t.id = ?");
/* INSERT IGNORE: the idempotency key is unique, a second queueing of the
 * same message is a no-op. */
static struct db_q q_insert = DB_Q(
    "INSERT IGNORE INTO notify_outbox (idem_key, event, ticket_id, event_id, recipient_kind,"
    " recipient_user, address, channel, lang, p_number, p_customer, p_code, p_staff, p_window,"
    " p_text, next_attempt_at, created_at)"
    " VALUES (?, ?, ?, NULLIF(?, 0), ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(),"
    " UTC_TIMESTAMP())");

#define OUTBOX_PENDING 8

/* The events of the open transaction (a transaction logs at most a few). */
static struct pending {
	long long   ticket, event;
	const char *kind, *to, *body;
	int         pub, by_staff;
} pending[OUTBOX_PENDING];
static size_t npending;

void
outbox_note(long long ticket_id, long long event_id, const char *kind, int pub,
    const char *to_status, int by_staff, const char *body)
{
	struct pending *p;

	if (npending == OUTBOX_PENDING) {
		log_msg("warn", "outbox: too many events in one transaction", kind);
		return;
	}
	p = &pending[npending++];
	p->ticket = ticket_id;
	p->event = event_id;
	p->kind = kind;
	p->to = to_status;
	p->body = body;
	p->pub = pub;
	p->by_staff = by_staff;
}

void
outbox_discard(void)
{
	npending = 0;
}

/* The ticket's side of a message (one row of q_ticket). */
struct ob_ticket {
	const char *number, *code, *customer, *phone, *email;
	long long   assignee;
	int         technician;   /* the assignee is a technician (someone comes) */
	const char *staff, *staff_phone, *staff_email, *staff_lang, *window;
	int         opted_out;
	const char *lang;
};

static enum db_rc
ob_ticket_load(struct arena *a, long long id, struct ob_ticket *t)
{
	struct db_res *res;
	enum db_rc rc = db_query(a, &q_ticket, &res, "i", id);
	long long s, e;
	char d1[11], h1[6], d2[11], h2[6];

	if (rc != DB_OK)
		return rc;
	if (res->nrows != 1)
		return DB_ERR;
	t->number = db_gets(res, 0, 0);
	t->code = db_gets(res, 0, 1);
	t->customer = db_gets(res, 0, 2);
	t->phone = db_gets(res, 0, 3);
	t->email = db_gets(res, 0, 4);
	t->assignee = db_get_int(res, 0, 5);
	t->staff = db_gets(res, 0, 6);
	t->staff_phone = db_gets(res, 0, 7);
	t->staff_email = db_gets(res, 0, 8);
	t->staff_lang = strcmp(db_gets(res, 0, 9), "en") == 0 ? "en" : "zh-CN";
	t->technician = (int)db_get_int(res, 0, 10);
	s = db_get_int(res, 0, 11);
	e = db_get_int(res, 0, 12);
	t->window = "";
	if (s > 0 && e > s) {
		appt_split((time_t)s, d1, h1);
		appt_split((time_t)e, d2, h2);
		t->window = arena_printf(a, "%s %s–%s", d1, h1, h2);
	}
	t->opted_out = (int)db_get_int(res, 0, 13);
	t->lang = strcmp(db_gets(res, 0, 14), "en") == 0 ? "en" : "zh-CN";
	return DB_OK;
}

/* The address of a message on channel c, or NULL when it has none (no
 * mobile number, no e-mail, opted out, nobody assigned). */
static const char *
ob_address(const struct ob_ticket *t, enum notify_event e, enum notify_channel c,
    const char **rk, long long *user, const char **lang)
{
	char canon[PHONE_MAX];
	int staff = notify_event_for_staff(e);
	const char *phone = staff ? t->staff_phone : t->phone;
	const char *email = staff ? t->staff_email : t->email;

	*user = staff ? t->assignee : 0;
	*lang = staff ? t->staff_lang : t->lang;
	*rk = staff ? "staff" : "customer";
	if ((e == NE_DISPATCHED || e == NE_ASSIGNED) && t->assignee == 0)
		return NULL;   /* a team only: nobody is coming yet */
	if (e == NE_DISPATCHED && !t->technician)
		return NULL;   /* an agent took it: no technician to announce */
	if (notify_channel_is_group(c)) {
		*rk = "group";
		return "";
	}
	if (!staff && t->opted_out)
		return NULL;
	if (c == NC_SMS)
		return phone_parse(phone, canon, NULL) == PHONE_MOBILE ? phone : NULL;
	return *email != '\0' ? email : NULL;
}

/* One row: the message of event e on channel c about ticket t, under
 * its idempotency key: from the ticket event's id, or (due > 0) from the
 * ticket and the due time it warns of. */
static enum db_rc
ob_queue(struct arena *a, long long ticket, long long event_id, long long due, const struct ob_ticket *t, enum notify_event e, enum notify_channel c,
    const char *text)
{
	char key[128];
	const char *rk, *lang, *addr;
	long long user;
	int n;

	if ((addr = ob_address(t, e, c, &rk, &user, &lang)) == NULL)
		return DB_OK;
	if (due == 0)
		n = notify_idem_key(key, sizeof(key), event_id, e, c, rk);
	else
		n = snprintf(key, sizeof(key), "sl-sla-%lld-%lld-%s-%s", ticket, due,
		    notify_channel_name(c), rk);
	if (n < 0 || (size_t)n >= sizeof(key))
		return DB_ERR;
	return db_exec(&q_insert, NULL, "ssiisisssssssss", key, notify_event_name(e), ticket,
	    event_id, rk, user, addr, notify_channel_name(c), lang, t->number, t->customer,
	    t->code, t->staff, t->window, notify_text_limit(a, text != NULL ? text : "", 300));
}

/* The messages of one remembered event. */
static enum db_rc
ob_flush_one(struct arena *a, const struct pending *p)
{
	enum notify_event ev[2];
	struct ob_ticket t;
	struct db_res *res;
	int n = notify_events_of(p->kind, p->pub, p->to, p->by_staff, ev), i, loaded = 0;
	size_t r;
	enum db_rc rc;

	for (i = 0; i < n; i++) {
		if ((rc = db_query(a, &q_rules, &res, "s", notify_event_name(ev[i]))) != DB_OK)
			return rc;
		for (r = 0; r < res->nrows; r++) {
			enum notify_channel c = notify_channel_parse(db_gets(res, r, 0));

			if (c == NC__MAX)
				continue;
			if (!loaded && (rc = ob_ticket_load(a, p->ticket, &t)) != DB_OK)
				return rc;
			loaded = 1;
			if ((rc = ob_queue(a, p->ticket, p->event, 0, &t, ev[i], c,
			    p->body)) != DB_OK)
				return rc;
		}
	}
	return DB_OK;
}

enum db_rc
outbox_flush(void)
{
	struct arena a;
	enum db_rc rc = DB_OK;
	size_t i;

	if (npending == 0)
		return DB_OK;
	arena_init(&a);
	for (i = 0; i < npending && rc == DB_OK; i++)
		rc = ob_flush_one(&a, &pending[i]);
	arena_free(&a);
	npending = 0;
	if (rc != DB_OK)
		log_msg("error", "outbox: messages not queued", db_rc_str(rc));
	return rc;
}

enum db_rc
outbox_sla_due(struct arena *a, long long ticket_id, long long due)
{
	struct ob_ticket t;
	struct db_res *res;
	char d[11], hm[6];
	enum db_rc rc;
	size_t r;

	if ((rc = db_query(a, &q_rules, &res, "s", notify_event_name(NE_SLA_DUE))) != DB_OK ||
	    res->nrows == 0)
		return rc;
	if ((rc = ob_ticket_load(a, ticket_id, &t)) != DB_OK)
		return rc;
	appt_split((time_t)due, d, hm);
	t.window = arena_printf(a, "%s %s", d, hm);
	for (r = 0; r < res->nrows && rc == DB_OK; r++) {
		enum notify_channel c = notify_channel_parse(db_gets(res, r, 0));

		if (c != NC__MAX)
			rc = ob_queue(a, ticket_id, 0, due, &t, NE_SLA_DUE, c, NULL);
	}
	return rc;
}
