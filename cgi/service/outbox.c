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
/* What a message says and where it goes (a ticket whose fields the caller
 * did not hand over, see outbox_note_new). */
static struct db_q q_ticket = DB_Q(
    "SELECT t.number, t.track_code, t.customer_name, t.phone, t.email,"
    " COALESCE(t.assignee_id, 0), COALESCE(u.name, ''), COALESCE(u.phone, ''),"
    " COALESCE(u.email, ''), COALESCE(u.lang, ''), COALESCE(u.role = 'technician', 0),"
    " COALESCE(UNIX_TIMESTAMP(t.appt_start), 0), COALESCE(UNIX_TIMESTAMP(t.appt_end), 0)"
    " FROM tickets t LEFT JOIN users u ON u.id = t.assignee_id WHERE t.id = ?");
/* The messages of one event, in one statement: s holds what they share,
 * x one candidate per channel (its idempotency key, channel, address;
 * address NULL: none, '' a group channel). Only candidates whose channel
 * is enabled and has a rule for the event are written, so an event with
 * no rule costs this one statement and no row. A customer who asked for
 * no more messages (for this ticket or this phone number) gets none on
 * the personal channels; the customers' language is the setting
 * notify_lang. INSERT IGNORE: the idempotency key is unique, a second
 * queueing of the same message is a no-op. */
#define OB_CANDIDATE "SELECT ? AS k, ? AS c, ? AS a"
static struct db_q q_queue = DB_Q(
    "INSERT IGNORE INTO notify_outbox (idem_key, event, ticket_id, event_id, recipient_kind,"
    " recipient_user, address, channel, lang, p_number, p_customer, p_code, p_staff, p_window,"
    " p_text, next_attempt_at, created_at)"
    " SELECT x.k, s.e, s.t, NULLIF(s.ev, 0), IF(x.a = '', 'group', s.rk), NULLIF(s.u, 0), x.a,"
    " x.c, COALESCE(s.l, IF((SELECT value FROM settings WHERE name = 'notify_lang') = 'en',"
    " 'en', 'zh-CN')), s.pn, s.pc, s.pco, s.ps, s.pw, s.pt, UTC_TIMESTAMP(), UTC_TIMESTAMP()"
    " FROM (SELECT ? AS e, ? AS t, ? AS ev, ? AS rk, ? AS u, ? AS l, ? AS pn, ? AS pc,"
    " ? AS pco, ? AS ps, ? AS pw, ? AS pt, ? AS ph) s"
    " JOIN (" OB_CANDIDATE " UNION ALL " OB_CANDIDATE " UNION ALL " OB_CANDIDATE
    " UNION ALL " OB_CANDIDATE " UNION ALL " OB_CANDIDATE " UNION ALL " OB_CANDIDATE ") x"
    " JOIN notify_rules r ON r.event = s.e AND r.channel = x.c"
    " JOIN notify_channels ch ON ch.kind = x.c AND ch.enabled = 1"
    " WHERE x.a IS NOT NULL AND (s.rk = 'staff' OR x.a = ''"
    " OR NOT (EXISTS(SELECT 1 FROM notify_optouts o WHERE o.ticket_id = s.t)"
    " OR EXISTS(SELECT 1 FROM notify_optouts o WHERE o.phone = s.ph)))");

#define OUTBOX_PENDING 8

/* One candidate row of q_queue for each channel. */
_Static_assert(NC__MAX == 6, "q_queue has one candidate per channel");

/* The ticket's side of a message. */
struct ob_ticket {
	const char *number, *code, *customer, *phone, *email;
	long long   assignee;
	int         technician;   /* the assignee is a technician (someone comes) */
	const char *staff, *staff_phone, *staff_email, *staff_lang, *window;
};

/* The events of the open transaction (a transaction logs at most a few). */
static struct pending {
	long long       ticket, event;
	const char     *kind, *to, *body;
	int             pub, by_staff;
	int             known;    /* t holds the ticket's fields (outbox_note_new) */
	struct ob_ticket t;
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
	memset(p, 0, sizeof(*p));
	p->ticket = ticket_id;
	p->event = event_id;
	p->kind = kind;
	p->to = to_status;
	p->body = body;
	p->pub = pub;
	p->by_staff = by_staff;
}

void
outbox_note_new(long long ticket_id, const char *number, const char *code,
    const char *customer, const char *phone, const char *email)
{
	struct pending *p = npending > 0 ? &pending[npending - 1] : NULL;

	if (p == NULL || p->ticket != ticket_id)
		return;   /* nothing noted for it: the messages read the ticket */
	p->known = 1;
	p->t = (struct ob_ticket){ .number = number, .code = code, .customer = customer,
	    .phone = phone, .email = email != NULL ? email : "", .staff = "", .staff_phone = "",
	    .staff_email = "", .staff_lang = "zh-CN", .window = "" };
}

void
outbox_discard(void)
{
	npending = 0;
}

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
	return DB_OK;
}

