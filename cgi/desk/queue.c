/* GET /desk/: the staff queue. Agents, supervisors and admins see every
 * ticket; a technician only those assigned to them (in the SQL, whatever
 * the filters say). Every query key is declared in qkeys[] with its
 * validator; a value that is not valid answers 400 naming the filter,
 * never a silently different list. Tickets flagged by the complaint
 * early warning (cgi/service/rules.h) carry a badge with the phrases that
 * matched; flagged=1 lists only them, replied=1 those the customer wrote to
 * last (a badge too). Reads: queue_db.c; what a worker keeps between
 * requests (lists, counts, plain pages): queue_cache.h; the bulk form and
 * saved views: queue_bulk.c, queue_views.c. */
#include "desk.h"
#include "queue_db.h"
#include "queue_cache.h"
#include "queue_drill.h"
#include "queue_views.h"
#include "arena.h"
#include "db.h"
#include "frag_cache.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "phone.h"
#include "search.h"
#include "tmpl.h"
#include "valid.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define QUEUE_TPL     "desk/queue.tpl"
#define SUMMARY_TPL   "desk/queue_summary.tpl"   /* the parts (queue_cache.h) */
#define FILTERS_TPL   "desk/queue_filters.tpl"
#define BULK_TPL      "desk/queue_bulk.tpl"
#define ROWS_TPL      "desk/queue_rows.tpl"
#define LISTS_PART_SECS 3600   /* parts of the lists: the version decides; a bound anyway */
#define QUEUE_Q_CHARS 100
#define DUE_SOON_SECS (2 * 3600)

/* The query keys, in the order they are checked (after needs sort). */
enum qkey { QK_STATUS, QK_PRIORITY, QK_CATEGORY, QK_ASSIGNEE, QK_TEAM, QK_CHANNEL,
	QK_OVERDUE, QK_FLAGGED, QK_REPLIED, QK_Q, QK_SORT, QK_METRIC, QK_FROM, QK_TO, QK_PART,
	QK_AFTER, QK__MAX };

/* Where the filters are read: the query string of GET /desk/, or the
 * form of POST /desk/views (a view being saved). */
typedef const char *(*qget_fn)(const struct req *, const char *);

/* One request's filters: the typed values and the accepted texts (for the
 * form and the links), NULL when a key was absent or empty. */
struct qstate {
	struct req          *r;
	const struct queue_lists *l;
	struct queue_filter  f;
	struct queue_drill   drill;       /* metric drill-down (queue_drill.h) */
	const char          *val[QK__MAX];
};

static const char *const sort_names[QS__MAX + 1] = { "newest", "oldest", "due", "priority", NULL };

/* Validators: v is non-empty; they fill s->f and return NULL, or the
 * catalog key of the problem. */
/* The statuses that are open (not resolved, closed or cancelled). */
static unsigned
open_mask(void)
{
	unsigned m = 0;
	int i;

	for (i = 0; i < TS__MAX; i++)
		if (ticket_status_open((enum ticket_status)i))
			m |= 1u << i;
	return m;
}

static const char *
check_status(struct qstate *s, const char *v)
{
	enum ticket_status st = ticket_status_parse(v);

	if (strcmp(v, "open") == 0)
		s->f.statuses = open_mask();
	else if (strcmp(v, "all") == 0)
		s->f.statuses = (1u << TS__MAX) - 1;
	else if (st < TS__MAX)
		s->f.statuses = 1u << st;
	else
		return "Q_ERR_VALUE";
	return NULL;
}

static const char *
check_priority(struct qstate *s, const char *v)
{
	return (s->f.priority = ticket_priority_parse(v)) < TP__MAX ? NULL : "Q_ERR_VALUE";
}

/* An id that must be one of the rows of list (column 0). */
static const char *
check_listed(const struct db_res *list, const char *v, long long *out)
{
	size_t i;

	if (valid_int(v, 1, LLONG_MAX, out) != NULL)
		return "Q_ERR_VALUE";
	for (i = 0; i < list->nrows; i++)
		if (db_get_int(list, i, 0) == *out)
			return NULL;
	return "Q_ERR_VALUE";
}

static const char *
check_category(struct qstate *s, const char *v)
{
	return check_listed(s->l->cats, v, &s->f.category);
}

static const char *
check_team(struct qstate *s, const char *v)
{
	return check_listed(s->l->teams, v, &s->f.team);
}

/* "me", "none" or a user id (any staff member may hold a ticket). A
 * technician may only ask for their own. */
static const char *
check_assignee(struct qstate *s, const char *v)
{
	const struct user *u = s->r->user;

	if (strcmp(v, "me") == 0)
		s->f.assignee = u->id;
	else if (strcmp(v, "none") == 0)
		s->f.assignee = QUEUE_NOBODY;
	else if (valid_int(v, 1, LLONG_MAX, &s->f.assignee) != NULL)
		return "Q_ERR_VALUE";
	if (u->role == ROLE_TECHNICIAN && s->f.assignee != u->id)
		return "Q_ERR_TECH_OWN";
	return NULL;
}

static const char *
check_channel(struct qstate *s, const char *v)
{
	return (s->f.channel = ticket_channel_parse(v)) < TC__MAX ? NULL : "Q_ERR_VALUE";
}

