/* libFuzzer entry point for ext_csv_parse() (the CSV import of external
 * metrics): any input either fails at a line inside it, or gives records
 * with lines in order; those records written out again (every field
 * quoted) parse to the same fields; the header check and the field lookup
 * never read outside a record. */
// fuzz-sources: cgi/service/ext_csv.c cgi/core/arena.c
// fuzz-max-len: 16384
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ext_metric.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The records as CSV with every field quoted (malloc'ed). */
static char *
write_rows(const struct ext_csv_row *rows, size_t n, size_t *len)
{
	size_t cap = 16, i, k, o = 0;
	char *p;

	for (i = 0; i < n; i++)
		for (k = 0; k < rows[i].n; k++)
			cap += 2 * strlen(rows[i].f[k]) + 4;
	p = malloc(cap);
	CHECK(p != NULL);
	for (i = 0; i < n; i++) {
		for (k = 0; k < rows[i].n; k++) {
			const char *s = rows[i].f[k];

			if (k > 0)
				p[o++] = ',';
			p[o++] = '"';
			for (; *s != '\0'; s++) {
				if (*s == '"')
					p[o++] = '"';
				p[o++] = *s;
			}
			p[o++] = '"';
		}
		p[o++] = '\n';
	}
	*len = o;
	return p;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ext_csv_row *rows, *again;
	size_t n, n2, bad = 0, i, k, len;
	const char *text[EXT_F__MAX], *name;
	int col[EXT_F__MAX];
	struct arena a;
	char *out;

	arena_init(&a);
	if (ext_csv_parse(&a, (const char *)data, size, &rows, &n, &bad) != 0) {
		CHECK(bad >= 1 && bad <= size + 1);
		arena_free(&a);
		return 0;
	}
	for (i = 0; i < n; i++) {
		CHECK(rows[i].n >= 1 && rows[i].n <= 64);
		CHECK(i == 0 || rows[i].line >= rows[i - 1].line);
		for (k = 0; k < rows[i].n; k++)
			CHECK(strlen(rows[i].f[k]) <= size);
	}
	if (n > 0 && ext_csv_header(&rows[0], col, &name) == NULL)
		for (i = 1; i < n; i++)
			ext_csv_fields(&rows[i], col, text);
	out = write_rows(rows, n, &len);
	CHECK(ext_csv_parse(&a, out, len, &again, &n2, &bad) == 0);
	/* A record of one empty field written as "" stays; otherwise equal. */
	CHECK(n2 == n);
	for (i = 0; i < n; i++) {
		CHECK(again[i].n == rows[i].n);
		for (k = 0; k < rows[i].n; k++)
			CHECK(strcmp(again[i].f[k], rows[i].f[k]) == 0);
	}
	free(out);
	arena_free(&a);
	return 0;
}
