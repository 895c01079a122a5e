/* Bulk changes from the queue: POST /desk/bulk with the check boxes of the
 * page's rows (field "id", once per ticket), the action ("op": assign,
 * status or priority) and its fields, and "back", the queue view the form
 * was on. Everything is checked before anything changes (422, or 400 for
 * a "back" that is not a queue view: nothing written); then each ticket
 * goes through its own transaction (cgi/service/ticket_bulk.h): the state
 * machine may refuse some, the others are changed. The answer is a 303 to
 * the same view with ?done=bulk and the outcome: how many changed, how
 * many were so already, and the numbers of the tickets refused or failed.
 * The page shows only what those keys can say: counts, a status or
 * priority name, and ticket numbers of the R-YYYYMMDD-NNNN shape. */
#include "desk.h"
#include "queue_views.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "ticket_bulk.h"
#include "valid.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>

#define BACK_MAX 2000

static const char *const op_names[BULK__MAX + 1] = { "assign", "status", "priority", NULL };

const char *
queue_back(struct req *r)
{
	const char *b = req_form(r, "back");

	if (b == NULL || strlen(b) > BACK_MAX || !local_path_ok(b))
		return NULL;
	if (strcmp(b, "/desk/") != 0 && strncmp(b, "/desk/?", 7) != 0)
		return NULL;
	return b;
}

const char *
queue_back_done(struct req *r, const char *back, const char *key, const char *more)
{
	return arena_printf(r->a, "%s%sdone=%s%s", back, strchr(back, '?') != NULL ?
	    (back[strlen(back) - 1] == '?' ? "" : "&") : "?", key, more);
}

int
queue_form_refused_to(struct req *r, int status, const char *msg, const char *back)
{
	tmpl_dict *d = page_dict(r, "QB_ERR_TITLE");

	tmpl_set_int(d, "STATUS", status);
	tmpl_set(d, "MESSAGE", msg);
	tmpl_set(d, "HOME_HREF", back != NULL ? back : "/desk/");
	tmpl_set(d, "ERR_BACK", i18n(r->lang, "QB_BACK_QUEUE"));   /* the view it came from */
	return resp_page(r, status, "layout/error.tpl", d);
}

int
queue_form_refused(struct req *r, int status, const char *msg)
{
	return queue_form_refused_to(r, status, msg, queue_back(r));
}

/* --- the form on the queue ------------------------------------------------ */

static void
add_choice(tmpl_dict *d, const char *section, const char *value, const char *label)
{
	tmpl_dict *o = tmpl_add_section(d, section);

	tmpl_set(o, "VALUE", value);
	tmpl_set(o, "LABEL", label);
}

void
queue_bulk_fill(struct req *r, tmpl_dict *b, const struct queue_lists *l)
{
	size_t i;
	int k;

	for (i = 0; i < l->teams->nrows; i++)
		add_choice(b, "TEAM_CHOICE", db_gets(l->teams, i, 0), db_gets(l->teams, i, 1));
	for (i = 0; i < l->techs->nrows; i++)
		add_choice(b, "TECH_CHOICE", db_gets(l->techs, i, 0), db_gets(l->techs, i, 1));
	for (k = 0; k < TS__MAX; k++) {
		const char *n = ticket_status_name((enum ticket_status)k);

		if (k != TS_NEW)   /* nothing moves back to "new" */
			add_choice(b, "STATUS_CHOICE", n,
			    i18n(r->lang, arena_printf(r->a, "STATUS_%s", n)));
	}
	for (k = TP__MAX - 1; k >= 0; k--) {
		const char *n = ticket_priority_name((enum ticket_priority)k);

		add_choice(b, "PRIORITY_CHOICE", n,
		    i18n(r->lang, arena_printf(r->a, "PRIORITY_%s", n)));
	}
}

/* --- the confirmation ------------------------------------------------------ */

/* "R-20261204-0042": R, -, 8 digits, -, 1-6 digits. */
static int
number_shape(const char *v, size_t n)
{
	size_t i;

	if (n < 12 || n > 17 || v[0] != 'R' || v[1] != '-' || v[10] != '-')
		return 0;
	for (i = 2; i < n; i++)
		if (i != 10 && !isdigit((unsigned char)v[i]))
			return 0;
	return 1;
}

/* Section key of d with one TICKET per number of the list v
 * ("R-...,R-..."); nothing when v is absent or any part is not a number. */