/* A checkbox: "1" or "0" into *out. */
static const char *
check_bool(const char *v, int *out)
{
	if (strcmp(v, "1") == 0)
		*out = 1;
	else if (strcmp(v, "0") == 0)
		*out = 0;
	else
		return "Q_ERR_VALUE";
	return NULL;
}

static const char *
check_overdue(struct qstate *s, const char *v)
{
	return check_bool(v, &s->f.overdue);
}

static const char *
check_flagged(struct qstate *s, const char *v)
{
	return check_bool(v, &s->f.flagged);
}

static const char *
check_replied(struct qstate *s, const char *v)
{
	return check_bool(v, &s->f.replied);
}

/* Bare distinct tokens of the boolean query "+t1 +t2* ..." into f. */
static void
split_tokens(struct arena *a, struct queue_filter *f)
{
	const char *p = f->ftq;

	while (*p != '\0' && f->ntokens < SEARCH_MAX_QUERY_TOKENS) {
		size_t n = strcspn(p, " "), k, i;
		const char *t = p + (*p == '+'), *end = p + n;

		if (end > t && end[-1] == '*')
			end--;
		k = (size_t)(end - t);
		for (i = 0; i < f->ntokens; i++)
			if (strlen(f->tokens[i]) == k && memcmp(f->tokens[i], t, k) == 0)
				break;
		if (i == f->ntokens && k > 0)
			f->tokens[f->ntokens++] = arena_strndup(a, t, k);
		p += n + (p[n] == ' ');
	}
}

/* R-20261122-0042, any case of the R. */
static int
is_ticket_number(const char *v)
{
	size_t i, n = strlen(v);

	if (n < 15 || n > 20 || (v[0] != 'R' && v[0] != 'r') || v[1] != '-' || v[10] != '-')
		return 0;
	for (i = 2; i < n; i++)
		if (i != 10 && !isdigit((unsigned char)v[i]))
			return 0;
	return 1;
}

static const char *
check_q(struct qstate *s, const char *v)
{
	const char *problem = valid_text(v, QUEUE_Q_CHARS, 0, 0);
	char *num, phone[PHONE_MAX];

	if (problem != NULL)
		return problem;
	if (is_ticket_number(v)) {
		num = arena_strdup(s->r->a, v);
		num[0] = 'R';
		s->f.number = num;
		return NULL;
	}
	/* Any spelling of a phone number searches its stored form. */
	if (phone_parse(v, phone, NULL) != PHONE_INVALID)
		v = arena_strdup(s->r->a, phone);
	if ((s->f.ftq = search_query(s->r->a, v)) == NULL)
		return "Q_ERR_Q_NOTHING";
	split_tokens(s->r->a, &s->f);
	return NULL;
}

static const char *
check_sort(struct qstate *s, const char *v)
{
	int i;

	if (valid_choice(v, sort_names, &i) != NULL)
		return "Q_ERR_VALUE";
	s->f.sort = (enum queue_sort)i;
	return NULL;
}

/* The keyset cursor: "<id>", or "<key>_<id>" for the due (epoch) and
 * priority (0..3) orders. */
static const char *
check_after(struct qstate *s, const char *v)
{
	const char *us = strchr(v, '_');
	long long max_key = s->f.sort == QS_PRIORITY ? TP__MAX - 1 : LLONG_MAX;
	int keyed = s->f.sort == QS_DUE || s->f.sort == QS_PRIORITY;

	if ((us != NULL) != keyed)
		return "Q_ERR_AFTER";
	if (keyed && valid_int(arena_strndup(s->r->a, v, (size_t)(us - v)), 0, max_key,
	    &s->f.after_key) != NULL)
		return "Q_ERR_AFTER";
	if (valid_int(keyed ? us + 1 : v, 0, LLONG_MAX, &s->f.after_id) != NULL)
		return "Q_ERR_AFTER";
	s->f.has_after = 1;
	return NULL;
}

/* The drill-down keys (queue_drill.c). */
static const char *
check_metric(struct qstate *s, const char *v)
{
	return queue_drill_check_metric(&s->drill, v);
}

static const char *
check_from(struct qstate *s, const char *v)
{
	return queue_drill_check_day(v, &s->drill.day_from);
}

static const char *
check_to(struct qstate *s, const char *v)
{
	return queue_drill_check_day(v, &s->drill.day_to);
}

static const char *
check_part(struct qstate *s, const char *v)
{
	return queue_drill_check_part(&s->drill, v);
}

static const struct qkey_rule {
	const char *name;     /* query key */
	const char *label;    /* catalog key naming it in messages */
	const char *(*check)(struct qstate *, const char *);
} qkeys[QK__MAX] = {
	[QK_STATUS]   = { "status",   "Q_STATUS",   check_status },
	[QK_PRIORITY] = { "priority", "Q_PRIORITY", check_priority },
	[QK_CATEGORY] = { "category", "Q_CATEGORY", check_category },
	[QK_ASSIGNEE] = { "assignee", "Q_ASSIGNEE", check_assignee },
	[QK_TEAM]     = { "team",     "Q_TEAM",     check_team },
	[QK_CHANNEL]  = { "channel",  "Q_CHANNEL",  check_channel },
	[QK_OVERDUE]  = { "overdue",  "Q_OVERDUE",  check_overdue },
	[QK_FLAGGED]  = { "flagged",  "Q_FLAGGED",  check_flagged },
	[QK_REPLIED]  = { "replied",  "Q_REPLIED",  check_replied },
	[QK_Q]        = { "q",        "Q_SEARCH",   check_q },
	[QK_SORT]     = { "sort",     "Q_SORT",     check_sort },
	[QK_METRIC]   = { "metric",   "QD_METRIC",  check_metric },
	[QK_FROM]     = { "from",     "QD_FROM",    check_from },
	[QK_TO]       = { "to",       "QD_TO",      check_to },
	[QK_PART]     = { "part",     "QD_PART",    check_part },
	[QK_AFTER]    = { "after",    "Q_AFTER",    check_after },
};

