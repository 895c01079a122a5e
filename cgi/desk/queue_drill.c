/* The queue's drill-down: see queue_drill.h. The tickets come from
 * cgi/service/metric_drill.c (the metric's own rows); this file only
 * checks the query, pages and shows the banner. */
#include "queue_drill.h"
#include "arena.h"
#include "http.h"
#include "metric_drill.h"
#include "tmpl.h"
#include "valid.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>

void
queue_drill_init(struct queue_drill *q)
{
	q->metric = METRIC__MAX;
	q->part = 0;
	q->day_from = q->day_to = -1;
}

const char *
queue_drill_check_metric(struct queue_drill *q, const char *v)
{
	enum metric_id id = metric_by_key(v);

	if (id == METRIC__MAX || metric_drill_def(id) == NULL)
		return "QD_ERR_METRIC";
	q->metric = id;
	return NULL;
}

const char *
queue_drill_check_day(const char *v, long *day)
{
	struct arena a;
	int ok;

	if (metric_day_parse(v, day) != 0)
		return "QD_ERR_DAY";
	arena_init(&a);     /* a real date: it reads back the same (no 02-30) */
	ok = strcmp(metric_day_text(&a, *day), v) == 0;
	arena_free(&a);
	return ok ? NULL : "QD_ERR_DAY";
}

const char *
queue_drill_check_part(struct queue_drill *q, const char *v)
{
	if (strcmp(v, "1") == 0)
		q->part = 1;
	else if (strcmp(v, "0") == 0)
		q->part = 0;
	else
		return "Q_ERR_VALUE";
	return NULL;
}

const char *
queue_drill_complete(const struct queue_drill *q, int have_metric, int have_from,
    int have_to, int have_part, const char **key)
{
	if (!have_metric) {
		*key = have_from ? "from" : have_to ? "to" : "part";
		return have_from || have_to || have_part ? "QD_ERR_NO_METRIC" : NULL;
	}
	*key = !have_from ? "from" : "to";
	if (!have_from || !have_to)
		return "QD_ERR_PERIOD";
	if (q->day_to < q->day_from || q->day_to - q->day_from >= QUEUE_DRILL_MAX_DAYS)
		return "QD_ERR_PERIOD";
	*key = "part";
	if (q->part && metric_drill_def(q->metric)->part == MDS__MAX)
		return "QD_ERR_PART";
	return NULL;
}

/* The service's query of the drill and the queue's filter. */
static void
drill_query(const struct queue_drill *q, const struct queue_filter *f,
    struct metric_drill_query *mq)
{
	const struct metric_drill_def *d = metric_drill_def(q->metric);

	memset(mq, 0, sizeof(*mq));
	mq->set = q->part ? d->part : d->all;
	mq->f.category_id = f->category;
	mq->f.team_id = f->team;
	mq->f.channel = f->channel < TC__MAX ? ticket_channel_name(f->channel) : "";
	mq->f.from = metric_day_start(q->day_from);
	mq->f.to = metric_day_start(q->day_to + 1);
	mq->assignee = f->assignee == QUEUE_NOBODY ? -1 : f->assignee;
	mq->only_assignee = f->only_assignee;
}

enum db_rc
queue_drill_fetch(struct arena *a, const struct queue_drill *q, const struct queue_filter *f,
    struct queue_page *pg, long long *count)
{
	struct metric_drill_query mq;
	long long ids[QUEUE_PAGE + 1];
	size_t n;
	enum db_rc rc;

	memset(pg, 0, sizeof(*pg));
	drill_query(q, f, &mq);
	rc = metric_drill_ids(a, &mq, f->has_after ? f->after_id : LLONG_MAX, ids,
	    QUEUE_PAGE + 1, &n, count);
	if (rc != DB_OK)
		return rc;
	if ((rc = queue_fetch_ids(a, ids, n > QUEUE_PAGE ? QUEUE_PAGE : n, pg)) != DB_OK)
		return rc;
	pg->more = n > QUEUE_PAGE;
	return DB_OK;
}

