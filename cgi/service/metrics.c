/* The metric registry and the one definition of every metric:
 *
 *   MD_ROWS_*      which tickets count for which metric, on which China-time
 *                  day (its anchor), in which slice, with which values:
 *                    created          created_at
 *                    first response   first_response_at
 *                    resolved         resolved_at, status resolved/closed
 *                    cancelled        updated_at (it leaves the backlog)
 *                    rated            surveys.created_at
 *                    parts used       ticket_parts.created_at
 *                    flagged          ticket_flags.at (a ticket once a day)
 *   MD_SCALARS,    their sums and duration histograms per day and slice;
 *   MD_HIST
 *   metric_eval()  the formula of each metric over those sums.
 *
 * The same statements fill the pre-aggregate (metric_daily, metric_hist,
 * and metric_rated_daily: the ratings per assignee too) and compute today
 * live, so the two cannot disagree.
 *
 * The pre-aggregate is refreshed incrementally: the days touched by
 * tickets changed since the last refresh (tickets.updated_at, or a new id)
 * are rebuilt whole. A ticket's former anchor days (before a reopen, say)
 * are found through its ticket_events: every change of a ticket is logged
 * there in the same transaction (ticket.c). */
#include "metrics.h"
#include "arena.h"
#include "db.h"
#include "log.h"
#include "metrics_rows.h"
#include "metric_cache.h"
#include "ticket_state.h"

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
	[METRIC_FIRST_RESPONSE] = { "first_response", "首次响应时长（中位数）",
	    "First response (median)",
	    "期间内得到首次响应的工单：从创建到首次响应的分钟数中位数（按分桶插值）；均值为精确值。",
	    "Tickets first answered in the period: median minutes from creation to the first "
	    "response (interpolated in histogram buckets); the average is exact.",
	    METRIC_U_MINUTES, -1, 0 },
	[METRIC_TIME_TO_RESOLVE] = { "time_to_resolve", "解决时长（中位数）",
	    "Time to resolve (median)",
	    "期间内解决的工单：从创建到解决的小时数中位数（自然时间，按分桶插值）；均值为精确值。",
	    "Tickets resolved in the period: median hours from creation to resolution (wall "
	    "clock, interpolated in histogram buckets); the average is exact.",
	    METRIC_U_HOURS, -1, 0 },
	[METRIC_SLA_COMPLIANCE] = { "sla_compliance", "解决时效达标率", "Resolution SLA met",
	    "期间内解决的工单中，在解决时限之前解决的比例（无时限的计为达标）。",
	    "Share of the tickets resolved in the period that were resolved by their "
	    "resolve-by time (no target counts as met).",
	    METRIC_U_PERCENT, 1, 0 },
	[METRIC_FR_COMPLIANCE] = { "first_response_compliance", "响应时效达标率",
	    "First-response SLA met",
	    "期间内得到首次响应的工单中，在响应时限之前响应的比例。",
	    "Share of the tickets first answered in the period that were answered by their "
	    "respond-by time.",
	    METRIC_U_PERCENT, 1, 0 },
	[METRIC_CSAT] = { "csat", "满意度评分", "CSAT score",
	    "期间内客户提交的评价的平均分（1–5 分）。",
	    "Average rating (1-5) of the surveys customers submitted in the period.",
	    METRIC_U_SCORE, 1, 0 },
	[METRIC_CSAT_SATISFIED] = { "csat_satisfied", "满意率", "Satisfied customers",
	    "期间内提交的评价中 4 分或 5 分的比例。",
	    "Share of the period's ratings that are 4 or 5.",
	    METRIC_U_PERCENT, 1, 0 },
	[METRIC_BACKLOG] = { "backlog", "积压工单", "Backlog",
	    "期末仍未解决的工单数（未解决、未关闭、未取消）；工单从创建起到最后一次解决或取消为止计为未结。",
	    "Tickets open at the end of the period (not resolved, closed or cancelled); a "
	    "ticket counts as open from creation until its last resolution or cancellation.",
	    METRIC_U_TICKETS, -1, 1 },
	[METRIC_BACKLOG_AGE] = { "backlog_age", "积压平均时长", "Backlog age",
	    "期末未结工单自创建起的平均小时数。",
	    "Average hours since creation of the tickets open at the end of the period.",
	    METRIC_U_HOURS, -1, 1 },
	[METRIC_REOPEN_RATE] = { "reopen_rate", "重开率", "Reopen rate",
	    "期间内解决的工单中，曾被客户或员工重新打开过的比例。",
	    "Share of the tickets resolved in the period that had been reopened at least once.",
	    METRIC_U_PERCENT, -1, 0 },
	[METRIC_PARTS_USE] = { "parts_use", "备件用量", "Parts used",
	    "期间内登记在工单上的备件数量；样本数为登记记录数。",
	    "Spare-part units recorded on tickets in the period; the sample is the number "
	    "of records.",
	    METRIC_U_UNITS, 0, 0 },
	[METRIC_COMPLAINTS] = { "complaints", "投诉预警", "Complaint warnings",
	    "被投诉预警关键词规则标记的工单数：每天按工单去重（同一天命中多条规则或多次只计一次），"
	    "期间内各天相加；类别、团队、渠道按工单筛选。",
	    "Tickets flagged by the complaint keyword rules: each day counts a ticket once "
	    "(however many rules or texts matched that day), summed over the days of the "
	    "period; category, team and channel are the ticket's.",
	    METRIC_U_TICKETS, -1, 0 },
	[METRIC_TIME_TO_ACCEPT] = { "time_to_accept", "受理时长（中位数）",
	    "Time to accept (median)",
	    "期间内首次受理（改为已受理或派工）的工单：从创建到首次受理的分钟数中位数。",
	    "Tickets first accepted (set to accepted, or assigned) in the period: median "
	    "minutes from creation to that first acceptance.",
	    METRIC_U_MINUTES, -1, 0 },
	[METRIC_TIME_TO_DISPATCH] = { "time_to_dispatch", "派工时长（中位数）",
	    "Time to dispatch (median)",
	    "期间内首次派给技术员的工单：从创建到首次派工的分钟数中位数。",
	    "Tickets first assigned to a technician in the period: median minutes from "
	    "creation to that first dispatch.",
	    METRIC_U_MINUTES, -1, 0 },
	[METRIC_TIME_TO_ARRIVAL] = { "time_to_arrival", "上门时长（中位数）",
	    "Time to arrival (median)",
	    "期间内技术员首次到达现场的工单：从首次派工到首次到达的小时数中位数。",
	    "Tickets whose technician first arrived on site in the period: median hours "
	    "from the first dispatch to the first arrival.",
	    METRIC_U_HOURS, -1, 0 },
	[METRIC_ONSITE_TIME] = { "onsite_time", "现场时长（中位数）", "On-site time (median)",
	    "期间内结束的上门服务：从到达到结束的分钟数中位数；样本数为上门次数。",
	    "Visits finished in the period: median minutes from arrival to finish; the "
	    "sample is the number of visits.",
	    METRIC_U_MINUTES, 0, 0 },
	[METRIC_FIRST_TIME_FIX] = { "first_time_fix", "一次修复率", "First-time fix rate",
	    "期间内解决且有上门的工单中，只上门一次且从未重开的比例。",
	    "Share of the tickets resolved in the period with at least one visit that took "
	    "exactly one visit and were never reopened.",
	    METRIC_U_PERCENT, 1, 0 },
	[METRIC_WAITING_PARTS] = { "waiting_parts", "等待备件时长（中位数）",
	    "Waiting for parts (median)",
	    "期间内解决、曾等待备件的工单：处于“待备件”状态的总小时数中位数。",
	    "Tickets resolved in the period that waited for parts: median of the total hours "
	    "they spent waiting for parts.",
	    METRIC_U_HOURS, -1, 0 },
	[METRIC_WAITING_CUSTOMER] = { "waiting_customer", "等待客户时长（中位数）",
	    "Waiting for the customer (median)",
	    "期间内解决、曾等待客户反馈的工单：处于“待客户反馈”状态的总小时数中位数。",
	    "Tickets resolved in the period that waited for the customer: median of the total "
	    "hours they spent waiting for the customer.",
	    METRIC_U_HOURS, -1, 0 },
	[METRIC_SURVEY_RESPONSE] = { "survey_response_rate", "评价率", "Survey response rate",
	    "期间内解决的工单中，客户已提交满意度评价的比例。",
	    "Share of the tickets resolved in the period that the customer has rated.",
	    METRIC_U_PERCENT, 1, 0 },
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

