/* Spare parts: the route table merged into the desk by main.c, and the
 * helpers the parts pages share (see parts.h). */
#include "parts.h"
#include "desk.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "route.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

/* Who decides which parts fit which categories (catalogue policy). */
#define ROLES_CATALOGUE (ROLE_BIT(ROLE_SUPERVISOR) | ROLE_BIT(ROLE_ADMIN))

/* "/desk/parts/new" before "/desk/parts/:": the first match wins. */
static const struct route parts_routes[] = {
	{ "GET",  "/desk/parts",            ROLES_DESK,  0, parts_list_get, NULL },
	{ "GET",  "/desk/parts/new",        ROLES_AGENT, 0, parts_new_get, NULL },
	{ "POST", "/desk/parts/new",        ROLES_AGENT, 0, parts_new_post, NULL },
	{ "GET",  "/desk/parts/:",          ROLES_DESK,  0, parts_page_get, NULL },
	{ "GET",  "/desk/parts/:/edit",     ROLES_AGENT, 0, parts_edit_get, NULL },
	{ "POST", "/desk/parts/:/edit",     ROLES_AGENT, 0, parts_edit_post, NULL },
	{ "POST", "/desk/parts/:/stock",    ROLES_AGENT, 0, parts_stock_post, NULL },
	{ "POST", "/desk/parts/:/categories", ROLES_CATALOGUE, 0, parts_cats_post, NULL },
	{ "GET",  "/desk/tickets/:/parts",  ROLES_DESK,  0, parts_ticket_get, NULL },
	{ "POST", "/desk/tickets/:/parts",  ROLES_DESK,  0, parts_ticket_post, NULL },
};

const struct route *const desk_parts_routes = parts_routes;
const size_t desk_parts_nroutes = sizeof(parts_routes) / sizeof(parts_routes[0]);

static struct db_q q_locations = DB_Q(
    "SELECT id, name, name_en FROM stock_locations WHERE active = 1 ORDER BY sort, id LIMIT ?");

static struct db_q q_alerts = DB_Q(
    "SELECT COUNT(*) FROM parts p"
    " LEFT JOIN (SELECT part_id, SUM(qty) AS stock FROM part_stock GROUP BY part_id) s"
    "  ON s.part_id = p.id"
    " WHERE p.active = 1 AND COALESCE(s.stock, 0) <= p.reorder_level");


int
parts_route_id(const struct req *r, long long *id)
{
	return r->params[0] != NULL && valid_int(r->params[0], 1, LLONG_MAX, id) == NULL;
}

int
parts_alert_count(struct req *r, long long *n)
{
	struct db_res *res;

	*n = 0;
	if (db_query(r->a, &q_alerts, &res, "") != DB_OK)
		return -1;
	*n = db_get_int(res, 0, 0);
	return 0;
}

int
parts_locations(struct req *r, struct db_res **out)
{
	return db_query(r->a, &q_locations, out, "I", PARTS_MAX_LOCATIONS) == DB_OK ? 0 : -1;
}

int
parts_location_ok(const struct db_res *locs, long long id)
{
	size_t i;

	for (i = 0; i < locs->nrows; i++)
		if (db_get_int(locs, i, PL_ID) == id)
			return 1;
	return 0;
}

const char *
parts_text(const struct req *r, const struct db_res *res, size_t i, size_t col)
{
	const char *en;

	if (strcmp(r->lang, "en") == 0 && *(en = db_gets(res, i, col + 1)) != '\0')
		return en;
	return db_gets(res, i, col);
}

void
parts_location_options(struct req *r, tmpl_dict *d, const char *section,
    const struct db_res *locs, const char *selected)
{
	size_t i;

	for (i = 0; i < locs->nrows; i++) {
		tmpl_dict *o = tmpl_add_section(d, section);

		tmpl_set(o, "VALUE", db_gets(locs, i, PL_ID));
		tmpl_set(o, "LABEL", parts_text(r, locs, i, PL_NAME));
		if (selected != NULL && strcmp(selected, db_gets(locs, i, PL_ID)) == 0)
			tmpl_show_section(o, "SELECTED");
	}
}

const char *
parts_like(struct arena *a, const char *s)
{
	char *out = arena_alloc(a, 2 * strlen(s) + 3), *o = out;

	*o++ = '%';
	for (; *s != '\0'; s++) {
		if (*s == '\\' || *s == '%' || *s == '_')
			*o++ = '\\';
		*o++ = *s;
	}
	*o++ = '%';
	*o = '\0';
	return out;
}

int
parts_db_error(struct req *r, enum db_rc rc)
{
	switch (rc) {
	case DB_DOWN:
		return resp_error(r, 503, "ERR_DB_DOWN");
	case DB_CONFLICT:
		return resp_error(r, 409, "P_ERR_BUSY");
	default:
		return resp_error(r, 500, "ERR_INTERNAL");
	}
}
