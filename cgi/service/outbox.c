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
/* All of them, for the worker's copy (ob_rules_kept). */
static struct db_q q_rules_all = DB_Q(
    "SELECT r.event, r.channel FROM notify_rules r JOIN notify_channels c ON c.kind = r.channel"
    " WHERE c.enabled = 1");
/* What a message says and where it goes (a ticket whose fields the caller
 * did not hand over, see outbox_note_new); opted_out: the customer asked
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
/* The messages of one event, up to OB_ROWS_MAX in one INSERT. IGNORE: the
 * idempotency key is unique, a second queueing of the same message is a
 * no-op. */
#define OB_INSERT "INSERT IGNORE INTO notify_outbox (idem_key, event, ticket_id, event_id," \
    " recipient_kind, recipient_user, address, channel, lang, p_number, p_customer, p_code," \
    " p_staff, p_window, p_text, next_attempt_at, created_at) VALUES "
#define OB_ROW "(?, ?, ?, NULLIF(?, 0), ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?," \
    " UTC_TIMESTAMP(), UTC_TIMESTAMP())"
#define OB_ROW_PARAMS 15
#define OB_ROWS_MAX 2
static struct db_q q_insert[OB_ROWS_MAX] = {
	DB_Q(OB_INSERT OB_ROW),
	DB_Q(OB_INSERT OB_ROW ", " OB_ROW),
};

#define OUTBOX_PENDING 8

/* The ticket's side of a message. */
struct ob_ticket {
	const char *number, *code, *customer, *phone, *email;
	long long   assignee;
	int         technician;   /* the assignee is a technician (someone comes) */
	const char *staff, *staff_phone, *staff_email, *staff_lang, *window;
	int         opted_out;    /* the customer asked for no more messages */
	const char *lang;         /* the customers' language (setting notify_lang) */
};

/* The events of the open transaction (a transaction logs at most a few). */
static struct pending {
	long long       ticket, event;
	const char     *kind, *to, *body;
	int             pub, by_staff;
	int             known;          /* t holds the ticket's fields (outbox_note_new) */
	long long       rules_version;  /* read by the caller; -1: unknown */
	struct ob_ticket t;
} pending[OUTBOX_PENDING];
static size_t npending;

/* The worker's copy of the rules: the channels of each event, while
 * settings.notify_rules_version (bumped by triggers, migration 043) holds. */
static struct {
	long long version;    /* 0: none yet */
	unsigned  channels[NE__MAX];
} rules_copy;

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
	p->rules_version = -1;
}

