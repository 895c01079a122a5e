/* External metrics, the pure parts (ext_metric.h): checks of keys, moments,
 * values and points, aggregation, formatting, CSV records. */
#include "ext_metric.h"
#include "arena.h"
#include "ticket_state.h"
#include "valid.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const ext_unit_names[] = { "count", "percent", "cny", "minutes", "hours", "score",
	"custom", NULL };
const char *const ext_agg_names[] = { "sum", "avg", "last", NULL };
const char *const ext_source_names[] = { "api", "csv", "manual", "cli", NULL };
const char *const ext_better_names[] = { "1", "-1", "0", NULL };

/* ---------------------------------------------------------------- checks */

const char *
ext_key_check(const char *key)
{
	size_t n = key != NULL ? strlen(key) : 0, i;

	if (n == 0)
		return "ERR_REQUIRED";
	if (n < EXT_KEY_MIN || n > EXT_KEY_MAX)
		return "EXT_ERR_KEY_FORMAT";
	for (i = 0; i < n; i++)
		if (!((key[i] >= 'a' && key[i] <= 'z') || (key[i] >= '0' && key[i] <= '9') ||
		    key[i] == '_'))
			return "EXT_ERR_KEY_FORMAT";
	if (metric_by_key(key) != METRIC__MAX)
		return "EXT_ERR_KEY_BUILTIN";
	return NULL;
}

