/* GET /okr/krs/<id> — one key result: its figures, where its value comes
 * from (a metric with its filter and the link to the tickets behind it),
 * the history line (server-rendered SVG: templates/okr/chart_line.tpl),
 * the append-only check-ins and the initiatives under it.
 * POST /okr/krs/<id>/checkins — value (manual key results only),
 * confidence, comment: by the key result's or the objective's owner or a
 * manager; 422 with values kept, 303 to the page.
 * POST /okr/krs/<id>/initiatives — an initiative: title, owner, status,
 * due date, optional ticket number and knowledge-base article. */
#include "okr_pages.h"
#include "arena.h"
#include "fmt.h"
#include "route.h"
#include "metric_key.h"
#include "svg.h"
#include "valid.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const confidences[] = { "on_track", "at_risk", "off_track", NULL };
static const char *const init_states[] = { "planned", "doing", "done", "dropped", NULL };

static struct db_q q_checkins = DB_Q(
    "SELECT c.value, c.confidence, c.comment, u.name, c.created_at FROM okr_checkins c"
    " JOIN users u ON u.id = c.user_id WHERE c.kr_id = ? ORDER BY c.id DESC LIMIT 200");
static struct db_q q_checkin_add = DB_Q(
    "INSERT INTO okr_checkins (kr_id, value, confidence, comment, user_id, created_at)"
    " VALUES (?, IF(? = 1, ?, NULL), ?, ?, ?, UTC_TIMESTAMP())");
static struct db_q q_kr_confidence = DB_Q(
    "UPDATE okr_krs SET confidence = ?, confidence_note = LEFT(?, 255),"
    " updated_at = UTC_TIMESTAMP() WHERE id = ?");
static struct db_q q_inits = DB_Q(
    "SELECT i.id, i.title, u.name, i.status, i.due_on, t.id, t.number, a.id, a.title"
    " FROM okr_initiatives i LEFT JOIN users u ON u.id = i.owner_id"
    " LEFT JOIN tickets t ON t.id = i.ticket_id LEFT JOIN kb_articles a ON a.id = i.kb_article_id"
    " WHERE i.kr_id = ? ORDER BY i.id");
static struct db_q q_init_add = DB_Q(
    "INSERT INTO okr_initiatives (kr_id, title, owner_id, status, due_on, ticket_id,"
    " kb_article_id, created_at) VALUES (?, ?, NULLIF(?, 0), ?, NULLIF(?, ''), NULLIF(?, 0),"
    " NULLIF(?, 0), UTC_TIMESTAMP())");
static struct db_q q_ticket_by_number = DB_Q("SELECT id FROM tickets WHERE number = ?");
static struct db_q q_article_ok = DB_Q("SELECT 1 FROM kb_articles WHERE id = ?");

/* The history line and the target as a second line. */
static enum db_rc
fill_history(struct req *r, tmpl_dict *d, const struct okr_board *b, const struct okr_kr *k)
{
	struct okr_point *pts;
	struct svg_series s[2];
	struct svg_chart c;
	const char **xl, **tips;
	double *v, *t;
	int *has, *all;
	size_t n, i;
	enum db_rc rc;

	if ((rc = okr_kr_history(r->a, k, &b->cycle, b->now, &pts, &n)) != DB_OK)
		return rc;
	v = arena_zalloc(r->a, (n + 1) * sizeof(*v));
	t = arena_zalloc(r->a, (n + 1) * sizeof(*t));
	has = arena_zalloc(r->a, (n + 1) * sizeof(*has));
	all = arena_zalloc(r->a, (n + 1) * sizeof(*all));
	xl = arena_zalloc(r->a, (n + 1) * sizeof(*xl));
	tips = arena_zalloc(r->a, (n + 1) * sizeof(*tips));
	for (i = 0; i < n; i++) {
		v[i] = pts[i].value;
		has[i] = pts[i].has;
		t[i] = k->target;
		all[i] = 1;
		tips[i] = metric_day_text(r->a, metric_day_of(pts[i].at));
		xl[i] = tips[i] + 5;
	}
	memset(&c, 0, sizeof(c));
	c.caption = i18n(r->lang, "O_HISTORY");
	c.n = n;
	c.xlabels = xl;
	c.tips = tips;
	c.unit = k->unit;
	c.decimals = 2;
	s[0].label = i18n(r->lang, "O_VALUE");
	s[0].cls = "s1";
	s[0].v = v;
	s[0].has = has;
	s[1].label = i18n(r->lang, "O_F_TARGET");
	s[1].cls = "s2";
	s[1].v = t;
	s[1].has = all;
	c.series = s;
	c.nseries = 2;
	svg_line_fill(r->a, tmpl_add_include(d, "HISTORY", "okr/chart_line.tpl"), &c);
	return DB_OK;
}

