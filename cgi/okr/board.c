/* GET /okr/ — the board of the current cycle (or ?cycle=<id>): the
 * objective tree with scores, bands and status, the company and team
 * roll-ups, key results without a check-in for 7 days and objectives
 * without an owner. ?team=<id> keeps one team, ?mine=1 the user's own.
 * GET /okr/board.csv — the same rows as CSV. */
#include "okr_pages.h"
#include "arena.h"
#include "valid.h"

#include <string.h>

#define OKR_MAX_DEPTH 4

static struct db_q q_board_teams = DB_Q(
    "SELECT DISTINCT t.id, t.name FROM okr_objectives o JOIN teams t ON t.id = o.team_id"
    " WHERE o.cycle_id = ? ORDER BY t.name");

/* The cycle asked for (?cycle=) or the current one; *found 0 when none. */
static enum db_rc
board_cycle(struct req *r, struct okr_cycle *c, int *found, int *bad)
{
	const char *v = req_query(r, "cycle");
	long long id;

	*bad = 0;
	if (v != NULL && *v != '\0') {
		if (valid_int(v, 1, 1LL << 53, &id) != NULL) {
			*bad = 1;
			*found = 0;
			return DB_OK;
		}
		return okr_cycle_get(r->a, id, c, found);
	}
	return okr_cycle_current(r->a, okr_now(), c, found);
}

static void
fill_objective(struct req *r, tmpl_dict *o, const struct okr_board *b,
    const struct okr_objective *ob)
{
	size_t j;
	tmpl_dict *k;

	tmpl_set_int(o, "ID", ob->id);
	tmpl_set(o, "TITLE", ob->title);
	tmpl_set_int(o, "DEPTH", ob->depth > OKR_MAX_DEPTH ? OKR_MAX_DEPTH : ob->depth);
	tmpl_set(o, "LEVEL_LABEL", i18n(r->lang, arena_printf(r->a, "O_LEVEL_%s", ob->level)));
	tmpl_set(o, "OWNER", *ob->owner_name != '\0' ? ob->owner_name : "—");
	tmpl_set(o, "TEAM", *ob->team_name != '\0' ? ob->team_name : "");
	if (ob->owner_id == 0)
		tmpl_show_section(o, "NO_OWNER");
	okr_fill_score(r, o, ob->score, ob->has, b->elapsed);
	okr_fill_status(r, o, ob->status);
	for (j = 0; j < ob->nkr; j++) {
		k = tmpl_add_section(o, "KR");
		okr_fill_kr(r, k, &b->kr[ob->kr0 + j]);
	}
	if (ob->nkr == 0)
		tmpl_show_section(o, "NO_KRS");
}

static enum db_rc
fill_teams(struct req *r, tmpl_dict *d, const struct okr_board *all, long long team_sel)
{
	struct db_res *res;
	enum okr_status st;
	tmpl_dict *t;
	size_t i;
	double s;
	int has;
	enum db_rc rc;

	if ((rc = db_query(r->a, &q_board_teams, &res, "i", all->cycle.id)) != DB_OK)
		return rc;
	for (i = 0; i < res->nrows; i++) {
		t = tmpl_add_section(d, "TEAM_ROW");
		tmpl_set(t, "TEAM_ID", db_gets(res, i, 0));
		tmpl_set(t, "TEAM_NAME", db_gets(res, i, 1));
		s = okr_board_team_score(all, db_get_int(res, i, 0), &has, &st);
		okr_fill_score(r, t, s, has, all->elapsed);
		okr_fill_status(r, t, st);
		t = tmpl_add_section(d, "TEAM_FILTER");
		tmpl_set(t, "OPT_ID", db_gets(res, i, 0));
		tmpl_set(t, "OPT_NAME", db_gets(res, i, 1));
		if (db_get_int(res, i, 0) == team_sel)
			tmpl_show_section(t, "OPT_SELECTED");
	}
	return DB_OK;
}

static void
fill_cycles(struct req *r, tmpl_dict *d, long long cur)
{
	struct okr_cycle *cs;
	tmpl_dict *c;
	size_t n, i;

	if (okr_cycle_list(r->a, &cs, &n) != DB_OK)
		return;
	for (i = 0; i < n; i++) {
		c = tmpl_add_section(d, "CYCLE_LINK");
		tmpl_set_int(c, "ID", cs[i].id);
		tmpl_set(c, "NAME", cs[i].name);
		if (cs[i].id == cur)
			tmpl_show_section(c, "CURRENT");
	}
}

/* The filters of the query: team id (0 all), mine. -1 when malformed. */
static int
board_filters(struct req *r, long long *team, int *mine)
{
	const char *t = req_query(r, "team"), *m = req_query(r, "mine");

	*team = 0;
	*mine = m != NULL && strcmp(m, "1") == 0;
	if (t != NULL && *t != '\0' && valid_int(t, 1, 1LL << 53, team) != NULL)
		return -1;
	return 0;
}