const char *
metric_unit_label_one(enum metric_unit u, const char *lang)
{
	int en = lang != NULL && strcmp(lang, "en") == 0;

	if (en && u == METRIC_U_TICKETS)
		return "ticket";
	if (en && u == METRIC_U_UNITS)
		return "unit";
	return metric_unit_label(u, lang);
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
	case METRIC_COMPLAINTS:
		val_set(v, (double)f->flagged_n, f->flagged_n, 1);
		break;
	case METRIC_TIME_TO_ACCEPT:
		val_median(v, f->acc_h, f->acc_s, f->acc_n, 60.0);
		break;
	case METRIC_TIME_TO_DISPATCH:
		val_median(v, f->disp_h, f->disp_s, f->disp_n, 60.0);
		break;
	case METRIC_TIME_TO_ARRIVAL:
		val_median(v, f->arr_h, f->arr_s, f->arr_n, 3600.0);
		break;
	case METRIC_ONSITE_TIME:
		val_median(v, f->onsite_h, f->onsite_s, f->onsite_n, 60.0);
		break;
	case METRIC_FIRST_TIME_FIX:
		val_pct(v, f->ftf_n, f->ftf_d);
		break;
	case METRIC_WAITING_PARTS:
		val_median(v, f->wparts_h, f->wparts_s, f->wparts_n, 3600.0);
		break;
	case METRIC_WAITING_CUSTOMER:
		val_median(v, f->wcust_h, f->wcust_s, f->wcust_n, 3600.0);
		break;
	case METRIC_SURVEY_RESPONSE:
		val_pct(v, f->rated_n, f->res_n);
		break;
	default:
		break;
	}
}

/* Whether metric_eval() reads a duration histogram for id (the medians):
 * the others are loaded without the histogram rows. */
static int
md_needs_hist(enum metric_id id)
{
	switch (id) {
	case METRIC_FIRST_RESPONSE: case METRIC_TIME_TO_RESOLVE: case METRIC_TIME_TO_ACCEPT:
	case METRIC_TIME_TO_DISPATCH: case METRIC_TIME_TO_ARRIVAL: case METRIC_ONSITE_TIME:
	case METRIC_WAITING_PARTS: case METRIC_WAITING_CUSTOMER:
		return 1;
	default:
		return 0;
	}
}

/* ----------------------------------------------------------------- SQL */

/* The row sources, THE DEFINITION of which tickets count: metrics_rows.h
 * (the queue's drill-down reads the same rows: metric_drill.c). */

/* The sums of each day and slice, in the order of struct metric_sums
 * (md_slot): every row source grouped on its own, then added up. */
#define MD_KEY " GROUP BY day, category_id, team_id, channel, assignee_id"
#define MD_COLS \
	" created_n, created_t, fr_n, fr_s, fr_ok, res_n, res_s, res_ok, reopened_n," \
	" end_n, end_t, csat_n, csat_sum, csat_sat, parts_qty, parts_lines, flagged_n," \
	" acc_n, acc_s, disp_n, disp_s, arr_n, arr_s, onsite_n, onsite_s, ftf_d, ftf_n," \
	" rated_n, wparts_n, wparts_s, wcust_n, wcust_s"
#define MD_SUMS \
	" SUM(created_n), SUM(created_t), SUM(fr_n), SUM(fr_s), SUM(fr_ok), SUM(res_n)," \
	" SUM(res_s), SUM(res_ok), SUM(reopened_n), SUM(end_n), SUM(end_t), SUM(csat_n)," \
	" SUM(csat_sum), SUM(csat_sat), SUM(parts_qty), SUM(parts_lines), SUM(flagged_n)," \
	" SUM(acc_n), SUM(acc_s), SUM(disp_n), SUM(disp_s), SUM(arr_n), SUM(arr_s)," \
	" SUM(onsite_n), SUM(onsite_s), SUM(ftf_d), SUM(ftf_n), SUM(rated_n)," \
	" SUM(wparts_n), SUM(wparts_s), SUM(wcust_n), SUM(wcust_s)"
#define MD_NSCALARS 32
#define MD_SCALARS(w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10) \
	"SELECT day, category_id, team_id, channel, assignee_id, SUM(created_n) AS created_n," \
	" SUM(created_t) AS created_t, SUM(fr_n) AS fr_n, SUM(fr_s) AS fr_s," \
	" SUM(fr_ok) AS fr_ok, SUM(res_n) AS res_n, SUM(res_s) AS res_s," \
	" SUM(res_ok) AS res_ok, SUM(reopened_n) AS reopened_n, SUM(end_n) AS end_n," \
	" SUM(end_t) AS end_t, SUM(csat_n) AS csat_n, SUM(csat_sum) AS csat_sum," \
	" SUM(csat_sat) AS csat_sat, SUM(parts_qty) AS parts_qty," \
	" SUM(parts_lines) AS parts_lines, SUM(flagged_n) AS flagged_n," \
	" SUM(acc_n) AS acc_n, SUM(acc_s) AS acc_s, SUM(disp_n) AS disp_n," \
	" SUM(disp_s) AS disp_s, SUM(arr_n) AS arr_n, SUM(arr_s) AS arr_s," \
	" SUM(onsite_n) AS onsite_n, SUM(onsite_s) AS onsite_s, SUM(ftf_d) AS ftf_d," \
	" SUM(ftf_n) AS ftf_n, SUM(rated_n) AS rated_n, SUM(wparts_n) AS wparts_n," \
	" SUM(wparts_s) AS wparts_s, SUM(wcust_n) AS wcust_n, SUM(wcust_s) AS wcust_s" \
	" FROM (" \
	"SELECT day, category_id, team_id, channel, assignee_id, COUNT(*) AS created_n," \
	" SUM(tc) AS created_t, 0 AS fr_n, 0 AS fr_s, 0 AS fr_ok, 0 AS res_n, 0 AS res_s," \
	" 0 AS res_ok, 0 AS reopened_n, 0 AS end_n, 0 AS end_t, 0 AS csat_n," \
	" 0 AS csat_sum, 0 AS csat_sat, 0 AS parts_qty, 0 AS parts_lines, 0 AS flagged_n," \
	" 0 AS acc_n, 0 AS acc_s, 0 AS disp_n, 0 AS disp_s, 0 AS arr_n, 0 AS arr_s," \
	" 0 AS onsite_n, 0 AS onsite_s, 0 AS ftf_d, 0 AS ftf_n, 0 AS rated_n," \
	" 0 AS wparts_n, 0 AS wparts_s, 0 AS wcust_n, 0 AS wcust_s" \
	" FROM (" MD_ROWS_CREATED(w0) ") r0" MD_KEY \
	" UNION ALL SELECT day, category_id, team_id, channel, assignee_id, 0, 0, COUNT(*), SUM(secs)," \
	" SUM(ok), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0," \
	" 0, 0, 0" \
	" FROM (" MD_ROWS_FIRST_RESPONSE(w1) ") r1" MD_KEY \
	" UNION ALL SELECT day, category_id, team_id, channel, assignee_id, 0, 0, 0, 0, 0, COUNT(*)," \
	" SUM(secs), SUM(ok), SUM(reo), COUNT(*), SUM(tc), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0," \
	" 0, 0, 0, 0, SUM" MD_IS_VISITED ", SUM" MD_IS_FIXED_FIRST ", SUM(rated)," \
	" SUM" MD_IS_WAITED_PARTS ", SUM(wp), SUM" MD_IS_WAITED_CUST ", SUM(wc)" \
	" FROM (" MD_ROWS_RESOLVED(w2) ") r2" MD_KEY \
	" UNION ALL SELECT day, category_id, team_id, channel, assignee_id, 0, 0, 0, 0, 0, 0, 0, 0, 0," \
	" COUNT(*), SUM(tc), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0" \
	" FROM (" MD_ROWS_CANCELLED(w3) ") r3" MD_KEY \
	" UNION ALL SELECT day, category_id, team_id, channel, assignee_id, 0, 0, 0, 0, 0, 0, 0, 0, 0," \
	" 0, 0, COUNT(*), SUM(r), SUM" MD_IS_SATISFIED ", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0," \
	" 0, 0, 0, 0" \
	" FROM (" MD_ROWS_RATED(w4) ") r4" MD_KEY \
	" UNION ALL SELECT day, category_id, team_id, channel, assignee_id, 0, 0, 0, 0, 0, 0, 0, 0, 0," \
	" 0, 0, 0, 0, 0, SUM(q), COUNT(*), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0" \
	" FROM (" MD_ROWS_PARTS(w5) ") r5" MD_KEY \
	" UNION ALL SELECT day, category_id, team_id, channel, assignee_id, 0, 0, 0, 0, 0, 0, 0, 0, 0," \
	" 0, 0, 0, 0, 0, 0, 0, COUNT(*), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0" \
	" FROM (" MD_ROWS_FLAGGED(w6) ") r6" MD_KEY \
	" UNION ALL SELECT day, category_id, team_id, channel, assignee_id, 0, 0, 0, 0, 0, 0, 0, 0, 0," \
	" 0, 0, 0, 0, 0, 0, 0, 0, COUNT(*), SUM(secs), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0," \
	" 0" \
	" FROM (" MD_ROWS_ACCEPTED(w7) ") r7" MD_KEY \
	" UNION ALL SELECT day, category_id, team_id, channel, assignee_id, 0, 0, 0, 0, 0, 0, 0, 0, 0," \
	" 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, COUNT(*), SUM(secs), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0," \
	" 0" \
	" FROM (" MD_ROWS_DISPATCHED(w8) ") r8" MD_KEY \
	" UNION ALL SELECT day, category_id, team_id, channel, assignee_id, 0, 0, 0, 0, 0, 0, 0, 0, 0," \
	" 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, COUNT(*), SUM(secs), 0, 0, 0, 0, 0, 0, 0, 0," \
	" 0" \
	" FROM (" MD_ROWS_ARRIVED(w9) ") r9" MD_KEY \
	" UNION ALL SELECT day, category_id, team_id, channel, assignee_id, 0, 0, 0, 0, 0, 0, 0, 0, 0," \
	" 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, COUNT(*), SUM(secs), 0, 0, 0, 0, 0, 0," \
	" 0" \
	" FROM (" MD_ROWS_VISITS(w10) ") r10" MD_KEY \
	") u" MD_KEY
