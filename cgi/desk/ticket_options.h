/* The option lists of the ticket page's assignment form (assignee, team),
 * rendered once per copy of the list and language instead of on every
 * page.
 *
 * Each option is rendered on its own by the snippet
 * templates/desk/ticket_option.tpl (AUTOESCAPE: names are escaped there,
 * as on the page), and the rendered options are kept in process memory
 * with the copy's number (db_cache.gen): a new copy of the list (its
 * version changed: users or teams edited, migration 032; or its time to
 * live ran out) is rendered again on its first page. A page gets the
 * options before the chosen one (<P>_BEFORE) and after it (<P>_AFTER),
 * which the page template writes as they are ({{<P>_BEFORE:none}}), and
 * the chosen one as section <P>_SEL (VALUE, LABEL) rendered by the page
 * template itself with "selected". */
#ifndef SL_DESK_TICKET_OPTIONS_H
#define SL_DESK_TICKET_OPTIONS_H

#include <stddef.h>
#include "arena.h"
#include "db_cache.h"

struct req;
typedef struct tmpl_dict tmpl_dict;

enum { TOPT_ZH, TOPT_EN, TOPT__LANGS };

/* One list's options in one language: html holds them one after the
 * other, option i is html[off[i] .. off[i + 1]). */
struct topt_html {
	char   *html;
	size_t *off;
	size_t  n;
};

struct topt_list {
	struct db_cache *src;        /* the rows: (id, name[, role]) */
	int              with_role;  /* label "name(role)" (the role in the language) */
	unsigned long    gen;        /* src->gen rendered; 0: not yet */
	struct arena     mem;        /* process memory of the rendered options */
	struct topt_html lang[TOPT__LANGS];
};
#define TOPT_LIST(cache, with_role) { (cache), (with_role), 0, { NULL, 0, 0 }, \
	{ { NULL, NULL, 0 }, { NULL, NULL, 0 } } }

/* Fill f for list l, whose rows (the copy db_cache_get just gave for
 * l->src) are rows, with the option of value current chosen (none when
 * NULL or not in the list): <prefix>_BEFORE, <prefix>_SEL, <prefix>_AFTER.
 * 0, or -1 when the snippet could not be rendered. */
int	topt_fill(struct req *, tmpl_dict *f, const char *prefix, struct topt_list *l,
	    const struct db_res *rows, const char *current);

#endif