static enum db_rc
fill_checkins(struct req *r, tmpl_dict *d, const struct okr_kr *k)
{
	struct db_res *res;
	tmpl_dict *s;
	size_t i;
	enum db_rc rc;

	if ((rc = db_query(r->a, &q_checkins, &res, "i", k->id)) != DB_OK)
		return rc;
	for (i = 0; i < res->nrows; i++) {
		s = tmpl_add_section(d, "CHECKIN");
		tmpl_set(s, "VALUE", db_get(res, i, 0) != NULL ?
		    okr_num(r->a, strtod(db_gets(res, i, 0), NULL)) : "—");
		tmpl_set(s, "CONF", db_gets(res, i, 1));
		tmpl_set(s, "CONF_LABEL", i18n(r->lang, arena_printf(r->a, "O_ST_%s",
		    db_gets(res, i, 1))));
		tmpl_set(s, "COMMENT", db_gets(res, i, 2));
		tmpl_set(s, "WHO", db_gets(res, i, 3));
		tmpl_set(s, "AT", fmt_local_time(r->a, db_get(res, i, 4)));
	}
	if (res->nrows == 0)
		tmpl_show_section(d, "NO_CHECKINS");
	return DB_OK;
}

static enum db_rc
fill_initiatives(struct req *r, tmpl_dict *d, const struct okr_kr *k)
{
	struct db_res *res;
	tmpl_dict *s, *l;
	size_t i;
	enum db_rc rc;

	if ((rc = db_query(r->a, &q_inits, &res, "i", k->id)) != DB_OK)
		return rc;
	for (i = 0; i < res->nrows; i++) {
		s = tmpl_add_section(d, "INITIATIVE");
		tmpl_set(s, "TITLE", db_gets(res, i, 1));
		tmpl_set(s, "OWNER", db_get(res, i, 2) != NULL ? db_gets(res, i, 2) : "—");
		tmpl_set(s, "ISTATUS", db_gets(res, i, 3));
		tmpl_set(s, "ISTATUS_LABEL", i18n(r->lang, arena_printf(r->a, "O_INIT_%s",
		    db_gets(res, i, 3))));
		tmpl_set(s, "DUE", db_get(res, i, 4) != NULL ? db_gets(res, i, 4) : "—");
		if (db_get(res, i, 5) != NULL) {
			l = tmpl_add_section(s, "TICKET");
			tmpl_set(l, "TID", db_gets(res, i, 5));
			tmpl_set(l, "TNUMBER", db_gets(res, i, 6));
		}
		if (db_get(res, i, 7) != NULL) {
			l = tmpl_add_section(s, "ARTICLE");
			tmpl_set(l, "AID", db_gets(res, i, 7));
			tmpl_set(l, "ATITLE", db_gets(res, i, 8));
		}
	}
	if (res->nrows == 0)
		tmpl_show_section(d, "NO_INITIATIVES");
	return DB_OK;
}

/* The names of a filter's category, team and technician (NULL when none
 * or unknown). */
static struct db_q q_filter_names = DB_Q(
    "SELECT (SELECT IF(? = 1, name_en, name_zh) FROM categories WHERE id = ?),"
    " (SELECT name FROM teams WHERE id = ?), (SELECT name FROM users WHERE id = ?)");

