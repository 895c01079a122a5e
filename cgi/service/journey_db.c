/* Journey maps in MariaDB (journey.h). Every change: one transaction that
 * moves journeys.version from the form's version (else a conflict), makes
 * the change (a stage, lane, item or metric id of another map changes
 * nothing and is "not found") and appends a journey_history row. */
#include "journey.h"
#include "journey_tpl.h"
#include "arena.h"
#include "metric_key.h"

#include <stdlib.h>
#include <string.h>

static struct db_q q_bump = DB_Q(
    "UPDATE journeys SET version = version + 1, updated_at = UTC_TIMESTAMP()"
    " WHERE id = ? AND version = ?");
static struct db_q q_exists = DB_Q("SELECT version FROM journeys WHERE id = ?");
static struct db_q q_hist = DB_Q(
    "INSERT INTO journey_history (journey_id, user_id, at, version, action, detail)"
    " VALUES (?, NULLIF(?, 0), UTC_TIMESTAMP(), ?, ?, ?)");
static struct db_q q_history = DB_Q(
    "SELECT h.id, h.version, h.at, COALESCE(u.name, ''), h.action, h.detail"
    " FROM journey_history h LEFT JOIN users u ON u.id = h.user_id"
    " WHERE h.journey_id = ? ORDER BY h.id DESC LIMIT 500");

static struct db_q q_list = DB_Q(
    "SELECT j.id, j.golden, j.golden_of, j.archived, j.name, j.persona_name,"
    " COALESCE(u.name, ''), j.updated_at, COALESCE(c.name_zh, ''), COALESCE(t.name, ''),"
    " COALESCE(j.channel, ''),"
    " (SELECT COUNT(*) FROM journey_stages s WHERE s.journey_id = j.id),"
    " COALESCE(c.name_en, ''), j.version"
    " FROM journeys j LEFT JOIN users u ON u.id = j.owner_id"
    " LEFT JOIN categories c ON c.id = j.category_id LEFT JOIN teams t ON t.id = j.team_id"
    " WHERE j.archived = ? ORDER BY j.updated_at DESC, j.id DESC LIMIT 200");
static struct db_q q_map = DB_Q(
    "SELECT j.id, j.golden, COALESCE(j.golden_of, 0), j.archived, j.version, j.name,"
    " j.template, COALESCE(j.channel, ''), COALESCE(j.category_id, 0), COALESCE(j.team_id, 0),"
    " COALESCE(j.owner_id, 0), COALESCE(u.name, ''), j.updated_at, j.persona_name,"
    " j.persona_situation, j.persona_goals, j.persona_frustrations,"
    " (SELECT MAX(g.id) FROM journeys g WHERE g.golden_of = j.id AND g.archived = 0)"
    " FROM journeys j LEFT JOIN users u ON u.id = j.owner_id WHERE j.id = ?");
static struct db_q q_stages = DB_Q(
    "SELECT id, pos, emotion, name FROM journey_stages WHERE journey_id = ? ORDER BY pos, id");
static struct db_q q_lanes = DB_Q(
    "SELECT id, pos, hidden, kind, role, name FROM journey_lanes WHERE journey_id = ?"
    " ORDER BY pos, id");
static struct db_q q_items = DB_Q(
    "SELECT id, stage_id, lane_id, pos, body, evidence, source FROM journey_items"
    " WHERE journey_id = ? ORDER BY pos, id");
static struct db_q q_metrics = DB_Q(
    "SELECT id, stage_id, pos, metric_key, target FROM journey_metrics WHERE journey_id = ?"
    " ORDER BY pos, id");

static struct db_q q_map_add = DB_Q(
    "INSERT INTO journeys (name, template, golden, golden_of, persona_name, persona_situation,"
    " persona_goals, persona_frustrations, category_id, team_id, channel, owner_id, version,"
    " created_at, updated_at) VALUES (?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?, NULLIF(?, 0),"
    " NULLIF(?, 0), ?, NULLIF(?, 0), 1,"
    " UTC_TIMESTAMP(), UTC_TIMESTAMP())");
static struct db_q q_stage_add = DB_Q(
    "INSERT INTO journey_stages (journey_id, pos, name, emotion) VALUES (?, ?, ?, ?)");
static struct db_q q_lane_add = DB_Q(
    "INSERT INTO journey_lanes (journey_id, pos, kind, role, name, hidden)"
    " VALUES (?, ?, ?, ?, ?, ?)");
static struct db_q q_item_add = DB_Q(
    "INSERT INTO journey_items (journey_id, stage_id, lane_id, pos, body, evidence, source)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)");
static struct db_q q_metric_add = DB_Q(
    "INSERT INTO journey_metrics (journey_id, stage_id, pos, metric_key, target)"
    " VALUES (?, ?, ?, ?, ?)");

static struct db_q q_archive = DB_Q("UPDATE journeys SET archived = ? WHERE id = ?");
static struct db_q q_meta = DB_Q(
    "UPDATE journeys SET name = ?, persona_name = ?, persona_situation = ?, persona_goals = ?,"
    " persona_frustrations = ?, category_id = NULLIF(?, 0), team_id = NULLIF(?, 0), channel = ?"
    " WHERE id = ?");
