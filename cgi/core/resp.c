#include "http_internal.h"
#include "arena.h"
#include "config.h"
#include "i18n.h"
#include "route.h"
#include "tmpl.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Pages only load our own CSS/JS/images; nothing may frame them. */
#define CSP "default-src 'none'; style-src 'self'; img-src 'self' data:; " \
	"script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

static const char *
status_text(int st)
{
	switch (st) {
	case 200: return "OK";
	case 201: return "Created";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Entity";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default:  return st >= 500 ? "Internal Server Error" : "Status";
	}
}

void
resp_header(struct req *r, const char *name, const char *val)
{
	/* A header value never carries a line break (no response splitting). */
	if (val == NULL || strpbrk(val, "\r\n") != NULL)
		return;
	if (r->nhdrs < HTTP_MAX_HEADERS) {
		r->hdrs[r->nhdrs].name = name;
		r->hdrs[r->nhdrs].val = val;
		r->nhdrs++;
	}
}

void
resp_cookie(struct req *r, const char *name, const char *val, long max_age)
{
	const char *secure = cfg.secure_cookies || r->https ? "; Secure" : "";

	if (max_age < 0)
		resp_header(r, "Set-Cookie", arena_printf(r->a,
		    "%s=%s; Path=/; HttpOnly; SameSite=Lax%s", name, val, secure));
	else
		resp_header(r, "Set-Cookie", arena_printf(r->a,
		    "%s=%s; Path=/; Max-Age=%ld; HttpOnly; SameSite=Lax%s",
		    name, val, max_age, secure));
}

static int
resp_has_header(const struct req *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nhdrs; i++)
		if (strcasecmp(r->hdrs[i].name, name) == 0)
			return 1;
	return 0;
}

/* The header block, built in one arena buffer and written at once (one
 * formatting pass per header cost ~7,000 instructions a page). */
struct head_buf {
	char  *p;
	size_t len;
};

static void
head_put(struct head_buf *b, const char *s)
{
	size_t n = strlen(s);

	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static void
head_line(struct head_buf *b, const char *name, const char *val)
{
	head_put(b, name);
	head_put(b, ": ");
	head_put(b, val);
	head_put(b, "\r\n");
}

/* Decimal digits of v into b. */
static void
head_num(struct head_buf *b, unsigned long long v)
{
	char tmp[24];
	size_t n = 0;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n > 0)
		b->p[b->len++] = tmp[--n];
}

/* Default security headers, unless the handler set its own (stricter)
 * value, e.g. no-store on tracking pages or a sandbox CSP for files. */
static const char *const default_names[] = {
	"Content-Security-Policy", "Referrer-Policy", "Cache-Control"
};

/* Status line, our headers, security headers, then the body. */
int
resp_raw(struct req *r, int status, const char *ctype, const void *body, size_t len)
{
	const char *defaults[3] = { CSP, "same-origin", r->user != NULL ? "no-store" : "no-cache" };
	const char *text = status_text(status);
	struct head_buf b;
	size_t i, cap;
	int head_only = strcmp(r->method, "HEAD") == 0;

	if (r->responded)
		return -1;
	r->responded = 1;
	r->status = status;
	cap = 160 + strlen(text) + strlen(ctype);
	for (i = 0; i < 3; i++)
		cap += strlen(default_names[i]) + strlen(defaults[i]) + 4;
	for (i = 0; i < r->nhdrs; i++)
		cap += strlen(r->hdrs[i].name) + strlen(r->hdrs[i].val) + 4;
	b.p = arena_alloc(r->a, cap);
	b.len = 0;
	head_put(&b, "Status: ");
	head_num(&b, (unsigned long long)(status >= 0 ? status : 0));
	head_put(&b, " ");
	head_put(&b, text);
	head_put(&b, "\r\nContent-Type: ");
	head_put(&b, ctype);
	head_put(&b, "\r\nContent-Length: ");
	head_num(&b, len);
	head_put(&b, "\r\nX-Content-Type-Options: nosniff\r\nX-Frame-Options: DENY\r\n");
	for (i = 0; i < 3; i++)
		if (!resp_has_header(r, default_names[i]))
			head_line(&b, default_names[i], defaults[i]);
	for (i = 0; i < r->nhdrs; i++)
		head_line(&b, r->hdrs[i].name, r->hdrs[i].val);
	head_put(&b, "\r\n");
	if (io_write(r, b.p, b.len) != 0)
		return -1;
	if (head_only || len == 0)
		return 0;
	return io_write(r, body, len);
}

int
resp_redirect(struct req *r, const char *location)
{
	/* Only local paths: never an open redirect. */
	if (!local_path_ok(location))
		location = "/";
	resp_header(r, "Location", location);
	return resp_raw(r, 303, "text/plain; charset=utf-8", "", 0);
}

