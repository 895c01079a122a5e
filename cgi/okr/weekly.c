/* GET /okr/weekly[?week=YYYY-MM-DD] — the weekly report of any week
 * (Monday to Sunday, China time; default this week) for the current cycle
 * (or ?cycle=<id>), generated from the
 * data so the weekly meeting reads it instead of hand-filled tables: the
 * key results that moved during the week (value at its start and end), the
 * off-track ones, those without a check-in that week, and the key service
 * metrics of the week against the week before. Printable (okr.css). */
#include "okr_pages.h"
#include "arena.h"
#include "metric_key.h"
#include "valid.h"

#include <math.h>
#include <string.h>

static const enum metric_id service_metrics[] = {
	METRIC_VOLUME, METRIC_FIRST_RESPONSE, METRIC_TIME_TO_RESOLVE, METRIC_SLA_COMPLIANCE,
	METRIC_TIME_TO_DISPATCH, METRIC_FIRST_TIME_FIX, METRIC_CSAT, METRIC_BACKLOG,
	METRIC_COMPLAINTS,
};

/* The week holding ?week= (or today): its Monday's day number. */
static int
week_start(struct req *r, long *monday)
{
	const char *v = req_query(r, "week");
	long day = metric_day_of(okr_now());

	if (v != NULL && *v != '\0' && metric_day_parse(v, &day) != 0)
		return -1;
	*monday = metric_bucket_start(day, METRIC_WEEK);
	return 0;
}

static enum db_rc
fill_service(struct req *r, tmpl_dict *d, long long from, long long to)
{
	struct metric_filter f;
	struct metric_value cur, prev;
	const struct metric_def *def;
	tmpl_dict *s;
	size_t i;
	int good;
	enum metric_trend tr;
	enum db_rc rc;

	memset(&f, 0, sizeof(f));
	for (i = 0; i < sizeof(service_metrics) / sizeof(service_metrics[0]); i++) {
		enum metric_id id = service_metrics[i];

		f.from = from;
		f.to = to;
		if ((rc = metric_compute(r->a, id, &f, &cur)) != DB_OK)
			return rc;
		f.from = from - 7 * METRIC_DAY_SECS;
		f.to = from;
		if ((rc = metric_compute(r->a, id, &f, &prev)) != DB_OK)
			return rc;
		def = metric_def(id);
		s = tmpl_add_section(d, "SERVICE");
		tmpl_set(s, "KEY", def->key);
		tmpl_set(s, "LABEL", strcmp(r->lang, "en") == 0 ? def->en : def->zh);
		tmpl_set(s, "CUR", metric_format(r->a, id, &cur, r->lang));
		tmpl_set(s, "CUR_NUM", metric_number(r->a, id, cur.value, cur.has));
		tmpl_set(s, "PREV", metric_format(r->a, id, &prev, r->lang));
		tr = metric_trend(id, &cur, &prev, &good);
		tmpl_set(s, "TREND", tr == METRIC_TREND_UP ? "↑" : tr == METRIC_TREND_DOWN ? "↓" :
		    tr == METRIC_TREND_FLAT ? "→" : "");
		tmpl_set(s, "GOOD", good > 0 ? "better" : good < 0 ? "worse" : "same");
	}
	return DB_OK;
}

static const char *
value_text(struct req *r, const struct okr_kr *k, double v, int has)
{
	if (!has)
		return "—";
	return arena_printf(r->a, "%s%s", okr_num(r->a, v), k->bound ? "" : k->unit);
}

/* The key-result sections of the week [from, to). */
static enum db_rc
fill_krs(struct req *r, tmpl_dict *d, const struct okr_board *b, long long from, long long to)
{
	const struct okr_kr *k;
	tmpl_dict *s;
	double v0, v1;
	long long n;
	size_t i;
	int h0, h1, moved = 0, off = 0, missing = 0;
	enum db_rc rc;

	for (i = 0; i < b->nkr; i++) {
		k = &b->kr[i];
		if ((rc = okr_kr_value_at(r->a, k, &b->cycle, from, &v0, &h0)) != DB_OK ||
		    (rc = okr_kr_value_at(r->a, k, &b->cycle, to, &v1, &h1)) != DB_OK ||
		    (rc = okr_kr_checkins_between(r->a, k->id, from, to, &n)) != DB_OK)
			return rc;
		if (h0 != h1 || (h1 && fabs(v1 - v0) > 1e-9)) {
			s = tmpl_add_section(d, "MOVED");
			okr_fill_kr(r, s, k);
			tmpl_set(s, "FROM", value_text(r, k, v0, h0));
			tmpl_set(s, "TO", value_text(r, k, v1, h1));
			moved++;
		}
		if (k->res.status == OKR_OFF_TRACK) {
			okr_fill_kr(r, tmpl_add_section(d, "OFF"), k);
			off++;
		}
		if (n == 0) {
			okr_fill_kr(r, tmpl_add_section(d, "MISSING"), k);
			missing++;
		}
	}
	tmpl_set_int(d, "N_MOVED", moved);
	tmpl_set_int(d, "N_OFF", off);
	tmpl_set_int(d, "N_MISSING", missing);
	return DB_OK;
}

int
okr_weekly_get(struct req *r)
{
	struct okr_board b;
	struct okr_cycle c;
	const char *cycle;
	long monday;
	long long from, to, cid = 0, now = okr_now();
	tmpl_dict *d;
	int found = 0;
	enum db_rc rc;

	if (week_start(r, &monday) != 0)
		return resp_error(r, 404, "ERR_NOT_FOUND");
	from = metric_day_start(monday);
	to = metric_day_start(monday + 7);
	d = page_dict(r, "O_WEEKLY");
	tmpl_set(d, "WEEK_FROM", metric_day_text(r->a, monday));
	tmpl_set(d, "WEEK_TO", metric_day_text(r->a, monday + 6));
	tmpl_set(d, "PREV_WEEK", metric_day_text(r->a, monday - 7));
	tmpl_set(d, "NEXT_WEEK", metric_day_text(r->a, monday + 7));
	if (to > now)
		to = now + 1;   /* a running week: up to this second included */
	cycle = req_query(r, "cycle");
	if (cycle != NULL && (valid_int(cycle, 1, 1LL << 53, &cid) != NULL ||
	    okr_cycle_get(r->a, cid, &c, &found) != DB_OK || !found)) {
		tmpl_free(d);
		return resp_error(r, 404, "ERR_NOT_FOUND");
	}
	if ((rc = fill_service(r, d, from, to > from ? to : from + 1)) != DB_OK ||
	    (cycle == NULL && (rc = okr_cycle_current(r->a, from, &c, &found)) != DB_OK)) {
		tmpl_free(d);
		return okr_db_fail(r, rc);
	}
	if (found) {
		if ((rc = okr_board_load(r->a, &c, to, 0, 0, &b)) != DB_OK ||
		    (rc = fill_krs(r, d, &b, from, to)) != DB_OK) {
			tmpl_free(d);
			return okr_db_fail(r, rc);
		}
		okr_fill_cycle(r, d, &c);
		tmpl_show_section(d, "HAS_CYCLE");
	}
	return resp_page(r, 200, "okr/weekly.tpl", d);
}
