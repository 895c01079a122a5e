/* The metric registry and the one definition of every metric:
 *
 *   md_select      which tickets count for which metric, per anchor day:
 *                    k 0  created            created_at
 *                    k 1  first response     first_response_at
 *                    k 2  resolved           resolved_at, status resolved/closed
 *                    k 3  cancelled          updated_at (also leaves the backlog)
 *                    k 4  rated              surveys.created_at
 *                  and sums them per China-time day and slice;
 *   metric_eval()  the formula of each metric over those sums.
 *
 * md_select both fills the pre-aggregate metric_daily (metric_refresh) and
 * computes today live, so the two can never disagree. Parts use is read
 * live from ticket_parts (small, and rows may be corrected later). */
#include "metrics.h"
#include "arena.h"
#include "db.h"
#include "log.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const struct metric_def defs[METRIC__MAX] = {
	[METRIC_VOLUME] = { "volume", "工单量", "Ticket volume",
	    "期间内新建的工单数。",
	    "Tickets created in the period.",
	    METRIC_U_TICKETS, 0, 0 },
	[METRIC_FIRST_RESPONSE] = { "first_response", "首次响应时长(中位数)",
	    "First response (median)",
	    "期间内得到首次响应的工单:从创建到首次响应的分钟数中位数(按分桶插值);均值为精确值。",
	    "Tickets first answered in the period: median minutes from creation to the first "
	    "response (interpolated in histogram buckets); the average is exact.",
	    METRIC_U_MINUTES, -1, 0 },
	[METRIC_TIME_TO_RESOLVE] = { "time_to_resolve", "解决时长(中位数)",
	    "Time to resolve (median)",
	    "期间内解决的工单:从创建到解决的小时数中位数(自然时间,按分桶插值);均值为精确值。",
	    "Tickets resolved in the period: median hours from creation to resolution (wall "
	    "clock, interpolated in histogram buckets); the average is exact.",
	    METRIC_U_HOURS, -1, 0 },
	[METRIC_SLA_COMPLIANCE] = { "sla_compliance", "解决时效达标率", "Resolution SLA met",
	    "期间内解决的工单中,在解决时限之前解决的比例(无时限的计为达标)。",
	    "Share of the tickets resolved in the period that were resolved by their "
	    "resolve-by time (no target counts as met).",
	    METRIC_U_PERCENT, 1, 0 },
	[METRIC_FR_COMPLIANCE] = { "first_response_compliance", "响应时效达标率",
	    "First-response SLA met",
	    "期间内得到首次响应的工单中,在响应时限之前响应的比例。",
	    "Share of the tickets first answered in the period that were answered by their "
	    "respond-by time.",
	    METRIC_U_PERCENT, 1, 0 },
	[METRIC_CSAT] = { "csat", "满意度评分", "CSAT score",
	    "期间内客户提交的评价的平均分(1–5 分)。",
	    "Average rating (1-5) of the surveys customers submitted in the period.",
	    METRIC_U_SCORE, 1, 0 },
	[METRIC_CSAT_SATISFIED] = { "csat_satisfied", "满意率", "Satisfied customers",
	    "期间内提交的评价中 4 分或 5 分的比例。",
	    "Share of the period's ratings that are 4 or 5.",
	    METRIC_U_PERCENT, 1, 0 },
	[METRIC_BACKLOG] = { "backlog", "积压工单", "Backlog",
	    "期末仍未解决的工单数(未解决、未关闭、未取消);工单从创建起到最后一次解决或取消为止计为未结。",
	    "Tickets open at the end of the period (not resolved, closed or cancelled); a "
	    "ticket counts as open from creation until its last resolution or cancellation.",
	    METRIC_U_TICKETS, -1, 1 },
	[METRIC_BACKLOG_AGE] = { "backlog_age", "积压平均时长", "Backlog age",
	    "期末未结工单自创建起的平均小时数。",
	    "Average hours since creation of the tickets open at the end of the period.",
	    METRIC_U_HOURS, -1, 1 },
	[METRIC_REOPEN_RATE] = { "reopen_rate", "重开率", "Reopen rate",
	    "期间内解决的工单中,曾被客户或员工重新打开过的比例。",
	    "Share of the tickets resolved in the period that had been reopened at least once.",
	    METRIC_U_PERCENT, -1, 0 },
	[METRIC_PARTS_USE] = { "parts_use", "备件用量", "Parts used",
	    "期间内登记在工单上的备件数量;样本数为登记记录数。",
	    "Spare-part units recorded on tickets in the period; the sample is the number "
	    "of records.",
	    METRIC_U_UNITS, 0, 0 },
};