/* The drill-down's keys hang together, and a drill lists the metric's
 * tickets alone: only the slice (category, team, channel, assignee) and
 * the cursor go with it (status=all too, as older links said). */
static const char *
drill_complete(struct qstate *s, enum qkey *bad)
{
	static const enum qkey alone[] = { QK_STATUS, QK_PRIORITY, QK_OVERDUE, QK_FLAGGED,
		QK_REPLIED, QK_Q, QK_SORT };
	const char *problem, *key;
	size_t i;
	int k;

	problem = queue_drill_complete(&s->drill, s->val[QK_METRIC] != NULL,
	    s->val[QK_FROM] != NULL, s->val[QK_TO] != NULL, s->val[QK_PART] != NULL, &key);
	if (problem != NULL) {
		for (k = QK_METRIC; k <= QK_PART && strcmp(qkeys[k].name, key) != 0; k++)
			;
		*bad = (enum qkey)k;
		return problem;
	}
	if (s->drill.metric == METRIC__MAX)
		return NULL;
	if (s->val[QK_STATUS] == NULL)   /* a drill lists every status: the form says so */
		s->val[QK_STATUS] = "all";
	for (i = 0; i < sizeof(alone) / sizeof(alone[0]); i++) {
		if (s->val[alone[i]] == NULL ||
		    (alone[i] == QK_STATUS && strcmp(s->val[alone[i]], "all") == 0))
			continue;
		*bad = alone[i];
		return "QD_ERR_ALONE";
	}
	return NULL;
}

/* Read and check every key through get; *bad is the failing key on error. */
static const char *
qstate_read(struct qstate *s, qget_fn get, enum qkey *bad)
{
	const struct user *u = s->r->user;
	const char *problem;
	int k;

	s->f.priority = TP__MAX;
	s->f.channel = TC__MAX;
	s->f.only_assignee = u->role == ROLE_TECHNICIAN ? u->id : 0;
	queue_drill_init(&s->drill);
	(void)check_status(s, "open");
	for (k = 0; k < QK__MAX; k++) {
		const char *v = valid_trim(s->r->a, get(s->r, qkeys[k].name));

		if (v == NULL || *v == '\0')
			continue;
		if ((problem = qkeys[k].check(s, v)) != NULL) {
			*bad = (enum qkey)k;
			return problem;
		}
		s->val[k] = v;
	}
	/* A ticket number names one ticket: found whatever its status (the
	 * form's default "open" would hide a resolved one behind "none"). */
	if (s->f.number != NULL)
		(void)check_status(s, "all");
	return drill_complete(s, bad);
}

/* 400 naming the filter and what is wrong with it. */
static int
queue_bad_filter(struct req *r, enum qkey k, const char *problem)
{
	tmpl_dict *d = page_dict(r, "Q_ERR_FILTER");

	tmpl_set_int(d, "STATUS", 400);
	tmpl_set(d, "MESSAGE", arena_printf(r->a, "%s%s%s (%s) %s", i18n(r->lang, "Q_ERR_FILTER"),
	    i18n(r->lang, "Q_COLON"), i18n(r->lang, qkeys[k].label), qkeys[k].name,
	    i18n(r->lang, problem)));
	return resp_page(r, 400, "layout/error.tpl", d);
}

/* /desk/? with the accepted filters (except skip, QK__MAX for none) and
 * the cursor after (may be NULL). Arena. */
static const char *
queue_href(struct qstate *s, enum qkey skip, const char *after)
{
	const char *url = "/desk/?";
	const char *sep = "";
	int k;

	for (k = 0; k < QK_AFTER; k++) {
		if (k == (int)skip || s->val[k] == NULL)
			continue;
		url = arena_printf(s->r->a, "%s%s%s=%s", url, sep, qkeys[k].name,
		    url_encode(s->r->a, s->val[k]));
		sep = "&";
	}
	if (after != NULL)
		url = arena_printf(s->r->a, "%s%safter=%s", url, sep, after);
	return url;
}

/* One <option>; selected when value equals the accepted value of k. */
static void
add_option(struct qstate *s, tmpl_dict *d, const char *section, enum qkey k,
    const char *value, const char *label)
{
	tmpl_dict *o = tmpl_add_section(d, section);
	const char *cur = s->val[k] != NULL ? s->val[k] : "";

	tmpl_set(o, "VALUE", value);
	tmpl_set(o, "LABEL", label);
	if (strcmp(cur, value) == 0)
		tmpl_show_section(o, "SELECTED");
}

static const char *
lang_label(struct req *r, const char *prefix, const char *name)
{
	return i18n(r->lang, arena_printf(r->a, "%s%s", prefix, name));
}

