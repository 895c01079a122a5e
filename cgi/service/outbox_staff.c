/* Staff messages that are not one ticket event (outbox.h): the complaint
 * warning and the reorder alert, queued in the transaction that flags the
 * ticket or takes the part out; the key-result reminder and the weekly
 * report, queued by sl-notify's scan. Each row's idempotency key is built
 * from the moment it is about, so a retry or a second scan adds nothing
 * (INSERT IGNORE on the unique key). */
#include "outbox.h"
#include "arena.h"
#include "log.h"
#include "phone.h"

#include <stdio.h>
#include <string.h>

static struct db_q q_group_lang = DB_Q(
    "SELECT COALESCE((SELECT value FROM settings WHERE name = 'notify_lang'), 'zh-CN')");
static struct db_q q_supervisors = DB_Q(
    "SELECT id, phone, email, lang FROM users WHERE active = 1 AND role = 'supervisor'"
    " ORDER BY id");
static struct db_q q_parts_staff = DB_Q(
    "SELECT id, phone, email, lang FROM users WHERE active = 1"
    " AND role IN ('supervisor', 'admin') ORDER BY id");
static struct db_q q_weekly = DB_Q(
    "SELECT id, phone, email, lang FROM users WHERE active = 1 AND notify_weekly = 1"
    " ORDER BY id");
static struct db_q q_user = DB_Q(
    "SELECT id, phone, email, lang FROM users WHERE active = 1 AND id = ?");
static struct db_q q_insert = DB_Q(
    "INSERT IGNORE INTO notify_outbox (idem_key, event, ticket_id, recipient_kind,"
    " recipient_user, address, channel, lang, p_number, p_customer, p_code, p_staff, p_window,"
    " p_text, next_attempt_at, created_at)"
    " VALUES (?, ?, NULLIF(?, 0), ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(),"
    " UTC_TIMESTAMP())");
static struct db_q q_ticket = DB_Q(
    "SELECT number, customer_name FROM tickets WHERE id = ?");
static struct db_q q_part = DB_Q(
    "SELECT p.sku, p.name_zh, p.reorder_level, COALESCE(l.name, '')"
    " FROM parts p LEFT JOIN stock_locations l ON l.id = ? WHERE p.id = ?");

/* A column value cut to what its column holds (characters). */
static const char *
ob_fit(struct arena *a, const char *s, size_t max)
{
	return notify_text_limit(a, s != NULL ? s : "", max);
}

static enum db_rc
ob_row(struct arena *a, const struct outbox_staff_msg *m, enum notify_channel c,
    const char *rk, long long user, const char *addr, const char *lang)
{
	char key[128];
	int n;

	if (user > 0)
		n = snprintf(key, sizeof(key), "sl-%s-%s-%s-%lld", m->key, notify_channel_name(c),
		    rk, user);
	else
		n = snprintf(key, sizeof(key), "sl-%s-%s-%s", m->key, notify_channel_name(c), rk);
	if (n < 0 || (size_t)n >= sizeof(key))
		return DB_ERR;
	return db_exec(&q_insert, NULL, "ssisisssssssss", key, notify_event_name(m->event),
	    m->ticket_id, rk, user, addr, notify_channel_name(c), lang,
	    ob_fit(a, m->number, 32), ob_fit(a, m->customer, 100), ob_fit(a, m->code, 32),
	    ob_fit(a, m->staff, 100), ob_fit(a, m->window, 64), ob_fit(a, m->text, 300));
}

/* The personal rows of channel c: one per recipient with an address there
 * (a mobile number for SMS, an e-mail address for e-mail). */
