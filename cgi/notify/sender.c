/* Claim, send, record (sender.h).
 *
 * A claim is one UPDATE ... ORDER BY ... LIMIT: InnoDB locks the rows it
 * changes, so two senders never claim the same row; each claim has its
 * own name (claimed_by) and a lease (claimed_until). A row whose sender
 * died stays "sending" until its lease runs out, then any sender claims
 * it again: a message is sent at least once, and its idempotency key lets
 * the receiver drop the second copy. attempts counts claims, so a row
 * that crashes its sender still ends as failed. */
#include "sender.h"
#include "arena.h"
#include "db.h"
#include "log.h"
#include "notify_send.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static struct db_q q_claim = DB_Q(
    "UPDATE notify_outbox SET status = 'sending', claimed_by = ?,"
    " claimed_until = UTC_TIMESTAMP() + INTERVAL ? SECOND, attempts = attempts + 1"
    " WHERE (status = 'queued' AND next_attempt_at <= UTC_TIMESTAMP())"
    " OR (status = 'sending' AND claimed_until < UTC_TIMESTAMP())"
    " ORDER BY next_attempt_at, id LIMIT ?");
static struct db_q q_claimed = DB_Q(
    "SELECT id, COALESCE(ticket_id, 0), idem_key, event, channel, recipient_kind, address,"
    " lang, p_number, p_customer, p_code, p_staff, p_window, p_text, attempts"
    " FROM notify_outbox WHERE claimed_by = ? AND status = 'sending' ORDER BY id");
static struct db_q q_renew = DB_Q(
    "UPDATE notify_outbox SET claimed_until = UTC_TIMESTAMP() + INTERVAL ? SECOND"
    " WHERE claimed_by = ? AND status = 'sending'");
static struct db_q q_sent = DB_Q(
    "UPDATE notify_outbox SET status = 'sent', sent_at = UTC_TIMESTAMP(), last_error = '',"
    " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?");
static struct db_q q_failed = DB_Q(
    "UPDATE notify_outbox SET status = IF(attempts >= ?, 'failed', 'queued'),"
    " next_attempt_at = UTC_TIMESTAMP() + INTERVAL ? SECOND, last_error = ?,"
    " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?");
/* On a stop: the rows not tried go back, their attempt not counted. */
static struct db_q q_release = DB_Q(
    "UPDATE notify_outbox SET status = 'queued', attempts = GREATEST(attempts, 1) - 1,"
    " claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ? AND status = 'sending'");

static void
sender_row(const struct db_res *res, size_t r, struct notify_msg *m)
{
	memset(m, 0, sizeof(*m));
	m->id = db_get_int(res, r, 0);
	m->ticket_id = db_get_int(res, r, 1);
	m->key = db_gets(res, r, 2);
	m->event = notify_event_parse(db_gets(res, r, 3));
	m->channel = notify_channel_parse(db_gets(res, r, 4));
	m->rk = db_gets(res, r, 5);
	m->address = db_gets(res, r, 6);
	m->lang = db_gets(res, r, 7);
	m->number = db_gets(res, r, 8);
	m->customer = db_gets(res, r, 9);
	m->code = db_gets(res, r, 10);
	m->staff = db_gets(res, r, 11);
	m->window = db_gets(res, r, 12);
	m->text = db_gets(res, r, 13);
	m->attempts = (unsigned)db_get_int(res, r, 14);
}

/* One log line per message; the address masked (phones) or kept (e-mail
 * addresses and groups say nothing of a phone). */
static void
sender_log(struct arena *a, const struct notify_msg *m, const char *err)
{
	const char *to = m->channel == NC_SMS ? notify_mask_phone(a, m->address) : m->address;

	log_msg(err == NULL ? "info" : "warn", err == NULL ? "notify sent" : "notify failed",
	    arena_printf(a, "id=%lld key=%s channel=%s to=%s attempt=%u%s%s", m->id, m->key,
	    notify_channel_name(m->channel), to, m->attempts, err != NULL ? " error=" : "",
	    err != NULL ? notify_mask_digits(a, err) : ""));
}

static enum db_rc
sender_one(struct arena *a, const struct notify_channel_cfg *ch, const struct notify_msg *m,
    const char *claim)
{
	const char *err = "unknown event or channel";
	int ok = m->event < NE__MAX && m->channel < NC__MAX &&
	    notify_send(a, &ch[m->channel], m, &err) == 0;

	sender_log(a, m, ok ? NULL : err);
	if (ok)
		return db_exec(&q_sent, NULL, "is", m->id, claim);
	return db_exec(&q_failed, NULL, "Iisis", NOTIFY_MAX_ATTEMPTS,
	    (long long)notify_backoff(m->attempts), notify_text_limit(a,
	    notify_mask_digits(a, err), 400), m->id, claim);
}

int
sender_pass(struct arena *a, const struct sender_opts *o, volatile int *stop)
{
	static unsigned long seq;
	struct notify_channel_cfg ch[NC__MAX];
	struct db_res *res;
	unsigned long long n = 0;
	const char *claim = arena_printf(a, "%s:%lu", o->id, ++seq);
	time_t renewed = time(NULL);
	struct notify_msg m;
	size_t r;

	if (db_exec(&q_claim, &n, "sIi", claim, (int)o->lease, (long long)o->batch) != DB_OK)
		return -1;
	if (n == 0)
		return 0;
	if (notify_channels_load(a, ch) != DB_OK ||
	    db_query(a, &q_claimed, &res, "s", claim) != DB_OK)
		return -1;
	for (r = 0; r < res->nrows && !*stop; r++) {
		if (time(NULL) - renewed >= (time_t)o->lease / 2) {   /* a slow batch keeps its rows */
			if (db_exec(&q_renew, NULL, "Is", (int)o->lease, claim) != DB_OK)
				return -1;
			renewed = time(NULL);
		}
		sender_row(res, r, &m);
		if (sender_one(a, ch, &m, claim) != DB_OK)
			return -1;
	}
	if (*stop && db_exec(&q_release, NULL, "s", claim) != DB_OK)
		return -1;
	return (int)n;
}
