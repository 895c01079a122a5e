/* POST handlers that change a map: its name, persona and scope; stages,
 * lanes, items and bound metrics (op= says which button: save, move,
 * delete); archive/restore, duplicate and the golden design. Each answers
 * 303 to the map, 422 with the values kept, 409 when the map changed
 * since the form was made, 404 for an id of another map. */
#include "post.h"
#include "arena.h"
#include "http.h"
#include "ticket_state.h"
#include "i18n.h"
#include "valid.h"

#include <string.h>


/* The path of the form that was sent ("/journeys/12/items/40"). */
static const char *
path_of(struct req *r, const char *what)
{
	if (r->params[1] != NULL)
		return arena_printf(r->a, "/journeys/%s/%s/%s", r->params[0], what, r->params[1]);
	return arena_printf(r->a, "/journeys/%s/%s", r->params[0], what);
}

/* An id of the scope table q that exists (0 for ""): *out set. */
static struct db_q q_cat = DB_Q("SELECT COUNT(*) FROM categories WHERE id = ?");
static struct db_q q_team = DB_Q("SELECT COUNT(*) FROM teams WHERE id = ?");

static int
scope_id(struct jr_post *p, struct db_q *q, const char *name, const char *label,
    long long *out)
{
	const char *v = valid_trim(p->r->a, req_form(p->r, name));
	struct db_res *res;

	*out = 0;
	if (*v != '\0' && (valid_int(v, 1, 999999999999LL, out) != NULL ||
	    db_query(p->r->a, q, &res, "i", *out) != DB_OK || db_get_int(res, 0, 0) == 0)) {
		jr_post_refuse(p, name, label, v, "ERR_INVALID");
		return -1;
	}
	jr_fix_hidden(p->fix, name, v);
	return 0;
}

int
jr_meta(struct req *r)
{
	struct jr_post p;
	struct journey_meta m;
	const char *ch;
	int idx;

	if (jr_post_begin(r, &p, path_of(r, "meta"), "J_EDIT_MAP") != 0)
		return 0;
	memset(&m, 0, sizeof(m));
	m.name = jr_post_text(&p, "name", "J_NAME", JOURNEY_NAME_MAX, 1, 0);
	m.persona_name = jr_post_text(&p, "persona_name", "J_PERSONA_NAME", 60, 0, 0);
	m.persona_situation = jr_post_text(&p, "persona_situation", "J_PERSONA_SITUATION", 400,
	    0, 1);
	m.persona_goals = jr_post_text(&p, "persona_goals", "J_PERSONA_GOALS", 400, 0, 1);
	m.persona_frustrations = jr_post_text(&p, "persona_frustrations",
	    "J_PERSONA_FRUSTRATIONS", 400, 0, 1);
	scope_id(&p, &q_cat, "category", "J_SCOPE_CATEGORY", &m.category_id);
	scope_id(&p, &q_team, "team", "J_SCOPE_TEAM", &m.team_id);
	ch = valid_trim(r->a, req_form(r, "channel"));
	if (*ch != '\0' && valid_choice(ch, ticket_channel_names(), &idx) != NULL)
		jr_post_refuse(&p, "channel", "J_SCOPE_CHANNEL", ch, "ERR_INVALID");
	else
		jr_fix_hidden(p.fix, "channel", ch);
	m.channel = ch;
	if (p.nerr > 0)
		return jr_post_refused(&p);
	return jr_post_done(&p, journey_set_meta(r->a, &p.e, &m), "persona");
}

int
jr_stage_add(struct req *r)
{
	struct jr_post p;
	const char *name;
	long long emo;

	if (jr_post_begin(r, &p, path_of(r, "stages"), "J_ADD_STAGE") != 0)
		return 0;
	name = jr_post_text(&p, "name", "J_STAGE_NAME", JOURNEY_STAGE_MAX, 1, 0);
	jr_post_int(&p, "emotion", "J_EMOTION", JOURNEY_EMOTION_MIN, JOURNEY_EMOTION_MAX, &emo);
	if (p.nerr > 0)
		return jr_post_refused(&p);
	return jr_post_done(&p, journey_stage_add(r->a, &p.e, name, (int)emo), NULL);
}

