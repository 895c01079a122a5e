/* /admin/notify/outbox: the latest messages of the outbox, failed ones
 * first to see (filter by status), each with its attempts and last error;
 * a failed (or still waiting) message can be sent again now ("resend":
 * back to queued with its attempts reset, same idempotency key). Phone
 * numbers are shown masked. */
#include "admin.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "notify_send.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

static struct db_q q_list = DB_Q(
    "SELECT id, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s'), event, channel, recipient_kind,"
    " address, p_number, COALESCE(ticket_id, 0), status, attempts,"
    " DATE_FORMAT(next_attempt_at, '%Y-%m-%d %H:%i:%s'), last_error"
    " FROM notify_outbox WHERE status = ? OR ? = ''"
    " ORDER BY id DESC LIMIT 200");
/* Never to a customer who stopped messages since. */
static struct db_q q_resend = DB_Q(
    "UPDATE notify_outbox o SET o.status = 'queued', o.attempts = 0,"
    " o.next_attempt_at = UTC_TIMESTAMP(), o.claimed_by = NULL, o.claimed_until = NULL"
    " WHERE o.id = ? AND o.status IN ('failed', 'queued') AND NOT (o.recipient_kind = 'customer'"
    " AND (EXISTS(SELECT 1 FROM notify_optouts x WHERE x.ticket_id = o.ticket_id)"
    " OR EXISTS(SELECT 1 FROM notify_optouts x JOIN tickets t ON t.phone = x.phone"
    " WHERE t.id = o.ticket_id)))");
static struct db_q q_exists = DB_Q("SELECT status FROM notify_outbox WHERE id = ?");

static const char *const statuses[] = { "", "queued", "sending", "sent", "failed", NULL };

static void
no_fill_row(struct req *r, tmpl_dict *d, const struct db_res *res, size_t i)
{
	tmpl_dict *s = tmpl_add_section(d, "MSG_ROW");
	const char *ch = db_gets(res, i, 3), *st = db_gets(res, i, 8);

	tmpl_set(s, "ID", db_gets(res, i, 0));
	tmpl_set(s, "CREATED", db_gets(res, i, 1));
	tmpl_set(s, "EVENT", i18n(r->lang, arena_printf(r->a, "N_EV_%s", db_gets(res, i, 2))));
	tmpl_set(s, "CHANNEL", i18n(r->lang, arena_printf(r->a, "N_CH_%s", ch)));
	tmpl_set(s, "TO", strcmp(ch, "sms") == 0 ? notify_mask_phone(r->a, db_gets(res, i, 5)) :
	    *db_gets(res, i, 5) != '\0' ? db_gets(res, i, 5) :
	    i18n(r->lang, arena_printf(r->a, "A_NTF_RK_%s", db_gets(res, i, 4))));
	tmpl_set(s, "NUMBER", db_gets(res, i, 6));
	tmpl_set(s, "TICKET", db_gets(res, i, 7));
	/* staff messages about a part, a key result or a week have no ticket */
	tmpl_show_section(s, db_get_int(res, i, 7) > 0 ? "HAS_TICKET" : "NO_TICKET");
	tmpl_set(s, "STATUS", st);
	tmpl_set(s, "STATUS_LABEL", i18n(r->lang, arena_printf(r->a, "A_NTF_ST_%s", st)));
	tmpl_set(s, "ATTEMPTS", db_gets(res, i, 9));
	tmpl_set(s, "NEXT", db_gets(res, i, 10));
	tmpl_set(s, "ERROR", notify_error_text(r->a, r->lang, db_gets(res, i, 11)));
	tmpl_show_section(s, strcmp(st, "sent") == 0 ? "IS_SENT" : strcmp(st, "failed") == 0 ?
	    "IS_FAILED" : "IS_OPEN");
	/* (not what the customer's opt-out dropped: q_resend refuses it) */
	if ((strcmp(st, "failed") == 0 || strcmp(st, "queued") == 0) &&
	    strcmp(db_gets(res, i, 11), "the customer stopped messages") != 0)
		tmpl_show_section(s, "CAN_RESEND");
}

int
notify_outbox_get(struct req *r)
{
	const char *st = req_query(r, "status");
	struct db_res *res;
	tmpl_dict *d;
	enum db_rc rc;
	int idx = 0, i;
	size_t n;

	if (st == NULL || valid_choice(st, statuses, &idx) != NULL)
		st = "";
	if ((rc = db_query(r->a, &q_list, &res, "ss", st, st)) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	d = admin_dict(r, "A_NTF_OUTBOX", AT_NOTIFY);
	for (i = 0; statuses[i] != NULL; i++) {
		tmpl_dict *o = tmpl_add_section(d, "STATUS_OPT");

		tmpl_set(o, "VALUE", statuses[i]);
		tmpl_set(o, "LABEL", i18n(r->lang, arena_printf(r->a, "A_NTF_ST_%s",
		    *statuses[i] != '\0' ? statuses[i] : "all")));
		if (strcmp(statuses[i], st) == 0)
			tmpl_show_section(o, "SELECTED");
	}
	for (n = 0; n < res->nrows; n++)
		no_fill_row(r, d, res, n);
	if (res->nrows == 0)
		tmpl_show_section(d, "NO_ROWS");
	if (req_query(r, "resent") != NULL)
		tmpl_show_section(d, "RESENT_NOTE");
	return resp_page(r, 200, "admin/notify_outbox.tpl", d);
}

int
notify_outbox_resend_post(struct req *r)
{
	unsigned long long changed = 0;
	struct db_res *res;
	long long id;
	enum db_rc rc;

	if (admin_param_id(r, &id) != 0)
		return admin_not_found(r, NULL);
	if ((rc = db_exec(&q_resend, &changed, "i", id)) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	if (changed != 1) {
		if ((rc = db_query(r->a, &q_exists, &res, "i", id)) != DB_OK)
			return admin_db_fail(r, rc, NULL);
		if (res->nrows == 0)
			return admin_not_found(r, NULL);
		return resp_error(r, 409, "A_NTF_ERR_RESEND");
	}
	return resp_redirect(r, "/admin/notify/outbox?resent=1");
}