static void
fill_numbers(struct req *r, tmpl_dict *d, const char *key, const char *msg, const char *v)
{
	const char *p;
	tmpl_dict *s;
	size_t n, count = 0;

	if (v == NULL || *v == '\0' || strlen(v) > BULK_MAX * 18)
		return;
	for (p = v; *p != '\0'; p += n + (p[n] == ',')) {
		n = strcspn(p, ",");
		if (!number_shape(p, n))
			return;
	}
	s = tmpl_add_section(d, key);
	tmpl_set(s, "MSG", msg);
	for (p = v; *p != '\0' && count < BULK_MAX; p += n + (p[n] == ','), count++) {
		tmpl_dict *t = tmpl_add_section(s, "TICKET");
		const char *num = arena_strndup(r->a, p, n = strcspn(p, ","));

		tmpl_set(t, "NUMBER", num);
		tmpl_set(t, "HREF", arena_printf(r->a, "/desk/?q=%s&status=all", num));
	}
}

/* The catalog key of a count: QB_N_ONE or QB_N_MANY + suffix. */
static const char *
count_msg(struct req *r, const char *stem, long long n)
{
	return i18n(r->lang, arena_printf(r->a, "%s_%s", stem, n == 1 ? "ONE" : "MANY"));
}

static void
confirm_bulk(struct req *r, tmpl_dict *d)
{
	long long n, same = 0;
	const char *to = req_query(r, "bulk_to"), *label = NULL, *refused_key;
	int op;
	tmpl_dict *c;

	if (valid_choice(req_query(r, "bulk_op"), op_names, &op) != NULL ||
	    valid_int(req_query(r, "bulk_n"), 0, BULK_MAX, &n) != NULL)
		return;
	if (req_query(r, "bulk_same") != NULL &&
	    valid_int(req_query(r, "bulk_same"), 0, BULK_MAX, &same) != NULL)
		return;
	if (op == BULK_STATUS && ticket_status_parse(to) < TS__MAX)
		label = i18n(r->lang, arena_printf(r->a, "STATUS_%s", to));
	c = tmpl_add_section(d, "BULK_DONE");
	tmpl_set_int(c, "N", n);
	tmpl_set(c, "BEFORE", i18n(r->lang, "QB_DONE_BEFORE"));
	tmpl_set(c, "AFTER", count_msg(r, "QB_DONE", n));
	if (same > 0) {
		tmpl_dict *s = tmpl_add_section(c, "SAME");

		tmpl_set_int(s, "N", same);
		tmpl_set(s, "AFTER", count_msg(r, "QB_SAME", same));
	}
	refused_key = op == BULK_STATUS ? "QB_REFUSED_STATUS" : op == BULK_ASSIGN ?
	    "QB_REFUSED_ASSIGN" : "QB_REFUSED_PRIORITY";
	fill_numbers(r, c, "REFUSED", label != NULL ?
	    arena_printf(r->a, "%s%s%s", i18n(r->lang, "QB_REFUSED_TO"), label,
	    i18n(r->lang, "QB_REFUSED_TO_END")) : i18n(r->lang, refused_key),
	    req_query(r, "bulk_refused"));
	fill_numbers(r, c, "FAILED", i18n(r->lang, "QB_FAILED"), req_query(r, "bulk_failed"));
}

void
queue_bulk_confirm(struct req *r, tmpl_dict *d)
{
	const char *done = req_query(r, "done");

	if (done == NULL)
		return;
	if (strcmp(done, "bulk") == 0)
		confirm_bulk(r, d);
	else if (strcmp(done, "view_saved") == 0)
		tmpl_set(tmpl_add_section(d, "CONFIRM"), "MSG", i18n(r->lang, "QV_SAVED"));
	else if (strcmp(done, "view_deleted") == 0)
		tmpl_set(tmpl_add_section(d, "CONFIRM"), "MSG", i18n(r->lang, "QV_DELETED"));
}

/* --- POST /desk/bulk ------------------------------------------------------- */

/* The id fields of the form into ids. */
static const char *
read_ids(struct req *r, long long ids[BULK_MAX], size_t *n)
{
	const char **vals = arena_alloc(r->a, (r->body.nfields + 1) * sizeof(*vals));
	size_t i, k = 0;

	for (i = 0; i < r->body.nfields; i++)
		if (strcmp(r->body.fields[i].name, "id") == 0)
			vals[k++] = r->body.fields[i].val;
	return bulk_ids_parse(vals, k, ids, n);
}