/* The duration histograms of each day and slice: per bucket, how many
 * first responses and resolutions took that long. */
#define MD_BKEY " GROUP BY day, category_id, team_id, channel, assignee_id, b"
/* One histogram column from a row source whose bucket is column bcol
 * (rows with cond): zeros before and after it, as MD_HIST lists them. */
#define MD_HIST_PART(zeros_before, zeros_after, rows, bcol, cond) \
	" UNION ALL SELECT day, category_id, team_id, channel, assignee_id, b, " zeros_before "COUNT(*)" \
	zeros_after " FROM (SELECT day, category_id, team_id, channel, assignee_id, " bcol " AS b FROM (" \
	rows ") rr WHERE " cond ") r" MD_BKEY
#define MD_HIST_COLS "bucket, fr_n, res_n, acc_n, disp_n, arr_n, onsite_n, wparts_n, wcust_n"
#define MD_HIST(w1, w2, w7, w8, w9, w10) \
	"SELECT day, category_id, team_id, channel, assignee_id, b AS bucket, SUM(fr) AS fr_n," \
	" SUM(res) AS res_n, SUM(acc) AS acc_n, SUM(disp) AS disp_n, SUM(arr) AS arr_n," \
	" SUM(onsite) AS onsite_n, SUM(wparts) AS wparts_n, SUM(wcust) AS wcust_n FROM (" \
	"SELECT day, category_id, team_id, channel, assignee_id, b, COUNT(*) AS fr, 0 AS res, 0 AS acc," \
	" 0 AS disp, 0 AS arr, 0 AS onsite, 0 AS wparts, 0 AS wcust" \
	" FROM (" MD_ROWS_FIRST_RESPONSE(w1) ") r1" MD_BKEY \
	MD_HIST_PART("0, ", ", 0, 0, 0, 0, 0, 0", MD_ROWS_RESOLVED(w2), "b", "1") \
	MD_HIST_PART("0, 0, ", ", 0, 0, 0, 0, 0", MD_ROWS_ACCEPTED(w7), "b", "1") \
	MD_HIST_PART("0, 0, 0, ", ", 0, 0, 0, 0", MD_ROWS_DISPATCHED(w8), "b", "1") \
	MD_HIST_PART("0, 0, 0, 0, ", ", 0, 0, 0", MD_ROWS_ARRIVED(w9), "b", "1") \
	MD_HIST_PART("0, 0, 0, 0, 0, ", ", 0, 0", MD_ROWS_VISITS(w10), "b", "1") \
	MD_HIST_PART("0, 0, 0, 0, 0, 0, ", ", 0", MD_ROWS_RESOLVED(w2), "bwp", MD_IS_WAITED_PARTS) \
	MD_HIST_PART("0, 0, 0, 0, 0, 0, 0, ", "", MD_ROWS_RESOLVED(w2), "bwc", MD_IS_WAITED_CUST) \
	") u" MD_BKEY
#define MD_BY_TIME \
	MD_SCALARS(MD_IN("t.created_at"), MD_IN("t.first_response_at"), MD_IN("t.resolved_at"), \
	    MD_IN("t.updated_at"), MD_IN("s.created_at"), MD_IN("p.created_at"), MD_IN("f.at"), \
	    MD_IN("t.accepted_at"), MD_IN("t.dispatched_at"), MD_IN("t.arrived_at"), \
	    MD_IN("v.finished_at"))
#define MD_HIST_BY_TIME MD_HIST(MD_IN("t.first_response_at"), MD_IN("t.resolved_at"), \
	    MD_IN("t.accepted_at"), MD_IN("t.dispatched_at"), MD_IN("t.arrived_at"), \
	    MD_IN("v.finished_at"))
/* Parameters of MD_SCALARS and MD_HIST: a period (or id range) per row
 * source, the same (lo, hi) for each. */
#define MD_FMT_SCALARS   "iiiiiiiiiiiiiiiiiiiiii"
#define MD_ARGS_SCALARS(lo, hi) lo, hi, lo, hi, lo, hi, lo, hi, lo, hi, lo, hi, lo, hi, \
	lo, hi, lo, hi, lo, hi, lo, hi
#define MD_FMT_HIST      "iiiiiiiiiiiiiiii"
#define MD_ARGS_HIST(lo, hi) lo, hi, lo, hi, lo, hi, lo, hi, lo, hi, lo, hi, lo, hi, lo, hi
_Static_assert(sizeof(MD_FMT_SCALARS) - 1 == 2 * 11, "MD_SCALARS has 11 row sources");
_Static_assert(sizeof(MD_FMT_HIST) - 1 == 2 * 8, "MD_HIST reads 8 row sources");
#define MD_ADD(c) c " = " c " + VALUES(" c ")"

/* The filter (MD_WHERE, MD_WHERE_ROWS): metrics_rows.h. */

/* Readers, one statement per grouping (a literal GROUP BY column is much
 * faster than a computed one), indexed by enum metric_dim; by day last. */
#define MD_PER_DIM(M) { [METRIC_BY_CATEGORY] = M("category_id"), \
	[METRIC_BY_TEAM] = M("team_id"), [METRIC_BY_CHANNEL] = M("channel"), \
	[METRIC_BY_ASSIGNEE] = M("assignee_id"), [METRIC_BY_CELL] = M(MD_CELL_KEY), \
	[METRIC_DIM__MAX] = M("day") }
#define MD_CELL_KEY "CONCAT_WS('|', category_id, team_id, assignee_id, channel)"
#define MD_READ_DAILY_FROM(t, g) DB_Q("SELECT " g ", " MD_SUMS " FROM " t \
	" WHERE day >= ? AND day < ? AND " MD_WHERE_ROWS " GROUP BY " g)
#define MD_HIST_SUMS "SUM(fr_n), SUM(res_n), SUM(acc_n), SUM(disp_n), SUM(arr_n)," \
	" SUM(onsite_n), SUM(wparts_n), SUM(wcust_n)"
#define MD_READ_HIST_FROM(t, g) DB_Q("SELECT " g ", bucket, " MD_HIST_SUMS " FROM " t \
	" WHERE day >= ? AND day < ? AND " MD_WHERE_ROWS " GROUP BY " g ", bucket")
#define MD_READ_LIVE(g) DB_Q("SELECT " g ", " MD_SUMS " FROM (" MD_BY_TIME ") x" \
	" WHERE " MD_WHERE_ROWS " GROUP BY " g)
#define MD_READ_LIVE_HIST(g) DB_Q("SELECT " g ", bucket, " MD_HIST_SUMS \
	" FROM (" MD_HIST_BY_TIME ") x WHERE " MD_WHERE_ROWS " GROUP BY " g ", bucket")
/* The tickets open now (status open by ticket_status_open(), bound as a
 * list of up to TS__MAX names): their number and created_at sum. */
#define MD_READ_OPEN(g) DB_Q("SELECT " g " AS g, COUNT(*), SUM(UNIX_TIMESTAMP(created_at))" \
	" FROM tickets FORCE INDEX (ix_tickets_open_slice)" \
	" WHERE status IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AND" \
	" (? = 0 OR category_id = ?) AND (? = 0 OR COALESCE(team_id, 0) = ?)" \
	" AND (? = '' OR channel = ?) AND (? = 0 OR COALESCE(assignee_id, 0) = ?) GROUP BY g")

/* metric_daily (with the assignee) when a read asks for a technician, else
 * the smaller metric_daily_slice; the same for the histograms. */
#define MD_READ_DAILY(g) MD_READ_DAILY_FROM("metric_daily", g)
#define MD_READ_DAILY_SLICE(g) MD_READ_DAILY_FROM("metric_daily_slice", g)
#define MD_READ_HIST(g) MD_READ_HIST_FROM("metric_hist", g)
#define MD_READ_HIST_SLICE(g) MD_READ_HIST_FROM("metric_hist_slice", g)
static struct db_q q_read_daily[METRIC_DIM__MAX + 1] = MD_PER_DIM(MD_READ_DAILY);
static struct db_q q_read_daily_slice[METRIC_DIM__MAX + 1] = MD_PER_DIM(MD_READ_DAILY_SLICE);
static struct db_q q_read_hist_slice[METRIC_DIM__MAX + 1] = MD_PER_DIM(MD_READ_HIST_SLICE);
/* All tickets by day: the rollups (one row per day, and bucket). */
static struct db_q q_read_daily_all = DB_Q("SELECT day, " MD_SUMS " FROM metric_daily_all"
    " WHERE day >= ? AND day < ? GROUP BY day");