void
outbox_note_new(long long ticket_id, const struct outbox_new_ticket *n)
{
	struct pending *p = npending > 0 ? &pending[npending - 1] : NULL;

	if (p == NULL || p->ticket != ticket_id)
		return;   /* nothing noted for it: the messages read the ticket */
	p->known = 1;
	p->rules_version = n->rules_version > 0 ? n->rules_version : -1;
	p->t = (struct ob_ticket){ .number = n->number, .code = n->code,
	    .customer = n->customer, .phone = n->phone, .email = n->email != NULL ? n->email : "",
	    .staff = "", .staff_phone = "", .staff_email = "", .staff_lang = "zh-CN", .window = "",
	    .opted_out = n->opted_out, .lang = strcmp(n->lang, "en") == 0 ? "en" : "zh-CN" };
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

/* One message row, bound as OB_ROW. */
struct ob_row {
	char        key[128];
	const char *rk, *lang, *addr;
	long long   user;
	enum notify_channel c;
};

/* The row of the message of event e on channel c about ticket t, under
 * its idempotency key: from the ticket event's id, or (due > 0) from the
 * ticket and the due time it warns of. 0: a row; 1: no address (no row);
 * -1: the key does not fit. */
static int
ob_row_make(long long ticket, long long event_id, long long due, const struct ob_ticket *t,
    enum notify_event e, enum notify_channel c, struct ob_row *row)
{
	int n;

	row->c = c;
	if ((row->addr = ob_address(t, e, c, &row->rk, &row->user, &row->lang)) == NULL)
		return 1;
	if (due == 0)
		n = notify_idem_key(row->key, sizeof(row->key), event_id, e, c, row->rk);
	else
		n = snprintf(row->key, sizeof(row->key), "sl-sla-%lld-%lld-%s-%s", ticket, due,
		    notify_channel_name(c), row->rk);
	return n < 0 || (size_t)n >= sizeof(row->key) ? -1 : 0;
}

/* The OB_ROW_PARAMS values of one row (in ob_insert). */
#define OB_BIND(r) (r)->key, ename, ticket, event_id, (r)->rk, (r)->user, (r)->addr, \
	notify_channel_name((r)->c), (r)->lang, t->number, t->customer, t->code, t->staff, \
	t->window, text
#define OB_TYPES "ssiisisssssssss"
_Static_assert(sizeof(OB_TYPES) - 1 == OB_ROW_PARAMS, "one type per value of OB_ROW");

/* Write rows[0..n) (n <= OB_ROWS_MAX) in one statement. */
static enum db_rc
ob_insert(struct arena *a, long long ticket, long long event_id, const struct ob_ticket *t,
    enum notify_event e, const char *body, const struct ob_row *rows, size_t n)
{
	const char *ename = notify_event_name(e);
	const char *text = notify_text_limit(a, body != NULL ? body : "", 300);

	if (n == 1)
		return db_exec(&q_insert[0], NULL, OB_TYPES, OB_BIND(&rows[0]));
	return db_exec(&q_insert[1], NULL, OB_TYPES OB_TYPES, OB_BIND(&rows[0]),
	    OB_BIND(&rows[1]));
}

/* The messages of event e about ticket t on the channels in mask (bit c:
 * channel c has a rule for e), OB_ROWS_MAX rows per statement. */
static enum db_rc
ob_queue(struct arena *a, long long ticket, long long event_id, long long due,
    const struct ob_ticket *t, enum notify_event e, unsigned mask, const char *text)
{
	struct ob_row rows[OB_ROWS_MAX];
	enum notify_channel c;
	size_t n = 0;
	enum db_rc rc;
	int made;

	for (c = 0; c < NC__MAX; c++) {
		if (!(mask & (1u << c)))
			continue;
		if ((made = ob_row_make(ticket, event_id, due, t, e, c, &rows[n])) < 0)
			return DB_ERR;
		if (made == 1 || ++n < OB_ROWS_MAX)
			continue;
		if ((rc = ob_insert(a, ticket, event_id, t, e, text, rows, n)) != DB_OK)
			return rc;
		n = 0;
	}
	return n > 0 ? ob_insert(a, ticket, event_id, t, e, text, rows, n) : DB_OK;
}

enum db_rc
outbox_event_channels(struct arena *a, enum notify_event e, unsigned *mask)
{
	struct db_res *res;
	enum db_rc rc = db_query(a, &q_rules, &res, "s", notify_event_name(e));
	enum notify_channel c;
	size_t r;

	*mask = 0;
	for (r = 0; rc == DB_OK && r < res->nrows; r++)
		if ((c = notify_channel_parse(db_gets(res, r, 0))) != NC__MAX)
			*mask |= 1u << c;
	return rc;
}

/* The same from the worker's copy, read again when version differs. */
static enum db_rc
ob_rules_kept(struct arena *a, long long version, enum notify_event e, unsigned *mask)
{
	struct db_res *res;
	enum notify_event ev;
	enum notify_channel c;
	enum db_rc rc;
	size_t r;

	if (rules_copy.version != version) {
		if ((rc = db_query(a, &q_rules_all, &res, "")) != DB_OK)
			return rc;
		memset(&rules_copy, 0, sizeof(rules_copy));
		for (r = 0; r < res->nrows; r++) {
			ev = notify_event_parse(db_gets(res, r, 0));
			c = notify_channel_parse(db_gets(res, r, 1));
			if (ev != NE__MAX && c != NC__MAX)
				rules_copy.channels[ev] |= 1u << c;
		}
		rules_copy.version = version;
	}
	*mask = rules_copy.channels[e];
	return DB_OK;
}

/* The messages of one remembered event. */
static enum db_rc
ob_flush_one(struct arena *a, struct pending *p)
{
	enum notify_event ev[2];
	int n = notify_events_of(p->kind, p->pub, p->to, p->by_staff, ev), i;
	unsigned mask;
	enum db_rc rc;

	for (i = 0; i < n; i++) {
		rc = p->rules_version > 0 ? ob_rules_kept(a, p->rules_version, ev[i], &mask) :
		    outbox_event_channels(a, ev[i], &mask);
		if (rc != DB_OK)
			return rc;
		if (mask == 0)
			continue;
		if (!p->known) {
			if ((rc = ob_ticket_load(a, p->ticket, &p->t)) != DB_OK)
				return rc;
			p->known = 1;
		}
		if ((rc = ob_queue(a, p->ticket, p->event, 0, &p->t, ev[i], mask, p->body)) != DB_OK)
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
	unsigned mask;
	enum db_rc rc;

	if ((rc = outbox_event_channels(a, NE_SLA_DUE, &mask)) != DB_OK || mask == 0)
		return rc;
	if ((rc = ob_ticket_load(a, ticket_id, &t)) != DB_OK)
		return rc;
	appt_split((time_t)due, d, hm);
	t.window = arena_printf(a, "%s %s", d, hm);
	return ob_queue(a, ticket_id, 0, due, &t, NE_SLA_DUE, mask, NULL);
}
