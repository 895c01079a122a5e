/* Chinese telephone numbers: the rule is spelled out in phone.h. */
#include "phone.h"
#include "arena.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define PHONE_IN_MAX  64   /* bytes of input read at all */
#define PHONE_DIGITS  20   /* digits before the extension */
#define PHONE_EXT_MAX 6

/* Non-ASCII spellings that Chinese input methods produce, as the ASCII
 * character they stand for: ' ' separator, 'x' extension mark. */
static const struct {
	const char *utf8;
	char        ascii;
} wide[] = {
	{ "\xEF\xBC\x90", '0' }, { "\xEF\xBC\x91", '1' }, { "\xEF\xBC\x92", '2' },
	{ "\xEF\xBC\x93", '3' }, { "\xEF\xBC\x94", '4' }, { "\xEF\xBC\x95", '5' },
	{ "\xEF\xBC\x96", '6' }, { "\xEF\xBC\x97", '7' }, { "\xEF\xBC\x98", '8' },
	{ "\xEF\xBC\x99", '9' },
	{ "\xE3\x80\x80", ' ' },            /* ideographic space */
	{ "\xEF\xBC\x8D", ' ' },            /* － */
	{ "\xE2\x80\x93", ' ' },            /* – */
	{ "\xE2\x80\x94", ' ' },            /* — */
	{ "\xEF\xBC\x88", ' ' },            /* （ */
	{ "\xEF\xBC\x89", ' ' },            /* ） */
	{ "\xEF\xBC\x8B", '+' },            /* ＋ */
	{ "\xEF\xBC\x83", 'x' },            /* ＃ */
	{ "\xE8\xBD\xAC", 'x' },            /* 转 */
	{ "\xE5\x88\x86\xE6\x9C\xBA", 'x' } /* 分机 */
};

/* s as ASCII digits, ' ' (separators), '+' and 'x' (extension mark;
 * "转分机" is one mark). 0 when s holds anything else or is too long. */
