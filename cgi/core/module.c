/* Loading our modules: module.h. */
#include "module.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void *
module_open(const char *file, const char *env, char *err, size_t errlen)
{
	const char *path_env = getenv(env);
	char exe[PATH_MAX], path[PATH_MAX + 64], *slash;
	static const char *const rel[] = { "/", "/../bin/" };
	ssize_t n;
	size_t i;
	void *h;

	if (path_env != NULL && *path_env != '\0') {
		if ((h = dlopen(path_env, RTLD_NOW | RTLD_LOCAL)) == NULL)
			snprintf(err, errlen, "%s", dlerror());
		return h;
	}
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) <= 0) {
		snprintf(err, errlen, "cannot find the program's directory");
		return NULL;
	}
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) != NULL)
		*slash = '\0';
	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		snprintf(path, sizeof(path), "%s%s%s", exe, rel[i], file);
		if ((h = dlopen(path, RTLD_NOW | RTLD_LOCAL)) != NULL)
			return h;
		snprintf(err, errlen, "%s", dlerror());
	}
	return NULL;
}
