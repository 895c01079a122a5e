/* libFuzzer entry point for parse_cookies(): the input is a Cookie header
 * value (cut at the first NUL, as a C string from the environment is). */
// fuzz-sources: cgi/core/parse.c cgi/core/arena.c
// fuzz-max-len: 16384
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "parse.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct kv *kv;
	char *hdr;
	size_t n, i, j;
	enum parse_err e;

	arena_init(&a);
	hdr = arena_strndup(&a, (const char *)data, size);
	e = parse_cookies(&a, hdr, &kv, &n);
	CHECK(e == PARSE_OK || e == PARSE_TOO_MANY);
	CHECK(n <= PARSE_MAX_COOKIES);
	CHECK((n == 0) == (kv == NULL));
	for (i = 0; i < n; i++) {
		size_t nl = strlen(kv[i].name);

		CHECK(nl > 0 && nl <= PARSE_MAX_NAME);
		CHECK(strlen(kv[i].val) == kv[i].vlen);
		for (j = 0; j < nl; j++)
			CHECK(kv[i].name[j] > 0x20 && kv[i].name[j] < 0x7F &&
			    kv[i].name[j] != ';' && kv[i].name[j] != '=');
		for (j = 0; j < kv[i].vlen; j++)
			CHECK(kv[i].val[j] >= 0x20 && kv[i].val[j] < 0x7F &&
			    kv[i].val[j] != ';' && kv[i].val[j] != '"');
	}
	arena_free(&a);
	return 0;
}
