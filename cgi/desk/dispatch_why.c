/* The "why this technician" card of the ticket page: the latest stored
 * auto-dispatch decision (cgi/service/dispatch_db.c), read back exactly as
 * it was made, so it still explains the choice after loads and regions
 * have changed. */
#include "dispatch_why.h"
#include "arena.h"
#include "db.h"
#include "dispatch.h"
#include "fmt.h"
#include "http.h"
#include "ticket_page.h"
#include "tmpl.h"

#include <string.h>

#define DISPATCH_WHY_TPL "desk/dispatch_why.tpl"

static struct db_q q_decision = DB_Q(
    "SELECT c.pos, c.name, c.region, c.skill, c.region_depth, c.open_tickets, c.reason,"
    " e.at, COALESCE(cat.name_zh, ''), COALESCE(cat.name_en, '')"
    " FROM dispatch_candidates c JOIN ticket_events e ON e.id = c.event_id"
    " JOIN tickets t ON t.id = c.ticket_id LEFT JOIN categories cat ON cat.id = t.category_id"
    " WHERE c.ticket_id = ? AND c.event_id ="
    " (SELECT MAX(event_id) FROM dispatch_candidates WHERE ticket_id = ?)"
    " ORDER BY c.pos LIMIT ?");

enum { DW_POS, DW_NAME, DW_REGION, DW_SKILL, DW_DEPTH, DW_LOAD, DW_REASON, DW_AT,
       DW_CAT_ZH, DW_CAT_EN };

/* The row's reason in words: the catalog key DW_REASON_<name>; a region
 * that matches, less specifically than the winner's, says its level. */
static const char *
reason_text(struct req *r, const struct db_res *res, size_t i)
{
	const char *name = db_gets(res, i, DW_REASON);

	if (strcmp(name, "region") == 0 && db_get_int(res, i, DW_DEPTH) > 0)
		return i18n(r->lang, "DW_REASON_region_less");
	return i18n(r->lang, arena_printf(r->a, "DW_REASON_%s", name));
}

/* "（第 2 级）" / "(level 2)": how specific a region match is. */
static const char *
depth_text(struct req *r, long long depth)
{
	return arena_printf(r->a, "%s%lld%s", i18n(r->lang, "DW_LEVEL_OPEN"), depth,
	    i18n(r->lang, "DW_LEVEL_CLOSE"));
}

static void
fill_winner(struct req *r, tmpl_dict *inc, const struct db_res *res)
{
	long long depth = db_get_int(res, 0, DW_DEPTH);
	const char *cat = db_gets(res, 0, strcmp(r->lang, "en") == 0 ? DW_CAT_EN : DW_CAT_ZH);
	tmpl_dict *w = tmpl_add_section(inc, "DW_DECISION");

	tmpl_set(w, "NAME", db_gets(res, 0, DW_NAME));
	tmpl_set(w, "AT", fmt_local_time(r->a, db_gets(res, 0, DW_AT)));
	tmpl_set(w, "CATEGORY", cat);
	tmpl_set(w, "LOAD", db_gets(res, 0, DW_LOAD));
	if (depth > 0) {
		tmpl_dict *m = tmpl_add_section(w, "REGION_MATCH");

		tmpl_set(m, "REGION", db_gets(res, 0, DW_REGION));
		tmpl_set(m, "DEPTH", depth_text(r, depth));
	} else {
		tmpl_show_section(w, "REGION_NONE");
	}
}

/* The other candidates: those with the skill one by one, with the reason
 * each lost; those without it folded into one line (often most of the
 * technicians, and their reason is the same). */
static void
fill_others(struct req *r, tmpl_dict *w, const struct db_res *res)
{
	tmpl_dict *no = NULL;
	size_t i, nskill = 0, nnone = 0;

	for (i = 1; i < res->nrows; i++) {
		tmpl_dict *o;
		const char *region = db_gets(res, i, DW_REGION);

		if (!db_get_int(res, i, DW_SKILL)) {
			if (no == NULL)
				no = tmpl_add_section(w, "NO_SKILL");
			tmpl_set(tmpl_add_section(no, "NO_SKILL_NAME"), "NAME", db_gets(res, i, DW_NAME));
			nnone++;
			continue;
		}
		o = tmpl_add_section(w, "DW_CAND");
		tmpl_set(o, "NAME", db_gets(res, i, DW_NAME));
		tmpl_set(o, "REGION", *region != '\0' ? region : "—");
		tmpl_set(o, "LOAD", db_gets(res, i, DW_LOAD));
		if (db_get_int(res, i, DW_DEPTH) > 0)
			tmpl_set(tmpl_add_section(o, "MATCH"), "DEPTH", depth_text(r,
			    db_get_int(res, i, DW_DEPTH)));
		tmpl_set(o, "REASON", reason_text(r, res, i));
		tmpl_set(o, "REASON_CODE", db_gets(res, i, DW_REASON));
		nskill++;
	}
	if (no != NULL)
		tmpl_set_int(no, "COUNT", (long long)nnone);
	if (nskill > 0)
		tmpl_show_section(w, "HAS_OTHERS");
	else if (nnone == 0)
		tmpl_show_section(w, "NO_OTHERS");
}

int
dispatch_why_section(struct req *r, tmpl_dict *d, long long ticket_id)
{
	tmpl_dict *inc = tmpl_add_include(d, "DISPATCH_WHY", DISPATCH_WHY_TPL);
	struct db_res *res;

	if (r->user == NULL || r->user->role < ROLE_AGENT ||
	    !desk_ticket_may_have(r, ticket_id, DESK_HAS_DISPATCH))
		return 0;
	if (db_query(r->a, &q_decision, &res, "iiI", ticket_id, ticket_id,
	    DISPATCH_STORED_MAX) != DB_OK)
		return -1;
	if (res->nrows == 0 || strcmp(db_gets(res, 0, DW_REASON), "chosen") != 0)
		return 0;
	fill_winner(r, inc, res);
	fill_others(r, tmpl_add_section(inc, "DW_OTHERS"), res);
	return 0;
}
