/* The metrics API for BI tools and other systems:
 *   GET  /api/v1/metrics             every metric (built-in and external)
 *   GET  /api/v1/metrics/<key>       its series: ?from=&to= (YYYY-MM-DD,
 *        both days included; default the last 30 days), grain=day|week|month,
 *        category= (id), team= (id), channel= (name)
 *   POST /api/v1/metrics/<key>/points  data points of an external metric
 * Keys need the scope metrics_read (GETs) or points_write (POST): 401
 * without a valid key, 403 without the scope.
 *
 * Points: a JSON array of at most EXT_MAX_POINTS objects {"at", "value",
 * "category", "team", "channel"}; every point is checked first and any
 * problem answers 422 listing each bad point by index and field, with
 * nothing stored; a valid call is stored in one transaction (ext_metric.h:
 * the same point again changes nothing, a new value replaces and is
 * recorded). The parser's limits are raised for this route only. */
#include "intake.h"
#include "api_json.h"
#include "arena.h"
#include "ext_metric.h"
#include "http.h"
#include "i18n.h"
#include "json_parse.h"
#include "metric_key.h"
#include "valid.h"

#include <limits.h>
#include <string.h>
#include <time.h>

#define API_POINTS_MAX_BYTES (4u * 1024 * 1024)
#define API_POINT_MEMBERS    8      /* a point has five members at most */
#define API_MAX_PROBLEMS     100    /* listed in one 422 */
#define API_SERIES_MAX_DAYS  3660
#define API_SERIES_DEFAULT   30     /* days */

static const struct json_limits points_limits = {
	API_POINTS_MAX_BYTES, EXT_MAX_POINTS, API_POINT_MEMBERS,
	1 + EXT_MAX_POINTS * (1 + API_POINT_MEMBERS)
};

static const char *const builtin_units[METRIC_U__MAX] = {
	[METRIC_U_TICKETS] = "tickets", [METRIC_U_MINUTES] = "minutes",
	[METRIC_U_HOURS] = "hours", [METRIC_U_PERCENT] = "percent",
	[METRIC_U_SCORE] = "score", [METRIC_U_UNITS] = "units",
};
static const char *const grain_names[] = { "day", "week", "month", NULL };

/* ---------------------------------------------------------------- list */

static void
put_metric(struct jw *w, const struct metric_info *m)
{
	jw_open(w, NULL, "{");
	jw_str(w, "key", m->key);
	jw_str(w, "source", m->external ? "external" : "builtin");
	jw_str(w, "name_zh", m->zh);
	jw_str(w, "name_en", m->en);
	jw_str(w, "definition_zh", m->def_zh);
	jw_str(w, "definition_en", m->def_en);
	if (m->ext != NULL) {
		jw_str(w, "unit", ext_unit_names[m->ext->unit]);
		if (m->ext->unit == EXT_U_CUSTOM)
			jw_str(w, "unit_label", m->ext->unit_label);
		jw_str(w, "aggregation", ext_agg_names[m->ext->agg]);
		jw_open(w, "dimensions", "[");
		if (m->ext->dim_category)
			jw_str(w, NULL, "category");
		if (m->ext->dim_team)
			jw_str(w, NULL, "team");
		if (m->ext->dim_channel)
			jw_str(w, NULL, "channel");
		jw_close(w, "]");
	} else {
		jw_str(w, "unit", builtin_units[m->unit]);
		jw_open(w, "dimensions", "[");
		jw_str(w, NULL, "category");
		jw_str(w, NULL, "team");
		jw_str(w, NULL, "channel");
		jw_close(w, "]");
	}
	jw_int(w, "better", m->better);
	jw_close(w, "}");
}

int
api_metrics_list(struct req *r)
{
	struct metric_info *all;
	struct jw w;
	long long key_id;
	size_t i, n;

	if (!api_auth(r, API_SCOPE_METRICS_READ, &key_id))
		return 0;
	if (metric_info_list(r->a, &all, &n) != DB_OK)
		return api_error(r, 503, "unavailable", NULL);
	jw_init(&w, r->a);
	jw_open(&w, "metrics", "[");
	for (i = 0; i < n; i++)
		put_metric(&w, &all[i]);
	jw_close(&w, "]");
	return api_send(r, 200, &w);
}

/* ---------------------------------------------------------------- series */

/* The query of a series into f and *g; NULL, or the name of the bad
 * parameter. */
