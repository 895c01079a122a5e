/* GET/POST /okr/objectives/new and /okr/objectives/<id>/edit: one form
 * (templates/okr/objective_form.tpl). Admins and supervisors create and
 * edit any objective; others create person-level objectives of their own
 * and edit those they own. Invalid: 422 with every value kept and each
 * problem next to its field; a stale version: 409; valid: 303 to the
 * objective. */
#include "okr_pages.h"
#include "arena.h"
#include "valid.h"

#include <string.h>

static const char *const levels[] = { "company", "team", "person", NULL };
static const char *const status_sets[] = { "", "on_track", "at_risk", "off_track", NULL };

static struct db_q q_obj_add = DB_Q(
    "INSERT INTO okr_objectives (cycle_id, title, description, level, owner_id, team_id,"
    " parent_id, parent2_id, support_kr_id, status_set, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0),"
    " NULLIF(?, 0), NULLIF(?, ''), UTC_TIMESTAMP(), UTC_TIMESTAMP())");
static struct db_q q_obj_edit = DB_Q(
    "UPDATE okr_objectives SET title = ?, description = ?, level = ?, owner_id = NULLIF(?, 0),"
    " team_id = NULLIF(?, 0), parent_id = NULLIF(?, 0), parent2_id = NULLIF(?, 0),"
    " support_kr_id = NULLIF(?, 0), status_set = NULLIF(?, ''), version = version + 1,"
    " updated_at = UTC_TIMESTAMP() WHERE id = ? AND version = ?");

enum ofield { OF_TITLE, OF_DESC, OF_LEVEL, OF_OWNER, OF_TEAM, OF_PARENT, OF_PARENT2,
	OF_SUPPORT, OF_STATUS, OF__MAX };
static const char *const ofield_names[OF__MAX] = {
	"title", "description", "level", "owner", "team", "parent", "parent2", "support_kr",
	"status_set"
};

struct oform {
	const char *val[OF__MAX];
	long long   owner, team, parent, parent2, support, self;
	int         level;
	int         foreign;    /* an id of another cycle (or of nothing): 404 */
	const struct okr_board *b;
};

/* An optional id among the board's objectives (not self) or key results
 * (not the objective's own). */
static const char *
check_ref(struct oform *f, const char *v, long long *out, int kr)
{
	long long id = 0;
	long i;

	*out = 0;
	if (*v == '\0')
		return NULL;
	if (valid_int(v, 1, 1LL << 53, &id) != NULL)
		return "ERR_INVALID";
	i = kr ? okr_board_find_kr(f->b, id) : okr_board_find_obj(f->b, id);
	if (i < 0)
		f->foreign = 1;
	if (i < 0 || (!kr && id == f->self) || (kr && f->b->kr[i].objective_id == f->self))
		return "ERR_INVALID";
	/* a parent may not sit below the objective: the tree would loop */
	for (i = kr ? -1 : i; i >= 0 && f->self != 0; i = okr_board_find_obj(f->b,
	    f->b->obj[i].parent_id))
		if (f->b->obj[i].id == f->self)
			return "O_ERR_LOOP";
	*out = id;
	return NULL;
}