static struct db_q q_read_hist_all = DB_Q("SELECT day, bucket, " MD_HIST_SUMS
    " FROM metric_hist_all WHERE day >= ? AND day < ? GROUP BY day, bucket");
static struct db_q q_read_hist[METRIC_DIM__MAX + 1] = MD_PER_DIM(MD_READ_HIST);
static struct db_q q_read_live[METRIC_DIM__MAX + 1] = MD_PER_DIM(MD_READ_LIVE);
static struct db_q q_read_live_hist[METRIC_DIM__MAX + 1] = MD_PER_DIM(MD_READ_LIVE_HIST);
/* (a frame adds every group into its open sums) */
static struct db_q q_read_open[METRIC_DIM__MAX] = {
	[METRIC_BY_CATEGORY] = MD_READ_OPEN("category_id"),
	[METRIC_BY_TEAM] = MD_READ_OPEN("COALESCE(team_id, 0)"),
	[METRIC_BY_CHANNEL] = MD_READ_OPEN("channel"),
	[METRIC_BY_ASSIGNEE] = MD_READ_OPEN("COALESCE(assignee_id, 0)"),
	[METRIC_BY_CELL] = MD_READ_OPEN("CONCAT_WS('|', category_id, COALESCE(team_id, 0),"
	    " COALESCE(assignee_id, 0), channel)"),
};

/* Ratings per day, slice and assignee (0: none): metric_rated_daily,
 * refreshed with metric_daily; the ratings tables read it (today live). */
#define MD_RATED(w) \
	"SELECT day, category_id, team_id, channel, assignee_id, COUNT(*), SUM(r)," \
	" SUM" MD_IS_SATISFIED \
	" FROM (" MD_ROWS_RATED(w) ") r GROUP BY day, category_id, team_id, channel, assignee_id"
#define MD_RATED_COLS \
	"day, category_id, team_id, channel, assignee_id, csat_n, csat_sum, csat_sat"
/* metric_ratings(), indexed by enum metric_rated_by: the days before today
 * from metric_rated_daily, today's rows live; per group key, its name,
 * surveys, sum of ratings, ratings 4-5, most surveys first. */
#define MD_RATINGS(g, name, join) DB_Q("SELECT x.g AS g, " name ", SUM(x.n), SUM(x.s)," \
	" SUM(x.sat) FROM (SELECT " g " AS g, csat_n AS n, csat_sum AS s, csat_sat AS sat" \
	" FROM metric_rated_daily WHERE day >= ? AND day < ? AND " MD_WHERE_ROWS \
	" UNION ALL SELECT " g ", 1, r, " MD_IS_SATISFIED \
	" FROM (" MD_ROWS_RATED(MD_IN("s.created_at")) ") rr WHERE " MD_WHERE_ROWS ") x" join \
	" GROUP BY x.g ORDER BY SUM(x.n) DESC, x.g")
static struct db_q q_ratings[METRIC_RATED_BY__MAX] = {
	[METRIC_RATED_BY_ASSIGNEE] = MD_RATINGS("assignee_id", "COALESCE(MAX(u.name), '')",
	    " LEFT JOIN users u ON u.id = x.g"),
	[METRIC_RATED_BY_CATEGORY] = MD_RATINGS("category_id", "''", ""),
};

/* Rebuild days from scratch (incremental refresh). */
static struct db_q q_daily_delete = DB_Q(
    "DELETE FROM metric_daily WHERE day >= ? AND day < ?");
static struct db_q q_hist_delete = DB_Q(
    "DELETE FROM metric_hist WHERE day >= ? AND day < ?");
static struct db_q q_rated_delete = DB_Q(
    "DELETE FROM metric_rated_daily WHERE day >= ? AND day < ?");
static struct db_q q_rated_insert = DB_Q(
    "INSERT INTO metric_rated_daily (" MD_RATED_COLS ") " MD_RATED(MD_IN("s.created_at")));
static struct db_q q_daily_insert = DB_Q(
    "INSERT INTO metric_daily (day, category_id, team_id, channel, assignee_id, " MD_COLS ") " MD_BY_TIME);
static struct db_q q_hist_insert = DB_Q(
    "INSERT INTO metric_hist (day, category_id, team_id, channel, assignee_id, " MD_HIST_COLS ") "
    MD_HIST_BY_TIME);
/* The rollups of days [?, ?) from the sums per slice. */
static struct db_q q_daily_all_delete = DB_Q(
    "DELETE FROM metric_daily_all WHERE day >= ? AND day < ?");
static struct db_q q_hist_all_delete = DB_Q(
    "DELETE FROM metric_hist_all WHERE day >= ? AND day < ?");
static struct db_q q_daily_all_insert = DB_Q(
    "INSERT INTO metric_daily_all (day, category_id, team_id, channel, assignee_id, " MD_COLS ")"
    " SELECT day, 0, 0, '', 0, " MD_SUMS " FROM metric_daily WHERE day >= ? AND day < ?"
    " GROUP BY day");
static struct db_q q_hist_all_insert = DB_Q(
    "INSERT INTO metric_hist_all (day, category_id, team_id, channel, assignee_id, "
    MD_HIST_COLS ") SELECT day, 0, 0, '', 0, bucket, " MD_HIST_SUMS " FROM metric_hist"
    " WHERE day >= ? AND day < ? GROUP BY day, bucket");
static struct db_q q_daily_slice_delete = DB_Q(
    "DELETE FROM metric_daily_slice WHERE day >= ? AND day < ?");
static struct db_q q_hist_slice_delete = DB_Q(
    "DELETE FROM metric_hist_slice WHERE day >= ? AND day < ?");
static struct db_q q_daily_slice_insert = DB_Q(
    "INSERT INTO metric_daily_slice (day, category_id, team_id, channel, assignee_id, "
    MD_COLS ") SELECT day, category_id, team_id, channel, 0, " MD_SUMS " FROM metric_daily"
    " WHERE day >= ? AND day < ? GROUP BY day, category_id, team_id, channel");
static struct db_q q_hist_slice_insert = DB_Q(
    "INSERT INTO metric_hist_slice (day, category_id, team_id, channel, assignee_id, "
    MD_HIST_COLS ") SELECT day, category_id, team_id, channel, 0, bucket, " MD_HIST_SUMS
    " FROM metric_hist WHERE day >= ? AND day < ?"
    " GROUP BY day, category_id, team_id, channel, bucket");
/* Add a chunk of tickets, by id (the first build: one pass in id order). */
static struct db_q q_daily_clear = DB_Q("DELETE FROM metric_daily");
static struct db_q q_hist_clear = DB_Q("DELETE FROM metric_hist");
static struct db_q q_rated_clear = DB_Q("DELETE FROM metric_rated_daily");
static struct db_q q_rated_build = DB_Q(
    "INSERT INTO metric_rated_daily (" MD_RATED_COLS ") " MD_RATED(MD_IDS)
    " ON DUPLICATE KEY UPDATE " MD_ADD("csat_n") ", " MD_ADD("csat_sum") ", "
    MD_ADD("csat_sat"));
static struct db_q q_daily_build = DB_Q(
    "INSERT INTO metric_daily (day, category_id, team_id, channel, assignee_id, " MD_COLS ") "
    MD_SCALARS(MD_IDS, MD_IDS, MD_IDS, MD_IDS, MD_IDS, MD_IDS, MD_IDS, MD_IDS, MD_IDS, MD_IDS,
    MD_IDS)
    " ON DUPLICATE KEY UPDATE " MD_ADD("created_n") ", " MD_ADD("created_t") ", "
    MD_ADD("fr_n") ", " MD_ADD("fr_s") ", " MD_ADD("fr_ok") ", " MD_ADD("res_n") ", "
    MD_ADD("res_s") ", " MD_ADD("res_ok") ", " MD_ADD("reopened_n") ", " MD_ADD("end_n") ", "
    MD_ADD("end_t") ", " MD_ADD("csat_n") ", " MD_ADD("csat_sum") ", " MD_ADD("csat_sat") ", "
    MD_ADD("parts_qty") ", " MD_ADD("parts_lines") ", " MD_ADD("flagged_n") ", "
    MD_ADD("acc_n") ", " MD_ADD("acc_s") ", " MD_ADD("disp_n") ", " MD_ADD("disp_s") ", "
    MD_ADD("arr_n") ", " MD_ADD("arr_s") ", " MD_ADD("onsite_n") ", "
    MD_ADD("onsite_s") ", " MD_ADD("ftf_d") ", " MD_ADD("ftf_n") ", "
    MD_ADD("rated_n") ", " MD_ADD("wparts_n") ", " MD_ADD("wparts_s") ", "
    MD_ADD("wcust_n") ", " MD_ADD("wcust_s"));
