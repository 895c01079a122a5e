#include "json.h"
#include "arena.h"

#include <stdio.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s, or 0 if invalid. */
static size_t
utf8_seq(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF && (s[1] & 0xC0) == 0x80)
		return 2;
	if (s[0] >= 0xE0 && s[0] <= 0xEF && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0))
			return 0;
		return 3;
	}
	if (s[0] >= 0xF0 && s[0] <= 0xF4 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
		if ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90))
			return 0;
		return 4;
	}
	return 0;
}

char *
json_escape_buf(char *dst, size_t cap, const char *src)
{
	const unsigned char *s = (const unsigned char *)(src != NULL ? src : "");
	size_t o = 0, n;

	if (cap == 0)
		return dst;
	while (*s != '\0') {
		char esc[8];
		const char *piece = esc;
		size_t plen;

		if (*s == '"' || *s == '\\') {
			esc[0] = '\\'; esc[1] = (char)*s; plen = 2; n = 1;
		} else if (*s < 0x20) {
			plen = (size_t)snprintf(esc, sizeof(esc), "\\u%04x", *s); n = 1;
		} else if ((n = utf8_seq(s)) == 0) {
			piece = "\xEF\xBF\xBD"; plen = 3; n = 1;
		} else {
			piece = (const char *)s; plen = n;
		}
		if (o + plen >= cap)
			break;
		memcpy(dst + o, piece, plen);
		o += plen;
		s += n;
	}
	dst[o] = '\0';
	return dst;
}

char *
json_escape(struct arena *a, const char *s)
{
	size_t cap = (s != NULL ? strlen(s) : 0) * 6 + 1;
	char *dst = arena_alloc(a, cap);

	return json_escape_buf(dst, cap, s);
}
