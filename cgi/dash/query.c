/* The query of the dash pages: every accepted key in one table with its
 * validator; handlers read only the typed, checked struct dash_query. */
#include "dash.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "ticket_state.h"
#include "valid.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define DASH_DEFAULT_PERIOD 30
#define DASH_MIN_YEAR       2000
#define DASH_MAX_YEAR       2100

static const char *const by_names[DASH_BY__MAX + 1] = {
	"day", "week", "month", "category", "team", "channel", NULL
};

static const char *const table_names[DASH_TABLE__MAX + 1] = {
	"", "csat_by_technician", "csat_by_category", NULL
};

/* Validators: NULL when fine (and q updated), else a catalog key. An
 * empty value means "not chosen". */
static const char *
check_period(struct dash_query *q, const char *v)
{
	static const char *const periods[] = { "7", "30", "90", NULL };
	static const int days[] = { 7, 30, 90 };
	int i;

	if (*v == '\0')
		return NULL;
	if (valid_choice(v, periods, &i) != NULL)
		return "D_ERR_PERIOD";
	q->period = q->period_asked = days[i];
	return NULL;
}

static const char *
check_month(struct dash_query *q, const char *v)
{
	int y, m, n = 0;

	if (*v == '\0')
		return NULL;
	if (strlen(v) != 7 || sscanf(v, "%4d-%2d%n", &y, &m, &n) != 2 || n != 7 || v[4] != '-' ||
	    y < DASH_MIN_YEAR || y > DASH_MAX_YEAR || m < 1 || m > 12)
		return "D_ERR_MONTH";
	q->month = v;
	return NULL;
}

static const char *
check_id(long long *out, const char *v)
{
	if (*v == '\0')
		return NULL;
	return valid_int(v, 1, 9007199254740991LL, out) != NULL ? "D_ERR_FILTER" : NULL;
}

static const char *
check_category(struct dash_query *q, const char *v)
{
	return check_id(&q->category, v);
}

static const char *
check_team(struct dash_query *q, const char *v)
{
	return check_id(&q->team, v);
}

static const char *
check_channel(struct dash_query *q, const char *v)
{
	if (*v != '\0' && ticket_channel_parse(v) == TC__MAX)
		return "D_ERR_FILTER";
	q->channel = v;
	return NULL;
}

static const char *
check_metric(struct dash_query *q, const char *v)
{
	if (*v == '\0' || strcmp(v, "all") == 0) {
		q->metric = METRIC__MAX;
		return NULL;
	}
	q->metric = metric_by_key(v);
	return q->metric == METRIC__MAX ? "D_ERR_METRIC" : NULL;
}

static const char *
check_by(struct dash_query *q, const char *v)
{
	int i;

	if (*v == '\0')
		return NULL;
	if (valid_choice(v, by_names, &i) != NULL)
		return "D_ERR_BY";
	q->by = (enum dash_by)i;
	return NULL;
}

static const char *
check_table(struct dash_query *q, const char *v)
{
	int i;

	if (*v == '\0')
		return NULL;
	if (valid_choice(v, table_names, &i) != NULL || i == DASH_TABLE_NONE)
		return "D_ERR_TABLE";
	q->table = (enum dash_table)i;
	return NULL;
}

static const struct {
	const char *key;
	const char *(*check)(struct dash_query *, const char *);
} keys[] = {
	{ "period",   check_period },
	{ "month",    check_month },
	{ "category", check_category },
	{ "team",     check_team },
	{ "channel",  check_channel },
	{ "metric",   check_metric },
	{ "by",       check_by },
	{ "table",    check_table },
};

/* The current and the previous period, as days and as metric filters. */
static void
dash_query_periods(struct dash_query *q)
{
	long today = metric_day_of((long long)time(NULL));
	int y, m;

	if (q->period > 0) {
		q->day_to = today + 1;
		q->day_from = q->day_to - q->period;
		q->prev_to = q->day_from;
		q->prev_from = q->prev_to - q->period;
		q->grain = q->period > 31 ? METRIC_WEEK : METRIC_DAY;
	} else {
		sscanf(q->month, "%4d-%2d", &y, &m);
		q->day_from = metric_day_from_ymd(y, m, 1);
		q->day_to = metric_bucket_next(q->day_from, METRIC_MONTH);
		q->prev_to = q->day_from;
		q->prev_from = metric_bucket_start(q->day_from - 1, METRIC_MONTH);
		q->grain = METRIC_DAY;
	}
	q->cur.category_id = q->prev.category_id = q->category;
	q->cur.team_id = q->prev.team_id = q->team;
	q->cur.channel = q->prev.channel = q->channel;
	q->cur.from = metric_day_start(q->day_from);
	q->cur.to = metric_day_start(q->day_to);
	q->prev.from = metric_day_start(q->prev_from);
	q->prev.to = metric_day_start(q->prev_to);
}

