/* Modules: shared objects of ours that a program loads the first time it
 * needs them (sl-image.so with libvips, sl-notify-net.so with libcurl), so
 * a worker that never needs them does not map and relocate their many
 * libraries at start (RSS). */
#ifndef SL_MODULE_H
#define SL_MODULE_H

#include <stddef.h>

/* dlopen the module file: the path in the environment variable env when
 * it is set, else file in the directory of the program, else in ../bin/
 * from there (the test programs of build/tests/). The handle, or NULL
 * with the reason in err (errlen bytes). Never closed: the module stays
 * for the life of the process. */
void	*module_open(const char *file, const char *env, char *err, size_t errlen);

#endif
