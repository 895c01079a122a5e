/* Spare-part demand forecasting: pure functions over a monthly usage
 * series (no I/O, no allocation), used by the part page of the desk.
 *
 * Method (the README copies this block)
 * -------------------------------------
 * Input: units used per calendar month (China time), oldest first, complete
 * months only (the running month is left out: half a month would read as a
 * drop in demand). The series starts at the part's first month (its
 * creation or first use, whichever is earlier) and covers at most the last
 * 12 complete months.
 *
 * The method depends on the series:
 *
 *   empty                 nothing known: forecast 0.
 *   1 or 2 months         simple moving average of those months.
 *   more than half of     intermittent demand: Croston's method with
 *   the months are 0      alpha = 0.1. Demand sizes z and the intervals p
 *                         between demands (in months) are smoothed
 *                         separately, only in months with demand:
 *                             z <- z + alpha (y - z),  p <- p + alpha (q - p)
 *                         where q is the number of months since the last
 *                         demand; initial z is the first demand, initial p
 *                         the number of months up to and including it. The
 *                         forecast per month is z / p (no bias correction).
 *   otherwise             Holt's linear exponential smoothing (double
 *                         exponential smoothing) with FIXED alpha = 0.5
 *                         (level) and beta = 0.3 (trend) — fixed rather than
 *                         fitted, because a year of monthly data is too
 *                         short to fit two parameters reliably, and fixed
 *                         values make every number on the page reproducible
 *                         by hand:
 *                             l0 = y0,  b0 = y1 - y0
 *                             lt = alpha yt + (1 - alpha)(l(t-1) + b(t-1))
 *                             bt = beta (lt - l(t-1)) + (1 - beta) b(t-1)
 *                         forecast h months ahead: l + h b, never below 0.
 *
 * Uncertainty: sigma is the root mean square of the one-step-ahead errors
 * (actual minus the forecast made the month before) over the months each
 * method really forecast: moving average from the 2nd month, Holt from the
 * 3rd (the 2nd is fitted exactly by b0), Croston from the month after the
 * first demand. No error yet: sigma = 0.
 *
 * Suggested reorder quantity, with the lead time L in months (lead time in
 * days / 30.4375, the mean month):
 *     demand over lead time  D  = sum of the monthly forecasts over L
 *                                  (Holt: l + h b per month h, the last month
 *                                  pro rata; the other methods: L x forecast)
 *     safety stock           SS = z x sigma x sqrt(L), z = 1.65 (about 95 %
 *                                  of lead times without a stock-out)
 *     suggestion             max(0, ceil(D + SS - stock on hand))
 */
#ifndef SL_FORECAST_H
#define SL_FORECAST_H

#include <stddef.h>

#define FORECAST_HOLT_ALPHA     0.5
#define FORECAST_HOLT_BETA      0.3
#define FORECAST_CROSTON_ALPHA  0.1
#define FORECAST_SERVICE_Z      1.65
#define FORECAST_DAYS_PER_MONTH 30.4375
#define FORECAST_MAX_MONTHS     120      /* longer series: only the last ones count */

enum forecast_method {
	FORECAST_NONE = 0,      /* no history */
	FORECAST_SMA,           /* simple moving average (1-2 months) */
	FORECAST_HOLT,          /* Holt's linear exponential smoothing */
	FORECAST_CROSTON,       /* Croston's method (intermittent demand) */
	FORECAST__MAX
};

struct forecast {
	enum forecast_method method;
	size_t               n;         /* months used */
	double               level;     /* Holt l, else the per-month forecast */
	double               trend;     /* Holt b, else 0 */
	double               next;      /* forecast for the next month, >= 0 */
	double               sigma;     /* RMS of the one-step-ahead errors */
	size_t               nerrors;   /* how many errors sigma is made of */
};

/* Forecast from y[0..n-1] (units per month, oldest first; negative values
 * count as 0). Fills *out; never fails. */
void	forecast_monthly(const double *y, size_t n, struct forecast *out);

/* The forecast for the month h >= 1 months ahead (h = 1 is out->next). */
double	forecast_at(const struct forecast *, int h);

/* Expected demand over a lead time of `months` (>= 0, fractional). */
double	forecast_lead_demand(const struct forecast *, double months);

/* z * sigma * sqrt(months). */
double	forecast_safety_stock(const struct forecast *, double z, double months);

/* Suggested order: max(0, ceil(lead demand + safety stock - stock)), with
 * the lead time in days. */
long long forecast_reorder_qty(const struct forecast *, double lead_days, double z,
	    long long stock);

/* "none", "sma", "holt", "croston". */
const char *forecast_method_name(enum forecast_method);

#endif
