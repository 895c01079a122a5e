/* A page a worker renders once and keeps, with holes where each request's
 * own tokens go (a csrf token, a form's idempotency key). A form that
 * looks the same for every visitor but for those tokens is then answered
 * by copying the kept page and writing the tokens into its holes, instead
 * of filling a dictionary and expanding the template on every request.
 *
 * The page is rendered through its template as usual, with the request's
 * own tokens as the values; kept_page_keep finds each token in the output
 * (exactly once, in order) and remembers where it is. The tokens are
 * random, so a token found once is the value the template put there. */
#ifndef SL_KEPT_PAGE_H
#define SL_KEPT_PAGE_H

#include <stddef.h>

struct arena;

#define KEPT_PAGE_HOLES 2

struct kept_page {
	char     *html;                     /* process memory; NULL: nothing kept */
	size_t    len;
	size_t    nholes;
	size_t    at[KEPT_PAGE_HOLES];      /* where each hole starts */
	size_t    hole_len[KEPT_PAGE_HOLES];
	long long version;                  /* what the page was rendered from */
};
#define KEPT_PAGE_INIT { NULL, 0, 0, { 0 }, { 0 }, 0 }

/* 1 when k holds a page rendered from version, else 0. */
int	kept_page_fresh(const struct kept_page *k, long long version);

/* Keep a copy of html (len bytes), rendered from version with tokens[i]
 * as the value of hole i (n holes, each token non-empty, in page order).
 * 0 kept; -1 when a token is not found exactly once after the one before
 * it (or n is too big, or out of memory): k then holds nothing. */
int	kept_page_keep(struct kept_page *k, long long version, const char *html, size_t len,
	    const char *const tokens[], size_t n);

/* The kept page with tokens[i] in hole i, in arena memory (NUL-terminated;
 * *len its length), or NULL when nothing is kept or a token's length is
 * not its hole's. */
char   *kept_page_fill(struct arena *a, const struct kept_page *k,
	    const char *const tokens[], size_t n, size_t *len);

/* Free what k keeps. */
void	kept_page_drop(struct kept_page *k);

#endif