static enum db_rc
ob_people(struct arena *a, const struct outbox_staff_msg *m, enum notify_channel c,
    const struct db_res *people)
{
	char canon[PHONE_MAX];
	enum db_rc rc = DB_OK;
	size_t i;

	for (i = 0; i < people->nrows && rc == DB_OK; i++) {
		const char *phone = db_gets(people, i, 1), *email = db_gets(people, i, 2);
		const char *lang = strcmp(db_gets(people, i, 3), "en") == 0 ? "en" : "zh-CN";
		const char *addr = c == NC_SMS ?
		    (phone_parse(phone, canon, NULL) == PHONE_MOBILE ? phone : NULL) :
		    (*email != '\0' ? email : NULL);

		if (addr != NULL)
			rc = ob_row(a, m, c, "staff", db_get_int(people, i, 0), addr, lang);
	}
	return rc;
}

enum db_rc
outbox_staff(struct arena *a, const struct outbox_staff_msg *m)
{
	struct db_res *people = NULL, *gl;
	enum notify_channel c;
	unsigned mask;
	enum db_rc rc;

	if ((rc = outbox_event_channels(a, m->event, &mask)) != DB_OK || mask == 0)
		return rc;
	for (c = 0; c < NC__MAX && rc == DB_OK; c++) {
		if (!(mask & (1u << c)))
			continue;
		if (notify_channel_is_group(c)) {
			if ((rc = db_query(a, &q_group_lang, &gl, "")) == DB_OK)
				rc = ob_row(a, m, c, "group", 0, "",
				    strcmp(db_gets(gl, 0, 0), "en") == 0 ? "en" : "zh-CN");
			continue;
		}
		if (people == NULL) {
			if (m->to == OB_TO_USER)
				rc = db_query(a, &q_user, &people, "i", m->user);
			else
				rc = db_query(a, m->to == OB_TO_PARTS ? &q_parts_staff :
				    m->to == OB_TO_WEEKLY ? &q_weekly : &q_supervisors, &people, "");
			if (rc != DB_OK)
				break;
		}
		rc = ob_people(a, m, c, people);
	}
	if (rc != DB_OK)
		log_msg("error", "outbox: staff messages not queued", notify_event_name(m->event));
	return rc;
}

enum db_rc
outbox_complaint(struct arena *a, long long ticket_id, long long flag_id, const char *phrases)
{
	struct outbox_staff_msg m;
	struct db_res *res;
	enum db_rc rc;

	if ((rc = db_query(a, &q_ticket, &res, "i", ticket_id)) != DB_OK)
		return rc;
	if (res->nrows != 1)
		return DB_ERR;
	memset(&m, 0, sizeof(m));
	m.event = NE_COMPLAINT;
	m.key = arena_printf(a, "flag-%lld-%lld", ticket_id, flag_id);
	m.to = OB_TO_SUPERVISORS;
	m.ticket_id = ticket_id;
	m.number = db_gets(res, 0, 0);
	m.customer = db_gets(res, 0, 1);
	m.code = m.staff = m.window = "";
	m.text = phrases;
	return outbox_staff(a, &m);
}

enum db_rc
outbox_reorder(struct arena *a, long long part, long long location, long long qty,
    long long used, long long move_id)
{
	struct outbox_staff_msg m;
	struct db_res *res;
	long long level;
	enum db_rc rc;

	if ((rc = db_query(a, &q_part, &res, "ii", location, part)) != DB_OK)
		return rc;
	if (res->nrows != 1)
		return DB_ERR;
	level = db_get_int(res, 0, 2);
	if (!notify_reorder_crossed(qty + used, qty, level))
		return DB_OK;
	memset(&m, 0, sizeof(m));
	m.event = NE_REORDER;
	m.key = arena_printf(a, "reorder-%lld-%lld-%lld", part, location, move_id);
	m.to = OB_TO_PARTS;
	m.number = db_gets(res, 0, 0);
	m.customer = db_gets(res, 0, 1);
	m.code = arena_printf(a, "%lld", part);
	m.staff = db_gets(res, 0, 3);
	m.window = arena_printf(a, "%lld", qty);
	m.text = arena_printf(a, "%lld", level);
	return outbox_staff(a, &m);
}