int
resp_page(struct req *r, int status, const char *file, tmpl_dict *d)
{
	size_t len;
	char *html = tmpl_render(r->a, file, d, &len);

	tmpl_free(d);
	if (html == NULL)
		return resp_raw(r, 500, "text/plain; charset=utf-8", "template error\n", 15);
	return resp_raw(r, status, "text/html; charset=utf-8", html, len);
}

int
resp_error(struct req *r, int status, const char *msg_key)
{
	tmpl_dict *d = page_dict(r, "ERR_TITLE");

	tmpl_set_int(d, "STATUS", status);
	tmpl_set(d, "MESSAGE", i18n(r->lang, msg_key));
	tmpl_set(d, "HOME_HREF", route_role_home(r->user));
	return resp_page(r, status, "layout/error.tpl", d);
}

static const struct {
	const char *key, *href;
	unsigned    roles;          /* who sees the link */
} nav_items[] = {
	{ "NAV_DESK",     "/desk/",     ROLES_DESK },
	{ "NAV_MY",       "/desk/my",   ROLE_BIT(ROLE_TECHNICIAN) },
	{ "NAV_KB",       "/desk/kb",   ROLES_DESK },
	{ "NAV_PARTS",    "/desk/parts", ROLES_DESK },
	{ "NAV_PLANS",    "/desk/plans", ROLES_AGENT },
	{ "NAV_DASH",     "/dash/",     ROLES_MANAGER },
	{ "NAV_JOURNEYS", "/journeys/", ROLES_MANAGER | ROLE_BIT(ROLE_AGENT) },
	{ "NAV_OKR",      "/okr/",      ROLES_STAFF },
	{ "NAV_ADMIN",    "/admin/",    ROLES_ADMIN },
};

/* The nav item whose href is the longest prefix of path (or SIZE_MAX). */
static size_t
nav_current(const char *path)
{
	size_t i, best = SIZE_MAX, best_len = 0;

	for (i = 0; i < sizeof(nav_items) / sizeof(nav_items[0]); i++) {
		size_t n = strlen(nav_items[i].href);
		if (strncmp(path, nav_items[i].href, n) == 0 && n > best_len) {
			best = i;
			best_len = n;
		}
	}
	return best;
}

tmpl_dict *
page_dict(struct req *r, const char *title_key)
{
	tmpl_dict *d = tmpl_new(), *s, *head;
	size_t i, cur;
	const char *lang = r->lang != NULL ? r->lang : "zh-CN", *role;

	i18n_fill(d, lang);
	tmpl_set_global(d, "HTML_LANG", lang);
	tmpl_set_global(d, "CSRF", r->csrf);
	tmpl_set_global(d, "PAGE_TITLE", i18n(lang, title_key));
	tmpl_set_global(d, "CUR_PATH", r->path);
	tmpl_set_global(d, "OTHER_LANG", strcmp(lang, "en") == 0 ? "zh-CN" : "en");
	tmpl_set_global(d, "OTHER_LANG_NAME", strcmp(lang, "en") == 0 ? "中文" : "English");
	/* Sections are not inherited by includes: fill the header's own. */
	head = tmpl_add_include(d, "LAYOUT_HEAD", "layout/head.tpl");
	tmpl_add_include(d, "LAYOUT_FOOT", "layout/foot.tpl");
	if (r->user == NULL) {
		tmpl_show_section(head, "SIGNED_OUT");
		return d;
	}
	s = tmpl_add_section(head, "SIGNED_IN");
	role = arena_printf(r->a, "ROLE_%s", role_name(r->user->role));
	tmpl_set(s, "USER_NAME", r->user->name);
	tmpl_set(s, "USER_ROLE", i18n(lang, role));
	/* "系统管理员 Admin 管理员" says it twice: a name that already holds
	 * the role's word, in either language, shows without it (the role
	 * stays in the link's title). */
	if (strstr(r->user->name, i18n("zh-CN", role)) == NULL &&
	    strcasestr(r->user->name, i18n("en", role)) == NULL)
		tmpl_show_section(s, "SHOW_ROLE");
	cur = nav_current(r->path);
	for (i = 0; i < sizeof(nav_items) / sizeof(nav_items[0]); i++) {
		tmpl_dict *n;
		if ((nav_items[i].roles & ROLE_BIT(r->user->role)) == 0)
			continue;
		n = tmpl_add_section(head, "NAV");
		tmpl_set(n, "NAV_LABEL", i18n(lang, nav_items[i].key));
		tmpl_set(n, "NAV_HREF", nav_items[i].href);
		if (i == cur)
			tmpl_show_section(n, "NAV_CURRENT");
	}
	return d;
}