static const char *const unit_labels[METRIC_U__MAX][2] = {
	[METRIC_U_TICKETS] = { "件", "tickets" },
	[METRIC_U_MINUTES] = { "分钟", "min" },
	[METRIC_U_HOURS]   = { "小时", "h" },
	[METRIC_U_PERCENT] = { "%", "%" },
	[METRIC_U_SCORE]   = { "分", "/ 5" },
	[METRIC_U_UNITS]   = { "个", "units" },
};

const struct metric_def *
metric_def(enum metric_id id)
{
	return (unsigned)id < METRIC__MAX ? &defs[id] : NULL;
}

enum metric_id
metric_by_key(const char *key)
{
	int i;

	for (i = 0; key != NULL && i < METRIC__MAX; i++)
		if (strcmp(defs[i].key, key) == 0)
			return (enum metric_id)i;
	return METRIC__MAX;
}

const char *
metric_unit_label(enum metric_unit u, const char *lang)
{
	if ((unsigned)u >= METRIC_U__MAX)
		return "";
	return unit_labels[u][lang != NULL && strcmp(lang, "en") == 0];
}

/* ------------------------------------------------------------ formulas */

static void
val_set(struct metric_value *v, double value, long long n, int has)
{
	v->value = has ? value : 0;
	v->n = n;
	v->has = has;
}

/* Median from the histogram (seconds / per); average as aux. */
static void
val_median(struct metric_value *v, const long long h[METRIC_NBUCKETS], long long sum,
    long long n, double per)
{
	val_set(v, metric_hist_median(h) / per, n, n > 0);
	if (n > 0)
		v->aux = (double)sum / (double)n / per;
}

static void
val_pct(struct metric_value *v, long long num, long long den)
{
	val_set(v, metric_pct(num, den), den, den > 0);
}

/* Average age in hours at `at` of the tickets open then. */
static double
backlog_age_hours(const struct metric_sums *s, long long at)
{
	long long open = s->created_n - s->end_n;

	if (open <= 0)
		return METRIC_NONE;
	return ((double)open * (double)at - (double)(s->created_t - s->end_t)) /
	    (double)open / 3600.0;
}

void
metric_eval(enum metric_id id, const struct metric_sums *f, const struct metric_sums *s,
    long long at, struct metric_value *v)
{
	long long open = s->created_n - s->end_n;

	memset(v, 0, sizeof(*v));
	v->aux = METRIC_NONE;
	switch (id) {
	case METRIC_VOLUME:
		val_set(v, (double)f->created_n, f->created_n, 1);
		break;
	case METRIC_FIRST_RESPONSE:
		val_median(v, f->fr_h, f->fr_s, f->fr_n, 60.0);
		break;
	case METRIC_TIME_TO_RESOLVE:
		val_median(v, f->res_h, f->res_s, f->res_n, 3600.0);
		break;
	case METRIC_SLA_COMPLIANCE:
		val_pct(v, f->res_ok, f->res_n);
		break;
	case METRIC_FR_COMPLIANCE:
		val_pct(v, f->fr_ok, f->fr_n);
		break;
	case METRIC_CSAT:
		val_set(v, f->csat_n > 0 ? (double)f->csat_sum / (double)f->csat_n : 0,
		    f->csat_n, f->csat_n > 0);
		break;
	case METRIC_CSAT_SATISFIED:
		val_pct(v, f->csat_sat, f->csat_n);
		break;
	case METRIC_BACKLOG:
		val_set(v, (double)(open > 0 ? open : 0), open > 0 ? open : 0, 1);
		v->aux = backlog_age_hours(s, at);
		break;
	case METRIC_BACKLOG_AGE:
		val_set(v, backlog_age_hours(s, at), open > 0 ? open : 0, open > 0);
		break;
	case METRIC_REOPEN_RATE:
		val_pct(v, f->reopened_n, f->res_n);
		break;
	case METRIC_PARTS_USE:
		val_set(v, (double)f->parts_qty, f->parts_lines, 1);
		break;
	default:
		break;
	}
}

/* ----------------------------------------------------------------- SQL */

