/* Spare parts in the desk: the catalogue, stock per location, stock
 * movements, parts used on tickets, reorder alerts and the demand forecast.
 *
 *   parts.c         route table (desk_parts_routes), shared helpers
 *   parts_msgs.c    catalog (keys P_*)
 *   parts_list.c    GET  /desk/parts                  list, search, alerts
 *   parts_form.c    GET|POST /desk/parts/new, GET|POST /desk/parts/<id>/edit
 *   parts_page.c    GET  /desk/parts/<id>             stock, usage, forecast, moves
 *   parts_stock.c   POST /desk/parts/<id>/stock       receive, adjust, transfer
 *   parts_ticket.c  GET|POST /desk/tickets/<id>/parts parts used on a ticket
 *
 * Who: agents, supervisors and admins do everything; technicians see the
 * catalogue and record parts on the tickets assigned to them (any other
 * ticket answers 404, as on the ticket pages); viewers never reach /desk/.
 *
 * Stock is never negative: every decrement is one conditional UPDATE
 * ("... SET qty = qty - n WHERE ... AND qty >= n", one affected row or
 * nothing happened) inside the transaction that also writes the
 * append-only stock_moves row; part_stock has CHECK (qty >= 0) besides. */
#ifndef SL_DESK_PARTS_H
#define SL_DESK_PARTS_H

#include <stddef.h>
#include "db.h"

struct req;
struct arena;
typedef struct tmpl_dict tmpl_dict;

/* --- for the ticket page (cgi/desk/ticket_page.c) -------------------------
 *
 * Add the parts card of ticket_id to the page dictionary d as the include
 * PARTS_TICKET (templates/desk/parts_ticket.tpl; the page template places
 * it with {{>PARTS_TICKET}}): section PARTS_USED, one per part used (SKU,
 * NAME, QTY, UNIT, LOCATION, WHO, AT), PARTS_NONE when there is none, and
 * PARTS_FORM with the part and location options for recording a use (only
 * while the ticket is neither closed nor cancelled; PARTS_CLOSED instead).
 * The form posts to /desk/tickets/<id>/parts and comes back to the ticket
 * page on success. The caller has already checked that the signed-in user
 * may see the ticket. Returns 0, or -1 on a database error (answer 503). */
int	parts_ticket_section(struct req *, tmpl_dict *d, long long ticket_id);

/* For the queue or any desk page that wants the badge: how many active
 * parts are at or below their reorder level (the alerts of /desk/parts,
 * listed by /desk/parts?alerts=1). 0 and *n set, or -1 (db). */
int	parts_alert_count(struct req *, long long *n);

/* --- handlers ------------------------------------------------------------- */
int	parts_list_get(struct req *);
int	parts_new_get(struct req *);
int	parts_new_post(struct req *);
int	parts_edit_get(struct req *);
int	parts_edit_post(struct req *);
int	parts_page_get(struct req *);
int	parts_stock_post(struct req *);
int	parts_ticket_get(struct req *);
int	parts_ticket_post(struct req *);
int	parts_cats_post(struct req *);

/* --- shared by the parts pages (parts.c) ----------------------------------- */

#define PARTS_MAX_LOCATIONS 200

/* Columns of parts_locations(). */
enum { PL_ID, PL_NAME, PL_NAME_EN };

/* The route's first capture as a positive id: 1 and *id set, else 0. */
int	parts_route_id(const struct req *, long long *id);

/* The active stock locations in display order (columns PL_*). */
int	parts_locations(struct req *, struct db_res **out);

/* 1 when id is one of the locations. */
int	parts_location_ok(const struct db_res *locs, long long id);

/* The name of row i of res in the request language: column col (Chinese)
 * or, in English, column col + 1 when it is not empty. Points into res. */
const char *parts_text(const struct req *, const struct db_res *res, size_t i, size_t col);

/* <option>s of locs in section, the one whose id is the text selected
 * marked (sections VALUE, LABEL, SELECTED). */
void	parts_location_options(struct req *, tmpl_dict *, const char *section,
	    const struct db_res *locs, const char *selected);

/* s without leading/trailing white space (ASCII and U+3000); "" for NULL.
 * Points into s or into the arena. */
const char *parts_trim(struct arena *, const char *s);

/* A LIKE pattern matching s anywhere ("%s%" with \ % _ escaped), arena. */
const char *parts_like(struct arena *, const char *s);

/* The part page of part id (parts_page.c) from d (a page_dict, possibly
 * with the problems of a refused stock form already marked: its values are
 * then kept), with HTTP status; 404 when there is no such part. d is
 * consumed. */
int	parts_page_send(struct req *, long long id, int status, tmpl_dict *d);

/* The part picker of ticket ticket_id into f (the card's PARTS_FORM
 * section): sections HINT_CATEGORY, HINT_NEAR and PART_GROUP (LABEL, FITS)
 * with STOCK_OPT (VALUE "<part>-<location>", LOC, QTY_TEXT, EMPTY: no
 * stock, disabled; NEAR: serves the technician's region; SELECTED: equals
 * kept). Order and rules: parts_picker.c. 0, or -1 (db). */
int	parts_picker_fill(struct req *, tmpl_dict *f, long long ticket_id, const char *kept);

/* The categories card of part part_id into d (parts_cats.c): CAT_TIED
 * (NAME) per category it fits or CATS_NONE, CATS_SAVED after a save, and
 * for supervisors and admins CATS_FORM with CAT_BOX (FIELD, NAME,
 * CHECKED; kept: as the refused POST sent them). 0, or -1 (db). */
int	parts_cats_section(struct req *, tmpl_dict *d, long long part_id, int kept);

/* Send the error page for a db result: 503 when the database is down,
 * 409 on a lock conflict, else 500. Returns resp_error's result. */
int	parts_db_error(struct req *, enum db_rc rc);

#endif