static int
phone_ascii(const char *s, char *out, size_t cap)
{
	size_t n = 0, i, k;

	if (strlen(s) > PHONE_IN_MAX)
		return 0;
	while (*s != '\0') {
		char c = 0;

		for (i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
			if (strncmp(s, wide[i].utf8, (k = strlen(wide[i].utf8))) == 0) {
				c = wide[i].ascii;
				s += k;
				break;
			}
		if (c == 0) {
			if (strncasecmp(s, "ext", 3) == 0) {
				c = 'x';
				s += s[3] == '.' ? 4 : 3;
			} else if (*s >= '0' && *s <= '9') {
				c = *s++;
			} else if (*s == ' ' || *s == '\t' || *s == '-' || *s == '(' || *s == ')') {
				c = ' ';
				s++;
			} else if (*s == 'x' || *s == 'X' || *s == '#') {
				c = 'x';
				s++;
			} else if (*s == '+') {
				c = *s++;
			} else {
				return 0;
			}
		}
		if (c == 'x' && n > 0 && out[n - 1] == 'x')
			continue;
		if (n + 1 >= cap)
			return 0;
		out[n++] = c;
	}
	out[n] = '\0';
	return 1;
}

/* The digits of a number, split at the extension mark. */
struct phone_digits {
	char   d[PHONE_DIGITS + 2];   /* room for a leading 0 put back */
	size_t n;
	long   last;                  /* where the last separated group starts, -1 none */
	char   ext[PHONE_EXT_MAX + 1];
	size_t next;
	int    plus;
};

/* 0 on a misplaced '+' or mark, too many digits or an empty extension. */
static int
phone_split(const char *b, struct phone_digits *p)
{
	int in_group = 0, marked = 0;

	memset(p, 0, sizeof(*p));
	p->last = -1;
	for (; *b != '\0'; b++) {
		if (*b == ' ') {
			in_group = 0;
		} else if (*b == '+') {
			if (p->n > 0 || p->plus || marked)
				return 0;
			p->plus = 1;
		} else if (*b == 'x') {
			if (marked || p->n == 0)
				return 0;
			marked = 1;
		} else if (marked) {
			if (p->next >= PHONE_EXT_MAX)
				return 0;
			p->ext[p->next++] = *b;
		} else {
			if (p->n >= PHONE_DIGITS)
				return 0;
			if (!in_group)
				p->last = (long)p->n;
			in_group = 1;
			p->d[p->n++] = *b;
		}
	}
	return p->n > 0 && (!marked || p->next > 0);
}

/* Drop the first k digits (a country code). */
static void
phone_drop(struct phone_digits *p, size_t k)
{
	memmove(p->d, p->d + k, p->n - k + 1);
	p->n -= k;
	p->last = p->last > (long)k ? p->last - (long)k : -1;
}

static int
is_mobile(const char *d, size_t n)
{
	return n == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

/* Area code length of d (which starts with 0), 0 when no such code. */
static size_t
area_len(const char *d, size_t n)
{
	if (n < 3)
		return 0;
	if (d[1] == '1')
		return d[2] == '0' ? 3 : 0;
	if (d[1] == '2')
		return 3;
	return d[1] >= '3' && d[1] <= '9' ? 4 : 0;
}

static int
local_ok(const char *d, size_t n)
{
	return n >= 7 && n <= 8 && d[0] >= '1' && d[0] <= '9';
}

/* A landline from p (starting with its area code); 0 when it is none. */
static int
landline(const struct phone_digits *p, char out[PHONE_MAX])
{
	size_t alen = area_len(p->d, p->n), nl;
	const char *ext = p->ext;

	if (p->d[0] != '0' || alen == 0)
		return 0;
	nl = p->n - alen;
	/* A last group that the number before it does not need is the
	 * extension (010-1234567-8 too: the stored form reads back so). */
	if (p->next == 0 && p->last > (long)alen &&
	    p->n - (size_t)p->last <= PHONE_EXT_MAX &&
	    local_ok(p->d + alen, (size_t)p->last - alen)) {
		ext = p->d + p->last;   /* 010-12345678-123 */
		nl = (size_t)p->last - alen;
	}
	if (!local_ok(p->d + alen, nl))
		return 0;
	snprintf(out, PHONE_MAX, "%.*s-%.*s%s%s", (int)alen, p->d, (int)nl, p->d + alen,
	    *ext != '\0' ? "-" : "", ext);
	return 1;
}

enum phone_kind
phone_parse(const char *s, char out[PHONE_MAX], const char **problem)
{
	char b[PHONE_IN_MAX + 1];
	struct phone_digits p;
	int cc = 0;
	const char *why = "ERR_PHONE";

	out[0] = '\0';
	if (s == NULL || !phone_ascii(s, b, sizeof(b)) || !phone_split(b, &p))
		goto bad;
	if (p.plus || (p.n >= 4 && memcmp(p.d, "0086", 4) == 0)) {
		if (p.plus ? (p.n < 2 || memcmp(p.d, "86", 2) != 0) : 0)
			goto bad;   /* another country */
		phone_drop(&p, p.plus ? 2 : 4);
		cc = 1;
	} else if (p.n == 13 && memcmp(p.d, "86", 2) == 0 && is_mobile(p.d + 2, 11)) {
		phone_drop(&p, 2);
	}
	if (p.n == 0)
		goto bad;
	if (is_mobile(p.d, p.n) && p.next == 0) {
		memcpy(out, p.d, p.n + 1);
		return PHONE_MOBILE;
	}
	why = p.d[0] == '1' && (!cc || (p.n > 1 && p.d[1] >= '3')) ? "ERR_PHONE_MOBILE" :
	    p.d[0] == '0' || cc || local_ok(p.d, p.n) ? "ERR_PHONE_LANDLINE" : "ERR_PHONE";
	if (cc && p.d[0] != '0') {   /* +86 10 12345678: the area code's 0 left out */
		memmove(p.d + 1, p.d, p.n + 1);
		p.d[0] = '0';
		p.n++;
		p.last = p.last >= 0 ? p.last + 1 : -1;
	}
	if (landline(&p, out))
		return PHONE_LANDLINE;
bad:
	out[0] = '\0';
	if (problem != NULL)
		*problem = why;
	return PHONE_INVALID;
}

const char *
phone_canonical(struct arena *a, const char *s)
{
	char out[PHONE_MAX];

	return phone_parse(s, out, NULL) != PHONE_INVALID ? arena_strdup(a, out) : s;
}

const char *
phone_tel(struct arena *a, const char *s)
{
	char canon[PHONE_MAX], *out = arena_alloc(a, strlen(s) + PHONE_MAX + 4), *o = out;
	const char *p;

	switch (phone_parse(s, canon, NULL)) {
	case PHONE_MOBILE:
		return arena_printf(a, "+86%s", canon);
	case PHONE_LANDLINE:
		p = strchr(canon, '-');
		/* an extension after a pause (","), which phones dial once the
		 * call connects */
		return arena_printf(a, "+86%.*s%.*s%s%s", (int)(p - canon - 1), canon + 1,
		    (int)strcspn(p + 1, "-"), p + 1, strchr(p + 1, '-') != NULL ? "," : "",
		    strchr(p + 1, '-') != NULL ? strchr(p + 1, '-') + 1 : "");
	default:
		break;
	}
	for (p = s; *p != '\0'; p++)
		if ((*p >= '0' && *p <= '9') || (*p == '+' && o == out))
			*o++ = *p;
	*o = '\0';
	return out;
}
