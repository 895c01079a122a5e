/* The part picker of a ticket's parts card: one <select name="pick"> of
 * "<part id>-<location id>" options, grouped by part (<optgroup>), each
 * location with its stock. Order, so the likely choice is on top:
 *  - the parts tied to the ticket's category (part_categories) first,
 *    then the others, each by SKU;
 *  - within a part, the locations serving the technician's region first
 *    (the ticket's assignee, else the signed-in user; matched with the
 *    dispatch region rule, cgi/service/dispatch.h, in either direction:
 *    a 上海 warehouse serves a technician of 上海浦东), then by their order.
 * A location without stock is shown "0 — 缺货" and disabled: it cannot be
 * picked (and the use itself refuses it: parts_ticket.c). */
#include "parts.h"
#include "arena.h"
#include "db.h"
#include "dispatch.h"
#include "i18n.h"
#include "http.h"
#include "tmpl.h"

#include <stdlib.h>
#include <string.h>

#define PICK_PARTS_MAX 2000

static struct db_q q_ctx = DB_Q(
    "SELECT COALESCE(t.category_id, 0), COALESCE(c.name_zh, ''), COALESCE(c.name_en, ''),"
    " COALESCE(u.region, ''), COALESCE(u.name, '')"
    " FROM tickets t LEFT JOIN categories c ON c.id = t.category_id"
    " LEFT JOIN users u ON u.id = COALESCE(t.assignee_id, ?) WHERE t.id = ?");
static struct db_q q_locs = DB_Q(
    "SELECT id, name, name_en, region FROM stock_locations WHERE active = 1"
    " ORDER BY sort, id LIMIT ?");
static struct db_q q_parts = DB_Q(
    "SELECT p.id, p.sku, p.name_zh, p.name_en, p.unit,"
    " EXISTS (SELECT 1 FROM part_categories pc WHERE pc.part_id = p.id AND pc.category_id = ?)"
    " AS fits FROM parts p WHERE p.active = 1 ORDER BY fits DESC, p.sku LIMIT ?");
static struct db_q q_stock = DB_Q(
    "SELECT s.part_id, s.location_id, s.qty FROM part_stock s"
    " JOIN parts p ON p.id = s.part_id AND p.active = 1"
    " JOIN stock_locations l ON l.id = s.location_id AND l.active = 1"
    " WHERE s.qty > 0 ORDER BY s.part_id, s.location_id");

enum { CX_CAT, CX_CAT_ZH, CX_CAT_EN, CX_REGION, CX_WHO };
enum { LC_ID, LC_NAME, LC_NAME_EN, LC_REGION };
enum { PC_ID, PC_SKU, PC_NAME_ZH, PC_NAME_EN, PC_UNIT, PC_FITS };
enum { SC_PART, SC_LOC, SC_QTY };

struct loc {
	size_t row;     /* in the locations result */
	int    near;    /* region match depth with the technician's region */
};

static int
loc_cmp(const void *va, const void *vb)
{
	const struct loc *a = va, *b = vb;

	if (a->near != b->near)
		return b->near - a->near;
	return a->row < b->row ? -1 : a->row > b->row;
}

/* The locations in picker order (arena). */
static struct loc *
locs_ordered(struct req *r, const struct db_res *locs, const char *region)
{
	struct loc *o = arena_alloc(r->a, (locs->nrows + 1) * sizeof(*o));
	size_t i;

	for (i = 0; i < locs->nrows; i++) {
		const char *lr = db_gets(locs, i, LC_REGION);
		int a = dispatch_region_depth(region, lr), b = dispatch_region_depth(lr, region);

		o[i].row = i;
		o[i].near = a > b ? a : b;
	}
	qsort(o, locs->nrows, sizeof(*o), loc_cmp);
	return o;
}

/* The stock of part at loc from the rows of q_stock (sorted by part, then
 * location; a binary search for the part's first row): 0 without a row. */
