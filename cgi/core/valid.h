/* Validation of form values, with per-field messages for the form page.
 * Validators are pure: they return NULL when the value is fine, otherwise
 * the catalog key of the problem. */
#ifndef SL_VALID_H
#define SL_VALID_H

#include <stddef.h>

typedef struct tmpl_dict tmpl_dict;
struct req;

struct arena;

/* s without leading/trailing white space (ASCII and the ideographic space
 * U+3000); "" for NULL. Points into s or the arena. */
const char *valid_trim(struct arena *, const char *s);
/* The same on the span s[0..n): *s and *n move inward. */
void	    valid_trim_span(const char **s, size_t *n);
/* Characters (not bytes) of a valid UTF-8 string. */
size_t	    utf8_chars(const char *s);
/* Text: required or not, at most maxchars characters, no control chars
 * other than newline/tab when multiline. */
const char *valid_text(const char *v, size_t maxchars, int required, int multiline);
/* Decimal integer in [min, max] (range-checked strtoll); *out set when ok. */
const char *valid_int(const char *v, long long min, long long max, long long *out);
/* The value is one of the NULL-terminated list; *idx set when ok. */
const char *valid_choice(const char *v, const char *const *choices, int *idx);
/* A Chinese mobile or landline number by the rule of phone.h; the
 * problem is ERR_PHONE, ERR_PHONE_MOBILE or ERR_PHONE_LANDLINE. */
const char *valid_phone(const char *v, int required);
const char *valid_email(const char *v, int required);

/* Collects the field errors of one submission and marks the form page. */
struct form_check {
	struct req *r;
	tmpl_dict  *d;
	int         nerr;
};

/* Record the problem (if any) of field: the page shows section
 * ERR_<field> with {{MSG}}, and VAL_<field> keeps the value. Returns
 * the problem key unchanged. */
const char *form_check_field(struct form_check *, const char *field, const char *value,
	    const char *problem);

#endif
