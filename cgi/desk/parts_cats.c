/* The categories a part fits (part_categories): the card of the part page
 * and POST /desk/parts/<id>/categories (supervisors and admins: which
 * parts belong to which appliance is catalogue policy, not a desk task).
 * The ticket's part picker lists the parts of its category first.
 *
 * The form has one checkbox per active category, named cat_<id>, value 1;
 * the set sent replaces the part's set in one transaction. A checkbox
 * with another value is refused (422, nothing changed). */
#include "parts.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"

#include <string.h>

#define PARTS_CATS_MAX 500

static struct db_q q_cats = DB_Q(
    "SELECT c.id, c.name_zh, c.name_en,"
    " EXISTS (SELECT 1 FROM part_categories pc WHERE pc.part_id = ? AND pc.category_id = c.id)"
    " FROM categories c WHERE c.active = 1"
    " OR EXISTS (SELECT 1 FROM part_categories pc WHERE pc.part_id = ? AND pc.category_id = c.id)"
    " ORDER BY c.sort, c.id LIMIT ?");
static struct db_q q_part_ok = DB_Q("SELECT 1 FROM parts WHERE id = ? FOR UPDATE");
static struct db_q q_clear = DB_Q("DELETE FROM part_categories WHERE part_id = ?");
static struct db_q q_add = DB_Q(
    "INSERT INTO part_categories (part_id, category_id) VALUES (?, ?)");

enum { CC_ID, CC_NAME_ZH, CC_NAME_EN, CC_TIED };

/* 1 when the signed-in user may change a part's categories. */
static int
may_edit(const struct req *r)
{
	return r->user != NULL && r->user->role >= ROLE_SUPERVISOR;
}

int
parts_cats_section(struct req *r, tmpl_dict *d, long long part_id, int kept)
{
	struct db_res *c;
	tmpl_dict *f = NULL;
	size_t i, tied = 0;

	if (db_query(r->a, &q_cats, &c, "iiI", part_id, part_id, PARTS_CATS_MAX) != DB_OK)
		return -1;
	if (may_edit(r))
		f = tmpl_add_section(d, "CATS_FORM");
	for (i = 0; i < c->nrows; i++) {
		const char *field = arena_printf(r->a, "cat_%s", db_gets(c, i, CC_ID));
		int on = kept ? req_form(r, field) != NULL : db_get_int(c, i, CC_TIED) != 0;

		if (db_get_int(c, i, CC_TIED)) {
			tmpl_set(tmpl_add_section(d, "CAT_TIED"), "NAME", parts_text(r, c, i,
			    CC_NAME_ZH));
			tied++;
		}
		if (f != NULL) {
			tmpl_dict *o = tmpl_add_section(f, "CAT_BOX");

			tmpl_set(o, "FIELD", field);
			tmpl_set(o, "NAME", parts_text(r, c, i, CC_NAME_ZH));
			if (on)
				tmpl_show_section(o, "CHECKED");
		}
	}
	if (tied == 0)
		tmpl_show_section(d, "CATS_NONE");
	if (!kept && req_query(r, "cats") != NULL && strcmp(req_query(r, "cats"), "saved") == 0)
		tmpl_show_section(d, "CATS_SAVED");
	return 0;
}

/* The new set in one transaction. */
static enum db_rc
cats_save(struct req *r, long long id, const struct db_res *c, int *found)
{
	struct db_res *ok;
	enum db_rc rc;
	size_t i;

	*found = 0;
	if ((rc = db_begin()) != DB_OK)
		return rc;
	if ((rc = db_query(r->a, &q_part_ok, &ok, "i", id)) != DB_OK || ok->nrows != 1 ||
	    (rc = db_exec(&q_clear, NULL, "i", id)) != DB_OK)
		goto out;
	*found = 1;
	for (i = 0; i < c->nrows; i++)
		if (req_form(r, arena_printf(r->a, "cat_%s", db_gets(c, i, CC_ID))) != NULL &&
		    (rc = db_exec(&q_add, NULL, "ii", id, db_get_int(c, i, CC_ID))) != DB_OK)
			goto out;
	return db_commit();
out:
	db_rollback();
	return rc;
}

int
parts_cats_post(struct req *r)
{
	struct db_res *c;
	long long id;
	enum db_rc rc;
	size_t i;
	int found, bad = 0;

	if (!parts_route_id(r, &id))
		return resp_error(r, 404, "P_ERR_NOT_FOUND");
	if (db_query(r->a, &q_cats, &c, "iiI", id, id, PARTS_CATS_MAX) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	for (i = 0; i < c->nrows; i++) {
		const char *v = req_form(r, arena_printf(r->a, "cat_%s", db_gets(c, i, CC_ID)));

		if (v != NULL && strcmp(v, "1") != 0)
			bad = 1;
	}
	if (bad) {
		tmpl_dict *d = page_dict(r, "P_PART_TITLE");

		tmpl_set(tmpl_add_section(d, "CATS_ERROR"), "MSG", i18n(r->lang, "P_ERR_CATEGORY"));
		return parts_page_send(r, id, 422, d);
	}
	if ((rc = cats_save(r, id, c, &found)) != DB_OK)
		return parts_db_error(r, rc);
	if (!found)
		return resp_error(r, 404, "P_ERR_NOT_FOUND");
	return resp_redirect(r, arena_printf(r->a, "/desk/parts/%lld?cats=saved#categories", id));
}