/* An optional id of a select that must be one of list's rows. */
static const char *
listed_id(const char *v, const struct db_res *list, long long *out)
{
	size_t i;

	*out = 0;
	if (v == NULL || *v == '\0')
		return NULL;
	if (valid_int(v, 1, LLONG_MAX, out) != NULL)
		return "QB_ERR_CHOICE";
	for (i = 0; i < list->nrows; i++)
		if (db_get_int(list, i, 0) == *out)
			return NULL;
	return "QB_ERR_CHOICE";
}

/* The change asked for; NULL or the catalog key of the problem. */
static const char *
read_change(struct req *r, const struct queue_lists *l, struct bulk_change *c)
{
	const char *problem;
	int op;

	memset(c, 0, sizeof(*c));
	c->to = TS__MAX;
	c->priority = TP__MAX;
	if (valid_choice(req_form(r, "op"), op_names, &op) != NULL)
		return "QB_ERR_OP";
	c->op = (enum bulk_op)op;
	switch (c->op) {
	case BULK_ASSIGN:
		if ((problem = listed_id(req_form(r, "assignee"), l->techs, &c->assignee)) != NULL ||
		    (problem = listed_id(req_form(r, "team"), l->teams, &c->team)) != NULL)
			return problem;
		return c->assignee == 0 && c->team == 0 ? "QB_ERR_ASSIGN_NONE" : NULL;
	case BULK_STATUS:
		c->to = ticket_status_parse(req_form(r, "status"));
		return c->to < TS__MAX && c->to != TS_NEW ? NULL : "QB_ERR_STATUS";
	default:
		c->priority = ticket_priority_parse(req_form(r, "priority"));
		return c->priority < TP__MAX ? NULL : "QB_ERR_PRIORITY";
	}
}

/* ",R-..." for each result with outcome o, URL-safe as it is. */
static const char *
numbers_of(struct req *r, const struct bulk_result *res, size_t n, enum bulk_outcome o,
    size_t *count)
{
	const char *out = "";
	size_t i;

	*count = 0;
	for (i = 0; i < n; i++)
		if (res[i].outcome == o && res[i].number[0] != '\0') {
			out = arena_printf(r->a, "%s%s%s", out, *count > 0 ? "," : "", res[i].number);
			(*count)++;
		}
	return out;
}

int
queue_bulk_post(struct req *r)
{
	struct ticket_actor who = { ACTOR_STAFF, r->user->id };
	struct queue_keys keys;
	struct queue_lists l;
	struct bulk_change c;
	struct bulk_result *res;
	long long ids[BULK_MAX];
	const char *back = queue_back(r), *problem, *refused, *failed, *more, *to = "";
	size_t n, changed, same = 0, nref, nfail, i;

	if (back == NULL)
		return queue_form_refused(r, 400, i18n(r->lang, "QB_ERR_BACK"));
	if ((problem = read_ids(r, ids, &n)) != NULL)
		return queue_form_refused(r, 422, i18n(r->lang, problem));
	if (queue_cache_keys(r, &keys) != DB_OK || queue_cache_lists(r->a, &keys, &l) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if ((problem = read_change(r, &l, &c)) != NULL)
		return queue_form_refused(r, 422, i18n(r->lang, problem));
	res = arena_alloc(r->a, n * sizeof(*res));
	changed = ticket_bulk_apply(r->a, ids, n, &c, &who, res);
	for (i = 0; i < n; i++)
		same += res[i].outcome == BULK_UNCHANGED;
	refused = numbers_of(r, res, n, BULK_REFUSED, &nref);
	failed = numbers_of(r, res, n, BULK_FAILED, &nfail);
	if (c.op == BULK_STATUS)
		to = ticket_status_name(c.to);
	else if (c.op == BULK_PRIORITY)
		to = ticket_priority_name(c.priority);
	more = arena_printf(r->a, "&bulk_op=%s&bulk_n=%zu&bulk_same=%zu%s%s%s%s%s%s",
	    op_names[c.op], changed, same, *to != '\0' ? "&bulk_to=" : "", to,
	    nref > 0 ? "&bulk_refused=" : "", refused, nfail > 0 ? "&bulk_failed=" : "", failed);
	return resp_redirect(r, queue_back_done(r, back, "bulk", more));
}