#define MD_STR_(...)   #__VA_ARGS__
#define MD_STR(...)    MD_STR_(__VA_ARGS__)
/* China-time calendar day of a UTC DATETIME column. */
#define MD_DAY(col)    "DATE(" col " + INTERVAL " MD_STR(METRIC_TZ_SECS) " SECOND)"
#define MD_SECS(a, b)  "GREATEST(0, TIMESTAMPDIFF(SECOND, " a ", " b "))"
/* INTERVAL() counts the bounds <= secs: the bucket of metric_hist_bucket(). */
#define MD_BUCKET(s)   "INTERVAL(" s ", " MD_STR(METRIC_HIST_BOUNDS) ")"
#define MD_SLICE       "t.category_id, COALESCE(t.team_id, 0), t.channel"

/* One item per histogram bucket 00..23, each led by a comma. */
#define MD_H24(M, k, p) M(k, p, 00) M(k, p, 01) M(k, p, 02) M(k, p, 03) M(k, p, 04) \
	M(k, p, 05) M(k, p, 06) M(k, p, 07) M(k, p, 08) M(k, p, 09) M(k, p, 10) M(k, p, 11) \
	M(k, p, 12) M(k, p, 13) M(k, p, 14) M(k, p, 15) M(k, p, 16) M(k, p, 17) M(k, p, 18) \
	M(k, p, 19) M(k, p, 20) M(k, p, 21) M(k, p, 22) M(k, p, 23)
#define MD_HAGG(k, p, i) ", SUM(k = " #k " AND b = " #i ") AS " #p #i
#define MD_HCOL(k, p, i) ", " #p #i
#define MD_HSUM(k, p, i) ", SUM(" #p #i ")"

/* The sums, in the order of struct metric_sums (see md_slot). */
#define MD_COLS "created_n, created_t, fr_n, fr_s, fr_ok, res_n, res_s, res_ok, reopened_n," \
	" end_n, end_t, csat_n, csat_sum, csat_sat" MD_H24(MD_HCOL, 0, fr_h) MD_H24(MD_HCOL, 0, res_h)
#define MD_SUMS "SUM(created_n), SUM(created_t), SUM(fr_n), SUM(fr_s), SUM(fr_ok), SUM(res_n)," \
	" SUM(res_s), SUM(res_ok), SUM(reopened_n), SUM(end_n), SUM(end_t), SUM(csat_n)," \
	" SUM(csat_sum), SUM(csat_sat)" MD_H24(MD_HSUM, 0, fr_h) MD_H24(MD_HSUM, 0, res_h)
#define MD_NSCALARS 14

/* THE definition. Parameters: five [from, to) pairs of UTC epochs, one per
 * anchor (k 0..4). Output: day, category_id, team_id, channel, MD_COLS. */
#define MD_SELECT \
	"SELECT day, category_id, team_id, channel," \
	" SUM(k = 0) AS created_n, SUM(IF(k = 0, tc, 0)) AS created_t," \
	" SUM(k = 1) AS fr_n, SUM(IF(k = 1, secs, 0)) AS fr_s, SUM(k = 1 AND ok) AS fr_ok," \
	" SUM(k = 2) AS res_n, SUM(IF(k = 2, secs, 0)) AS res_s, SUM(k = 2 AND ok) AS res_ok," \
	" SUM(k = 2 AND reo) AS reopened_n," \
	" SUM(k IN (2, 3)) AS end_n, SUM(IF(k IN (2, 3), tc, 0)) AS end_t," \
	" SUM(k = 4) AS csat_n, SUM(IF(k = 4, secs, 0)) AS csat_sum, SUM(k = 4 AND ok) AS csat_sat" \
	MD_H24(MD_HAGG, 1, fr_h) MD_H24(MD_HAGG, 2, res_h) \
	" FROM (SELECT 0 AS k, " MD_DAY("t.created_at") " AS day, t.category_id AS category_id," \
	" COALESCE(t.team_id, 0) AS team_id, t.channel AS channel," \
	" UNIX_TIMESTAMP(t.created_at) AS tc, 0 AS secs, 0 AS ok, 0 AS reo, 0 AS b" \
	" FROM tickets t" \
	" WHERE t.created_at >= FROM_UNIXTIME(?) AND t.created_at < FROM_UNIXTIME(?)" \
	" UNION ALL SELECT 1, " MD_DAY("t.first_response_at") ", " MD_SLICE ", 0," \
	" " MD_SECS("t.created_at", "t.first_response_at") "," \
	" t.first_response_due IS NULL OR t.first_response_at <= t.first_response_due, 0," \
	" " MD_BUCKET(MD_SECS("t.created_at", "t.first_response_at")) \
	" FROM tickets t WHERE t.first_response_at >= FROM_UNIXTIME(?)" \
	" AND t.first_response_at < FROM_UNIXTIME(?)" \
	" UNION ALL SELECT 2, " MD_DAY("t.resolved_at") ", " MD_SLICE "," \
	" UNIX_TIMESTAMP(t.created_at), " MD_SECS("t.created_at", "t.resolved_at") "," \
	" t.resolve_due IS NULL OR t.resolved_at <= t.resolve_due," \
	" EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'status'" \
	" AND e.to_status = 'reopened')," \
	" " MD_BUCKET(MD_SECS("t.created_at", "t.resolved_at")) \
	" FROM tickets t WHERE t.status IN ('resolved', 'closed')" \
	" AND t.resolved_at >= FROM_UNIXTIME(?) AND t.resolved_at < FROM_UNIXTIME(?)" \
	" UNION ALL SELECT 3, " MD_DAY("t.updated_at") ", " MD_SLICE "," \
	" UNIX_TIMESTAMP(t.created_at), 0, 0, 0, 0" \
	" FROM tickets t WHERE (t.status = 'cancelled'" \
	" OR (t.status IN ('resolved', 'closed') AND t.resolved_at IS NULL))" \
	" AND t.updated_at >= FROM_UNIXTIME(?) AND t.updated_at < FROM_UNIXTIME(?)" \
	" UNION ALL SELECT 4, " MD_DAY("s.created_at") ", " MD_SLICE "," \
	" 0, s.rating, s.rating >= 4, 0, 0" \
	" FROM surveys s JOIN tickets t ON t.id = s.ticket_id" \
	" WHERE s.created_at >= FROM_UNIXTIME(?) AND s.created_at < FROM_UNIXTIME(?)" \
	") u GROUP BY day, category_id, team_id, channel"

