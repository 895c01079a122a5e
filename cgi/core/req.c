#include "http_internal.h"
#include "arena.h"

#include <string.h>
#include <time.h>

const char *
req_env(const struct req *r, const char *name)
{
	size_t n = strlen(name);
	char **e;

	for (e = r->envp; e != NULL && *e != NULL; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

static const char *
env_or(const struct req *r, const char *name, const char *dflt)
{
	const char *v = req_env(r, name);

	return v != NULL ? v : dflt;
}

/* The path: nginx gives DOCUMENT_URI (decoded, normalised); a plain CGI
 * server gives SCRIPT_NAME + PATH_INFO. */
static const char *
req_path(struct req *r)
{
	const char *p = req_env(r, "DOCUMENT_URI");
	const char *sn, *pi;

	if (p != NULL && *p != '\0')
		return p;
	sn = env_or(r, "SCRIPT_NAME", "");
	pi = env_or(r, "PATH_INFO", "");
	if (*sn == '\0' && *pi == '\0')
		return "/";
	return arena_printf(r->a, "%s%s", sn, pi);
}

void
req_init_env(struct req *r)
{
	const char *https = req_env(r, "HTTPS");

	r->method = env_or(r, "REQUEST_METHOD", "GET");
	r->path = req_path(r);
	r->remote_addr = env_or(r, "REMOTE_ADDR", "");
	r->origin = req_env(r, "HTTP_ORIGIN");
	r->host = req_env(r, "HTTP_HOST");
	r->https = https != NULL && (strcmp(https, "on") == 0 || strcmp(https, "1") == 0);
	r->ctype = env_or(r, "CONTENT_TYPE", "");
}

const char *
req_form(const struct req *r, const char *name)
{
	return form_get(&r->body, name);
}

const char *
req_query(const struct req *r, const char *name)
{
	return form_get(&r->query, name);
}

const char *
req_cookie(const struct req *r, const char *name)
{
	const struct kv *kv = kv_find(r->cookies, r->ncookies, name);

	return kv != NULL ? kv->val : NULL;
}

static const char *const role_names[ROLE__MAX] = {
	"", "viewer", "technician", "agent", "supervisor", "admin"
};

const char *
role_name(enum role r)
{
	return r < ROLE__MAX ? role_names[r] : "";
}

enum role
role_parse(const char *s)
{
	int i;

	for (i = 1; s != NULL && i < ROLE__MAX; i++)
		if (strcmp(s, role_names[i]) == 0)
			return (enum role)i;
	return ROLE_NONE;
}

long long
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

char *
url_encode(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = arena_alloc(a, strlen(s) * 3 + 1), *o = out;
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return out;
}

int
local_path_ok(const char *s)
{
	const unsigned char *p;

	if (s == NULL || s[0] != '/' || s[1] == '/')
		return 0;
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x21 || *p == 0x7F || *p == '\\')
			return 0;
	return 1;
}
