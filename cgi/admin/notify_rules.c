/* /admin/notify: the channels (state, last test) and who gets what — one
 * checkbox per event and channel (table notify_rules). Saving the grid
 * replaces the rules in one transaction. */
#include "admin.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "notify_send.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

static struct db_q q_channels = DB_Q(
    "SELECT kind, enabled, url <> '', test_result, COALESCE(DATE_FORMAT(test_at,"
    " '%Y-%m-%d %H:%i'), '') FROM notify_channels"
    " ORDER BY FIELD(kind, 'webhook', 'wecom', 'dingtalk', 'feishu', 'sms', 'email')");
static struct db_q q_rules = DB_Q("SELECT event, channel FROM notify_rules");
static struct db_q q_counts = DB_Q(
    "SELECT status, COUNT(*) FROM notify_outbox GROUP BY status");
static struct db_q q_rules_clear = DB_Q("DELETE FROM notify_rules");
static struct db_q q_rule_add = DB_Q("INSERT INTO notify_rules (event, channel) VALUES (?, ?)");

static void
nr_fill_channels(struct req *r, tmpl_dict *d, const struct db_res *res)
{
	size_t i;

	for (i = 0; i < res->nrows; i++) {
		tmpl_dict *s = tmpl_add_section(d, "CHANNEL");
		const char *kind = db_gets(res, i, 0), *test = db_gets(res, i, 3);

		tmpl_set(s, "KIND", kind);
		tmpl_set(s, "LABEL", i18n(r->lang, arena_printf(r->a, "N_CH_%s", kind)));
		tmpl_show_section(s, db_get_int(res, i, 1) ? "ON" : "OFF");
		if (!db_get_int(res, i, 2))
			tmpl_show_section(s, "NO_URL");
		if (*test != '\0') {
			tmpl_dict *t = tmpl_add_section(s, strcmp(test, "ok") == 0 ? "TEST_OK" : "TEST_BAD");

			tmpl_set(t, "AT", db_gets(res, i, 4));
			tmpl_set(t, "MSG", notify_error_text(r->a, r->lang, test));
		}
	}
}

/* The grid: a row per event, a checkbox per channel (checked from the
 * stored rules, or from the submitted form when on). */
static void
nr_fill_grid(struct req *r, tmpl_dict *d, const struct db_res *rules, const int *on)
{
	int e, c;
	size_t i;

	for (c = 0; c < NC__MAX; c++)
		tmpl_set(tmpl_add_section(d, "COL"), "LABEL",
		    i18n(r->lang, arena_printf(r->a, "N_CH_%s", notify_channel_name(c))));
	for (e = 0; e < NE__MAX; e++) {
		tmpl_dict *row = tmpl_add_section(d, "EVENT");

		tmpl_set(row, "LABEL", i18n(r->lang, arena_printf(r->a, "N_EV_%s",
		    notify_event_name(e))));
		for (c = 0; c < NC__MAX; c++) {
			tmpl_dict *cell = tmpl_add_section(row, "CELL");
			int checked = on != NULL && on[e * NC__MAX + c];

			for (i = 0; on == NULL && rules != NULL && i < rules->nrows; i++)
				if (strcmp(db_gets(rules, i, 0), notify_event_name(e)) == 0 &&
				    strcmp(db_gets(rules, i, 1), notify_channel_name(c)) == 0)
					checked = 1;
			tmpl_set(cell, "NAME", arena_printf(r->a, "r_%s_%s", notify_event_name(e),
			    notify_channel_name(c)));
			tmpl_set(cell, "CH", i18n(r->lang, arena_printf(r->a, "N_CH_%s",
			    notify_channel_name(c))));
			tmpl_set(cell, "LABEL", arena_printf(r->a, "%s · %s",
			    i18n(r->lang, arena_printf(r->a, "N_EV_%s", notify_event_name(e))),
			    i18n(r->lang, arena_printf(r->a, "N_CH_%s", notify_channel_name(c)))));
			if (checked)
				tmpl_show_section(cell, "CHECKED");
		}
	}
}

static int
nr_page(struct req *r, int status, tmpl_dict *d, const int *on)
{
	struct db_res *ch, *rules, *counts;
	enum db_rc rc;
	size_t i;

	if ((rc = db_query(r->a, &q_channels, &ch, "")) != DB_OK ||
	    (rc = db_query(r->a, &q_rules, &rules, "")) != DB_OK ||
	    (rc = db_query(r->a, &q_counts, &counts, "")) != DB_OK)
		return admin_db_fail(r, rc, d);
	nr_fill_channels(r, d, ch);
	nr_fill_grid(r, d, rules, on);
	tmpl_set(d, "N_queued", "0");
	tmpl_set(d, "N_sent", "0");
	tmpl_set(d, "N_failed", "0");
	for (i = 0; i < counts->nrows; i++)
		tmpl_set(d, arena_printf(r->a, "N_%s", db_gets(counts, i, 0)), db_gets(counts, i, 1));
	return resp_page(r, status, "admin/notify.tpl", d);
}

int
notify_home_get(struct req *r)
{
	return nr_page(r, 200, admin_dict(r, "A_NTF_TITLE", AT_NOTIFY), NULL);
}

static enum db_rc
nr_store(const int *on)
{
	enum db_rc rc;
	int e, c;

	if ((rc = db_begin()) != DB_OK)
		return rc;
	rc = db_exec(&q_rules_clear, NULL, "");
	for (e = 0; e < NE__MAX && rc == DB_OK; e++)
		for (c = 0; c < NC__MAX && rc == DB_OK; c++)
			if (on[e * NC__MAX + c])
				rc = db_exec(&q_rule_add, NULL, "ss", notify_event_name(e),
				    notify_channel_name(c));
	if (rc != DB_OK) {
		db_rollback();
		return rc;
	}
	return db_commit();
}

int
notify_rules_post(struct req *r)
{
	struct form_check fc = { r, NULL, 0 };
	int on[NE__MAX * NC__MAX], e, c, bad = 0;
	enum db_rc rc;

	for (e = 0; e < NE__MAX; e++)
		for (c = 0; c < NC__MAX; c++) {
			const char *f = arena_printf(r->a, "r_%s_%s", notify_event_name(e),
			    notify_channel_name(c));

			if (admin_check_flag(req_form(r, f), &on[e * NC__MAX + c]) != NULL) {
				on[e * NC__MAX + c] = 0;
				bad = 1;
			}
		}
	if (bad) {
		fc.d = admin_dict(r, "A_NTF_TITLE", AT_NOTIFY);
		form_check_field(&fc, "rules", "", "A_NTF_ERR_RULES");
		return nr_page(r, 422, fc.d, on);
	}
	if ((rc = nr_store(on)) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	return resp_redirect(r, "/admin/notify?saved=1");
}
