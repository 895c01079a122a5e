/* Measured emotion of a journey map's stages (the rule is in journey.h):
 * which stage was each ticket's slowest against its target, and how its
 * customers rated it and complained. */
#include "journey.h"
#include "arena.h"
#include "metric_key.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MEASURE_MAX_TICKETS 5000
#define MEASURE_MAX_QUOTES  200

/* The durations a stage can be measured by, in the order of the columns
 * of q_measure (seconds). */
static const char *const duration_keys[] = {
	"time_to_accept", "time_to_dispatch", "time_to_arrival", "time_to_resolve", NULL
};

static struct db_q q_measure = DB_Q(
    "SELECT t.id, TIMESTAMPDIFF(SECOND, t.created_at, t.accepted_at),"
    " TIMESTAMPDIFF(SECOND, t.created_at, t.dispatched_at),"
    " TIMESTAMPDIFF(SECOND, t.dispatched_at, t.arrived_at),"
    " TIMESTAMPDIFF(SECOND, t.created_at, t.first_resolved_at), s.rating, t.flagged"
    " FROM tickets t LEFT JOIN surveys s ON s.ticket_id = t.id"
    " WHERE t.created_at >= ? AND t.created_at < ? AND (? = 0 OR t.category_id = ?)"
    " AND (? = 0 OR t.team_id = ?) AND (? = '' OR t.channel = ?)"
    " ORDER BY t.created_at DESC LIMIT 5000");
static struct db_q q_quotes = DB_Q(
    "SELECT q.ticket_id, q.body FROM ("
    " SELECT s.ticket_id, s.comment AS body, s.created_at AS at FROM surveys s"
    "  JOIN tickets t ON t.id = s.ticket_id"
    "  WHERE t.created_at >= ? AND t.created_at < ? AND s.comment IS NOT NULL"
    "  AND s.comment <> ''"
    " UNION ALL SELECT e.ticket_id, e.body, e.at FROM ticket_events e"
    "  JOIN tickets t ON t.id = e.ticket_id"
    "  WHERE t.created_at >= ? AND t.created_at < ? AND e.kind = 'customer_reply'"
    "  AND e.body IS NOT NULL AND e.body <> ''"
    ") q ORDER BY q.at DESC LIMIT 200");

long
journey_slowest(const double *ratio, const int *has, size_t n)
{
	long best = -1;
	size_t i;

	for (i = 0; i < n; i++)
		if (has[i] && (best < 0 || ratio[i] > ratio[best]))
			best = (long)i;
	return best;
}

double
journey_measured_score(long long bad, long long n)
{
	double s;

	if (n <= 0)
		return 0;
	s = 2.0 - 4.0 * (double)bad / (double)n;
	return s < -2 ? -2 : s > 2 ? 2 : s;
}