/* The address of a message on channel c ("" for a group channel), or
 * NULL when it has none (no mobile number, no e-mail, nobody assigned).
 * A customer's opt-out is checked by q_queue. */
static const char *
ob_address(const struct ob_ticket *t, enum notify_event e, enum notify_channel c)
{
	char canon[PHONE_MAX];
	int staff = notify_event_for_staff(e);
	const char *phone = staff ? t->staff_phone : t->phone;
	const char *email = staff ? t->staff_email : t->email;

	if ((e == NE_DISPATCHED || e == NE_ASSIGNED) && t->assignee == 0)
		return NULL;   /* a team only: nobody is coming yet */
	if (e == NE_DISPATCHED && !t->technician)
		return NULL;   /* an agent took it: no technician to announce */
	if (notify_channel_is_group(c))
		return "";
	if (c == NC_SMS)
		return phone_parse(phone, canon, NULL) == PHONE_MOBILE ? phone : NULL;
	return *email != '\0' ? email : NULL;
}

/* The idempotency key of the message on channel c to recipient kind rk:
 * from the ticket event's id, or (due > 0) from the ticket and the due
 * time it warns of. NULL when it does not fit. */
static const char *
ob_key(struct arena *a, long long ticket, long long event_id, long long due,
    enum notify_event e, enum notify_channel c, const char *rk)
{
	char key[128];
	int n;

	if (due == 0)
		n = notify_idem_key(key, sizeof(key), event_id, e, c, rk);
	else
		n = snprintf(key, sizeof(key), "sl-sla-%lld-%lld-%s-%s", ticket, due,
		    notify_channel_name(c), rk);
	return n < 0 || (size_t)n >= sizeof(key) ? NULL : arena_strdup(a, key);
}

/* The messages of event e about ticket t on every channel with a rule for
 * it: one q_queue. */
static enum db_rc
ob_queue(struct arena *a, long long ticket, long long event_id, long long due,
    const struct ob_ticket *t, enum notify_event e, const char *text)
{
	const char *key[NC__MAX], *addr[NC__MAX], *ch[NC__MAX];
	int staff = notify_event_for_staff(e);
	enum notify_channel c;

	for (c = 0; c < NC__MAX; c++) {
		ch[c] = notify_channel_name(c);
		addr[c] = ob_address(t, e, c);
		key[c] = ob_key(a, ticket, event_id, due, e, c,
		    addr[c] != NULL && *addr[c] == '\0' ? "group" : staff ? "staff" : "customer");
		if (key[c] == NULL)
			return DB_ERR;
	}
	return db_exec(&q_queue, NULL, "siisissssssss" "sss" "sss" "sss" "sss" "sss" "sss",
	    notify_event_name(e), ticket, event_id, staff ? "staff" : "customer",
	    staff ? t->assignee : 0, staff ? t->staff_lang : NULL, t->number, t->customer,
	    t->code, t->staff, t->window, notify_text_limit(a, text != NULL ? text : "", 300),
	    t->phone,
	    key[0], ch[0], addr[0], key[1], ch[1], addr[1], key[2], ch[2], addr[2],
	    key[3], ch[3], addr[3], key[4], ch[4], addr[4], key[5], ch[5], addr[5]);
}

/* 1 when some enabled channel has a rule for event e (before reading a
 * ticket only for its messages). */
static enum db_rc
ob_has_rules(struct arena *a, enum notify_event e, int *yes)
{
	struct db_res *res;
	enum db_rc rc = db_query(a, &q_rules, &res, "s", notify_event_name(e));

	*yes = rc == DB_OK && res->nrows > 0;
	return rc;
}

/* The messages of one remembered event. */
static enum db_rc
ob_flush_one(struct arena *a, struct pending *p)
{
	enum notify_event ev[2];
	int n = notify_events_of(p->kind, p->pub, p->to, p->by_staff, ev), i, yes;
	enum db_rc rc;

	for (i = 0; i < n; i++) {
		if (!p->known) {
			if ((rc = ob_has_rules(a, ev[i], &yes)) != DB_OK)
				return rc;
			if (!yes)
				continue;
			if ((rc = ob_ticket_load(a, p->ticket, &p->t)) != DB_OK)
				return rc;
			p->known = 1;
		}
		if ((rc = ob_queue(a, p->ticket, p->event, 0, &p->t, ev[i], p->body)) != DB_OK)
			return rc;
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
	char d[11], hm[6];
	enum db_rc rc;
	int yes;

	if ((rc = ob_has_rules(a, NE_SLA_DUE, &yes)) != DB_OK || !yes)
		return rc;
	if ((rc = ob_ticket_load(a, ticket_id, &t)) != DB_OK)
		return rc;
	appt_split((time_t)due, d, hm);
	t.window = arena_printf(a, "%s %s", d, hm);
	return ob_queue(a, ticket_id, 0, due, &t, NE_SLA_DUE, NULL);
}
