/* Saved views of the queue: POST /desk/views saves the filters of the
 * view shown under a name (the same name again replaces that view's
 * filters), POST /desk/views/<id>/delete deletes one. A view belongs to
 * the user who saved it: it is listed only to them, and another user's id
 * answers 404 like an id that does not exist. The filters are checked by
 * the queue's own validators before they are stored, and stored as the
 * queue's canonical query string; the list links to /desk/?<query>. */
#include "desk.h"
#include "queue_views.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

#define VIEW_NAME_CHARS 60
#define VIEWS_MAX       30    /* per user */

static struct db_q q_count = DB_Q(
    "SELECT COUNT(*), COALESCE(SUM(name = ?), 0) FROM saved_views WHERE user_id = ?");
static struct db_q q_save = DB_Q(
    "INSERT INTO saved_views (user_id, name, query, created_at)"
    " VALUES (?, ?, ?, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE query = VALUES(query)");
static struct db_q q_delete = DB_Q(
    "DELETE FROM saved_views WHERE id = ? AND user_id = ?");

tmpl_dict *
queue_views_fill(struct req *r, tmpl_dict *d, const char *current, const struct db_res *res)
{
	tmpl_dict *v;
	size_t i;

	v = tmpl_add_section(d, "VIEWS");
	tmpl_set(v, "CURRENT_QUERY", current);
	for (i = 0; i < res->nrows; i++) {
		tmpl_dict *row = tmpl_add_section(v, "VIEW");
		const char *q = db_gets(res, i, 2);

		tmpl_set(row, "ID", db_gets(res, i, 0));
		tmpl_set(row, "NAME", db_gets(res, i, 1));
		tmpl_set(row, "HREF", *q != '\0' ? arena_printf(r->a, "/desk/?%s", q) : "/desk/");
		if (strcmp(q, current) == 0)
			tmpl_show_section(row, "CURRENT");
	}
	if (res->nrows == 0)
		tmpl_show_section(v, "NO_VIEWS");
	return v;
}

int
queue_view_save_post(struct req *r)
{
	struct queue_keys keys;
	struct queue_lists l;
	struct db_res *res;
	const char *name = valid_trim(r->a, req_form(r, "name")), *query, *problem = NULL;

	if (queue_cache_keys(r, &keys) != DB_OK || queue_cache_lists(r->a, &keys, &l) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if ((query = queue_form_filters(r, &l, &problem)) == NULL)
		return queue_form_refused(r, 422, problem);
	/* no name: back to the very view, its filters kept */
	if (valid_text(name, VIEW_NAME_CHARS, 1, 0) != NULL)
		return queue_form_refused_to(r, 422, i18n(r->lang, "QV_ERR_NAME"), *query != '\0' ?
		    arena_printf(r->a, "/desk/?%s", query) : "/desk/");
	if (db_query(r->a, &q_count, &res, "si", name, r->user->id) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (db_get_int(res, 0, 0) >= VIEWS_MAX && db_get_int(res, 0, 1) == 0)
		return queue_form_refused(r, 422, i18n(r->lang, "QV_ERR_TOO_MANY"));
	if (db_exec(&q_save, NULL, "iss", r->user->id, name, query) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	return resp_redirect(r, queue_back_done(r, *query != '\0' ?
	    arena_printf(r->a, "/desk/?%s", query) : "/desk/", "view_saved", ""));
}

int
queue_view_delete_post(struct req *r)
{
	unsigned long long gone = 0;
	const char *back = queue_back(r);
	long long id;

	if (valid_int(r->params[0], 1, LLONG_MAX, &id) != NULL)
		return resp_error(r, 404, "QV_ERR_NOT_FOUND");
	if (back == NULL)
		return queue_form_refused(r, 400, i18n(r->lang, "QB_ERR_BACK"));
	if (db_exec(&q_delete, &gone, "ii", id, r->user->id) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (gone == 0)   /* none, or another user's */
		return resp_error(r, 404, "QV_ERR_NOT_FOUND");
	return resp_redirect(r, queue_back_done(r, back, "view_deleted", ""));
}