static struct db_q q_stage_save = DB_Q(
    "UPDATE journey_stages SET name = ?, emotion = ? WHERE id = ? AND journey_id = ?");
static struct db_q q_stage_del = DB_Q(
    "DELETE FROM journey_stages WHERE id = ? AND journey_id = ?");
static struct db_q q_stage_ids = DB_Q(
    "SELECT id FROM journey_stages WHERE journey_id = ? ORDER BY pos, id");
static struct db_q q_stage_pos = DB_Q("UPDATE journey_stages SET pos = ? WHERE id = ?");
static struct db_q q_lane_save = DB_Q(
    "UPDATE journey_lanes SET name = ?, hidden = ? WHERE id = ? AND journey_id = ?");
static struct db_q q_lane_ids = DB_Q(
    "SELECT id FROM journey_lanes WHERE journey_id = ? ORDER BY pos, id");
static struct db_q q_lane_pos = DB_Q("UPDATE journey_lanes SET pos = ? WHERE id = ?");
static struct db_q q_lane_kind = DB_Q(
    "SELECT kind FROM journey_lanes WHERE id = ? AND journey_id = ?");
static struct db_q q_item_cell = DB_Q(
    "SELECT stage_id, lane_id FROM journey_items WHERE id = ? AND journey_id = ?");
static struct db_q q_cell_ids = DB_Q(
    "SELECT id FROM journey_items WHERE journey_id = ? AND stage_id = ? AND lane_id = ?"
    " ORDER BY pos, id");
static struct db_q q_item_pos = DB_Q("UPDATE journey_items SET pos = ? WHERE id = ?");
static struct db_q q_item_stage = DB_Q(
    "UPDATE journey_items SET stage_id = ?, pos = ? WHERE id = ?");
static struct db_q q_item_save = DB_Q(
    "UPDATE journey_items SET body = ?, evidence = ?, source = ? WHERE id = ? AND journey_id = ?");
static struct db_q q_item_del = DB_Q("DELETE FROM journey_items WHERE id = ? AND journey_id = ?");
static struct db_q q_stage_of = DB_Q(
    "SELECT COUNT(*) FROM journey_stages WHERE id = ? AND journey_id = ?");
static struct db_q q_metric_count = DB_Q(
    "SELECT COUNT(*), COALESCE(MAX(pos), 0) FROM journey_metrics WHERE stage_id = ?");
static struct db_q q_metric_save = DB_Q(
    "UPDATE journey_metrics SET target = ? WHERE id = ? AND journey_id = ?");
static struct db_q q_metric_del = DB_Q(
    "DELETE FROM journey_metrics WHERE id = ? AND journey_id = ?");
static struct db_q q_metric_of = DB_Q(
    "SELECT metric_key FROM journey_metrics WHERE id = ? AND journey_id = ?");

static enum journey_rc
rc_of(enum db_rc rc)
{
	switch (rc) {
	case DB_OK:   return JOURNEY_OK;
	case DB_DOWN: return JOURNEY_DB_DOWN;
	default:      return JOURNEY_DB_ERR;
	}
}

static enum journey_rc
fail(enum journey_rc rc)
{
	db_rollback();
	return rc;
}

/* Start a change: the version the form was made from becomes the next. */
static enum journey_rc
edit_begin(struct arena *a, const struct journey_edit *e)
{
	unsigned long long n = 0;
	struct db_res *res;
	enum db_rc rc;

	if ((rc = db_begin()) != DB_OK)
		return rc_of(rc);
	if ((rc = db_exec(&q_bump, &n, "iI", e->id, e->version)) != DB_OK)
		return fail(rc_of(rc));
	if (n == 1)
		return JOURNEY_OK;
	db_rollback();
	if ((rc = db_query(a, &q_exists, &res, "i", e->id)) != DB_OK)
		return rc_of(rc);
	return res->nrows == 0 ? JOURNEY_NOT_FOUND : JOURNEY_CONFLICT;
}

/* Record what was done and commit. */
static enum journey_rc
edit_end(const struct journey_edit *e, const char *action, const char *detail)
{
	enum db_rc rc;

	rc = db_exec(&q_hist, NULL, "iiIss", e->id, e->user > 0 ? e->user : 0LL,
	    e->version + 1, action, detail != NULL ? detail : "");
	if (rc != DB_OK)
		return fail(rc_of(rc));
	return rc_of(db_commit());
}

static const char *
cut(struct arena *a, const char *s, size_t max)
{
	size_t n = 0, chars = 0;

	while (s[n] != '\0' && chars < max) {
		n++;
		while ((s[n] & 0xC0) == 0x80)
			n++;
		chars++;
	}
	return s[n] == '\0' ? s : arena_printf(a, "%.*s…", (int)n, s);
}

/* ------------------------------------------------------------ reading */

