/* The desk's knowledge base ("knowledge finds the person") and maintenance
 * plans: pages, the helpers they share, and the KB section of the ticket
 * page. Routes and catalog: kb_routes.c, kb_msgs.c (desk_kb_routes and
 * desk_msgs_kb of desk.h).
 *
 * Who: every desk user (technician, agent, supervisor, admin) reads and
 * votes on published articles; agents and up write articles, see drafts
 * and manage maintenance plans. */
#ifndef SL_DESK_KB_H
#define SL_DESK_KB_H

#include <stddef.h>
#include "db.h"

struct arena;
struct form_check;
struct req;
typedef struct tmpl_dict tmpl_dict;

#define KB_MATCHES_MAX       5     /* articles shown on a ticket */
#define KB_MATCH_MAX_TOKENS  48    /* tokens of a ticket OR-ed into the match */
#define KB_TITLE_MAX         200   /* characters */
#define KB_BODY_MAX          16000 /* characters: fits TEXT even in 4-byte UTF-8 */
#define KB_TAGS_MAX          10
#define KB_TAG_MAX           20    /* characters of one tag */

/* --- the section for the ticket page (kb_ticket.c) -------------------------
 * Fill d, the dictionary of the snippet templates/desk/kb_ticket.tpl, with
 * the published articles best matching ticket_id: section KB_MATCHES (ID,
 * TITLE, KIND, KIND_LABEL, YES, NO) once per article, at most
 * KB_MATCHES_MAX, best first; section KB_NONE when nothing matches;
 * section KB_DOWN when the database failed. Wiring, in the ticket page:
 *     kb_ticket_section(r, tmpl_add_include(d, "KB_TICKET", "desk/kb_ticket.tpl"), id);
 * The caller has already checked that the user may see the ticket.
 * Returns 0, or -1 when the database failed (the section says so). */
int	kb_ticket_section(struct req *, tmpl_dict *, long long ticket_id);
/* The same for the ticket page: each match with buttons that insert its
 * text or link into the reply box (POST /desk/tickets/<id>/compose). */
int	kb_ticket_section_insert(struct req *, tmpl_dict *, long long ticket_id);

/* --- pages ------------------------------------------------------------------ */
int	kb_list_get(struct req *);          /* GET  /desk/kb */
int	kb_new_get(struct req *);           /* GET  /desk/kb/new */
int	kb_new_post(struct req *);          /* POST /desk/kb/new */
int	kb_article_get(struct req *);       /* GET  /desk/kb/<id> */
int	kb_edit_get(struct req *);          /* GET  /desk/kb/<id>/edit */
int	kb_edit_post(struct req *);         /* POST /desk/kb/<id>/edit */
int	kb_vote_post(struct req *);         /* POST /desk/kb/<id>/vote */
int	kb_ticket_get(struct req *);        /* GET  /desk/tickets/<id>/kb */
int	plans_list_get(struct req *);       /* GET  /desk/plans */
int	plans_new_get(struct req *);        /* GET  /desk/plans/new */
int	plans_new_post(struct req *);       /* POST /desk/plans/new */
int	plans_page_get(struct req *);       /* GET  /desk/plans/<id> */
int	plans_edit_post(struct req *);      /* POST /desk/plans/<id>/edit */
int	plans_generate_post(struct req *);  /* POST /desk/plans/<id>/generate */

/* --- helpers (kb_util.c) ------------------------------------------------------ */

/* 1 when the signed-in user may write articles and manage plans. */
int	kb_may_write(const struct req *);
/* The positive integer id of the route's first capture into *id; 0 when it
 * is not one (the caller answers 404). */
int	kb_route_id(const struct req *, long long *id);
/* s without leading/trailing white space (ASCII, U+3000); "" for NULL.
 * Returns s or an arena copy. */
const char *kb_trim(struct arena *, const char *s);
/* The tags of s normalised: split at , ， 、 ; ；, trimmed, Latin letters
 * lower-cased, duplicates and empties dropped, joined by ",". Returns the
 * arena string and sets *problem to NULL, or returns NULL with the catalog
 * key of the problem (too many, one too long). */
const char *kb_tags_normalise(struct arena *, const char *s, const char **problem);

/* Categories for a select: the active ones plus keep_id (the current value,
 * 0 for none), columns id, name_zh, name_en, active. */
enum db_rc kb_categories(struct arena *, long long keep_id, struct db_res **);
/* Section `section` once per category (ID, LABEL, SELECTED when its id is
 * selected). */
void	kb_fill_categories(struct req *, tmpl_dict *, const char *section,
	    const struct db_res *cats, const char *selected);
/* Validator of a category id: required or not, one of cats. *id = 0 when
 * empty and not required. */
const char *kb_check_category(const char *v, const struct db_res *cats, int required,
	    long long *id);
/* The name of category row i of cats in the request language. */
const char *kb_category_name(const struct req *, const struct db_res *cats, size_t i);

/* Article kinds, as stored ("faq", "case", "sop"), NULL-terminated. */
extern const char *const kb_kinds[];
/* Section `section` once per kind (VALUE, LABEL, SELECTED). */
void	kb_fill_kinds(struct req *, tmpl_dict *, const char *section, const char *selected);

#endif
