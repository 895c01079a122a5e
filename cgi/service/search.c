#include "search.h"
#include "arena.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Decode one UTF-8 code point; returns its length (1 for a bad byte). */
static size_t
utf8_decode(const unsigned char *s, unsigned *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
		*cp = (unsigned)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
		return 2;
	}
	if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		*cp = (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
		return 3;
	}
	if ((s[0] & 0xF8) == 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
	    (s[3] & 0xC0) == 0x80) {
		*cp = (unsigned)(s[0] & 0x07) << 18 | (unsigned)(s[1] & 0x3F) << 12 |
		    (unsigned)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
		return 4;
	}
	*cp = 0xFFFD;
	return 1;
}

static int
is_cjk(unsigned cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F) ||
	    (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF);
}

struct tok_out {
	char  *buf;
	size_t len, cap;
	int    count;
	int    max;           /* 0 = unlimited */
	const char *prefix;   /* "" for documents, "+" for queries */
	int    query;         /* queries match words and lone characters by prefix */
};

static void
tok_emit(struct tok_out *o, const char *tok)
{
	size_t n = strlen(tok) + strlen(o->prefix) + 1;

	if (o->max > 0 && o->count >= o->max)
		return;
	if (o->len + n + 1 > o->cap)
		return;   /* cap sized for the worst case; never hit */
	if (o->len > 0)
		o->buf[o->len++] = ' ';
	o->len += (size_t)sprintf(o->buf + o->len, "%s%s", o->prefix, tok);
	o->count++;
}

/* "c" + hex code points: 空调 → c7a7a8c03. */
static void
tok_cjk(struct tok_out *o, unsigned a, unsigned b)
{
	char t[24];

	if (b == 0)
		snprintf(t, sizeof(t), o->query ? "c%x*" : "c%x", a);
	else
		snprintf(t, sizeof(t), "c%x%x", a, b);
	tok_emit(o, t);
}

/* Latin/digit words, lower-cased, "aa" in front: never shorter than three
 * characters and never a stopword. */
static void
tok_word(struct tok_out *o, const char *w, size_t n)
{
	char t[72];
	size_t i;

	if (n > 64)
		n = 64;
	t[0] = 'a';
	t[1] = 'a';
	for (i = 0; i < n; i++)
		t[2 + i] = (char)tolower((unsigned char)w[i]);
	t[2 + n] = o->query ? '*' : '\0';
	t[3 + n] = '\0';
	tok_emit(o, t);
}

/* The end of a run of run CJK characters, the last being last. A lone
 * character is its own token. In a document the last character of a
 * longer run is one too: every other character of the run starts one of
 * its bigrams, so a one-character query (a prefix, "c51b7*" for 冷) finds
 * each character of the text, 冷 in 不制冷 included, at one token per run
 * instead of one per character. A query needs no such token: its bigrams
 * already require the character. */
static void
tok_run_end(struct tok_out *o, unsigned last, int run)
{
	if (run == 1 || (run > 1 && !o->query))
		tok_cjk(o, last, 0);
}

static void
tokenize(const char *text, struct tok_out *o)
{
	const unsigned char *s = (const unsigned char *)text;
	unsigned prev = 0, cp;
	int run = 0;

	while (*s != '\0') {
		size_t n = utf8_decode(s, &cp);

		if (is_cjk(cp)) {
			if (run > 0)
				tok_cjk(o, prev, cp);
			prev = cp;
			run++;
			s += n;
			continue;
		}
		tok_run_end(o, prev, run);
		run = 0;
		if (n == 1 && cp < 0x80 && isalnum((int)cp)) {   /* not an overlong form */
			const unsigned char *w = s;
			while (*s != '\0' && *s < 0x80 && isalnum(*s))
				s++;
			tok_word(o, (const char *)w, (size_t)(s - w));
			continue;
		}
		s += n;
	}
	tok_run_end(o, prev, run);
}

char *
search_tokens(struct arena *a, const char *text)
{
	struct tok_out o;
	size_t n = strlen(text);

	/* Worst case: each input byte yields a token of at most ~24 bytes. */
	o.cap = n * 24 + 2;
	o.buf = arena_alloc(a, o.cap);
	o.len = 0;
	o.count = 0;
	o.max = 0;
	o.prefix = "";
	o.query = 0;
	o.buf[0] = '\0';
	tokenize(text, &o);
	o.buf[o.len] = '\0';
	return o.buf;
}

char *
search_query(struct arena *a, const char *q)
{
	struct tok_out o;
	size_t n = strlen(q);

	o.cap = n * 26 + 2;
	o.buf = arena_alloc(a, o.cap);
	o.len = 0;
	o.count = 0;
	o.max = SEARCH_MAX_QUERY_TOKENS;
	o.prefix = "+";
	o.query = 1;
	o.buf[0] = '\0';
	tokenize(q, &o);
	o.buf[o.len] = '\0';
	return o.count > 0 ? o.buf : NULL;
}
