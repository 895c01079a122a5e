/* Snapshots of journey maps (journey.h): every stage, item and metric
 * value copied as it is, so later edits never change a baseline. */
#include "journey.h"
#include "arena.h"
#include "metrics.h"

#include <stdlib.h>
#include <string.h>

static struct db_q q_snap_add = DB_Q(
    "INSERT INTO journey_snapshots (journey_id, label, taken_at, taken_by, period_from,"
    " period_to) VALUES (?, ?, UTC_TIMESTAMP(), NULLIF(?, 0), ?, ?)");
static struct db_q q_snap_stage = DB_Q(
    "INSERT INTO journey_snapshot_stages (snapshot_id, pos, name, emotion) VALUES (?, ?, ?, ?)");
static struct db_q q_snap_item = DB_Q(
    "INSERT INTO journey_snapshot_items (snapshot_id, stage_pos, lane_name, lane_role, body,"
    " evidence) VALUES (?, ?, ?, ?, ?, ?)");
static struct db_q q_snap_metric = DB_Q(
    "INSERT INTO journey_snapshot_metrics (snapshot_id, stage_pos, metric_key, target, value, n)"
    " VALUES (?, ?, ?, ?, ?, ?)");
static struct db_q q_snap_hist = DB_Q(
    "INSERT INTO journey_history (journey_id, user_id, at, version, action, detail)"
    " VALUES (?, NULLIF(?, 0), UTC_TIMESTAMP(), ?, 'snapshot', ?)");
static struct db_q q_snap_head = DB_Q(
    "SELECT s.id, s.journey_id, s.label, s.taken_at, COALESCE(u.name, ''), s.period_from,"
    " s.period_to FROM journey_snapshots s LEFT JOIN users u ON u.id = s.taken_by"
    " WHERE s.id = ? AND s.journey_id = ?");
static struct db_q q_snap_stages = DB_Q(
    "SELECT pos, name, emotion FROM journey_snapshot_stages WHERE snapshot_id = ? ORDER BY pos");
static struct db_q q_snap_items = DB_Q(
    "SELECT stage_pos, lane_name, lane_role, body, evidence FROM journey_snapshot_items"
    " WHERE snapshot_id = ? ORDER BY id");
static struct db_q q_snap_metrics = DB_Q(
    "SELECT stage_pos, metric_key, target, value, n FROM journey_snapshot_metrics"
    " WHERE snapshot_id = ? ORDER BY id");

static enum journey_rc
rc_of(enum db_rc rc)
{
	return rc == DB_OK ? JOURNEY_OK : rc == DB_DOWN ? JOURNEY_DB_DOWN : JOURNEY_DB_ERR;
}

/* The stage's place (1-based, display order) in j. */
static int
stage_place(const struct journey *j, long long stage)
{
	size_t i;

	for (i = 0; i < j->nstages; i++)
		if (j->stages[i].id == stage)
			return (int)i + 1;
	return 0;
}

static enum db_rc
snap_rows(struct arena *a, const struct journey *j, long long sid,
    const struct journey_snap_value *vals)
{
	enum db_rc rc = DB_OK;
	size_t i;

	for (i = 0; rc == DB_OK && i < j->nstages; i++)
		rc = db_exec(&q_snap_stage, NULL, "iIsI", sid, (int)i + 1, j->stages[i].name,
		    j->stages[i].emotion);
	for (i = 0; rc == DB_OK && i < j->nitems; i++) {
		const struct journey_item *it = &j->items[i];
		const struct journey_lane *l = journey_find_lane(j, it->lane_id);

		rc = db_exec(&q_snap_item, NULL, "iIssss", sid, stage_place(j, it->stage_id),
		    l != NULL ? l->name : "", l != NULL ? l->role : "", it->body,
		    journey_evidence_names[it->evidence]);
	}
	for (i = 0; rc == DB_OK && i < j->nmetrics; i++) {
		const struct journey_metric *m = &j->metrics[i];
		const char *t = m->has_target ? arena_printf(a, "%.17g", m->target) : NULL;
		const char *v = vals[i].has ? arena_printf(a, "%.17g", vals[i].value) : NULL;

		rc = db_exec(&q_snap_metric, NULL, "iIsssi", sid, stage_place(j, m->stage_id),
		    m->key, t, v, vals[i].n);
	}
	return rc;
}