enum journey_rc
journey_list(struct arena *a, int archived, struct journey_row **out, size_t *n)
{
	struct db_res *res;
	enum db_rc rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(a, &q_list, &res, "I", archived ? 1 : 0)) != DB_OK)
		return rc_of(rc);
	*out = arena_zalloc(a, sizeof(**out) * (res->nrows + 1));
	for (i = 0; i < res->nrows; i++) {
		struct journey_row *r = &(*out)[i];

		r->id = db_get_int(res, i, 0);
		r->golden = (int)db_get_int(res, i, 1);
		r->golden_of = db_get_int(res, i, 2);
		r->archived = (int)db_get_int(res, i, 3);
		r->name = db_gets(res, i, 4);
		r->persona_name = db_gets(res, i, 5);
		r->owner_name = db_gets(res, i, 6);
		r->updated_at = db_gets(res, i, 7);
		r->category = db_gets(res, i, 8);
		r->team = db_gets(res, i, 9);
		r->channel = db_gets(res, i, 10);
		r->nstages = (int)db_get_int(res, i, 11);
		r->category_en = db_gets(res, i, 12);
		r->version = (int)db_get_int(res, i, 13);
	}
	*n = res->nrows;
	return JOURNEY_OK;
}

static void
load_head(struct journey *j, const struct db_res *res)
{
	j->id = db_get_int(res, 0, 0);
	j->golden = (int)db_get_int(res, 0, 1);
	j->golden_of = db_get_int(res, 0, 2);
	j->archived = (int)db_get_int(res, 0, 3);
	j->version = (int)db_get_int(res, 0, 4);
	j->name = db_gets(res, 0, 5);
	j->tmpl = db_gets(res, 0, 6);
	j->channel = db_gets(res, 0, 7);
	j->category_id = db_get_int(res, 0, 8);
	j->team_id = db_get_int(res, 0, 9);
	j->owner_id = db_get_int(res, 0, 10);
	j->owner_name = db_gets(res, 0, 11);
	j->updated_at = db_gets(res, 0, 12);
	j->persona_name = db_gets(res, 0, 13);
	j->persona_situation = db_gets(res, 0, 14);
	j->persona_goals = db_gets(res, 0, 15);
	j->persona_frustrations = db_gets(res, 0, 16);
	j->golden_id = db_get_int(res, 0, 17);
}

static enum journey_rc
load_parts(struct arena *a, struct journey *j)
{
	struct db_res *s, *l, *it, *m;
	enum db_rc rc;
	size_t i;

	if ((rc = db_query(a, &q_stages, &s, "i", j->id)) != DB_OK ||
	    (rc = db_query(a, &q_lanes, &l, "i", j->id)) != DB_OK ||
	    (rc = db_query(a, &q_items, &it, "i", j->id)) != DB_OK ||
	    (rc = db_query(a, &q_metrics, &m, "i", j->id)) != DB_OK)
		return rc_of(rc);
	j->stages = arena_zalloc(a, sizeof(*j->stages) * (s->nrows + 1));
	for (i = 0; i < s->nrows; i++) {
		j->stages[i].id = db_get_int(s, i, 0);
		j->stages[i].pos = (int)db_get_int(s, i, 1);
		j->stages[i].emotion = (int)db_get_int(s, i, 2);
		j->stages[i].name = db_gets(s, i, 3);
	}
	j->nstages = s->nrows;
	j->lanes = arena_zalloc(a, sizeof(*j->lanes) * (l->nrows + 1));
	for (i = 0; i < l->nrows; i++) {
		j->lanes[i].id = db_get_int(l, i, 0);
		j->lanes[i].pos = (int)db_get_int(l, i, 1);
		j->lanes[i].hidden = (int)db_get_int(l, i, 2);
		j->lanes[i].kind = journey_lane_kind_parse(db_gets(l, i, 3));
		j->lanes[i].role = db_gets(l, i, 4);
		j->lanes[i].name = db_gets(l, i, 5);
	}
	j->nlanes = l->nrows;
	j->items = arena_zalloc(a, sizeof(*j->items) * (it->nrows + 1));
	for (i = 0; i < it->nrows; i++) {
		j->items[i].id = db_get_int(it, i, 0);
		j->items[i].stage_id = db_get_int(it, i, 1);
		j->items[i].lane_id = db_get_int(it, i, 2);
		j->items[i].pos = (int)db_get_int(it, i, 3);
		j->items[i].body = db_gets(it, i, 4);
		j->items[i].evidence = journey_evidence_parse(db_gets(it, i, 5));
		if (j->items[i].evidence == JOURNEY_EV__MAX)
			j->items[i].evidence = JOURNEY_EV_ASSUMPTION;
		j->items[i].source = db_gets(it, i, 6);
	}
	j->nitems = it->nrows;
	j->metrics = arena_zalloc(a, sizeof(*j->metrics) * (m->nrows + 1));
	for (i = 0; i < m->nrows; i++) {
		j->metrics[i].id = db_get_int(m, i, 0);
		j->metrics[i].stage_id = db_get_int(m, i, 1);
		j->metrics[i].pos = (int)db_get_int(m, i, 2);
		j->metrics[i].key = db_gets(m, i, 3);
		j->metrics[i].has_target = db_get(m, i, 4) != NULL;
		j->metrics[i].target = j->metrics[i].has_target ? strtod(db_gets(m, i, 4), NULL) : 0;
	}
	j->nmetrics = m->nrows;
	return JOURNEY_OK;
}