static const char *
utc_text(struct arena *a, long long epoch)
{
	time_t t = (time_t)epoch;
	struct tm tm;

	gmtime_r(&t, &tm);
	return arena_printf(a, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* For each stage: which duration column (0..3, -1 none) and its target in
 * seconds. */
static void
stage_durations(struct arena *a, const struct journey *j, int *col, double *target)
{
	size_t i, k, c;

	for (i = 0; i < j->nstages; i++) {
		col[i] = -1;
		for (k = 0; k < j->nmetrics && col[i] < 0; k++) {
			const struct journey_metric *m = &j->metrics[k];
			struct metric_info mi;
			int found = 0;

			if (m->stage_id != j->stages[i].id || !m->has_target || m->target <= 0)
				continue;
			for (c = 0; duration_keys[c] != NULL; c++)
				if (strcmp(m->key, duration_keys[c]) == 0 &&
				    metric_info_by_key(a, m->key, &mi, &found) == DB_OK && found) {
					col[i] = (int)c;
					target[i] = m->target * (mi.unit == METRIC_U_HOURS ? 3600.0 :
					    mi.unit == METRIC_U_MINUTES ? 60.0 : 1.0);
				}
		}
	}
}

/* Give each quote to the stage its ticket went to. */
static enum db_rc
quotes(struct arena *a, const char *from, const char *to, const char *day_key,
    const long long *ids, const long *stage_of, size_t nt, struct journey_measured *out)
{
	const char *key = arena_printf(a, "journey_quotes|%s", day_key);
	const struct db_res *res;
	struct db_res *got;
	enum db_rc rc;
	size_t i, k;

	if ((res = metric_live_cached(a, key)) == NULL) {
		if ((rc = db_query(a, &q_quotes, &got, "ssss", from, to, from, to)) != DB_OK)
			return rc;
		metric_live_keep(a, key, res = got);
	}
	for (i = 0; i < res->nrows; i++) {
		long long id = db_get_int(res, i, 0);

		for (k = 0; k < nt; k++)
			if (ids[k] == id && stage_of[k] >= 0) {
				struct journey_measured *m = &out[stage_of[k]];

				if (m->nquotes < JOURNEY_QUOTES)
					m->quotes[m->nquotes++] = arena_strdup(a, db_gets(res, i, 1));
				break;
			}
	}
	return DB_OK;
}

enum journey_rc
journey_measure(struct arena *a, const struct journey *j, const struct metric_filter *f,
    struct journey_measured **out)
{
	size_t n = j->nstages, i, k;
	int *col = arena_zalloc(a, sizeof(int) * (n + 1)), *has;
	double *target = arena_zalloc(a, sizeof(double) * (n + 1)), *ratio;
	const char *from = utc_text(a, f->from), *to = utc_text(a, f->to);
	const char *ch = f->channel != NULL ? f->channel : "";
	/* A period ending now moves with the clock: kept by its days, a read
	 * is reused like a live metric read (at most metric_live_secs). */
	const char *day_key = arena_printf(a, "%ld|%ld", metric_day_of(f->from),
	    metric_day_of(f->to - 1));
	const char *key = arena_printf(a, "journey_measure|%s|%lld|%lld|%s", day_key,
	    f->category_id, f->team_id, ch);
	long long *ids;
	long *stage_of;
	const struct db_res *res;
	struct db_res *got;
	enum db_rc rc;

	*out = arena_zalloc(a, sizeof(**out) * (n + 1));
	stage_durations(a, j, col, target);
	if ((res = metric_live_cached(a, key)) == NULL) {
		rc = db_query(a, &q_measure, &got, "ssiiiiss", from, to, f->category_id,
		    f->category_id, f->team_id, f->team_id, ch, ch);
		if (rc != DB_OK)
			return rc == DB_DOWN ? JOURNEY_DB_DOWN : JOURNEY_DB_ERR;
		metric_live_keep(a, key, res = got);
	}
	has = arena_zalloc(a, sizeof(int) * (n + 1));
	ratio = arena_zalloc(a, sizeof(double) * (n + 1));
	ids = arena_zalloc(a, sizeof(long long) * (res->nrows + 1));
	stage_of = arena_zalloc(a, sizeof(long) * (res->nrows + 1));
	for (k = 0; k < res->nrows; k++) {
		const char *rating = db_get(res, k, 5);
		int low, flagged;
		long s;

		for (i = 0; i < n; i++) {
			const char *d = col[i] >= 0 ? db_get(res, k, (size_t)col[i] + 1) : NULL;

			has[i] = d != NULL;
			ratio[i] = d != NULL ? strtod(d, NULL) / target[i] : 0;
		}
		ids[k] = db_get_int(res, k, 0);
		stage_of[k] = s = journey_slowest(ratio, has, n);
		if (s < 0)
			continue;
		(*out)[s].tickets++;
		low = rating != NULL && strtol(rating, NULL, 10) <= 2;
		flagged = db_get_int(res, k, 6) != 0;
		(*out)[s].low += low;
		(*out)[s].flagged += flagged;
		(*out)[s].bad += low || flagged;
	}
	for (i = 0; i < n; i++) {
		struct journey_measured *m = &(*out)[i];

		if (m->tickets == 0)
			continue;
		m->has_score = 1;
		m->score = journey_measured_score(m->bad, m->tickets);
	}
	if (quotes(a, from, to, day_key, ids, stage_of, res->nrows, *out) != DB_OK)
		return JOURNEY_DB_ERR;
	return JOURNEY_OK;
}