const char *
dash_query_parse(struct req *r, struct dash_query *q)
{
	const char *v, *problem;
	size_t i;

	memset(q, 0, sizeof(*q));
	q->period = DASH_DEFAULT_PERIOD;
	q->month = "";
	q->channel = "";
	q->metric = METRIC__MAX;
	q->by = DASH_BY_DAY;
	q->table = DASH_TABLE_NONE;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if ((v = req_query(r, keys[i].key)) == NULL)
			continue;
		if ((problem = keys[i].check(q, v)) != NULL)
			return problem;
	}
	/* A month and a number of days at once: the month wins, and the page
	 * says so (period_asked stays set). */
	if (*q->month != '\0')
		q->period = 0;
	else
		q->period_asked = 0;
	dash_query_periods(q);
	return NULL;
}

static struct db_q q_categories = DB_Q(
    "SELECT id, name_zh, name_en FROM categories ORDER BY sort, id");
static struct db_q q_teams = DB_Q(
    "SELECT id, name FROM teams ORDER BY name, id");

/* The rows (id, name [, name_en]) of res as options; names in lang. */
static struct dash_option *
dash_options_of(struct arena *a, const struct db_res *res, int en, size_t *n)
{
	struct dash_option *o = arena_zalloc(a, sizeof(*o) * (res->nrows + 1));
	size_t i;

	for (i = 0; i < res->nrows; i++) {
		o[i].id = db_get_int(res, i, 0);
		o[i].name = db_gets(res, i, en && res->ncols > 2 ? 2 : 1);
	}
	*n = res->nrows;
	return o;
}

static int
dash_option_known(const struct dash_option *o, size_t n, long long id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (o[i].id == id)
			return 1;
	return id == 0;
}

enum db_rc
dash_options_load(struct req *r, const struct dash_query *q, struct dash_options *o,
    const char **problem)
{
	struct db_res *cats, *teams;
	enum db_rc rc;
	int en = strcmp(r->lang, "en") == 0;

	*problem = NULL;
	memset(o, 0, sizeof(*o));
	if ((rc = db_query(r->a, &q_categories, &cats, "")) != DB_OK ||
	    (rc = db_query(r->a, &q_teams, &teams, "")) != DB_OK)
		return rc;
	o->cats = dash_options_of(r->a, cats, en, &o->ncats);
	o->teams = dash_options_of(r->a, teams, en, &o->nteams);
	if (!dash_option_known(o->cats, o->ncats, q->category) ||
	    !dash_option_known(o->teams, o->nteams, q->team))
		*problem = "D_ERR_FILTER";
	return DB_OK;
}

const char *
dash_query_string(struct arena *a, const struct dash_query *q)
{
	const char *s = q->period > 0 ? arena_printf(a, "period=%d", q->period) :
	    arena_printf(a, "month=%s", url_encode(a, q->month));

	if (q->category > 0)
		s = arena_printf(a, "%s&category=%lld", s, q->category);
	if (q->team > 0)
		s = arena_printf(a, "%s&team=%lld", s, q->team);
	if (q->channel[0] != '\0')
		s = arena_printf(a, "%s&channel=%s", s, url_encode(a, q->channel));
	return s;
}

const char *
dash_table_name(enum dash_table t)
{
	return (unsigned)t < DASH_TABLE__MAX ? table_names[t] : "";
}

const char *
dash_period_text(struct arena *a, long from, long to)
{
	return arena_printf(a, "%s – %s", metric_day_text(a, from), metric_day_text(a, to - 1));
}

const char *
dash_group_name(struct req *r, const struct dash_options *o, enum metric_dim dim,
    const char *key)
{
	const struct dash_option *opt = dim == METRIC_BY_CATEGORY ? o->cats : o->teams;
	size_t i, n = dim == METRIC_BY_CATEGORY ? o->ncats : o->nteams;

	if (dim == METRIC_BY_CHANNEL)
		return i18n(r->lang, arena_printf(r->a, "CHANNEL_%s", key));
	if (dim == METRIC_BY_TEAM && strcmp(key, "0") == 0)
		return i18n(r->lang, "D_NO_TEAM");
	for (i = 0; i < n; i++)
		if (strcmp(arena_printf(r->a, "%lld", opt[i].id), key) == 0)
			return opt[i].name;
	return key;
}

int
dash_db_error(struct req *r, enum db_rc rc)
{
	if (rc == DB_DOWN || rc == DB_CONFLICT)
		return resp_error(r, 503, "ERR_DB_DOWN");
	return resp_error(r, 500, "ERR_INTERNAL");
}