/* A filter's part by its name, or by its number when it has none (gone). */
static void
fill_filter_part(struct req *r, tmpl_dict *s, const char *section, const struct db_res *n,
    size_t col, long long id)
{
	const char *name = n != NULL && n->nrows == 1 ? db_get(n, 0, col) : NULL;

	if (id <= 0)
		return;
	tmpl_set(tmpl_add_section(s, section), "V", name != NULL ? name :
	    arena_printf(r->a, "#%lld", id));
}

static void
fill_filter(struct req *r, tmpl_dict *s, const struct metric_filter *flt)
{
	struct db_res *n = NULL;

	if ((flt->category_id > 0 || flt->team_id > 0 || flt->assignee_id > 0) &&
	    db_query(r->a, &q_filter_names, &n, "iiii", (long long)(strcmp(r->lang, "en") == 0),
	    flt->category_id, flt->team_id, flt->assignee_id) != DB_OK)
		n = NULL;    /* the numbers then: the page still stands */
	fill_filter_part(r, s, "F_CATEGORY", n, 0, flt->category_id);
	fill_filter_part(r, s, "F_TEAM", n, 1, flt->team_id);
	if (flt->channel != NULL && *flt->channel != '\0')
		tmpl_set(tmpl_add_section(s, "F_CHANNEL"), "V",
		    i18n(r->lang, arena_printf(r->a, "CHANNEL_%s", flt->channel)));
	fill_filter_part(r, s, "F_TECHNICIAN", n, 2, flt->assignee_id);
}

/* Where a bound key result's value comes from: metric, filter, window,
 * the tickets link. */
static void
fill_source(struct req *r, tmpl_dict *d, const struct okr_board *b, const struct okr_kr *k)
{
	struct metric_info mi;
	struct metric_filter f;
	const char *drill;
	tmpl_dict *s;
	int found = 0;

	if (!k->bound)
		return;
	s = tmpl_add_section(d, "METRIC");
	tmpl_set(s, "METRIC_KEY", k->metric_key);
	if (metric_info_by_key(r->a, k->metric_key, &mi, &found) == DB_OK && found) {
		tmpl_set(s, "METRIC_LABEL", metric_info_label(&mi, r->lang));
		tmpl_set(s, "METRIC_DEF", strcmp(r->lang, "en") == 0 ? mi.def_en : mi.def_zh);
	}
	okr_kr_period(k, &b->cycle, b->now, &f);
	tmpl_set(s, "PERIOD", arena_printf(r->a, "%s – %s", metric_day_text(r->a,
	    metric_day_of(f.from)), metric_day_text(r->a, metric_day_of(f.to - 1))));
	tmpl_set_int(s, "SAMPLE_N", k->sample_n);
	if (k->window_days > 0)
		tmpl_set_int(tmpl_add_section(s, "WINDOW"), "DAYS", k->window_days);
	fill_filter(r, s, &k->filter);
	drill = route_may_open_desk(r->user) ? metric_drill_path(r->a, k->metric_key, &f) : NULL;
	if (drill != NULL && local_path_ok(drill))
		tmpl_set(tmpl_add_section(s, "DRILL"), "HREF", drill);
}

static void
fill_forms(struct req *r, tmpl_dict *d, const struct okr_board *b, const struct okr_kr *k,
    const struct okr_objective *o)
{
	tmpl_dict *s;
	size_t i;

	if (b->cycle.state == OKR_CLOSED || !okr_may_edit(r, k->owner_id, o->owner_id))
		return;
	tmpl_show_section(d, "CAN_EDIT");
	if (!k->bound)
		tmpl_show_section(d, "MANUAL");
	else
		tmpl_show_section(d, "COMPUTED");
	for (i = 0; confidences[i] != NULL; i++) {
		s = tmpl_add_section(d, "CONF_OPTION");
		tmpl_set(s, "OPT_ID", confidences[i]);
		tmpl_set(s, "OPT_NAME", i18n(r->lang, arena_printf(r->a, "O_ST_%s", confidences[i])));
	}
	for (i = 0; init_states[i] != NULL; i++) {
		s = tmpl_add_section(d, "ISTATUS_OPTION");
		tmpl_set(s, "OPT_ID", init_states[i]);
		tmpl_set(s, "OPT_NAME", i18n(r->lang, arena_printf(r->a, "O_INIT_%s",
		    init_states[i])));
	}
}