static void
fill_enum_options(struct qstate *s, tmpl_dict *d)
{
	struct req *r = s->r;
	int i;

	add_option(s, d, "STATUS_OPTION", QK_STATUS, "open", i18n(r->lang, "Q_STATUS_OPEN"));
	add_option(s, d, "STATUS_OPTION", QK_STATUS, "all", i18n(r->lang, "Q_STATUS_ALL"));
	for (i = 0; i < TS__MAX; i++) {
		const char *n = ticket_status_name((enum ticket_status)i);
		add_option(s, d, "STATUS_OPTION", QK_STATUS, n, lang_label(r, "STATUS_", n));
	}
	for (i = TP__MAX - 1; i >= 0; i--) {
		const char *n = ticket_priority_name((enum ticket_priority)i);
		add_option(s, d, "PRIORITY_OPTION", QK_PRIORITY, n, lang_label(r, "PRIORITY_", n));
	}
	for (i = 0; i < TC__MAX; i++) {
		const char *n = ticket_channel_name((enum ticket_channel)i);
		add_option(s, d, "CHANNEL_OPTION", QK_CHANNEL, n, lang_label(r, "CHANNEL_", n));
	}
	for (i = 0; i < QS__MAX; i++)
		add_option(s, d, "SORT_OPTION", QK_SORT, sort_names[i],
		    lang_label(r, "Q_SORT_", sort_names[i]));
}

/* Options from a list: id in column 0, label in column col (or the
 * zh/en pair col, col + 1). */
static void
fill_list_options(struct qstate *s, tmpl_dict *d, const char *section, enum qkey k,
    const struct db_res *list, size_t col, int bilingual)
{
	int en = strcmp(s->r->lang, "en") == 0;
	size_t i;

	for (i = 0; i < list->nrows; i++)
		add_option(s, d, section, k, db_gets(list, i, 0),
		    db_gets(list, i, col + (size_t)(bilingual && en)));
}

static void
fill_form(struct qstate *s, tmpl_dict *d)
{
	int k;

	/* Within a drill-down the form narrows the metric's tickets by their
	 * slice: the drill goes along, the fields it stands alone against are
	 * shown but not sent (disabled). */
	if (s->drill.metric != METRIC__MAX) {
		tmpl_show_section(d, "IN_DRILL");
		for (k = QK_METRIC; k <= QK_PART; k++)
			if (s->val[k] != NULL) {
				tmpl_dict *f = tmpl_add_section(d, "DRILL_FIELD");

				tmpl_set(f, "NAME", qkeys[k].name);
				tmpl_set(f, "VALUE", s->val[k]);
			}
	}
	tmpl_set(d, "VAL_q", s->val[QK_Q]);
	if (s->f.overdue)
		tmpl_show_section(d, "OVERDUE_CHECKED");
	if (s->f.flagged)
		tmpl_show_section(d, "FLAGGED_CHECKED");
	if (s->f.replied)
		tmpl_show_section(d, "REPLIED_CHECKED");
	fill_enum_options(s, d);
	fill_list_options(s, d, "CATEGORY_OPTION", QK_CATEGORY, s->l->cats, 1, 1);
	fill_list_options(s, d, "TEAM_OPTION", QK_TEAM, s->l->teams, 1, 0);
	if (s->r->user->role != ROLE_TECHNICIAN) {
		tmpl_dict *a = tmpl_add_section(d, "ASSIGNEE_FILTER");

		add_option(s, a, "ASSIGNEE_OPTION", QK_ASSIGNEE, "me",
		    i18n(s->r->lang, "Q_ASSIGNEE_ME"));
		add_option(s, a, "ASSIGNEE_OPTION", QK_ASSIGNEE, "none",
		    i18n(s->r->lang, "Q_ASSIGNEE_NONE"));
		fill_list_options(s, a, "ASSIGNEE_OPTION", QK_ASSIGNEE, s->l->techs, 1, 0);
	}
}

/* A chip of the summary row for the open tickets with a marker (flagged,
 * customer replied): shown when there are any or the filter is on. */
static void
fill_marked_chip(tmpl_dict *d, const char *section, long long n, int on)
{
	tmpl_dict *c;

	if (n <= 0 && !on)
		return;
	c = tmpl_add_section(d, section);
	tmpl_set_int(c, "N", n);
	if (on)
		tmpl_show_section(c, "CURRENT");
}

/* The open tickets per status, each a link to that status, and the open
 * flagged and customer-replied ones. */
static void
fill_summary(struct qstate *s, tmpl_dict *d, const struct queue_counts *qc)
{
	const long long *counts = qc->by_status;
	long long total = 0;
	int i;

	for (i = 0; i < TS__MAX; i++) {
		const char *n = ticket_status_name((enum ticket_status)i);
		tmpl_dict *c;

		if (!ticket_status_open((enum ticket_status)i))
			continue;
		total += counts[i];
		c = tmpl_add_section(d, "COUNT");
		tmpl_set(c, "STATUS", n);
		tmpl_set(c, "LABEL", lang_label(s->r, "STATUS_", n));
		tmpl_set_int(c, "N", counts[i]);
		tmpl_set(c, "HREF", arena_printf(s->r->a, "/desk/?status=%s", n));
		if (s->val[QK_STATUS] != NULL && strcmp(s->val[QK_STATUS], n) == 0)
			tmpl_show_section(c, "CURRENT");
	}
	tmpl_set_int(d, "OPEN_TOTAL", total);
	fill_marked_chip(d, "FLAGGED_COUNT", qc->flagged, s->f.flagged);
	fill_marked_chip(d, "REPLIED_COUNT", qc->replied, s->f.replied);
}