int
okr_board_get(struct req *r)
{
	struct okr_board b, all;
	struct okr_cycle c;
	long long team, now = okr_now();
	tmpl_dict *d, *s;
	size_t i, j;
	int found, bad, mine;
	enum db_rc rc;

	if (board_filters(r, &team, &mine) != 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if ((rc = okr_team_exists(r, team, &found)) != DB_OK)
		return okr_db_fail(r, rc);
	if (!found)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if ((rc = board_cycle(r, &c, &found, &bad)) != DB_OK)
		return okr_db_fail(r, rc);
	if (bad || (!found && req_query(r, "cycle") != NULL))
		return resp_error(r, 404, "ERR_NOT_FOUND");
	d = page_dict(r, "O_BOARD_TITLE");
	tmpl_set(d, "OKR_CSS", "/static/css/okr.css");
	if (okr_is_manager(r))
		tmpl_show_section(d, "MANAGER");
	if (!found) {
		tmpl_show_section(d, "NO_CYCLE");
		return resp_page(r, 200, "okr/board.tpl", d);
	}
	if ((rc = okr_board_load(r->a, &c, now, 0, 0, &all)) != DB_OK) {
		tmpl_free(d);
		return okr_db_fail(r, rc);
	}
	if (team > 0 || mine) {
		if ((rc = okr_board_load(r->a, &c, now, team, mine ? r->user->id : 0, &b)) != DB_OK) {
			tmpl_free(d);
			return okr_db_fail(r, rc);
		}
	} else {
		b = all;
	}
	tmpl_show_section(d, "HAS_CYCLE");
	okr_fill_cycle(r, d, &c);
	fill_cycles(r, d, c.id);
	if (mine)
		tmpl_show_section(d, "MINE");
	if (team > 0)
		tmpl_set_int(d, "TEAM_SEL", team);
	tmpl_set_int(d, "ELAPSED_PCT", (long long)(b.elapsed * 100 + 0.5));
	s = tmpl_add_section(d, "COMPANY");
	okr_fill_score(r, s, all.score, all.has, all.elapsed);
	okr_fill_status(r, s, all.status);
	if ((rc = fill_teams(r, d, &all, team)) != DB_OK) {
		tmpl_free(d);
		return okr_db_fail(r, rc);
	}
	for (i = 0; i < b.nobj; i++) {
		fill_objective(r, tmpl_add_section(d, "OBJ"), &b, &b.obj[i]);
		if (b.obj[i].owner_id == 0) {
			s = tmpl_add_section(d, "UNOWNED");
			tmpl_set_int(s, "ID", b.obj[i].id);
			tmpl_set(s, "TITLE", b.obj[i].title);
		}
		for (j = 0; j < b.obj[i].nkr; j++)
			if (b.kr[b.obj[i].kr0 + j].stale)
				okr_fill_kr(r, tmpl_add_section(d, "STALE_KR"), &b.kr[b.obj[i].kr0 + j]);
	}
	if (b.nobj == 0)
		tmpl_show_section(d, "NO_OBJECTIVES");
	return resp_page(r, 200, "okr/board.tpl", d);
}

int
okr_board_csv(struct req *r)
{
	struct okr_board b;
	struct okr_cycle c;
	const char *out = "objective,level,owner,team,key_result,type,start,target,current,"
	    "progress,status\r\n";
	size_t i, j;
	int found, bad;
	enum db_rc rc;

	if ((rc = board_cycle(r, &c, &found, &bad)) != DB_OK)
		return okr_db_fail(r, rc);
	if (!found)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if ((rc = okr_board_load(r->a, &c, okr_now(), 0, 0, &b)) != DB_OK)
		return okr_db_fail(r, rc);
	for (i = 0; i < b.nobj; i++) {
		const struct okr_objective *o = &b.obj[i];

		for (j = 0; j < o->nkr; j++) {
			const struct okr_kr *k = &b.kr[o->kr0 + j];

			out = arena_printf(r->a, "%s%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\r\n", out,
			    metric_csv_field(r->a, o->title), o->level,
			    metric_csv_field(r->a, o->owner_name),
			    metric_csv_field(r->a, o->team_name), metric_csv_field(r->a, k->title),
			    kr_type_name(k->type), okr_num(r->a, k->start), okr_num(r->a, k->target),
			    k->has_current ? okr_num(r->a, k->current) : "",
			    k->res.has ? arena_printf(r->a, "%.3f", k->res.progress) : "",
			    okr_status_name(k->res.status));
		}
	}
	resp_header(r, "Content-Disposition", "attachment; filename=\"okr-board.csv\"");
	return resp_raw(r, 200, "text/csv; charset=utf-8", out, strlen(out));
}