/* The page of board b's key result idx (d: a page dictionary, freed). */
static int
kr_send(struct req *r, int status, tmpl_dict *d, const struct okr_board *b, long idx)
{
	const struct okr_kr *k = &b->kr[idx];
	const struct okr_objective *o = &b->obj[okr_board_find_obj(b, k->objective_id)];
	enum db_rc rc;

	okr_fill_cycle(r, d, &b->cycle);
	okr_fill_kr(r, d, k);
	tmpl_set_int(d, "OBJ_ID", o->id);
	tmpl_set(d, "OBJ_TITLE", o->title);
	tmpl_set(d, "CONF_NOTE", k->confidence_note);
	tmpl_set_int(d, "EXPECTED_PCT", lround(k->res.expected * 100));
	if (k->last_checkin == 0 && b->cycle.state != OKR_CLOSED)
		tmpl_show_section(d, "NEVER_CHECKED");
	fill_source(r, d, b, k);
	fill_forms(r, d, b, k, o);
	if ((rc = fill_history(r, d, b, k)) != DB_OK || (rc = fill_checkins(r, d, k)) != DB_OK ||
	    (rc = fill_initiatives(r, d, k)) != DB_OK ||
	    (rc = okr_fill_users(r, d, "USER_OPTION", 0)) != DB_OK) {
		tmpl_free(d);
		return okr_db_fail(r, rc);
	}
	return resp_page(r, status, "okr/kr.tpl", d);
}