/* "2026-11-27 10:00" (China time) of an epoch. */
static const char *
local_time_of(struct arena *a, long long epoch)
{
	time_t t = (time_t)epoch;
	struct tm tm;
	char utc[32];

	gmtime_r(&t, &tm);
	strftime(utc, sizeof(utc), "%Y-%m-%d %H:%M:%S", &tm);
	return fmt_local_time(a, utc);
}

/* The due time the queue shows of an open ticket: the first-response due
 * while a response is pending and it comes first, else the resolve due
 * (0: none); *response says which. */
static long long
row_due(const struct queue_row *q, int *response)
{
	*response = q->response_pending && q->response_due > 0 &&
	    (q->resolve_due == 0 || q->response_due < q->resolve_due);
	return *response ? q->response_due : q->resolve_due;
}

/* The China-time texts of each row's creation and due time (arena). */
static void
rows_localize(struct arena *a, struct queue_page *pg)
{
	size_t i;
	int response;

	for (i = 0; i < pg->nrows; i++) {
		struct queue_row *q = &pg->rows[i];
		long long due = row_due(q, &response);

		q->created_local = fmt_local_time(a, q->created);
		q->due_local = due > 0 ? local_time_of(a, due) : "";
	}
}

/* SLA state of an open ticket: overdue, paused, due within 2 h, or on
 * time, with the nearer of its due times. *changes becomes the moment
 * this row would show "due soon" when that is earlier. */
static void
fill_sla(struct req *r, tmpl_dict *row, const struct queue_row *q, time_t now,
    time_t *changes)
{
	int response;
	long long due = row_due(q, &response);
	const char *section;
	tmpl_dict *s;

	if (!ticket_status_open(q->status)) {
		tmpl_show_section(row, "SLA_CLOSED");
		return;
	}
	if (q->overdue)
		section = "SLA_OVERDUE";
	else if (q->paused)
		section = "SLA_PAUSED";
	else if (due > 0 && due - (long long)now < DUE_SOON_SECS)
		section = "SLA_SOON";
	else
		section = "SLA_OK";
	if (strcmp(section, "SLA_OK") == 0 && due > 0 && due - DUE_SOON_SECS < (long long)*changes)
		*changes = (time_t)(due - DUE_SOON_SECS);   /* "on time" turns "due soon" then */
	s = tmpl_add_section(row, section);
	if (due > 0 && (!q->paused || q->overdue)) {   /* a paused clock has no due yet */
		tmpl_dict *w = tmpl_add_section(s, "DUE");
		tmpl_set(w, "KIND", i18n(r->lang, response ? "Q_DUE_RESPONSE" : "Q_DUE_RESOLVE"));
		tmpl_set(w, "AT", q->due_local != NULL ? q->due_local : local_time_of(r->a, due));
	}
}

/* The labels of the statuses and priorities in the request's language,
 * looked up once per page. */
struct row_labels {
	const char *status[TS__MAX], *priority[TP__MAX];
};

static void
row_labels_init(struct req *r, struct row_labels *l)
{
	int i;

	for (i = 0; i < TS__MAX; i++)
		l->status[i] = lang_label(r, "STATUS_", ticket_status_name((enum ticket_status)i));
	for (i = 0; i < TP__MAX; i++)
		l->priority[i] = lang_label(r, "PRIORITY_",
		    ticket_priority_name((enum ticket_priority)i));
}

/* One row; pick: with a check box of the bulk form. */
static void
fill_row(struct req *r, tmpl_dict *d, const struct queue_row *q, time_t now, int pick,
    const struct row_labels *l, time_t *changes)
{
	tmpl_dict *row = tmpl_add_section(d, "ROW");
	const char *st = ticket_status_name(q->status), *pr = ticket_priority_name(q->priority);

	if (pick)
		tmpl_show_section(row, "PICK");
	tmpl_set_int(row, "ID", q->id);
	tmpl_set(row, "NUMBER", q->number);
	tmpl_set(row, "STATUS", st);
	tmpl_set(row, "STATUS_LABEL", q->status < TS__MAX ? l->status[q->status] : st);
	tmpl_set(row, "PRIORITY", pr);
	tmpl_set(row, "PRIORITY_LABEL", q->priority < TP__MAX ? l->priority[q->priority] : pr);
	tmpl_set(row, "CATEGORY", strcmp(r->lang, "en") == 0 ? q->category_en : q->category_zh);
	tmpl_set(row, "CUSTOMER", q->customer);
	tmpl_set(row, "PRODUCT", q->product);
	if (q->assignee[0] != '\0')
		tmpl_set(tmpl_add_section(row, "ASSIGNEE"), "NAME", q->assignee);
	else
		tmpl_show_section(row, "UNASSIGNED");
	tmpl_set(row, "CREATED", q->created_local != NULL ? q->created_local :
	    fmt_local_time(r->a, q->created));
	if (q->flagged) {
		tmpl_dict *f = tmpl_add_section(row, "FLAGGED");

		if (q->flag_phrases[0] != '\0')
			tmpl_set(tmpl_add_section(f, "PHRASES"), "TEXT", q->flag_phrases);
	}
	if (q->replied && ticket_status_open(q->status))
		tmpl_show_section(row, "REPLIED");
	fill_sla(r, row, q, now, changes);
}

