/* GET /okr/krs/new and POST /okr/krs: a new key result under an objective
 * of an open cycle, by a manager or the objective's owner. Manual (values
 * come from check-ins) or bound to a registry metric by key with optional
 * filters (category, team, channel) over the cycle or a rolling window.
 * GET /okr/krs/new?journey=<id>&stage=<id>&metric=<key>&target=<v> is the
 * journey map's "make this pain point a key result": the same form with
 * the metric and target filled in (and the journey and stage remembered).
 * Invalid: 422 with values kept; valid: 303 to the key result. */
#include "okr_pages.h"
#include "arena.h"
#include "metric_key.h"
#include "ticket_state.h"
#include "valid.h"

#include <stdio.h>
#include <string.h>

static const char *const kinds[] = {
	"increase_to", "decrease_to", "stay_above", "stay_below", "milestone", NULL
};
static const char *const sources[] = { "manual", "metric", NULL };

static struct db_q q_categories = DB_Q(
    "SELECT id, name_zh, name_en FROM categories WHERE active = 1 ORDER BY sort, id");
static struct db_q q_category_ok = DB_Q("SELECT 1 FROM categories WHERE id = ?");
static struct db_q q_kr_add = DB_Q(
    "INSERT INTO okr_krs (objective_id, title, kind, start_value, target_value, unit, weight,"
    " owner_id, source, metric_key, f_category_id, f_team_id, f_channel, f_assignee_id,"
    " window_days, journey_id, stage_id, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0), ?, NULLIF(?, ''), NULLIF(?, 0), NULLIF(?, 0),"
    " NULLIF(?, ''), NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), UTC_TIMESTAMP(),"
    " UTC_TIMESTAMP())");

/* An edit keeps the journey link and the check-ins; a stale version
 * changes nothing (0 rows). */
static struct db_q q_kr_edit = DB_Q(
    "UPDATE okr_krs SET objective_id = ?, title = ?, kind = ?, start_value = ?,"
    " target_value = ?, unit = ?, weight = ?, owner_id = NULLIF(?, 0), source = ?,"
    " metric_key = NULLIF(?, ''), f_category_id = NULLIF(?, 0), f_team_id = NULLIF(?, 0),"
    " f_channel = NULLIF(?, ''), f_assignee_id = NULLIF(?, 0), window_days = NULLIF(?, 0),"
    " version = version + 1, updated_at = UTC_TIMESTAMP() WHERE id = ? AND version = ?");

enum kfield { KF_OBJECTIVE, KF_TITLE, KF_KIND, KF_START, KF_TARGET, KF_UNIT, KF_WEIGHT,
	KF_OWNER, KF_SOURCE, KF_METRIC, KF_CATEGORY, KF_TEAM, KF_CHANNEL, KF_TECHNICIAN, KF_WINDOW,
	KF_JOURNEY, KF_STAGE, KF__MAX };
static const char *const kfield_names[KF__MAX] = {
	"objective", "title", "kind", "start", "target", "unit", "weight", "owner", "source",
	"metric", "category", "team", "channel", "technician", "window_days", "journey", "stage"
};

struct kform {
	const char *val[KF__MAX];
	long long   objective, owner, category, team, technician, window, journey, stage;
	double      start, target, weight;
	int         kind, source, channel, external;
	const struct okr_board *b;
	long long   editing;        /* the key result being edited, 0 for a new one */
	long long   version;        /* its version as the form was shown */
};

static const char *
check_id(const char *v, long long *out)
{
	*out = 0;
	if (*v == '\0')
		return NULL;
	return valid_int(v, 1, 1LL << 53, out);
}

static const char *
check_objective(struct req *r, struct kform *f)
{
	long i;

	if (*f->val[KF_OBJECTIVE] == '\0')
		return "ERR_REQUIRED";
	if (check_id(f->val[KF_OBJECTIVE], &f->objective) != NULL ||
	    (i = okr_board_find_obj(f->b, f->objective)) < 0)
		return "ERR_INVALID";
	if (!okr_may_edit(r, f->b->obj[i].owner_id, 0))
		return "O_ERR_NOT_YOURS";
	return NULL;
}

static const char *
check_metric(struct req *r, struct kform *f)
{
	struct metric_info mi;
	int found = 0;

	if (f->source != 1)
		return NULL;
	if (*f->val[KF_METRIC] == '\0')
		return "ERR_REQUIRED";
	if (valid_text(f->val[KF_METRIC], 64, 1, 0) != NULL ||
	    metric_info_by_key(r->a, f->val[KF_METRIC], &mi, &found) != DB_OK || !found)
		return "ERR_INVALID";
	f->external = mi.external;
	return NULL;
}

