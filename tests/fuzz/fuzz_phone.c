/* libFuzzer entry point for phone_parse() (cgi/core/phone.c) and the
 * search tokenizer it feeds: whatever the bytes, an accepted number comes
 * out in one of the two canonical shapes and reads back as itself, a
 * refused one leaves "" and a message key; the tokens of any text are
 * [a-z0-9] words separated by single spaces. */
// fuzz-sources: cgi/core/phone.c cgi/service/search.c cgi/core/arena.c
// fuzz-max-len: 256
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "phone.h"
#include "search.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* 1[3-9]NNNNNNNNN, or 0AREA-NUMBER[-EXT]. */
static int
canonical(const char *s, enum phone_kind k)
{
	size_t n = strlen(s), area, num;
	const char *d1, *d2;

	if (k == PHONE_MOBILE)
		return n == 11 && all_digits(s, n) && s[0] == '1' && s[1] >= '3';
	if ((d1 = strchr(s, '-')) == NULL || s[0] != '0')
		return 0;
	area = (size_t)(d1 - s);
	d2 = strchr(d1 + 1, '-');
	num = d2 != NULL ? (size_t)(d2 - d1 - 1) : strlen(d1 + 1);
	return (area == 3 || area == 4) && all_digits(s, area) && num >= 7 && num <= 8 &&
	    all_digits(d1 + 1, num) && d1[1] != '0' &&
	    (d2 == NULL || (strlen(d2 + 1) >= 1 && strlen(d2 + 1) <= 6 &&
	    all_digits(d2 + 1, strlen(d2 + 1))));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), out[PHONE_MAX], again[PHONE_MAX];
	const char *problem = NULL, *t;
	enum phone_kind k;
	struct arena a;

	if (s == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	k = phone_parse(s, out, &problem);
	if (k == PHONE_INVALID) {
		if (out[0] != '\0' || problem == NULL)
			abort();
	} else if (!canonical(out, k) || phone_parse(out, again, NULL) != k ||
	    strcmp(out, again) != 0) {
		abort();
	}
	arena_init(&a);
	for (t = search_tokens(&a, s); *t != '\0'; t++)
		if (!((*t >= 'a' && *t <= 'z') || (*t >= '0' && *t <= '9') ||
		    (*t == ' ' && t[1] != ' ' && t[1] != '\0')))
			abort();
	(void)phone_tel(&a, s);
	arena_free(&a);
	free(s);
	return 0;
}
