/* Kept pages with token holes: kept_page.h. */
#include "kept_page.h"
#include "arena.h"

#include <stdlib.h>
#include <string.h>

int
kept_page_fresh(const struct kept_page *k, long long version)
{
	return k->html != NULL && k->version == version;
}

void
kept_page_drop(struct kept_page *k)
{
	free(k->html);
	k->html = NULL;
	k->len = 0;
	k->nholes = 0;
}

/* Where tok is in html[from..len), if it is there exactly once; else -1. */
static long long
find_once(const char *html, size_t len, size_t from, const char *tok)
{
	size_t tl = strlen(tok);
	const char *p, *again;

	if (tl == 0 || from > len)
		return -1;
	p = memmem(html + from, len - from, tok, tl);
	if (p == NULL)
		return -1;
	again = memmem(html, len, tok, tl);
	if (again != p || memmem(p + 1, len - (size_t)(p + 1 - html), tok, tl) != NULL)
		return -1;
	return (long long)(p - html);
}

int
kept_page_keep(struct kept_page *k, long long version, const char *html, size_t len,
    const char *const tokens[], size_t n)
{
	size_t i, from = 0;
	long long at;

	kept_page_drop(k);
	if (n > KEPT_PAGE_HOLES)
		return -1;
	for (i = 0; i < n; i++) {
		if ((at = find_once(html, len, from, tokens[i])) < 0)
			return -1;
		k->at[i] = (size_t)at;
		k->hole_len[i] = strlen(tokens[i]);
		from = k->at[i] + k->hole_len[i];
	}
	if ((k->html = malloc(len + 1)) == NULL)
		return -1;
	memcpy(k->html, html, len);
	k->html[len] = '\0';
	k->len = len;
	k->nholes = n;
	k->version = version;
	return 0;
}

char *
kept_page_fill(struct arena *a, const struct kept_page *k, const char *const tokens[],
    size_t n, size_t *len)
{
	char *out;
	size_t i;

	if (k->html == NULL || n != k->nholes)
		return NULL;
	for (i = 0; i < n; i++)
		if (strlen(tokens[i]) != k->hole_len[i])
			return NULL;
	out = arena_alloc(a, k->len + 1);
	memcpy(out, k->html, k->len + 1);
	for (i = 0; i < n; i++)
		memcpy(out + k->at[i], tokens[i], k->hole_len[i]);
	*len = k->len;
	return out;
}
