/* Shared by the okr pages: the ownership rule, ids, numbers, the score,
 * status and key-result fragments of the templates, option lists. */
#include "okr_pages.h"
#include "arena.h"
#include "metric_key.h"
#include "valid.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct db_q q_users = DB_Q(
    "SELECT id, name FROM users WHERE active = 1 ORDER BY name, id");
static struct db_q q_teams = DB_Q("SELECT id, name FROM teams ORDER BY name, id");
static struct db_q q_user_ok = DB_Q("SELECT 1 FROM users WHERE id = ? AND active = 1");
static struct db_q q_team_ok = DB_Q("SELECT 1 FROM teams WHERE id = ?");
static struct db_q q_obj_cycle = DB_Q("SELECT cycle_id FROM okr_objectives WHERE id = ?");
static struct db_q q_kr_cycle = DB_Q(
    "SELECT o.cycle_id FROM okr_krs k JOIN okr_objectives o ON o.id = k.objective_id"
    " WHERE k.id = ?");

long long
okr_now(void)
{
	return (long long)time(NULL);
}

int
okr_is_manager(const struct req *r)
{
	return r->user != NULL &&
	    (r->user->role == ROLE_ADMIN || r->user->role == ROLE_SUPERVISOR);
}

int
okr_may_edit(const struct req *r, long long owner_a, long long owner_b)
{
	if (r->user == NULL)
		return 0;
	if (okr_is_manager(r))
		return 1;
	return (owner_a > 0 && owner_a == r->user->id) || (owner_b > 0 && owner_b == r->user->id);
}

long long
okr_param_id(const struct req *r, int i)
{
	long long id = 0;

	if (r->params[i] == NULL || valid_int(r->params[i], 1, 1LL << 53, &id) != NULL)
		return 0;
	return id;
}

int
okr_db_fail(struct req *r, enum db_rc rc)
{
	if (rc == DB_DOWN)
		return resp_error(r, 503, "ERR_DB_DOWN");
	if (rc == DB_CONFLICT)
		return resp_error(r, 409, "ERR_CONFLICT");
	return resp_error(r, 500, "ERR_INTERNAL");
}

const char *
okr_valid_number(const char *v, int required, double *out)
{
	char *end;
	double d;

	if (v == NULL || *v == '\0')
		return required ? "ERR_REQUIRED" : NULL;
	errno = 0;
	d = strtod(v, &end);
	if (errno != 0 || *end != '\0' || end == v || !isfinite(d) || fabs(d) > 1e12)
		return "ERR_INVALID";
	*out = d;
	return NULL;
}

const char *
okr_num(struct arena *a, double v)
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

void
okr_fill_score(struct req *r, tmpl_dict *d, double score, int has, double expected)
{
	enum okr_band b = okr_band_of(score, has);

	tmpl_set(d, "SCORE", has ? arena_printf(r->a, "%.2f", kr_clip01(score)) : "—");
	tmpl_set(d, "BAND", okr_band_name(b));
	tmpl_set(d, "BAND_LABEL", i18n(r->lang, arena_printf(r->a, "O_BAND_%s",
	    okr_band_name(b))));
	tmpl_set_int(d, "PCT", has ? lround(kr_clip01(score) * 100) : 0);
	tmpl_set_int(d, "EXP_PCT", lround(kr_clip01(expected) * 100));
}

void
okr_fill_status(struct req *r, tmpl_dict *d, enum okr_status s)
{
	tmpl_set(d, "STATUS", okr_status_name(s));
	tmpl_set(d, "STATUS_LABEL", i18n(r->lang, arena_printf(r->a, "O_ST_%s",
	    okr_status_name(s))));
}

/* The current value of a key result as shown: the metric's own format
 * for a bound one, the number and unit otherwise. */
static const char *
kr_current_text(struct req *r, const struct okr_kr *k)
{
	struct metric_info mi;
	struct metric_value v;
	int found = 0;

	if (!k->has_current)
		return "—";
	if (k->bound && metric_info_by_key(r->a, k->metric_key, &mi, &found) == DB_OK && found) {
		memset(&v, 0, sizeof(v));
		v.value = k->current;
		v.has = 1;
		v.n = k->sample_n;
		v.aux = METRIC_NONE;
		return metric_info_format(r->a, &mi, &v, r->lang);
	}
	return arena_printf(r->a, "%s%s", okr_num(r->a, k->current), k->unit);
}

