/* Confirmations after an action ("已记录到达"): the action answers 303 to
 * its page with ?done=<key>, and the page shows the catalog message of
 * that key once. Only keys of the table below map to a message; anything
 * else in the URL shows nothing, so no text of a link ever reaches the
 * page. static/js/field.js drops the parameter from the address bar, so
 * a reload does not confirm again. */
#ifndef SL_FLASH_H
#define SL_FLASH_H

struct req;
typedef struct tmpl_dict tmpl_dict;

/* The catalog key (FLASH_*) of done key k, or NULL when k is unknown. */
const char *flash_msg_key(const char *k);

/* 1 when k is a known done key (an action may name it in its redirect). */
int	flash_known(const char *k);

/* The id of the page element where the confirmation of k is shown, the
 * fragment of the redirect ("visit" for "arrived"); NULL when unknown. */
const char *flash_anchor(const char *k);

/* The path with ?done=k#anchor, for the 303 of an action (arena); the
 * path alone when k is unknown. */
const char *flash_url(struct req *, const char *path, const char *k);

/* When the request's ?done= names a known key: section FLASH (the top of
 * the page) and section FLASH_AT_<anchor> (at the element), each with
 * {{MSG}}, in d. Returns the section name FLASH_AT_<anchor> (arena), so
 * the page can set it in its includes too, or NULL. */
const char *flash_fill(struct req *, tmpl_dict *);

#endif