enum journey_rc
journey_load(struct arena *a, long long id, struct journey *j)
{
	struct db_res *res;
	enum db_rc rc;

	memset(j, 0, sizeof(*j));
	if ((rc = db_query(a, &q_map, &res, "i", id)) != DB_OK)
		return rc_of(rc);
	if (res->nrows == 0)
		return JOURNEY_NOT_FOUND;
	load_head(j, res);
	return load_parts(a, j);
}

enum journey_rc
journey_history(struct arena *a, long long id, struct journey_event **out, size_t *n)
{
	struct db_res *res;
	enum db_rc rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(a, &q_history, &res, "i", id)) != DB_OK)
		return rc_of(rc);
	*out = arena_zalloc(a, sizeof(**out) * (res->nrows + 1));
	for (i = 0; i < res->nrows; i++) {
		(*out)[i].id = db_get_int(res, i, 0);
		(*out)[i].version = (int)db_get_int(res, i, 1);
		(*out)[i].at = db_gets(res, i, 2);
		(*out)[i].who = db_gets(res, i, 3);
		(*out)[i].action = db_gets(res, i, 4);
		(*out)[i].detail = db_gets(res, i, 5);
	}
	*n = res->nrows;
	return JOURNEY_OK;
}

/* ------------------------------------------------------------ creating */

static enum db_rc
add_map(const struct journey *j, const char *tmpl, int golden, long long golden_of,
    long long user, long long *id)
{
	enum db_rc rc;

	rc = db_exec(&q_map_add, NULL, "ssIissssiisi", j->name, tmpl, golden,
	    golden_of, j->persona_name, j->persona_situation, j->persona_goals,
	    j->persona_frustrations, j->category_id, j->team_id,
	    *j->channel != '\0' ? j->channel : NULL, user);
	*id = (long long)db_insert_id();
	return rc;
}

/* The lanes of a new map, in lang. */
static enum db_rc
add_tpl_lanes(long long id, const char *lang)
{
	int en = lang != NULL && strcmp(lang, "en") == 0;
	enum db_rc rc = DB_OK;
	size_t i;

	for (i = 0; rc == DB_OK && journey_tpl_lanes[i].kind != NULL; i++) {
		const struct journey_tpl_lane *l = &journey_tpl_lanes[i];

		rc = db_exec(&q_lane_add, NULL, "iIsssI", id, (int)i + 1, l->kind, l->role,
		    en ? l->en : l->zh, 0);
	}
	return rc;
}

static enum db_rc
add_tpl_stages(struct arena *a, long long id, const struct journey_tpl *t, const char *lang)
{
	int en = lang != NULL && strcmp(lang, "en") == 0;
	enum db_rc rc = DB_OK;
	size_t i, k;

	for (i = 0; rc == DB_OK && t->stages[i].zh != NULL; i++) {
		const struct journey_tpl_stage *s = &t->stages[i];
		long long sid;

		rc = db_exec(&q_stage_add, NULL, "iIsI", id, (int)i + 1, en ? s->en : s->zh,
		    s->emotion);
		sid = (long long)db_insert_id();
		for (k = 0; rc == DB_OK && k < JOURNEY_MAX_METRICS && s->metrics[k].key != NULL;
		    k++) {
			struct metric_info mi;
			int found = 0;

			/* External metrics exist once an admin defines them. */
			if ((rc = metric_info_by_key(a, s->metrics[k].key, &mi, &found)) != DB_OK ||
			    !found)
				continue;
			rc = s->metrics[k].has_target ?
			    db_exec(&q_metric_add, NULL, "iiIsd", id, sid, (int)k + 1,
				s->metrics[k].key, s->metrics[k].target) :
			    db_exec(&q_metric_add, NULL, "iiIss", id, sid, (int)k + 1,
				s->metrics[k].key, (const char *)NULL);
		}
	}
	return rc;
}

enum journey_rc
journey_create(struct arena *a, enum journey_template t, const char *name, const char *lang,
    long long user, long long *id)
{
	const struct journey_tpl *tp;
	struct journey j;
	struct journey_edit e;
	enum db_rc rc;

	if (t >= JOURNEY_TPL__MAX)
		return JOURNEY_NOT_FOUND;
	tp = &journey_tpls[t];
	memset(&j, 0, sizeof(j));
	j.name = name != NULL && *name != '\0' ? name :
	    (lang != NULL && strcmp(lang, "en") == 0 ? tp->en : tp->zh);
	j.persona_name = j.persona_situation = j.persona_goals = j.persona_frustrations = "";
	j.channel = "";
	if ((rc = db_begin()) != DB_OK)
		return rc_of(rc);
	if ((rc = add_map(&j, journey_template_names[t], 0, 0, user, id)) != DB_OK ||
	    (rc = add_tpl_lanes(*id, lang)) != DB_OK ||
	    (rc = add_tpl_stages(a, *id, tp, lang)) != DB_OK)
		return fail(rc_of(rc));
	e.id = *id;
	e.version = 0;
	e.user = user;
	return edit_end(&e, "create", journey_template_names[t]);
}

