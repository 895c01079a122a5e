/* GET /okr/objectives/<id> — one objective: facts, alignment (parents,
 * children, the key result it supports), score and status, its key
 * results; once its cycle is closed, the frozen score and the review.
 * POST /okr/objectives/<id>/review — the owner's (or a manager's)
 * retrospective of a closed cycle: what worked, what did not, the standard
 * to keep; 422 with values kept, 409 on a stale version, 303. */
#include "okr_pages.h"
#include "arena.h"
#include "fmt.h"
#include "valid.h"

#include <string.h>

static struct db_q q_review = DB_Q(
    "SELECT r.worked, r.not_worked, r.standard, u.name, r.updated_at, r.version"
    " FROM okr_reviews r JOIN users u ON u.id = r.author_id WHERE r.objective_id = ?");
static struct db_q q_review_add = DB_Q(
    "INSERT INTO okr_reviews (objective_id, worked, not_worked, standard, author_id,"
    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())");
static struct db_q q_review_edit = DB_Q(
    "UPDATE okr_reviews SET worked = ?, not_worked = ?, standard = ?, author_id = ?,"
    " version = version + 1, updated_at = UTC_TIMESTAMP() WHERE objective_id = ? AND version = ?");

static void
link_obj(struct req *r, tmpl_dict *d, const char *section, const struct okr_board *b,
    long long id)
{
	long i = okr_board_find_obj(b, id);
	tmpl_dict *s;

	if (i < 0)
		return;
	s = tmpl_add_section(d, section);
	tmpl_set_int(s, "ID", id);
	tmpl_set(s, "TITLE", b->obj[i].title);
}

static void
fill_alignment(struct req *r, tmpl_dict *d, const struct okr_board *b,
    const struct okr_objective *o)
{
	long k;
	size_t i;
	tmpl_dict *s;

	link_obj(r, d, "PARENT", b, o->parent_id);
	link_obj(r, d, "PARENT2", b, o->parent2_id);
	if (o->support_kr_id != 0 && (k = okr_board_find_kr(b, o->support_kr_id)) >= 0) {
		s = tmpl_add_section(d, "SUPPORTS");
		tmpl_set_int(s, "ID", o->support_kr_id);
		tmpl_set(s, "TITLE", b->kr[k].title);
	}
	for (i = 0; i < b->nobj; i++) {
		if (b->obj[i].parent_id != o->id && b->obj[i].parent2_id != o->id)
			continue;
		s = tmpl_add_section(d, "CHILD");
		tmpl_set_int(s, "ID", b->obj[i].id);
		tmpl_set(s, "TITLE", b->obj[i].title);
		okr_fill_score(r, s, b->obj[i].score, b->obj[i].has, b->elapsed);
	}
}

/* The review block of a closed cycle: the text, and the form for the
 * owner (values from the stored review unless d already holds posted
 * ones). */
static enum db_rc
fill_review(struct req *r, tmpl_dict *d, const struct okr_objective *o, int posted)
{
	struct db_res *res;
	tmpl_dict *s;
	enum db_rc rc;

	if ((rc = db_query(r->a, &q_review, &res, "i", o->id)) != DB_OK)
		return rc;
	tmpl_show_section(d, "REVIEW_BLOCK");
	if (res->nrows == 1) {
		s = tmpl_add_section(d, "REVIEW");
		tmpl_set(s, "WORKED", db_gets(res, 0, 0));
		tmpl_set(s, "NOT_WORKED", db_gets(res, 0, 1));
		tmpl_set(s, "STANDARD", db_gets(res, 0, 2));
		tmpl_set(s, "AUTHOR", db_gets(res, 0, 3));
		tmpl_set(s, "AT", fmt_local_time(r->a, db_get(res, 0, 4)));
		if (!posted) {
			tmpl_set(d, "VAL_worked", db_gets(res, 0, 0));
			tmpl_set(d, "VAL_not_worked", db_gets(res, 0, 1));
			tmpl_set(d, "VAL_standard", db_gets(res, 0, 2));
			tmpl_set(d, "VAL_version", db_gets(res, 0, 5));
		}
	} else {
		tmpl_show_section(d, "REVIEW_MISSING");
		if (!posted)
			tmpl_set(d, "VAL_version", "0");
	}
	if (okr_may_edit(r, o->owner_id, 0))
		tmpl_show_section(d, "REVIEW_FORM");
	return DB_OK;
}