static const char *
series_query(struct req *r, struct metric_filter *f, enum metric_grain *g)
{
	const char *v;
	long today = metric_day_of((long long)time(NULL)), from, to;
	int idx;

	memset(f, 0, sizeof(*f));
	to = today;
	if ((v = req_query(r, "to")) != NULL && *v != '\0' && metric_day_parse(v, &to) != 0)
		return "to";
	from = to - (API_SERIES_DEFAULT - 1);
	if ((v = req_query(r, "from")) != NULL && *v != '\0' && metric_day_parse(v, &from) != 0)
		return "from";
	if (from > to || to - from >= API_SERIES_MAX_DAYS)
		return "from";
	f->from = metric_day_start(from);
	f->to = metric_day_start(to + 1);
	*g = METRIC_DAY;
	if ((v = req_query(r, "grain")) != NULL && *v != '\0') {
		if (valid_choice(v, grain_names, &idx) != NULL)
			return "grain";
		*g = (enum metric_grain)idx;
	}
	if ((v = req_query(r, "category")) != NULL && *v != '\0' &&
	    valid_int(v, 1, LLONG_MAX, &f->category_id) != NULL)
		return "category";
	if ((v = req_query(r, "team")) != NULL && *v != '\0' &&
	    valid_int(v, 1, LLONG_MAX, &f->team_id) != NULL)
		return "team";
	if ((v = req_query(r, "channel")) != NULL && *v != '\0') {
		if (ticket_channel_parse(v) == TC__MAX)
			return "channel";
		f->channel = v;
	}
	return NULL;
}

int
api_metric_get(struct req *r)
{
	struct metric_filter f;
	struct metric_info m;
	struct metric_point *p;
	enum metric_grain g;
	const char *bad;
	struct jw w;
	long long key_id;
	size_t i, n;
	int found;

	if (!api_auth(r, API_SCOPE_METRICS_READ, &key_id))
		return 0;
	if (metric_info_by_key(r->a, r->params[0], &m, &found) != DB_OK)
		return api_error(r, 503, "unavailable", NULL);
	if (!found)
		return api_error(r, 404, "not_found", "no metric has this key");
	if ((bad = series_query(r, &f, &g)) != NULL)
		return api_error(r, 400, "invalid_parameter", bad);
	if (metric_series_key(r->a, m.key, &f, g, &p, &n) != DB_OK)
		return api_error(r, 503, "unavailable", NULL);
	jw_init(&w, r->a);
	jw_str(&w, "key", m.key);
	jw_str(&w, "unit", m.ext != NULL ? ext_unit_names[m.ext->unit] : builtin_units[m.unit]);
	jw_str(&w, "grain", grain_names[g]);
	jw_str(&w, "from", metric_day_text(r->a, metric_day_of(f.from)));
	jw_str(&w, "to", metric_day_text(r->a, metric_day_of(f.to - 1)));
	jw_open(&w, "points", "[");
	for (i = 0; i < n; i++) {
		jw_open(&w, NULL, "{");
		jw_str(&w, "from", metric_day_text(r->a, metric_day_of(p[i].from)));
		jw_str(&w, "to", metric_day_text(r->a, metric_day_of(p[i].to - 1)));
		if (p[i].v.has)
			jw_num(&w, "value", p[i].v.value);
		else
			jw_str(&w, "value", NULL);
		jw_int(&w, "n", p[i].v.n);
		jw_close(&w, "}");
	}
	jw_close(&w, "]");
	return api_send(r, 200, &w);
}

/* ---------------------------------------------------------------- points */

struct point_problem {
	size_t      index;
	const char *field;
	const char *key;
};

/* The text of a member for ext_point_check: a string, or (numbers_ok) a
 * number as written; NULL when absent or null. NULL, or a problem key. */
static const char *
member_text(const struct json_value *v, int string_ok, int number_ok, const char **out)
{
	*out = NULL;
	if (v == NULL || v->type == JSON_NULL)
		return NULL;
	if (v->type == JSON_NUMBER && number_ok) {
		*out = v->str;
		return NULL;
	}
	if (v->type == JSON_STRING && string_ok && strlen(v->str) == v->len) {
		*out = v->str;
		return NULL;
	}
	return string_ok ? "EXT_ERR_TYPE_STRING" : "EXT_ERR_TYPE_NUMBER";
}

/* Check point i (doc item) into *out; a problem into *pr: 1, else 0. */
static int
check_point(const struct ext_metric *m, const struct ext_dims *dims, const struct json_value *o,
    size_t i, struct ext_point *out, struct point_problem *pr)
{
	static const int string_ok[EXT_F__MAX] = { 1, 0, 1, 1, 1 };
	static const int number_ok[EXT_F__MAX] = { 0, 1, 1, 1, 0 };
	const char *text[EXT_F__MAX];
	enum ext_field f;
	size_t k;
	int j;

	pr->index = i;
	if (o->type != JSON_OBJECT) {
		pr->field = "";
		pr->key = "EXT_ERR_TYPE_OBJECT";
		return 1;
	}
	for (k = 0; k < o->n; k++) {
		for (j = 0; j < EXT_F__MAX; j++)
			if (strlen(ext_field_names[j]) == o->members[k].key_len &&
			    strcmp(ext_field_names[j], o->members[k].key) == 0)
				break;
		if (j == EXT_F__MAX) {
			pr->field = o->members[k].key;
			pr->key = "EXT_ERR_UNKNOWN_FIELD";
			return 1;
		}
	}
	for (j = 0; j < EXT_F__MAX; j++) {
		pr->field = ext_field_names[j];
		if ((pr->key = member_text(json_get(o, ext_field_names[j]), string_ok[j],
		    number_ok[j], &text[j])) != NULL)
			return 1;
	}
	if ((pr->key = ext_point_check(m, dims, text, out, &f)) != NULL) {
		pr->field = ext_field_names[f];
		return 1;
	}
	return 0;
}