/* The new id of an old stage or lane id (maps built while copying). */
static long long
mapped(const long long *from, const long long *to, size_t n, long long id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (from[i] == id)
			return to[i];
	return 0;
}

static enum db_rc
copy_parts(struct arena *a, const struct journey *s, long long id)
{
	long long *so = arena_zalloc(a, sizeof(long long) * (s->nstages + 1));
	long long *sn = arena_zalloc(a, sizeof(long long) * (s->nstages + 1));
	long long *lo = arena_zalloc(a, sizeof(long long) * (s->nlanes + 1));
	long long *ln = arena_zalloc(a, sizeof(long long) * (s->nlanes + 1));
	static const char *const kinds[] = { "text", "emotion", "metrics", "visibility" };
	enum db_rc rc = DB_OK;
	size_t i;

	for (i = 0; rc == DB_OK && i < s->nstages; i++) {
		rc = db_exec(&q_stage_add, NULL, "iIsI", id, s->stages[i].pos, s->stages[i].name,
		    s->stages[i].emotion);
		so[i] = s->stages[i].id;
		sn[i] = (long long)db_insert_id();
	}
	for (i = 0; rc == DB_OK && i < s->nlanes; i++) {
		rc = db_exec(&q_lane_add, NULL, "iIsssI", id, s->lanes[i].pos,
		    kinds[s->lanes[i].kind], s->lanes[i].role, s->lanes[i].name, s->lanes[i].hidden);
		lo[i] = s->lanes[i].id;
		ln[i] = (long long)db_insert_id();
	}
	for (i = 0; rc == DB_OK && i < s->nitems; i++) {
		const struct journey_item *it = &s->items[i];

		rc = db_exec(&q_item_add, NULL, "iiiIsss", id,
		    mapped(so, sn, s->nstages, it->stage_id), mapped(lo, ln, s->nlanes, it->lane_id),
		    it->pos, it->body, journey_evidence_names[it->evidence], it->source);
	}
	for (i = 0; rc == DB_OK && i < s->nmetrics; i++) {
		const struct journey_metric *m = &s->metrics[i];
		long long st = mapped(so, sn, s->nstages, m->stage_id);

		rc = m->has_target ?
		    db_exec(&q_metric_add, NULL, "iiIsd", id, st, m->pos, m->key, m->target) :
		    db_exec(&q_metric_add, NULL, "iiIss", id, st, m->pos, m->key, (const char *)NULL);
	}
	return rc;
}

enum journey_rc
journey_copy(struct arena *a, long long src, int golden, const char *name, long long user,
    long long *id)
{
	struct journey s;
	struct journey_edit e;
	enum journey_rc jr;
	enum db_rc rc;

	if ((jr = journey_load(a, src, &s)) != JOURNEY_OK)
		return jr;
	s.name = name;
	if ((rc = db_begin()) != DB_OK)
		return rc_of(rc);
	if ((rc = add_map(&s, s.tmpl, golden, golden ? src : 0, user, id)) != DB_OK ||
	    (rc = copy_parts(a, &s, *id)) != DB_OK)
		return fail(rc_of(rc));
	e.id = *id;
	e.version = 0;
	e.user = user;
	return edit_end(&e, golden ? "golden" : "copy", arena_printf(a, "%lld", src));
}

/* ------------------------------------------------------------ changing */

enum journey_rc
journey_set_archived(struct arena *a, const struct journey_edit *e, int archived)
{
	enum journey_rc jr;
	enum db_rc rc;

	if ((jr = edit_begin(a, e)) != JOURNEY_OK)
		return jr;
	if ((rc = db_exec(&q_archive, NULL, "Ii", archived ? 1 : 0, e->id)) != DB_OK)
		return fail(rc_of(rc));
	return edit_end(e, archived ? "archive" : "restore", "");
}

enum journey_rc
journey_set_meta(struct arena *a, const struct journey_edit *e, const struct journey_meta *m)
{
	enum journey_rc jr;
	enum db_rc rc;

	if ((jr = edit_begin(a, e)) != JOURNEY_OK)
		return jr;
	rc = db_exec(&q_meta, NULL, "sssssiisi", m->name, m->persona_name, m->persona_situation,
	    m->persona_goals, m->persona_frustrations, m->category_id, m->team_id,
	    m->channel != NULL && *m->channel != '\0' ? m->channel : NULL, e->id);
	if (rc != DB_OK)
		return fail(rc_of(rc));
	return edit_end(e, "meta", cut(a, m->name, 60));
}

