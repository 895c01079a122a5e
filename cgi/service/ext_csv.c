/* External metrics: CSV records of points (ext_metric.h), RFC 4180 with
 * quoted fields, "" inside quotes, CRLF or LF, an optional UTF-8 BOM. Kept
 * apart from the rest (no database, no registry) so the fuzz harness
 * tests/fuzz/fuzz_csv.c links it alone. */
#include "ext_metric.h"
#include "arena.h"

#include <string.h>
#include <strings.h>

const char *const ext_field_names[] = { "at", "value", "category", "team", "channel", NULL };

/* One field starting at text[*i]; the field ends at , or a line end. */
static int
csv_field(struct arena *a, const char *t, size_t len, size_t *i, size_t *line,
    const char **out)
{
	char *f = arena_alloc(a, len - *i + 1);
	size_t o = 0;

	if (*i < len && t[*i] == '"') {
		for ((*i)++;; (*i)++) {
			if (*i >= len)
				return -1;
			if (t[*i] == '"') {
				if (*i + 1 < len && t[*i + 1] == '"') {
					f[o++] = '"';
					(*i)++;
					continue;
				}
				(*i)++;
				break;
			}
			if (t[*i] == '\n')
				(*line)++;
			f[o++] = t[*i];
		}
	}
	/* Unquoted text (or anything after a closing quote, kept as is). */
	while (*i < len && t[*i] != ',' && t[*i] != '\n' && t[*i] != '\r')
		f[o++] = t[(*i)++];
	f[o] = '\0';
	*out = f;
	return 0;
}

int
ext_csv_parse(struct arena *a, const char *t, size_t len, struct ext_csv_row **rows,
    size_t *n, size_t *bad_line)
{
	size_t i = 0, line = 1, cap = 16, nr = 0;
	struct ext_csv_row *r = arena_alloc(a, sizeof(*r) * cap);

	if (len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0)   /* a spreadsheet's BOM */
		i = 3;
	while (i < len) {
		const char *fields[64];
		size_t nf = 0, start = line;

		if (t[i] == '\n' || t[i] == '\r') {     /* an empty line */
			line += t[i] == '\n';
			i++;
			continue;
		}
		for (;;) {
			const char *f;

			if (csv_field(a, t, len, &i, &line, &f) != 0) {
				*bad_line = start;
				return -1;
			}
			if (nf < sizeof(fields) / sizeof(fields[0]))
				fields[nf++] = f;
			if (i < len && t[i] == ',') {
				i++;
				continue;
			}
			break;
		}
		if (i < len && t[i] == '\r')
			i++;
		if (i < len && t[i] == '\n') {
			i++;
			line++;
		}
		if (nr == cap) {
			struct ext_csv_row *g = arena_alloc(a, sizeof(*g) * cap * 2);

			memcpy(g, r, sizeof(*r) * cap);
			r = g;
			cap *= 2;
		}
		{
			const char **f = arena_alloc(a, sizeof(*f) * (nf + 1));

			memcpy(f, fields, sizeof(*f) * nf);
			r[nr].line = start;
			r[nr].n = nf;
			r[nr].f = f;
			nr++;
		}
	}
	*rows = r;
	*n = nr;
	return 0;
}

const char *
ext_csv_header(const struct ext_csv_row *h, int col[EXT_F__MAX], const char **bad)
{
	size_t i;
	int k;

	for (k = 0; k < EXT_F__MAX; k++)
		col[k] = -1;
	for (i = 0; i < h->n; i++) {
		const char *name = h->f[i];
		size_t len;

		while (*name == ' ')
			name++;
		len = strlen(name);
		while (len > 0 && name[len - 1] == ' ')
			len--;
		for (k = 0; k < EXT_F__MAX; k++)
			if (strlen(ext_field_names[k]) == len &&
			    strncasecmp(ext_field_names[k], name, len) == 0)
				break;
		*bad = h->f[i];
		if (k == EXT_F__MAX)
			return "EXT_ERR_CSV_COLUMN";
		if (col[k] >= 0)
			return "EXT_ERR_CSV_COLUMN_TWICE";
		col[k] = (int)i;
	}
	*bad = col[EXT_F_AT] < 0 ? "at" : "value";
	if (col[EXT_F_AT] < 0 || col[EXT_F_VALUE] < 0)
		return "EXT_ERR_CSV_NO_COLUMN";
	*bad = NULL;
	return NULL;
}

void
ext_csv_fields(const struct ext_csv_row *row, const int col[EXT_F__MAX],
    const char *text[EXT_F__MAX])
{
	int k;

	for (k = 0; k < EXT_F__MAX; k++)
		text[k] = col[k] >= 0 && (size_t)col[k] < row->n ? row->f[col[k]] : NULL;
}
