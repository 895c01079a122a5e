/* Chinese telephone numbers: the one rule for every field that takes one
 * (public repair form, API, desk tickets, maintenance plans) and for the
 * queue search, and their one stored (canonical) form.
 *
 * A number is read after taking out separators: spaces (also U+3000),
 * '-', '(' and ')'. Full-width digits and signs (from Chinese input
 * methods) count as their ASCII forms.
 *
 *   mobile    11 digits 1[3-9]NNNNNNNNN, optionally after +86, 0086 or 86.
 *             Stored as the 11 digits: 13800138000.
 *   landline  area code + local number [+ extension]:
 *             area code  0 + 2 digits for 010 and 020-029, 0 + 3 digits
 *                        for every other (0311, 0755, 0571 ...); after
 *                        +86 or 0086 the leading 0 may be left out
 *                        (+86 10 1234 5678);
 *             number     7 or 8 digits, not starting with 0;
 *             extension  1-6 digits after 转, 分机, ext, ext., x or #, or
 *                        the last group after a '-' or space when the
 *                        digits before it already make a whole number
 *                        (010-12345678-123).
 *             Stored as AREA-NUMBER or AREA-NUMBER-EXT: 010-12345678,
 *             0755-88886666-123.
 *
 * Refused: everything else, among them 12345, 10 or 12 digits, a local
 * number without its area code, other countries' numbers, letters. */
#ifndef SL_PHONE_H
#define SL_PHONE_H

#include <stddef.h>

struct arena;

/* Room for the longest canonical form, "0755-88886666-123456", and NUL. */
#define PHONE_MAX 24

enum phone_kind { PHONE_INVALID, PHONE_MOBILE, PHONE_LANDLINE };

/* Read s by the rule above. On success writes the canonical form to out
 * and returns its kind; otherwise returns PHONE_INVALID and sets *problem
 * (when not NULL) to the catalog key saying what is wrong: ERR_PHONE_MOBILE
 * (looks like a mobile number), ERR_PHONE_LANDLINE (starts with an area
 * code) or ERR_PHONE. */
enum phone_kind phone_parse(const char *s, char out[PHONE_MAX], const char **problem);
/* The canonical form of s, or s itself when it does not read as a number
 * (old rows kept as typed). Points into the arena or s. */
const char *phone_canonical(struct arena *, const char *s);

/* The number to dial for a stored phone, for a tel: link: +86 and the
 * mobile number, or +86, the area code without its 0 and the number, and
 * an extension after a pause (",123": dialled once the call connects); for a
 * value that does not read as a number, its digits with a leading '+'.
 * Arena-allocated. */
const char *phone_tel(struct arena *, const char *s);

#endif