static const char *
check_field(struct req *r, struct oform *f, enum ofield i)
{
	const char *v = f->val[i], *problem;
	long long id = 0;
	long k;
	int ok = 0, idx;

	switch (i) {
	case OF_TITLE:
		return valid_text(v, 200, 1, 0);
	case OF_DESC:
		return valid_text(v, 2000, 0, 1);
	case OF_LEVEL:
		return valid_choice(v, levels, &f->level);
	case OF_OWNER:
	case OF_TEAM:
		if (*v != '\0' && valid_int(v, 1, 1LL << 53, &id) != NULL)
			return "ERR_INVALID";
		if ((i == OF_OWNER ? okr_user_exists(r, id, &ok) : okr_team_exists(r, id, &ok)) !=
		    DB_OK || !ok)
			return "ERR_INVALID";
		*(i == OF_OWNER ? &f->owner : &f->team) = id;
		return NULL;
	case OF_PARENT:
		return check_ref(f, v, &f->parent, 0);
	case OF_PARENT2:
		if (check_ref(f, v, &f->parent2, 0) != NULL)
			return "ERR_INVALID";
		return f->parent2 != 0 && f->parent2 == f->parent ? "O_ERR_SAME_PARENT" : NULL;
	case OF_SUPPORT:
		if ((problem = check_ref(f, v, &f->support, 1)) != NULL || f->support == 0)
			return problem;
		/* "a key result of another team" */
		k = okr_board_find_kr(f->b, f->support);
		k = okr_board_find_obj(f->b, f->b->kr[k].objective_id);
		return f->team != 0 && k >= 0 && f->b->obj[k].team_id == f->team ?
		    "O_ERR_SAME_TEAM" : NULL;
	case OF_STATUS:
		return *v == '\0' ? NULL : valid_choice(v, status_sets, &idx);
	default:
		return NULL;
	}
}