/* The ordered ids of q for the map (and cell), renumbered after a move. */
static enum journey_rc
reorder(struct arena *a, struct db_q *ids_q, struct db_q *pos_q, long long journey,
    long long stage, long long lane, long long id, int delta)
{
	struct db_res *res;
	long long *ids;
	enum db_rc rc;
	size_t i, idx = (size_t)-1;

	rc = stage != 0 ? db_query(a, ids_q, &res, "iii", journey, stage, lane) :
	    db_query(a, ids_q, &res, "i", journey);
	if (rc != DB_OK)
		return rc_of(rc);
	ids = arena_zalloc(a, sizeof(*ids) * (res->nrows + 1));
	for (i = 0; i < res->nrows; i++) {
		ids[i] = db_get_int(res, i, 0);
		if (ids[i] == id)
			idx = i;
	}
	if (idx == (size_t)-1)
		return JOURNEY_NOT_FOUND;
	if (journey_move_index(ids, res->nrows, idx, delta) < 0)
		return JOURNEY_OK;          /* at the end already: nothing moves */
	for (i = 0; i < res->nrows; i++)
		if ((rc = db_exec(pos_q, NULL, "Ii", (int)i + 1, ids[i])) != DB_OK)
			return rc_of(rc);
	return JOURNEY_OK;
}

static struct db_q q_nstages = DB_Q(
    "SELECT COUNT(*), COALESCE(MAX(pos), 0) FROM journey_stages WHERE journey_id = ?");
static struct db_q q_nlanes = DB_Q(
    "SELECT COUNT(*), COALESCE(MAX(pos), 0) FROM journey_lanes WHERE journey_id = ?");

enum journey_rc
journey_stage_add(struct arena *a, const struct journey_edit *e, const char *name, int emotion)
{
	struct db_res *res;
	enum journey_rc jr;
	enum db_rc rc;

	if ((jr = edit_begin(a, e)) != JOURNEY_OK)
		return jr;
	if ((rc = db_query(a, &q_nstages, &res, "i", e->id)) != DB_OK)
		return fail(rc_of(rc));
	if (db_get_int(res, 0, 0) >= JOURNEY_MAX_STAGES)
		return fail(JOURNEY_FULL);
	if ((rc = db_exec(&q_stage_add, NULL, "iisI", e->id, db_get_int(res, 0, 1) + 1, name,
	    emotion)) != DB_OK)
		return fail(rc_of(rc));
	return edit_end(e, "stage_add", name);
}

enum journey_rc
journey_stage_save(struct arena *a, const struct journey_edit *e, long long stage,
    const char *name, int emotion)
{
	struct db_res *res;
	enum journey_rc jr;
	enum db_rc rc;

	if ((jr = edit_begin(a, e)) != JOURNEY_OK)
		return jr;
	if ((rc = db_query(a, &q_stage_of, &res, "ii", stage, e->id)) != DB_OK)
		return fail(rc_of(rc));
	if (db_get_int(res, 0, 0) == 0)
		return fail(JOURNEY_NOT_FOUND);
	if ((rc = db_exec(&q_stage_save, NULL, "sIii", name, emotion, stage, e->id)) != DB_OK)
		return fail(rc_of(rc));
	return edit_end(e, "stage_save", arena_printf(a, "%s (%+d)", name, emotion));
}

/* Move a stage or lane (q_ids/q_pos) by delta in its map, as one edit
 * recorded as what. */
static enum journey_rc
move_edit(struct arena *a, const struct journey_edit *e, struct db_q *q_ids, struct db_q *q_pos,
    long long id, int delta, const char *what)
{
	enum journey_rc jr;

	if ((jr = edit_begin(a, e)) != JOURNEY_OK)
		return jr;
	if ((jr = reorder(a, q_ids, q_pos, e->id, 0, 0, id, delta)) != JOURNEY_OK)
		return fail(jr);
	return edit_end(e, what, arena_printf(a, "%lld", id));
}

/* Delete row id of the map with q_del (id, map), as one edit recorded as
 * what; 404 when the map has no such row. */
static enum journey_rc
delete_edit(struct arena *a, const struct journey_edit *e, struct db_q *q_del, long long id,
    const char *what)
{
	unsigned long long n = 0;
	enum journey_rc jr;
	enum db_rc rc;

	if ((jr = edit_begin(a, e)) != JOURNEY_OK)
		return jr;
	if ((rc = db_exec(q_del, &n, "ii", id, e->id)) != DB_OK)
		return fail(rc_of(rc));
	if (n == 0)
		return fail(JOURNEY_NOT_FOUND);
	return edit_end(e, what, arena_printf(a, "%lld", id));
}

enum journey_rc
journey_stage_move(struct arena *a, const struct journey_edit *e, long long stage, int delta)
{
	return move_edit(a, e, &q_stage_ids, &q_stage_pos, stage, delta,
	    delta < 0 ? "stage_left" : "stage_right");
}

enum journey_rc
journey_stage_delete(struct arena *a, const struct journey_edit *e, long long stage)
{
	return delete_edit(a, e, &q_stage_del, stage, "stage_delete");
}