static const char *
check_field(struct req *r, struct kform *f, enum kfield i)
{
	const char *v = f->val[i];
	struct db_res *res;
	int ok = 0;

	switch (i) {
	case KF_OBJECTIVE: return check_objective(r, f);
	case KF_TITLE:     return valid_text(v, 200, 1, 0);
	case KF_KIND:      return valid_choice(v, kinds, &f->kind);
	case KF_START:     return okr_valid_number(v, f->kind != KR_MILESTONE, &f->start);
	case KF_TARGET:
		if (okr_valid_number(v, f->kind != KR_MILESTONE, &f->target) != NULL)
			return okr_valid_number(v, 1, &f->target);
		if (f->kind == KR_INCREASE_TO && f->target < f->start)
			return "O_ERR_UP";
		if (f->kind == KR_DECREASE_TO && f->target > f->start)
			return "O_ERR_DOWN";
		return NULL;
	case KF_UNIT:      return valid_text(v, 16, 0, 0);
	case KF_WEIGHT:
		f->weight = 1;
		if (okr_valid_number(v, 0, &f->weight) != NULL || f->weight < 0 || f->weight > 100)
			return "O_ERR_WEIGHT";
		return NULL;
	case KF_OWNER:
		if (check_id(v, &f->owner) != NULL || okr_user_exists(r, f->owner, &ok) != DB_OK ||
		    !ok)
			return "ERR_INVALID";
		return NULL;
	case KF_SOURCE:    return valid_choice(v, sources, &f->source);
	case KF_METRIC:    return check_metric(r, f);
	case KF_CATEGORY:
		if (check_id(v, &f->category) != NULL)
			return "ERR_INVALID";
		if (f->category != 0 && (db_query(r->a, &q_category_ok, &res, "i", f->category) !=
		    DB_OK || res->nrows != 1))
			return "ERR_INVALID";
		return NULL;
	case KF_TEAM:
		if (check_id(v, &f->team) != NULL || okr_team_exists(r, f->team, &ok) != DB_OK || !ok)
			return "ERR_INVALID";
		return NULL;
	case KF_CHANNEL:
		f->channel = -1;
		return *v == '\0' ? NULL : valid_choice(v, ticket_channel_names(), &f->channel);
	case KF_TECHNICIAN:
		if (check_id(v, &f->technician) != NULL ||
		    okr_user_exists(r, f->technician, &ok) != DB_OK || !ok)
			return "ERR_INVALID";
		/* external metrics are not kept per technician */
		return f->technician > 0 && f->source == 1 && f->external ? "O_ERR_TECH_EXTERNAL" :
		    NULL;
	case KF_WINDOW:
		f->window = 0;
		return *v == '\0' ? NULL : valid_int(v, 1, 366, &f->window);
	case KF_JOURNEY:   return check_id(v, &f->journey);
	case KF_STAGE:     return check_id(v, &f->stage);
	default:           return NULL;
	}
}

static void
options(struct req *r, tmpl_dict *d, const char *section, const char *const *list,
    const char *prefix, const char *sel)
{
	tmpl_dict *o;
	size_t i;

	for (i = 0; list[i] != NULL; i++) {
		o = tmpl_add_section(d, section);
		tmpl_set(o, "OPT_ID", list[i]);
		tmpl_set(o, "OPT_NAME", prefix != NULL ? i18n(r->lang, arena_printf(r->a, "%s%s",
		    prefix, list[i])) : (*list[i] != '\0' ? list[i] : i18n(r->lang, "O_ANY")));
		if (sel != NULL && strcmp(sel, list[i]) == 0)
			tmpl_show_section(o, "OPT_SELECTED");
	}
}

