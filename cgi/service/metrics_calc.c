/* The pure part of the metrics: China-time calendar, histograms, sums,
 * frames evaluated over periods, formatting, trends and CSV fields. No
 * database here (metrics.c holds the SQL and the formulas). */
#include "metrics.h"
#include "arena.h"

#include <stdio.h>
#include <string.h>

static const long long hist_bounds[] = { METRIC_HIST_BOUNDS };
_Static_assert(sizeof(hist_bounds) / sizeof(hist_bounds[0]) + 1 == METRIC_NBUCKETS,
    "METRIC_NBUCKETS is one more than the number of METRIC_HIST_BOUNDS");

/* Digits after the point, per unit: what a reader can tell apart. */
static const int unit_decimals[METRIC_U__MAX] = {
	[METRIC_U_TICKETS] = 0, [METRIC_U_MINUTES] = 0, [METRIC_U_HOURS] = 1,
	[METRIC_U_PERCENT] = 1, [METRIC_U_SCORE] = 2,   [METRIC_U_UNITS] = 0,
};

/* ------------------------------------------------------------ calendar */

static long long
floor_div(long long a, long long b)
{
	long long q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

long
metric_day_of(long long epoch)
{
	return (long)floor_div(epoch + METRIC_TZ_SECS, METRIC_DAY_SECS);
}

long long
metric_day_start(long day)
{
	return (long long)day * METRIC_DAY_SECS - METRIC_TZ_SECS;
}

/* Days from civil date (proleptic Gregorian), after H. Hinnant. */
long
metric_day_from_ymd(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
metric_day_ymd(long day, int *y, int *m, int *d)
{
	long z = day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

long
metric_bucket_start(long day, enum metric_grain g)
{
	int y, m, d;
	long long since_monday;

	switch (g) {
	case METRIC_WEEK:
		/* 1970-01-01 was a Thursday: day 0 is 3 days after a Monday. */
		since_monday = (long long)day + 3 - floor_div((long long)day + 3, 7) * 7;
		return day - (long)since_monday;
	case METRIC_MONTH:
		metric_day_ymd(day, &y, &m, &d);
		return metric_day_from_ymd(y, m, 1);
	default:
		return day;
	}
}

long
metric_bucket_next(long day, enum metric_grain g)
{
	int y, m, d;

	switch (g) {
	case METRIC_WEEK:
		return metric_bucket_start(day, g) + 7;
	case METRIC_MONTH:
		metric_day_ymd(day, &y, &m, &d);
		if (m == 12)
			return metric_day_from_ymd(y + 1, 1, 1);
		return metric_day_from_ymd(y, m + 1, 1);
	default:
		return day + 1;
	}
}

const char *
metric_day_text(struct arena *a, long day)
{
	int y, m, d;

	metric_day_ymd(day, &y, &m, &d);
	return arena_printf(a, "%04d-%02d-%02d", y, m, d);
}

int
metric_day_parse(const char *s, long *day)
{
	int y, m, d, n = 0;

	if (s == NULL || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || s[4] != '-' || s[7] != '-' || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	*day = metric_day_from_ymd(y, m, d);
	return 0;
}

/* ---------------------------------------------------------- histograms */

int
metric_hist_bucket(long long secs)
{
	int i;

	for (i = 0; i < METRIC_NBUCKETS - 1; i++)
		if (secs < hist_bounds[i])
			return i;
	return METRIC_NBUCKETS - 1;
}

/* Grouped median: find the bucket holding the middle (n/2) and place it
 * linearly inside; in the open last bucket, its lower bound. */
double
metric_hist_median(const long long h[METRIC_NBUCKETS])
{
	long long n = 0, cum = 0;
	double half;
	int i;

	for (i = 0; i < METRIC_NBUCKETS; i++)
		n += h[i];
	if (n <= 0)
		return -1;
	half = (double)n / 2.0;
	for (i = 0; i < METRIC_NBUCKETS; i++) {
		double lo = i > 0 ? (double)hist_bounds[i - 1] : 0.0;
		if (h[i] <= 0 || (double)(cum + h[i]) < half) {
			cum += h[i];
			continue;
		}
		if (i == METRIC_NBUCKETS - 1)
			return lo;
		return lo + (half - (double)cum) / (double)h[i] * ((double)hist_bounds[i] - lo);
	}
	return -1;
}

double
metric_pct(long long num, long long den)
{
	return den > 0 ? 100.0 * (double)num / (double)den : -1;
}

void
metric_sums_add(struct metric_sums *dst, const struct metric_sums *src)
{
	long long *d = (long long *)dst;
	const long long *s = (const long long *)src;
	size_t i;

	/* Every member is a long long. */
	for (i = 0; i < sizeof(*dst) / sizeof(long long); i++)
		d[i] += s[i];
}

/* -------------------------------------------------------------- frames */

/* Sum the frame's days [lo, hi) into out (days outside the frame are
 * not loaded and count as nothing). */
static void
frame_sum(const struct metric_frame *f, long lo, long hi, struct metric_sums *out)
{
	long d;

	if (lo < f->day0)
		lo = f->day0;
	if (hi > f->day0 + f->ndays)
		hi = f->day0 + f->ndays;
	for (d = lo; d < hi; d++)
		metric_sums_add(out, &f->days[d - f->day0]);
}

/* The moment a stock metric of the period [from, to) is measured. */
static long long
stock_moment(long long to, long long now)
{
	return to < now ? to : now;
}

/* The stock at `at`: open now, less the tickets created since, plus those
 * that left since (as negative ends: metric_eval counts created - ended). */
static void
frame_stock(const struct metric_frame *f, long long at, struct metric_sums *out)
{
	long d, last = f->day0 + f->ndays;

	memset(out, 0, sizeof(*out));
	out->created_n = f->open.created_n;
	out->created_t = f->open.created_t;
	if (at >= f->now)
		return;
	for (d = metric_day_of(at) > f->day0 ? metric_day_of(at) : f->day0; d < last; d++) {
		const struct metric_sums *s = &f->days[d - f->day0];
		out->created_n -= s->created_n;
		out->created_t -= s->created_t;
		out->end_n -= s->end_n;
		out->end_t -= s->end_t;
	}
}

void
metric_frame_eval(const struct metric_frame *f, enum metric_id id, long long from, long long to,
    struct metric_value *out)
{
	struct metric_sums flow, stock;
	const struct metric_def *def = metric_def(id);
	long long at = stock_moment(to, f->now);

	memset(&flow, 0, sizeof(flow));
	memset(&stock, 0, sizeof(stock));
	if (def != NULL && def->stock)
		frame_stock(f, at, &stock);
	else
		frame_sum(f, metric_day_of(from), metric_day_of(to - 1) + 1, &flow);
	metric_eval(id, &flow, &stock, at, out);
}

size_t
metric_frame_series(struct arena *a, const struct metric_frame *f, enum metric_id id,
    long long from, long long to, enum metric_grain g, struct metric_point **out)
{
	long first = metric_day_of(from), last = metric_day_of(to - 1) + 1, d;
	size_t n = 0, cap = 0;
	struct metric_point *p;

	for (d = first; d < last; d = metric_bucket_next(d, g))
		cap++;
	p = arena_zalloc(a, sizeof(*p) * (cap + 1));
	for (d = first; d < last && n < cap; d = metric_bucket_next(d, g), n++) {
		long end = metric_bucket_next(d, g);
		p[n].from = metric_day_start(d);
		p[n].to = metric_day_start(end < last ? end : last);
		metric_frame_eval(f, id, p[n].from, p[n].to, &p[n].v);
	}
	*out = p;
	return n;
}

void
metric_group_eval(const struct metric_group *g, enum metric_id id,
    const struct metric_filter *f, long long now, struct metric_value *out)
{
	metric_eval(id, &g->flow, &g->stock, stock_moment(f->to, now), out);
}

/* ---------------------------------------------------------- formatting */

static int
decimals_of(enum metric_id id)
{
	const struct metric_def *def = metric_def(id);

	return def != NULL && def->unit < METRIC_U__MAX ? unit_decimals[def->unit] : 1;
}

const char *
metric_number(struct arena *a, enum metric_id id, double v, int has)
{
	if (!has)
		return "";
	return arena_printf(a, "%.*f", decimals_of(id), v);
}

/* "39634.5" as "39,634.5": thousands grouped (arena). */
static const char *
group_digits(struct arena *a, const char *num)
{
	size_t n = strcspn(num, "."), lead = num[0] == '-', digits = n - lead, i, o = 0;
	char *out;

	if (digits <= 4)
		return num;
	out = arena_alloc(a, strlen(num) + digits / 3 + 1);
	for (i = 0; num[i] != '\0'; i++) {
		if (i > lead && i < n && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = num[i];
	}
	out[o] = '\0';
	return out;
}

/* v rounded to d decimals, as an integer count of 10^-d (no libm). */
static long long
round_to(double v, int d)
{
	while (d-- > 0)
		v *= 10;
	return (long long)(v < 0 ? v - 0.5 : v + 0.5);
}

const char *
metric_format(struct arena *a, enum metric_id id, const struct metric_value *v, const char *lang)
{
	const struct metric_def *def = metric_def(id);
	const char *num, *unit;
	int en = lang != NULL && strcmp(lang, "en") == 0;

	if (def == NULL || !v->has)
		return "—";
	/* Under an hour, "0.0 h" says nothing: whole minutes instead. */
	if (def->unit == METRIC_U_HOURS && v->value < 1.0) {
		unit = metric_unit_label(METRIC_U_MINUTES, lang);
		return arena_printf(a, en ? "%lld %s" : "%lld%s", round_to(v->value * 60, 0), unit);
	}
	num = group_digits(a, metric_number(a, id, v->value, 1));
	unit = metric_unit_label(def->unit, lang);
	/* English counts: "1 ticket", "2 tickets" (Chinese has no plural). */
	if (strcmp(num, "1") == 0)
		unit = metric_unit_label_one(def->unit, lang);
	if (def->unit == METRIC_U_PERCENT || !en)
		return arena_printf(a, "%s%s", num, unit);
	return arena_printf(a, "%s %s", num, unit);
}

enum metric_trend
metric_trend(enum metric_id id, const struct metric_value *cur, const struct metric_value *prev,
    int *good)
{
	const struct metric_def *def = metric_def(id);
	long long c, p;

	*good = 0;
	if (def == NULL || !cur->has || !prev->has)
		return METRIC_TREND_NONE;
	/* Compare what the reader sees: the numbers as displayed. */
	c = round_to(cur->value, decimals_of(id));
	p = round_to(prev->value, decimals_of(id));
	if (c == p)
		return METRIC_TREND_FLAT;
	*good = def->better * (c > p ? 1 : -1);
	return c > p ? METRIC_TREND_UP : METRIC_TREND_DOWN;
}

/* ----------------------------------------------------------------- CSV */

/* 1 when s is a plain decimal number ("-1", "-0.5"): a value, not a
 * formula, for every spreadsheet ("-2+3" is not). */
static int
csv_plain_number(const char *s)
{
	int digits = 0, dot = 0;

	if (*s == '-')
		s++;
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (*s == '.' && !dot && digits > 0)
			dot = 1;
		else
			return 0;
	}
	return digits > 0 && s[-1] != '.';
}

char *
metric_csv_field(struct arena *a, const char *s)
{
	int formula, quote;
	size_t n, i, o = 0;
	char *out;

	if (s == NULL)
		s = "";
	formula = strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0' && !csv_plain_number(s);
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (!formula && !quote)
		return arena_strdup(a, s);
	n = strlen(s);
	out = arena_alloc(a, 2 * n + 4);
	if (quote)
		out[o++] = '"';
	if (formula)
		out[o++] = '\'';
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			out[o++] = '"';
		out[o++] = s[i];
	}
	if (quote)
		out[o++] = '"';
	out[o] = '\0';
	return out;
}
