/* Spare-part demand forecasting: see forecast.h for the method. No libm:
 * the square root is Newton's iteration, and the only roundings needed are
 * of small non-negative numbers (months of lead time, units to order). */
#include "forecast.h"

#include <string.h>

#define EPS 1e-9

/* Square root of x >= 0 (0 for anything else), to the last bit or one. */
static double
fc_sqrt(double x)
{
	double g, prev = 0;
	int i;

	if (!(x > 0))
		return 0;
	g = x > 1 ? x : 1;
	for (i = 0; i < 2000 && g != prev; i++) {
		prev = g;
		g = 0.5 * (g + x / g);
	}
	return g;
}

/* floor and ceil of 0 <= x < 2^62. */
static double
fc_floor(double x)
{
	return (double)(long long)x;
}

static long long
fc_ceil(double x)
{
	long long k = (long long)x;

	return (double)k < x ? k + 1 : k;
}

static double
clamp0(double v)
{
	return v > 0 ? v : 0;
}

/* Running sum of squared one-step-ahead errors. */
struct errs {
	double sse;
	size_t n;
};

static void
errs_add(struct errs *e, double actual, double predicted)
{
	double d = actual - predicted;

	e->sse += d * d;
	e->n++;
}

static void
errs_done(const struct errs *e, struct forecast *out)
{
	out->nerrors = e->n;
	out->sigma = e->n > 0 ? fc_sqrt(e->sse / (double)e->n) : 0;
}

/* Mean of all months; errors of the running mean from the 2nd month. */
static void
fc_sma(const double *y, size_t n, struct forecast *out)
{
	struct errs e = { 0, 0 };
	double sum = 0;
	size_t t;

	for (t = 0; t < n; t++) {
		if (t > 0)
			errs_add(&e, clamp0(y[t]), sum / (double)t);
		sum += clamp0(y[t]);
	}
	out->method = FORECAST_SMA;
	out->level = sum / (double)n;
	out->next = out->level;
	errs_done(&e, out);
}

static void
fc_holt(const double *y, size_t n, struct forecast *out)
{
	const double a = FORECAST_HOLT_ALPHA, b = FORECAST_HOLT_BETA;
	struct errs e = { 0, 0 };
	double l = clamp0(y[0]), tr = clamp0(y[1]) - clamp0(y[0]), prev;
	size_t t;

	for (t = 1; t < n; t++) {
		double yt = clamp0(y[t]);

		if (t >= 2)
			errs_add(&e, yt, l + tr);
		prev = l;
		l = a * yt + (1 - a) * (l + tr);
		tr = b * (l - prev) + (1 - b) * tr;
	}
	out->method = FORECAST_HOLT;
	out->level = l;
	out->trend = tr;
	out->next = clamp0(l + tr);
	errs_done(&e, out);
}

static void
fc_croston(const double *y, size_t n, struct forecast *out)
{
	const double a = FORECAST_CROSTON_ALPHA;
	struct errs e = { 0, 0 };
	double z = 0, p = 0;
	size_t t, last = 0;
	int seen = 0;

	for (t = 0; t < n; t++) {
		double yt = clamp0(y[t]);

		if (seen)
			errs_add(&e, yt, z / p);
		if (yt <= 0)
			continue;
		if (!seen) {
			z = yt;
			p = (double)(t + 1);
			seen = 1;
		} else {
			z += a * (yt - z);
			p += a * ((double)(t - last) - p);
		}
		last = t;
	}
	out->method = FORECAST_CROSTON;
	out->level = seen ? z / p : 0;
	out->next = out->level;
	errs_done(&e, out);
}

void
forecast_monthly(const double *y, size_t n, struct forecast *out)
{
	size_t t, zeros = 0;

	memset(out, 0, sizeof(*out));
	if (n > FORECAST_MAX_MONTHS) {
		y += n - FORECAST_MAX_MONTHS;
		n = FORECAST_MAX_MONTHS;
	}
	out->n = n;
	if (y == NULL || n == 0) {
		out->method = FORECAST_NONE;
		out->n = 0;
		return;
	}
	if (n < 3) {
		fc_sma(y, n, out);
		return;
	}
	for (t = 0; t < n; t++)
		if (y[t] <= 0)
			zeros++;
	if (2 * zeros > n)
		fc_croston(y, n, out);
	else
		fc_holt(y, n, out);
}

double
forecast_at(const struct forecast *f, int h)
{
	if (h < 1)
		return 0;
	if (f->method == FORECAST_HOLT)
		return clamp0(f->level + (double)h * f->trend);
	return f->next;
}

double
forecast_lead_demand(const struct forecast *f, double months)
{
	double sum = 0, whole;
	int h;

	if (!(months > 0))
		return 0;
	if (f->method != FORECAST_HOLT)
		return f->next * months;
	if (months > 1200)
		months = 1200;
	whole = fc_floor(months);
	for (h = 1; h <= (int)whole; h++)
		sum += forecast_at(f, h);
	return sum + (months - whole) * forecast_at(f, (int)whole + 1);
}

double
forecast_safety_stock(const struct forecast *f, double z, double months)
{
	if (!(months > 0) || !(z > 0))
		return 0;
	return z * f->sigma * fc_sqrt(months);
}

long long
forecast_reorder_qty(const struct forecast *f, double lead_days, double z, long long stock)
{
	double months = lead_days > 0 ? lead_days / FORECAST_DAYS_PER_MONTH : 0;
	double need = forecast_lead_demand(f, months) + forecast_safety_stock(f, z, months) -
	    (double)stock;

	if (need <= EPS)
		return 0;
	if (need > 1e15)
		return (long long)1e15;
	return fc_ceil(need - EPS);
}

const char *
forecast_method_name(enum forecast_method m)
{
	static const char *const names[FORECAST__MAX] = { "none", "sma", "holt", "croston" };

	return m < FORECAST__MAX ? names[m] : "none";
}