/* 422 {"error": "invalid", "errors": [{"index", "field", "code", "message"}]} */
static int
points_invalid(struct req *r, const struct point_problem *pr, size_t n, size_t total)
{
	struct jw w;
	size_t i;

	jw_init(&w, r->a);
	jw_str(&w, "error", "invalid");
	jw_str(&w, "detail", "nothing was stored");
	jw_int(&w, "invalid_points", (long long)total);
	jw_open(&w, "errors", "[");
	for (i = 0; i < n; i++) {
		jw_open(&w, NULL, "{");
		jw_int(&w, "index", (long long)pr[i].index);
		jw_str(&w, "field", pr[i].field);
		jw_str(&w, "code", pr[i].key);
		jw_str(&w, "message", i18n(r->lang, pr[i].key));
		jw_close(&w, "}");
	}
	jw_close(&w, "]");
	return api_send(r, 422, &w);
}

/* The metric of the path for writing: 1, or 0 when answered (404, 409). */
static int
points_metric(struct req *r, struct ext_metric *m)
{
	int found;

	if (ext_metric_by_key(r->a, r->params[0], m, &found) != DB_OK) {
		api_error(r, 503, "unavailable", NULL);
		return 0;
	}
	if (!found) {
		api_error(r, 404, "not_found", metric_by_key(r->params[0]) != METRIC__MAX ?
		    "a built-in metric takes no points" : "no external metric has this key");
		return 0;
	}
	if (!m->active) {
		api_error(r, 409, "inactive", "this metric has been deactivated");
		return 0;
	}
	return 1;
}

static int
points_store(struct req *r, const struct ext_metric *m, const struct ext_point *pts, size_t n,
    long long key_id)
{
	struct ext_store_stats st;
	struct jw w;
	enum db_rc rc;

	rc = ext_points_store(m, pts, n, EXT_SRC_API, key_id, 0, &st);
	if (rc == DB_CONFLICT)
		return api_error(r, 409, "conflict", "try again");
	if (rc != DB_OK)
		return api_error(r, 503, "unavailable", NULL);
	jw_init(&w, r->a);
	jw_int(&w, "received", (long long)n);
	jw_int(&w, "added", (long long)st.added);
	jw_int(&w, "replaced", (long long)st.replaced);
	jw_int(&w, "unchanged", (long long)st.unchanged);
	return api_send(r, 200, &w);
}

int
api_points_post(struct req *r)
{
	const struct json_value *doc;
	struct point_problem *pr;
	struct ext_metric m;
	struct ext_dims dims;
	struct ext_point *pts;
	long long key_id;
	size_t off, i, np = 0, total = 0;
	enum json_err je;

	if (!api_auth(r, API_SCOPE_POINTS_WRITE, &key_id) || !points_metric(r, &m) ||
	    !api_json_ctype(r))
		return 0;
	je = json_parse_limits(r->a, r->raw_body, r->raw_len, &points_limits, &doc, &off);
	if (je == JSON_ERR_TOO_LARGE || je == JSON_ERR_TOO_MANY)
		return api_error(r, 413, "too_large", arena_printf(r->a,
		    "%s: at most %d points and %u bytes a call", json_err_str(je), EXT_MAX_POINTS,
		    API_POINTS_MAX_BYTES));
	if (je != JSON_OK)
		return api_error(r, 400, "malformed_json", arena_printf(r->a, "%s at byte %zu",
		    json_err_str(je), off));
	if (doc->type != JSON_ARRAY)
		return api_error(r, 400, "malformed_json", "the body must be a JSON array of points");
	if (doc->n == 0)
		return api_error(r, 400, "malformed_json", "no points");
	if (ext_dims_load(r->a, &dims) != DB_OK)
		return api_error(r, 503, "unavailable", NULL);
	pts = arena_alloc(r->a, sizeof(*pts) * doc->n);
	pr = arena_alloc(r->a, sizeof(*pr) * API_MAX_PROBLEMS);
	for (i = 0; i < doc->n; i++) {
		struct point_problem spare = { 0, "", "" };
		struct point_problem *slot = np < API_MAX_PROBLEMS ? &pr[np] : &spare;

		if (check_point(&m, &dims, doc->items[i], i, &pts[i], slot)) {
			total++;
			np += slot != &spare;
		}
	}
	if (total > 0)
		return points_invalid(r, pr, np, total);
	return points_store(r, &m, pts, doc->n, key_id);
}
