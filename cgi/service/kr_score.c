/* OKR scoring (kr_score.h): progress per key-result type, expected
 * progress, status, bands and roll-ups. Pure arithmetic on doubles. */
#include "kr_score.h"

#include <math.h>
#include <string.h>

static const char *const type_names[KR_TYPE__MAX] = {
	"increase_to", "decrease_to", "stay_above", "stay_below", "milestone"
};
static const char *const status_names[OKR_STATUS__MAX] = {
	"no_data", "on_track", "at_risk", "off_track"
};
static const char *const band_names[OKR_BAND__MAX] = { "none", "red", "yellow", "green" };

/* A milestone not done is on track for the first half of the period, at
 * risk until 90 % of it, off track after. */
#define KR_MILESTONE_RISK 0.5
#define KR_MILESTONE_OFF  0.9

const char *
kr_type_name(enum kr_type t)
{
	return (unsigned)t < KR_TYPE__MAX ? type_names[t] : "";
}

static int
name_index(const char *s, const char *const *names, int n)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

int
kr_type_parse(const char *s)
{
	return name_index(s, type_names, KR_TYPE__MAX);
}

const char *
okr_status_name(enum okr_status s)
{
	return (unsigned)s < OKR_STATUS__MAX ? status_names[s] : "";
}

int
okr_status_parse(const char *s)
{
	return name_index(s, status_names, OKR_STATUS__MAX);
}

const char *
okr_band_name(enum okr_band b)
{
	return (unsigned)b < OKR_BAND__MAX ? band_names[b] : "";
}

double
kr_clip01(double x)
{
	if (isnan(x) || x < 0)
		return 0;
	return x > 1 ? 1 : x;
}

double
kr_elapsed(long long from, long long to, long long now)
{
	if (to <= from)
		return 1;
	return kr_clip01((double)(now - from) / (double)(to - from));
}

/* Share of the points meeting the threshold (above: >=, below: <=). */
static double
share_meeting(const struct kr_input *in, int above, int *has)
{
	size_t i, ok = 0, n = 0;

	for (i = 0; i < in->npoints; i++) {
		if (isnan(in->points[i]))
			continue;
		n++;
		if (above ? in->points[i] >= in->target : in->points[i] <= in->target)
			ok++;
	}
	*has = n > 0;
	return n > 0 ? (double)ok / (double)n : 0;
}

/* Linear progress from start towards target; dir +1 up, -1 down. When
 * target is not beyond start in that direction, the key result is met
 * (1) once current reaches target, else 0. */
static double
linear(double start, double target, double current, int dir)
{
	double span = target - start;

	if (dir * span <= 0)
		return dir * (current - target) >= 0 ? 1 : 0;
	return kr_clip01((current - start) / span);
}

void
kr_progress(const struct kr_input *in, struct kr_result *out)
{
	int has = in->has_current && !isnan(in->current);
	double p = 0;

	switch (in->type) {
	case KR_INCREASE_TO:
		p = has ? linear(in->start, in->target, in->current, 1) : 0;
		break;
	case KR_DECREASE_TO:
		p = has ? linear(in->start, in->target, in->current, -1) : 0;
		break;
	case KR_STAY_ABOVE:
		p = share_meeting(in, 1, &has);
		break;
	case KR_STAY_BELOW:
		p = share_meeting(in, 0, &has);
		break;
	case KR_MILESTONE:
		p = has && in->current != 0 ? 1 : 0;
		break;
	default:
		has = 0;
		break;
	}
	out->progress = has ? p : 0;
	out->has = has;
}

enum okr_status
kr_status(enum kr_type t, double progress, int has, double expected)
{
	if (!has)
		return OKR_NO_DATA;
	if (t == KR_MILESTONE) {
		if (progress >= 1 || expected <= KR_MILESTONE_RISK)
			return OKR_ON_TRACK;
		return expected <= KR_MILESTONE_OFF ? OKR_AT_RISK : OKR_OFF_TRACK;
	}
	/* Compared in thousandths so that 0.6 against 0.7 - 0.1 is on track
	 * whatever the binary rounding of the decimals. */
	if (lround(progress * 1000) >= lround((expected - KR_ON_TRACK_GAP) * 1000))
		return OKR_ON_TRACK;
	if (lround(progress * 1000) >= lround((expected - KR_AT_RISK_GAP) * 1000))
		return OKR_AT_RISK;
	return OKR_OFF_TRACK;
}

void
kr_evaluate(const struct kr_input *in, double elapsed, struct kr_result *out)
{
	kr_progress(in, out);
	out->expected = in->type == KR_STAY_ABOVE || in->type == KR_STAY_BELOW ? 1.0 :
	    kr_clip01(elapsed);
	out->status = kr_status(in->type, out->progress, out->has, out->expected);
}

enum okr_band
okr_band_of(double score, int has)
{
	long m;

	if (!has || isnan(score))
		return OKR_BAND_NONE;
	m = lround(kr_clip01(score) * 1000);
	if (m < 350)
		return OKR_BAND_RED;
	return m < 650 ? OKR_BAND_YELLOW : OKR_BAND_GREEN;
}

enum okr_status
okr_status_weakest(enum okr_status a, enum okr_status b)
{
	return a > b ? a : b;
}

double
okr_rollup(const struct okr_item *it, size_t n, int *has, enum okr_status *weakest)
{
	double wsum = 0, sum = 0, plain = 0;
	size_t i, k = 0;
	enum okr_status w = OKR_NO_DATA;

	for (i = 0; i < n; i++) {
		w = okr_status_weakest(w, it[i].status);
		if (!it[i].has)
			continue;
		k++;
		plain += kr_clip01(it[i].score);
		if (it[i].weight > 0) {
			wsum += it[i].weight;
			sum += it[i].weight * kr_clip01(it[i].score);
		}
	}
	if (weakest != NULL)
		*weakest = w;
	*has = k > 0;
	if (k == 0)
		return 0;
	return wsum > 0 ? sum / wsum : plain / (double)k;
}