/* The cursor after the last row of the page, in the page's sort order. */
static const char *
next_cursor(struct arena *a, enum queue_sort sort, const struct queue_row *last)
{
	if (sort == QS_DUE)
		return arena_printf(a, "%lld_%lld", last->resolve_due, last->id);
	if (sort == QS_PRIORITY)
		return arena_printf(a, "%d_%lld", (int)last->priority, last->id);
	return arena_printf(a, "%lld", last->id);
}

/* The results part; *changes: as fill_sla. */
static void
fill_rows(struct qstate *s, tmpl_dict *d, const struct queue_page *pg, time_t now,
    time_t *changes)
{
	struct row_labels labels;
	size_t i;

	if (s->f.has_after)
		tmpl_set(tmpl_add_section(d, "FIRST_PAGE"), "HREF", queue_href(s, QK__MAX, NULL));
	if (pg->nrows == 0) {
		tmpl_dict *e = tmpl_add_section(d, "NO_ROWS");
		if (s->val[QK_Q] != NULL && (s->val[QK_STATUS] == NULL ||
		    strcmp(s->val[QK_STATUS], "all") != 0))
			tmpl_set(tmpl_add_section(e, "SEARCH_ALL"), "HREF",
			    arena_printf(s->r->a, "%s&status=all", queue_href(s, QK_STATUS, NULL)));
		return;
	}
	tmpl_show_section(d, "HAS_ROWS");
	if (s->r->user->role != ROLE_TECHNICIAN)
		tmpl_show_section(d, "PICK_HEAD");
	row_labels_init(s->r, &labels);
	for (i = 0; i < pg->nrows; i++)
		fill_row(s->r, d, &pg->rows[i], now, s->r->user->role != ROLE_TECHNICIAN, &labels,
		    changes);
	if (pg->more)
		tmpl_set(tmpl_add_section(d, "NEXT_PAGE"), "HREF", queue_href(s, QK__MAX,
		    next_cursor(s->r->a, s->f.sort, &pg->rows[pg->nrows - 1])));
}

/* The name of id in list (column col, or the zh/en pair col, col + 1);
 * "#id" when it is not listed. Arena. */
static const char *
list_name(struct qstate *s, const struct db_res *list, long long id, size_t col,
    int bilingual)
{
	int en = strcmp(s->r->lang, "en") == 0;
	size_t i;

	for (i = 0; i < list->nrows; i++)
		if (db_get_int(list, i, 0) == id)
			return db_gets(list, i, col + (size_t)(bilingual && en));
	return arena_printf(s->r->a, "#%lld", id);
}

/* The banner of a drill-down: the metric, the period and each filter of
 * the slice by name. */
static void
fill_drill(struct qstate *s, tmpl_dict *d, long long count)
{
	struct req *r = s->r;
	const char *slice[4], *other;
	size_t n = 0;

	if (s->f.category > 0)
		slice[n++] = arena_printf(r->a, "%s %s", i18n(r->lang, "Q_CATEGORY"),
		    list_name(s, s->l->cats, s->f.category, 1, 1));
	if (s->f.team > 0)
		slice[n++] = arena_printf(r->a, "%s %s", i18n(r->lang, "Q_TEAM"),
		    list_name(s, s->l->teams, s->f.team, 1, 0));
	if (s->f.channel < TC__MAX)
		slice[n++] = arena_printf(r->a, "%s %s", i18n(r->lang, "Q_CHANNEL"),
		    lang_label(r, "CHANNEL_", ticket_channel_name(s->f.channel)));
	if (s->f.assignee != 0)
		slice[n++] = arena_printf(r->a, "%s %s", i18n(r->lang, "Q_ASSIGNEE"),
		    s->f.assignee == QUEUE_NOBODY ? i18n(r->lang, "Q_ASSIGNEE_NONE") :
		    list_name(s, s->l->techs, s->f.assignee, 1, 0));
	other = s->drill.part ? queue_href(s, QK_PART, NULL) :
	    arena_printf(r->a, "%s&part=1", queue_href(s, QK__MAX, NULL));
	queue_drill_banner(r, d, &s->drill, slice, n, count, other, "/desk/");
}

/* The filters of a form being saved as a view (POST /desk/views), checked
 * as GET /desk/ checks them: queue_views.h. */
const char *
queue_form_filters(struct req *r, const struct queue_lists *l, const char **problem)
{
	struct qstate s;
	enum qkey bad = QK__MAX;
	const char *p, *href;

	memset(&s, 0, sizeof(s));
	s.r = r;
	s.l = l;
	if ((p = qstate_read(&s, req_form, &bad)) != NULL) {
		*problem = arena_printf(r->a, "%s%s%s (%s) %s", i18n(r->lang, "Q_ERR_FILTER"),
		    i18n(r->lang, "Q_COLON"), i18n(r->lang, qkeys[bad].label), qkeys[bad].name,
		    i18n(r->lang, p));
		return NULL;
	}
	href = queue_href(&s, QK__MAX, NULL);
	return href + strlen("/desk/?");
}