static struct db_q q_hist_build = DB_Q(
    "INSERT INTO metric_hist (day, category_id, team_id, channel, assignee_id, " MD_HIST_COLS ") "
    MD_HIST(MD_IDS, MD_IDS, MD_IDS, MD_IDS, MD_IDS, MD_IDS)
    " ON DUPLICATE KEY UPDATE " MD_ADD("fr_n") ", " MD_ADD("res_n") ", " MD_ADD("acc_n") ", "
    MD_ADD("disp_n") ", " MD_ADD("arr_n") ", " MD_ADD("onsite_n") ", " MD_ADD("wparts_n") ", "
    MD_ADD("wcust_n"));

static struct db_q q_due = DB_Q(
    "SELECT refreshed_at IS NULL,"
    " UNIX_TIMESTAMP(UTC_TIMESTAMP()) - COALESCE(UNIX_TIMESTAMP(refreshed_at), 0),"
    " (SELECT value FROM settings WHERE name = 'metric_refresh_secs')"
    " FROM metric_state WHERE id = 1");
static struct db_q q_progress = DB_Q(
    "SELECT refreshed_at IS NULL, COALESCE(build_next_id, 0), build_max_id, generation,"
    " (SELECT value FROM settings WHERE name = 'metric_live_secs')"
    " FROM metric_state WHERE id = 1");
/* The refresh reads tickets without locking them (INSERT ... SELECT would
 * lock every row read under REPEATABLE READ). */
static struct db_q q_read_committed = DB_Q(
    "SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
static struct db_q q_state_lock = DB_Q(
    "SELECT COALESCE(UNIX_TIMESTAMP(refreshed_at), 0), max_ticket_id, max_survey_id,"
    " UNIX_TIMESTAMP(UTC_TIMESTAMP()),"
    " (SELECT COALESCE(MAX(id), 0) FROM tickets), (SELECT COALESCE(MAX(id), 0) FROM surveys),"
    " COALESCE(UNIX_TIMESTAMP(build_started), 0), COALESCE(build_next_id, -1), build_max_id,"
    " build_max_survey FROM metric_state WHERE id = 1 FOR UPDATE SKIP LOCKED");
static struct db_q q_state_set = DB_Q(
    "UPDATE metric_state SET refreshed_at = IF(? = 0, NULL, FROM_UNIXTIME(?)),"
    " max_ticket_id = ?, max_survey_id = ?, build_started = IF(? = 0, NULL, FROM_UNIXTIME(?)),"
    " build_next_id = IF(? < 0, NULL, ?), build_max_id = ?, build_max_survey = ?,"
    " generation = generation + ? WHERE id = 1");
/* Days whose sums a change may have moved: every anchor day of the tickets
 * changed since (new values), the days of their events (old values: a
 * reopened ticket's former resolution, a cancelled ticket's former last
 * update; 2 s back for a transaction that crossed midnight), and the days
 * of new surveys and new flags (a flag need not touch its ticket).
 * (Recording a part touches its ticket: desk/parts_ticket.c.) */
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
    " UNION ALL SELECT " MD_DAY("p.created_at") " FROM ticket_parts p JOIN c ON p.ticket_id = c.id"
    " UNION ALL SELECT " MD_DAY("f.at") " FROM ticket_flags f JOIN c ON f.ticket_id = c.id"
    " UNION ALL SELECT " MD_DAY("s.created_at") " FROM surveys s"
    " WHERE s.id > ? OR s.created_at >= FROM_UNIXTIME(?)"
    " UNION ALL SELECT " MD_DAY("f.at") " FROM ticket_flags f WHERE f.at >= FROM_UNIXTIME(?)"
    ") x WHERE d IS NOT NULL ORDER BY d");

/* ------------------------------------------------------------- loading */

/* Where loaded rows go: per day into a frame, or per group (found through
 * an open-addressing index of their keys: a breakdown by cell has
 * thousands of groups). */
struct md_sink {
	struct arena        *a;
	enum metric_dim      dim;     /* METRIC_DIM__MAX: by day */
	struct metric_frame *fr;
	struct metric_group *groups;
	size_t               n, cap;
	size_t              *slot;    /* index + 1 into groups, 0 free; 2 * cap slots */
	int                  stock;   /* groups: into .stock rather than .flow */
	int                  sign;    /* +1 add, -1 subtract */
};

static size_t
md_key_hash(const char *key)
{
	size_t h = 5381;

	while (*key != '\0')
		h = h * 33 + (unsigned char)*key++;
	return h;
}

/* The slot of key in the index: its group's, or the free one to take. */
static size_t *
md_slot_of(const struct md_sink *k, const char *key)
{
	size_t mask = 2 * k->cap - 1, i = md_key_hash(key) & mask;

	while (k->slot[i] != 0 && strcmp(k->groups[k->slot[i] - 1].key, key) != 0)
		i = (i + 1) & mask;
	return &k->slot[i];
}

static void
md_grow(struct md_sink *k)
{
	struct metric_group *g;
	size_t i;

	k->cap = k->cap ? 2 * k->cap : 16;
	g = arena_zalloc(k->a, sizeof(*g) * k->cap);
	if (k->n > 0)
		memcpy(g, k->groups, sizeof(*g) * k->n);
	k->groups = g;
	k->slot = arena_zalloc(k->a, sizeof(*k->slot) * 2 * k->cap);
	for (i = 0; i < k->n; i++)
		*md_slot_of(k, k->groups[i].key) = i + 1;
}

/* The sums a row with group key `key` adds to, or NULL to drop it. */
static struct metric_sums *
md_bin(struct md_sink *k, const char *key)
{
	size_t *slot;
	long day;

	if (k->dim == METRIC_DIM__MAX) {
		if (metric_day_parse(key, &day) != 0 || day < k->fr->day0 ||
		    day >= k->fr->day0 + k->fr->ndays)
			return NULL;
		return &k->fr->days[day - k->fr->day0];
	}
	if (k->n == k->cap)
		md_grow(k);
	slot = md_slot_of(k, key);
	if (*slot == 0) {
		k->groups[k->n].key = arena_strdup(k->a, key);
		*slot = ++k->n;
	}
	return k->stock ? &k->groups[*slot - 1].stock : &k->groups[*slot - 1].flow;
}

/* Column c of MD_SUMS in struct metric_sums. */
static long long *
md_slot(struct metric_sums *s, size_t c)
{
	static const size_t off[MD_NSCALARS] = {
		offsetof(struct metric_sums, created_n), offsetof(struct metric_sums, created_t),
		offsetof(struct metric_sums, fr_n), offsetof(struct metric_sums, fr_s),
		offsetof(struct metric_sums, fr_ok), offsetof(struct metric_sums, res_n),
		offsetof(struct metric_sums, res_s), offsetof(struct metric_sums, res_ok),
		offsetof(struct metric_sums, reopened_n), offsetof(struct metric_sums, end_n),
		offsetof(struct metric_sums, end_t), offsetof(struct metric_sums, csat_n),
		offsetof(struct metric_sums, csat_sum), offsetof(struct metric_sums, csat_sat),
		offsetof(struct metric_sums, parts_qty), offsetof(struct metric_sums, parts_lines),
		offsetof(struct metric_sums, flagged_n),
		offsetof(struct metric_sums, acc_n), offsetof(struct metric_sums, acc_s),
		offsetof(struct metric_sums, disp_n), offsetof(struct metric_sums, disp_s),
		offsetof(struct metric_sums, arr_n), offsetof(struct metric_sums, arr_s),
		offsetof(struct metric_sums, onsite_n), offsetof(struct metric_sums, onsite_s),
		offsetof(struct metric_sums, ftf_d), offsetof(struct metric_sums, ftf_n),
		offsetof(struct metric_sums, rated_n),
		offsetof(struct metric_sums, wparts_n), offsetof(struct metric_sums, wparts_s),
		offsetof(struct metric_sums, wcust_n), offsetof(struct metric_sums, wcust_s),
	};

	return c < MD_NSCALARS ? (long long *)((char *)s + off[c]) : NULL;
}

/* Rows: group key, then MD_SUMS. */
static void
md_add_sums(struct md_sink *k, const struct db_res *res)
{
	size_t r, c;

	for (r = 0; r < res->nrows; r++) {
		struct metric_sums *s = md_bin(k, db_gets(res, r, 0));
		long long *slot;
		for (c = 1; s != NULL && c < res->ncols; c++)
			if ((slot = md_slot(s, c - 1)) != NULL)
				*slot += k->sign * db_get_int(res, r, c);
	}
}

/* Rows: group key, bucket, then the histograms in MD_HIST_SUMS order. */
static void
md_add_hist(struct md_sink *k, const struct db_res *res)
{
	static const size_t off[] = {
		offsetof(struct metric_sums, fr_h), offsetof(struct metric_sums, res_h),
		offsetof(struct metric_sums, acc_h), offsetof(struct metric_sums, disp_h),
		offsetof(struct metric_sums, arr_h), offsetof(struct metric_sums, onsite_h),
		offsetof(struct metric_sums, wparts_h), offsetof(struct metric_sums, wcust_h),
	};
	size_t r, c;

	for (r = 0; r < res->nrows; r++) {
		struct metric_sums *s = md_bin(k, db_gets(res, r, 0));
		long long b = db_get_int(res, r, 1);
		if (s == NULL || b < 0 || b >= METRIC_NBUCKETS)
			continue;
		for (c = 0; c < sizeof(off) / sizeof(off[0]) && c + 2 < res->ncols; c++)
			((long long *)(void *)((char *)s + off[c]))[b] += db_get_int(res, r, c + 2);
	}
}

