/* QR codes as runs of modules for an SVG template (qr.h). */
#include "qr.h"
#include "arena.h"
#include "tmpl.h"

#include <qrencode.h>
#include <string.h>

size_t
qr_runs(const unsigned char *m, int size, struct qr_run *out)
{
	size_t n = 0;
	int x, y;

	for (y = 0; y < size; y++) {
		for (x = 0; x < size; x++) {
			int start = x;

			if (!(m[y * size + x] & 1))
				continue;
			while (x + 1 < size && (m[y * size + x + 1] & 1))
				x++;
			out[n].x = start;
			out[n].y = y;
			out[n].w = x - start + 1;
			n++;
		}
	}
	return n;
}

int
qr_encode(struct arena *a, const char *text, struct qr_code *out)
{
	QRcode *q = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
	size_t cap;

	memset(out, 0, sizeof(*out));
	if (q == NULL)
		return -1;
	out->size = q->width;
	/* At most one run per two modules of a row, rounded up. */
	cap = (size_t)q->width * (size_t)(q->width + 1) / 2;
	out->runs = arena_alloc(a, cap * sizeof(*out->runs));
	out->nruns = qr_runs(q->data, q->width, out->runs);
	QRcode_free(q);
	return 0;
}

void
qr_fill(tmpl_dict *d, const struct qr_code *q)
{
	size_t i;

	tmpl_set_int(d, "VIEW", q->size + 2 * QR_QUIET);
	for (i = 0; i < q->nruns; i++) {
		tmpl_dict *s = tmpl_add_section(d, "RUN");

		tmpl_set_int(s, "X", q->runs[i].x + QR_QUIET);
		tmpl_set_int(s, "Y", q->runs[i].y + QR_QUIET);
		tmpl_set_int(s, "W", q->runs[i].w);
	}
}
