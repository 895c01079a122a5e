/* The text of a notification from the templates under templates/notify/:
 * event.txt (the sentence that says what happened), short.txt (SMS,
 * robots, webhook), mail.txt and mail.tpl (the text and
 * HTML parts of an e-mail). The wording is in the catalog (notify_msgs.c);
 * the .txt templates are plain text (no escaping: nothing in them is
 * HTML), mail.tpl is an HTML template like every page. */
#include "notify_send.h"
#include "arena.h"
#include "config.h"
#include "i18n.h"
#include "staff_name.h"
#include "tmpl.h"

#include <string.h>

static struct db_q q_name_mode = DB_Q(
    "SELECT value FROM settings WHERE name = 'track_staff_name'");

/* The technician as the customer may see him (the tracking page's rule);
 * staff messages name him in full. */
static const char *
nr_staff(struct arena *a, const struct notify_msg *m)
{
	struct db_res *res;
	const char *mode = NULL, *name;

	if (strcmp(m->rk, "customer") != 0 || *m->staff == '\0')
		return m->staff;
	if (db_query(a, &q_name_mode, &res, "") == DB_OK && res->nrows > 0)
		mode = db_gets(res, 0, 0);
	name = staff_public_name(a, m->staff, staff_name_mode_parse(mode));
	return name != NULL ? name : i18n(m->lang, "N_A_TECHNICIAN");
}

/* 1 for the messages about a ticket (the others name a part, a key
 * result or a week, and link to its page). */
static int
nr_is_ticket(enum notify_event e)
{
	return e != NE_REORDER && e != NE_KR_STALE && e != NE_WEEKLY;
}

static const char *
nr_link(struct arena *a, const struct notify_msg *m)
{
	if (m->event == NE_REORDER)
		return arena_printf(a, "%s/desk/parts/%s", cfg.base_url, m->code);
	if (m->event == NE_KR_STALE)
		return arena_printf(a, "%s/okr/krs/%s", cfg.base_url, m->code);
	if (m->event == NE_WEEKLY)
		return arena_printf(a, "%s/okr/weekly?week=%s", cfg.base_url, m->code);
	if (strcmp(m->rk, "customer") != 0)
		return arena_printf(a, "%s/desk/tickets/%lld", cfg.base_url, m->ticket_id);
	if (m->event == NE_RESOLVED)
		return arena_printf(a, "%s/survey/%s", cfg.base_url, m->code);
	return arena_printf(a, "%s/track/%s", cfg.base_url, m->code);
}

static tmpl_dict *
nr_dict(struct arena *a, const struct notify_msg *m, const char *link)
{
	tmpl_dict *d = tmpl_new();

	i18n_fill(d, m->lang);
	tmpl_show_section(d, arena_printf(a, "EV_%s", notify_event_name(m->event)));
	tmpl_set(d, "NUMBER", m->number);
	tmpl_set(d, "CUSTOMER", m->customer);
	tmpl_set(d, "STAFF", nr_staff(a, m));
	tmpl_set(d, "TEXT", m->text);
	tmpl_set(d, "URL", link);
	tmpl_set(d, "BRAND", i18n(m->lang, "APP_NAME"));
	if (*m->window != '\0') {
		tmpl_show_section(d, "HAS_WINDOW");
		tmpl_set(d, "WINDOW", m->window);
	}
	if (*m->text != '\0')
		tmpl_show_section(d, "HAS_TEXT");
	if (strcmp(m->rk, "customer") == 0)
		tmpl_show_section(d, "FOR_CUSTOMER");
	tmpl_show_section(d, nr_is_ticket(m->event) ? "IS_TICKET" : "NOT_TICKET");
	return d;
}

/* A template's output without the line breaks and blanks at its ends. */
static const char *
nr_trim(char *s)
{
	size_t n;

	if (s == NULL)
		return NULL;
	while (*s == '\n' || *s == ' ')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
	return s;
}

int
notify_render(struct arena *a, const struct notify_msg *m, struct notify_text *out)
{
	tmpl_dict *d;
	const char *subj_key = arena_printf(a, "N_SUBJ_%s", notify_event_name(m->event));

	memset(out, 0, sizeof(*out));
	out->link = nr_link(a, m);
	d = nr_dict(a, m, out->link);
	out->subject = *m->number != '\0' ? arena_printf(a, "%s %s", i18n(m->lang, subj_key),
	    m->number) : i18n(m->lang, subj_key);
	tmpl_set(d, "SENTENCE", nr_trim(tmpl_render(a, "notify/event.txt", d, NULL)));
	out->text = nr_trim(tmpl_render(a, "notify/short.txt", d, NULL));
	if (m->channel == NC_EMAIL) {
		tmpl_set(d, "SUBJECT", out->subject);
		out->html = tmpl_render(a, "notify/mail.tpl", d, NULL);
		out->text = nr_trim(tmpl_render(a, "notify/mail.txt", d, NULL));
	}
	tmpl_free(d);
	if (out->text == NULL || (m->channel == NC_EMAIL && out->html == NULL))
		return -1;
	return 0;
}