int
jr_stage(struct req *r)
{
	static const char *const ops[] = { "save", "left", "right", "delete", NULL };
	struct jr_post p;
	long long stage, emo = 0;
	const char *name = NULL;
	int op;

	if (jr_post_begin(r, &p, path_of(r, "stages"), "J_EDIT_STAGE") != 0)
		return 0;
	if (jr_id_param(r, 1, &stage) != 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if ((op = jr_post_op(&p, ops)) < 0)
		return resp_error(r, 400, "ERR_BAD_REQUEST");
	if (op == 0) {
		name = jr_post_text(&p, "name", "J_STAGE_NAME", JOURNEY_STAGE_MAX, 1, 0);
		jr_post_int(&p, "emotion", "J_EMOTION", JOURNEY_EMOTION_MIN, JOURNEY_EMOTION_MAX,
		    &emo);
		if (p.nerr > 0)
			return jr_post_refused(&p);
		return jr_post_done(&p, journey_stage_save(r->a, &p.e, stage, name, (int)emo),
		    arena_printf(r->a, "stage-%lld", stage));
	}
	if (op == 3)
		return jr_post_done(&p, journey_stage_delete(r->a, &p.e, stage), NULL);
	return jr_post_done(&p, journey_stage_move(r->a, &p.e, stage, op == 1 ? -1 : 1),
	    arena_printf(r->a, "stage-%lld", stage));
}

int
jr_lane_add(struct req *r)
{
	struct jr_post p;
	const char *name;

	if (jr_post_begin(r, &p, path_of(r, "lanes"), "J_ADD_LANE") != 0)
		return 0;
	name = jr_post_text(&p, "name", "J_LANE_NAME", JOURNEY_STAGE_MAX, 1, 0);
	if (p.nerr > 0)
		return jr_post_refused(&p);
	return jr_post_done(&p, journey_lane_add(r->a, &p.e, name), NULL);
}

int
jr_lane(struct req *r)
{
	static const char *const ops[] = { "save", "up", "down", "hide", "show", NULL };
	struct jr_post p;
	long long lane;
	const char *name;
	int op;

	if (jr_post_begin(r, &p, path_of(r, "lanes"), "J_EDIT_LANE") != 0)
		return 0;
	if (jr_id_param(r, 1, &lane) != 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if ((op = jr_post_op(&p, ops)) < 0)
		return resp_error(r, 400, "ERR_BAD_REQUEST");
	if (op == 1 || op == 2)
		return jr_post_done(&p, journey_lane_move(r->a, &p.e, lane, op == 1 ? -1 : 1),
		    arena_printf(r->a, "lane-%lld", lane));
	/* Save, hide and show send the lane's name. */
	name = jr_post_text(&p, "name", "J_LANE_NAME", JOURNEY_STAGE_MAX, 1, 0);
	if (p.nerr > 0)
		return jr_post_refused(&p);
	return jr_post_done(&p, journey_lane_save(r->a, &p.e, lane, name,
	    op == 3 || (op == 0 && req_form(r, "hidden") != NULL)), NULL);
}

/* Body, evidence and source of an item form; 0, or -1 with the problems
 * recorded. */
static int
item_fields(struct jr_post *p, struct journey_item_in *in)
{
	const char *ev = valid_trim(p->r->a, req_form(p->r, "evidence"));
	const char *problem;
	struct metric_info mi;
	int known = 0;

	in->body = jr_post_text(p, "body", "J_ITEM_BODY", JOURNEY_ITEM_MAX, 1, 1);
	in->evidence = journey_evidence_parse(ev);
	if (in->evidence == JOURNEY_EV__MAX) {
		jr_post_refuse(p, "evidence", "J_EVIDENCE", ev, "ERR_INVALID");
		return -1;
	}
	jr_fix_hidden(p->fix, "evidence", ev);
	in->source = jr_post_text(p, "source", "J_SOURCE", 200, 0, 0);
	if (in->source == NULL)
		return -1;
	if (in->evidence == JOURNEY_EV_DATA && *in->source != '\0' &&
	    metric_info_by_key(p->r->a, in->source, &mi, &known) != DB_OK)
		known = 0;
	if ((problem = journey_evidence_check(in->evidence, in->source, known)) != NULL) {
		p->nerr++;
		jr_fix_text(p->fix, "source", "J_SOURCE", in->source, problem, 200, 0);
		return -1;
	}
	return in->body != NULL ? 0 : -1;
}

int
jr_item_add(struct req *r)
{
	struct jr_post p;
	struct journey_item_in in;
	long long stage = 0, lane = 0;
	const char *s = req_form(r, "stage"), *l = req_form(r, "lane");

	if (jr_post_begin(r, &p, path_of(r, "items"), "J_ADD_ITEM") != 0)
		return 0;
	if (s == NULL || l == NULL || valid_int(s, 1, 999999999999LL, &stage) != NULL ||
	    valid_int(l, 1, 999999999999LL, &lane) != NULL)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	jr_fix_hidden(p.fix, "stage", s);
	jr_fix_hidden(p.fix, "lane", l);
	memset(&in, 0, sizeof(in));
	in.stage = stage;
	in.lane = lane;
	if (item_fields(&p, &in) != 0 || p.nerr > 0)
		return jr_post_refused(&p);
	return jr_post_done(&p, journey_item_add(r->a, &p.e, &in),
	    arena_printf(r->a, "cell-%lld-%lld", stage, lane));
}

int
jr_item(struct req *r)
{
	static const char *const ops[] = { "save", "up", "down", "left", "right", "delete", NULL };
	static const int dx[] = { 0, 0, 0, -1, 1 }, dy[] = { 0, -1, 1, 0, 0 };
	struct jr_post p;
	struct journey_item_in in;
	long long item;
	int op;

	if (jr_post_begin(r, &p, path_of(r, "items"), "J_EDIT_ITEM") != 0)
		return 0;
	if (jr_id_param(r, 1, &item) != 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if ((op = jr_post_op(&p, ops)) < 0)
		return resp_error(r, 400, "ERR_BAD_REQUEST");
	if (op == 5)
		return jr_post_done(&p, journey_item_delete(r->a, &p.e, item), NULL);
	if (op > 0)
		return jr_post_done(&p, journey_item_move(r->a, &p.e, item, dx[op], dy[op]),
		    arena_printf(r->a, "item-%lld", item));
	memset(&in, 0, sizeof(in));
	if (item_fields(&p, &in) != 0 || p.nerr > 0)
		return jr_post_refused(&p);
	return jr_post_done(&p, journey_item_save(r->a, &p.e, item, &in),
	    arena_printf(r->a, "item-%lld", item));
}

int
jr_metric_add(struct req *r)
{
	struct jr_post p;
	struct metric_info mi;
	long long stage = 0;
	const char *s = req_form(r, "stage"), *key;
	double target;
	int has, found = 0;

	if (jr_post_begin(r, &p, path_of(r, "metrics"), "J_ADD_METRIC") != 0)
		return 0;
	if (s == NULL || valid_int(s, 1, 999999999999LL, &stage) != NULL)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	jr_fix_hidden(p.fix, "stage", s);
	key = valid_trim(r->a, req_form(r, "key"));
	if (metric_info_by_key(r->a, key, &mi, &found) != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (!found)
		jr_post_refuse(&p, "key", "J_METRIC", key, "J_ERR_METRIC");
	else
		jr_fix_text(p.fix, "key", "J_METRIC", key, NULL, 64, 0);
	jr_post_number(&p, "target", "J_TARGET", &has, &target);
	if (p.nerr > 0)
		return jr_post_refused(&p);
	return jr_post_done(&p, journey_metric_add(r->a, &p.e, stage, key, has, target),
	    arena_printf(r->a, "stage-%lld", stage));
}

int
jr_metric(struct req *r)
{
	static const char *const ops[] = { "save", "delete", NULL };
	struct jr_post p;
	long long metric;
	double target;
	int op, has;

	if (jr_post_begin(r, &p, path_of(r, "metrics"), "J_EDIT_METRIC") != 0)
		return 0;
	if (jr_id_param(r, 1, &metric) != 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	if ((op = jr_post_op(&p, ops)) < 0)
		return resp_error(r, 400, "ERR_BAD_REQUEST");
	if (op == 1)
		return jr_post_done(&p, journey_metric_delete(r->a, &p.e, metric), "metrics");
	if (jr_post_number(&p, "target", "J_TARGET", &has, &target) != 0)
		return jr_post_refused(&p);
	return jr_post_done(&p, journey_metric_save(r->a, &p.e, metric, has, target), "metrics");
}

int
jr_archive(struct req *r)
{
	static const char *const ops[] = { "archive", "restore", NULL };
	struct jr_post p;
	enum journey_rc rc;
	int op;

	if (jr_post_begin(r, &p, path_of(r, "archive"), "J_ARCHIVE") != 0)
		return 0;
	if ((op = jr_post_op(&p, ops)) < 0)
		return resp_error(r, 400, "ERR_BAD_REQUEST");
	rc = journey_set_archived(r->a, &p.e, op == 0);
	if (rc != JOURNEY_OK)
		return jr_post_done(&p, rc, NULL);
	return resp_redirect(r, op == 0 ? "/journeys/?archived=1" : "/journeys/");
}

/* Duplicate (golden 0) or design the golden journey (golden 1). */
static int
copy(struct req *r, int golden)
{
	struct jr_post p;
	struct journey src;
	enum journey_rc rc;
	const char *name;
	long long id;

	if (jr_post_begin(r, &p, path_of(r, golden ? "golden" : "copy"),
	    golden ? "J_MAKE_GOLDEN" : "J_DUPLICATE") != 0)
		return 0;
	name = jr_post_text(&p, "name", "J_NAME", JOURNEY_NAME_MAX, 0, 0);
	if (p.nerr > 0)
		return jr_post_refused(&p);
	if ((rc = journey_load(r->a, p.e.id, &src)) != JOURNEY_OK)
		return jr_fail(r, rc);
	if (golden && src.golden)
		return resp_error(r, 422, "J_ERR_GOLDEN_OF_GOLDEN");
	if (*name == '\0' && utf8_chars(src.name) > JOURNEY_NAME_MAX - 10)
		name = src.name;
	else if (*name == '\0')
		name = arena_printf(r->a, "%s%s", src.name,
		    i18n(r->lang, golden ? "J_GOLDEN_SUFFIX" : "J_COPY_SUFFIX"));
	rc = journey_copy(r->a, p.e.id, golden, name, p.e.user, &id);
	if (rc != JOURNEY_OK)
		return jr_fail(r, rc);
	return resp_redirect(r, arena_printf(r->a, "/journeys/%lld", id));
}

int
jr_copy(struct req *r)
{
	return copy(r, 0);
}

int
jr_golden(struct req *r)
{
	return copy(r, 1);
}