enum journey_rc
journey_lane_add(struct arena *a, const struct journey_edit *e, const char *name)
{
	struct db_res *res;
	enum journey_rc jr;
	enum db_rc rc;

	if ((jr = edit_begin(a, e)) != JOURNEY_OK)
		return jr;
	if ((rc = db_query(a, &q_nlanes, &res, "i", e->id)) != DB_OK)
		return fail(rc_of(rc));
	if (db_get_int(res, 0, 0) >= JOURNEY_MAX_LANES)
		return fail(JOURNEY_FULL);
	if ((rc = db_exec(&q_lane_add, NULL, "iisssI", e->id, db_get_int(res, 0, 1) + 1, "text",
	    "", name, 0)) != DB_OK)
		return fail(rc_of(rc));
	return edit_end(e, "lane_add", name);
}

enum journey_rc
journey_lane_save(struct arena *a, const struct journey_edit *e, long long lane,
    const char *name, int hidden)
{
	struct db_res *res;
	enum journey_rc jr;
	enum db_rc rc;

	if ((jr = edit_begin(a, e)) != JOURNEY_OK)
		return jr;
	if ((rc = db_query(a, &q_lane_kind, &res, "ii", lane, e->id)) != DB_OK)
		return fail(rc_of(rc));
	if (res->nrows == 0)
		return fail(JOURNEY_NOT_FOUND);
	if ((rc = db_exec(&q_lane_save, NULL, "sIii", name, hidden ? 1 : 0, lane, e->id)) != DB_OK)
		return fail(rc_of(rc));
	return edit_end(e, hidden ? "lane_hide" : "lane_save", name);
}

enum journey_rc
journey_lane_move(struct arena *a, const struct journey_edit *e, long long lane, int delta)
{
	return move_edit(a, e, &q_lane_ids, &q_lane_pos, lane, delta,
	    delta < 0 ? "lane_up" : "lane_down");
}

/* 0 when stage and lane are this map's and the lane holds items. */
static enum journey_rc
check_cell(struct arena *a, long long journey, long long stage, long long lane)
{
	struct db_res *res;
	enum db_rc rc;

	if ((rc = db_query(a, &q_stage_of, &res, "ii", stage, journey)) != DB_OK)
		return rc_of(rc);
	if (db_get_int(res, 0, 0) == 0)
		return JOURNEY_NOT_FOUND;
	if ((rc = db_query(a, &q_lane_kind, &res, "ii", lane, journey)) != DB_OK)
		return rc_of(rc);
	if (res->nrows == 0 || strcmp(db_gets(res, 0, 0), "text") != 0)
		return JOURNEY_NOT_FOUND;
	return JOURNEY_OK;
}

enum journey_rc
journey_item_add(struct arena *a, const struct journey_edit *e, const struct journey_item_in *in)
{
	struct db_res *res;
	enum journey_rc jr;
	enum db_rc rc;

	if ((jr = edit_begin(a, e)) != JOURNEY_OK)
		return jr;
	if ((jr = check_cell(a, e->id, in->stage, in->lane)) != JOURNEY_OK)
		return fail(jr);
	if ((rc = db_query(a, &q_cell_ids, &res, "iii", e->id, in->stage, in->lane)) != DB_OK)
		return fail(rc_of(rc));
	if (res->nrows >= JOURNEY_MAX_ITEMS)
		return fail(JOURNEY_FULL);
	rc = db_exec(&q_item_add, NULL, "iiiIsss", e->id, in->stage, in->lane,
	    (int)res->nrows + 1, in->body, journey_evidence_names[in->evidence], in->source);
	if (rc != DB_OK)
		return fail(rc_of(rc));
	return edit_end(e, "item_add", cut(a, in->body, 80));
}

enum journey_rc
journey_item_save(struct arena *a, const struct journey_edit *e, long long item,
    const struct journey_item_in *in)
{
	unsigned long long n = 0;
	struct db_res *res;
	enum journey_rc jr;
	enum db_rc rc;

	if ((jr = edit_begin(a, e)) != JOURNEY_OK)
		return jr;
	if ((rc = db_query(a, &q_item_cell, &res, "ii", item, e->id)) != DB_OK)
		return fail(rc_of(rc));
	if (res->nrows == 0)
		return fail(JOURNEY_NOT_FOUND);
	rc = db_exec(&q_item_save, &n, "sssii", in->body, journey_evidence_names[in->evidence],
	    in->source, item, e->id);
	if (rc != DB_OK)
		return fail(rc_of(rc));
	return edit_end(e, "item_save", cut(a, in->body, 80));
}