/* Rows: group key, open tickets, sum of their created_at: into the
 * frame's open sums, or each group's stock. */
static void
md_add_open(struct md_sink *k, const struct db_res *res)
{
	size_t r;

	for (r = 0; r < res->nrows; r++) {
		struct metric_sums *s = k->dim == METRIC_DIM__MAX ? &k->fr->open :
		    md_bin(k, db_gets(res, r, 0));
		if (s != NULL) {
			s->created_n += db_get_int(res, r, 1);
			s->created_t += db_get_int(res, r, 2);
		}
	}
}

#define MD_DEFAULT_LIVE_SECS 10

/* What this request's reads stand on (md_refresh_before_read): the
 * pre-aggregate's generation and how long a live read may be reused. */
static struct md_read {
	const struct arena *req;      /* the request (arena address, resets) */
	unsigned long       req_seq;
	unsigned long long  gen;
	long long           live_secs;
	int                 building;
} md_rd;

/* One load: the filter's slice as bound parameters, and the grouping. */
struct md_load {
	struct arena   *a;
	long long       cat, team, who;
	const char     *chan;
	enum metric_dim dim;      /* METRIC_DIM__MAX: by day */
	int             flows;    /* the duration histograms too (not for stocks) */
};

/* A read through the cache: the key names the statement (kind), the
 * grouping, the slice and the days; live reads expire after
 * metric_live_secs, pre-aggregate reads with the generation. */
static const char *
md_cache_key(const struct md_load *l, const char *kind, long lo, long hi)
{
	return arena_printf(l->a, "%s|%d|%lld|%lld|%s|%lld|%ld|%ld", kind, (int)l->dim, l->cat,
	    l->team, l->chan, l->who, lo, hi);
}

static const struct db_res *
md_cached(const struct md_load *l, const char *key)
{
	return metric_cache_find(key, md_rd.gen, (long long)time(NULL), l->a);
}

static void
md_cache_keep(const struct md_load *l, const char *key, const struct db_res *res, int live)
{
	long long now = (long long)time(NULL);

	metric_cache_put(key, res, md_rd.gen, live ? now + md_rd.live_secs : MC_NEVER, l->a);
}

static void
md_load_init(struct md_load *l, const struct metric_filter *f, const struct md_sink *k,
    int flows)
{
	l->a = k->a;
	l->cat = f->category_id > 0 ? f->category_id : 0;
	l->team = f->team_id > 0 ? f->team_id : 0;
	l->who = f->assignee_id > 0 ? f->assignee_id : 0;
	l->chan = f->channel != NULL ? f->channel : "";
	l->dim = k->dim;
	l->flows = flows;
}

/* Days [lo, hi), all before today, from the pre-aggregate. */
static enum db_rc
md_load_agg(struct arena *a, struct md_sink *k, const struct md_load *l, long lo, long hi)
{
	const char *d0 = metric_day_text(a, lo), *d1 = metric_day_text(a, hi);
	const char *key = md_cache_key(l, "daily", lo, hi);
	const struct db_res *hit;
	struct db_res *res;
	enum db_rc rc;
	int slice = l->who == 0 && l->dim != METRIC_BY_ASSIGNEE && l->dim != METRIC_BY_CELL;
	int all = slice && l->dim == METRIC_DIM__MAX && l->cat == 0 && l->team == 0 &&
	    *l->chan == '\0';

	if ((hit = md_cached(l, key)) == NULL) {
		rc = all ? db_query(a, &q_read_daily_all, &res, "ss", d0, d1) :
		    db_query(a, slice ? &q_read_daily_slice[l->dim] : &q_read_daily[l->dim], &res,
		    "ssiiiissii", d0, d1, l->cat, l->cat,
		    l->team, l->team, l->chan, l->chan, l->who, l->who);
		if (rc != DB_OK)
			return rc;
		md_cache_keep(l, key, hit = res, 0);
	}
	md_add_sums(k, hit);
	if (!l->flows)
		return DB_OK;
	key = md_cache_key(l, "hist", lo, hi);
	if ((hit = md_cached(l, key)) == NULL) {
		rc = all ? db_query(a, &q_read_hist_all, &res, "ss", d0, d1) :
		    db_query(a, slice ? &q_read_hist_slice[l->dim] : &q_read_hist[l->dim], &res,
		    "ssiiiissii", d0, d1, l->cat, l->cat,
		    l->team, l->team, l->chan, l->chan, l->who, l->who);
		if (rc != DB_OK)
			return rc;
		md_cache_keep(l, key, hit = res, 0);
	}
	md_add_hist(k, hit);
	return DB_OK;
}

/* Today, live from the tickets. */
static enum db_rc
md_load_live(struct arena *a, struct md_sink *k, const struct md_load *l, long today)
{
	long long t0 = metric_day_start(today), t1 = metric_day_start(today + 1);
	const char *key = md_cache_key(l, "live", today, today + 1);
	const struct db_res *hit;
	struct db_res *res;
	enum db_rc rc;

	if ((hit = md_cached(l, key)) == NULL) {
		rc = db_query(a, &q_read_live[l->dim], &res, MD_FMT_SCALARS "iiiissii",
		    MD_ARGS_SCALARS(t0, t1), l->cat, l->cat, l->team, l->team, l->chan, l->chan,
		    l->who, l->who);
		if (rc != DB_OK)
			return rc;
		md_cache_keep(l, key, hit = res, 1);
	}
	md_add_sums(k, hit);
	if (!l->flows)
		return DB_OK;
	key = md_cache_key(l, "live_hist", today, today + 1);
	if ((hit = md_cached(l, key)) == NULL) {
		rc = db_query(a, &q_read_live_hist[l->dim], &res, MD_FMT_HIST "iiiissii",
		    MD_ARGS_HIST(t0, t1), l->cat, l->cat, l->team, l->team, l->chan, l->chan,
		    l->who, l->who);
		if (rc != DB_OK)
			return rc;
		md_cache_keep(l, key, hit = res, 1);
	}
	md_add_hist(k, hit);
	return DB_OK;
}

/* Add the sums of days [lo, hi) of the filter's slice to the sink: days
 * before today from the pre-aggregate, today live; with flows, the
 * duration histograms too. */
static enum db_rc
md_load_days(struct arena *a, const struct metric_filter *f, struct md_sink *k, long lo,
    long hi, int flows)
{
	long today = metric_day_of((long long)time(NULL)), agg_hi = hi < today ? hi : today;
	struct md_load l;
	enum db_rc rc;

	md_load_init(&l, f, k, flows);
	if (lo < agg_hi && (rc = md_load_agg(a, k, &l, lo, agg_hi)) != DB_OK)
		return rc;
	if (today >= lo && today < hi)
		return md_load_live(a, k, &l, today);
	return DB_OK;
}

_Static_assert(TS__MAX == 10, "MD_READ_OPEN binds one name (or '') per ticket status");

/* The tickets of the filter's slice open now. */
static enum db_rc
md_load_open(struct arena *a, const struct metric_filter *f, struct md_sink *k)
{
	const char *st[TS__MAX], *key;
	const struct db_res *hit;
	struct md_load l;
	struct db_res *res;
	enum db_rc rc;
	int i, n = 0;

	for (i = 0; i < TS__MAX; i++)
		st[i] = "";
	for (i = 0; i < TS__MAX; i++)
		if (ticket_status_open((enum ticket_status)i))
			st[n++] = ticket_status_name((enum ticket_status)i);
	md_load_init(&l, f, k, 0);
	key = md_cache_key(&l, "open", 0, 0);
	if ((hit = md_cached(&l, key)) == NULL) {
		rc = db_query(a, &q_read_open[l.dim == METRIC_DIM__MAX ? METRIC_BY_CHANNEL : l.dim],
		    &res, "ssssssssssiiiissii", st[0], st[1], st[2], st[3], st[4], st[5], st[6],
		    st[7], st[8], st[9], l.cat, l.cat, l.team, l.team, l.chan, l.chan, l.who, l.who);
		if (rc != DB_OK)
			return rc;
		md_cache_keep(&l, key, hit = res, 1);
	}
	md_add_open(k, hit);
	return DB_OK;
}

/* A setting in seconds, 0..max; dflt when unset or out of range. */
static long long
md_setting_secs(const char *v, long long max, long long dflt)
{
	char *end;
	long long n;

	if (v == NULL || *v == '\0')
		return dflt;
	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < 0 || n > max)
		return dflt;
	return n;
}

/* The setting metric_live_secs (a live read is reused at most an hour). */
static long long
md_live_secs(const char *v)
{
	return md_setting_secs(v, 3600, MD_DEFAULT_LIVE_SECS);
}

/* Refresh when due (a failed refresh leaves the last sums readable), then
 * read where the pre-aggregate stands: its generation, how far the first
 * build is (-1 when done, else percent). Once per request: a page's reads
 * all stand on the same state. */