static enum db_rc
metric_options(struct req *r, tmpl_dict *d, const char *sel)
{
	struct metric_info *mi;
	tmpl_dict *o;
	size_t n, i;
	enum db_rc rc;

	if ((rc = metric_info_list(r->a, &mi, &n)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++) {
		o = tmpl_add_section(d, "METRIC_OPTION");
		tmpl_set(o, "OPT_ID", mi[i].key);
		tmpl_set(o, "OPT_NAME", metric_info_label(&mi[i], r->lang));
		if (sel != NULL && strcmp(sel, mi[i].key) == 0)
			tmpl_show_section(o, "OPT_SELECTED");
	}
	return DB_OK;
}

static enum db_rc
category_options(struct req *r, tmpl_dict *d, long long sel)
{
	struct db_res *res;
	tmpl_dict *o;
	size_t i;
	enum db_rc rc;

	if ((rc = db_query(r->a, &q_categories, &res, "")) != DB_OK)
		return rc;
	for (i = 0; i < res->nrows; i++) {
		o = tmpl_add_section(d, "CATEGORY_OPTION");
		tmpl_set(o, "OPT_ID", db_gets(res, i, 0));
		tmpl_set(o, "OPT_NAME", db_gets(res, i, strcmp(r->lang, "en") == 0 ? 2 : 1));
		if (db_get_int(res, i, 0) == sel)
			tmpl_show_section(o, "OPT_SELECTED");
	}
	return DB_OK;
}

static int
form_send(struct req *r, int status, tmpl_dict *d, const struct okr_board *b,
    const struct kform *f)
{
	tmpl_dict *o;
	size_t i;

	okr_fill_cycle(r, d, &b->cycle);
	for (i = 0; i < b->nobj; i++) {
		if (!okr_may_edit(r, b->obj[i].owner_id, 0))
			continue;
		o = tmpl_add_section(d, "OBJECTIVE_OPTION");
		tmpl_set_int(o, "OPT_ID", b->obj[i].id);
		tmpl_set(o, "OPT_NAME", b->obj[i].title);
		if (b->obj[i].id == f->objective)
			tmpl_show_section(o, "OPT_SELECTED");
	}
	options(r, d, "KIND_OPTION", kinds, "O_TYPE_", f->val[KF_KIND]);
	options(r, d, "SOURCE_OPTION", sources, "O_SOURCE_", f->val[KF_SOURCE]);
	options(r, d, "CHANNEL_OPTION", ticket_channel_names(), "CHANNEL_", f->val[KF_CHANNEL]);
	if (metric_options(r, d, f->val[KF_METRIC]) != DB_OK ||
	    category_options(r, d, f->category) != DB_OK ||
	    okr_fill_users(r, d, "OWNER_OPTION", f->owner) != DB_OK ||
	    okr_fill_users(r, d, "TECHNICIAN_OPTION", f->technician) != DB_OK ||
	    okr_fill_teams(r, d, "TEAM_OPTION", f->team) != DB_OK) {
		tmpl_free(d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	if (f->journey > 0 && f->editing == 0)
		tmpl_show_section(d, "FROM_JOURNEY");
	if (f->editing > 0) {
		tmpl_dict *e = tmpl_add_section(d, "IS_EDIT");

		tmpl_set_int(d, "KR_EDIT_ID", f->editing);
		tmpl_set_int(e, "VERSION", f->version);
		tmpl_set(d, "FORM_ACTION", arena_printf(r->a, "/okr/krs/%lld/edit", f->editing));
	} else {
		tmpl_show_section(d, "IS_NEW");
		tmpl_set(d, "FORM_ACTION", "/okr/krs");
	}
	return resp_page(r, status, "okr/kr_form.tpl", d);
}

/* The checked form as q_kr_add and q_kr_edit take it (the same fields in
 * the same order: one binding, one place for its types), then x and y:
 * journey and stage for a new key result, id and version for an edit. A
 * milestone is 0 → 1; a manual key result keeps no metric or filter. */
static enum db_rc
kr_write(struct db_q *q, unsigned long long *aff, const struct kform *f, long long x,
    long long y)
{
	int bound = f->source == 1, ms = f->kind == KR_MILESTONE;

	return db_exec(q, aff, "issddsdissiisiiii", f->objective, f->val[KF_TITLE],
	    kinds[f->kind], ms ? 0.0 : f->start, ms ? 1.0 : f->target, f->val[KF_UNIT],
	    f->weight, f->owner, sources[f->source], bound ? f->val[KF_METRIC] : "",
	    bound ? f->category : 0LL, bound ? f->team : 0LL,
	    bound && f->channel >= 0 ? ticket_channel_name((enum ticket_channel)f->channel) : "",
	    bound ? f->technician : 0LL, bound ? f->window : 0LL, x, y);
}

/* The board of the open cycle holding objective id (0: the current
 * cycle). 0 ok; otherwise the response sent. */
static int
form_board(struct req *r, long long objective, struct okr_board *b, int *sent)
{
	struct okr_cycle c;
	long idx;
	int found = 0;
	enum db_rc rc;

	*sent = 1;
	if (objective > 0) {
		if ((rc = okr_load_for_objective(r, objective, b, &idx)) != DB_OK)
			return okr_db_fail(r, rc);
		if (idx < 0)
			return resp_error(r, 404, "ERR_NOT_FOUND");
	} else {
		if ((rc = okr_cycle_current(r->a, okr_now(), &c, &found)) != DB_OK)
			return okr_db_fail(r, rc);
		if (!found)
			return resp_error(r, 404, "ERR_NOT_FOUND");
		if ((rc = okr_board_load(r->a, &c, okr_now(), 0, 0, b)) != DB_OK)
			return okr_db_fail(r, rc);
	}
	if (b->cycle.state == OKR_CLOSED)
		return resp_error(r, 409, "O_ERR_CYCLE_CLOSED");
	*sent = 0;
	return 0;
}

int
okr_kr_new_get(struct req *r)
{
	static const char *const prefill[] = {
		"journey", "stage", "metric", "target", "title", "kind", "team", "category",
		"channel", "owner", "technician"
	};
	struct okr_board b;
	struct kform f;
	tmpl_dict *d;
	const char *v;
	long idx;
	size_t i;
	int sent, ret;

	memset(&f, 0, sizeof(f));
	if (check_id(valid_trim(r->a, req_query(r, "objective")), &f.objective) != NULL)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	ret = form_board(r, f.objective, &b, &sent);
	if (sent)
		return ret;
	if (f.objective > 0 && (idx = okr_board_find_obj(&b, f.objective)) >= 0 &&
	    !okr_may_edit(r, b.obj[idx].owner_id, 0))
		return resp_error(r, 403, "ERR_FORBIDDEN");
	d = page_dict(r, "O_NEW_KR");
	f.owner = r->user->id;
	f.val[KF_KIND] = "increase_to";
	f.val[KF_SOURCE] = "manual";
	tmpl_set(d, "VAL_weight", "1");
	/* the journey link and the KPI tree's "make this node a key result":
	 * values typed by a link, shown in the form and checked like any
	 * submitted value when it is sent */
	for (i = 0; i < sizeof(prefill) / sizeof(prefill[0]); i++) {
		v = valid_trim(r->a, req_query(r, prefill[i]));
		if (*v == '\0' || valid_text(v, 200, 1, 0) != NULL)
			continue;
		tmpl_set(d, arena_printf(r->a, "VAL_%s", prefill[i]), v);
		if (strcmp(prefill[i], "metric") == 0) {
			f.val[KF_METRIC] = v;
			f.val[KF_SOURCE] = "metric";
		} else if (strcmp(prefill[i], "kind") == 0) {
			f.val[KF_KIND] = v;
		} else if (strcmp(prefill[i], "channel") == 0) {
			f.val[KF_CHANNEL] = v;
		} else if (strcmp(prefill[i], "journey") == 0 && check_id(v, &f.journey) != NULL) {
			f.journey = 0;
		} else if (strcmp(prefill[i], "team") == 0 && check_id(v, &f.team) != NULL) {
			f.team = 0;
		} else if (strcmp(prefill[i], "category") == 0 && check_id(v, &f.category) != NULL) {
			f.category = 0;
		} else if (strcmp(prefill[i], "owner") == 0 && check_id(v, &f.owner) != NULL) {
			f.owner = r->user->id;
		} else if (strcmp(prefill[i], "technician") == 0 &&
		    check_id(v, &f.technician) != NULL) {
			f.technician = 0;
		}
	}
	return form_send(r, 200, d, &b, &f);
}

int
okr_kr_new_post(struct req *r)
{
	struct okr_board b;
	struct form_check fc;
	struct kform f;
	size_t i;
	int sent, ret;
	enum db_rc rc;

	memset(&f, 0, sizeof(f));
	if (check_id(valid_trim(r->a, req_form(r, "objective")), &f.objective) != NULL ||
	    f.objective == 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	ret = form_board(r, f.objective, &b, &sent);
	if (sent)
		return ret;
	if (!okr_may_edit(r, b.obj[okr_board_find_obj(&b, f.objective)].owner_id, 0))
		return resp_error(r, 403, "ERR_FORBIDDEN");
	f.b = &b;
	fc.r = r;
	fc.d = page_dict(r, "O_NEW_KR");
	fc.nerr = 0;
	for (i = 0; i < KF__MAX; i++) {
		f.val[i] = valid_trim(r->a, req_form(r, kfield_names[i]));
		form_check_field(&fc, kfield_names[i], f.val[i], check_field(r, &f, (enum kfield)i));
	}
	if (fc.nerr > 0)
		return form_send(r, 422, fc.d, &b, &f);
	tmpl_free(fc.d);
	if ((rc = kr_write(&q_kr_add, NULL, &f, f.journey, f.stage)) != DB_OK)
		return okr_db_fail(r, rc);
	return resp_redirect(r, arena_printf(r->a, "/okr/krs/%llu", db_insert_id()));
}

/* The form's values of key result k (as the form would send them). */
static void
kform_of(struct req *r, const struct okr_kr *k, struct kform *f, tmpl_dict *d)
{
	size_t i;

	f->objective = k->objective_id;
	f->owner = k->owner_id;
	f->category = k->filter.category_id;
	f->team = k->filter.team_id;
	f->technician = k->filter.assignee_id;
	f->editing = k->id;
	f->version = k->version;
	f->val[KF_OBJECTIVE] = arena_printf(r->a, "%lld", k->objective_id);
	f->val[KF_TITLE] = k->title;
	f->val[KF_KIND] = kr_type_name(k->type);
	f->val[KF_START] = arena_printf(r->a, "%g", k->start);
	f->val[KF_TARGET] = arena_printf(r->a, "%g", k->target);
	f->val[KF_UNIT] = k->unit;
	f->val[KF_WEIGHT] = arena_printf(r->a, "%g", k->weight);
	f->val[KF_OWNER] = k->owner_id > 0 ? arena_printf(r->a, "%lld", k->owner_id) : "";
	f->val[KF_SOURCE] = k->bound ? "metric" : "manual";
	f->val[KF_METRIC] = k->bound ? k->metric_key : "";
	f->val[KF_CHANNEL] = k->filter.channel != NULL ? k->filter.channel : "";
	f->val[KF_WINDOW] = k->window_days > 0 ? arena_printf(r->a, "%lld", k->window_days) : "";
	for (i = 0; i < KF__MAX; i++)
		if (f->val[i] != NULL)
			tmpl_set(d, arena_printf(r->a, "VAL_%s", kfield_names[i]), f->val[i]);
}

/* GET /okr/krs/<id>/edit: the key result's form with its values, for
 * its owner, its objective's owner or a manager, while the cycle is open. */
int
okr_kr_edit_get(struct req *r)
{
	struct okr_board b;
	struct kform f;
	tmpl_dict *d;
	long idx;
	int sent, ret;

	ret = okr_kr_for_change(r, &b, &idx, &sent);
	if (sent)
		return ret;
	memset(&f, 0, sizeof(f));
	d = page_dict(r, "O_EDIT_KR");
	kform_of(r, &b.kr[idx], &f, d);
	return form_send(r, 200, d, &b, &f);
}

/* POST /okr/krs/<id>/edit: the same checks as a new key result; 409 with
 * the values kept when someone changed it since the form was shown. */
int
okr_kr_edit_post(struct req *r)
{
	struct okr_board b;
	struct form_check fc;
	struct kform f;
	unsigned long long aff = 0;
	long idx;
	size_t i;
	int sent, ret;
	enum db_rc rc;

	ret = okr_kr_for_change(r, &b, &idx, &sent);
	if (sent)
		return ret;
	memset(&f, 0, sizeof(f));
	f.b = &b;
	f.editing = b.kr[idx].id;
	if (valid_int(req_form(r, "version"), 1, 1LL << 31, &f.version) != NULL)
		return resp_error(r, 400, "ERR_BAD_REQUEST");
	fc.r = r;
	fc.d = page_dict(r, "O_EDIT_KR");
	fc.nerr = 0;
	for (i = 0; i < KF__MAX; i++) {
		if (i == KF_JOURNEY || i == KF_STAGE)    /* kept as they are */
			continue;
		f.val[i] = valid_trim(r->a, req_form(r, kfield_names[i]));
		form_check_field(&fc, kfield_names[i], f.val[i], check_field(r, &f, (enum kfield)i));
	}
	if (fc.nerr > 0)
		return form_send(r, 422, fc.d, &b, &f);
	rc = kr_write(&q_kr_edit, &aff, &f, f.editing, f.version);
	if (rc == DB_OK && aff == 0) {
		tmpl_show_section(fc.d, "CONFLICT");
		return form_send(r, 409, fc.d, &b, &f);
	}
	tmpl_free(fc.d);
	if (rc != DB_OK)
		return okr_db_fail(r, rc);
	return resp_redirect(r, arena_printf(r->a, "/okr/krs/%lld", f.editing));
}
