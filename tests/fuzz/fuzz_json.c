/* libFuzzer entry point for json_parse(): any input either fails with an
 * error offset inside it, or gives a tree that keeps the limits and whose
 * strings are valid UTF-8; that tree written out again (canonical form)
 * parses to a tree that writes out identically (round trip). Raised
 * per-call limits (json_parse_limits, as the points API uses them) accept
 * whatever the defaults accept, with the same tree. */
// fuzz-sources: cgi/core/json_parse.c cgi/core/arena.c
// fuzz-max-len: 16384
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "json_parse.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct out {
	char   *p;
	size_t  len, cap;
};

static void
put(struct out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		size_t cap = o->cap > 0 ? o->cap * 2 : 1024;
		char *grown;

		while (cap < o->len + n + 1)
			cap *= 2;
		grown = realloc(o->p, cap);
		CHECK(grown != NULL);
		o->p = grown;
		o->cap = cap;
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
	o->p[o->len] = '\0';
}

/* 1 when s[0..n) is valid UTF-8 (NUL allowed: from \u0000). */
static int
utf8_ok(const unsigned char *s, size_t n)
{
	size_t i = 0, k, len;
	uint32_t cp;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((s[i] & 0xE0) == 0xC0)
			len = 2, cp = s[i] & 0x1F;
		else if ((s[i] & 0xF0) == 0xE0)
			len = 3, cp = s[i] & 0x0F;
		else if ((s[i] & 0xF8) == 0xF0)
			len = 4, cp = s[i] & 0x07;
		else
			return 0;
		if (len > n - i)
			return 0;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
		    (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += len;
	}
	return 1;
}

static void
put_string(struct out *o, const char *s, size_t n)
{
	size_t i;
	char esc[8];

	CHECK(utf8_ok((const unsigned char *)s, n));
	CHECK(s[n] == '\0');
	put(o, "\"", 1);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			put(o, esc, 2);
		} else if (c < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			put(o, esc, 6);
		} else {
			put(o, s + i, 1);
		}
	}
	put(o, "\"", 1);
}

/* Canonical text of v; counts the values into *nodes. */
static void
write_value(struct out *o, const struct json_value *v, int depth, size_t *nodes)
{
	size_t i;

	CHECK(v != NULL);
	CHECK(depth <= JSON_MAX_DEPTH);
	(*nodes)++;
	switch (v->type) {
	case JSON_NULL:  put(o, "null", 4); break;
	case JSON_FALSE: put(o, "false", 5); break;
	case JSON_TRUE:  put(o, "true", 4); break;
	case JSON_NUMBER:
		CHECK(v->len > 0 && strlen(v->str) == v->len);
		put(o, v->str, v->len);
		break;
	case JSON_STRING:
		put_string(o, v->str, v->len);
		break;
	case JSON_ARRAY:
		CHECK(v->n <= JSON_MAX_MEMBERS);
		put(o, "[", 1);
		for (i = 0; i < v->n; i++) {
			if (i > 0)
				put(o, ",", 1);
			write_value(o, v->items[i], depth + 1, nodes);
		}
		put(o, "]", 1);
		break;
	case JSON_OBJECT:
		CHECK(v->n <= JSON_MAX_MEMBERS);
		put(o, "{", 1);
		for (i = 0; i < v->n; i++) {
			if (i > 0)
				put(o, ",", 1);
			put_string(o, v->members[i].key, v->members[i].key_len);
			put(o, ":", 1);
			write_value(o, v->members[i].value, depth + 1, nodes);
		}
		put(o, "}", 1);
		break;
	default:
		abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	const struct json_value *v, *v2;
	struct out o1 = { NULL, 0, 0 }, o2 = { NULL, 0, 0 };
	size_t off = (size_t)-1, nodes = 0, nodes2 = 0;
	enum json_err e;

	arena_init(&a);
	e = json_parse(&a, (const char *)data, size, &v, &off);
	CHECK((unsigned)e < JSON_ERR__MAX);
	CHECK(json_err_str(e) != NULL);
	if (e != JSON_OK) {
		CHECK(v == NULL);
		CHECK(off <= size);
		arena_free(&a);
		return 0;
	}
	CHECK(off == 0);
	write_value(&o1, v, 0, &nodes);
	CHECK(nodes <= JSON_MAX_NODES);
	CHECK(json_parse(&a, o1.p, o1.len, &v2, NULL) == JSON_OK);
	write_value(&o2, v2, 0, &nodes2);
	CHECK(nodes2 == nodes);
	CHECK(o1.len == o2.len && memcmp(o1.p, o2.p, o1.len) == 0);
	{
		static const struct json_limits big = { 4u << 20, 10000, 8, 80001 };
		const struct json_value *v3;
		struct out o3 = { NULL, 0, 0 };
		size_t nodes3 = 0;

		/* Objects keep at most 8 members under these limits. */
		e = json_parse_limits(&a, (const char *)data, size, &big, &v3, NULL);
		CHECK(e == JSON_OK || e == JSON_ERR_TOO_MANY);
		if (e == JSON_OK) {
			write_value(&o3, v3, 0, &nodes3);
			CHECK(o3.len == o1.len && memcmp(o3.p, o1.p, o1.len) == 0);
			free(o3.p);
		}
	}
	if (v->type == JSON_OBJECT && v->n > 0)
		CHECK(json_get(v, v->members[0].key) != NULL ||
		    strlen(v->members[0].key) != v->members[0].key_len);
	free(o1.p);
	free(o2.p);
	arena_free(&a);
	return 0;
}
