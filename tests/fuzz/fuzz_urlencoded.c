/* libFuzzer entry point for parse_urlencoded(): the input is the body
 * (or query string). Checks the invariants parse.h promises. */
// fuzz-sources: cgi/core/parse.c cgi/core/arena.c
// fuzz-max-len: 300000
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
	struct form f;
	enum parse_err e;
	size_t i;

	arena_init(&a);
	e = parse_urlencoded(&a, (const char *)data, size, &f);
	CHECK(e >= PARSE_OK && e < PARSE_ERR__MAX);
	CHECK(f.files == NULL && f.nfiles == 0);
	if (e != PARSE_OK)
		CHECK(f.fields == NULL && f.nfields == 0);
	CHECK(f.nfields <= PARSE_MAX_FIELDS);
	for (i = 0; i < f.nfields; i++) {
		const struct kv *kv = &f.fields[i];
		size_t nl = strlen(kv->name);

		CHECK(nl > 0 && nl <= PARSE_MAX_NAME);
		CHECK(utf8_valid_text(kv->name, nl));
		CHECK(strlen(kv->val) == kv->vlen && kv->vlen <= PARSE_MAX_VALUE);
		CHECK(utf8_valid_text(kv->val, kv->vlen));
		CHECK(kv_find(f.fields, f.nfields, kv->name) <= kv);
	}
	CHECK(a.total <= 2 * size + 65536);     /* memory linear in the input */
	arena_free(&a);
	return 0;
}
