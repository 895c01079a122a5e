#include "route.h"
#include "arena.h"

#include <string.h>

/* Match one pattern; returns 1 and fills params on a match (copies are
 * made only then, so trying many patterns allocates nothing). */
static int
route_match_one(struct arena *a, const char *pat, const char *path, const char **params)
{
	const char *start[HTTP_MAX_PARAMS];
	size_t len[HTTP_MAX_PARAMS], np = 0, i;

	while (*pat != '\0') {
		if (*pat == ':' || *pat == '*') {
			const char *end = *pat == '*' ? path + strlen(path) : strchr(path, '/');

			if (end == NULL)
				end = path + strlen(path);
			if (end == path || np >= HTTP_MAX_PARAMS)
				return 0;
			start[np] = path;
			len[np++] = (size_t)(end - path);
			path = end;
			pat++;
			continue;
		}
		if (*pat != *path)
			return 0;
		pat++;
		path++;
	}
	if (*path != '\0')
		return 0;
	for (i = 0; i < np; i++)
		params[i] = arena_strndup(a, start[i], len[i]);
	return 1;
}

enum route_match
route_find(struct arena *a, const struct route *rt, size_t n, const char *method,
    const char *path, const char **params, size_t *idx)
{
	size_t i;
	int path_seen = 0;
	const char *m = strcmp(method, "HEAD") == 0 ? "GET" : method;

	for (i = 0; i < n; i++) {
		if (!route_match_one(a, rt[i].pattern, path, params))
			continue;
		path_seen = 1;
		if (strcmp(rt[i].method, m) == 0) {
			*idx = i;
			return ROUTE_FOUND;
		}
	}
	return path_seen ? ROUTE_BAD_METHOD : ROUTE_NOT_FOUND;
}

int
route_may_open_desk(const struct user *u)
{
	return u != NULL && (ROLES_DESK & ROLE_BIT(u->role)) != 0;
}

const char *
route_role_home(const struct user *u)
{
	if (u == NULL)
		return "/";
	switch (u->role) {
	case ROLE_VIEWER:
		return "/dash/";
	case ROLE_TECHNICIAN:
		return "/desk/my";
	default:
		return "/desk/";
	}
}

int
route_is_site_start(const char *path)
{
	return strcmp(path, "/desk/") == 0;
}