static enum db_rc
md_refresh_before_read(struct arena *a, int *building)
{
	struct db_res *res;
	long long next, max;
	enum db_rc rc;

	if (md_rd.req == a && md_rd.req_seq == a->resets) {
		*building = md_rd.building;
		return DB_OK;
	}
	rc = metric_refresh(a, 0);
	if (rc == DB_DOWN)
		return rc;
	if (rc != DB_OK)
		log_msg("warn", "metric refresh failed", db_rc_str(rc));
	if ((rc = db_query(a, &q_progress, &res, "")) != DB_OK)
		return rc;
	*building = -1;
	if (res->nrows == 1 && db_get_int(res, 0, 0)) {
		next = db_get_int(res, 0, 1);
		max = db_get_int(res, 0, 2);
		*building = max > 0 ? (int)(100 * (next < max ? next : max) / max) : 0;
	}
	md_rd.gen = res->nrows == 1 ? (unsigned long long)db_get_int(res, 0, 3) : 0;
	md_rd.live_secs = md_live_secs(res->nrows == 1 ? db_get(res, 0, 4) : NULL);
	md_rd.building = *building;
	md_rd.req = a;
	md_rd.req_seq = a->resets;
	return DB_OK;
}

const struct db_res *
metric_live_cached(struct arena *a, const char *key)
{
	int building;

	if (md_refresh_before_read(a, &building) != DB_OK)
		return NULL;
	return metric_cache_find(key, md_rd.gen, (long long)time(NULL), a);
}

void
metric_live_keep(struct arena *a, const char *key, const struct db_res *res)
{
	metric_cache_put(key, res, md_rd.gen, (long long)time(NULL) + md_rd.live_secs, a);
}

#define MD_MAX_DAYS 7320    /* 20 years: a frame is one array of days */

static enum db_rc md_frame_load(struct arena *, const struct metric_filter *, int stock,
    int hist, struct metric_frame *);

enum db_rc
metric_frame_load(struct arena *a, const struct metric_filter *f, int stock,
    struct metric_frame *fr)
{
	return md_frame_load(a, f, stock, 1, fr);
}

/* A frame; hist: with the duration histograms (what every median needs). */
static enum db_rc
md_frame_load(struct arena *a, const struct metric_filter *f, int stock, int hist,
    struct metric_frame *fr)
{
	long lo = metric_day_of(f->from), hi = metric_day_of(f->to - 1) + 1;
	long today = metric_day_of((long long)time(NULL));
	struct md_sink k;
	enum db_rc rc;

	memset(fr, 0, sizeof(*fr));
	/* A stock is counted back from now: the days up to today are needed. */
	if (stock && hi < today + 1)
		hi = today + 1;
	if (hi < lo || hi - lo > MD_MAX_DAYS)
		return DB_ERR;
	fr->day0 = lo;
	fr->ndays = hi - lo;
	fr->days = arena_zalloc(a, sizeof(*fr->days) * (size_t)(fr->ndays + 1));
	fr->now = (long long)time(NULL);
	fr->has_open = stock;
	if ((rc = md_refresh_before_read(a, &fr->building)) != DB_OK)
		return rc;
	memset(&k, 0, sizeof(k));
	k.a = a;
	k.dim = METRIC_DIM__MAX;
	k.fr = fr;
	k.sign = 1;
	if ((rc = md_load_days(a, f, &k, lo, hi, hist)) != DB_OK)
		return rc;
	return stock ? md_load_open(a, f, &k) : DB_OK;
}

static enum db_rc md_breakdown(struct arena *, const struct metric_filter *, enum metric_dim,
    int hist, struct metric_group **, size_t *);

enum db_rc
metric_breakdown(struct arena *a, const struct metric_filter *f, enum metric_dim dim,
    struct metric_group **out, size_t *n)
{
	return md_breakdown(a, f, dim, 1, out, n);
}

enum db_rc
metric_breakdown_of(struct arena *a, enum metric_id id, const struct metric_filter *f,
    enum metric_dim dim, struct metric_group **out, size_t *n)
{
	return md_breakdown(a, f, dim, md_needs_hist(id), out, n);
}

static enum db_rc
md_breakdown(struct arena *a, const struct metric_filter *f, enum metric_dim dim, int hist,
    struct metric_group **out, size_t *n)
{
	long lo = metric_day_of(f->from), hi = metric_day_of(f->to - 1) + 1;
	long long now = (long long)time(NULL);
	struct md_sink k;
	enum db_rc rc;
	int building;

	*out = NULL;
	*n = 0;
	if ((unsigned)dim >= METRIC_DIM__MAX || hi < lo)
		return DB_ERR;
	if ((rc = md_refresh_before_read(a, &building)) != DB_OK)
		return rc;
	memset(&k, 0, sizeof(k));
	k.a = a;
	k.dim = dim;
	k.sign = 1;
	if ((rc = md_load_days(a, f, &k, lo, hi, hist)) != DB_OK)
		return rc;
	/* The backlog at the period's end: open now, less what happened since. */
	k.stock = 1;
	if ((rc = md_load_open(a, f, &k)) != DB_OK)
		return rc;
	k.sign = -1;
	if (f->to < now &&
	    (rc = md_load_days(a, f, &k, hi, metric_day_of(now) + 1, 0)) != DB_OK)
		return rc;
	*out = k.groups;
	*n = k.n;
	return DB_OK;
}

enum db_rc
metric_ratings(struct arena *a, const struct metric_filter *f, enum metric_rated_by by,
    struct metric_group **out, size_t *n)
{
	long lo = metric_day_of(f->from), hi = metric_day_of(f->to - 1) + 1;
	long today = metric_day_of((long long)time(NULL)), agg_hi = hi < today ? hi : today;
	long long t0 = 0, t1 = 0;
	struct metric_group *g;
	struct db_res *res;
	struct md_load l;
	struct md_sink k;
	enum db_rc rc;
	int building;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((unsigned)by >= METRIC_RATED_BY__MAX || hi < lo)
		return DB_ERR;
	if ((rc = md_refresh_before_read(a, &building)) != DB_OK)
		return rc;
	if (today >= lo && today < hi) {
		t0 = metric_day_start(today);
		t1 = metric_day_start(today + 1);
	}
	memset(&k, 0, sizeof(k));
	md_load_init(&l, f, &k, 0);
	rc = db_query(a, &q_ratings[by], &res, "ssiiiissiiiiiiiissii", metric_day_text(a, lo),
	    metric_day_text(a, agg_hi > lo ? agg_hi : lo), l.cat, l.cat, l.team, l.team, l.chan,
	    l.chan, l.who, l.who, t0, t1, l.cat, l.cat, l.team, l.team, l.chan, l.chan, l.who,
	    l.who);
	if (rc != DB_OK)
		return rc;
	g = arena_zalloc(a, sizeof(*g) * (res->nrows + 1));
	for (i = 0; i < res->nrows; i++) {
		g[i].key = db_gets(res, i, 0);
		g[i].name = by == METRIC_RATED_BY_ASSIGNEE ? db_gets(res, i, 1) : NULL;
		g[i].flow.csat_n = db_get_int(res, i, 2);
		g[i].flow.csat_sum = db_get_int(res, i, 3);
		g[i].flow.csat_sat = db_get_int(res, i, 4);
	}
	*out = g;
	*n = res->nrows;
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
	if ((rc = md_frame_load(a, f, def->stock, md_needs_hist(id), &fr)) != DB_OK)
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
	if ((rc = md_frame_load(a, f, def->stock, md_needs_hist(id), &fr)) != DB_OK)
		return rc;
	*n = metric_frame_series(a, &fr, id, f->from, f->to, g, out);
	return DB_OK;
}

/* ------------------------------------------------------------- refresh */

#define MD_SLACK_SECS     120    /* a ticket transaction commits within this of its updated_at */
#define MD_CHECK_SECS     5      /* a worker asks whether a refresh is due at most this often */
#define MD_CHUNK_DAYS     31     /* days per statement when days are rebuilt */
#define MD_REBUILD_DAYS   92     /* more touched days than this: build everything anew */
#define MD_BUILD_IDS      50000  /* tickets per statement of the first build */
#define MD_BUILD_SECS     5      /* first build: work per refresh, then resume next time */
#define MD_DEFAULT_SECS   60

static time_t md_checked_at;     /* per process: when this worker last asked */

/* metric_state, as locked by the refreshing worker (0: NULL). */
struct md_state {
	long long refreshed, max_ticket, max_survey, now, new_ticket, new_survey;
	long long build_started, build_next, build_max, build_max_survey;
	int       rebuilt;   /* sums changed: a new generation (metric_cache.h) */
};

/* The rollups of the days [d0, d1) anew from their sums per slice and
 * assignee: over every slice (*_all) and without the assignee (*_slice). */