void
queue_drill_banner(struct req *r, tmpl_dict *d, const struct queue_drill *q,
    const char *const *slice, size_t nslice, long long count, const char *href_other,
    const char *href_clear)
{
	const struct metric_def *m = metric_def(q->metric);
	const struct metric_drill_def *dd = metric_drill_def(q->metric);
	int en = strcmp(r->lang, "en") == 0;
	tmpl_dict *b = tmpl_add_section(d, "DRILL"), *o;
	char *set;
	size_t i;

	tmpl_set(b, "METRIC", en ? m->en : m->zh);
	tmpl_set(b, "PERIOD", arena_printf(r->a, "%s – %s", metric_day_text(r->a, q->day_from),
	    metric_day_text(r->a, q->day_to)));
	for (i = 0; i < nslice; i++)
		tmpl_set(tmpl_add_section(b, "SLICE"), "TEXT", slice[i]);
	set = arena_strdup(r->a, metric_drill_set_label(q->part ? dd->part : dd->all, r->lang));
	set[0] = (char)toupper((unsigned char)set[0]);   /* "Resolved late" (en) */
	tmpl_set(b, "SET", set);
	tmpl_set_int(b, "N", count);
	if (!dd->per_ticket)
		tmpl_set(tmpl_add_section(b, "PER_ROWS"), "NOTE", i18n(r->lang,
		    arena_printf(r->a, "QD_ROWS_%s", m->key)));
	if (dd->part != MDS__MAX) {
		o = tmpl_add_section(b, "OTHER");
		tmpl_set(o, "HREF", href_other);
		tmpl_set(o, "LABEL", q->part ? i18n(r->lang, "QD_ALL_OF") :
		    arena_printf(r->a, "%s%s", i18n(r->lang, "QD_ONLY"),
		    metric_drill_set_label(dd->part, r->lang)));
	}
	tmpl_set(b, "CLEAR", href_clear);
}

const struct i18n_msg desk_msgs_drill[] = {
	{ "QD_FROM_METRIC",   "工单来自指标",             "Tickets behind the metric" },
	{ "QD_COUNT",         "工单数",                   "Tickets" },
	{ "QD_ALL_OF",        "显示全部样本",             "Show the whole sample" },
	{ "QD_ONLY",          "只看",                     "Only " },
	{ "QD_CLEAR",         "清除指标筛选",             "Clear the metric filter" },
	{ "QD_ROWS_parts_use", "指标样本数为备件登记记录数；此处每张工单只列一次。",
	    "The metric's sample is the part records; each ticket is listed once here." },
	{ "QD_ROWS_onsite_time", "指标样本数为上门次数；此处每张工单只列一次。",
	    "The metric's sample is the visits; each ticket is listed once here." },
	{ "QD_ROWS_complaints",
	    "指标按天去重计数（同一工单在不同日期被标记计多次）；此处每张工单只列一次。",
	    "The metric counts a ticket once per day it was flagged; each ticket is listed "
	    "once here." },
	{ "QD_ERR_METRIC",    "不是可下钻的指标。",       "is not a metric with tickets behind it." },
	{ "QD_ERR_DAY",       "应为 YYYY-MM-DD 格式的日期。", "must be a date YYYY-MM-DD." },
	{ "QD_ERR_NO_METRIC", "只能与指标（metric）一起使用。",
	    "only goes with a metric." },
	{ "QD_ERR_PERIOD",    "指标下钻需要起止日期（from ≤ to，最长约十年）。",
	    "a metric needs from and to (from <= to, at most about ten years)." },
	{ "QD_ERR_PART",      "该指标没有可单独查看的部分。", "this metric has no part to show alone." },
	{ "QD_ERR_ALONE",     "不能与指标下钻同时使用。", "cannot be combined with a metric." },
	{ "QD_METRIC",        "指标",                     "Metric" },
	{ "QD_FROM",          "开始日期",                 "From" },
	{ "QD_TO",            "结束日期",                 "To" },
	{ "QD_PART",          "指标部分",                 "Part of the metric" },
};
const size_t desk_nmsgs_drill = sizeof(desk_msgs_drill) / sizeof(desk_msgs_drill[0]);
