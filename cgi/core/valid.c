#include "valid.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "parse.h"
#include "phone.h"
#include "tmpl.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define IDEOGRAPHIC_SPACE "\xE3\x80\x80"   /* U+3000, typed by Chinese IMEs */

static int
is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* Length of the white space at the start of s[0..n) (0 if none). */
static size_t
space_at(const char *s, size_t n)
{
	if (n >= 1 && is_ascii_space(s[0]))
		return 1;
	if (n >= 3 && memcmp(s, IDEOGRAPHIC_SPACE, 3) == 0)
		return 3;
	return 0;
}

void
valid_trim_span(const char **s, size_t *n)
{
	size_t k;

	while ((k = space_at(*s, *n)) > 0) {
		*s += k;
		*n -= k;
	}
	for (;;) {
		if (*n >= 1 && is_ascii_space((*s)[*n - 1]))
			(*n)--;
		else if (*n >= 3 && memcmp(*s + *n - 3, IDEOGRAPHIC_SPACE, 3) == 0)
			*n -= 3;
		else
			break;
	}
}

const char *
valid_trim(struct arena *a, const char *s)
{
	size_t n;

	if (s == NULL)
		return "";
	n = strlen(s);
	valid_trim_span(&s, &n);
	return s[n] == '\0' ? s : arena_strndup(a, s, n);
}

size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static int
is_blank(const char *v)
{
	for (; *v != '\0'; v++)
		if (!isspace((unsigned char)*v))
			return 0;
	return 1;
}

const char *
valid_text(const char *v, size_t maxchars, int required, int multiline)
{
	if (v == NULL || is_blank(v))
		return required ? "ERR_REQUIRED" : NULL;
	if (!utf8_valid_text(v, strlen(v)))
		return "ERR_INVALID";
	if (!multiline && strpbrk(v, "\r\n\t") != NULL)
		return "ERR_INVALID";
	if (utf8_chars(v) > maxchars)
		return "ERR_TOO_LONG";
	return NULL;
}

const char *
valid_int(const char *v, long long min, long long max, long long *out)
{
	char *end;
	long long n;

	if (v == NULL || *v == '\0')
		return "ERR_REQUIRED";
	if (!(isdigit((unsigned char)*v) || (*v == '-' && isdigit((unsigned char)v[1]))))
		return "ERR_INVALID";
	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < min || n > max)
		return "ERR_INVALID";
	*out = n;
	return NULL;
}

const char *
valid_choice(const char *v, const char *const *choices, int *idx)
{
	int i;

	if (v == NULL || *v == '\0')
		return "ERR_REQUIRED";
	for (i = 0; choices[i] != NULL; i++)
		if (strcmp(v, choices[i]) == 0) {
			*idx = i;
			return NULL;
		}
	return "ERR_INVALID";
}

/* The rule and its messages live in phone.c. */
const char *
valid_phone(const char *v, int required)
{
	char canon[PHONE_MAX];
	const char *problem = NULL;

	if (v == NULL || is_blank(v))
		return required ? "ERR_REQUIRED" : NULL;
	return phone_parse(v, canon, &problem) != PHONE_INVALID ? NULL : problem;
}

const char *
valid_email(const char *v, int required)
{
	const char *at, *dot;

	if (v == NULL || is_blank(v))
		return required ? "ERR_REQUIRED" : NULL;
	if (strlen(v) > 254 || !utf8_valid_text(v, strlen(v)) || strpbrk(v, " \t\r\n<>\"") != NULL)
		return "ERR_EMAIL";
	at = strchr(v, '@');
	if (at == NULL || at == v || strchr(at + 1, '@') != NULL)
		return "ERR_EMAIL";
	dot = strrchr(at, '.');
	return dot != NULL && dot > at + 1 && dot[1] != '\0' ? NULL : "ERR_EMAIL";
}

const char *
form_check_field(struct form_check *fc, const char *field, const char *value,
    const char *problem)
{
	tmpl_set(fc->d, arena_printf(fc->r->a, "VAL_%s", field), value);
	if (problem != NULL) {
		tmpl_dict *e = tmpl_add_section(fc->d, arena_printf(fc->r->a, "ERR_%s", field));
		tmpl_set(e, "MSG", i18n(fc->r->lang, problem));
		if (fc->nerr++ == 0)
			tmpl_show_section(fc->d, "FORM_HAS_ERRORS");
	}
	return problem;
}
