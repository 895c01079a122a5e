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
#include "ticket_page.h"
#include "arena.h"
#include "db.h"
#include "db_cache.h"
#include "dispatch.h"
#include "i18n.h"
#include "http.h"
#include "tmpl.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PICK_LISTS_TTL  300     /* seconds: bounds what the version cannot see */
/* A list longer than this is not kept but read for each view, as all were
 * before: the worker's memory stays small with a big catalogue (a stock
 * row costs ~70 bytes kept). */
#define PICK_KEEP_ROWS  4000

/* The ticket's side, when the ticket page did not load it: its category,
 * the assignee's (else the signed-in user's) region and name, and the
 * lists' version. */
static struct db_q q_ctx = DB_Q(
    "SELECT COALESCE(t.category_id, 0), COALESCE(c.name_zh, ''), COALESCE(c.name_en, ''),"
    " COALESCE(u.region, ''), COALESCE(u.name, ''),"
    " COALESCE((SELECT CAST(value AS SIGNED) FROM settings WHERE name = 'parts_version'), -1)"
    " FROM tickets t LEFT JOIN categories c ON c.id = t.category_id"
    " LEFT JOIN users u ON u.id = COALESCE(t.assignee_id, ?) WHERE t.id = ?");
/* The four lists, kept by the worker while settings.parts_version (read
 * with the ticket) stays the same: triggers bump it on every change of
 * their rows (migration 044). The parts in SKU order; the ones that fit
 * the ticket's category are put first here (fits_category). */
static struct db_q q_locs = DB_Q(
    "SELECT id, name, name_en, region FROM stock_locations WHERE active = 1"
    " ORDER BY sort, id LIMIT 200");
static struct db_q q_parts = DB_Q(
    "SELECT id, sku, name_zh, name_en, unit FROM parts WHERE active = 1"
    " ORDER BY sku LIMIT 2000");
static struct db_q q_fits = DB_Q(
    "SELECT category_id, part_id FROM part_categories ORDER BY category_id, part_id"
    " LIMIT 100000");
static struct db_q q_stock = DB_Q(
    "SELECT s.part_id, s.location_id, s.qty FROM part_stock s"
    " JOIN parts p ON p.id = s.part_id AND p.active = 1"
    " JOIN stock_locations l ON l.id = s.location_id AND l.active = 1"
    " WHERE s.qty > 0 ORDER BY s.part_id, s.location_id");
/* One of the four lists: kept, or read for each view while too long. */
struct pick_list {
	struct db_cache cache;
	int             per_view;   /* its last read had more than PICK_KEEP_ROWS rows */
};
#define PICK_LIST(q) { DB_CACHE((q), PICK_LISTS_TTL), 0 }
static struct pick_list locs_list = PICK_LIST(&q_locs);
static struct pick_list parts_list = PICK_LIST(&q_parts);
static struct pick_list fits_list = PICK_LIST(&q_fits);
static struct pick_list stock_list = PICK_LIST(&q_stock);

_Static_assert(PARTS_MAX_LOCATIONS == 200, "q_locs's LIMIT");

enum { CX_CAT, CX_CAT_ZH, CX_CAT_EN, CX_REGION, CX_WHO, CX_VERSION };
enum { LC_ID, LC_NAME, LC_NAME_EN, LC_REGION };
enum { PC_ID, PC_SKU, PC_NAME_ZH, PC_NAME_EN, PC_UNIT };
enum { FC_CATEGORY, FC_PART };
enum { SC_PART, SC_LOC, SC_QTY };

/* What the picker needs of its ticket (picker_ctx). */
struct picker_ctx {
	long long   category;      /* 0: none */
	const char *category_zh, *category_en;
	const char *region, *who;  /* the assignee's, else the signed-in user's */
	long long   version;       /* settings.parts_version; -1: unknown */
};

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

/* 1 when part fits category: a binary search in the rows of q_fits
 * (sorted by category, then part). */
static int
fits_category(const struct db_res *fits, long long category, long long part)
{
	size_t lo = 0, hi = fits->nrows;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		long long c = db_get_int(fits, mid, FC_CATEGORY), p = db_get_int(fits, mid, FC_PART);

		if (c < category || (c == category && p < part))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < fits->nrows && db_get_int(fits, lo, FC_CATEGORY) == category &&
	    db_get_int(fits, lo, FC_PART) == part;
}

/* List l for version (-1: unknown, read it now): the kept copy, or the
 * rows read into the request while the list is too long to keep (a copy
 * found too long is dropped on the next view). */
