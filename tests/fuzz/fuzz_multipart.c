/* libFuzzer entry point for parse_multipart(). The first line of the input
 * is the Content-Type value (an empty first line means
 * "multipart/form-data; boundary=b"), the rest is the body. Checks the
 * invariants parse.h promises. */
// fuzz-sources: cgi/core/parse.c cgi/core/arena.c
// fuzz-max-len: 300000
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "parse.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_form(const struct form *f, const uint8_t *body, size_t blen)
{
	size_t i, n;

	CHECK(f->nfields <= PARSE_MAX_FIELDS && f->nfiles <= PARSE_MAX_FILES);
	for (i = 0; i < f->nfields; i++) {
		n = strlen(f->fields[i].name);
		CHECK(n > 0 && n <= PARSE_MAX_NAME);
		CHECK(utf8_valid_text(f->fields[i].name, n));
		CHECK(strlen(f->fields[i].val) == f->fields[i].vlen);
		CHECK(f->fields[i].vlen <= PARSE_MAX_VALUE);
		CHECK(utf8_valid_text(f->fields[i].val, f->fields[i].vlen));
	}
	for (i = 0; i < f->nfiles; i++) {
		const struct upload *u = &f->files[i];

		CHECK(u->field != NULL && *u->field != '\0');
		CHECK(u->filename != NULL && u->ctype != NULL);
		n = strlen(u->filename);
		CHECK(utf8_valid_text(u->filename, n));
		CHECK(strpbrk(u->filename, "/\\\t\r\n") == NULL);
		CHECK(u->data >= body && u->len <= blen &&
		    (size_t)(u->data - body) <= blen - u->len);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *lf = memchr(data, '\n', size);
	const uint8_t *body;
	struct arena a;
	struct form f;
	const char *ctype;
	size_t clen, blen;
	enum parse_err e;

	arena_init(&a);
	clen = lf ? (size_t)(lf - data) : size;
	ctype = clen == 0 ? "multipart/form-data; boundary=b" :
	    arena_strndup(&a, (const char *)data, clen);
	body = lf ? lf + 1 : data + size;
	blen = size - (size_t)(body - data);
	e = parse_multipart(&a, ctype, body, blen, &f);
	CHECK(e >= PARSE_OK && e < PARSE_ERR__MAX);
	if (e != PARSE_OK)
		CHECK(f.fields == NULL && f.nfields == 0 && f.files == NULL && f.nfiles == 0);
	else
		check_form(&f, body, blen);
	/* memory must stay linear in the input (16-byte rounding of small
	 * parameter copies allows a few times the size) */
	CHECK(a.total <= 8 * size + 65536);
	arena_free(&a);
	return 0;
}
