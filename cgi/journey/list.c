/* GET /journeys/ (the maps, or ?archived=1 the archived ones) and POST
 * /journeys/new (a map from a template or blank). */
#include "jr.h"
#include "arena.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

/* How many stages of map id are off target over the default period. */
static enum db_rc
off_target(struct req *r, long long id, const struct jr_period *p, struct jr_memo *memo,
    int *off)
{
	struct journey j;
	struct jr_value *v;
	enum db_rc rc;

	*off = 0;
	if (journey_load(r->a, id, &j) != JOURNEY_OK)
		return DB_ERR;
	if ((rc = jr_values(r, &j, p, 0, memo, &v)) != DB_OK)
		return rc;
	*off = v != NULL ? jr_stages_off(&j, v) : 0;
	return DB_OK;
}

static void
row_fill(struct req *r, tmpl_dict *d, const struct journey_row *w, int off, int edit)
{
	const char *scope = "";
	int en = strcmp(r->lang, "en") == 0;

	tmpl_set_int(d, "ID", w->id);
	tmpl_set_int(d, "VERSION", w->version);
	tmpl_set(d, "NAME", w->name);
	tmpl_set(d, "PERSONA", w->persona_name);
	tmpl_set(d, "KIND", i18n(r->lang, w->golden ? "J_GOLDEN" : "J_CURRENT"));
	tmpl_set(d, "KIND_CLASS", w->golden ? "golden" : "current");
	if (*w->category != '\0')
		scope = en ? w->category_en : w->category;
	if (*w->team != '\0')
		scope = arena_printf(r->a, "%s%s%s", scope, *scope ? " · " : "", w->team);
	if (*w->channel != '\0')
		scope = arena_printf(r->a, "%s%s%s", scope, *scope ? " · " : "", w->channel);
	tmpl_set(d, "SCOPE", *scope ? scope : i18n(r->lang, "J_SCOPE_ALL"));
	tmpl_set_int(d, "STAGES", w->nstages);
	tmpl_set_int(d, "OFF", off);
	if (off > 0)
		tmpl_show_section(d, "IS_OFF");
	tmpl_set(d, "OWNER", w->owner_name);
	tmpl_set(d, "UPDATED", fmt_local_time(r->a, w->updated_at));
	if (edit)
		tmpl_show_section(d, w->archived ? "CAN_RESTORE" : "CAN_ARCHIVE");
}

int
jr_list(struct req *r)
{
	const char *arch = req_query(r, "archived");
	int archived = arch != NULL && strcmp(arch, "1") == 0, edit = jr_can_edit(r), off;
	struct journey_row *rows;
	struct jr_period p;
	struct jr_memo memo = { NULL, 0, 0 };
	enum journey_rc jrc;
	enum db_rc rc;
	tmpl_dict *d;
	size_t n, i;

	if (jr_period_parse(r, &p) != NULL)
		return resp_error(r, 400, "ERR_BAD_REQUEST");
	if ((jrc = journey_list(r->a, archived, &rows, &n)) != JOURNEY_OK)
		return jr_fail(r, jrc);
	d = page_dict(r, "J_LIST_TITLE");
	for (i = 0; i < n; i++) {
		off = 0;
		if (!archived && (rc = off_target(r, rows[i].id, &p, &memo, &off)) == DB_DOWN) {
			tmpl_free(d);
			return resp_error(r, 503, "ERR_DB_DOWN");
		}
		row_fill(r, tmpl_add_section(d, "MAP"), &rows[i], off, edit);
	}
	if (n == 0)
		tmpl_show_section(d, "NO_MAPS");
	tmpl_show_section(d, archived ? "SHOWING_ARCHIVED" : "SHOWING_LIVE");
	if (edit)
		tmpl_show_section(d, "CAN_EDIT");
	return resp_page(r, 200, "journey/list.tpl", d);
}

int
jr_new(struct req *r)
{
	const char *tpl = valid_trim(r->a, req_form(r, "template"));
	const char *name = valid_trim(r->a, req_form(r, "name"));
	const char *labels[JOURNEY_TPL__MAX];
	const char *p_tpl, *p_name;
	struct jr_fix *f;
	enum journey_rc rc;
	long long id;
	int t;

	p_tpl = valid_choice(tpl, journey_template_names, &t);
	p_name = valid_text(name, JOURNEY_NAME_MAX, 0, 0);
	if (p_tpl != NULL || p_name != NULL) {
		f = jr_fix_new(r, "/journeys/new", "J_NEW_MAP");
		labels[JOURNEY_TPL_BLANK] = i18n(r->lang, "J_TPL_blank");
		labels[JOURNEY_TPL_REPAIR] = i18n(r->lang, "J_TPL_repair");
		labels[JOURNEY_TPL_MEMBERSHIP] = i18n(r->lang, "J_TPL_membership");
		jr_fix_select(f, "template", "J_TEMPLATE", tpl, p_tpl, journey_template_names,
		    labels, JOURNEY_TPL__MAX);
		jr_fix_text(f, "name", "J_NAME", name, p_name, JOURNEY_NAME_MAX, 0);
		jr_fix_button(f, "op", "create", "J_CREATE");
		return jr_fix_send(f, 422, "J_FIX_NOTE", 0);
	}
	rc = journey_create(r->a, (enum journey_template)t, name, r->lang,
	    r->user != NULL ? r->user->id : 0, &id);
	if (rc != JOURNEY_OK)
		return jr_fail(r, rc);
	return resp_redirect(r, arena_printf(r->a, "/journeys/%lld", id));
}
