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

/* Section FLASH with {{MSG}} when the request's ?done= names a known key. */
void	flash_fill(struct req *, tmpl_dict *);

#endif
