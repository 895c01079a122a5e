/* Strict RFC 8259 JSON into an arena tree: a recursive descent over the
 * bytes with a depth limit (the recursion is bounded by JSON_MAX_DEPTH).
 * Arrays and objects are collected in short linked lists and copied into
 * arrays once complete. */
#include "json_parse.h"
#include "arena.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct jp {
	struct arena        *a;
	const unsigned char *s;
	size_t               n;
	size_t               i;        /* next byte */
	size_t               nodes;
	const struct json_limits *lim;
	enum json_err        err;
	size_t               err_off;
};

/* Collected items of an array or members of an object, newest first. */
struct jp_item {
	const char             *key;
	size_t                  key_len;
	const struct json_value *value;
	struct jp_item         *next;
};

static const struct json_value *jp_value(struct jp *, int depth);

/* Record the first error (at offset off) and return NULL. */
static void *
jp_fail_at(struct jp *p, enum json_err e, size_t off)
{
	if (p->err == JSON_OK) {
		p->err = e;
		p->err_off = off;
	}
	return NULL;
}

static void *
jp_fail(struct jp *p, enum json_err e)
{
	return jp_fail_at(p, e, p->i);
}

static void
jp_ws(struct jp *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
	    p->s[p->i] == '\n' || p->s[p->i] == '\r'))
		p->i++;
}

static struct json_value *
jp_node(struct jp *p, enum json_type t)
{
	struct json_value *v;

	if (++p->nodes > p->lim->max_nodes)
		return jp_fail(p, JSON_ERR_TOO_MANY);
	v = arena_zalloc(p->a, sizeof(*v));
	v->type = t;
	v->str = "";
	return v;
}

/* Length of the valid UTF-8 sequence at s[0..n) (n >= 1), 0 if invalid:
 * no overlong forms, no surrogates, nothing above U+10FFFF. */
static size_t
jp_utf8_seq(const unsigned char *s, size_t n)
{
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0))
			return 0;
		return 3;
	}
	if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90))
			return 0;
		return 4;
	}
	return 0;
}

/* Four hex digits at s (bounds checked by the caller); -1 if not hex. */
static long
jp_hex4(const unsigned char *s)
{
	long v = 0;
	int k;

	for (k = 0; k < 4; k++) {
		int c = s[k], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		v = v << 4 | d;
	}
	return v;
}