static enum db_rc
list_get(struct req *r, struct pick_list *l, long long version, const struct db_res **out)
{
	struct db_res *res;
	enum db_rc rc;

	if (version < 0 || l->per_view)
		db_cache_forget(&l->cache);
	if (l->per_view) {
		if ((rc = db_query(r->a, l->cache.q, &res, "")) != DB_OK)
			return rc;
		l->per_view = res->nrows > PICK_KEEP_ROWS;
		*out = res;
		return DB_OK;
	}
	if ((rc = db_cache_get(&l->cache, version, time(NULL), out)) != DB_OK)
		return rc;
	l->per_view = (*out)->nrows > PICK_KEEP_ROWS;
	return DB_OK;
}

/* What the picker needs of ticket_id: from the ticket page's row when it
 * loaded it, else read. 0, or -1 (db, or no such ticket). */
static int
picker_ctx(struct req *r, long long ticket_id, struct picker_ctx *cx)
{
	const struct desk_ticket *t = desk_ticket_loaded(r, ticket_id);
	struct db_res *res;

	if (t != NULL) {
		cx->category = t->category_id;
		cx->category_zh = t->category_zh;
		cx->category_en = t->category_en;
		cx->region = t->assignee_id > 0 ? t->assignee_region : r->user->region;
		cx->who = t->assignee_id > 0 ? t->assignee_name : r->user->name;
		cx->version = t->parts_version;
		return 0;
	}
	if (db_query(r->a, &q_ctx, &res, "ii", r->user->id, ticket_id) != DB_OK || res->nrows != 1)
		return -1;
	cx->category = db_get_int(res, 0, CX_CAT);
	cx->category_zh = db_gets(res, 0, CX_CAT_ZH);
	cx->category_en = db_gets(res, 0, CX_CAT_EN);
	cx->region = db_gets(res, 0, CX_REGION);
	cx->who = db_gets(res, 0, CX_WHO);
	cx->version = db_get_int(res, 0, CX_VERSION);
	return 0;
}

int
parts_picker_fill(struct req *r, tmpl_dict *f, long long ticket_id, const char *kept)
{
	const struct db_res *locs, *parts, *fits, *st;
	struct picker_ctx cx;
	const struct loc *order;
	size_t i, n, *rows;
	int *fit;

	if (picker_ctx(r, ticket_id, &cx) != 0 ||
	    list_get(r, &locs_list, cx.version, &locs) != DB_OK ||
	    list_get(r, &parts_list, cx.version, &parts) != DB_OK ||
	    list_get(r, &fits_list, cx.version, &fits) != DB_OK ||
	    list_get(r, &stock_list, cx.version, &st) != DB_OK)
		return -1;
	/* the parts that fit the ticket's category first, each group by SKU */
	rows = arena_alloc(r->a, (parts->nrows + 1) * sizeof(*rows));
	fit = arena_alloc(r->a, (parts->nrows + 1) * sizeof(*fit));
	for (i = 0; i < parts->nrows; i++)
		fit[i] = cx.category > 0 && fits_category(fits, cx.category, db_get_int(parts, i, PC_ID));
	for (n = 0, i = 0; i < parts->nrows; i++)
		if (fit[i])
			rows[n++] = i;
	if (n > 0)
		tmpl_set(tmpl_add_section(f, "HINT_CATEGORY"), "CATEGORY",
		    strcmp(r->lang, "en") == 0 ? cx.category_en : cx.category_zh);
	for (i = 0; i < parts->nrows; i++)
		if (!fit[i])
			rows[n++] = i;
	order = locs_ordered(r, locs, cx.region);
	if (locs->nrows > 0 && order[0].near > 0) {
		tmpl_dict *h = tmpl_add_section(f, "HINT_NEAR");

		tmpl_set(h, "WHO", cx.who);
		tmpl_set(h, "LOC", parts_text(r, locs, order[0].row, LC_NAME));
	}
	for (i = 0; i < n; i++) {
		tmpl_dict *g = tmpl_add_section(f, "PART_GROUP");
		size_t p = rows[i];

		tmpl_set(g, "LABEL", arena_printf(r->a, "%s %s%s", db_gets(parts, p, PC_SKU),
		    parts_text(r, parts, p, PC_NAME_ZH), fit[p] ? i18n(r->lang, "P_FITS_SUFFIX") : ""));
		if (fit[p])
			tmpl_show_section(g, "FITS");
		fill_part(r, g, parts, p, locs, order, st, kept);
	}
	return 0;
}