/* The page of board b's objective idx (d: a page dictionary, freed). */
static int
objective_send(struct req *r, int status, tmpl_dict *d, const struct okr_board *b, long idx,
    int posted)
{
	const struct okr_objective *o = &b->obj[idx];
	size_t j;
	enum db_rc rc;

	okr_fill_cycle(r, d, &b->cycle);
	tmpl_set_int(d, "ID", o->id);
	tmpl_set(d, "TITLE", o->title);
	tmpl_set(d, "DESCRIPTION", o->description);
	tmpl_set(d, "LEVEL_LABEL", i18n(r->lang, arena_printf(r->a, "O_LEVEL_%s", o->level)));
	tmpl_set(d, "OWNER", *o->owner_name != '\0' ? o->owner_name : "—");
	tmpl_set(d, "TEAM", *o->team_name != '\0' ? o->team_name : "—");
	if (o->status_set != NULL)
		tmpl_show_section(d, "STATUS_BY_HAND");
	okr_fill_score(r, d, o->score, o->has, b->elapsed);
	okr_fill_status(r, d, o->status);
	fill_alignment(r, d, b, o);
	for (j = 0; j < o->nkr; j++)
		okr_fill_kr(r, tmpl_add_section(d, "KR"), &b->kr[o->kr0 + j]);
	if (o->nkr == 0)
		tmpl_show_section(d, "NO_KRS");
	if (b->cycle.state != OKR_CLOSED && okr_may_edit(r, o->owner_id, 0))
		tmpl_show_section(d, "CAN_EDIT");
	if (b->cycle.state == OKR_CLOSED && (rc = fill_review(r, d, o, posted)) != DB_OK) {
		tmpl_free(d);
		return okr_db_fail(r, rc);
	}
	return resp_page(r, status, "okr/objective.tpl", d);
}

int
okr_objective_get(struct req *r)
{
	struct okr_board b;
	long long id = okr_param_id(r, 0);
	long idx;
	enum db_rc rc;

	if (id == 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if ((rc = okr_load_for_objective(r, id, &b, &idx)) != DB_OK)
		return okr_db_fail(r, rc);
	if (idx < 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	return objective_send(r, 200, page_dict(r, "O_OBJECTIVE_TITLE"), &b, idx, 0);
}

int
okr_review_post(struct req *r)
{
	static const char *const fields[] = { "worked", "not_worked", "standard" };
	struct okr_board b;
	struct form_check fc;
	const char *v[3];
	unsigned long long aff = 0;
	long long id = okr_param_id(r, 0), version = 0;
	long idx;
	size_t i;
	enum db_rc rc;

	if (id == 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if ((rc = okr_load_for_objective(r, id, &b, &idx)) != DB_OK)
		return okr_db_fail(r, rc);
	if (idx < 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if (!okr_may_edit(r, b.obj[idx].owner_id, 0))
		return resp_error(r, 403, "ERR_FORBIDDEN");
	if (b.cycle.state != OKR_CLOSED)
		return resp_error(r, 409, "O_ERR_NOT_CLOSED");
	if (valid_int(req_form(r, "version"), 0, 1LL << 31, &version) != NULL)
		return resp_error(r, 400, "ERR_BAD_REQUEST");
	fc.r = r;
	fc.d = page_dict(r, "O_OBJECTIVE_TITLE");
	fc.nerr = 0;
	for (i = 0; i < 3; i++) {
		v[i] = valid_trim(r->a, req_form(r, fields[i]));
		form_check_field(&fc, fields[i], v[i], valid_text(v[i], 4000, 1, 1));
	}
	tmpl_set_int(fc.d, "VAL_version", version);
	if (fc.nerr > 0)
		return objective_send(r, 422, fc.d, &b, idx, 1);
	if (version == 0)
		rc = db_exec(&q_review_add, &aff, "isssi", id, v[0], v[1], v[2], r->user->id);
	else
		rc = db_exec(&q_review_edit, &aff, "sssiii", v[0], v[1], v[2], r->user->id, id,
		    version);
	if (rc == DB_DUP || (rc == DB_OK && aff == 0)) {
		tmpl_show_section(fc.d, "CONFLICT");
		return objective_send(r, 409, fc.d, &b, idx, 1);
	}
	tmpl_free(fc.d);
	if (rc != DB_OK)
		return okr_db_fail(r, rc);
	return resp_redirect(r, arena_printf(r->a, "/okr/objectives/%lld#review", id));
}
