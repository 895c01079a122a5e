/* The photo functions of image.h for the workers: cgi/core/image.c and
 * libvips live in a module of their own, sl-image.so, loaded on the first
 * photo. Linking libvips into a worker maps and relocates its ~80 shared
 * libraries (libvips, librsvg, poppler, OpenEXR, HDF5, ImageMagick's
 * dependencies...) at start: 24 MiB RSS per worker instead of about 8,
 * for the few requests that carry a photo.
 *
 * Where the module is: $SL_IMAGE_MODULE when set, else sl-image.so in the
 * directory of the program, else in ../bin/ from there (the test programs
 * of build/tests/). A module that cannot be loaded refuses every photo
 * with IMAGE_ERR_INTERNAL and says why in image_last_error(). */
#include "image.h"
#include "module.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IMAGE_MODULE "sl-image.so"

typedef enum image_err (*reencode_fn)(struct arena *, const unsigned char *, size_t,
    struct image_out *);
typedef const char *(*last_error_fn)(void);
typedef void (*shutdown_fn)(void);

static int           loaded;          /* 0 not tried, 1 loaded, -1 failed */
static reencode_fn   mod_reencode;
static last_error_fn mod_last_error;
static shutdown_fn   mod_shutdown;
static char          load_error[512];

/* Load the module once per process. 0 ok, -1 when it cannot be used. */
static int
image_load(void)
{
	void *h;

	if (loaded != 0)
		return loaded > 0 ? 0 : -1;
	loaded = -1;
	if ((h = module_open(IMAGE_MODULE, "SL_IMAGE_MODULE", load_error,
	    sizeof(load_error))) == NULL)
		return -1;
	/* POSIX: a data pointer from dlsym converts to a function pointer. */
	*(void **)&mod_reencode = dlsym(h, "image_check_and_reencode");
	*(void **)&mod_last_error = dlsym(h, "image_last_error");
	*(void **)&mod_shutdown = dlsym(h, "image_shutdown");
	if (mod_reencode == NULL || mod_last_error == NULL || mod_shutdown == NULL) {
		snprintf(load_error, sizeof(load_error), "%s: missing functions", IMAGE_MODULE);
		dlclose(h);
		return -1;
	}
	loaded = 1;
	(void)atexit(image_shutdown);
	return 0;
}

enum image_err
image_check_and_reencode(struct arena *a, const unsigned char *in, size_t len,
    struct image_out *out)
{
	if (image_load() != 0)
		return IMAGE_ERR_INTERNAL;
	return mod_reencode(a, in, len, out);
}

void
image_shutdown(void)
{
	if (loaded > 0)
		mod_shutdown();
}

const char *
image_last_error(void)
{
	if (loaded < 0)
		return load_error;
	return loaded > 0 ? mod_last_error() : "";
}