/* Move item to the neighbouring stage dx (-1/+1), at the end of its cell. */
static enum journey_rc
item_to_stage(struct arena *a, const struct journey_edit *e, long long item, long long stage,
    long long lane, int dx)
{
	struct db_res *res;
	long long *ids;
	enum db_rc rc;
	size_t i, idx = (size_t)-1;

	if ((rc = db_query(a, &q_stage_ids, &res, "i", e->id)) != DB_OK)
		return rc_of(rc);
	ids = arena_zalloc(a, sizeof(*ids) * (res->nrows + 1));
	for (i = 0; i < res->nrows; i++)
		if ((ids[i] = db_get_int(res, i, 0)) == stage)
			idx = i;
	if (idx == (size_t)-1 || journey_move_index(ids, res->nrows, idx, dx) < 0)
		return JOURNEY_OK;          /* first or last stage: stays */
	stage = ids[idx];               /* the neighbour swapped into idx */
	if ((rc = db_query(a, &q_cell_ids, &res, "iii", e->id, stage, lane)) != DB_OK)
		return rc_of(rc);
	if (res->nrows >= JOURNEY_MAX_ITEMS)
		return JOURNEY_FULL;
	return rc_of(db_exec(&q_item_stage, NULL, "iIi", stage, (int)res->nrows + 1, item));
}

enum journey_rc
journey_item_move(struct arena *a, const struct journey_edit *e, long long item, int dx, int dy)
{
	struct db_res *res;
	long long stage, lane;
	enum journey_rc jr;
	enum db_rc rc;

	if ((jr = edit_begin(a, e)) != JOURNEY_OK)
		return jr;
	if ((rc = db_query(a, &q_item_cell, &res, "ii", item, e->id)) != DB_OK)
		return fail(rc_of(rc));
	if (res->nrows == 0)
		return fail(JOURNEY_NOT_FOUND);
	stage = db_get_int(res, 0, 0);
	lane = db_get_int(res, 0, 1);
	jr = dx != 0 ? item_to_stage(a, e, item, stage, lane, dx) :
	    reorder(a, &q_cell_ids, &q_item_pos, e->id, stage, lane, item, dy);
	if (jr != JOURNEY_OK)
		return fail(jr);
	return edit_end(e, dx < 0 ? "item_left" : dx > 0 ? "item_right" :
	    dy < 0 ? "item_up" : "item_down", arena_printf(a, "%lld", item));
}

enum journey_rc
journey_item_delete(struct arena *a, const struct journey_edit *e, long long item)
{
	return delete_edit(a, e, &q_item_del, item, "item_delete");
}

enum journey_rc
journey_metric_add(struct arena *a, const struct journey_edit *e, long long stage,
    const char *key, int has_target, double target)
{
	struct db_res *res;
	enum journey_rc jr;
	enum db_rc rc;

	if ((jr = edit_begin(a, e)) != JOURNEY_OK)
		return jr;
	if ((rc = db_query(a, &q_stage_of, &res, "ii", stage, e->id)) != DB_OK)
		return fail(rc_of(rc));
	if (db_get_int(res, 0, 0) == 0)
		return fail(JOURNEY_NOT_FOUND);
	if ((rc = db_query(a, &q_metric_count, &res, "i", stage)) != DB_OK)
		return fail(rc_of(rc));
	if (db_get_int(res, 0, 0) >= JOURNEY_MAX_METRICS)
		return fail(JOURNEY_FULL);
	rc = has_target ?
	    db_exec(&q_metric_add, NULL, "iiisd", e->id, stage, db_get_int(res, 0, 1) + 1, key,
		target) :
	    db_exec(&q_metric_add, NULL, "iiiss", e->id, stage, db_get_int(res, 0, 1) + 1, key,
		(const char *)NULL);
	if (rc != DB_OK)
		return fail(rc_of(rc));
	return edit_end(e, "metric_add", key);
}

enum journey_rc
journey_metric_save(struct arena *a, const struct journey_edit *e, long long metric,
    int has_target, double target)
{
	struct db_res *res;
	enum journey_rc jr;
	enum db_rc rc;

	if ((jr = edit_begin(a, e)) != JOURNEY_OK)
		return jr;
	if ((rc = db_query(a, &q_metric_of, &res, "ii", metric, e->id)) != DB_OK)
		return fail(rc_of(rc));
	if (res->nrows == 0)
		return fail(JOURNEY_NOT_FOUND);
	rc = has_target ? db_exec(&q_metric_save, NULL, "dii", target, metric, e->id) :
	    db_exec(&q_metric_save, NULL, "sii", (const char *)NULL, metric, e->id);
	if (rc != DB_OK)
		return fail(rc_of(rc));
	return edit_end(e, "metric_target", has_target ?
	    arena_printf(a, "%s %g", db_gets(res, 0, 0), target) : db_gets(res, 0, 0));
}

enum journey_rc
journey_metric_delete(struct arena *a, const struct journey_edit *e, long long metric)
{
	struct db_res *res;
	enum journey_rc jr;
	enum db_rc rc;

	if ((jr = edit_begin(a, e)) != JOURNEY_OK)
		return jr;
	if ((rc = db_query(a, &q_metric_of, &res, "ii", metric, e->id)) != DB_OK)
		return fail(rc_of(rc));
	if (res->nrows == 0)
		return fail(JOURNEY_NOT_FOUND);
	if ((rc = db_exec(&q_metric_del, NULL, "ii", metric, e->id)) != DB_OK)
		return fail(rc_of(rc));
	return edit_end(e, "metric_delete", db_gets(res, 0, 0));
}