/* Group rows by a dimension, or by day with every day before the fold
 * day folded into it. Parameters: dimension name, fold day. */
#define MD_GROUP(day, cat, team, chan) \
	"CASE ? WHEN 'category' THEN CAST(" cat " AS CHAR) WHEN 'team' THEN CAST(" team " AS CHAR)" \
	" WHEN 'channel' THEN CAST(" chan " AS CHAR)" \
	" ELSE CAST(GREATEST(" day ", CAST(? AS DATE)) AS CHAR) END"
/* The filter: category, team, channel (each 0 or '' for all), twice each. */
#define MD_WHERE(cat, team, chan) \
	"(? = 0 OR " cat " = ?) AND (? = 0 OR " team " = ?) AND (? = '' OR " chan " = ?)"

static struct db_q q_read_daily = DB_Q(
    "SELECT " MD_GROUP("day", "category_id", "team_id", "channel") " AS g, " MD_SUMS
    " FROM metric_daily WHERE day >= ? AND day < ? AND "
    MD_WHERE("category_id", "team_id", "channel") " GROUP BY g");
static struct db_q q_read_live = DB_Q(
    "SELECT " MD_GROUP("day", "category_id", "team_id", "channel") " AS g, " MD_SUMS
    " FROM (" MD_SELECT ") x WHERE " MD_WHERE("category_id", "team_id", "channel")
    " GROUP BY g");
static struct db_q q_read_parts = DB_Q(
    "SELECT " MD_GROUP(MD_DAY("p.created_at"), "t.category_id", "COALESCE(t.team_id, 0)",
    "t.channel") " AS g, SUM(p.qty), COUNT(*)"
    " FROM ticket_parts p JOIN tickets t ON t.id = p.ticket_id"
    " WHERE p.created_at >= FROM_UNIXTIME(?) AND p.created_at < FROM_UNIXTIME(?) AND "
    MD_WHERE("t.category_id", "COALESCE(t.team_id, 0)", "t.channel") " GROUP BY g");

static struct db_q q_daily_delete = DB_Q(
    "DELETE FROM metric_daily WHERE day >= ? AND day < ?");
static struct db_q q_daily_insert = DB_Q(
    "INSERT INTO metric_daily (day, category_id, team_id, channel, " MD_COLS ") " MD_SELECT);

static struct db_q q_due = DB_Q(
    "SELECT refreshed_at IS NULL,"
    " UNIX_TIMESTAMP(UTC_TIMESTAMP()) - COALESCE(UNIX_TIMESTAMP(refreshed_at), 0),"
    " (SELECT value FROM settings WHERE name = 'metric_refresh_secs')"
    " FROM metric_state WHERE id = 1");
/* The refresh reads tickets without locking them (INSERT ... SELECT would
 * lock every row read under REPEATABLE READ). */