static enum db_rc
md_rollup_days(const char *d0, const char *d1)
{
	enum db_rc rc;

	if ((rc = db_exec(&q_daily_all_delete, NULL, "ss", d0, d1)) != DB_OK ||
	    (rc = db_exec(&q_hist_all_delete, NULL, "ss", d0, d1)) != DB_OK ||
	    (rc = db_exec(&q_daily_slice_delete, NULL, "ss", d0, d1)) != DB_OK ||
	    (rc = db_exec(&q_hist_slice_delete, NULL, "ss", d0, d1)) != DB_OK ||
	    (rc = db_exec(&q_daily_all_insert, NULL, "ss", d0, d1)) != DB_OK ||
	    (rc = db_exec(&q_hist_all_insert, NULL, "ss", d0, d1)) != DB_OK ||
	    (rc = db_exec(&q_daily_slice_insert, NULL, "ss", d0, d1)) != DB_OK)
		return rc;
	return db_exec(&q_hist_slice_insert, NULL, "ss", d0, d1);
}

/* Rebuild the days [lo, hi) of the pre-aggregate from the tickets. */
static enum db_rc
md_rebuild_days(struct arena *a, long lo, long hi)
{
	enum db_rc rc;
	long end;

	for (; lo < hi; lo = end) {
		long long t0, t1;
		const char *d0, *d1;
		end = lo + MD_CHUNK_DAYS < hi ? lo + MD_CHUNK_DAYS : hi;
		t0 = metric_day_start(lo);
		t1 = metric_day_start(end);
		d0 = metric_day_text(a, lo);
		d1 = metric_day_text(a, end);
		if ((rc = db_exec(&q_daily_delete, NULL, "ss", d0, d1)) != DB_OK ||
		    (rc = db_exec(&q_hist_delete, NULL, "ss", d0, d1)) != DB_OK ||
		    (rc = db_exec(&q_rated_delete, NULL, "ss", d0, d1)) != DB_OK ||
		    (rc = db_exec(&q_rated_insert, NULL, "ii", t0, t1)) != DB_OK ||
		    (rc = db_exec(&q_daily_insert, NULL, MD_FMT_SCALARS,
		    MD_ARGS_SCALARS(t0, t1))) != DB_OK ||
		    (rc = db_exec(&q_hist_insert, NULL, MD_FMT_HIST, MD_ARGS_HIST(t0, t1))) != DB_OK ||
		    (rc = md_rollup_days(d0, d1)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

/* Incremental: rebuild the touched days, runs of consecutive days at once;
 * too many of them start the first build again. */
static enum db_rc
md_update(struct arena *a, struct md_state *st)
{
	long long since = st->refreshed - MD_SLACK_SECS;
	struct db_res *res;
	long run_lo = 0, run_hi = 0, day, today = metric_day_of(st->now);
	enum db_rc rc;
	size_t i;

	if ((rc = db_query(a, &q_touched, &res, "iiiii", since, st->max_ticket, st->max_survey,
	    since, since)) != DB_OK)
		return rc;
	if (res->nrows > MD_REBUILD_DAYS) {
		st->refreshed = 0;
		st->build_next = -1;
		st->rebuilt = 1;
		return DB_OK;
	}
	for (i = 0; i < res->nrows; i++) {
		if (metric_day_parse(db_gets(res, i, 0), &day) != 0)
			continue;
		/* Readers take only the days before today from the sums. */
		st->rebuilt |= day < today;
		if (run_hi > run_lo && day == run_hi) {
			run_hi++;
			continue;
		}
		if (run_hi > run_lo && (rc = md_rebuild_days(a, run_lo, run_hi)) != DB_OK)
			return rc;
		run_lo = day;
		run_hi = day + 1;
	}
	if (run_hi > run_lo && (rc = md_rebuild_days(a, run_lo, run_hi)) != DB_OK)
		return rc;
	st->refreshed = st->now;
	st->max_ticket = st->new_ticket > st->max_ticket ? st->new_ticket : st->max_ticket;
	st->max_survey = st->new_survey > st->max_survey ? st->new_survey : st->max_survey;
	return DB_OK;
}

/* The first build: every ticket once, in id order, a chunk per statement,
 * for at most MD_BUILD_SECS per call; the next call resumes. Changes made
 * meanwhile are caught by the incremental refresh that follows (it looks
 * back to when the build started). */
static enum db_rc
md_build_step(struct arena *a, struct md_state *st)
{
	time_t t0 = time(NULL);
	enum db_rc rc;

	(void)a;
	st->rebuilt = 1;
	if (st->build_next < 0) {
		if ((rc = db_exec(&q_daily_clear, NULL, "")) != DB_OK ||
		    (rc = db_exec(&q_hist_clear, NULL, "")) != DB_OK ||
		    (rc = md_rollup_days("1970-01-01", "9999-12-31")) != DB_OK ||
		    (rc = db_exec(&q_rated_clear, NULL, "")) != DB_OK)
			return rc;
		st->build_started = st->now;
		st->build_next = 0;
		st->build_max = st->new_ticket;
		st->build_max_survey = st->new_survey;
	}
	while (st->build_next < st->build_max && time(NULL) - t0 < MD_BUILD_SECS) {
		long long lo = st->build_next, hi = lo + MD_BUILD_IDS;
		if ((rc = db_exec(&q_daily_build, NULL, MD_FMT_SCALARS,
		    MD_ARGS_SCALARS(lo, hi))) != DB_OK ||
		    (rc = db_exec(&q_hist_build, NULL, MD_FMT_HIST, MD_ARGS_HIST(lo, hi))) != DB_OK ||
		    (rc = db_exec(&q_rated_build, NULL, "ii", lo, hi)) != DB_OK)
			return rc;
		st->build_next = hi;
	}
	if (st->build_next >= st->build_max) {
		/* every day: the sums per slice are complete now */
		if ((rc = md_rollup_days("1970-01-01", "9999-12-31")) != DB_OK)
			return rc;
		st->refreshed = st->build_started;
		st->max_ticket = st->build_max;
		st->max_survey = st->build_max_survey;
		st->build_next = -1;
		st->build_started = 0;
	}
	return DB_OK;
}

static enum db_rc
md_state_read(struct arena *a, struct md_state *st, int *locked)
{
	struct db_res *res;
	enum db_rc rc;

	*locked = 0;
	st->rebuilt = 0;
	if ((rc = db_query(a, &q_state_lock, &res, "")) != DB_OK || res->nrows != 1)
		return rc;
	*locked = 1;
	st->refreshed = db_get_int(res, 0, 0);
	st->max_ticket = db_get_int(res, 0, 1);
	st->max_survey = db_get_int(res, 0, 2);
	st->now = db_get_int(res, 0, 3);
	st->new_ticket = db_get_int(res, 0, 4);
	st->new_survey = db_get_int(res, 0, 5);
	st->build_started = db_get_int(res, 0, 6);
	st->build_next = db_get_int(res, 0, 7);
	st->build_max = db_get_int(res, 0, 8);
	st->build_max_survey = db_get_int(res, 0, 9);
	return DB_OK;
}

static enum db_rc
md_state_write(const struct md_state *st)
{
	return db_exec(&q_state_set, NULL, "iiiiiiiiiiI", st->refreshed, st->refreshed,
	    st->max_ticket, st->max_survey, st->build_started, st->build_started, st->build_next,
	    st->build_next, st->build_max, st->build_max_survey, st->rebuilt ? 1 : 0);
}

/* One refresh step in one transaction; a worker that finds the state row
 * locked leaves the refresh to its holder. */
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
	rc = st.refreshed == 0 ? md_build_step(a, &st) : md_update(a, &st);
	if (rc == DB_OK)
		rc = md_state_write(&st);
	if (rc == DB_OK)
		return db_commit();
out:
	db_rollback();
	return rc;
}

/* The setting metric_refresh_secs (at most a day). */
static long long
md_interval(const char *v)
{
	return md_setting_secs(v, 86400, MD_DEFAULT_SECS);
}

enum db_rc
metric_refresh_age(struct arena *a, long long *age, long long *interval)
{
	struct db_res *res;
	enum db_rc rc;

	if ((rc = db_query(a, &q_due, &res, "")) != DB_OK)
		return rc;
	if (res->nrows != 1)
		return DB_ERR;
	*age = db_get_int(res, 0, 0) != 0 ? -1 : db_get_int(res, 0, 1);
	*interval = md_interval(db_get(res, 0, 2));
	return DB_OK;
}

enum db_rc
metric_refresh(struct arena *a, int force)
{
	time_t now = time(NULL);
	struct db_res *res;
	enum db_rc rc;

	if (!force && now >= md_checked_at && now - md_checked_at < MD_CHECK_SECS)
		return DB_OK;
	if ((rc = db_query(a, &q_due, &res, "")) != DB_OK)
		return rc;
	if (res->nrows != 1)
		return DB_ERR;
	md_checked_at = now;
	if (!force && db_get_int(res, 0, 0) == 0 &&
	    db_get_int(res, 0, 1) < md_interval(db_get(res, 0, 2)))
		return DB_OK;
	rc = md_refresh_now(a);
	md_checked_at = time(NULL);     /* a build step counts from its end */
	md_rd.req = NULL;               /* the next read asks for the new generation */
	return rc;
}