int
okr_kr_get(struct req *r)
{
	struct okr_board b;
	long long id = okr_param_id(r, 0);
	long idx;
	enum db_rc rc;

	if (id == 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if ((rc = okr_load_for_kr(r, id, &b, &idx)) != DB_OK)
		return okr_db_fail(r, rc);
	if (idx < 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	return kr_send(r, 200, page_dict(r, "O_KR_TITLE"), &b, idx);
}

int
okr_kr_for_change(struct req *r, struct okr_board *b, long *idx, int *sent)
{
	long long id = okr_param_id(r, 0);
	const struct okr_kr *k;
	enum db_rc rc;

	*sent = 1;
	if (id == 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if ((rc = okr_load_for_kr(r, id, b, idx)) != DB_OK)
		return okr_db_fail(r, rc);
	if (*idx < 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	k = &b->kr[*idx];
	if (!okr_may_edit(r, k->owner_id, b->obj[okr_board_find_obj(b, k->objective_id)].owner_id))
		return resp_error(r, 403, "ERR_FORBIDDEN");
	if (b->cycle.state == OKR_CLOSED)
		return resp_error(r, 409, "O_ERR_CYCLE_CLOSED");
	*sent = 0;
	return 0;
}

int
okr_checkin_post(struct req *r)
{
	struct okr_board b;
	struct form_check fc;
	const struct okr_kr *k;
	const char *value, *conf, *comment, *problem;
	double v = 0;
	long idx;
	int sent, ret, ci;
	enum db_rc rc;

	ret = okr_kr_for_change(r, &b, &idx, &sent);
	if (sent)
		return ret;
	k = &b.kr[idx];
	fc.r = r;
	fc.d = page_dict(r, "O_KR_TITLE");
	fc.nerr = 0;
	value = valid_trim(r->a, req_form(r, "value"));
	conf = valid_trim(r->a, req_form(r, "confidence"));
	comment = valid_trim(r->a, req_form(r, "comment"));
	if (k->bound)
		problem = *value != '\0' ? "O_ERR_COMPUTED" : NULL;
	else
		problem = okr_valid_number(value, 1, &v);
	form_check_field(&fc, "value", value, problem);
	form_check_field(&fc, "confidence", conf, valid_choice(conf, confidences, &ci));
	form_check_field(&fc, "comment", comment, valid_text(comment, 1000, 0, 1));
	if (fc.nerr > 0)
		return kr_send(r, 422, fc.d, &b, idx);
	tmpl_free(fc.d);
	if ((rc = db_begin()) != DB_OK)
		return okr_db_fail(r, rc);
	rc = db_exec(&q_checkin_add, NULL, "iIdssi", k->id, !k->bound, v, conf, comment,
	    r->user->id);
	if (rc == DB_OK)
		rc = db_exec(&q_kr_confidence, NULL, "ssi", conf, comment, k->id);
	if (rc != DB_OK) {
		db_rollback();
		return okr_db_fail(r, rc);
	}
	if ((rc = db_commit()) != DB_OK)
		return okr_db_fail(r, rc);
	return resp_redirect(r, arena_printf(r->a, "/okr/krs/%lld#checkins", k->id));
}

/* An optional ticket number ("R-20261126-0042") → its id. */
static const char *
check_ticket(struct req *r, const char *v, long long *id)
{
	struct db_res *res;

	*id = 0;
	if (*v == '\0')
		return NULL;
	if (valid_text(v, 20, 1, 0) != NULL)
		return "O_ERR_TICKET";
	if (db_query(r->a, &q_ticket_by_number, &res, "s", v) != DB_OK || res->nrows != 1)
		return "O_ERR_TICKET";
	*id = db_get_int(res, 0, 0);
	return NULL;
}

static const char *
check_article(struct req *r, const char *v, long long *id)
{
	struct db_res *res;

	*id = 0;
	if (*v == '\0')
		return NULL;
	if (valid_int(v, 1, 1LL << 53, id) != NULL ||
	    db_query(r->a, &q_article_ok, &res, "i", *id) != DB_OK || res->nrows != 1)
		return "O_ERR_ARTICLE";
	return NULL;
}

static const char *
check_due(const char *v)
{
	long day;

	if (*v == '\0')
		return NULL;
	return metric_day_parse(v, &day) != 0 ? "ERR_INVALID" : NULL;
}

int
okr_initiative_post(struct req *r)
{
	struct okr_board b;
	struct form_check fc;
	const char *title, *owner, *st, *due, *ticket, *article;
	long long owner_id = 0, ticket_id = 0, article_id = 0;
	long idx;
	int sent, ret, si, ok = 0;
	enum db_rc rc;

	ret = okr_kr_for_change(r, &b, &idx, &sent);
	if (sent)
		return ret;
	fc.r = r;
	fc.d = page_dict(r, "O_KR_TITLE");
	fc.nerr = 0;
	title = valid_trim(r->a, req_form(r, "title"));
	owner = valid_trim(r->a, req_form(r, "owner"));
	st = valid_trim(r->a, req_form(r, "status"));
	due = valid_trim(r->a, req_form(r, "due_on"));
	ticket = valid_trim(r->a, req_form(r, "ticket"));
	article = valid_trim(r->a, req_form(r, "kb_article"));
	form_check_field(&fc, "title", title, valid_text(title, 200, 1, 0));
	if (*owner != '\0' && (valid_int(owner, 1, 1LL << 53, &owner_id) != NULL ||
	    okr_user_exists(r, owner_id, &ok) != DB_OK || !ok))
		form_check_field(&fc, "owner", owner, "ERR_INVALID");
	else
		form_check_field(&fc, "owner", owner, NULL);
	form_check_field(&fc, "status", st, valid_choice(st, init_states, &si));
	form_check_field(&fc, "due_on", due, check_due(due));
	form_check_field(&fc, "ticket", ticket, check_ticket(r, ticket, &ticket_id));
	form_check_field(&fc, "kb_article", article, check_article(r, article, &article_id));
	if (fc.nerr > 0)
		return kr_send(r, 422, fc.d, &b, idx);
	tmpl_free(fc.d);
	rc = db_exec(&q_init_add, NULL, "isissii", b.kr[idx].id, title, owner_id, st, due,
	    ticket_id, article_id);
	if (rc != DB_OK)
		return okr_db_fail(r, rc);
	return resp_redirect(r, arena_printf(r->a, "/okr/krs/%lld#initiatives", b.kr[idx].id));
}