static struct db_q q_read_committed = DB_Q(
    "SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
static struct db_q q_state_lock = DB_Q(
    "SELECT COALESCE(UNIX_TIMESTAMP(refreshed_at), 0), max_ticket_id, max_survey_id,"
    " UNIX_TIMESTAMP(UTC_TIMESTAMP()),"
    " (SELECT COALESCE(MAX(id), 0) FROM tickets), (SELECT COALESCE(MAX(id), 0) FROM surveys),"
    " (SELECT COALESCE(UNIX_TIMESTAMP(MIN(created_at)), 0) FROM tickets)"
    " FROM metric_state WHERE id = 1 FOR UPDATE SKIP LOCKED");
static struct db_q q_state_set = DB_Q(
    "UPDATE metric_state SET refreshed_at = FROM_UNIXTIME(?), max_ticket_id = ?,"
    " max_survey_id = ? WHERE id = 1");
/* Days whose sums a change may have moved: every anchor day of the tickets
 * changed since (new values), the days of their events (old values: a
 * reopened ticket's former resolution; 2 s back for a transaction that
 * crossed midnight), and the days of new surveys. */
static struct db_q q_touched = DB_Q(
    "WITH c AS (SELECT id, created_at, first_response_at, resolved_at, updated_at"
    " FROM tickets WHERE updated_at >= FROM_UNIXTIME(?) OR id > ?)"
    " SELECT DISTINCT d FROM ("
    "SELECT " MD_DAY("created_at") " AS d FROM c"
    " UNION ALL SELECT " MD_DAY("first_response_at") " FROM c"
    " UNION ALL SELECT " MD_DAY("resolved_at") " FROM c"
    " UNION ALL SELECT " MD_DAY("updated_at") " FROM c"
    " UNION ALL SELECT " MD_DAY("e.at") " FROM ticket_events e JOIN c ON e.ticket_id = c.id"
    " UNION ALL SELECT " MD_DAY("e.at - INTERVAL 2 SECOND")
    " FROM ticket_events e JOIN c ON e.ticket_id = c.id"
    " UNION ALL SELECT " MD_DAY("s.created_at") " FROM surveys s JOIN c ON s.ticket_id = c.id"
    " UNION ALL SELECT " MD_DAY("s.created_at") " FROM surveys s"
    " WHERE s.id > ? OR s.created_at >= FROM_UNIXTIME(?)"
    ") x WHERE d IS NOT NULL ORDER BY d");

/* ------------------------------------------------------------- loading */

static const char *const dim_names[METRIC_DIM__MAX + 1] = {
	[METRIC_BY_CATEGORY] = "category", [METRIC_BY_TEAM] = "team",
	[METRIC_BY_CHANNEL] = "channel", [METRIC_DIM__MAX] = "day",
};

/* Where loaded rows go: per day into a frame, or per group. */
struct md_sink {
	struct arena        *a;
	enum metric_dim      dim;     /* METRIC_DIM__MAX: by day */
	struct metric_frame *fr;
	struct metric_group *groups;
	size_t               n, cap;
	int                  stock;   /* groups: into .stock rather than .flow */
};

/* The sums a row with group key `key` adds to, or NULL to drop it. */
static struct metric_sums *
md_bin(struct md_sink *k, const char *key)
{
	struct metric_group *g;
	long day;
	size_t i;

	if (k->dim == METRIC_DIM__MAX) {
		if (metric_day_parse(key, &day) != 0 || day >= k->fr->day0 + k->fr->ndays)
			return NULL;
		return day < k->fr->day0 ? &k->fr->before : &k->fr->days[day - k->fr->day0];
	}
	for (i = 0; i < k->n && strcmp(k->groups[i].key, key) != 0; i++)
		;
	if (i == k->n) {
		if (k->n == k->cap) {
			k->cap = k->cap ? 2 * k->cap : 16;
			g = arena_zalloc(k->a, sizeof(*g) * k->cap);
			if (k->n > 0)
				memcpy(g, k->groups, sizeof(*g) * k->n);
			k->groups = g;
		}
		k->groups[k->n++].key = arena_strdup(k->a, key);
	}
	return k->stock ? &k->groups[i].stock : &k->groups[i].flow;
}

/* Column c (0-based, after the group key) of MD_SUMS in struct metric_sums. */
static long long *
md_slot(struct metric_sums *s, size_t c)
{
	static const size_t scalar[MD_NSCALARS] = {
		offsetof(struct metric_sums, created_n), offsetof(struct metric_sums, created_t),
		offsetof(struct metric_sums, fr_n), offsetof(struct metric_sums, fr_s),
		offsetof(struct metric_sums, fr_ok), offsetof(struct metric_sums, res_n),
		offsetof(struct metric_sums, res_s), offsetof(struct metric_sums, res_ok),
		offsetof(struct metric_sums, reopened_n), offsetof(struct metric_sums, end_n),
		offsetof(struct metric_sums, end_t), offsetof(struct metric_sums, csat_n),
		offsetof(struct metric_sums, csat_sum), offsetof(struct metric_sums, csat_sat),
	};

	if (c < MD_NSCALARS)
		return (long long *)((char *)s + scalar[c]);
	if (c < MD_NSCALARS + METRIC_NBUCKETS)
		return &s->fr_h[c - MD_NSCALARS];
	if (c < MD_NSCALARS + 2 * METRIC_NBUCKETS)
		return &s->res_h[c - MD_NSCALARS - METRIC_NBUCKETS];
	return NULL;
}

static void
md_add_rows(struct md_sink *k, const struct db_res *res)
{
	size_t r, c;

	for (r = 0; r < res->nrows; r++) {
		struct metric_sums *s = md_bin(k, db_gets(res, r, 0));
		long long *slot;
		for (c = 1; s != NULL && c < res->ncols; c++)
			if ((slot = md_slot(s, c - 1)) != NULL)
				*slot += db_get_int(res, r, c);
	}
}

static void
md_add_parts(struct md_sink *k, const struct db_res *res)
{
	size_t r;

	for (r = 0; r < res->nrows; r++) {
		struct metric_sums *s = md_bin(k, db_gets(res, r, 0));
		if (s != NULL) {
			s->parts_qty += db_get_int(res, r, 1);
			s->parts_lines += db_get_int(res, r, 2);
		}
	}
}

/* The filter's slice as bound parameters. */
struct md_slice {
	long long   cat, team;
	const char *chan;
};

static struct md_slice
md_slice_of(const struct metric_filter *f)
{
	struct md_slice s = { f->category_id > 0 ? f->category_id : 0,
		f->team_id > 0 ? f->team_id : 0, f->channel != NULL ? f->channel : "" };
	return s;
}

/* Today, live from the tickets. */
static enum db_rc
md_load_live(struct arena *a, struct md_sink *k, const struct md_slice *s, const char *fold,
    long today)
{
	long long t0 = metric_day_start(today), t1 = metric_day_start(today + 1);
	struct db_res *res;
	enum db_rc rc;

	rc = db_query(a, &q_read_live, &res, "ssiiiiiiiiiiiiiiss", dim_names[k->dim], fold,
	    t0, t1, t0, t1, t0, t1, t0, t1, t0, t1, s->cat, s->cat, s->team, s->team,
	    s->chan, s->chan);
	if (rc == DB_OK)
		md_add_rows(k, res);
	return rc;
}

/* Add the sums of days [lo, hi) of the filter's slice to the sink: days
 * before today from metric_daily, today live; parts from parts_lo on. */
static enum db_rc
md_load(struct arena *a, const struct metric_filter *f, struct md_sink *k, long lo, long hi,
    long parts_lo)
{
	struct md_slice s = md_slice_of(f);
	long today = metric_day_of((long long)time(NULL)), agg_hi = hi < today ? hi : today;
	const char *fold = metric_day_text(a, k->fr != NULL ? k->fr->day0 - 1 : 0);
	struct db_res *res;
	enum db_rc rc;

	if (lo < agg_hi) {
		rc = db_query(a, &q_read_daily, &res, "ssssiiiiss", dim_names[k->dim], fold,
		    metric_day_text(a, lo), metric_day_text(a, agg_hi), s.cat, s.cat, s.team, s.team,
		    s.chan, s.chan);
		if (rc != DB_OK)
			return rc;
		md_add_rows(k, res);
	}
	if (today >= lo && today < hi && (rc = md_load_live(a, k, &s, fold, today)) != DB_OK)
		return rc;
	if (parts_lo < lo)
		parts_lo = lo;
	if (parts_lo >= hi)
		return DB_OK;
	rc = db_query(a, &q_read_parts, &res, "ssiiiiiiss", dim_names[k->dim], fold,
	    metric_day_start(parts_lo), metric_day_start(hi), s.cat, s.cat, s.team, s.team,
	    s.chan, s.chan);
	if (rc == DB_OK)
		md_add_parts(k, res);
	return rc;
}

/* Refresh when due; a failed refresh leaves the last sums readable. */
static enum db_rc
md_refresh_before_read(struct arena *a)
{
	enum db_rc rc = metric_refresh(a, 0);

	if (rc == DB_DOWN)
		return rc;
	if (rc != DB_OK)
		log_msg("warn", "metric refresh failed", db_rc_str(rc));
	return DB_OK;
}

#define MD_MAX_DAYS 7320    /* 20 years: a frame is one array of days */

enum db_rc
metric_frame_load(struct arena *a, const struct metric_filter *f, int history,
    struct metric_frame *fr)
{
	long lo = metric_day_of(f->from), hi = metric_day_of(f->to - 1) + 1;
	struct md_sink k;
	enum db_rc rc;

	memset(fr, 0, sizeof(*fr));
	if (hi < lo || hi - lo > MD_MAX_DAYS)
		return DB_ERR;
	fr->day0 = lo;
	fr->ndays = hi - lo;
	fr->days = arena_zalloc(a, sizeof(*fr->days) * (size_t)(fr->ndays + 1));
	fr->now = (long long)time(NULL);
	if ((rc = md_refresh_before_read(a)) != DB_OK)
		return rc;
	memset(&k, 0, sizeof(k));
	k.a = a;
	k.dim = METRIC_DIM__MAX;
	k.fr = fr;
	return md_load(a, f, &k, history ? 0 : lo, hi, lo);
}

enum db_rc
metric_breakdown(struct arena *a, const struct metric_filter *f, enum metric_dim dim,
    struct metric_group **out, size_t *n)
{
	long lo = metric_day_of(f->from), hi = metric_day_of(f->to - 1) + 1;
	long long now = (long long)time(NULL), at = f->to < now ? f->to : now;
	struct md_sink k;
	enum db_rc rc;

	*out = NULL;
	*n = 0;
	if ((unsigned)dim >= METRIC_DIM__MAX || hi < lo)
		return DB_ERR;
	if ((rc = md_refresh_before_read(a)) != DB_OK)
		return rc;
	memset(&k, 0, sizeof(k));
	k.a = a;
	k.dim = dim;
	if ((rc = md_load(a, f, &k, lo, hi, lo)) != DB_OK)
		return rc;
	k.stock = 1;
	if ((rc = md_load(a, f, &k, 0, metric_day_of(at - 1) + 1, hi)) != DB_OK)
		return rc;
	*out = k.groups;
	*n = k.n;
	return DB_OK;
}

enum db_rc
metric_compute(struct arena *a, enum metric_id id, const struct metric_filter *f,
    struct metric_value *out)
{
	const struct metric_def *def = metric_def(id);
	struct metric_frame fr;
	enum db_rc rc;

	memset(out, 0, sizeof(*out));
	if (def == NULL)
		return DB_ERR;
	if ((rc = metric_frame_load(a, f, def->stock, &fr)) != DB_OK)
		return rc;
	metric_frame_eval(&fr, id, f->from, f->to, out);
	return DB_OK;
}

enum db_rc
metric_series(struct arena *a, enum metric_id id, const struct metric_filter *f,
    enum metric_grain g, struct metric_point **out, size_t *n)
{
	const struct metric_def *def = metric_def(id);
	struct metric_frame fr;
	enum db_rc rc;

	*out = NULL;
	*n = 0;
	if (def == NULL || (unsigned)g >= METRIC_GRAIN__MAX)
		return DB_ERR;
	if ((rc = metric_frame_load(a, f, def->stock, &fr)) != DB_OK)
		return rc;
	*n = metric_frame_series(a, &fr, id, f->from, f->to, g, out);
	return DB_OK;
}

/* ------------------------------------------------------------- refresh */

#define MD_SLACK_SECS     300   /* a transaction commits this long after its updated_at at most */
#define MD_CHECK_SECS     5     /* a worker asks whether a refresh is due at most this often */
#define MD_CHUNK_DAYS     92    /* days per statement when many days are rebuilt */
#define MD_DEFAULT_SECS   60

static time_t md_checked_at;    /* per process: when this worker last asked */

struct md_state {
	long long refreshed, max_ticket, max_survey, now, new_ticket, new_survey, first;
};

/* Rebuild the days [lo, hi) of metric_daily, a chunk per statement. */
static enum db_rc
md_rebuild_days(struct arena *a, long lo, long hi)
{
	enum db_rc rc;
	long end;

	for (; lo < hi; lo = end) {
		long long t0, t1;
		end = lo + MD_CHUNK_DAYS < hi ? lo + MD_CHUNK_DAYS : hi;
		t0 = metric_day_start(lo);
		t1 = metric_day_start(end);
		if ((rc = db_exec(&q_daily_delete, NULL, "ss", metric_day_text(a, lo),
		    metric_day_text(a, end))) != DB_OK)
			return rc;
		if ((rc = db_exec(&q_daily_insert, NULL, "iiiiiiiiii", t0, t1, t0, t1, t0, t1,
		    t0, t1, t0, t1)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

/* Rebuild the touched days, runs of consecutive days at once. */
static enum db_rc
md_update(struct arena *a, const struct md_state *st)
{
	long long since = st->refreshed - MD_SLACK_SECS;
	struct db_res *res;
	long run_lo = 0, run_hi = 0, day;
	enum db_rc rc;
	size_t i;

	if ((rc = db_query(a, &q_touched, &res, "iiii", since, st->max_ticket, st->max_survey,
	    since)) != DB_OK)
		return rc;
	for (i = 0; i < res->nrows; i++) {
		if (metric_day_parse(db_gets(res, i, 0), &day) != 0)
			continue;
		if (run_hi > run_lo && day == run_hi) {
			run_hi++;
			continue;
		}
		if (run_hi > run_lo && (rc = md_rebuild_days(a, run_lo, run_hi)) != DB_OK)
			return rc;
		run_lo = day;
		run_hi = day + 1;
	}
	return run_hi > run_lo ? md_rebuild_days(a, run_lo, run_hi) : DB_OK;
}

/* Everything, from the first ticket's day to today. */
static enum db_rc
md_build(struct arena *a, const struct md_state *st)
{
	long today = metric_day_of(st->now);

	if (st->first == 0)
		return DB_OK;
	return md_rebuild_days(a, metric_day_of(st->first), today + 1);
}

static enum db_rc
md_state_read(struct arena *a, struct md_state *st, int *locked)
{
	struct db_res *res;
	enum db_rc rc;

	*locked = 0;
	if ((rc = db_query(a, &q_state_lock, &res, "")) != DB_OK || res->nrows != 1)
		return rc;
	*locked = 1;
	st->refreshed = db_get_int(res, 0, 0);
	st->max_ticket = db_get_int(res, 0, 1);
	st->max_survey = db_get_int(res, 0, 2);
	st->now = db_get_int(res, 0, 3);
	st->new_ticket = db_get_int(res, 0, 4);
	st->new_survey = db_get_int(res, 0, 5);
	st->first = db_get_int(res, 0, 6);
	return DB_OK;
}

/* One refresh in one transaction; a worker that finds the state row locked
 * leaves the refresh to its holder. */
static enum db_rc
md_refresh_now(struct arena *a)
{
	struct md_state st;
	enum db_rc rc;
	int locked;

	if ((rc = db_exec(&q_read_committed, NULL, "")) != DB_OK || (rc = db_begin()) != DB_OK)
		return rc;
	if ((rc = md_state_read(a, &st, &locked)) != DB_OK || !locked)
		goto out;
	rc = st.refreshed == 0 ? md_build(a, &st) : md_update(a, &st);
	if (rc == DB_OK)
		rc = db_exec(&q_state_set, NULL, "iii", st.now,
		    st.new_ticket > st.max_ticket ? st.new_ticket : st.max_ticket,
		    st.new_survey > st.max_survey ? st.new_survey : st.max_survey);
	if (rc == DB_OK)
		return db_commit();
out:
	db_rollback();
	return rc;
}

/* The setting metric_refresh_secs, range-checked; default when unset. */
static long long
md_interval(const char *v)
{
	char *end;
	long long n;

	if (v == NULL || *v == '\0')
		return MD_DEFAULT_SECS;
	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < 0 || n > 86400)
		return MD_DEFAULT_SECS;
	return n;
}

enum db_rc
metric_refresh(struct arena *a, int force)
{
	time_t now = time(NULL);
	struct db_res *res;
	enum db_rc rc;

	if (!force && now - md_checked_at < MD_CHECK_SECS && now >= md_checked_at)
		return DB_OK;
	if ((rc = db_query(a, &q_due, &res, "")) != DB_OK)
		return rc;
	if (res->nrows != 1)
		return DB_ERR;
	md_checked_at = now;
	if (!force && db_get_int(res, 0, 0) == 0 &&
	    db_get_int(res, 0, 1) < md_interval(db_get(res, 0, 2)))
		return DB_OK;
	return md_refresh_now(a);
}