/* The page's rows (a drill-down's, or the filters'); a plain view's from
 * the worker's copy while it is fresh (queue_cache.h). *until: the end of
 * a kept copy's use (0: the rows are not kept). */
static enum db_rc
fetch_rows(struct req *r, struct qstate *s, const struct queue_keys *keys,
    const struct queue_counts *qc, struct queue_page *pg, long long *drilled, time_t *until)
{
	char key[64];
	int plain;
	enum db_rc rc;

	memset(pg, 0, sizeof(*pg));
	*until = 0;
	if (s->drill.metric != METRIC__MAX)
		return queue_drill_fetch(r->a, &s->drill, &s->f, pg, drilled);
	if (s->f.statuses == 0)
		return DB_OK;
	plain = queue_plain_key(&s->f, key, sizeof(key));
	if (plain && queue_cache_page_get(r->a, keys, key, pg, until))
		return DB_OK;
	if ((rc = queue_fetch(r->a, &s->f, qc->by_status, pg)) == DB_OK && plain) {
		rows_localize(r->a, pg);   /* kept with the copy: formatted once */
		queue_cache_page_put(keys, key, pg);
		*until = time(NULL) + QUEUE_COUNTS_TTL;
	}
	return rc;
}

/* --- the parts of the page (queue_cache.h) ----------------------------------
 * Each part is rendered from its own template into the page as NAME_HTML
 * (":none" in queue.tpl: the text is a template's output, escaped there).
 * Its dictionary is an include of the page's, so it sees the page's
 * catalog and title. A part is named by everything it is made from that a
 * request chooses; the data it is made from gives its version and end. */

/* Render the part of template file filled into p as key of d, and keep it
 * as name of cache c (name NULL: not kept) at version until until. 0, or
 * -1 on a template error. */
static int
part_put(struct req *r, tmpl_dict *d, const char *key, const char *file, tmpl_dict *p,
    enum queue_part c, const char *name, long long version, time_t now, time_t until,
    long long aux)
{
	size_t len;
	const char *html = tmpl_render(r->a, file, p, &len);

	if (html == NULL)
		return -1;
	if (name != NULL)
		frag_put(queue_cache_part(c), name, version, now, until, html, len, aux);
	tmpl_setn(d, key, html, len);
	return 0;
}

/* The kept part name of cache c at version into key of d: 1, or 0 when
 * there is none fresh (*aux: its number). */
static int
part_get(tmpl_dict *d, const char *key, enum queue_part c, const char *name,
    long long version, time_t now, long long *aux)
{
	const struct frag *f = frag_get(queue_cache_part(c), name, version, now);

	if (f == NULL)
		return 0;
	tmpl_setn(d, key, f->text, f->len);
	if (aux != NULL)
		*aux = f->aux;
	return 1;
}

/* The summary row: by language, scope and the chips marked current; made
 * from the counts, so kept as long as they are. */
static int
put_summary(struct qstate *s, tmpl_dict *d, const struct queue_keys *k,
    const struct queue_counts *qc, time_t now)
{
	struct req *r = s->r;
	const char *name = arena_printf(r->a, "%s|%lld|%s|%d|%d", r->lang, s->f.only_assignee,
	    s->val[QK_STATUS] != NULL ? s->val[QK_STATUS] : "", s->f.flagged, s->f.replied);
	tmpl_dict *p;

	if (part_get(d, "SUMMARY_HTML", QP_SUMMARY, name, k->last_event, now, NULL))
		return 0;
	p = tmpl_add_include(d, "PART_SUMMARY", SUMMARY_TPL);
	fill_summary(s, p, qc);
	return part_put(r, d, "SUMMARY_HTML", SUMMARY_TPL, p, QP_SUMMARY, name, k->last_event,
	    now, qc->until, 0);
}

/* The filter form: by language, role class and the whole accepted query
 * (selected options, search text, check boxes); made from the lists. */
static int
put_filters(struct qstate *s, tmpl_dict *d, const struct queue_keys *k, time_t now)
{
	struct req *r = s->r;
	const char *name = k->lists_version < 0 ? NULL : arena_printf(r->a, "%s|%d|%s", r->lang,
	    r->user->role == ROLE_TECHNICIAN, queue_href(s, QK__MAX, NULL));
	tmpl_dict *p;

	if (name != NULL &&
	    part_get(d, "FILTERS_HTML", QP_FILTERS, name, k->lists_version, now, NULL))
		return 0;
	p = tmpl_add_include(d, "PART_FILTERS", FILTERS_TPL);
	fill_form(s, p);
	return part_put(r, d, "FILTERS_HTML", FILTERS_TPL, p, QP_FILTERS, name, k->lists_version,
	    now, now + LISTS_PART_SECS, 0);
}

/* The bulk form's choices (by language; made from the lists) in section
 * BULK with the page's own return address. */
static int
put_bulk(struct qstate *s, tmpl_dict *d, const struct queue_keys *k, time_t now)
{
	struct req *r = s->r;
	tmpl_dict *b = tmpl_add_section(d, "BULK"), *p;
	const char *name = k->lists_version < 0 ? NULL : r->lang;

	tmpl_set(b, "BACK", queue_href(s, QK__MAX, s->val[QK_AFTER]));
	if (name != NULL && part_get(b, "BULK_HTML", QP_BULK, name, k->lists_version, now, NULL))
		return 0;
	p = tmpl_add_include(d, "PART_BULK", BULK_TPL);
	queue_bulk_fill(r, p, s->l);
	return part_put(r, b, "BULK_HTML", BULK_TPL, p, QP_BULK, name, k->lists_version, now,
	    now + LISTS_PART_SECS, 0);
}

