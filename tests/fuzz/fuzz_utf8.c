/* libFuzzer entry point for utf8_valid_text(): differential test against a
 * slow reference that decodes code points and checks their ranges. */
// fuzz-sources: cgi/core/parse.c cgi/core/arena.c
// fuzz-max-len: 4096
#include <stdint.h>
#include <stdlib.h>

#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Decodes one code point at s[0..n), returns its length or 0 if invalid. */
static size_t
ref_decode(const uint8_t *s, size_t n, uint32_t *cp)
{
	static const uint32_t min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t len, i;

	if (s[0] < 0x80)
		len = 1, *cp = s[0];
	else if ((s[0] & 0xE0) == 0xC0)
		len = 2, *cp = s[0] & 0x1F;
	else if ((s[0] & 0xF0) == 0xE0)
		len = 3, *cp = s[0] & 0x0F;
	else if ((s[0] & 0xF8) == 0xF0)
		len = 4, *cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		*cp = *cp << 6 | (s[i] & 0x3F);
	}
	if (*cp < min[len] || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
		return 0;
	return len;
}

static int
ref_valid(const uint8_t *s, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
		if ((k = ref_decode(s + i, n - i, &cp)) == 0)
			return 0;
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F)
			return 0;
		i += k;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (utf8_valid_text((const char *)data, size) != ref_valid(data, size))
		abort();
	return 0;
}