static long long
stock_of(const struct db_res *st, long long part, long long loc)
{
	size_t lo = 0, hi = st->nrows;

	while (lo < hi) {   /* first row of part */
		size_t mid = lo + (hi - lo) / 2;

		if (db_get_int(st, mid, SC_PART) < part)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < st->nrows && db_get_int(st, lo, SC_PART) == part; lo++)
		if (db_get_int(st, lo, SC_LOC) == loc)
			return db_get_int(st, lo, SC_QTY);
	return 0;
}

/* The options of part row i: one per location. */
static void
fill_part(struct req *r, tmpl_dict *g, const struct db_res *parts, size_t i,
    const struct db_res *locs, const struct loc *order, const struct db_res *st,
    const char *kept)
{
	long long part = db_get_int(parts, i, PC_ID);
	const char *unit = db_gets(parts, i, PC_UNIT);
	size_t j;

	for (j = 0; j < locs->nrows; j++) {
		size_t l = order[j].row;
		long long loc = db_get_int(locs, l, LC_ID), qty = stock_of(st, part, loc);
		const char *value = arena_printf(r->a, "%lld-%lld", part, loc);
		tmpl_dict *o = tmpl_add_section(g, "STOCK_OPT");

		tmpl_set(o, "VALUE", value);
		tmpl_set(o, "LOC", parts_text(r, locs, l, LC_NAME));
		if (qty > 0)
			tmpl_set(o, "QTY_TEXT", arena_printf(r->a, "%s %lld %s",
			    i18n(r->lang, "P_IN_STOCK"), qty, unit));
		else
			tmpl_set(o, "QTY_TEXT", i18n(r->lang, "P_OUT_OF_STOCK"));
		if (qty <= 0)
			tmpl_show_section(o, "EMPTY");
		if (order[j].near > 0)
			tmpl_show_section(o, "NEAR");
		if (kept != NULL && strcmp(kept, value) == 0)
			tmpl_show_section(o, "SELECTED");
	}
}

int
parts_picker_fill(struct req *r, tmpl_dict *f, long long ticket_id, const char *kept)
{
	struct db_res *cx, *locs, *parts, *st;
	const struct loc *order;
	long long cat;
	size_t i;

	if (db_query(r->a, &q_ctx, &cx, "ii", r->user->id, ticket_id) != DB_OK ||
	    cx->nrows != 1 ||
	    db_query(r->a, &q_locs, &locs, "I", PARTS_MAX_LOCATIONS) != DB_OK)
		return -1;
	cat = db_get_int(cx, 0, CX_CAT);
	if (db_query(r->a, &q_parts, &parts, "iI", cat, PICK_PARTS_MAX) != DB_OK ||
	    db_query(r->a, &q_stock, &st, "") != DB_OK)
		return -1;
	order = locs_ordered(r, locs, db_gets(cx, 0, CX_REGION));
	if (cat > 0 && parts->nrows > 0 && db_get_int(parts, 0, PC_FITS))
		tmpl_set(tmpl_add_section(f, "HINT_CATEGORY"), "CATEGORY",
		    db_gets(cx, 0, strcmp(r->lang, "en") == 0 ? CX_CAT_EN : CX_CAT_ZH));
	if (locs->nrows > 0 && order[0].near > 0) {
		tmpl_dict *h = tmpl_add_section(f, "HINT_NEAR");

		tmpl_set(h, "WHO", db_gets(cx, 0, CX_WHO));
		tmpl_set(h, "LOC", parts_text(r, locs, order[0].row, LC_NAME));
	}
	for (i = 0; i < parts->nrows; i++) {
		tmpl_dict *g = tmpl_add_section(f, "PART_GROUP");

		tmpl_set(g, "LABEL", arena_printf(r->a, "%s %s%s", db_gets(parts, i, PC_SKU),
		    parts_text(r, parts, i, PC_NAME_ZH), db_get_int(parts, i, PC_FITS) ?
		    i18n(r->lang, "P_FITS_SUFFIX") : ""));
		if (db_get_int(parts, i, PC_FITS))
			tmpl_show_section(g, "FITS");
		fill_part(r, g, parts, i, locs, order, st, kept);
	}
	return 0;
}