void
okr_fill_kr(struct req *r, tmpl_dict *d, const struct okr_kr *k)
{
	tmpl_set_int(d, "ID", k->id);
	tmpl_set(d, "TITLE", k->title);
	tmpl_set(d, "TYPE", kr_type_name(k->type));
	tmpl_set(d, "TYPE_LABEL", i18n(r->lang, arena_printf(r->a, "O_TYPE_%s",
	    kr_type_name(k->type))));
	tmpl_set(d, "CURRENT", kr_current_text(r, k));
	tmpl_set(d, "START", okr_num(r->a, k->start));
	tmpl_set(d, "TARGET", okr_num(r->a, k->target));
	tmpl_set(d, "UNIT", k->unit);
	tmpl_set(d, "WEIGHT", okr_num(r->a, k->weight));
	tmpl_set(d, "OWNER", *k->owner_name != '\0' ? k->owner_name : "—");
	tmpl_set(d, "SOURCE_LABEL", i18n(r->lang, k->bound ? "O_SOURCE_METRIC" : "O_SOURCE_MANUAL"));
	tmpl_set(d, "CONFIDENCE", k->confidence);
	tmpl_set(d, "CONFIDENCE_LABEL", i18n(r->lang, arena_printf(r->a, "O_ST_%s", k->confidence)));
	okr_fill_score(r, d, k->res.progress, k->res.has, k->res.expected);
	okr_fill_status(r, d, k->res.status);
	if (k->stale)
		tmpl_show_section(d, "STALE");
	if (k->bound)
		tmpl_show_section(d, "BOUND");
}

void
okr_fill_cycle(struct req *r, tmpl_dict *d, const struct okr_cycle *c)
{
	tmpl_set_int(d, "CYCLE_ID", c->id);
	tmpl_set(d, "CYCLE_NAME", c->name);
	tmpl_set(d, "CYCLE_FROM", metric_day_text(r->a, c->first_day));
	tmpl_set(d, "CYCLE_TO", metric_day_text(r->a, c->last_day));
	tmpl_set(d, "CYCLE_STATE", okr_cycle_state_name(c->state));
	tmpl_set(d, "CYCLE_STATE_LABEL", i18n(r->lang, arena_printf(r->a, "O_CYCLE_%s",
	    okr_cycle_state_name(c->state))));
	tmpl_set_int(d, "CYCLE_VERSION", c->version);
	if (c->state == OKR_CLOSED)
		tmpl_show_section(d, "CYCLE_CLOSED");
	else
		tmpl_show_section(d, "CYCLE_OPEN");
}

static enum db_rc
fill_options(struct req *r, tmpl_dict *d, struct db_q *q, const char *section, long long sel)
{
	struct db_res *res;
	tmpl_dict *o;
	size_t i;
	enum db_rc rc;

	if ((rc = db_query(r->a, q, &res, "")) != DB_OK)
		return rc;
	for (i = 0; i < res->nrows; i++) {
		o = tmpl_add_section(d, section);
		tmpl_set(o, "OPT_ID", db_gets(res, i, 0));
		tmpl_set(o, "OPT_NAME", db_gets(res, i, 1));
		if (db_get_int(res, i, 0) == sel)
			tmpl_show_section(o, "OPT_SELECTED");
	}
	return DB_OK;
}

enum db_rc
okr_fill_users(struct req *r, tmpl_dict *d, const char *section, long long selected)
{
	return fill_options(r, d, &q_users, section, selected);
}

enum db_rc
okr_fill_teams(struct req *r, tmpl_dict *d, const char *section, long long selected)
{
	return fill_options(r, d, &q_teams, section, selected);
}

static enum db_rc
exists(struct req *r, struct db_q *q, long long id, int *ok)
{
	struct db_res *res;
	enum db_rc rc;

	*ok = 1;
	if (id == 0)
		return DB_OK;
	if ((rc = db_query(r->a, q, &res, "i", id)) != DB_OK)
		return rc;
	*ok = res->nrows == 1;
	return DB_OK;
}

enum db_rc
okr_user_exists(struct req *r, long long id, int *ok)
{
	return exists(r, &q_user_ok, id, ok);
}

enum db_rc
okr_team_exists(struct req *r, long long id, int *ok)
{
	return exists(r, &q_team_ok, id, ok);
}

static enum db_rc
load_board_of(struct req *r, struct db_q *q, long long id, struct okr_board *b)
{
	struct okr_cycle c;
	struct db_res *res;
	int found;
	enum db_rc rc;

	b->nobj = b->nkr = 0;
	b->cycle.id = 0;
	if ((rc = db_query(r->a, q, &res, "i", id)) != DB_OK || res->nrows != 1)
		return rc;
	if ((rc = okr_cycle_get(r->a, db_get_int(res, 0, 0), &c, &found)) != DB_OK || !found)
		return rc;
	return okr_board_load(r->a, &c, okr_now(), 0, 0, b);
}

enum db_rc
okr_load_for_objective(struct req *r, long long id, struct okr_board *b, long *idx)
{
	enum db_rc rc = load_board_of(r, &q_obj_cycle, id, b);

	*idx = rc == DB_OK ? okr_board_find_obj(b, id) : -1;
	return rc;
}

enum db_rc
okr_load_for_kr(struct req *r, long long id, struct okr_board *b, long *idx)
{
	enum db_rc rc = load_board_of(r, &q_kr_cycle, id, b);

	*idx = rc == DB_OK ? okr_board_find_kr(b, id) : -1;
	return rc;
}
