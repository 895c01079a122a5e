/* Photo bench: the time image_check_and_reencode (cgi/core/image.c) takes
 * for a typical 12-megapixel phone JPEG (4032 x 3024, EXIF orientation 6
 * as a phone held upright writes it, quality 92), and the sizes of what it
 * stores. The photo is made here with libvips: smooth colour gradients
 * plus per-pixel noise, so that it compresses like a real photo (about
 * 3-5 MB) rather than like a flat test card.
 *
 *   build/tests/bench_image [RUNS]      (default 7 runs; prints Markdown)
 *   build/tests/bench_image --write FILE  (only writes the test photo)
 *
 * Run by tests/bench/run.sh (make bench); it needs no stack. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <vips/vips.h>

#include "arena.h"
#include "image.h"

#define W 4032
#define H 3024

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double
cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Resident set size now, in MiB (Linux /proc), or -1. */
static double
rss_mib(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long pages = -1, rss = -1;

	if (f == NULL)
		return -1;
	if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
		rss = -1;
	fclose(f);
	return rss < 0 ? -1 : (double)rss * 4096 / (1024 * 1024);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The phone photo as a JPEG (g_malloc'ed), or NULL. */
static void *
phone_jpeg(size_t *len)
{
	unsigned char *px = malloc((size_t)W * H * 3);
	uint32_t seed = 2026;
	VipsImage *im;
	void *buf = NULL;
	int x, y, c, rc;

	if (px == NULL)
		return NULL;
	for (y = 0; y < H; y++)
		for (x = 0; x < W; x++)
			for (c = 0; c < 3; c++) {
				int v = c == 0 ? x * 200 / W + 30 : c == 1 ? y * 180 / H + 40 :
				    ((x / 97 + y / 61) % 7) * 30 + 20;

				seed = seed * 1103515245u + 12345u;
				v += (int)((seed >> 16) % 13) - 6;
				px[((size_t)y * W + (size_t)x) * 3 + (size_t)c] =
				    (unsigned char)(v < 0 ? 0 : v > 255 ? 255 : v);
			}
	im = vips_image_new_from_memory_copy(px, (size_t)W * H * 3, W, H, 3, VIPS_FORMAT_UCHAR);
	free(px);
	if (im == NULL)
		return NULL;
	vips_image_set_int(im, "orientation", 6);
	rc = vips_jpegsave_buffer(im, &buf, len, "Q", 92, NULL);
	g_object_unref(im);
	return rc == 0 ? buf : NULL;
}

/* Write the test photo to path (to upload it by hand); exit status. */
static int
write_photo(const char *argv0, const char *path)
{
	size_t len;
	void *jpeg;
	FILE *f;
	int ok;

	if (VIPS_INIT(argv0) != 0 || (jpeg = phone_jpeg(&len)) == NULL)
		return 1;
	if ((f = fopen(path, "wb")) == NULL)
		return 1;
	ok = fwrite(jpeg, 1, len, f) == len;
	ok = fclose(f) == 0 && ok;
	g_free(jpeg);
	return ok ? 0 : 1;
}

int
main(int argc, char **argv)
{
	struct arena a;
	struct image_out out;
	struct rusage ru;
	double *ms, *cpu, t0, c0, rss0;
	size_t len;
	void *jpeg;
	long runs = argc > 1 ? strtol(argv[1], NULL, 10) : 7;
	long i;

	if (argc == 3 && strcmp(argv[1], "--write") == 0)
		return write_photo(argv[0], argv[2]);
	if (runs < 1 || runs > 1000 || VIPS_INIT(argv[0]) != 0) {
		fprintf(stderr, "usage: %s [RUNS 1-1000]\n", argv[0]);
		return 2;
	}
	if ((jpeg = phone_jpeg(&len)) == NULL || (ms = calloc((size_t)runs, sizeof(*ms))) == NULL ||
	    (cpu = calloc((size_t)runs, sizeof(*cpu))) == NULL) {
		fprintf(stderr, "bench_image: could not make the test photo\n");
		return 1;
	}
	arena_init(&a);
	memset(&out, 0, sizeof(out));
	rss0 = rss_mib();
	for (i = 0; i < runs; i++) {
		arena_reset(&a);
		t0 = now_ms();
		c0 = cpu_ms();
		if (image_check_and_reencode(&a, jpeg, len, &out) != IMAGE_OK) {
			fprintf(stderr, "bench_image: refused: %s\n", image_last_error());
			return 1;
		}
		ms[i] = now_ms() - t0;
		cpu[i] = cpu_ms() - c0;
	}
	qsort(ms, (size_t)runs, sizeof(*ms), cmp_double);
	qsort(cpu, (size_t)runs, sizeof(*cpu), cmp_double);
	getrusage(RUSAGE_SELF, &ru);
	printf("Photo upload (cgi/core/image.c), %ld runs in one process: a %dx%d phone JPEG of"
	    " %.2f MB (quality 92, EXIF orientation 6)\n\n", runs, W, H, (double)len / 1e6);
	printf("| step | wall ms median / min / max | CPU ms median | output |\n"
	    "|---|---:|---:|---|\n");
	printf("| decode + rotate + scale + re-encode + thumbnail | %.0f / %.0f / %.0f | %.0f |"
	    " %dx%d JPEG %.0f kB, thumbnail %dx%d %.1f kB |\n\n", ms[runs / 2], ms[0], ms[runs - 1],
	    cpu[runs / 2],
	    out.width, out.height, (double)out.len / 1e3, out.thumb_width, out.thumb_height,
	    (double)out.thumb_len / 1e3);
	printf("RSS with the test photo made: %.0f MiB; after the runs: %.0f MiB; peak %.0f MiB"
	    " (making the test photo included).\n", rss0, rss_mib(), (double)ru.ru_maxrss / 1024);
	arena_free(&a);
	free(ms);
	free(cpu);
	g_free(jpeg);
	return 0;
}