/* Code point cp (valid, not a surrogate) as UTF-8 at d; returns bytes. */
static size_t
jp_put_utf8(char *d, unsigned long cp)
{
	if (cp < 0x80) {
		d[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (char)(0xC0 | cp >> 6);
		d[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		d[0] = (char)(0xE0 | cp >> 12);
		d[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		d[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	d[0] = (char)(0xF0 | cp >> 18);
	d[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	d[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	d[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* The \u escape at s[i] ('u' after the backslash) ending before end:
 * one code point, a surrogate pair joined. Sets *used to the bytes
 * consumed after the backslash; returns the code point or -1 (*bad set
 * to the error). */
static long
jp_unicode(const unsigned char *s, size_t i, size_t end, size_t *used, enum json_err *bad)
{
	long hi, lo;

	*bad = JSON_ERR_SYNTAX;
	if (end - i < 5 || (hi = jp_hex4(s + i + 1)) < 0)
		return -1;
	*used = 5;
	if (hi < 0xD800 || hi > 0xDFFF)
		return hi;
	*bad = JSON_ERR_UTF8;
	if (hi >= 0xDC00)                  /* a low surrogate alone */
		return -1;
	if (end - i < 11 || s[i + 5] != '\\' || s[i + 6] != 'u')
		return -1;
	if ((lo = jp_hex4(s + i + 7)) < 0) {
		*bad = JSON_ERR_SYNTAX;
		return -1;
	}
	if (lo < 0xDC00 || lo > 0xDFFF)
		return -1;
	*used = 11;
	return 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
}

/* One escape at s[i] (the byte after the backslash) into d; returns the
 * bytes written, 0 on error (p->err set). Advances *i past it. */
static size_t
jp_escape(struct jp *p, size_t *i, size_t end, char *d)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *k;
	enum json_err bad;
	size_t used;
	long cp;

	if (p->s[*i] == 'u') {
		if ((cp = jp_unicode(p->s, *i, end, &used, &bad)) < 0) {
			jp_fail_at(p, bad, *i - 1);
			return 0;
		}
		*i += used;
		return jp_put_utf8(d, (unsigned long)cp);
	}
	if (p->s[*i] == '\0' || (k = strchr(from, p->s[*i])) == NULL) {
		jp_fail_at(p, JSON_ERR_SYNTAX, *i - 1);
		return 0;
	}
	*i += 1;
	d[0] = to[k - from];
	return 1;
}

/* The string starting at the quote at p->i, decoded into the arena. */
static int
jp_string(struct jp *p, const char **out, size_t *outlen)
{
	size_t start = p->i + 1, end = start, i, o = 0, k;
	char *d;

	while (end < p->n && p->s[end] != '"') {
		if (p->s[end] < 0x20) {
			jp_fail_at(p, JSON_ERR_SYNTAX, end);
			return -1;
		}
		end += p->s[end] == '\\' ? 2 : 1;
	}
	if (end >= p->n) {
		jp_fail_at(p, JSON_ERR_SYNTAX, p->n);
		return -1;
	}
	d = arena_alloc(p->a, end - start + 1);   /* decoding never grows */
	for (i = start; i < end; ) {
		if (p->s[i] == '\\') {
			i++;
			if ((k = jp_escape(p, &i, end, d + o)) == 0)
				return -1;
			o += k;
		} else if ((k = jp_utf8_seq(p->s + i, end - i)) == 0) {
			jp_fail_at(p, JSON_ERR_UTF8, i);
			return -1;
		} else {
			memcpy(d + o, p->s + i, k);
			o += k;
			i += k;
		}
	}
	d[o] = '\0';
	*out = d;
	*outlen = o;
	p->i = end + 1;
	return 0;
}

static size_t
jp_digits(struct jp *p)
{
	size_t from = p->i;

	while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
		p->i++;
	return p->i - from;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static const struct json_value *
jp_number(struct jp *p)
{
	size_t start = p->i;
	struct json_value *v;
	char *text;

	if (p->s[p->i] == '-')
		p->i++;
	if (p->i < p->n && p->s[p->i] == '0')
		p->i++;
	else if (p->i >= p->n || p->s[p->i] < '1' || p->s[p->i] > '9' || jp_digits(p) == 0)
		return jp_fail(p, JSON_ERR_SYNTAX);
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		if (jp_digits(p) == 0)
			return jp_fail(p, JSON_ERR_SYNTAX);
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if (jp_digits(p) == 0)
			return jp_fail(p, JSON_ERR_SYNTAX);
	}
	if ((v = jp_node(p, JSON_NUMBER)) == NULL)
		return NULL;
	text = arena_strndup(p->a, (const char *)p->s + start, p->i - start);
	v->str = text;
	v->len = p->i - start;
	v->num = strtod(text, NULL);
	return v;
}

static const struct json_value *
jp_literal(struct jp *p, const char *word, enum json_type t)
{
	size_t k = strlen(word);

	if (p->n - p->i < k || memcmp(p->s + p->i, word, k) != 0)
		return jp_fail(p, JSON_ERR_SYNTAX);
	p->i += k;
	return jp_node(p, t);
}

/* Expect ',' (returns 1) or the closing byte (returns 0); -1 otherwise. */
static int
jp_next(struct jp *p, unsigned char close)
{
	jp_ws(p);
	if (p->i < p->n && p->s[p->i] == ',') {
		p->i++;
		return 1;
	}
	if (p->i < p->n && p->s[p->i] == close) {
		p->i++;
		return 0;
	}
	jp_fail(p, JSON_ERR_SYNTAX);
	return -1;
}

static const struct json_value *
jp_array(struct jp *p, int depth)
{
	struct json_value *v;
	struct jp_item *head = NULL, *it;
	const struct json_value **items;
	size_t n = 0, k;
	int more;

	if (depth > JSON_MAX_DEPTH)
		return jp_fail(p, JSON_ERR_DEPTH);
	if ((v = jp_node(p, JSON_ARRAY)) == NULL)
		return NULL;
	p->i++;
	jp_ws(p);
	more = 1;
	if (p->i < p->n && p->s[p->i] == ']') {
		p->i++;
		more = 0;
	}
	while (more) {
		const struct json_value *item;

		if (n == p->lim->max_items)
			return jp_fail(p, JSON_ERR_TOO_MANY);
		if ((item = jp_value(p, depth)) == NULL)
			return NULL;
		it = arena_alloc(p->a, sizeof(*it));
		it->value = item;
		it->next = head;
		head = it;
		n++;
		if ((more = jp_next(p, ']')) < 0)
			return NULL;
	}
	items = arena_alloc(p->a, (n > 0 ? n : 1) * sizeof(*items));
	for (k = n, it = head; it != NULL; it = it->next)
		items[--k] = it->value;
	v->items = items;
	v->n = n;
	return v;
}

/* One "key": value of an object onto *head, refusing a repeated key. */
static int
jp_member(struct jp *p, int depth, struct jp_item **head)
{
	struct jp_item *it, *m;
	size_t key_at;

	jp_ws(p);
	if (p->i >= p->n || p->s[p->i] != '"') {
		jp_fail(p, JSON_ERR_SYNTAX);
		return -1;
	}
	key_at = p->i;
	it = arena_alloc(p->a, sizeof(*it));
	if (jp_string(p, &it->key, &it->key_len) != 0)
		return -1;
	for (m = *head; m != NULL; m = m->next)
		if (m->key_len == it->key_len && memcmp(m->key, it->key, it->key_len) == 0) {
			jp_fail_at(p, JSON_ERR_DUP_KEY, key_at);
			return -1;
		}
	jp_ws(p);
	if (p->i >= p->n || p->s[p->i] != ':') {
		jp_fail(p, JSON_ERR_SYNTAX);
		return -1;
	}
	p->i++;
	if ((it->value = jp_value(p, depth)) == NULL)
		return -1;
	it->next = *head;
	*head = it;
	return 0;
}

static const struct json_value *
jp_object(struct jp *p, int depth)
{
	struct json_value *v;
	struct jp_item *head = NULL, *it;
	struct json_member *members;
	size_t n = 0, k;
	int more;

	if (depth > JSON_MAX_DEPTH)
		return jp_fail(p, JSON_ERR_DEPTH);
	if ((v = jp_node(p, JSON_OBJECT)) == NULL)
		return NULL;
	p->i++;
	jp_ws(p);
	more = 1;
	if (p->i < p->n && p->s[p->i] == '}') {
		p->i++;
		more = 0;
	}
	while (more) {
		if (n == p->lim->max_members)
			return jp_fail(p, JSON_ERR_TOO_MANY);
		if (jp_member(p, depth, &head) != 0)
			return NULL;
		n++;
		if ((more = jp_next(p, '}')) < 0)
			return NULL;
	}
	members = arena_alloc(p->a, (n > 0 ? n : 1) * sizeof(*members));
	for (k = n, it = head; it != NULL; it = it->next) {
		k--;
		members[k].key = it->key;
		members[k].key_len = it->key_len;
		members[k].value = it->value;
	}
	v->members = members;
	v->n = n;
	return v;
}

static const struct json_value *
jp_value(struct jp *p, int depth)
{
	struct json_value *v;

	jp_ws(p);
	if (p->i >= p->n)
		return jp_fail(p, JSON_ERR_SYNTAX);
	switch (p->s[p->i]) {
	case '{':
		return jp_object(p, depth + 1);
	case '[':
		return jp_array(p, depth + 1);
	case '"':
		if ((v = jp_node(p, JSON_STRING)) == NULL || jp_string(p, &v->str, &v->len) != 0)
			return NULL;
		return v;
	case 't':
		return jp_literal(p, "true", JSON_TRUE);
	case 'f':
		return jp_literal(p, "false", JSON_FALSE);
	case 'n':
		return jp_literal(p, "null", JSON_NULL);
	default:
		if (p->s[p->i] == '-' || (p->s[p->i] >= '0' && p->s[p->i] <= '9'))
			return jp_number(p);
		return jp_fail(p, JSON_ERR_SYNTAX);
	}
}

const struct json_limits json_default_limits = {
	JSON_MAX_BYTES, JSON_MAX_MEMBERS, JSON_MAX_MEMBERS, JSON_MAX_NODES
};

enum json_err
json_parse(struct arena *a, const char *text, size_t len, const struct json_value **out,
    size_t *err_off)
{
	return json_parse_limits(a, text, len, &json_default_limits, out, err_off);
}

enum json_err
json_parse_limits(struct arena *a, const char *text, size_t len, const struct json_limits *lim,
    const struct json_value **out, size_t *err_off)
{
	struct jp p;
	const struct json_value *v = NULL;

	memset(&p, 0, sizeof(p));
	p.a = a;
	p.lim = lim;
	p.s = (const unsigned char *)(text != NULL ? text : "");
	p.n = text != NULL ? len : 0;
	if (p.n > lim->max_bytes)
		jp_fail_at(&p, JSON_ERR_TOO_LARGE, lim->max_bytes);
	else if ((v = jp_value(&p, 0)) != NULL) {
		jp_ws(&p);
		if (p.i != p.n)
			v = jp_fail(&p, JSON_ERR_TRAILING);
	}
	*out = p.err == JSON_OK ? v : NULL;
	if (err_off != NULL)
		*err_off = p.err == JSON_OK ? 0 : p.err_off;
	return p.err;
}

const char *
json_err_str(enum json_err e)
{
	static const char *const names[JSON_ERR__MAX] = {
		[JSON_OK]            = "ok",
		[JSON_ERR_SYNTAX]    = "syntax error",
		[JSON_ERR_UTF8]      = "invalid UTF-8 or unicode escape",
		[JSON_ERR_DUP_KEY]   = "duplicate key",
		[JSON_ERR_TRAILING]  = "data after the value",
		[JSON_ERR_DEPTH]     = "nested too deeply",
		[JSON_ERR_TOO_LARGE] = "document too large",
		[JSON_ERR_TOO_MANY]  = "too many members or values",
	};

	return (unsigned)e < JSON_ERR__MAX ? names[e] : "unknown error";
}

const struct json_value *
json_get(const struct json_value *v, const char *key)
{
	size_t i, kl;

	if (v == NULL || v->type != JSON_OBJECT || key == NULL)
		return NULL;
	kl = strlen(key);
	for (i = 0; i < v->n; i++)
		if (v->members[i].key_len == kl && memcmp(v->members[i].key, key, kl) == 0)
			return v->members[i].value;
	return NULL;
}

int
json_int(const struct json_value *v, long long min, long long max, long long *out)
{
	long long n;
	char *end;

	if (v == NULL || v->type != JSON_NUMBER || strpbrk(v->str, ".eE") != NULL)
		return -1;
	errno = 0;
	n = strtoll(v->str, &end, 10);
	if (errno != 0 || *end != '\0' || n < min || n > max)
		return -1;
	*out = n;
	return 0;
}

const char *
json_type_name(enum json_type t)
{
	static const char *const names[JSON_TYPE__MAX] = {
		"null", "false", "true", "number", "string", "array", "object"
	};

	return (unsigned)t < JSON_TYPE__MAX ? names[t] : "?";
}