/* The results (rows and pager). A plain view's are kept by language, check
 * boxes, page and query (its pager's links) as long as the page's rows,
 * and not past the first moment a row's SLA badge turns "due soon". A
 * drill-down and a filtered view are rendered for each request. *nrows:
 * the rows on the page; *drilled: a drill-down's count. */
static int
put_rows(struct qstate *s, tmpl_dict *d, const struct queue_keys *k,
    const struct queue_counts *qc, time_t now, long long *nrows, long long *drilled)
{
	struct req *r = s->r;
	int pick = r->user->role != ROLE_TECHNICIAN;
	const char *name = NULL;
	struct queue_page pg;
	char key[64];
	time_t until, changes = (time_t)LLONG_MAX;
	tmpl_dict *p;

	if (s->drill.metric == METRIC__MAX && s->f.statuses != 0 &&
	    queue_plain_key(&s->f, key, sizeof(key))) {
		name = arena_printf(r->a, "%s|%d|%s|%s", r->lang, pick, key,
		    queue_href(s, QK__MAX, NULL));
		if (part_get(d, "RESULTS_HTML", QP_ROWS, name, k->last_event, now, nrows))
			return 0;
	}
	if (fetch_rows(r, s, k, qc, &pg, drilled, &until) != DB_OK)
		return -2;
	*nrows = (long long)pg.nrows;
	p = tmpl_add_include(d, "PART_ROWS", ROWS_TPL);
	fill_rows(s, p, &pg, now, &changes);
	if (until == 0)
		name = NULL;
	return part_put(r, d, "RESULTS_HTML", ROWS_TPL, p, QP_ROWS, name, k->last_event, now,
	    changes < until ? changes : until, *nrows);
}

/* Check boxes and the bulk form for agents and up; every role's views,
 * with the accepted filters as the fields of the form that saves them.
 * 0, or -1 on a template error. */
static int
fill_actions(struct qstate *s, tmpl_dict *d, const struct queue_keys *k, long long nrows,
    time_t now, const struct db_res *views)
{
	const char *current = queue_href(s, QK__MAX, NULL) + strlen("/desk/?");
	tmpl_dict *v;
	int kk;

	if (s->r->user->role != ROLE_TECHNICIAN && nrows > 0 && put_bulk(s, d, k, now) != 0)
		return -1;
	queue_bulk_confirm(s->r, d);
	v = queue_views_fill(s->r, d, current, views);
	for (kk = 0; kk < QK_AFTER; kk++)
		if (s->val[kk] != NULL) {
			tmpl_dict *f = tmpl_add_section(v, "SAVE_FIELD");

			tmpl_set(f, "NAME", qkeys[kk].name);
			tmpl_set(f, "VALUE", s->val[kk]);
		}
	return 0;
}

/* The page of a checked request: every part, then the user's own. */
static int
queue_page_out(struct req *r, struct qstate *s, const struct queue_keys *k,
    const struct queue_counts *qc, const struct db_res *views)
{
	time_t now = time(NULL);
	long long nrows = 0, drilled = 0;
	tmpl_dict *d = page_dict(r, "Q_TITLE");
	int rc;

	if ((rc = put_rows(s, d, k, qc, now, &nrows, &drilled)) == 0) {
		if (s->drill.metric != METRIC__MAX)
			fill_drill(s, d, drilled);
		if (r->user->role == ROLE_TECHNICIAN)
			tmpl_show_section(d, "TECH_NOTE");
		else
			tmpl_show_section(d, "CAN_CREATE");
		if ((rc = put_summary(s, d, k, qc, now)) == 0 &&
		    (rc = put_filters(s, d, k, now)) == 0)
			rc = fill_actions(s, d, k, nrows, now, views);
	}
	if (rc == 0)
		return resp_page(r, 200, QUEUE_TPL, d);
	tmpl_free(d);
	return rc == -2 ? resp_error(r, 503, "ERR_DB_DOWN") : resp_error(r, 500, "ERR_INTERNAL");
}

int
queue_get(struct req *r)
{
	struct queue_keys keys;
	struct queue_lists l;
	struct queue_counts qc;
	struct qstate s;
	const struct db_res *views;
	const char *problem;
	enum qkey bad = QK__MAX;

	if (queue_cache_keys(r, &keys) != DB_OK || queue_cache_lists(r->a, &keys, &l) != DB_OK ||
	    queue_cache_views(r->a, &keys, r->user->id, &views) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	memset(&s, 0, sizeof(s));
	s.r = r;
	s.l = &l;
	if ((problem = qstate_read(&s, req_query, &bad)) != NULL)
		return queue_bad_filter(r, bad, problem);
	if (s.f.overdue)   /* only open tickets can be overdue */
		s.f.statuses &= open_mask();
	if (queue_cache_counts(r->a, &keys, s.f.only_assignee, &qc) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	return queue_page_out(r, &s, &keys, &qc, views);
}