/* n decimal digits at s into *out; 0 or -1. */
static int
digits(const char *s, int n, int *out)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int
days_in_month(int y, int m)
{
	static const int dm[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

/* "YYYY-MM-DD" at s (a real date, years 1970-9999) into the day number. */
static int
date_parse(const char *s, long *day)
{
	int y, m, d;

	if (digits(s, 4, &y) != 0 || s[4] != '-' || digits(s + 5, 2, &m) != 0 || s[7] != '-' ||
	    digits(s + 8, 2, &d) != 0 || y < 1970 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return -1;
	*day = metric_day_from_ymd(y, m, d);
	return 0;
}

int
ext_rfc3339_parse(const char *s, long long *epoch)
{
	long day;
	int hh, mm, ss, oh, om, sign;
	const char *p;

	if (s == NULL || strlen(s) < 20 || date_parse(s, &day) != 0 ||
	    (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
	    digits(s + 11, 2, &hh) != 0 || s[13] != ':' || digits(s + 14, 2, &mm) != 0 ||
	    s[16] != ':' || digits(s + 17, 2, &ss) != 0 || hh > 23 || mm > 59 || ss > 60)
		return -1;
	p = s + 19;
	if (*p == '.') {        /* fractions of a second: dropped */
		if (p[1] < '0' || p[1] > '9')
			return -1;
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	}
	if (ss == 60)           /* a leap second counts as the next one */
		ss = 59;
	if ((*p == 'Z' || *p == 'z') && p[1] == '\0') {
		oh = om = 0;
		sign = 1;
	} else if ((*p == '+' || *p == '-') && digits(p + 1, 2, &oh) == 0 && p[3] == ':' &&
	    digits(p + 4, 2, &om) == 0 && p[6] == '\0' && oh <= 23 && om <= 59) {
		sign = *p == '-' ? -1 : 1;
	} else {
		return -1;
	}
	/* metric_day_start() is China midnight: back to UTC midnight first. */
	*epoch = metric_day_start(day) + METRIC_TZ_SECS + hh * 3600LL + mm * 60LL + ss -
	    sign * (oh * 3600LL + om * 60LL);
	return 0;
}

const char *
ext_time_check(const char *s, long long *epoch)
{
	long day;

	if (s == NULL || *s == '\0')
		return "ERR_REQUIRED";
	if (strlen(s) == 10 && date_parse(s, &day) == 0) {
		*epoch = metric_day_start(day);
		return NULL;
	}
	return ext_rfc3339_parse(s, epoch) == 0 ? NULL : "EXT_ERR_TIME";
}

const char *
ext_value_check(const char *s, double *out)
{
	char *end;
	double v;

	if (s == NULL || *s == '\0')
		return "ERR_REQUIRED";
	/* strtod also takes hex, inf and nan: only plain decimals here. */
	if (strspn(s, "0123456789+-.eE") != strlen(s) || strlen(s) > 40)
		return "EXT_ERR_VALUE";
	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end != '\0' || errno == ERANGE || !isfinite(v) ||
	    fabs(v) >= EXT_VALUE_LIMIT)
		return "EXT_ERR_VALUE";
	*out = v;
	return NULL;
}

static const char *
check_category(const struct ext_dims *d, const char *v, long long *id)
{
	long long n;
	size_t i;

	for (i = 0; d->cats != NULL && i < d->cats->nrows; i++)
		if (strcmp(db_gets(d->cats, i, 1), v) == 0 ||
		    (valid_int(v, 1, LLONG_MAX, &n) == NULL && db_get_int(d->cats, i, 0) == n)) {
			*id = db_get_int(d->cats, i, 0);
			return NULL;
		}
	return "EXT_ERR_CATEGORY";
}

static const char *
check_team(const struct ext_dims *d, const char *v, long long *id)
{
	long long n;
	size_t i;

	for (i = 0; d->teams != NULL && i < d->teams->nrows; i++)
		if (strcmp(db_gets(d->teams, i, 1), v) == 0 ||
		    (valid_int(v, 1, LLONG_MAX, &n) == NULL && db_get_int(d->teams, i, 0) == n)) {
			*id = db_get_int(d->teams, i, 0);
			return NULL;
		}
	return "EXT_ERR_TEAM";
}

/* A dimension given where the metric has none is refused (it would be
 * summed in silently otherwise). */
static const char *
check_dims(const struct ext_metric *m, const struct ext_dims *d,
    const char *const text[EXT_F__MAX], struct ext_point *out, enum ext_field *field)
{
	const char *v, *problem;

	if ((v = text[EXT_F_CATEGORY]) != NULL && *v != '\0') {
		*field = EXT_F_CATEGORY;
		if (!m->dim_category)
			return "EXT_ERR_DIM_NOT_DEFINED";
		if ((problem = check_category(d, v, &out->category_id)) != NULL)
			return problem;
	}
	if ((v = text[EXT_F_TEAM]) != NULL && *v != '\0') {
		*field = EXT_F_TEAM;
		if (!m->dim_team)
			return "EXT_ERR_DIM_NOT_DEFINED";
		if ((problem = check_team(d, v, &out->team_id)) != NULL)
			return problem;
	}
	if ((v = text[EXT_F_CHANNEL]) != NULL && *v != '\0') {
		enum ticket_channel c = ticket_channel_parse(v);

		*field = EXT_F_CHANNEL;
		if (!m->dim_channel)
			return "EXT_ERR_DIM_NOT_DEFINED";
		if (c == TC__MAX)
			return "EXT_ERR_CHANNEL";
		out->channel = ticket_channel_name(c);
	}
	return NULL;
}

const char *
ext_point_check(const struct ext_metric *m, const struct ext_dims *d,
    const char *const text[EXT_F__MAX], struct ext_point *out, enum ext_field *field)
{
	const char *problem;

	memset(out, 0, sizeof(*out));
	out->channel = "";
	*field = EXT_F_AT;
	if ((problem = ext_time_check(text[EXT_F_AT], &out->at)) != NULL)
		return problem;
	*field = EXT_F_VALUE;
	if ((problem = ext_value_check(text[EXT_F_VALUE], &out->value)) != NULL)
		return problem;
	if (m->unit == EXT_U_PERCENT && (out->value < 0 || out->value > 100))
		return "EXT_ERR_PERCENT";
	return check_dims(m, d, text, out, field);
}

/* ---------------------------------------------------------- aggregation */

/* Units whose values add up across series. */
static int
additive(const struct ext_metric *m)
{
	return m->unit == EXT_U_COUNT || m->unit == EXT_U_CNY || m->unit == EXT_U_CUSTOM;
}

static int
same_series(const struct ext_point *a, const struct ext_point *b)
{
	return a->category_id == b->category_id && a->team_id == b->team_id &&
	    strcmp(a->channel, b->channel) == 0;
}

/* last: the latest point of each series. The points come sorted by series
 * and then moment, so a series' latest point ends its run. */
static void
aggregate_last(const struct ext_metric *m, const struct ext_point *p, size_t n,
    struct metric_value *out)
{
	size_t i, series = 0;
	double total = 0;

	for (i = 0; i < n; i++)
		if (i + 1 == n || !same_series(&p[i], &p[i + 1])) {
			total += p[i].value;
			series++;
		}
	out->n = (long long)series;
	out->value = additive(m) || series == 0 ? total : total / (double)series;
}

void
ext_aggregate(const struct ext_metric *m, const struct ext_point *p, size_t n,
    struct metric_value *out)
{
	double sum = 0;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->aux = METRIC_NONE;
	if (n == 0)
		return;
	out->has = 1;
	if (m->agg == EXT_AGG_LAST) {
		aggregate_last(m, p, n, out);
		return;
	}
	for (i = 0; i < n; i++)
		sum += p[i].value;
	out->n = (long long)n;
	out->value = m->agg == EXT_AGG_AVG ? sum / (double)n : sum;
}

size_t
ext_series(struct arena *a, const struct ext_metric *m, const struct ext_point *p, size_t n,
    long long from, long long to, enum metric_grain g, struct metric_point **out)
{
	long first = metric_day_of(from), last = metric_day_of(to - 1) + 1, d;
	struct ext_point *in;
	size_t nb = 0, cap = 0, i, k;
	struct metric_point *b;

	for (d = first; d < last; d = metric_bucket_next(d, g))
		cap++;
	b = arena_zalloc(a, sizeof(*b) * (cap + 1));
	in = arena_alloc(a, sizeof(*in) * (n + 1));
	for (d = first; d < last && nb < cap; d = metric_bucket_next(d, g), nb++) {
		long end = metric_bucket_next(d, g);

		b[nb].from = metric_day_start(d);
		b[nb].to = metric_day_start(end < last ? end : last);
		for (i = k = 0; i < n; i++)
			if (p[i].at >= b[nb].from && p[i].at < b[nb].to)
				in[k++] = p[i];
		ext_aggregate(m, in, k, &b[nb].v);
	}
	*out = b;
	return nb;
}

/* ---------------------------------------------------------- formatting */

const char *
ext_unit_text(const struct ext_metric *m, const char *lang)
{
	int en = lang != NULL && strcmp(lang, "en") == 0;

	switch (m->unit) {
	case EXT_U_PERCENT: return "%";
	case EXT_U_CNY:     return en ? "CNY" : "元";
	case EXT_U_MINUTES: return en ? "min" : "分钟";
	case EXT_U_HOURS:   return en ? "h" : "小时";
	case EXT_U_SCORE:   return en ? "points" : "分";
	case EXT_U_CUSTOM:  return m->unit_label != NULL ? m->unit_label : "";
	default:            return "";
	}
}

/* "1234567.5" as "1,234,567.5". */
static const char *
grouped(struct arena *a, const char *num)
{
	size_t n = strcspn(num, "."), lead = num[0] == '-', i, o = 0;
	char *out;

	if (n - lead <= 4)
		return num;
	out = arena_alloc(a, strlen(num) + n / 3 + 2);
	for (i = 0; num[i] != '\0'; i++) {
		if (i > lead && i < n && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = num[i];
	}
	out[o] = '\0';
	return out;
}

/* Up to two decimals, trailing zeros dropped ("12", "12.5", "0.25"). */
static const char *
number_text(struct arena *a, double v)
{
	char *s = arena_printf(a, "%.2f", v);
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == '0')
		s[--n] = '\0';
	if (n > 0 && s[n - 1] == '.')
		s[--n] = '\0';
	if (strcmp(s, "-0") == 0)
		return "0";
	return s;
}

const char *
ext_format(struct arena *a, const struct ext_metric *m, const struct metric_value *v,
    const char *lang)
{
	const char *num, *unit = ext_unit_text(m, lang);
	int en = lang != NULL && strcmp(lang, "en") == 0;

	if (!v->has)
		return "—";
	num = grouped(a, number_text(a, v->value));
	if (*unit == '\0')
		return num;
	if (m->unit == EXT_U_PERCENT)
		return arena_printf(a, "%s%%", num);
	if (m->unit == EXT_U_CNY && en)
		return arena_printf(a, "CNY %s", num);
	return arena_printf(a, en || m->unit == EXT_U_CUSTOM ? "%s %s" : "%s%s", num, unit);
}