/* The form page with the options marked from f (values already in d). */
static int
form_send(struct req *r, int status, tmpl_dict *d, const struct okr_board *b,
    const struct oform *f, const char *action)
{
	tmpl_dict *o;
	size_t i;

	tmpl_set(d, "ACTION", action);
	okr_fill_cycle(r, d, &b->cycle);
	if (okr_fill_users(r, d, "OWNER_OPTION", f->owner) != DB_OK ||
	    okr_fill_teams(r, d, "TEAM_OPTION", f->team) != DB_OK) {
		tmpl_free(d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	for (i = 0; i < b->nobj; i++) {
		if (b->obj[i].id == f->self)
			continue;
		o = tmpl_add_section(d, "PARENT_OPTION");
		tmpl_set_int(o, "OPT_ID", b->obj[i].id);
		tmpl_set(o, "OPT_NAME", b->obj[i].title);
		if (b->obj[i].id == f->parent)
			tmpl_show_section(o, "OPT_SELECTED");
		o = tmpl_add_section(d, "PARENT2_OPTION");
		tmpl_set_int(o, "OPT_ID", b->obj[i].id);
		tmpl_set(o, "OPT_NAME", b->obj[i].title);
		if (b->obj[i].id == f->parent2)
			tmpl_show_section(o, "OPT_SELECTED");
	}
	for (i = 0; i < b->nkr; i++) {
		if (b->kr[i].objective_id == f->self)
			continue;
		o = tmpl_add_section(d, "SUPPORT_OPTION");
		tmpl_set_int(o, "OPT_ID", b->kr[i].id);
		tmpl_set(o, "OPT_NAME", b->kr[i].title);
		if (b->kr[i].id == f->support)
			tmpl_show_section(o, "OPT_SELECTED");
	}
	for (i = 0; levels[i] != NULL; i++) {
		o = tmpl_add_section(d, "LEVEL_OPTION");
		tmpl_set(o, "OPT_ID", levels[i]);
		tmpl_set(o, "OPT_NAME", i18n(r->lang, arena_printf(r->a, "O_LEVEL_%s", levels[i])));
		if (f->val[OF_LEVEL] != NULL && strcmp(f->val[OF_LEVEL], levels[i]) == 0)
			tmpl_show_section(o, "OPT_SELECTED");
	}
	for (i = 1; status_sets[i] != NULL; i++) {
		o = tmpl_add_section(d, "STATUS_OPTION");
		tmpl_set(o, "OPT_ID", status_sets[i]);
		tmpl_set(o, "OPT_NAME", i18n(r->lang, arena_printf(r->a, "O_ST_%s", status_sets[i])));
		if (f->val[OF_STATUS] != NULL && strcmp(f->val[OF_STATUS], status_sets[i]) == 0)
			tmpl_show_section(o, "OPT_SELECTED");
	}
	return resp_page(r, status, "okr/objective_form.tpl", d);
}

/* The cycle of ?cycle= / the form's cycle field (default: current), open
 * (not closed), loaded as a board. 0 ok; otherwise the response sent. */
static int
open_cycle_board(struct req *r, const char *v, struct okr_board *b, int *sent)
{
	struct okr_cycle c;
	long long id;
	int found = 0;
	enum db_rc rc;

	*sent = 1;
	if (v != NULL && *v != '\0') {
		if (valid_int(v, 1, 1LL << 53, &id) != NULL)
			return resp_error(r, 404, "ERR_NOT_FOUND");
		rc = okr_cycle_get(r->a, id, &c, &found);
	} else {
		rc = okr_cycle_current(r->a, okr_now(), &c, &found);
	}
	if (rc != DB_OK)
		return okr_db_fail(r, rc);
	if (!found)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if (c.state == OKR_CLOSED)
		return resp_error(r, 409, "O_ERR_CYCLE_CLOSED");
	if ((rc = okr_board_load(r->a, &c, okr_now(), 0, 0, b)) != DB_OK)
		return okr_db_fail(r, rc);
	*sent = 0;
	return 0;
}

int
okr_objective_new_get(struct req *r)
{
	struct okr_board b;
	struct oform f;
	tmpl_dict *d;
	const char *p = req_query(r, "parent");
	int sent, ret;

	ret = open_cycle_board(r, req_query(r, "cycle"), &b, &sent);
	if (sent)
		return ret;
	memset(&f, 0, sizeof(f));
	f.owner = r->user->id;
	f.val[OF_LEVEL] = okr_is_manager(r) ? "team" : "person";
	if (p != NULL && valid_int(p, 1, 1LL << 53, &f.parent) != NULL)
		f.parent = 0;
	d = page_dict(r, "O_NEW_OBJECTIVE");
	tmpl_show_section(d, "IS_NEW");
	return form_send(r, 200, d, &b, &f, "/okr/objectives");
}

/* Validate the posted fields into f; the number of problems. */
static int
form_read(struct req *r, struct form_check *fc, struct oform *f)
{
	size_t i;

	for (i = 0; i < OF__MAX; i++) {
		f->val[i] = valid_trim(r->a, req_form(r, ofield_names[i]));
		form_check_field(fc, ofield_names[i], f->val[i], check_field(r, f, (enum ofield)i));
	}
	return fc->nerr;
}

int
okr_objective_new_post(struct req *r)
{
	struct okr_board b;
	struct form_check fc;
	struct oform f;
	int sent, ret;
	enum db_rc rc;

	ret = open_cycle_board(r, req_form(r, "cycle"), &b, &sent);
	if (sent)
		return ret;
	memset(&f, 0, sizeof(f));
	f.b = &b;
	fc.r = r;
	fc.d = page_dict(r, "O_NEW_OBJECTIVE");
	fc.nerr = 0;
	tmpl_show_section(fc.d, "IS_NEW");
	if (form_read(r, &fc, &f) > 0) {
		if (f.foreign) {
			tmpl_free(fc.d);
			return resp_error(r, 404, "ERR_NOT_FOUND");
		}
		return form_send(r, 422, fc.d, &b, &f, "/okr/objectives");
	}
	/* not a manager: only a person-level objective of one's own */
	if (!okr_is_manager(r) && (f.level != 2 || f.owner != r->user->id)) {
		tmpl_free(fc.d);
		return resp_error(r, 403, "ERR_FORBIDDEN");
	}
	tmpl_free(fc.d);
	rc = db_exec(&q_obj_add, NULL, "isssiiiiis", b.cycle.id, f.val[OF_TITLE], f.val[OF_DESC],
	    levels[f.level], f.owner, f.team, f.parent, f.parent2, f.support, f.val[OF_STATUS]);
	if (rc != DB_OK)
		return okr_db_fail(r, rc);
	return resp_redirect(r, arena_printf(r->a, "/okr/objectives/%llu", db_insert_id()));
}

/* The objective of the route, on its cycle's board, editable by the user
 * and its cycle open. 0 ok; otherwise the response sent. */
static int
editable(struct req *r, struct okr_board *b, long *idx, int *sent)
{
	long long id = okr_param_id(r, 0);
	enum db_rc rc;

	*sent = 1;
	if (id == 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if ((rc = okr_load_for_objective(r, id, b, idx)) != DB_OK)
		return okr_db_fail(r, rc);
	if (*idx < 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if (!okr_may_edit(r, b->obj[*idx].owner_id, 0))
		return resp_error(r, 403, "ERR_FORBIDDEN");
	if (b->cycle.state == OKR_CLOSED)
		return resp_error(r, 409, "O_ERR_CYCLE_CLOSED");
	*sent = 0;
	return 0;
}

int
okr_objective_edit_get(struct req *r)
{
	struct okr_board b;
	struct oform f;
	tmpl_dict *d;
	const struct okr_objective *o;
	long idx;
	int sent, ret;

	ret = editable(r, &b, &idx, &sent);
	if (sent)
		return ret;
	o = &b.obj[idx];
	memset(&f, 0, sizeof(f));
	f.self = o->id;
	f.owner = o->owner_id;
	f.team = o->team_id;
	f.parent = o->parent_id;
	f.parent2 = o->parent2_id;
	f.support = o->support_kr_id;
	f.val[OF_LEVEL] = o->level;
	f.val[OF_STATUS] = o->status_set != NULL ? o->status_set : "";
	d = page_dict(r, "O_EDIT_OBJECTIVE");
	tmpl_set(d, "VAL_title", o->title);
	tmpl_set(d, "VAL_description", o->description);
	tmpl_set_int(d, "VAL_version", o->version);
	tmpl_set_int(d, "OBJ_ID", o->id);
	tmpl_show_section(d, "IS_EDIT");
	return form_send(r, 200, d, &b, &f, arena_printf(r->a, "/okr/objectives/%lld/edit", o->id));
}

int
okr_objective_edit_post(struct req *r)
{
	struct okr_board b;
	struct form_check fc;
	struct oform f;
	const char *action;
	unsigned long long aff = 0;
	long long version = 0;
	long idx;
	int sent, ret;
	enum db_rc rc;

	ret = editable(r, &b, &idx, &sent);
	if (sent)
		return ret;
	memset(&f, 0, sizeof(f));
	f.b = &b;
	f.self = b.obj[idx].id;
	action = arena_printf(r->a, "/okr/objectives/%lld/edit", f.self);
	fc.r = r;
	fc.d = page_dict(r, "O_EDIT_OBJECTIVE");
	fc.nerr = 0;
	tmpl_show_section(fc.d, "IS_EDIT");
	tmpl_set_int(fc.d, "OBJ_ID", f.self);
	if (valid_int(req_form(r, "version"), 1, 1LL << 31, &version) != NULL) {
		tmpl_free(fc.d);
		return resp_error(r, 400, "ERR_BAD_REQUEST");
	}
	tmpl_set_int(fc.d, "VAL_version", version);
	if (form_read(r, &fc, &f) > 0) {
		if (f.foreign) {
			tmpl_free(fc.d);
			return resp_error(r, 404, "ERR_NOT_FOUND");
		}
		return form_send(r, 422, fc.d, &b, &f, action);
	}
	/* an owner who is not a manager cannot hand the objective away */
	if (!okr_is_manager(r) && f.owner != r->user->id) {
		form_check_field(&fc, "owner", f.val[OF_OWNER], "O_ERR_KEEP_OWNER");
		return form_send(r, 422, fc.d, &b, &f, action);
	}
	rc = db_exec(&q_obj_edit, &aff, "sssiiiiisii", f.val[OF_TITLE], f.val[OF_DESC],
	    levels[f.level], f.owner, f.team, f.parent, f.parent2, f.support, f.val[OF_STATUS],
	    f.self, version);
	if (rc == DB_OK && aff == 0) {
		tmpl_show_section(fc.d, "CONFLICT");
		return form_send(r, 409, fc.d, &b, &f, action);
	}
	tmpl_free(fc.d);
	if (rc != DB_OK)
		return okr_db_fail(r, rc);
	return resp_redirect(r, arena_printf(r->a, "/okr/objectives/%lld", f.self));
}
