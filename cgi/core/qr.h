/* QR codes as SVG: libqrencode (Debian libqrencode-dev) computes the
 * modules; here they become horizontal runs, and the SVG markup comes
 * only from a template (templates/layout/qr.tpl: one <rect> per run), so
 * the page escapes every value like any other. */
#ifndef SL_QR_H
#define SL_QR_H

#include <stddef.h>

struct arena;
typedef struct tmpl_dict tmpl_dict;

#define QR_QUIET 4   /* modules of white border on each side (the standard's) */

/* A run of dark modules on row y from column x, w modules long. */
struct qr_run {
	int x, y, w;
};

struct qr_code {
	int            size;    /* modules per side, without the quiet zone */
	struct qr_run *runs;    /* arena */
	size_t         nruns;
};

/* The runs of a size × size module matrix (row-major; a module is dark
 * when bit 0 of its byte is set, libqrencode's convention) into out,
 * which has room for size * (size + 1) / 2 runs. Returns how many. Pure. */
size_t	qr_runs(const unsigned char *modules, int size, struct qr_run *out);

/* Encode text (8-bit mode, error correction level M). 0 ok, -1 when it
 * does not fit or the library fails. The runs are in the arena. */
int	qr_encode(struct arena *, const char *text, struct qr_code *out);

/* Fill the dictionary of templates/layout/qr.tpl: VIEW (side of the
 * viewBox with the quiet zone) and one section RUN {X, Y, W} per run. */
void	qr_fill(tmpl_dict *, const struct qr_code *);

#endif