enum journey_rc
journey_snapshot_add(struct arena *a, const struct journey *j, long long user,
    const char *label, long day_from, long day_to, const struct journey_snap_value *vals,
    long long *id)
{
	enum db_rc rc;

	if ((rc = db_begin()) != DB_OK)
		return rc_of(rc);
	rc = db_exec(&q_snap_add, NULL, "isiss", j->id, label, user,
	    metric_day_text(a, day_from), metric_day_text(a, day_to - 1));
	*id = (long long)db_insert_id();
	if (rc == DB_OK)
		rc = snap_rows(a, j, *id, vals);
	if (rc == DB_OK)
		rc = db_exec(&q_snap_hist, NULL, "iiIs", j->id, user, j->version, label);
	if (rc != DB_OK) {
		db_rollback();
		return rc_of(rc);
	}
	return rc_of(db_commit());
}

enum journey_rc
journey_snapshot_load(struct arena *a, long long journey, long long snap,
    struct journey_snapshot *s)
{
	struct db_res *h, *st, *it, *m;
	enum db_rc rc;
	size_t i;

	memset(s, 0, sizeof(*s));
	if ((rc = db_query(a, &q_snap_head, &h, "ii", snap, journey)) != DB_OK)
		return rc_of(rc);
	if (h->nrows == 0)
		return JOURNEY_NOT_FOUND;
	if ((rc = db_query(a, &q_snap_stages, &st, "i", snap)) != DB_OK ||
	    (rc = db_query(a, &q_snap_items, &it, "i", snap)) != DB_OK ||
	    (rc = db_query(a, &q_snap_metrics, &m, "i", snap)) != DB_OK)
		return rc_of(rc);
	s->id = db_get_int(h, 0, 0);
	s->journey_id = db_get_int(h, 0, 1);
	s->label = db_gets(h, 0, 2);
	s->taken_at = db_gets(h, 0, 3);
	s->taken_by = db_gets(h, 0, 4);
	s->period_from = db_gets(h, 0, 5);
	s->period_to = db_gets(h, 0, 6);
	s->stages = arena_zalloc(a, sizeof(*s->stages) * (st->nrows + 1));
	for (i = 0; i < st->nrows; i++) {
		s->stages[i].pos = (int)db_get_int(st, i, 0);
		s->stages[i].name = db_gets(st, i, 1);
		s->stages[i].emotion = (int)db_get_int(st, i, 2);
	}
	s->nstages = st->nrows;
	s->items = arena_zalloc(a, sizeof(*s->items) * (it->nrows + 1));
	for (i = 0; i < it->nrows; i++) {
		s->items[i].stage_pos = (int)db_get_int(it, i, 0);
		s->items[i].lane_name = db_gets(it, i, 1);
		s->items[i].lane_role = db_gets(it, i, 2);
		s->items[i].body = db_gets(it, i, 3);
		s->items[i].evidence = journey_evidence_parse(db_gets(it, i, 4));
		if (s->items[i].evidence == JOURNEY_EV__MAX)
			s->items[i].evidence = JOURNEY_EV_ASSUMPTION;
	}
	s->nitems = it->nrows;
	s->metrics = arena_zalloc(a, sizeof(*s->metrics) * (m->nrows + 1));
	for (i = 0; i < m->nrows; i++) {
		s->metrics[i].stage_pos = (int)db_get_int(m, i, 0);
		s->metrics[i].key = db_gets(m, i, 1);
		s->metrics[i].has_target = db_get(m, i, 2) != NULL;
		s->metrics[i].target = s->metrics[i].has_target ? strtod(db_gets(m, i, 2), NULL) : 0;
		s->metrics[i].has = db_get(m, i, 3) != NULL;
		s->metrics[i].value = s->metrics[i].has ? strtod(db_gets(m, i, 3), NULL) : 0;
		s->metrics[i].n = db_get_int(m, i, 4);
	}
	s->nmetrics = m->nrows;
	return JOURNEY_OK;
}
